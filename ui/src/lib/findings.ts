// What the checking panel says about the current preview: never "no errors" unless the
// checker actually ran on a complete draft and found none.
import type { PreviewResult } from "../bindings/PreviewResult";

/** The panel's headline. */
export type FindingsState =
  | { kind: "pending" }
  | { kind: "check_failed"; message: string }
  | { kind: "incomplete" }
  | { kind: "clean" }
  | { kind: "problems"; count: number };

/** Decides the headline from a preview result (`null` while the first preview is running). */
export function findingsState(r: PreviewResult | null): FindingsState {
  if (!r) return { kind: "pending" };
  const count = r.problems.length + (r.check?.diagnostics.length ?? 0);
  if (r.check_error) return { kind: "check_failed", message: r.check_error };
  if (count > 0) return { kind: "problems", count };
  if (!r.check) return { kind: "incomplete" };
  return { kind: "clean" };
}

/** Errors that should make export ask first: draft problems plus checker errors. */
export function blockingErrors(r: PreviewResult | null): number {
  return (r?.problems.length ?? 0) + (r?.check?.errors ?? 0);
}
