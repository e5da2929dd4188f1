//! Page 1 header (phần đầu văn bản): a borderless two-column table. Left (Ô 2, 3): cơ quan
//! chủ quản, cơ quan ban hành with its short line (state) or "*" (Party), số ký hiệu,
//! trích yếu of a công văn, urgency and secrecy marks. Right (Ô 1, 4): quốc hiệu and tiêu
//! ngữ with its full-length line (state) or "ĐẢNG CỘNG SẢN VIỆT NAM" with its line (Party),
//! then địa danh and ngày tháng in italics.

use docx_rs::{AlignmentType, Paragraph, Table};

use crate::layout::{Layout, Twips, GAPS};
use crate::model::{Document, Issuer, System};

use super::frame::{self, Cell};
use super::props::{centred_line, printed_width, rule, run, short_rule, single};

/// Quốc hiệu (NĐ 30).
pub const NATIONAL_TITLE: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
/// Tiêu ngữ (NĐ 30): hyphens with spaces.
pub const MOTTO: &str = "Độc lập - Tự do - Hạnh phúc";
/// Tiêu đề of Party documents (HD 36).
pub const PARTY_TITLE: &str = "ĐẢNG CỘNG SẢN VIỆT NAM";
/// Prefix of a state công văn's trích yếu.
pub const SUBJECT_PREFIX: &str = "V/v ";

/// The lines of the issuer block: (text, is the issuing body). A joint document stacks its
/// bodies; a superior shared by both is printed once and the stacked names are joined by
/// " -" as in "BAN DÂN VẬN TỈNH ỦY - / BAN CÁN SỰ ĐẢNG UBND TỈNH" (spec §4).
fn issuer_lines(issuers: &[Issuer]) -> Vec<(String, bool)> {
    let mut out: Vec<(String, bool)> = Vec::new();
    let mut last_superior: Option<&str> = None;
    for (i, issuer) in issuers.iter().enumerate() {
        let superior = issuer
            .superior
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty());
        let shared =
            i > 0 && superior.is_some() && superior == last_superior || i > 0 && superior.is_none();
        if shared {
            if let Some((prev, true)) = out.last_mut() {
                prev.push_str(" -");
            }
        }
        if let Some(s) = superior {
            if last_superior != Some(s) {
                out.push((s.to_string(), false));
            }
            last_superior = Some(s);
        }
        out.push((issuer.name.trim().to_string(), true));
    }
    out
}

fn left_top(doc: &Document, l: &Layout) -> Vec<Paragraph> {
    let room = l.columns.left;
    let mut ps = Vec::new();
    let mut widest_body = Twips(0);
    for (text, is_body) in issuer_lines(&doc.issuers) {
        let style = if is_body {
            &l.issuing_body
        } else {
            &l.superior_body
        };
        if is_body {
            widest_body = widest_body.max(printed_width(&text, style));
        }
        ps.push(centred_line(&text, style));
    }
    match doc.system {
        System::State => ps.push(short_rule(widest_body, room)),
        System::Party => {
            let mut star = l.issuing_body;
            star.bold = false;
            ps.push(centred_line("*", &star));
        }
    }
    ps
}

fn left_bottom(doc: &Document, l: &Layout) -> Vec<Paragraph> {
    let mut ps = vec![centred_line(&doc.number_line(), &l.number)
        .line_spacing(single(GAPS.under_number, Twips(0)))];
    if doc.doc_type.is_cong_van() && !doc.subject.trim().is_empty() {
        let subject = match doc.system {
            System::State => format!("{SUBJECT_PREFIX}{}", doc.subject.trim()),
            System::Party => doc.subject.trim().to_string(),
        };
        ps.push(
            Paragraph::new()
                .align(AlignmentType::Center)
                .line_spacing(single(GAPS.under_number, Twips(0)))
                .add_run(run(&subject, &l.cong_van_subject)),
        );
    }
    for mark in [
        doc.secrecy.map(|s| s.label()),
        doc.urgency.map(|u| u.label()),
    ]
    .into_iter()
    .flatten()
    {
        ps.push(
            Paragraph::new()
                .align(AlignmentType::Center)
                .line_spacing(single(GAPS.under_number, Twips(0)))
                .add_run(run(mark, &l.mark)),
        );
    }
    ps
}

fn right_top(doc: &Document, l: &Layout) -> Vec<Paragraph> {
    let room = l.columns.right;
    match doc.system {
        System::State => vec![
            centred_line(NATIONAL_TITLE, &l.national_title),
            centred_line(MOTTO, &l.motto),
            rule(printed_width(MOTTO, &l.motto), room),
        ],
        System::Party => vec![
            centred_line(PARTY_TITLE, &l.national_title),
            rule(printed_width(PARTY_TITLE, &l.national_title), room),
        ],
    }
}

fn place_date(doc: &Document, l: &Layout) -> Paragraph {
    centred_line(&doc.place_date.render(doc.system), &l.place_date)
}

/// The header table of page 1. State: the số and the date share the second row, on one
/// line (Ô 3 and Ô 4). Party: the date follows the tiêu đề's line.
pub(super) fn header_table(doc: &Document, l: &Layout) -> Table {
    let widths = [l.columns.left, l.columns.right];
    let mut right = right_top(doc, l);
    let date_row_right = match doc.system {
        // Same space above as the số, so both sit on one line (Ô 3 and Ô 4).
        System::State => vec![place_date(doc, l).line_spacing(single(GAPS.under_number, Twips(0)))],
        System::Party => {
            right.push(place_date(doc, l).line_spacing(single(GAPS.under_number, Twips(0))));
            vec![]
        }
    };
    let rows = vec![
        frame::row(
            vec![
                Cell {
                    width: widths[0],
                    paragraphs: left_top(doc, l),
                },
                Cell {
                    width: widths[1],
                    paragraphs: right,
                },
            ],
            false,
        ),
        frame::row(
            vec![
                Cell {
                    width: widths[0],
                    paragraphs: left_bottom(doc, l),
                },
                Cell {
                    width: widths[1],
                    paragraphs: date_row_right,
                },
            ],
            false,
        ),
    ];
    frame::table(&widths, rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn issuer(superior: Option<&str>, name: &str) -> Issuer {
        Issuer {
            superior: superior.map(Into::into),
            name: name.into(),
            abbr: "X".into(),
            system: None,
        }
    }

    #[test]
    fn a_shared_superior_is_printed_once() {
        let lines = issuer_lines(&[
            issuer(Some("TỈNH ỦY KIÊN GIANG"), "BAN DÂN VẬN"),
            issuer(Some("TỈNH ỦY KIÊN GIANG"), "BAN CÁN SỰ ĐẢNG UBND TỈNH"),
        ]);
        assert_eq!(
            lines,
            vec![
                ("TỈNH ỦY KIÊN GIANG".to_string(), false),
                ("BAN DÂN VẬN -".to_string(), true),
                ("BAN CÁN SỰ ĐẢNG UBND TỈNH".to_string(), true),
            ]
        );
    }

    #[test]
    fn different_superiors_are_each_printed() {
        let lines = issuer_lines(&[
            issuer(Some("HUYỆN TÂY SƠN"), "ỦY BAN NHÂN DÂN"),
            issuer(Some("HUYỆN ỦY TÂY SƠN"), "BAN DÂN VẬN"),
        ]);
        assert_eq!(lines.len(), 4);
        assert!(!lines[0].1 && lines[1].1 && !lines[2].1 && lines[3].1);
    }
}
