//! Fixes (sửa lỗi): what a rule proposes, graded by safety, and how safe fixes become edits
//! of a .docx. A signed or protected file is never changed.

use serde::{Deserialize, Serialize};

use super::registry::FixSafety;
use crate::layout::{HalfPoints, Twips};

/// One mechanical change to a .docx, addressed by global paragraph index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Edit {
    /// Replace the first occurrence of `find` in the paragraph's text.
    ReplaceText {
        /// Global paragraph index.
        paragraph: usize,
        /// Text to find.
        find: String,
        /// Replacement.
        replace: String,
    },
    /// Set run properties on every run of the paragraph.
    RunProps {
        /// Global paragraph index.
        paragraph: usize,
        /// Font family.
        #[serde(skip_serializing_if = "Option::is_none")]
        font: Option<String>,
        /// Size.
        #[serde(skip_serializing_if = "Option::is_none")]
        size: Option<HalfPoints>,
        /// Bold.
        #[serde(skip_serializing_if = "Option::is_none")]
        bold: Option<bool>,
        /// Italic.
        #[serde(skip_serializing_if = "Option::is_none")]
        italic: Option<bool>,
        /// Underline.
        #[serde(skip_serializing_if = "Option::is_none")]
        underline: Option<bool>,
    },
    /// Set "keep with next" on a paragraph.
    KeepNext {
        /// Global paragraph index.
        paragraph: usize,
    },
    /// Set page margins of every section (only the given ones change).
    Margins {
        /// Top.
        #[serde(skip_serializing_if = "Option::is_none")]
        top: Option<Twips>,
        /// Bottom.
        #[serde(skip_serializing_if = "Option::is_none")]
        bottom: Option<Twips>,
        /// Left.
        #[serde(skip_serializing_if = "Option::is_none")]
        left: Option<Twips>,
        /// Right.
        #[serde(skip_serializing_if = "Option::is_none")]
        right: Option<Twips>,
    },
    /// Set the paper size (A4 portrait).
    PageSize {
        /// Width.
        width: Twips,
        /// Height.
        height: Twips,
    },
    /// Turn on "different first page" so page 1 shows no number.
    TitlePage,
}

/// A proposed fix: what it does for people, and the edits for the machine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fix {
    /// How safe it is to apply.
    pub safety: FixSafety,
    /// What it does, in Vietnamese ("ngày 5" → "ngày 05").
    pub title: String,
    /// Text before, when the fix changes text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before: Option<String>,
    /// Text after.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
    /// Edits that carry it out; empty for a suggestion.
    #[serde(skip)]
    pub edits: Vec<Edit>,
}

impl Fix {
    /// A text replacement inside one paragraph.
    pub fn replace(safety: FixSafety, paragraph: usize, find: &str, replace: &str) -> Self {
        Fix {
            safety,
            title: format!("«{find}» → «{replace}»"),
            before: Some(find.to_string()),
            after: Some(replace.to_string()),
            edits: vec![Edit::ReplaceText {
                paragraph,
                find: find.to_string(),
                replace: replace.to_string(),
            }],
        }
    }

    /// A suggestion only: never applied.
    pub fn suggest(title: impl Into<String>) -> Self {
        Fix {
            safety: FixSafety::Suggest,
            title: title.into(),
            before: None,
            after: None,
            edits: Vec::new(),
        }
    }

    /// The same fix offered as a suggestion only (its edits dropped): for an element the
    /// checker is not sure it read right.
    pub fn demoted(self) -> Self {
        Fix {
            safety: FixSafety::Suggest,
            edits: Vec::new(),
            ..self
        }
    }

    /// A formatting change (safe).
    pub fn edit(title: impl Into<String>, edit: Edit) -> Self {
        Fix {
            safety: FixSafety::Safe,
            title: title.into(),
            before: None,
            after: None,
            edits: vec![edit],
        }
    }
}
