//! Số trang: the laid-out page-number paragraph as a PAGE field centred in the top margin from
//! page 2 on; page 1 has an empty first-page header (`w:titlePg`), as the rules ask (spec
//! §1.2, §3.6).

use docx_rs::{FieldCharType, Header, InstrPAGE, InstrText};

use crate::laid::{Para, RunKind};

use super::props::{paragraph, styled_run, text_run};

/// The header of pages 2 and after: the PAGE field, built by hand (begin, instruction,
/// separate, the cached value, end).
pub(super) fn page_header(p: &Para) -> Header {
    let mut out = paragraph(p);
    for r in &p.runs {
        if r.kind != RunKind::PageNumber {
            out = out.add_run(text_run(r));
            continue;
        }
        out = out
            .add_run(styled_run(&r.look).add_field_char(FieldCharType::Begin, false))
            .add_run(styled_run(&r.look).add_instr_text(InstrText::PAGE(InstrPAGE::new())))
            .add_run(styled_run(&r.look).add_field_char(FieldCharType::Separate, false))
            .add_run(styled_run(&r.look).add_text(&r.text))
            .add_run(styled_run(&r.look).add_field_char(FieldCharType::End, false));
    }
    Header::new().add_paragraph(out)
}

/// The header of page 1: the laid-out empty paragraph (no page number on the first page).
pub(super) fn first_page_header(p: &Para) -> Header {
    Header::new().add_paragraph(paragraph(p))
}
