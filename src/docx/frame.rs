//! Borderless layout tables (bảng không viền) that place the header and the signature
//! blocks in two columns, as the decree's diagram does (spec §1.3 implementation note).

use docx_rs::{Paragraph, Table, TableCell, TableLayoutType, TableRow, WidthType};

use crate::layout::Twips;

/// A cell of a layout table: its width and its paragraphs.
pub(super) struct Cell {
    /// Width of the column (cells have no side margins: text uses the whole width).
    pub width: Twips,
    /// Paragraphs, top to bottom.
    pub paragraphs: Vec<Paragraph>,
}

fn dxa(t: Twips) -> usize {
    usize::try_from(t.0).unwrap_or(0)
}

/// One row of a layout table; `keep` marks a row that must not break across pages and
/// stays on the page with the next row.
pub(super) fn row(cells: Vec<Cell>, keep: bool) -> TableRow {
    let cells = cells
        .into_iter()
        .map(|c| {
            let mut cell = TableCell::new().width(dxa(c.width), WidthType::Dxa);
            if c.paragraphs.is_empty() {
                cell = cell.add_paragraph(Paragraph::new());
            }
            for p in c.paragraphs {
                cell = cell.add_paragraph(if keep { p.keep_next(true) } else { p });
            }
            cell
        })
        .collect();
    let r = TableRow::new(cells);
    if keep {
        r.cant_split()
    } else {
        r
    }
}

/// A borderless, fixed-layout table with the given column widths and no cell side margins.
pub(super) fn table(widths: &[Twips], rows: Vec<TableRow>) -> Table {
    let total: usize = widths.iter().map(|w| dxa(*w)).sum();
    Table::new(rows)
        .set_grid(widths.iter().map(|w| dxa(*w)).collect())
        .layout(TableLayoutType::Fixed)
        .width(total, WidthType::Dxa)
        .indent(0)
        .margins(docx_rs::TableCellMargins::new().margin(0, 0, 0, 0))
        .clear_all_border()
}
