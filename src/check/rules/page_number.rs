//! Số trang (page numbers).

use super::{Ctx, Finding, Outcome, Per, RuleDef};
use crate::check::fix::{Edit, Fix};
use crate::check::registry::{Evidence, FixSafety, Severity};
use crate::check::view::{Align, Element};
use crate::layout::FONT;
use crate::model::System;

/// The rules of this file, in the order of their codes.
pub(super) const RULES: &[RuleDef] = &[
    PAGE_NUMBER_FIRST_PAGE,
    PAGE_NUMBER_POSITION,
    PAGE_NUMBER_FORMAT,
];

/// ND30-801, HD36-801: Không đánh số trang đầu.
pub(super) const PAGE_NUMBER_FIRST_PAGE: RuleDef = RuleDef {
    code: "801",
    check: "page_number.first_page",
    run: page_number_first_page,
    element: Element::PageNumber,
    systems: &[System::State, System::Party],
    fix: FixSafety::Safe,
    title: Per::Same("Không đánh số trang đầu"),
    clause: Per::By(&[
        ("ND30", "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục I.5"),
        (
            "HD36",
            "HD 36-HD/VPTW (theo tài liệu thứ cấp VBDANG, HD05-A)",
        ),
    ]),
    evidence: Per::By(&[("ND30", Evidence::Stated), ("HD36", Evidence::Secondary)]),
    severity: Per::By(&[("ND30", Severity::Error), ("HD36", Severity::Warning)]),
    doc: Per::Same(
        "Số trang được đánh từ số 1, ghi bằng chữ số Ả Rập; không hiển thị số trang thứ nhất.",
    ),
    wrong: Per::Same("Số 1 hiện ở đầu trang thứ nhất"),
    right: Per::Same("Bật «Trang đầu khác»: số trang hiện từ trang 2"),
};

/// ND30-802, HD36-802: Số trang giữa lề trên.
pub(super) const PAGE_NUMBER_POSITION: RuleDef = RuleDef {
    code: "802",
    check: "page_number.position",
    run: page_number_position,
    element: Element::PageNumber,
    systems: &[System::State, System::Party],
    fix: FixSafety::Suggest,
    title: Per::Same("Số trang giữa lề trên"),
    clause: Per::By(&[
        ("ND30", "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục I.5"),
        (
            "HD36",
            "HD 36-HD/VPTW (theo tài liệu thứ cấp VBDANG, HD05-A)",
        ),
    ]),
    evidence: Per::By(&[("ND30", Evidence::Stated), ("HD36", Evidence::Secondary)]),
    severity: Per::By(&[("ND30", Severity::Error), ("HD36", Severity::Warning)]),
    doc: Per::Same("Số trang được đặt canh giữa theo chiều ngang trong phần lề trên của văn bản."),
    wrong: Per::Same("Số trang ở chân trang, góc phải"),
    right: Per::Same("Số trang ở đầu trang, canh giữa"),
};

/// ND30-803, HD36-803: Số trang: Times New Roman, cỡ 13–14.
pub(super) const PAGE_NUMBER_FORMAT: RuleDef = RuleDef {
    code: "803",
    check: "page_number.format",
    run: page_number_format,
    element: Element::PageNumber,
    systems: &[System::State, System::Party],
    fix: FixSafety::Suggest,
    title: Per::By(&[("ND30", "Số trang: Times New Roman, cỡ 13–14"), ("HD36", "Số trang: Times New Roman, cỡ 14")]),
    clause: Per::By(&[
        ("ND30", "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục I.5"),
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
            "Số trang trình bày bằng chữ số Ả Rập, cỡ chữ 13 đến 14, kiểu chữ đứng, cùng phông Times New Roman của văn bản (Phụ lục I, mục I.2).",
        ),
        (
            "HD36",
            "Số trang chữ số Ả Rập, cỡ 14, phông Times New Roman, canh giữa lề trên (tài liệu thứ cấp).",
        ),
    ]),
    wrong: Per::Same("Số trang cỡ 10"),
    right: Per::Same("Số trang cỡ 14"),
};

/// How many pages the document prints on: Word's own count saved in the file when there is
/// one, else an estimate from the amount of text (a page of A4 at 14 pt holds about 2 500
/// characters).
fn likely_pages(ctx: &Ctx) -> usize {
    if let Some(n) = ctx.view.page.as_ref().and_then(|p| p.saved_pages) {
        return n as usize;
    }
    let chars: usize = ctx
        .view
        .paras
        .iter()
        .map(|p| p.text.chars().count() + 40)
        .sum();
    chars / 2_500 + 1
}

