//! `vanban import`: opens a Word document as a draft (nhập văn bản). The draft's TOML goes to
//! `-o FILE` (written atomically) or to standard output; `--report` prints, in Vietnamese,
//! what did not map exactly. `--save` keeps the draft in the library, `--clauses` lists the
//! paragraphs worth keeping as clauses and `--save-clauses` adds them to the library ("Lưu
//! thành điều khoản"). The input file is never changed or overwritten.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::library::{open, DbOption};
use super::{fail, read_input, TemplateArgs};
use vanban::import::{clauses, import_docx};

/// Arguments of `vanban import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Tệp .docx cần nhập (không bị sửa).
    #[arg(value_name = "TỆP")]
    pub file: PathBuf,
    /// Tệp bản thảo (.toml) cần ghi; bỏ trống thì in ra màn hình.
    #[arg(short, long, value_name = "TỆP_RA")]
    pub output: Option<PathBuf>,
    /// In báo cáo nhập: những gì không khớp hoàn toàn với bản thảo.
    #[arg(long)]
    pub report: bool,
    /// Lưu bản thảo vào thư viện (danh sách dự thảo).
    #[arg(long)]
    pub save: bool,
    /// Liệt kê các đoạn nên lưu thành điều khoản (căn cứ, mở đầu, đoạn nội dung dài).
    #[arg(long)]
    pub clauses: bool,
    /// Lưu các đoạn đó vào thư viện điều khoản.
    #[arg(long)]
    pub save_clauses: bool,
    #[command(flatten)]
    db: DbOption,
    #[command(flatten)]
    templates: TemplateArgs,
}

/// Runs `vanban import`.
pub fn run(args: &ImportArgs) -> ExitCode {
    if let Some(out) = &args.output {
        if vanban::fsutil::same_file(out, &args.file) {
            return fail(
                "tệp bản thảo phải khác tệp gốc (không ghi đè văn bản gốc)",
                2,
            );
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
    let imported = match import_docx(&bytes, &templates) {
        Ok(i) => i,
        Err(e) => return fail(format!("{}: {e}", args.file.display()), 2),
    };
    let toml = imported.draft.to_toml();
    match &args.output {
        Some(out) => {
            if let Err(e) = vanban::fsutil::atomic_write(out, toml.as_bytes()) {
                return fail(format!("không ghi được {}: {e}", out.display()), 1);
            }
            println!("Đã nhập {} thành {}", args.file.display(), out.display());
        }
        None => print!("{toml}"),
    }
    if args.save {
        let saved = open(&args.db).and_then(|mut lib| {
            lib.import_draft_file(&toml, None)
                .map_err(super::library::CliError::from)
        });
        match saved {
            Ok(id) => println!("Đã lưu bản thảo vào thư viện: dự thảo {id}"),
            Err(e) => return fail(e, 1),
        }
    }
    if args.clauses || args.save_clauses {
        let doc = match imported.draft.render(&templates) {
            Ok(d) => d,
            Err(e) => return fail(e, 1),
        };
        let found = clauses::candidates(&doc, &imported.draft.template);
        if args.clauses {
            println!("{} đoạn nên lưu thành điều khoản:", found.len());
            for c in &found {
                println!("  [{}] {}", c.category.label(), c.title);
            }
        }
        if args.save_clauses {
            let n = found.len();
            let saved = open(&args.db).and_then(|mut lib| {
                lib.add_clauses(found)
                    .map_err(super::library::CliError::from)
            });
            match saved {
                Ok(ids) => match (ids.first(), ids.last()) {
                    (Some(a), Some(b)) => {
                        println!("Đã lưu {n} điều khoản vào thư viện (mã {a}–{b})");
                    }
                    _ => println!("Không có đoạn nào để lưu thành điều khoản"),
                },
                Err(e) => return fail(e, 1),
            }
        }
    }
    if args.report {
        let text = imported.report.to_text();
        // With the draft on standard output, the report goes to standard error.
        if args.output.is_some() {
            print!("{text}");
        } else {
            eprint!("{text}");
        }
    }
    ExitCode::SUCCESS
}
