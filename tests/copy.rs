//! Bản sao (`vanban::copy`, `vanban copy`): a sao y of a document rendered by Vanban and of two
//! third-party files. The copy reads back with the original paragraphs unchanged and in order,
//! then the copy block; every part but the main one is byte-identical; LibreOffice opens it
//! (when `soffice` is on PATH); the original file is untouched.

use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;
use vanban::copy::{make_copy, CopyError, CopyKind, CopyRequest, CopySigner};
use vanban::docx::write_docx;
use vanban::draft::Draft;
use vanban::reader::{read_docx, Limits};
use vanban::template::Templates;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn request() -> CopyRequest {
    CopyRequest {
        kind: CopyKind::SaoY,
        superior: Some("UBND tỉnh X".into()),
        agency: "Văn phòng UBND tỉnh X".into(),
        agency_abbr: "VP".into(),
        number: Some(5),
        place: "X".into(),
        date: NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(),
        signer: CopySigner {
            authority: Some("TL. CHỦ TỊCH".into()),
            position: "CHÁNH VĂN PHÒNG".into(),
            name: "Nguyễn Văn A".into(),
        },
        recipients: vec!["Sở Nội vụ".into(), "Lưu: VT".into()],
    }
}

fn texts(bytes: &[u8]) -> Vec<String> {
    let doc = read_docx(bytes, &Limits::default()).expect("reads back");
    doc.paragraphs().iter().map(|p| p.text()).collect()
}

/// Every part of a package, decompressed, with its raw (compressed) bytes too.
fn parts(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            (f.name().to_string(), data)
        })
        .collect()
}

fn check_copy(original: &[u8], label: &str) -> Vec<u8> {
    let copy = make_copy(original, &request()).unwrap_or_else(|e| panic!("{label}: {e}"));

    // The original paragraphs, unchanged and in order, then the block.
    let before = texts(original);
    let after = texts(&copy);
    assert!(after.len() > before.len(), "{label}");
    assert_eq!(after[..before.len()], before[..], "{label}");
    let block: Vec<&str> = after[before.len()..]
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    assert_eq!(
        block,
        [
            "UBND TỈNH X",
            "VĂN PHÒNG UBND TỈNH X",
            "Số: 05/SY-VP",
            "SAO Y",
            "X, ngày 05 tháng 01 năm 2026",
            "Nơi nhận:",
            "- Sở Nội vụ;",
            "- Lưu: VT.",
            "TL. CHỦ TỊCH",
            "CHÁNH VĂN PHÒNG",
            "Nguyễn Văn A",
        ],
        "{label}"
    );

    // Every part but the main one byte-identical, in the same order.
    let a = parts(original);
    let b = parts(&copy);
    assert_eq!(
        a.iter().map(|p| &p.0).collect::<Vec<_>>(),
        b.iter().map(|p| &p.0).collect::<Vec<_>>(),
        "{label}"
    );
    let changed: Vec<&str> = a
        .iter()
        .zip(&b)
        .filter(|(x, y)| x.1 != y.1)
        .map(|(x, _)| x.0.as_str())
        .collect();
    assert_eq!(changed, ["word/document.xml"], "{label}");

    // The block's styles come from the layout facts.
    let doc = read_docx(&copy, &Limits::default()).unwrap();
    let form = doc
        .paragraphs()
        .into_iter()
        .find(|p| p.text() == "SAO Y")
        .unwrap();
    let run = form.text_runs().next().unwrap();
    assert_eq!(
        run.props.size.map(|s| s.0),
        Some(28),
        "{label}: SAO Y is 14 pt"
    );
    assert!(run.props.bold, "{label}: SAO Y is bold");

    opens_in_libreoffice(&copy, label);
    copy
}

