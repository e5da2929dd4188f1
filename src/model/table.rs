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
    /// The merge stored for a slot, valid or not (see [`Table::merges`] for the valid ones).
    pub fn mark(&self, row: usize, col: usize) -> Option<Merge> {
        self.merged
            .iter()
            .find(|m| m.row == row && m.col == col)
            .map(|m| m.merge)
    }

    /// The cells of each row as printed, left to right: stored merges that cannot hold are
    /// read as plain cells.
    pub fn cells(&self) -> Vec<Vec<GridCell>> {
        let mut out: Vec<Vec<GridCell>> = Vec::with_capacity(self.rows.len());
        for (r, row) in self.rows.iter().enumerate() {
            let mut line = Vec::new();
            let mut c = 0;
            while c < row.len() {
                let mut span = 1;
                while c + span < row.len() && self.mark(r, c + span) == Some(Merge::Left) {
                    span += 1;
                }
                let up = self.mark(r, c) == Some(Merge::Up)
                    && r > 0
                    && out[r - 1].iter().any(|g| g.col == c && g.span == span);
                if up {
                    if let Some(above) = out[r - 1].iter_mut().find(|g| g.col == c) {
                        above.vmerge.get_or_insert(VMerge::Restart);
                    }
                }
                line.push(GridCell {
                    col: c,
                    span,
                    vmerge: up.then_some(VMerge::Continue),
                    rows: 1,
                });
                c += span;
            }
            out.push(line);
        }
        for r in 0..out.len() {
            for i in 0..out[r].len() {
                if out[r][i].vmerge != Some(VMerge::Restart) {
                    continue;
                }
                let col = out[r][i].col;
                let below = out[r + 1..]
                    .iter()
                    .take_while(|line| {
                        line.iter()
                            .any(|g| g.col == col && g.vmerge == Some(VMerge::Continue))
                    })
                    .count();
                out[r][i].rows = 1 + below;
            }
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
            header: false,
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
}
