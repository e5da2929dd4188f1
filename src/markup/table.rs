//! Table rows of the markup (`| … |`) with merged cells (ô gộp): a cell whose whole text is
//! `<` continues the cell on its left, one whose whole text is `^` the cell above. A merge
//! that cannot hold ([`Table::cells`]) is read as the literal text; a literal `<` or `^` cell
//! is written escaped (`\<`, `\^`).

use crate::model::{Inline, Merge, Merged, Span, Table, MAX_HEADER_ROWS};

/// The markup of a slot continuing the cell on its left.
const LEFT: &str = "<";
/// The markup of a cell continuing the cell above.
const UP: &str = "^";

/// Adds the cells of one markup row (trimmed, unescaped `|` split) to the table.
pub(super) fn push_row(t: &mut Table, cells: &[String]) -> Result<(), String> {
    let row = t.rows.len();
    let mut out = Vec::with_capacity(cells.len());
    for (col, c) in cells.iter().enumerate() {
        let merge = match c.as_str() {
            LEFT => Some(Merge::Left),
            UP => Some(Merge::Up),
            _ => None,
        };
        match merge {
            Some(merge) => {
                t.merged.push(Merged { row, col, merge });
                out.push(Inline::default());
            }
            None => out.push(super::parse_inline(c)?),
        }
    }
    t.rows.push(out);
    Ok(())
}

/// Ends a table read from markup: a merge mark that cannot hold becomes its literal text.
pub(super) fn finish(mut t: Table) -> Table {
    let valid = t.merges();
    for m in &t.merged {
        if valid[m.row][m.col] != Some(m.merge) {
            t.rows[m.row][m.col] = Inline(vec![Span::Text {
                text: mark(m.merge).to_string(),
                bold: false,
                italic: false,
            }]);
        }
    }
    t.normalize_merges();
    t
}

fn mark(m: Merge) -> &'static str {
    match m {
        Merge::Left => LEFT,
        Merge::Up => UP,
    }
}

/// Writes a table as markup rows, its merges as `<` and `^`, the `|---|` line after its
/// header rows (hàng tiêu đề).
pub(super) fn write(t: &Table) -> String {
    let merges = t.merges();
    // The separator follows the last header row; a count the markup cannot hold (more rows
    // than the table has, or than MAX_HEADER_ROWS) is written as what it can.
    let header_rows = t.header_rows.min(MAX_HEADER_ROWS).min(t.rows.len());
    let mut rows = Vec::new();
    for (r, row) in t.rows.iter().enumerate() {
        let cells: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(c, cell)| {
                if let Some(m) = merges[r][c] {
                    return mark(m).to_string();
                }
                let cell = super::inline_markup(cell).replace('|', "\\|");
                // A cell of dashes ("------") would make its row read as the header
                // separator "|---|", a lone "<" or "^" as a merge: they keep their text
                // behind an escape.
                if cell == LEFT
                    || cell == UP
                    || (!cell.is_empty() && cell.chars().all(|ch| matches!(ch, '-' | ':')))
                {
                    format!("\\{cell}")
                } else {
                    cell
                }
            })
            .collect();
        rows.push(format!("| {} |", cells.join(" | ")));
        if r + 1 == header_rows {
            rows.push(format!("|{}|", vec!["---"; row.len()].join("|")));
        }
    }
    rows.join("\n")
}
