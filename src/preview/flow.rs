//! The page flow of the preview: blocks of the laid-out document packed onto pages of the text
//! height by estimated height, a block that keeps with the next carried over with it, each
//! page's footnotes at its foot and the page number from page 2 on.

use std::fmt::Write;

use crate::laid::{GridKind, Item, LaidOut, Para, RunKind};
use crate::layout::{Orientation, FONT};

use super::html::Html;
use super::translate::{self, para_height};

/// One block of the flow: its HTML, estimated height in points, whether it keeps with the
/// next block, and the footnotes it marks.
struct Block {
    html: String,
    height: f64,
    keep_next: bool,
    /// Starts a new page (a Phụ lục heading).
    page_break: bool,
    notes: Vec<usize>,
    /// The section of pages (phần trang) the block is in: a new section starts a new page,
    /// of that section's size (a landscape Phụ lục).
    section: usize,
}

fn notes_of<'a>(paras: impl Iterator<Item = &'a Para>) -> Vec<usize> {
    paras
        .flat_map(|p| p.runs.iter())
        .filter_map(|r| match r.kind {
            RunKind::FootnoteRef(n) => Some(n),
            _ => None,
        })
        .collect()
}

fn blocks(laid: &LaidOut) -> Vec<Block> {
    let default = laid.default_size;
    laid.blocks
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let section = laid.section_index(i);
            let width = laid.sections[section].page.text_width();
            let mut html = String::new();
            match item {
                Item::Para(p) => {
                    translate::para(&mut html, p, default, 0);
                    Block {
                        html,
                        height: para_height(p, width, default),
                        keep_next: p.keep_next,
                        page_break: p.page_break_before,
                        notes: notes_of(std::iter::once(p)),
                        section,
                    }
                }
                Item::Grid(g) => {
                    translate::grid(&mut html, g, default);
                    let paras = g
                        .rows
                        .iter()
                        .flat_map(|r| r.cells.iter())
                        .flat_map(|c| c.paras.iter());
                    Block {
                        html,
                        height: translate::grid_height(g, default),
                        keep_next: g.kind == GridKind::Header,
                        page_break: false,
                        notes: notes_of(paras),
                        section,
                    }
                }
            }
        })
        .collect()
}

/// Packs the blocks onto pages and writes them.
pub(super) fn paginate(laid: &LaidOut) -> super::Preview {
    let default = laid.default_size;
    let page_of = |section: usize| laid.sections.get(section).map_or(laid.page(), |s| &s.page);
    let note_height = |n: usize, section: usize| {
        laid.footnotes.get(n.wrapping_sub(1)).map_or(0.0, |f| {
            para_height(f, page_of(section).text_width(), default)
        })
    };
    // Each page with the section it belongs to.
    let mut pages: Vec<(usize, Vec<Block>)> = vec![(0, Vec::new())];
    let mut used = 0.0;
    for block in blocks(laid) {
        let full = page_of(block.section).text_height().as_pt();
        let h = block.height
            + block
                .notes
                .iter()
                .map(|n| note_height(*n, block.section))
                .sum::<f64>();
        let (section, page) = pages.last_mut().expect("at least one page");
        if block.section != *section {
            // A new section of pages starts a new page (an empty one takes its size).
            if page.is_empty() {
                *section = block.section;
            } else {
                pages.push((block.section, Vec::new()));
            }
            used = 0.0;
        } else if block.page_break && !page.is_empty() {
            pages.push((block.section, Vec::new()));
            used = 0.0;
        } else if used + h > full && !page.is_empty() {
            // Carry the previous block along when it keeps with this one.
            let mut carried = Vec::new();
            if page.last().is_some_and(|b| b.keep_next) && page.len() > 1 {
                carried.extend(page.pop());
            }
            used = carried.iter().map(|b| b.height).sum();
            pages.push((block.section, carried));
        }
        used += h;
        pages.last_mut().expect("at least one page").1.push(block);
    }
    let count = pages.len();
    let mut out = String::new();
    for (i, (section, page)) in pages.into_iter().enumerate() {
        let pg = page_of(section);
        let mut h = Html::new(&mut out);
        let turned = if pg.orientation == Orientation::Landscape {
            " vb-landscape"
        } else {
            ""
        };
        h.open(
            "section",
            &[
                ("class", format!("vb-page{turned}")),
                ("data-page", (i + 1).to_string()),
                (
                    "style",
                    format!(
                        "width:{:.1}mm;height:{:.1}mm;padding:{:.1}mm {:.1}mm {:.1}mm {:.1}mm;font-family:'{}','Liberation Serif',serif",
                        pg.width.as_mm(),
                        pg.height.as_mm(),
                        pg.top.as_mm(),
                        pg.right.as_mm(),
                        pg.bottom.as_mm(),
                        pg.left.as_mm(),
                        FONT
                    ),
                ),
            ],
        );
        if i > 0 {
            page_number(&mut out, laid, i + 1);
        }
        let mut notes = Vec::new();
        for block in &page {
            out.push_str(&block.html);
            notes.extend(block.notes.iter().copied());
        }
        if !notes.is_empty() {
            out.push_str("<div class=\"vb-footnotes\">");
            for n in notes {
                if let Some(f) = laid.footnotes.get(n.wrapping_sub(1)) {
                    translate::para(&mut out, f, default, n);
                }
            }
            out.push_str("</div>");
        }
        Html::new(&mut out).close("section");
    }
    super::Preview {
        html: out,
        pages: u32::try_from(count).unwrap_or(u32::MAX),
    }
}

/// The page number of page `n`: the laid-out page-number paragraph with its field shown as `n`.
fn page_number(out: &mut String, laid: &LaidOut, n: usize) {
    let mut p = laid.page_number.clone();
    for r in &mut p.runs {
        if r.kind == RunKind::PageNumber {
            r.text = n.to_string();
        }
    }
    let mut inner = String::new();
    translate::para(&mut inner, &p, laid.default_size, 0);
    // The pane positions the number in the top margin by this class.
    let _ = write!(out, "<div class=\"vb-page-number\">{inner}</div>");
}
