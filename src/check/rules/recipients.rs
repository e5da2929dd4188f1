//! Nơi nhận (recipients), Ô 9b.

use super::common::{present, style_findings};
use super::{Ctx, Finding, Outcome, Per, RuleDef};
use crate::check::fix::Fix;
use crate::check::registry::{Evidence, FixSafety, Severity};
use crate::check::view::Element;
use crate::layout::ARCHIVE_OFFICE;
use crate::model::text::list_item_wraps;
use crate::model::unit_after_archive_stop;
use crate::model::System;

/// The rules of this file, in the order of their codes.
pub(super) const RULES: &[RuleDef] = &[
    RECIPIENTS_PRESENT,
    RECIPIENTS_HEADING,
    RECIPIENTS_ITEMS,
    RECIPIENTS_LAST,
    RECIPIENTS_ARCHIVE,
    RECIPIENTS_FORMAT,
];

/// ND30-701, HD36-701: Có nơi nhận.
pub(super) const RECIPIENTS_PRESENT: RuleDef = RuleDef {
    code: "701",
    check: "recipients.present",
    run: recipients_present,
    element: Element::Recipients,
    systems: &[System::State, System::Party],
    fix: FixSafety::None,
    title: Per::Same("Có nơi nhận"),
    clause: Per::By(&[("ND30", "NĐ 30/2020/NĐ-CP, Điều 8 khoản 2; Phụ lục I, Phần I, mục II.9"), ("HD36", "HD 36-HD/VPTW, sơ đồ bố trí (ô 9)")]),
    evidence: Per::Same(Evidence::Stated),
    severity: Per::Same(Severity::Error),
    doc: Per::Same("Nơi nhận là thành phần bắt buộc, ở cuối văn bản, bên trái, ngang hàng với quyền hạn, chức vụ."),
    wrong: Per::Same("Không có phần nơi nhận"),
    right: Per::By(&[("ND30", "Nơi nhận: / - Như trên; / - Lưu: VT, VP."), ("HD36", "Nơi nhận: / - Ban Dân vận Trung ương, / - Lưu Văn phòng Tỉnh ủy.")]),
};

/// ND30-702, HD36-702: Dòng «Nơi nhận:».
pub(super) const RECIPIENTS_HEADING: RuleDef = RuleDef {
    code: "702",
    check: "recipients.heading",
    run: recipients_heading,
    element: Element::Recipients,
    systems: &[System::State, System::Party],
    fix: FixSafety::Safe,
    title: Per::Same("Dòng «Nơi nhận:»"),
    clause: Per::By(&[
        ("ND30", "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.9.b"),
        (
            "HD36",
            "HD 36-HD/VPTW (theo tài liệu thứ cấp VBDANG, HD05-A)",
        ),
    ]),
    evidence: Per::By(&[("ND30", Evidence::Stated), ("HD36", Evidence::Secondary)]),
    severity: Per::By(&[("ND30", Severity::Error), ("HD36", Severity::Warning)]),
    doc: Per::Same("Từ «Nơi nhận» in thường, sau có dấu hai chấm, trình bày trên một dòng riêng."),
    wrong: Per::Same("NƠI NHẬN hoặc Nơi nhận (thiếu dấu hai chấm)"),
    right: Per::Same("Nơi nhận:"),
};

/// ND30-703, HD36-703, HD05-703: Mỗi nơi nhận: gạch đầu dòng, kết thúc bằng «;».
pub(super) const RECIPIENTS_ITEMS: RuleDef = RuleDef {
    code: "703",
    check: "recipients.items",
    run: recipients_items,
    element: Element::Recipients,
    systems: &[System::State, System::Party],
    fix: FixSafety::Safe,
    title: Per::By(&[("ND30", "Mỗi nơi nhận: gạch đầu dòng, kết thúc bằng «;»"), ("HD36", "Mỗi nơi nhận: gạch đầu dòng, kết thúc bằng «,»"), ("HD05", "Mỗi nơi nhận: gạch đầu dòng, kết thúc bằng «;»")]),
    clause: Per::By(&[("ND30", "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.9.b"), ("HD36", "HD 36-HD/VPTW (theo tài liệu thứ cấp VBDANG, HD05-A)"), ("HD05", "HD 05-HD/VPTW (theo tài liệu thứ cấp HD05-A, HD05-C)")]),
    evidence: Per::By(&[("ND30", Evidence::Stated), ("HD36", Evidence::Secondary)]),
    severity: Per::By(&[("ND30", Severity::Error), ("HD36", Severity::Warning)]),
    doc: Per::By(&[("ND30", "Tên mỗi cơ quan, đơn vị nhận văn bản trình bày trên một dòng riêng, đầu dòng có gạch đầu dòng sát lề trái, cuối dòng có dấu chấm phẩy."), ("HD36", "Mỗi nơi nhận một dòng, bắt đầu bằng «-», kết thúc bằng dấu phẩy (tài liệu thứ cấp)."), ("HD05", "Theo các bản tóm tắt HD 05, các nơi nhận ngăn cách bằng dấu chấm phẩy thay cho dấu phẩy của HD 36.")]),
    wrong: Per::By(&[("ND30", "- Sở Nội vụ"), ("HD36", "- Ban Dân vận Trung ương;"), ("HD05", "- Ban Dân vận Trung ương,")]),
    right: Per::By(&[("ND30", "- Sở Nội vụ;"), ("HD36", "- Ban Dân vận Trung ương,"), ("HD05", "- Ban Dân vận Trung ương;")]),
};

