//! Title pass (tên loại và trích yếu): the type's name under the header (also when the line
//! runs on, "BIÊN BẢN HỌP …"), the trích yếu lines under it or the "V/v" of a công văn, the
//! type from the số when no title is printed, and the "(Kèm theo …)" line of a document
//! issued with a decision.

use std::sync::OnceLock;

use super::Reading;
use crate::check::rules::{is_line_text, is_upper, parse_number, upper_key};
use crate::check::view::{Align, Para};
use crate::layout::{DocType, DocTypeTable};
use crate::model::System;

/// The most lines a trích yếu runs to. Hà Nội's 2020 Tờ trình on its IT programme sets one
/// in five centred lines ("Về việc ban hành Nghị quyết … giai đoạn 2021-2025, / định hướng
/// đến năm 2030"); six leaves room and still stops before a body.
const TRICH_YEU_MAX_LINES: usize = 6;

/// The type named by a tên loại line, comparing NFC upper case with either tone placement.
pub(crate) fn doc_type_by_title(text: &str) -> Option<DocType> {
    static KEYS: OnceLock<Vec<(String, DocType)>> = OnceLock::new();
    let keys = KEYS.get_or_init(|| {
        DocTypeTable::builtin()
            .iter()
            .map(|t| (upper_key(&t.name), t.clone()))
            .collect()
    });
    // A tên loại is a short line: skip the key of anything longer than the longest name.
    if text.trim().chars().count() > 24 {
        return None;
    }
    let k = upper_key(text);
    keys.iter()
        .find(|(name, _)| *name == k)
        .map(|(_, t)| t.clone())
}

/// The type named by a title line that goes on past the type's name, in capitals
/// ("BIÊN BẢN HỌP HỘI ĐỒNG", "THÔNG CÁO BÁO CHÍ", "GIẤY MỜI HỌP"): offices often set the
/// first words of the trích yếu on the tên loại line.
fn doc_type_by_long_title(text: &str) -> Option<DocType> {
    let t = text.trim();
    if t.chars().count() > 60 || !is_upper(t) {
        return None;
    }
    let k = upper_key(t);
    DocTypeTable::builtin()
        .iter()
        .find(|ty| {
            let name = upper_key(&ty.name);
            k.strip_prefix(&name)
                .is_some_and(|rest| rest.starts_with(' '))
        })
        .cloned()
}

/// What a title line in capitals prints after the type's name ("CÔNG TÁC THÁNG 3 NĂM 2018"
/// of "CHƯƠNG TRÌNH CÔNG TÁC THÁNG 3 NĂM 2018"); none for a title that is the name alone.
pub(crate) fn title_rest(text: &str) -> Option<String> {
    let t = text.trim();
    let ty = doc_type_by_long_title(t)?;
    let rest: String = t.chars().skip(ty.name.chars().count()).collect();
    let rest = rest.trim();
    (!rest.is_empty()).then(|| rest.to_string())
}

/// The line under the title of a document issued with a decision: "(Kèm theo Quyết định số …
/// ngày … của …)", "(Ban hành kèm theo …)" or "(Ban hành theo …)".
fn is_attachment_line(text: &str) -> bool {
    let k = upper_key(text.trim_start());
    k.starts_with("(KÈM THEO")
        || k.starts_with("(BAN HÀNH KÈM THEO")
        || k.starts_with("(BAN HÀNH THEO")
}

/// The most paragraphs a công văn's "V/v" runs over, its own included.
const VV_MAX_PARAGRAPHS: usize = 4;

/// The size of a paragraph's first visible run, if known.
fn first_size(p: &Para) -> Option<crate::layout::HalfPoints> {
    p.visible_runs().next().and_then(|r| r.size)
}

/// Whether paragraph `next`, outside tables right under a "V/v" paragraph `vv` also outside
/// tables, continues it: centred as it is, with the same indents, size, bold and italic, and
/// no label of its own ("Kính gửi:").
fn runs_on_outside_tables(vv: &Para, next: &Para) -> bool {
    let style = |p: &Para| {
        p.visible_runs()
            .next()
            .map(|r| (r.bold, r.italic))
            .unwrap_or_default()
    };
    vv.cell.is_none()
        && next.cell.is_none()
        && !vv.columns
        && !next.columns
        && vv.align == Align::Center
        && next.align == Align::Center
        && vv.left_indent == next.left_indent
        && next.first_line_indent.unwrap_or(0) <= 0
        && first_size(vv).is_some()
        && first_size(vv) == first_size(next)
        && style(vv) == style(next)
        && !next.text.trim_start().starts_with("Kính gửi")
        && !is_line_text(next.text.trim())
}

