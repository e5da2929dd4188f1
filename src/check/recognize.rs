//! Recognition (nhận dạng): finds the elements of an administrative document among the
//! paragraphs of a .docx, by text and position. Works on the neutral [`View`], so it does
//! not depend on how the file was read.
//!
//! Header: quốc hiệu / tiêu ngữ or "ĐẢNG CỘNG SẢN VIỆT NAM" (NFC, either tone placement),
//! issuing bodies (upper-case lines left of or above the số), "Số", the date phrase, "V/v".
//! Title: a tên loại from the [`DocTypeTable`], then the trích yếu. Footer: "Nơi nhận:" and
//! its items; signature blocks (quyền hạn TM./KT./T/M..., chức vụ, họ tên) in table cells
//! or plain paragraphs. Everything between title and footer is the body.

use std::sync::OnceLock;

use crate::check::rules::upper_key;
use crate::check::view::{Align, Detected, Element, Para, Parts, View};
use crate::layout::{DocType, DocTypeTable};
use crate::model::System;

use super::rules::footer_authority as authority_of;
use super::rules::{is_line_text, is_upper, parse_date, parse_number};

const HEADER_SPAN: usize = 40;

/// Words that name a Party body in an issuer line.
const PARTY_BODIES: [&str; 9] = [
    "ĐẢNG",
    "TỈNH ỦY",
    "HUYỆN ỦY",
    "THÀNH ỦY",
    "QUẬN ỦY",
    "THỊ ỦY",
    "BAN DÂN VẬN",
    "BAN TUYÊN GIÁO",
    "CHI BỘ",
];

/// Words that name a state body in an issuer line (when the line does not say "ĐẢNG").
const STATE_BODIES: [&str; 5] = [
    "ỦY BAN NHÂN DÂN",
    "UBND",
    "HỘI ĐỒNG NHÂN DÂN",
    "HĐND",
    "BỘ ",
];

fn key(p: &Para) -> String {
    upper_key(&p.text)
}

/// The quốc hiệu, also when a tone mark is mistyped ("CÔNG HÒA XÃ HỘI …"): a reader still
/// sees the national title, and the quốc hiệu rules then report the wrong letters.
fn is_quoc_hieu(k: &str) -> bool {
    k.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA")
        || (k.contains("XÃ HỘI CHỦ NGHĨA")
            && crate::library::fold::fold(k).contains("cong hoa xa hoi chu nghia"))
}

fn is_tieu_ngu(k: &str) -> bool {
    k.contains("ĐỘC LẬP") && k.contains("TỰ DO") && k.contains("HẠNH PHÚC")
}

fn is_dang(k: &str) -> bool {
    k.trim() == "ĐẢNG CỘNG SẢN VIỆT NAM"
}

fn is_numeric_date(t: &str) -> bool {
    let t = t.trim();
    let Some((place, rest)) = t.split_once(',') else {
        return false;
    };
    let rest = rest.trim();
    let rest = rest.strip_prefix("ngày").unwrap_or(rest).trim();
    let parts: Vec<&str> = rest.split(['/', '-', '.']).collect();
    place.chars().count() < 40
        && parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
}

fn looks_like_date(t: &str) -> bool {
    // A numbered form field ("2. Sinh ngày … tháng … năm …") is not the date line, which
    // starts with the place name (or its blank).
    // Nor is the "(Kèm theo Quyết định số … ngày … tháng … năm …)" line of an attachment.
    if t.trim_start()
        .starts_with(|c: char| c.is_ascii_digit() || c == '(')
    {
        return false;
    }
    parse_date(t).is_some()
        || is_numeric_date(t)
        || (t.chars().count() < 90
            && t.contains("ngày")
            && t.contains("tháng")
            && t.contains("năm"))
}

