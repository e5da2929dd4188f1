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
    /// Stable code the UI may branch on, e.g. `template`, `io`, `library`, `cancelled`.
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

    /// The user closed a file dialog without choosing a file.
    pub fn cancelled() -> Self {
        Self::new("cancelled", "Đã hủy.")
    }

    /// A file could not be read or written.
    pub fn io(what: &str, err: &std::io::Error) -> Self {
        Self::new("io", format!("Không {what} được: {err}"))
    }
}

/// Result of a command.
pub type AppResult<T> = Result<T, AppError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_as_code_and_message() {
        let json = serde_json::to_value(AppError::cancelled()).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"code": "cancelled", "message": "Đã hủy."})
        );
    }
}
