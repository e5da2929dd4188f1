// Signers of one body side by side (a Biên bản's chủ tọa on the right, thư ký on its left,
// a third such as a class's giảng viên chủ nhiệm leftmost): the template lists its roles left
// to right, the draft lists the right-hand signer first. The core's limit is
// `layout::MAX_SIGNERS_SIDE_BY_SIDE`.

/** Most signers of one body the signature grid places side by side. */
export const MAX_SIDE_BY_SIDE = 3;

/** Where signer `i` of `n` signs: the first on the right, the last on the left. */
export function side(i: number, n: number): string {
  if (i === 0) return "bên phải";
  return i === n - 1 ? "bên trái" : "ở giữa";
}

/** The template's role for signer `i` (roles left to right, signers right to left), or "". */
export function roleOf(roles: readonly string[], i: number): string {
  return roles[roles.length - 1 - i] ?? "";
}

/** The heading over signer `i` of `n` in the form. */
export function signerHeading(roles: readonly string[], i: number, n: number, joint: boolean): string {
  const where = side(i, n);
  if (joint) return `${i === 0 ? "Cơ quan chủ trì" : "Cơ quan phối hợp"} (${where})`;
  const role = roleOf(roles, i);
  return role ? `${role} (${where})` : `Người ký ${where}`;
}

/** Whether one more signer of the same body may be added, and with which role ("" if the
 * template names none: the user types it). */
export function nextSigner(roles: readonly string[], n: number, joint: boolean): { role: string } | null {
  if (joint || roles.length === 0 || n >= MAX_SIDE_BY_SIDE) return null;
  return { role: roleOf(roles, n) };
}
