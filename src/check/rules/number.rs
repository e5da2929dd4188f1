//! Số, ký hiệu (Ô 3) and địa danh, thời gian (Ô 4).

use std::sync::OnceLock;

use chrono::NaiveDate;
use regex::Regex;

use super::common::style_outcome;
use super::{Ctx, Finding, Outcome};
use crate::check::fix::Fix;
use crate::check::registry::FixSafety;
use crate::layout::DocTypeTable;
use crate::model::System;

/// The parts of a "Số ..." line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberLine {
    /// Whether "Số" is followed by a colon.
    pub colon: bool,
    /// The digits, empty when left blank.
    pub digits: String,
    /// The character between number and symbol ('/' state, '-' Party).
    pub sep: char,
    /// Everything after the separator.
    pub symbol: String,
    /// The text from the start through the separator ("Số: 3/").
    pub head: String,
}

/// Parses a "Số ..." line; `None` if the line does not start with "Số".
pub fn parse_number(text: &str) -> Option<NumberLine> {
    let t = text.trim();
    let rest = t.strip_prefix("Số").or_else(|| t.strip_prefix("SỐ"))?;
    let after_so = rest.trim_start_matches([' ', '\u{a0}', '\t']);
    let colon = after_so.starts_with(':');
    let after = after_so
        .trim_start_matches(':')
        .trim_start_matches([' ', '\u{a0}', '\t']);
    let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
    let rest2 = &after[digits.len()..];
    let blank_len = rest2
        .char_indices()
        .find(|(_, c)| !matches!(c, ' ' | '\u{a0}' | '\t' | '.' | '…'))
        .map_or(rest2.len(), |(i, _)| i);
    let rest3 = &rest2[blank_len..];
    let sep = rest3.chars().next()?;
    if sep != '/' && sep != '-' {
        return None;
    }
    let symbol = rest3[sep.len_utf8()..].trim().to_string();
    let head_len = t.len() - rest3.len() + sep.len_utf8();
    Some(NumberLine {
        colon,
        digits,
        sep,
        symbol,
        head: t[..head_len].to_string(),
    })
}

fn state_symbol() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^[A-ZĐ][A-Za-zĐđ]*(-[A-ZĐ0-9][A-Za-zĐđ0-9]*)+$").expect("valid regex")
    })
}

fn party_symbol() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^[A-ZĐ][A-Za-zĐđ]*/[A-ZĐ0-9][A-Za-zĐđ0-9]*(-[A-ZĐ0-9][A-Za-zĐđ0-9]*)*$")
            .expect("valid regex")
    })
}

fn number_para(ctx: &Ctx) -> Result<(usize, NumberLine), Outcome> {
    let Some(i) = ctx.view.parts.so_ky_hieu else {
        return Err(Outcome::NotEvaluated("không tìm thấy số, ký hiệu".into()));
    };
    match parse_number(&ctx.view.para(i).text) {
        Some(n) => Ok((i, n)),
        None => Err(Outcome::Checked(vec![Finding::at(
            i,
            format!(
                "Không đọc được số, ký hiệu «{}».",
                ctx.view.para(i).text.trim()
            ),
        )])),
    }
}

pub fn present(ctx: &Ctx) -> Outcome {
    if ctx.view.parts.attachment.is_some() {
        return Outcome::NotApplicable;
    }
    super::common::present(ctx.view.parts.so_ky_hieu.is_some(), "số, ký hiệu văn bản")
}

