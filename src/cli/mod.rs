//! Command-line front end (`vanban ...`): parses arguments with clap and calls the core.
//!
//! Each subcommand lives in its own module; messages to the user are Vietnamese.
//! Exit codes: 0 success, 1 findings or a failed operation, 2 unreadable input or bad usage.

mod check;
mod check_dir;
mod draft_cmds;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use vanban::template::Templates;

mod clauses;
mod copy;
mod import;
mod issue;
mod library;
mod normalize;
mod reading;
mod register;
mod rules;

/// Top-level arguments of `vanban`.
#[derive(Debug, Parser)]
#[command(
    name = "vanban",
    version,
    about = "Soạn thảo và kiểm tra thể thức văn bản (NĐ 30/2020, HD 36-HD/VPTW)"
)]
pub struct Cli {
    /// The subcommand to run.
    #[command(subcommand)]
    pub command: Command,
}

/// Where templates come from: the built-in ones plus an optional folder of the office's own.
#[derive(Debug, Clone, Args)]
pub struct TemplateArgs {
    /// Thư mục mẫu bổ sung (mỗi loại một thư mục con có template.toml và body.tera).
    #[arg(long, env = "VANBAN_TEMPLATES", value_name = "THƯ_MỤC")]
    pub templates: Option<PathBuf>,
}

impl TemplateArgs {
    /// Loads the templates these arguments name.
    pub fn load(&self) -> Result<Templates, vanban::template::TemplateError> {
        match &self.templates {
            Some(dir) => Templates::with_dir(dir),
            None => Templates::builtin(),
        }
    }

    /// Loads only the template of document type `slug` (for a one-shot render).
    pub fn load_one(&self, slug: &str) -> Result<Templates, vanban::template::TemplateError> {
        Templates::only(slug, self.templates.as_deref())
    }
}

/// The subcommands of `vanban`.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// In ra bản thảo mẫu của một loại văn bản (để sửa rồi `vanban render`).
    New(draft_cmds::NewArgs),
    /// Xuất bản thảo (.toml) ra tệp .docx (hoặc xem dạng văn bản thuần với --text).
    Render(draft_cmds::RenderArgs),
    /// Liệt kê các loại văn bản (mẫu) hiện có.
    Templates(draft_cmds::TemplatesArgs),
    /// Thư viện điều khoản mẫu: tìm, thêm, sửa, xem lịch sử, nhập/xuất JSON.
    Clauses(clauses::ClausesArgs),
    /// Dự thảo đã lưu: danh sách, xem, khôi phục phiên bản cũ, xuất/nhập tệp dự thảo.
    Drafts(library::DraftsArgs),
    /// Phát hành một dự thảo đã lưu: lấy số tiếp theo trong sổ văn bản đi, ghi số và ngày, khóa phiên bản.
    Issue(issue::IssueArgs),
    /// Sổ văn bản đi: cấp số, xem sổ.
    Register(register::RegisterArgs),
    /// Tệp thư viện: sao lưu, kiểm tra toàn vẹn.
    Db(register::DbArgs),
    /// Làm bản sao (sao y, sao lục, trích sao) của một tệp .docx.
    Copy(copy::CopyArgs),
    /// Kiểm tra thể thức một tệp .docx hoặc bản thảo (NĐ 30/2020, HD 36).
    Check(check::CheckArgs),
    /// Liệt kê các quy tắc kiểm tra thể thức, hoặc giải thích một quy tắc.
    Rules(rules::RulesArgs),
    /// Xem Vanban đọc một tệp .docx ra sao: từng đoạn, thành phần nhận ra, ô bảng.
    Reading(reading::ReadingArgs),
    /// Nhập một tệp Word (.docx) thành bản thảo (.toml) để sửa và xuất lại.
    Import(import::ImportArgs),
    /// Chuẩn hóa thể thức: dàn lại tệp .docx theo NĐ 30 / HD 36 thành tệp mới, kèm báo cáo.
    Normalize(normalize::NormalizeArgs),
}

/// Runs the CLI and maps the outcome to a process exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::New(args) => draft_cmds::new(&args),
        Command::Render(args) => draft_cmds::render(&args),
        Command::Templates(args) => draft_cmds::templates(&args),
        Command::Clauses(a) => clauses::clauses(a),
        Command::Drafts(a) => library::drafts(a),
        Command::Issue(a) => issue::run(a),
        Command::Register(a) => register::register(a),
        Command::Db(a) => register::db(a),
        Command::Copy(a) => copy::run(&a),
        Command::Check(a) => check::run(&a),
        Command::Rules(a) => rules::run(&a),
        Command::Reading(a) => reading::run(&a),
        Command::Import(a) => import::run(&a),
        Command::Normalize(a) => normalize::run(&a),
    }
}

/// Reads the input file of a command; on failure, the Vietnamese message printed and exit
/// code 2 (an unreadable input).
pub fn read_input(path: &std::path::Path) -> Result<Vec<u8>, ExitCode> {
    std::fs::read(path).map_err(|e| fail(format!("không đọc được tệp {}: {e}", path.display()), 2))
}

/// Prints an error for the user in Vietnamese and returns exit code `code`.
pub fn fail(message: impl std::fmt::Display, code: u8) -> ExitCode {
    eprintln!("lỗi: {message}");
    ExitCode::from(code)
}
