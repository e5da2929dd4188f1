//! `docs/rules.md` is generated from the rule registry: the checked-in file must be what the
//! registry renders now. `UPDATE_RULES_DOC=1 cargo test --test rules_doc` rewrites it.

use std::path::Path;

#[test]
fn docs_rules_md_is_generated_from_the_registry() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md");
    let want = vanban::check::rules_doc::markdown_all();
    if std::env::var_os("UPDATE_RULES_DOC").is_some() {
        std::fs::write(&path, &want).unwrap();
        return;
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "docs/rules.md is stale: run `cargo run -- rules --markdown > docs/rules.md` \
         (or UPDATE_RULES_DOC=1 cargo test --test rules_doc)"
    );
}

#[test]
fn every_rule_of_every_set_is_in_the_doc() {
    let doc = vanban::check::rules_doc::markdown_all();
    for set in vanban::check::registry::rulesets() {
        assert!(doc.contains(&format!("## {}: ", set.id)), "{}", set.id);
        if set.extends.is_none() {
            for r in &set.rules {
                assert!(doc.contains(&format!("### {}\n", r.id)), "{}", r.id);
            }
        }
    }
    // HD 05 shows only what it changes: the recipients separator and the closing mark.
    assert!(doc.contains("### HD05-703\n") && doc.contains("### HD05-506\n"));
    assert!(!doc.contains("### HD05-101\n"));
}

#[test]
fn the_cli_prints_the_same_markdown() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(["rules", "--markdown"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        vanban::check::rules_doc::markdown_all()
    );
}
