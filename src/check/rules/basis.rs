//! Căn cứ ban hành (Ô 6): the lines between the trích yếu and the action line
//! ("QUYẾT ĐỊNH:", "QUYẾT NGHỊ:") of a Quyết định or Nghị quyết, found as the import finds
//! them ([`crate::check::normative::bases`]).

use super::{Ctx, Finding, Outcome, Per, RuleDef};
use crate::check::fix::{Edit, Fix};
use crate::check::normative::{bases, Bases};
use crate::check::registry::{Evidence, FixSafety, Severity};
use crate::check::view::{Element, Para};
use crate::layout::{BASIS_END, BASIS_LAST_END_PARTY, BASIS_LAST_END_STATE};
use crate::model::System;

/// The rules of this file, in the order of their codes.
pub(super) const RULES: &[RuleDef] = &[BASIS];

/// ND30-508, HD36-508: Căn cứ ban hành: kiểu chữ và dấu cuối dòng.
pub(super) const BASIS: RuleDef = RuleDef {
    code: "508",
    check: "body.basis",
    run: basis,
    element: Element::Body,
    systems: &[System::State, System::Party],
    fix: FixSafety::Safe,
    title: Per::By(&[
        ("ND30", "Căn cứ ban hành: chữ nghiêng; mỗi căn cứ kết thúc «;», căn cứ cuối «.»"),
        ("HD36", "Căn cứ ban hành: chữ đứng; mỗi căn cứ kết thúc «;», căn cứ cuối «,»"),
    ]),
    clause: Per::By(&[
        ("ND30", "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.6"),
        ("HD36", "HD 36-HD/VPTW (theo tài liệu thứ cấp VBDANG §5.2, HD05-C)"),
    ]),
    evidence: Per::By(&[("ND30", Evidence::Stated), ("HD36", Evidence::Secondary)]),
    severity: Per::By(&[("ND30", Severity::Error), ("HD36", Severity::Warning)]),
    doc: Per::By(&[
        (
            "ND30",
            "Căn cứ ban hành văn bản trình bày bằng chữ in thường, kiểu chữ nghiêng, dưới tên loại và trích yếu; sau mỗi căn cứ xuống dòng, cuối dòng có dấu chấm phẩy «;», dòng cuối cùng kết thúc bằng dấu chấm «.». Chỉ xét văn bản có dòng «QUYẾT ĐỊNH:», «QUYẾT NGHỊ:» (hoặc dòng ban hành của nghị định, thông tư) sau các căn cứ; cỡ chữ do quy tắc 501 xét.",
        ),
        (
            "HD36",
            "Căn cứ của văn bản Đảng in chữ đứng, không nghiêng; mỗi căn cứ kết thúc bằng dấu chấm phẩy «;», căn cứ cuối kết thúc bằng dấu phẩy «,» vì câu dẫn theo sau (tài liệu thứ cấp). Cỡ chữ do quy tắc 501 xét.",
        ),
    ]),
    wrong: Per::By(&[
        ("ND30", "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; (chữ đứng)"),
        ("HD36", "Căn cứ Điều lệ Đảng; (chữ nghiêng)"),
    ]),
    right: Per::By(&[
        ("ND30", "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; (chữ nghiêng)"),
        ("HD36", "Căn cứ Điều lệ Đảng; (chữ đứng)"),
    ]),
};

fn basis(ctx: &Ctx) -> Outcome {
    let Some(found) = bases(ctx.view, &ctx.view.parts.noi_dung) else {
        return Outcome::NotApplicable;
    };
    let mut out = Vec::new();
    out.extend(slant(ctx, &found));
    out.extend(endings(ctx, &found));
    Outcome::Checked(out)
}

/// Whether most of a paragraph's letters and digits are set in italic.
fn mostly_italic(p: &Para) -> bool {
    let (mut italic, mut all) = (0usize, 0usize);
    for r in p.visible_runs() {
        let n = r.text.chars().filter(|c| c.is_alphanumeric()).count();
        all += n;
        if r.italic {
            italic += n;
        }
    }
    all > 0 && italic * 2 > all
}

