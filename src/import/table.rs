//! A table of the body: one line per row, the paragraphs of a cell joined; a first row all
//! in bold is the header.

use std::collections::BTreeMap;

use crate::check::view::View;
use crate::model::Table;

use super::inline::{self, all_bold, pieces, plain, Piece};
use super::report::{EntryKind, ImportReport};

/// A table from the paragraphs of its cells: one line per row, the paragraphs of a cell
/// joined; a first row all in bold is the header.
pub(super) fn table(view: &View, cells: &[usize], report: &mut ImportReport) -> Table {
    let mut grid: BTreeMap<usize, BTreeMap<usize, Vec<Vec<Piece>>>> = BTreeMap::new();
    // Cells of several paragraphs: how many, and the first of them.
    let mut joined: (usize, Option<(usize, String)>) = (0, None);
    // Columns of the table's grid, and the cells that span several of them.
    let mut cols = 0;
    let mut spanning: Vec<(usize, usize)> = Vec::new();
    let mut first_spanning: Option<(usize, String)> = None;
    for &i in cells {
        let p = &view.paras[i];
        let Some(c) = p.cell else { continue };
        // A cell stands at its column on the grid: after a cell that spans three columns the
        // next one is three further on, and the blank cells of a vertical merge keep their
        // place, so every value stays under its heading.
        let (col, span) = p.grid.unwrap_or((c.col, 1));
        cols = cols.max(col + span);
        if span > 1 && !spanning.contains(&(c.row, col)) {
            spanning.push((c.row, col));
            first_spanning.get_or_insert_with(|| (p.index, p.text.clone()));
        }
        let pc = pieces(p, &[]);
        let entry = grid.entry(c.row).or_default().entry(col).or_default();
        if !plain(&pc).is_empty() {
            if !entry.is_empty() {
                if entry.len() == 1 {
                    joined.0 += 1;
                }
                joined.1.get_or_insert_with(|| (p.index, p.text.clone()));
                entry.push(vec![Piece::Char(' ', false, false)]);
            }
            entry.push(pc);
        }
    }
    if let (n, Some((index, text))) = joined {
        report.add(
            EntryKind::Review,
            Some(index),
            &text,
            &format!("bảng có {n} ô gồm nhiều đoạn; các đoạn của mỗi ô được nối thành một dòng"),
        );
    }
    if let Some((index, text)) = first_spanning {
        report.add(
            EntryKind::Review,
            Some(index),
            &text,
            &format!(
                "bảng có {} ô gộp nhiều cột; chữ của mỗi ô gộp đặt ở cột đầu, các cột còn lại để trống",
                spanning.len()
            ),
        );
    }
    let rows: Vec<Vec<Vec<Piece>>> = grid
        .into_values()
        .map(|r| {
            let mut row: Vec<Vec<Piece>> = vec![Vec::new(); cols];
            for (col, v) in r {
                row[col] = v.concat();
            }
            row
        })
        .collect();
    let header = rows.len() > 1 && rows[0].iter().all(|c| c.is_empty() || all_bold(c));
    Table {
        header,
        rows: rows
            .iter()
            .enumerate()
            .map(|(r, row)| {
                row.iter()
                    .map(|c| inline::inline(c, !(header && r == 0)))
                    .collect()
            })
            .collect(),
    }
}
