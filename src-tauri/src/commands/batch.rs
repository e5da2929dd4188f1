//! Checking a whole folder (kiểm tra cả thư mục), as `vanban check THƯ_MỤC/` does: the user
//! picks a folder, the core's `check_dir` runs on a background thread and reports progress
//! to the window, the summary comes back, and the report is saved as HTML or CSV.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::Serialize;
use tauri::{AppHandle, Emitter, State, Window};
use tauri_plugin_dialog::DialogExt;
use vanban::check::batch::{check_dir, Batch, Progress};
use vanban::check::batch_report::{self, BatchSummary, ReportFormat};
use vanban::check::CheckOptions;

use crate::error::{AppError, AppResult, ErrorCode};

/// The event the window receives before each file is checked.
pub const PROGRESS_EVENT: &str = "batch-progress";

/// Progress of a folder check (tiến độ), sent as [`PROGRESS_EVENT`].
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct BatchProgress {
    /// Files already checked.
    pub done: usize,
    /// Files in the folder.
    pub total: usize,
    /// The file being checked now, relative to the folder.
    pub name: String,
}

/// The last folder checked and when, for saving its report.
#[derive(Default)]
pub struct LastBatch(Mutex<Option<(Batch, String)>>);

impl LastBatch {
    fn lock(&self) -> std::sync::MutexGuard<'_, Option<(Batch, String)>> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

fn pick_folder(app: &AppHandle) -> AppResult<PathBuf> {
    if let Some(p) = crate::hooks::dialog_stand_in(crate::hooks::Hook::OpenDir) {
        return Ok(p);
    }
    app.dialog()
        .file()
        .set_title("Chọn thư mục có các văn bản .docx cần kiểm tra")
        .blocking_pick_folder()
        .ok_or_else(|| AppError::new(ErrorCode::Cancelled, "Đã hủy."))?
        .into_path()
        .map_err(|e| AppError::new(ErrorCode::Io, format!("Đường dẫn không hợp lệ: {e}")))
}

/// Asks for a folder (native dialog; a test hook in e2e builds), checks every .docx
/// under it on a background thread, sending [`BatchProgress`] events to the window, and
/// returns the summary. A file that cannot be read is a row with its reason, not an error.
#[tauri::command]
pub async fn batch_check(
    app: AppHandle,
    window: Window,
    last: State<'_, LastBatch>,
) -> AppResult<BatchSummary> {
    let dir = pick_folder(&app)?;
    let batch = tauri::async_runtime::spawn_blocking(move || {
        check_dir(&dir, &CheckOptions::default(), |p: Progress| {
            // A window that closed mid-way does not stop the check.
            let _ = window.emit(
                PROGRESS_EVENT,
                BatchProgress {
                    done: p.index - 1,
                    total: p.total,
                    name: p.name.to_owned(),
                },
            );
        })
    })
    .await
    .map_err(|e| {
        AppError::new(
            ErrorCode::Internal,
            format!("Việc kiểm tra bị dừng đột ngột: {e}"),
        )
    })?
    .map_err(|e| AppError::new(ErrorCode::Io, format!("Không kiểm tra được: {e}")))?;
    let summary = batch_report::summary(&batch);
    let when = chrono::Local::now().format("%H:%M %d/%m/%Y").to_string();
    *last.lock() = Some((batch, when));
    Ok(summary)
}

/// The file the report goes to: the save dialog (a test hook in e2e builds), offering
/// `format` first; a name without an extension gets `format`'s.
fn report_path(app: &AppHandle, dir: &Path, format: ReportFormat) -> AppResult<PathBuf> {
    let folder = dir
        .file_name()
        .map_or_else(|| "thu-muc".into(), |n| n.to_string_lossy().into_owned());
    let name = format!("Báo cáo kiểm tra {folder}.{}", format.extension());
    let path = match crate::hooks::dialog_stand_in(crate::hooks::Hook::SaveDir) {
        Some(d) => d.join(&name),
        None => {
            let html: (&str, &[&str]) = ("Trang web (HTML)", &["html", "htm"]);
            let csv: (&str, &[&str]) = ("Bảng tính Excel (CSV)", &["csv"]);
            let filters = match format {
                ReportFormat::Html => [html, csv],
                ReportFormat::Csv => [csv, html],
            };
            let mut d = app
                .dialog()
                .file()
                .set_title("Lưu báo cáo kiểm tra")
                .set_file_name(&name)
                .set_directory(dir);
            for (label, exts) in filters {
                d = d.add_filter(label, exts);
            }
            d.blocking_save_file()
                .ok_or_else(|| AppError::new(ErrorCode::Cancelled, "Đã hủy."))?
                .into_path()
                .map_err(|e| AppError::new(ErrorCode::Io, format!("Đường dẫn không hợp lệ: {e}")))?
        }
    };
    Ok(if path.extension().is_none() {
        path.with_extension(format.extension())
    } else {
        path
    })
}

/// Saves the report of the last folder checked, as HTML or CSV according to the extension of
/// the name chosen in the save dialog (`format` is the one offered first). Returns the path.
#[tauri::command]
pub async fn batch_save_report(
    app: AppHandle,
    last: State<'_, LastBatch>,
    format: ReportFormat,
) -> AppResult<String> {
    let dir = last
        .lock()
        .as_ref()
        .map(|(b, _)| b.dir.clone())
        .ok_or_else(|| AppError::new(ErrorCode::Batch, "Chưa kiểm tra thư mục nào."))?;
    let path = report_path(&app, &dir, format)?;
    let format = ReportFormat::for_path(&path).ok_or_else(|| {
        AppError::new(
            ErrorCode::Io,
            "Báo cáo chỉ lưu được thành tệp .html hoặc .csv: hãy đặt tên tệp có một trong hai đuôi đó.",
        )
    })?;
    let bytes = {
        let guard = last.lock();
        let (batch, when) = guard
            .as_ref()
            .ok_or_else(|| AppError::new(ErrorCode::Batch, "Chưa kiểm tra thư mục nào."))?;
        batch_report::render(batch, format, when)
    };
    vanban::fsutil::atomic_write(&path, &bytes).map_err(|e| AppError::io("ghi báo cáo", &e))?;
    Ok(path.display().to_string())
}