/// The type named by a tên loại line, comparing NFC upper case with either tone placement.
pub fn doc_type_by_title(text: &str) -> Option<DocType> {
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

/// The line under the title of a document issued with a decision: "(Kèm theo Quyết định số …
/// ngày … của …)" or "(Ban hành kèm theo …)".
fn is_attachment_line(text: &str) -> bool {
    let k = upper_key(text.trim_start());
    k.starts_with("(KÈM THEO") || k.starts_with("(BAN HÀNH KÈM THEO")
}

/// A short line in thường that can be a signer's name: two to seven words, no final
/// punctuation, not a sentence.
fn is_name_line(t: &str) -> bool {
    let t = t.trim();
    let words = t.split_whitespace().count();
    (2..=7).contains(&words)
        && t.chars().count() <= 45
        && !t.ends_with(['.', ';', ',', ':'])
        && !is_upper(t)
        && t.chars().next().is_some_and(char::is_uppercase)
        && !t.starts_with('(')
}

/// A body heading in capitals ("I. MỤC ĐÍCH", "PHẦN I") rather than a signature line.
fn is_heading_label(t: &str) -> bool {
    let first = t.split_whitespace().next().unwrap_or_default();
    let roman = first
        .trim_end_matches(['.', '-', ')'])
        .chars()
        .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'));
    (roman && first.len() > 1 && first.ends_with(['.', '-']))
        || first.chars().next().is_some_and(|c| c.is_ascii_digit())
        || ["PHẦN", "CHƯƠNG", "MỤC", "ĐIỀU"].contains(&upper_key(first).as_str())
}

/// Words that continue a body's name on its next line: the administrative level and place
/// ("ỦY BAN NHÂN DÂN" / "TỈNH LÂM ĐỒNG") or a joining word.
const NAME_CONTINUATIONS: [&str; 12] = [
    "TỈNH",
    "THÀNH PHỐ",
    "HUYỆN",
    "QUẬN",
    "THỊ XÃ",
    "XÃ",
    "PHƯỜNG",
    "THỊ TRẤN",
    "ĐẶC KHU",
    "VÀ",
    "CỦA",
    "-",
];

/// The header's capitals lines grouped into body names: a line that starts with a
/// continuation word ([`NAME_CONTINUATIONS`]) and follows the previous line in the same cell
/// belongs to the same name.
fn name_lines(paras: &[Para], lines: &[usize]) -> Vec<Vec<usize>> {
    let mut names: Vec<Vec<usize>> = Vec::new();
    for &i in lines {
        let k = upper_key(paras[i].text.trim());
        // The next line of the same cell, or of the same column one row down (a header
        // table that gives each line its own row).
        let below = |prev: usize| match (paras[prev].cell, paras[i].cell) {
            (Some(a), Some(b)) => {
                a == b || (a.table == b.table && a.col == b.col && a.row + 1 == b.row)
            }
            (a, b) => a == b,
        };
        let continues = names.last().and_then(|n| n.last()).is_some_and(|&prev| {
            below(prev)
                && (prev + 1..i).all(|j| paras[j].is_blank() || paras[j].cell != paras[i].cell)
                && NAME_CONTINUATIONS
                    .iter()
                    .any(|w| k.starts_with(&format!("{w} ")) || k == *w)
        });
        match names.last_mut() {
            Some(n) if continues => n.push(i),
            _ => names.push(vec![i]),
        }
    }
    names
}

/// How many issuing bodies the issuer lines name: a name set on two lines ("ỦY BAN NHÂN DÂN"
/// / "TỈNH LÂM ĐỒNG") is one body; lines in different header cells, or set apart by another
/// line (the superior of the second body), are two.
fn issuer_groups(paras: &[Para], lines: &[usize]) -> usize {
    lines
        .iter()
        .enumerate()
        .filter(|&(k, &i)| {
            k == 0 || {
                let prev = lines[k - 1];
                let between_blank = (prev + 1..i).all(|j| paras[j].is_blank());
                !between_blank || paras[prev].cell != paras[i].cell
            }
        })
        .count()
}

/// Rows of the table numbered `table`.
fn table_rows(paras: &[Para], table: usize) -> usize {
    paras
        .iter()
        .filter_map(|p| p.cell)
        .filter(|c| c.table == table)
        .map(|c| c.row + 1)
        .max()
        .unwrap_or(0)
}

/// The signature blocks among table cells that look like one: they stand in one footer
/// table, not in a data or appendix table whose capitals cells ("STT", "ĐƠN VỊ", a unit
/// name over a figure) have the same shape. The footer table is the one holding "Nơi
/// nhận:", else the first table of at most three rows with a block that ends in a name or
/// starts with an authority mark (TM., KT., T/M…); a table of more rows is data.
fn signature_table_cells(
    paras: &[Para],
    candidates: Vec<Vec<usize>>,
    noi_nhan: Option<usize>,
) -> (Vec<Vec<usize>>, bool) {
    let table_of = |block: &Vec<usize>| block.first().and_then(|&i| paras[i].cell).map(|c| c.table);
    let small = |t: usize| table_rows(paras, t) <= 3;
    let footer_table = noi_nhan.and_then(|i| paras[i].cell).map(|c| c.table);
    let strong = |block: &Vec<usize>| {
        let lines: Vec<usize> = block
            .iter()
            .copied()
            .filter(|&i| !paras[i].is_blank())
            .collect();
        lines
            .first()
            .is_some_and(|&i| authority_of(paras[i].text.trim()).is_some())
            || (lines.len() >= 2 && lines.last().is_some_and(|&i| is_name_line(&paras[i].text)))
    };
    let sure = footer_table
        .filter(|&t| candidates.iter().any(|b| table_of(b) == Some(t)))
        .or_else(|| {
            candidates
                .iter()
                .filter(|b| table_of(b).is_some_and(small))
                .find(|b| strong(b))
                .and_then(table_of)
        });
    // Only the table's size says it is the footer: a weak cue.
    let weak = sure.is_none();
    let chosen = sure.or_else(|| candidates.iter().filter_map(table_of).find(|&t| small(t)));
    let cells = candidates
        .into_iter()
        .filter(|b| chosen.is_some() && table_of(b) == chosen)
        .collect::<Vec<_>>();
    (cells, weak && chosen.is_some())
}

fn signature_head(p: &Para) -> bool {
    let t = p.text.trim();
    !t.is_empty()
        && (authority_of(t).is_some()
            || (is_upper(t)
                && t.chars().count() <= 70
                && !is_heading_label(t)
                && t.chars().any(char::is_alphabetic)))
}

/// Recognises the parts of `view.paras` and sets parts, system, type and joint flags.
pub fn recognize(view: &mut View) {
    let paras = &view.paras;
    let n = paras.len();
    let span = n.min(HEADER_SPAN);
    // Full comparison keys for the header; beyond it only the start of each paragraph is
    // compared ("NƠI NHẬN"), and NFC over whole body paragraphs would dominate the time.
    let keys: Vec<String> = paras
        .iter()
        .enumerate()
        .map(|(i, p)| {
            if i < span {
                key(p)
            } else {
                let head: String = p.text.trim_start().chars().take(12).collect();
                upper_key(&head)
            }
        })
        .collect();
    let mut parts = Parts::default();

    parts.quoc_hieu = (0..span).find(|&i| is_quoc_hieu(&keys[i]));
    parts.tieu_ngu = (0..span).find(|&i| is_tieu_ngu(&keys[i]));
    parts.dang = (0..span).find(|&i| is_dang(&keys[i]));
    parts.so_ky_hieu = (0..span).find(|&i| {
        let t = paras[i].text.trim();
        t.chars().count() < 80 && parse_number(t).is_some()
    });
    parts.dia_danh_ngay = (0..span).find(|&i| {
        Some(i) != parts.so_ky_hieu
            && looks_like_date(&paras[i].text)
            && !paras[i].text.contains("Căn cứ")
    });

    // The công văn's "V/v ..." under the số.
    let vv = (0..span).find(|&i| {
        let t = paras[i].text.trim_start();
        t.starts_with("V/v") || t.starts_with("V/V")
    });

    let known: Vec<usize> = [
        parts.quoc_hieu,
        parts.tieu_ngu,
        parts.dang,
        parts.so_ky_hieu,
        parts.dia_danh_ngay,
        vv,
    ]
    .into_iter()
    .flatten()
    .collect();
    let mut header_end = known.iter().copied().max().unwrap_or(0);

    // Issuing bodies: upper-case lines of the header that are not the right column's.
    // Columns are compared by (table, column): the header table may put the số in a
    // second row under the issuing body.
    let column = |i: usize| paras[i].cell.map(|c| (c.table, c.col));
    let right_col = parts.quoc_hieu.or(parts.dang).and_then(column);
    let left_col = parts.so_ky_hieu.and_then(column);
    let limit = parts.so_ky_hieu.unwrap_or(header_end.max(8).min(span));
    // Without a số, capitals under a quốc hiệu written as plain paragraphs are a title
    // ("TỜ KHAI ĐĂNG KÝ KHAI SINH", "ĐƠN KHỞI KIỆN"), not the issuing body, which stands
    // left of or above the quốc hiệu.
    let national = [parts.tieu_ngu, parts.quoc_hieu, parts.dang]
        .into_iter()
        .flatten()
        .filter(|&i| paras[i].cell.is_none())
        .max();
    // Tables under such a quốc hiệu are content too ("NGƯỜI CHỒNG | ÔNG ...").
    let under_national = |i: usize| parts.so_ky_hieu.is_none() && national.is_some_and(|q| i > q);
    // A header laid out as a table holds the issuing body in that table: capitals after it
    // are the title zone ("ĐIỀU LỆ", "PHIẾU GHI Ý KIẾN"), not a body.
    let header_table = parts
        .quoc_hieu
        .or(parts.dang)
        .and_then(|i| paras[i].cell)
        .map(|c| c.table);
    let past_header_table = |i: usize| {
        header_table.is_some_and(|t| {
            paras[i].cell.is_none_or(|c| c.table != t) && parts.quoc_hieu.or(parts.dang) < Some(i)
        })
    };
    let mut bodies: Vec<usize> = (0..limit.min(n))
        .filter(|&i| {
            let p = &paras[i];
            let t = p.text.trim();
            let col = column(i);
            !known.contains(&i)
                && !t.is_empty()
                && t != "*"
                && !is_line_text(t)
                && is_upper(t)
                && t.chars().any(char::is_alphabetic)
                && (col.is_none() || col != right_col || right_col == left_col)
                && (left_col.is_none() || col == left_col || col.is_none())
                && doc_type_by_title(t).is_none()
                && !under_national(i)
                && !past_header_table(i)
        })
        .collect();
    if parts.so_ky_hieu.is_none() {
        bodies.truncate(3);
    }
    let bold = |i: &usize| {
        paras[*i].visible_runs().all(|r| r.bold) && paras[*i].visible_runs().next().is_some()
    };
    if bodies.iter().all(bold) && bodies.len() >= 2 {
        // All in bold: one name set over two lines ("ỦY BAN NHÂN DÂN" / "TỈNH LÂM ĐỒNG"), or
        // a superior typed in bold over the issuing body ("UBND TỈNH BẮC KẠN" / "SỞ Y TẾ",
        // a fault of the superior's weight, not a second issuer). The last name is the
        // issuing body; lines before it belong to the superior.
        let names = name_lines(paras, &bodies);
        let last = names.last().cloned().unwrap_or_default();
        parts.chu_quan = bodies
            .iter()
            .copied()
            .filter(|i| !last.contains(i))
            .collect();
        parts.ban_hanh = last;
    } else if bodies.iter().any(bold) {
        // A joint header stacks "ISSUER A / SUPERIOR OF B / ISSUER B": weight tells them apart.
        let (ban_hanh, chu_quan): (Vec<usize>, Vec<usize>) = bodies.iter().partition(|i| bold(i));
        parts.ban_hanh = ban_hanh;
        parts.chu_quan = chu_quan;
    } else if let Some((&last, rest)) = bodies.split_last() {
        parts.chu_quan = rest.to_vec();
        parts.ban_hanh = vec![last];
    }
    if let Some(&last) = parts.ban_hanh.last() {
        parts.star = (last + 1..(last + 3).min(n)).find(|&i| paras[i].text.trim() == "*");
        header_end = header_end.max(parts.star.unwrap_or(last));
    }

    // Tên loại and trích yếu.
    let mut doc_type = None;
    if let Some(v) = vv {
        parts.trich_yeu = vec![v];
        doc_type = DocTypeTable::builtin().by_slug("cong-van").cloned();
    }
    let search_from = header_end + 1;
    if let Some(t) = (search_from..(search_from + 6).min(n))
        .find(|&i| doc_type_by_title(&paras[i].text).is_some())
        .or_else(|| {
            (search_from..(search_from + 3).min(n)).find(|&i| {
                paras[i].align == Align::Center && doc_type_by_long_title(&paras[i].text).is_some()
            })
        })
    {
        parts.ten_loai = Some(t);
        doc_type =
            doc_type_by_title(&paras[t].text).or_else(|| doc_type_by_long_title(&paras[t].text));
        header_end = t;
        let mut j = t + 1;
        while j < n && parts.trich_yeu.len() < 4 {
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
            let centred = p.align == Align::Center;
            if !centred
                || txt.starts_with("Căn cứ")
                || txt.starts_with("Kính gửi")
                || is_attachment_line(txt)
            {
                break;
            }
            parts.trich_yeu.push(j);
            header_end = j;
            j += 1;
        }
    } else if vv.is_none() {
        // No title line: the số may still name the type.
        if let Some(nl) = parts.so_ky_hieu.and_then(|i| parse_number(&paras[i].text)) {
            let system = if nl.sep == '/' {
                System::State
            } else {
                System::Party
            };
            let abbr = match system {
                System::State => nl.symbol.split('-').next(),
                System::Party => nl.symbol.split('/').next(),
            };
            doc_type = abbr
                .and_then(|a| DocTypeTable::builtin().by_abbreviation(system, a))
                .cloned();
        }
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

    // Footer: Nơi nhận and signature blocks.
    parts.noi_nhan = (header_end + 1..n).find(|&i| keys[i].starts_with("NƠI NHẬN"));
    if let Some(h) = parts.noi_nhan {
        let cell = paras[h].cell;
        let mut j = h + 1;
        while j < n {
            let p = &paras[j];
            if cell.is_some() {
                if p.cell != cell {
                    break;
                }
            } else {
                let t = p.text.trim();
                if t.is_empty() {
                    if parts.noi_nhan_items.is_empty() {
                        j += 1;
                        continue;
                    }
                    break;
                }
                if signature_head(p) && !t.starts_with('-') {
                    break;
                }
            }
            if !p.is_blank() && !p.text.trim().starts_with("Gửi bản điện tử") {
                parts.noi_nhan_items.push(j);
            }
            j += 1;
        }
    }

    // Signature blocks in table cells after the title.
    let excluded: Vec<usize> = known.clone();
    let mut cells: Vec<(crate::check::view::CellPos, Vec<usize>)> = Vec::new();
    for (i, p) in paras.iter().enumerate().skip(header_end + 1) {
        if let Some(c) = p.cell {
            match cells.last_mut() {
                Some((pos, v)) if *pos == c => v.push(i),
                _ => cells.push((c, vec![i])),
            }
        }
    }
    let mut candidates: Vec<Vec<usize>> = Vec::new();
    for (_, members) in &cells {
        let lines: Vec<usize> = members
            .iter()
            .copied()
            .filter(|&i| !paras[i].is_blank())
            .collect();
        let (Some(&first), Some(&last)) = (lines.first(), lines.last()) else {
            continue;
        };
        if Some(first) == parts.noi_nhan || lines.iter().any(|i| excluded.contains(i)) {
            continue;
        }
        let head = signature_head(&paras[first]);
        let named =
            is_name_line(&paras[last].text) || lines.len() == 1 || is_upper(&paras[last].text);
        let only_caps_then_name = lines[..lines.len() - 1]
            .iter()
            .all(|&i| is_upper(&paras[i].text) || paras[i].text.trim().starts_with('('));
        if head && named && only_caps_then_name && lines.len() <= 8 {
            candidates.push(members.clone());
        }
    }
    let (cells, weak) = signature_table_cells(paras, candidates, parts.noi_nhan);
    parts.chu_ky = cells;
    if weak {
        parts.unsure.push((
            Element::ChuKy,
            "khối chữ ký chỉ nhận ra theo vị trí trong bảng cuối (không có «Nơi nhận», quyền \
             hạn TM./KT. hay họ tên)"
                .into(),
        ));
    }

    // Plain-paragraph signature: the last run of capitals lines followed by a name.
    if parts.chu_ky.is_empty() {
        let mut found: Option<Vec<usize>> = None;
        let mut found_unsure = false;
        let mut i = header_end + 1;
        while i < n {
            let p = &paras[i];
            if p.cell.is_none()
                && signature_head(p)
                && Some(i) != parts.noi_nhan
                && !parts.noi_nhan_items.contains(&i)
            {
                let mut block = vec![i];
                let mut j = i + 1;
                let mut ok = false;
                while j < n && j < i + 10 {
                    let q = &paras[j];
                    let t = q.text.trim();
                    if q.cell.is_some() || Some(j) == parts.noi_nhan {
                        break;
                    }
                    if t.is_empty()
                        || t.starts_with('(')
                        || (is_upper(t) && t.chars().count() <= 70)
                    {
                        block.push(j);
                        j += 1;
                        continue;
                    }
                    if is_name_line(t) {
                        block.push(j);
                        ok = true;
                    }
                    break;
                }
                if ok || (j >= n && block.len() >= 2) {
                    found_unsure = !ok;
                    found = Some(block.clone());
                    i = j + 1;
                    continue;
                }
            }
            i += 1;
        }
        if let Some(b) = found {
            parts.chu_ky.push(b);
            if found_unsure {
                parts.unsure.push((
                    Element::ChuKy,
                    "khối chữ ký là các dòng in hoa cuối văn bản, không có họ tên bên dưới".into(),
                ));
            }
        }
    }

    // Body: between the title and the first footer paragraph.
    let footer_start = parts
        .chu_ky
        .iter()
        .flatten()
        .copied()
        .chain(parts.noi_nhan)
        .min()
        .unwrap_or(n);
    let footer_start = match paras.get(footer_start).and_then(|p| p.cell) {
        // The whole footer table belongs to the footer.
        Some(c) => (0..footer_start)
            .rev()
            .take_while(|&i| paras[i].cell.is_some_and(|d| d.table == c.table))
            .last()
            .unwrap_or(footer_start),
        None => footer_start,
    };
    parts.noi_dung = (header_end + 1..footer_start).collect();

    // System.
    let qh = parts.quoc_hieu.is_some();
    let dang = parts.dang.is_some();
    let number = parts.so_ky_hieu.and_then(|i| parse_number(&paras[i].text));
    let mut detected = match (qh, dang) {
        (true, true) => Detected::Joint,
        (true, false) => Detected::State,
        (false, true) => Detected::Party,
        (false, false) => Detected::Unknown,
    };
    let system = match detected {
        Detected::State => Some(System::State),
        Detected::Party => Some(System::Party),
        _ => number.as_ref().map(|nl| {
            if nl.colon || nl.sep == '/' {
                System::State
            } else {
                System::Party
            }
        }),
    };
    // A header of one system whose issuing bodies belong to the other (a state header over
    // a Ban Dân vận, a Party header over an Ủy ban nhân dân) mixes systems as well.
    let bodies_of = |party: bool| {
        parts.ban_hanh.iter().chain(&parts.chu_quan).any(|&i| {
            let k = &keys[i];
            if party {
                PARTY_BODIES.iter().any(|w| k.contains(w))
            } else {
                !k.contains("ĐẢNG") && STATE_BODIES.iter().any(|w| k.contains(w))
            }
        })
    };
    let mixed = (qh && (dang || bodies_of(true))) || (dang && bodies_of(false));
    let joint_symbol = number.as_ref().is_some_and(|nl| match nl.sep {
        '/' => nl.symbol.split('-').count() >= 3,
        // "415-KH/BDVTU-BCSĐUBND": a type abbreviation, then two bodies.
        _ => {
            let mut halves = nl.symbol.split('/');
            halves
                .next()
                .is_some_and(|t| t.chars().all(char::is_alphabetic) && !t.is_empty())
                && halves.next().is_some_and(|a| a.contains('-'))
        }
    });
    // Two signature blocks make a liên tịch document only under a header naming two
    // issuing bodies: a contract, an application or a report with "người lập biểu" has
    // two signatures and one issuer.
    let joint_signers = parts.chu_ky.len() >= 2 && issuer_groups(paras, &parts.ban_hanh) >= 2;
    if detected != Detected::Unknown && (joint_symbol || joint_signers) {
        detected = Detected::Joint;
    }

    view.parts = parts;
    view.detected = detected;
    view.system = system;
    view.mixed = mixed;
    view.doc_type = doc_type;
}
