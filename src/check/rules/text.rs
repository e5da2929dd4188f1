//! Checks over the text of every paragraph: font family, Unicode form, spacing, quotes.

use super::{Ctx, Finding, Outcome};
use crate::check::fix::{Edit, Fix};
use crate::check::registry::FixSafety;
use crate::layout::FONT;
use crate::model::text;

pub fn font_family(ctx: &Ctx) -> Outcome {
    let mut bad: Vec<(usize, String)> = Vec::new();
    let mut known = false;
    for (i, p) in ctx.view.paras.iter().enumerate() {
        for r in p.visible_runs() {
            if let Some(f) = &r.font {
                known = true;
                if !f.trim().eq_ignore_ascii_case(FONT) {
                    bad.push((i, f.clone()));
                    break;
                }
            }
        }
    }
    if !known {
        return Outcome::NotEvaluated("tệp không ghi phông chữ".into());
    }
    let Some((first, font)) = bad.first().cloned() else {
        return Outcome::pass();
    };
    let edits = bad
        .iter()
        .map(|(i, _)| Edit::RunProps {
            paragraph: ctx.view.para(*i).index,
            font: Some(FONT.to_string()),
            size: None,
            bold: None,
            italic: None,
            underline: None,
        })
        .collect();
    let mut fix = Fix::edit(format!("đặt phông {FONT}"), Edit::TitlePage);
    fix.edits = edits;
    let msg = if bad.len() == 1 {
        format!("Phông chữ {font}; quy định {FONT} (bộ mã Unicode TCVN 6909:2001).")
    } else {
        format!(
            "Phông chữ {font} ở {} đoạn; quy định {FONT} (bộ mã Unicode TCVN 6909:2001).",
            bad.len()
        )
    };
    Outcome::Checked(vec![Finding::at(first, msg).with_fix(fix)])
}

pub fn nfc(ctx: &Ctx) -> Outcome {
    let mut out = Vec::new();
    for (i, p) in ctx.view.paras.iter().enumerate() {
        if text::is_nfc(&p.text) {
            continue;
        }
        let mut fix = Fix::replace(FixSafety::Safe, p.index, "", "");
        fix.edits.clear();
        let mut words = Vec::new();
        for w in p.text.split_whitespace() {
            if !text::is_nfc(w) && !words.contains(&w) {
                words.push(w);
                fix.edits.push(Edit::ReplaceText {
                    paragraph: p.index,
                    find: w.to_string(),
                    replace: text::nfc(w),
                });
            }
        }
        let shown: Vec<String> = words.iter().take(3).map(|w| text::nfc(w)).collect();
        fix.title = "chuyển sang dạng dựng sẵn (NFC)".into();
        fix.before = None;
        fix.after = Some(shown.join(", "));
        out.push(
            Finding::at(
                i,
                format!(
                    "Chữ gõ ở dạng tổ hợp (dấu tách rời): «{}»; phải dùng Unicode dựng sẵn (NFC).",
                    shown.join("», «")
                ),
            )
            .with_fix(fix),
        );
    }
    Outcome::Checked(out)
}

/// Each maximal run of two or more ASCII spaces inside the text, with one character of
/// context either side so that a replacement hits exactly that run.
fn space_runs(s: &str) -> Vec<(String, String)> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == ' ' {
            let start = i;
            while i < chars.len() && chars[i] == ' ' {
                i += 1;
            }
            if i - start >= 2 && start > 0 && i < chars.len() {
                let find: String = chars[start - 1..=i].iter().collect();
                let replace = format!("{} {}", chars[start - 1], chars[i]);
                out.push((find, replace));
            }
        } else {
            i += 1;
        }
    }
    out
}

pub fn double_space(ctx: &Ctx) -> Outcome {
    let mut out = Vec::new();
    for (i, p) in ctx.view.paras.iter().enumerate() {
        let runs = space_runs(&p.text);
        if runs.is_empty() {
            continue;
        }
        let mut fix = Fix::replace(FixSafety::Safe, p.index, &runs[0].0, &runs[0].1);
        fix.title = "thay nhiều dấu cách liền nhau bằng một dấu cách".into();
        fix.edits = runs
            .iter()
            .map(|(f, r)| Edit::ReplaceText {
                paragraph: p.index,
                find: f.clone(),
                replace: r.clone(),
            })
            .collect();
        out.push(
            Finding::at(
                i,
                format!("Có {} chỗ gõ hai dấu cách liền nhau.", runs.len()),
            )
            .with_fix(fix),
        );
    }
    Outcome::Checked(out)
}

pub fn quotes(ctx: &Ctx) -> Outcome {
    let mut out = Vec::new();
    for (i, p) in ctx.view.paras.iter().enumerate() {
        if !p.text.contains('"') {
            continue;
        }
        let mut open = true;
        let mut edits = Vec::new();
        let mut after_text = String::new();
        for (k, token) in p.text.split(' ').enumerate() {
            if k > 0 {
                after_text.push(' ');
            }
            if token.contains('"') {
                let mut t = String::new();
                for c in token.chars() {
                    if c == '"' {
                        t.push(if open { '“' } else { '”' });
                        open = !open;
                    } else {
                        t.push(c);
                    }
                }
                edits.push(Edit::ReplaceText {
                    paragraph: p.index,
                    find: token.to_string(),
                    replace: t.clone(),
                });
                after_text.push_str(&t);
            } else {
                after_text.push_str(token);
            }
        }
        let mut fix = Fix::replace(FixSafety::Guarded, p.index, &p.text, &after_text);
        fix.title = "dùng dấu ngoặc kép cong “…”".into();
        fix.edits = edits;
        out.push(
            Finding::at(
                i,
                "Dùng dấu ngoặc kép thẳng (\"); nên dùng ngoặc kép cong “…”.",
            )
            .with_fix(fix),
        );
    }
    Outcome::Checked(out)
}
