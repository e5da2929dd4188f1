//! Header checks (Ô 1, Ô 2): quốc hiệu, tiêu ngữ, Party title, superior and issuing bodies.

use std::sync::OnceLock;

use regex::Regex;

use super::common::{has_line_under, present, style_outcome, upper_key};
use super::{Ctx, Finding, Outcome};
use crate::check::fix::{Edit, Fix};
use crate::check::registry::FixSafety;

/// Quốc hiệu as NĐ 30 writes it.
pub const QUOC_HIEU: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
/// Tiêu ngữ as NĐ 30 writes it.
pub const TIEU_NGU: &str = "Độc lập - Tự do - Hạnh phúc";
/// The Party title.
pub const DANG: &str = "ĐẢNG CỘNG SẢN VIỆT NAM";

pub fn mixed(ctx: &Ctx) -> Outcome {
    if ctx.view.mixed {
        let at = ctx.view.parts.quoc_hieu.or(ctx.view.parts.dang);
        Outcome::Review(
            "Văn bản liên tịch giữa cơ quan nhà nước và tổ chức Đảng: không văn bản nào quy định thể thức; cần người kiểm tra chọn hệ thể thức của cơ quan chủ trì.".into(),
            at,
        )
    } else {
        Outcome::pass()
    }
}

pub fn quoc_hieu_present(ctx: &Ctx) -> Outcome {
    present(
        ctx.view.parts.quoc_hieu.is_some(),
        "Quốc hiệu «CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM»",
    )
}

pub fn quoc_hieu_text(ctx: &Ctx) -> Outcome {
    let Some(i) = ctx.view.parts.quoc_hieu else {
        return Outcome::NotEvaluated("không tìm thấy Quốc hiệu".into());
    };
    let p = ctx.view.para(i);
    if upper_key(&p.text) == upper_key(QUOC_HIEU) {
        return Outcome::pass();
    }
    Outcome::Checked(vec![Finding::at(
        i,
        format!("Quốc hiệu viết «{}»; đúng là «{QUOC_HIEU}».", p.text.trim()),
    )
    .with_fix(Fix::replace(
        FixSafety::Guarded,
        p.index,
        p.text.trim(),
        QUOC_HIEU,
    ))])
}

pub fn quoc_hieu_format(ctx: &Ctx) -> Outcome {
    let parts: Vec<usize> = ctx.view.parts.quoc_hieu.into_iter().collect();
    style_outcome(ctx, &parts, &ctx.layout.national_title, "Quốc hiệu")
}

pub fn tieu_ngu_present(ctx: &Ctx) -> Outcome {
    present(
        ctx.view.parts.tieu_ngu.is_some(),
        "Tiêu ngữ «Độc lập - Tự do - Hạnh phúc»",
    )
}

fn separators() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"(\S)[ \u{a0}]*[-–—‒−][ \u{a0}]*(\S)").expect("valid regex"))
}

pub fn tieu_ngu_dash(ctx: &Ctx) -> Outcome {
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

pub fn tieu_ngu_format(ctx: &Ctx) -> Outcome {
    let parts: Vec<usize> = ctx.view.parts.tieu_ngu.into_iter().collect();
    style_outcome(ctx, &parts, &ctx.layout.motto, "Tiêu ngữ")
}

pub fn tieu_ngu_line(ctx: &Ctx) -> Outcome {
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

pub fn dang_present(ctx: &Ctx) -> Outcome {
    present(
        ctx.view.parts.dang.is_some(),
        "tiêu đề «ĐẢNG CỘNG SẢN VIỆT NAM»",
    )
}

pub fn dang_format(ctx: &Ctx) -> Outcome {
    let parts: Vec<usize> = ctx.view.parts.dang.into_iter().collect();
    style_outcome(
        ctx,
        &parts,
        &ctx.layout.national_title,
        "Tiêu đề «ĐẢNG CỘNG SẢN VIỆT NAM»",
    )
}

pub fn dang_line(ctx: &Ctx) -> Outcome {
    let Some(i) = ctx.view.parts.dang else {
        return Outcome::NotEvaluated("không tìm thấy tiêu đề".into());
    };
    if has_line_under(ctx, i) {
        Outcome::pass()
    } else {
        Outcome::Checked(vec![Finding::at(
            i,
            "Thiếu đường kẻ ngang nét liền dưới tiêu đề «ĐẢNG CỘNG SẢN VIỆT NAM».",
        )
        .with_fix(Fix::suggest(
            "kẻ đường viền dưới (bottom border) cho đoạn tiêu đề",
        ))])
    }
}

pub fn issuer_present(ctx: &Ctx) -> Outcome {
    present(
        !ctx.view.parts.ban_hanh.is_empty(),
        "tên cơ quan, tổ chức ban hành",
    )
}

pub fn issuer_format(ctx: &Ctx) -> Outcome {
    style_outcome(
        ctx,
        &ctx.view.parts.ban_hanh,
        &ctx.layout.issuing_body,
        "Tên cơ quan ban hành",
    )
}

pub fn superior_format(ctx: &Ctx) -> Outcome {
    if ctx.view.parts.chu_quan.is_empty() {
        return Outcome::NotApplicable;
    }
    style_outcome(
        ctx,
        &ctx.view.parts.chu_quan,
        &ctx.layout.superior_body,
        "Tên cơ quan chủ quản",
    )
}

pub fn issuer_mark(ctx: &Ctx) -> Outcome {
    let Some(&last) = ctx.view.parts.ban_hanh.last() else {
        return Outcome::NotEvaluated("không tìm thấy tên cơ quan ban hành".into());
    };
    if ctx.facts.issuer_mark == "star" {
        if ctx.view.parts.star.is_some() {
            return Outcome::pass();
        }
        return Outcome::Checked(vec![Finding::at(
            last,
            "Thiếu dấu sao (*) canh giữa dưới tên cơ quan ban hành.",
        )
        .with_fix(Fix::suggest(
            "thêm một dòng \"*\" canh giữa dưới tên cơ quan",
        ))]);
    }
    if has_line_under(ctx, last) {
        return Outcome::pass();
    }
    let msg = if ctx.view.parts.star.is_some() {
        "Dưới tên cơ quan ban hành dùng dấu (*) của văn bản Đảng; văn bản hành chính dùng đường kẻ ngang nét liền (1/3–1/2 dòng chữ)."
    } else {
        "Thiếu đường kẻ ngang nét liền dưới tên cơ quan ban hành (dài 1/3–1/2 dòng chữ, canh giữa)."
    };
    Outcome::Checked(vec![
        Finding::at(last, msg).with_fix(Fix::suggest("kẻ đường ngang dưới tên cơ quan ban hành"))
    ])
}
