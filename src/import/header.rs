//! The header of an imported document (phần đầu): issuing bodies, số, địa danh and date,
//! urgency and secrecy marks, trích yếu. Each reader takes the recognised paragraphs'
//! text and returns the draft's value; what it cannot read is reported.

use std::sync::LazyLock;

use regex::Regex;

use crate::check::rules::parse_number;
use crate::check::view::View;
use crate::model::{text, IssueDate, Issuer, Secrecy, System, Urgency};

use super::report::{EntryKind, ImportReport};

/// Text of view paragraph `i`, NFC, spaces squashed.
pub(super) fn line(view: &View, i: usize) -> String {
    text::squash_spaces(&text::nfc(&view.paras[i].text))
}

/// What the số line gives: the number and the symbol after it.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct NumberLine {
    /// Số (blank when left for the văn thư).
    pub number: Option<u32>,
    /// The ký hiệu after the number, e.g. "QĐ-UBND" or "KH/BDVTU-BCSĐUBND".
    pub symbol: String,
    /// The year between number and symbol of a văn bản quy phạm pháp luật ("2018" of
    /// "Số: 11/2018/QĐ-UBND").
    pub year: Option<i32>,
    /// A number typed with dots ("24.4", a day and month), which no register gives: the
    /// draft leaves its number blank and the report says so.
    pub dotted: Option<String>,
    /// The ký hiệu as typed, when NĐ 30 writes it otherwise ("TTr-CAT(PC04)", "HD – HĐTĐKT"):
    /// the draft holds the tidied form in `symbol` and the report says so.
    pub typed_symbol: Option<String>,
}

/// Reads "Số: 12/QĐ-UBND", "Số:      /UBND-VP", "Số 415-KH/BDVTU" through the checker's own
/// reading of the số line ([`parse_number`]), keeping what the draft adds: the
/// number as a register number, and a number typed with dots set aside. A line the checker
/// does not read as a số line gives nothing.
pub(super) fn number_line(s: &str) -> NumberLine {
    let Some(n) = parse_number(s) else {
        return NumberLine::default();
    };
    let dotted = n.digits.contains('.');
    let symbol = tidy_symbol(&n.symbol);
    let typed_symbol = (symbol != n.symbol.trim()).then(|| n.symbol.trim().to_string());
    NumberLine {
        number: (!dotted)
            .then(|| n.digits.parse().ok())
            .flatten()
            .filter(|n| *n > 0),
        symbol,
        year: n.year.map(i32::from),
        dotted: dotted.then_some(n.digits),
        typed_symbol,
    }
}

