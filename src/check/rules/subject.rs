//! Trích yếu nội dung (subject line), Ô 5b.

use super::common::{has_line_under, is_cong_van, is_line_text, present, style_outcome};
use super::{Ctx, Finding, Outcome, Per, RuleDef};
use crate::check::fix::{Edit, Fix};
use crate::check::registry::{Evidence, FixSafety, Severity};
use crate::check::view::{Align, Element};
use crate::model::System;

/// The rules of this file, in the order of their codes.
pub(super) const RULES: &[RuleDef] = &[
    SUBJECT_PRESENT,
    SUBJECT_FORMAT,
    SUBJECT_MARK,
    SUBJECT_NO_VV,
    SUBJECT_CONG_VAN,
];

/// ND30-411, HD36-411: Có trích yếu nội dung.
pub(super) const SUBJECT_PRESENT: RuleDef = RuleDef {
    code: "411",
    check: "subject.present",
    run: subject_present,
    element: Element::Subject,
    systems: &[System::State, System::Party],
    fix: FixSafety::None,
    title: Per::Same("Có trích yếu nội dung"),
    clause: Per::By(&[
        (
            "ND30",
            "NĐ 30/2020/NĐ-CP, Điều 8 khoản 2; Phụ lục I, Phần I, mục II.5",
        ),
        ("HD36", "HD 36-HD/VPTW, Phụ lục 3"),
    ]),
    evidence: Per::Same(Evidence::Stated),
    severity: Per::Same(Severity::Error),
    doc: Per::Same("Trích yếu nội dung đặt dưới tên loại (công văn: sau «V/v» dưới số, ký hiệu). Giấy giới thiệu và giấy nghỉ phép không có trích yếu (Phụ lục III, Mẫu 1.8 và 1.10)."),
    wrong: Per::Same("KẾ HOẠCH rồi vào ngay nội dung"),
    right: Per::By(&[
        (
            "ND30",
            "KẾ HOẠCH / Thực hiện phong trào “Dân vận khéo” năm 2024",
        ),
        ("HD36", "BÁO CÁO / tổng kết công tác dân vận năm 2019"),
    ]),
};

/// ND30-412, HD36-412: Trích yếu: in thường, cỡ 13–14, đứng, đậm, canh giữa.
pub(super) const SUBJECT_FORMAT: RuleDef = RuleDef {
    code: "412",
    check: "subject.format",
    run: subject_format,
    element: Element::Subject,
    systems: &[System::State, System::Party],
    fix: FixSafety::Safe,
    title: Per::By(&[("ND30", "Trích yếu: in thường, cỡ 13–14, đứng, đậm, canh giữa"), ("HD36", "Trích yếu: in thường, cỡ 14–15, đứng, đậm, canh giữa")]),
    clause: Per::By(&[("ND30", "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.5.a và mục V"), ("HD36", "HD 36-HD/VPTW, Phụ lục 3")]),
    evidence: Per::Same(Evidence::Stated),
    severity: Per::Same(Severity::Error),
    doc: Per::By(&[("ND30", "Trích yếu nội dung trình bày bằng chữ in thường, cỡ chữ 13 đến 14, kiểu chữ đứng, đậm, đặt canh giữa ngay dưới tên loại văn bản."), ("HD36", "Trích yếu in thường, cỡ 14 đến 15, đứng, đậm, canh giữa dưới tên loại.")]),
    wrong: Per::By(&[("ND30", "Về công tác phòng, chống lụt bão (không đậm)"), ("HD36", "(cỡ 13, không đậm)")]),
    right: Per::By(&[("ND30", "Về công tác phòng, chống lụt bão (đậm)"), ("HD36", "(cỡ 14, đậm)")]),
};

