//! Lề trang (page margins).

use super::{Ctx, Finding, Outcome, Per, RuleDef};
use crate::check::fix::{Edit, Fix};
use crate::check::registry::{Evidence, FixSafety, Severity};
use crate::check::view::{Element, PageSetup};
use crate::layout::{Range, Twips};
use crate::model::System;

/// The rules of this file, in the order of their codes.
pub(super) const RULES: &[RuleDef] = &[
    PAGE_MARGIN_TOP,
    PAGE_MARGIN_BOTTOM,
    PAGE_MARGIN_LEFT,
    PAGE_MARGIN_RIGHT,
];

/// ND30-102, HD36-102: Lề trên 20–25 mm.
pub(super) const PAGE_MARGIN_TOP: RuleDef = RuleDef {
    code: "102",
    check: "page.margin_top",
    run: margin_top,
    element: Element::Page,
    systems: &[System::State, System::Party],
    fix: FixSafety::Safe,
    title: Per::By(&[("ND30", "Lề trên 20–25 mm"), ("HD36", "Lề trên 20 mm")]),
    clause: Per::By(&[
        ("ND30", "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục I.4"),
        (
            "HD36",
            "HD 36-HD/VPTW (theo tài liệu thứ cấp VBDANG, HD05-A)",
        ),
    ]),
    evidence: Per::By(&[("ND30", Evidence::Stated), ("HD36", Evidence::Secondary)]),
    severity: Per::By(&[("ND30", Severity::Error), ("HD36", Severity::Warning)]),
    doc: Per::By(&[
        ("ND30", "Lề trên cách mép trên từ 20 mm đến 25 mm."),
        (
            "HD36",
            "Lề trên 20 mm (tài liệu thứ cấp; chưa đối chiếu bản gốc).",
        ),
    ]),
    wrong: Per::By(&[("ND30", "Lề trên 15 mm"), ("HD36", "Lề trên 25 mm")]),
    right: Per::Same("Lề trên 20 mm"),
};

/// ND30-103, HD36-103: Lề dưới 20–25 mm.
pub(super) const PAGE_MARGIN_BOTTOM: RuleDef = RuleDef {
    code: "103",
    check: "page.margin_bottom",
    run: margin_bottom,
    element: Element::Page,
    systems: &[System::State, System::Party],
    fix: FixSafety::Safe,
    title: Per::By(&[("ND30", "Lề dưới 20–25 mm"), ("HD36", "Lề dưới 20 mm")]),
    clause: Per::By(&[
        ("ND30", "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục I.4"),
        (
            "HD36",
            "HD 36-HD/VPTW (theo tài liệu thứ cấp VBDANG, HD05-A)",
        ),
    ]),
    evidence: Per::By(&[("ND30", Evidence::Stated), ("HD36", Evidence::Secondary)]),
    severity: Per::By(&[("ND30", Severity::Error), ("HD36", Severity::Warning)]),
    doc: Per::By(&[
        ("ND30", "Lề dưới cách mép dưới từ 20 mm đến 25 mm."),
        ("HD36", "Lề dưới 20 mm (tài liệu thứ cấp)."),
    ]),
    wrong: Per::By(&[("ND30", "Lề dưới 30 mm"), ("HD36", "Lề dưới 25 mm")]),
    right: Per::Same("Lề dưới 20 mm"),
};

/// ND30-104, HD36-104: Lề trái 30–35 mm.
pub(super) const PAGE_MARGIN_LEFT: RuleDef = RuleDef {
    code: "104",
    check: "page.margin_left",
    run: margin_left,
    element: Element::Page,
    systems: &[System::State, System::Party],
    fix: FixSafety::Safe,
    title: Per::By(&[("ND30", "Lề trái 30–35 mm"), ("HD36", "Lề trái 30 mm")]),
    clause: Per::By(&[
        ("ND30", "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục I.4"),
        (
            "HD36",
            "HD 36-HD/VPTW (theo tài liệu thứ cấp VBDANG, HD05-A)",
        ),
    ]),
    evidence: Per::By(&[("ND30", Evidence::Stated), ("HD36", Evidence::Secondary)]),
    severity: Per::By(&[("ND30", Severity::Error), ("HD36", Severity::Warning)]),
    doc: Per::By(&[
        ("ND30", "Lề trái cách mép trái từ 30 mm đến 35 mm."),
        ("HD36", "Lề trái 30 mm (tài liệu thứ cấp)."),
    ]),
    wrong: Per::By(&[
        ("ND30", "Lề trái 25,4 mm (mặc định của Word)"),
        ("HD36", "Lề trái 35 mm"),
    ]),
    right: Per::Same("Lề trái 30 mm"),
};

