//! Nội dung: tên loại and trích yếu, Kính gửi, then the body blocks with their computed
//! labels, inline bold and italic, footnotes numbered in order, simple tables and the closing
//! "./.".

use crate::layout::{
    Layout, Orientation, TextStyle, Twips, ADDRESSEE_LABEL, CLOSING_MARK, CLOSING_MARK_AFTER_STOP,
    GAPS, KEEP_WITH_SIGNATURE, PARTY_SUBJECT_RULE,
};
use crate::model::{basis_end, label_blocks, Block, Document, Inline, Span, System};

use super::style::{centred_line, look, printed_width, run, run_with, short_rule};
use super::{Align, El, Indent, Item, Look, Para, Run, RunKind, Spacing};

/// The lines under the headings after the signature, computed from the document.
pub(super) struct Notes {
    /// "(Kèm theo Quyết định số … ngày … của …)" under a Phụ lục.
    appendix: String,
    /// "(Ban hành kèm theo Quyết định số … ngày … của …)" under a Quy chế issued with it.
    issued: String,
}

/// Lays out the body and numbers its footnotes from 1 in order of appearance.
pub(super) struct BodyPass<'a> {
    pub(super) l: &'a Layout,
    system: System,
    footnotes: Vec<Para>,
    /// Hướng trang of the blocks being laid out: landscape in a landscape Phụ lục.
    orientation: Orientation,
    /// Where the orientation changes: the index in the items of the heading that turns the
    /// page, and the new orientation.
    turns: Vec<(usize, Orientation)>,
}

impl<'a> BodyPass<'a> {
    pub(super) fn new(l: &'a Layout, system: System) -> Self {
        Self {
            l,
            system,
            footnotes: Vec::new(),
            orientation: Orientation::Portrait,
            turns: Vec::new(),
        }
    }

    /// The turns of the page met so far (item index, new orientation).
    pub(super) fn take_turns(&mut self) -> Vec<(usize, Orientation)> {
        std::mem::take(&mut self.turns)
    }

    /// Sets the orientation of what follows, the next item being the first in it.
    fn turn(&mut self, orientation: Orientation, at: usize) {
        if orientation != self.orientation {
            self.orientation = orientation;
            self.turns.push((at, orientation));
        }
    }

    /// The footnotes met so far, in order.
    pub(super) fn into_footnotes(self) -> Vec<Para> {
        self.footnotes
    }

    /// Khổ chữ: the text width of the page the blocks are on (wider on landscape pages).
    pub(super) fn text_width(&self) -> Twips {
        self.l.text_width(self.orientation)
    }

    /// Runs of inline content in `style`, with footnote marks.
    pub(super) fn inline_runs(&mut self, inline: &Inline, style: &TextStyle, out: &mut Vec<Run>) {
        for span in &inline.0 {
            match span {
                Span::Text { text, bold, italic } => {
                    out.push(run_with(text, style, *bold, *italic));
                }
                Span::Footnote { text } => out.push(self.footnote(text, style)),
            }
        }
    }

    fn footnote(&mut self, text: &str, style: &TextStyle) -> Run {
        let fs = &self.l.footnote;
        let mut p = Para::new(El::Footnote);
        p.align = Some(Align::Justify);
        p.spacing = Some(Spacing::single(Twips(0), Twips(0)));
        p.mark_size = Some(fs.size.preferred);
        p.runs.push(Run {
            text: String::new(),
            look: look(fs),
            kind: RunKind::FootnoteOwnMark,
            break_after: false,
        });
        p.runs.push(run(&format!(" {}", text.trim()), fs));
        self.footnotes.push(p);
        Run {
            text: String::new(),
            look: Look {
                size: style.size.preferred,
                bold: false,
                italic: false,
                underline: false,
                superscript: true,
            },
            kind: RunKind::FootnoteRef(self.footnotes.len()),
            break_after: false,
        }
    }

    fn body_paragraph(&self) -> Para {
        let bl = &self.l.body_layout;
        let mut p = Para::new(El::Body);
        p.align = Some(Align::Justify);
        p.indent = Some(Indent {
            first_line: Some(bl.first_line_indent.preferred),
            ..Indent::default()
        });
        p.spacing = Some(Spacing {
            before: Twips(0),
            after: bl.paragraph_spacing.preferred,
            line: bl.line_spacing,
        });
        p.mark_size = Some(self.l.body.size.preferred);
        p
    }

