// How the import report (báo cáo nhập) reads on screen: where an entry sits in the original.
// The Vietnamese name of each kind of entry comes from the core (`ReportEntry.label`).
import type { ReportEntry } from "../bindings/ReportEntry";

/** Where an entry is in the original: "đoạn 12", or "—" when it is about no one paragraph. The
 * index counts from 0; people count from 1, as the checker's findings do. */
export function entryPlace(e: ReportEntry): string {
  return e.paragraph === null ? "—" : `đoạn ${e.paragraph + 1}`;
}