fn page_number_first_page(ctx: &Ctx) -> Outcome {
    let Some(page) = &ctx.view.page else {
        return Outcome::NotEvaluated("không đọc được định dạng trang".into());
    };
    let shown_on_first = page.page_field_in_first_header
        || (page.page_field_in_header && !page.title_page)
        || (page.page_field_in_footer && !page.title_page);
    if !shown_on_first {
        return Outcome::pass();
    }
    let f = Finding::doc("Số trang hiện ở trang đầu; trang 1 không đánh số.");
    if page.page_field_in_first_header {
        Outcome::Checked(vec![f.with_fix(Fix::suggest(
            "xóa trường số trang khỏi đầu trang của trang đầu",
        ))])
    } else {
        Outcome::Checked(vec![f.with_fix(Fix::edit(
            "bật \"Trang đầu khác\" (Different first page)",
            Edit::TitlePage,
        ))])
    }
}

fn page_number_position(ctx: &Ctx) -> Outcome {
    let Some(page) = &ctx.view.page else {
        return Outcome::NotEvaluated("không đọc được định dạng trang".into());
    };
    // One page (as Word counted it) with "different first page": no number prints at all.
    if page.title_page && !page.page_field_in_first_header && page.saved_pages == Some(1) {
        return Outcome::NotApplicable;
    }
    if page.page_field_in_footer {
        return Outcome::Checked(vec![Finding::doc(
            "Số trang đặt ở chân trang; số trang đặt giữa, ở phần lề trên của văn bản.",
        )
        .with_fix(Fix::suggest(
            "chuyển trường số trang lên đầu trang (header), căn giữa",
        ))]);
    }
    if page.page_field_in_header {
        // Page 3 is the first odd page after the first to need a number.
        if page.page_number_even_only && likely_pages(ctx) >= 3 {
            return Outcome::Checked(vec![Finding::doc(
                "Số trang chỉ có ở đầu trang chẵn (trang chẵn, lẻ khác nhau): các trang lẻ từ \
                 trang 3 không có số trang.",
            )
            .with_fix(Fix::suggest(
                "chèn trường PAGE vào đầu trang lẻ, hoặc bỏ \"Trang chẵn, lẻ khác nhau\" \
                 (Different odd and even pages)",
            ))]);
        }
        if let Some(a) = page.page_number_align {
            if a != Align::Center {
                return Outcome::Checked(vec![Finding::doc(
                    "Số trang phải căn giữa theo chiều ngang.",
                )]);
            }
        }
        return Outcome::pass();
    }
    if likely_pages(ctx) > 1 {
        return Outcome::Checked(vec![Finding::doc(
            "Văn bản nhiều trang nhưng không có số trang (từ trang 2, giữa lề trên).",
        )
        .with_fix(Fix::suggest("chèn trường PAGE vào đầu trang, căn giữa"))]);
    }
    Outcome::NotApplicable
}

fn page_number_format(ctx: &Ctx) -> Outcome {
    let Some(page) = &ctx.view.page else {
        return Outcome::NotEvaluated("không đọc được định dạng trang".into());
    };
    if !(page.page_field_in_header || page.page_field_in_footer) {
        return Outcome::NotApplicable;
    }
    // One page (as Word counted it) with "different first page": the number never prints.
    if page.title_page && !page.page_field_in_first_header && page.saved_pages == Some(1) {
        return Outcome::NotApplicable;
    }
    let mut out = Vec::new();
    // The font first: a number in the template's Calibri prints unlike the text around it.
    if let Some(font) = page
        .page_number_font
        .as_deref()
        .filter(|f| !prints_digits_as_times(f))
    {
        out.push(
            Finding::doc(format!("Số trang in phông {font}; quy định {FONT}."))
                .with_fix(Fix::suggest(format!("đặt phông {FONT} cho số trang"))),
        );
    }
    let Some(size) = page.page_number_size else {
        if out.is_empty() {
            return Outcome::NotEvaluated("không xác định được cỡ chữ số trang".into());
        }
        return Outcome::Checked(out);
    };
    let r = ctx.layout.page_number.size;
    if !r.contains(size) {
        out.push(
            Finding::doc(format!(
                "Số trang cỡ {size}, quy định {}–{}.",
                r.min.as_pt(),
                r.max
            ))
            .with_fix(Fix::suggest(format!("đặt cỡ chữ số trang {}", r.preferred))),
        );
    }
    Outcome::Checked(out)
}

/// Whether digits set in `font` print as Times New Roman's: the font itself, or one of the
/// old Vietnamese encodings' copies of it (".VnTime", "VNI-Times"), whose digits are the
/// same glyphs. Text typed in those is rule 110's business; a page number's digits are not.
fn prints_digits_as_times(font: &str) -> bool {
    let f = font.trim();
    f.eq_ignore_ascii_case(FONT) || f.to_lowercase().contains("time")
}
