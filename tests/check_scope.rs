//! Scope decision: files that are not administrative documents, and documents dated before
//! the rule set took effect, are reported outside the rule set with no findings; an explicit
//! `--ruleset` checks them anyway. Each test rewrites `word/document.xml` of a clean
//! python-docx fixture (not made by Vanban), as tests/check_thirdparty.rs does.

mod docx_edit;
mod starter_fill;

use docx_edit::{replace_once, rewrite_part};
use vanban::check::report::{Report, Status};
use vanban::check::scope::ScopeStatus;
use vanban::check::{check_docx, CheckOptions};

const STATE: &[u8] = include_bytes!("fixtures/check/clean-state-pydocx.docx");
const PARTY: &[u8] = include_bytes!("fixtures/check/clean-party-pydocx.docx");

/// `bytes` with `word/document.xml` passed through `edit`.
fn rewrite(bytes: &[u8], edit: impl Fn(&str) -> String) -> Vec<u8> {
    rewrite_part(bytes, "word/document.xml", edit)
}

/// A centred paragraph of one run (size in half-points).
fn para(size: u32, bold: bool, text: &str) -> String {
    let b = if bold { "<w:b/>" } else { "" };
    format!(
        r#"<w:p><w:pPr><w:spacing w:after="0"/><w:jc w:val="center"/></w:pPr><w:r><w:rPr>{b}<w:sz w:val="{size}"/></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#
    )
}

/// A body paragraph in 12 pt, left aligned: a layout fault under NĐ 30.
fn body(text: &str) -> String {
    format!(
        r#"<w:p><w:r><w:rPr><w:sz w:val="24"/></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#
    )
}

