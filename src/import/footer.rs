//! The footer of an imported document (phần cuối): signature blocks (quyền hạn, chức vụ,
//! họ tên) and Nơi nhận with its Lưu line.

use std::collections::BTreeMap;
use std::ops::Not;

use crate::check::view::View;
use crate::layout::ARCHIVE_OFFICE;
use crate::model::{
    text, unit_after_archive_stop, Authority, AuthorityLine, Recipients, Signer, System,
};

use super::header::line;
use super::report::{EntryKind, ImportReport};

/// "TM. ỦY BAN NHÂN DÂN" → (TM, "ỦY BAN NHÂN DÂN"); `None` for a line with no mark.
fn authority_line(s: &str) -> Option<(Authority, String)> {
    let s = s.trim();
    for mark in ["TUQ.", "TM.", "KT.", "TL.", "Q.", "T/M", "K/T", "T/L"] {
        let head = s.get(..mark.len()).unwrap_or("");
        if head.eq_ignore_ascii_case(mark) {
            let rest = s[mark.len()..].trim();
            if rest.is_empty() && mark != "Q." {
                return None;
            }
            return Authority::from_mark(mark).map(|a| (a, rest.to_string()));
        }
    }
    let (mark, rest) = dotless_mark(s)?;
    Authority::from_mark(&format!("{mark}.")).map(|a| (a, rest.to_string()))
}

/// A state authority mark typed without its dot ("KT  GIÁM ĐỐC"): the mark and the title
/// after it, in capitals.
fn dotless_mark(s: &str) -> Option<(&'static str, &str)> {
    ["TUQ", "TM", "KT", "TL"].into_iter().find_map(|mark| {
        let rest = s.strip_prefix(mark)?;
        let title = rest.trim_start();
        (rest.starts_with(char::is_whitespace) && !title.is_empty() && title == text::upper(title))
            .then_some((mark, title))
    })
}

/// A line a signature block may carry that the draft does not hold: "(Đã ký)", "(Ký tên,
/// đóng dấu)", "(ký)".
fn is_annotation(s: &str) -> bool {
    let t = s.trim();
    t.starts_with('(') && t.ends_with(')')
}

/// Reads one signature block from its lines (view positions).
pub(super) fn signer(view: &View, block: &[usize], report: &mut ImportReport) -> Signer {
    let mut lines: Vec<(usize, String)> = Vec::new();
    for &i in block {
        let l = line(view, i);
        if l.is_empty() {
            continue;
        }
        if is_annotation(&l) {
            report.add(
                EntryKind::Omitted,
                Some(view.paras[i].index),
                &l,
                "dòng ghi chú trong khối chữ ký không có trong bản thảo, đã bỏ",
            );
            continue;
        }
        if let Some((mark, _)) = dotless_mark(&l) {
            report.add(
                EntryKind::Changed,
                Some(view.paras[i].index),
                &l,
                &format!(
                    "quyền hạn ký gõ «{mark}» không có dấu chấm; bản thảo in «{mark}.» (NĐ 30)"
                ),
            );
        }
        lines.push((i, l));
    }
    let name = if lines.len() >= 2 {
        lines.pop().map(|(_, l)| l).unwrap_or_default()
    } else {
        String::new()
    };
    for (i, l) in titles_below_room(view, &mut lines) {
        report.add(
            EntryKind::Review,
            Some(view.paras[i].index),
            &l,
            "dòng chức danh thứ hai, in giữa chỗ ký và họ tên: khối chữ ký của bản thảo chỉ có một dòng chức vụ nên không in dòng này; thêm lại nếu cần",
        );
    }
    let mut s = Signer::default();
    let mut titles = lines.into_iter().map(|(_, l)| l).collect::<Vec<_>>();
    if name.is_empty() {
        report.add(
            EntryKind::Missing,
            block.first().map(|&i| view.paras[i].index),
            &titles.join(" / "),
            "khối chữ ký không có họ tên người ký; đã điền \"...\"",
        );
    }
    s.name = if name.is_empty() { "...".into() } else { name };
    // A role written in thường over two lines ("Giảng viên" / "chủ nhiệm lớp") is one
    // position, not an on-behalf line over a position.
    if titles.len() >= 2
        && titles.iter().all(|t| authority_line(t).is_none())
        && titles.iter().any(|t| text_upper_differs(t))
    {
        titles = vec![titles.join(" ")];
    }
    let position = titles.pop();
    match titles.first().cloned() {
        None => match position.as_deref().and_then(authority_line) {
            Some((Authority::Q, rest)) => {
                s.authority = Some(Authority::Q);
                s.position = rest;
            }
            Some((a, rest)) => {
                s.authority = Some(a);
                s.position = rest;
            }
            None => s.position = position.unwrap_or_default(),
        },
        Some(first) => {
            match authority_line(&first) {
                Some((a, rest)) => {
                    s.authority = Some(a);
                    s.on_behalf = Some(rest);
                }
                None => s.on_behalf = Some(first),
            }
            for extra in titles.iter().skip(1) {
                match authority_line(extra) {
                    Some((authority, on_behalf)) if s.authority.is_some() => {
                        s.stacked.push(AuthorityLine {
                            authority,
                            on_behalf,
                        });
                    }
                    _ => {
                        // A title of several lines: join it to the line above.
                        match s.stacked.last_mut() {
                            Some(l) => {
                                l.on_behalf.push(' ');
                                l.on_behalf.push_str(extra);
                            }
                            None => {
                                let o = s.on_behalf.get_or_insert_with(String::new);
                                o.push(' ');
                                o.push_str(extra);
                            }
                        }
                    }
                }
            }
            s.position = position.unwrap_or_default();
        }
    }
    if s.position.trim().is_empty() {
        s.position = "...".into();
        report.add(
            EntryKind::Missing,
            block.first().map(|&i| view.paras[i].index),
            "",
            "khối chữ ký không có chức vụ người ký; đã điền \"...\"",
        );
    }
    s
}

