//! DOCX writer (xuất tệp .docx): turns a [`Document`] into WordprocessingML laid out per
//! NĐ 30/2020/NĐ-CP or HD 36-HD/VPTW, with every size, margin and font taken from
//! [`crate::layout`].
//!
//! Pipeline: docx-rs builds the parts (page setup, styles, the header table, title, body
//! with footnotes, the signature and Nơi nhận table, the page-number header); a
//! canonicalising pass puts every property element in ECMA-376 order and adds what docx-rs
//! lacks (`w:lang`, `w:footnoteRef`, separator footnotes); the parts are zipped with
//! Deflate. Pure: bytes in memory, no file IO.

mod body;
mod canonical;
mod footer;
mod frame;
mod header;
mod metrics;
mod metrics_table;
mod package;
mod page_number;
mod props;
mod styles;

pub use body::{ADDRESSEE_LABEL, PARTY_SUBJECT_RULE};
pub use header::{MOTTO, NATIONAL_TITLE, PARTY_TITLE, SUBJECT_PREFIX};
pub use metrics::text_width;
pub use styles::LANGUAGE;

use docx_rs::{Docx, PageMargin, Paragraph};

use crate::layout::{layout, Twips};
use crate::model::Document;

use body::{BodyWriter, Item};
use props::single;

/// Why a document could not be written as .docx (lỗi xuất tệp .docx).
#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    /// The document names no issuing body.
    #[error("văn bản chưa có cơ quan ban hành: hãy điền tên cơ quan ban hành")]
    NoIssuer,
    /// More issuing bodies than the layout can place.
    #[error("văn bản có {0} cơ quan ban hành; chỉ trình bày được một hoặc hai cơ quan (văn bản liên tịch)")]
    TooManyIssuers(usize),
    /// More signature blocks than the layout can place.
    #[error("văn bản có {0} người ký; chỉ trình bày được một hoặc hai khối chữ ký")]
    TooManySigners(usize),
    /// An XML part could not be processed (a defect of the writer, not of the draft).
    #[error("không tạo được phần {part} của tệp .docx: {reason}")]
    Xml {
        /// Part name inside the package, e.g. `word/document.xml`.
        part: String,
        /// What went wrong.
        reason: String,
    },
    /// The ZIP container could not be written.
    #[error("không nén được tệp .docx: {0}")]
    Zip(String),
}

/// Writes `doc` as .docx bytes (A4, margins, fonts and sizes per its system of rules).
pub fn write_docx(doc: &Document) -> Result<Vec<u8>, DocxError> {
    match doc.issuers.len() {
        0 => return Err(DocxError::NoIssuer),
        1 | 2 => {}
        n => return Err(DocxError::TooManyIssuers(n)),
    }
    if doc.signers.len() > 2 {
        return Err(DocxError::TooManySigners(doc.signers.len()));
    }
    let l = layout(doc.system);
    let m = &l.margins;
    let mut docx = Docx::new()
        .page_size(twips_u32(l.page_width), twips_u32(l.page_height))
        .page_margin(
            PageMargin::new()
                .top(m.top.preferred.0)
                .bottom(m.bottom.preferred.0)
                .left(m.left.preferred.0)
                .right(m.right.preferred.0)
                .header(l.header_distance.0)
                .footer(l.header_distance.0)
                .gutter(0),
        )
        .header(page_number::page_header(l))
        .first_header(page_number::first_page_header(l));
    docx = styles::apply(docx, l);

    docx = docx.add_table(header::header_table(doc, l));
    let mut body = BodyWriter::new(l, doc.system);
    for p in body.title(doc) {
        docx = docx.add_paragraph(p);
    }
    if let Some(p) = body.addressees(doc) {
        docx = docx.add_paragraph(p);
    }
    let mut items = body.blocks(&doc.body.blocks, doc.closing_mark);
    // The first body paragraph sits a little below the title block.
    if let Some(Item::P(first)) = items.first_mut() {
        let p = std::mem::take(first);
        let spacing = p.property.line_spacing.clone();
        *first = match spacing {
            Some(s) => p.line_spacing(s.before(twips_u32(crate::layout::GAPS.before_body))),
            None => p,
        };
    }
    for item in items {
        docx = match item {
            Item::P(p) => docx.add_paragraph(p),
            Item::T(t) => docx.add_table(t),
        };
    }
    if !doc.signers.is_empty() || !doc.recipients.items.is_empty() {
        docx = docx.add_table(footer::footer_table(doc, l));
    }
    // WordprocessingML wants a paragraph after a final table.
    docx = docx.add_paragraph(
        Paragraph::new()
            .line_spacing(single(Twips(0), Twips(0)))
            .size(2),
    );
    package::pack(docx.build())
}

fn twips_u32(t: Twips) -> u32 {
    u32::try_from(t.0).unwrap_or(0)
}
