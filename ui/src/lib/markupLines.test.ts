import { describe, expect, it } from "vitest";
import { indent, insertFootnote, labels, outdent, parseLines, serializeLines, wrapSelection } from "./markupLines";

const sample = [
  "## Mục đích",
  "1. Nâng cao nhận thức.",
  "1.1. Ở cơ sở",
  "a) Tổ chức hội nghị",
  "- Tuyên truyền",
  "+ Qua loa truyền thanh",
  "# PHÂN CÔNG",
  "Đoạn văn thường với **đậm** và ^[chú thích].",
  "| Chỉ tiêu | Kết quả |",
].join("\n");

describe("parseLines / serializeLines", () => {
  it("round-trips every kind of line", () => {
    const lines = parseLines(sample);
    expect(lines.map((l) => [l.kind, l.level])).toEqual([
      ["heading", 1], ["numbered", 1], ["numbered", 2], ["lettered", 1], ["dash", 1], ["plus", 1],
      ["section", 1], ["paragraph", 1], ["table", 1],
    ]);
    expect(lines[2].text).toBe("Ở cơ sở");
    expect(serializeLines(lines)).toBe(sample);
  });

  it("drops blank lines and escapes a paragraph that starts like a list", () => {
    const lines = parseLines("\n\nMột\n\n");
    expect(lines).toHaveLength(1);
    lines[0].text = "- không phải gạch đầu dòng";
    expect(serializeLines(lines)).toBe("\\- không phải gạch đầu dòng");
    expect(parseLines(serializeLines(lines))[0]).toMatchObject({ kind: "paragraph", text: "- không phải gạch đầu dòng" });
  });

  it("keeps Vietnamese text exactly (NFC, đ)", () => {
    const t = "Đẩy mạnh công tác dân vận";
    expect(parseLines(`- ${t}`)[0].text).toBe(t);
  });
});

describe("indent / outdent", () => {
  it("moves numbered items deeper and back", () => {
    const [l] = parseLines("1. Ý");
    const deeper = indent(l);
    expect(deeper).toMatchObject({ kind: "numbered", level: 2 });
    expect(serializeLines([deeper])).toBe("1.1. Ý");
    expect(outdent(deeper)).toMatchObject({ kind: "numbered", level: 1 });
  });
  it("turns a paragraph into a dash item and a dash into a plus", () => {
    const [p] = parseLines("Ý");
    expect(indent(p).kind).toBe("dash");
    expect(indent(indent(p)).kind).toBe("plus");
    expect(outdent(indent(p)).kind).toBe("paragraph");
  });
});

describe("labels", () => {
  it("numbers like the core: sections restart items, items restart letters", () => {
    const lines = parseLines("# A\n1. x\n1.1. y\na) z\nb) w\n1. v\n# B\n1. u");
    expect(labels(lines)).toEqual(["I.", "1.", "1.1.", "a)", "b)", "2.", "II.", "1."]);
    expect(labels(parseLines("# A"), 2, true)).toEqual(["III-"]);
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
