//! Errors as the UI receives them: a stable code and a Vietnamese message (`{code, message}`).
//!
//! Every command returns `Result<T, AppError>`; the UI shows `message` and may branch on
//! `code`, a closed set ([`ErrorCode`]) that ts-rs exports as a union type. Nothing reaches
//! the webview as a panic or a blank screen.

use serde::Serialize;

/// What kind of failure an [`AppError`] is (mã lỗi): the UI branches on it, never on text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The user closed a dialog: not shown as an error.
    Cancelled,
    /// A file or folder could not be read or written.
    Io,
    /// The library database failed.
    Library,
    /// A Party body needs the start of its nhiệm kỳ before numbering.
    NoTermStart,
    /// The draft cannot be read or rendered.
    Draft,
    /// A template is wrong or does not fit the draft.
    Template,
    /// The version is locked in the register (issued).
    Locked,
    /// The checker could not read a document.
    Check,
    /// Reviewer mode has nothing open, or the finding is gone.
    Review,
    /// Folder check has nothing to report yet.
    Batch,
    /// A .docx could not be produced.
    Export,
    /// A .docx could not be imported as a draft or normalised.
    Import,
    /// A fix could not be applied.
    Fix,
    /// Issuing (phát hành) cannot go on.
    Issue,
    /// Anything unexpected.
    Internal,
}

impl ErrorCode {
    /// The code as it crosses IPC (`"no_term_start"`).
    #[cfg(test)]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Cancelled => "cancelled",
            Self::Io => "io",
            Self::Library => "library",
            Self::NoTermStart => "no_term_start",
            Self::Draft => "draft",
            Self::Template => "template",
            Self::Locked => "locked",
            Self::Check => "check",
            Self::Review => "review",
            Self::Batch => "batch",
            Self::Export => "export",
            Self::Import => "import",
            Self::Fix => "fix",
            Self::Issue => "issue",
            Self::Internal => "internal",
        }
    }

    #[cfg(test)]
    const ALL: [Self; 15] = [
        Self::Cancelled,
        Self::Io,
        Self::Library,
        Self::NoTermStart,
        Self::Draft,
        Self::Template,
        Self::Locked,
        Self::Check,
        Self::Review,
        Self::Batch,
        Self::Export,
        Self::Import,
        Self::Fix,
        Self::Issue,
        Self::Internal,
    ];
}

/// An error for the UI: a stable machine code and a message in Vietnamese (lỗi hiển thị).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[error("{message}")]
pub struct AppError {
    /// Stable code the UI may branch on.
    pub code: ErrorCode,
    /// What happened and what to do, in Vietnamese.
    pub message: String,
}

impl AppError {
    /// An error with `code` and a Vietnamese `message`.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
        }
    }

    /// A file could not be read or written.
    pub fn io(what: &str, err: &dyn std::fmt::Display) -> Self {
        Self::new(ErrorCode::Io, format!("Không {what} được: {err}"))
    }
}

impl From<vanban::library::LibraryError> for AppError {
    fn from(e: vanban::library::LibraryError) -> Self {
        let code = match e {
            vanban::library::LibraryError::NoTermStart { .. } => ErrorCode::NoTermStart,
            vanban::library::LibraryError::DraftLocked { .. } => ErrorCode::Locked,
            _ => ErrorCode::Library,
        };
        Self::new(code, e.to_string())
    }
}

impl From<vanban::draft::DraftError> for AppError {
    fn from(e: vanban::draft::DraftError) -> Self {
        Self::new(ErrorCode::Draft, format!("Bản thảo có lỗi: {e}"))
    }
}

impl From<vanban::template::TemplateError> for AppError {
    fn from(e: vanban::template::TemplateError) -> Self {
        Self::new(ErrorCode::Template, format!("Mẫu văn bản có lỗi: {e}"))
    }
}

impl From<vanban::import::ImportError> for AppError {
    fn from(e: vanban::import::ImportError) -> Self {
        Self::new(ErrorCode::Import, format!("Không nhập được văn bản: {e}."))
    }
}

impl From<vanban::normalize::NormalizeError> for AppError {
    fn from(e: vanban::normalize::NormalizeError) -> Self {
        Self::new(ErrorCode::Import, format!("Không chuẩn hóa được: {e}."))
    }
}

/// Result of a command.
pub type AppResult<T> = Result<T, AppError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_as_code_and_message() {
        let json = serde_json::to_value(AppError::new(ErrorCode::Cancelled, "Đã hủy.")).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"code": "cancelled", "message": "Đã hủy."})
        );
    }

    #[test]
    fn code_names_match_serde() {
        for c in ErrorCode::ALL {
            assert_eq!(serde_json::to_value(c).unwrap(), c.as_str());
        }
    }

    #[test]
    fn a_file_that_cannot_be_imported_says_so_in_vietnamese() {
        let t = vanban::template::Templates::builtin().unwrap();
        let e: AppError = vanban::import::import_docx(b"not a zip", &t)
            .unwrap_err()
            .into();
        assert_eq!(e.code, ErrorCode::Import);
        assert!(
            e.message
                .starts_with("Không nhập được văn bản: không đọc được tệp .docx"),
            "{}",
            e.message
        );
    }

    #[test]
    fn core_errors_keep_their_vietnamese_message() {
        let e: AppError = vanban::draft::Draft::from_toml("template = ")
            .unwrap_err()
            .into();
        assert_eq!(e.code, ErrorCode::Draft);
        assert!(
            e.message
                .starts_with("Bản thảo có lỗi: bản thảo không hợp lệ: dòng 1"),
            "{}",
            e.message
        );
    }
}
