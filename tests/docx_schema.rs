//! Every exported file passes the OOXML schema validator openxml-audit (ECMA-376 element
//! order, allowed attributes and values) with no finding of type `schema`.

mod docx_support;

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// openxml-audit of the test venv (beside its Python).
fn audit_tool() -> PathBuf {
    let python = docx_support::python();
    let tool = python
        .parent()
        .unwrap_or(Path::new("."))
        .join("openxml-audit");
    assert!(
        tool.exists(),
        "openxml-audit missing: pip install openxml-audit in the venv"
    );
    tool
}

fn schema_findings(path: &Path) -> Vec<String> {
    let out = Command::new(audit_tool())
        .args(["-o", "json"])
        .arg(path)
        .output()
        .unwrap();
    // The tool exits non-zero when it has any finding; the JSON says which.
    let report: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "openxml-audit gave no JSON ({e}): {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let mut findings = Vec::new();
    for file in report.as_array().unwrap() {
        for key in ["errors", "warnings"] {
            for f in file[key].as_array().into_iter().flatten() {
                if f["type"] == "schema" {
                    findings.push(format!(
                        "{} {} {}",
                        f["part_uri"], f["path"], f["description"]
                    ));
                }
            }
        }
    }
    findings
}

#[test]
fn every_fixture_is_schema_valid() {
    let dir = docx_support::out_dir("schema");
    for (stem, doc) in docx_support::all() {
        let path = docx_support::write(&dir, stem, &doc);
        let findings = schema_findings(&path);
        assert!(findings.is_empty(), "{stem}: {findings:#?}");
    }
}

#[test]
fn the_five_examples_are_schema_valid() {
    let dir = docx_support::out_dir("schema-examples");
    for (stem, doc) in docx_support::examples() {
        let path = docx_support::write(&dir, &stem, &doc);
        let findings = schema_findings(&path);
        assert!(findings.is_empty(), "{stem}: {findings:#?}");
    }
}

#[test]
fn the_validator_does_catch_out_of_order_properties() {
    // Guard against a validator that finds nothing: a run property out of order is reported.
    let dir = docx_support::out_dir("schema");
    let good = docx_support::write(&dir, "probe", &docx_support::state_draft());
    let bytes = std::fs::read(&good).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().to_string();
        let mut data = Vec::new();
        std::io::Read::read_to_end(&mut f, &mut data).unwrap();
        if name == "word/document.xml" {
            let s = String::from_utf8(data).unwrap();
            // Move the first w:sz before w:rFonts.
            let s = s.replacen("<w:rFonts", "<w:sz w:val=\"28\"/><w:rFonts", 1);
            data = s.into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        std::io::Write::write_all(&mut out, &data).unwrap();
    }
    let bad = dir.join("probe-bad.docx");
    std::fs::write(&bad, out.finish().unwrap().into_inner()).unwrap();
    assert!(!schema_findings(&bad).is_empty());
}
