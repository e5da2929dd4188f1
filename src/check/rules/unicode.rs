//! Chữ Unicode (text form): precomposed letters, single spaces, curly quotes.

use super::{Ctx, Finding, Outcome, Per, RuleDef};
use crate::check::fix::{Edit, Fix};
use crate::check::registry::{Evidence, FixSafety, Severity};
use crate::check::view::Element;
use crate::model::{text, System};

/// The rules of this file, in the order of their codes.
pub(super) const RULES: &[RuleDef] = &[UNICODE_NFC, UNICODE_DOUBLE_SPACE, UNICODE_QUOTES];

/// ND30-120, HD36-120: Chữ Unicode dựng sẵn (NFC).
pub(super) const UNICODE_NFC: RuleDef = RuleDef {
    code: "120",
    check: "unicode.nfc",
    run: nfc,
    element: Element::Unicode,
    systems: &[System::State, System::Party],
    fix: FixSafety::Safe,
    title: Per::Same("Chữ Unicode dựng sẵn (NFC)"),
    clause: Per::By(&[("ND30", "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục I.2 (TCVN 6909:2001)"), ("HD36", "HD 36-HD/VPTW, mục II (TCVN 6909:2001)")]),
    evidence: Per::Same(Evidence::Stated),
    severity: Per::Same(Severity::Error),
    doc: Per::Same("TCVN 6909:2001 dùng ký tự dựng sẵn; chữ gõ ở dạng tổ hợp (dấu tách khỏi chữ), hay chữ «Ð» (Eth) của bảng mã khác gõ thay «Đ», in giống nhưng tìm kiếm và sắp xếp sai."),
    wrong: Per::Same("Kế hoạch gõ thành K + e + ^ + ´ (tổ hợp)"),
    right: Per::Same("Kế hoạch (dựng sẵn, NFC)"),
};

/// ND30-121, HD36-121: Không gõ hai dấu cách liền nhau.
pub(super) const UNICODE_DOUBLE_SPACE: RuleDef = RuleDef {
    code: "121",
    check: "unicode.double_space",
    run: double_space,
    element: Element::Unicode,
    systems: &[System::State, System::Party],
    fix: FixSafety::Safe,
    title: Per::Same("Không gõ hai dấu cách liền nhau"),
    clause: Per::Same("Khuyến nghị trình bày (không có điều khoản riêng)"),
    evidence: Per::Same(Evidence::Inferred),
    severity: Per::Same(Severity::Warning),
    doc: Per::Same("Hai dấu cách liền nhau làm lệch khoảng chữ khi căn đều hai lề."),
    wrong: Per::Same("Thực hiện  Kế hoạch số 89/KH-UBND"),
    right: Per::Same("Thực hiện Kế hoạch số 89/KH-UBND"),
};

/// ND30-122, HD36-122: Dấu ngoặc kép cong.
pub(super) const UNICODE_QUOTES: RuleDef = RuleDef {
    code: "122",
    check: "unicode.quotes",
    run: quotes,
    element: Element::Unicode,
    systems: &[System::State, System::Party],
    fix: FixSafety::Guarded,
    title: Per::Same("Dấu ngoặc kép cong"),
    clause: Per::Same("Khuyến nghị trình bày (không có điều khoản riêng)"),
    evidence: Per::Same(Evidence::Inferred),
    severity: Per::Same(Severity::Warning),
    doc: Per::Same(
        "Văn bản in dùng dấu ngoặc kép cong “…”; dấu thẳng \"…\" là dấu của máy đánh chữ.",
    ),
    wrong: Per::Same("phong trào \"Dân vận khéo\""),
    right: Per::Same("phong trào “Dân vận khéo”"),
};

fn nfc(ctx: &Ctx) -> Outcome {
    let mut out = Vec::new();
    for (i, p) in ctx.view.paras.iter().enumerate() {
        if text::is_nfc(&p.text) && !text::has_look_alike(&p.text) {
            continue;
        }
        let mut fix = Fix::replace(FixSafety::Safe, p.index, "", "");
        fix.edits.clear();
        let mut words = Vec::new();
        for w in p.text.split_whitespace() {
            if (!text::is_nfc(w) || text::has_look_alike(w)) && !words.contains(&w) {
                words.push(w);
                fix.edits.push(Edit::ReplaceText {
                    paragraph: p.index,
                    find: w.to_string(),
                    replace: text::vietnamese_letters(w),
                });
            }
        }
        let shown: Vec<String> = words
            .iter()
            .take(3)
            .map(|w| text::vietnamese_letters(w))
            .collect();
        fix.title = "chuyển sang chữ Unicode dựng sẵn (NFC)".into();
        fix.before = None;
        fix.after = Some(shown.join(", "));
        let message = if text::is_nfc(&p.text) {
            format!(
                "Chữ «Ð» (Eth, U+00D0, của bảng mã khác) gõ thay chữ «Đ»: «{}»; phải dùng chữ Đ tiếng Việt (U+0110).",
                shown.join("», «")
            )
        } else {
            format!(
                "Chữ gõ ở dạng tổ hợp (dấu tách rời): «{}»; phải dùng Unicode dựng sẵn (NFC).",
                shown.join("», «")
            )
        };
        out.push(Finding::at(i, message).with_fix(fix));
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

fn double_space(ctx: &Ctx) -> Outcome {
    let mut out = Vec::new();
    // The số and date lines of a draft keep spaces where the văn thư writes the number and
    // the day by hand ("Số:      /UBND-VP", "ngày     tháng"): a blank, not a typing slip.
    let blanks = [ctx.view.parts.so_ky_hieu, ctx.view.parts.dia_danh_ngay];
    for (i, p) in ctx.view.paras.iter().enumerate() {
        if blanks.contains(&Some(i)) {
            continue;
        }
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

fn quotes(ctx: &Ctx) -> Outcome {
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
