//! Quốc hiệu (national title), Ô 1.

use super::common::{present, style_outcome, upper_key};
use super::{Ctx, Finding, Outcome, Per, RuleDef};
use crate::check::fix::Fix;
use crate::check::registry::{Evidence, FixSafety, Severity};
use crate::check::view::Element;
use crate::model::System;

/// The rules of this file, in the order of their codes.
pub(super) const RULES: &[RuleDef] = &[
    NATIONAL_TITLE_PRESENT,
    NATIONAL_TITLE_TEXT,
    NATIONAL_TITLE_FORMAT,
];

/// ND30-201: Có Quốc hiệu.
pub(super) const NATIONAL_TITLE_PRESENT: RuleDef = RuleDef {
    code: "201",
    check: "national_title.present",
    run: national_title_present,
    element: Element::NationalTitle,
    systems: &[System::State],
    fix: FixSafety::None,
    title: Per::Same("Có Quốc hiệu"),
    clause: Per::Same("NĐ 30/2020/NĐ-CP, Điều 8 khoản 2; Phụ lục I, Phần I, mục II.1"),
    evidence: Per::Same(Evidence::Stated),
    severity: Per::Same(Severity::Error),
    doc: Per::Same("Quốc hiệu là thành phần bắt buộc, ở đầu trang 1, bên phải."),
    wrong: Per::Same("Văn bản bắt đầu bằng tên cơ quan, không có Quốc hiệu"),
    right: Per::Same("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
};

/// ND30-202: Quốc hiệu viết đúng.
pub(super) const NATIONAL_TITLE_TEXT: RuleDef = RuleDef {
    code: "202",
    check: "national_title.text",
    run: national_title_text,
    element: Element::NationalTitle,
    systems: &[System::State],
    fix: FixSafety::Guarded,
    title: Per::Same("Quốc hiệu viết đúng"),
    clause: Per::Same("NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.1.a"),
    evidence: Per::Same(Evidence::Stated),
    severity: Per::Same(Severity::Error),
    doc: Per::Same(
        "Quốc hiệu là «CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM» (chấp nhận cả cách bỏ dấu «HOÀ»).",
    ),
    wrong: Per::Same("CỘNG HÒA XÃ HỘI CHỦ NGHỈA VIỆT NAM"),
    right: Per::Same("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
};

/// ND30-203: Quốc hiệu: in hoa, cỡ 12–13, đứng, đậm.
pub(super) const NATIONAL_TITLE_FORMAT: RuleDef = RuleDef {
    code: "203",
    check: "national_title.format",
    run: national_title_format,
    element: Element::NationalTitle,
    systems: &[System::State],
    fix: FixSafety::Safe,
    title: Per::Same("Quốc hiệu: in hoa, cỡ 12–13, đứng, đậm"),
    clause: Per::Same("NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.1.a và mục V"),
    evidence: Per::Same(Evidence::Stated),
    severity: Per::Same(Severity::Error),
    doc: Per::Same("Quốc hiệu trình bày bằng chữ in hoa, cỡ chữ 12 đến 13, kiểu chữ đứng, đậm."),
    wrong: Per::Same("Cộng hòa xã hội chủ nghĩa Việt Nam (cỡ 14, không đậm)"),
    right: Per::Same("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM (cỡ 12, đậm)"),
};

/// Quốc hiệu as NĐ 30 writes it.
pub const QUOC_HIEU: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";

fn national_title_present(ctx: &Ctx) -> Outcome {
    present(
        ctx.view.parts.quoc_hieu.is_some(),
        "Quốc hiệu «CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM»",
    )
}

fn national_title_text(ctx: &Ctx) -> Outcome {
    let Some(i) = ctx.view.parts.quoc_hieu else {
        return Outcome::NotEvaluated("không tìm thấy Quốc hiệu".into());
    };
    let p = ctx.view.para(i);
    if upper_key(&p.text) == upper_key(QUOC_HIEU) {
        return Outcome::pass();
    }
    Outcome::Checked(vec![Finding::at(
        i,
        format!("Quốc hiệu viết «{}»; đúng là «{QUOC_HIEU}».", p.text.trim()),
    )
    .with_fix(Fix::replace(
        FixSafety::Guarded,
        p.index,
        p.text.trim(),
        QUOC_HIEU,
    ))])
}

fn national_title_format(ctx: &Ctx) -> Outcome {
    let parts: Vec<usize> = ctx.view.parts.quoc_hieu.into_iter().collect();
    style_outcome(ctx, &parts, &ctx.layout.national_title, "Quốc hiệu")
}
