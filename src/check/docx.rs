//! The .docx front end: reads a file with [`crate::reader`], flattens it into the neutral
//! [`View`] (paragraphs in reading order with their effective formatting, page setup,
//! header fields) and recognises its elements. Also applies safe fixes to a .docx.

use super::fix::Edit;
use super::recognize::recognize;
use super::registry::FixSafety;
use super::report::Report;
use super::rules::{is_line_text, upper_key};
use super::view::{Align, CellPos, Detected, Origin, PageSetup, Para, Parts, Run, Spacing, View};
use super::{ruleset_for, run_scoped, scope, CheckError, CheckOptions};
use crate::model::text;
use crate::model::System;
use crate::reader::{
    self, Alignment, BodyItem, DocxEdit, FieldKind, HeaderFooterKind, Limits, LineRule, Target,
};

fn align(a: Option<Alignment>) -> Align {
    match a {
        Some(Alignment::Center) => Align::Center,
        Some(Alignment::Right) => Align::Right,
        Some(Alignment::Justify | Alignment::Distribute) => Align::Justify,
        _ => Align::Left,
    }
}

/// Which runs end a paragraph in small print: subscript or superscript, or at most 8 pt
/// after larger text. Offices end the Lưu line with the drafter's initials and the number
/// of copies this way ("- Lưu: VT, NC." + a small "Châu (02b)", the ký hiệu người soạn thảo
/// of NĐ 30, ô số 12). Its text stays part of the line (the final "." comes after it), but
/// its size and style are not the line's: such runs are left out of the paragraph's runs.
/// One flag per run.
fn small_print_tail(runs: &[reader::Run]) -> Vec<bool> {
    let small = |r: &reader::Run| {
        r.vertical != reader::VerticalAlign::Baseline || r.size.is_some_and(|s| s.0 <= 16)
    };
    let mut tag = vec![false; runs.len()];
    let mut tail_text = false;
    for (k, r) in runs.iter().enumerate().rev() {
        // Blank runs, and the final "." or ")" after the tag, do not end it.
        if r.hidden || !r.text.chars().any(char::is_alphanumeric) {
            continue;
        }
        if !small(r) {
            // The tail counts only after real text of normal size.
            let head_text = runs[..=k]
                .iter()
                .any(|r| !r.hidden && !small(r) && r.text.chars().any(char::is_alphabetic));
            if !(tail_text && head_text) {
                tag.fill(false);
            }
            return tag;
        }
        tag[k] = true;
        tail_text |= r.text.chars().any(char::is_alphanumeric);
    }
    vec![false; runs.len()]
}

/// The family of a font named by one of its faces: Word files often name "Times New Roman
/// Bold" in `w:rFonts` (fontTable gives it the alternate name "Times New Roman"); it prints
/// as Times New Roman in bold.
fn face_family(name: &str) -> &str {
    let mut family = name.trim();
    for face in [" Bold Italic", " Bold", " Italic", " Regular"] {
        if let Some(stem) = family.strip_suffix(face).filter(|s| !s.is_empty()) {
            family = stem;
        }
    }
    family
}

/// A line set in the middle with tabs instead of centring ("⇥⇥ĐIỀU LỆ" reaching a centre tab
/// stop): a reader sees it centred. Only its leading tabs, each to the next stop set on the
/// paragraph, the last one a centre stop.
fn centred_on_tab(p: &reader::Paragraph, text: &str) -> bool {
    let leading = text.chars().take_while(|&c| c == '\t').count();
    leading > 0
        && !text[leading..].contains('\t')
        && p.tab_stops.get(leading - 1).is_some_and(|t| t.center)
}

/// Text that does not show on paper: hidden (`w:vanish`), or white on the white page (a
/// spacer word an office typed in white to push a signature's name down).
fn unseen(r: &reader::Run) -> bool {
    r.hidden
        || r.color
            .as_deref()
            .is_some_and(|c| c.eq_ignore_ascii_case("FFFFFF"))
}