    /// A justified, indented paragraph: optional label, then the inline content.
    fn labelled(&mut self, label: Option<&str>, inline: &Inline, style: &TextStyle) -> Para {
        let mut p = self.body_paragraph();
        if let Some(label) = label {
            p.runs.push(run(&format!("{label} "), style));
        }
        self.inline_runs(inline, style, &mut p.runs);
        p
    }

    /// Tên loại and trích yếu (Ô 5a), with the short line (state) or "-----" (Party).
    /// A công văn has neither: its trích yếu is in the header.
    pub(super) fn title(&mut self, doc: &Document) -> Vec<Para> {
        let l = self.l;
        if doc.doc_type.is_cong_van() {
            return Vec::new();
        }
        let mut type_line = centred_line(El::DocType, &doc.type_line(), &l.doc_type_name);
        type_line.spacing = Some(Spacing::single(GAPS.before_title, Twips(0)));
        let mut ps = vec![type_line];
        let lines: Vec<&str> = doc
            .subject
            .lines()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        if lines.is_empty() {
            return ps;
        }
        let mut p = Para::new(El::Subject);
        p.align = Some(Align::Center);
        p.spacing = Some(Spacing::single(Twips(0), Twips(0)));
        p.mark_size = Some(l.subject.size.preferred);
        for (i, line) in lines.iter().enumerate() {
            let mut r = run(line, &l.subject);
            r.break_after = i + 1 < lines.len();
            p.runs.push(r);
        }
        ps.push(p);
        // The text attached to a decision, drafted on its own: "(Ban hành kèm theo Quyết định
        // số … ngày … của …)" under its trích yếu, above the line (Mẫu 1.3).
        if doc.is_attached() {
            ps.push(self.note_line(&doc.issued_note()));
        }
        match self.system {
            System::State => {
                let widest = lines
                    .iter()
                    .map(|s| printed_width(s, &l.subject))
                    .max()
                    .unwrap_or(Twips(0));
                ps.push(short_rule(El::Subject, widest, self.text_width()));
            }
            System::Party => ps.push(centred_line(El::Subject, PARTY_SUBJECT_RULE, &l.subject)),
        }
        ps
    }

