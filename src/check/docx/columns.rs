//! Columns laid out with tabs or spaces (cột dàn bằng tab hoặc dấu cách): header and
//! footer rows read as the two-column table a reader sees.

use super::para::{split_at, LAYOUT_SPACES};
use crate::check::rules::{is_line_text, upper_key};
use crate::check::view::{CellPos, Para, Run};

/// How many paragraphs at the top of the body may form a header laid out with tabs.
const TAB_HEADER_SPAN: usize = 12;

/// The pseudo table that stands for a header laid out with tabs.
const TAB_HEADER_TABLE: usize = usize::MAX;

/// The pseudo table that stands for a footer laid out with tabs.
pub(crate) const TAB_FOOTER_TABLE: usize = usize::MAX - 1;

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
    // A tab before or after all the text ("…KT.GIÁM ĐỐC⇥") sets nothing apart.
    if p.text.trim().contains('\t') {
        return None;
    }
    spaces_as_tab_too(p)
}

/// [`spaces_as_tab`] on a paragraph that may hold tabs already: every run of
/// [`LAYOUT_SPACES`] spaces or more between text reads as one more tab, also where the
/// spaces straddle two runs of the file.
fn spaces_as_tab_too(p: &Para) -> Option<Para> {
    if !p.text.trim().contains(&" ".repeat(LAYOUT_SPACES)) {
        return None;
    }
    let mut runs: Vec<Run> = p
        .runs
        .iter()
        .map(|r| Run {
            text: String::new(),
            ..r.clone()
        })
        .collect();
    // The spaces seen since the last other character, with the run each came from.
    let mut pending: Vec<usize> = Vec::new();
    // The text so far, to tell a blank left for the văn thư from a gap between columns.
    let mut before = String::new();
    let flush = |pending: &mut Vec<usize>, runs: &mut [Run], before: &str| {
        if pending.len() >= LAYOUT_SPACES && !before_blank_field(before) {
            runs[pending[0]].text.push('\t');
        } else {
            for &k in pending.iter() {
                runs[k].text.push(' ');
            }
        }
        pending.clear();
    };
    for (k, r) in p.runs.iter().enumerate() {
        for c in r.text.chars() {
            if c == ' ' || c == '\u{A0}' {
                pending.push(k);
            } else {
                flush(&mut pending, &mut runs, &before);
                runs[k].text.push(c);
                before.push(c);
            }
        }
    }
    flush(&mut pending, &mut runs, &before);
    let text: String = runs.iter().map(|r| r.text.as_str()).collect();
    let runs_spell_text = p.runs.iter().map(|r| r.text.as_str()).collect::<String>() == p.text;
    runs_spell_text.then(|| Para {
        text,
        runs,
        ..p.clone()
    })
}

/// Whether spaces after `before` are a blank left to fill, not a gap between columns: the
/// number after "Số:" ("Số:        /QĐ-UBND") or the day and month of a date ("ngày     tháng
/// 3 năm 2026").
fn before_blank_field(before: &str) -> bool {
    let lower = before.trim_end().to_lowercase();
    ["số:", "số", "ngày", "tháng"]
        .iter()
        .any(|w| lower.ends_with(w))
}

/// How many spaces before the text put a footer line in the signature column ("   …   Lê
/// Đặng Xuân Tân" under a signature title set apart by spaces): a Nơi nhận item is indented
/// by a space or two at most.
const FOOTER_INDENT_SPACES: usize = 10;

/// A footer line indented with [`FOOTER_INDENT_SPACES`] spaces or more, read as indented by
/// a tab.
fn indent_as_tab(p: &Para) -> Option<Para> {
    let lead: String = p.text.chars().take_while(|c| c.is_whitespace()).collect();
    let spaces = lead.chars().filter(|&c| c == ' ' || c == '\u{A0}').count();
    if spaces < FOOTER_INDENT_SPACES || lead.len() == p.text.len() {
        return None;
    }
    let mut skip = lead.chars().count();
    let mut runs = Vec::new();
    for r in &p.runs {
        let n = r.text.chars().count();
        if skip >= n {
            skip -= n;
            continue;
        }
        let rest: String = r.text.chars().skip(skip).collect();
        let text = if skip > 0 || runs.is_empty() {
            format!("\t{rest}")
        } else {
            rest
        };
        skip = 0;
        runs.push(Run { text, ..r.clone() });
    }
    let text: String = runs.iter().map(|r| r.text.as_str()).collect();
    (text.trim_start_matches('\t') == p.text.trim_start()).then(|| Para {
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
    k.contains("ĐẢNG CỘNG SẢN VIỆT NAM") || crate::check::recognize::is_quoc_hieu(&k)
}

/// A header laid out with tab stops instead of a table ("UBND TỈNH X⇥CỘNG HÒA XÃ HỘI CHỦ
/// NGHĨA VIỆT NAM", "Số: 12/UBND⇥Hà Nội, ngày ..."), as older Word files and WPS write it,
/// is read as the two columns a reader sees: the text left of the tab in column 0, right
/// of it in column 1. Only the plain paragraphs at the top of the body are concerned, and
/// only when the right column holds the quốc hiệu (or the Party's title) and one row has
/// text on both sides of a tab.
pub(super) fn tab_header(paras: Vec<Para>) -> Vec<Para> {
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
    // A row indented with a tab whose two columns are then set apart by spaces
    // ("⇥TRƯỜNG CĐ NGHỀ …            Độc lập – Tự do – Hạnh phúc") reads as two pieces, but
    // only when its right piece is the header's ("⇥Số:     /UBND" stays one piece).
    let spaced: Vec<Para> = paras[..top]
        .iter()
        .map(|p| spaced_header_row(p, &header_like).unwrap_or_else(|| p.clone()))
        .collect();
    let rows: Vec<_> = rows_of(spaced.iter())
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

/// `p`, a row with tabs whose text is one piece, with its runs of spaces read as tabs when
/// that gives two pieces, the right one `header_like`.
fn spaced_header_row(p: &Para, header_like: &impl Fn(&Para) -> bool) -> Option<Para> {
    if !p.text.contains('\t') || matches!(row_pieces_of(p), (Some(_), Some(_))) {
        return None;
    }
    let q = spaces_as_tab_too(p)?;
    match row_pieces_of(&q) {
        (Some(_), Some(r)) if header_like(&r) => Some(q),
        _ => None,
    }
}

/// A footer laid out with tab stops ("Nơi nhận:⇥KT. CHỦ TỊCH", "- Như trên;⇥PHÓ CHỦ
/// TỊCH", ..., "⇥Nguyễn Văn A") is read as two columns: Nơi nhận on the left, the
/// signature block on the right. The block starts at a plain "Nơi nhận" paragraph (or at
/// up to three right-only lines above it: a quyền hạn written first) and ends at its last
/// line with a short right piece.
pub(super) fn tab_footer(paras: Vec<Para>) -> Vec<Para> {
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
    let lines: Vec<Para> = paras[start..]
        .iter()
        .take(TAB_FOOTER_SPAN)
        .take_while(|p| p.cell.is_none())
        .map(|p| indent_as_tab(p).unwrap_or_else(|| p.clone()))
        .collect();
    let rows: Vec<_> = rows_of(lines.iter())
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
