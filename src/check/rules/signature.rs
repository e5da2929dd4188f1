//! Quyền hạn, chức vụ, họ tên người ký (signature block), Ô 7.

use super::common::{is_upper, present, style_findings, upper_key};
use super::{Ctx, Finding, Outcome, Per, RuleDef};
use crate::check::fix::Fix;
use crate::check::registry::{Evidence, FixSafety, Severity};
use crate::check::view::Element;
use crate::model::System;

/// The rules of this file, in the order of their codes.
pub(super) const RULES: &[RuleDef] = &[
    SIGNATURE_PRESENT,
    SIGNATURE_AUTHORITY,
    SIGNATURE_NAME,
    SIGNATURE_FORMAT,
    SIGNATURE_NO_TITLE,
];

/// ND30-601, HD36-601: Có chức vụ, họ tên người ký.
pub(super) const SIGNATURE_PRESENT: RuleDef = RuleDef {
    code: "601",
    check: "signature.present",
    run: signature_present,
    element: Element::Signature,
    systems: &[System::State, System::Party],
    fix: FixSafety::None,
    title: Per::Same("Có chức vụ, họ tên người ký"),
    clause: Per::By(&[
        (
            "ND30",
            "NĐ 30/2020/NĐ-CP, Điều 8 khoản 2; Phụ lục I, Phần I, mục II.7",
        ),
        ("HD36", "HD 36-HD/VPTW, mục 1.7"),
    ]),
    evidence: Per::Same(Evidence::Stated),
    severity: Per::Same(Severity::Error),
    doc: Per::Same(
        "Quyền hạn, chức vụ, họ tên và chữ ký người có thẩm quyền ở cuối văn bản, bên phải.",
    ),
    wrong: Per::Same("Văn bản kết thúc ở nội dung, không có khối chữ ký"),
    right: Per::By(&[
        (
            "ND30",
            "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / (chữ ký) / Nguyễn Văn A",
        ),
        (
            "HD36",
            "T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ THƯỜNG TRỰC / (chữ ký) / Nguyễn Văn A",
        ),
    ]),
};

/// ND30-602, HD36-602: Quyền hạn ký: TM., KT., TL., TUQ., Q..
pub(super) const SIGNATURE_AUTHORITY: RuleDef = RuleDef {
    code: "602",
    check: "signature.authority",
    run: signature_authority,
    element: Element::Signature,
    systems: &[System::State, System::Party],
    fix: FixSafety::Suggest,
    title: Per::By(&[("ND30", "Quyền hạn ký: TM., KT., TL., TUQ., Q."), ("HD36", "Quyền hạn ký: T/M, K/T, T/L")]),
    clause: Per::By(&[("ND30", "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.7.a"), ("HD36", "HD 36-HD/VPTW, mục 1.7.1")]),
    evidence: Per::Same(Evidence::Stated),
    severity: Per::Same(Severity::Error),
    doc: Per::By(&[("ND30", "Ghi quyền hạn ký bằng chữ viết tắt có dấu chấm: TM. (thay mặt), KT. (ký thay), TL. (thừa lệnh), TUQ. (thừa ủy quyền), Q. (quyền)."), ("HD36", "Văn bản của Đảng ghi quyền hạn ký có gạch chéo: T/M (thay mặt tập thể), K/T (ký thay), T/L (thừa lệnh).")]),
    wrong: Per::By(&[("ND30", "T/M ỦY BAN NHÂN DÂN"), ("HD36", "TM. BAN THƯỜNG VỤ")]),
    right: Per::By(&[("ND30", "TM. ỦY BAN NHÂN DÂN"), ("HD36", "T/M BAN THƯỜNG VỤ")]),
};