fn para_of(p: &reader::Paragraph, cell: Option<CellPos>) -> Para {
    let tag = small_print_tail(&p.runs);
    let runs = p
        .runs
        .iter()
        .zip(&tag)
        .filter(|(r, &t)| !unseen(r) && r.is_footnote_ref.is_none() && !t)
        .map(|(r, _)| r)
        .map(|r| Run {
            text: r.text.clone(),
            font: r.font().map(|f| face_family(f).to_string()),
            size: r.size,
            bold: r.bold,
            italic: r.italic,
            underline: r.underline,
            caps: r.caps,
        })
        .collect();
    let line = p.spacing.line.map(|v| {
        let v = v.max(0) as u32;
        match p.spacing.line_rule {
            Some(LineRule::Exact) => Spacing::Exact(v),
            Some(LineRule::AtLeast) => Spacing::AtLeast(v),
            _ => Spacing::Auto(v),
        }
    });
    let first_line = match (p.indent.first_line, p.indent.hanging) {
        (Some(f), _) => Some(f.0),
        (None, Some(h)) => Some(-h.0),
        _ => None,
    };
    // What the reader sees: hidden text (w:vanish, e.g. a template's leftover tags) is not
    // shown, text under `w:caps` is shown in capitals.
    let shown_text = p
        .runs
        .iter()
        .any(|r| unseen(r) || (r.caps && r.text != text::upper(&r.text)));
    let shown = if shown_text {
        p.runs
            .iter()
            .filter(|r| !unseen(r))
            .map(|r| {
                if r.caps {
                    text::upper(&r.text)
                } else {
                    r.text.clone()
                }
            })
            .collect()
    } else {
        p.text()
    };
    // A dash bullet of list numbering ("- Như trên;" typed as a bulleted list) is shown
    // before the text: the reader sees the dash the Nơi nhận rules look for.
    let bullet = dash_bullet(p);
    let shown_text = shown_text || bullet.is_some();
    let shown = match bullet {
        Some(b) => format!("{b} {}", shown.trim_start()),
        None => shown,
    };
    Para {
        index: p.index,
        runs,
        align: if centred_on_tab(p, &shown) {
            Align::Center
        } else {
            align(p.alignment)
        },
        text: shown,
        first_line_indent: first_line,
        left_indent: p.indent.left.map(|t| t.0),
        space_after: p.spacing.after.map(|t| t.0.max(0) as u32),
        space_before: p.spacing.before.map(|t| t.0.max(0) as u32),
        line,
        bottom_border: p
            .border_bottom
            .as_ref()
            .is_some_and(reader::Border::is_visible),
        top_border: p
            .border_top
            .as_ref()
            .is_some_and(reader::Border::is_visible),
        has_drawing: p.has_drawing,
        has_line_shape: p.has_line_shape,
        keep_next: p.keep_next,
        keep_lines: p.keep_lines,
        cell,
        field: None,
        segment: false,
        shown_text,
        // In a table cell a run of spaces is a blank left for the number or the day
        // ("Số:      /QĐ-UBND"); outside one it may push a second column to the right.
        columns: {
            let t = p.text();
            t.trim().contains('\t') || (cell.is_none() && layout_gap(t.trim()))
        },
    }
}

/// The fewest spaces in a row that are layout rather than a typing slip: a gap that sets
/// two columns apart ("Ảnh          CỘNG HÒA"), or a blank left to be filled in by hand.
const LAYOUT_SPACES: usize = 4;

/// Whether `text` holds a tab or at least [`LAYOUT_SPACES`] spaces in a row.
pub(crate) fn layout_gap(text: &str) -> bool {
    let mut spaces = 0;
    for c in text.chars() {
        match c {
            '\t' => return true,
            ' ' | '\u{A0}' => {
                spaces += 1;
                if spaces >= LAYOUT_SPACES {
                    return true;
                }
            }
            _ => spaces = 0,
        }
    }
    false
}

/// The dash a paragraph's list bullet shows, if its list level is a dash bullet ("-",
/// "–", or the Symbol font's dash U+F02D), as "-" (or "+").
fn dash_bullet(p: &reader::Paragraph) -> Option<&'static str> {
    let n = p.numbering.as_ref()?;
    if n.format.as_deref() != Some("bullet") {
        return None;
    }
    match n.level_text.as_deref()?.trim() {
        "-" | "–" | "—" | "−" | "\u{F02D}" => Some("-"),
        "+" | "\u{F02B}" => Some("+"),
        _ => None,
    }
}

