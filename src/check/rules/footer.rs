//! Signature blocks (Ô 7) and Nơi nhận (Ô 9b).

use super::common::{is_upper, present, style_findings};
use super::{Ctx, Finding, Outcome};
use crate::check::fix::Fix;
use crate::check::registry::FixSafety;

/// The canonical authority of a prefix as written: "TM", "KT", "TL", "TUQ", "Q".
pub fn authority_of(line: &str) -> Option<(&'static str, String)> {
    let t = line.trim();
    let first = t.split_whitespace().next()?;
    let key: String = first
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect::<String>()
        .to_uppercase();
    let canon = match key.as_str() {
        "TM" => "TM",
        "KT" => "KT",
        "TL" => "TL",
        "TUQ" => "TUQ",
        "Q" => "Q",
        _ => return None,
    };
    // A plain word such as "TL" must still look like a prefix: dots, slash or caps.
    if first.len() <= 1 && !first.ends_with('.') {
        return None;
    }
    Some((canon, first.to_string()))
}

fn blocks(ctx: &Ctx) -> Vec<Vec<usize>> {
    ctx.view
        .parts
        .chu_ky
        .iter()
        .map(|b| {
            b.iter()
                .copied()
                .filter(|&i| {
                    let t = ctx.view.para(i).text.trim().to_string();
                    !t.is_empty() && !t.starts_with('(')
                })
                .collect::<Vec<_>>()
        })
        .filter(|b| !b.is_empty())
        .collect()
}

pub fn sig_present(ctx: &Ctx) -> Outcome {
    if ctx.view.parts.attachment.is_some() {
        return Outcome::NotApplicable;
    }
    present(!blocks(ctx).is_empty(), "chức vụ, họ tên người ký")
}

pub fn sig_authority(ctx: &Ctx) -> Outcome {
    let bs = blocks(ctx);
    if bs.is_empty() {
        return Outcome::NotEvaluated("không tìm thấy khối chữ ký".into());
    }
    let mut out = Vec::new();
    for b in bs {
        let i = b[0];
        let p = ctx.view.para(i);
        let Some((canon, written)) = authority_of(&p.text) else {
            continue;
        };
        if ctx.facts.authority_prefixes.iter().any(|a| a == &written) {
            continue;
        }
        let want = ctx
            .facts
            .authority_prefixes
            .iter()
            .find(|a| a.chars().filter(|c| c.is_alphabetic()).collect::<String>() == canon)
            .cloned();
        match want {
            Some(w) => out.push(
                Finding::at(
                    i,
                    format!(
                        "Quyền hạn ký viết «{written}»; {} viết «{w}».",
                        ctx.system.label()
                    ),
                )
                .with_fix(Fix {
                    safety: FixSafety::Suggest,
                    ..Fix::replace(FixSafety::Suggest, p.index, &written, &w)
                }),
            ),
            None => out.push(Finding::at(
                i,
                format!(
                    "Quyền hạn ký «{written}» không dùng trong {}; dùng {}.",
                    ctx.system.label(),
                    ctx.facts.authority_prefixes.join(", ")
                ),
            )),
        }
    }
    Outcome::Checked(out)
}

pub fn sig_name(ctx: &Ctx) -> Outcome {
    let bs = blocks(ctx);
    if bs.is_empty() {
        return Outcome::NotEvaluated("không tìm thấy khối chữ ký".into());
    }
    let mut out = Vec::new();
    for b in bs {
        let last = *b.last().unwrap_or(&b[0]);
        let t = ctx.view.para(last).text.trim().to_string();
        if b.len() < 2 || is_upper(&t) {
            out.push(
                Finding::at(
                    last,
                    "Khối chữ ký thiếu họ và tên người ký (in thường, đậm, dưới chữ ký).",
                )
                .with_fix(Fix::suggest("thêm họ và tên người ký")),
            );
        }
    }
    Outcome::Checked(out)
}

