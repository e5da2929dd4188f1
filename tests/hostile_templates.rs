//! Templates are untrusted data (mẫu của cơ quan khác là dữ liệu không tin cậy): a folder from
//! another office cannot read or include files outside itself, cannot loop without end or
//! produce unbounded text, and a bad one is refused at load with file, line and column.
//! Each folder in `tests/fixtures/hostile-templates/` is one attack.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use vanban::draft::Draft;
use vanban::model::System;
use vanban::template::guard::{MAX_OUTPUT_BYTES, RENDER_TIME_LIMIT};
use vanban::template::{TemplateError, Templates};

fn fixture(case: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/hostile-templates")
        .join(case)
}

fn load(case: &str) -> Result<Templates, TemplateError> {
    Templates::only_dir(&fixture(case))
}

/// Asserts a load refusal at `line`:`column` whose message contains `words`.
fn refused_at(case: &str, line: usize, column: usize, words: &str) {
    match load(case) {
        Err(e @ TemplateError::Refused { .. }) => {
            let TemplateError::Refused {
                line: l,
                column: c,
                ref path,
                ..
            } = e
            else {
                unreachable!()
            };
            assert_eq!((l, c), (line, column), "{case}: {e}");
            assert!(path.ends_with("mau/body.tera"), "{case}: {path}");
            let msg = e.to_string();
            assert!(msg.contains(&format!("dòng {line}, cột {column}")), "{msg}");
            assert!(msg.contains(words), "{case}: {msg}");
        }
        other => panic!("{case}: expected a refusal at load, got {other:?}"),
    }
}

#[test]
fn include_extends_import_are_refused_with_line_and_column() {
    refused_at("include-parent", 3, 1, "không đọc tệp khác");
    refused_at("include-absolute", 1, 1, "không đọc tệp khác");
    refused_at("include-builtin", 2, 3, "không đọc tệp khác");
    refused_at("extends-parent", 1, 1, "không đọc tệp khác");
    refused_at("import-macros", 1, 1, "không đọc tệp khác");
}

#[test]
fn components_and_state_are_refused() {
    refused_at("component-recursion", 1, 1, "{% component %}");
    refused_at("set-accumulate", 1, 1, "{% set_global %}");
}

#[test]
fn loops_nested_past_the_bound_are_refused() {
    refused_at("loop-nested-deep", 1, 31, "lồng quá 1 tầng");
}

#[test]
fn a_syntax_error_names_file_line_and_column_in_vietnamese() {
    let e = load("syntax-error").unwrap_err();
    match &e {
        TemplateError::Syntax {
            path, line, column, ..
        } => {
            assert!(path.ends_with("mau/body.tera"), "{path}");
            assert_eq!((*line, *column), (4, 4), "{e}");
        }
        other => panic!("expected a syntax error, got {other:?}"),
    }
    let msg = e.to_string();
    assert!(
        msg.starts_with("mẫu ") && msg.contains("dòng 4, cột 4"),
        "{msg}"
    );
}

#[test]
fn a_template_file_past_the_size_bound_is_refused() {
    let e = load("too-large").unwrap_err();
    assert!(matches!(e, TemplateError::TooLarge { .. }), "{e:?}");
    assert!(e.to_string().contains("quá lớn"), "{e}");
}

/// Renders the single template of `templates` with a `noi_dung` of `size` characters,
/// returning the result and how long it took.
fn render(templates: &Templates, size: usize) -> (Result<String, String>, Duration) {
    let def = &templates.list()[0];
    let mut d = Draft::starter(def, System::State, false, 2024);
    d.fields
        .insert("noi_dung".into(), "Đoạn văn. ".repeat(size / 10 + 1));
    let t = Instant::now();
    let out = d
        .render(templates)
        .map(|doc| format!("{:?}", doc.body))
        .map_err(|e| e.to_string());
    (out, t.elapsed())
}

#[test]
fn an_output_bomb_stops_at_the_output_bound() {
    let t = load("loop-output-bomb").expect("one loop is allowed");
    let (out, took) = render(&t, 10_000);
    let e = out.unwrap_err();
    assert!(
        e.contains(&format!("dài quá {MAX_OUTPUT_BYTES} byte")),
        "{e}"
    );
    assert!(
        took < RENDER_TIME_LIMIT + Duration::from_secs(1),
        "{took:?}"
    );
}

#[test]
fn a_huge_range_is_refused_at_render() {
    let t = load("range-huge").expect("loads");
    let (out, took) = render(&t, 10);
    let e = out.unwrap_err();
    assert!(e.contains("quá giới hạn 1000"), "{e}");
    assert!(took < Duration::from_secs(1), "{took:?}");
}