/// The longest line, in characters, that is split out of a paragraph at soft line breaks:
/// header and footer lines are short, body sentences are not.
const SPLIT_LINE_MAX: usize = 100;

/// Splits a paragraph written as several lines with soft line breaks ("CỘNG HÒA XÃ HỘI CHỦ
/// NGHĨA VIỆT NAM↵Độc lập - Tự do - Hạnh phúc", "KT. CHỦ TỊCH↵PHÓ CHỦ TỊCH") into one
/// paragraph per line, each with its own runs and the paragraph's layout, as a reader sees
/// them. Paragraphs without a break, or with a long line, stay whole.
fn split_lines(p: Para) -> Vec<Para> {
    if !p.text.contains('\n') {
        return vec![p];
    }
    let lines: Vec<&str> = p.text.split('\n').collect();
    if lines.iter().filter(|l| !l.trim().is_empty()).count() < 2
        || lines
            .iter()
            .any(|l| l.trim().chars().count() > SPLIT_LINE_MAX)
    {
        return vec![p];
    }
    split_at(&p, '\n').unwrap_or_else(|| vec![p])
}

/// The pieces of a paragraph between `sep` characters, each with its own runs and the
/// paragraph's layout (indent, spacing, keeps: the rules on running text judge them as
/// they judged the whole paragraph). `None` when the runs do not line up with the text
/// (hidden runs are in the text but not in the runs).
fn split_at(p: &Para, sep: char) -> Option<Vec<Para>> {
    let texts: Vec<&str> = p.text.split(sep).collect();
    let mut runs: Vec<Vec<Run>> = vec![Vec::new()];
    for r in &p.runs {
        for (k, piece) in r.text.split(sep).enumerate() {
            if k > 0 {
                runs.push(Vec::new());
            }
            if !piece.is_empty() {
                if let Some(line) = runs.last_mut() {
                    line.push(Run {
                        text: piece.to_string(),
                        ..r.clone()
                    });
                }
            }
        }
    }
    (runs.len() == texts.len()).then(|| {
        texts
            .into_iter()
            .zip(runs)
            .map(|(text, runs)| Para {
                text: text.to_string(),
                runs,
                segment: true,
                ..p.clone()
            })
            .collect()
    })
}

/// How many paragraphs at the top of the body may form a header laid out with tabs.
const TAB_HEADER_SPAN: usize = 12;

/// The pseudo table that stands for a header laid out with tabs.
const TAB_HEADER_TABLE: usize = usize::MAX;

/// The pseudo table that stands for a footer laid out with tabs.
const TAB_FOOTER_TABLE: usize = usize::MAX - 1;

/// How many paragraphs a footer laid out with tabs may span.
const TAB_FOOTER_SPAN: usize = 30;

/// One paragraph as the (left, right) pieces around its tab: both for "A⇥B", only the
/// right for "⇥B" (leading tabs), only the left otherwise (no tab, or more than two
/// pieces of text).
fn row_pieces(p: &Para) -> (Option<Para>, Option<Para>) {
    let (l, r, _) = row_pieces_lead(p);
    (l, r)
}

/// [`row_pieces`] with the number of tabs before the first text.
fn row_pieces_lead(p: &Para) -> (Option<Para>, Option<Para>, usize) {
    let spaced = spaces_as_tab(p);
    let p = spaced.as_ref().unwrap_or(p);
    let lead = p
        .text
        .chars()
        .take_while(|c| c.is_whitespace())
        .filter(|&c| c == '\t')
        .count();
    let (l, r) = row_pieces_of(p);
    (l, r, lead)
}

