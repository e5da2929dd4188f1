//! What stands outside the header, body and footer of a decision on the printed page, and
//! where the draft puts it: an appendix after the signature that has no "Phụ lục" line (a
//! "DANH SÁCH" with its title and "(Kèm theo …)"), the header block (issuing body, quốc
//! hiệu) printed again over the text the decision issues, and a line set between the header
//! and the tên loại (a greeting such as "CHÚC MỪNG NĂM MỚI").

use super::header;
use super::inline::{self, pieces, Piece};
use super::report::{EntryKind, ImportReport};
use crate::check::recognize::{doc_type_by_title, is_quoc_hieu};
use crate::check::rules::{is_upper, upper_key};
use crate::check::view::{Align, View};
use crate::layout::{APPENDIX_WORD, ATTACHED_TO, ISSUED_WITH};
use crate::model::Block;

/// How many title lines an appendix without a "Phụ lục" line may have above its "(Kèm theo
/// …)" line.
const MAX_TITLE_LINES: usize = 3;

/// How many paragraphs a "(Kèm theo …)" or "(Ban hành kèm theo …)" line may run over.
const MAX_NOTE_LINES: usize = 3;

/// The last paragraph of the footer: signature blocks and Nơi nhận.
fn footer_end(view: &View) -> Option<usize> {
    let p = &view.parts;
    p.chu_ky
        .iter()
        .flatten()
        .chain(p.noi_nhan_items.iter())
        .chain(p.noi_nhan.iter())
        .copied()
        .max()
}

/// The next paragraph at or after `i` that is not blank.
fn next_text(view: &View, i: usize) -> Option<usize> {
    (i..view.paras.len()).find(|&j| !view.paras[j].is_blank())
}

/// The paragraphs of a note in brackets starting at `i` ("(Kèm theo Quyết định số …" and
/// the line that closes it), when paragraph `i` starts with `(` + one of `starts`.
fn note_lines(view: &View, i: usize, starts: &[&str]) -> Option<Vec<usize>> {
    let first = header::line(view, i);
    if view.paras[i].cell.is_some() || !starts.iter().any(|s| first.starts_with(&format!("({s}"))) {
        return None;
    }
    let mut lines = vec![i];
    let mut j = i;
    while !header::line(view, j).trim_end().ends_with(')') && lines.len() < MAX_NOTE_LINES {
        j = next_text(view, j + 1)?;
        if view.paras[j].cell.is_some() || view.paras[j].align != Align::Center {
            break;
        }
        lines.push(j);
    }
    Some(lines)
}

/// An appendix after the signature typed without a "Phụ lục" line: at paragraph `i`, one to
/// three centred title lines, the first in capitals ("DANH SÁCH" / "Hội đồng cấp tỉnh …"),
/// then "(Kèm theo …)", or "(Ban hành kèm theo …)" under a list's title ("DANH SÁCH",
/// "DANH MỤC", "BẢNG"). Returns the title paragraphs and the note's paragraphs. What the
/// original prints is the Phụ lục NĐ 30 describes, but for its label line.
pub(super) fn unheaded_appendix(view: &View, i: usize) -> Option<(Vec<usize>, Vec<usize>)> {
    if footer_end(view).is_none_or(|end| i <= end) {
        return None;
    }
    let centred_line = |j: usize| {
        let p = &view.paras[j];
        p.cell.is_none() && p.align == Align::Center && !header::line(view, j).starts_with('(')
    };
    // The first title line, not one under a "Phụ lục" line or another title line.
    let prev = (0..i).rev().find(|&j| !view.paras[j].is_blank());
    if !centred_line(i) || !is_upper(&view.paras[i].text) || prev.is_some_and(centred_line) {
        return None;
    }
    // A "PHỤ LỤC 1" line is the label itself: the body's Phụ lục reading takes it.
    if upper_key(&header::line(view, i)).starts_with(&upper_key(APPENDIX_WORD)) {
        return None;
    }
    let mut titles = vec![i];
    let mut j = next_text(view, i + 1)?;
    while titles.len() < MAX_TITLE_LINES && centred_line(j) {
        titles.push(j);
        j = next_text(view, j + 1)?;
    }
    // A list's title ("DANH SÁCH …") may carry "(Ban hành kèm theo Quyết định số …)"; a
    // Quy định's does so as the text the decision issues, which is no appendix.
    let starts: &[&str] = if is_list_title(&header::line(view, i)) {
        &[ATTACHED_TO, ISSUED_WITH]
    } else {
        &[ATTACHED_TO]
    };
    let note = note_lines(view, j, starts)?;
    // Attached to this document ("(Kèm theo Quyết định số …", or with the number left blank,
    // "(Kèm theo Thông báo      /TB-ĐT …"), whose line Vanban computes; not to something
    // else ("(Kèm theo hồ sơ đề nghị …)", a form's).
    cites_this_document(view, &header::line(view, note[0])).then_some((titles, note))
}

/// The first words of a list's title (danh sách, danh mục, bảng), in capitals.
const LIST_TITLES: [&str; 3] = ["DANH SÁCH", "DANH MỤC", "BẢNG"];