/// The state fixture with its whole body replaced by plain paragraphs under a quốc hiệu.
fn plain_document(lines: &[String]) -> Vec<u8> {
    rewrite(STATE, |xml| {
        let start = xml.find("<w:body>").unwrap() + "<w:body>".len();
        let end = xml.find("<w:sectPr").unwrap();
        let mut all = vec![
            para(26, true, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            para(26, true, "Độc lập - Tự do - Hạnh phúc"),
            para(20, false, "────────────────────"),
        ];
        all.extend(lines.iter().cloned());
        format!("{}{}{}", &xml[..start], all.concat(), &xml[end..])
    })
}

fn check(bytes: &[u8]) -> Report {
    check_docx(bytes, "t.docx", &CheckOptions::default()).unwrap()
}

fn forced(bytes: &[u8], ruleset: &str) -> Report {
    let opts = CheckOptions {
        ruleset: Some(ruleset.into()),
        ..CheckOptions::default()
    };
    check_docx(bytes, "t.docx", &opts).unwrap()
}

/// Outside the scope: no finding, every rule not applicable with the scope's reason.
fn assert_outside(r: &Report, status: ScopeStatus) {
    assert_eq!(r.scope.status, status, "{:?}", r.scope);
    assert_eq!(r.diagnostics, vec![], "findings outside the scope");
    assert_eq!((r.errors, r.warnings), (0, 0));
    let reason = r.scope.reason.clone().expect("a reason");
    assert!(r
        .rules
        .iter()
        .all(|x| x.status == Status::NotApplicable && x.reason.as_deref() == Some(&*reason)));
}

fn contract(number: &str) -> Vec<u8> {
    plain_document(&[
        para(28, true, "HỢP ĐỒNG LAO ĐỘNG"),
        para(26, false, number),
        body("Hôm nay, tại Văn phòng Công ty, chúng tôi gồm có:"),
        body("Bên A (người sử dụng lao động): CÔNG TY TNHH MINH AN"),
        body("Bên B (người lao động): Ông Trần Văn Bình"),
    ])
}

#[test]
fn a_contract_under_a_quoc_hieu_is_not_an_administrative_document() {
    for number in ["Số: 05/2023/HĐLĐ", "Số: 05/HĐLĐ"] {
        let bytes = contract(number);
        // Judged by NĐ 30 it has layout errors: the scope decision is what removes them.
        assert!(forced(&bytes, "ND30-2020").errors > 0, "{number}");
        let r = check(&bytes);
        assert_outside(&r, ScopeStatus::NotAdministrative);
        let reason = r.scope.reason.unwrap();
        assert!(
            reason.starts_with("Không phải văn bản hành chính theo NĐ 30 / HD 36"),
            "{reason}"
        );
        assert!(reason.contains("HỢP ĐỒNG LAO ĐỘNG"), "{reason}");
    }
}

#[test]
fn an_application_form_is_not_an_administrative_document() {
    let bytes = plain_document(&[
        para(28, true, "ĐƠN XIN NGHỈ PHÉP"),
        body("Kính gửi: Ban Giám đốc Công ty TNHH Minh An."),
        body("Tôi tên là: Trần Văn Bình, sinh ngày 12/5/1990."),
        body("Nay tôi làm đơn này xin được nghỉ phép 03 ngày."),
    ]);
    assert!(forced(&bytes, "ND30-2020").errors > 0);
    let r = check(&bytes);
    assert_outside(&r, ScopeStatus::NotAdministrative);
    assert_eq!(r.scope.applies, None);
    let text = r.to_text();
    assert!(
        text.contains("Không phải văn bản hành chính theo NĐ 30 / HD 36"),
        "{text}"
    );
    assert!(text.contains("Không kiểm tra thể thức"), "{text}");
}

#[test]
fn a_cong_van_with_a_blank_number_is_in_scope() {
    let bytes = rewrite(STATE, |xml| {
        replace_once(xml, "Số: 12/KH-VP", "Số:        /KH-VP")
    });
    let r = check(&bytes);
    assert_eq!(r.scope.status, ScopeStatus::InScope);
    assert_eq!(r.scope.reason, None);
    assert!(r.rules.iter().any(|x| x.status == Status::Passed));
}

/// The state fixture as a quyết định dated `date`, its number without the leading zero.
fn quyet_dinh(date: &str) -> Vec<u8> {
    rewrite(STATE, |xml| {
        let xml = replace_once(xml, "Số: 12/KH-VP", "Số: 3/QĐ-VP");
        let xml = replace_once(&xml, ">KẾ HOẠCH<", ">QUYẾT ĐỊNH<");
        replace_once(&xml, "Bắc Kạn, ngày 05 tháng 02 năm 2024", date)
    })
}

#[test]
fn a_2019_quyet_dinh_is_outside_nd30_and_names_the_rules_of_its_time() {
    let bytes = quyet_dinh("Bắc Kạn, ngày 15 tháng 4 năm 2019");
    let r = check(&bytes);
    assert_eq!(r.ruleset, "ND30-2020");
    assert_outside(&r, ScopeStatus::BeforeRuleset);
    assert_eq!(r.scope.applies.as_deref(), Some("Thông tư 01/2011/TT-BNV"));
    let reason = r.scope.reason.clone().unwrap();
    assert!(reason.contains("05/3/2020"), "{reason}");
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["scope"]["status"], "before_ruleset");
    assert_eq!(json["scope"]["applies"], "Thông tư 01/2011/TT-BNV");
}

#[test]
fn an_explicit_ruleset_checks_an_old_document_anyway() {
    let r = forced(
        &quyet_dinh("Bắc Kạn, ngày 15 tháng 4 năm 2019"),
        "ND30-2020",
    );
    assert_eq!(r.scope.status, ScopeStatus::InScope);
    assert!(r.scope.reason.as_deref().unwrap().contains("--ruleset"));
    assert!(r.fired().contains(&"ND30-303"), "{:?}", r.fired());
    assert!(r.errors > 0);
}

#[test]
fn the_gate_follows_the_effective_date_to_the_day() {
    let status = |date: &str| check(&quyet_dinh(date)).scope.status;
    assert_eq!(
        status("Bắc Kạn, ngày 04 tháng 3 năm 2020"),
        ScopeStatus::BeforeRuleset
    );
    assert_eq!(
        status("Bắc Kạn, ngày 05 tháng 3 năm 2020"),
        ScopeStatus::InScope
    );
    // A draft's blanks: the year decides when it is before 2020, never the year 2020 alone.
    assert_eq!(
        status("Bắc Kạn, ngày      tháng      năm 2019"),
        ScopeStatus::BeforeRuleset
    );
    assert_eq!(
        status("Bắc Kạn, ngày      tháng      năm 2020"),
        ScopeStatus::InScope
    );
    assert_eq!(
        status("Bắc Kạn, ngày 15/4/2019"),
        ScopeStatus::BeforeRuleset
    );
}

