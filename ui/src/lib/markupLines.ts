// The body editor's view of a markup field: one block per line, as the core's body markup
// defines it (src/markup.rs). The editor edits blocks; the field stores the markup text.
// Numbers in the text are placeholders: the core recomputes them, the editor shows labels.

/** Kinds of block a secretary can choose for a line. */
export type BlockKind = "section" | "heading" | "numbered" | "lettered" | "dash" | "plus" | "paragraph" | "table";

/** One line of a markup field. `level` is 1–3 for headings and numbered items. */
export interface Line {
  id: number;
  kind: BlockKind;
  level: number;
  text: string;
}

/** Vietnamese names of the kinds, for the kind picker. */
export const KIND_LABELS: Record<BlockKind, string> = {
  section: "Mục (I, II…)",
  heading: "Tiểu mục có tên (1., 1.1.)",
  numbered: "Ý đánh số (1., 1.1.)",
  lettered: "Điểm a), b)",
  dash: "Gạch đầu dòng -",
  plus: "Dấu cộng +",
  paragraph: "Đoạn văn",
  table: "Hàng bảng | … |",
};

let nextId = 1;
/** A fresh id for a new line (ids only key the editor's list; they are not stored). */
export function newId(): number {
  return nextId++;
}

const NUMBERED = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?\.\s+(.*)$/;

/** Splits markup text into lines (blank lines dropped). */
export function parseLines(markup: string): Line[] {
  const out: Line[] = [];
  for (const raw of markup.split("\n")) {
    const line = raw.trim();
    if (!line) continue;
    out.push({ id: newId(), ...classify(line) });
  }
  return out;
}

function classify(line: string): Omit<Line, "id"> {
  let m: RegExpMatchArray | null;
  if ((m = line.match(/^(#{2,4})\s+(.*)$/))) return { kind: "heading", level: m[1].length - 1, text: m[2] };
  if ((m = line.match(/^#\s+(.*)$/))) return { kind: "section", level: 1, text: m[1] };
  if ((m = line.match(NUMBERED))) {
    const level = m[3] !== undefined ? 3 : m[2] !== undefined ? 2 : 1;
    return { kind: "numbered", level, text: m[4] };
  }
  if ((m = line.match(/^[a-zđ]\)\s+(.*)$/))) return { kind: "lettered", level: 1, text: m[1] };
  if ((m = line.match(/^-\s+(.*)$/))) return { kind: "dash", level: 1, text: m[1] };
  if ((m = line.match(/^\+\s+(.*)$/))) return { kind: "plus", level: 1, text: m[1] };
  if (line.startsWith("|")) return { kind: "table", level: 1, text: line };
  if (line.startsWith("\\")) return { kind: "paragraph", level: 1, text: line.slice(1) };
  return { kind: "paragraph", level: 1, text: line };
}

/** The markup prefix of a line kind at a level. */
function prefix(kind: BlockKind, level: number): string {
  const lv = Math.min(Math.max(level, 1), 3);
  switch (kind) {
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
    default:
      return "";
  }
}

/** Joins lines back into markup text. A paragraph that would read as another kind is escaped. */
export function serializeLines(lines: Line[]): string {
  return lines
    .map((l) => {
      const text = l.text.replace(/\n/g, " ").trim();
      if (l.kind === "table") return text.startsWith("|") ? text : `| ${text} |`;
      if (l.kind === "paragraph") {
        const reread = classify(text);
        return reread.kind === "paragraph" && !text.startsWith("\\") ? text : `\\${text}`;
      }
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

const ROMAN: [number, string][] = [
  [1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"],
  [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"],
];
function roman(n: number): string {
  let out = "";
  for (const [v, s] of ROMAN) while (n >= v) { out += s; n -= v; }
  return out;
}
const LETTERS = "a b c d đ e g h i k l m n o p q r s t u v x y".split(" ");

/**
 * Display labels of the lines within one field (the core computes the final numbering over
 * the whole body; within a field the two agree because sections restart numbering).
 * `sectionOffset` is how many sections come before this field.
 */
export function labels(lines: Line[], sectionOffset = 0, party = false): string[] {
  let section = sectionOffset;
  const levels = [0, 0, 0];
  let letter = 0;
  return lines.map((l) => {
    switch (l.kind) {
      case "section":
        section++;
        levels.fill(0);
        letter = 0;
        return roman(section) + (party ? "-" : ".");
      case "heading":
      case "numbered": {
        const d = Math.min(Math.max(l.level, 1), 3);
        levels[d - 1]++;
        for (let i = d; i < 3; i++) levels[i] = 0;
        letter = 0;
        return levels.slice(0, d).map((n) => Math.max(n, 1)).join(".") + ".";
      }
      case "lettered":
        return (LETTERS[letter++] ?? String(letter)) + ")";
      case "dash":
        return "-";
      case "plus":
        return "+";
      default:
        return "";
    }
  });
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
