//! Chữ ký and Nơi nhận (Ô 7, 9b): a borderless two-column table at the end of the body.
//! One signer: Nơi nhận left, signature right, on one row. Two signers (joint documents):
//! the two signature blocks side by side, then Nơi nhận below at the left (spec §4).
//! Rows never split across pages and the body's last lines keep with them.

use docx_rs::{AlignmentType, Paragraph, Table};

use crate::layout::{Layout, Twips, GAPS};
use crate::model::{Document, Recipients, Signer, System};

use super::frame::{self, Cell};
use super::props::{centred_line, run, single};

/// The signature block: authority and position lines, room to sign, the name.
fn signature(signer: &Signer, system: System, l: &Layout) -> Vec<Paragraph> {
    let mut ps = Vec::new();
    for (text, is_authority) in signer.title_lines(system) {
        let style = if is_authority {
            &l.signer_authority
        } else {
            &l.signer_position
        };
        ps.push(centred_line(&text, style));
    }
    for _ in 0..l.signature_gap_lines {
        ps.push(
            Paragraph::new()
                .align(AlignmentType::Center)
                .line_spacing(single(Twips(0), Twips(0)))
                .size(usize::from(l.signer_name.size.preferred.0)),
        );
    }
    ps.push(centred_line(signer.name.trim(), &l.signer_name));
    ps
}

/// "Nơi nhận:" and its lines, flush left.
fn recipients(r: &Recipients, system: System, l: &Layout) -> Vec<Paragraph> {
    let left = |text: &str, style| {
        Paragraph::new()
            .align(AlignmentType::Left)
            .line_spacing(single(Twips(0), Twips(0)))
            .add_run(run(text, style))
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

/// The signature and Nơi nhận table.
pub(super) fn footer_table(doc: &Document, l: &Layout) -> Table {
    let widths = [l.columns.left, l.columns.right];
    let recips = recipients(&doc.recipients, doc.system, l);
    let gap = |mut ps: Vec<Paragraph>, before: Twips| {
        if let Some(first) = ps.first_mut() {
            let p = std::mem::take(first);
            let spacing = p
                .property
                .line_spacing
                .clone()
                .unwrap_or_else(|| single(Twips(0), Twips(0)));
            *first = p.line_spacing(spacing.before(u32::try_from(before.0).unwrap_or(0)));
        }
        ps
    };
    let rows = match doc.signers.as_slice() {
        // The lead body (chủ trì, listed first) signs on the right, the co-issuer on the left
        // (spec §4: common practice; the original Kiên Giang plan is laid out this way).
        [lead, co] => {
            let (a, b) = (co, lead);
            let half = Twips((widths[0].0 + widths[1].0) / 2);
            let other = Twips(widths[0].0 + widths[1].0 - half.0);
            let sig_widths = [half, other];
            let signatures = frame::row(
                vec![
                    Cell {
                        width: half,
                        paragraphs: gap(signature(a, doc.system, l), GAPS.before_signature),
                    },
                    Cell {
                        width: other,
                        paragraphs: gap(signature(b, doc.system, l), GAPS.before_signature),
                    },
                ],
                true,
            );
            let recipients_row = frame::row(
                vec![
                    Cell {
                        width: half,
                        paragraphs: gap(recips, GAPS.before_joint_recipients),
                    },
                    Cell {
                        width: other,
                        paragraphs: vec![],
                    },
                ],
                false,
            );
            return frame::table(&sig_widths, vec![signatures, recipients_row]);
        }
        [one, ..] => signature(one, doc.system, l),
        [] => vec![],
    };
    let row = frame::row(
        vec![
            Cell {
                width: widths[0],
                paragraphs: gap(recips, GAPS.before_signature),
            },
            Cell {
                width: widths[1],
                paragraphs: gap(rows, GAPS.before_signature),
            },
        ],
        true,
    );
    frame::table(&widths, vec![row])
}
