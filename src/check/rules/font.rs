//! Phông chữ (font family) of every run.

use super::{Ctx, Finding, Outcome, Per, RuleDef};
use crate::check::fix::{Edit, Fix};
use crate::check::registry::{Evidence, FixSafety, Severity};
use crate::check::view::Element;
use crate::layout::FONT;
use crate::model::System;

/// The rules of this file, in the order of their codes.
pub(super) const RULES: &[RuleDef] = &[FONT_FAMILY];

/// ND30-110, HD36-110: Phông chữ Times New Roman.
pub(super) const FONT_FAMILY: RuleDef = RuleDef {
    code: "110",
    check: "font.family",
    run: font_family,
    element: Element::Font,
    systems: &[System::State, System::Party],
    fix: FixSafety::Safe,
    title: Per::Same("Phông chữ Times New Roman"),
    clause: Per::By(&[
        ("ND30", "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục I.2"),
        ("HD36", "HD 36-HD/VPTW, mục II (TCVN 6909:2001)"),
    ]),
    evidence: Per::Same(Evidence::Stated),
    severity: Per::Same(Severity::Error),
    doc: Per::Same(
        "Phông chữ tiếng Việt Times New Roman, bộ mã ký tự Unicode theo TCVN 6909:2001, màu đen.",
    ),
    wrong: Per::Same("Nội dung gõ bằng phông Arial hoặc .VnTime"),
    right: Per::Same("Toàn văn bản dùng Times New Roman"),
};

fn font_family(ctx: &Ctx) -> Outcome {
    let mut bad: Vec<(usize, String)> = Vec::new();
    let mut known = false;
    for (i, p) in ctx.view.paras.iter().enumerate() {
        for r in p.visible_runs() {
            if let Some(f) = &r.font {
                known = true;
                if !f.trim().eq_ignore_ascii_case(FONT) {
                    bad.push((i, f.clone()));
                    break;
                }
            }
        }
    }
    if !known {
        return Outcome::NotEvaluated("tệp không ghi phông chữ".into());
    }
    let Some((first, font)) = bad.first().cloned() else {
        return Outcome::pass();
    };
    let edits = bad
        .iter()
        .map(|(i, _)| Edit::RunProps {
            paragraph: ctx.view.para(*i).index,
            font: Some(FONT.to_string()),
            size: None,
            bold: None,
            italic: None,
            underline: None,
        })
        .collect();
    let mut fix = Fix::edit(format!("đặt phông {FONT}"), Edit::TitlePage);
    fix.edits = edits;
    let msg = if bad.len() == 1 {
        format!("Phông chữ {font}; quy định {FONT} (bộ mã Unicode TCVN 6909:2001).")
    } else {
        format!(
            "Phông chữ {font} ở {} đoạn; quy định {FONT} (bộ mã Unicode TCVN 6909:2001).",
            bad.len()
        )
    };
    Outcome::Checked(vec![Finding::at(first, msg).with_fix(fix)])
}
