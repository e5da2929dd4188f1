//! The .docx front end: reads a file with [`crate::reader`], flattens it into the neutral
//! [`View`] (paragraphs in reading order with their effective formatting, page setup,
//! header fields) and recognises its elements. Also applies safe fixes to a .docx.

mod apply;
mod columns;
mod para;

pub use apply::{apply_fixes, FixError};
pub(crate) use para::layout_gap;

pub(crate) use columns::TAB_FOOTER_TABLE;
use columns::{tab_footer, tab_header};
use para::{align, para_of, split_lines};

use super::recognize::recognize;
use super::report::Report;
use super::view::{CellPos, Detected, Origin, PageSetup, Para, Parts, View};
use super::{ruleset_for, run_scoped, scope, CheckError, CheckOptions};
use crate::model::System;
use crate::reader::{self, BodyItem, FieldKind, HeaderFooterKind, Limits};

/// A paragraph, then the paragraphs of the text boxes anchored in it (a header or a
/// signature an OCR converter or WPS put in text boxes): they are read where they are
/// anchored, and, not being indexed paragraphs of the file, are never edited.
fn paragraph_into(p: &reader::Paragraph, cell: Option<CellPos>, out: &mut Vec<Para>) {
    out.extend(split_lines(para_of(p, cell)));
    for tb in &p.text_boxes {
        let start = out.len();
        paragraph_into(tb, cell, out);
        for q in &mut out[start..] {
            q.segment = true;
            q.shown_text = true;
            q.text_box = true;
        }
    }
}

fn flatten(items: &[BodyItem], out: &mut Vec<Para>, tables: &mut usize, outer: Option<CellPos>) {
    for item in items {
        match item {
            BodyItem::Paragraph(p) => paragraph_into(p, outer, out),
            BodyItem::Table(t) => {
                let table = *tables;
                *tables += 1;
                for (r, row) in t.rows.iter().enumerate() {
                    let mut grid_col = 0;
                    for (c, cell) in row.cells.iter().enumerate() {
                        // A table nested in a cell (offices wrap a whole page in a
                        // one-cell layout table) is read as the table it looks like on
                        // paper, with its own rows and columns.
                        let pos = CellPos {
                            table,
                            row: r,
                            col: c,
                        };
                        let start = out.len();
                        flatten(&cell.blocks, out, tables, Some(pos));
                        let span = usize::try_from(cell.grid_span.max(1)).unwrap_or(1);
                        for p in out[start..].iter_mut().filter(|p| p.cell == Some(pos)) {
                            p.grid = Some((grid_col, span));
                            p.vmerge = cell.v_merge;
                        }
                        grid_col += span;
                    }
                }
            }
        }
    }
}

