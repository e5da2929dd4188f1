import { describe, expect, it } from "vitest";
import { applyTextFix } from "./fixes";
import type { Draft } from "../bindings/Draft";

const draft: Draft = {
  template: "ke-hoach",
  system: "state",
  place: "Bắc Kạn",
  date: { year: 2024 },
  subject: 'Về phong trào "Dân vận khéo"',
  issuers: [{ name: "VĂN PHÒNG", abbr: "VP" }],
  fields: { mo_dau: "Thực hiện,  như sau:", noi_dung: "- Tuyên truyền" },
  signers: [{ position: "CHÁNH VĂN PHÒNG", name: "Nguyễn Văn A" }],
  recipients: { electronic: false, items: ["Như trên"], archive: "VT, VP" },
};

describe("applyTextFix", () => {
  it("fixes the named field", () => {
    const d = applyTextFix(draft, "subject", '"Dân vận khéo"', "“Dân vận khéo”");
    expect(d?.subject).toBe("Về phong trào “Dân vận khéo”");
    expect(draft.subject).toContain('"'); // the original is untouched
  });
  it("fixes a form field the shell named for a body block, and no other", () => {
    expect(applyTextFix(draft, "fields.mo_dau", ",  n", ", n")?.fields.mo_dau).toBe("Thực hiện, như sau:");
    expect(applyTextFix(draft, "fields.noi_dung", ",  n", ", n")).toBeNull();
    expect(applyTextFix(draft, "body.blocks[0]", ",  n", ", n")).toBeNull();
  });
  it("fixes signers and Nơi nhận items by index", () => {
    expect(applyTextFix(draft, "signers[0].name", "A", "B")?.signers[0].name).toBe("Nguyễn Văn B");
    expect(applyTextFix(draft, "recipients.items[0]", "trên", "dưới")?.recipients.items[0]).toBe("Như dưới");
  });
  it("returns null when the text is gone", () => {
    expect(applyTextFix(draft, "subject", "không có", "x")).toBeNull();
  });
});
