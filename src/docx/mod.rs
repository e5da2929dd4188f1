//! DOCX writer (xuất tệp .docx): translates the laid-out document ([`crate::laid`]) into
//! WordprocessingML. Every size, margin, width and fixed text comes from the layout pass; this
//! module only knows how WordprocessingML spells them.
//!
//! Pipeline: [`crate::laid::lay_out`] lays the document out; docx-rs builds the parts (page
//! setup, styles, the grids as borderless tables, paragraphs, real footnotes, the page-number
//! header); a canonicalising pass puts every property element in ECMA-376 order and adds what
//! docx-rs lacks (`w:lang`, `w:footnoteRef`, separator footnotes); the parts are zipped with
//! Deflate. Pure: bytes in memory, no file IO.

mod canonical;
mod package;
mod page_number;
mod props;
mod styles;

pub use crate::layout::{
    text_width, ADDRESSEE_LABEL, MOTTO, NATIONAL_TITLE, PARTY_SUBJECT_RULE, PARTY_TITLE,
    SUBJECT_PREFIX,
};
pub use styles::LANGUAGE;

use docx_rs::{
    Docx, Footnote, PageMargin, PageOrientationType, PageSize, Paragraph, Run, SectionProperty,
    Table, TableCell, TableLayoutType, TableRow, VAlignType, VMergeType, VertAlignType, WidthType,
};

use crate::laid::{lay_out, Grid, Item, LaidOut, Page, Para, RunKind, VMerge};
use crate::layout::{Orientation, Twips};
use crate::model::Document;

use props::{fonts, paragraph, text_run, FOOTNOTE_REFERENCE};

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
    #[error("văn bản có {0} người ký; chỉ trình bày được tối đa ba khối chữ ký cạnh nhau")]
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
    if doc.signers.len() > crate::layout::MAX_SIGNERS_SIDE_BY_SIDE {
        return Err(DocxError::TooManySigners(doc.signers.len()));
    }
    write_laid_out(&lay_out(doc))
}

/// Writes an already laid-out document (văn bản đã dàn trang) as .docx bytes: the translation
/// step alone.
pub fn write_laid_out(laid: &LaidOut) -> Result<Vec<u8>, DocxError> {
    let mut docx = Docx::new()
        .header(page_number::page_header(&laid.page_number))
        .first_header(page_number::first_page_header(&laid.first_page_header));
    // The first section as docx-rs sets it up: page 1's paper and margins, the page-number
    // header and the empty first-page one (w:titlePg).
    let first = section(&docx.document.section_property, laid.page(), true);
    docx = styles::apply(docx, laid);
    for (i, item) in laid.blocks.iter().enumerate() {
        docx = match item {
            Item::Para(p) => {
                let mut out = para(p, laid);
                // A section followed by another ends with this paragraph's w:sectPr.
                if let Some(s) = laid.ends_section(i) {
                    out = out.section_property(if s.start == 0 {
                        first.clone()
                    } else {
                        section(&first, &s.page, false)
                    });
                }
                docx.add_paragraph(out)
            }
            Item::Grid(g) => docx.add_table(table(g, laid)),
        };
    }
    // WordprocessingML wants a paragraph after a final table.
    docx = docx.add_paragraph(paragraph(&laid.tail));
    // The body's own w:sectPr is the last section's.
    let last = laid.sections.last().map_or(laid.page(), |s| &s.page);
    docx.document.section_property = section(&first, last, laid.sections.len() == 1);
    package::pack(docx.build())
}

/// The `w:sectPr` of a section of pages (phần trang) on `page`, with the page-number header
/// of `base` (the first section's). Only the first section has a different first page: a
/// later one numbers its first page, the numbers running on from the section before.
fn section(base: &SectionProperty, page: &Page, first: bool) -> SectionProperty {
    let mut s = base.clone();
    let mut size = PageSize::new().size(twips_u32(page.width), twips_u32(page.height));
    if page.orientation == Orientation::Landscape {
        size = size.orient(PageOrientationType::Landscape);
    }
    s.page_size = size;
    s.page_margin = PageMargin::new()
        .top(page.top.0)
        .bottom(page.bottom.0)
        .left(page.left.0)
        .right(page.right.0)
        .header(page.header_distance.0)
        .footer(page.header_distance.0)
        .gutter(0);
    if !first {
        s.title_pg = false;
        s.first_header_reference = None;
    }
    s
}

/// A laid-out paragraph with its runs; a footnote reference carries its footnote.
fn para(p: &Para, laid: &LaidOut) -> Paragraph {
    let mut out = paragraph(p);
    for r in &p.runs {
        out = out.add_run(match r.kind {
            RunKind::FootnoteRef(n) => {
                let content = laid
                    .footnotes
                    .get(n.saturating_sub(1))
                    .map(|f| para(f, laid))
                    .into_iter()
                    .collect();
                // add_footnote_reference resets the run properties: set them after it.
                let mut run = Run::new()
                    .add_footnote_reference(Footnote { id: n, content })
                    .style(FOOTNOTE_REFERENCE)
                    .fonts(fonts())
                    .size(usize::from(r.look.size.0));
                if r.look.superscript {
                    run.run_property = run.run_property.vert_align(VertAlignType::SuperScript);
                }
                run
            }
            _ => text_run(r),
        });
    }
    out
}

fn dxa(t: Twips) -> usize {
    usize::try_from(t.0).unwrap_or(0)
}

/// A grid as a table: layout grids borderless, fixed, with no cell margins; data tables as
/// plain bordered tables, merged cells as `w:gridSpan` and `w:vMerge`, a cell centred in
/// its height as `w:vAlign w:val="center"`.
fn table(g: &Grid, laid: &LaidOut) -> Table {
    let rows = g
        .rows
        .iter()
        .map(|row| {
            let cells = row
                .cells
                .iter()
                .map(|c| {
                    let mut cell = TableCell::new().width(dxa(c.width), WidthType::Dxa);
                    if c.span > 1 {
                        cell = cell.grid_span(c.span);
                    }
                    cell = match c.vmerge {
                        Some(VMerge::Restart) => cell.vertical_merge(VMergeType::Restart),
                        Some(VMerge::Continue) => cell.vertical_merge(VMergeType::Continue),
                        None => cell,
                    };
                    if c.middle {
                        cell = cell.vertical_align(VAlignType::Center);
                    }
                    if c.paras.is_empty() {
                        cell = cell.add_paragraph(Paragraph::new());
                    }
                    for p in &c.paras {
                        cell = cell.add_paragraph(para(p, laid));
                    }
                    cell
                })
                .collect();
            let mut r = TableRow::new(cells);
            if row.header {
                // docx-rs has no w:tblHeader: a marker height the canonicaliser turns into it.
                r = r
                    .row_height(canonical::HEADER_ROW_MARK)
                    .height_rule(docx_rs::HeightRule::Auto);
            }
            if row.cant_split {
                r.cant_split()
            } else {
                r
            }
        })
        .collect();
    let grid: Vec<usize> = g.columns.iter().map(|w| dxa(*w)).collect();
    let total: usize = grid.iter().sum();
    let t = Table::new(rows).set_grid(grid);
    if !g.is_frame() {
        return t.width(total, WidthType::Dxa);
    }
    t.layout(TableLayoutType::Fixed)
        .width(total, WidthType::Dxa)
        .indent(0)
        .margins(docx_rs::TableCellMargins::new().margin(0, 0, 0, 0))
        .clear_all_border()
}

fn twips_u32(t: Twips) -> u32 {
    u32::try_from(t.0).unwrap_or(0)
}