fn page_of(doc: &reader::DocxFile) -> Option<PageSetup> {
    let s = doc.sections.first()?;
    let has_page = |h: Option<&reader::HeaderFooter>| {
        h.is_some_and(|h| h.fields().iter().any(|f| **f == FieldKind::Page))
    };
    let header_default = doc.header(HeaderFooterKind::Default);
    let header_first = doc.header(HeaderFooterKind::First);
    // Only the parts that print: the first-page part with "different first page" (titlePg),
    // the even-page part with "different odd and even" (evenAndOddHeaders, in settings).
    let prints = |kind: HeaderFooterKind| match kind {
        HeaderFooterKind::Default => true,
        HeaderFooterKind::First => s.title_page,
        HeaderFooterKind::Even => doc.settings.even_and_odd_headers,
    };
    let footers_have = doc
        .footers
        .iter()
        .filter(|f| f.section == 0 && prints(f.kind))
        .any(|f| has_page(Some(f)));
    // Odd and even pages may differ: a number set only in the even-page header still prints
    // on page 2, 4, … (Lào Cai's Sở Công Thương numbers its decisions so).
    let header_even = doc
        .header(HeaderFooterKind::Even)
        .filter(|_| prints(HeaderFooterKind::Even));
    let even_only = !has_page(header_default) && has_page(header_even);
    let numbered_header = if even_only {
        header_even
    } else {
        header_default
    };
    let number_para = numbered_header.and_then(|h| {
        h.paragraphs()
            .into_iter()
            .find(|p| p.fields.contains(&FieldKind::Page))
    });
    let number_run = number_para.and_then(|p| {
        p.runs
            .iter()
            .find(|r| r.field == Some(FieldKind::Page))
            .or_else(|| p.runs.first())
    });
    let number_size = number_para.and_then(|p| number_run.and_then(|r| r.size).or(p.mark.size));
    // The number's digits are Basic Latin: the ascii slot's font prints them.
    let number_font = number_run.and_then(|r| r.fonts.ascii.clone().or(r.fonts.h_ansi.clone()));
    Some(PageSetup {
        width: s.page_size_declared.then_some(s.page_width),
        height: s.page_size_declared.then_some(s.page_height),
        top: s.margins_declared.then_some(s.margins.top),
        bottom: s.margins_declared.then_some(s.margins.bottom),
        left: s.margins_declared.then_some(s.margins.left),
        right: s.margins_declared.then_some(s.margins.right),
        title_page: s.title_page,
        page_field_in_header: has_page(numbered_header),
        page_number_even_only: even_only,
        page_field_in_first_header: s.title_page && has_page(header_first),
        page_field_in_footer: footers_have,
        page_number_size: number_size,
        page_number_font: number_font,
        page_number_align: number_para.map(|p| align(p.alignment)),
        saved_pages: doc.saved_pages,
        later_papers: doc
            .sections
            .iter()
            .skip(1)
            .filter(|s| s.page_size_declared)
            .map(|s| (s.page_width, s.page_height))
            .collect(),
    })
}

/// A first line indented by typing a tab instead of setting an indent: on paper it starts
/// at the first default tab stop (`w:defaultTabStop`, 1.27 cm unless the file says), which
/// is the indent a reader sees.
fn tab_indents(paras: &mut [Para], default_tab: i32) {
    for p in paras.iter_mut() {
        let unset = p.first_line_indent.is_none_or(|f| f == 0);
        if unset && p.cell.is_none() && p.text.starts_with('\t') && p.text.trim().len() > 40 {
            let left = p.left_indent.unwrap_or(0).max(0);
            let stop = (left / default_tab.max(1) + 1) * default_tab.max(1);
            p.first_line_indent = Some(stop - left);
        }
    }
}

/// Builds the checked view of a read .docx and recognises its elements.
pub fn view_of(doc: &reader::DocxFile) -> View {
    let mut paras = Vec::new();
    let mut tables = 0;
    flatten(&doc.blocks, &mut paras, &mut tables, None);
    let mut paras = tab_footer(tab_header(paras));
    tab_indents(
        &mut paras,
        doc.settings.default_tab_stop.map_or(720, |t| t.0),
    );
    let mut view = View {
        origin: Origin::Docx,
        paras,
        page: page_of(doc),
        parts: Parts::default(),
        detected: Detected::Unknown,
        system: None,
        mixed: false,
        doc_type: None,
        protected: doc.protected,
        signed: doc.signed,
    };
    recognize(&mut view);
    view
}

/// Reads and checks a .docx. A file outside the rule set's scope (not an administrative
/// document, or dated before the rule set took effect) is reported as such, without
/// findings, unless a rule set was chosen explicitly.
pub fn check_docx(bytes: &[u8], file: &str, opts: &CheckOptions) -> Result<Report, CheckError> {
    let doc = reader::read_docx(bytes, &Limits::default())?;
    let view = view_of(&doc);
    let set = ruleset_for(view.system.unwrap_or(System::State), opts)?;
    let scope = scope::decide(&view, set, opts.ruleset.is_some());
    run_scoped(&view, Some(bytes), file, opts, scope)
}
