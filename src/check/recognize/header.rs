//! Header pass (phần đầu): the national title (quốc hiệu and tiêu ngữ, or "ĐẢNG CỘNG SẢN
//! VIỆT NAM"), the số, the date line and the công văn's "V/v" within the first paragraphs;
//! then the issuing bodies (cơ quan ban hành, cơ quan chủ quản): the capitals lines of the
//! header's left column, a name over two lines kept as one body.

use super::title::doc_type_by_title;
use super::{Reading, HEADER_SPAN};
use crate::check::rules::{is_line_text, is_upper, parse_date, parse_number, upper_key};
use crate::check::view::Para;
use crate::layout::ADMINISTRATIVE_UNITS;

/// The comparison key of a paragraph: its text in NFC upper case.
pub(super) fn key(p: &Para) -> String {
    upper_key(&p.text)
}

/// The quốc hiệu, also when a tone mark is mistyped ("CÔNG HÒA XÃ HỘI …"): a reader still
/// sees the national title, and the quốc hiệu rules then report the wrong letters.
pub(crate) fn is_quoc_hieu(k: &str) -> bool {
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

/// Whether `t` reads as a place-and-date line ("Hà Nội, ngày 12 tháng 3 năm 2025"), not a
/// numbered form field, an attachment line or a body list line holding a date.
pub(crate) fn looks_like_date(t: &str) -> bool {
    // A numbered form field ("2. Sinh ngày … tháng … năm …") is not the date line, which
    // starts with the place name (or its blank).
    // Nor is the "(Kèm theo Quyết định số … ngày … tháng … năm …)" line of an attachment.
    // Nor a line of a list in the body ("- Thời gian: 10 giờ 30 phút ngày 30 tháng 03 năm
    // 2026;" in a Biên bản, which has no date line of its own), nor an hour of the day.
    if t.trim_start()
        .starts_with(|c: char| c.is_ascii_digit() || matches!(c, '(' | '-' | '–' | '+' | '*' | '•'))
        || t.contains(" giờ ")
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

/// Joining words that continue a body's name on its next line, besides an administrative
/// unit ([`ADMINISTRATIVE_UNITS`]: "ỦY BAN NHÂN DÂN" / "TỈNH LÂM ĐỒNG").
const NAME_JOINERS: [&str; 3] = ["VÀ", "CỦA", "-"];

/// The head word of a body's name, which names no body on a line of its own: "HỘI ĐỒNG" /
/// "THI ĐUA - KHEN THƯỞNG TỈNH HƯNG YÊN" is one name broken after its head (Hưng Yên, 2021).
const INCOMPLETE_NAMES: [&str; 11] = [
    "HỘI ĐỒNG",
    "ỦY BAN",
    "BAN",
    "SỞ",
    "BỘ",
    "CỤC",
    "CHI CỤC",
    "TỔNG CỤC",
    "TRUNG TÂM",
    "HỘI",
    "ĐOÀN",
];

/// The header's capitals lines grouped into body names: a line that starts with a
/// continuation word (an administrative unit or one of [`NAME_JOINERS`]) and follows the previous line in the same cell
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
            let head_alone =
                INCOMPLETE_NAMES.contains(&upper_key(paras[prev].text.trim()).as_str());
            below(prev)
                && (prev + 1..i).all(|j| paras[j].is_blank() || paras[j].cell != paras[i].cell)
                && (head_alone
                    || ADMINISTRATIVE_UNITS
                        .iter()
                        .chain(&NAME_JOINERS)
                        .any(|w| k.starts_with(&format!("{w} ")) || k == *w))
        });
        match names.last_mut() {
            Some(n) if continues => n.push(i),
            _ => names.push(vec![i]),
        }
    }
    names
}

/// Finds the national title, the số, the date line and "V/v", and where the header ends.
pub(super) fn national(r: &mut Reading<'_>) {
    let paras = r.paras;
    let span = paras.len().min(HEADER_SPAN);
    let keys = &r.keys;
    let parts = &mut r.parts;
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
    let header_end = known.iter().copied().max().unwrap_or(0);

    r.vv = vv;
    r.known = known;
    r.header_end = header_end;
}

/// Finds the issuing body and its superior among the header's capitals lines.
pub(super) fn issuers(r: &mut Reading<'_>) {
    let paras = r.paras;
    let n = paras.len();
    let span = n.min(HEADER_SPAN);
    let known = &r.known;
    let mut header_end = r.header_end;
    let parts = &mut r.parts;
    // Issuing bodies: upper-case lines of the header that are not the right column's.
    // Columns are compared by (table, column): the header table may put the số in a
    // second row under the issuing body.
    let column = |i: usize| super::column(paras, i);
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
        // Bodies of a văn bản liên tịch joined by " -" ("BỘ GIÁO DỤC VÀ ĐÀO TẠO -" / "BỘ TÀI
        // CHÍNH"): every name from the first that ends so issues the document.
        let joined = names.iter().position(|name| {
            name.last().is_some_and(|&i| {
                let t = paras[i].text.trim_end();
                t.ends_with(" -") || t.ends_with(" –")
            })
        });
        let last = match joined {
            Some(k) => names[k..].concat(),
            None => names.last().cloned().unwrap_or_default(),
        };
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

    r.header_end = header_end;
}
