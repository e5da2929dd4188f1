import { describe, expect, it } from "vitest";
import { blockingErrors, findingsState } from "./findings";
import type { CheckView } from "../bindings/CheckView";
import type { PreviewResult } from "../bindings/PreviewResult";

const clean: CheckView = {
  file: "bản thảo", ruleset: "ND30-2020", errors: 0, warnings: 0, coverage: "", diagnostics: [], groups: [], read_only: false,
};
const result = (r: Partial<PreviewResult>): PreviewResult => ({ preview: null, problems: [], check: null, check_error: null, ...r });

describe("findingsState", () => {
  it("says nothing before the first preview", () => {
    expect(findingsState(null)).toEqual({ kind: "pending" });
  });
  it("shows a checker failure as an error, never as no errors", () => {
    const s = findingsState(result({ check_error: "Không kiểm tra được thể thức: hỏng" }));
    expect(s).toEqual({ kind: "check_failed", message: "Không kiểm tra được thể thức: hỏng" });
  });
  it("is clean only when the checker ran and found nothing", () => {
    expect(findingsState(result({ check: clean }))).toEqual({ kind: "clean" });
    expect(findingsState(result({}))).toEqual({ kind: "incomplete" });
  });
  it("counts draft problems and findings", () => {
    const s = findingsState(result({ problems: [{ field: "subject", message: "Thiếu trích yếu" }] }));
    expect(s).toEqual({ kind: "problems", count: 1 });
    expect(blockingErrors(result({ problems: [{ field: "x", message: "y" }], check: { ...clean, errors: 2 } }))).toBe(3);
  });
});
