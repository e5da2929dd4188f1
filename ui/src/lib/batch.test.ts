import { describe, expect, it } from "vitest";
import type { FileRow } from "../bindings/FileRow";
import { PATH_ORDER, nextSort, progressText, rulesText, sortRows } from "./batch";

function row(name: string, errors: number | null, warnings: number | null = 0): FileRow {
  return {
    name, errors, warnings, system: errors === null ? null : "hành chính", scope: errors === null ? null : "trong phạm vi",
    ruleset: null, top_rules: [], failure: errors === null ? "không đọc được tệp" : null,
  };
}

describe("sortRows", () => {
  const rows = [row("a.docx", 2), row("b.docx", null), row("c.docx", 5, 1), row("d.docx", 2, 3)];
  it("keeps path order by default", () => {
    expect(sortRows(rows, PATH_ORDER).map((r) => r.name)).toEqual(["a.docx", "b.docx", "c.docx", "d.docx"]);
  });
  it("puts unreadable files first when sorting by errors, most first; ties keep path order", () => {
    expect(sortRows(rows, { key: "errors", desc: true }).map((r) => r.name)).toEqual(["b.docx", "c.docx", "a.docx", "d.docx"]);
    expect(sortRows(rows, { key: "errors", desc: false }).map((r) => r.name)).toEqual(["a.docx", "d.docx", "c.docx", "b.docx"]);
  });
  it("does not change the rows it is given", () => {
    sortRows(rows, { key: "errors", desc: true });
    expect(rows[0].name).toBe("a.docx");
  });
});

describe("nextSort", () => {
  it("sorts counts from most first, then reverses on a second click", () => {
    const s = nextSort(PATH_ORDER, "errors");
    expect(s).toEqual({ key: "errors", desc: true });
    expect(nextSort(s, "errors")).toEqual({ key: "errors", desc: false });
    expect(nextSort(s, "name")).toEqual({ key: "name", desc: false });
  });
});

describe("progressText", () => {
  it("counts the file being checked from 1", () => {
    expect(progressText({ done: 11, total: 73, name: "con/ke-hoach.docx" })).toBe("Đang kiểm tra 12/73: con/ke-hoach.docx");
    expect(progressText(null)).toMatch(/^Đang tìm/);
  });
  it("joins top rules as the CLI does", () => {
    expect(rulesText([{ rule: "ND30-110", count: 3 }, { rule: "ND30-102", count: 1 }])).toBe("ND30-110 ×3, ND30-102 ×1");
  });
});
