//! The LibreOffice adapter of [`PageLayoutEngine`] (dàn trang bằng LibreOffice): converts the
//! .docx to PDF with `soffice --headless` and reads the pages back with `pdftotext`. It is
//! host code, outside the rules: the CLI (`vanban check --layout`) and the app construct it.

use std::path::Path;
use std::process::Command;

use crate::check::layout_engine::{LayoutEngineError, PageLayoutEngine};

/// LibreOffice and poppler's `pdftotext`, found on `PATH` when a layout is asked for.
#[derive(Debug, Clone, Copy, Default)]
pub struct Soffice;

impl PageLayoutEngine for Soffice {
    fn page_texts(&self, bytes: &[u8]) -> Result<Vec<String>, LayoutEngineError> {
        let soffice = ["soffice", "libreoffice"]
            .into_iter()
            .find(|b| which(b))
            .ok_or_else(|| LayoutEngineError::Unavailable("LibreOffice chưa được cài".into()))?;
        if !which("pdftotext") {
            return Err(LayoutEngineError::Unavailable(
                "thiếu pdftotext (poppler-utils)".into(),
            ));
        }
        let dir = tempfile::tempdir()?;
        let input = dir.path().join("doc.docx");
        std::fs::write(&input, bytes)?;
        let profile = format!("-env:UserInstallation=file://{}/lo", dir.path().display());
        let status = Command::new(soffice)
            .arg(profile)
            .args(["--headless", "--convert-to", "pdf", "--outdir"])
            .arg(dir.path())
            .arg(&input)
            .output()?;
        let pdf = dir.path().join("doc.pdf");
        if !status.status.success() || !pdf.exists() {
            return Err(LayoutEngineError::Failed(
                "LibreOffice không dàn trang được tệp".into(),
            ));
        }
        let out = Command::new("pdftotext").arg(&pdf).arg("-").output()?;
        let text = String::from_utf8_lossy(&out.stdout);
        Ok(text
            .split('\u{c}')
            .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect())
    }
}

fn which(bin: &str) -> bool {
    std::env::var_os("PATH").is_some_and(|paths| {
        std::env::split_paths(&paths).any(|d| Path::new(&d).join(bin).is_file())
    })
}