#[test]
fn a_replace_bomb_stops_before_allocating() {
    let t = load("replace-bomb").expect("loads");
    let (out, took) = render(&t, 20_000);
    let e = out.unwrap_err();
    assert!(e.contains("dài quá"), "{e}");
    assert!(took < Duration::from_secs(1), "{took:?}");
}

/// Copies a fixture folder into a temp dir (symlinks are made at test time: a symlink in git
/// does not survive a Windows checkout).
fn copy_case(case: &str, to: &Path) {
    for entry in std::fs::read_dir(fixture(case)).unwrap() {
        let entry = entry.unwrap();
        let dest = to.join(entry.file_name());
        std::fs::create_dir_all(&dest).unwrap();
        for f in std::fs::read_dir(entry.path()).unwrap() {
            let f = f.unwrap();
            std::fs::copy(f.path(), dest.join(f.file_name())).unwrap();
        }
    }
}

#[cfg(unix)]
#[test]
fn a_body_symlinked_outside_its_folder_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let templates = dir.path().join("mau-van-ban");
    std::fs::create_dir(&templates).unwrap();
    copy_case("symlink-body", &templates);
    let secret = fixture("secret.txt");
    std::os::unix::fs::symlink(&secret, templates.join("mau/body.tera")).unwrap();
    let e = Templates::only_dir(&templates).unwrap_err();
    assert!(matches!(e, TemplateError::Outside { .. }), "{e:?}");
    assert!(e.to_string().contains("ra ngoài thư mục mẫu"), "{e}");
    assert!(!e.to_string().contains("mật khẩu"), "{e}");
}

#[cfg(unix)]
#[test]
fn a_template_folder_symlinked_outside_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let outside = dir.path().join("ngoai");
    copy_case("symlink-body", &outside);
    std::fs::write(outside.join("mau/body.tera"), "{{ noi_dung }}\n").unwrap();
    let templates = dir.path().join("mau-van-ban");
    std::fs::create_dir(&templates).unwrap();
    std::os::unix::fs::symlink(outside.join("mau"), templates.join("mau")).unwrap();
    let e = Templates::only_dir(&templates).unwrap_err();
    assert!(matches!(e, TemplateError::Outside { .. }), "{e:?}");
}

#[cfg(unix)]
#[test]
fn a_symlink_inside_the_folder_is_fine() {
    let dir = tempfile::tempdir().unwrap();
    let templates = dir.path().join("mau-van-ban");
    std::fs::create_dir(&templates).unwrap();
    copy_case("symlink-body", &templates);
    std::fs::write(templates.join("mau/than.tera"), "{{ noi_dung }}\n").unwrap();
    std::os::unix::fs::symlink("than.tera", templates.join("mau/body.tera")).unwrap();
    let t = Templates::only_dir(&templates).expect("a link inside the folder is read");
    let (out, _) = render(&t, 10);
    out.unwrap();
}

#[test]
fn every_builtin_template_passes_the_guards() {
    let t = Templates::builtin().unwrap();
    for def in t.list() {
        for system in def.systems.clone() {
            let d = Draft::starter(def, system, false, 2024);
            let _ = d.render(&t).map_err(|e| {
                assert!(
                    !matches!(
                        e,
                        vanban::draft::DraftError::Template(
                            TemplateError::Refused { .. }
                                | TemplateError::TimeLimit { .. }
                                | TemplateError::OutputLimit { .. }
                        )
                    ),
                    "{}: {e}",
                    def.slug
                );
            });
        }
    }
}

/// Found by the `template_load` fuzz target: in "{%}" the closing `%}` overlaps the opening
/// `{%`, and the tag scanner sliced a string backwards (a panic at load).
#[test]
fn an_overlapping_tag_is_an_error_not_a_panic() {
    let input = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/fuzz/template-overlapping-tag.txt"),
    )
    .unwrap();
    // The fuzz target's split: template.toml, a "=====" line, body.tera.
    let (definition, body) = input.split_once("\n=====\n").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("mau");
    std::fs::create_dir(&d).unwrap();
    std::fs::write(d.join("template.toml"), definition).unwrap();
    std::fs::write(d.join("body.tera"), body).unwrap();
    assert!(Templates::only_dir(dir.path()).is_err());
    for body in ["{%}", "{%}%}", "a {%- %} b", "{% if x %}{%}"] {
        std::fs::write(d.join("body.tera"), body).unwrap();
        let _ = Templates::only_dir(dir.path());
    }
}