pub fn form(ctx: &Ctx) -> Outcome {
    let (i, n) = match number_para(ctx) {
        Ok(v) => v,
        Err(o) => return o,
    };
    let p = ctx.view.para(i);
    let mut out = Vec::new();
    let state = ctx.system == System::State;
    if ctx.facts.number_colon && !n.colon {
        let fixed = format!("Số: {}", n.head.trim_start_matches("Số").trim_start());
        out.push(
            Finding::at(i, "Sau chữ «Số» phải có dấu hai chấm: «Số: 03/KH-UBND».")
                .with_fix(Fix::replace(FixSafety::Safe, p.index, &n.head, &fixed)),
        );
    }
    if !ctx.facts.number_colon && n.colon {
        let fixed = n.head.replacen(':', "", 1).replace("  ", " ");
        out.push(
            Finding::at(
                i,
                "Văn bản của Đảng ghi «Số» không có dấu hai chấm: «Số 05-KH/TU».",
            )
            .with_fix(Fix::replace(FixSafety::Safe, p.index, &n.head, &fixed)),
        );
    }
    let (want_sep, re, example) = if state {
        (
            '/',
            state_symbol(),
            "Số: 03/KH-UBND (gạch chéo sau số, gạch nối không cách chữ giữa các nhóm chữ viết tắt)",
        )
    } else {
        (
            '-',
            party_symbol(),
            "Số 05-KH/TU (gạch nối sau số, gạch chéo trước tên cơ quan)",
        )
    };
    if n.sep != want_sep || !re.is_match(&n.symbol) {
        out.push(Finding::at(
            i,
            format!(
                "Số, ký hiệu «{}» sai dạng; đúng dạng: {example}.",
                p.text.trim()
            ),
        ));
    }
    Outcome::Checked(out)
}

pub fn zero(ctx: &Ctx) -> Outcome {
    let (i, n) = match number_para(ctx) {
        Ok(v) => v,
        Err(o) => return o,
    };
    if n.digits.len() != 1 {
        return Outcome::pass();
    }
    let p = ctx.view.para(i);
    let fixed = n.head.replacen(&n.digits, &format!("0{}", n.digits), 1);
    Outcome::Checked(vec![Finding::at(
        i,
        format!(
            "Số nhỏ hơn 10 phải ghi thêm số 0 phía trước: «0{}».",
            n.digits
        ),
    )
    .with_fix(Fix::replace(FixSafety::Safe, p.index, &n.head, &fixed))])
}

/// The type abbreviation of a symbol for `system`: "KH" of "KH-UBND" or "KH/TU".
fn type_abbr(system: System, symbol: &str) -> Option<&str> {
    match system {
        System::State => symbol.split('-').next(),
        System::Party => symbol.split('/').next(),
    }
}

pub fn type_match(ctx: &Ctx) -> Outcome {
    let (i, n) = match number_para(ctx) {
        Ok(v) => v,
        Err(o) => return o,
    };
    let Some(doc_type) = ctx.view.doc_type.as_ref() else {
        return Outcome::NotEvaluated("không xác định được tên loại văn bản".into());
    };
    let Some(expected) = doc_type.abbreviation(ctx.system) else {
        return Outcome::Checked(vec![Finding::at(
            i,
            format!(
                "Loại văn bản «{}» không có trong danh mục của {}.",
                doc_type.name,
                ctx.system.label()
            ),
        )]);
    };
    if expected.is_empty() {
        // State công văn: the symbol starts with the agency, not a type.
        let first = type_abbr(ctx.system, &n.symbol).unwrap_or_default();
        if let Some(t) = DocTypeTable::builtin().by_abbreviation(ctx.system, first) {
            return Outcome::Checked(vec![Finding::at(
                i,
                format!(
                    "Công văn không có chữ viết tắt tên loại, nhưng ký hiệu bắt đầu bằng «{first}» ({}).",
                    t.name
                ),
            )]);
        }
        return Outcome::pass();
    }
    let actual = type_abbr(ctx.system, &n.symbol).unwrap_or_default();
    let alt = doc_type.party_alt.as_deref();
    if actual == expected || (ctx.system == System::Party && alt == Some(actual)) {
        return Outcome::pass();
    }
    let p = ctx.view.para(i);
    let fixed_symbol = n.symbol.replacen(actual, expected, 1);
    Outcome::Checked(vec![Finding::at(
        i,
        format!(
            "Chữ viết tắt «{actual}» trong ký hiệu không khớp tên loại «{}» (viết tắt «{expected}»).",
            doc_type.name.to_uppercase()
        ),
    )
    .with_fix(Fix::replace(FixSafety::Guarded, p.index, &n.symbol, &fixed_symbol))])
}

