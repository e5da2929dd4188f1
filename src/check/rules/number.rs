//! Số, ký hiệu (reference number), Ô 3.

use super::common::{is_cong_van, style_outcome};
use super::{Ctx, Finding, Outcome, Per, RuleDef};
use crate::check::fix::Fix;
use crate::check::registry::{Evidence, FixSafety, Severity};
use crate::check::view::Element;
use crate::layout::DocTypeTable;
use crate::model::System;
use regex::Regex;
use std::sync::OnceLock;

/// The rules of this file, in the order of their codes.
pub(super) const RULES: &[RuleDef] = &[
    NUMBER_PRESENT,
    NUMBER_FORM,
    NUMBER_ZERO,
    NUMBER_TYPE_MATCH,
    NUMBER_PARTY_ALT,
    NUMBER_FORMAT,
];

/// ND30-301, HD36-301: Có số, ký hiệu.
pub(super) const NUMBER_PRESENT: RuleDef = RuleDef {
    code: "301",
    check: "number.present",
    run: present,
    element: Element::Number,
    systems: &[System::State, System::Party],
    fix: FixSafety::None,
    title: Per::Same("Có số, ký hiệu"),
    clause: Per::By(&[("ND30", "NĐ 30/2020/NĐ-CP, Điều 8 khoản 2; Phụ lục I, Phần I, mục II.3"), ("HD36", "HD 36-HD/VPTW, mục 1.3")]),
    evidence: Per::Same(Evidence::Stated),
    severity: Per::Same(Severity::Error),
    doc: Per::By(&[("ND30", "Số, ký hiệu văn bản canh giữa dưới tên cơ quan ban hành (để trống số trong bản dự thảo)."), ("HD36", "Số và ký hiệu dưới dấu sao (*), bên trái.")]),
    wrong: Per::Same("Không có dòng «Số:»"),
    right: Per::By(&[("ND30", "Số: 03/KH-UBND"), ("HD36", "Số 05-KH/TU")]),
};

/// ND30-302, HD36-302: Dạng số, ký hiệu: «Số: nn/LOẠI-CQ».
pub(super) const NUMBER_FORM: RuleDef = RuleDef {
    code: "302",
    check: "number.form",
    run: form,
    element: Element::Number,
    systems: &[System::State, System::Party],
    fix: FixSafety::Safe,
    title: Per::By(&[("ND30", "Dạng số, ký hiệu: «Số: nn/LOẠI-CQ»"), ("HD36", "Dạng số, ký hiệu: «Số nn-LOẠI/CQ»")]),
    clause: Per::By(&[("ND30", "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.3"), ("HD36", "HD 36-HD/VPTW, mục 1.3 và Phụ lục 3 (ví dụ «Số 127-QĐ/TW»)")]),
    evidence: Per::Same(Evidence::Stated),
    severity: Per::Same(Severity::Error),
    doc: Per::By(&[("ND30", "Sau từ «Số» có dấu hai chấm; giữa số và ký hiệu có dấu gạch chéo (/); giữa các nhóm chữ viết tắt có dấu gạch nối (-), không cách chữ."), ("HD36", "«Số» không có dấu hai chấm; giữa số và tên loại có gạch nối (-); giữa tên loại và tên cơ quan có gạch chéo (/).")]),
    wrong: Per::By(&[("ND30", "Số 03/KH - UBND"), ("HD36", "Số: 05/KH-TU")]),
    right: Per::By(&[("ND30", "Số: 03/KH-UBND"), ("HD36", "Số 05-KH/TU")]),
};

/// ND30-303, HD36-303: Số nhỏ hơn 10 có số 0 phía trước.
pub(super) const NUMBER_ZERO: RuleDef = RuleDef {
    code: "303",
    check: "number.zero",
    run: zero,
    element: Element::Number,
    systems: &[System::State, System::Party],
    fix: FixSafety::Safe,
    title: Per::Same("Số nhỏ hơn 10 có số 0 phía trước"),
    clause: Per::By(&[
        ("ND30", "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.3.a"),
        (
            "HD36",
            "HD 36-HD/VPTW (theo tài liệu thứ cấp VBDANG, HD05-A)",
        ),
    ]),
    evidence: Per::By(&[("ND30", Evidence::Stated), ("HD36", Evidence::Secondary)]),
    severity: Per::By(&[("ND30", Severity::Error), ("HD36", Severity::Warning)]),
    doc: Per::By(&[
        (
            "ND30",
            "Số của văn bản ghi bằng chữ số Ả Rập; số nhỏ hơn 10 phải ghi thêm số 0 phía trước.",
        ),
        (
            "HD36",
            "Số nhỏ hơn 10 ghi thêm số 0 phía trước (tài liệu thứ cấp).",
        ),
    ]),
    wrong: Per::By(&[("ND30", "Số: 3/KH-UBND"), ("HD36", "Số 5-KH/TU")]),
    right: Per::By(&[("ND30", "Số: 03/KH-UBND"), ("HD36", "Số 05-KH/TU")]),
};