/// ND30-603, HD36-603: Có họ tên người ký.
pub(super) const SIGNATURE_NAME: RuleDef = RuleDef {
    code: "603",
    check: "signature.name",
    run: signature_name,
    element: Element::Signature,
    systems: &[System::State, System::Party],
    fix: FixSafety::Suggest,
    title: Per::Same("Có họ tên người ký"),
    clause: Per::By(&[
        ("ND30", "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.7.c"),
        ("HD36", "HD 36-HD/VPTW, mục 1.7"),
    ]),
    evidence: Per::Same(Evidence::Stated),
    severity: Per::Same(Severity::Error),
    doc: Per::Same(
        "Họ và tên người ký trình bày dưới chữ ký, canh giữa so với quyền hạn, chức vụ.",
    ),
    wrong: Per::By(&[
        ("ND30", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH (không có họ tên)"),
        ("HD36", "T/M BAN THƯỜNG VỤ / BÍ THƯ (không có họ tên)"),
    ]),
    right: Per::By(&[
        ("ND30", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Nguyễn Văn A"),
        ("HD36", "T/M BAN THƯỜNG VỤ / BÍ THƯ / Nguyễn Văn A"),
    ]),
};

/// ND30-604, HD36-604: Chức vụ in hoa đậm, họ tên đậm, cỡ 13–14.
pub(super) const SIGNATURE_FORMAT: RuleDef = RuleDef {
    code: "604",
    check: "signature.format",
    run: signature_format,
    element: Element::Signature,
    systems: &[System::State, System::Party],
    fix: FixSafety::Safe,
    title: Per::By(&[("ND30", "Chức vụ in hoa đậm, họ tên đậm, cỡ 13–14"), ("HD36", "Quyền hạn in hoa đậm; họ tên đậm; cỡ 14")]),
    clause: Per::By(&[("ND30", "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.7 và mục V"), ("HD36", "HD 36-HD/VPTW (theo tài liệu thứ cấp VBDANG, HD05-A)")]),
    evidence: Per::By(&[("ND30", Evidence::Stated), ("HD36", Evidence::Secondary)]),
    severity: Per::By(&[("ND30", Severity::Error), ("HD36", Severity::Warning)]),
    doc: Per::By(&[("ND30", "Quyền hạn, chức vụ in hoa, cỡ 13 đến 14, đứng, đậm; họ tên in thường, cỡ 13 đến 14, đứng, đậm."), ("HD36", "Quyền hạn in hoa, cỡ 14, đậm; chức vụ in hoa cỡ 14; họ tên in thường cỡ 14, đậm (tài liệu thứ cấp).")]),
    wrong: Per::By(&[("ND30", "Chủ tịch (in thường, không đậm)"), ("HD36", "T/M BAN THƯỜNG VỤ (cỡ 13)")]),
    right: Per::By(&[("ND30", "CHỦ TỊCH (in hoa, đậm)"), ("HD36", "T/M BAN THƯỜNG VỤ (cỡ 14, đậm)")]),
};

/// ND30-605, HD36-605: Không ghi học hàm, học vị trước họ tên.
pub(super) const SIGNATURE_NO_TITLE: RuleDef = RuleDef {
    code: "605",
    check: "signature.no_title",
    run: signature_no_title,
    element: Element::Signature,
    systems: &[System::State, System::Party],
    fix: FixSafety::Suggest,
    title: Per::Same("Không ghi học hàm, học vị trước họ tên"),
    clause: Per::By(&[
        ("ND30", "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.7.c"),
        ("HD36", "HD 36-HD/VPTW (theo tài liệu thứ cấp VBDANG)"),
    ]),
    evidence: Per::By(&[("ND30", Evidence::Stated), ("HD36", Evidence::Secondary)]),
    severity: Per::By(&[("ND30", Severity::Error), ("HD36", Severity::Warning)]),
    doc: Per::Same(
        "Trước họ tên người ký không ghi học hàm, học vị và các danh hiệu danh dự khác. Văn bản của đơn vị vũ trang nhân dân, tổ chức sự nghiệp giáo dục, y tế, khoa học được ghi thêm quân hàm, học hàm, học vị khi người đứng đầu cơ quan quản lý ngành, lĩnh vực quy định: ở đó Vanban chỉ đề nghị xem lại.",
    ),
    wrong: Per::Same("TS. Nguyễn Văn A"),
    right: Per::Same("Nguyễn Văn A"),
};

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

fn signature_present(ctx: &Ctx) -> Outcome {
    if ctx.view.parts.attachment.is_some() {
        return Outcome::NotApplicable;
    }
    present(!blocks(ctx).is_empty(), "chức vụ, họ tên người ký")
}

fn signature_authority(ctx: &Ctx) -> Outcome {
    let bs = blocks(ctx);
    if bs.is_empty() {
        return Outcome::NotEvaluated("không tìm thấy khối chữ ký".into());
    }
    let mut out = Vec::new();
    // Every authority line of a block: a stacked one ("TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ
    // TỊCH") has a mark on each; the last line (the name) never carries one.
    let lines = bs
        .iter()
        .flat_map(|b| b[..b.len().saturating_sub(1).max(1)].iter().copied());
    for i in lines {
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

fn signature_name(ctx: &Ctx) -> Outcome {
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

fn signature_format(ctx: &Ctx) -> Outcome {
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

/// Words in an issuer's name that make it an armed unit or a public education, health or
/// science body, whose head may allow military ranks, academic titles and degrees before the
/// signer's name (NĐ 30, Phụ lục I, Phần I, mục II.7.c).
const TITLED_BODIES: [&str; 9] = [
    "TRƯỜNG",
    "ĐẠI HỌC",
    "HỌC VIỆN",
    "VIỆN",
    "BỆNH VIỆN",
    "Y TẾ",
    "CÔNG AN",
    "QUÂN",
    "BỘ CHỈ HUY",
];

/// Whether an issuer of the document is a body whose signers may carry their titles.
fn titles_allowed(ctx: &Ctx) -> bool {
    let parts = &ctx.view.parts;
    parts
        .chu_quan
        .iter()
        .chain(&parts.ban_hanh)
        .map(|&i| format!(" {} ", upper_key(&ctx.view.para(i).text)))
        .any(|name| {
            TITLED_BODIES
                .iter()
                .any(|b| name.contains(&format!(" {b} ")))
        })
}

fn signature_no_title(ctx: &Ctx) -> Outcome {
    let bs = blocks(ctx);
    if bs.is_empty() {
        return Outcome::NotEvaluated("không tìm thấy khối chữ ký".into());
    }
    let allowed = titles_allowed(ctx);
    let mut out = Vec::new();
    for b in bs {
        let last = *b.last().unwrap_or(&b[0]);
        let t = ctx.view.para(last).text.trim().to_string();
        if let Some(title) = TITLES.iter().find(|x| t.starts_with(**x)) {
            if allowed {
                return Outcome::Review(
                    format!(
                        "«{title}» trước họ tên người ký: chỉ được ghi ở văn bản của đơn vị vũ trang nhân dân, tổ chức sự nghiệp giáo dục, y tế, khoa học khi người đứng đầu cơ quan quản lý ngành, lĩnh vực quy định."
                    ),
                    Some(last),
                );
            }
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
