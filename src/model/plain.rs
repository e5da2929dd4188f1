//! A plain-text rendition of a document (bản văn thuần): what the .docx says without its
//! typography, paragraph by paragraph in the order a reader of the .docx meets them (grids row
//! by row, cells left to right). A back end of the laid-out document ([`crate::laid`]): texts,
//! numbering and order are the layout pass's. Used by `vanban render --text` and by the golden
//! tests of the templates.

use std::fmt::Write;

use crate::laid::{lay_out, GridKind, Item, LaidOut, Para, RunKind};

use super::Document;

/// How a drawn line (đường kẻ) shows in plain text.
pub const PLAIN_RULE: &str = "____";
/// The line that separates the footnotes (chú thích) from the text above them.
pub const PLAIN_FOOTNOTE_SEPARATOR: &str = "----------";

/// Renders `doc` as plain text: header, title, numbered body with footnote markers "(n)",
/// footnotes, signatures and Nơi nhận.
pub fn plain_text(doc: &Document) -> String {
    plain_text_of(&lay_out(doc))
}

/// Renders an already laid-out document (văn bản đã dàn trang) as plain text: the translation
/// step alone.
pub fn plain_text_of(laid: &LaidOut) -> String {
    let mut w = Writer {
        out: String::new(),
        blank: true,
    };
    let mut notes_written = false;
    for item in &laid.blocks {
        match item {
            Item::Para(p) => {
                // Space above a paragraph of the flow shows as a blank line.
                if p.spacing.is_some_and(|s| s.before.0 > 0) {
                    w.blank_line();
                }
                w.para(p);
            }
            Item::Grid(g) => {
                // Footnotes close the body, before the signatures.
                if g.kind == GridKind::Footer && !notes_written {
                    w.notes(laid);
                    notes_written = true;
                }
                // Each cell of a layout grid is a block of its own, between blank lines. A
                // merged cell (ô gộp) is one cell, printed once: the cells continuing it down
                // hold no paragraph.
                for c in g.rows.iter().flat_map(|r| r.cells.iter()) {
                    if g.is_frame() {
                        w.blank_line();
                    }
                    for p in &c.paras {
                        w.para(p);
                    }
                }
                if g.is_frame() {
                    w.blank_line();
                }
            }
        }
    }
    if !notes_written {
        w.notes(laid);
    }
    w.out
}

struct Writer {
    out: String,
    /// Whether the last line written is blank (or nothing is written yet).
    blank: bool,
}

impl Writer {
    fn blank_line(&mut self) {
        if !self.blank {
            self.out.push('\n');
            self.blank = true;
        }
    }

    fn line(&mut self, s: &str) {
        let _ = writeln!(self.out, "{s}");
        self.blank = false;
    }

    /// A paragraph: its text, a drawn line as `PLAIN_RULE`, an empty one as a blank line.
    fn para(&mut self, p: &Para) {
        if p.rule.is_some() {
            self.line(PLAIN_RULE);
            return;
        }
        let text = text_with_marks(p);
        if text.trim().is_empty() {
            self.blank_line();
            return;
        }
        self.line(&text);
    }

    fn notes(&mut self, laid: &LaidOut) {
        if laid.footnotes.is_empty() {
            return;
        }
        self.line(PLAIN_FOOTNOTE_SEPARATOR);
        for (i, f) in laid.footnotes.iter().enumerate() {
            self.line(&format!("({}){}", i + 1, f.text()));
        }
    }
}

/// The paragraph's text with each footnote mark as "(n)".
fn text_with_marks(p: &Para) -> String {
    let mut s = String::new();
    for r in &p.runs {
        match r.kind {
            RunKind::FootnoteRef(n) => {
                let _ = write!(s, "({n})");
            }
            RunKind::Text | RunKind::PageNumber => s.push_str(&r.text),
            RunKind::FootnoteOwnMark => {}
        }
        if r.break_after {
            s.push('\n');
        }
    }
    s
}
