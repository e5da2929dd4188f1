//! Checking (kiểm tra thể thức): the checker's findings as the UI shows them, for the draft
//! being edited and for any .docx opened in reviewer mode.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::Serialize;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;
use vanban::check::registry::{FixSafety, Severity};
use vanban::check::report::{Diagnostic, Report, Status};
use vanban::check::view::Element;
use vanban::check::{apply_fixes, check_docx, CheckOptions};

use vanban::normalize::normalize_docx;

use crate::commands::drafts::OpenDraft;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::state::AppState;

/// A proposed fix as the UI shows it (sửa lỗi).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct FixView {
    /// What it does, in Vietnamese.
    pub title: String,
    /// How safe it is to apply.
    pub safety: FixSafety,
    /// Text before, when the fix changes text.
    pub before: Option<String>,
    /// Text after.
    pub after: Option<String>,
    /// Whether one click can apply it (safe or guarded, with edits).
    pub applicable: bool,
}

/// One finding of the checker (lỗi thể thức).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct DiagnosticView {
    /// Index in the report, to ask for this finding's fix.
    pub index: usize,
    /// Rule id ("ND30-303").
    pub rule: String,
    /// Error or warning.
    pub severity: Severity,
    /// Element (`so_ky_hieu`, `noi_nhan` ...).
    pub element: Element,
    /// Element name in Vietnamese.
    pub element_label: String,
    /// What is wrong, in Vietnamese.
    pub message: String,
    /// The clause of the law the rule implements.
    pub clause: String,
    /// A person must decide.
    pub needs_review: bool,
    /// The fix, if any.
    pub fix: Option<FixView>,
    /// Draft field at fault (drafts only).
    pub field: Option<String>,
}

/// The findings of one element, for the reviewer's grouped view.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ElementGroup {
    /// The element.
    pub element: Element,
    /// Element name in Vietnamese.
    pub label: String,
    /// Whether it passed, failed, needs review ...
    pub status: Status,
    /// Its findings.
    pub diagnostics: Vec<DiagnosticView>,
}

/// A checker report for the UI.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct CheckView {
    /// File name checked.
    pub file: String,
    /// Rule set applied ("ND30-2020").
    pub ruleset: String,
    /// Number of errors.
    pub errors: usize,
    /// Number of warnings.
    pub warnings: usize,
    /// Coverage line, e.g. "41 trên 47 quy tắc được đánh giá".
    pub coverage: String,
    /// All findings, in document order.
    pub diagnostics: Vec<DiagnosticView>,
    /// Findings grouped by element, in the report's element order.
    pub groups: Vec<ElementGroup>,
    /// Signed or protected: checked, never changed.
    pub read_only: bool,
}

fn diagnostic_view(index: usize, d: &Diagnostic) -> DiagnosticView {
    DiagnosticView {
        index,
        rule: d.rule.clone(),
        severity: d.severity,
        element: d.element,
        element_label: d.element.label().to_owned(),
        message: d.message.clone(),
        clause: d.clause.clone(),
        needs_review: d.needs_review,
        fix: d.fix.as_ref().map(|f| FixView {
            title: f.title.clone(),
            applicable: matches!(f.safety, FixSafety::Safe | FixSafety::Guarded)
                && (f.before.is_some() || !f.edits.is_empty()),
            safety: f.safety,
            before: f.before.clone(),
            after: f.after.clone(),
        }),
        field: d.location.field.clone(),
    }
}

/// Converts a checker report for the UI.
pub fn check_view(r: &Report) -> CheckView {
    let diagnostics: Vec<DiagnosticView> = r
        .diagnostics
        .iter()
        .enumerate()
        .map(|(i, d)| diagnostic_view(i, d))
        .collect();
    let groups = Element::ALL
        .iter()
        .map(|&e| {
            // An element no rule of this rule set is about (the Party heading under NĐ 30,
            // the Quốc hiệu under HD 36) is not applicable, not a gap in the evaluation.
            let status = r
                .elements
                .iter()
                .find(|x| x.element == e)
                .map_or(Status::NotApplicable, |x| x.status);
            ElementGroup {
                label: e.label().to_owned(),
                status,
                diagnostics: diagnostics
                    .iter()
                    .filter(|d| d.element == e)
                    .cloned()
                    .collect(),
                element: e,
            }
        })
        .collect();
    CheckView {
        file: r.file.clone(),
        ruleset: r.ruleset.clone(),
        errors: r.errors,
        warnings: r.warnings,
        coverage: format!(
            "{} trên {} quy tắc được đánh giá",
            r.coverage.evaluated, r.coverage.total
        ),
        diagnostics,
        groups,
        read_only: r.protected || r.signed,
    }
}

