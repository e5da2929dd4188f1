//! The rule registry: rule sets load, every rule maps to a check, evidence decides severity,
//! HD05-2026 extends HD36-2018 by overriding only what changed, profiles cannot loosen the law.

use vanban::check::profile::{Profile, ProfileError};
use vanban::check::registry::{
    build_rulesets, default_ruleset, find_rule, ruleset, rulesets, Evidence, RegistryError,
    RuleSet, Severity,
};
use vanban::check::rules::{self, RuleDef};
use vanban::model::System;

#[test]
fn every_rule_has_a_check_docs_and_examples() {
    for set in rulesets() {
        assert!(!set.rules.is_empty(), "{}", set.id);
        for r in &set.rules {
            assert!(
                rules::check(&r.check).is_some(),
                "{} uses unknown check {}",
                r.id,
                r.check
            );
            assert!(
                r.id.starts_with(set.id.split('-').next().unwrap()),
                "{} in {}",
                r.id,
                set.id
            );
            for (what, text) in [
                ("title", &r.title),
                ("clause", &r.clause),
                ("doc", &r.doc),
                ("wrong", &r.wrong),
                ("right", &r.right),
            ] {
                assert!(!text.trim().is_empty(), "{} has no {what}", r.id);
            }
            assert_ne!(r.wrong, r.right, "{}", r.id);
        }
        let mut ids: Vec<&str> = set.rules.iter().map(|r| r.id.as_str()).collect();
        let n = ids.len();
        ids.dedup();
        assert_eq!(n, ids.len(), "duplicate ids in {}", set.id);
    }
}

#[test]
fn evidence_decides_the_default_severity() {
    for set in rulesets() {
        for r in &set.rules {
            let want = if r.evidence.is_law() {
                Severity::Error
            } else {
                Severity::Warning
            };
            assert_eq!(r.severity, want, "{} ({:?})", r.id, r.evidence);
        }
    }
}

#[test]
fn defaults_per_system_and_the_unverified_successor() {
    assert_eq!(default_ruleset(System::State).id, "ND30-2020");
    assert_eq!(default_ruleset(System::Party).id, "HD36-2018");
    let hd05 = ruleset("HD05-2026").unwrap();
    let hd36 = ruleset("HD36-2018").unwrap();
    assert!(!hd05.default && !hd05.verified);
    assert_eq!(hd05.facts.recipients_separator, ";");
    assert_eq!(hd36.facts.recipients_separator, ",");
    assert_eq!(hd05.rules.len(), hd36.rules.len());
    assert!(hd05.rules.iter().all(|r| r.id.starts_with("HD05-")));
    // Layout facts are inherited, not copied.
    assert_eq!(hd05.layout, hd36.layout);
    assert_eq!(&hd36.layout, vanban::layout::layout(System::Party));
}

#[test]
fn state_and_party_sets_check_different_headers() {
    let state = ruleset("ND30-2020").unwrap();
    let party = ruleset("HD36-2018").unwrap();
    assert!(state
        .rules
        .iter()
        .any(|r| r.check == "national_title.present"));
    assert!(!party
        .rules
        .iter()
        .any(|r| r.check == "national_title.present"));
    assert!(party.rules.iter().any(|r| r.check == "party_title.line"));
    assert!(state.rules.len() >= 45, "{}", state.rules.len());
}

#[test]
fn profiles_tighten_but_never_loosen_the_law() {
    let ok = Profile::from_toml("party_ruleset = \"HD05-2026\"\n[rules]\n\"HD36-306\" = \"off\"\n\"HD36-413\" = \"error\"\n").unwrap();
    assert_eq!(ok.party_ruleset.as_deref(), Some("HD05-2026"));
    let (_, r) = find_rule("ND30-303").unwrap();
    assert_eq!(r.evidence, Evidence::Stated);
    let err = Profile::from_toml("[rules]\n\"ND30-303\" = \"warning\"\n").unwrap_err();
    assert!(matches!(err, ProfileError::Loosen { .. }), "{err}");
    assert!(err.to_string().contains("không được nới lỏng"));
    let err = Profile::from_toml("[rules]\n\"ND30-110\" = \"off\"\n").unwrap_err();
    assert!(matches!(err, ProfileError::Loosen { .. }));
    assert!(matches!(
        Profile::from_toml("[rules]\n\"XX-1\" = \"off\"\n"),
        Err(ProfileError::UnknownRule(_))
    ));
    assert!(matches!(
        Profile::from_toml("state_ruleset = \"HD36-2018\"\n"),
        Err(ProfileError::UnknownRuleset(_))
    ));
}

const MINIMAL: &str = "id = \"ND30-2020\"\ntitle = \"t\"\nsystem = \"state\"\nsource = \"s\"\neffective_from = \"2020-03-05\"\n";

