//! Rendering a draft that is still being written: a missing required value does not stop
//! the preview; it is shown as "…" and reported against its field.

use serde::Serialize;

use crate::draft::{Draft, DraftError};
use crate::model::Document;
use crate::template::Templates;

/// Placeholder shown in the preview for a value still to be filled in.
pub const PLACEHOLDER: &str = "…";

/// A problem of the draft, tied to the field at fault (lỗi bản thảo).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DraftProblem {
    /// Path of the field, e.g. `fields.noi_dung`, `subject`, `signers[0].name`.
    pub field: String,
    /// What is wrong, in Vietnamese.
    pub message: String,
}

/// The outcome of a lenient render.
#[derive(Debug, Clone)]
pub struct Lenient {
    /// The document, with placeholders for missing values; `None` if the draft cannot be
    /// rendered at all (an unknown template, a markup error).
    pub document: Option<Document>,
    /// What is missing or wrong, in the order found.
    pub problems: Vec<DraftProblem>,
}

/// Renders `draft`, filling each missing required value with [`PLACEHOLDER`] and reporting it.
pub fn render_lenient(draft: &Draft, templates: &Templates) -> Lenient {
    let mut work = draft.clone();
    let mut problems = Vec::new();
    // Each round fills one missing value; a draft has far fewer fields than this bound.
    for _ in 0..64 {
        match work.render(templates) {
            Ok(document) => {
                return Lenient {
                    document: Some(document),
                    problems,
                }
            }
            Err(err) => {
                let field = field_of(&err);
                let message = match &err {
                    DraftError::Missing { label, .. } => format!("Chưa điền: {label}."),
                    other => other.to_string(),
                };
                problems.push(DraftProblem {
                    field: field.clone(),
                    message,
                });
                let patched = matches!(err, DraftError::Missing { .. }) && fill(&mut work, &field);
                if !patched {
                    return Lenient {
                        document: None,
                        problems,
                    };
                }
            }
        }
    }
    Lenient {
        document: None,
        problems,
    }
}

fn field_of(err: &DraftError) -> String {
    match err {
        DraftError::Missing { field, .. } | DraftError::Invalid { field, .. } => field.clone(),
        DraftError::Markup { field, .. } => format!("fields.{field}"),
        DraftError::Syntax(_) | DraftError::Template(_) | DraftError::TooLarge { .. } => {
            String::new()
        }
    }
}

/// Puts the placeholder in the field at `path`; false if the path is not one we can fill.
fn fill(d: &mut Draft, path: &str) -> bool {
    let p = || PLACEHOLDER.to_owned();
    if let Some(name) = path.strip_prefix("fields.") {
        d.fields.insert(name.to_owned(), p());
        return true;
    }
    let indexed = |prefix: &str| -> Option<(usize, String)> {
        let rest = path.strip_prefix(prefix)?.strip_prefix('[')?;
        let (i, tail) = rest.split_once(']')?;
        Some((i.parse().ok()?, tail.trim_start_matches('.').to_owned()))
    };
    match path {
        "place" => d.place = p(),
        "subject" => d.subject = p(),
        "recipients.archive" => d.recipients.archive = p(),
        "signers" => d.signers.push(crate::model::Signer {
            position: p(),
            name: p(),
            ..Default::default()
        }),
        "issuers" => d.issuers.push(crate::model::Issuer {
            name: p(),
            abbr: p(),
            ..Default::default()
        }),
        _ => {
            if let Some((i, tail)) = indexed("issuers") {
                let Some(issuer) = d.issuers.get_mut(i) else {
                    return false;
                };
                match tail.as_str() {
                    "name" => issuer.name = p(),
                    "abbr" => issuer.abbr = p(),
                    _ => return false,
                }
            } else if let Some((i, tail)) = indexed("signers") {
                let Some(signer) = d.signers.get_mut(i) else {
                    return false;
                };
                match tail.as_str() {
                    "name" => signer.name = p(),
                    "position" => signer.position = p(),
                    _ => return false,
                }
            } else {
                return false;
            }
        }
    }
    true
}
