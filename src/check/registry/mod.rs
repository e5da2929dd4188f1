//! The rule registry (danh mục quy tắc): rule sets are versioned data about the law.
//!
//! A rule is written once, in its rule file under [`super::rules`] ([`RuleDef`]: code,
//! check, title, clause, evidence, severity, doc, wrong and right examples, fix, with wording
//! per rule set where the Party text differs). Each rule set (`rulesets/*.toml`, embedded at
//! build time) says which system it applies to, its source and effective dates, a few
//! non-layout conventions (`[facts]`) and which rules it selects (`select`, `ignore`). A
//! later rule set (HD 05-2026) `extends` an earlier one and overrides only what changed.
//! Sizes, margins, fonts and abbreviations are never in these files: they come from
//! [`crate::layout`], which a rule set may override fact by fact (`[layout]`), never copy.
//! Building the registry ([`build_rulesets`]) refuses unknown keys, duplicate ids and
//! selections of rules that do not exist.

mod build;

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

pub(crate) use build::toml_message;
pub use build::{build_rulesets, RegistryError};

use super::rules::{self, RuleDef};
use super::view::Element;
use crate::layout::{Layout, TextStyle};
use crate::model::System;

/// How serious a finding is (mức độ).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Cảnh báo: secondary or contested rules, typography advice.
    Warning,
    /// Lỗi: breaks the text of the decree or guideline.
    Error,
}

impl Severity {
    /// Vietnamese label.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "lỗi",
            Severity::Warning => "cảnh báo",
        }
    }
}

/// Evidence label of the spec (mức chứng cứ): how sure we are that the law says this.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Evidence {
    /// [S] stated by the decree or guideline itself.
    #[serde(rename = "S")]
    Stated,
    /// [D] derived from primary material.
    #[serde(rename = "D")]
    Derived,
    /// [2] secondary summary, not checked against the original.
    #[serde(rename = "2")]
    Secondary,
    /// [I] inferred: advice, not stated by any source.
    #[serde(rename = "I")]
    Inferred,
}

impl Evidence {
    /// Whether the law itself states it: such a rule can never be loosened by a profile.
    pub fn is_law(self) -> bool {
        matches!(self, Evidence::Stated | Evidence::Derived)
    }

    /// The label as the spec writes it: "[S]".
    pub fn tag(self) -> &'static str {
        match self {
            Evidence::Stated => "[S]",
            Evidence::Derived => "[D]",
            Evidence::Secondary => "[2]",
            Evidence::Inferred => "[I]",
        }
    }

    /// What the label means, in Vietnamese.
    pub fn label(self) -> &'static str {
        match self {
            Evidence::Stated => "quy định trực tiếp trong văn bản gốc",
            Evidence::Derived => "suy ra từ tài liệu gốc",
            Evidence::Secondary => "theo tài liệu thứ cấp, chưa đối chiếu bản gốc",
            Evidence::Inferred => "khuyến nghị, không có văn bản quy định",
        }
    }
}

/// How safe a rule's fix is (mức an toàn của sửa tự động).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum FixSafety {
    /// Pure typography (zero-padding, spacing, punctuation, font, size): applied by `--fix`.
    Safe,
    /// Applied only after the before/after diff is shown and accepted.
    Guarded,
    /// Wording, authority, names: shown as a suggestion, never applied.
    Suggest,
    /// No fix.
    None,
}

impl FixSafety {
    /// Vietnamese label (mức sửa).
    pub fn label(self) -> &'static str {
        match self {
            FixSafety::Safe => "sửa tự động (an toàn)",
            FixSafety::Guarded => "sửa sau khi xem trước",
            FixSafety::Suggest => "chỉ gợi ý, không tự sửa",
            FixSafety::None => "không có",
        }
    }
}

/// One rule of a rule set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Rule {
    /// Stable id, e.g. "ND30-302".
    pub id: String,
    /// The check that implements it (see [`super::rules::FAMILIES`]).
    pub check: String,
    /// Short title in Vietnamese.
    pub title: String,
    /// The element it concerns.
    pub element: Element,
    /// The clause cited, e.g. "NĐ 30/2020/NĐ-CP, Phụ lục I, mục II.3".
    pub clause: String,
    /// Evidence label from the spec.
    pub evidence: Evidence,
    /// Default severity.
    pub severity: Severity,
    /// What the rule asks, in a sentence or two (Vietnamese).
    pub doc: String,
    /// A wrong example.
    pub wrong: String,
    /// The right version of the same example.
    pub right: String,
    /// How safe the fix is.
    pub fix: FixSafety,
}