/// The .docx open in reviewer mode.
pub struct ReviewSession {
    path: PathBuf,
    bytes: Vec<u8>,
    report: Report,
    changed: bool,
    /// The draft the last "Chuẩn hóa thể thức" read the file into.
    normalized: Option<vanban::draft::Draft>,
}

/// Reviewer mode state: at most one open file.
#[derive(Default)]
pub struct Review(Mutex<Option<ReviewSession>>);

impl Review {
    fn lock(&self) -> std::sync::MutexGuard<'_, Option<ReviewSession>> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// Largest .docx reviewer mode reads (the reader has its own zip limits on top).
const MAX_FILE: u64 = 64 * 1024 * 1024;

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn check_bytes(bytes: &[u8], path: &Path) -> AppResult<Report> {
    check_docx(bytes, &file_name(path), &CheckOptions::default()).map_err(|e| {
        AppError::new(
            ErrorCode::Check,
            format!("Không kiểm tra được \"{}\": {e}", file_name(path)),
        )
    })
}

/// The .docx the user picks in the native open dialog titled `title` (or the test hook's file
/// in e2e builds).
pub fn pick_docx(app: &AppHandle, title: &str) -> AppResult<PathBuf> {
    if let Some(p) = crate::hooks::dialog_stand_in(crate::hooks::Hook::OpenFile) {
        return Ok(p);
    }
    app.dialog()
        .file()
        .set_title(title)
        .add_filter("Văn bản Word", &["docx"])
        .blocking_pick_file()
        .ok_or_else(|| AppError::new(ErrorCode::Cancelled, "Đã hủy."))?
        .into_path()
        .map_err(|e| AppError::new(ErrorCode::Io, format!("Đường dẫn không hợp lệ: {e}")))
}

/// Reads a .docx the user chose, refusing one larger than [`MAX_FILE`].
pub fn read_docx_file(path: &Path) -> AppResult<Vec<u8>> {
    let size = std::fs::metadata(path)
        .map_err(|e| AppError::io(&format!("đọc \"{}\"", file_name(path)), &e))?
        .len();
    if size > MAX_FILE {
        return Err(AppError::new(
            ErrorCode::Io,
            format!(
                "Tệp \"{}\" quá lớn ({} MB).",
                file_name(path),
                size / 1_048_576
            ),
        ));
    }
    std::fs::read(path).map_err(|e| AppError::io(&format!("đọc \"{}\"", file_name(path)), &e))
}

/// Opens a .docx for review (native open dialog; a test hook in e2e builds) and checks it.
#[tauri::command]
pub async fn review_open(app: AppHandle, review: State<'_, Review>) -> AppResult<CheckView> {
    let path = pick_docx(&app, "Mở văn bản .docx để kiểm tra")?;
    let bytes = read_docx_file(&path)?;
    let report = check_bytes(&bytes, &path)?;
    let view = check_view(&report);
    *review.lock() = Some(ReviewSession {
        path,
        bytes,
        report,
        changed: false,
        normalized: None,
    });
    Ok(view)
}

/// Applies fixes to the open file in memory and re-checks it: one finding (`index`), or all
/// safe ones (and guarded ones when `guarded`) when `index` is absent.
#[tauri::command]
pub fn review_fix(
    review: State<'_, Review>,
    index: Option<usize>,
    guarded: bool,
) -> AppResult<CheckView> {
    let mut guard = review.lock();
    let s = guard
        .as_mut()
        .ok_or_else(|| AppError::new(ErrorCode::Review, "Chưa mở văn bản nào để kiểm tra."))?;
    let mut report = s.report.clone();
    if let Some(i) = index {
        let d =
            report.diagnostics.get(i).cloned().ok_or_else(|| {
                AppError::new(ErrorCode::Review, "Lỗi này không còn trong báo cáo.")
            })?;
        report.diagnostics = vec![d];
    }
    let (bytes, applied) = apply_fixes(&s.bytes, &report, guarded || index.is_some())
        .map_err(|e| AppError::new(ErrorCode::Fix, format!("Không sửa được: {e}")))?;
    if applied.is_empty() {
        return Err(AppError::new(
            ErrorCode::Fix,
            "Không có lỗi nào sửa tự động được.",
        ));
    }
    s.report = check_bytes(&bytes, &s.path)?;
    s.bytes = bytes;
    s.changed = true;
    Ok(check_view(&s.report))
}

/// Where to save a new .docx made from `original`, named `name` by default: the native save
/// dialog titled `title` (or the test hook's folder). Never the original itself.
fn pick_output(app: &AppHandle, original: &Path, name: &str, title: &str) -> AppResult<PathBuf> {
    let path = match crate::hooks::dialog_stand_in(crate::hooks::Hook::SaveDir) {
        Some(dir) => dir.join(name),
        None => {
            let mut d = app
                .dialog()
                .file()
                .set_title(title)
                .set_file_name(name)
                .add_filter("Văn bản Word", &["docx"]);
            if let Some(dir) = original.parent() {
                d = d.set_directory(dir);
            }
            d.blocking_save_file()
                .ok_or_else(|| AppError::new(ErrorCode::Cancelled, "Đã hủy."))?
                .into_path()
                .map_err(|e| AppError::new(ErrorCode::Io, format!("Đường dẫn không hợp lệ: {e}")))?
        }
    };
    Ok(path)
}

/// `original`'s name without extension, with `suffix`: "CV 12 (đã sửa).docx".
fn output_name(original: &Path, suffix: &str) -> String {
    let stem = original
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "van-ban".into());
    format!("{stem} ({suffix}).docx")
}

