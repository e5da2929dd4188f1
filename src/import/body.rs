//! The body of an imported document (nội dung): paragraphs of the checked view turned into
//! [`Block`]s. Typed labels ("I.", "1.", "1.1.", "a)", "-", "Điều 3.", "Chương II") become the
//! block kinds whose numbers Vanban computes; "Kính gửi" becomes the addressees; the "./."
//! becomes the closing mark; tables become tables. What maps onto nothing is kept as a
//! plain paragraph and reported.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::check::normative::{
    is_action, APPENDIX, ARTICLE, BASIS_STARTS, CHAPTER, DIVISION, PART, SECTION,
};
use crate::check::view::{Align, View};
use crate::layout::{
    ADDRESSEE_LABEL, ATTACHED_TO, CLOSING_MARK, CLOSING_MARK_AFTER_STOP, ISSUED_WITH,
};
use crate::model::{text, Block, Inline};
use crate::reader;

use super::inline::{self, all_bold, pieces, plain, skip_chars, Piece};
use super::normative::strip_end;
use super::report::{EntryKind, ImportReport};
use super::sequence::Origin;

/// What the body gives the draft.
#[derive(Debug, Default)]
pub(super) struct BodyOut {
    /// The blocks.
    pub blocks: Vec<Block>,
    /// Kính gửi.
    pub addressees: Vec<String>,
    /// The body ended with "./.".
    pub closing: bool,
}

/// "1. ", "1.2 ", and "6.1.Công tác" typed without the space (the capital after the dot is
/// group 4, not part of the label).
static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(\d{1,3}(?:\.\d{1,3}){0,3})\.\s+|^(\d{1,3}(?:\.\d{1,3}){1,3})\s+|^(\d{1,3}(?:\.\d{1,3}){0,3})\.(\p{Lu})",
    )
    .expect("regex")
});
static LETTERED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[a-zđ]\)\s+").expect("regex"));
pub(super) static DASH: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[-–]\s+").expect("regex"));
static PLUS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\+\s+").expect("regex"));

/// Every paragraph of the reader's body by its index.
fn reader_paragraphs(doc: &reader::DocxFile) -> HashMap<usize, &reader::Paragraph> {
    fn walk<'a>(items: &'a [reader::BodyItem], out: &mut HashMap<usize, &'a reader::Paragraph>) {
        for item in items {
            match item {
                reader::BodyItem::Paragraph(p) => {
                    out.insert(p.index, p);
                }
                reader::BodyItem::Table(t) => {
                    for row in &t.rows {
                        for cell in &row.cells {
                            walk(&cell.blocks, out);
                        }
                    }
                }
            }
        }
    }
    let mut out = HashMap::new();
    walk(&doc.blocks, &mut out);
    out
}

/// The footnotes anchored in a reader paragraph: (char offset in its text, footnote text).
fn notes_of(p: &reader::Paragraph, doc: &reader::DocxFile) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut offset = 0;
    for r in &p.runs {
        if let Some(id) = r.is_footnote_ref {
            let t = doc
                .footnotes
                .iter()
                .find(|f| f.id == id)
                .map(reader::Footnote::text)
                .unwrap_or_default();
            out.push((offset, t));
            continue;
        }
        offset += text::nfc(&r.text).chars().count();
    }
    out
}

