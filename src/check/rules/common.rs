//! Helpers shared by the checks: text keys and the style comparison of one element.

use super::{Ctx, Finding, Outcome};
use crate::check::fix::{Edit, Fix};
use crate::check::view::Para;
use crate::layout::{Case, TextStyle};
use crate::model::text;

/// Upper-case comparison key: NFC, single spaces, no invisible characters, no look-alike
/// letters ("Ð" for "Đ"), and one tone
/// placement for "OA/OE/UY"
/// ("HOÀ" and "HÒA", "UỶ" and "ỦY" compare equal), so both spellings are accepted.
pub fn upper_key(s: &str) -> String {
    // Invisible characters OCR converters and web copies leave (zero-width space and
    // joiners, byte-order mark, soft hyphen) are not part of what is read.
    let shown: String = s
        .chars()
        .filter(|c| {
            !matches!(
                c,
                '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' | '\u{AD}'
            )
        })
        .collect();
    // A look-alike letter ("Ðộc lập" with the Latin Eth) reads as the letter it stands for;
    // rule 120 reports it.
    let mut k = text::upper(&text::vietnamese_letters(&text::squash_spaces(&shown)));
    for (old, new) in [
        ("OÀ", "ÒA"),
        ("OÁ", "ÓA"),
        ("OẢ", "ỎA"),
        ("OÃ", "ÕA"),
        ("OẠ", "ỌA"),
        ("OÈ", "ÒE"),
        ("OÉ", "ÓE"),
        ("OẺ", "ỎE"),
        ("OẼ", "ÕE"),
        ("OẸ", "ỌE"),
        ("UỲ", "ÙY"),
        ("UÝ", "ÚY"),
        ("UỶ", "ỦY"),
        ("UỸ", "ŨY"),
        ("UỴ", "ỤY"),
    ] {
        if k.contains(old) {
            k = k.replace(old, new);
        }
    }
    k
}

/// Whether every letter of `s` is upper case.
pub fn is_upper(s: &str) -> bool {
    s.chars()
        .filter(|c| c.is_alphabetic())
        .all(|c| !c.is_lowercase())
}

/// A paragraph that is only a drawn-line substitute: underscores, dashes or a rule.
pub fn is_line_text(s: &str) -> bool {
    let t = s.trim();
    t.chars().count() >= 3 && t.chars().all(|c| matches!(c, '_' | '-' | '–' | '—' | '─'))
}

/// Whether a line is drawn under paragraph position `i`: a bottom border, a drawing on it
/// or on a blank next paragraph, a next paragraph made only of underscores or box-drawing
/// rules ("────"), or a line shape anchored to the paragraph before or after (Word anchors
/// a drawn line to whichever paragraph the cursor was in, and positions it by offset).
pub fn has_line_under(ctx: &Ctx, i: usize) -> bool {
    let paras = &ctx.view.paras;
    let p = &paras[i];
    if p.bottom_border || p.has_drawing {
        return true;
    }
    let prev_line = i
        .checked_sub(1)
        .and_then(|j| paras.get(j))
        .is_some_and(|prev| prev.cell == p.cell && prev.line_shapes > 0);
    prev_line
        || shape_in_column(paras, i)
        || shapes_after_table(paras, i)
        || blank_line_below(paras, i)
        || match paras.get(i + 1) {
            Some(next) if next.cell == p.cell => {
                (next.is_blank() && (next.has_drawing || next.bottom_border))
                    || next.line_shapes > 0
                    || (is_line_text(&next.text)
                        && next.text.chars().any(|c| matches!(c, '_' | '─' | '━')))
            }
            _ => false,
        }
}

