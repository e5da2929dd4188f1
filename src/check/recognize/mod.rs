//! Recognition (nhận dạng): finds the elements of an administrative document among the
//! paragraphs of a .docx, by text and position, as a reader finds them on the printed page.
//! Works on the neutral [`View`], so it does not depend on how the file was read.
//!
//! A pipeline of small passes over one [`Reading`], each in its own module and testable
//! alone through hand-built files (tests/check_thirdparty.rs):
//! 1. [`header::national`]: quốc hiệu / tiêu ngữ or "ĐẢNG CỘNG SẢN VIỆT NAM", "Số", the
//!    date line, "V/v";
//! 2. [`header::issuers`]: the issuing body and its superior;
//! 3. [`title::title`]: tên loại, trích yếu, the type, a "(Kèm theo …)" attachment;
//! 4. [`footer::recipients`] and [`footer::signatures`]: Nơi nhận, signature blocks;
//! 5. the body: everything between title and footer;
//! 6. [`system::system`]: state, Party or joint.
//!
//! An element found only by a weak cue is recorded in `Parts::unsure`; its findings are
//! then reported as needing review.

mod footer;
mod header;

pub(crate) use header::{is_quoc_hieu, looks_like_date};
pub(crate) use title::{doc_type_by_title, title_rest};
mod system;
mod title;

use std::collections::HashMap;

use crate::check::rules::upper_key;
use crate::check::view::{Para, Parts, View};
use crate::layout::DocType;

/// The header is looked for in the first paragraphs only.
const HEADER_SPAN: usize = 40;

/// What the passes share: the paragraphs, their comparison keys, and what is found so far.
pub(super) struct Reading<'a> {
    paras: &'a [Para],
    /// Upper-case NFC keys: whole paragraphs in the header span, the start of each beyond.
    keys: Vec<String>,
    parts: Parts,
    /// The header elements found by text (national title, số, date, "V/v").
    known: Vec<usize>,
    /// The công văn's "V/v" line.
    vv: Option<usize>,
    /// The last paragraph of the header and title block.
    header_end: usize,
    doc_type: Option<DocType>,
    /// Rows of each table, by table number, counted once.
    table_rows: HashMap<usize, usize>,
}

/// The column a paragraph stands in: its table and column, `None` outside tables.
fn column(paras: &[Para], i: usize) -> Option<(usize, usize)> {
    paras[i].cell.map(|c| (c.table, c.col))
}

impl<'a> Reading<'a> {
    fn new(paras: &'a [Para]) -> Self {
        let span = paras.len().min(HEADER_SPAN);
        // Full comparison keys for the header; beyond it only the start of each paragraph is
        // compared ("NƠI NHẬN"), and NFC over whole body paragraphs would dominate the time.
        let keys = paras
            .iter()
            .enumerate()
            .map(|(i, p)| {
                if i < span {
                    header::key(p)
                } else {
                    let head: String = p.text.trim_start().chars().take(12).collect();
                    upper_key(&head)
                }
            })
            .collect();
        let mut table_rows: HashMap<usize, usize> = HashMap::new();
        for c in paras.iter().filter_map(|p| p.cell) {
            let rows = table_rows.entry(c.table).or_default();
            *rows = (*rows).max(c.row + 1);
        }
        Reading {
            paras,
            keys,
            table_rows,
            parts: Parts::default(),
            known: Vec::new(),
            vv: None,
            header_end: 0,
            doc_type: None,
        }
    }
}

/// Recognises the parts of `view.paras` and sets parts, system, type and joint flags.
pub fn recognize(view: &mut View) {
    let mut r = Reading::new(&view.paras);
    header::national(&mut r);
    header::issuers(&mut r);
    title::title(&mut r);
    footer::recipients(&mut r);
    footer::signatures(&mut r);
    body(&mut r);
    let sys = system::system(&r);
    let (parts, doc_type) = (r.parts, r.doc_type);
    view.parts = parts;
    view.detected = sys.detected;
    view.system = sys.system;
    view.mixed = sys.mixed;
    view.doc_type = doc_type;
}

/// The body (nội dung): between the title and the first footer paragraph.
fn body(r: &mut Reading<'_>) {
    let paras = r.paras;
    let n = paras.len();
    let header_end = r.header_end;
    let parts = &mut r.parts;
    let footer_start = parts
        .chu_ky
        .iter()
        .flatten()
        .copied()
        .chain(parts.noi_nhan)
        .min()
        .unwrap_or(n);
    let footer_start = match paras.get(footer_start).and_then(|p| p.cell) {
        // The whole footer table belongs to the footer.
        Some(c) => (0..footer_start)
            .rev()
            .take_while(|&i| paras[i].cell.is_some_and(|d| d.table == c.table))
            .last()
            .unwrap_or(footer_start),
        None => footer_start,
    };
    parts.noi_dung = (header_end + 1..footer_start).collect();
}
