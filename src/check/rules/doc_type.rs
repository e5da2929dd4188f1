//! Tên loại văn bản (document type name), Ô 5a.

use super::common::{is_cong_van, present, style_outcome};
use super::{Ctx, Finding, Outcome, Per, RuleDef};
use crate::check::registry::{Evidence, FixSafety, Severity};
use crate::check::view::{Align, Element};
use crate::model::System;

/// The rules of this file, in the order of their codes.
pub(super) const RULES: &[RuleDef] = &[DOC_TYPE_PRESENT, DOC_TYPE_FORMAT];

/// ND30-401, HD36-401: Có tên loại văn bản.
pub(super) const DOC_TYPE_PRESENT: RuleDef = RuleDef {
    code: "401",
    check: "doc_type.present",
    run: doc_type_present,
    element: Element::DocType,
    systems: &[System::State, System::Party],
    fix: FixSafety::None,
    title: Per::Same("Có tên loại văn bản"),
    clause: Per::By(&[
        (
            "ND30",
            "NĐ 30/2020/NĐ-CP, Điều 8 khoản 2; Phụ lục I, Phần I, mục II.5",
        ),
        ("HD36", "HD 36-HD/VPTW, Phụ lục 3"),
    ]),
    evidence: Per::Same(Evidence::Stated),
    severity: Per::Same(Severity::Error),
    doc: Per::Same("Văn bản có tên loại (trừ công văn) ghi tên loại canh giữa, dưới số, ký hiệu."),
    wrong: Per::Same("Không có dòng «KẾ HOẠCH»"),
    right: Per::Same("KẾ HOẠCH"),
};

/// ND30-402, HD36-402: Tên loại: in hoa, cỡ 13–14, đứng, đậm, canh giữa.
pub(super) const DOC_TYPE_FORMAT: RuleDef = RuleDef {
    code: "402",
    check: "doc_type.format",
    run: doc_type_format,
    element: Element::DocType,
    systems: &[System::State, System::Party],
    fix: FixSafety::Safe,
    title: Per::By(&[("ND30", "Tên loại: in hoa, cỡ 13–14, đứng, đậm, canh giữa"), ("HD36", "Tên loại: in hoa, cỡ 15–16, đứng, đậm, canh giữa")]),
    clause: Per::By(&[("ND30", "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.5.a và mục V"), ("HD36", "HD 36-HD/VPTW, Phụ lục 3")]),
    evidence: Per::Same(Evidence::Stated),
    severity: Per::Same(Severity::Error),
    doc: Per::By(&[("ND30", "Tên loại văn bản trình bày bằng chữ in hoa, cỡ chữ 13 đến 14, kiểu chữ đứng, đậm, canh giữa."), ("HD36", "Tên loại chữ in hoa, cỡ 15 đến 16, đứng, đậm, canh giữa.")]),
    wrong: Per::By(&[("ND30", "Kế hoạch (in thường, cỡ 12)"), ("HD36", "KẾ HOẠCH (cỡ 14)")]),
    right: Per::By(&[("ND30", "KẾ HOẠCH (in hoa, cỡ 14, đậm)"), ("HD36", "KẾ HOẠCH (cỡ 16, đậm)")]),
};

fn doc_type_present(ctx: &Ctx) -> Outcome {
    if is_cong_van(ctx) {
        return Outcome::NotApplicable;
    }
    present(
        ctx.view.parts.ten_loai.is_some(),
        "tên loại văn bản (ví dụ «KẾ HOẠCH»)",
    )
}

fn doc_type_format(ctx: &Ctx) -> Outcome {
    if is_cong_van(ctx) {
        return Outcome::NotApplicable;
    }
    let parts: Vec<usize> = ctx.view.parts.ten_loai.into_iter().collect();
    let mut o = style_outcome(ctx, &parts, &ctx.layout.doc_type_name, "Tên loại văn bản");
    if let (Outcome::Checked(f), Some(i)) = (&mut o, ctx.view.parts.ten_loai) {
        if ctx.view.para(i).align != Align::Center {
            f.push(Finding::at(i, "Tên loại văn bản phải canh giữa."));
        }
    }
    o
}
