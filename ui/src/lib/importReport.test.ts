import { describe, expect, it } from "vitest";
import { ENTRY_KIND_LABELS, entryPlace } from "./importReport";
import type { ReportEntry } from "../bindings/ReportEntry";

const entry = (paragraph: number | null): ReportEntry => ({ kind: "omitted", paragraph, text_start: "", note: "Hình ảnh" });

describe("import report", () => {
  it("names the paragraph of the original, or none", () => {
    expect(entryPlace(entry(12))).toBe("đoạn 12");
    expect(entryPlace(entry(null))).toBe("—");
  });
  it("labels every kind in Vietnamese", () => {
    expect(Object.values(ENTRY_KIND_LABELS).every((l) => l.length > 0)).toBe(true);
  });
});
