//! The rule registry (danh mục quy tắc): rule sets are versioned data about the law.
//!
//! Each rule set (`rulesets/*.toml`, embedded at build time) says which system it applies
//! to, its source and effective dates, a few non-layout conventions (`[facts]`) and, per
//! rule, a stable id, title, the clause it implements, the evidence label of the spec,
//! severity, a wrong and a right example, and which check implements it. A later rule set
//! (HD 05-2026) `extends` an earlier one and overrides only what changed. Sizes, margins,
//! fonts and abbreviations are never in these files: they come from [`crate::layout`],
//! which a rule set may override fact by fact (`[layout]`), never copy.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::view::Element;
use crate::layout::{self, HalfPoints, Layout, TextStyle};
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

/// One rule of a rule set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Rule {
    /// Stable id, e.g. "ND30-302".
    pub id: String,
    /// The check that implements it (see [`super::rules::CHECKS`]).
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
    #[serde(default = "no_fix")]
    pub fix: FixSafety,
}

fn no_fix() -> FixSafety {
    FixSafety::None
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

#[derive(Debug, Clone, Deserialize)]
struct FactsPatch {
    recipients_separator: Option<String>,
    archive_prefix: Option<String>,
    authority_prefixes: Option<Vec<String>>,
    closing_mark: Option<String>,
    number_colon: Option<bool>,
    issuer_mark: Option<String>,
    subject_mark: Option<String>,
}

/// Override of one layout style fact (only the fields given change).
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
struct StylePatch {
    min_pt: Option<u16>,
    max_pt: Option<u16>,
    bold: Option<bool>,
    italic: Option<bool>,
    underline: Option<bool>,
}

#[derive(Debug, Clone, Deserialize)]
struct RuleSetFile {
    id: String,
    title: String,
    system: System,
    source: String,
    effective_from: String,
    #[serde(default)]
    effective_to: Option<String>,
    #[serde(default)]
    short: Option<String>,
    #[serde(default)]
    preceded_by: Option<String>,
    #[serde(default)]
    verified: bool,
    #[serde(default)]
    default: bool,
    #[serde(default)]
    extends: Option<String>,
    #[serde(default)]
    prefix: Option<String>,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    facts: Option<FactsPatch>,
    #[serde(default)]
    layout: BTreeMap<String, StylePatch>,
    #[serde(default)]
    rule: Vec<Rule>,
    #[serde(default)]
    remove: Vec<String>,
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
    include_str!("rulesets/nd30-2020.toml"),
    include_str!("rulesets/hd36-2018.toml"),
    include_str!("rulesets/hd05-2026.toml"),
];

/// Every built-in rule set, loaded once.
pub fn rulesets() -> &'static [RuleSet] {
    static SETS: OnceLock<Vec<RuleSet>> = OnceLock::new();
    SETS.get_or_init(|| {
        let files: Vec<RuleSetFile> = FILES
            .iter()
            .map(|f| toml::from_str(f).expect("built-in rule sets are valid (checked by a test)"))
            .collect();
        let mut out: Vec<RuleSet> = Vec::new();
        for f in files {
            let base = f
                .extends
                .as_deref()
                .and_then(|id| out.iter().find(|s| s.id == id).cloned());
            out.push(build(f, base));
        }
        out
    })
}

