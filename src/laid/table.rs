//! Body tables (bảng số liệu): header rows, cells with their merges (ô gộp), the alignment of
//! each cell and column widths sized by content.

use crate::layout::{
    HalfPoints, Twips, TABLE_CELL_MARGINS, TABLE_COLUMN_CHARS_CAP, TABLE_SHORT_CELL_CHARS,
};
use crate::model::{GridCell, Inline, Table, VMerge, MAX_HEADER_ROWS};

use super::body::BodyPass;
use super::{Align, Cell, El, Grid, GridKind, Para, Row, Spacing};

impl BodyPass<'_> {
    /// Lays out a body table: one [`Cell`] per printed cell, a cell spanning columns as wide
    /// as they are together, a cell continuing the one above (`VMerge::Continue`) empty.
    pub(super) fn table(&mut self, t: &Table) -> Grid {
        let l = self.l;
        let cols = t.rows.iter().map(Vec::len).max().unwrap_or(1).max(1);
        let printed = t.cells();
        let widths = column_widths(t, &printed, cols, self.text_width(), l.body.size.preferred);
        let header_rows = header_rows(t);
        let short = short_columns(t, &printed, header_rows, cols);
        let rows = printed
            .iter()
            .enumerate()
            .map(|(r, line)| {
                let header = r < header_rows;
                let mut style = l.body;
                style.bold |= header;
                let mut out: Vec<Cell> = line
                    .iter()
                    .map(|g| {
                        let width = Twips(widths[g.col..g.col + g.span].iter().map(|w| w.0).sum());
                        let mut paras = Vec::new();
                        if g.vmerge != Some(VMerge::Continue) {
                            let mut p = Para::new(El::Body);
                            let centred = header
                                || (short[g.col..g.col + g.span].iter().all(|s| *s)
                                    && is_short(&t.rows[r][g.col]));
                            p.align = Some(if centred { Align::Center } else { Align::Left });
                            p.spacing = Some(Spacing::single(Twips(0), Twips(0)));
                            p.mark_size = Some(style.size.preferred);
                            self.inline_runs(&t.rows[r][g.col], &style, &mut p.runs);
                            paras.push(p);
                        }
                        Cell {
                            width,
                            paras,
                            span: g.span,
                            vmerge: g.vmerge,
                            rows: g.rows,
                            middle: header,
                        }
                    })
                    .collect();
                let used: usize = line.iter().map(|g| g.span).sum();
                for w in &widths[used.min(cols)..] {
                    out.push(Cell::new(*w, Vec::new()));
                }
                Row {
                    cells: out,
                    cant_split: header,
                    header,
                }
            })
            .collect();
        Grid {
            kind: GridKind::Data,
            columns: widths,
            rows,
        }
    }
}

/// How many leading rows are printed as the header (hàng tiêu đề): the table's own count,
/// never all its rows (a table of headings only has no body to repeat them over, so only
/// its first row is one) and never more than [`MAX_HEADER_ROWS`].
fn header_rows(t: &Table) -> usize {
    let n = t.header_rows.min(MAX_HEADER_ROWS);
    if n >= t.rows.len() {
        n.min(1)
    } else {
        n
    }
}

/// Whether a cell's text is short enough to be centred ([`TABLE_SHORT_CELL_CHARS`]).
fn is_short(cell: &Inline) -> bool {
    cell.plain_text().trim().chars().count() <= TABLE_SHORT_CELL_CHARS
}

/// Cột ngắn: the columns to centre, the one rule for the alignment of body cells. A column
/// is short when it has a body cell of its own (spanning it alone) with text and every such
/// cell is short: STT, figures, dates, units. A cell spanning several columns is centred
/// when they all are short and so is its text; header cells are always centred.
fn short_columns(
    t: &Table,
    printed: &[Vec<GridCell>],
    header_rows: usize,
    cols: usize,
) -> Vec<bool> {
    let mut any = vec![false; cols];
    let mut all = vec![true; cols];
    for (r, line) in printed.iter().enumerate().skip(header_rows) {
        for g in line
            .iter()
            .filter(|g| g.span == 1 && g.vmerge != Some(VMerge::Continue))
        {
            let cell = &t.rows[r][g.col];
            if cell.plain_text().trim().is_empty() {
                continue;
            }
            any[g.col] = true;
            all[g.col] &= is_short(cell);
        }
    }
    any.iter().zip(&all).map(|(a, b)| *a && *b).collect()
}

