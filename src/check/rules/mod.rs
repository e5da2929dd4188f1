//! The rules (quy tắc), as ruff writes them: one file per rule family holding its check
//! functions, which read only the [`View`](super::view::View), and each rule's metadata
//! ([`RuleDef`]: code, title, clause, evidence, severity, doc, examples, fix) written once.
//! Rule sets (`rulesets/*.toml`) select these rules and tune parameters.

mod basis;
mod body;
mod common;
mod date;
mod def;
mod doc_type;
mod font;
mod issuer;
mod margins;
mod mixed_header;
mod motto;
mod national_title;
mod number;
mod page_number;
mod page_size;
mod pagination;
mod party_title;
mod recipients;
mod signature;
mod subject;
mod unicode;

pub use common::{is_line_text, is_upper, upper_key};
pub use date::parse_date;
pub use def::{Per, RuleDef};
pub use motto::TIEU_NGU;
pub use national_title::QUOC_HIEU;
pub use number::parse_number;
pub use party_title::DANG;
pub use signature::authority_of as footer_authority;

use super::fix::Fix;
use super::layout_engine::PageLayoutEngine;
use super::registry::{Facts, RuleSet};
use super::view::View;
use crate::layout::Layout;
use crate::model::System;

/// What a check sees: the view, the rule set, its layout facts and conventions.
pub struct Ctx<'a> {
    /// The document.
    pub view: &'a View,
    /// The rule set in force.
    pub set: &'a RuleSet,
    /// Layout facts (with the rule set's overrides).
    pub layout: &'a Layout,
    /// Non-layout conventions.
    pub facts: &'a Facts,
    /// The system judged.
    pub system: System,
    /// The page layout engine (máy dàn trang) for layout-level checks, when the caller
    /// provides one.
    pub layout_engine: Option<&'a dyn PageLayoutEngine>,
    /// The file's bytes (.docx only), for layout-level checks.
    pub bytes: Option<&'a [u8]>,
}

/// One fault found by a check.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Position in [`View::paras`], if the fault sits in a paragraph.
    pub para: Option<usize>,
    /// Message in Vietnamese.
    pub message: String,
    /// Proposed fix.
    pub fix: Option<Fix>,
}

impl Finding {
    /// A finding at paragraph position `para`.
    pub fn at(para: usize, message: impl Into<String>) -> Self {
        Finding {
            para: Some(para),
            message: message.into(),
            fix: None,
        }
    }

    /// A finding about the whole document.
    pub fn doc(message: impl Into<String>) -> Self {
        Finding {
            para: None,
            message: message.into(),
            fix: None,
        }
    }

    /// Adds a fix.
    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }
}

/// The result of one check on one document.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Evaluated; an empty list means passed.
    Checked(Vec<Finding>),
    /// The rule does not apply here (e.g. tên loại of a công văn); counts as evaluated.
    NotApplicable,
    /// Could not be evaluated (reason in Vietnamese); never shown as passed.
    NotEvaluated(String),
    /// Needs a person to decide (reason, paragraph).
    Review(String, Option<usize>),
}

impl Outcome {
    /// Passed.
    pub fn pass() -> Self {
        Outcome::Checked(Vec::new())
    }
}

/// A check implementation.
pub type CheckFn = fn(&Ctx) -> Outcome;

/// Every rule, family by family: the one list the registry collects rules from. A rule file
/// adds a rule to its own `RULES`; nothing else lists it.
pub const FAMILIES: &[&[RuleDef]] = &[
    page_size::RULES,
    margins::RULES,
    font::RULES,
    unicode::RULES,
    mixed_header::RULES,
    national_title::RULES,
    motto::RULES,
    party_title::RULES,
    issuer::RULES,
    number::RULES,
    date::RULES,
    doc_type::RULES,
    subject::RULES,
    body::RULES,
    basis::RULES,
    signature::RULES,
    recipients::RULES,
    page_number::RULES,
    pagination::RULES,
];

/// Every rule definition, in the order of [`FAMILIES`].
pub fn all() -> impl Iterator<Item = &'static RuleDef> {
    FAMILIES.iter().flat_map(|f| f.iter())
}

/// The check for `key` ("page.size").
pub fn check(key: &str) -> Option<CheckFn> {
    all().find(|r| r.check == key).map(|r| r.run)
}
