//! Chữ ký and Nơi nhận (Ô 7, 9b): a borderless grid at the end of the body. One signer:
//! Nơi nhận left, signature right, on one row. Two or three signers (joint documents, a
//! Biên bản): the signature blocks side by side, the lead body (chủ trì, listed first) on
//! the right, their titles in one row and their names in the next so the names line up,
//! then Nơi nhận below at the left (spec §4). Rows never split across pages and every paragraph
//! of the grid keeps with the next, so signatures and Nơi nhận move to a new page together.

use crate::layout::{Layout, Twips, GAPS};
use crate::model::{Document, Recipients, Signer, System};

use super::style::{centred_line, run};
use super::{Align, Cell, El, Grid, GridKind, Para, Row, Spacing};

/// The signature block: authority and position lines, room to sign, the name.
fn signature(signer: &Signer, system: System, l: &Layout) -> Vec<Para> {
    let mut ps = signature_titles(signer, system, l);
    ps.extend(signature_name(signer, l));
    ps
}

/// The authority and position lines of a signature block ("TM. ỦY BAN NHÂN DÂN", "CHỦ
/// TỊCH").
fn signature_titles(signer: &Signer, system: System, l: &Layout) -> Vec<Para> {
    let mut ps = Vec::new();
    for (text, is_authority) in signer.title_lines(system) {
        let style = if is_authority {
            &l.signer_authority
        } else {
            &l.signer_position
        };
        ps.push(centred_line(El::Signature, &text, style));
    }
    ps
}

/// The room to sign and the signer's name under it.
fn signature_name(signer: &Signer, l: &Layout) -> Vec<Para> {
    let mut ps = Vec::new();
    for _ in 0..l.signature_gap_lines {
        let mut p = Para::new(El::Signature);
        p.align = Some(Align::Center);
        p.spacing = Some(Spacing::single(Twips(0), Twips(0)));
        p.mark_size = Some(l.signer_name.size.preferred);
        ps.push(p);
    }
    ps.push(centred_line(
        El::Signature,
        signer.name.trim(),
        &l.signer_name,
    ));
    ps
}

/// "Nơi nhận:" and its lines, flush left.
fn recipients(r: &Recipients, system: System, l: &Layout) -> Vec<Para> {
    let left = |text: &str, style| {
        let mut p = Para::new(El::Recipients);
        p.align = Some(Align::Left);
        p.spacing = Some(Spacing::single(Twips(0), Twips(0)));
        p.runs.push(run(text, style));
        p
    };
    let mut ps = vec![left(Recipients::HEADING, &l.recipients_heading)];
    if r.electronic {
        ps.push(left(Recipients::ELECTRONIC, &l.recipients_item));
    }
    for line in r.lines(system) {
        ps.push(left(&line, &l.recipients_item));
    }
    ps
}

/// Puts `before` above the first paragraph of a cell.
fn gap(mut ps: Vec<Para>, before: Twips) -> Vec<Para> {
    if let Some(first) = ps.first_mut() {
        let mut s = first.spacing.unwrap_or(Spacing::single(Twips(0), Twips(0)));
        s.before = before;
        first.spacing = Some(s);
    }
    ps
}

/// A row; `keep` marks a row that must not break across pages and whose paragraphs keep
/// with the next.
fn row(cells: Vec<Cell>, keep: bool) -> Row {
    let mut cells = cells;
    if keep {
        for p in cells.iter_mut().flat_map(|c| c.paras.iter_mut()) {
            p.keep_next = true;
        }
    }
    Row {
        cells,
        cant_split: keep,
        header: false,
    }
}

/// The signature and Nơi nhận grid.
pub(super) fn grid(doc: &Document, l: &Layout) -> Grid {
    let widths = [l.columns.left, l.columns.right];
    let recips = if doc.has_recipients() {
        recipients(&doc.recipients, doc.system, l)
    } else {
        Vec::new()
    };
    if doc.signers.len() >= 2 {
        // The lead body (chủ trì, listed first) signs on the right, the co-issuers to its
        // left (spec §4: common practice; the original Kiên Giang plan is laid out this way).
        let n = i32::try_from(doc.signers.len()).unwrap_or(2);
        let total = widths[0].0 + widths[1].0;
        let each = total / n;
        let columns: Vec<Twips> = (0..n)
            .map(|i| {
                Twips(if i + 1 == n {
                    total - each * (n - 1)
                } else {
                    each
                })
            })
            .collect();
        // Titles in one row, names in the next: a title that wraps in its narrower column
        // pushes its row down for every signer, so the names stay on one line across the
        // page, as offices align them.
        let side_by_side = |paras_of: &dyn Fn(&Signer) -> Vec<Para>| -> Vec<Cell> {
            doc.signers
                .iter()
                .rev()
                .zip(&columns)
                .map(|(s, w)| Cell::new(*w, paras_of(s)))
                .collect()
        };
        let titles =
            side_by_side(&|s| gap(signature_titles(s, doc.system, l), GAPS.before_signature));
        let names = side_by_side(&|s| signature_name(s, l));
        let mut below: Vec<Cell> = columns.iter().map(|w| Cell::new(*w, Vec::new())).collect();
        below[0].paras = gap(recips, GAPS.before_joint_recipients);
        // The rows stay whole and together: a Nơi nhận list never leaves its "- Lưu" line
        // alone on a new page (the Tây Sơn plan did), and never parts from the signatures.
        return Grid {
            kind: GridKind::Footer,
            columns,
            rows: vec![row(titles, true), row(names, true), row(below, true)],
        };
    }
    let sig = match doc.signers.first() {
        Some(one) => signature(one, doc.system, l),
        None => vec![],
    };
    Grid {
        kind: GridKind::Footer,
        columns: widths.to_vec(),
        rows: vec![row(
            vec![
                Cell::new(widths[0], gap(recips, GAPS.before_signature)),
                Cell::new(widths[1], gap(sig, GAPS.before_signature)),
            ],
            true,
        )],
    }
}
