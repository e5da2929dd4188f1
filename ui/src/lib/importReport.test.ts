import { describe, expect, it } from "vitest";
import { entryPlace } from "./importReport";
import type { ReportEntry } from "../bindings/ReportEntry";

const entry = (paragraph: number | null): ReportEntry => ({
  kind: "omitted",
  label: "không nhập được",
  paragraph,
  text_start: "",
  note: "Hình ảnh",
});

describe("import report", () => {
  it("names the paragraph of the original, or none", () => {
    expect(entryPlace(entry(11))).toBe("đoạn 12");
    expect(entryPlace(entry(0))).toBe("đoạn 1");
    expect(entryPlace(entry(null))).toBe("—");
  });
});
