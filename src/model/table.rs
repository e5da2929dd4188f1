//! Merged cells (ô gộp) of a body table: which grid slots continue a neighbouring cell, and
//! the one rule that decides whether a merge is valid, shared by the markup, the layout pass
//! and the importer.
//!
//! A table is a grid of slots (`rows[r][c]`). A slot marked [`Merge::Left`] belongs to the
//! cell on its left (`w:gridSpan`, markup `<`); a slot marked [`Merge::Up`] starts a cell that
//! continues the cell above (`w:vMerge`, markup `^`), its own `Left` slots giving it the same
//! columns. A merge that cannot hold is not one: `Left` in the first column, `Up` in the
//! first row, `Up` under no cell starting at its column or under a cell of another span.

use serde::{Deserialize, Serialize};

use super::Table;

/// How a grid slot continues a neighbouring cell (ô gộp).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Merge {
    /// Gộp ngang: the slot belongs to the cell on its left (markup `<`).
    Left,
    /// Gộp dọc: the cell starting at this slot continues the cell above (markup `^`).
    Up,
}

/// A grid slot covered by a merged cell (ô bị gộp).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Merged {
    /// Row of the slot, from 0.
    pub row: usize,
    /// Column of the slot on the grid, from 0.
    pub col: usize,
    /// Which neighbour it continues.
    pub merge: Merge,
}

/// The vertical-merge state of a cell (`w:vMerge`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VMerge {
    /// The first cell of a vertical merge (`w:vMerge w:val="restart"`): its text is the
    /// merged cell's.
    Restart,
    /// A cell continuing the one above (`<w:vMerge/>`): printed as part of it, no text.
    Continue,
}

/// A cell of a table as printed (ô): where it starts, how many columns it spans, and whether
/// it is part of a vertical merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GridCell {
    /// First grid column.
    pub col: usize,
    /// Columns spanned (1 for a plain cell).
    pub span: usize,
    /// Vertical-merge state, `None` for a cell alone in its rows.
    pub vmerge: Option<VMerge>,
    /// Rows the merged cell covers, counted from this one (1 unless it is a
    /// [`VMerge::Restart`]).
    pub rows: usize,
}

impl Table {
    /// The cells of each row as printed, left to right: stored merges that cannot hold are
    /// read as plain cells.
    pub fn cells(&self) -> Vec<Vec<GridCell>> {
        // The stored marks on the grid (marks off the grid are not merges).
        let mut marks: Vec<Vec<Option<Merge>>> =
            self.rows.iter().map(|r| vec![None; r.len()]).collect();
        for m in &self.merged {
            if let Some(slot) = marks.get_mut(m.row).and_then(|r| r.get_mut(m.col)) {
                *slot = Some(m.merge);
            }
        }
        let mut out: Vec<Vec<GridCell>> = Vec::with_capacity(self.rows.len());
        // For the row above: the cell starting at each column, and the first cell (row,
        // index) of the merge each of its cells belongs to.
        let mut above: Vec<Option<usize>> = Vec::new();
        let mut above_origin: Vec<(usize, usize)> = Vec::new();
        for (r, row) in marks.iter().enumerate() {
            let mut line: Vec<GridCell> = Vec::new();
            let mut starts = vec![None; row.len()];
            let mut origin = Vec::new();
            let mut c = 0;
            while c < row.len() {
                let mut span = 1;
                while c + span < row.len() && row[c + span] == Some(Merge::Left) {
                    span += 1;
                }
                let up = match (row[c], above.get(c).copied().flatten()) {
                    (Some(Merge::Up), Some(i)) if out[r - 1][i].span == span => Some(i),
                    _ => None,
                };
                starts[c] = Some(line.len());
                if let Some(i) = up {
                    out[r - 1][i].vmerge.get_or_insert(VMerge::Restart);
                    let (or, oi) = above_origin[i];
                    out[or][oi].rows += 1;
                    origin.push((or, oi));
                } else {
                    origin.push((r, line.len()));
                }
                line.push(GridCell {
                    col: c,
                    span,
                    vmerge: up.map(|_| VMerge::Continue),
                    rows: 1,
                });
                c += span;
            }
            above = starts;
            above_origin = origin;
            out.push(line);
        }
        out
    }

