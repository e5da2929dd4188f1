//! The rule registry: rule sets load, every rule maps to a check, evidence decides severity,
//! HD05-2026 extends HD36-2018 by overriding only what changed, profiles cannot loosen the law.

use vanban::check::profile::{Profile, ProfileError};
use vanban::check::registry::{default_ruleset, find_rule, ruleset, rulesets, Evidence, Severity};
use vanban::check::rules;
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
