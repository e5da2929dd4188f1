//! Tiêu đề «ĐẢNG CỘNG SẢN VIỆT NAM» (Party title) of Party documents.

use super::common::{has_line_under, present, style_outcome};
use super::{Ctx, Finding, Outcome, Per, RuleDef};
use crate::check::fix::Fix;
use crate::check::registry::{Evidence, FixSafety, Severity};
use crate::check::view::Element;
use crate::model::System;

/// The rules of this file, in the order of their codes.
pub(super) const RULES: &[RuleDef] = &[PARTY_TITLE_PRESENT, PARTY_TITLE_FORMAT, PARTY_TITLE_LINE];

/// HD36-231: Có tiêu đề «ĐẢNG CỘNG SẢN VIỆT NAM».
pub(super) const PARTY_TITLE_PRESENT: RuleDef = RuleDef {
    code: "231",
    check: "party_title.present",
    run: party_title_present,
    element: Element::PartyTitle,
    systems: &[System::Party],
    fix: FixSafety::None,
    title: Per::Same("Có tiêu đề «ĐẢNG CỘNG SẢN VIỆT NAM»"),
    clause: Per::Same("HD 36-HD/VPTW, mục 1.1.2"),
    evidence: Per::Same(Evidence::Stated),
    severity: Per::Same(Severity::Error),
    doc: Per::Same("Văn bản của Đảng có tiêu đề «ĐẢNG CỘNG SẢN VIỆT NAM» ở dòng đầu, góc phải trang 1; không có Quốc hiệu, Tiêu ngữ."),
    wrong: Per::Same("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM trên văn bản của Tỉnh ủy"),
    right: Per::Same("ĐẢNG CỘNG SẢN VIỆT NAM"),
};

/// HD36-232: Tiêu đề: in hoa, cỡ 15, đứng, đậm.
pub(super) const PARTY_TITLE_FORMAT: RuleDef = RuleDef {
    code: "232",
    check: "party_title.format",
    run: party_title_format,
    element: Element::PartyTitle,
    systems: &[System::Party],
    fix: FixSafety::Safe,
    title: Per::Same("Tiêu đề: in hoa, cỡ 15, đứng, đậm"),
    clause: Per::Same("HD 36-HD/VPTW, Phụ lục 3"),
    evidence: Per::Same(Evidence::Stated),
    severity: Per::Same(Severity::Error),
    doc: Per::Same("Tiêu đề chữ in hoa, cỡ 15, đứng, đậm."),
    wrong: Per::Same("ĐẢNG CỘNG SẢN VIỆT NAM (cỡ 13)"),
    right: Per::Same("ĐẢNG CỘNG SẢN VIỆT NAM (cỡ 15, đậm)"),
};

/// HD36-233: Đường kẻ dưới tiêu đề.
pub(super) const PARTY_TITLE_LINE: RuleDef = RuleDef {
    code: "233",
    check: "party_title.line",
    run: party_title_line,
    element: Element::PartyTitle,
    systems: &[System::Party],
    fix: FixSafety::Suggest,
    title: Per::Same("Đường kẻ dưới tiêu đề"),
    clause: Per::Same("HD 36-HD/VPTW, mục 1.1.2"),
    evidence: Per::Same(Evidence::Stated),
    severity: Per::Same(Severity::Error),
    doc: Per::Same("Dưới tiêu đề có đường kẻ ngang nét liền, dài bằng độ dài tiêu đề."),
    wrong: Per::Same("Tiêu đề không có đường kẻ dưới"),
    right: Per::Same("Tiêu đề có đường viền dưới dài bằng dòng chữ"),
};

/// The Party title.
pub const DANG: &str = "ĐẢNG CỘNG SẢN VIỆT NAM";

fn party_title_present(ctx: &Ctx) -> Outcome {
    present(
        ctx.view.parts.dang.is_some(),
        "tiêu đề «ĐẢNG CỘNG SẢN VIỆT NAM»",
    )
}

fn party_title_format(ctx: &Ctx) -> Outcome {
    let parts: Vec<usize> = ctx.view.parts.dang.into_iter().collect();
    style_outcome(
        ctx,
        &parts,
        &ctx.layout.national_title,
        "Tiêu đề «ĐẢNG CỘNG SẢN VIỆT NAM»",
    )
}

fn party_title_line(ctx: &Ctx) -> Outcome {
    let Some(i) = ctx.view.parts.dang else {
        return Outcome::NotEvaluated("không tìm thấy tiêu đề".into());
    };
    if has_line_under(ctx, i) {
        Outcome::pass()
    } else {
        Outcome::Checked(vec![Finding::at(
            i,
            "Thiếu đường kẻ ngang nét liền dưới tiêu đề «ĐẢNG CỘNG SẢN VIỆT NAM».",
        )
        .with_fix(Fix::suggest(
            "kẻ đường viền dưới (bottom border) cho đoạn tiêu đề",
        ))])
    }
}