/// Whether `title` opens with the words of a list's title ("DANH SÁCH", "DANH MỤC",
/// "BẢNG"), a whole word each: an appendix's title, never a tên loại.
fn is_list_title(title: &str) -> bool {
    let key = upper_key(title.trim());
    LIST_TITLES.iter().any(|w| {
        let w = upper_key(w);
        key.strip_prefix(&w)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(char::is_whitespace))
    })
}

/// Whether a "(Kèm theo …)" line names this document: its type's name followed by "số",
/// or by the number or its blank ("Thông báo      /TB-ĐT").
fn cites_this_document(view: &View, note: &str) -> bool {
    let Some(doc_type) = view.doc_type.as_ref() else {
        return false;
    };
    let name = upper_key(&doc_type.name);
    let note = upper_key(note);
    note.match_indices(&name).any(|(k, _)| {
        let after = note[k + name.len()..].trim_start();
        after.starts_with("SỐ")
            || after.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '/' | '.' | '…'))
    })
}

/// The [`Block::Appendix`] of an [`unheaded_appendix`] starting at position `k` of `body`:
/// its title lines joined into one title, its "(Kèm theo …)" computed again (reported);
/// with how many positions it takes.
pub(super) fn appendix_block(
    view: &View,
    body: &[usize],
    k: usize,
    report: &mut ImportReport,
) -> Option<(Block, usize)> {
    let (titles, note) = unheaded_appendix(view, *body.get(k)?)?;
    let last = *note.last()?;
    let used = body[k..].iter().position(|&j| j == last)? + 1;
    let mut pc = Vec::new();
    for &t in &titles {
        if !pc.is_empty() {
            pc.push(Piece::Char(' ', false, false));
        }
        pc.extend(pieces(&view.paras[t], &[]));
    }
    let first = &view.paras[titles[0]];
    report.add(
        EntryKind::Review,
        Some(first.index),
        &first.text,
        "phụ lục sau chữ ký không có dòng \"Phụ lục\": nhập thành phụ lục của bản thảo, in thêm dòng \"Phụ lục\"; dòng \"(Kèm theo …)\" do Vanban tính lại từ số, ngày và cơ quan ban hành",
    );
    Some((Block::appendix(inline::inline(&pc, false)), used))
}

/// Whether paragraph `i` stands in the header block printed again over a text the decision
/// issues (Mẫu 1.3: "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH" | "CỘNG HÒA XÃ HỘI …" after the
/// signature, then "QUY ĐỊNH", its title and "(Ban hành kèm theo …)"). The draft prints the
/// issued text under its tên loại and title only, so this block has no place in it.
pub(super) fn issued_text_header(view: &View, i: usize) -> bool {
    let Some(table) = view.paras[i].cell.map(|c| c.table) else {
        return false;
    };
    if footer_end(view).is_none_or(|end| i <= end) {
        return false;
    }
    let in_table = |j: usize| view.paras[j].cell.is_some_and(|c| c.table == table);
    let cells: Vec<usize> = (0..view.paras.len()).filter(|&j| in_table(j)).collect();
    let has_quoc_hieu = cells
        .iter()
        .any(|&j| is_quoc_hieu(&upper_key(&header::line(view, j))));
    let Some(&last) = cells.last() else {
        return false;
    };
    if !has_quoc_hieu || cells.len() > 12 {
        return false;
    }
    let Some(name) = next_text(view, last + 1) else {
        return false;
    };
    // Over an appendix without its "Phụ lục" line ("DANH SÁCH …" / "(Kèm theo Thông báo …)",
    // VKU Đà Nẵng, 2023), the header printed again has no place in the draft either.
    if unheaded_appendix(view, name).is_some() {
        return true;
    }
    let named = view.paras[name].cell.is_none()
        && doc_type_by_title(&header::line(view, name)).is_some_and(|t| !t.is_cong_van());
    named
        && (name + 1..view.paras.len())
            .filter(|&j| !view.paras[j].is_blank())
            .take(MAX_TITLE_LINES)
            .any(|j| note_lines(view, j, &[ISSUED_WITH, ATTACHED_TO]).is_some())
}

/// Whether paragraph `i` is a line set between the header and the tên loại, outside the
/// header table, that no part of the form took (a greeting "CHÚC MỪNG NĂM MỚI" in large
/// type above "CHƯƠNG TRÌNH CÔNG TÁC …"): neither header nor body, so the draft has no place
/// for it.
pub(super) fn above_title(view: &View, i: usize) -> bool {
    let p = &view.parts;
    let header_last = [
        p.quoc_hieu,
        p.tieu_ngu,
        p.dang,
        p.so_ky_hieu,
        p.dia_danh_ngay,
    ]
    .into_iter()
    .flatten()
    .chain(p.chu_quan.iter().copied())
    .chain(p.ban_hanh.iter().copied())
    .max();
    p.ten_loai.is_some_and(|t| i < t)
        && header_last.is_some_and(|h| i > h)
        && view.paras[i].cell.is_none()
        && p.element_of(i).is_none()
}
