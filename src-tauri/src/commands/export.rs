//! Export (xuất .docx): the draft rendered strictly, written atomically where the user chose
//! in the native save dialog. End-to-end builds may skip the dialog (`crate::hooks`).

use std::path::PathBuf;

use serde::Serialize;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;
use vanban::draft::Draft;

use crate::error::{AppError, AppResult, ErrorCode};
use crate::state::AppState;

/// What an export wrote.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ExportResult {
    /// The file written.
    pub path: String,
    /// Its size in bytes.
    pub bytes: usize,
}

/// A file name for the document: "Ke-hoach Trien khai ... .docx" keeps Vietnamese letters
/// but drops characters file systems refuse.
pub fn suggested_name(label: &str, subject: &str) -> String {
    let raw = if subject.trim().is_empty() {
        label.to_owned()
    } else {
        format!("{label} {}", subject.trim())
    };
    let clean: String = raw
        .chars()
        .map(|c| {
            if matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') || c.is_control() {
                ' '
            } else {
                c
            }
        })
        .collect();
    let squashed = clean.split_whitespace().collect::<Vec<_>>().join(" ");
    let short: String = squashed.chars().take(80).collect();
    format!("{}.docx", short.trim_end_matches('.'))
}

fn choose_path(app: &AppHandle, name: &str) -> AppResult<PathBuf> {
    if let Some(dir) = crate::hooks::dialog_stand_in(crate::hooks::Hook::SaveDir) {
        return Ok(dir.join(name));
    }
    let picked = app
        .dialog()
        .file()
        .set_title("Xuất văn bản .docx")
        .set_file_name(name)
        .add_filter("Văn bản Word", &["docx"])
        .blocking_save_file()
        .ok_or_else(|| AppError::new(ErrorCode::Cancelled, "Đã hủy xuất tệp."))?;
    let mut path = picked
        .into_path()
        .map_err(|e| AppError::new(ErrorCode::Io, format!("Đường dẫn không hợp lệ: {e}")))?;
    if path
        .extension()
        .is_none_or(|e| !e.eq_ignore_ascii_case("docx"))
    {
        path.set_extension("docx");
    }
    Ok(path)
}

/// Renders the draft, asks where to save (native dialog) and writes the .docx atomically;
/// the draft's current content is kept as a checkpoint in its history.
#[tauri::command]
pub async fn export_docx(
    app: AppHandle,
    state: State<'_, AppState>,
    id: i64,
    draft: Draft,
) -> AppResult<ExportResult> {
    let doc = draft.render(&state.templates)?;
    let bytes = vanban::docx::write_docx(&doc)
        .map_err(|e| AppError::new(ErrorCode::Export, format!("Không tạo được tệp .docx: {e}")))?;
    let label = state
        .templates
        .get(&draft.template)
        .map(|t| t.label.clone())
        .unwrap_or_default();
    let path = choose_path(&app, &suggested_name(&label, &draft.subject))?;
    vanban::fsutil::atomic_write(&path, &bytes).map_err(|e| AppError::io("ghi tệp .docx", &e))?;
    state.library().checkpoint_draft(id, &draft.to_toml())?;
    Ok(ExportResult {
        path: path.display().to_string(),
        bytes: bytes.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggested_names_are_safe_file_names() {
        assert_eq!(
            suggested_name("Kế hoạch", "Triển khai công tác: dân vận/2024."),
            "Kế hoạch Triển khai công tác dân vận 2024.docx"
        );
        assert_eq!(suggested_name("Chỉ thị", "  "), "Chỉ thị.docx");
        assert!(suggested_name("Báo cáo", &"x".repeat(300)).chars().count() <= 85);
    }
}
