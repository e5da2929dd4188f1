//! Tên loại, trích yếu (Ô 5) and the body (Ô 6).

use super::common::{has_line_under, is_line_text, present, style_outcome};
use super::{Ctx, Finding, Outcome};
use crate::check::fix::{Edit, Fix};
use crate::check::registry::FixSafety;
use crate::check::view::{Align, Para, Spacing};
use crate::layout::LineSpacing;

fn is_cong_van(ctx: &Ctx) -> bool {
    ctx.view.doc_type.as_ref().is_some_and(|t| t.is_cong_van())
}

pub fn type_present(ctx: &Ctx) -> Outcome {
    if is_cong_van(ctx) {
        return Outcome::NotApplicable;
    }
    present(
        ctx.view.parts.ten_loai.is_some(),
        "tên loại văn bản (ví dụ «KẾ HOẠCH»)",
    )
}

pub fn type_format(ctx: &Ctx) -> Outcome {
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

pub fn subject_present(ctx: &Ctx) -> Outcome {
    present(!ctx.view.parts.trich_yeu.is_empty(), "trích yếu nội dung")
}

pub fn subject_format(ctx: &Ctx) -> Outcome {
    if is_cong_van(ctx) {
        // The công văn's "V/v" line follows its own sizes; the lead's layout keeps them.
        return Outcome::NotApplicable;
    }
    let mut out = style_outcome(
        ctx,
        &ctx.view.parts.trich_yeu,
        &ctx.layout.subject,
        "Trích yếu",
    );
    if let (Outcome::Checked(found), Some(f)) = (&mut out, subject_in_capitals(ctx)) {
        found.push(f);
    }
    out
}

/// A trích yếu typed IN HOA ("VỀ VIỆC THÀNH LẬP …"): NĐ 30 sets it in thường. Only the
/// person knows which words are proper names, so the fix is a suggestion.
fn subject_in_capitals(ctx: &Ctx) -> Option<Finding> {
    let lines: Vec<usize> = ctx
        .view
        .parts
        .trich_yeu
        .iter()
        .copied()
        .filter(|&i| !ctx.view.para(i).is_blank())
        .collect();
    let letters: usize = lines
        .iter()
        .map(|&i| {
            ctx.view
                .para(i)
                .text
                .chars()
                .filter(|c| c.is_alphabetic())
                .count()
        })
        .sum();
    let all_caps = lines
        .iter()
        .all(|&i| super::common::is_upper(&ctx.view.para(i).text));
    (letters >= 8 && all_caps).then(|| {
        Finding::at(
            lines[0],
            "Trích yếu viết IN HOA; quy định chữ in thường (chỉ viết hoa chữ đầu và tên riêng).",
        )
        .with_fix(Fix::suggest("viết lại trích yếu bằng chữ in thường"))
    })
}

/// "Điều 1: …" with a colon: NĐ 30 numbers an article with an Arabic number and a dot
/// ("Điều 1. …").
pub fn article_number(ctx: &Ctx) -> Outcome {
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

pub fn subject_mark(ctx: &Ctx) -> Outcome {
    if is_cong_van(ctx) {
        return Outcome::NotApplicable;
    }
    let Some(&last) = ctx.view.parts.trich_yeu.last() else {
        return Outcome::NotEvaluated("không tìm thấy trích yếu".into());
    };
    if ctx.facts.subject_mark == "dashes" {
        let ok = ctx
            .view
            .parts
            .trich_yeu_mark
            .is_some_and(|m| is_line_text(&ctx.view.para(m).text) || has_line_under(ctx, last))
            || has_line_under(ctx, last);
        if ok {
            return Outcome::pass();
        }
        return Outcome::Checked(vec![Finding::at(
            last,
            "Thiếu dòng «-----» canh giữa dưới trích yếu.",
        )
        .with_fix(Fix::suggest(
            "thêm một dòng \"-----\" canh giữa dưới trích yếu",
        ))]);
    }
    // A document issued with a decision draws the line under its "(Kèm theo …)" line,
    // which may run over two lines.
    let attached =
        ctx.view.parts.attachment.is_some_and(|a| {
            (a..(a + 2).min(ctx.view.paras.len())).any(|j| has_line_under(ctx, j))
        });
    if attached || has_line_under(ctx, last) {
        return Outcome::pass();
    }
    Outcome::Checked(vec![Finding::at(
        last,
        "Thiếu đường kẻ ngang nét liền dưới trích yếu (dài 1/3–1/2 dòng chữ, canh giữa).",
    )
    .with_fix(Fix::suggest("kẻ đường ngang dưới trích yếu"))])
}

/// Body paragraphs that are running text: justified or left, long enough to wrap,
/// outside tables. Headings and short lines keep their own layout.
fn running_text<'a>(ctx: &'a Ctx) -> impl Iterator<Item = (usize, &'a Para)> + 'a {
    ctx.view.parts.noi_dung.iter().filter_map(move |&i| {
        let p = ctx.view.para(i);
        let long = p.text.trim().chars().count() >= 80;
        let plain = p.cell.is_none() && matches!(p.align, Align::Justify | Align::Left);
        (long && plain).then_some((i, p))
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

pub fn body_size(ctx: &Ctx) -> Outcome {
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

pub fn body_indent(ctx: &Ctx) -> Outcome {
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

pub fn body_spacing(ctx: &Ctx) -> Outcome {
    let min = ctx.layout.body_layout.paragraph_spacing.min.0;
    let mut found = Vec::new();
    let text: Vec<_> = running_text(ctx).collect();
    for (k, &(i, p)) in text.iter().enumerate() {
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

pub fn body_line_spacing(ctx: &Ctx) -> Outcome {
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

pub fn body_align(ctx: &Ctx) -> Outcome {
    let mut found = Vec::new();
    for (i, p) in running_text(ctx) {
        if p.align != Align::Justify {
            found.push(Finding::at(i, "đoạn văn chưa căn đều hai lề."));
        }
    }
    body_outcome(ctx, found, "Nội dung chưa căn đều hai lề", 3)
}

pub fn body_closing(ctx: &Ctx) -> Outcome {
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
