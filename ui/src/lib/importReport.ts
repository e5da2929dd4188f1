// How the import report (báo cáo nhập) reads on screen: the Vietnamese name of each kind of
// entry (the same words as `EntryKind::label` in src/import/report.rs) and where an entry sits
// in the original.
import type { EntryKind } from "../bindings/EntryKind";
import type { ReportEntry } from "../bindings/ReportEntry";

/** Vietnamese label of each kind of entry. */
export const ENTRY_KIND_LABELS: Record<EntryKind, string> = {
  kept: "giữ thành đoạn văn",
  omitted: "không nhập được",
  missing: "thiếu",
  review: "cần xem lại",
};

/** Where an entry is in the original: "đoạn 12", or "—" when it is about no one paragraph. */
export function entryPlace(e: ReportEntry): string {
  return e.paragraph === null ? "—" : `đoạn ${e.paragraph}`;
}