    /// "Kính gửi: ..." (Ô 9a): one addressee on the same line, with the full stop its draft
    /// may end it with; several one per line with their dashes aligned under the first,
    /// each ending ";" and the last ".".
    pub(super) fn addressees(&mut self, doc: &Document) -> Option<Para> {
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
        let mut p = Para::new(El::Addressees);
        p.spacing = Some(Spacing::single(before, Twips(0)));
        if items.len() == 1 {
            // One addressee on the label's line keeps the full stop its draft gives it: NĐ 30
            // (Phụ lục I, Ô 9a) sets the punctuation of a list of addressees only.
            let stop = doc.addressees.iter().any(|a| a.trim().ends_with('.'));
            let end = if stop { "." } else { "" };
            p.align = Some(Align::Center);
            p.runs
                .push(run(&format!("{ADDRESSEE_LABEL} {}{end}", items[0]), style));
            return Some(p);
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
        p.align = Some(Align::Left);
        p.indent = Some(Indent {
            left: Some(Twips(left + label_w.0)),
            hanging: Some(label_w),
            ..Indent::default()
        });
        p.runs.push(run(&label, style));
        for (i, line) in lines.iter().enumerate() {
            let mut r = run(line, style);
            r.break_after = i + 1 < lines.len();
            p.runs.push(r);
        }
        Some(p)
    }

    /// The Phụ lục after the signature: each heading on a new page ("Phụ lục I", the title,
    /// the italic "(Kèm theo … số … ngày … của …)"), then its blocks, numbered afresh; and so
    /// a document issued with this one ("QUY CHẾ", the title, "(Ban hành kèm theo …)").
    pub(super) fn appendices(&mut self, doc: &Document, blocks: &[Block], items: &mut Vec<Item>) {
        if !blocks.is_empty() {
            let notes = Notes {
                appendix: doc.attached_note(),
                issued: doc.issued_note(),
            };
            // A Quy chế or Quy định issued with the decision is a document of its own and
            // ends with "./." as the decision does (the Hà Tĩnh Quy định 11/2018 does); a Phụ
            // lục (a table, a list) does not.
            let closing = doc.closing_mark
                && blocks
                    .iter()
                    .rev()
                    .find(|b| matches!(b, Block::Appendix { .. } | Block::Issued { .. }))
                    .is_some_and(|b| matches!(b, Block::Issued { .. }));
            self.blocks_kept(blocks, closing, false, Some(&notes), items);
        }
    }

    /// The heading of a Phụ lục or of a document issued with the decision, on a new page: its
    /// label line, its title, and (when the document is known) its "(Kèm theo …)" or "(Ban
    /// hành kèm theo …)" line; pushes all but the last paragraph and returns the last.
    fn attachment_heading(
        &mut self,
        label: &str,
        label_style: &TextStyle,
        title: &Inline,
        title_style: &TextStyle,
        note: Option<&str>,
        items: &mut Vec<Item>,
    ) -> Para {
        let l = self.l;
        let mut head = centred_line(El::Body, label, label_style);
        head.page_break_before = true;
        head.keep_next = true;
        items.push(Item::Para(head));
        let mut p = Para::new(El::Body);
        p.align = Some(Align::Center);
        p.spacing = Some(Spacing::single(Twips(0), Twips(0)));
        p.mark_size = Some(title_style.size.preferred);
        p.keep_next = true;
        self.inline_runs(title, title_style, &mut p.runs);
        if let Some(note) = note {
            items.push(Item::Para(p));
            p = self.note_line(note);
            p.el = El::Body;
            p.spacing = Some(Spacing::single(
                Twips(0),
                l.body_layout.paragraph_spacing.preferred,
            ));
        }
        p
    }

    /// The italic "(Kèm theo …)" or "(Ban hành kèm theo …)" line under a title, centred,
    /// kept with what follows: under a Phụ lục's or an issued Quy chế's title, and under the
    /// trích yếu of a Quy chế drafted on its own.
    fn note_line(&self, note: &str) -> Para {
        let mut p = centred_line(El::Subject, note, &self.l.appendix_note);
        p.keep_next = true;
        p
    }

    /// A paragraph right after a table (the last of `laid`) keeps the paragraph gap above it.
    fn gap_after_table(&self, p: &mut Para, laid: &[Item]) {
        if matches!(laid.last(), Some(Item::Grid(_))) {
            let bl = &self.l.body_layout;
            p.spacing = Some(Spacing {
                before: bl.paragraph_spacing.preferred,
                after: bl.paragraph_spacing.preferred,
                line: bl.line_spacing,
            });
        }
    }

    /// The body blocks, labelled, with "./." at the end when `closing`; the last paragraphs
    /// keep with what follows (the signature block). Appends to `items`.
    pub(super) fn blocks(&mut self, blocks: &[Block], closing: bool, items: &mut Vec<Item>) {
        self.blocks_kept(blocks, closing, true, None, items);
    }

    fn blocks_kept(
        &mut self,
        blocks: &[Block],
        closing: bool,
        keep_end: bool,
        notes: Option<&Notes>,
        items: &mut Vec<Item>,
    ) {
        let start = items.len();
        let labels = label_blocks(blocks, self.system);
        // "./." ends the last paragraph; after a closing table it stands on a line of its own
        // under the table, not before it in the middle of the page.
        let last_text = blocks
            .len()
            .checked_sub(1)
            .filter(|&k| !matches!(blocks[k], Block::Table(_)));
        for (i, (block, label)) in blocks.iter().zip(labels).enumerate() {
            let label = label.as_deref();
            let l = self.l;
            let mut p = match block {
                Block::Part { title } => {
                    let mut part = centred_line(El::Body, label.unwrap_or_default(), &l.part_label);
                    part.spacing = Some(Spacing::single(GAPS.before_part, Twips(0)));
                    part.keep_next = true;
                    items.push(Item::Para(part));
                    let mut p = Para::new(El::Body);
                    p.align = Some(Align::Center);
                    p.spacing = Some(Spacing::single(
                        Twips(0),
                        l.body_layout.paragraph_spacing.preferred,
                    ));
                    p.keep_next = true;
                    self.inline_runs(title, &l.section, &mut p.runs);
                    p
                }
                Block::Chapter { title } | Block::Division { title } => {
                    let mut head =
                        centred_line(El::Body, label.unwrap_or_default(), &l.chapter_label);
                    head.spacing = Some(Spacing::single(GAPS.before_part, Twips(0)));
                    head.keep_next = true;
                    items.push(Item::Para(head));
                    let mut p = Para::new(El::Body);
                    p.align = Some(Align::Center);
                    p.spacing = Some(Spacing::single(
                        Twips(0),
                        l.body_layout.paragraph_spacing.preferred,
                    ));
                    p.mark_size = Some(l.section.size.preferred);
                    p.keep_next = true;
                    self.inline_runs(title, &l.section, &mut p.runs);
                    p
                }
                Block::Appendix { title, landscape } => {
                    let orientation = if *landscape {
                        Orientation::Landscape
                    } else {
                        Orientation::Portrait
                    };
                    self.turn(orientation, items.len());
                    self.attachment_heading(
                        label.unwrap_or_default(),
                        &l.appendix_label,
                        title,
                        &l.section,
                        notes.map(|n| n.appendix.as_str()),
                        items,
                    )
                }
                // Mẫu 1.3: the tên loại, the title in bold, the italic "(Ban hành kèm theo
                // …)", on a new page.
                Block::Issued { title, .. } => {
                    self.turn(Orientation::Portrait, items.len());
                    self.attachment_heading(
                        label.unwrap_or_default(),
                        &l.doc_type_name,
                        title,
                        &l.subject,
                        notes.map(|n| n.issued.as_str()),
                        items,
                    )
                }
                // "Điều 2." alone, bold: its khoản follow on their own lines.
                Block::Article { title, .. } if title.is_empty() => {
                    let mut p = self.body_paragraph();
                    p.runs.push(run(label.unwrap_or_default(), &l.article));
                    p.keep_next = true;
                    p
                }
                Block::Article {
                    title,
                    run_in: false,
                } => {
                    let mut p = self.labelled(label, title, &l.article);
                    p.keep_next = true;
                    p
                }
                Block::Article {
                    title,
                    run_in: true,
                } => {
                    let mut p = self.body_paragraph();
                    if let Some(label) = label {
                        p.runs.push(run(label, &l.article));
                    }
                    p.runs.push(run(" ", &l.body));
                    self.inline_runs(title, &l.body, &mut p.runs);
                    p
                }
                Block::Basis { content } => {
                    let content = content.with_end(basis_end(blocks, i, self.system));
                    self.labelled(None, &content, &l.basis)
                }
                Block::Action { text } => {
                    let mut p = Para::new(El::Body);
                    p.align = Some(Align::Center);
                    let bl = &l.body_layout;
                    p.spacing = Some(Spacing {
                        before: bl.paragraph_spacing.preferred,
                        after: bl.paragraph_spacing.preferred,
                        line: bl.line_spacing,
                    });
                    p.mark_size = Some(l.action.size.preferred);
                    p.keep_next = true;
                    self.inline_runs(text, &l.action, &mut p.runs);
                    p
                }
                Block::Section { title } => {
                    let mut p = self.labelled(label, title, &l.section);
                    p.keep_next = true;
                    p
                }
                Block::Heading { title, .. } => {
                    let mut p = self.labelled(label, title, &l.heading);
                    p.keep_next = true;
                    p
                }
                Block::Numbered { content, .. }
                | Block::Lettered { content }
                | Block::Dash { content }
                | Block::Plus { content } => self.labelled(label, content, &l.body),
                Block::Paragraph { content } => self.labelled(None, content, &l.body),
                Block::Table(t) => {
                    items.push(Item::Grid(self.table(t)));
                    continue;
                }
            };
            self.gap_after_table(&mut p, &items[start..]);
            if closing && Some(i) == last_text {
                let ends_with_stop = block
                    .inline()
                    .is_some_and(|c| c.plain_text().trim_end().ends_with('.'));
                let mark = if ends_with_stop {
                    CLOSING_MARK_AFTER_STOP
                } else {
                    CLOSING_MARK
                };
                p.runs.push(run(mark, &l.body));
            }
            items.push(Item::Para(p));
        }
        if closing && last_text.is_none() {
            let mut p = self.body_paragraph();
            p.runs.push(run(CLOSING_MARK, &self.l.body));
            self.gap_after_table(&mut p, &items[start..]);
            items.push(Item::Para(p));
        }
        if !keep_end {
            return;
        }
        // Keep the end of the body with the signature block.
        let mut kept = 0;
        for item in items[start..].iter_mut().rev() {
            match item {
                Item::Para(p) if kept < KEEP_WITH_SIGNATURE => {
                    p.keep_next = true;
                    kept += 1;
                }
                _ => break,
            }
        }
    }
}
