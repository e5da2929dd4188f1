import { describe, expect, it } from "vitest";
import { nextSigner, signerHeading } from "./signerRoles";

const bienBan = ["THƯ KÝ", "CHỦ TỌA"];

describe("signer roles", () => {
  it("labels two signers of a Biên bản by role, right first", () => {
    expect(signerHeading(bienBan, 0, 2, false)).toBe("CHỦ TỌA (bên phải)");
    expect(signerHeading(bienBan, 1, 2, false)).toBe("THƯ KÝ (bên trái)");
  });

  it("labels a third signer, typed by the user, on the left", () => {
    expect(signerHeading(bienBan, 1, 3, false)).toBe("THƯ KÝ (ở giữa)");
    expect(signerHeading(bienBan, 2, 3, false)).toBe("Người ký bên trái");
    const three = ["GIẢNG VIÊN CHỦ NHIỆM", "THƯ KÝ", "CHỦ TỌA"];
    expect(signerHeading(three, 2, 3, false)).toBe("GIẢNG VIÊN CHỦ NHIỆM (bên trái)");
  });

  it("offers a second and a third signer, never a fourth nor on a joint document", () => {
    expect(nextSigner(bienBan, 1, false)).toEqual({ role: "THƯ KÝ" });
    expect(nextSigner(bienBan, 2, false)).toEqual({ role: "" });
    expect(nextSigner(bienBan, 3, false)).toBeNull();
    expect(nextSigner(bienBan, 1, true)).toBeNull();
    expect(nextSigner([], 1, false)).toBeNull();
  });

  it("labels the bodies of a joint document", () => {
    expect(signerHeading([], 0, 2, true)).toBe("Cơ quan chủ trì (bên phải)");
    expect(signerHeading([], 1, 2, true)).toBe("Cơ quan phối hợp (bên trái)");
  });
});
