import { describe, expect, it } from "vitest";
import { applyBody, applyRecipients } from "./pickers";
import type { Draft } from "../bindings/Draft";

function draft(): Draft {
  return {
    template: "chi-thi", system: "state", place: "", date: { year: 2024 }, subject: "",
    issuers: [{ name: "VĂN PHÒNG", abbr: "VP" }], fields: {},
    signers: [{ position: "", name: "" }], recipients: { electronic: false, items: [], archive: "" },
  };
}

describe("pickers", () => {
  it("fills issuer, place and Nơi nhận", () => {
    const d = draft();
    applyBody(d, { id: 1, superior_id: null, name: "ỦY BAN NHÂN DÂN HUYỆN XUÂN LỘC", abbreviation: "UBND", superior: "TỈNH ĐỒNG NAI", place: "Xuân Lộc", system: "state", abolished_on: null, note: null });
    expect(d.issuers[0]).toMatchObject({ name: "ỦY BAN NHÂN DÂN HUYỆN XUÂN LỘC", abbr: "UBND", superior: "TỈNH ĐỒNG NAI" });
    expect(d.place).toBe("Xuân Lộc");
    applyRecipients(d, { name: "x", body: null, electronic: true, items: ["Như trên", "UBND các xã"], archive: "VT, VP" });
    expect(d.recipients).toEqual({ electronic: true, items: ["Như trên", "UBND các xã"], archive: "VT, VP" });
  });
});
