//! Tauri commands: each one unpacks its arguments, calls the core and converts the result.
//! Grouped by what they serve: drafts, preview and checking, clauses, export.

pub mod check;
pub mod clauses;
pub mod drafts;
pub mod export;
pub mod issue;
pub mod preview;

use serde::Serialize;
use tauri::State;
use vanban::template::TemplateDef;

use crate::state::AppState;

/// Facts about the running app shown on the start screen.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct AppInfo {
    /// Version of the app.
    pub version: String,
    /// Where the data lives.
    pub data_dir: String,
    /// The draft that was open when the app stopped without closing it (crash recovery).
    pub recovered_draft: Option<i64>,
}

/// Returns the app's version, data directory and the draft to recover, if any.
#[tauri::command]
pub fn app_info(state: State<'_, AppState>) -> AppInfo {
    AppInfo {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        data_dir: state.data_dir.display().to_string(),
        recovered_draft: state.open_draft(),
    }
}

/// The document types the start screen offers (from `templates/`, so a new template shows
/// up with no code change).
#[tauri::command]
pub fn list_templates(state: State<'_, AppState>) -> Vec<TemplateDef> {
    state.templates.list().to_vec()
}
