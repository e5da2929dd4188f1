// Where the cursor was last in the form, so the clause picker inserts at the cursor, and the
// per-field inserters the block editors register.

/** The last focused place in a markup field. */
export interface FocusPoint {
  field: string;
  lineId: number | null;
  pos: number | null;
}

let last: FocusPoint | null = null;
const inserters = new Map<string, (text: string, lineId: number | null, pos: number | null) => void>();

/** Records the cursor position in a markup field. */
export function setFocus(p: FocusPoint): void {
  last = p;
}

/** The last cursor position, if any. */
export function lastFocus(): FocusPoint | null {
  return last;
}

/** A block editor registers how to insert text into its field. */
export function registerInserter(field: string, fn: (text: string, lineId: number | null, pos: number | null) => void): () => void {
  inserters.set(field, fn);
  return () => inserters.delete(field);
}

/** Inserts text at the last cursor position, or at the end of `fallbackField`. */
export function insertAtCursor(text: string, fallbackField: string): boolean {
  const target = last && inserters.has(last.field) ? last : { field: fallbackField, lineId: null, pos: null };
  const fn = inserters.get(target.field);
  if (!fn) return false;
  fn(text, target.lineId, target.pos);
  return true;
}

/** Whether an input event belongs to an IME composition still under way (Telex/VNI). */
export function composing(e: Event): boolean {
  return (e as unknown as { isComposing?: boolean }).isComposing === true;
}