pub fn sig_format(ctx: &Ctx) -> Outcome {
    let bs = blocks(ctx);
    if bs.is_empty() {
        return Outcome::NotEvaluated("không tìm thấy khối chữ ký".into());
    }
    let l = ctx.layout;
    let mut out = Vec::new();
    for b in bs {
        let upper: Vec<usize> = b
            .iter()
            .copied()
            .filter(|&i| is_upper(&ctx.view.para(i).text))
            .collect();
        if let Some((&first, rest)) = upper.split_first() {
            out.extend(style_findings(
                ctx,
                &[first],
                &l.signer_authority,
                "Quyền hạn, chức vụ người ký",
            ));
            out.extend(style_findings(
                ctx,
                rest,
                &l.signer_position,
                "Chức vụ người ký",
            ));
        }
        let last = *b.last().unwrap_or(&b[0]);
        if b.len() >= 2 && !is_upper(&ctx.view.para(last).text) {
            out.extend(style_findings(
                ctx,
                &[last],
                &l.signer_name,
                "Họ tên người ký",
            ));
        }
    }
    Outcome::Checked(out)
}

const TITLES: [&str; 12] = [
    "GS.",
    "PGS.",
    "TS.",
    "ThS.",
    "KS.",
    "BS.",
    "CN.",
    "GS.TS",
    "PGS.TS",
    "Tiến sĩ",
    "Thạc sĩ",
    "Giáo sư",
];

pub fn sig_no_title(ctx: &Ctx) -> Outcome {
    let bs = blocks(ctx);
    if bs.is_empty() {
        return Outcome::NotEvaluated("không tìm thấy khối chữ ký".into());
    }
    let mut out = Vec::new();
    for b in bs {
        let last = *b.last().unwrap_or(&b[0]);
        let t = ctx.view.para(last).text.trim().to_string();
        if let Some(title) = TITLES.iter().find(|x| t.starts_with(**x)) {
            let rest = t[title.len()..].trim_start_matches(['.', ' ']).to_string();
            out.push(
                Finding::at(
                    last,
                    format!("Không ghi học hàm, học vị («{title}») trước họ tên người ký."),
                )
                .with_fix(Fix::suggest(format!("chỉ ghi «{rest}»"))),
            );
        }
    }
    Outcome::Checked(out)
}

pub fn nn_present(ctx: &Ctx) -> Outcome {
    if ctx.view.parts.attachment.is_some() {
        return Outcome::NotApplicable;
    }
    present(ctx.view.parts.noi_nhan.is_some(), "nơi nhận")
}

pub fn nn_heading(ctx: &Ctx) -> Outcome {
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

pub fn nn_items(ctx: &Ctx) -> Outcome {
    let it = items(ctx);
    if it.len() < 2 {
        return if ctx.view.parts.noi_nhan.is_some() {
            Outcome::NotApplicable
        } else {
            Outcome::NotEvaluated("không tìm thấy nơi nhận".into())
        };
    }
    let sep = ctx.facts.recipients_separator.as_str();
    let mut out = Vec::new();
    for &i in &it[..it.len() - 1] {
        let p = ctx.view.para(i);
        // A side note set after a tab ("- Cổng thông tin điện tử;⇥Để đăng dự thảo") is not
        // part of the recipient: its punctuation is judged before the tab.
        let t = p.text.split('\t').next().unwrap_or_default().trim();
        if t.ends_with(':') || t.is_empty() {
            continue;
        }
        if !(t.starts_with('-') || t.starts_with('+')) {
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

pub fn nn_last(ctx: &Ctx) -> Outcome {
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

pub fn nn_archive(ctx: &Ctx) -> Outcome {
    let it = items(ctx);
    let Some(&last) = it.last() else {
        return Outcome::NotEvaluated("không tìm thấy nơi nhận".into());
    };
    let p = ctx.view.para(last);
    let t = p.text.trim().trim_start_matches('-').trim();
    let prefix = ctx.facts.archive_prefix.as_str();
    let state = prefix.ends_with(':');
    let ok = if state {
        t.starts_with("Lưu:") && t["Lưu:".len()..].trim_start().starts_with("VT")
    } else {
        t.starts_with("Lưu ") && !t.starts_with("Lưu:")
    };
    if ok {
        return Outcome::pass();
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
    } else if state && t.starts_with("Lưu ") && t["Lưu ".len()..].trim_start().starts_with("VT") {
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

pub fn nn_format(ctx: &Ctx) -> Outcome {
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
