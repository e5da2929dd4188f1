//! Tauri commands: each one unpacks its arguments, calls the core and converts the result.

use serde::Serialize;

use crate::state::AppState;

/// Facts about the running app shown on the start screen.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct AppInfo {
    /// Version of the app.
    pub version: String,
    /// Where the data lives.
    pub data_dir: String,
}

/// Returns the app's version and data directory.
#[tauri::command]
pub fn app_info(state: tauri::State<'_, AppState>) -> AppInfo {
    AppInfo {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        data_dir: state.data_dir.display().to_string(),
    }
}