/// ND30-304, HD36-304: Chữ viết tắt tên loại khớp tên loại.
pub(super) const NUMBER_TYPE_MATCH: RuleDef = RuleDef {
    code: "304",
    check: "number.type_match",
    run: type_match,
    element: Element::Number,
    systems: &[System::State, System::Party],
    fix: FixSafety::Guarded,
    title: Per::Same("Chữ viết tắt tên loại khớp tên loại"),
    clause: Per::By(&[("ND30", "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.3.b; Phụ lục III, mục I"), ("HD36", "HD 36-HD/VPTW (bảng chữ viết tắt theo tài liệu thứ cấp VBDANG)")]),
    evidence: Per::By(&[("ND30", Evidence::Stated), ("HD36", Evidence::Secondary)]),
    severity: Per::By(&[("ND30", Severity::Error), ("HD36", Severity::Warning)]),
    doc: Per::By(&[("ND30", "Ký hiệu gồm chữ viết tắt tên loại văn bản theo Phụ lục III và chữ viết tắt tên cơ quan; công văn không có chữ viết tắt tên loại."), ("HD36", "Chữ viết tắt tên loại trong ký hiệu khớp tên loại văn bản (bảng viết tắt của Đảng theo tài liệu thứ cấp).")]),
    wrong: Per::By(&[("ND30", "BÁO CÁO với Số: 12/KH-UBND"), ("HD36", "BÁO CÁO với Số 12-KH/TU")]),
    right: Per::By(&[("ND30", "BÁO CÁO với Số: 12/BC-UBND"), ("HD36", "BÁO CÁO với Số 12-BC/TU")]),
};

/// HD36-306: Quy định: «QĐi» hay «QĐ».
pub(super) const NUMBER_PARTY_ALT: RuleDef = RuleDef {
    code: "306",
    check: "number.party_alt",
    run: party_alt,
    element: Element::Number,
    systems: &[System::Party],
    fix: FixSafety::None,
    title: Per::Same("Quy định: «QĐi» hay «QĐ»"),
    clause: Per::Same("Các nguồn không thống nhất (VBDANG, CK95: QĐi; HD05-A, HD05-B: QĐ)"),
    evidence: Per::Same(Evidence::Inferred),
    severity: Per::Same(Severity::Warning),
    doc: Per::Same("Quy định của Đảng được viết tắt «QĐi» (Trung ương) hoặc «QĐ» tùy cấp; cơ quan chọn theo quy ước của mình (cấu hình trong hồ sơ)."),
    wrong: Per::Same("Số 08-QĐ/TW (cho một Quy định)"),
    right: Per::Same("Số 08-QĐi/TW"),
};

/// ND30-305, HD36-305: Số, ký hiệu: cỡ 13, đứng.
pub(super) const NUMBER_FORMAT: RuleDef = RuleDef {
    code: "305",
    check: "number.format",
    run: format,
    element: Element::Number,
    systems: &[System::State, System::Party],
    fix: FixSafety::Safe,
    title: Per::By(&[
        ("ND30", "Số, ký hiệu: cỡ 13, đứng"),
        ("HD36", "Số, ký hiệu: cỡ 14, đứng"),
    ]),
    clause: Per::By(&[
        (
            "ND30",
            "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục V (Mẫu chữ)",
        ),
        ("HD36", "HD 36-HD/VPTW, Phụ lục 3"),
    ]),
    evidence: Per::Same(Evidence::Stated),
    severity: Per::Same(Severity::Error),
    doc: Per::By(&[
        (
            "ND30",
            "Từ «Số» in thường, ký hiệu in hoa, cỡ chữ 13, kiểu chữ đứng.",
        ),
        ("HD36", "Số và ký hiệu in thường, cỡ 14, đứng."),
    ]),
    wrong: Per::By(&[
        ("ND30", "Số: 03/KH-UBND (cỡ 14, đậm)"),
        ("HD36", "Số 05-KH/TU (cỡ 13)"),
    ]),
    right: Per::By(&[
        ("ND30", "Số: 03/KH-UBND (cỡ 13, đứng)"),
        ("HD36", "Số 05-KH/TU (cỡ 14)"),
    ]),
};