/// How many blank paragraphs, at the least, make the room to sign (khoảng ký) between the
/// title lines and the name.
const SIGNING_ROOM_BLANKS: usize = 2;

/// The title lines typed under the room to sign, above the name, after titles above it
/// ("TM. BAN CHỈ ĐẠO" / "PHÓ TRƯỞNG BAN" / room / "PHÓ CHỦ TỊCH UBND TỈNH" / name: the
/// signer's post in another body). The position is the line above the room; these lines are
/// taken out of `lines` (the block's text lines, name removed) and returned, for the report:
/// a [`Signer`] has one position line and no place for them.
fn titles_below_room(view: &View, lines: &mut Vec<(usize, String)>) -> Vec<(usize, String)> {
    let column = |i: usize| view.paras[i].cell.map(|c| (c.table, c.col));
    let blanks_between = |a: usize, b: usize| {
        (a + 1..b)
            .filter(|&j| view.paras[j].is_blank() && column(j) == column(a))
            .count()
    };
    let room = (1..lines.len())
        .find(|&k| blanks_between(lines[k - 1].0, lines[k].0) >= SIGNING_ROOM_BLANKS);
    match room {
        Some(k) => lines.split_off(k),
        None => Vec::new(),
    }
}

/// Whether `s` looks like a person's name (họ tên): two to six words, each starting with a
/// capital, no digits, no end punctuation.
fn looks_like_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (2..=6).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !s
            .chars()
            .any(|c| c.is_ascii_digit() || matches!(c, ':' | ';' | ',' | '(' | '/'))
        && !s.ends_with('.')
        && text_upper_differs(s)
}

/// A name is written in mixed case, a title in capitals.
fn text_upper_differs(s: &str) -> bool {
    crate::model::text::upper(s) != s
}

