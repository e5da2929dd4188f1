//! The text attached to a decision, sent on its own (văn bản ban hành kèm theo quyết định, NĐ
//! 30 Phụ lục III Mẫu 1.3): a Quy chế, Quy định or Điều lệ whose tên loại is followed by
//! "(Ban hành kèm theo Quyết định số … ngày … của …)" and that carries no số or date of its
//! own. It is drafted in the template that declares `issued_by` for its type, and the
//! draft's number and date are read from that line: they are the decision's.

use super::header::{self, NumberLine};
use super::report::{EntryKind, ImportReport};
use crate::check::rules::{is_upper, upper_key};
use crate::check::view::{Element, View};
use crate::layout::ISSUED_WITH;
use crate::model::{text, DecisionWording, IssueDate, System};
use crate::template::{TemplateDef, Templates};

/// The template of the text attached to a decision, when the document is one: its tên loại
/// names the type of a template that declares `issued_by`, and the line under the title
/// cites a document of that issuing type ("… Quyết định số …"). A Quyết định that issues
/// its Quy chế in one file has its own tên loại ("QUYẾT ĐỊNH") and is not one.
pub(super) fn template<'t>(
    view: &View,
    system: System,
    templates: &'t Templates,
) -> Option<&'t TemplateDef> {
    let note = note_text(view)?;
    let title = upper_key(&header::line(view, view.parts.ten_loai?));
    templates.list().iter().find(|t| {
        t.issued_by
            .as_ref()
            .is_some_and(|by| upper_key(&note).contains(&format!("{} SỐ", upper_key(&by.name))))
            && upper_key(&t.doc_type.name) == title
            && t.systems.contains(&system)
    })
}

/// The "(Kèm theo …)" line as printed, with the line that finishes it when it runs over two
/// paragraphs ("… năm 2025" / "của Chủ tịch …)").
pub(super) fn note_text(view: &View) -> Option<String> {
    let a = view.parts.attachment?;
    let mut text = header::line(view, a);
    if let Some(next) = continuation(view) {
        text.push(' ');
        text.push_str(&header::line(view, next));
    }
    Some(text)
}

/// The paragraph that finishes a "(Kèm theo …" line left open, if any: the next one, when it
/// closes the bracket and no part but the body took it.
pub(super) fn continuation(view: &View) -> Option<usize> {
    let a = view.parts.attachment?;
    let first = header::line(view, a);
    if first.contains(')') {
        return None;
    }
    let next = a + 1;
    let text = header::line(view, next.min(view.paras.len().saturating_sub(1)));
    (next < view.paras.len()
        && matches!(view.parts.element_of(next), None | Some(Element::Body))
        && text.trim_end().ends_with(')')
        && text.chars().count() < 120)
        .then_some(next)
}

/// What the report says of the line [`unsigned_tail`] finds.
pub(super) const UNSIGNED_TAIL: &str = "tên cơ quan in hoa sau dấu \"./.\", không có chữ ký và họ \
     tên: văn bản ban hành kèm theo quyết định không cần chữ ký riêng, dòng này không có trong \
     bản thảo (thêm người ký nếu cơ quan ký văn bản này)";

/// The last line of an unsigned attached text that names its body in capitals after the
/// closing "./." ("BAN QUẢN TRỊ SÀN GIAO DỊCH"): an authority line with no signature and no
/// name, which a draft cannot hold as a signer. `claimed` marks what other parts took.
pub(super) fn unsigned_tail(view: &View, claimed: &[bool]) -> Option<usize> {
    let mut lines = (0..view.paras.len())
        .rev()
        .filter(|&i| !view.paras[i].is_blank() && view.paras[i].cell.is_none());
    let last = lines.next()?;
    let before = lines.next()?;
    let text = header::line(view, last);
    (!claimed[last]
        && is_upper(&text)
        && text.chars().count() <= 70
        && header::line(view, before).trim_end().ends_with("/."))
    .then_some(last)
}