/// ND30-413, HD36-413: Đường kẻ dưới trích yếu.
pub(super) const SUBJECT_MARK: RuleDef = RuleDef {
    code: "413",
    check: "subject.mark",
    run: subject_mark,
    element: Element::Subject,
    systems: &[System::State, System::Party],
    fix: FixSafety::Suggest,
    title: Per::By(&[("ND30", "Đường kẻ dưới trích yếu"), ("HD36", "Dòng «-----» dưới trích yếu")]),
    clause: Per::By(&[("ND30", "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.5.a"), ("HD36", "HD 36-HD/VPTW (theo tài liệu thứ cấp VBDANG, HD05-A)")]),
    evidence: Per::By(&[("ND30", Evidence::Stated), ("HD36", Evidence::Secondary)]),
    severity: Per::By(&[("ND30", Severity::Error), ("HD36", Severity::Warning)]),
    doc: Per::By(&[("ND30", "Bên dưới trích yếu có đường kẻ ngang, nét liền, dài từ 1/3 đến 1/2 độ dài dòng chữ, đặt cân đối."), ("HD36", "Dưới trích yếu có dòng năm dấu gạch nối «-----» canh giữa (tài liệu thứ cấp).")]),
    wrong: Per::By(&[("ND30", "Trích yếu không có đường kẻ dưới"), ("HD36", "Trích yếu không có dấu dưới")]),
    right: Per::By(&[("ND30", "Trích yếu có đường kẻ ngang ngắn, canh giữa"), ("HD36", "Trích yếu / -----")]),
};

/// HD36-414: Trích yếu công văn của Đảng không viết «V/v».
pub(super) const SUBJECT_NO_VV: RuleDef = RuleDef {
    code: "414",
    check: "subject.no_vv",
    run: subject_no_vv,
    element: Element::Subject,
    systems: &[System::Party],
    fix: FixSafety::Guarded,
    title: Per::Same("Trích yếu công văn không viết «V/v»"),
    clause: Per::Same("HD 36-HD/VPTW, Phụ lục 3 (mẫu công văn: trích yếu không có «V/v»); theo tài liệu thứ cấp HD05-B"),
    evidence: Per::Same(Evidence::Secondary),
    severity: Per::Same(Severity::Warning),
    doc: Per::Same("Công văn của Đảng ghi trích yếu ngay dưới số, ký hiệu, không viết «V/v» (về việc) như công văn của cơ quan nhà nước."),
    wrong: Per::Same("V/v tổ chức hội nghị sơ kết công tác dân vận"),
    right: Per::Same("Tổ chức hội nghị sơ kết công tác dân vận"),
};

/// ND30-415, HD36-415: Trích yếu công văn («V/v …»): cỡ 12–13, đứng, canh giữa dưới số, ký hiệu.
pub(super) const SUBJECT_CONG_VAN: RuleDef = RuleDef {
    code: "415",
    check: "subject.cong_van",
    run: subject_cong_van,
    element: Element::Subject,
    systems: &[System::State, System::Party],
    fix: FixSafety::Safe,
    title: Per::By(&[("ND30", "Trích yếu công văn: cỡ 12–13, đứng, canh giữa dưới số, ký hiệu"), ("HD36", "Trích yếu công văn: cỡ 12, nghiêng, dưới số, ký hiệu")]),
    clause: Per::By(&[("ND30", "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.5.b"), ("HD36", "HD 36-HD/VPTW, Phụ lục 3 (mẫu công văn)")]),
    evidence: Per::By(&[("ND30", Evidence::Stated), ("HD36", Evidence::Secondary)]),
    severity: Per::By(&[("ND30", Severity::Error), ("HD36", Severity::Warning)]),
    doc: Per::By(&[("ND30", "Trích yếu nội dung công văn trình bày sau chữ «V/v» bằng chữ in thường, cỡ chữ từ 12 đến 13, kiểu chữ đứng, đặt canh giữa dưới số và ký hiệu văn bản, cách dòng 6pt với số và ký hiệu văn bản."), ("HD36", "Trích yếu công văn của Đảng in thường, cỡ 12, nghiêng, đặt dưới số, ký hiệu (tài liệu thứ cấp).")]),
    wrong: Per::By(&[("ND30", "V/v nâng bậc lương năm 2019 (cỡ 14, đậm)"), ("HD36", "(cỡ 14, đứng)")]),
    right: Per::By(&[("ND30", "V/v nâng bậc lương năm 2019 (cỡ 12, đứng)"), ("HD36", "(cỡ 12, nghiêng)")]),
};

