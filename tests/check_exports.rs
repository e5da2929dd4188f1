//! Acceptance: every .docx Vanban exports (each template in each system, and every draft in
//! `examples/`) checks with zero errors, through the draft front end and through the .docx
//! front end alike.

mod starter_fill;
use starter_fill::filled;
use std::path::Path;

use vanban::check::{check_document, check_docx, CheckOptions};
use vanban::docx::write_docx;
use vanban::draft::Draft;
use vanban::model::Document;
use vanban::template::Templates;

fn errors_of(doc: &Document, name: &str) -> Vec<String> {
    let opts = CheckOptions::default();
    let mut out = Vec::new();
    let r = check_document(doc, name, &opts).expect("draft check runs");
    for d in r
        .diagnostics
        .iter()
        .filter(|d| d.severity == vanban::check::registry::Severity::Error)
    {
        out.push(format!("{name} (draft): {} {}", d.rule, d.message));
    }
    let bytes = write_docx(doc).expect("writer");
    let r = check_docx(&bytes, name, &opts).expect("docx check runs");
    for d in r
        .diagnostics
        .iter()
        .filter(|d| d.severity == vanban::check::registry::Severity::Error)
    {
        out.push(format!(
            "{name} (docx): {} {} @{:?}",
            d.rule, d.message, d.location.paragraph
        ));
    }
    assert_eq!(r.coverage.total, r.rules.len());
    out
}

#[test]
fn every_template_exports_without_errors() {
    let templates = Templates::builtin().unwrap();
    let mut problems = Vec::new();
    for def in templates.list() {
        for &system in &def.systems {
            let mut d = Draft::starter(def, system, false, 2024);
            filled(&mut d);
            for f in &def.fields {
                let v = d.fields.entry(f.name.clone()).or_default();
                if v.trim().is_empty() {
                    *v = "Các cơ quan, đơn vị tổ chức thực hiện nghiêm túc, bảo đảm tiến độ, chất lượng và hiệu quả; định kỳ báo cáo kết quả về cơ quan thường trực để tổng hợp.".into();
                }
            }
            let doc = match d.render(&templates) {
                Ok(doc) => doc,
                Err(e) => panic!("{} {system:?}: {e}", def.slug),
            };
            problems.extend(errors_of(&doc, &format!("{}-{system:?}", def.slug)));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Errors an example carries on purpose, each the checker's true finding on what the source left
/// out, with how many front ends report it: the Hải Dương invitation was published without its
/// signer's name (the draft reports it; the .docx, dated 2018, is outside the rule set's
/// scope), and the chi bộ's and the class's forms leave the signers' names to be filled (the
/// draft reports each signer, the .docx each block it reads).
const EXPECTED_IN_EXAMPLES: &[(&str, &str, usize)] = &[
    ("bien-ban-hop-lop-dhkt-da-nang.toml", "ND30-603", 6),
    ("giay-moi-tet-trong-cay-hai-duong-2018.toml", "ND30-603", 1),
    (
        "nghi-quyet-chi-bo-sinh-vien-dhkt-da-nang.toml",
        "HD36-603",
        2,
    ),
];

#[test]
fn every_example_exports_without_errors() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let entries = std::fs::read_dir(&dir).expect("examples/ exists");
    let templates = Templates::builtin().unwrap();
    let mut problems = Vec::new();
    let mut seen = 0;
    for e in entries.flatten() {
        let path = e.path();
        if path.extension().is_none_or(|x| x != "toml") {
            continue;
        }
        seen += 1;
        let d = Draft::from_toml(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let doc = d.render(&templates).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let mut errors = errors_of(&doc, &name);
        for (file, rule, times) in EXPECTED_IN_EXAMPLES.iter().filter(|(f, ..)| *f == name) {
            let before = errors.len();
            errors.retain(|e| !e.contains(&format!(" {rule} ")));
            assert_eq!(before - errors.len(), *times, "{file}: {rule}");
        }
        problems.extend(errors);
    }
    assert!(seen >= 5, "only {seen} examples");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