/// The office's words in the line under the title, `note` (Mẫu 1.3: "(Kèm theo Quyết định số
/// … ngày … của …)"), where they are not those the draft would print: the lead words before
/// "`decision` số" when not [`ISSUED_WITH`], who issued the decision after "của" when not
/// `computed` (the issuer's name in sentence case). Number and date are the draft's facts.
pub(super) fn wording(note: &str, decision: &str, computed: &str) -> Option<DecisionWording> {
    let note = text::squash_spaces(&text::nfc(&note.replace('\u{a0}', " ")));
    let inner = note
        .trim()
        .trim_start_matches('(')
        .trim_end_matches(')')
        .trim();
    let at = format!(" {} số", decision.to_lowercase());
    let k = inner
        .to_lowercase()
        .find(&at)
        .filter(|&k| inner.is_char_boundary(k))?;
    let lead = inner[..k].trim();
    let rest = &inner[k..];
    let after = rest.find("ngày").map_or(rest, |d| &rest[d..]);
    let by = after.split_once(" của ").map(|(_, by)| by.trim());
    let w = DecisionWording {
        lead: (lead != ISSUED_WITH && !lead.is_empty()).then(|| lead.to_string()),
        by: by
            .filter(|b| *b != computed && !b.is_empty())
            .map(str::to_string),
    };
    (w != DecisionWording::default()).then_some(w)
}

/// The report entry for the "(Kèm theo …)" line: printed again from the draft when
/// `attached` (the document drafted as the text attached to its decision), with the office's
/// words, so reported only when it names no issuer (the draft adds one); else not held by
/// the draft.
pub(super) fn report_note(view: &View, attached: bool, report: &mut ImportReport) {
    let named = note_text(view).is_some_and(|n| n.contains(" của "));
    if let Some(i) = view.parts.attachment {
        let (kind, note) = if attached && named {
            return;
        } else if attached {
            (
                EntryKind::Review,
                "dòng \"(… Quyết định …)\" không ghi cơ quan ban hành quyết định; bản thảo in \
                 thêm \"của\" và tên cơ quan ban hành của bản thảo",
            )
        } else {
            (
                EntryKind::Omitted,
                "dòng \"(Kèm theo …)\" của văn bản ban hành kèm quyết định không có trong bản thảo",
            )
        };
        report.add(kind, Some(view.paras[i].index), &view.paras[i].text, note);
    }
}

/// The number and the date of the decision the line cites: "… Quyết định số 12/QĐ-UBND
/// ngày 05 tháng 02 năm 2024 của …"; a blank number, day or month stays blank.
pub(super) fn citation(note: &str) -> (NumberLine, Option<IssueDate>) {
    let note = note.replace('\u{a0}', " ");
    let after_so = note
        .find(" số ")
        .map(|k| &note[k + " số ".len()..])
        .unwrap_or("");
    let (number, rest) = match after_so.find("ngày") {
        Some(k) => (&after_so[..k], &after_so[k..]),
        None => (after_so, ""),
    };
    let rest = rest.split(" của ").next().unwrap_or(rest);
    let number = header::number_line(&format!("Số: {}", number.trim()));
    let (_, date) = header::place_date(&format!(", {rest}"));
    (number, date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_office_words_of_the_decision_are_kept() {
        let w = wording(
            "(Kèm theo Quyết định số /QĐ-UBND ngày tháng 12 năm 2025 của Chủ tịch Ủy ban \
             nhân dân tỉnh Lâm Đồng)",
            "Quyết định",
            "Ủy ban nhân dân tỉnh Lâm Đồng",
        )
        .unwrap();
        assert_eq!(w.lead.as_deref(), Some("Kèm theo"));
        assert_eq!(
            w.by.as_deref(),
            Some("Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng")
        );
        // Vanban's own line gives nothing to keep.
        let own = "(Ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 05 tháng 02 năm 2024 của \
                   Ủy ban nhân dân tỉnh Lâm Đồng)";
        assert_eq!(
            wording(own, "Quyết định", "Ủy ban nhân dân tỉnh Lâm Đồng"),
            None
        );
    }

    #[test]
    fn the_decision_is_read_from_the_line_under_the_title() {
        let (n, d) = citation(
            "(Kèm theo Quyết định số /QĐ-UBND ngày tháng 12 năm 2025 của Chủ tịch Ủy ban \
             nhân dân tỉnh Lâm Đồng)",
        );
        assert_eq!((n.number, n.symbol.as_str()), (None, "QĐ-UBND"));
        let d = d.unwrap();
        assert_eq!((d.day, d.month, d.year), (None, Some(12), 2025));
        let (n, d) = citation(
            "(Ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 05 tháng 02 năm 2024 của Ủy ban \
             nhân dân tỉnh Lâm Đồng)",
        );
        assert_eq!((n.number, n.symbol.as_str()), (Some(12), "QĐ-UBND"));
        let d = d.unwrap();
        assert_eq!((d.day, d.month, d.year), (Some(5), Some(2), 2024));
    }
}
