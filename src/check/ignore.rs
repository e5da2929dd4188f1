//! Ignoring one occurrence (bỏ qua một lần): a reviewer accepts one finding in one document,
//! with a reason. Remembered beside the file in `<file>.vanban-ignore.json`, so turning a
//! rule off for an office (a profile) stays a separate act.
//!
//! ```json
//! {"ignores": [{"rule": "ND30-502", "paragraph": 14, "reason": "Bảng số liệu trích nguyên văn"}]}
//! ```

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::report::Diagnostic;

/// One ignored occurrence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ignore {
    /// Rule id.
    pub rule: String,
    /// Paragraph of the occurrence (.docx); absent for whole-document findings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<usize>,
    /// Draft field of the occurrence (drafts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Why it is accepted (required).
    pub reason: String,
}

impl Ignore {
    /// Whether this entry silences `d`.
    pub fn matches(&self, d: &Diagnostic) -> bool {
        self.rule.eq_ignore_ascii_case(&d.rule)
            && self.paragraph == d.location.paragraph
            && (self.field.is_none() || self.field == d.location.field)
    }
}

/// The ignore file of one document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IgnoreFile {
    /// Entries.
    #[serde(default)]
    pub ignores: Vec<Ignore>,
}

/// Why an ignore file cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum IgnoreError {
    /// Cannot read or write.
    #[error("không đọc/ghi được tệp bỏ qua {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// Bad JSON.
    #[error("tệp bỏ qua {path} không hợp lệ: {message}")]
    Syntax {
        /// The file.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// An entry without a reason.
    #[error("bỏ qua quy tắc {0} phải kèm lý do")]
    NoReason(String),
}

/// The sidecar path of a document: `report.docx` → `report.docx.vanban-ignore.json`.
pub fn sidecar(doc: &Path) -> PathBuf {
    let mut name = doc
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".vanban-ignore.json");
    doc.with_file_name(name)
}

impl IgnoreFile {
    /// Loads the sidecar of `doc`; an absent file is empty.
    pub fn load(doc: &Path) -> Result<Self, IgnoreError> {
        let path = sidecar(doc);
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Self::default()),
            Err(source) => {
                return Err(IgnoreError::Io {
                    path: path.display().to_string(),
                    source,
                })
            }
        };
        let f: IgnoreFile = serde_json::from_str(&text).map_err(|e| IgnoreError::Syntax {
            path: path.display().to_string(),
            message: e.to_string(),
        })?;
        if let Some(bad) = f.ignores.iter().find(|i| i.reason.trim().is_empty()) {
            return Err(IgnoreError::NoReason(bad.rule.clone()));
        }
        Ok(f)
    }

    /// Adds an entry and writes the sidecar atomically.
    pub fn add(doc: &Path, entry: Ignore) -> Result<Self, IgnoreError> {
        if entry.reason.trim().is_empty() {
            return Err(IgnoreError::NoReason(entry.rule));
        }
        let mut f = Self::load(doc)?;
        if !f.ignores.contains(&entry) {
            f.ignores.push(entry);
        }
        let path = sidecar(doc);
        let json = serde_json::to_string_pretty(&f).unwrap_or_default();
        crate::fsutil::atomic_write(&path, json.as_bytes()).map_err(|e| IgnoreError::Io {
            path: path.display().to_string(),
            source: std::io::Error::other(e.to_string()),
        })?;
        Ok(f)
    }
}
