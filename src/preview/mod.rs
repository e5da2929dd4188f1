//! Live preview (xem trước): a document as A4 pages of HTML for the app's preview pane.
//!
//! A back end of the laid-out document ([`crate::laid`]): it translates the paragraphs, grids,
//! drawn lines, footnotes and page number the layout pass decided, exactly as the .docx
//! writer does, into HTML; it knows no size, width or fixed text of its own. Page breaks are
//! approximated by estimating each block's height; the .docx is the reference for where a
//! page ends. Pure: no IO, no clock. Every text is HTML-escaped.

mod flow;
mod html;
mod lenient;
mod translate;

pub use lenient::{render_lenient, DraftProblem, Lenient, PLACEHOLDER};

use serde::Serialize;

use crate::laid::{lay_out, LaidOut};
use crate::model::Document;

/// Escapes text for HTML element content and attribute values.
pub fn escape_html(s: &str) -> String {
    html::esc(s)
}

/// Pages of HTML plus what the preview had to estimate.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Preview {
    /// One `<section class="vb-page">` per page, in order, ready to insert into the pane.
    pub html: String,
    /// Number of pages estimated.
    pub pages: u32,
}

/// Renders `doc` as A4 pages of HTML.
pub fn render(doc: &Document) -> Preview {
    render_laid_out(&lay_out(doc))
}

/// Renders an already laid-out document (văn bản đã dàn trang) as A4 pages of HTML: the
/// translation step alone.
pub fn render_laid_out(laid: &LaidOut) -> Preview {
    flow::paginate(laid)
}

#[cfg(test)]
mod tests;