/// Rows of consecutive paragraphs as (left, right) pieces. A line with text after
/// leading tabs only is in the right column when it has more leading tabs than the left
/// pieces of the two-sided rows ("⇥BAN DÂN VẬN" under "⇥TỈNH ỦY⇥ĐẢNG CỘNG SẢN VIỆT NAM"
/// is the left column, centred on its tab stop).
fn rows_of<'a>(paras: impl Iterator<Item = &'a Para>) -> Vec<(Option<Para>, Option<Para>)> {
    let rows: Vec<_> = paras.map(row_pieces_lead).collect();
    let left_lead = rows
        .iter()
        .filter(|(l, r, _)| l.is_some() && r.is_some())
        .map(|(_, _, lead)| *lead)
        .min()
        .unwrap_or(0);
    rows.into_iter()
        .map(|(l, r, lead)| match (l, r) {
            (None, Some(r)) if lead <= left_lead => (Some(r), None),
            (l, r) => (l, r),
        })
        .collect()
}

fn row_pieces_of(p: &Para) -> (Option<Para>, Option<Para>) {
    if !p.text.trim_end().contains('\t') {
        return (Some(p.clone()), None);
    }
    let Some(pieces) = split_at(p, '\t') else {
        return (Some(p.clone()), None);
    };
    let mut filled = pieces.into_iter().filter(|q| !q.is_blank());
    match (filled.next(), filled.next(), filled.next()) {
        (Some(a), Some(b), None) => (Some(a), Some(b)),
        (Some(a), None, None) if p.text.trim_start() != p.text.as_str() => (
            None,
            Some(Para {
                segment: false,
                ..a
            }),
        ),
        _ => (Some(p.clone()), None),
    }
}

/// A paragraph whose columns are set apart by a run of spaces ("Ảnh          CỘNG HÒA XÃ
/// HỘI CHỦ NGHĨA VIỆT NAM") with that run read as a tab; `None` when it has none or the
/// runs do not spell its text.
fn spaces_as_tab(p: &Para) -> Option<Para> {
    if p.text.contains('\t') || !p.text.trim().contains(&" ".repeat(LAYOUT_SPACES)) {
        return None;
    }
    let gap = |s: &str| {
        let mut out = String::new();
        let mut spaces = 0;
        for c in s.chars().chain(std::iter::once('\0')) {
            if c == ' ' || c == '\u{A0}' {
                spaces += 1;
                continue;
            }
            if spaces >= LAYOUT_SPACES {
                out.push('\t');
            } else {
                out.extend(std::iter::repeat_n(' ', spaces));
            }
            spaces = 0;
            if c != '\0' {
                out.push(c);
            }
        }
        out
    };
    let runs: Vec<Run> = p
        .runs
        .iter()
        .map(|r| Run {
            text: gap(&r.text),
            ..r.clone()
        })
        .collect();
    let text: String = runs.iter().map(|r| r.text.as_str()).collect();
    (text == gap(&p.text)).then(|| Para {
        text,
        runs,
        ..p.clone()
    })
}

/// Replaces `paras[range]` by its rows read as two columns of the pseudo table `table`:
/// column 0 first, then column 1, as a table is read.
fn as_columns(
    mut paras: Vec<Para>,
    range: std::ops::Range<usize>,
    rows: Vec<(Option<Para>, Option<Para>)>,
    table: usize,
) -> Vec<Para> {
    let cell = |col| Some(CellPos { table, row: 0, col });
    let (mut left, mut right) = (Vec::new(), Vec::new());
    for (l, r) in rows {
        left.extend(l.map(|p| Para { cell: cell(0), ..p }));
        right.extend(r.map(|p| Para { cell: cell(1), ..p }));
    }
    left.extend(right);
    paras.splice(range, left);
    paras
}

fn is_national(p: &Para) -> bool {
    let k = upper_key(&p.text);
    k.contains("ĐẢNG CỘNG SẢN VIỆT NAM") || super::recognize::is_quoc_hieu(&k)
}

