//! One readable fixture per rule: `tests/fixtures/rules/<ID>/case.toml` names a right example
//! (a clean .docx of `tests/fixtures/check/` or a draft TOML, as a path from the repository
//! root or from the folder) and the text edits that make it wrong (in `word/document.xml`,
//! or another part, of a .docx; in the TOML of a draft). The rule `<ID>` must fire on the
//! wrong document and not on the right one, and the edit must bring no other error. A draft
//! is checked as a draft and again as the .docx the writer makes of it.
//!
//! Adding a rule: its rule file in `src/check/rules/` plus one folder here.

mod docx_edit;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use vanban::check::registry::{find_rule, Severity};
use vanban::check::report::Report;
use vanban::check::{check_document, check_docx, CheckOptions};
use vanban::draft::Draft;
use vanban::template::Templates;

/// A fixture folder's `case.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    /// What the case shows, in a sentence.
    #[allow(dead_code)]
    about: String,
    /// The right example: a .docx or a draft .toml.
    right: String,
    /// The edits that make it wrong, applied in order; each must match exactly once.
    wrong: Vec<TextEdit>,
    /// For a draft: also check the .docx the writer makes of it (default true).
    #[serde(default = "yes")]
    docx: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TextEdit {
    old: String,
    new: String,
    /// The part of a .docx edited (default `word/document.xml`).
    #[serde(default = "document_xml")]
    part: String,
}

fn yes() -> bool {
    true
}

fn document_xml() -> String {
    "word/document.xml".into()
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn resolve(dir: &Path, path: &str) -> PathBuf {
    let local = dir.join(path);
    if local.exists() {
        local
    } else {
        root().join(path)
    }
}

/// The reports of one example: the .docx, or the draft and its .docx.
fn reports_of_docx(bytes: &[u8], name: &str) -> Vec<Report> {
    vec![check_docx(bytes, name, &CheckOptions::default()).unwrap()]
}

fn reports_of_draft(source: &str, name: &str, docx: bool) -> Vec<Report> {
    let templates = Templates::builtin().unwrap();
    let doc = Draft::from_toml(source)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .render(&templates)
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    let mut out = vec![check_document(&doc, name, &CheckOptions::default()).unwrap()];
    if docx {
        let bytes = vanban::docx::write_docx(&doc).unwrap();
        out.extend(reports_of_docx(&bytes, name));
    }
    out
}

fn errors(r: &Report) -> BTreeSet<String> {
    r.diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.rule.clone())
        .collect()
}

/// Checks one fixture folder; the problems found, if any.
fn check_case(dir: &Path) -> Vec<String> {
    let id = dir.file_name().unwrap().to_string_lossy().into_owned();
    let mut problems = Vec::new();
    if find_rule(&id).is_none() {
        return vec![format!("{id}: no such rule")];
    }
    let text = std::fs::read_to_string(dir.join("case.toml"))
        .unwrap_or_else(|e| panic!("{id}/case.toml: {e}"));
    let case: Case = toml::from_str(&text).unwrap_or_else(|e| panic!("{id}/case.toml: {e}"));
    let right_path = resolve(dir, &case.right);
    let (right, wrong) = if case.right.ends_with(".docx") {
        let bytes = std::fs::read(&right_path).unwrap_or_else(|e| panic!("{id}: {e}"));
        let mut edited = bytes.clone();
        for e in &case.wrong {
            edited = docx_edit::rewrite_part(&edited, &e.part, |xml| {
                docx_edit::replace_once(xml, &e.old, &e.new)
            });
        }
        (
            reports_of_docx(&bytes, &format!("{id} right")),
            reports_of_docx(&edited, &format!("{id} wrong")),
        )
    } else {
        let source = std::fs::read_to_string(&right_path).unwrap_or_else(|e| panic!("{id}: {e}"));
        let mut edited = source.clone();
        for e in &case.wrong {
            edited = docx_edit::replace_once(&edited, &e.old, &e.new);
        }
        (
            reports_of_draft(&source, &format!("{id} right"), case.docx),
            reports_of_draft(&edited, &format!("{id} wrong"), case.docx),
        )
    };
    for (r, w) in right.iter().zip(&wrong) {
        let front = if std::ptr::eq(r, &right[0]) && !case.right.ends_with(".docx") {
            "draft"
        } else {
            ".docx"
        };
        if r.fired().contains(&id.as_str()) {
            problems.push(format!("{id} ({front}): fires on the right example"));
        }
        if !w.fired().contains(&id.as_str()) {
            problems.push(format!(
                "{id} ({front}): does not fire on the wrong example; fired {:?}",
                w.fired()
            ));
        }
        let before = errors(r);
        let extra: Vec<String> = errors(w)
            .into_iter()
            .filter(|e| *e != id && !before.contains(e))
            .collect();
        if !extra.is_empty() {
            problems.push(format!("{id} ({front}): the edit also brings {extra:?}"));
        }
    }
    problems
}

