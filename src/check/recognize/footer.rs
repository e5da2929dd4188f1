//! Footer pass (phần cuối): "Nơi nhận:" and its lines, then the signature blocks
//! (quyền hạn TM./KT./T/M…, chức vụ, họ tên) in the cells of one footer table or in plain
//! paragraphs, with what was found only by a weak cue.

use std::collections::HashMap;

use super::Reading;
use crate::check::docx::TAB_FOOTER_TABLE;
use crate::check::rules::footer_authority as authority_of;
use crate::check::rules::{is_upper, upper_key};
use crate::check::view::{Align, Element, Para};

/// A short line in thường that can be a signer's name: two to seven words, no final
/// punctuation, not a sentence, not a body heading ("Điều 25. Khen thưởng" under a chapter
/// title in capitals is an article, not a name under an authority line).
fn is_name_line(t: &str) -> bool {
    let t = t.trim();
    if is_heading_label(t) {
        return false;
    }
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

/// How many rows a footer table holding "Nơi nhận:" may have: a school's plan gives the
/// signer's name its own fourth row, under two empty rows left for the signature.
const NOI_NHAN_TABLE_MAX_ROWS: usize = 6;

/// Whether table `table` is footer-sized: at most three rows ([`Reading::table_rows`]), or
/// [`NOI_NHAN_TABLE_MAX_ROWS`] when it is `noi_nhan_table`, the one holding "Nơi nhận:".
fn footer_sized(
    table_rows: &HashMap<usize, usize>,
    table: usize,
    noi_nhan_table: Option<usize>,
) -> bool {
    let most = if noi_nhan_table == Some(table) {
        NOI_NHAN_TABLE_MAX_ROWS
    } else {
        3
    };
    table_rows.get(&table).is_some_and(|&rows| rows <= most)
}

/// The signature blocks among table cells that look like one: they stand in one footer
/// table, not in a data or appendix table whose capitals cells ("STT", "ĐƠN VỊ", a unit
/// name over a figure) have the same shape. The footer table is the one holding "Nơi
/// nhận:", else the first table of at most three rows with a block that ends in a name or
/// starts with an authority mark (TM., KT., T/M…); a table of more rows is data.
fn signature_table_cells(
    paras: &[Para],
    table_rows: &HashMap<usize, usize>,
    candidates: Vec<Vec<usize>>,
    noi_nhan: Option<usize>,
) -> (Vec<Vec<usize>>, bool) {
    let table_of = |block: &Vec<usize>| block.first().and_then(|&i| paras[i].cell).map(|c| c.table);
    let footer_table = noi_nhan.and_then(|i| paras[i].cell).map(|c| c.table);
    let small = |t: usize| footer_sized(table_rows, t, footer_table);
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

/// Finds "Nơi nhận:" and the recipient lines under it.
pub(super) fn recipients(r: &mut Reading<'_>) {
    let paras = r.paras;
    let n = paras.len();
    let keys = &r.keys;
    let header_end = r.header_end;
    let parts = &mut r.parts;
    // Footer: Nơi nhận and signature blocks.
    // The heading, not a sentence that starts with the words ("Nơi nhận văn bản xác định
    // …" in a guide to writing documents): after them comes a colon, a line, a tab or
    // nothing, never a word.
    let heading = |i: usize| {
        keys[i].starts_with("NƠI NHẬN") && {
            let head: String = crate::model::text::nfc(paras[i].text.trim_start())
                .chars()
                .skip("Nơi nhận".chars().count())
                .take(2)
                .collect();
            let mut cs = head.chars();
            !(cs.next() == Some(' ') && cs.next().is_some_and(char::is_alphabetic))
        }
    };
    parts.noi_nhan = (header_end + 1..n).find(|&i| heading(i));
    if let Some(h) = parts.noi_nhan {
        let cell = paras[h].cell;
        // A footer table may give the lines their own row under "Nơi nhận:" (row 1: "Nơi
        // nhận:" | "KT. CHỦ TỊCH"; row 2: the lines | the rest of the signature): the lines
        // are the column under it, down the table.
        // A footer laid out with tabs, read as a pseudo table of two columns.
        let tabbed = cell.is_some_and(|c| c.table == TAB_FOOTER_TABLE);
        let column_down =
            cell.filter(|c| !tabbed && footer_sized(&r.table_rows, c.table, Some(c.table)));
        let mut j = h + 1;
        while j < n {
            let p = &paras[j];
            if let Some(c) = column_down {
                match p.cell {
                    Some(d) if d.table == c.table && d.col == c.col => {}
                    Some(d) if d.table == c.table => {
                        j += 1;
                        continue;
                    }
                    _ => break,
                }
            } else if cell.is_some() && !(tabbed && p.cell.is_none()) {
                if p.cell != cell {
                    // The other column of the heading's own line ("Nơi nhận:⇥VĂN PHÒNG …").
                    if tabbed && p.index == paras[h].index {
                        j += 1;
                        continue;
                    }
                    break;
                }
            } else {
                // Plain lines, also under a heading laid out in columns with tabs whose
                // lines are not ("Nơi nhận:⇥⇥VĂN PHÒNG UBND TỈNH" / "- TT Tỉnh uỷ, …;").
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
}

/// Left indent (twips) from which a line after the footer table stands in its right half.
const RIGHT_HALF_INDENT: i32 = 2880;

/// The signer's name typed under the footer table instead of in its cell: a block in a table
/// whose last line is not a name, and, within three paragraphs after the table, a name line
/// indented into the right half of the page ("Hồ Văn Mười" at left 5040 under "CHỦ TỊCH").
fn name_after_table(paras: &[Para], block: &[usize]) -> Option<usize> {
    let last = *block.iter().rev().find(|&&i| !paras[i].is_blank())?;
    let table = paras[last].cell?.table;
    if is_name_line(&paras[last].text) {
        return None;
    }
    let end = paras
        .iter()
        .rposition(|p| p.cell.is_some_and(|c| c.table == table))?;
    paras
        .iter()
        .enumerate()
        .skip(end + 1)
        .take(4)
        .take_while(|(_, p)| p.cell.is_none())
        .find(|(_, p)| !p.is_blank())
        .filter(|(_, p)| {
            is_name_line(&p.text)
                && (p.left_indent.unwrap_or(0) >= RIGHT_HALF_INDENT || p.align == Align::Right)
        })
        .map(|(j, _)| j)
}

/// A person's name as signers print it, every word capitalised ("Nguyễn Văn An"): stricter
/// than [`is_name_line`], since columns found by shape alone would otherwise take a body
/// table's cells ("Quyết định", "Đơn vị") for signatures.
fn is_person_name(t: &str) -> bool {
    is_name_line(t)
        && t.split_whitespace().all(|w| {
            w.chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase)
        })
}

/// A form's name placeholder ("{{chu_tri_lop}}") where the name is printed.
fn is_placeholder(t: &str) -> bool {
    let t = t.trim();
    t.starts_with("{{") && t.ends_with("}}") && !t[2..t.len() - 2].contains(['{', '}'])
}

/// A role over a signature written in thường ("Thư ký", "Chủ tọa", "Giảng viên" / "chủ
/// nhiệm lớp"): a short line that is not a sentence.
fn is_role_line(t: &str) -> bool {
    let t = t.trim();
    (1..=6).contains(&t.split_whitespace().count())
        && t.chars().count() <= 40
        && !t.ends_with(['.', ';', ',', ':'])
        && !is_placeholder(t)
        && t.chars().any(char::is_alphabetic)
}

/// Signature columns of people who sign side by side under their roles written in thường
/// (a Biên bản form: "Giảng viên chủ nhiệm lớp" | "Thư ký" | "Chủ tọa", a name or its
/// placeholder under each): the columns of the last footer-sized table, when two or three
/// of them are a role line or two over a name, or one is, the right-hand one, the others
/// blank. Found by shape only, so the caller's reading of them is weak.
fn role_columns(
    paras: &[Para],
    table_rows: &HashMap<usize, usize>,
    cells: &[(crate::check::view::CellPos, Vec<usize>)],
    noi_nhan_table: Option<usize>,
) -> Vec<Vec<usize>> {
    let Some(table) = paras.iter().rev().find_map(|p| p.cell).map(|c| c.table) else {
        return Vec::new();
    };
    if !footer_sized(table_rows, table, noi_nhan_table) {
        return Vec::new();
    }
    let in_table: Vec<&(crate::check::view::CellPos, Vec<usize>)> =
        cells.iter().filter(|(pos, _)| pos.table == table).collect();
    let last_col = in_table.iter().map(|(pos, _)| pos.col).max();
    // Blank columns (the left half of a table holding one signer) take no part.
    let filled: Vec<&(crate::check::view::CellPos, Vec<usize>)> = in_table
        .into_iter()
        .filter(|(_, members)| members.iter().any(|&i| !paras[i].is_blank()))
        .collect();
    // One signer under a role in thường ("Người báo cáo" over "Đặng Vũ Linh", a staff
    // member's report to the head of the Phòng) signs in the table's right-hand column.
    let alone_on_the_right =
        filled.len() == 1 && filled[0].0.col > 0 && Some(filled[0].0.col) == last_col;
    let columns: Vec<Vec<usize>> = filled.iter().map(|(_, members)| members.clone()).collect();
    let role_column = |members: &Vec<usize>| {
        let lines: Vec<&str> = members
            .iter()
            .map(|&i| paras[i].text.trim())
            .filter(|t| !t.is_empty())
            .collect();
        let Some((last, roles)) = lines.split_last() else {
            return false;
        };
        (1..=2).contains(&roles.len())
            && roles.iter().all(|t| is_role_line(t))
            && roles[0].chars().next().is_some_and(char::is_uppercase)
            && (is_person_name(last) || is_placeholder(last))
    };
    if ((2..=3).contains(&columns.len()) || alone_on_the_right) && columns.iter().all(role_column) {
        columns
    } else {
        Vec::new()
    }
}

/// Finds the signature blocks.
/// Whether two signature blocks stand in text boxes anchored in the same paragraph: every
/// paragraph of both read from a text box ([`Para::text_box`]) anchored in one paragraph.
fn same_text_box_anchor(paras: &[Para], a: &[usize], b: &[usize]) -> bool {
    let anchor = paras[a[0]].index;
    a.iter()
        .chain(b)
        .all(|&i| paras[i].text_box && paras[i].cell.is_none() && paras[i].index == anchor)
}

pub(super) fn signatures(r: &mut Reading<'_>) {
    let paras = r.paras;
    let table_rows = &r.table_rows;
    let n = paras.len();
    let known = &r.known;
    let header_end = r.header_end;
    let parts = &mut r.parts;
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
    // In a footer-sized table a column is one block, whatever rows it runs over ("KT. CHỦ
    // TỊCH" in row 1, "PHÓ CHỦ TỊCH" and the name in row 2).
    let mut merged: Vec<(crate::check::view::CellPos, Vec<usize>)> = Vec::new();
    let mut column_at: HashMap<(usize, usize), usize> = HashMap::new();
    let noi_nhan_table = parts.noi_nhan.and_then(|i| paras[i].cell).map(|c| c.table);
    for (pos, members) in cells {
        if !footer_sized(table_rows, pos.table, noi_nhan_table) {
            merged.push((pos, members));
            continue;
        }
        match column_at.get(&(pos.table, pos.col)) {
            Some(&k) => merged[k].1.extend(members),
            None => {
                column_at.insert((pos.table, pos.col), merged.len());
                merged.push((pos, members));
            }
        }
    }
    let cells = merged;
    let mut candidates: Vec<Vec<usize>> = Vec::new();
    for (_, members) in &cells {
        // A column whose lower row holds Nơi nhận (the leftmost signer's of a Biên bản, or
        // of a joint document) is a block down to it.
        let members: Vec<usize> = members
            .iter()
            .copied()
            .take_while(|&i| Some(i) != parts.noi_nhan && !excluded.contains(&i))
            .collect();
        let lines: Vec<usize> = members
            .iter()
            .copied()
            .filter(|&i| !paras[i].is_blank())
            .collect();
        let (Some(&first), Some(&last)) = (lines.first(), lines.last()) else {
            continue;
        };
        let head = signature_head(&paras[first]);
        let named =
            is_name_line(&paras[last].text) || lines.len() == 1 || is_upper(&paras[last].text);
        let only_caps_then_name = lines[..lines.len() - 1]
            .iter()
            .all(|&i| is_upper(&paras[i].text) || paras[i].text.trim().starts_with('('));
        if head && named && only_caps_then_name && lines.len() <= 8 {
            candidates.push(members);
        }
    }
    if candidates.is_empty() {
        candidates = role_columns(paras, table_rows, &cells, noi_nhan_table);
    }
    let (cells, weak) = signature_table_cells(paras, table_rows, candidates, parts.noi_nhan);
    parts.chu_ky = cells;
    for block in &mut parts.chu_ky {
        if let Some(name) = name_after_table(paras, block) {
            block.push(name);
        }
    }
    if weak {
        parts.unsure.push((
            Element::Signature,
            "khối chữ ký chỉ nhận ra theo vị trí trong bảng cuối (không có «Nơi nhận», quyền \
             hạn TM./KT. hay họ tên)"
                .into(),
        ));
    }

    // Plain-paragraph signature: the last run of capitals lines followed by a name.
    if parts.chu_ky.is_empty() {
        // The blocks found last; more than one only when they stand in text boxes anchored in
        // the same paragraph (Bệnh viện Đa khoa Đồng Nai signs its biên bản in two boxes
        // side by side, anchored in the date line above them).
        let mut found: Vec<Vec<usize>> = Vec::new();
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
                    let beside = found
                        .last()
                        .is_some_and(|last| same_text_box_anchor(paras, last, &block));
                    if !beside {
                        found.clear();
                    }
                    found.push(block);
                    i = j + 1;
                    continue;
                }
            }
            i += 1;
        }
        if !found.is_empty() {
            parts.chu_ky = found;
            if found_unsure {
                parts.unsure.push((
                    Element::Signature,
                    "khối chữ ký là các dòng in hoa cuối văn bản, không có họ tên bên dưới".into(),
                ));
            }
        }
    }
}