/// A header laid out with tab stops instead of a table ("UBND TỈNH X⇥CỘNG HÒA XÃ HỘI CHỦ
/// NGHĨA VIỆT NAM", "Số: 12/UBND⇥Hà Nội, ngày ..."), as older Word files and WPS write it,
/// is read as the two columns a reader sees: the text left of the tab in column 0, right
/// of it in column 1. Only the plain paragraphs at the top of the body are concerned, and
/// only when the right column holds the quốc hiệu (or the Party's title) and one row has
/// text on both sides of a tab.
fn tab_header(paras: Vec<Para>) -> Vec<Para> {
    let top = paras
        .iter()
        .take(TAB_HEADER_SPAN)
        .take_while(|p| p.cell.is_none())
        .count();
    // The right column holds the quốc hiệu, the tiêu ngữ, its line and the date; the block
    // ends before the first row whose right piece is something else ("1.⇥...").
    let header_like = |p: &Para| {
        let k = upper_key(&p.text);
        is_national(p)
            || (k.contains("ĐỘC LẬP") && k.contains("HẠNH PHÚC"))
            || (p.text.contains("ngày") && p.text.contains("tháng"))
            || is_line_text(&p.text)
    };
    let rows: Vec<_> = rows_of(paras[..top].iter())
        .into_iter()
        .take_while(|(_, r)| r.as_ref().is_none_or(header_like))
        .collect();
    let Some(end) = rows.iter().rposition(|(_, r)| r.is_some()) else {
        return paras;
    };
    let rows: Vec<_> = rows.into_iter().take(end + 1).collect();
    let national = rows
        .iter()
        .any(|(_, r)| r.as_ref().is_some_and(is_national));
    let two_sided = rows.iter().any(|(l, r)| l.is_some() && r.is_some());
    if !national || !two_sided {
        return paras;
    }
    as_columns(paras, 0..end + 1, rows, TAB_HEADER_TABLE)
}

/// A footer laid out with tab stops ("Nơi nhận:⇥KT. CHỦ TỊCH", "- Như trên;⇥PHÓ CHỦ
/// TỊCH", ..., "⇥Nguyễn Văn A") is read as two columns: Nơi nhận on the left, the
/// signature block on the right. The block starts at a plain "Nơi nhận" paragraph (or at
/// up to three right-only lines above it: a quyền hạn written first) and ends at its last
/// line with a short right piece.
fn tab_footer(paras: Vec<Para>) -> Vec<Para> {
    // Only the start of each paragraph is compared: NFC over whole body paragraphs would
    // dominate the time on long files.
    let noi_nhan = |p: &Para| {
        let head: String = p.text.trim_start().chars().take(12).collect();
        p.cell.is_none() && upper_key(&head).starts_with("NƠI NHẬN")
    };
    let Some(h) = paras.iter().rposition(noi_nhan) else {
        return paras;
    };
    let mut start = h;
    while start > 0 && h - start < 3 {
        let p = &paras[start - 1];
        match row_pieces(p) {
            (None, Some(_)) if p.cell.is_none() => start -= 1,
            _ => break,
        }
    }
    let rows: Vec<_> = rows_of(
        paras[start..]
            .iter()
            .take(TAB_FOOTER_SPAN)
            .take_while(|p| p.cell.is_none()),
    )
    .into_iter()
    .take_while(|(_, r)| {
        r.as_ref()
            .is_none_or(|r| r.text.trim().chars().count() <= 70)
    })
    .collect();
    let Some(end) = rows.iter().rposition(|(_, r)| r.is_some()) else {
        return paras;
    };
    let rows: Vec<_> = rows.into_iter().take(end + 1).collect();
    if !rows.iter().any(|(l, r)| l.is_some() && r.is_some()) {
        return paras;
    }
    as_columns(paras, start..start + end + 1, rows, TAB_FOOTER_TABLE)
}

/// A paragraph, then the paragraphs of the text boxes anchored in it (a header or a
/// signature an OCR converter or WPS put in text boxes): they are read where they are
/// anchored, and, not being indexed paragraphs of the file, are never edited.
fn paragraph_into(p: &reader::Paragraph, cell: Option<CellPos>, out: &mut Vec<Para>) {
    out.extend(split_lines(para_of(p, cell)));
    for tb in &p.text_boxes {
        let start = out.len();
        paragraph_into(tb, cell, out);
        for q in &mut out[start..] {
            q.segment = true;
            q.shown_text = true;
        }
    }
}

