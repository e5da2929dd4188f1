// One-click fixes on the draft: the checker proposes a text replacement (before → after) and
// names the draft field it is in (the shell maps body blocks back to their form field, e.g.
// `fields.noi_dung`). The replacement is applied to that field only.
import type { Draft } from "../bindings/Draft";

/** Replaces `before` with `after` in `s` once; null if `before` is not there. */
function once(s: string, before: string, after: string): string | null {
  const i = s.indexOf(before);
  return i < 0 ? null : s.slice(0, i) + after + s.slice(i + before.length);
}

type Slot = [get: () => string | null | undefined, set: (v: string) => void];

/** The text slot a field path names in `d` (`subject`, `fields.x`, `signers[0].name` …). */
function slot(d: Draft, field: string): Slot | null {
  const direct: Record<string, Slot> = {
    subject: [() => d.subject, (v) => (d.subject = v)],
    place: [() => d.place, (v) => (d.place = v)],
    "recipients.archive": [() => d.recipients.archive, (v) => (d.recipients.archive = v)],
  };
  if (direct[field]) return direct[field];
  let m = field.match(/^fields\.(\w+)$/);
  if (m) {
    const k = m[1];
    return [() => d.fields[k], (v) => (d.fields[k] = v)];
  }
  m = field.match(/^(signers|issuers)\[(\d+)\]\.(\w+)$/);
  if (m) {
    const obj = (d as unknown as Record<string, Record<string, string>[]>)[m[1]][Number(m[2])];
    const key = m[3];
    return obj ? [() => obj[key], (v) => (obj[key] = v)] : null;
  }
  m = field.match(/^recipients\.items\[(\d+)\]$/);
  if (m) {
    const i = Number(m[1]);
    return [() => d.recipients.items[i], (v) => (d.recipients.items[i] = v)];
  }
  return null;
}

/** Applies a text fix to a copy of the draft, in the named field; null when it cannot. */
export function applyTextFix(draft: Draft, field: string | null, before: string, after: string): Draft | null {
  if (!field) return null;
  const d: Draft = structuredClone(draft);
  const s = slot(d, field);
  const cur = s?.[0]();
  if (!s || cur == null) return null;
  const next = once(cur, before, after);
  if (next === null) return null;
  s[1](next);
  return d;
}
