// The folder check's table (kiểm tra cả thư mục): sorting the rows and the progress line.
import type { BatchProgress } from "../bindings/BatchProgress";
import type { FileRow } from "../bindings/FileRow";

export type SortKey = "name" | "errors" | "warnings";
export type Sort = { key: SortKey; desc: boolean };

/** The path order the core gives (tên tệp, A→Z). */
export const PATH_ORDER: Sort = { key: "name", desc: false };

/**
 * The rows sorted by `sort`; ties keep path order. A file that could not be read counts as
 * the worst: first when sorting by errors or warnings from most to fewest.
 */
export function sortRows(rows: FileRow[], sort: Sort): FileRow[] {
  const count = (r: FileRow): number => {
    const n = sort.key === "errors" ? r.errors : r.warnings;
    return n ?? Number.POSITIVE_INFINITY;
  };
  const indexed = rows.map((r, i) => ({ r, i }));
  indexed.sort((a, b) => {
    const d = sort.key === "name" ? a.r.name.localeCompare(b.r.name, "vi") : count(a.r) - count(b.r);
    const primary = sort.desc ? -d : d;
    return primary !== 0 && !Number.isNaN(primary) ? primary : a.i - b.i;
  });
  return indexed.map((x) => x.r);
}

/** Clicking a column: counts sort from most to fewest first, names from A; again reverses. */
export function nextSort(current: Sort, key: SortKey): Sort {
  if (current.key === key) return { key, desc: !current.desc };
  return { key, desc: key !== "name" };
}

/** "Đang kiểm tra 12/73: tên tệp" (the file being checked is number done + 1). */
export function progressText(p: BatchProgress | null): string {
  if (!p) return "Đang tìm các tệp .docx trong thư mục…";
  return `Đang kiểm tra ${Math.min(p.done + 1, p.total)}/${p.total}: ${p.name}`;
}

/** "ND30-110 ×3, ND30-102 ×1", as the CLI and the reports write it. */
export function rulesText(rules: { rule: string; count: number }[]): string {
  return rules.map((r) => `${r.rule} ×${r.count}`).join(", ");
}
