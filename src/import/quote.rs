//! Quoted passages (trích dẫn): a paragraph that opens with "“" and the paragraphs up to the
//! one that closes it with "”" quote another text, whose labels ("b)", "2.") are that text's
//! own: where Vanban would number them otherwise, they are kept as typed, as plain
//! paragraphs (`super::sequence`).

use std::sync::LazyLock;

use regex::Regex;

use crate::check::view::View;
use crate::model::text;

/// The most paragraphs one quotation may span.
const MAX_PARAGRAPHS: usize = 30;

/// A heading a quotation does not run past: "II. …" in capitals, "Phần …", "Chương …",
/// "Mục 1", "Điều 3.", "Phụ lục".
static HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[IVXLC]+\s*[.\-–]\s|(?i:phần|chương)\s+\S+)").expect("regex")
});

/// A heading whatever its case: "Điều 3.", "Mục 1", "Phụ lục".
static STRUCTURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Điều|ĐIỀU|Mục|MỤC)\s+\d+|^(?:Phụ lục|PHỤ LỤC)\b").expect("regex")
});

/// The quote marks a paragraph opens minus those it closes.
fn balance(t: &str) -> isize {
    let open = t.matches('“').count();
    let close = t.matches('”').count();
    isize::try_from(open).unwrap_or(0) - isize::try_from(close).unwrap_or(0)
}

/// Whether `t` ends with the closing mark, perhaps followed by punctuation ("”.", "”;").
fn ends_quote(t: &str) -> bool {
    t.trim_end()
        .trim_end_matches(['.', ',', ';', ':', ')', '…', ' '])
        .ends_with('”')
}

/// Whether a paragraph is a heading no quotation runs past: a Roman-numbered section typed
/// in capitals, a Phần or Chương label, an article, a mục, a phụ lục.
fn is_heading(t: &str) -> bool {
    STRUCTURE.is_match(t) || HEADING.is_match(t) && (text::upper(t) == t || t.chars().count() <= 20)
}

/// The quotations among the positions of `body`: (first, last) positions, inclusive, each of
/// more than one paragraph.
pub(super) fn quotations(view: &View, body: &[usize]) -> Vec<(usize, usize)> {
    let texts: Vec<String> = body
        .iter()
        .map(|&i| text::squash_spaces(&text::nfc(&view.paras[i].text)))
        .collect();
    let mut out = Vec::new();
    let mut k = 0;
    while k < body.len() {
        let t = &texts[k];
        if view.paras[body[k]].cell.is_some() || !t.starts_with('“') || balance(t) <= 0 {
            k += 1;
            continue;
        }
        match closing(view, body, &texts, k) {
            Some(end) => {
                out.push((k, end));
                k = end + 1;
            }
            None => k += 1,
        }
    }
    out
}

/// The position that closes the quotation opened at `start`: where the marks balance again
/// at the end of a paragraph, within [`MAX_PARAGRAPHS`], before any table or heading.
fn closing(view: &View, body: &[usize], texts: &[String], start: usize) -> Option<usize> {
    let mut open = balance(&texts[start]);
    let mut seen = 1;
    for j in start + 1..body.len() {
        let t = &texts[j];
        if t.is_empty() {
            continue;
        }
        seen += 1;
        if seen > MAX_PARAGRAPHS || view.paras[body[j]].cell.is_some() || is_heading(t) {
            return None;
        }
        open += balance(t);
        if open <= 0 {
            return ends_quote(t).then_some(j);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_balance_and_close() {
        assert_eq!(balance("“a) Trong thời hạn “x” rồi"), 1);
        assert!(ends_quote("theo thẩm quyền”."));
        assert!(ends_quote("Việt Nam”"));
        assert!(!ends_quote("”. Sau đó Sở báo cáo."));
        assert!(is_heading("II. NHIỆM VỤ"));
        assert!(!is_heading("2. Hội báo cáo"));
        assert!(is_heading("Điều 1: Tăng tăng"));
        assert!(is_heading("Mục 2"));
    }
}
