//! Nội dung (body), Ô 6: size, indent, spacing, alignment, closing mark, article numbers.

use super::{Ctx, Finding, Outcome, Per, RuleDef};
use crate::check::fix::{Edit, Fix};
use crate::check::registry::{Evidence, FixSafety, Severity};
use crate::check::view::{Align, Element, Para, Spacing};
use crate::layout::LineSpacing;
use crate::model::System;

/// The rules of this file, in the order of their codes.
pub(super) const RULES: &[RuleDef] = &[
    BODY_SIZE,
    BODY_INDENT,
    BODY_SPACING,
    BODY_LINE_SPACING,
    BODY_ALIGN,
    BODY_CLOSING,
    BODY_ARTICLE_NUMBER,
];

/// ND30-501, HD36-501: Nội dung: cỡ 13–14.
pub(super) const BODY_SIZE: RuleDef = RuleDef {
    code: "501",
    check: "body.size",
    run: body_size,
    element: Element::Body,
    systems: &[System::State, System::Party],
    fix: FixSafety::Safe,
    title: Per::By(&[
        ("ND30", "Nội dung: cỡ 13–14"),
        ("HD36", "Nội dung: cỡ 14–15"),
    ]),
    clause: Per::By(&[
        ("ND30", "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.6.e"),
        ("HD36", "HD 36-HD/VPTW, Phụ lục 3"),
    ]),
    evidence: Per::Same(Evidence::Stated),
    severity: Per::Same(Severity::Error),
    doc: Per::By(&[
        (
            "ND30",
            "Nội dung văn bản trình bày bằng chữ in thường, cỡ chữ từ 13 đến 14.",
        ),
        ("HD36", "Nội dung in thường, cỡ 14 đến 15, đứng."),
    ]),
    wrong: Per::By(&[("ND30", "Nội dung cỡ 12"), ("HD36", "Nội dung cỡ 13")]),
    right: Per::Same("Nội dung cỡ 14"),
};

/// ND30-502, HD36-502: Lùi đầu dòng 1–1,27 cm.
pub(super) const BODY_INDENT: RuleDef = RuleDef {
    code: "502",
    check: "body.indent",
    run: body_indent,
    element: Element::Body,
    systems: &[System::State, System::Party],
    fix: FixSafety::None,
    title: Per::By(&[
        ("ND30", "Lùi đầu dòng 1–1,27 cm"),
        ("HD36", "Lùi đầu dòng khoảng 1 cm"),
    ]),
    clause: Per::By(&[
        ("ND30", "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.6.e"),
        ("HD36", "HD 36-HD/VPTW (theo tài liệu thứ cấp VBDANG)"),
    ]),
    evidence: Per::By(&[("ND30", Evidence::Stated), ("HD36", Evidence::Secondary)]),
    severity: Per::By(&[("ND30", Severity::Error), ("HD36", Severity::Warning)]),
    doc: Per::By(&[
        (
            "ND30",
            "Khi xuống dòng, chữ đầu dòng lùi vào 1 cm hoặc 1,27 cm.",
        ),
        (
            "HD36",
            "Chữ đầu dòng lùi vào khoảng 1 cm (tài liệu thứ cấp).",
        ),
    ]),
    wrong: Per::Same("Đoạn văn không lùi đầu dòng"),
    right: Per::Same("Đoạn văn lùi đầu dòng 1,27 cm"),
};

/// ND30-503, HD36-503: Khoảng cách giữa các đoạn tối thiểu 6 pt.
pub(super) const BODY_SPACING: RuleDef = RuleDef {
    code: "503",
    check: "body.spacing",
    run: body_spacing,
    element: Element::Body,
    systems: &[System::State, System::Party],
    fix: FixSafety::None,
    title: Per::Same("Khoảng cách giữa các đoạn tối thiểu 6 pt"),
    clause: Per::By(&[
        ("ND30", "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.6.e"),
        ("HD36", "HD 36-HD/VPTW (theo tài liệu thứ cấp VBDANG)"),
    ]),
    evidence: Per::By(&[("ND30", Evidence::Stated), ("HD36", Evidence::Secondary)]),
    severity: Per::By(&[("ND30", Severity::Error), ("HD36", Severity::Warning)]),
    doc: Per::By(&[
        ("ND30", "Khoảng cách giữa các đoạn văn tối thiểu là 6 pt."),
        (
            "HD36",
            "Khoảng cách giữa các đoạn tối thiểu 6 pt (tài liệu thứ cấp).",
        ),
    ]),
    wrong: Per::Same("Các đoạn liền nhau, cách 0 pt"),
    right: Per::Same("Cách đoạn 6 pt"),
};

