//! The corpus (tests/fixtures/check/, built by generate.py with python-docx and LibreOffice,
//! none made by Vanban): each faulty file fires exactly its expected rules at error level
//! (and at least its expected warnings); clean files fire no error.

use std::collections::BTreeMap;
use std::path::Path;

use vanban::check::registry::Severity;
use vanban::check::{check_docx, CheckOptions};

fn corpus() -> (std::path::PathBuf, BTreeMap<String, Vec<String>>) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/check");
    let expected: BTreeMap<String, Vec<String>> =
        serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
    (dir, expected)
}

#[test]
fn the_corpus_is_big_enough() {
    let (_, expected) = corpus();
    let faulty = expected.values().filter(|v| !v.is_empty()).count();
    let clean = expected.values().filter(|v| v.is_empty()).count();
    assert!(faulty >= 25, "{faulty} faulty files");
    assert!(clean >= 2, "{clean} clean files");
    assert!(
        expected.keys().any(|k| k.ends_with("-lo.docx")),
        "no LibreOffice file"
    );
}

#[test]
fn expected_rules_fire_and_nothing_else_at_error_level() {
    let (dir, expected) = corpus();
    let mut problems = Vec::new();
    for (file, want) in &expected {
        let bytes = std::fs::read(dir.join(file)).unwrap();
        let report = match check_docx(&bytes, file, &CheckOptions::default()) {
            Ok(r) => r,
            Err(e) => {
                problems.push(format!("{file}: unreadable: {e}"));
                continue;
            }
        };
        let fired = report.fired();
        for id in want {
            if !fired.contains(&id.as_str()) {
                problems.push(format!("{file}: expected {id}, fired {fired:?}"));
            }
        }
        for d in &report.diagnostics {
            if d.severity == Severity::Error && !want.contains(&d.rule) {
                problems.push(format!(
                    "{file}: unexpected {} at paragraph {:?}: {}",
                    d.rule, d.location.paragraph, d.message
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
