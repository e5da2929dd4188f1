//! Tên cơ quan chủ quản, cơ quan ban hành (superior and issuing body), Ô 2.

use super::common::{has_line_under, present, style_outcome};
use super::{Ctx, Finding, Outcome, Per, RuleDef};
use crate::check::fix::Fix;
use crate::check::registry::{Evidence, FixSafety, Severity};
use crate::check::view::Element;
use crate::model::System;

/// The rules of this file, in the order of their codes.
pub(super) const RULES: &[RuleDef] = &[
    ISSUER_PRESENT,
    ISSUER_FORMAT,
    ISSUER_SUPERIOR_FORMAT,
    ISSUER_MARK,
    ISSUER_PLACEHOLDER,
];

/// ND30-225, HD36-225: Tên cơ quan không còn chữ mẫu ("UBND TỈNH ...").
pub(super) const ISSUER_PLACEHOLDER: RuleDef = RuleDef {
    code: "225",
    check: "issuer.placeholder",
    run: issuer_placeholder,
    element: Element::Issuer,
    systems: &[System::State, System::Party],
    fix: FixSafety::None,
    title: Per::Same("Tên cơ quan không còn chữ mẫu chưa điền"),
    clause: Per::By(&[("ND30", "NĐ 30/2020/NĐ-CP, Điều 8 khoản 2; Phụ lục I, Phần I, mục II.2"), ("HD36", "HD 36-HD/VPTW, mục 1.2.1")]),
    evidence: Per::Same(Evidence::Inferred),
    severity: Per::Same(Severity::Warning),
    doc: Per::Same("Tên cơ quan chủ quản và cơ quan ban hành ghi đầy đủ hoặc viết tắt theo quy định; dấu “...” là chữ mẫu của bản thảo chưa được điền, không in ra văn bản."),
    wrong: Per::Same("UBND TỈNH ..."),
    right: Per::Same("UBND TỈNH BẮC KẠN"),
};

/// ND30-221, HD36-221: Có tên cơ quan ban hành.
pub(super) const ISSUER_PRESENT: RuleDef = RuleDef {
    code: "221",
    check: "issuer.present",
    run: issuer_present,
    element: Element::Issuer,
    systems: &[System::State, System::Party],
    fix: FixSafety::None,
    title: Per::Same("Có tên cơ quan ban hành"),
    clause: Per::By(&[("ND30", "NĐ 30/2020/NĐ-CP, Điều 8 khoản 2; Phụ lục I, Phần I, mục II.2"), ("HD36", "HD 36-HD/VPTW, mục 1.2.1")]),
    evidence: Per::Same(Evidence::Stated),
    severity: Per::Same(Severity::Error),
    doc: Per::By(&[("ND30", "Tên cơ quan, tổ chức ban hành văn bản ở góc trên bên trái trang 1."), ("HD36", "Tên cơ quan ban hành ở góc trên bên trái trang 1, ghi đúng tên theo Điều lệ Đảng hoặc quyết định thành lập.")]),
    wrong: Per::Same("Không ghi tên cơ quan ban hành"),
    right: Per::By(&[("ND30", "UBND TỈNH BẮC KẠN / VĂN PHÒNG"), ("HD36", "TỈNH ỦY KIÊN GIANG / BAN DÂN VẬN / *")]),
};

/// ND30-222, HD36-222: Tên cơ quan ban hành: in hoa, cỡ 12–13, đứng, đậm.
pub(super) const ISSUER_FORMAT: RuleDef = RuleDef {
    code: "222",
    check: "issuer.format",
    run: issuer_format,
    element: Element::Issuer,
    systems: &[System::State, System::Party],
    fix: FixSafety::Safe,
    title: Per::By(&[("ND30", "Tên cơ quan ban hành: in hoa, cỡ 12–13, đứng, đậm"), ("HD36", "Tên cơ quan ban hành: in hoa, cỡ 14, đứng, đậm")]),
    clause: Per::By(&[("ND30", "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.2.b và mục V"), ("HD36", "HD 36-HD/VPTW, Phụ lục 3")]),
    evidence: Per::Same(Evidence::Stated),
    severity: Per::Same(Severity::Error),
    doc: Per::By(&[("ND30", "Tên cơ quan ban hành trình bày bằng chữ in hoa, cỡ chữ 12 đến 13, kiểu chữ đứng, đậm, canh giữa dưới tên cơ quan chủ quản."), ("HD36", "Tên cơ quan ban hành chữ in hoa, cỡ 14, đứng, đậm.")]),
    wrong: Per::By(&[("ND30", "Văn phòng (in thường, không đậm)"), ("HD36", "BAN DÂN VẬN (cỡ 13, không đậm)")]),
    right: Per::By(&[("ND30", "VĂN PHÒNG (in hoa, đậm)"), ("HD36", "BAN DÂN VẬN (cỡ 14, đậm)")]),
};

