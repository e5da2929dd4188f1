//! Page layout behind a trait (máy dàn trang): the one layout-level rule asks an engine the
//! caller provides how a .docx falls into pages. The core never starts a process; the CLI and
//! the app construct an adapter (e.g. [`crate::host::Soffice`]) and pass it in
//! through [`super::CheckOptions::layout_engine`].

/// Why a page layout could not be made (user message in Vietnamese).
#[derive(Debug, thiserror::Error)]
pub enum LayoutEngineError {
    /// The engine or a tool it needs is not installed here (chưa cài đặt).
    #[error("{0}")]
    Unavailable(String),
    /// The engine ran but could not lay the file out (không dàn trang được).
    #[error("{0}")]
    Failed(String),
    /// Reading or writing a temporary file failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// Something that lays a .docx out in pages as it would print (dàn trang).
pub trait PageLayoutEngine: std::fmt::Debug + Send + Sync {
    /// The text of each printed page, in order, with runs of whitespace squashed to one
    /// space.
    fn page_texts(&self, docx: &[u8]) -> Result<Vec<String>, LayoutEngineError>;
}
