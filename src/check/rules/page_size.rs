//! Khổ giấy (paper size): A4, portrait.

use super::{Ctx, Finding, Outcome, Per, RuleDef};
use crate::check::fix::{Edit, Fix};
use crate::check::registry::{Evidence, FixSafety, Severity};
use crate::check::view::Element;
use crate::layout::Twips;
use crate::model::System;

/// The rules of this file, in the order of their codes.
pub(super) const RULES: &[RuleDef] = &[PAGE_SIZE];

/// ND30-101, HD36-101: Khổ giấy A4, trình bày theo chiều dài.
pub(super) const PAGE_SIZE: RuleDef = RuleDef {
    code: "101",
    check: "page.size",
    run: size,
    element: Element::Page,
    systems: &[System::State, System::Party],
    fix: FixSafety::Safe,
    title: Per::Same("Khổ giấy A4, trình bày theo chiều dài"),
    clause: Per::By(&[
        ("ND30", "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục I.3"),
        (
            "HD36",
            "HD 36-HD/VPTW, mục II (theo VINHUNI: A4 210 × 297 mm)",
        ),
    ]),
    evidence: Per::Same(Evidence::Stated),
    severity: Per::Same(Severity::Error),
    doc: Per::Same(
        "Văn bản trình bày trên khổ giấy A4 (210 mm × 297 mm), theo chiều dài của trang.",
    ),
    wrong: Per::Same("Khổ Letter (216 × 279 mm) hoặc A4 nằm ngang"),
    right: Per::Same("A4 dọc, 210 × 297 mm"),
};

/// Whether two paper measures are the same within 20 twips (1 pt): Word writes A4 11906 or
/// 11907 wide.
fn near(a: Twips, b: Twips) -> bool {
    (a.0 - b.0).abs() <= 20
}

fn size(ctx: &Ctx) -> Outcome {
    let Some(page) = &ctx.view.page else {
        return Outcome::NotEvaluated("không đọc được định dạng trang".into());
    };
    let (Some(w), Some(h)) = (page.width, page.height) else {
        return Outcome::NotEvaluated("tệp không ghi khổ giấy".into());
    };
    let (aw, ah) = (ctx.layout.page_width, ctx.layout.page_height);
    if near(w, aw) && near(h, ah) {
        return later_papers(ctx, &page.later_papers);
    }
    let msg = if near(w, ah) && near(h, aw) {
        "Trang đang để khổ ngang; văn bản trình bày theo chiều dài khổ A4 (210 × 297 mm)."
            .to_string()
    } else {
        format!(
            "Khổ giấy {:.0} × {:.0} mm, quy định A4 (210 × 297 mm).",
            w.as_mm(),
            h.as_mm()
        )
    };
    Outcome::Checked(vec![Finding::doc(msg).with_fix(Fix::edit(
        "đặt khổ A4 dọc",
        Edit::PageSize {
            width: aw,
            height: ah,
        },
    ))])
}

/// The later sections of a document whose first is A4 upright: each on A4, upright or turned
/// (pages of tables may be set across the page, NĐ 30 Phụ lục I, I.3). One finding for all
/// the sections on other paper; the fix sets the paper of every section, keeping the turned
/// ones turned.
fn later_papers(ctx: &Ctx, papers: &[(Twips, Twips)]) -> Outcome {
    let (aw, ah) = (ctx.layout.page_width, ctx.layout.page_height);
    let a4 = |(w, h): (Twips, Twips)| (near(w, aw) && near(h, ah)) || (near(w, ah) && near(h, aw));
    let other: Vec<(usize, (Twips, Twips))> = papers
        .iter()
        .copied()
        .enumerate()
        .filter(|&(_, p)| !a4(p))
        .collect();
    let Some(&(_, (w, h))) = other.first() else {
        return Outcome::pass();
    };
    let parts: Vec<String> = other.iter().map(|(k, _)| (k + 2).to_string()).collect();
    Outcome::Checked(vec![Finding::doc(format!(
        "Phần (section) thứ {} của văn bản để khổ {:.0} × {:.0} mm; mọi trang trình bày trên khổ A4 (210 × 297 mm).",
        parts.join(", "),
        w.as_mm(),
        h.as_mm()
    ))
    .with_fix(Fix::edit(
        "đặt khổ A4 cho mọi phần trang",
        Edit::PageSize {
            width: aw,
            height: ah,
        },
    ))])
}