/// Conventions of a system that are not layout facts (punctuation, prefixes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Facts {
    /// What ends each recipient line but the last ("," or ";").
    pub recipients_separator: String,
    /// What begins the archive line ("Lưu:" state, "Lưu" Party).
    pub archive_prefix: String,
    /// Authority prefixes of the signature block ("TM.", "KT." or "T/M", "K/T").
    pub authority_prefixes: Vec<String>,
    /// The mark that ends the body ("./." or ".").
    pub closing_mark: String,
    /// Whether "Số" takes a colon.
    pub number_colon: bool,
    /// The mark under the issuing body: "line" (drawn line) or "star" ("*").
    pub issuer_mark: String,
    /// The mark under the trích yếu: "line" or "dashes" ("-----").
    pub subject_mark: String,
}

/// A versioned rule set (bộ quy tắc), e.g. "ND30-2020", "HD36-2018".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleSet {
    /// Id, e.g. "HD36-2018".
    pub id: String,
    /// Title, e.g. "Hướng dẫn 36-HD/VPTW ngày 03/4/2018".
    pub title: String,
    /// The system it applies to.
    pub system: System,
    /// Source of the law.
    pub source: String,
    /// Effective from (ISO date).
    pub effective_from: String,
    /// Effective until, if replaced.
    pub effective_to: Option<String>,
    /// Short name of the law for messages ("NĐ 30/2020/NĐ-CP"); the id when not given.
    pub short: String,
    /// What governed documents of its system signed before `effective_from` (văn bản áp dụng
    /// trước đó), e.g. "Thông tư 01/2011/TT-BNV"; `None` when the sources do not name it.
    pub preceded_by: Option<String>,
    /// Whether the primary text was verified (false for HD 05-2026: reported only).
    pub verified: bool,
    /// Whether this is the default set of its system.
    pub default: bool,
    /// Remarks shown with the set.
    pub note: Option<String>,
    /// The rule set this one extends ("HD36-2018" for HD05-2026).
    pub extends: Option<String>,
    /// Non-layout conventions.
    pub facts: Facts,
    /// Layout facts with this set's overrides applied.
    #[serde(skip)]
    pub layout: Layout,
    /// The rules, in id order.
    pub rules: Vec<Rule>,
}

const FILES: [&str; 3] = [
    include_str!("../rulesets/nd30-2020.toml"),
    include_str!("../rulesets/hd36-2018.toml"),
    include_str!("../rulesets/hd05-2026.toml"),
];

/// Every built-in rule set, loaded once.
pub fn rulesets() -> &'static [RuleSet] {
    static SETS: OnceLock<Vec<RuleSet>> = OnceLock::new();
    SETS.get_or_init(|| {
        let defs: Vec<&RuleDef> = rules::all().collect();
        build_rulesets(&defs, &FILES).expect("built-in rule sets are valid (checked by a test)")
    })
}

/// The style fact of `layout` named as in the rule-set files ("recipients_item").
pub fn style_of(l: &Layout, name: &str) -> Option<TextStyle> {
    let mut copy = l.clone();
    build::style_mut(&mut copy, name).copied()
}

/// Looks a rule set up by id ("HD05-2026"), ignoring case.
pub fn ruleset(id: &str) -> Option<&'static RuleSet> {
    rulesets().iter().find(|s| s.id.eq_ignore_ascii_case(id))
}

/// The default rule set of a system (ND30-2020 for state, HD36-2018 for Party).
pub fn default_ruleset(system: System) -> &'static RuleSet {
    rulesets()
        .iter()
        .find(|s| s.system == system && s.default)
        .expect("each system has a default rule set (checked by a test)")
}

/// The id `rule` has in the rule set `set` extends ("HD05-306" → "HD36-306"), so an office
/// profile written for HD 36 keeps applying when the office opts in to HD 05.
pub fn base_id(set: &RuleSet, rule: &str) -> Option<String> {
    let base = ruleset(set.extends.as_deref()?)?;
    let (_, n) = rule.split_once('-')?;
    let prefix = base.id.split('-').next()?;
    Some(format!("{prefix}-{n}"))
}

/// Finds a rule by id in any built-in rule set.
pub fn find_rule(id: &str) -> Option<(&'static RuleSet, &'static Rule)> {
    rulesets().iter().find_map(|s| {
        s.rules
            .iter()
            .find(|r| r.id.eq_ignore_ascii_case(id))
            .map(|r| (s, r))
    })
}