/// Finds the tên loại, the trích yếu and the type of the document.
/// A paragraph under the tên loại shaped like a trích yếu though not centred: bold all
/// through, no first-line indent, at most three lines of text, starting with a capital
/// letter that is no label ("1.", "I.", "a)", "-"), not all in capitals, no final colon.
fn looks_like_uncentred_subject(p: &Para) -> bool {
    let txt = p.text.trim();
    let words: Vec<&str> = txt.split_whitespace().collect();
    let starts_with_label = words.first().is_some_and(|w| {
        w.starts_with(['-', '+', '*', '•', '(', '“', '"'])
            || w.chars().next().is_some_and(|c| c.is_ascii_digit())
            || w.trim_end_matches(['.', ')', '-'])
                .chars()
                .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'))
            || (w.chars().count() == 2 && w.ends_with(')'))
    });
    !p.is_blank()
        && p.visible_runs().all(|r| r.bold)
        && p.first_line_indent.unwrap_or(0) <= 0
        && p.cell.is_none()
        && (3..=60).contains(&words.len())
        && txt.chars().next().is_some_and(char::is_uppercase)
        && !starts_with_label
        && !is_upper(txt)
        && !txt.ends_with(':')
}

pub(super) fn title(r: &mut Reading<'_>) {
    let paras = r.paras;
    let n = paras.len();
    let vv = r.vv;
    let known = &r.known;
    let mut header_end = r.header_end;
    let parts = &mut r.parts;
    let column = |i: usize| super::column(paras, i);
    // Tên loại and trích yếu.
    let mut doc_type = None;
    if let Some(v) = vv {
        parts.trich_yeu = vec![v];
        // The V/v running on in the paragraphs under it, in its own cell ("V/v triển khai
        // thực hiện Công văn" / "số 3653/VPCP-CĐS" / "của Văn phòng Chính phủ").
        // Outside tables, the lines set like it run on it ("V/v triển khai thực hiện" /
        // "Công văn số 427/BCA-C04" / "của Bộ Công an", each centred in the left column).
        let mut j = v + 1;
        while j < n
            && parts.trich_yeu.len() < VV_MAX_PARAGRAPHS
            && !paras[j].is_blank()
            && !known.contains(&j)
            && match paras[v].cell {
                Some(cell) => paras[j].cell == Some(cell),
                None => runs_on_outside_tables(&paras[v], &paras[j]),
            }
        {
            parts.trich_yeu.push(j);
            header_end = header_end.max(j);
            j += 1;
        }
        doc_type = DocTypeTable::builtin().by_slug("cong-van").cloned();
    }
    let search_from = header_end + 1;
    // The type the số names by its abbreviation ("QĐ" of "Số: 12/QĐ-UBND", "CV" of "Số
    // 07-CV/BDVTU"), if any.
    let so_type = parts
        .so_ky_hieu
        .and_then(|i| parse_number(&paras[i].text))
        .and_then(|nl| {
            let (system, abbr) = if nl.sep == '/' {
                (System::State, nl.symbol.split('-').next())
            } else {
                (System::Party, nl.symbol.split('/').next())
            };
            abbr.and_then(|a| DocTypeTable::builtin().by_abbreviation(system, a))
                .cloned()
        });
    // A tên loại stands outside tables or in a table of the header; a cell of a table that
    // opens the body ("| STT | Quyết định |" under a Party công văn's trích yếu) is not one.
    let header_tables: Vec<usize> = known
        .iter()
        .chain(&parts.ban_hanh)
        .chain(&parts.chu_quan)
        .filter_map(|&i| paras[i].cell.map(|c| c.table))
        .collect();
    let may_be_title = |i: usize| {
        paras[i]
            .cell
            .is_none_or(|c| header_tables.contains(&c.table))
    };
    if let Some(t) = (search_from..(search_from + 6).min(n))
        .find(|&i| may_be_title(i) && doc_type_by_title(&paras[i].text).is_some())
        .or_else(|| {
            // A công văn has its V/v instead of a tên loại: a centred heading in capitals
            // under it that starts with a type's name ("NGHỊ QUYẾT TĂNG", a Phần of the
            // letter) is body, not a tên loại running on.
            // Nor when the số names a công văn ("Số 07-CV/BDVTU": a Party công văn prints
            // its trích yếu under the số, without V/v). Another type in the số is the
            // abbreviation's fault (rule 304), not a reason to doubt the printed title.
            if vv.is_some() || so_type.as_ref().is_some_and(DocType::is_cong_van) {
                return None;
            }
            (search_from..(search_from + 6).min(n)).find(|&i| {
                may_be_title(i)
                    && paras[i].align == Align::Center
                    && doc_type_by_long_title(&paras[i].text).is_some()
            })
        })
    {
        parts.ten_loai = Some(t);
        doc_type =
            doc_type_by_title(&paras[t].text).or_else(|| doc_type_by_long_title(&paras[t].text));
        header_end = t;
        let mut j = t + 1;
        while j < n && parts.trich_yeu.len() < TRICH_YEU_MAX_LINES {
            let p = &paras[j];
            let txt = p.text.trim();
            if txt.is_empty() {
                if parts.trich_yeu.is_empty() {
                    j += 1;
                    continue;
                }
                break;
            }
            if is_line_text(txt) {
                parts.trich_yeu_mark = Some(j);
                header_end = j;
                break;
            }
            // Centred, or centred by hand with spaces typed before it (the first line).
            let centred = p.align == Align::Center
                || (parts.trich_yeu.is_empty() && p.text.starts_with("    "));
            // A line in capitals under a trích yếu in sentence case is the authority line of
            // a Quyết định ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …") when no rule is typed between.
            let authority = is_upper(txt)
                && !parts.trich_yeu.is_empty()
                && !parts.trich_yeu.iter().all(|&k| is_upper(&paras[k].text));
            let opener = authority
                || txt.starts_with("Căn cứ")
                || txt.starts_with("Kính gửi")
                || is_attachment_line(txt);
            // A trích yếu the office left uncentred (Lào Cai's 2025 report sets it justified
            // under a centred "BÁO CÁO"): the one line right under the tên loại, bold all
            // through, without a first-line indent, in sentence case, short, not a body label.
            // The alignment rule then reports it, not a missing trích yếu and body faults.
            let uncentred_subject = !centred
                && parts.trich_yeu.is_empty()
                && !opener
                && looks_like_uncentred_subject(p);
            if uncentred_subject {
                parts.trich_yeu.push(j);
                header_end = j;
                break;
            }
            if !centred || opener {
                break;
            }
            parts.trich_yeu.push(j);
            header_end = j;
            j += 1;
        }
    } else if vv.is_none() {
        // No title line: the số may still name the type.
        doc_type = so_type.clone();
        // A Party công văn prints its trích yếu under the số, without "V/v".
        if let Some(so) = parts.so_ky_hieu {
            let col = column(so);
            let next = (so + 1..(so + 4).min(n))
                .find(|&i| !paras[i].is_blank() || column(i) != col)
                .filter(|&i| {
                    column(i) == col && !paras[i].is_blank() && Some(i) != parts.dia_danh_ngay
                });
            if let Some(j) = next {
                parts.trich_yeu = vec![j];
                header_end = header_end.max(j);
                if doc_type.is_none() {
                    doc_type = DocTypeTable::builtin().by_slug("cong-van").cloned();
                }
            }
        }
    }

    // A document issued with a decision (Phụ lục III, Mẫu 1.3: a Quy chế, Quy định, Điều
    // lệ "ban hành kèm theo"): its title, then "(Kèm theo Quyết định số … ngày … của …)"; it
    // has no số, date, signature or Nơi nhận of its own.
    let attached = (search_from.saturating_sub(4)..(search_from + 8).min(n))
        .find(|&i| is_attachment_line(&paras[i].text));
    parts.attachment = attached;
    // The "-----" of a Party trích yếu may stand under that line (a text attached to its
    // decision, drafted on its own), the line running over two paragraphs at most.
    if let Some(a) = attached.filter(|_| parts.trich_yeu_mark.is_none()) {
        if let Some(m) = (a + 1..(a + 3).min(n)).find(|&i| is_line_text(paras[i].text.trim())) {
            parts.trich_yeu_mark = Some(m);
            header_end = header_end.max(m);
        }
    }
    if parts.ten_loai.is_none() {
        if let Some(a) = attached {
            // The title lines are the centred plain lines above it, below the header.
            let header_line = |i: usize| {
                known.contains(&i)
                    || parts.ban_hanh.contains(&i)
                    || parts.chu_quan.contains(&i)
                    || paras[i].cell.is_some()
            };
            let titled: Vec<usize> = (search_from.saturating_sub(4)..a)
                .filter(|&i| {
                    !header_line(i)
                        && !paras[i].is_blank()
                        && (paras[i].align == Align::Center || is_upper(&paras[i].text))
                })
                .collect();
            if let Some((&t, rest)) = titled.split_first() {
                parts.ten_loai = Some(t);
                parts.trich_yeu = rest.to_vec();
            }
        }
    }

    r.header_end = header_end;
    r.doc_type = doc_type;
}
