//! `vanban normalize` (chuẩn hóa thể thức): re-lays out a Word document to NĐ 30 / HD 36 and
//! writes a new .docx (atomically, never over its input); prints what changed next to what
//! needs a person. Exit code 0 when the output checks with no error, 1 when errors remain.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::{fail, read_input, TemplateArgs};
use vanban::check::CheckOptions;
use vanban::normalize::normalize_docx;

/// Arguments of `vanban normalize`.
#[derive(Debug, Args)]
pub struct NormalizeArgs {
    /// Tệp .docx cần chuẩn hóa (không bị sửa).
    #[arg(value_name = "TỆP")]
    pub file: PathBuf,
    /// Tệp .docx đã chuẩn hóa cần ghi.
    #[arg(short, long, value_name = "TỆP_RA")]
    pub output: PathBuf,
    /// Ghi thêm bản thảo (.toml) đọc được từ tệp, để soạn tiếp.
    #[arg(long, value_name = "TỆP_TOML")]
    pub draft: Option<PathBuf>,
    /// Bộ quy tắc (mặc định: theo hệ thể thức của văn bản, ví dụ ND30-2020).
    #[arg(long)]
    pub ruleset: Option<String>,
    /// In báo cáo dạng JSON thay vì văn bản.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    templates: TemplateArgs,
}

/// Runs `vanban normalize`.
pub fn run(args: &NormalizeArgs) -> ExitCode {
    for out in std::iter::once(&args.output).chain(&args.draft) {
        if vanban::fsutil::same_file(out, &args.file) {
            return fail("tệp ra phải khác tệp gốc (không ghi đè văn bản gốc)", 2);
        }
    }
    let bytes = match read_input(&args.file) {
        Ok(b) => b,
        Err(code) => return code,
    };
    let templates = match args.templates.load() {
        Ok(t) => t,
        Err(e) => return fail(e, 2),
    };
    let opts = CheckOptions {
        ruleset: args.ruleset.clone(),
        ..CheckOptions::default()
    };
    let name = args.file.display().to_string();
    let done = match normalize_docx(&bytes, &name, &templates, &opts) {
        Ok(d) => d,
        Err(e) => return fail(format!("{name}: {e}"), 2),
    };
    if let Err(e) = vanban::fsutil::atomic_write(&args.output, &done.docx) {
        return fail(format!("không ghi được {}: {e}", args.output.display()), 1);
    }
    if let Some(path) = &args.draft {
        if let Err(e) = vanban::fsutil::atomic_write(path, done.draft.to_toml().as_bytes()) {
            return fail(format!("không ghi được {}: {e}", path.display()), 1);
        }
    }
    if args.json {
        match serde_json::to_string_pretty(&done.report) {
            Ok(j) => println!("{j}"),
            Err(e) => return fail(e, 1),
        }
    } else {
        println!("Đã chuẩn hóa {name} thành {}", args.output.display());
        print!("{}", done.report.to_text());
    }
    if done.report.errors_after > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
