// One-click fixes on the draft: the checker proposes a text replacement (before → after) and
// names the draft field it found it in; the replacement is applied to that field, or to the
// first field that holds the text (body blocks map back to the form's markup fields).
import type { Draft } from "../bindings/Draft";

/** Replaces `before` with `after` in `s` once; null if `before` is not there. */
function once(s: string, before: string, after: string): string | null {
  const i = s.indexOf(before);
  return i < 0 ? null : s.slice(0, i) + after + s.slice(i + before.length);
}

/** Applies a text fix to a copy of the draft; null when the text is no longer there. */
export function applyTextFix(draft: Draft, field: string | null, before: string, after: string): Draft | null {
  const d: Draft = JSON.parse(JSON.stringify(draft));
  const tryField = (get: () => string | null | undefined, set: (v: string) => void): boolean => {
    const cur = get();
    if (cur == null) return false;
    const next = once(cur, before, after);
    if (next === null) return false;
    set(next);
    return true;
  };
  const direct: Record<string, [() => string | null | undefined, (v: string) => void]> = {
    subject: [() => d.subject, (v) => (d.subject = v)],
    place: [() => d.place, (v) => (d.place = v)],
    "recipients.archive": [() => d.recipients.archive, (v) => (d.recipients.archive = v)],
  };
  const m = field?.match(/^(signers|issuers)\[(\d+)\]\.(\w+)$/);
  if (field && direct[field] && tryField(...direct[field])) return d;
  if (m) {
    const obj = (d as unknown as Record<string, Record<string, string>[]>)[m[1]][Number(m[2])];
    if (obj && tryField(() => obj[m[3]], (v) => (obj[m[3]] = v))) return d;
  }
  const rm = field?.match(/^recipients\.items\[(\d+)\]$/);
  if (rm && tryField(() => d.recipients.items[Number(rm[1])], (v) => (d.recipients.items[Number(rm[1])] = v))) return d;
  // Body blocks and anything else: the first form field that holds the text.
  for (const k of Object.keys(d.fields)) {
    if (tryField(() => d.fields[k], (v) => (d.fields[k] = v))) return d;
  }
  for (const [get, set] of Object.values(direct)) if (tryField(get, set)) return d;
  return null;
}