    /// The valid merge of every slot, in the shape of [`Table::rows`].
    pub fn merges(&self) -> Vec<Vec<Option<Merge>>> {
        self.cells()
            .iter()
            .zip(&self.rows)
            .map(|(line, row)| {
                let mut out = vec![None; row.len()];
                for g in line {
                    if g.vmerge == Some(VMerge::Continue) {
                        out[g.col] = Some(Merge::Up);
                    }
                    for slot in out.iter_mut().skip(g.col + 1).take(g.span - 1) {
                        *slot = Some(Merge::Left);
                    }
                }
                out
            })
            .collect()
    }

    /// Keeps only the valid merges, in order of row then column: what the markup and the
    /// importer store.
    pub fn normalize_merges(&mut self) {
        self.merged = self
            .merges()
            .iter()
            .enumerate()
            .flat_map(|(row, line)| {
                line.iter()
                    .enumerate()
                    .filter_map(move |(col, m)| m.map(|merge| Merged { row, col, merge }))
            })
            .collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Inline;

    fn table(rows: usize, cols: usize, marks: &[(usize, usize, Merge)]) -> Table {
        Table {
            header_rows: 0,
            rows: vec![vec![Inline::default(); cols]; rows],
            merged: marks
                .iter()
                .map(|&(row, col, merge)| Merged { row, col, merge })
                .collect(),
        }
    }

    #[test]
    fn a_heading_over_two_columns_and_a_cell_over_two_rows() {
        use Merge::{Left, Up};
        // | TT | Nội dung | < |
        // | ^  | a        | b |
        let t = table(2, 3, &[(0, 2, Left), (1, 0, Up)]);
        let cells = t.cells();
        assert_eq!(cells[0].len(), 2);
        assert_eq!(cells[0][0].vmerge, Some(VMerge::Restart));
        assert_eq!(cells[0][0].rows, 2);
        assert_eq!(cells[0][1].span, 2);
        assert_eq!(cells[1][0].vmerge, Some(VMerge::Continue));
        assert_eq!(
            t.merges(),
            vec![vec![None, None, Some(Left)], vec![Some(Up), None, None]]
        );
    }

    #[test]
    fn merges_that_cannot_hold_are_plain_cells() {
        use Merge::{Left, Up};
        // Left in the first column, Up in the first row, Up under a cell of another span,
        // Up under a slot no cell starts at.
        let mut t = table(
            2,
            3,
            &[
                (0, 0, Left),
                (0, 1, Up),
                (0, 2, Left),
                (1, 1, Up),
                (1, 2, Up),
            ],
        );
        t.normalize_merges();
        assert_eq!(
            t.merged,
            vec![Merged {
                row: 0,
                col: 2,
                merge: Left
            }]
        );
        assert!(t.cells().iter().flatten().all(|g| g.vmerge.is_none()));
    }

    #[test]
    fn ragged_rows_do_not_panic() {
        let mut t = table(2, 1, &[(1, 0, Merge::Up), (5, 5, Merge::Left)]);
        t.rows[0].clear();
        t.normalize_merges();
        assert!(t.merged.is_empty());
    }

    #[test]
    fn a_wide_table_of_merges_is_read_in_one_pass() {
        // 4 MiB of markup holds a row of a million cells: merges are resolved by indexing the
        // grid, not by searching the list for every slot.
        let n = 200_000;
        let marks: Vec<(usize, usize, Merge)> = (0..n).map(|c| (1, c, Merge::Up)).collect();
        let mut t = table(3, n, &marks);
        t.merged.extend((0..n).map(|col| Merged {
            row: 2,
            col,
            merge: Merge::Up,
        }));
        let start = std::time::Instant::now();
        let cells = t.cells();
        assert!(cells[0].iter().all(|g| g.rows == 3));
        t.normalize_merges();
        assert_eq!(t.merged.len(), 2 * n);
        assert!(start.elapsed().as_secs() < 5, "{:?}", start.elapsed());
    }
}
