//! Page checks: paper size, margins, page numbers and pagination risks.

use std::path::Path;
use std::process::Command;

use super::{Ctx, Finding, Outcome};
use crate::check::fix::{Edit, Fix};
use crate::check::view::{Align, PageSetup};
use crate::layout::{Range, Twips};

/// Twips of tolerance: Word rounds millimetres (e.g. 2 cm = 1134 or 1135).
const SLACK: i32 = 6;

pub fn size(ctx: &Ctx) -> Outcome {
    let Some(page) = &ctx.view.page else {
        return Outcome::NotEvaluated("không đọc được định dạng trang".into());
    };
    let (Some(w), Some(h)) = (page.width, page.height) else {
        return Outcome::NotEvaluated("tệp không ghi khổ giấy".into());
    };
    let (aw, ah) = (ctx.layout.page_width, ctx.layout.page_height);
    let near = |a: Twips, b: Twips| (a.0 - b.0).abs() <= 20;
    if near(w, aw) && near(h, ah) {
        return Outcome::pass();
    }
    let msg = if near(w, ah) && near(h, aw) {
        "Trang đang để khổ ngang; văn bản trình bày theo chiều dài khổ A4 (210 × 297 mm)."
            .to_string()
    } else {
        format!(
            "Khổ giấy {:.0} × {:.0} mm, quy định A4 (210 × 297 mm).",
            w.as_mm(),
            h.as_mm()
        )
    };
    Outcome::Checked(vec![Finding::doc(msg).with_fix(Fix::edit(
        "đặt khổ A4 dọc",
        Edit::PageSize {
            width: aw,
            height: ah,
        },
    ))])
}

fn margin(
    ctx: &Ctx,
    name: &str,
    get: fn(&PageSetup) -> Option<Twips>,
    range: fn(&crate::layout::Margins) -> Range<Twips>,
    edit: fn(Twips) -> Edit,
) -> Outcome {
    let Some(page) = &ctx.view.page else {
        return Outcome::NotEvaluated("không đọc được định dạng trang".into());
    };
    let Some(v) = get(page) else {
        return Outcome::NotEvaluated(format!("tệp không ghi lề {name}"));
    };
    let r = range(&ctx.layout.margins);
    if v.0 + SLACK >= r.min.0 && v.0 - SLACK <= r.max.0 {
        return Outcome::pass();
    }
    let allowed = if r.min == r.max {
        r.min.to_string()
    } else {
        format!("{:.0}–{}", r.min.as_mm(), r.max)
    };
    Outcome::Checked(vec![Finding::doc(format!(
        "Lề {name} {v}, quy định {allowed}."
    ))
    .with_fix(Fix::edit(
        format!("đặt lề {name} {}", r.preferred),
        edit(r.preferred),
    ))])
}

fn m(top: Option<Twips>, bottom: Option<Twips>, left: Option<Twips>, right: Option<Twips>) -> Edit {
    Edit::Margins {
        top,
        bottom,
        left,
        right,
    }
}

pub fn margin_top(ctx: &Ctx) -> Outcome {
    margin(
        ctx,
        "trên",
        |p| p.top,
        |m| m.top,
        |v| m(Some(v), None, None, None),
    )
}

pub fn margin_bottom(ctx: &Ctx) -> Outcome {
    margin(
        ctx,
        "dưới",
        |p| p.bottom,
        |m| m.bottom,
        |v| m(None, Some(v), None, None),
    )
}

pub fn margin_left(ctx: &Ctx) -> Outcome {
    margin(
        ctx,
        "trái",
        |p| p.left,
        |m| m.left,
        |v| m(None, None, Some(v), None),
    )
}

pub fn margin_right(ctx: &Ctx) -> Outcome {
    margin(
        ctx,
        "phải",
        |p| p.right,
        |m| m.right,
        |v| m(None, None, None, Some(v)),
    )
}

/// Rough length of the text: a page of A4 at 14 pt holds about 2 500 characters.
/// How many pages the document prints on: Word's own count saved in the file when there is
/// one, else an estimate from the amount of text.
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

pub fn number_first_page(ctx: &Ctx) -> Outcome {
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

pub fn number_position(ctx: &Ctx) -> Outcome {
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

pub fn number_format(ctx: &Ctx) -> Outcome {
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
    let Some(size) = page.page_number_size else {
        return Outcome::NotEvaluated("không xác định được cỡ chữ số trang".into());
    };
    let r = ctx.layout.page_number.size;
    if r.contains(size) {
        Outcome::pass()
    } else {
        Outcome::Checked(vec![Finding::doc(format!(
            "Số trang cỡ {size}, quy định {}–{}.",
            r.min.as_pt(),
            r.max
        ))
        .with_fix(Fix::suggest(format!("đặt cỡ chữ số trang {}", r.preferred)))])
    }
}

/// The signature block or Nơi nhận must not be left alone on a page: the last lines of the
/// body should be kept with what follows (keep with next).
pub fn keep_together(ctx: &Ctx) -> Outcome {
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

/// Layout-level check through LibreOffice: on which page does the Nơi nhận fall compared
/// with the last line of the body? Reported as not evaluated where LibreOffice is absent.
pub fn layout_split(ctx: &Ctx) -> Outcome {
    if !ctx.layout_engine {
        return Outcome::NotEvaluated("cần dàn trang bằng LibreOffice (chạy với --layout)".into());
    }
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
    let pages = match render_pages(bytes) {
        Ok(p) => p,
        Err(e) => return Outcome::NotEvaluated(e),
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

fn render_pages(bytes: &[u8]) -> Result<Vec<String>, String> {
    let soffice = ["soffice", "libreoffice"]
        .into_iter()
        .find(|b| which(b))
        .ok_or_else(|| "LibreOffice chưa được cài".to_string())?;
    if !which("pdftotext") {
        return Err("thiếu pdftotext (poppler-utils)".into());
    }
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let input = dir.path().join("doc.docx");
    std::fs::write(&input, bytes).map_err(|e| e.to_string())?;
    let profile = format!("-env:UserInstallation=file://{}/lo", dir.path().display());
    let status = Command::new(soffice)
        .arg(profile)
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(&input)
        .output()
        .map_err(|e| e.to_string())?;
    let pdf = dir.path().join("doc.pdf");
    if !status.status.success() || !pdf.exists() {
        return Err("LibreOffice không dàn trang được tệp".into());
    }
    let out = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .map_err(|e| e.to_string())?;
    let text = String::from_utf8_lossy(&out.stdout);
    Ok(text
        .split('\u{c}')
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect())
}

fn which(bin: &str) -> bool {
    std::env::var_os("PATH").is_some_and(|paths| {
        std::env::split_paths(&paths).any(|d| Path::new(&d).join(bin).is_file())
    })
}
