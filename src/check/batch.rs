//! Batch check (kiểm tra hàng loạt): every .docx under a folder, each checked on its own, in
//! a stable order, with totals for reviewers. A file that cannot be read is reported with its
//! reason and the batch goes on. The CLI prints the result; the desktop app can call
//! [`check_dir`] with its own progress callback.

use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::ignore::IgnoreFile;
use super::report::Report;
use super::scope::ScopeStatus;
use super::{check_docx, CheckOptions};

/// Why a batch could not start: the folder itself cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum BatchError {
    /// The folder cannot be listed.
    #[error("không đọc được thư mục {path}: {source}")]
    Dir {
        /// The folder.
        path: String,
        /// The system's reason.
        source: std::io::Error,
    },
}

/// Where the batch is, for a progress line: file `index` (from 1) of `total`.
#[derive(Debug, Clone, Copy)]
pub struct Progress<'a> {
    /// Position of the file being checked, from 1.
    pub index: usize,
    /// Number of files in the batch.
    pub total: usize,
    /// The file, relative to the folder.
    pub name: &'a str,
}

/// The result of one file of the batch (kết quả một tệp).
#[derive(Debug, Clone)]
pub struct FileResult {
    /// The file's path (the folder joined with `name`).
    pub path: PathBuf,
    /// The file relative to the folder, with "/" between parts.
    pub name: String,
    /// The report, or why the file could not be checked (Vietnamese).
    pub outcome: Result<Report, String>,
}

impl FileResult {
    /// Whether the file counts against the batch: errors in its report, or not readable.
    pub fn has_errors(&self) -> bool {
        self.outcome.as_ref().map_or(true, Report::has_errors)
    }
}

/// Totals over a batch (tổng hợp).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Totals {
    /// Files found.
    pub files: usize,
    /// Files that could not be read or checked.
    pub unreadable: usize,
    /// Files checked under the rule set.
    pub in_scope: usize,
    /// Files that are not administrative documents.
    pub not_administrative: usize,
    /// Files dated before their rule set took effect.
    pub before_ruleset: usize,
    /// Files with at least one error.
    pub with_errors: usize,
    /// Errors over all files.
    pub errors: usize,
    /// Warnings over all files.
    pub warnings: usize,
    /// The most frequent rules over all files, with their counts.
    pub top_rules: Vec<(String, usize)>,
}

/// A checked folder: the files in order and the totals.
#[derive(Debug, Clone)]
pub struct Batch {
    /// The folder that was checked.
    pub dir: PathBuf,
    /// One result per file, in path order.
    pub files: Vec<FileResult>,
    /// Totals.
    pub totals: Totals,
}

impl Batch {
    /// Whether any file has errors or could not be read.
    pub fn has_errors(&self) -> bool {
        self.files.iter().any(FileResult::has_errors)
    }
}

/// The `n` most frequent rule ids among the findings of `report` (most frequent first, then
/// by id), with their counts.
pub fn top_rules(report: &Report, n: usize) -> Vec<(String, usize)> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for d in &report.diagnostics {
        *counts.entry(d.rule.as_str()).or_default() += 1;
    }
    ranked(counts.into_iter().map(|(k, v)| (k.to_string(), v)), n)
}

fn ranked(counts: impl Iterator<Item = (String, usize)>, n: usize) -> Vec<(String, usize)> {
    let mut v: Vec<(String, usize)> = counts.collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v.truncate(n);
    v
}

/// Whether a file name is a .docx to check: not a Word lock file ("~$tệp.docx").
fn is_docx(name: &str) -> bool {
    let lower = name.to_lowercase();
    lower.ends_with(".docx") && !name.starts_with("~$")
}

