//! Nội dung: tên loại and trích yếu, Kính gửi, then the body blocks with their computed
//! labels, inline bold and italic, real footnotes, simple tables and the closing "./.".

use docx_rs::{
    AlignmentType, BreakType, Footnote, Paragraph, Run, Table, TableCell, TableRow, VertAlignType,
    WidthType,
};

use crate::layout::{Layout, TextStyle, Twips, GAPS};
use crate::model::{label_blocks, Block, Document, Inline, Span, System};

use super::props::{
    body_spacing, centred_line, fonts, printed_width, run, run_with, short_rule, single, styled_run,
};

/// Stands for the footnote's own number inside the footnote text; the packaging pass turns
/// it into `<w:footnoteRef/>` (docx-rs has no element for it).
pub(super) const FOOTNOTE_REF_MARK: char = '\u{E000}';

/// The line under a Party trích yếu (HD 36: five hyphens, not a drawn line).
pub const PARTY_SUBJECT_RULE: &str = "-----";

/// Kính gửi label.
pub const ADDRESSEE_LABEL: &str = "Kính gửi:";

/// Number of body paragraphs at the end that keep with the signature block.
const KEEP_WITH_SIGNATURE: usize = 2;

/// One item of the body in reading order (short-lived: moved into the document at once).
#[allow(clippy::large_enum_variant)]
pub(super) enum Item {
    /// A paragraph.
    P(Paragraph),
    /// A table.
    T(Table),
}

/// Builds the body and numbers its footnotes from 1 in order of appearance.
pub(super) struct BodyWriter<'a> {
    l: &'a Layout,
    system: System,
    next_footnote: usize,
}

impl<'a> BodyWriter<'a> {
    pub(super) fn new(l: &'a Layout, system: System) -> Self {
        Self {
            l,
            system,
            next_footnote: 1,
        }
    }

    fn text_width(&self) -> Twips {
        Twips(self.l.columns.left.0 + self.l.columns.right.0)
    }

    /// Runs of inline content in `style`, with footnote references.
    fn inline_runs(&mut self, inline: &Inline, style: &TextStyle) -> Vec<Run> {
        let mut runs = Vec::new();
        for span in &inline.0 {
            match span {
                Span::Text { text, bold, italic } => {
                    let clean: String = text.chars().filter(|c| *c != FOOTNOTE_REF_MARK).collect();
                    runs.push(run_with(&clean, style, *bold, *italic));
                }
                Span::Footnote { text } => runs.push(self.footnote(text, style)),
            }
        }
        runs
    }

    fn footnote(&mut self, text: &str, style: &TextStyle) -> Run {
        let id = self.next_footnote;
        self.next_footnote += 1;
        let fs = &self.l.footnote;
        let clean: String = text.chars().filter(|c| *c != FOOTNOTE_REF_MARK).collect();
        let para = Paragraph::new()
            .align(AlignmentType::Both)
            .line_spacing(single(Twips(0), Twips(0)))
            .size(usize::from(fs.size.preferred.0))
            .add_run(
                styled_run(fs)
                    .style("FootnoteReference")
                    .add_text(FOOTNOTE_REF_MARK.to_string()),
            )
            .add_run(run(&format!(" {}", clean.trim()), fs));
        let footnote = Footnote {
            id,
            content: vec![para],
        };
        // add_footnote_reference resets the run properties: set them after it.
        let mut r = Run::new()
            .add_footnote_reference(footnote)
            .style("FootnoteReference")
            .fonts(fonts())
            .size(usize::from(style.size.preferred.0));
        r.run_property = r.run_property.vert_align(VertAlignType::SuperScript);
        r
    }

    fn body_paragraph(&self) -> Paragraph {
        let bl = &self.l.body_layout;
        Paragraph::new()
            .align(AlignmentType::Both)
            .indent(
                None,
                Some(super::props::first_line(bl.first_line_indent.preferred)),
                None,
                None,
            )
            .line_spacing(body_spacing(
                bl.line_spacing,
                Twips(0),
                bl.paragraph_spacing.preferred,
            ))
            .size(usize::from(self.l.body.size.preferred.0))
    }

