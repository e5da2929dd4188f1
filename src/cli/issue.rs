//! `vanban issue`: phát hành a saved draft from the command line, the same use case the app's
//! "Phát hành" button runs ([`vanban::issue`]).

use std::process::ExitCode;

use chrono::NaiveDate;
use clap::Args;
use vanban::draft::Draft;
use vanban::host::{Host, SystemHost};
use vanban::issue::{self, IssueError};

use super::library::{finish, open, CliError, CliResult, DbOption};
use super::TemplateArgs;

/// `vanban issue ID`
#[derive(Debug, Args)]
pub struct IssueArgs {
    #[command(flatten)]
    db: DbOption,
    #[command(flatten)]
    templates: TemplateArgs,
    /// Mã số dự thảo trong thư viện (xem `vanban drafts list`).
    id: i64,
    /// Chỉ xem số dự kiến, không phát hành.
    #[arg(long)]
    plan: bool,
    /// Số khác số dự kiến (số đã dùng trong dãy số sẽ bị từ chối).
    #[arg(long)]
    number: Option<u32>,
    /// Ngày phát hành YYYY-MM-DD nếu dự thảo chưa ghi đủ ngày (mặc định: hôm nay).
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<NaiveDate>,
    /// Ngày bắt đầu nhiệm kỳ của cơ quan Đảng ban hành (YYYY-MM-DD), nếu thư viện chưa có.
    #[arg(long, value_name = "YYYY-MM-DD")]
    term_start: Option<NaiveDate>,
}

impl From<IssueError> for CliError {
    fn from(e: IssueError) -> Self {
        match e {
            IssueError::Library(e) => CliError::Library(e),
            other => CliError::Refused(other.to_string()),
        }
    }
}

/// Runs `vanban issue ...`.
pub fn run(args: IssueArgs) -> ExitCode {
    finish(run_issue(args))
}

fn run_issue(args: IssueArgs) -> CliResult {
    let templates = args
        .templates
        .load()
        .map_err(|e| CliError::Usage(format!("Mẫu văn bản có lỗi: {e}")))?;
    let mut lib = open(&args.db)?;
    let saved = lib.draft_version(args.id, None)?;
    let draft = Draft::from_toml(&saved.content)
        .map_err(|e| CliError::Usage(format!("Dự thảo {} có lỗi: {e}", args.id)))?;
    let today = args.date.unwrap_or_else(|| SystemHost.today());
    if let Some(on) = args.term_start {
        issue::set_term_start(&mut lib, &draft, on)?;
    }
    let plan = issue::plan(&mut lib, &templates, &draft, today)?;
    if args.plan {
        println!(
            "Số dự kiến: {} ({}), dãy số {}; {}",
            plan.expected, plan.number_line, plan.series, plan.date
        );
        return Ok(());
    }
    let number = args.number.unwrap_or(plan.expected);
    let done = issue::issue(&mut lib, &templates, args.id, &draft, number, today)?;
    println!(
        "Đã phát hành văn bản số {} ngày {}; phiên bản đã khóa.",
        done.entry.number_and_symbol(),
        done.entry.issued_on.format("%d/%m/%Y")
    );
    Ok(())
}