pub fn party_alt(ctx: &Ctx) -> Outcome {
    let (i, n) = match number_para(ctx) {
        Ok(v) => v,
        Err(o) => return o,
    };
    let Some(doc_type) = ctx.view.doc_type.as_ref() else {
        return Outcome::NotEvaluated("không xác định được tên loại văn bản".into());
    };
    let (Some(main), Some(alt)) = (doc_type.party.as_deref(), doc_type.party_alt.as_deref()) else {
        return Outcome::NotApplicable;
    };
    if type_abbr(System::Party, &n.symbol) == Some(alt) {
        return Outcome::Checked(vec![Finding::at(
            i,
            format!(
                "«{alt}» cho {}: các nguồn không thống nhất («{main}» hay «{alt}»); kiểm tra quy ước của cơ quan.",
                doc_type.name
            ),
        )]);
    }
    Outcome::pass()
}

pub fn format(ctx: &Ctx) -> Outcome {
    let parts: Vec<usize> = ctx.view.parts.so_ky_hieu.into_iter().collect();
    style_outcome(ctx, &parts, &ctx.layout.number, "Số, ký hiệu")
}

/// The parts of "Place, ngày dd tháng mm năm yyyy".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateLine {
    /// Địa danh.
    pub place: String,
    /// Day as written (may be blank).
    pub day: String,
    /// Month as written (may be blank).
    pub month: String,
    /// Year.
    pub year: i32,
    /// Whether a comma follows the place.
    pub comma: bool,
    /// "ngày 5 tháng 2" as written.
    pub phrase: String,
}

fn date_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"^(?P<place>[^,]*?)(?P<comma>,?)\s*(?P<phrase>ngày\s*(?P<d>\d{1,2}|[.…]*)\s*tháng\s*(?P<m>\d{1,2}|[.…]*)\s*năm)\s*(?P<y>\d{4})\s*\.?$",
        )
        .expect("valid regex")
    })
}

/// Parses a place-and-date line.
pub fn parse_date(text: &str) -> Option<DateLine> {
    let c = date_re().captures(text.trim())?;
    Some(DateLine {
        place: c["place"].trim().to_string(),
        day: c["d"].to_string(),
        month: c["m"].to_string(),
        year: c["y"].parse().ok()?,
        comma: !c["comma"].is_empty(),
        phrase: c["phrase"].to_string(),
    })
}

fn date_para(ctx: &Ctx) -> Result<(usize, Option<DateLine>), Outcome> {
    let Some(i) = ctx.view.parts.dia_danh_ngay else {
        return Err(Outcome::NotEvaluated(
            "không tìm thấy địa danh, thời gian".into(),
        ));
    };
    Ok((i, parse_date(&ctx.view.para(i).text)))
}

pub fn date_present(ctx: &Ctx) -> Outcome {
    if ctx.view.parts.attachment.is_some() {
        return Outcome::NotApplicable;
    }
    super::common::present(
        ctx.view.parts.dia_danh_ngay.is_some(),
        "địa danh và thời gian ban hành",
    )
}

pub fn date_form(ctx: &Ctx) -> Outcome {
    let (i, d) = match date_para(ctx) {
        Ok(v) => v,
        Err(o) => return o,
    };
    let p = ctx.view.para(i);
    let Some(d) = d else {
        let t = p.text.trim();
        // A form or template left unfilled ("……, ngày .... tháng .... năm ....") is not
        // a wrong form: say what is missing.
        let message = if t.contains("...") || t.contains('…') {
            format!(
                "Địa danh, thời gian còn để trống «{t}»; điền đầy đủ, ví dụ: «Hà Nội, ngày 05 tháng 01 năm 2020»."
            )
        } else {
            format!(
                "Địa danh, thời gian «{t}» sai dạng; viết đầy đủ: «Hà Nội, ngày 05 tháng 01 năm 2020»."
            )
        };
        return Outcome::Checked(vec![Finding::at(i, message)
            .with_fix(Fix::suggest("viết «<Địa danh>, ngày … tháng … năm …»"))]);
    };
    let mut out = Vec::new();
    if d.place.is_empty() {
        out.push(Finding::at(i, "Thiếu địa danh trước ngày tháng."));
    } else if d.place.chars().next().is_some_and(char::is_lowercase) {
        out.push(Finding::at(
            i,
            format!("Địa danh «{}» phải viết hoa chữ cái đầu.", d.place),
        ));
    }
    if !d.comma && !d.place.is_empty() {
        out.push(
            Finding::at(i, "Sau địa danh phải có dấu phẩy.").with_fix(Fix::replace(
                FixSafety::Safe,
                p.index,
                &d.place,
                &format!("{},", d.place),
            )),
        );
    }
    Outcome::Checked(out)
}

