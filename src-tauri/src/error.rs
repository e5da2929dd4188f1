//! Errors as the UI receives them: a stable code and a Vietnamese message (`{code, message}`).
//!
//! Every command returns `Result<T, AppError>`; the UI shows `message` and may branch on
//! `code`. Nothing reaches the webview as a panic or a blank screen.

use serde::Serialize;

/// An error for the UI: a stable machine code and a message in Vietnamese (lỗi hiển thị).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[error("{message}")]
pub struct AppError {
    /// Stable code the UI may branch on: `cancelled`, `io`, `library`, `no_term_start` (a
    /// Party body needs the start of its nhiệm kỳ before numbering), `draft`, `template`,
    /// `locked`, `internal`.
    pub code: String,
    /// What happened and what to do, in Vietnamese.
    pub message: String,
}

impl AppError {
    /// An error with `code` and a Vietnamese `message`.
    pub fn new(code: &str, message: impl Into<String>) -> Self {
        Self {
            code: code.to_owned(),
            message: message.into(),
        }
    }

    /// A file could not be read or written.
    pub fn io(what: &str, err: &dyn std::fmt::Display) -> Self {
        Self::new("io", format!("Không {what} được: {err}"))
    }
}

impl From<vanban::library::LibraryError> for AppError {
    fn from(e: vanban::library::LibraryError) -> Self {
        let code = match e {
            vanban::library::LibraryError::NoTermStart { .. } => "no_term_start",
            _ => "library",
        };
        Self::new(code, e.to_string())
    }
}

impl From<vanban::draft::DraftError> for AppError {
    fn from(e: vanban::draft::DraftError) -> Self {
        Self::new("draft", format!("Bản thảo có lỗi: {e}"))
    }
}

impl From<vanban::template::TemplateError> for AppError {
    fn from(e: vanban::template::TemplateError) -> Self {
        Self::new("template", format!("Mẫu văn bản có lỗi: {e}"))
    }
}

/// Result of a command.
pub type AppResult<T> = Result<T, AppError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_as_code_and_message() {
        let json = serde_json::to_value(AppError::new("cancelled", "Đã hủy.")).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"code": "cancelled", "message": "Đã hủy."})
        );
    }

    #[test]
    fn core_errors_keep_their_vietnamese_message() {
        let e: AppError = vanban::draft::Draft::from_toml("template = ")
            .unwrap_err()
            .into();
        assert_eq!(e.code, "draft");
        assert!(
            e.message
                .starts_with("Bản thảo có lỗi: bản thảo không hợp lệ: dòng 1"),
            "{}",
            e.message
        );
    }
}
