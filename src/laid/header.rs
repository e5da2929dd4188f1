//! Page 1 header (phần đầu văn bản): a borderless two-column grid. Left (Ô 2, 3): cơ quan
//! chủ quản, cơ quan ban hành with its short line (state) or "*" (Party), số ký hiệu,
//! trích yếu of a công văn, urgency and secrecy marks. Right (Ô 1, 4): quốc hiệu and tiêu
//! ngữ with its full-length line (state) or the Party tiêu đề with its line, then địa danh
//! and ngày tháng in italics. The left and right columns sit side by side, as on paper.

use crate::layout::{
    Layout, TextStyle, Twips, ADMINISTRATIVE_UNITS, GAPS, ISSUER_BREAK_ALSO_BEFORE, MOTTO,
    NATIONAL_TITLE, PARTY_ISSUER_MARK, PARTY_TITLE, SUBJECT_PREFIX,
};
use crate::model::{Document, Issuer, System};

use super::style::{centred_line, printed_width, rule, run, short_rule};
use super::{Align, Cell, El, Grid, GridKind, Para, Row, Spacing};

/// The lines of the issuer block: (text, is the issuing body). A joint document stacks its
/// bodies; a superior shared by both is printed once and the stacked names are joined by
/// " -" as in "BAN DÂN VẬN TỈNH ỦY - / BAN CÁN SỰ ĐẢNG UBND TỈNH" (spec §4).
pub(super) fn issuer_lines(issuers: &[Issuer]) -> Vec<(String, bool)> {
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

fn left_top(doc: &Document, l: &Layout) -> Vec<Para> {
    let room = l.columns.left;
    let mut ps = Vec::new();
    let mut widest_body = Twips(0);
    for (text, is_body) in issuer_lines(&doc.issuers) {
        let (el, style) = if is_body {
            (El::IssuingBody, &l.issuing_body)
        } else {
            (El::SuperiorBody, &l.superior_body)
        };
        let lines = issuer_breaks(&text, style, room);
        if is_body {
            for line in &lines {
                widest_body = widest_body.max(printed_width(line, style));
            }
        }
        let mut p = centred_line(el, "", style);
        p.runs.clear();
        for (i, line) in lines.iter().enumerate() {
            let mut r = run(line, style);
            r.break_after = i + 1 < lines.len();
            p.runs.push(r);
        }
        ps.push(p);
    }
    match doc.system {
        System::State => ps.push(short_rule(El::IssuingBody, widest_body, room)),
        System::Party => {
            let mut star = l.issuing_body;
            star.bold = false;
            ps.push(centred_line(El::IssuingBody, PARTY_ISSUER_MARK, &star));
        }
    }
    ps
}

/// The lines an issuer name prints on: the lines the user typed ("ỦY BAN NHÂN DÂN\nTỈNH LÂM
/// ĐỒNG"), or, when the name is too wide for its column, the name broken before the last
/// administrative unit ([`ADMINISTRATIVE_UNITS`], [`ISSUER_BREAK_ALSO_BEFORE`]) at which both parts fit; otherwise the name on
/// one line, left for the word processor to wrap.
fn issuer_breaks(text: &str, style: &TextStyle, room: Twips) -> Vec<String> {
    let typed: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    if typed.len() > 1 || printed_width(text, style) <= room {
        return typed;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    (1..words.len())
        .rev()
        .filter(|&k| {
            ADMINISTRATIVE_UNITS
                .iter()
                .chain(&ISSUER_BREAK_ALSO_BEFORE)
                .any(|w| {
                    let n = w.split_whitespace().count();
                    k + n <= words.len()
                        && crate::model::text::upper(&words[k..k + n].join(" ")) == *w
                })
        })
        .map(|k| [words[..k].join(" "), words[k..].join(" ")])
        .find(|[a, b]| printed_width(a, style) <= room && printed_width(b, style) <= room)
        .map_or(typed, |[a, b]| vec![a, b])
}

/// A centred line 6 pt under the one above (the số, the trích yếu and the marks under it).
fn under_number(el: El, text: &str, style: &crate::layout::TextStyle) -> Para {
    let mut p = Para::new(el);
    p.align = Some(Align::Center);
    p.spacing = Some(Spacing::single(GAPS.under_number, Twips(0)));
    p.runs.push(run(text, style));
    p
}

fn left_bottom(doc: &Document, l: &Layout) -> Vec<Para> {
    let mut ps = Vec::new();
    // The text attached to a decision has no số of its own (Mẫu 1.3).
    if !doc.is_attached() {
        let mut number = centred_line(El::Number, &doc.number_line(), &l.number);
        number.spacing = Some(Spacing::single(GAPS.under_number, Twips(0)));
        ps.push(number);
    }
    if doc.doc_type.is_cong_van() && !doc.subject.trim().is_empty() {
        let subject = match doc.system {
            System::State => format!("{SUBJECT_PREFIX}{}", doc.subject.trim()),
            System::Party => doc.subject.trim().to_string(),
        };
        ps.push(under_number(El::Subject, &subject, &l.cong_van_subject));
    }
    for mark in [
        doc.secrecy.map(|s| s.label()),
        doc.urgency.map(|u| u.label()),
    ]
    .into_iter()
    .flatten()
    {
        ps.push(under_number(El::Mark, mark, &l.mark));
    }
    ps
}

fn right_top(doc: &Document, l: &Layout) -> Vec<Para> {
    let room = l.columns.right;
    match doc.system {
        System::State => vec![
            centred_line(El::NationalTitle, NATIONAL_TITLE, &l.national_title),
            centred_line(El::Motto, MOTTO, &l.motto),
            rule(El::Motto, printed_width(MOTTO, &l.motto), room),
        ],
        System::Party => vec![
            centred_line(El::PartyTitle, PARTY_TITLE, &l.national_title),
            rule(
                El::PartyTitle,
                printed_width(PARTY_TITLE, &l.national_title),
                room,
            ),
        ],
    }
}

fn place_date(doc: &Document, l: &Layout) -> Para {
    let mut p = centred_line(
        El::PlaceDate,
        &doc.place_date.render(doc.system),
        &l.place_date,
    );
    // Same space above as the số, so both sit on one line (Ô 3 and Ô 4).
    p.spacing = Some(Spacing::single(GAPS.under_number, Twips(0)));
    p
}

/// The header grid of page 1. State: the số and the date share the second row, on one line
/// (Ô 3 and Ô 4). Party: the date follows the tiêu đề's line. The text attached to a decision
/// prints neither (Mẫu 1.3): its second row holds only the marks, if any.
pub(super) fn grid(doc: &Document, l: &Layout) -> Grid {
    let widths = [l.columns.left, l.columns.right];
    let mut right = right_top(doc, l);
    let date_row_right = match doc.system {
        _ if doc.is_attached() => vec![],
        System::State => vec![place_date(doc, l)],
        System::Party => {
            right.push(place_date(doc, l));
            vec![]
        }
    };
    let row = |left: Vec<Para>, right: Vec<Para>| Row {
        cells: vec![Cell::new(widths[0], left), Cell::new(widths[1], right)],
        cant_split: false,
        header: false,
    };
    let mut rows = vec![row(left_top(doc, l), right)];
    let bottom = left_bottom(doc, l);
    if !bottom.is_empty() || !date_row_right.is_empty() {
        rows.push(row(bottom, date_row_right));
    }
    Grid {
        kind: GridKind::Header,
        columns: widths.to_vec(),
        rows,
    }
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

    #[test]
    fn a_name_too_wide_breaks_before_its_administrative_unit() {
        let l = crate::layout::layout(System::State);
        let room = l.columns.left;
        let style = &l.issuing_body;
        assert_eq!(
            issuer_breaks("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", style, room),
            ["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"]
        );
        assert_eq!(
            issuer_breaks("Ủy ban nhân dân thành phố Hồ Chí Minh", style, room),
            ["Ủy ban nhân dân", "thành phố Hồ Chí Minh"]
        );
        // Short enough: one line. Typed lines are kept as typed.
        assert_eq!(issuer_breaks("SỞ NỘI VỤ", style, room), ["SỞ NỘI VỤ"]);
        assert_eq!(
            issuer_breaks("VĂN PHÒNG\nỦY BAN NHÂN DÂN TỈNH", style, room),
            ["VĂN PHÒNG", "ỦY BAN NHÂN DÂN TỈNH"]
        );
    }
}