fn pad(v: &str, pad_it: bool) -> String {
    if pad_it && v.len() == 1 {
        format!("0{v}")
    } else {
        v.to_string()
    }
}

pub fn date_zero(ctx: &Ctx) -> Outcome {
    let (i, d) = match date_para(ctx) {
        Ok(v) => v,
        Err(o) => return o,
    };
    let Some(d) = d else {
        return Outcome::NotEvaluated("không đọc được ngày tháng".into());
    };
    let day: Option<u32> = d.day.parse().ok();
    let month: Option<u32> = d.month.parse().ok();
    let want_day = day.map(|v| format!("{v:02}"));
    let want_month = month.map(|m| {
        if m <= 2 {
            format!("{m:02}")
        } else {
            m.to_string()
        }
    });
    let day_ok = want_day.as_deref().is_none_or(|w| w == d.day);
    let month_ok = want_month.as_deref().is_none_or(|w| w == d.month);
    if day_ok && month_ok {
        return Outcome::pass();
    }
    let p = ctx.view.para(i);
    let new_day = want_day.unwrap_or_else(|| pad(&d.day, false));
    let new_month = want_month.unwrap_or_else(|| d.month.clone());
    let fixed = format!("ngày {new_day} tháng {new_month} năm");
    Outcome::Checked(vec![Finding::at(
        i,
        format!(
            "Ngày nhỏ hơn 10 và tháng 1, 2 phải ghi thêm số 0 (tháng từ 3 trở đi không thêm): «{fixed} {}».",
            d.year
        ),
    )
    .with_fix(Fix::replace(FixSafety::Safe, p.index, &d.phrase, &fixed))])
}

pub fn date_valid(ctx: &Ctx) -> Outcome {
    let (i, d) = match date_para(ctx) {
        Ok(v) => v,
        Err(o) => return o,
    };
    let Some(d) = d else {
        return Outcome::NotEvaluated("không đọc được ngày tháng".into());
    };
    let (Ok(day), Ok(month)) = (d.day.parse::<u32>(), d.month.parse::<u32>()) else {
        return Outcome::NotApplicable;
    };
    if NaiveDate::from_ymd_opt(d.year, month, day).is_some() {
        Outcome::pass()
    } else {
        Outcome::Checked(vec![Finding::at(
            i,
            format!("Ngày {day} tháng {month} năm {} không tồn tại.", d.year),
        )])
    }
}

pub fn date_format(ctx: &Ctx) -> Outcome {
    let parts: Vec<usize> = ctx.view.parts.dia_danh_ngay.into_iter().collect();
    style_outcome(ctx, &parts, &ctx.layout.place_date, "Địa danh, thời gian")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_parse_in_both_systems() {
        let n = parse_number("Số: 3/KH-UBND").unwrap();
        assert!(n.colon);
        assert_eq!(
            (n.digits.as_str(), n.sep, n.symbol.as_str()),
            ("3", '/', "KH-UBND")
        );
        assert_eq!(n.head, "Số: 3/");
        let n = parse_number("Số 415-KH/BDVTU-BCSĐUBND").unwrap();
        assert!(!n.colon);
        assert_eq!((n.digits.as_str(), n.sep), ("415", '-'));
        let n = parse_number("Số:\u{a0}\u{a0}\u{a0}/KH-VP").unwrap();
        assert_eq!((n.digits.as_str(), n.symbol.as_str()), ("", "KH-VP"));
        assert!(parse_number("Sổ tay").is_none());
    }

    #[test]
    fn dates_parse_with_blanks() {
        let d = parse_date("Xuân Lộc, ngày 12 tháng 7 năm 2023").unwrap();
        assert_eq!(
            (d.place.as_str(), d.day.as_str(), d.month.as_str(), d.year),
            ("Xuân Lộc", "12", "7", 2023)
        );
        let d = parse_date("Bắc Kạn, ngày \u{a0}\u{a0} tháng 02 năm 2024").unwrap();
        assert_eq!(d.day, "");
        assert!(parse_date("Hà Nội, 12/7/2023").is_none());
    }
}