/// A short form of a line for a message: its first words.
fn head(p: &Para) -> String {
    let t = p.text.trim();
    let mut s: String = t.chars().take(60).collect();
    if t.chars().count() > 60 {
        s.push('…');
    }
    s
}

/// One finding for the căn cứ set in the wrong slant: italic for a state document, upright
/// for a Party document. Its fix sets the slant on each of their paragraphs.
fn slant(ctx: &Ctx, found: &Bases) -> Option<Finding> {
    let want = ctx.layout.basis.italic;
    let wrong: Vec<usize> = found
        .iter()
        .flatten()
        .copied()
        .filter(|&i| {
            let p = ctx.view.para(i);
            !p.is_blank() && mostly_italic(p) != want
        })
        .collect();
    let &first = wrong.first()?;
    let (style, label) = if want {
        ("nghiêng", "in đứng")
    } else {
        ("đứng (không nghiêng)", "in nghiêng")
    };
    let total = found.iter().flatten().count();
    let message = format!(
        "Căn cứ ban hành phải in chữ {style}: {} trong {total} dòng căn cứ {label}, đầu tiên «{}».",
        wrong.len(),
        head(ctx.view.para(first))
    );
    let mut fix = Fix::edit(
        format!("đặt chữ {style} cho các dòng căn cứ"),
        italic_edit(ctx.view.para(first).index, want),
    );
    fix.edits.extend(
        wrong[1..]
            .iter()
            .map(|&i| italic_edit(ctx.view.para(i).index, want)),
    );
    Some(Finding::at(first, message).with_fix(fix))
}

/// A short form of a line for a message about its end: its last words.
fn tail(p: &Para) -> String {
    let t: Vec<char> = p.text.trim().chars().collect();
    let from = t.len().saturating_sub(50);
    let s: String = t[from..].iter().collect();
    if from > 0 {
        format!("…{s}")
    } else {
        s
    }
}

fn italic_edit(paragraph: usize, italic: bool) -> Edit {
    Edit::RunProps {
        paragraph,
        font: None,
        size: None,
        bold: None,
        italic: Some(italic),
        underline: None,
    }
}

/// The end of each căn cứ: ";" after every one but the last, and the system's end after the
/// last ("." NĐ 30, "," HD 36). One finding for the lines before the last, one for the last.
fn endings(ctx: &Ctx, found: &Bases) -> Vec<Finding> {
    let last_end = if ctx.system == System::Party {
        BASIS_LAST_END_PARTY
    } else {
        BASIS_LAST_END_STATE
    };
    let ends: Vec<usize> = found.iter().filter_map(|l| l.last().copied()).collect();
    let Some((&last, others)) = ends.split_last() else {
        return Vec::new();
    };
    let end_of = |i: usize| -> String {
        ctx.view
            .para(i)
            .text
            .trim_end()
            .chars()
            .last()
            .map(String::from)
            .unwrap_or_default()
    };
    let mut out = Vec::new();
    let wrong: Vec<usize> = others
        .iter()
        .copied()
        .filter(|&i| end_of(i) != BASIS_END)
        .collect();
    if let Some(&first) = wrong.first() {
        out.push(
            Finding::at(
                first,
                format!(
                    "Sau mỗi căn cứ (trừ căn cứ cuối cùng) phải có dấu «{BASIS_END}»: {} căn cứ không có, đầu tiên «{}».",
                    wrong.len(),
                    tail(ctx.view.para(first))
                ),
            )
            .with_fix(Fix::suggest(format!(
                "kết thúc các căn cứ bằng dấu «{BASIS_END}»"
            ))),
        );
    }
    if end_of(last) != last_end {
        out.push(
            Finding::at(
                last,
                format!(
                    "Căn cứ cuối cùng phải kết thúc bằng dấu «{last_end}»: «{}».",
                    tail(ctx.view.para(last))
                ),
            )
            .with_fix(Fix::suggest(format!(
                "kết thúc căn cứ cuối bằng dấu «{last_end}»"
            ))),
        );
    }
    out
}