#[test]
fn every_rule_fixture_fires_on_wrong_and_not_on_right() {
    let dir = root().join("tests/fixtures/rules");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("case.toml").exists())
        .collect();
    cases.sort();
    assert!(cases.len() >= 15, "only {} rule fixtures", cases.len());
    let problems: Vec<String> = cases.iter().flat_map(|c| check_case(c)).collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

fn count_415(bytes: &[u8]) -> usize {
    errors(&reports_of_docx(bytes, "vv.docx")[0])
        .into_iter()
        .filter(|e| e.starts_with("ND30-415"))
        .count()
}

/// Rule 415 judges the size and the upright style NĐ 30 states for a công văn's «V/v», not
/// its weight: the same line set bold passes, set italic fails.
#[test]
fn a_bold_vv_line_passes_rule_415_an_italic_one_does_not() {
    let right = std::fs::read(root().join("tests/fixtures/rules/ND30-415/right.docx")).unwrap();
    let with = |props: &str| {
        if props.is_empty() {
            return count_415(&right);
        }
        let bytes = docx_edit::rewrite_part(&right, "word/document.xml", |xml| {
            docx_edit::replace_once(
                xml,
                r#"<w:sz w:val="24" /><w:szCs w:val="24" /></w:rPr><w:t xml:space="preserve">V/v"#,
                &format!(
                    r#"{props}<w:sz w:val="24" /><w:szCs w:val="24" /></w:rPr><w:t xml:space="preserve">V/v"#
                ),
            )
        });
        count_415(&bytes)
    };
    assert_eq!(with(""), 0);
    assert_eq!(with("<w:b />"), 0);
    assert_eq!(with("<w:i />"), 1);
}

/// Rule 101 reads every section: 030's Phụ lục stands on A4 turned and passes; the same
/// section on US Letter turned (width above height, no `w:orient`) is reported, once, and the
/// safe fix puts it back on A4 turned.
#[test]
fn a_later_section_on_letter_paper_breaks_rule_101() {
    let a4 = std::fs::read(root().join("tests/fixtures/real/030-kh-ubnd-lam-dong-cchc-2026.docx"))
        .unwrap();
    let rule_101 = |bytes: &[u8]| {
        let r = check_docx(bytes, "030.docx", &CheckOptions::default()).unwrap();
        r.diagnostics
            .into_iter()
            .filter(|d| d.rule == "ND30-101")
            .collect::<Vec<_>>()
    };
    assert!(rule_101(&a4).is_empty());
    let letter = docx_edit::rewrite_part(&a4, "word/document.xml", |xml| {
        docx_edit::replace_once(
            xml,
            r#"<w:pgSz w:w="16840" w:h="11907" w:orient="landscape""#,
            r#"<w:pgSz w:w="15840" w:h="12240""#,
        )
    });
    let found = rule_101(&letter);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].message.contains("thứ 2"), "{}", found[0].message);
    let r = check_docx(&letter, "030.docx", &CheckOptions::default()).unwrap();
    let (fixed, _) = vanban::check::apply_fixes(&letter, &r, false).unwrap();
    assert!(rule_101(&fixed).is_empty());
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(fixed)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    assert!(
        xml.contains(r#"w:orient="landscape""#),
        "the Phụ lục stays turned"
    );
}

/// Rule 508 reports the căn cứ set upright once for the document, and its safe fix sets
/// every one of them in italic: the fixed file passes.
#[test]
fn upright_bases_are_one_finding_and_the_fix_sets_them_italic() {
    let right = std::fs::read(root().join("tests/fixtures/rules/ND30-508/right.docx")).unwrap();
    let wrong = docx_edit::rewrite_part(&right, "word/document.xml", |xml| {
        xml.replace(
            r#"<w:i /><w:iCs /><w:sz w:val="28" /><w:szCs w:val="28" /></w:rPr><w:t xml:space="preserve">Căn cứ"#,
            r#"<w:sz w:val="28" /><w:szCs w:val="28" /></w:rPr><w:t xml:space="preserve">Căn cứ"#,
        )
    });
    let rule_508 = |bytes: &[u8]| {
        let r = check_docx(bytes, "qd.docx", &CheckOptions::default()).unwrap();
        let found: Vec<_> = r
            .diagnostics
            .iter()
            .filter(|d| d.rule == "ND30-508")
            .cloned()
            .collect();
        (r, found)
    };
    let (report, found) = rule_508(&wrong);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].message.contains("3 trong 4"),
        "{}",
        found[0].message
    );
    let (fixed, _) = vanban::check::apply_fixes(&wrong, &report, false).unwrap();
    assert!(rule_508(&fixed).1.is_empty());
}