/// ND30-223, HD36-223: Tên cơ quan chủ quản: in hoa, cỡ 12–13, đứng, không đậm.
pub(super) const ISSUER_SUPERIOR_FORMAT: RuleDef = RuleDef {
    code: "223",
    check: "issuer.superior_format",
    run: superior_format,
    element: Element::Superior,
    systems: &[System::State, System::Party],
    fix: FixSafety::Safe,
    title: Per::By(&[("ND30", "Tên cơ quan chủ quản: in hoa, cỡ 12–13, đứng, không đậm"), ("HD36", "Tên cơ quan cấp trên: in hoa, cỡ 14, đứng, không đậm")]),
    clause: Per::By(&[("ND30", "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.2.b và mục V"), ("HD36", "HD 36-HD/VPTW, Phụ lục 3")]),
    evidence: Per::Same(Evidence::Stated),
    severity: Per::Same(Severity::Error),
    doc: Per::By(&[("ND30", "Tên cơ quan chủ quản trực tiếp trình bày bằng chữ in hoa, cỡ chữ 12 đến 13, kiểu chữ đứng, không đậm."), ("HD36", "Tên cơ quan cấp trên trực tiếp chữ in hoa, cỡ 14, đứng, không đậm.")]),
    wrong: Per::By(&[("ND30", "UBND TỈNH BẮC KẠN (đậm)"), ("HD36", "TỈNH ỦY KIÊN GIANG (đậm)")]),
    right: Per::By(&[("ND30", "UBND TỈNH BẮC KẠN (không đậm)"), ("HD36", "TỈNH ỦY KIÊN GIANG (không đậm)")]),
};

/// ND30-224, HD36-224: Đường kẻ dưới tên cơ quan ban hành.
pub(super) const ISSUER_MARK: RuleDef = RuleDef {
    code: "224",
    check: "issuer.mark",
    run: issuer_mark,
    element: Element::Issuer,
    systems: &[System::State, System::Party],
    fix: FixSafety::Suggest,
    title: Per::By(&[("ND30", "Đường kẻ dưới tên cơ quan ban hành"), ("HD36", "Dấu sao (*) dưới tên cơ quan ban hành")]),
    clause: Per::By(&[("ND30", "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.2.b"), ("HD36", "HD 36-HD/VPTW, mục 1.2.1 và Phụ lục 3")]),
    evidence: Per::Same(Evidence::Stated),
    severity: Per::Same(Severity::Error),
    doc: Per::By(&[("ND30", "Phía dưới tên cơ quan ban hành có đường kẻ ngang, nét liền, dài từ 1/3 đến 1/2 độ dài dòng chữ, đặt cân đối."), ("HD36", "Dưới tên cơ quan ban hành có dấu sao (*) canh giữa (không dùng đường kẻ như văn bản hành chính).")]),
    wrong: Per::By(&[("ND30", "VĂN PHÒNG / * (dấu sao của văn bản Đảng)"), ("HD36", "BAN DÂN VẬN / đường kẻ ngang")]),
    right: Per::By(&[("ND30", "VĂN PHÒNG / đường kẻ ngang nét liền"), ("HD36", "BAN DÂN VẬN / *")]),
};

fn issuer_present(ctx: &Ctx) -> Outcome {
    present(
        !ctx.view.parts.ban_hanh.is_empty(),
        "tên cơ quan, tổ chức ban hành",
    )
}

fn issuer_format(ctx: &Ctx) -> Outcome {
    style_outcome(
        ctx,
        &ctx.view.parts.ban_hanh,
        &ctx.layout.issuing_body,
        "Tên cơ quan ban hành",
    )
}

fn superior_format(ctx: &Ctx) -> Outcome {
    if ctx.view.parts.chu_quan.is_empty() {
        return Outcome::NotApplicable;
    }
    style_outcome(
        ctx,
        &ctx.view.parts.chu_quan,
        &ctx.layout.superior_body,
        "Tên cơ quan chủ quản",
    )
}

fn issuer_placeholder(ctx: &Ctx) -> Outcome {
    let lines = ctx
        .view
        .parts
        .chu_quan
        .iter()
        .chain(&ctx.view.parts.ban_hanh);
    let found: Vec<Finding> = lines
        .filter(|&&i| {
            let t = &ctx.view.para(i).text;
            t.contains("...") || t.contains('…')
        })
        .map(|&i| {
            Finding::at(
                i,
                format!(
                    "Tên cơ quan «{}» còn chữ mẫu “...”: điền tên đầy đủ hoặc tên viết tắt.",
                    ctx.view.para(i).text.trim()
                ),
            )
        })
        .collect();
    if ctx.view.parts.chu_quan.is_empty() && ctx.view.parts.ban_hanh.is_empty() {
        return Outcome::NotApplicable;
    }
    Outcome::Checked(found)
}

fn issuer_mark(ctx: &Ctx) -> Outcome {
    let Some(&last) = ctx.view.parts.ban_hanh.last() else {
        return Outcome::NotEvaluated("không tìm thấy tên cơ quan ban hành".into());
    };
    if ctx.facts.issuer_mark == "star" {
        if ctx.view.parts.star.is_some() {
            return Outcome::pass();
        }
        return Outcome::Checked(vec![Finding::at(
            last,
            "Thiếu dấu sao (*) canh giữa dưới tên cơ quan ban hành.",
        )
        .with_fix(Fix::suggest(
            "thêm một dòng \"*\" canh giữa dưới tên cơ quan",
        ))]);
    }
    if has_line_under(ctx, last) {
        return Outcome::pass();
    }
    let msg = if ctx.view.parts.star.is_some() {
        "Dưới tên cơ quan ban hành dùng dấu (*) của văn bản Đảng; văn bản hành chính dùng đường kẻ ngang nét liền (1/3–1/2 dòng chữ)."
    } else {
        "Thiếu đường kẻ ngang nét liền dưới tên cơ quan ban hành (dài 1/3–1/2 dòng chữ, canh giữa)."
    };
    Outcome::Checked(vec![
        Finding::at(last, msg).with_fix(Fix::suggest("kẻ đường ngang dưới tên cơ quan ban hành"))
    ])
}
