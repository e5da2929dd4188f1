//! The `vanban` binary end to end: starter drafts, template listing, and render failures that
//! must name the place at fault, exit non-zero and leave no output file.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn vanban(args: &[&str], envs: &[(&str, &Path)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_vanban"));
    cmd.args(args).env_remove("VANBAN_TEMPLATES");
    for (k, v) in envs {
        cmd.env(k, v);
    }
    cmd.output().expect("vanban runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name)
}

/// A complete state draft, valid except where a test breaks it.
const GOOD: &str = r#"
template = "chi-thi"
system = "state"
number = 3
place = "Xuân Lộc"
subject = "Về tăng cường công tác dân vận"

[date]
year = 2023
month = 7
day = 12

[[issuers]]
name = "ỦY BAN NHÂN DÂN HUYỆN XUÂN LỘC"
abbr = "UBND"

[fields]
mo_dau = "Nhằm tạo sự chuyển biến mạnh mẽ, Chủ tịch yêu cầu thực hiện tốt các nội dung sau:"
nhiem_vu = """
1. Tổ chức quán triệt.
1. Đẩy mạnh tuyên truyền.
"""
to_chuc_thuc_hien = "Thủ trưởng các cơ quan chịu trách nhiệm thực hiện Chỉ thị này."

[[signers]]
position = "CHỦ TỊCH"
name = "Nguyễn Thị Cát Tiên"

[recipients]
items = ["UBND tỉnh Đồng Nai"]
archive = "VT, NV"
"#;

fn render_case(draft: &str, templates: Option<&Path>) -> (Output, PathBuf, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("draft.toml");
    std::fs::write(&input, draft).unwrap();
    let out = dir.path().join("out.docx");
    let envs: Vec<(&str, &Path)> = templates
        .map(|t| ("VANBAN_TEMPLATES", t))
        .into_iter()
        .collect();
    let o = vanban(
        &[
            "render",
            input.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
        &envs,
    );
    (o, out, dir)
}

#[test]
fn a_good_draft_renders_to_a_docx() {
    let (o, out, _dir) = render_case(GOOD, None);
    assert!(o.status.success(), "{}", stderr(&o));
    let bytes = std::fs::read(&out).unwrap();
    assert_eq!(&bytes[..2], b"PK", "a zip package");
}

#[test]
fn a_missing_required_field_is_named_and_nothing_is_written() {
    let draft = GOOD.replace(
        "to_chuc_thuc_hien = \"Thủ trưởng các cơ quan chịu trách nhiệm thực hiện Chỉ thị này.\"",
        "",
    );
    let (o, out, _dir) = render_case(&draft, None);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("fields.to_chuc_thuc_hien"),
        "{}",
        stderr(&o)
    );
    assert!(!out.exists());
}

#[test]
fn an_unknown_document_type_lists_the_known_ones() {
    let (o, out, _dir) = render_case(&GOOD.replace("\"chi-thi\"", "\"phap-lenh\""), None);
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(e.contains("phap-lenh") && e.contains("ke-hoach"), "{e}");
    assert!(!out.exists());
}

#[test]
fn malformed_toml_names_the_line() {
    let (o, out, _dir) = render_case(&GOOD.replace("number = 3", "number = 3 3"), None);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("dòng 4"), "{}", stderr(&o));
    assert!(!out.exists());
}

#[test]
fn a_tera_syntax_error_in_a_template_names_file_and_line() {
    let tpl = tempfile::tempdir().unwrap();
    let d = tpl.path().join("chi-thi");
    std::fs::create_dir_all(&d).unwrap();
    std::fs::write(
        d.join("template.toml"),
        "type = \"chi-thi\"\n[[fields]]\nname = \"mo_dau\"\nlabel = \"Mở đầu\"\n",
    )
    .unwrap();
    std::fs::write(d.join("body.tera"), "{{ mo_dau }}\n{% if %}\n").unwrap();
    let (o, out, _dir) = render_case(GOOD, Some(tpl.path()));
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(
        e.contains("chi-thi/body.tera") && e.contains("dòng 2"),
        "{e}"
    );
    assert!(!out.exists());
}

#[test]
fn an_existing_output_survives_a_failed_render() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("draft.toml");
    std::fs::write(&input, GOOD.replace("place = \"Xuân Lộc\"", "place = \"\"")).unwrap();
    let out = dir.path().join("out.docx");
    std::fs::write(&out, b"previous export").unwrap();
    let o = vanban(
        &[
            "render",
            input.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
        &[],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("place"), "{}", stderr(&o));
    assert_eq!(std::fs::read(&out).unwrap(), b"previous export");
}