/// ND30-704, HD36-704: Dòng cuối nơi nhận kết thúc bằng dấu chấm.
pub(super) const RECIPIENTS_LAST: RuleDef = RuleDef {
    code: "704",
    check: "recipients.last",
    run: recipients_last,
    element: Element::Recipients,
    systems: &[System::State, System::Party],
    fix: FixSafety::Safe,
    title: Per::Same("Dòng cuối nơi nhận kết thúc bằng dấu chấm"),
    clause: Per::By(&[
        ("ND30", "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.9.b"),
        (
            "HD36",
            "HD 36-HD/VPTW (theo tài liệu thứ cấp VBDANG, HD05-A)",
        ),
    ]),
    evidence: Per::By(&[("ND30", Evidence::Stated), ("HD36", Evidence::Secondary)]),
    severity: Per::By(&[("ND30", Severity::Error), ("HD36", Severity::Warning)]),
    doc: Per::Same("Dòng cuối cùng (Lưu) kết thúc bằng dấu chấm."),
    wrong: Per::By(&[
        ("ND30", "- Lưu: VT, VP"),
        ("HD36", "- Lưu Văn phòng Tỉnh ủy"),
    ]),
    right: Per::By(&[
        ("ND30", "- Lưu: VT, VP."),
        ("HD36", "- Lưu Văn phòng Tỉnh ủy."),
    ]),
};

/// ND30-705, HD36-705: Dòng cuối «- Lưu: VT, …».
pub(super) const RECIPIENTS_ARCHIVE: RuleDef = RuleDef {
    code: "705",
    check: "recipients.archive",
    run: recipients_archive,
    element: Element::Recipients,
    systems: &[System::State, System::Party],
    fix: FixSafety::Safe,
    title: Per::By(&[("ND30", "Dòng cuối «- Lưu: VT, …»"), ("HD36", "Dòng cuối «- Lưu …» không có dấu hai chấm")]),
    clause: Per::By(&[("ND30", "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.9.b"), ("HD36", "HD 36-HD/VPTW (theo tài liệu thứ cấp VBDANG, HD05-A)")]),
    evidence: Per::By(&[("ND30", Evidence::Stated), ("HD36", Evidence::Secondary)]),
    severity: Per::By(&[("ND30", Severity::Error), ("HD36", Severity::Warning)]),
    doc: Per::By(&[("ND30", "Dòng cuối cùng gồm chữ «Lưu» sau có dấu hai chấm, tiếp theo là chữ viết tắt «VT», dấu phẩy, chữ viết tắt tên đơn vị soạn thảo và số lượng bản lưu (nếu cần)."), ("HD36", "Dòng cuối là «- Lưu» và tên đơn vị lưu, không có dấu hai chấm (tài liệu thứ cấp).")]),
    wrong: Per::By(&[("ND30", "- Lưu VP."), ("HD36", "- Lưu: VT.")]),
    right: Per::By(&[("ND30", "- Lưu: VT, VP (02)."), ("HD36", "- Lưu Văn phòng Tỉnh ủy.")]),
};