fn opens_in_libreoffice(bytes: &[u8], label: &str) {
    let on_path = Command::new("soffice")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !on_path {
        eprintln!("{label}: soffice không có trên PATH, bỏ qua bước chuyển sang PDF");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join(format!("{label}.docx"));
    std::fs::write(&docx, bytes).unwrap();
    let status = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.path().join("lo-profile").display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(&docx)
        .output()
        .expect("soffice runs");
    assert!(status.status.success(), "{label}: soffice failed");
    let pdf = docx.with_extension("pdf");
    let size = std::fs::metadata(&pdf).map(|m| m.len()).unwrap_or(0);
    assert!(size > 1000, "{label}: no PDF from LibreOffice");
}

#[test]
fn sao_y_of_a_document_rendered_by_vanban() {
    let path = root().join("examples/ke-hoach-dan-van-kheo-bac-kan-2024.toml");
    let draft = Draft::from_toml(&std::fs::read_to_string(path).unwrap()).unwrap();
    let doc = draft.render(&Templates::builtin().unwrap()).unwrap();
    let bytes = write_docx(&doc).unwrap();
    check_copy(&bytes, "vanban-ke-hoach");
}

fn third_party(rel: &str, label: &str) {
    let path = root().join(rel);
    let original = std::fs::read(&path).unwrap();
    check_copy(&original, label);
    assert_eq!(
        std::fs::read(&path).unwrap(),
        original,
        "{label}: untouched"
    );
}

#[test]
fn sao_y_of_a_real_decision() {
    third_party(
        "tests/fixtures/real/004-qd-ubnd-binh-thuan-1424.docx",
        "real-004",
    );
}

#[test]
fn sao_y_of_a_libreoffice_letter() {
    third_party(
        "tests/fixtures/review/libreoffice-letter.docx",
        "libreoffice-letter",
    );
}

#[test]
fn blank_number_prints_dots_and_kinds_print_their_form() {
    let original =
        std::fs::read(root().join("tests/fixtures/real/001-qd-ubnd-lam-dong-bcd-du-lieu.docx"))
            .unwrap();
    for (kind, form, line) in [
        (CopyKind::SaoLuc, "SAO LỤC", "Số: ..../SL-VP"),
        (CopyKind::TrichSao, "TRÍCH SAO", "Số: ..../TrS-VP"),
    ] {
        let req = CopyRequest {
            kind,
            number: None,
            ..request()
        };
        let after = texts(&make_copy(&original, &req).unwrap());
        assert!(after.iter().any(|t| t == form), "{form}");
        assert!(after.iter().any(|t| t == line), "{line}");
    }
}

#[test]
fn errors_are_typed_and_vietnamese() {
    let original =
        std::fs::read(root().join("tests/fixtures/review/libreoffice-letter.docx")).unwrap();
    let req = CopyRequest {
        agency: " ".into(),
        ..request()
    };
    let e = make_copy(&original, &req).unwrap_err();
    assert!(matches!(e, CopyError::Missing(_)));
    assert!(e.to_string().starts_with("thiếu tên cơ quan sao"), "{e}");
    let e = make_copy(b"not a zip", &request()).unwrap_err();
    assert!(matches!(e, CopyError::Read(_)), "{e}");
    let e = make_copy(
        &original,
        &CopyRequest {
            number: Some(0),
            ..request()
        },
    )
    .unwrap_err();
    assert!(matches!(e, CopyError::ZeroNumber));
    for (file, signed) in [
        ("pydocx_signed.docx", true),
        ("pydocx_protected.docx", false),
    ] {
        let bytes = std::fs::read(root().join("tests/fixtures/reader").join(file)).unwrap();
        let e = make_copy(&bytes, &request()).unwrap_err();
        if signed {
            assert!(matches!(e, CopyError::Signed), "{file}: {e}");
        } else {
            assert!(matches!(e, CopyError::Protected), "{file}: {e}");
        }
    }
}

fn vanban(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn cli_writes_a_copy_and_never_writes_over_the_input() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("goc.docx");
    let original =
        std::fs::read(root().join("tests/fixtures/real/004-qd-ubnd-binh-thuan-1424.docx")).unwrap();
    std::fs::write(&input, &original).unwrap();
    let out = dir.path().join("sao.docx");
    let common = |o: &Path| -> Vec<String> {
        [
            input.to_str().unwrap(),
            "-o",
            o.to_str().unwrap(),
            "--kind",
            "sao-y",
            "--agency",
            "VĂN PHÒNG UBND TỈNH X",
            "--abbr",
            "VP",
            "--place",
            "X",
            "--date",
            "2026-01-05",
            "--position",
            "CHÁNH VĂN PHÒNG",
            "--name",
            "Nguyễn Văn A",
            "--number",
            "5",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    };
    let mut args = vec!["copy".to_string()];
    args.extend(common(&out));
    let r = vanban(&args.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    let after = texts(&std::fs::read(&out).unwrap());
    assert!(after.iter().any(|t| t == "Số: 05/SY-VP"));

    let mut args = vec!["copy".to_string()];
    args.extend(common(&input));
    let r = vanban(&args.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(r.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&r.stderr).contains("không ghi đè"));
    assert_eq!(std::fs::read(&input).unwrap(), original, "input untouched");
}

#[test]
fn cli_takes_the_number_from_the_copy_series_of_the_register() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lib.db");
    let input = root().join("tests/fixtures/review/libreoffice-letter.docx");
    let run = |out: &Path| {
        vanban(&[
            "copy",
            input.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--kind",
            "sao-y",
            "--agency",
            "ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI",
            "--abbr",
            "UBND",
            "--place",
            "Đồng Nai",
            "--date",
            "2026-03-02",
            "--position",
            "CHÁNH VĂN PHÒNG",
            "--name",
            "Nguyễn Văn A",
            "--db",
            db.to_str().unwrap(),
            "--register",
            "--body",
            "1",
        ])
    };
    for (i, expected) in ["Số: 01/SY-UBND", "Số: 02/SY-UBND"].iter().enumerate() {
        let out = dir.path().join(format!("sao-{i}.docx"));
        let r = run(&out);
        assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
        let after = texts(&std::fs::read(&out).unwrap());
        assert!(after.iter().any(|t| t == expected), "{expected}: {after:?}");
    }
}