/// A group of the ký hiệu set in brackets after the one before it: "CAT(PC04)".
static BRACKETED_GROUP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([^\s(-])\(([^()\s]+)\)").expect("regex"));

/// The ký hiệu written as NĐ 30 writes it, its groups parted by "-" alone and holding no
/// space (Phụ lục I, Phần I, mục II.3): a dash typed long or spaced ("HD – HĐTĐKT" →
/// "HD-HĐTĐKT"), a group in brackets ("TTr-CAT(PC04)" → "TTr-CAT-PC04"), a space inside a
/// group ("HSSV-KHCN TT" → "HSSV-KHCNTT"). The draft computes the symbol from its parts.
fn tidy_symbol(symbol: &str) -> String {
    let unbracketed = BRACKETED_GROUP.replace_all(symbol.trim(), "$1-$2");
    unbracketed
        .replace(['–', '—'], "-")
        .split('-')
        .map(|g| g.split_whitespace().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// Reports a ký hiệu the draft writes otherwise than typed (`typed_symbol`), at paragraph
/// `paragraph` of the original.
pub(super) fn report_tidied(n: &NumberLine, paragraph: Option<usize>, report: &mut ImportReport) {
    if let Some(typed) = &n.typed_symbol {
        report.add(
            EntryKind::Changed,
            paragraph,
            typed,
            &format!(
                "ký hiệu «{typed}» in theo thể thức «{}» (các nhóm chữ viết tắt nối bằng gạch nối, không có dấu cách)",
                n.symbol
            ),
        );
    }
}

/// Reports a number typed with dots (`dotted`), which the draft leaves blank, at paragraph
/// `paragraph` of the original.
pub(super) fn report_dotted(n: &NumberLine, paragraph: Option<usize>, report: &mut ImportReport) {
    if let Some(dotted) = &n.dotted {
        report.add(
            EntryKind::Review,
            paragraph,
            dotted,
            &format!(
                "số «{dotted}» có dấu chấm, không phải số thứ tự văn bản trong năm; bản thảo để trống số để văn thư cấp số"
            ),
        );
    }
}

/// Splits a symbol into the issuers' abbreviations and a công văn's unit, given the type's
/// abbreviation in `system` (empty for a state công văn) and the number of issuers.
pub(super) fn symbol_parts(
    symbol: &str,
    system: System,
    type_abbr: &str,
    issuers: usize,
) -> (Vec<String>, Option<String>) {
    let bodies = match system {
        System::Party => symbol
            .split_once('/')
            .map_or(symbol, |(_, b)| b)
            .to_string(),
        System::State if type_abbr.is_empty() => symbol.to_string(),
        System::State => symbol
            .strip_prefix(type_abbr)
            .map(|r| r.trim_start_matches('-'))
            .unwrap_or_else(|| symbol.split_once('-').map_or(symbol, |(_, b)| b))
            .to_string(),
    };
    let pieces: Vec<String> = bodies
        .split('-')
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    if system == System::State && type_abbr.is_empty() {
        // Công văn: the agencies, then the drafting unit (đơn vị soạn thảo).
        let n = issuers.max(1);
        if pieces.len() > n {
            let unit = pieces[n..].join("-");
            return (pieces[..n].to_vec(), Some(unit));
        }
        return (pieces, None);
    }
    if pieces.len() > issuers.max(1) && issuers <= 1 {
        return (vec![pieces.join("-")], None);
    }
    (pieces, None)
}

/// Reads "Lâm Đồng, ngày 05 tháng 02 năm 2024" (day or month may be blank).
/// Returns the place and the date, `None` for a year it cannot find.
pub(super) fn place_date(s: &str) -> (String, Option<IssueDate>) {
    let s = s.replace('\u{a0}', " ");
    let (place, rest) = match s.split_once(',') {
        Some((p, r)) => (p.trim().to_string(), r.to_string()),
        None => match s.find("ngày") {
            Some(k) => (s[..k].trim().to_string(), s[k..].to_string()),
            None => (s.trim().to_string(), String::new()),
        },
    };
    let number_after = |word: &str| -> Option<i64> {
        let k = rest.find(word)?;
        let after = rest[k + word.len()..].trim_start();
        let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
        digits.parse().ok()
    };
    let year = number_after("năm");
    let date = year.map(|y| IssueDate {
        day: number_after("ngày")
            .and_then(|d| u8::try_from(d).ok())
            .filter(|d| (1..=31).contains(d)),
        month: number_after("tháng")
            .and_then(|m| u8::try_from(m).ok())
            .filter(|m| (1..=12).contains(m)),
        year: i32::try_from(y).unwrap_or(0),
    });
    (place, date)
}

/// The issuing bodies from the recognised lines, in the order printed: a superior line
/// starts a new body when the one above already has its name; a name line ending in " -"
/// joins the next body under the same superior (văn bản liên tịch), as does a superior line
/// ending so; other name lines continue the name.
pub(super) fn issuers(view: &View, report: &mut ImportReport) -> Vec<Issuer> {
    let parts = &view.parts;
    let mut lines: Vec<(usize, bool)> = parts
        .chu_quan
        .iter()
        .map(|&i| (i, false))
        .chain(parts.ban_hanh.iter().map(|&i| (i, true)))
        .filter(|(i, _)| Some(*i) != parts.star)
        .collect();
    lines.sort_unstable();
    let mut out: Vec<Issuer> = vec![Issuer::default()];
    let mut joined = false;
    for (i, is_body) in lines {
        let l = line(view, i);
        if l == "*" || l.is_empty() {
            continue;
        }
        let current = out.last_mut().expect("one issuer at least");
        // A first body's name ending in " -" read as a superior ("BỘ GIÁO DỤC VÀ ĐÀO TẠO -"
        // over "BỘ THÔNG TIN VÀ TRUYỀN THÔNG"): the two bodies of a văn bản liên tịch.
        let joins = l.ends_with(" -") || l.ends_with(" –");
        if !is_body && !joins {
            if !current.name.is_empty() {
                out.push(Issuer::default());
            }
            let current = out.last_mut().expect("one issuer at least");
            let sup = current.superior.get_or_insert_with(String::new);
            if !sup.is_empty() {
                sup.push(' ');
            }
            sup.push_str(&l);
            continue;
        }
        let (l, ends_joint) = match l.strip_suffix(" -").or_else(|| l.strip_suffix(" –")) {
            Some(head) => (head.trim().to_string(), true),
            None => (l, false),
        };
        if joined {
            out.push(Issuer::default());
        }
        let current = out.last_mut().expect("one issuer at least");
        if !current.name.is_empty() {
            current.name.push(' ');
        }
        current.name.push_str(&l);
        joined = ends_joint;
    }
    out.retain(|i| !i.name.is_empty());
    if out.is_empty() {
        report.add(
            EntryKind::Missing,
            None,
            "",
            "không tìm thấy tên cơ quan ban hành; đã điền \"...\"",
        );
        out.push(Issuer {
            name: "...".into(),
            ..Issuer::default()
        });
    }
    if out.len() > 2 {
        let names: Vec<String> = out.iter().map(|i| i.name.clone()).collect();
        report.add(
            EntryKind::Review,
            parts.ban_hanh.first().map(|&i| view.paras[i].index),
            &names.join(" - "),
            "bản thảo có tối đa hai cơ quan ban hành; các tên sau được nối vào cơ quan thứ hai",
        );
        let rest = names[1..].join(" - ");
        out.truncate(2);
        out[1].name = rest;
    }
    out
}

/// Words that start the place part of a body's name ("… TỈNH LÂM ĐỒNG"), left out of a
/// guessed abbreviation.
const PLACE_WORDS: [&str; 8] = [
    "TỈNH",
    "HUYỆN",
    "XÃ",
    "PHƯỜNG",
    "QUẬN",
    "THÀNH PHỐ",
    "THỊ XÃ",
    "THỊ TRẤN",
];

/// A guess at a body's abbreviation from its name when the số line gives none: the initials
/// of the words before the place ("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG" → "UBND", "SỞ NỘI VỤ" →
/// "SNV"); `None` when the name has no letters.
pub(super) fn guess_abbr(name: &str) -> Option<String> {
    let upper = format!("{} ", text::upper(name.trim()));
    let mut cut = upper.as_str();
    for w in PLACE_WORDS {
        if let Some(k) = upper.find(&format!(" {w} ")) {
            if k > 0 && k < cut.len() {
                cut = &upper[..k];
            }
        }
    }
    let initials: String = cut
        .split_whitespace()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_alphabetic())
        .map(|c| match c {
            'Ủ' | 'Ư' | 'Ú' | 'Ù' | 'Ụ' | 'Ũ' => 'U',
            'Ở' | 'Ơ' | 'Ó' | 'Ò' | 'Ọ' | 'Õ' | 'Ô' => 'O',
            other => other,
        })
        .collect();
    (!initials.is_empty()).then_some(initials)
}

/// A line typed with characters only to draw a rule ("-------", "_____", "***").
pub(super) fn is_typed_rule(s: &str) -> bool {
    let t: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    t.chars().count() >= 3
        && t.chars()
            .all(|c| matches!(c, '-' | '_' | '–' | '—' | '=' | '*' | '.'))
}

/// Whether `s` is a draft mark set in the header ("DỰ THẢO", "Dự thảo", "DỰ THẢO 2",
/// "DỰ THẢO LẦN 3"): the stage of a document, not part of its body.
pub(super) fn is_draft_mark(s: &str) -> bool {
    let t = s.trim();
    // Also in brackets: "(Dự thảo)" under the số (Hưng Yên, 2021).
    let t = t
        .strip_prefix('(')
        .and_then(|t| t.strip_suffix(')'))
        .unwrap_or(t);
    let k = text::upper(t.trim());
    k.strip_prefix("DỰ THẢO").is_some_and(|rest| {
        rest.is_empty() || (rest.starts_with(' ') && rest.chars().count() <= 10)
    })
}

/// An urgency mark, if `s` is one.
pub(super) fn urgency(s: &str) -> Option<Urgency> {
    let k = text::upper(s.trim().trim_end_matches('.'));
    [Urgency::Khan, Urgency::ThuongKhan, Urgency::HoaToc]
        .into_iter()
        .find(|u| u.label() == k)
}

/// A secrecy mark, if `s` is one.
pub(super) fn secrecy(s: &str) -> Option<Secrecy> {
    let k = text::upper(s.trim().trim_end_matches('.'));
    [Secrecy::Mat, Secrecy::ToiMat, Secrecy::TuyetMat]
        .into_iter()
        .find(|m| m.label() == k)
}

/// The place and date (địa danh và thời gian) of the draft: from the header's date line, or
/// from one printed above the signatures when the header has none (reported), with the
/// date of a cited decision (`cited`) first; blanks filled in and reported. Also the view
/// position of a date line taken from above the signatures, which the footer then claims.
pub(super) fn place_and_date(
    view: &View,
    cited: Option<IssueDate>,
    report: &mut ImportReport,
) -> (String, IssueDate, Option<usize>) {
    // A biên bản may print its place and date above the signatures, not in the header
    // (Bệnh viện Đa khoa Đồng Nai, 2025): the draft prints them where the form puts them.
    let foot_date = view
        .parts
        .dia_danh_ngay
        .is_none()
        .then(|| date_above_signature(view))
        .flatten();
    if let Some(i) = foot_date {
        report.add(
            EntryKind::Review,
            Some(view.paras[i].index),
            &view.paras[i].text,
            "địa danh và ngày in ở cuối văn bản, trên chữ ký; bản thảo in ở phần đầu theo thể thức",
        );
    }
    let (place, date) = match view.parts.dia_danh_ngay.or(foot_date) {
        Some(i) => place_date(&line(view, i)),
        None => (String::new(), None),
    };
    let date = cited.or(date);
    let place = if place.is_empty() {
        report.add(
            EntryKind::Missing,
            None,
            "",
            "không tìm thấy địa danh; đã điền \"...\"",
        );
        "...".to_string()
    } else {
        place
    };
    let date = date.unwrap_or_else(|| {
        report.add(
            EntryKind::Missing,
            view.parts.dia_danh_ngay.map(|i| view.paras[i].index),
            "",
            "không đọc được năm ban hành; đã điền năm 2000, cần sửa",
        );
        IssueDate {
            day: None,
            month: None,
            year: 2000,
        }
    });
    let date = match date.validate() {
        Ok(()) => date,
        Err(e) => {
            report.add(
                EntryKind::Review,
                view.parts.dia_danh_ngay.map(|i| view.paras[i].index),
                "",
                &format!("ngày ban hành không hợp lệ ({e}); đã để trống ngày và tháng"),
            );
            IssueDate {
                day: None,
                month: None,
                ..date
            }
        }
    };
    (place, date, foot_date)
}

/// How many lines above the first signature a place-and-date line is looked for.
const FOOT_DATE_REACH: usize = 4;

/// A place-and-date line printed just above the signatures (within [`FOOT_DATE_REACH`]
/// non-blank lines), outside any table, when the header has none: its view position.
pub(super) fn date_above_signature(view: &View) -> Option<usize> {
    let first_signature = view.parts.chu_ky.iter().flatten().copied().min()?;
    (0..first_signature)
        .rev()
        .filter(|&i| !view.paras[i].is_blank())
        .take(FOOT_DATE_REACH)
        .find(|&i| {
            let t = line(view, i);
            view.paras[i].cell.is_none()
                && crate::check::recognize::looks_like_date(&t)
                && place_date(&t).1.is_some()
        })
}

/// The trích yếu from its lines: a công văn's "V/v" taken off (Vanban prints it), the line
/// under it left out.
pub(super) fn subject(view: &View, cong_van: bool) -> String {
    let parts = &view.parts;
    let lines: Vec<String> = parts
        .trich_yeu
        .iter()
        .filter(|&&i| Some(i) != parts.trich_yeu_mark)
        .map(|&i| line(view, i))
        .filter(|l| !l.is_empty() && !l.chars().all(|c| matches!(c, '-' | '_' | '–')))
        .collect();
    let mut joined = lines.join(" ");
    // A title in capitals that runs on past the type's name and onto the lines under it
    // ("CHƯƠNG TRÌNH CÔNG TÁC THÁNG 3 NĂM 2018" / "CỦA UỶ BAN NHÂN DÂN TỈNH"): the trích
    // yếu is the rest of it. Under a sentence-case trích yếu the words on the title line
    // name the document ("THÔNG CÁO BÁO CHÍ" / "Về khắc phục …") and stay out of it.
    // With no line under it at all ("BIÊN BẢN NGHIỆM THU" alone, Bệnh viện Đa khoa Đồng
    // Nai), the rest of the title is the whole trích yếu.
    if let Some(t) = parts.ten_loai {
        let title = line(view, t);
        if let Some(rest) = crate::check::recognize::title_rest(&title) {
            // Also over a line in brackets that dates the title ("BÁO CÁO CÔNG TÁC TUẦN 02
            // THÁNG 6 NĂM 2026" / "(Từ ngày 22/6/2026 đến ngày 25/6/2026)").
            let runs_on = lines
                .first()
                .is_none_or(|first| crate::check::rules::is_upper(first) || first.starts_with('('));
            if runs_on {
                joined = format!("{rest} {joined}");
            }
        }
    }
    let joined = joined.trim();
    for prefix in ["V/v", "V/V", "v/v"] {
        if let Some(rest) = joined.strip_prefix(prefix).filter(|_| cong_van) {
            return rest.trim_start_matches([':', ' ']).trim().to_string();
        }
    }
    joined.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_lines_of_both_systems() {
        assert_eq!(
            number_line("Số: 12/QĐ-UBND"),
            NumberLine {
                number: Some(12),
                symbol: "QĐ-UBND".into(),
                year: None,
                dotted: None,
                typed_symbol: None,
            }
        );
        let dotted = number_line("Số: 24.4/TTr-TCG");
        assert_eq!(
            (
                dotted.number,
                dotted.symbol.as_str(),
                dotted.dotted.as_deref()
            ),
            (None, "TTr-TCG", Some("24.4"))
        );
        assert_eq!(number_line("Số:    /HD – HĐTĐKT").symbol, "HD-HĐTĐKT");
        let police = number_line("Số: 409/TTr-CAT(PC04)");
        assert_eq!(police.symbol, "TTr-CAT-PC04");
        assert_eq!(police.typed_symbol.as_deref(), Some("TTr-CAT(PC04)"));
        let spaced = number_line("Số:          /SGDĐT-HSSV-KHCN TT");
        assert_eq!(spaced.symbol, "SGDĐT-HSSV-KHCNTT");
        let plain = number_line("Số: 12/QĐ-UBND");
        assert_eq!(
            (plain.symbol.as_str(), plain.typed_symbol),
            ("QĐ-UBND", None)
        );
        let normative = number_line("Số: 11/2018/QĐ-UBND");
        assert_eq!(normative.year, Some(2018));
        assert_eq!(normative.symbol, "QĐ-UBND");
        assert_eq!(number_line("Số:\u{a0}\u{a0}\u{a0}/UBND-NC").number, None);
        assert_eq!(number_line("Số:       /UBND-NC").symbol, "UBND-NC");
        let p = number_line("Số 415-KH/BDVTU-BCSĐUBND");
        assert_eq!(p.number, Some(415));
        assert_eq!(
            symbol_parts(&p.symbol, System::Party, "KH", 2).0,
            vec!["BDVTU", "BCSĐUBND"]
        );
        assert_eq!(
            symbol_parts("UBND-NC", System::State, "", 1),
            (vec!["UBND".to_string()], Some("NC".to_string()))
        );
        assert_eq!(
            symbol_parts("QĐ-UBND", System::State, "QĐ", 1).0,
            vec!["UBND"]
        );
    }

    #[test]
    fn abbreviations_guessed_from_names() {
        assert_eq!(
            guess_abbr("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG").as_deref(),
            Some("UBND")
        );
        assert_eq!(guess_abbr("SỞ NỘI VỤ").as_deref(), Some("SNV"));
        assert_eq!(guess_abbr("VĂN PHÒNG").as_deref(), Some("VP"));
        assert_eq!(guess_abbr("ỦY BAN NHÂN DÂN XÃ").as_deref(), Some("UBND"));
        assert_eq!(guess_abbr("...").as_deref(), None);
    }

    #[test]
    fn draft_marks() {
        for t in [
            "DỰ THẢO",
            "Dự thảo",
            "DỰ THẢO 2",
            " DỰ THẢO LẦN 3 ",
            "(Dự thảo)",
        ] {
            assert!(is_draft_mark(t), "{t}");
        }
        assert!(!is_draft_mark(
            "Dự thảo Quyết định ban hành Quy chế làm việc"
        ));
        assert!(!is_draft_mark("DỰ THẢOX"));
    }

    #[test]
    fn place_and_date_with_blanks() {
        let (p, d) = place_date("Lâm Đồng, ngày      tháng 4 năm 2026");
        assert_eq!(p, "Lâm Đồng");
        assert_eq!(
            d,
            Some(IssueDate {
                day: None,
                month: Some(4),
                year: 2026
            })
        );
        let (_, d) = place_date("Hà Nội, ngày 05 tháng 02 năm 2024");
        assert_eq!(d.unwrap().day, Some(5));
    }
}
