import { describe, expect, it } from "vitest";
import { applyBody, applyRecipients, applySigner, authorityOf } from "./pickers";
import type { Draft } from "../bindings/Draft";

function draft(): Draft {
  return {
    template: "chi-thi", system: "state", place: "", date: { year: 2024 }, subject: "",
    issuers: [{ name: "VĂN PHÒNG", abbr: "VP" }], fields: {},
    signers: [{ position: "", name: "" }], recipients: { electronic: false, items: [], archive: "" },
  };
}

describe("pickers", () => {
  it("maps state and Party authority marks", () => {
    expect(authorityOf("TM.")).toBe("tm");
    expect(authorityOf("T/M")).toBe("tm");
    expect(authorityOf(" k/t ")).toBe("kt");
    expect(authorityOf(null)).toBeNull();
    expect(authorityOf("XYZ")).toBeNull();
  });
  it("fills issuer, place, signer and Nơi nhận", () => {
    const d = draft();
    applyBody(d, { id: 1, superior_id: null, name: "ỦY BAN NHÂN DÂN HUYỆN XUÂN LỘC", abbreviation: "UBND", superior: "TỈNH ĐỒNG NAI", place: "Xuân Lộc", system: "state", abolished_on: null, note: null });
    expect(d.issuers[0]).toMatchObject({ name: "ỦY BAN NHÂN DÂN HUYỆN XUÂN LỘC", abbr: "UBND", superior: "TỈNH ĐỒNG NAI" });
    expect(d.place).toBe("Xuân Lộc");
    applySigner(d, 0, "Nguyễn Thị Cát Tiên", { authority: "TM.", on_behalf_of: "ỦY BAN NHÂN DÂN", position: "CHỦ TỊCH" });
    expect(d.signers[0]).toEqual({ name: "Nguyễn Thị Cát Tiên", position: "CHỦ TỊCH", authority: "tm", on_behalf: "ỦY BAN NHÂN DÂN" });
    applyRecipients(d, { name: "x", body: null, electronic: true, items: ["Như trên", "UBND các xã"], archive: "VT, VP" });
    expect(d.recipients).toEqual({ electronic: true, items: ["Như trên", "UBND các xã"], archive: "VT, VP" });
  });
});
