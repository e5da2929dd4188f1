//! What the draft prints differently from the original (những chỗ bản thảo in khác bản gốc).
//!
//! The import rewrites some text on purpose: typed numbers become computed ones, the last căn
//! cứ ends as the rule set says, a Roman heading prints in capitals, "Điều 1:" prints "Điều
//! 1.". Each such change must reach the report, or the user would trust a text that is no
//! longer the office's. So after the draft is built it is rendered and laid out (the same
//! laid-out document the three back ends print), its body paragraphs are set against the
//! original's by a diff of paragraph texts, and every paragraph that prints with other words,
//! numbers, punctuation or case is reported as [`EntryKind::Changed`] with both texts, unless
//! an entry already speaks of that paragraph.

use std::sync::LazyLock;

use regex::Regex;
use similar::{capture_diff_slices, Algorithm, DiffOp};

use crate::check::view::View;
use crate::draft::Draft;
use crate::laid::{lay_out, El, Item};
use crate::model::text;
use crate::template::Templates;

use super::report::{EntryKind, ImportReport};

/// How many characters of context each side of the first difference the entry quotes.
const CONTEXT_CHARS: usize = 24;

/// At least this share of a paragraph's words must be shared for two paragraphs to be the
/// same paragraph printed differently rather than one removed and another added.
const SAME_PARAGRAPH_SHARE: f64 = 0.5;

/// Adds an entry for every body paragraph (outside tables) of the original, at `positions`
/// in the view, that the rendered `draft` prints with a different text.
pub(super) fn report_changes(
    view: &View,
    positions: &[usize],
    draft: &Draft,
    templates: &Templates,
    report: &mut ImportReport,
) {
    let Ok(doc) = draft.render(templates) else {
        return;
    };
    let laid = lay_out(&doc);
    let printed: Vec<String> = laid
        .blocks
        .iter()
        .filter_map(|item| match item {
            Item::Para(p) if p.el == El::Body => Some(fold(&p.text())),
            _ => None,
        })
        .filter(|t| !t.is_empty())
        .collect();
    let original: Vec<(usize, String)> = positions
        .iter()
        .map(|&i| &view.paras[i])
        .filter(|p| p.cell.is_none())
        .map(|p| (p.index, fold(&p.text)))
        .filter(|(_, t)| !t.is_empty())
        .collect();
    let texts: Vec<&str> = original.iter().map(|(_, t)| t.as_str()).collect();
    let printed_refs: Vec<&str> = printed.iter().map(String::as_str).collect();
    let reported: Vec<usize> = report.entries.iter().filter_map(|e| e.paragraph).collect();
    for op in capture_diff_slices(Algorithm::Myers, &texts, &printed_refs) {
        let DiffOp::Replace {
            old_index,
            old_len,
            new_index,
            new_len,
        } = op
        else {
            continue;
        };
        let mut next_new = new_index;
        for (j, (index, before)) in original[old_index..old_index + old_len].iter().enumerate() {
            // As many paragraphs printed as there were: each stands where the other stood.
            let same_place = (old_len == new_len).then_some(new_index + j);
            let Some(k) = same_place.or_else(|| {
                (next_new..new_index + new_len)
                    .find(|&k| shared_words(before, &printed[k]) >= SAME_PARAGRAPH_SHARE)
            }) else {
                continue;
            };
            next_new = k + 1;
            if reported.contains(index) {
                continue;
            }
            let after = &printed[k];
            let (was, now) = around_difference(before, after);
            report.add(
                EntryKind::Changed,
                Some(*index),
                before,
                &format!(
                    "{}: bản gốc «{was}», bản thảo in «{now}»",
                    kind_of(before, after)
                ),
            );
        }
    }
}

/// A paragraph's text as compared: NFC, spaces squashed.
fn fold(s: &str) -> String {
    text::squash_spaces(&text::nfc(s)).trim().to_string()
}

