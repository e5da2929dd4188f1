//! The enacting line of a văn bản quy phạm pháp luật (dòng ban hành: "Bộ trưởng Bộ Tài chính
//! ban hành Thông tư …", "Chính phủ ban hành Nghị định …"): such a document has no action
//! line ("QUYẾT ĐỊNH:") after its căn cứ; the enacting line closes them instead, and the
//! draft holds it as the last căn cứ (its "." computed like theirs).

use std::sync::LazyLock;

use regex::Regex;

use super::body::BASIS_STARTS;
use super::inline::{self, Piece};
use crate::check::view::View;
use crate::model::{text, Block, Inline, Span};

/// "… ban hành Thông tư …", "… ban hành Thông tư liên tịch …", "… ban hành Nghị định …".
static ENACTING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\bban hành (?:Thông tư|Nghị định)\b").expect("regex"));

/// How far into the body the enacting line may stand (after a dozen căn cứ at most).
const SEARCH: usize = 24;

/// The position in `body` of the enacting line: the first paragraph that enacts a Thông tư
/// or Nghị định right after a căn cứ ("Căn cứ …", "Theo đề nghị …"), before the last action
/// line if there is one (a chapter's title in capitals reads as one: `last_action`).
pub(super) fn enacting_line(
    view: &View,
    body: &[usize],
    last_action: Option<usize>,
) -> Option<usize> {
    let end = SEARCH.min(last_action.unwrap_or(usize::MAX));
    let mut previous: Option<String> = None;
    for (k, &i) in body.iter().enumerate().take(end) {
        let p = &view.paras[i];
        if p.is_blank() || p.cell.is_some() {
            continue;
        }
        let t = text::squash_spaces(&text::nfc(&p.text));
        let after_basis = previous
            .as_deref()
            .is_some_and(|prev| BASIS_STARTS.iter().any(|s| prev.starts_with(s)));
        let basis = BASIS_STARTS.iter().any(|s| t.starts_with(s));
        if after_basis && !basis && ENACTING.is_match(&t) {
            return Some(k);
        }
        previous = Some(t);
    }
    None
}

/// The enacting line as the last căn cứ, its typed end punctuation taken off.
pub(super) fn enacting(pieces: &[Piece]) -> Block {
    Block::Basis {
        content: strip_end(inline::inline(pieces, false)),
    }
}

/// A căn cứ's typed end punctuation, which Vanban computes.
pub(super) fn strip_end(inline: Inline) -> Inline {
    let mut out = inline;
    if let Some(Span::Text { text, .. }) = out
        .0
        .iter_mut()
        .rev()
        .find(|s| matches!(s, Span::Text { text, .. } if !text.trim().is_empty()))
    {
        *text = text
            .trim_end()
            .trim_end_matches([';', ',', '.'])
            .trim_end()
            .to_string();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::ENACTING;

    #[test]
    fn enacting_lines_of_the_three_kinds() {
        for t in [
            "Bộ trưởng Bộ Tài chính ban hành Thông tư quy định mức thu.",
            "Bộ trưởng Bộ Giáo dục và Đào tạo, Bộ trưởng Bộ Thông tin và Truyền thông ban hành \
             Thông tư liên tịch quy định hoạt động tổ chức thi.",
            "Chính phủ ban hành Nghị định về công tác văn thư.",
        ] {
            assert!(ENACTING.is_match(t), "{t}");
        }
        assert!(!ENACTING.is_match("Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020"));
    }
}