/// ND30-706, HD36-706: «Nơi nhận:» cỡ 12 nghiêng đậm; các dòng cỡ 11.
pub(super) const RECIPIENTS_FORMAT: RuleDef = RuleDef {
    code: "706",
    check: "recipients.format",
    run: recipients_format,
    element: Element::Recipients,
    systems: &[System::State, System::Party],
    fix: FixSafety::Safe,
    title: Per::By(&[
        ("ND30", "«Nơi nhận:» cỡ 12 nghiêng đậm; các dòng cỡ 11"),
        ("HD36", "«Nơi nhận:» cỡ 14 gạch chân; các dòng cỡ 12"),
    ]),
    clause: Per::By(&[
        (
            "ND30",
            "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.9.b và mục V",
        ),
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
            "Từ «Nơi nhận» cỡ 12, kiểu chữ nghiêng, đậm; phần liệt kê cỡ 11, kiểu chữ đứng.",
        ),
        (
            "HD36",
            "«Nơi nhận:» in thường, cỡ 14, gạch chân; các dòng cỡ 12, đứng (tài liệu thứ cấp).",
        ),
    ]),
    wrong: Per::By(&[
        ("ND30", "Nơi nhận: (cỡ 14, không nghiêng)"),
        ("HD36", "Nơi nhận: (cỡ 12, nghiêng đậm)"),
    ]),
    right: Per::By(&[
        ("ND30", "Nơi nhận: (cỡ 12, nghiêng, đậm)"),
        ("HD36", "Nơi nhận: (cỡ 14, gạch chân)"),
    ]),
};

fn recipients_present(ctx: &Ctx) -> Outcome {
    if ctx.view.parts.attachment.is_some() {
        return Outcome::NotApplicable;
    }
    present(ctx.view.parts.noi_nhan.is_some(), "nơi nhận")
}

fn recipients_heading(ctx: &Ctx) -> Outcome {
    let Some(i) = ctx.view.parts.noi_nhan else {
        return Outcome::NotEvaluated("không tìm thấy nơi nhận".into());
    };
    let p = ctx.view.para(i);
    let t = p.text.trim();
    // Compared as shown: a no-break space (Word's Ctrl+Shift+Space) or decomposed
    // Unicode (reported by its own rule) looks the same on paper.
    let shown = crate::model::text::squash_spaces(&crate::model::text::nfc(t));
    let head: String = shown.chars().take(8).collect();
    if head == "Nơi nhận" && shown[head.len()..].trim_start().starts_with(':') {
        return Outcome::pass();
    }
    let head: String = t.chars().take(8).collect();
    let mut f = Finding::at(
        i,
        format!("Viết «Nơi nhận:» (in thường, có dấu hai chấm), không viết «{t}»."),
    );
    if head.to_lowercase() == "nơi nhận" {
        let rest = t[head.len()..].trim_start().trim_start_matches(':');
        let fixed = format!("Nơi nhận:{rest}");
        f = f.with_fix(Fix::replace(FixSafety::Safe, p.index, t, &fixed));
    }
    Outcome::Checked(vec![f])
}

fn items(ctx: &Ctx) -> Vec<usize> {
    ctx.view
        .parts
        .noi_nhan_items
        .iter()
        .copied()
        .filter(|&i| !ctx.view.para(i).is_blank())
        .collect()
}

fn recipients_items(ctx: &Ctx) -> Outcome {
    let it = items(ctx);
    if it.len() < 2 {
        return if ctx.view.parts.noi_nhan.is_some() {
            Outcome::NotApplicable
        } else {
            Outcome::NotEvaluated("không tìm thấy nơi nhận".into())
        };
    }
    let sep = ctx.facts.recipients_separator.as_str();
    // A side note set after a tab ("- Cổng thông tin điện tử;⇥Để đăng dự thảo") is not
    // part of the recipient: its punctuation is judged before the tab.
    let item_text = |i: usize| {
        ctx.view
            .para(i)
            .text
            .split('\t')
            .next()
            .unwrap_or_default()
            .trim()
            .to_string()
    };
    let texts: Vec<String> = it.iter().map(|&i| item_text(i)).collect();
    // An item the office carried onto a second paragraph by hand: one item on paper.
    let continues = |k: usize| {
        texts
            .get(k + 1)
            .is_some_and(|next| list_item_wraps(&texts[k], next))
    };
    let mut out = Vec::new();
    for (k, &i) in it[..it.len() - 1].iter().enumerate() {
        let p = ctx.view.para(i);
        let t = texts[k].as_str();
        if t.ends_with(':') || t.is_empty() {
            continue;
        }
        let continuation = k > 0 && continues(k - 1);
        if continues(k) {
            continue;
        }
        if !(continuation || t.starts_with('-') || t.starts_with('+')) {
            out.push(
                Finding::at(
                    i,
                    format!("Mỗi nơi nhận bắt đầu bằng gạch đầu dòng «-»: «- {t}»."),
                )
                .with_fix(Fix::replace(
                    FixSafety::Safe,
                    p.index,
                    t,
                    &format!("- {t}"),
                )),
            );
        }
        if !t.ends_with(sep) {
            let stem = t.trim_end_matches([';', ',', '.']);
            let fixed = format!("{stem}{sep}");
            out.push(
                Finding::at(
                    i,
                    format!("Mỗi nơi nhận (trừ dòng cuối) kết thúc bằng dấu «{sep}»."),
                )
                .with_fix(Fix::replace(FixSafety::Safe, p.index, t, &fixed)),
            );
        }
    }
    Outcome::Checked(out)
}