/// The .docx files under `dir`, recursively, sorted by path; sub-folders that cannot be read
/// come back as failed results. Symbolic links to folders are not followed.
fn walk(dir: &Path) -> Result<(Vec<PathBuf>, Vec<FileResult>), BatchError> {
    let mut files = Vec::new();
    let mut failed = Vec::new();
    let top = read_sorted(dir).map_err(|source| BatchError::Dir {
        path: dir.display().to_string(),
        source,
    })?;
    let mut stack: Vec<Vec<PathBuf>> = vec![top];
    // Depth first, in name order: a folder's entries are visited where it sorts.
    while let Some(level) = stack.last_mut() {
        let Some(path) = (!level.is_empty()).then(|| level.remove(0)) else {
            stack.pop();
            continue;
        };
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        if meta.is_dir() {
            match read_sorted(&path) {
                Ok(entries) => stack.push(entries),
                Err(e) => failed.push(FileResult {
                    name: relative(dir, &path),
                    path,
                    outcome: Err(format!("không đọc được thư mục: {e}")),
                }),
            }
        } else if name.as_deref().is_some_and(is_docx)
            && (meta.is_file() || std::fs::metadata(&path).is_ok_and(|m| m.is_file()))
        {
            files.push(path);
        }
    }
    Ok((files, failed))
}

fn read_sorted(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    v.sort();
    Ok(v)
}

fn relative(dir: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(dir).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Reads and checks one file with its ignore entries (`<tệp>.vanban-ignore.json`). Never
/// panics: a panic of the checker becomes the file's error.
pub fn check_file(path: &Path, opts: &CheckOptions) -> Result<Report, String> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| format!("không đọc được tệp: {e}"))?;
    let ignores = IgnoreFile::load(path).map_err(|e| e.to_string())?.ignores;
    let opts = CheckOptions {
        ignores,
        ..opts.clone()
    };
    match catch_unwind(AssertUnwindSafe(|| check_docx(&bytes, &name, &opts))) {
        Ok(Ok(report)) => Ok(report),
        Ok(Err(e)) => Err(e.to_string()),
        Err(_) => Err("lỗi nội bộ của trình kiểm tra khi đọc tệp này".to_string()),
    }
}

/// Checks every .docx under `dir` (recursively, skipping Word lock files "~$*.docx") in path
/// order, calling `progress` before each file. Fails only when `dir` cannot be listed.
pub fn check_dir(
    dir: &Path,
    opts: &CheckOptions,
    mut progress: impl FnMut(Progress),
) -> Result<Batch, BatchError> {
    let (paths, failed) = walk(dir)?;
    let total = paths.len();
    let mut files: Vec<FileResult> = Vec::with_capacity(total + failed.len());
    for (i, path) in paths.into_iter().enumerate() {
        let name = relative(dir, &path);
        progress(Progress {
            index: i + 1,
            total,
            name: &name,
        });
        let outcome = check_file(&path, opts);
        files.push(FileResult {
            path,
            name,
            outcome,
        });
    }
    files.extend(failed);
    files.sort_by(|a, b| a.path.cmp(&b.path));
    let totals = totals(&files);
    Ok(Batch {
        dir: dir.to_path_buf(),
        files,
        totals,
    })
}

fn totals(files: &[FileResult]) -> Totals {
    let mut t = Totals {
        files: files.len(),
        ..Totals::default()
    };
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for f in files {
        let Ok(r) = &f.outcome else {
            t.unreadable += 1;
            continue;
        };
        match r.scope.status {
            ScopeStatus::InScope => t.in_scope += 1,
            ScopeStatus::NotAdministrative => t.not_administrative += 1,
            ScopeStatus::BeforeRuleset => t.before_ruleset += 1,
        }
        t.with_errors += usize::from(r.has_errors());
        t.errors += r.errors;
        t.warnings += r.warnings;
        for d in &r.diagnostics {
            *counts.entry(d.rule.clone()).or_default() += 1;
        }
    }
    t.top_rules = ranked(counts.into_iter(), 3);
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lock_files_and_other_extensions_are_skipped() {
        assert!(is_docx("ke-hoach.docx"));
        assert!(is_docx("KE-HOACH.DOCX"));
        assert!(!is_docx("~$ke-hoach.docx"));
        assert!(!is_docx("ke-hoach.doc"));
        assert!(!is_docx("ke-hoach.docx.pdf"));
    }

    #[test]
    fn top_rules_rank_by_count_then_id() {
        let counts = [("B", 2), ("A", 2), ("C", 5), ("D", 1)]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v));
        let top: Vec<(String, usize)> = ranked(counts, 3);
        assert_eq!(top, vec![("C".into(), 5), ("A".into(), 2), ("B".into(), 2)]);
    }
}