/// Converts the paragraphs at view positions `body` into blocks.
pub(super) fn convert(
    view: &View,
    doc: &reader::DocxFile,
    body: &[usize],
    report: &mut ImportReport,
) -> BodyOut {
    let by_index = reader_paragraphs(doc);
    let mut out = BodyOut::default();
    let mut reported_boxes: Vec<usize> = Vec::new();
    // Căn cứ come before the action line ("QUYẾT ĐỊNH:"), not before the authority line
    // above them ("CHỦ TỊCH ỦY BAN NHÂN DÂN …", centred and bold like it).
    let last_action = body.iter().rposition(|&i| is_action(view, i));
    let enacting = super::normative::enacting_line(view, body, last_action);
    // For each block, the length of a last run that is the closing mark alone ("./." or
    // "/."): how Vanban wrote it tells whether the stop was the text's own.
    let mut mark_runs: Vec<Option<usize>> = Vec::new();
    // Where each block came from, to compare its typed label with the computed one.
    let mut origins: Vec<Option<Origin>> = Vec::new();
    // The original paragraph each block starts at, to find the section it lies in.
    let mut firsts: Vec<usize> = Vec::new();
    let quotes = super::quote::quotations(view, body);
    let mut k = 0;
    while k < body.len() {
        let i = body[k];
        let p = &view.paras[i];
        firsts.truncate(out.blocks.len());
        firsts.push(p.index);
        let rp = by_index.get(&p.index).copied();
        if let Some(rp) = rp {
            notes_about(view, i, rp, &mut reported_boxes, report);
        }
        if p.is_blank() {
            k += 1;
            continue;
        }
        if let Some(cell) = p.cell {
            let start = k;
            while k < body.len()
                && view.paras[body[k]]
                    .cell
                    .is_some_and(|c| c.table == cell.table)
            {
                k += 1;
            }
            // Kính gửi laid out in a borderless table ("Kính gửi:" | the "- …" lines), at the
            // start of the body (Lào Cai's giấy mời and công văn).
            if out.blocks.is_empty() && out.addressees.is_empty() {
                if let Some(lines) = super::addressees::addressee_table(view, &body[start..k]) {
                    out.addressees = super::addressees::addressees_of(&lines);
                    report_addressee_notes(view, doc, &by_index, &body[start..k], report);
                    continue;
                }
            }
            out.blocks.push(Block::Table(super::table::table(
                view,
                &body[start..k],
                report,
            )));
            continue;
        }
        // Footnotes only where the view paragraph is the reader's whole paragraph.
        let notes = match rp {
            Some(rp) if !p.segment && rp.text() == p.text => notes_of(rp, doc),
            // The view shows the paragraph otherwise than the file (split lines, hidden
            // text): its footnotes go at its end, said so.
            Some(rp)
                if body
                    .get(k + 1)
                    .is_none_or(|&n| view.paras[n].index != p.index) =>
            {
                let notes: Vec<(usize, String)> = notes_of(rp, doc)
                    .into_iter()
                    .map(|(_, t)| (usize::MAX, t))
                    .collect();
                if !notes.is_empty() {
                    report.add(
                        EntryKind::Review,
                        Some(p.index),
                        &p.text,
                        "chú thích của đoạn được đặt ở cuối đoạn (không xác định được vị trí dấu chú thích)",
                    );
                }
                notes
            }
            _ => Vec::new(),
        };
        let pc = pieces(p, &notes);
        let t = plain(&pc);
        if t.is_empty() {
            k += 1;
            continue;
        }
        // Kính gửi, at the start of the body.
        if out.blocks.is_empty() && out.addressees.is_empty() {
            if let Some(rest) = t.strip_prefix(ADDRESSEE_LABEL.trim_end_matches(':')) {
                let rest = rest.trim_start_matches(':').trim();
                k += 1;
                let mut lines = vec![rest.to_string()];
                while k < body.len() {
                    let q = &view.paras[body[k]];
                    let qt = text::squash_spaces(&text::nfc(&q.text));
                    let same = q.index == p.index && q.segment;
                    if same || (rest.is_empty() && DASH.is_match(&qt)) {
                        lines.push(qt);
                        k += 1;
                    } else {
                        break;
                    }
                }
                out.addressees = super::addressees::addressees_of(&lines);
                continue;
            }
        }
        let before_action = enacting.or(last_action).is_some_and(|a| k < a);
        let (block, used) = if enacting == Some(k) {
            (super::normative::enacting(&pc), 1)
        } else {
            block_of(view, body, k, &pc, &t, before_action, report)
        };
        let last_run = view.paras[body[k + used - 1]]
            .runs
            .iter()
            .rev()
            .find(|r| !r.text.trim().is_empty())
            .map(|r| r.text.trim());
        mark_runs.resize(out.blocks.len(), None);
        origins.resize(out.blocks.len(), None);
        origins.push(Some(Origin {
            index: p.index,
            text: t,
            pieces: pc,
            quoted: quotes.iter().any(|&(a, b)| a < k && k <= b),
        }));
        mark_runs.push(
            last_run
                .filter(|r| *r == CLOSING_MARK || *r == CLOSING_MARK_AFTER_STOP)
                .map(|r| r.chars().count()),
        );
        out.blocks.push(block);
        k += used;
    }
    super::landscape::mark_appendices(&mut out.blocks, &firsts, doc);
    mark_runs.resize(out.blocks.len(), None);
    origins.resize(out.blocks.len(), None);
    super::sequence::reconcile(&mut out.blocks, &origins, report);
    super::closing::closing_mark(&mut out, &mark_runs);
    out
}

