//! `vanban check` and `vanban rules` through the real binary: exit codes, malformed inputs,
//! JSON shape, --fix round trips, protected files, ignores and profiles.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_vanban"))
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/check")
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("runs")
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))
}

fn fired(v: &serde_json::Value) -> Vec<String> {
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn malformed_inputs_exit_2_quickly_with_a_clear_message() {
    // The limit is one second in a release build; a debug build inflates more slowly.
    let budget = if cfg!(debug_assertions) {
        Duration::from_secs(4)
    } else {
        Duration::from_secs(1)
    };
    let dir = fixtures().join("malformed");
    let cases = [
        ("empty.docx", "rỗng"),
        ("random-bytes.docx", "không phải"),
        ("no-document-xml.docx", "document.xml"),
        ("truncated.docx", "hỏng"),
        ("zip-bomb-1gb.docx", "giới hạn"),
        ("zip-bomb-lying-sizes.docx", "bom ZIP"),
        ("xml-entity-bomb.docx", "DOCTYPE"),
    ];
    for (file, needle) in cases {
        let path = dir.join(file);
        let start = Instant::now();
        // 200 MB of address space is enough: nothing is inflated past the reader's limits.
        let out = Command::new("sh")
            .arg("-c")
            .arg(format!(
                "ulimit -v 204800; exec '{}' check '{}'",
                env!("CARGO_BIN_EXE_vanban"),
                path.display()
            ))
            .output()
            .unwrap();
        let took = start.elapsed();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{file}: {err}");
        assert!(err.contains(needle), "{file}: {err}");
        assert!(err.starts_with("lỗi:"), "{file}: {err}");
        assert!(took < budget, "{file} took {took:?}");
    }
    let out = run(&["check", "/không/có/tệp.docx"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn clean_file_exits_0_and_faulty_exits_1_with_stable_json() {
    let clean = fixtures().join("clean-state-pydocx.docx");
    let out = run(&["check", clean.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Đã đánh giá"), "{text}");

    let faulty = fixtures().join("f37-several-faults.docx");
    let out = run(&["check", faulty.to_str().unwrap(), "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out);
    assert_eq!(v["system"], "state");
    assert_eq!(v["ruleset"], "ND30-2020");
    let d = v["diagnostics"].as_array().unwrap();
    let zero = d.iter().find(|d| d["rule"] == "ND30-303").unwrap();
    assert_eq!(zero["severity"], "error");
    assert_eq!(zero["element"], "so_ky_hieu");
    assert!(zero["location"]["paragraph"].is_u64());
    assert_eq!(zero["location"]["page"], 1);
    assert_eq!(zero["fix"]["safety"], "safe");
    assert_eq!(zero["fix"]["after"], "Số: 07/");
    let cov = &v["coverage"];
    assert!(cov["evaluated"].as_u64().unwrap() <= cov["total"].as_u64().unwrap());
    assert!(v["rules"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["status"] == "not_evaluated"));
    assert!(v["elements"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["element"] == "so_ky_hieu" && e["status"] == "failed"));
}

#[test]
fn fix_writes_a_new_file_whose_fixed_rules_no_longer_fire() {
    let dir = tempfile::tempdir().unwrap();
    for (file, rules) in [
        (
            "f37-several-faults.docx",
            vec!["ND30-303", "ND30-313", "ND30-104"],
        ),
        ("f11-motto-en-dash.docx", vec!["ND30-212"]),
        ("f22-recipient-no-semicolon.docx", vec!["ND30-703"]),
        ("f23-recipients-last-no-period.docx", vec!["ND30-704"]),
        ("f05-body-arial.docx", vec!["ND30-110"]),
        ("f18-body-12pt.docx", vec!["ND30-501"]),
        ("f29-number-on-first-page.docx", vec!["ND30-801"]),
        ("f31-decomposed-unicode.docx", vec!["ND30-120"]),
        ("f32-double-space.docx", vec!["ND30-121"]),
        ("f34-signature-not-kept.docx", vec!["ND30-901"]),
        ("p07-party-recipients-semicolons.docx", vec!["HD36-703"]),
    ] {
        let input = dir.path().join(file);
        std::fs::copy(fixtures().join(file), &input).unwrap();
        let original = std::fs::read(&input).unwrap();
        let output = dir.path().join(format!("fixed-{file}"));
        let out = run(&[
            "check",
            input.to_str().unwrap(),
            "--fix",
            "-o",
            output.to_str().unwrap(),
            "--format",
            "json",
        ]);
        assert!(
            output.exists(),
            "{file}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            std::fs::read(&input).unwrap(),
            original,
            "{file}: input changed"
        );
        let after = run(&["check", output.to_str().unwrap(), "--format", "json"]);
        let still = fired(&json(&after));
        for r in &rules {
            assert!(
                !still.contains(&r.to_string()),
                "{file}: {r} still fires after --fix: {still:?}"
            );
        }
        // Nothing new appears at error level.
        let v = json(&after);
        for d in v["diagnostics"].as_array().unwrap() {
            assert!(d["severity"] != "error", "{file}: new error {d}");
        }
    }
}

#[test]
fn fix_never_overwrites_the_input_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.docx");
    std::fs::copy(fixtures().join("f06-number-no-zero.docx"), &input).unwrap();
    let original = std::fs::read(&input).unwrap();
    let out = run(&[
        "check",
        input.to_str().unwrap(),
        "--fix",
        "-o",
        input.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read(&input).unwrap(), original);
    let out = run(&[
        "check",
        input.to_str().unwrap(),
        "--fix",
        "-o",
        input.to_str().unwrap(),
        "--overwrite",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_ne!(std::fs::read(&input).unwrap(), original);
    // Without -o the result goes beside the input under a new name.
    std::fs::copy(fixtures().join("f06-number-no-zero.docx"), &input).unwrap();
    run(&["check", input.to_str().unwrap(), "--fix"]);
    assert!(dir.path().join("a.da-sua.docx").exists());
}

#[test]
fn a_protected_file_is_checked_never_changed() {
    let dir = tempfile::tempdir().unwrap();
    let src = std::fs::read(fixtures().join("f06-number-no-zero.docx")).unwrap();
    let protected = add_protection(&src);
    let input = dir.path().join("p.docx");
    std::fs::write(&input, &protected).unwrap();
    let output = dir.path().join("out.docx");
    let out = run(&[
        "check",
        input.to_str().unwrap(),
        "--fix",
        "-o",
        output.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("không sửa"));
    assert!(!output.exists());
    let out = run(&["check", input.to_str().unwrap(), "--format", "json"]);
    let v = json(&out);
    assert_eq!(v["protected"], true);
    assert!(fired(&v).contains(&"ND30-303".to_string()));
}

/// Rewrites word/settings.xml with enforced document protection.
fn add_protection(docx: &[u8]) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut zin = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut zout = zip::ZipWriter::new(&mut buf);
        for i in 0..zin.len() {
            let mut f = zin.by_index(i).unwrap();
            let name = f.name().to_string();
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            if name == "word/settings.xml" {
                let s = String::from_utf8(data).unwrap();
                let s = s.replacen(
                    "<w:zoom",
                    "<w:documentProtection w:edit=\"readOnly\" w:enforcement=\"1\"/><w:zoom",
                    1,
                );
                data = s.into_bytes();
            }
            zout.start_file(name, zip::write::SimpleFileOptions::default())
                .unwrap();
            zout.write_all(&data).unwrap();
        }
        zout.finish().unwrap();
    }
    buf.into_inner()
}

#[test]
fn one_occurrence_is_ignored_with_a_reason_and_remembered() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("b.docx");
    std::fs::copy(fixtures().join("f06-number-no-zero.docx"), &input).unwrap();
    let v = json(&run(&[
        "check",
        input.to_str().unwrap(),
        "--format",
        "json",
    ]));
    let para = v["diagnostics"][0]["location"]["paragraph"]
        .as_u64()
        .unwrap();
    let spec = format!("ND30-303@{}", para + 1);
    let out = run(&[
        "check",
        input.to_str().unwrap(),
        "--ignore",
        &spec,
        "--reason",
        "Số do văn thư cấp, giữ nguyên",
        "--format",
        "json",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json(&out);
    assert!(fired(&v).is_empty());
    assert_eq!(v["ignored"][0]["reason"], "Số do văn thư cấp, giữ nguyên");
    assert!(dir.path().join("b.docx.vanban-ignore.json").exists());
    // Remembered for the next run.
    let v = json(&run(&[
        "check",
        input.to_str().unwrap(),
        "--format",
        "json",
    ]));
    assert_eq!(v["ignored"].as_array().unwrap().len(), 1);
    // A reason is required.
    let out = run(&["check", input.to_str().unwrap(), "--ignore", "ND30-303"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn profiles_choose_versions_and_may_not_loosen_the_law() {
    let dir = tempfile::tempdir().unwrap();
    let loosen = dir.path().join("loosen.toml");
    std::fs::write(&loosen, "[rules]\n\"ND30-303\" = \"off\"\n").unwrap();
    let f = fixtures().join("f06-number-no-zero.docx");
    let out = run(&[
        "check",
        f.to_str().unwrap(),
        "--profile",
        loosen.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("không được nới lỏng"));

    let hd05 = dir.path().join("hd05.toml");
    std::fs::write(
        &hd05,
        "party_ruleset = \"HD05-2026\"\n[rules]\n\"HD36-306\" = \"off\"\n",
    )
    .unwrap();
    let p = fixtures().join("p07-party-recipients-semicolons.docx");
    let v = json(&run(&["check", p.to_str().unwrap(), "--format", "json"]));
    assert!(fired(&v).contains(&"HD36-703".to_string()));
    let v = json(&run(&[
        "check",
        p.to_str().unwrap(),
        "--format",
        "json",
        "--profile",
        hd05.to_str().unwrap(),
    ]));
    assert_eq!(v["ruleset"], "HD05-2026");
    // "HD36-306" = "off" carries over to HD05-306.
    assert!(
        v["coverage"]["disabled"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r == "HD05-306"),
        "{}",
        v["coverage"]
    );
    assert!(
        !fired(&v).iter().any(|r| r.ends_with("-703")),
        "{:?}",
        fired(&v)
    );
    // Under HD 05 the comma-separated HD 36 list is the one that fires.
    let c = fixtures().join("clean-party-pydocx.docx");
    let v = json(&run(&[
        "check",
        c.to_str().unwrap(),
        "--format",
        "json",
        "--ruleset",
        "HD05-2026",
    ]));
    assert!(fired(&v).contains(&"HD05-703".to_string()));

    let tighten = dir.path().join("tighten.toml");
    std::fs::write(&tighten, "[rules]\n\"ND30-121\" = \"error\"\n").unwrap();
    let d = fixtures().join("f32-double-space.docx");
    assert_eq!(run(&["check", d.to_str().unwrap()]).status.code(), Some(0));
    assert_eq!(
        run(&[
            "check",
            d.to_str().unwrap(),
            "--profile",
            tighten.to_str().unwrap()
        ])
        .status
        .code(),
        Some(1)
    );
}

#[test]
fn rules_are_listed_and_explained_from_the_registry() {
    let out = run(&["rules"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    for id in [
        "ND30-2020",
        "HD36-2018",
        "HD05-2026",
        "ND30-303",
        "HD36-306",
    ] {
        assert!(text.contains(id), "{id}");
    }
    assert!(text.contains("chưa kiểm chứng"));
    let out = run(&["rules", "ND30-313"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Sai:  Hà Nội, ngày 5 tháng 2 năm 2024"),
        "{text}"
    );
    assert!(
        text.contains("Đúng: Hà Nội, ngày 05 tháng 02 năm 2024"),
        "{text}"
    );
    assert!(text.contains("Phụ lục I"), "{text}");
    assert_eq!(run(&["rules", "XX-999"]).status.code(), Some(2));
}

#[test]
fn drafts_are_checked_with_fields_as_locations() {
    let dir = tempfile::tempdir().unwrap();
    let ex = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/chi-thi-03-dan-van-xuan-loc-2023.toml");
    let out = run(&["check", ex.to_str().unwrap(), "--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    // A signer with a học vị: the location is the draft field.
    let src = std::fs::read_to_string(&ex).unwrap();
    let bad = src.replacen(
        "name = \"Nguyễn Thị Cát Tiên\"",
        "name = \"TS. Nguyễn Thị Cát Tiên\"",
        1,
    );
    assert_ne!(bad, src);
    let path = dir.path().join("bad.toml");
    std::fs::write(&path, bad).unwrap();
    let v = json(&run(&["check", path.to_str().unwrap(), "--format", "json"]));
    let d = &v["diagnostics"][0];
    assert_eq!(d["rule"], "ND30-605", "{v}");
    assert_eq!(d["location"]["field"], "signers[0].name", "{v}");
    assert!(d["location"]["paragraph"].is_null());
    let broken = dir.path().join("broken.toml");
    std::fs::write(&broken, "template = ").unwrap();
    assert_eq!(
        run(&["check", broken.to_str().unwrap()]).status.code(),
        Some(2)
    );
}

#[test]
fn guarded_fixes_apply_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let input = fixtures().join("f33-straight-quotes.docx");
    let safe = dir.path().join("safe.docx");
    let out = run(&["check", input.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&out.stdout);
    // The text report shows the before/after of the guarded fix first.
    assert!(text.contains("sửa sau khi xem trước"), "{text}");
    assert!(text.contains("“Dân vận khéo”"), "{text}");
    run(&[
        "check",
        input.to_str().unwrap(),
        "--fix",
        "-o",
        safe.to_str().unwrap(),
    ]);
    let v = json(&run(&["check", safe.to_str().unwrap(), "--format", "json"]));
    assert!(fired(&v).contains(&"ND30-122".to_string()));
    let guarded = dir.path().join("guarded.docx");
    run(&[
        "check",
        input.to_str().unwrap(),
        "--fix",
        "--guarded",
        "-o",
        guarded.to_str().unwrap(),
    ]);
    let v = json(&run(&[
        "check",
        guarded.to_str().unwrap(),
        "--format",
        "json",
    ]));
    assert!(
        !fired(&v).contains(&"ND30-122".to_string()),
        "{:?}",
        fired(&v)
    );
}

#[test]
fn the_layout_check_runs_through_libreoffice_or_says_it_did_not() {
    let input = fixtures().join("clean-state-pydocx.docx");
    let v = json(&run(&[
        "check",
        input.to_str().unwrap(),
        "--format",
        "json",
    ]));
    let status = |v: &serde_json::Value| {
        v["rules"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["rule"] == "ND30-902")
            .unwrap()
            .clone()
    };
    assert_eq!(status(&v)["status"], "not_evaluated");
    let v = json(&run(&[
        "check",
        input.to_str().unwrap(),
        "--format",
        "json",
        "--layout",
    ]));
    let soffice = ["soffice", "libreoffice"].iter().any(|b| {
        std::env::var_os("PATH")
            .is_some_and(|p| std::env::split_paths(&p).any(|d| d.join(b).is_file()))
    });
    if soffice {
        assert_eq!(status(&v)["status"], "passed", "{}", status(&v));
    } else {
        assert_eq!(status(&v)["status"], "not_evaluated");
        assert!(status(&v)["reason"]
            .as_str()
            .unwrap()
            .contains("LibreOffice"));
    }
}