fn defs() -> Vec<&'static RuleDef> {
    rules::all().collect()
}

#[test]
fn a_duplicate_rule_id_is_refused_when_the_registry_is_built() {
    let base = defs();
    let first = *base.iter().find(|d| d.check == "page.size").unwrap();
    // A second rule with the same code under another check key: the same id "ND30-101".
    let twin: &'static RuleDef = Box::leak(Box::new(RuleDef {
        check: "page.size_twin",
        ..*first
    }));
    let mut with_twin = base.clone();
    with_twin.push(twin);
    let file = format!("{MINIMAL}select = [\"page.*\"]\n");
    let err = build_rulesets(&with_twin, &[&file]).unwrap_err();
    assert!(
        matches!(&err, RegistryError::DuplicateId(id) if id == "ND30-101"),
        "{err}"
    );
    assert!(err.to_string().contains("ND30-101"), "{err}");
    // The same definition listed twice: one check key twice.
    let mut twice = base.clone();
    twice.push(first);
    let err = build_rulesets(&twice, &[&file]).unwrap_err();
    assert!(
        matches!(err, RegistryError::DuplicateCheck(ref k) if k == "page.size"),
        "{err}"
    );
    // Without the twin the same file builds.
    let sets = build_rulesets(&base, &[&file]).unwrap();
    assert_eq!(sets[0].rules.len(), 5);
}

#[test]
fn a_rule_set_naming_an_unknown_rule_is_refused() {
    for sel in ["\"page.no_such_check\"", "\"nothing.*\"", "\"999\""] {
        let file = format!("{MINIMAL}select = [{sel}]\n");
        let err = build_rulesets(&defs(), &[&file]).unwrap_err();
        assert!(
            matches!(err, RegistryError::UnknownRule { .. }),
            "{sel}: {err}"
        );
    }
    let file = format!("{MINIMAL}select = [\"page.*\"]\nignore = [\"page.sise\"]\n");
    let err = build_rulesets(&defs(), &[&file]).unwrap_err();
    assert!(err.to_string().contains("page.sise"), "{err}");
    // A Party-only rule named in a state set.
    let file = format!("{MINIMAL}select = [\"number.party_alt\"]\n");
    let err = build_rulesets(&defs(), &[&file]).unwrap_err();
    assert!(matches!(err, RegistryError::WrongSystem { .. }), "{err}");
}

#[test]
fn unknown_keys_in_rule_sets_and_profiles_are_refused_by_name() {
    for file in [
        format!("{MINIMAL}selct = [\"page.*\"]\n"),
        format!("{MINIMAL}[facts]\nselct = \";\"\n"),
        format!("{MINIMAL}[layout.body]\nselct = 14\n"),
    ] {
        let err = build_rulesets(&defs(), &[&file]).unwrap_err();
        assert!(matches!(err, RegistryError::Parse { .. }), "{err}");
        let msg = err.to_string();
        assert!(msg.contains("khóa «selct» không được phép"), "{msg}");
    }
    // The old form, a [[rule]] block with its text, is no longer a rule-set key.
    let file = format!("{MINIMAL}[[rule]]\nid = \"ND30-101\"\n");
    let msg = build_rulesets(&defs(), &[&file]).unwrap_err().to_string();
    assert!(msg.contains("khóa «rule» không được phép"), "{msg}");
    let err = Profile::from_toml("name = \"VP\"\nparty_rulset = \"HD05-2026\"\n").unwrap_err();
    assert!(matches!(err, ProfileError::Syntax(_)), "{err}");
    let msg = err.to_string();
    assert!(
        msg.contains("khóa «party_rulset» không được phép (dòng 2)"),
        "{msg}"
    );
}

#[test]
fn wording_differs_by_rule_set_only_where_written_so() {
    let nd30 = ruleset("ND30-2020").unwrap();
    let hd36 = ruleset("HD36-2018").unwrap();
    let hd05 = ruleset("HD05-2026").unwrap();
    let by = |s: &RuleSet, code: &str| {
        s.rules
            .iter()
            .find(|r| r.id.ends_with(code))
            .cloned()
            .unwrap()
    };
    // Same text in both systems.
    assert_eq!(by(nd30, "-121").doc, by(hd36, "-121").doc);
    // Party wording where HD 36 says otherwise.
    assert_ne!(by(nd30, "-102").severity, by(hd36, "-102").severity);
    // HD 05 inherits HD 36's wording except where it is written for HD 05.
    assert_eq!(by(hd05, "-102").doc, by(hd36, "-102").doc);
    assert_ne!(by(hd05, "-703").doc, by(hd36, "-703").doc);
}
