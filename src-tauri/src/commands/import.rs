//! Import (mở văn bản Word): any .docx read into a new draft of the library, with the report
//! of what did not map onto the form (`vanban::import`).

use serde::Serialize;
use tauri::{AppHandle, State};
use vanban::import::{import_docx, ImportReport};

use crate::commands::check::{pick_docx, read_docx_file};
use crate::commands::drafts::{self, OpenDraft};
use crate::error::AppResult;
use crate::state::AppState;

/// A Word document opened as a new draft, with its import report.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ImportResult {
    /// The new draft, open in the editor.
    pub opened: OpenDraft,
    /// The file's name.
    pub file: String,
    /// What did not map exactly, with its place in the original.
    pub report: ImportReport,
}

/// Asks for a .docx (native open dialog; a test hook in e2e builds), imports it and stores it
/// as a new draft.
#[tauri::command]
pub async fn import_word(app: AppHandle, state: State<'_, AppState>) -> AppResult<ImportResult> {
    let path = pick_docx(&app, "Mở văn bản Word thành bản thảo")?;
    let imported = import_docx(&read_docx_file(&path)?, &state.templates)?;
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(ImportResult {
        opened: drafts::create(&state, &imported.draft, None)?,
        file,
        report: imported.report,
    })
}