/// The signature blocks: the recognised ones, then blocks in the footer table the
/// recognition left unnamed (the second body's block of a joint document); a block whose
/// name stands below the table gets it back; blocks past the `most` a draft of its template
/// holds are reported. Returns the signers and the view positions read beyond the recognised
/// parts. Without a block, `unsigned` (the text attached to a decision, which Mẫu 1.3 leaves
/// unsigned) gives no signer; otherwise a blank one.
pub(super) fn signers(
    view: &View,
    claimed: &[bool],
    unsigned: bool,
    most: usize,
    report: &mut ImportReport,
) -> (Vec<Signer>, Vec<usize>) {
    let parts = &view.parts;
    let mut used = Vec::new();
    let mut blocks: Vec<Vec<usize>> = parts.chu_ky.clone();
    let footer_table = parts
        .chu_ky
        .iter()
        .flatten()
        .chain(parts.noi_nhan.iter())
        .find_map(|&i| view.paras[i].cell.map(|c| c.table));
    if let Some(table) = footer_table {
        let mut extra: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
        for (i, p) in view.paras.iter().enumerate() {
            if claimed[i] || p.is_blank() {
                continue;
            }
            if let Some(c) = p.cell.filter(|c| c.table == table) {
                extra.entry((c.col, c.row)).or_default().push(i);
            }
        }
        // One block per column.
        let mut by_col: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for ((col, _), v) in extra {
            by_col.entry(col).or_default().extend(v);
        }
        for b in by_col.into_values() {
            used.extend(b.iter().copied());
            if b.len() >= 2 {
                blocks.push(b);
            } else {
                for &i in &b {
                    report.add(
                        EntryKind::Omitted,
                        Some(view.paras[i].index),
                        &view.paras[i].text,
                        "dòng lẻ trong bảng chữ ký không thuộc thành phần nào, đã bỏ",
                    );
                }
            }
        }
    }
    // A block of titles only: the name typed below the table.
    for b in &mut blocks {
        let lines = b.iter().filter(|&&i| !view.paras[i].is_blank()).count();
        let Some(&last) = b.iter().max() else {
            continue;
        };
        if lines >= 2 && !b.iter().all(|&i| text_upper_differs(&line(view, i)).not()) {
            continue;
        }
        let next = (last + 1..view.paras.len())
            .find(|&i| !view.paras[i].is_blank() && !claimed[i] && !used.contains(&i));
        if let Some(i) = next.filter(|&i| looks_like_name(&line(view, i))) {
            b.push(i);
            used.push(i);
        }
    }
    // Side by side, the first signer is the one on the right (the lead body of a joint
    // document, the chủ tọa of a biên bản): blocks of one table, rightmost column first.
    let place = |b: &Vec<usize>| {
        b.iter()
            .find_map(|&i| view.paras[i].cell)
            .map(|c| (c.table, c.col))
    };
    blocks.sort_by(|a, b| match (place(a), place(b)) {
        (Some((ta, ca)), Some((tb, cb))) if ta == tb => cb.cmp(&ca),
        _ => std::cmp::Ordering::Equal,
    });
    if blocks.len() > most {
        let why =
            format!("bản thảo loại này có tối đa {most} người ký; khối chữ ký này không nhập được");
        for b in &blocks[most..] {
            for &i in b {
                report.add(
                    EntryKind::Omitted,
                    Some(view.paras[i].index),
                    &view.paras[i].text,
                    &why,
                );
            }
        }
        blocks.truncate(most);
    }
    let mut out: Vec<Signer> = blocks.iter().map(|b| signer(view, b, report)).collect();
    if out.is_empty() && !unsigned {
        report.add(
            EntryKind::Missing,
            None,
            "",
            "không tìm thấy khối chữ ký; đã điền người ký \"...\"",
        );
        out.push(Signer {
            position: "...".into(),
            name: "...".into(),
            ..Signer::default()
        });
    }
    (out, used)
}

/// Strips the list dash and end punctuation of a recipient line.
fn item_text(s: &str) -> String {
    let s = s.trim();
    let s = s
        .strip_prefix('-')
        .or_else(|| s.strip_prefix('–'))
        .or_else(|| s.strip_prefix('+'))
        .or_else(|| s.strip_prefix('•'))
        .unwrap_or(s)
        .trim();
    s.trim_end_matches([';', ',', '.']).trim().to_string()
}

/// The start of the report entry for an original without a Nơi nhận: "bản gốc không có nơi
/// nhận" (the draft's Lưu line is then Vanban's, not the original's).
pub const NO_RECIPIENTS: &str = "bản gốc không có nơi nhận";

