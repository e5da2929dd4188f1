//! The checks behind the rules: one function per check key, reading only the
//! [`View`](super::view::View). A rule set maps its rule ids onto these keys.

mod common;
mod footer;
mod header;
mod number;
mod page;
mod text;
mod title;

pub use common::{is_line_text, is_upper, upper_key};
pub use footer::authority_of as footer_authority;
pub use header::{DANG, QUOC_HIEU, TIEU_NGU};
pub use number::{parse_date, parse_number};

use super::fix::Fix;
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
    /// Whether layout-level checks through LibreOffice may run.
    pub layout_engine: bool,
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

/// Every check, by key. Rule-set files refer to these keys; a test asserts each key used
/// by a rule exists here.
pub const CHECKS: &[(&str, CheckFn)] = &[
    ("page.size", page::size),
    ("page.margin_top", page::margin_top),
    ("page.margin_bottom", page::margin_bottom),
    ("page.margin_left", page::margin_left),
    ("page.margin_right", page::margin_right),
    ("font.family", text::font_family),
    ("unicode.nfc", text::nfc),
    ("unicode.double_space", text::double_space),
    ("unicode.quotes", text::quotes),
    ("header.mixed", header::mixed),
    ("quoc_hieu.present", header::quoc_hieu_present),
    ("quoc_hieu.text", header::quoc_hieu_text),
    ("quoc_hieu.format", header::quoc_hieu_format),
    ("tieu_ngu.present", header::tieu_ngu_present),
    ("tieu_ngu.dash", header::tieu_ngu_dash),
    ("tieu_ngu.format", header::tieu_ngu_format),
    ("tieu_ngu.line", header::tieu_ngu_line),
    ("dang.present", header::dang_present),
    ("dang.format", header::dang_format),
    ("dang.line", header::dang_line),
    ("co_quan.present", header::issuer_present),
    ("co_quan.format", header::issuer_format),
    ("co_quan.superior_format", header::superior_format),
    ("co_quan.mark", header::issuer_mark),
    ("so.present", number::present),
    ("so.form", number::form),
    ("so.zero", number::zero),
    ("so.type_match", number::type_match),
    ("so.party_alt", number::party_alt),
    ("so.format", number::format),
    ("date.present", number::date_present),
    ("date.form", number::date_form),
    ("date.zero", number::date_zero),
    ("date.valid", number::date_valid),
    ("date.format", number::date_format),
    ("ten_loai.present", title::type_present),
    ("ten_loai.format", title::type_format),
    ("trich_yeu.present", title::subject_present),
    ("trich_yeu.format", title::subject_format),
    ("trich_yeu.mark", title::subject_mark),
    ("body.size", title::body_size),
    ("body.indent", title::body_indent),
    ("body.spacing", title::body_spacing),
    ("body.line_spacing", title::body_line_spacing),
    ("body.align", title::body_align),
    ("body.closing", title::body_closing),
    ("body.article_number", title::article_number),
    ("sig.present", footer::sig_present),
    ("sig.authority", footer::sig_authority),
    ("sig.name", footer::sig_name),
    ("sig.format", footer::sig_format),
    ("sig.no_title", footer::sig_no_title),
    ("nn.present", footer::nn_present),
    ("nn.heading", footer::nn_heading),
    ("nn.items", footer::nn_items),
    ("nn.last", footer::nn_last),
    ("nn.archive", footer::nn_archive),
    ("nn.format", footer::nn_format),
    ("page_no.first_page", page::number_first_page),
    ("page_no.position", page::number_position),
    ("page_no.format", page::number_format),
    ("pagination.keep", page::keep_together),
    ("pagination.layout", page::layout_split),
];

/// The check for `key`.
pub fn check(key: &str) -> Option<CheckFn> {
    CHECKS.iter().find(|(k, _)| *k == key).map(|(_, f)| *f)
}