/// The parts of a "Số ..." line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberLine {
    /// Whether "Số" is followed by a colon.
    pub colon: bool,
    /// The digits, empty when left blank; with the dots typed between them ("24.4"), which
    /// no số of the register has.
    pub digits: String,
    /// The character between number and symbol ('/' state, '-' Party).
    pub sep: char,
    /// Everything after the separator (and after the year, when there is one).
    pub symbol: String,
    /// The year between number and symbol of a văn bản quy phạm pháp luật ("2018" of
    /// "Số: 11/2018/QĐ-UBND"); `None` in the administrative form.
    pub year: Option<u16>,
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
    let mut digits: String = after.chars().take_while(char::is_ascii_digit).collect();
    // A number with dots in it ("24.4", a day and month typed as the number) is still the
    // số line, whose form rule then reports it.
    while !digits.is_empty() {
        let tail = &after[digits.len()..];
        let more: String = tail
            .strip_prefix('.')
            .map(|t| t.chars().take_while(char::is_ascii_digit).collect())
            .unwrap_or_default();
        if more.is_empty() {
            break;
        }
        digits.push('.');
        digits.push_str(&more);
    }
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
    let mut symbol = rest3[sep.len_utf8()..].trim();
    // "Số: 11/2018/QĐ-UBND": a văn bản quy phạm pháp luật carries its year of issue.
    let mut year = None;
    if sep == '/' {
        if let Some((y, rest)) = symbol.split_once('/') {
            if let Ok(n) = y.parse::<u16>() {
                if y.len() == 4 && (1945..=2100).contains(&n) {
                    year = Some(n);
                    symbol = rest.trim_start();
                }
            }
        }
    }
    let symbol = symbol.to_string();
    let head_len = t.len() - rest3.len() + sep.len_utf8();
    Some(NumberLine {
        colon,
        digits,
        sep,
        symbol,
        year,
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

fn present(ctx: &Ctx) -> Outcome {
    if ctx.view.parts.attachment.is_some() {
        return Outcome::NotApplicable;
    }
    super::common::present(ctx.view.parts.so_ky_hieu.is_some(), "số, ký hiệu văn bản")
}

fn form(ctx: &Ctx) -> Outcome {
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
    let (want_sep, re, example) = if state && is_cong_van(ctx) {
        (
            '/',
            state_symbol(),
            "Số: 12/UBND-VP (công văn: gạch chéo sau số, rồi tên cơ quan viết tắt, gạch nối, đơn vị soạn thảo hoặc lĩnh vực viết tắt)",
        )
    } else if state {
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
    if n.digits.contains('.') {
        out.push(Finding::at(
            i,
            format!(
                "Số «{}» không phải số thứ tự văn bản: số ghi bằng chữ số Ả Rập, theo thứ tự văn bản ban hành trong năm, không có dấu chấm.",
                n.digits
            ),
        ));
    }
    if n.sep != want_sep || !re.is_match(&n.symbol) {
        // Name the fault a reader cannot see at a glance: a space inside the ký hiệu.
        let inner_space = n.symbol.trim().contains(char::is_whitespace);
        out.push(Finding::at(
            i,
            format!(
                "Số, ký hiệu «{}» sai dạng{}; đúng dạng: {example}.",
                p.text.trim(),
                if inner_space {
                    " (ký hiệu có dấu cách)"
                } else {
                    ""
                }
            ),
        ));
    }
    Outcome::Checked(out)
}

fn zero(ctx: &Ctx) -> Outcome {
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
        // A dash typed long ("HD – HĐTĐKT") still parts the type from the bodies; rule 302
        // reports the dash itself.
        System::State => symbol.split(['-', '–', '—']).next(),
        System::Party => symbol.split('/').next(),
    }
}

fn type_match(ctx: &Ctx) -> Outcome {
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
    // Spaces typed around the hyphen ("TTr - SCT") are the form rule's fault (302), not a
    // wrong abbreviation.
    let actual = type_abbr(ctx.system, &n.symbol)
        .unwrap_or_default()
        .trim_matches([' ', '\u{a0}']);
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

fn party_alt(ctx: &Ctx) -> Outcome {
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

fn format(ctx: &Ctx) -> Outcome {
    let parts: Vec<usize> = ctx.view.parts.so_ky_hieu.into_iter().collect();
    style_outcome(ctx, &parts, &ctx.layout.number, "Số, ký hiệu")
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
        let n = parse_number("Số: 24.4/TTr-TCG").unwrap();
        assert_eq!((n.digits.as_str(), n.symbol.as_str()), ("24.4", "TTr-TCG"));
        assert_eq!(parse_number("Số: 24.4.a/TTr"), None);
        let n = parse_number("Số:\u{a0}\u{a0}\u{a0}/KH-VP").unwrap();
        assert_eq!((n.digits.as_str(), n.symbol.as_str()), ("", "KH-VP"));
        assert!(parse_number("Sổ tay").is_none());
    }

    #[test]
    fn a_normative_number_carries_its_year_between_number_and_symbol() {
        let n = parse_number("Số: 11/2018/QĐ-UBND").unwrap();
        assert_eq!(
            (n.digits.as_str(), n.year, n.symbol.as_str()),
            ("11", Some(2018), "QĐ-UBND")
        );
        assert_eq!(n.head, "Số: 11/");
        let n = parse_number("Số:\u{a0}\u{a0}\u{a0}/2026/NQ-HĐND").unwrap();
        assert_eq!((n.digits.as_str(), n.year), ("", Some(2026)));
        assert_eq!(n.symbol, "NQ-HĐND");
        // Not a year: an ordinary symbol, and the Party form, keep their text.
        assert_eq!(parse_number("Số: 12/UBND-VX").unwrap().year, None);
        let n = parse_number("Số 05-KH/TU").unwrap();
        assert_eq!((n.year, n.symbol.as_str()), (None, "KH/TU"));
        assert_eq!(parse_number("Số: 3/123/QĐ-UBND").unwrap().year, None);
    }
}
