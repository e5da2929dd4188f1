//! The enacting line of a văn bản quy phạm pháp luật (dòng ban hành: "Bộ trưởng Bộ Tài chính
//! ban hành Thông tư …", "Chính phủ ban hành Nghị định …"): such a document has no action
//! line ("QUYẾT ĐỊNH:") after its căn cứ; the enacting line closes them instead, and the
//! draft holds it as the last căn cứ (its "." computed like theirs).

use super::inline::{self, Piece};
use crate::model::{Block, Inline, Span};

pub(super) use crate::check::normative::enacting_line;

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
