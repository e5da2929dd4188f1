// Turning library entries (bodies, signers, Nơi nhận lists) into draft values.
import type { Authority } from "../bindings/Authority";
import type { Agency } from "../bindings/Agency";
import type { Draft } from "../bindings/Draft";
import type { RecipientList } from "../bindings/RecipientList";
import type { SigningForm } from "../bindings/SigningForm";

/** The model's authority for a library mark ("TM.", "T/M", "KT." …); null when none. */
export function authorityOf(mark: string | null | undefined): Authority | null {
  const m = (mark ?? "").trim().toUpperCase().replace(/\s/g, "");
  const table: Record<string, Authority> = {
    "TM.": "tm", "T/M": "tm", "KT.": "kt", "K/T": "kt", "TL.": "tl", "T/L": "tl", "TUQ.": "tuq", "Q.": "q",
  };
  return table[m] ?? null;
}

/** Fills the lead issuer (and the place, if empty) from a library body. */
export function applyBody(d: Draft, b: Agency): void {
  d.issuers[0] = { ...d.issuers[0], name: b.name, abbr: b.abbreviation, superior: b.superior ?? null };
  if (!d.place.trim() && b.place) d.place = b.place;
}

/** Fills signer `i` from a person and one of the ways they sign. */
export function applySigner(d: Draft, i: number, name: string, form: SigningForm): void {
  d.signers[i] = {
    name,
    position: form.position,
    authority: authorityOf(form.authority),
    on_behalf: form.on_behalf_of ?? null,
  };
}

/** Replaces the Nơi nhận with a library list. */
export function applyRecipients(d: Draft, r: RecipientList): void {
  d.recipients = { electronic: r.electronic, items: [...r.items], archive: r.archive };
}