fn flatten(items: &[BodyItem], out: &mut Vec<Para>, tables: &mut usize, outer: Option<CellPos>) {
    for item in items {
        match item {
            BodyItem::Paragraph(p) => paragraph_into(p, outer, out),
            BodyItem::Table(t) => {
                let table = *tables;
                *tables += 1;
                for (r, row) in t.rows.iter().enumerate() {
                    for (c, cell) in row.cells.iter().enumerate() {
                        // A table nested in a cell (offices wrap a whole page in a
                        // one-cell layout table) is read as the table it looks like on
                        // paper, with its own rows and columns.
                        let pos = CellPos {
                            table,
                            row: r,
                            col: c,
                        };
                        flatten(&cell.blocks, out, tables, Some(pos));
                    }
                }
            }
        }
    }
}

fn page_of(doc: &reader::DocxFile) -> Option<PageSetup> {
    let s = doc.sections.first()?;
    let has_page = |h: Option<&reader::HeaderFooter>| {
        h.is_some_and(|h| h.fields().iter().any(|f| **f == FieldKind::Page))
    };
    let header_default = doc.header(HeaderFooterKind::Default);
    let header_first = doc.header(HeaderFooterKind::First);
    // Only the parts that print: the first-page part with "different first page" (titlePg),
    // the even-page part with "different odd and even" (evenAndOddHeaders, in settings).
    let prints = |kind: HeaderFooterKind| match kind {
        HeaderFooterKind::Default => true,
        HeaderFooterKind::First => s.title_page,
        HeaderFooterKind::Even => doc.settings.even_and_odd_headers,
    };
    let footers_have = doc
        .footers
        .iter()
        .filter(|f| f.section == 0 && prints(f.kind))
        .any(|f| has_page(Some(f)));
    let number_para = header_default.and_then(|h| {
        h.paragraphs()
            .into_iter()
            .find(|p| p.fields.contains(&FieldKind::Page))
    });
    let number_size = number_para.and_then(|p| {
        p.runs
            .iter()
            .find(|r| r.field == Some(FieldKind::Page))
            .or_else(|| p.runs.first())
            .and_then(|r| r.size)
            .or(p.mark.size)
    });
    Some(PageSetup {
        width: s.page_size_declared.then_some(s.page_width),
        height: s.page_size_declared.then_some(s.page_height),
        top: s.margins_declared.then_some(s.margins.top),
        bottom: s.margins_declared.then_some(s.margins.bottom),
        left: s.margins_declared.then_some(s.margins.left),
        right: s.margins_declared.then_some(s.margins.right),
        title_page: s.title_page,
        page_field_in_header: has_page(header_default),
        page_field_in_first_header: s.title_page && has_page(header_first),
        page_field_in_footer: footers_have,
        page_number_size: number_size,
        page_number_align: number_para.map(|p| align(p.alignment)),
        saved_pages: doc.saved_pages,
    })
}

/// A first line indented by typing a tab instead of setting an indent: on paper it starts
/// at the first default tab stop (`w:defaultTabStop`, 1.27 cm unless the file says), which
/// is the indent a reader sees.
fn tab_indents(paras: &mut [Para], default_tab: i32) {
    for p in paras.iter_mut() {
        let unset = p.first_line_indent.is_none_or(|f| f == 0);
        if unset && p.cell.is_none() && p.text.starts_with('\t') && p.text.trim().len() > 40 {
            let left = p.left_indent.unwrap_or(0).max(0);
            let stop = (left / default_tab.max(1) + 1) * default_tab.max(1);
            p.first_line_indent = Some(stop - left);
        }
    }
}

/// Builds the checked view of a read .docx and recognises its elements.
pub fn view_of(doc: &reader::DocxFile) -> View {
    let mut paras = Vec::new();
    let mut tables = 0;
    flatten(&doc.blocks, &mut paras, &mut tables, None);
    let mut paras = tab_footer(tab_header(paras));
    tab_indents(
        &mut paras,
        doc.settings.default_tab_stop.map_or(720, |t| t.0),
    );
    let mut view = View {
        origin: Origin::Docx,
        paras,
        page: page_of(doc),
        parts: Parts::default(),
        detected: Detected::Unknown,
        system: None,
        mixed: false,
        doc_type: None,
        protected: doc.protected,
        signed: doc.signed,
    };
    recognize(&mut view);
    view
}

