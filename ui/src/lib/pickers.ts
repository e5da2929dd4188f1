// Turning library entries (agencies, Nơi nhận lists) into draft values. Signers come from the
// shell ready to use (`SignerForm.signer`: the core reads the library's authority marks).
import type { Agency } from "../bindings/Agency";
import type { Draft } from "../bindings/Draft";
import type { RecipientList } from "../bindings/RecipientList";

/** Fills the lead issuer (and the place, if empty) from a library body. */
export function applyBody(d: Draft, b: Agency): void {
  d.issuers[0] = { ...d.issuers[0], name: b.name, abbr: b.abbreviation, superior: b.superior ?? null };
  if (!d.place.trim() && b.place) d.place = b.place;
}

/** Replaces the Nơi nhận with a library list. */
export function applyRecipients(d: Draft, r: RecipientList): void {
  d.recipients = { electronic: r.electronic, items: [...r.items], archive: r.archive };
}