fn build(f: RuleSetFile, base: Option<RuleSet>) -> RuleSet {
    let mut facts = base
        .as_ref()
        .map_or_else(|| default_facts(f.system), |b| b.facts.clone());
    if let Some(p) = f.facts {
        if let Some(v) = p.recipients_separator {
            facts.recipients_separator = v;
        }
        if let Some(v) = p.archive_prefix {
            facts.archive_prefix = v;
        }
        if let Some(v) = p.authority_prefixes {
            facts.authority_prefixes = v;
        }
        if let Some(v) = p.closing_mark {
            facts.closing_mark = v;
        }
        if let Some(v) = p.number_colon {
            facts.number_colon = v;
        }
        if let Some(v) = p.issuer_mark {
            facts.issuer_mark = v;
        }
        if let Some(v) = p.subject_mark {
            facts.subject_mark = v;
        }
    }
    let mut lay = base
        .as_ref()
        .map_or_else(|| layout::layout(f.system).clone(), |b| b.layout.clone());
    for (name, patch) in &f.layout {
        if let Some(style) = style_mut(&mut lay, name) {
            apply_patch(style, patch);
        }
    }
    let mut rules: Vec<Rule> = match (&base, &f.prefix) {
        (Some(b), Some(prefix)) => b
            .rules
            .iter()
            .map(|r| {
                let mut r = r.clone();
                if let Some((_, n)) = r.id.split_once('-') {
                    r.id = format!("{prefix}-{n}");
                }
                r
            })
            .collect(),
        (Some(b), None) => b.rules.clone(),
        _ => Vec::new(),
    };
    rules.retain(|r| !f.remove.iter().any(|x| x == &r.id));
    for r in f.rule {
        if let Some(old) = rules.iter_mut().find(|o| o.id == r.id) {
            *old = r;
        } else {
            rules.push(r);
        }
    }
    rules.sort_by(|a, b| a.id.cmp(&b.id));
    let short = f.short.unwrap_or_else(|| f.id.clone());
    RuleSet {
        id: f.id,
        title: f.title,
        system: f.system,
        source: f.source,
        effective_from: f.effective_from,
        effective_to: f.effective_to,
        short,
        preceded_by: f.preceded_by,
        verified: f.verified,
        default: f.default,
        note: f.note,
        extends: f.extends,
        facts,
        layout: lay,
        rules,
    }
}

fn default_facts(system: System) -> Facts {
    let strs = |v: &[&str]| v.iter().map(|s| (*s).to_string()).collect();
    match system {
        System::State => Facts {
            recipients_separator: ";".into(),
            archive_prefix: "Lưu:".into(),
            authority_prefixes: strs(&["TM.", "KT.", "TL.", "TUQ.", "Q."]),
            closing_mark: "./.".into(),
            number_colon: true,
            issuer_mark: "line".into(),
            subject_mark: "line".into(),
        },
        System::Party => Facts {
            recipients_separator: ",".into(),
            archive_prefix: "Lưu".into(),
            authority_prefixes: strs(&["T/M", "K/T", "T/L", "Q."]),
            closing_mark: "./.".into(),
            number_colon: false,
            issuer_mark: "star".into(),
            subject_mark: "dashes".into(),
        },
    }
}

/// The style fact of `layout` named as in the rule-set files ("recipients_item").
pub fn style_of(l: &Layout, name: &str) -> Option<TextStyle> {
    let mut copy = l.clone();
    style_mut(&mut copy, name).copied()
}

fn style_mut<'a>(l: &'a mut Layout, name: &str) -> Option<&'a mut TextStyle> {
    Some(match name {
        "national_title" => &mut l.national_title,
        "motto" => &mut l.motto,
        "superior_body" => &mut l.superior_body,
        "issuing_body" => &mut l.issuing_body,
        "number" => &mut l.number,
        "place_date" => &mut l.place_date,
        "doc_type_name" => &mut l.doc_type_name,
        "subject" => &mut l.subject,
        "body" => &mut l.body,
        "signer_authority" => &mut l.signer_authority,
        "signer_position" => &mut l.signer_position,
        "signer_name" => &mut l.signer_name,
        "recipients_heading" => &mut l.recipients_heading,
        "recipients_item" => &mut l.recipients_item,
        "page_number" => &mut l.page_number,
        _ => return None,
    })
}

fn apply_patch(s: &mut TextStyle, p: &StylePatch) {
    if let Some(v) = p.min_pt {
        s.size.min = HalfPoints::pt(v);
    }
    if let Some(v) = p.max_pt {
        s.size.max = HalfPoints::pt(v);
    }
    if !s.size.contains(s.size.preferred) {
        s.size.preferred = s.size.min;
    }
    if let Some(v) = p.bold {
        s.bold = v;
    }
    if let Some(v) = p.italic {
        s.italic = v;
    }
    if let Some(v) = p.underline {
        s.underline = v;
    }
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