/// The addressees hold no footnote: each footnote of the Kính gửi paragraphs at view
/// positions `paras` is reported as left out, with its text to set again.
fn report_addressee_notes(
    view: &View,
    doc: &reader::DocxFile,
    by_index: &HashMap<usize, &reader::Paragraph>,
    paras: &[usize],
    report: &mut ImportReport,
) {
    for &i in paras {
        let q = &view.paras[i];
        let Some(rq) = by_index.get(&q.index) else {
            continue;
        };
        for (_, note) in notes_of(rq, doc) {
            report.add(
                EntryKind::Omitted,
                Some(q.index),
                &q.text,
                &format!(
                    "chú thích ở phần Kính gửi không giữ được trong bản thảo: «{}»",
                    note.trim()
                ),
            );
        }
    }
}

/// Report entries about a paragraph's content the body cannot hold: drawings, text boxes,
/// fields.
fn notes_about(
    view: &View,
    i: usize,
    rp: &reader::Paragraph,
    reported: &mut Vec<usize>,
    report: &mut ImportReport,
) {
    if reported.contains(&rp.index) {
        return;
    }
    let p = &view.paras[i];
    let mut any = false;
    if rp.has_drawing && rp.line_shapes == 0 {
        report.add(
            EntryKind::Omitted,
            Some(rp.index),
            &p.text,
            "hình ảnh hoặc hình vẽ trong đoạn không nhập được vào bản thảo",
        );
        any = true;
    }
    if !rp.text_boxes.is_empty() {
        report.add(
            EntryKind::Kept,
            Some(rp.index),
            &p.text,
            "chữ trong hộp văn bản (text box) được giữ thành đoạn văn thường",
        );
        any = true;
    }
    let fields: Vec<&reader::FieldKind> = rp
        .fields
        .iter()
        .filter(|f| **f != reader::FieldKind::Page)
        .collect();
    if !fields.is_empty() {
        report.add(
            EntryKind::Review,
            Some(rp.index),
            &p.text,
            "trường tự động (field) được nhập thành chữ đang hiển thị",
        );
        any = true;
    }
    if any {
        reported.push(rp.index);
    }
}

/// The next non-blank paragraph after position `k` of `body`, as plain inline, with how many
/// positions it takes.
fn next_title(view: &View, body: &[usize], k: usize) -> Option<(Inline, usize)> {
    let mut j = k + 1;
    while j < body.len() {
        let p = &view.paras[body[j]];
        if p.cell.is_some() {
            return None;
        }
        let pc = pieces(p, &[]);
        let t = plain(&pc);
        if !t.is_empty() {
            return Some((inline::inline(&pc, false), j - k + 1));
        }
        j += 1;
    }
    None
}

/// The characters a regex match covers.
fn chars_of(t: &str, end: usize) -> usize {
    t[..end].chars().count()
}