    /// A justified, indented paragraph: optional label, then the inline content.
    fn labelled(&mut self, label: Option<&str>, inline: &Inline, style: &TextStyle) -> Paragraph {
        let mut p = self.body_paragraph();
        if let Some(label) = label {
            p = p.add_run(run(&format!("{label} "), style));
        }
        for r in self.inline_runs(inline, style) {
            p = p.add_run(r);
        }
        p
    }

    /// Tên loại and trích yếu (Ô 5a), with the short line (state) or "-----" (Party).
    /// A công văn has neither: its trích yếu is in the header.
    pub(super) fn title(&mut self, doc: &Document) -> Vec<Paragraph> {
        let l = self.l;
        if doc.doc_type.is_cong_van() {
            return Vec::new();
        }
        let mut ps = vec![centred_line(&doc.type_line(), &l.doc_type_name)
            .line_spacing(single(GAPS.before_title, Twips(0)))];
        let lines: Vec<&str> = doc
            .subject
            .lines()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        if !lines.is_empty() {
            let mut p = Paragraph::new()
                .align(AlignmentType::Center)
                .line_spacing(single(Twips(0), Twips(0)))
                .size(usize::from(l.subject.size.preferred.0));
            for (i, line) in lines.iter().enumerate() {
                let mut r = run(line, &l.subject);
                if i + 1 < lines.len() {
                    r = r.add_break(BreakType::TextWrapping);
                }
                p = p.add_run(r);
            }
            ps.push(p);
            match self.system {
                System::State => {
                    let widest = lines
                        .iter()
                        .map(|s| printed_width(s, &l.subject))
                        .max()
                        .unwrap_or(Twips(0));
                    ps.push(short_rule(widest, self.text_width()));
                }
                System::Party => ps.push(centred_line(PARTY_SUBJECT_RULE, &l.subject)),
            }
        }
        ps
    }

