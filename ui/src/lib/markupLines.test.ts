import { describe, expect, it } from "vitest";
import { indent, insertFootnote, outdent, serializeLines, wrapSelection, type Line } from "./markupLines";

let id = 0;
const line = (kind: Line["kind"], text: string, level = 1): Line => ({ id: ++id, kind, level, text });

describe("serializeLines", () => {
  it("writes every kind with its prefix", () => {
    const lines = [
      line("part", "Tình hình"), line("heading", "Mục đích"), line("numbered", "Nâng cao nhận thức."),
      line("numbered", "Ở cơ sở", 2), line("lettered", "Tổ chức hội nghị"), line("dash", "Tuyên truyền"),
      line("plus", "Qua loa truyền thanh"), line("section", "PHÂN CÔNG"), line("paragraph", "Đoạn với **đậm** và ^[chú thích]."),
      line("table", "| Chỉ tiêu | Kết quả |"),
    ];
    expect(serializeLines(lines)).toBe([
      "= Tình hình", "## Mục đích", "1. Nâng cao nhận thức.", "1.1. Ở cơ sở", "a) Tổ chức hội nghị", "- Tuyên truyền",
      "+ Qua loa truyền thanh", "# PHÂN CÔNG", "Đoạn với **đậm** và ^[chú thích].", "| Chỉ tiêu | Kết quả |",
    ].join("\n"));
  });

  it("writes the normative kinds of a Quyết định", () => {
    const lines = [
      line("action", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"), line("basis", "Căn cứ Luật"), line("action", "QUYẾT ĐỊNH:"),
      line("chapter", "QUY ĐỊNH CHUNG"), line("division", "PHẠM VI"), line("article", "Phạm vi điều chỉnh"),
      line("run_in_article", "Quyết định này có hiệu lực kể từ ngày ký."), line("appendix", "DANH SÁCH"),
    ];
    expect(serializeLines(lines)).toBe([
      "! CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", "> Căn cứ Luật", "! QUYẾT ĐỊNH:", "Chương I. QUY ĐỊNH CHUNG", "Mục 1. PHẠM VI",
      "Điều 1. Phạm vi điều chỉnh", "Điều 1: Quyết định này có hiệu lực kể từ ngày ký.", "Phụ lục I. DANH SÁCH",
    ].join("\n"));
    expect(serializeLines([line("paragraph", "Điều 1. không phải điều")])).toBe("\\Điều 1. không phải điều");
    expect(serializeLines([line("landscape_appendix", "BẢNG TỔNG HỢP")])).toBe("Phụ lục I (trang ngang). BẢNG TỔNG HỢP");
  });

  it("writes a Quy chế issued with the decision with its tên loại, and escapes a look-alike", () => {
    expect(serializeLines([line("issued", "Quy định kèm theo. Về con dấu")])).toBe("Quy định kèm theo. Về con dấu");
    expect(serializeLines([line("issued", "Làm việc của Văn phòng")])).toBe("Quy chế kèm theo. Làm việc của Văn phòng");
    expect(serializeLines([line("paragraph", "Quy chế kèm theo. không phải tiêu đề")])).toBe("\\Quy chế kèm theo. không phải tiêu đề");
  });

  it("escapes a paragraph that could read as another kind", () => {
    expect(serializeLines([line("paragraph", "- không phải gạch đầu dòng")])).toBe("\\- không phải gạch đầu dòng");
    expect(serializeLines([line("paragraph", "1. không đánh số")])).toBe("\\1. không đánh số");
    expect(serializeLines([line("paragraph", "a) không phải điểm")])).toBe("\\a) không phải điểm");
    expect(serializeLines([line("paragraph", "Đẩy mạnh công tác dân vận")])).toBe("Đẩy mạnh công tác dân vận");
  });
});

describe("indent / outdent", () => {
  it("moves numbered items deeper and back", () => {
    const deeper = indent(line("numbered", "Ý"));
    expect(deeper).toMatchObject({ kind: "numbered", level: 2 });
    expect(serializeLines([deeper])).toBe("1.1. Ý");
    expect(outdent(deeper)).toMatchObject({ kind: "numbered", level: 1 });
  });
  it("turns a paragraph into a dash item and a dash into a plus", () => {
    const p = line("paragraph", "Ý");
    expect(indent(p).kind).toBe("dash");
    expect(indent(indent(p)).kind).toBe("plus");
    expect(outdent(indent(p)).kind).toBe("paragraph");
  });
  it("goes between phần, mục and tiểu mục", () => {
    expect(outdent(line("section", "A")).kind).toBe("part");
    expect(indent(line("part", "A")).kind).toBe("section");
  });
});

describe("inline marks", () => {
  it("wraps the selection in bold and keeps it selected", () => {
    expect(wrapSelection("làm tốt", 4, 7, "**")).toEqual({ text: "làm **tốt**", start: 6, end: 9 });
  });
  it("inserts a footnote without brackets that would break it", () => {
    expect(insertFootnote("Theo luật.", 9, "Luật [2015]")).toBe("Theo luật^[Luật 2015].");
  });
});
