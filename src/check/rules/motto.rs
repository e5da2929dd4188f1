//! Tiêu ngữ (motto), Ô 1.

use super::common::{has_line_under, present, style_outcome};
use super::{Ctx, Finding, Outcome, Per, RuleDef};
use crate::check::fix::{Edit, Fix};
use crate::check::registry::{Evidence, FixSafety, Severity};
use crate::check::view::Element;
use crate::model::System;
use regex::Regex;
use std::sync::OnceLock;

/// The rules of this file, in the order of their codes.
pub(super) const RULES: &[RuleDef] = &[MOTTO_PRESENT, MOTTO_DASH, MOTTO_FORMAT, MOTTO_LINE];

/// ND30-211: Có Tiêu ngữ.
pub(super) const MOTTO_PRESENT: RuleDef = RuleDef {
    code: "211",
    check: "motto.present",
    run: motto_present,
    element: Element::Motto,
    systems: &[System::State],
    fix: FixSafety::None,
    title: Per::Same("Có Tiêu ngữ"),
    clause: Per::Same("NĐ 30/2020/NĐ-CP, Điều 8 khoản 2; Phụ lục I, Phần I, mục II.1"),
    evidence: Per::Same(Evidence::Stated),
    severity: Per::Same(Severity::Error),
    doc: Per::Same("Tiêu ngữ «Độc lập - Tự do - Hạnh phúc» canh giữa dưới Quốc hiệu."),
    wrong: Per::Same("Chỉ có Quốc hiệu, không có Tiêu ngữ"),
    right: Per::Same("Độc lập - Tự do - Hạnh phúc"),
};

/// ND30-212: Tiêu ngữ: gạch nối có cách chữ.
pub(super) const MOTTO_DASH: RuleDef = RuleDef {
    code: "212",
    check: "motto.dash",
    run: motto_dash,
    element: Element::Motto,
    systems: &[System::State],
    fix: FixSafety::Safe,
    title: Per::Same("Tiêu ngữ: gạch nối có cách chữ"),
    clause: Per::Same("NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.1.b"),
    evidence: Per::Same(Evidence::Stated),
    severity: Per::Same(Severity::Error),
    doc: Per::Same("Giữa các cụm từ của Tiêu ngữ có gạch nối (-), có cách chữ."),
    wrong: Per::Same("Độc lập – Tự do – Hạnh phúc (gạch ngang dài) hoặc Độc lập-Tự do-Hạnh phúc"),
    right: Per::Same("Độc lập - Tự do - Hạnh phúc"),
};

/// ND30-213: Tiêu ngữ: cỡ 13–14, đứng, đậm.
pub(super) const MOTTO_FORMAT: RuleDef = RuleDef {
    code: "213",
    check: "motto.format",
    run: motto_format,
    element: Element::Motto,
    systems: &[System::State],
    fix: FixSafety::Safe,
    title: Per::Same("Tiêu ngữ: cỡ 13–14, đứng, đậm"),
    clause: Per::Same("NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.1.b và mục V"),
    evidence: Per::Same(Evidence::Stated),
    severity: Per::Same(Severity::Error),
    doc: Per::Same("Tiêu ngữ in thường, chữ cái đầu các cụm từ viết hoa, cỡ chữ 13 đến 14, kiểu chữ đứng, đậm."),
    wrong: Per::Same("Độc lập - Tự do - Hạnh phúc (cỡ 12, nghiêng)"),
    right: Per::Same("Độc lập - Tự do - Hạnh phúc (cỡ 13, đứng, đậm)"),
};

/// ND30-214: Đường kẻ dưới Tiêu ngữ.
pub(super) const MOTTO_LINE: RuleDef = RuleDef {
    code: "214",
    check: "motto.line",
    run: motto_line,
    element: Element::Motto,
    systems: &[System::State],
    fix: FixSafety::Suggest,
    title: Per::Same("Đường kẻ dưới Tiêu ngữ"),
    clause: Per::Same("NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.1.b"),
    evidence: Per::Same(Evidence::Stated),
    severity: Per::Same(Severity::Error),
    doc: Per::Same(
        "Phía dưới Tiêu ngữ có đường kẻ ngang, nét liền, có độ dài bằng độ dài của dòng chữ.",
    ),
    wrong: Per::Same("Tiêu ngữ không có đường kẻ dưới"),
    right: Per::Same("Tiêu ngữ có đường viền dưới hoặc đường kẻ vẽ bằng độ dài dòng chữ"),
};

/// Tiêu ngữ as NĐ 30 writes it.
pub const TIEU_NGU: &str = "Độc lập - Tự do - Hạnh phúc";

fn separators() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"(\S)[ \u{a0}]*[-–—‒−][ \u{a0}]*(\S)").expect("valid regex"))
}

fn motto_present(ctx: &Ctx) -> Outcome {
    present(
        ctx.view.parts.tieu_ngu.is_some(),
        "Tiêu ngữ «Độc lập - Tự do - Hạnh phúc»",
    )
}

fn motto_dash(ctx: &Ctx) -> Outcome {
    let Some(i) = ctx.view.parts.tieu_ngu else {
        return Outcome::NotEvaluated("không tìm thấy Tiêu ngữ".into());
    };
    let p = ctx.view.para(i);
    let mut edits = Vec::new();
    for c in separators().captures_iter(&p.text) {
        let whole = &c[0];
        let want = format!("{} - {}", &c[1], &c[2]);
        if whole != want {
            edits.push(Edit::ReplaceText {
                paragraph: p.index,
                find: whole.to_string(),
                replace: want,
            });
        }
    }
    if edits.is_empty() {
        return Outcome::pass();
    }
    let after = separators()
        .replace_all(p.text.trim(), "$1 - $2")
        .into_owned();
    let mut fix = Fix::replace(FixSafety::Safe, p.index, p.text.trim(), &after);
    fix.title = "gạch nối (-) có cách chữ giữa các cụm từ".into();
    fix.edits = edits;
    Outcome::Checked(vec![Finding::at(
        i,
        format!(
            "Tiêu ngữ «{}»: giữa các cụm từ dùng gạch nối (-) có cách chữ: «{TIEU_NGU}».",
            p.text.trim()
        ),
    )
    .with_fix(fix)])
}

fn motto_format(ctx: &Ctx) -> Outcome {
    let parts: Vec<usize> = ctx.view.parts.tieu_ngu.into_iter().collect();
    style_outcome(ctx, &parts, &ctx.layout.motto, "Tiêu ngữ")
}

fn motto_line(ctx: &Ctx) -> Outcome {
    let Some(i) = ctx.view.parts.tieu_ngu else {
        return Outcome::NotEvaluated("không tìm thấy Tiêu ngữ".into());
    };
    if has_line_under(ctx, i) {
        Outcome::pass()
    } else {
        Outcome::Checked(vec![Finding::at(
            i,
            "Thiếu đường kẻ ngang nét liền dưới Tiêu ngữ (dài bằng dòng chữ).",
        )
        .with_fix(Fix::suggest(
            "kẻ đường viền dưới (bottom border) cho đoạn Tiêu ngữ",
        ))])
    }
}