/// A header laid out as a table: Word users draw the short rules as line shapes anchored in
/// any paragraph of the cell, or of the empty row below, and move them into place by offset.
/// A line shape anchored in the same column of the same table is taken as the element's.
/// A blank paragraph holding a shape for every column of the table (both rules anchored in
/// one blank line of a header typed with spaces and a tab, then moved under each column)
/// counts for every column; with fewer shapes, which column a shape is under is not known.
fn shape_in_column(paras: &[crate::check::view::Para], i: usize) -> bool {
    let Some(c) = paras[i].cell else {
        return false;
    };
    let columns = table_columns(paras, c.table);
    paras.iter().enumerate().any(|(j, q)| {
        let Some(d) = q
            .cell
            .filter(|d| j != i && d.table == c.table && d.row <= c.row + 2)
        else {
            return false;
        };
        (q.line_shapes > 0 && d.col == c.col)
            || (q.is_blank() && columns.len() > 1 && usize::from(q.line_shapes) >= columns.len())
    })
}

/// The columns of table `table` that hold paragraphs.
fn table_columns(
    paras: &[crate::check::view::Para],
    table: usize,
) -> std::collections::BTreeSet<usize> {
    paras
        .iter()
        .filter_map(|q| q.cell.filter(|d| d.table == table).map(|d| d.col))
        .collect()
}

/// A header table whose rules are all anchored in the blank paragraph right after it
/// (Bệnh viện Đa khoa Đồng Nai draws both so, and moves them under the columns by offset): a
/// paragraph in the table's last row has its rule there when that paragraph holds a line
/// shape for every column. With fewer shapes than columns, which column a shape is under is
/// not known, and none is taken.
fn shapes_after_table(paras: &[crate::check::view::Para], i: usize) -> bool {
    let Some(c) = paras[i].cell else {
        return false;
    };
    let in_table = |q: &crate::check::view::Para| q.cell.is_some_and(|d| d.table == c.table);
    let Some(last) = paras.iter().rposition(in_table) else {
        return false;
    };
    let last_row = paras
        .iter()
        .filter_map(|q| q.cell.filter(|d| d.table == c.table))
        .map(|d| d.row)
        .max()
        .unwrap_or(0);
    let columns = table_columns(paras, c.table);
    c.row == last_row
        && columns.len() > 1
        && paras.get(last + 1).is_some_and(|next| {
            next.cell.is_none() && next.is_blank() && usize::from(next.line_shapes) >= columns.len()
        })
}

/// A line shape or drawn border on one of the (up to three) blank paragraphs right under a
/// paragraph, where the shape was anchored after an Enter or two; or the top border of the
/// blank paragraph right under it.
///
/// A paragraph set in a one-column table (a trích yếu boxed in a single cell) counts the
/// blank paragraphs right after the table as under it: the line is drawn there.
fn blank_line_below(paras: &[crate::check::view::Para], i: usize) -> bool {
    let p = &paras[i];
    let lone_column = p.cell.is_some_and(|c| {
        !paras
            .iter()
            .any(|q| q.cell.is_some_and(|d| d.table == c.table && d.col != c.col))
    });
    let under =
        |q: &crate::check::view::Para| q.cell == p.cell || (lone_column && q.cell.is_none());
    paras
        .iter()
        .skip(i + 1)
        .take(3)
        .take_while(|q| under(q) && q.is_blank())
        .enumerate()
        .any(|(k, q)| q.line_shapes > 0 || q.bottom_border || (k == 0 && q.top_border))
}

/// Compares the effective formatting of paragraphs against a style fact: size, bold,
/// italic, underline and case. One finding per paragraph and attribute.
pub fn style_findings(ctx: &Ctx, paras: &[usize], style: &TextStyle, what: &str) -> Vec<Finding> {
    let mut out = Vec::new();
    for &i in paras {
        let p = ctx.view.para(i);
        out.extend(para_style(i, p, style, what));
    }
    out
}

/// Reads one on/off attribute of a run.
type RunFlag = fn(&crate::check::view::Run) -> bool;

