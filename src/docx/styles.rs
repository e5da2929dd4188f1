//! Styles part: document defaults (Times New Roman on every script, the body size, no
//! spacing) and the few named styles the writer refers to. The proofing language (vi-VN)
//! is added to every run property default by the packaging pass, since docx-rs has no
//! element for `w:lang`.

use docx_rs::{Docx, Style, StyleType, VertAlignType};

use crate::laid::LaidOut;

use super::props::{fonts, FOOTNOTE_REFERENCE};

/// Proofing language of every run (kiểm tra chính tả tiếng Việt).
pub const LANGUAGE: &str = "vi-VN";

/// Adds the document defaults and named styles to `docx`.
pub(super) fn apply(docx: Docx, laid: &LaidOut) -> Docx {
    let body = usize::from(laid.default_size.0);
    let footnote = usize::from(laid.footnote_size.0);
    let normal = Style::new("Normal", StyleType::Paragraph)
        .name("Normal")
        .q_format(true)
        .fonts(fonts())
        .size(body);
    let footnote_text = Style::new("FootnoteText", StyleType::Paragraph)
        .name("footnote text")
        .based_on("Normal")
        .fonts(fonts())
        .size(footnote);
    let mut footnote_ref = Style::new(FOOTNOTE_REFERENCE, StyleType::Character)
        .name("footnote reference")
        .fonts(fonts());
    footnote_ref.run_property = footnote_ref
        .run_property
        .vert_align(VertAlignType::SuperScript);
    // docx-rs starts with a bare "Normal" style: replace it rather than add a second one.
    let mut docx = docx;
    docx.styles.styles.retain(|s| s.style_id != "Normal");
    docx.default_fonts(fonts())
        .default_size(body)
        .add_style(normal)
        .add_style(footnote_text)
        .add_style(footnote_ref)
}