/// One block from the paragraph at position `k` (and the title under a heading label);
/// returns the block and how many positions it used.
fn block_of(
    view: &View,
    body: &[usize],
    k: usize,
    pc: &[Piece],
    t: &str,
    before_action: bool,
    report: &mut ImportReport,
) -> (Block, usize) {
    let i = body[k];
    let p = &view.paras[i];
    let rest_after = |end: usize| skip_chars(pc, chars_of(t, end));
    // Headings whose title is on the next line.
    let label_then_title = || next_title(view, body, k);
    if PART.is_match(t) {
        if let Some((title, used)) = label_then_title() {
            return (Block::Part { title }, used);
        }
    }
    if let Some(c) = CHAPTER.captures(t) {
        let same_line = c.get(1).map(|m| m.as_str().trim()).unwrap_or("");
        if !same_line.is_empty() {
            let m = c.get(1).expect("group");
            let title = inline::inline(&skip_chars(pc, chars_of(t, m.start())), false);
            return (Block::Chapter { title }, 1);
        }
        if let Some((title, used)) = label_then_title() {
            return (Block::Chapter { title }, used);
        }
    }
    if let Some(issued) = issued_heading(view, body, k, t, report) {
        return issued;
    }
    if let Some(appendix) = super::after::appendix_block(view, body, k, report) {
        return appendix;
    }
    if let Some(c) = APPENDIX.captures(t) {
        let same_line = c.get(1).map(|m| m.as_str().trim()).unwrap_or("");
        let found = if same_line.is_empty() {
            label_then_title()
        } else {
            let m = c.get(1).expect("group");
            Some((
                inline::inline(&skip_chars(pc, chars_of(t, m.start())), false),
                1,
            ))
        };
        if let Some((title, mut used)) = found {
            // The "(Kèm theo …)" line is computed from the document.
            if let Some(&n) = body.get(k + used) {
                let nt = text::squash_spaces(&text::nfc(&view.paras[n].text));
                if nt.starts_with(&format!("({ATTACHED_TO}")) {
                    report.add(
                        EntryKind::Review,
                        Some(view.paras[n].index),
                        &nt,
                        "dòng \"(Kèm theo …)\" của phụ lục do Vanban tính lại từ số, ngày và cơ quan ban hành",
                    );
                    used += 1;
                }
            }
            return (Block::appendix(title), used);
        }
    }
    if let Some(c) = DIVISION.captures(t) {
        let same_line = c.get(1).map(|m| m.as_str().trim()).unwrap_or("");
        if !same_line.is_empty() && p.align == Align::Center {
            let m = c.get(1).expect("group");
            let title = inline::inline(&skip_chars(pc, chars_of(t, m.start())), false);
            return (Block::Division { title }, 1);
        }
        if same_line.is_empty() {
            if let Some((title, used)) = label_then_title() {
                return (Block::Division { title }, used);
            }
        }
    }
    if let Some(m) = ARTICLE.find(t) {
        if t.starts_with("Điểu") || t.starts_with("ĐIỂU") {
            report.add(
                EntryKind::Changed,
                Some(p.index),
                t,
                "chữ «Điểu» gõ nhầm; Vanban in «Điều» và đánh số điều này như các điều khác",
            );
        }
        let rest = rest_after(m.end());
        // "Điều 2." alone is an article without a title, its khoản under it.
        let titled = plain(&rest).is_empty() || all_bold(&rest);
        let title = inline::inline(&rest, !titled);
        return (
            Block::Article {
                title,
                run_in: !titled,
            },
            1,
        );
    }
    if before_action && BASIS_STARTS.iter().any(|s| t.starts_with(s)) {
        let content = strip_end(inline::inline(pc, false));
        return (Block::Basis { content }, 1);
    }
    if is_action(view, i) {
        return (
            Block::Action {
                text: inline::inline(pc, false),
            },
            1,
        );
    }
    if let Some(m) = SECTION.find(t) {
        let rest = rest_after(m.end());
        if !plain(&rest).is_empty() {
            return (
                Block::Section {
                    title: inline::inline(&rest, false),
                },
                1,
            );
        }
    }
    if let Some(c) = NUMBERED.captures(t) {
        let label = c
            .get(1)
            .or(c.get(2))
            .or(c.get(3))
            .expect("one group matches");
        let level = label.as_str().split('.').count();
        let end = c
            .get(4)
            .map_or_else(|| c.get(0).expect("match").end(), |m| m.start());
        let rest = rest_after(end);
        if level <= 3 && !plain(&rest).is_empty() {
            let level = u8::try_from(level).unwrap_or(1);
            if all_bold(&rest) && all_bold(pc) {
                return (
                    Block::Heading {
                        level,
                        title: inline::inline(&rest, false),
                    },
                    1,
                );
            }
            return (
                Block::Numbered {
                    level,
                    content: inline::inline(&rest, true),
                },
                1,
            );
        }
    }
    for (re, kind) in [(&*LETTERED, 0u8), (&*DASH, 1), (&*PLUS, 2)] {
        if let Some(m) = re.find(t) {
            let rest = rest_after(m.end());
            if plain(&rest).is_empty() {
                continue;
            }
            let content = inline::inline(&rest, true);
            return (
                match kind {
                    0 => Block::Lettered { content },
                    1 => Block::Dash { content },
                    _ => Block::Plus { content },
                },
                1,
            );
        }
    }
    (
        Block::Paragraph {
            content: inline::inline(pc, true),
        },
        1,
    )
}

/// A document issued with the decision (văn bản ban hành kèm theo): its tên loại alone on a
/// line ("QUY ĐỊNH"), its title on the next, then "(Ban hành kèm theo …)", which Vanban
/// computes from the document again (reported).
fn issued_heading(
    view: &View,
    body: &[usize],
    k: usize,
    t: &str,
    report: &mut ImportReport,
) -> Option<(Block, usize)> {
    let doc_type = crate::check::recognize::doc_type_by_title(t)?;
    if doc_type.is_cong_van() {
        return None;
    }
    let (title, used) = next_title(view, body, k)?;
    let &n = body.get(k + used)?;
    let nt = text::squash_spaces(&text::nfc(&view.paras[n].text));
    if !nt.starts_with(&format!("({ISSUED_WITH}")) {
        return None;
    }
    report.add(
        EntryKind::Review,
        Some(view.paras[n].index),
        &nt,
        "dòng \"(Ban hành kèm theo …)\" do Vanban tính lại từ số, ngày và cơ quan ban hành",
    );
    Some((
        Block::Issued {
            doc_type: doc_type.name.clone(),
            title,
        },
        used + 1,
    ))
}