    /// "Kính gửi: ..." (Ô 9a): one addressee on the same line; several one per line with
    /// their dashes aligned under the first, each ending ";" and the last ".".
    pub(super) fn addressees(&mut self, doc: &Document) -> Option<Paragraph> {
        let items: Vec<String> = doc
            .addressees
            .iter()
            .map(|a| {
                let a = a.trim();
                let a = a.strip_prefix('-').unwrap_or(a).trim();
                a.trim_end_matches([';', ',', '.']).trim().to_string()
            })
            .filter(|a| !a.is_empty())
            .collect();
        if items.is_empty() {
            return None;
        }
        let style = &self.l.body;
        let before = if doc.doc_type.is_cong_van() {
            GAPS.before_title
        } else {
            GAPS.before_body
        };
        let p = Paragraph::new().line_spacing(single(before, Twips(0)));
        if items.len() == 1 {
            return Some(
                p.align(AlignmentType::Center)
                    .add_run(run(&format!("{ADDRESSEE_LABEL} {}", items[0]), style)),
            );
        }
        let label = format!("{ADDRESSEE_LABEL} ");
        let lines: Vec<String> = items
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let end = if i + 1 == items.len() { '.' } else { ';' };
                format!("- {a}{end}")
            })
            .collect();
        let label_w = printed_width(&label, style);
        let widest = lines
            .iter()
            .map(|s| printed_width(s, style))
            .max()
            .unwrap_or(Twips(0));
        let left = ((self.text_width().0 - label_w.0 - widest.0) / 2).max(0);
        let mut p = p.align(AlignmentType::Left).indent(
            Some(left + label_w.0),
            Some(docx_rs::SpecialIndentType::Hanging(label_w.0)),
            None,
            None,
        );
        p = p.add_run(run(&label, style));
        for (i, line) in lines.iter().enumerate() {
            let mut r = run(line, style);
            if i + 1 < lines.len() {
                r = r.add_break(BreakType::TextWrapping);
            }
            p = p.add_run(r);
        }
        Some(p)
    }

    /// The body blocks, labelled, with "./." at the end when `closing`; the last paragraphs
    /// keep with what follows (the signature block).
    pub(super) fn blocks(&mut self, blocks: &[Block], closing: bool) -> Vec<Item> {
        let labels = label_blocks(blocks, self.system);
        let last_text = blocks.iter().rposition(|b| !matches!(b, Block::Table(_)));
        let mut items = Vec::new();
        for (i, (block, label)) in blocks.iter().zip(labels).enumerate() {
            let label = label.as_deref();
            let l = self.l;
            let mut p = match block {
                Block::Part { title } => {
                    items.push(Item::P(
                        centred_line(label.unwrap_or_default(), &l.part_label)
                            .line_spacing(single(GAPS.before_part, Twips(0)))
                            .keep_next(true),
                    ));
                    let mut p = Paragraph::new()
                        .align(AlignmentType::Center)
                        .line_spacing(single(Twips(0), l.body_layout.paragraph_spacing.preferred))
                        .keep_next(true);
                    for r in self.inline_runs(title, &l.section) {
                        p = p.add_run(r);
                    }
                    p
                }
                Block::Section { title } => self.labelled(label, title, &l.section).keep_next(true),
                Block::Heading { title, .. } => {
                    self.labelled(label, title, &l.heading).keep_next(true)
                }
                Block::Numbered { content, .. }
                | Block::Lettered { content }
                | Block::Dash { content }
                | Block::Plus { content } => self.labelled(label, content, &l.body),
                Block::Paragraph { content } => self.labelled(None, content, &l.body),
                Block::Table(t) => {
                    items.push(Item::T(self.table(t)));
                    continue;
                }
            };
            // A paragraph right after a table keeps the paragraph gap above it.
            if matches!(items.last(), Some(Item::T(_))) {
                let bl = &l.body_layout;
                p = p.line_spacing(body_spacing(
                    bl.line_spacing,
                    bl.paragraph_spacing.preferred,
                    bl.paragraph_spacing.preferred,
                ));
            }
            if closing && Some(i) == last_text {
                let ends_with_stop = block
                    .inline()
                    .is_some_and(|c| c.plain_text().trim_end().ends_with('.'));
                let mark = if ends_with_stop { "/." } else { "./." };
                p = p.add_run(run(mark, &l.body));
            }
            items.push(Item::P(p));
        }
        if closing && last_text.is_none() {
            items.push(Item::P(
                self.body_paragraph().add_run(run("./.", &self.l.body)),
            ));
        }
        // Keep the end of the body with the signature block.
        let mut kept = 0;
        for item in items.iter_mut().rev() {
            match item {
                Item::P(p) if kept < KEEP_WITH_SIGNATURE => {
                    let taken = std::mem::take(p);
                    *p = taken.keep_next(true);
                    kept += 1;
                }
                _ => break,
            }
        }
        items
    }

    fn table(&mut self, t: &crate::model::Table) -> Table {
        let l = self.l;
        let cols = t.rows.iter().map(Vec::len).max().unwrap_or(1).max(1);
        let width = self.text_width().0 / i32::try_from(cols).unwrap_or(1);
        let width = usize::try_from(width).unwrap_or(0);
        let rows: Vec<TableRow> = t
            .rows
            .iter()
            .enumerate()
            .map(|(r, cells)| {
                let header = t.header && r == 0;
                let mut style = l.body;
                style.bold |= header;
                let mut tcs: Vec<TableCell> = cells
                    .iter()
                    .map(|c| {
                        let mut p = Paragraph::new()
                            .align(if header {
                                AlignmentType::Center
                            } else {
                                AlignmentType::Left
                            })
                            .line_spacing(single(Twips(0), Twips(0)))
                            .size(usize::from(style.size.preferred.0));
                        for run in self.inline_runs(c, &style) {
                            p = p.add_run(run);
                        }
                        TableCell::new()
                            .width(width, WidthType::Dxa)
                            .add_paragraph(p)
                    })
                    .collect();
                while tcs.len() < cols {
                    tcs.push(
                        TableCell::new()
                            .width(width, WidthType::Dxa)
                            .add_paragraph(Paragraph::new()),
                    );
                }
                TableRow::new(tcs)
            })
            .collect();
        Table::new(rows)
            .set_grid(vec![width; cols])
            .width(width * cols, WidthType::Dxa)
    }
}