fn subject_cong_van(ctx: &Ctx) -> Outcome {
    if !is_cong_van(ctx) {
        return Outcome::NotApplicable;
    }
    let lines = subject_lines(ctx);
    let mut out = style_outcome(
        ctx,
        &lines,
        &ctx.layout.cong_van_subject,
        "Trích yếu công văn",
    );
    // NĐ 30 states the size and "kiểu chữ đứng" (upright), not the weight: a bold «V/v»
    // departs from the model form but breaks no stated rule.
    if let Outcome::Checked(found) = &mut out {
        found.retain(|f| !sets_bold(f));
    }
    // Justified or flush left, the «V/v» prints its last line against the left edge of the
    // cell. Offices often set it so; a person judges whether the page reads as centred.
    if matches!(&out, Outcome::Checked(found) if found.is_empty()) && ctx.system == System::State {
        let first = lines[0];
        let p = ctx.view.para(first);
        if p.align != Align::Center && !p.text.starts_with("    ") {
            return Outcome::Review(
                "Trích yếu công văn không canh giữa dưới số, ký hiệu (dòng cuối lệch trái).".into(),
                Some(first),
            );
        }
    }
    out
}

/// The trích yếu's paragraphs that print text.
fn subject_lines(ctx: &Ctx) -> Vec<usize> {
    ctx.view
        .parts
        .trich_yeu
        .iter()
        .copied()
        .filter(|&i| !ctx.view.para(i).is_blank())
        .collect()
}

/// Whether a finding's fix sets the weight (đậm / không đậm) of its runs.
fn sets_bold(f: &Finding) -> bool {
    f.fix.as_ref().is_some_and(|fix| {
        fix.edits
            .iter()
            .any(|e| matches!(e, Edit::RunProps { bold: Some(_), .. }))
    })
}

fn subject_no_vv(ctx: &Ctx) -> Outcome {
    if !is_cong_van(ctx) {
        return Outcome::NotApplicable;
    }
    let Some(&i) = ctx.view.parts.trich_yeu.first() else {
        return Outcome::NotEvaluated("không tìm thấy trích yếu".into());
    };
    let p = ctx.view.para(i);
    let text = p.text.trim();
    let Some(rest) = without_vv(text) else {
        return Outcome::pass();
    };
    let mut chars = rest.chars();
    let right: String = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    Outcome::Checked(vec![Finding::at(
        i,
        format!("Trích yếu công văn của Đảng không viết «V/v»: «{text}»."),
    )
    .with_fix(Fix::replace(FixSafety::Guarded, p.index, text, &right))])
}

/// The trích yếu after a leading "V/v" (any case, then a space, ":" or "."), if it has one.
fn without_vv(text: &str) -> Option<&str> {
    let head = text.get(..3)?;
    let rest = text.get(3..)?;
    (head.eq_ignore_ascii_case("v/v") && rest.starts_with([' ', ':', '.', '\u{a0}']))
        .then(|| rest.trim_start_matches([' ', ':', '.', '\u{a0}']))
}

fn subject_present(ctx: &Ctx) -> Outcome {
    // Giấy giới thiệu, Giấy nghỉ phép: the form has no trích yếu (Mẫu 1.8, 1.10).
    if ctx.view.doc_type.as_ref().is_some_and(|t| t.no_subject) {
        return Outcome::NotApplicable;
    }
    present(!ctx.view.parts.trich_yeu.is_empty(), "trích yếu nội dung")
}

fn subject_format(ctx: &Ctx) -> Outcome {
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
    if let (Outcome::Checked(found), Some(f)) = (&mut out, subject_not_centred(ctx)) {
        found.push(f);
    }
    out
}

/// A trích yếu not centred under the tên loại (set flush left or justified): its first line
/// not centred, unless centred by hand with spaces typed before it.
fn subject_not_centred(ctx: &Ctx) -> Option<Finding> {
    let &i = ctx
        .view
        .parts
        .trich_yeu
        .iter()
        .find(|&&i| !ctx.view.para(i).is_blank())?;
    let p = ctx.view.para(i);
    let centred = p.align == Align::Center || p.text.starts_with("    ") || p.cell.is_some();
    (!centred).then(|| Finding::at(i, "Trích yếu phải canh giữa, ngay dưới tên loại văn bản."))
}

/// A trích yếu typed IN HOA ("VỀ VIỆC THÀNH LẬP …"): NĐ 30 sets it in thường. Only the
/// person knows which words are proper names, so the fix is a suggestion.
fn subject_in_capitals(ctx: &Ctx) -> Option<Finding> {
    let lines = subject_lines(ctx);
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

fn subject_mark(ctx: &Ctx) -> Outcome {
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
