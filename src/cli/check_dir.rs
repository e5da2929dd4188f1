//! `vanban check THƯ_MỤC/`: checks every .docx under a folder (the core's
//! [`vanban::check::batch`]) and prints a summary table, or JSON lines with `--format json`.
//! Exit 0 when no file has errors, 1 when one has (or cannot be read), 2 when the folder
//! cannot be read.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use super::check::Format;
use super::fail;
use vanban::check::batch::{self, Batch, FileResult, Progress};
use vanban::check::batch_report::{totals_lines, FileRow};
use vanban::check::CheckOptions;

/// Runs the batch check of `dir` and prints it in `format`.
pub fn run(dir: &Path, format: Format, opts: &CheckOptions) -> ExitCode {
    let tty = std::io::stderr().is_terminal();
    let mut shown = false;
    let result = batch::check_dir(dir, opts, |p: Progress| {
        if tty {
            let mut err = std::io::stderr();
            let _ = write!(
                err,
                "\r\x1b[KĐang kiểm tra {}/{}: {}",
                p.index, p.total, p.name
            );
            let _ = err.flush();
            shown = true;
        }
    });
    if shown {
        eprint!("\r\x1b[K");
    }
    let batch = match result {
        Ok(b) => b,
        Err(e) => return fail(e, 2),
    };
    match format {
        Format::Json => print_json_lines(&batch),
        Format::Text => print!("{}", table(&batch)),
    }
    ExitCode::from(u8::from(batch.has_errors()))
}

/// One JSON object per line: the file's report, or `{"file", "error"}`.
fn print_json_lines(batch: &Batch) {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for f in &batch.files {
        let line = match &f.outcome {
            Ok(r) => serde_json::to_string(r),
            Err(e) => serde_json::to_string(&serde_json::json!({
                "file": f.path.display().to_string(),
                "error": e,
            })),
        };
        let _ = writeln!(out, "{}", line.unwrap_or_else(|_| "{}".into()));
    }
}

/// The cells of one row: file, system, scope, errors, warnings, top rules.
fn row(f: &FileResult) -> [String; 6] {
    let r = FileRow::new(f);
    let n = |v: Option<usize>| v.map_or_else(|| "-".to_string(), |n| n.to_string());
    [
        r.name.clone(),
        r.system.clone().unwrap_or_else(|| "-".into()),
        r.scope.clone().unwrap_or_else(|| "không đọc được".into()),
        n(r.errors),
        n(r.warnings),
        r.top_rules_text(),
    ]
}

/// The summary table, the files that could not be read with their reasons, and the totals.
fn table(batch: &Batch) -> String {
    use std::fmt::Write as _;
    let head = [
        "Tệp",
        "Hệ",
        "Phạm vi",
        "Lỗi",
        "Cảnh báo",
        "Quy tắc thường gặp",
    ]
    .map(String::from);
    let rows: Vec<[String; 6]> = batch.files.iter().map(row).collect();
    let mut width = [0usize; 6];
    for r in std::iter::once(&head).chain(&rows) {
        for (w, cell) in width.iter_mut().zip(r) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut s = String::new();
    let line = |s: &mut String, r: &[String; 6]| {
        let row = format!(
            "{:<w0$}  {:<w1$}  {:<w2$}  {:>w3$}  {:>w4$}  {}",
            r[0],
            r[1],
            r[2],
            r[3],
            r[4],
            r[5],
            w0 = width[0],
            w1 = width[1],
            w2 = width[2],
            w3 = width[3],
            w4 = width[4],
        );
        let _ = writeln!(s, "{}", row.trim_end());
    };
    line(&mut s, &head);
    for r in &rows {
        line(&mut s, r);
    }
    let failed: Vec<&FileResult> = batch.files.iter().filter(|f| f.outcome.is_err()).collect();
    if !failed.is_empty() {
        let _ = writeln!(s);
        let _ = writeln!(s, "Không đọc được:");
        for f in failed {
            if let Err(e) = &f.outcome {
                let _ = writeln!(s, "  {}: {e}", f.name);
            }
        }
    }
    let t = &batch.totals;
    let _ = writeln!(s);
    for line in totals_lines(t) {
        let _ = writeln!(s, "{line}");
    }
    if !t.top_rules.is_empty() {
        let top: Vec<String> = t
            .top_rules
            .iter()
            .map(|(id, n)| format!("{id} ×{n}"))
            .collect();
        let _ = writeln!(s, "Quy tắc thường gặp: {}.", top.join(", "));
    }
    s
}
