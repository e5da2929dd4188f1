//! A table of the body: one line per row, the paragraphs of a cell joined; the leading rows
//! all in bold (up to three) are the header (hàng tiêu đề); merged cells (ô gộp: `w:gridSpan`, `w:vMerge`) kept as merges.

use std::collections::BTreeMap;

use crate::check::view::View;
use crate::model::{Merge, Merged, Table, MAX_HEADER_ROWS};
use crate::reader::MAX_TABLE_COLUMNS;

use super::inline::{self, all_bold, pieces, plain, Piece};
use super::report::{EntryKind, ImportReport};

/// What the importer knows of one cell: its paragraphs, the columns it spans and its part
/// in a vertical merge.
#[derive(Default)]
struct Slot {
    paras: Vec<Vec<Piece>>,
    span: usize,
    vmerge: Option<bool>,
}

/// A cell's (column, span) on the grid within [`MAX_TABLE_COLUMNS`]: a cell past the last
/// column stands in it (its text joined to what is there), and `too_wide` is set.
fn bounded((col, span): (usize, usize), too_wide: &mut bool) -> (usize, usize) {
    let last = MAX_TABLE_COLUMNS - 1;
    if col > last || col + span > MAX_TABLE_COLUMNS {
        *too_wide = true;
    }
    let col = col.min(last);
    (col, span.clamp(1, MAX_TABLE_COLUMNS - col))
}

/// A table from the paragraphs of its cells: one line per row, the paragraphs of a cell
/// joined; the leading rows all in bold are the header ([`header_rows`]). A cell spanning columns stands at its
/// first column, the others continuing it (`<`); a blank cell continuing a vertical merge
/// continues the cell above (`^`).
pub(super) fn table(view: &View, cells: &[usize], report: &mut ImportReport) -> Table {
    let mut grid: BTreeMap<usize, BTreeMap<usize, Slot>> = BTreeMap::new();
    // Cells of several paragraphs: how many, and the first of them.
    let mut joined: (usize, Option<(usize, String)>) = (0, None);
    // Columns of the table's grid.
    let mut cols = 0;
    // Whether a cell stood past the last column a table may have.
    let mut too_wide = false;
    for &i in cells {
        let p = &view.paras[i];
        let Some(c) = p.cell else { continue };
        // A cell stands at its column on the grid: after a cell that spans three columns the
        // next one is three further on, so every value stays under its heading.
        let (col, span) = bounded(p.grid.unwrap_or((c.col, 1)), &mut too_wide);
        cols = cols.max(col + span);
        let pc = pieces(p, &[]);
        let entry = grid.entry(c.row).or_default().entry(col).or_default();
        entry.span = span;
        entry.vmerge = entry.vmerge.or(p.vmerge);
        if !plain(&pc).is_empty() {
            if !entry.paras.is_empty() {
                if entry.paras.len() == 1 {
                    joined.0 += 1;
                }
                joined.1.get_or_insert_with(|| (p.index, p.text.clone()));
                entry.paras.push(vec![Piece::Char(' ', false, false)]);
            }
            entry.paras.push(pc);
        }
    }
    // Blank paragraphs are not in the body's list: the cells that continue a merge down
    // (blank by nature) are found by walking the table's own paragraphs.
    if let (Some(&first), Some(&last)) = (cells.first(), cells.last()) {
        let table = view.paras[first].cell.map(|c| c.table);
        let in_table = |j: &usize| view.paras[*j].cell.map(|c| c.table) == table;
        let after = (last + 1..view.paras.len()).take_while(in_table);
        for j in (first..=last).chain(after).filter(in_table) {
            let p = &view.paras[j];
            let (Some(c), Some(at)) = (p.cell, p.grid) else {
                continue;
            };
            let (col, span) = bounded(at, &mut too_wide);
            if let Some(row) = grid.get_mut(&c.row) {
                cols = cols.max(col + span);
                let slot = row.entry(col).or_default();
                slot.span = span;
                slot.vmerge = slot.vmerge.or(p.vmerge);
            }
        }
    }
    // What the table could not keep is reported at its first paragraph.
    let report_at_table = |report: &mut ImportReport, note: &str| {
        if let Some(&first) = cells.first() {
            let p = &view.paras[first];
            report.add(EntryKind::Review, Some(p.index), &p.text, note);
        }
    };
    if too_wide {
        report_at_table(
            report,
            &format!(
                "bảng rộng hơn {MAX_TABLE_COLUMNS} cột (giới hạn của Word); các ô thừa được nối vào cột cuối"
            ),
        );
    }
    if let (n, Some((index, text))) = joined {
        report.add(
            EntryKind::Review,
            Some(index),
            &text,
            &format!("bảng có {n} ô gồm nhiều đoạn; các đoạn của mỗi ô được nối thành một dòng"),
        );
    }
    let mut merged = Vec::new();
    let rows: Vec<Vec<Vec<Piece>>> = grid
        .into_values()
        .enumerate()
        .map(|(row, r)| {
            let mut out: Vec<Vec<Piece>> = vec![Vec::new(); cols];
            for (col, slot) in r {
                // A continuing cell with text of its own keeps it, unmerged.
                if slot.vmerge == Some(false) && slot.paras.is_empty() {
                    merged.push(Merged {
                        row,
                        col,
                        merge: Merge::Up,
                    });
                }
                merged.extend((col + 1..col + slot.span).map(|col| Merged {
                    row,
                    col,
                    merge: Merge::Left,
                }));
                out[col] = slot.paras.concat();
            }
            out
        })
        .collect();
    let header_rows = header_rows(&rows, &merged);
    let mut t = Table {
        header_rows,
        rows: rows
            .iter()
            .enumerate()
            .map(|(r, row)| {
                row.iter()
                    .map(|c| inline::inline(c, r >= header_rows))
                    .collect()
            })
            .collect(),
        merged,
    };
    let wanted = t.merged.len();
    t.normalize_merges();
    if t.merged.len() < wanted {
        report_at_table(
            report,
            &format!(
                "bảng có {} ô gộp không giữ được (ô gộp dọc không cùng số cột với ô trên); các ô đó để trống",
                wanted - t.merged.len()
            ),
        );
    }
    t
}

/// Số hàng tiêu đề: the leading rows whose cells are all bold, at most [`MAX_HEADER_ROWS`]
/// and never every row. The first row may have blank cells; a later one is a header row only
/// as a sub-heading row: a cell above continues down into it (`w:vMerge`), and each of its
/// slots is bold text or part of a merged cell. A bold section row of the body ("I | Cải
/// cách thể chế |  | …", Lâm Đồng's 030) has blank cells of its own and stays body.
fn header_rows(rows: &[Vec<Vec<Piece>>], merged: &[Merged]) -> usize {
    let is_merged = |r: usize, c: usize| merged.iter().any(|m| m.row == r && m.col == c);
    let continued = |r: usize| merged.iter().any(|m| m.row == r && m.merge == Merge::Up);
    let header = |r: usize, row: &[Vec<Piece>]| {
        if r == 0 {
            return row.iter().all(|c| c.is_empty() || all_bold(c));
        }
        continued(r)
            && row.iter().any(|c| !c.is_empty())
            && row.iter().enumerate().all(|(c, cell)| {
                if cell.is_empty() {
                    is_merged(r, c)
                } else {
                    all_bold(cell)
                }
            })
    };
    let n = rows
        .iter()
        .take(MAX_HEADER_ROWS)
        .enumerate()
        .take_while(|(r, row)| header(*r, row))
        .count();
    n.min(rows.len().saturating_sub(1))
}