/// The open session's bytes and path.
fn session_file(review: &Review) -> AppResult<(Vec<u8>, PathBuf)> {
    let guard = review.lock();
    let s = guard
        .as_ref()
        .ok_or_else(|| AppError::new(ErrorCode::Review, "Chưa mở văn bản nào để kiểm tra."))?;
    Ok((s.bytes.clone(), s.path.clone()))
}

/// Saves the corrected copy (never over the original unless the user picks it in the dialog).
#[tauri::command]
pub async fn review_save(app: AppHandle, review: State<'_, Review>) -> AppResult<String> {
    let (bytes, original) = session_file(&review)?;
    let name = output_name(&original, "đã sửa");
    let path = pick_output(&app, &original, &name, "Lưu bản đã sửa")?;
    vanban::fsutil::atomic_write(&path, &bytes).map_err(|e| AppError::io("ghi tệp .docx", &e))?;
    Ok(path.display().to_string())
}

/// A normalised copy saved (chuẩn hóa thể thức), with what changed and what needs a person.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct NormalizeResult {
    /// Where the new .docx was written.
    pub path: String,
    /// Fixed, for a person, errors before and after.
    pub report: vanban::normalize::NormalizeReport,
}

/// Whether `a` and `b` name the same file (the same path, or the same file on disk).
fn same_file(a: &Path, b: &Path) -> bool {
    a == b
        || matches!(
            (std::fs::canonicalize(a), std::fs::canonicalize(b)),
            (Ok(x), Ok(y)) if x == y
        )
}

