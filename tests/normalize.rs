//! Chuẩn hóa thể thức (`vanban normalize`): a real office file re-laid out to NĐ 30 / HD 36.
//!
//! - Three labelled real files (a công văn, a báo cáo, a Quyết định with a Quy định) come out
//!   with no error, and the report names what was fixed and what needs a person.
//! - Over the real corpus, the administrative files the rule sets govern that normalise with
//!   no error are held at least where they are (a ratchet: raise it as import improves).
//! - The CLI writes a new file, refuses to write over its input, and exits 1 when errors
//!   remain.

mod real_corpus;

use std::path::PathBuf;
use std::process::Command;

use vanban::check::CheckOptions;
use vanban::normalize::normalize_docx;
use vanban::template::Templates;

/// Administrative, governed real files whose normalised output checks with no error.
const CLEAN_AT_LEAST: usize = 87;

fn real(name: &str) -> PathBuf {
    real_corpus::dir().join(name)
}

fn normalize(name: &str) -> vanban::normalize::Normalized {
    let bytes = std::fs::read(real(name)).unwrap();
    let templates = Templates::builtin().unwrap();
    normalize_docx(&bytes, name, &templates, &CheckOptions::default())
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn a_report_from_lam_dong_comes_out_clean_and_says_what_changed() {
    let n = normalize("027-bc-lam-dong-hoi-2025.docx");
    let r = &n.report;
    assert_eq!(r.template, "bao-cao");
    assert!(r.errors_before >= 4, "{}", r.to_text());
    assert_eq!(r.errors_after, 0, "{}", r.to_text());
    let fixed: Vec<&str> = r.fixed.iter().map(|f| f.rule.as_str()).collect();
    // The issuer's 14 pt, the số's 14 pt and the page number's 12 pt are laid out anew.
    for rule in ["ND30-222", "ND30-305", "ND30-803"] {
        assert!(fixed.contains(&rule), "{rule} not in {fixed:?}");
    }
    let text = r.to_text();
    assert!(text.contains("Đã sửa:"), "{text}");
    assert!(text.contains("Tên cơ quan ban hành"), "{text}");
}

#[test]
fn straight_quotes_curl_and_the_body_ends_with_the_closing_mark() {
    // Sở TT&TT Hà Tĩnh's Quy chế: straight quotes, no "./." at the end of its body.
    let n = normalize("050-quy-che-stttt-ha-tinh-tmdt.docx");
    let left: Vec<&str> = n
        .report
        .for_person
        .iter()
        .map(|p| p.place.as_str())
        .collect();
    for rule in ["ND30-122", "ND30-506"] {
        assert!(!left.contains(&rule), "{rule} left: {}", n.report.to_text());
    }
    assert!(n.draft.fields.values().all(|v| !v.contains('"')));
}

#[test]
fn a_cong_van_keeps_its_three_line_vv_and_its_addressee() {
    let n = normalize("014-cv-ubnd-lam-dong-3653.docx");
    assert_eq!(n.report.errors_after, 0, "{}", n.report.to_text());
    assert_eq!(n.draft.template, "cong-van");
    assert_eq!(n.draft.signers[0].name, "Trịnh Ngọc Duệ");
    // The V/v set over three lines of its header cell is one trích yếu, and the body opens
    // with "Kính gửi", not with a stray table row.
    assert_eq!(
        n.draft.subject,
        "triển khai thực hiện Công văn số 3653/VPCP-CĐS của Văn phòng Chính phủ"
    );
    // One addressee keeps the full stop its office typed (the form allows it).
    assert_eq!(n.draft.addressees, ["Sở Khoa học và Công nghệ."]);
    // No two tables touch: Word and LibreOffice would draw them as one bordered table.
    let xml = document_xml(&n.docx);
    assert!(!xml.contains("</w:tbl><w:tbl>"), "adjacent tables");
}

/// The main part of a .docx, as text.
fn document_xml(docx: &[u8]) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut s = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut s)
        .unwrap();
    s
}

#[test]
fn the_real_corpus_normalises_clean_file_by_file() {
    let dir = real_corpus::dir();
    let m = real_corpus::entries();
    let templates = Templates::builtin().unwrap();
    let mut clean = Vec::new();
    let mut left = Vec::new();
    for e in m.iter().filter(|e| e.administrative && e.governed) {
        let bytes = std::fs::read(dir.join(&e.name)).unwrap();
        match normalize_docx(&bytes, &e.name, &templates, &CheckOptions::default()) {
            Ok(n) if n.report.errors_after == 0 => clean.push(e.name.clone()),
            Ok(n) => left.push(format!("{} ({} lỗi)", e.name, n.report.errors_after)),
            Err(err) => left.push(format!("{} ({err})", e.name)),
        }
    }
    println!(
        "normalize: {} of {} governed administrative files check clean; left: {}",
        clean.len(),
        clean.len() + left.len(),
        left.join(", ")
    );
    assert!(
        clean.len() >= CLEAN_AT_LEAST,
        "{} clean, at least {CLEAN_AT_LEAST} expected; left: {}",
        clean.len(),
        left.join(", ")
    );
}

fn vanban() -> Command {
    Command::new(env!("CARGO_BIN_EXE_vanban"))
}

#[test]
fn the_cli_writes_a_new_file_and_never_over_its_input() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("goc.docx");
    std::fs::copy(real("027-bc-lam-dong-hoi-2025.docx"), &input).unwrap();
    let before = std::fs::read(&input).unwrap();
    let out = dir.path().join("chuan.docx");
    let draft = dir.path().join("chuan.toml");
    let o = vanban()
        .args([
            "normalize",
            input.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ])
        .args(["--draft", draft.to_str().unwrap()])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(
        o.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(stdout.contains("Bản chuẩn hóa: 0 lỗi"), "{stdout}");
    assert_eq!(
        std::fs::read(&input).unwrap(),
        before,
        "the input is untouched"
    );
    let written = std::fs::read(&out).unwrap();
    assert!(written.starts_with(b"PK"), "a .docx");
    assert!(std::fs::read_to_string(&draft)
        .unwrap()
        .contains("template = \"bao-cao\""));

    let o = vanban()
        .args([
            "normalize",
            input.to_str().unwrap(),
            "-o",
            input.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("không ghi đè"));
    assert_eq!(std::fs::read(&input).unwrap(), before);
}