fn para_style(i: usize, p: &Para, style: &TextStyle, what: &str) -> Vec<Finding> {
    let mut out = Vec::new();
    // A run of punctuation alone (the ":" of "Nơi nhận:", a final ".") is often left in
    // another size or weight; a reader judges the words, so the style is read from them.
    let words: Vec<_> = p
        .visible_runs()
        .filter(|r| r.text.chars().any(char::is_alphanumeric))
        .collect();
    let runs: Vec<_> = if words.is_empty() {
        p.visible_runs().collect()
    } else {
        words
    };
    if runs.is_empty() {
        return out;
    }
    let bad_size = runs
        .iter()
        .filter_map(|r| r.size)
        .find(|s| !style.size.contains(*s));
    if let Some(s) = bad_size {
        let range = if style.size.min == style.size.max {
            style.size.min.to_string()
        } else {
            format!("{}–{}", style.size.min.as_pt(), style.size.max)
        };
        out.push(
            Finding::at(i, format!("{what}: cỡ chữ {s}, quy định {range}.")).with_fix(Fix::edit(
                format!("đặt cỡ chữ {}", style.size.preferred),
                Edit::RunProps {
                    paragraph: p.index,
                    font: None,
                    size: Some(style.size.preferred),
                    bold: None,
                    italic: None,
                    underline: None,
                },
            )),
        );
    }
    let flag = |get: fn(&crate::check::view::Run) -> bool| -> Option<bool> {
        let all = runs.iter().all(|r| get(r));
        let none = runs.iter().all(|r| !get(r));
        if all {
            Some(true)
        } else if none {
            Some(false)
        } else {
            None
        }
    };
    let attrs: [(&str, &str, bool, RunFlag); 2] = [
        ("đậm", "không đậm", style.bold, |r| r.bold),
        ("nghiêng", "đứng (không nghiêng)", style.italic, |r| {
            r.italic
        }),
    ];
    for (yes, no, want, get) in attrs {
        if flag(get) != Some(want) {
            let (msg, label) = if want { (yes, yes) } else { (no, no) };
            let mut edit = Edit::RunProps {
                paragraph: p.index,
                font: None,
                size: None,
                bold: None,
                italic: None,
                underline: None,
            };
            if let Edit::RunProps { bold, italic, .. } = &mut edit {
                if yes == "đậm" {
                    *bold = Some(want);
                } else {
                    *italic = Some(want);
                }
            }
            out.push(
                Finding::at(i, format!("{what} phải {msg}."))
                    .with_fix(Fix::edit(format!("đặt chữ {label}"), edit)),
            );
        }
    }
    if style.underline && flag(|r| r.underline) != Some(true) {
        out.push(
            Finding::at(i, format!("{what} phải gạch chân.")).with_fix(Fix::edit(
                "gạch chân",
                Edit::RunProps {
                    paragraph: p.index,
                    font: None,
                    size: None,
                    bold: None,
                    italic: None,
                    underline: Some(true),
                },
            )),
        );
    }
    if style.case == Case::Upper && !runs.iter().all(|r| r.caps || is_upper(&r.text)) {
        let up = text::upper(&p.text);
        out.push(
            Finding::at(i, format!("{what} phải viết IN HOA.")).with_fix(Fix::replace(
                crate::check::registry::FixSafety::Guarded,
                p.index,
                &p.text,
                &up,
            )),
        );
    }
    out
}

/// Outcome of a style check over an element that may be missing.
pub fn style_outcome(ctx: &Ctx, paras: &[usize], style: &TextStyle, what: &str) -> Outcome {
    if paras.is_empty() {
        return Outcome::NotEvaluated(format!("không tìm thấy {what}"));
    }
    Outcome::Checked(style_findings(ctx, paras, style, what))
}

/// Outcome for "is this element there".
pub fn present(found: bool, what: &str) -> Outcome {
    if found {
        Outcome::pass()
    } else {
        Outcome::Checked(vec![Finding::doc(format!("Thiếu {what}."))])
    }
}

/// Whether the document is a công văn (no tên loại; trích yếu after "V/v").
pub fn is_cong_van(ctx: &Ctx) -> bool {
    ctx.view.doc_type.as_ref().is_some_and(|t| t.is_cong_van())
}