/// Lays the file under review out anew to NĐ 30 / HD 36 (`vanban::normalize`) and saves the
/// result as a new .docx the user names, never over the file under review.
#[tauri::command]
pub async fn review_normalize(
    app: AppHandle,
    state: State<'_, AppState>,
    review: State<'_, Review>,
) -> AppResult<NormalizeResult> {
    let (bytes, original) = session_file(&review)?;
    let out = normalize_docx(
        &bytes,
        &file_name(&original),
        &state.templates,
        &CheckOptions::default(),
    )?;
    let name = output_name(&original, "chuẩn hóa");
    let path = pick_output(&app, &original, &name, "Lưu văn bản đã chuẩn hóa")?;
    if same_file(&path, &original) {
        return Err(AppError::new(
            ErrorCode::Io,
            "Không ghi đè lên tệp đang kiểm tra: hãy chọn tên khác.",
        ));
    }
    vanban::fsutil::atomic_write(&path, &out.docx)
        .map_err(|e| AppError::io("ghi tệp .docx", &e))?;
    if let Some(s) = review.lock().as_mut() {
        s.normalized = Some(out.draft);
    }
    Ok(NormalizeResult {
        path: path.display().to_string(),
        report: out.report,
    })
}

/// Opens the draft the last normalisation read the file into as a new draft in the editor.
#[tauri::command]
pub fn review_normalized_draft(
    state: State<'_, AppState>,
    review: State<'_, Review>,
) -> AppResult<OpenDraft> {
    let draft = review
        .lock()
        .as_ref()
        .and_then(|s| s.normalized.clone())
        .ok_or_else(|| AppError::new(ErrorCode::Review, "Chưa chuẩn hóa văn bản nào."))?;
    crate::commands::drafts::create(&state, &draft, None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use vanban::draft::Draft;
    use vanban::model::System;
    use vanban::template::Templates;

    fn faulty_draft() -> Draft {
        let t = Templates::builtin().unwrap();
        let mut d = Draft::starter(t.get("ke-hoach").unwrap(), System::State, false, 2024);
        d.place = "Bắc Kạn".into();
        d.subject = "Triển khai phong trào \"Dân vận khéo\"".into();
        d.recipients.archive = "VT, VP".into();
        for (k, v) in [
            (
                "mo_dau",
                "Thực hiện Kế hoạch số 89/KH-UBND,  Văn phòng xây dựng Kế hoạch như sau:",
            ),
            ("muc_dich_yeu_cau", "Nâng cao nhận thức."),
            ("noi_dung", "Tuyên truyền."),
            ("to_chuc_thuc_hien", "Các phòng thực hiện."),
        ] {
            d.fields.insert(k.into(), v.into());
        }
        d
    }

    #[test]
    fn outputs_are_named_after_the_original_and_never_are_it() {
        let dir = std::env::temp_dir().join(format!("vanban-app-same-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let original = dir.join("CV 12.docx");
        std::fs::write(&original, b"x").unwrap();
        assert_eq!(
            output_name(&original, "chuẩn hóa"),
            "CV 12 (chuẩn hóa).docx"
        );
        assert!(same_file(&original, &dir.join(".").join("CV 12.docx")));
        assert!(!same_file(
            &original,
            &dir.join(output_name(&original, "chuẩn hóa"))
        ));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn draft_findings_carry_their_field_and_fix() {
        let t = Templates::builtin().unwrap();
        let doc = faulty_draft().render(&t).unwrap();
        let r = vanban::check::check_document(&doc, "bản thảo", &CheckOptions::default()).unwrap();
        let v = check_view(&r);
        assert_eq!(v.groups.len(), Element::ALL.len());
        let party_heading = v
            .groups
            .iter()
            .find(|g| g.element == Element::PartyTitle)
            .unwrap();
        assert_eq!(
            party_heading.status,
            Status::NotApplicable,
            "a state draft has no Party heading to evaluate"
        );
        assert_eq!(v.errors, r.errors);
        let quotes = v.diagnostics.iter().find(|d| {
            d.fix
                .as_ref()
                .is_some_and(|f| f.before.as_deref().is_some_and(|b| b.contains('"')))
        });
        let quotes = quotes.expect("straight quotes are reported with a fix");
        assert_eq!(quotes.field.as_deref(), Some("subject"));
        assert_eq!(quotes.element, Element::Unicode);
        assert!(quotes.fix.as_ref().unwrap().applicable);
        assert!(quotes
            .fix
            .as_ref()
            .unwrap()
            .after
            .as_deref()
            .unwrap()
            .contains('“'));
    }
}