/// Nơi nhận: the items, the electronic-sending line, the Lưu line. Without a Nơi nhận,
/// `optional` (the text attached to a decision: the decision has the Nơi nhận) leaves it
/// empty. Otherwise a state document's Lưu line always starts with the văn thư ("VT"), who
/// keeps every original: it is added, and reported, where the original has no Lưu line or
/// one without "VT"; a Party document's Lưu line, which names an office, is a blank to fill.
pub(super) fn recipients(
    view: &View,
    system: System,
    optional: bool,
    report: &mut ImportReport,
) -> Recipients {
    let parts = &view.parts;
    let mut r = Recipients::default();
    // The lines: items typed on the heading's own line ("Nơi nhận: - Như trên;", or all of
    // them after soft line breaks the view keeps in one paragraph when one is long), then
    // the item paragraphs.
    let mut lines: Vec<String> = Vec::new();
    if let Some(h) = parts.noi_nhan {
        let head = text::nfc(&view.paras[h].text);
        if let Some((_, rest)) = head.split_once(':') {
            lines.extend(rest.split('\n').map(text::squash_spaces));
        }
    }
    lines.extend(parts.noi_nhan_items.iter().map(|&i| line(view, i)));
    let mut prev = String::new();
    for l in lines {
        if l.is_empty() {
            continue;
        }
        let prev = std::mem::replace(&mut prev, l.clone());
        if l.starts_with(Recipients::ELECTRONIC.trim_end_matches(':')) {
            r.electronic = true;
            continue;
        }
        // A "+" sub-line ("- Gửi:" / "+ Bản giấy: …") or a line that wraps an item onto the
        // next line without a dash belongs to the item above it.
        let wraps = crate::model::text::list_item_wraps(&prev, &l);
        if l.starts_with('+') || wraps {
            if let Some(last) = r.items.last_mut() {
                let more = item_text(&l);
                if !more.is_empty() {
                    // The comma the item's first line ended with stays inside it.
                    if wraps && prev.trim_end().ends_with(',') {
                        last.push(',');
                    }
                    last.push(' ');
                    last.push_str(&more);
                }
                continue;
            }
        }
        let t = item_text(&l);
        let archive = t
            .strip_prefix("Lưu:")
            .or_else(|| t.strip_prefix("Lưu"))
            .or_else(|| t.strip_prefix("LƯU:"))
            .or_else(|| t.strip_prefix("LƯU"));
        match archive {
            Some(a) => r.archive = a.trim_start_matches(':').trim().to_string(),
            None if !t.is_empty() => r.items.push(t),
            None => {}
        }
    }
    let at = parts.noi_nhan.map(|i| view.paras[i].index);
    if parts.noi_nhan.is_none() && r.items.is_empty() && r.archive.trim().is_empty() {
        if optional {
            return r;
        }
        // No Nơi nhận at all (a thông cáo, a biên bản, a schedule): the recipients are for a
        // person to name; the văn thư's copy is not.
        match system {
            System::State => {
                report.add(
                    EntryKind::Missing,
                    None,
                    "",
                    &format!(
                        "{NO_RECIPIENTS}; đã điền dòng «- Lưu: {ARCHIVE_OFFICE}.» (văn thư lưu \
                         bản gốc), cần bổ sung nơi nhận và đơn vị soạn thảo"
                    ),
                );
                r.archive = ARCHIVE_OFFICE.into();
            }
            System::Party => {
                report.add(
                    EntryKind::Missing,
                    None,
                    "",
                    &format!("{NO_RECIPIENTS}; đã để trống dòng \"Lưu\" (...)"),
                );
                r.archive = "...".into();
            }
        }
    } else if r.archive.trim().is_empty() {
        report.add(
            EntryKind::Missing,
            at,
            "",
            &format!("Nơi nhận không có dòng \"Lưu\"; đã điền \"{ARCHIVE_OFFICE}\""),
        );
        r.archive = ARCHIVE_OFFICE.into();
    } else if system == System::State {
        let typed = r.archive.clone();
        let (fixed, why) = if !starts_with_archive_office(&typed) {
            (
                format!("{ARCHIVE_OFFICE}, {typed}"),
                format!("dòng \"Lưu\" không có \"{ARCHIVE_OFFICE}\" (văn thư lưu bản gốc)"),
            )
        } else if let Some(unit) = unit_after_archive_stop(&typed) {
            // "Lưu: VT. NC.": a comma parts the văn thư from the drafting unit.
            (
                format!("{ARCHIVE_OFFICE}, {unit}"),
                format!("dòng \"Lưu\": sau \"{ARCHIVE_OFFICE}\" là dấu phẩy"),
            )
        } else {
            return r;
        };
        report.add(
            EntryKind::Changed,
            at,
            &typed,
            &format!("{why}; bản thảo in «- Lưu: {fixed}.»"),
        );
        r.archive = fixed;
    }
    r
}

/// Whether a state Lưu line names the văn thư first ("VT, VP", "VT.NC", "VT").
fn starts_with_archive_office(archive: &str) -> bool {
    archive
        .trim()
        .strip_prefix(ARCHIVE_OFFICE)
        .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authority_marks_of_both_systems() {
        assert_eq!(
            authority_line("TM. ỦY BAN NHÂN DÂN"),
            Some((Authority::Tm, "ỦY BAN NHÂN DÂN".into()))
        );
        assert_eq!(
            authority_line("K/T TRƯỞNG BAN"),
            Some((Authority::Kt, "TRƯỞNG BAN".into()))
        );
        assert_eq!(authority_line("CHỦ TỊCH"), None);
        assert_eq!(
            authority_line("KT  GIÁM ĐỐC"),
            Some((Authority::Kt, "GIÁM ĐỐC".into()))
        );
        assert_eq!(authority_line("KTV Nguyễn Văn A"), None);
        assert_eq!(authority_line("TM Ban chấp hành"), None);
    }

    #[test]
    fn recipient_items_lose_dash_and_punctuation() {
        assert_eq!(item_text("- Như trên;"), "Như trên");
        assert_eq!(item_text("- Các huyện, thành ủy,"), "Các huyện, thành ủy");
    }
}
