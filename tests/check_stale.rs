//! `vanban check` on a draft reports stale references (issue 5): an abolished district-level
//! body in a draft dated after 1 July 2025, and a legal basis the library marks replaced,
//! each as a warning located at the draft field that holds it.

use std::process::Command;

fn vanban(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(args)
        .env_remove("VANBAN_TEMPLATES")
        .output()
        .unwrap()
}

const DRAFT: &str = r#"
template = "chi-thi"
system = "state"
number = 3
place = "Xuân Lộc"
subject = "Về tăng cường công tác dân vận"

[date]
year = 2026
month = 3
day = 12

[[issuers]]
name = "ỦY BAN NHÂN DÂN XÃ XUÂN LỘC"
abbr = "UBND"

[fields]
mo_dau = "Thực hiện Nghị định số 04/2015/NĐ-CP của Chính phủ, Chủ tịch yêu cầu thực hiện tốt các nội dung sau:"
nhiem_vu = """
1. Phối hợp với UBND huyện Xuân Lộc tổ chức quán triệt.
"""
to_chuc_thuc_hien = "Thủ trưởng các cơ quan chịu trách nhiệm thực hiện Chỉ thị này."

[[signers]]
position = "CHỦ TỊCH"
name = "Nguyễn Thị Cát Tiên"

[recipients]
items = ["UBND tỉnh Đồng Nai"]
archive = "VT, NV"
"#;

fn stale(report: &serde_json::Value) -> Vec<(String, String)> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "TV-901")
        .map(|d| {
            (
                d["location"]["field"].as_str().unwrap().to_string(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn stale_references_are_warnings_on_their_field() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("chi-thi.toml");
    std::fs::write(&draft, DRAFT).unwrap();
    let db = dir.path().join("thu-vien.sqlite3");
    let db = db.to_str().unwrap();
    let o = vanban(&[
        "clauses",
        "add",
        "--db",
        db,
        "--title",
        "Căn cứ NĐ 04/2015",
        "--category",
        "can_cu",
        "--text",
        "Căn cứ Nghị định số 04/2015/NĐ-CP của Chính phủ;",
        "--source",
        "Nghị định số 04/2015/NĐ-CP",
        "--replaced-by",
        "Nghị định số 59/2023/NĐ-CP",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));

    let o = vanban(&[
        "check",
        draft.to_str().unwrap(),
        "--format",
        "json",
        "--db",
        db,
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "warnings only: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let found = stale(&report);
    assert!(
        found.iter().any(|(f, _)| f == "fields.nhiem_vu"),
        "district body: {found:?}"
    );
    assert!(
        found
            .iter()
            .any(|(f, m)| f == "fields.mo_dau" && m.contains("59/2023")),
        "replaced basis: {found:?}"
    );

    // Dated before the reform, the same district body is legitimate.
    std::fs::write(&draft, DRAFT.replace("year = 2026", "year = 2024")).unwrap();
    let o = vanban(&[
        "check",
        draft.to_str().unwrap(),
        "--format",
        "json",
        "--db",
        db,
    ]);
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(
        stale(&report).iter().all(|(f, _)| f != "fields.nhiem_vu"),
        "{:?}",
        stale(&report)
    );
}
