//! `vanban check THƯ_MỤC/` through the real binary: every .docx under the folder in path
//! order, Word lock files and other files skipped, a broken .docx reported and the batch
//! going on, a summary table or JSON lines, and the exit codes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/check")
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(args)
        .output()
        .expect("runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// A fresh folder under the test target directory, filled with `files` (name, bytes).
fn folder(test: &str, files: &[(&str, Vec<u8>)]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("batch-{test}"));
    let _ = std::fs::remove_dir_all(&dir);
    for (name, bytes) in files {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    dir
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(fixtures().join(name)).unwrap()
}

/// A mixed folder: a clean file, a file with one error in a sub-folder, a broken .docx, a
/// Word lock file and a text file.
fn mixed(test: &str) -> PathBuf {
    folder(
        test,
        &[
            ("b-sach.docx", fixture("clean-state-pydocx.docx")),
            ("a-dang.docx", fixture("clean-party-lo.docx")),
            ("con/thieu-so-0.docx", fixture("f06-number-no-zero.docx")),
            ("c-hong.docx", b"PK\x03\x04 not really a zip".to_vec()),
            ("~$b-sach.docx", b"lock".to_vec()),
            ("ghi-chu.txt", b"not a document".to_vec()),
        ],
    )
}

#[test]
fn a_folder_gives_a_table_in_path_order_and_goes_on_past_a_broken_file() {
    let dir = mixed("table");
    let out = run(&["check", dir.to_str().unwrap()]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    // Not a terminal: no progress line on stderr.
    assert!(!String::from_utf8_lossy(&out.stderr).contains("Đang kiểm tra"));
    let header = text.lines().next().unwrap();
    assert!(header.starts_with("Tệp"), "{text}");
    assert!(header.contains("Quy tắc thường gặp"), "{text}");
    let order: Vec<&str> = [
        "a-dang.docx",
        "b-sach.docx",
        "c-hong.docx",
        "con/thieu-so-0.docx",
    ]
    .into_iter()
    .collect();
    let at: Vec<usize> = order
        .iter()
        .map(|f| {
            text.find(&format!("\n{f} "))
                .unwrap_or_else(|| panic!("{f}: {text}"))
        })
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{text}");
    assert!(!text.contains("~$"), "{text}");
    assert!(!text.contains("ghi-chu"), "{text}");
    let broken = text.lines().find(|l| l.starts_with("c-hong.docx")).unwrap();
    assert!(broken.contains("không đọc được"), "{broken}");
    let faulty = text
        .lines()
        .find(|l| l.starts_with("con/thieu-so-0.docx"))
        .unwrap();
    assert!(faulty.contains("ND30-303 ×1"), "{faulty}");
    assert!(text.contains("Tổng: 4 tệp; 3 trong phạm vi"), "{text}");
    assert!(text.contains("1 không đọc được"), "{text}");
}

#[test]
fn json_lines_hold_the_single_file_report_or_the_error() {
    let dir = mixed("json");
    let out = run(&["check", dir.to_str().unwrap(), "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    assert_eq!(lines.len(), 4, "{text}");
    let broken = &lines[2];
    assert!(broken["file"].as_str().unwrap().ends_with("c-hong.docx"));
    assert!(!broken["error"].as_str().unwrap().is_empty());
    // Each report is exactly what checking the file alone prints.
    for line in [&lines[0], &lines[1], &lines[3]] {
        let file = line["file"].as_str().unwrap();
        let single = run(&["check", file, "--format", "json"]);
        let alone: serde_json::Value = serde_json::from_slice(&single.stdout).unwrap();
        assert_eq!(&alone, line, "{file}");
        assert_eq!(line["scope"]["status"], "in_scope");
    }
}

#[test]
fn a_folder_without_errors_exits_0_and_out_of_scope_files_count_as_clean() {
    // A 2019 state document: outside NĐ 30, no error.
    let old = {
        let bytes = fixture("f06-number-no-zero.docx");
        let mut zin = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for i in 0..zin.len() {
            use std::io::{Read, Write};
            let mut f = zin.by_index(i).unwrap();
            let name = f.name().to_string();
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            if name == "word/document.xml" {
                let xml = String::from_utf8(data).unwrap();
                assert!(xml.contains("năm 2024"));
                data = xml.replace("năm 2024", "năm 2019").into_bytes();
            }
            out.start_file(name, zip::write::SimpleFileOptions::default())
                .unwrap();
            out.write_all(&data).unwrap();
        }
        out.finish().unwrap().into_inner()
    };
    let dir = folder(
        "clean",
        &[
            ("sach.docx", fixture("clean-state-lo.docx")),
            ("cu-2019.docx", old),
        ],
    );
    let out = run(&["check", dir.to_str().unwrap()]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    let old = text
        .lines()
        .find(|l| l.starts_with("cu-2019.docx"))
        .unwrap();
    assert!(old.contains("trước bộ quy tắc"), "{old}");
    assert!(text.contains("1 trước bộ quy tắc"), "{text}");
    assert!(text.contains("0 tệp có lỗi"), "{text}");
    // The same file alone: exit 0, the scope in its JSON.
    let file = dir.join("cu-2019.docx");
    let alone = run(&["check", file.to_str().unwrap(), "--format", "json"]);
    assert_eq!(alone.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&alone.stdout).unwrap();
    assert_eq!(v["scope"]["status"], "before_ruleset");
    assert_eq!(v["errors"], 0);
}

#[test]
fn single_file_options_are_refused_for_a_folder() {
    let dir = folder("fix", &[("sach.docx", fixture("clean-state-lo.docx"))]);
    let out = run(&["check", dir.to_str().unwrap(), "--fix"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("lỗi:"));
}

#[test]
fn an_empty_folder_is_a_clean_batch() {
    let dir = folder("empty", &[("ghi-chu.txt", b"x".to_vec())]);
    let out = run(&["check", dir.to_str().unwrap(), "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
}
