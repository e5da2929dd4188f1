//! Live preview and checking of the draft being edited.

use serde::Serialize;
use tauri::State;
use vanban::draft::Draft;
use vanban::preview::{self, DraftProblem, Preview};

use super::check::{check_view, CheckView};
use crate::state::AppState;

/// What the preview pane and the checking panel show for the current draft.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct PreviewResult {
    /// A4 pages of HTML; `None` if the draft cannot be rendered at all.
    pub preview: Option<Preview>,
    /// Missing or wrong values, each tied to its field.
    pub problems: Vec<DraftProblem>,
    /// The checker's findings on the rendered document (`None` if it could not render).
    pub check: Option<CheckView>,
}

/// Renders the draft for the preview (missing values shown as "…") and lists its problems.
#[tauri::command]
pub fn preview_draft(state: State<'_, AppState>, draft: Draft) -> PreviewResult {
    let out = preview::render_lenient(&draft, &state.templates);
    // Check only a complete draft: placeholders would be reported as faults of their own.
    let check = out
        .document
        .as_ref()
        .filter(|_| out.problems.is_empty())
        .and_then(|doc| {
            vanban::check::check_document(doc, "bản thảo", &vanban::check::CheckOptions::default())
                .ok()
                .map(|r| check_view(&r))
        });
    PreviewResult {
        preview: out.document.as_ref().map(preview::render),
        problems: out.problems,
        check,
    }
}
