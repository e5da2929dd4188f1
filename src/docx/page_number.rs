//! Số trang: a PAGE field centred in the top margin from page 2 on; page 1 has an empty
//! first-page header (`w:titlePg`), as the rules ask (spec §1.2, §3.6).

use docx_rs::{AlignmentType, FieldCharType, Header, InstrPAGE, InstrText, Paragraph};

use crate::layout::{Layout, Twips};

use super::props::{single, styled_run};

/// The header of pages 2 and after: the PAGE field, built by hand (begin, instruction,
/// separate, the cached value, end).
pub(super) fn page_header(l: &Layout) -> Header {
    let style = &l.page_number;
    let p = Paragraph::new()
        .align(AlignmentType::Center)
        .line_spacing(single(Twips(0), Twips(0)))
        .size(usize::from(style.size.preferred.0))
        .add_run(styled_run(style).add_field_char(FieldCharType::Begin, false))
        .add_run(styled_run(style).add_instr_text(InstrText::PAGE(InstrPAGE::new())))
        .add_run(styled_run(style).add_field_char(FieldCharType::Separate, false))
        .add_run(styled_run(style).add_text("2"))
        .add_run(styled_run(style).add_field_char(FieldCharType::End, false));
    Header::new().add_paragraph(p)
}

/// The header of page 1: empty (no page number on the first page).
pub(super) fn first_page_header(l: &Layout) -> Header {
    Header::new().add_paragraph(
        Paragraph::new()
            .line_spacing(single(Twips(0), Twips(0)))
            .size(usize::from(l.page_number.size.preferred.0)),
    )
}