#[test]
fn new_prints_a_starter_that_parses() {
    for system in ["state", "party", "joint"] {
        let o = vanban(
            &["new", "ke-hoach", "--system", system, "--year", "2026"],
            &[],
        );
        assert!(o.status.success(), "{}", stderr(&o));
        let text = String::from_utf8(o.stdout).unwrap();
        let draft = vanban::draft::Draft::from_toml(&text).unwrap();
        assert_eq!(draft.template, "ke-hoach");
        assert_eq!(draft.issuers.len(), if system == "joint" { 2 } else { 1 });
    }
}

#[test]
fn new_refuses_a_system_the_type_does_not_exist_in() {
    let o = vanban(&["new", "ket-luan", "--system", "state"], &[]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("--system party"), "{}", stderr(&o));
    let o = vanban(&["new", "cong-dien", "--system", "party"], &[]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("--system state"), "{}", stderr(&o));
    let o = vanban(&["new", "ket-luan", "--system", "party"], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn templates_lists_the_three_required_types() {
    let o = vanban(&["templates"], &[]);
    let out = String::from_utf8(o.stdout).unwrap();
    for slug in ["ke-hoach", "chi-thi", "bao-cao"] {
        assert!(out.contains(slug), "{out}");
    }
}

#[test]
fn every_example_renders() {
    let dir = tempfile::tempdir().unwrap();
    let mut n = 0;
    for entry in std::fs::read_dir(example("")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("toml") {
            continue;
        }
        let out = dir
            .path()
            .join(path.file_stem().unwrap())
            .with_extension("docx");
        let o = vanban(
            &[
                "render",
                path.to_str().unwrap(),
                "-o",
                out.to_str().unwrap(),
            ],
            &[],
        );
        assert!(o.status.success(), "{}: {}", path.display(), stderr(&o));
        assert!(std::fs::metadata(&out).unwrap().len() > 5_000);
        n += 1;
    }
    assert_eq!(n, 11, "the eleven real documents");
}

/// A draft saved by Windows Notepad: UTF-8 BOM first, CRLF line ends.
fn windows_twin(lf: &str) -> String {
    format!("\u{feff}{}", lf.replace('\n', "\r\n"))
}

#[test]
fn a_draft_with_crlf_and_a_bom_renders_the_same_as_its_lf_twin() {
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "chi-thi-03-dan-van-xuan-loc-2023.toml",
        "bao-cao-tong-ket-dan-van-2019.toml",
        "ke-hoach-phoi-hop-dan-van-kien-giang-2021.toml",
    ] {
        let lf = std::fs::read_to_string(example(name)).unwrap();
        assert!(!lf.contains('\r'), "{name}: the example itself uses LF");
        let twin = dir.path().join(format!("crlf-{name}"));
        std::fs::write(&twin, windows_twin(&lf)).unwrap();
        let mut outputs = Vec::new();
        for (tag, draft) in [("lf", example(name)), ("crlf", twin.clone())] {
            let out = dir.path().join(format!("{tag}-{name}.docx"));
            let o = vanban(
                &[
                    "render",
                    draft.to_str().unwrap(),
                    "-o",
                    out.to_str().unwrap(),
                ],
                &[],
            );
            assert!(o.status.success(), "{tag} {name}: {}", stderr(&o));
            outputs.push(std::fs::read(&out).unwrap());
        }
        assert!(
            outputs[0] == outputs[1],
            "{name}: the CRLF+BOM twin renders a different .docx"
        );
        // The plain-text rendition too, so no \r sneaks into the body.
        let text = vanban(&["render", twin.to_str().unwrap(), "--text"], &[]);
        assert!(text.status.success(), "{}", stderr(&text));
        assert!(!String::from_utf8(text.stdout).unwrap().contains('\r'));
    }
}

#[test]
fn a_template_folder_saved_on_windows_loads() {
    let dir = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/chi-thi");
    let dst = dir.path().join("templates/chi-thi");
    std::fs::create_dir_all(&dst).unwrap();
    for f in ["template.toml", "body.tera"] {
        let lf = std::fs::read_to_string(src.join(f)).unwrap();
        std::fs::write(dst.join(f), windows_twin(&lf)).unwrap();
    }
    let draft = example("chi-thi-03-dan-van-xuan-loc-2023.toml");
    let mut outputs = Vec::new();
    for (tag, templates) in [
        ("builtin", None),
        ("windows", Some(dir.path().join("templates"))),
    ] {
        let out = dir.path().join(format!("{tag}.docx"));
        let mut args = vec![
            "render".to_string(),
            draft.to_str().unwrap().to_string(),
            "-o".into(),
            out.to_str().unwrap().to_string(),
        ];
        if let Some(t) = &templates {
            args.extend(["--templates".into(), t.to_str().unwrap().to_string()]);
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = vanban(&args, &[]);
        assert!(o.status.success(), "{tag}: {}", stderr(&o));
        outputs.push(std::fs::read(&out).unwrap());
    }
    assert!(
        outputs[0] == outputs[1],
        "CRLF+BOM templates render differently"
    );
}