/// Reads and checks a .docx. A file outside the rule set's scope (not an administrative
/// document, or dated before the rule set took effect) is reported as such, without
/// findings, unless a rule set was chosen explicitly.
pub fn check_docx(bytes: &[u8], file: &str, opts: &CheckOptions) -> Result<Report, CheckError> {
    let doc = reader::read_docx(bytes, &Limits::default())?;
    let view = view_of(&doc);
    let set = ruleset_for(view.system.unwrap_or(System::State), opts)?;
    let scope = scope::decide(&view, set, opts.ruleset.is_some());
    run_scoped(&view, Some(bytes), file, opts, scope)
}

/// Why fixes could not be applied.
#[derive(Debug, thiserror::Error)]
pub enum FixError {
    /// The file is signed or protected: it is never changed.
    #[error("tệp đã ký số hoặc được bảo vệ: chỉ kiểm tra, không sửa")]
    Protected,
    /// The patcher refused.
    #[error(transparent)]
    Patch(#[from] reader::PatchError),
}

fn to_docx_edit(e: &Edit) -> DocxEdit {
    match e.clone() {
        Edit::ReplaceText {
            paragraph,
            find,
            replace,
        } => DocxEdit::ReplaceText {
            paragraph,
            find,
            replace,
        },
        Edit::RunProps {
            paragraph,
            font,
            size,
            bold,
            italic,
            underline,
        } => DocxEdit::SetRunProps {
            target: Target::Paragraph(paragraph),
            font,
            size,
            bold,
            italic,
            underline,
        },
        Edit::KeepNext { paragraph } => DocxEdit::SetParagraphProps {
            target: Target::Paragraph(paragraph),
            keep_next: Some(true),
            keep_lines: None,
            page_break_before: None,
            alignment: None,
        },
        Edit::Margins {
            top,
            bottom,
            left,
            right,
        } => DocxEdit::SetMargins {
            section: None,
            top,
            bottom,
            left,
            right,
        },
        Edit::PageSize { width, height } => DocxEdit::SetPageSize {
            section: None,
            width,
            height,
        },
        Edit::TitlePage => DocxEdit::SetTitlePage {
            section: None,
            value: true,
        },
    }
}

/// Applies the fixes of `report` that are safe (and guarded ones when `guarded`), returning
/// the new file and the ids of the rules whose fixes were applied. Text edits that no longer
/// find their text (an earlier edit changed it) are skipped, never forced.
pub fn apply_fixes(
    bytes: &[u8],
    report: &Report,
    guarded: bool,
) -> Result<(Vec<u8>, Vec<String>), FixError> {
    if report.protected || report.signed {
        return Err(FixError::Protected);
    }
    let chosen: Vec<(&str, Vec<DocxEdit>)> = report
        .diagnostics
        .iter()
        .filter_map(|d| {
            let fix = d.fix.as_ref()?;
            let ok = match fix.safety {
                FixSafety::Safe => true,
                FixSafety::Guarded => guarded,
                _ => false,
            };
            (ok && !fix.edits.is_empty()).then(|| {
                (
                    d.rule.as_str(),
                    fix.edits.iter().map(to_docx_edit).collect(),
                )
            })
        })
        .collect();
    if chosen.is_empty() {
        return Ok((bytes.to_vec(), Vec::new()));
    }
    let groups: Vec<&[DocxEdit]> = chosen.iter().map(|(_, e)| e.as_slice()).collect();
    let (fixed, done) = reader::apply_edit_groups(bytes, &groups, false)?;
    let mut applied: Vec<String> = Vec::new();
    for ((rule, _), ok) in chosen.iter().zip(done) {
        if ok && !applied.iter().any(|r| r == rule) {
            applied.push(rule.to_string());
        }
    }
    Ok((fixed, applied))
}