#[test]
fn a_2017_party_document_is_before_hd36() {
    let party = |date: &str| {
        rewrite(PARTY, |xml| {
            let xml = replace_once(xml, "Số 05-KH/BDVTU", "Số: 05-KH/BDVTU");
            replace_once(&xml, "Kiên Giang, ngày 15 tháng 4 năm 2021", date)
        })
    };
    let old = party("Kiên Giang, ngày 15 tháng 4 năm 2017");
    assert!(forced(&old, "HD36-2018").errors > 0);
    let r = check(&old);
    assert_eq!(r.ruleset, "HD36-2018");
    assert_outside(&r, ScopeStatus::BeforeRuleset);
    assert_eq!(
        r.scope.applies.as_deref(),
        Some("quy định trước HD 36-HD/VPTW")
    );
    assert!(r.scope.reason.unwrap().contains("03/4/2018"));
    let r = check(&party("Kiên Giang, ngày 15 tháng 5 năm 2018"));
    assert_eq!(r.scope.status, ScopeStatus::InScope);
}

#[test]
fn the_clean_fixtures_are_in_scope() {
    for bytes in [STATE, PARTY] {
        let r = check(bytes);
        assert_eq!(r.scope.status, ScopeStatus::InScope);
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["scope"], serde_json::json!({"status": "in_scope"}));
    }
}

#[test]
fn a_thesis_without_quoc_hieu_or_number_is_not_an_administrative_document() {
    // A university's name in capitals at the top reads like an issuing body; without a quốc
    // hiệu (or the Party's title) and without a số it is not an administrative document.
    let bytes = rewrite(STATE, |xml| {
        let start = xml.find("<w:body>").unwrap() + "<w:body>".len();
        let end = xml.find("<w:sectPr").unwrap();
        let lines = [
            para(26, false, "BỘ GIÁO DỤC VÀ ĐÀO TẠO"),
            para(26, true, "TRƯỜNG ĐẠI HỌC BÁCH KHOA HÀ NỘI"),
            para(32, true, "LUẬN VĂN THẠC SĨ"),
            para(28, false, "Nghiên cứu nhận dạng văn bản hành chính"),
            body("Chương 1 trình bày tổng quan về bài toán."),
            para(26, false, "Hà Nội, tháng 6 năm 2023"),
        ];
        format!("{}{}{}", &xml[..start], lines.concat(), &xml[end..])
    });
    let r = check(&bytes);
    assert_outside(&r, ScopeStatus::NotAdministrative);
    assert!(r.scope.reason.unwrap().contains("quốc hiệu"));
}

#[test]
fn a_drafted_legal_normative_document_is_outside_nd30_as_draft_and_as_docx() {
    // Vanban drafts Nghị định, Thông tư and Thông tư liên tịch, but NĐ 30 does not govern
    // them (Điều 1 khoản 2): the draft and its .docx are both outside the rule set, and an
    // explicit rule set still checks the draft.
    use vanban::check::check_document;
    use vanban::draft::Draft;
    use vanban::model::System;
    use vanban::template::Templates;
    let templates = Templates::builtin().unwrap();
    for (slug, title) in [
        ("thong-tu", "«THÔNG TƯ»"),
        ("thong-tu-lien-tich", "«THÔNG TƯ LIÊN TỊCH»"),
        ("nghi-dinh", "«NGHỊ ĐỊNH»"),
    ] {
        let def = templates.get(slug).unwrap();
        let mut d = Draft::starter(def, System::State, false, 2025);
        assert!(d.number_with_year, "{slug}: the số carries its year");
        starter_fill::filled(&mut d);
        d.subject = "Quy định mức thu phí cung cấp thông tin lý lịch tư pháp".into();
        let doc = d.render(&templates).unwrap();
        let r = check_document(&doc, slug, &CheckOptions::default()).unwrap();
        assert_outside(&r, ScopeStatus::NotAdministrative);
        assert!(r.scope.reason.as_deref().unwrap().contains(title), "{slug}");
        let bytes = vanban::docx::write_docx(&doc).unwrap();
        assert_outside(&check(&bytes), ScopeStatus::NotAdministrative);
        let opts = CheckOptions {
            ruleset: Some("ND30-2020".into()),
            ..CheckOptions::default()
        };
        let r = check_document(&doc, slug, &opts).unwrap();
        assert_eq!(r.scope.status, ScopeStatus::InScope, "{slug}: forced");
    }
}