/// ND30-504, HD36-504: Giãn dòng từ 1 dòng đến 1,5 dòng.
pub(super) const BODY_LINE_SPACING: RuleDef = RuleDef {
    code: "504",
    check: "body.line_spacing",
    run: body_line_spacing,
    element: Element::Body,
    systems: &[System::State, System::Party],
    fix: FixSafety::None,
    title: Per::By(&[
        ("ND30", "Giãn dòng từ 1 dòng đến 1,5 dòng"),
        ("HD36", "Giãn dòng chính xác (exactly) từ 18 pt"),
    ]),
    clause: Per::By(&[
        ("ND30", "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.6.e"),
        (
            "HD36",
            "HD 36-HD/VPTW (theo tài liệu thứ cấp VBDANG, HD05-A)",
        ),
    ]),
    evidence: Per::By(&[("ND30", Evidence::Stated), ("HD36", Evidence::Secondary)]),
    severity: Per::By(&[("ND30", Severity::Error), ("HD36", Severity::Warning)]),
    doc: Per::By(&[
        (
            "ND30",
            "Khoảng cách giữa các dòng tối thiểu là dòng đơn, tối đa là 1,5 dòng.",
        ),
        (
            "HD36",
            "Khoảng cách dòng đặt chính xác (exactly) từ 18 pt đến 22 pt (tài liệu thứ cấp).",
        ),
    ]),
    wrong: Per::By(&[
        ("ND30", "Giãn dòng 2 (double)"),
        ("HD36", "Giãn dòng 1,0 (single)"),
    ]),
    right: Per::By(&[
        ("ND30", "Giãn dòng 1,1 hoặc 1,5"),
        ("HD36", "Giãn dòng chính xác 18 pt"),
    ]),
};

/// ND30-505, HD36-505: Nội dung căn đều hai lề.
pub(super) const BODY_ALIGN: RuleDef = RuleDef {
    code: "505",
    check: "body.align",
    run: body_align,
    element: Element::Body,
    systems: &[System::State, System::Party],
    fix: FixSafety::None,
    title: Per::Same("Nội dung căn đều hai lề"),
    clause: Per::By(&[
        ("ND30", "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.6.e"),
        ("HD36", "HD 36-HD/VPTW, Phụ lục 3"),
    ]),
    evidence: Per::Same(Evidence::Stated),
    severity: Per::Same(Severity::Error),
    doc: Per::Same("Nội dung văn bản được căn đều cả hai lề, kiểu chữ đứng."),
    wrong: Per::Same("Đoạn văn căn trái"),
    right: Per::Same("Đoạn văn căn đều hai lề (Justify)"),
};

/// ND30-506, HD36-506, HD05-506: Nội dung kết thúc bằng «./.».
pub(super) const BODY_CLOSING: RuleDef = RuleDef {
    code: "506",
    check: "body.closing",
    run: body_closing,
    element: Element::Body,
    systems: &[System::State, System::Party],
    fix: FixSafety::Guarded,
    title: Per::By(&[("*", "Nội dung kết thúc bằng «./.»"), ("HD05", "Nội dung kết thúc bằng dấu chấm")]),
    clause: Per::By(&[("ND30", "NĐ 30/2020/NĐ-CP, Phụ lục III (các mẫu 1.1–1.5)"), ("HD36", "HD 36-HD/VPTW (mẫu văn bản; không có quy định trực tiếp)"), ("HD05", "HD 05-HD/VPTW (theo tài liệu thứ cấp HD05-C)")]),
    evidence: Per::By(&[("*", Evidence::Inferred), ("HD05", Evidence::Secondary)]),
    severity: Per::Same(Severity::Warning),
    doc: Per::By(&[("*", "Các mẫu văn bản ở Phụ lục III kết thúc phần nội dung bằng dấu «./.»; lời văn của Nghị định không nói rõ."), ("HD05", "Theo các bản tóm tắt HD 05, nội dung kết thúc bằng dấu chấm, không dùng «./.».")]),
    wrong: Per::By(&[("*", "… tổ chức thực hiện."), ("HD05", "… tổ chức thực hiện")]),
    right: Per::By(&[("*", "… tổ chức thực hiện./."), ("HD05", "… tổ chức thực hiện.")]),
};