fn recipients_last(ctx: &Ctx) -> Outcome {
    let it = items(ctx);
    let Some(&last) = it.last() else {
        return if ctx.view.parts.noi_nhan.is_some() {
            Outcome::Checked(vec![Finding::at(
                ctx.view.parts.noi_nhan.unwrap_or_default(),
                "Nơi nhận không có dòng nào.",
            )])
        } else {
            Outcome::NotEvaluated("không tìm thấy nơi nhận".into())
        };
    };
    let p = ctx.view.para(last);
    let t = p.text.trim();
    if t.ends_with('.') {
        return Outcome::pass();
    }
    let stem = t.trim_end_matches([';', ',']);
    Outcome::Checked(vec![Finding::at(
        last,
        "Dòng cuối của nơi nhận kết thúc bằng dấu chấm «.».",
    )
    .with_fix(Fix::replace(
        FixSafety::Safe,
        p.index,
        t,
        &format!("{stem}."),
    ))])
}

fn recipients_archive(ctx: &Ctx) -> Outcome {
    let it = items(ctx);
    let Some(&last) = it.last() else {
        return Outcome::NotEvaluated("không tìm thấy nơi nhận".into());
    };
    let p = ctx.view.para(last);
    let t = p.text.trim().trim_start_matches('-').trim();
    let prefix = ctx.facts.archive_prefix.as_str();
    let state = prefix.ends_with(':');
    let ok = if state {
        t.starts_with("Lưu:") && t["Lưu:".len()..].trim_start().starts_with(ARCHIVE_OFFICE)
    } else {
        t.starts_with("Lưu ") && !t.starts_with("Lưu:")
    };
    if ok {
        if !(state && unit_after_archive_stop(&t["Lưu:".len()..]).is_some()) {
            return Outcome::pass();
        }
        let stop = format!("{ARCHIVE_OFFICE}.");
        return Outcome::Checked(vec![Finding::at(
            last,
            "Sau «VT» là dấu phẩy rồi đến đơn vị soạn thảo: «- Lưu: VT, <đơn vị soạn thảo>.»",
        )
        .with_fix(Fix::replace(
            FixSafety::Safe,
            p.index,
            p.text.trim(),
            &p.text
                .trim()
                .replacen(&stop, &format!("{ARCHIVE_OFFICE},"), 1),
        ))]);
    }
    let msg = if state {
        "Dòng cuối của nơi nhận là «- Lưu: VT, <đơn vị soạn thảo> (<số bản>).»"
    } else {
        "Dòng cuối của nơi nhận là «- Lưu <đơn vị>.» (không có dấu hai chấm)."
    };
    let mut f = Finding::at(last, msg);
    if !state && t.starts_with("Lưu:") {
        let fixed = p.text.trim().replacen("Lưu:", "Lưu", 1);
        f = f.with_fix(Fix::replace(
            FixSafety::Safe,
            p.index,
            p.text.trim(),
            &fixed,
        ));
    } else if state
        && t.starts_with("Lưu ")
        && t["Lưu ".len()..].trim_start().starts_with(ARCHIVE_OFFICE)
    {
        let fixed = p.text.trim().replacen("Lưu ", "Lưu: ", 1);
        f = f.with_fix(Fix::replace(
            FixSafety::Safe,
            p.index,
            p.text.trim(),
            &fixed,
        ));
    } else {
        f = f.with_fix(Fix::suggest(msg));
    }
    Outcome::Checked(vec![f])
}

fn recipients_format(ctx: &Ctx) -> Outcome {
    let Some(h) = ctx.view.parts.noi_nhan else {
        return Outcome::NotEvaluated("không tìm thấy nơi nhận".into());
    };
    let mut out = style_findings(ctx, &[h], &ctx.layout.recipients_heading, "«Nơi nhận:»");
    let it = items(ctx);
    let mut item_findings = style_findings(ctx, &it, &ctx.layout.recipients_item, "Dòng nơi nhận");
    if item_findings.len() > 2 {
        let n = item_findings.len();
        let mut first = item_findings.remove(0);
        first.message = format!("{} ({n} lỗi trình bày ở các dòng nơi nhận)", first.message);
        item_findings = vec![first];
    }
    out.extend(item_findings);
    Outcome::Checked(out)
}
