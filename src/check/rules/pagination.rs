//! Dàn trang (pagination): the signature block kept with the body.

use super::{Ctx, Finding, Outcome, Per, RuleDef};
use crate::check::fix::{Edit, Fix};
use crate::check::registry::{Evidence, FixSafety, Severity};
use crate::check::view::Element;
use crate::model::System;

/// The rules of this file, in the order of their codes.
pub(super) const RULES: &[RuleDef] = &[PAGINATION_KEEP, PAGINATION_LAYOUT];

/// ND30-901, HD36-901: Chữ ký không tách khỏi nội dung (giữ với đoạn sau).
pub(super) const PAGINATION_KEEP: RuleDef = RuleDef {
    code: "901",
    check: "pagination.keep",
    run: keep_together,
    element: Element::Signature,
    systems: &[System::State, System::Party],
    fix: FixSafety::Safe,
    title: Per::Same("Chữ ký không tách khỏi nội dung (giữ với đoạn sau)"),
    clause: Per::Same("Khuyến nghị trình bày (không có điều khoản riêng)"),
    evidence: Per::Same(Evidence::Inferred),
    severity: Per::Same(Severity::Warning),
    doc: Per::Same("Để khối chữ ký và nơi nhận không bị đẩy sang trang riêng, đoạn cuối của nội dung nên bật «Giữ với đoạn sau»."),
    wrong: Per::Same("Trang cuối chỉ có chữ ký và nơi nhận"),
    right: Per::Same("Dòng cuối nội dung nằm cùng trang với chữ ký"),
};

/// ND30-902, HD36-902: Dàn trang: chữ ký cùng trang với dòng cuối nội dung.
pub(super) const PAGINATION_LAYOUT: RuleDef = RuleDef {
    code: "902",
    check: "pagination.layout",
    run: layout_split,
    element: Element::Signature,
    systems: &[System::State, System::Party],
    fix: FixSafety::None,
    title: Per::Same("Dàn trang: chữ ký cùng trang với dòng cuối nội dung"),
    clause: Per::Same("Khuyến nghị trình bày (không có điều khoản riêng)"),
    evidence: Per::Same(Evidence::Inferred),
    severity: Per::Same(Severity::Warning),
    doc: Per::Same("Dàn trang bằng LibreOffice và kiểm tra nơi nhận, chữ ký có nằm cùng trang với dòng cuối nội dung."),
    wrong: Per::Same("Nội dung hết ở trang 2, chữ ký ở đầu trang 3"),
    right: Per::Same("Chữ ký ngay dưới dòng cuối nội dung"),
};

/// The signature block or Nơi nhận must not be left alone on a page: the last lines of the
/// body should be kept with what follows (keep with next).
fn keep_together(ctx: &Ctx) -> Outcome {
    let parts = &ctx.view.parts;
    let Some(&last) = parts
        .noi_dung
        .iter()
        .rev()
        .find(|&&i| !ctx.view.para(i).is_blank())
    else {
        return Outcome::NotEvaluated("không xác định được phần nội dung".into());
    };
    if parts.chu_ky.is_empty() && parts.noi_nhan.is_none() {
        return Outcome::NotEvaluated("không tìm thấy khối chữ ký".into());
    }
    let first_footer = parts
        .chu_ky
        .iter()
        .flatten()
        .chain(parts.noi_nhan.iter())
        .copied()
        .min()
        .unwrap_or(last + 1);
    // Every paragraph from the last body line to the footer keeps with the next one.
    let chain_kept = (last..first_footer).all(|i| ctx.view.para(i).keep_next);
    if chain_kept {
        return Outcome::pass();
    }
    // The fix keeps every paragraph of that chain with the next (the last body line and the
    // blank lines after it), so that the file it writes passes this rule.
    let mut fix = Fix::edit(
        "bật \"Giữ với đoạn sau\" (Keep with next) cho đoạn cuối",
        Edit::KeepNext {
            paragraph: ctx.view.para(last).index,
        },
    );
    fix.edits.clear();
    for i in last..first_footer {
        let p = ctx.view.para(i);
        let edit = Edit::KeepNext { paragraph: p.index };
        if !p.keep_next && !fix.edits.contains(&edit) {
            fix.edits.push(edit);
        }
    }
    let only_last = [Edit::KeepNext {
        paragraph: ctx.view.para(last).index,
    }];
    if fix.edits != only_last {
        fix.title = format!(
            "bật \"Giữ với đoạn sau\" (Keep with next) cho {} đoạn từ cuối nội dung đến khối chữ ký",
            fix.edits.len()
        );
    }
    Outcome::Checked(vec![Finding::at(
        last,
        "Đoạn cuối của nội dung không được giữ cùng trang với khối chữ ký: chữ ký và nơi nhận có thể bị đẩy sang trang riêng.",
    )
    .with_fix(fix)])
}

/// Layout-level check through the page layout engine the caller passes in (LibreOffice in
/// the CLI): on which page does the Nơi nhận fall compared with the last line of the body?
/// Reported as not evaluated where no engine is given or it cannot run.
fn layout_split(ctx: &Ctx) -> Outcome {
    let Some(engine) = ctx.layout_engine else {
        return Outcome::NotEvaluated("cần dàn trang bằng LibreOffice (chạy với --layout)".into());
    };
    let Some(bytes) = ctx.bytes else {
        return Outcome::NotEvaluated("chỉ kiểm tra được trên tệp .docx".into());
    };
    let parts = &ctx.view.parts;
    let (Some(&last), Some(nn)) = (
        parts
            .noi_dung
            .iter()
            .rev()
            .find(|&&i| ctx.view.para(i).text.trim().chars().count() > 8),
        parts.noi_nhan,
    ) else {
        return Outcome::NotEvaluated("không tìm thấy nội dung hoặc nơi nhận".into());
    };
    let pages = match engine.page_texts(bytes) {
        Ok(p) => p,
        Err(e) => return Outcome::NotEvaluated(e.to_string()),
    };
    let squash = |s: &str| -> String { s.split_whitespace().collect::<Vec<_>>().join(" ") };
    let body_tail: String = {
        let t = squash(&ctx.view.para(last).text);
        let n = t.chars().count();
        t.chars().skip(n.saturating_sub(20)).collect()
    };
    let heading = squash(&ctx.view.para(nn).text);
    let heading = heading.split(':').next().unwrap_or("Nơi nhận").to_string();
    let body_page = pages.iter().rposition(|p| p.contains(&body_tail));
    let nn_page = pages.iter().rposition(|p| p.contains(&heading));
    match (body_page, nn_page) {
        (Some(b), Some(n)) if n > b => Outcome::Checked(vec![Finding::at(
            nn,
            format!(
                "Khi dàn trang, nơi nhận và chữ ký rơi sang trang {} còn dòng cuối nội dung ở trang {}.",
                n + 1,
                b + 1
            ),
        )]),
        (Some(_), Some(_)) => Outcome::pass(),
        _ => Outcome::NotEvaluated("không đối chiếu được văn bản đã dàn trang".into()),
    }
}