/// ND30-507: Điều: số thứ tự bằng chữ số Ả Rập, sau đó dấu chấm.
pub(super) const BODY_ARTICLE_NUMBER: RuleDef = RuleDef {
    code: "507",
    check: "body.article_number",
    run: article_number,
    element: Element::Body,
    systems: &[System::State],
    fix: FixSafety::Safe,
    title: Per::Same("Điều: số thứ tự bằng chữ số Ả Rập, sau đó dấu chấm"),
    clause: Per::Same("NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.6"),
    evidence: Per::Same(Evidence::Stated),
    severity: Per::Same(Severity::Error),
    doc: Per::Same("Từ «Điều», số thứ tự và tiêu đề của điều trình bày bằng chữ in thường, đậm; số thứ tự của điều dùng chữ số Ả Rập, sau số thứ tự có dấu chấm."),
    wrong: Per::Same("Điều 1: Ban hành kèm theo Quyết định này …"),
    right: Per::Same("Điều 1. Ban hành kèm theo Quyết định này …"),
};

/// Body paragraphs that are running text: justified or left, long enough to wrap,
/// outside tables. Headings and short lines keep their own layout, and so does the "Kính
/// gửi:" line with its list of addressees (Ô 9a), however long.
fn running_text<'a>(ctx: &'a Ctx) -> impl Iterator<Item = (usize, &'a Para)> + 'a {
    ctx.view.parts.noi_dung.iter().filter_map(move |&i| {
        let p = ctx.view.para(i);
        let t = p.text.trim();
        let long = t.chars().count() >= 80;
        let plain = p.cell.is_none() && matches!(p.align, Align::Justify | Align::Left);
        let addressees = crate::model::text::nfc(t)
            .starts_with(crate::layout::ADDRESSEE_LABEL.trim_end_matches(':'));
        (long && plain && !addressees).then_some((i, p))
    })
}

fn body_outcome(ctx: &Ctx, found: Vec<Finding>, what: &str, max: usize) -> Outcome {
    if ctx.view.parts.noi_dung.is_empty() {
        return Outcome::NotEvaluated("không xác định được phần nội dung".into());
    }
    if found.len() <= max {
        return Outcome::Checked(found);
    }
    // Many paragraphs share the fault: one finding with every edit.
    let n = found.len();
    let mut first = found[0].clone();
    let mut edits = Vec::new();
    for f in &found {
        if let Some(fix) = &f.fix {
            edits.extend(fix.edits.iter().cloned());
        }
    }
    first.message = format!("{what}: {n} đoạn. Đoạn đầu: {}", first.message);
    if let Some(fix) = &mut first.fix {
        fix.edits = edits;
    }
    Outcome::Checked(vec![first])
}

fn body_size(ctx: &Ctx) -> Outcome {
    let style = ctx.layout.body;
    let mut found = Vec::new();
    for &i in &ctx.view.parts.noi_dung {
        let p = ctx.view.para(i);
        // A row of rules ("────", "____") is a drawn line, not text of the body.
        if p.cell.is_some() || super::is_line_text(&p.text) {
            continue;
        }
        if let Some(s) = p
            .visible_runs()
            .filter_map(|r| r.size)
            .find(|s| !style.size.contains(*s))
        {
            found.push(
                Finding::at(
                    i,
                    format!(
                        "cỡ chữ {s}, quy định {}–{}.",
                        style.size.min.as_pt(),
                        style.size.max
                    ),
                )
                .with_fix(Fix::edit(
                    format!("đặt cỡ chữ {}", style.size.preferred),
                    Edit::RunProps {
                        paragraph: p.index,
                        font: None,
                        size: Some(style.size.preferred),
                        bold: None,
                        italic: None,
                        underline: None,
                    },
                )),
            );
        }
    }
    body_outcome(ctx, found, "Cỡ chữ nội dung sai", 3)
}

fn body_indent(ctx: &Ctx) -> Outcome {
    let r = ctx.layout.body_layout.first_line_indent;
    let mut found = Vec::new();
    for (i, p) in running_text(ctx) {
        // Where the first line starts on paper: a list item hanging 0.63 cm from a left
        // indent of 1.63 cm starts 1 cm from the margin.
        let v = p.left_indent.unwrap_or(0) + p.first_line_indent.unwrap_or(0);
        // Word users type 1 cm as 567 or 1.27 cm as 720; allow a little rounding.
        if v + 10 < r.min.0 || v - 10 > r.max.0 {
            found.push(Finding::at(
                i,
                format!(
                    "lùi đầu dòng {:.2} cm, quy định 1–1,27 cm.",
                    f64::from(v) / 567.0
                ),
            ));
        }
    }
    body_outcome(ctx, found, "Lùi đầu dòng sai", 3)
}

fn body_spacing(ctx: &Ctx) -> Outcome {
    let min = ctx.layout.body_layout.paragraph_spacing.min.0;
    let mut found = Vec::new();
    let text: Vec<_> = running_text(ctx).collect();
    for (k, &(i, p)) in text.iter().enumerate() {
        // An empty paragraph after it prints a blank line, more than any minimum: offices
        // space the căn cứ from "QUYẾT ĐỊNH:" and the last paragraph from the signature so.
        // (Unless its line is set exactly lower than the minimum: a spacer of 1 or 2 pt.)
        let blank_line = |q: &Para| {
            q.is_blank() && !matches!(q.line, Some(Spacing::Exact(v)) if (v as i32) + 2 < min)
        };
        if ctx.view.paras.get(i + 1).is_some_and(blank_line) {
            continue;
        }
        // What prints between this paragraph and the next: its space after plus the next
        // one's space before (Word adds the two); the last one is judged by its own two.
        let next_before = match text.get(k + 1) {
            Some((j, q)) if *j == i + 1 => q.space_before.unwrap_or(0),
            _ => p.space_before.unwrap_or(0),
        };
        let gap = p.space_after.unwrap_or(0) + next_before;
        if (gap as i32) + 2 < min {
            found.push(Finding::at(
                i,
                format!(
                    "khoảng cách giữa các đoạn {} pt, tối thiểu {} pt.",
                    gap / 20,
                    min / 20
                ),
            ));
        }
    }
    body_outcome(ctx, found, "Khoảng cách giữa các đoạn nhỏ hơn quy định", 3)
}

fn body_line_spacing(ctx: &Ctx) -> Outcome {
    let bl = ctx.layout.body_layout;
    let mut found = Vec::new();
    for (i, p) in running_text(ctx) {
        let line = p.line.unwrap_or(Spacing::Auto(240));
        let ok = match (line, bl.min_line, bl.max_line) {
            (Spacing::Auto(v), LineSpacing::Auto(lo), LineSpacing::Auto(hi)) => {
                v + 2 >= u32::from(lo) && v <= u32::from(hi) + 2
            }
            (
                Spacing::Exact(v) | Spacing::AtLeast(v),
                LineSpacing::Exact(lo),
                LineSpacing::Exact(hi),
            ) => v + 2 >= u32::from(lo) && v <= u32::from(hi) + 2,
            // Exact spacing in a state document: from single (about 1.15 × size) to 1.5 lines.
            (Spacing::Exact(v), LineSpacing::Auto(_), LineSpacing::Auto(_)) => {
                (260..=460).contains(&v)
            }
            // "At least" a height below single prints single: only a height above 1.5 lines
            // is a fault.
            (Spacing::AtLeast(v), LineSpacing::Auto(_), LineSpacing::Auto(_)) => v <= 460,
            (Spacing::Auto(v), LineSpacing::Exact(_), LineSpacing::Exact(_)) => v >= 300,
            _ => true,
        };
        if !ok {
            let shown = match line {
                Spacing::Auto(v) => format!("{:.2} dòng", f64::from(v) / 240.0),
                Spacing::Exact(v) => format!("chính xác {} pt", v / 20),
                Spacing::AtLeast(v) => format!("tối thiểu {} pt", v / 20),
            };
            let want = match (bl.min_line, bl.max_line) {
                (LineSpacing::Auto(_), _) => "từ 1 dòng (single) đến 1,5 dòng".to_string(),
                (LineSpacing::Exact(lo), LineSpacing::Exact(hi)) => {
                    format!("chính xác (exactly) {}–{} pt", lo / 20, hi / 20)
                }
                _ => String::new(),
            };
            found.push(Finding::at(
                i,
                format!("giãn dòng {shown}, quy định {want}."),
            ));
        }
    }
    body_outcome(ctx, found, "Giãn dòng sai", 3)
}

fn body_align(ctx: &Ctx) -> Outcome {
    let mut found = Vec::new();
    for (i, p) in running_text(ctx) {
        if p.align != Align::Justify {
            found.push(Finding::at(i, "đoạn văn chưa căn đều hai lề."));
        }
    }
    body_outcome(ctx, found, "Nội dung chưa căn đều hai lề", 3)
}

fn body_closing(ctx: &Ctx) -> Outcome {
    let Some(&last) = ctx
        .view
        .parts
        .noi_dung
        .iter()
        .rev()
        .find(|&&i| !ctx.view.para(i).is_blank() && ctx.view.para(i).cell.is_none())
    else {
        return Outcome::NotEvaluated("không xác định được phần nội dung".into());
    };
    let p = ctx.view.para(last);
    let t = p.text.trim_end();
    let mark = ctx.facts.closing_mark.as_str();
    if t.ends_with(mark) {
        return Outcome::pass();
    }
    let mut fix = Fix::suggest(format!("kết thúc nội dung bằng «{mark}»"));
    if let Some(stem) = t.strip_suffix('.') {
        let tail: String = stem
            .chars()
            .rev()
            .take(12)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        fix = Fix::replace(
            FixSafety::Guarded,
            p.index,
            &format!("{tail}."),
            &format!("{tail}{mark}"),
        );
    }
    Outcome::Checked(vec![Finding::at(
        last,
        format!("Nội dung văn bản chưa kết thúc bằng dấu «{mark}»."),
    )
    .with_fix(fix)])
}

/// "Điều 1: …" with a colon: NĐ 30 numbers an article with an Arabic number and a dot
/// ("Điều 1. …").
fn article_number(ctx: &Ctx) -> Outcome {
    let mut found = Vec::new();
    for &i in &ctx.view.parts.noi_dung {
        let p = ctx.view.para(i);
        let t = p.text.trim_start();
        let Some(rest) = t.strip_prefix("Điều ") else {
            continue;
        };
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        if digits.is_empty() {
            continue;
        }
        let after = rest[digits.len()..].trim_start();
        if after.starts_with(':') {
            let wrong = format!("Điều {digits}:");
            if p.text.contains(&wrong) {
                found.push(
                    Finding::at(i, format!("«{wrong}»: sau số thứ tự của điều là dấu chấm."))
                        .with_fix(Fix::replace(
                            FixSafety::Safe,
                            p.index,
                            &wrong,
                            &format!("Điều {digits}."),
                        )),
                );
            } else {
                found.push(Finding::at(
                    i,
                    format!("«Điều {digits} :»: sau số thứ tự của điều là dấu chấm."),
                ));
            }
        }
    }
    if found.is_empty()
        && !ctx
            .view
            .parts
            .noi_dung
            .iter()
            .any(|&i| ctx.view.para(i).text.trim_start().starts_with("Điều "))
    {
        return Outcome::NotApplicable;
    }
    Outcome::Checked(found)
}