/// Room a cell's text asks for, in characters: its longest word (a capital counted as one
/// and a half letters, "STT") and its whole length.
fn text_room(cell: &Inline) -> (usize, usize) {
    let s = cell.plain_text();
    let word = s
        .split_whitespace()
        .map(|w| {
            w.chars()
                .map(|c| if c.is_uppercase() { 3 } else { 2 })
                .sum::<usize>()
                .div_ceil(2)
        })
        .max()
        .unwrap_or(0);
    (word, s.chars().count())
}

/// The widths of a body table's columns, adding up to `total`: each column first gets room
/// for its longest word plus one character and the cell margins ([`TABLE_CELL_MARGINS`]);
/// what is left goes to the columns by how much more their longest cell asks for (in
/// characters, capped at [`TABLE_COLUMN_CHARS_CAP`]). A character is taken as half the font
/// size, about the average width of Times New Roman's letters. A cell spanning columns asks
/// its room of them together: what they lack is shared among them.
fn column_widths(
    t: &Table,
    printed: &[Vec<GridCell>],
    cols: usize,
    total: Twips,
    size: HalfPoints,
) -> Vec<Twips> {
    // Half an em in twips: a half-point is 10 twips, half of it 5.
    let char_w = i64::from(size.0) * 5;
    let margins = i64::from(TABLE_CELL_MARGINS.0);
    let chars = |n: usize| i64::try_from(n).unwrap_or(0) * char_w + margins;
    let mut mins = vec![chars(2); cols];
    let mut wants = vec![0i64; cols];
    let mut spanning = Vec::new();
    for (r, line) in printed.iter().enumerate() {
        for g in line.iter().filter(|g| g.vmerge != Some(VMerge::Continue)) {
            let (word, longest) = text_room(&t.rows[r][g.col]);
            let min = chars(word.max(1) + 1);
            let want = chars(longest.min(TABLE_COLUMN_CHARS_CAP)).max(min);
            if g.span == 1 {
                mins[g.col] = mins[g.col].max(min);
                wants[g.col] = wants[g.col].max(want);
            } else {
                spanning.push((g.col, g.span, min, want));
            }
        }
    }
    for (w, m) in wants.iter_mut().zip(&mins) {
        *w = (*w).max(*m);
    }
    // Cells of the narrowest span first, so a wide heading shares what is still lacking.
    spanning.sort_by_key(|s| s.1);
    for (col, span, min, want) in spanning {
        let end = (col + span).min(cols);
        let n = i64::try_from(end - col).unwrap_or(1).max(1);
        let lack = min - mins[col..end].iter().sum::<i64>();
        if lack > 0 {
            mins[col..end]
                .iter_mut()
                .for_each(|m| *m += (lack + n - 1) / n);
        }
        let lack = want - wants[col..end].iter().sum::<i64>();
        if lack > 0 {
            wants[col..end]
                .iter_mut()
                .for_each(|w| *w += (lack + n - 1) / n);
        }
        for c in col..end {
            wants[c] = wants[c].max(mins[c]);
        }
    }
    let total_w = i64::from(total.0);
    let min_sum: i64 = mins.iter().sum();
    let extra_sum: i64 = mins.iter().zip(&wants).map(|(m, w)| w - m).sum();
    let raw: Vec<i64> = if min_sum >= total_w {
        // Too many columns for their words: shares of the minimum.
        mins.iter().map(|m| total_w * m / min_sum.max(1)).collect()
    } else if extra_sum == 0 {
        let even = (total_w - min_sum) / i64::try_from(cols).unwrap_or(1).max(1);
        mins.iter().map(|m| m + even).collect()
    } else {
        let left = total_w - min_sum;
        mins.iter()
            .zip(&wants)
            .map(|(m, w)| m + left * (w - m) / extra_sum)
            .collect()
    };
    let mut widths: Vec<Twips> = raw
        .iter()
        .map(|w| Twips(i32::try_from(*w).unwrap_or(0)))
        .collect();
    let used: i32 = widths.iter().map(|w| w.0).sum();
    if let Some(last) = widths.last_mut() {
        last.0 += total.0 - used;
    }
    widths
}