/// The words (letters and digits) of a text, in lower case.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The share of the longer text's words that the other has too, in order (longest common
/// subsequence of words over the longer length).
fn shared_words(a: &str, b: &str) -> f64 {
    let (wa, wb) = (words(a), words(b));
    let longest = wa.len().max(wb.len());
    if longest == 0 {
        return 1.0;
    }
    let common: usize = capture_diff_slices(Algorithm::Myers, &wa, &wb)
        .iter()
        .map(|op| match op {
            DiffOp::Equal { len, .. } => *len,
            _ => 0,
        })
        .sum();
    common as f64 / longest as f64
}

/// A typed or computed label at the start of a paragraph: "Phần thứ nhất", "Chương II",
/// "Mục 1", "Điều 3." / "Điều 3:", "IV.", "1.2.", "đ)".
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?i:phần\s+(thứ\s+)?\S+|chương\s+[IVXLC\d]+|mục\s+\d+|điều\s+\d+\s*[.:]?|[IVXLC]+\s*[.\-–]|\d+(\.\d+)*\.?|[a-zđ]\))\s*",
    )
    .expect("regex")
});

/// What kind of change turns `before` into `after`, in Vietnamese.
fn kind_of(before: &str, after: &str) -> &'static str {
    let unlabelled = |s: &str| LABEL.replace(s, "").to_lowercase();
    if before.to_lowercase() == after.to_lowercase() {
        "chữ hoa, chữ thường in theo thể thức"
    } else if words(before) == words(after) {
        "dấu câu in theo thể thức"
    } else if unlabelled(before) == unlabelled(after) {
        "số thứ tự do Vanban tính lại"
    } else {
        "đoạn văn in khác bản gốc"
    }
}

/// The two texts around their first difference, with a little context either side.
fn around_difference(before: &str, after: &str) -> (String, String) {
    let (a, b): (Vec<char>, Vec<char>) = (before.chars().collect(), after.chars().collect());
    let start = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let end = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count()
        .min(a.len().min(b.len()) - start);
    let cut = |s: &[char]| {
        let from = start.saturating_sub(CONTEXT_CHARS);
        let to = (s.len() - end + CONTEXT_CHARS).min(s.len());
        let mut out = String::new();
        if from > 0 {
            out.push('…');
        }
        out.extend(&s[from..to]);
        if to < s.len() {
            out.push('…');
        }
        out
    };
    (cut(&a), cut(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quote_shows_the_difference_with_its_context() {
        let (was, now) = around_difference(
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2025,",
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2025.",
        );
        assert_eq!(was, "…ngày 19 tháng 6 năm 2025,");
        assert_eq!(now, "…ngày 19 tháng 6 năm 2025.");
    }

    #[test]
    fn a_change_is_named_by_what_changed() {
        assert_eq!(
            kind_of("I. Thành phần tham gia", "I. THÀNH PHẦN THAM GIA"),
            "chữ hoa, chữ thường in theo thể thức"
        );
        assert_eq!(
            kind_of("Điều 1: Kiểm tra việc", "Điều 1. Kiểm tra việc"),
            "dấu câu in theo thể thức"
        );
        assert_eq!(
            kind_of("e) Phối hợp, định hướng", "đ) Phối hợp, định hướng"),
            "số thứ tự do Vanban tính lại"
        );
        assert_eq!(
            kind_of("Phần thứ nhất", "Phần I"),
            "số thứ tự do Vanban tính lại"
        );
        assert_eq!(
            kind_of("Bổ nhiệm bà Phạm Thùy Lâm", "Bổ nhiệm ông Phạm Thùy Lâm"),
            "đoạn văn in khác bản gốc"
        );
    }

    #[test]
    fn paragraphs_sharing_few_words_are_not_the_same_paragraph() {
        assert!(shared_words("1. Tình hình chung", "1. Tình hình chung của tỉnh") >= 0.5);
        assert!(shared_words("Kết quả đạt được", "Tồn tại, hạn chế") < 0.5);
    }
}
