//! Văn bản liên tịch (a header with both the national title and the Party title).

use super::{Ctx, Outcome, Per, RuleDef};
use crate::check::registry::{Evidence, FixSafety, Severity};
use crate::check::view::Element;
use crate::model::System;

/// The rules of this file, in the order of their codes.
pub(super) const RULES: &[RuleDef] = &[HEADER_MIXED];

/// ND30-200, HD36-200: Văn bản liên tịch nhà nước - Đảng cần kiểm tra thủ công.
pub(super) const HEADER_MIXED: RuleDef = RuleDef {
    code: "200",
    check: "header.mixed",
    run: mixed,
    element: Element::Issuer,
    systems: &[System::State, System::Party],
    fix: FixSafety::None,
    title: Per::Same("Văn bản liên tịch nhà nước - Đảng cần kiểm tra thủ công"),
    clause: Per::By(&[("ND30", "Không có văn bản quy định (NĐ 30/2020 không có quy định về văn bản liên tịch)"), ("HD36", "Không có văn bản quy định văn bản liên tịch giữa tổ chức Đảng và cơ quan nhà nước")]),
    evidence: Per::Same(Evidence::Inferred),
    severity: Per::Same(Severity::Warning),
    doc: Per::Same("Văn bản vừa có Quốc hiệu vừa có tiêu đề Đảng: không nguồn nào quy định thể thức chung; người kiểm tra chọn hệ thể thức của cơ quan chủ trì."),
    wrong: Per::Same("Đầu văn bản có cả «CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM» và «ĐẢNG CỘNG SẢN VIỆT NAM»"),
    right: Per::Same("Một hệ thể thức, theo cơ quan chủ trì"),
};

fn mixed(ctx: &Ctx) -> Outcome {
    if ctx.view.mixed {
        let at = ctx.view.parts.quoc_hieu.or(ctx.view.parts.dang);
        Outcome::Review(
            "Văn bản liên tịch giữa cơ quan nhà nước và tổ chức Đảng: không văn bản nào quy định thể thức; cần người kiểm tra chọn hệ thể thức của cơ quan chủ trì.".into(),
            at,
        )
    } else {
        Outcome::pass()
    }
}
