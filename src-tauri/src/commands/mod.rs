//! Tauri commands: each one unpacks its arguments, calls the core and converts the result.
//! Grouped by what they serve: drafts, preview and checking, clauses, export.

pub mod batch;
pub mod check;
pub mod clauses;
pub mod drafts;
pub mod export;
pub mod issue;
pub mod library;
pub mod preview;

use std::sync::OnceLock;
use std::time::Instant;

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

static START: OnceLock<Instant> = OnceLock::new();

/// Records when the process started (first thing in `main`), for the start-up measurement.
pub fn mark_start() {
    START.get_or_init(Instant::now);
}

/// The UI calls this once its first screen is rendered and usable; returns the milliseconds
/// since the process started and, when `VANBAN_STARTUP_LOG` is set, prints them to stderr for
/// `bench/app_startup.sh`.
#[tauri::command]
pub fn ui_ready() -> u64 {
    let ms = START.get().map_or(0, |s| s.elapsed().as_millis() as u64);
    if std::env::var_os("VANBAN_STARTUP_LOG").is_some() {
        eprintln!("vanban-startup-ms {ms}");
    }
    ms
}
