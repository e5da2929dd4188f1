// The body editor's lines of a markup field. Reading markup (kinds, depths, labels such as
// Phần, I., 1.1., đ)) is the core's job: the editor asks the shell (`markup_lines`,
// `label_lines`). This file only writes lines back as markup and moves a line a level in or
// out, which are editing gestures, not rules of the document.
import type { LineKind } from "../bindings/LineKind";
import type { MarkupLine } from "../bindings/MarkupLine";

/** Kinds of block a secretary can choose for a line. */
export type BlockKind = LineKind;

/** One line of a markup field. `level` is 1–3 for headings and numbered items. */
export interface Line {
  id: number;
  kind: BlockKind;
  level: number;
  text: string;
}

/** Vietnamese names of the kinds, for the kind picker. */
export const KIND_LABELS: Record<BlockKind, string> = {
  part: "Phần",
  section: "Mục (I, II…)",
  heading: "Tiểu mục có tên (1., 1.1.)",
  numbered: "Ý đánh số (1., 1.1.)",
  lettered: "Điểm a), b)",
  dash: "Gạch đầu dòng -",
  plus: "Dấu cộng +",
  paragraph: "Đoạn văn",
  table: "Hàng bảng | … |",
  basis: "Căn cứ",
  action: "Dòng QUYẾT ĐỊNH: / thẩm quyền",
  appendix: "Phụ lục",
  landscape_appendix: "Phụ lục trang ngang (bảng rộng)",
  issued: "Văn bản ban hành kèm theo (Quy chế kèm theo. …)",
  chapter: "Chương",
  division: "Mục (trong chương)",
  article: "Điều có tên",
  run_in_article: "Điều không tên",
};

let nextId = 1;
/** A fresh id for a new line (ids only key the editor's list; they are not stored). */
export function newId(): number {
  return nextId++;
}

/** Editor lines from the core's lines (fresh ids). */
export function fromCore(lines: MarkupLine[]): Line[] {
  return lines.map((l) => ({ id: newId(), kind: l.kind, level: l.level, text: l.text }));
}

/** The markup prefix of a line kind at a level (the inverse of the core's reading). */
function prefix(kind: BlockKind, level: number): string {
  const lv = Math.min(Math.max(level, 1), 3);
  switch (kind) {
    case "part":
      return "= ";
    case "section":
      return "# ";
    case "heading":
      return "#".repeat(lv + 1) + " ";
    case "numbered":
      return ["1. ", "1.1. ", "1.1.1. "][lv - 1];
    case "lettered":
      return "a) ";
    case "dash":
      return "- ";
    case "plus":
      return "+ ";
    case "basis":
      return "> ";
    case "action":
      return "! ";
    case "appendix":
      return "Phụ lục I. ";
    case "landscape_appendix":
      return "Phụ lục I (trang ngang). ";
    case "chapter":
      return "Chương I. ";
    case "division":
      return "Mục 1. ";
    case "article":
      return "Điều 1. ";
    case "run_in_article":
      return "Điều 1: ";
    default:
      return "";
  }
}

/** Paragraph starts that could read as a prefix: written escaped, whatever follows. */
const MAY_LOOK_LIKE_A_PREFIX = /^([=#\-+|\\0-9>!]|[a-zđ]\)|(Phụ lục|Chương|Mục|Điều) |.{1,24} kèm theo\. )/;

/**
 * Joins lines back into markup text. A paragraph that starts with a character a prefix could
 * begin with is written after the `\` escape, which the core reads as "plain paragraph"
 * (escaping a paragraph that needed none changes nothing).
 */
export function serializeLines(lines: Line[]): string {
  return lines
    .map((l) => {
      const text = l.text.replace(/\n/g, " ").trim();
      if (l.kind === "table") return text.startsWith("|") ? text : `| ${text} |`;
      if (l.kind === "paragraph") return MAY_LOOK_LIKE_A_PREFIX.test(text) ? `\\${text}` : text;
      // A document issued with the decision keeps its tên loại in its text ("Quy chế kèm theo.
      // …"); a line just turned into one gets the Quy chế's.
      if (l.kind === "issued") return / kèm theo\. /.test(text) ? text : `Quy chế kèm theo. ${text}`;
      return prefix(l.kind, l.level) + text;
    })
    .join("\n");
}

/** Indents a line one step: a paragraph becomes a dash item, a dash a plus, numbers go deeper. */
export function indent(l: Line): Line {
  switch (l.kind) {
    case "heading":
    case "numbered":
      return l.level < 3 ? { ...l, level: l.level + 1 } : { ...l, kind: "lettered", level: 1 };
    case "part":
      return { ...l, kind: "section", level: 1 };
    case "section":
      return { ...l, kind: "heading", level: 1 };
    case "lettered":
    case "paragraph":
      return { ...l, kind: "dash", level: 1 };
    case "dash":
      return { ...l, kind: "plus", level: 1 };
    default:
      return l;
  }
}

/** Outdents a line one step (the reverse of `indent`). */
export function outdent(l: Line): Line {
  switch (l.kind) {
    case "heading":
      return l.level > 1 ? { ...l, level: l.level - 1 } : { ...l, kind: "section", level: 1 };
    case "section":
      return { ...l, kind: "part", level: 1 };
    case "numbered":
      return l.level > 1 ? { ...l, level: l.level - 1 } : { ...l, kind: "paragraph", level: 1 };
    case "lettered":
      return { ...l, kind: "numbered", level: 3 };
    case "plus":
      return { ...l, kind: "dash", level: 1 };
    case "dash":
      return { ...l, kind: "paragraph", level: 1 };
    default:
      return l;
  }
}

/** Wraps the selection [start, end) of `text` in a markup mark (`**` bold, `*` italic). */
export function wrapSelection(text: string, start: number, end: number, mark: string): { text: string; start: number; end: number } {
  const inner = text.slice(start, end) || "…";
  const out = text.slice(0, start) + mark + inner + mark + text.slice(end);
  return { text: out, start: start + mark.length, end: start + mark.length + inner.length };
}

/** Inserts a footnote mark `^[note]` at `pos`. */
export function insertFootnote(text: string, pos: number, note: string): string {
  const clean = note.replace(/[\[\]]/g, "").trim() || "…";
  return text.slice(0, pos) + `^[${clean}]` + text.slice(pos);
}