/// ND30-105, HD36-105: Lề phải 15–20 mm.
pub(super) const PAGE_MARGIN_RIGHT: RuleDef = RuleDef {
    code: "105",
    check: "page.margin_right",
    run: margin_right,
    element: Element::Page,
    systems: &[System::State, System::Party],
    fix: FixSafety::Safe,
    title: Per::By(&[("ND30", "Lề phải 15–20 mm"), ("HD36", "Lề phải 15 mm")]),
    clause: Per::By(&[
        ("ND30", "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục I.4"),
        (
            "HD36",
            "HD 36-HD/VPTW (theo tài liệu thứ cấp VBDANG, HD05-A)",
        ),
    ]),
    evidence: Per::By(&[("ND30", Evidence::Stated), ("HD36", Evidence::Secondary)]),
    severity: Per::By(&[("ND30", Severity::Error), ("HD36", Severity::Warning)]),
    doc: Per::By(&[
        ("ND30", "Lề phải cách mép phải từ 15 mm đến 20 mm."),
        ("HD36", "Lề phải 15 mm (tài liệu thứ cấp)."),
    ]),
    wrong: Per::By(&[("ND30", "Lề phải 25,4 mm"), ("HD36", "Lề phải 20 mm")]),
    right: Per::Same("Lề phải 15 mm"),
};

/// Twips of tolerance: Word rounds millimetres (e.g. 2 cm = 1134 or 1135).
const SLACK: i32 = 6;

fn margin(
    ctx: &Ctx,
    name: &str,
    get: fn(&PageSetup) -> Option<Twips>,
    range: fn(&crate::layout::Margins) -> Range<Twips>,
    edit: fn(Twips) -> Edit,
) -> Outcome {
    let Some(page) = &ctx.view.page else {
        return Outcome::NotEvaluated("không đọc được định dạng trang".into());
    };
    let Some(v) = get(page) else {
        return Outcome::NotEvaluated(format!("tệp không ghi lề {name}"));
    };
    let r = range(&ctx.layout.margins);
    if v.0 + SLACK >= r.min.0 && v.0 - SLACK <= r.max.0 {
        return Outcome::pass();
    }
    let allowed = if r.min == r.max {
        r.min.to_string()
    } else {
        format!("{:.0}–{}", r.min.as_mm(), r.max)
    };
    Outcome::Checked(vec![Finding::doc(format!(
        "Lề {name} {v}, quy định {allowed}."
    ))
    .with_fix(Fix::edit(
        format!("đặt lề {name} {}", r.preferred),
        edit(r.preferred),
    ))])
}

fn m(top: Option<Twips>, bottom: Option<Twips>, left: Option<Twips>, right: Option<Twips>) -> Edit {
    Edit::Margins {
        top,
        bottom,
        left,
        right,
    }
}

fn margin_top(ctx: &Ctx) -> Outcome {
    margin(
        ctx,
        "trên",
        |p| p.top,
        |m| m.top,
        |v| m(Some(v), None, None, None),
    )
}

fn margin_bottom(ctx: &Ctx) -> Outcome {
    margin(
        ctx,
        "dưới",
        |p| p.bottom,
        |m| m.bottom,
        |v| m(None, Some(v), None, None),
    )
}

fn margin_left(ctx: &Ctx) -> Outcome {
    margin(
        ctx,
        "trái",
        |p| p.left,
        |m| m.left,
        |v| m(None, None, Some(v), None),
    )
}

fn margin_right(ctx: &Ctx) -> Outcome {
    margin(
        ctx,
        "phải",
        |p| p.right,
        |m| m.right,
        |v| m(None, None, None, Some(v)),
    )
}
