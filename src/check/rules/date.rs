//! Địa danh và thời gian ban hành (place and date), Ô 4.

use super::common::style_outcome;
use super::{Ctx, Finding, Outcome, Per, RuleDef};
use crate::check::fix::Fix;
use crate::check::registry::{Evidence, FixSafety, Severity};
use crate::check::view::Element;
use crate::model::System;
use chrono::NaiveDate;
use regex::Regex;
use std::sync::OnceLock;

/// The rules of this file, in the order of their codes.
pub(super) const RULES: &[RuleDef] = &[DATE_PRESENT, DATE_FORM, DATE_ZERO, DATE_VALID, DATE_FORMAT];

/// ND30-311, HD36-311: Có địa danh và thời gian ban hành.
pub(super) const DATE_PRESENT: RuleDef = RuleDef {
    code: "311",
    check: "date.present",
    run: date_present,
    element: Element::PlaceDate,
    systems: &[System::State, System::Party],
    fix: FixSafety::None,
    title: Per::Same("Có địa danh và thời gian ban hành"),
    clause: Per::By(&[("ND30", "NĐ 30/2020/NĐ-CP, Điều 8 khoản 2; Phụ lục I, Phần I, mục II.4"), ("HD36", "HD 36-HD/VPTW, Phụ lục 3")]),
    evidence: Per::Same(Evidence::Stated),
    severity: Per::Same(Severity::Error),
    doc: Per::By(&[("ND30", "Địa danh và thời gian ban hành trên cùng dòng với số, ký hiệu, canh giữa dưới Quốc hiệu, Tiêu ngữ."), ("HD36", "Địa danh, ngày tháng năm ở bên phải, dưới tiêu đề.")]),
    wrong: Per::Same("Không ghi ngày ban hành"),
    right: Per::By(&[("ND30", "Hà Nội, ngày 05 tháng 01 năm 2020"), ("HD36", "Kiên Giang, ngày 15 tháng 4 năm 2021")]),
};

/// ND30-312, HD36-312: Dạng «Địa danh, ngày … tháng … năm …».
pub(super) const DATE_FORM: RuleDef = RuleDef {
    code: "312",
    check: "date.form",
    run: date_form,
    element: Element::PlaceDate,
    systems: &[System::State, System::Party],
    fix: FixSafety::Safe,
    title: Per::Same("Dạng «Địa danh, ngày … tháng … năm …»"),
    clause: Per::By(&[("ND30", "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.4"), ("HD36", "HD 36-HD/VPTW, Phụ lục 3")]),
    evidence: Per::Same(Evidence::Stated),
    severity: Per::Same(Severity::Error),
    doc: Per::Same("Ngày, tháng, năm ban hành phải được viết đầy đủ; sau địa danh có dấu phẩy; địa danh viết hoa chữ cái đầu."),
    wrong: Per::By(&[("ND30", "Hà Nội 05/01/2020"), ("HD36", "Kiên Giang 15/4/2021")]),
    right: Per::By(&[("ND30", "Hà Nội, ngày 05 tháng 01 năm 2020"), ("HD36", "Kiên Giang, ngày 15 tháng 4 năm 2021")]),
};

/// ND30-313, HD36-313: Ngày nhỏ hơn 10 và tháng 1, 2 có số 0.
pub(super) const DATE_ZERO: RuleDef = RuleDef {
    code: "313",
    check: "date.zero",
    run: date_zero,
    element: Element::PlaceDate,
    systems: &[System::State, System::Party],
    fix: FixSafety::Safe,
    title: Per::Same("Ngày nhỏ hơn 10 và tháng 1, 2 có số 0"),
    clause: Per::By(&[
        ("ND30", "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.4.b"),
        (
            "HD36",
            "HD 36-HD/VPTW (ví dụ «Hạ Long, ngày 20 tháng 02 năm 2018»; quy tắc theo VBDANG)",
        ),
    ]),
    evidence: Per::By(&[("ND30", Evidence::Stated), ("HD36", Evidence::Derived)]),
    severity: Per::Same(Severity::Error),
    doc: Per::Same("Những số chỉ ngày nhỏ hơn 10 và tháng 1, 2 phải ghi thêm số 0 phía trước."),
    wrong: Per::Same("Hà Nội, ngày 5 tháng 2 năm 2024"),
    right: Per::Same("Hà Nội, ngày 05 tháng 02 năm 2024"),
};

/// ND30-314, HD36-314: Ngày ban hành có thật.
pub(super) const DATE_VALID: RuleDef = RuleDef {
    code: "314",
    check: "date.valid",
    run: date_valid,
    element: Element::PlaceDate,
    systems: &[System::State, System::Party],
    fix: FixSafety::None,
    title: Per::Same("Ngày ban hành có thật"),
    clause: Per::Same("Khuyến nghị kiểm tra (không có điều khoản riêng)"),
    evidence: Per::Same(Evidence::Inferred),
    severity: Per::Same(Severity::Warning),
    doc: Per::Same("Ngày tháng ghi trên văn bản phải là một ngày có thật."),
    wrong: Per::Same("ngày 30 tháng 02 năm 2024"),
    right: Per::Same("ngày 29 tháng 02 năm 2024"),
};

/// ND30-315, HD36-315: Địa danh, thời gian: cỡ 13–14, nghiêng.
pub(super) const DATE_FORMAT: RuleDef = RuleDef {
    code: "315",
    check: "date.format",
    run: date_format,
    element: Element::PlaceDate,
    systems: &[System::State, System::Party],
    fix: FixSafety::Safe,
    title: Per::By(&[("ND30", "Địa danh, thời gian: cỡ 13–14, nghiêng"), ("HD36", "Địa danh, thời gian: cỡ 14, nghiêng")]),
    clause: Per::By(&[("ND30", "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.4 và mục V"), ("HD36", "HD 36-HD/VPTW, Phụ lục 3")]),
    evidence: Per::Same(Evidence::Stated),
    severity: Per::Same(Severity::Error),
    doc: Per::By(&[("ND30", "Địa danh và thời gian trình bày bằng chữ in thường, cỡ chữ 13 đến 14, kiểu chữ nghiêng."), ("HD36", "Địa danh, ngày tháng năm in thường, cỡ 14, nghiêng.")]),
    wrong: Per::By(&[("ND30", "Hà Nội, ngày 05 tháng 01 năm 2020 (đứng)"), ("HD36", "(cỡ 13, đứng)")]),
    right: Per::By(&[("ND30", "Hà Nội, ngày 05 tháng 01 năm 2020 (nghiêng)"), ("HD36", "(cỡ 14, nghiêng)")]),
};

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

fn date_present(ctx: &Ctx) -> Outcome {
    if ctx.view.parts.attachment.is_some() {
        return Outcome::NotApplicable;
    }
    super::common::present(
        ctx.view.parts.dia_danh_ngay.is_some(),
        "địa danh và thời gian ban hành",
    )
}

fn date_form(ctx: &Ctx) -> Outcome {
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

fn date_zero(ctx: &Ctx) -> Outcome {
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

fn date_valid(ctx: &Ctx) -> Outcome {
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

fn date_format(ctx: &Ctx) -> Outcome {
    let parts: Vec<usize> = ctx.view.parts.dia_danh_ngay.into_iter().collect();
    style_outcome(ctx, &parts, &ctx.layout.place_date, "Địa danh, thời gian")
}

#[cfg(test)]
mod tests {
    use super::*;

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
