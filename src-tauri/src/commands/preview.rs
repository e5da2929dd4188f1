//! Live preview and checking of the draft being edited.

use serde::Serialize;
use tauri::State;
use vanban::draft::Draft;
use vanban::preview::{self, DraftProblem, Preview};

use crate::state::AppState;

/// What the preview pane and the checking panel show for the current draft.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct PreviewResult {
    /// A4 pages of HTML; `None` if the draft cannot be rendered at all.
    pub preview: Option<Preview>,
    /// Missing or wrong values, each tied to its field.
    pub problems: Vec<DraftProblem>,
}

/// Renders the draft for the preview (missing values shown as "…") and lists its problems.
#[tauri::command]
pub fn preview_draft(state: State<'_, AppState>, draft: Draft) -> PreviewResult {
    let out = preview::render_lenient(&draft, &state.templates);
    PreviewResult {
        preview: out.document.as_ref().map(preview::render),
        problems: out.problems,
    }
}
