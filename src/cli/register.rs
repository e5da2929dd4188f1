//! `vanban register` (sổ văn bản đi) and `vanban db` (backup, integrity) from the command line.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand};
use vanban::host::SystemHost;
use vanban::library::IssueRequest;
use vanban::model::System;

use super::library::{finish, open, CliError, CliResult, DbOption};

/// `vanban register ...`
#[derive(Debug, Args)]
pub struct RegisterArgs {
    #[command(flatten)]
    db: DbOption,
    #[command(subcommand)]
    command: RegisterCommand,
}

#[derive(Debug, Subcommand)]
enum RegisterCommand {
    /// Xem sổ văn bản đi.
    List {
        /// Chỉ cơ quan này (mã số).
        #[arg(long)]
        body: Option<i64>,
        /// Chỉ năm này.
        #[arg(long)]
        year: Option<i32>,
    },
    /// Cấp số và vào sổ một văn bản đi.
    Issue {
        /// Mã số cơ quan ban hành.
        #[arg(long)]
        body: i64,
        /// Loại văn bản (vd. chi-thi).
        #[arg(long = "type")]
        doc_type: String,
        /// Chữ viết tắt tên loại (vd. CT).
        #[arg(long)]
        abbr: String,
        /// Ngày ban hành (YYYY-MM-DD).
        #[arg(long)]
        date: chrono::NaiveDate,
        /// Trích yếu.
        #[arg(long)]
        summary: String,
        /// Người ký.
        #[arg(long)]
        signer: String,
        /// Dự thảo được ban hành (sẽ bị khóa).
        #[arg(long)]
        draft: Option<i64>,
        /// Số dự kiến đã hiển thị khi soạn.
        #[arg(long)]
        expected: Option<u32>,
        /// Số văn thư đã xác nhận, khi khác số kế tiếp.
        #[arg(long)]
        number: Option<u32>,
    },
    /// Xem số dự kiến kế tiếp.
    Next {
        /// Mã số cơ quan.
        #[arg(long)]
        body: i64,
        /// Chữ viết tắt tên loại (vd. KH); cơ quan Đảng đánh số riêng cho từng loại.
        #[arg(long)]
        abbr: String,
        /// Ngày ban hành dự kiến (YYYY-MM-DD; mặc định: hôm nay).
        #[arg(long)]
        date: Option<chrono::NaiveDate>,
    },
    /// Liệt kê các cơ quan ban hành (mã số, hệ thống, ngày bắt đầu nhiệm kỳ).
    Bodies,
    /// Đặt ngày bắt đầu nhiệm kỳ cấp ủy của một cơ quan Đảng (ngày sau ngày bế mạc đại hội):
    /// từ ngày này, mỗi loại văn bản được đánh số lại từ 01 trong cả nhiệm kỳ.
    Term {
        /// Mã số cơ quan Đảng.
        #[arg(long)]
        body: i64,
        /// Ngày bắt đầu nhiệm kỳ (YYYY-MM-DD).
        #[arg(long)]
        from: chrono::NaiveDate,
    },
}

/// `vanban db ...`
#[derive(Debug, Args)]
pub struct DbArgs {
    #[command(flatten)]
    db: DbOption,
    #[command(subcommand)]
    command: DbCommand,
}

#[derive(Debug, Subcommand)]
enum DbCommand {
    /// Sao lưu thư viện (an toàn cả khi ứng dụng đang ghi).
    Backup {
        /// Tệp sao lưu.
        dest: PathBuf,
    },
    /// Kiểm tra toàn vẹn thư viện.
    Check,
    /// In đường dẫn tệp thư viện.
    Path,
}

/// Runs `vanban register ...`.
pub fn register(args: RegisterArgs) -> ExitCode {
    finish(run_register(args))
}

fn run_register(args: RegisterArgs) -> CliResult {
    let mut lib = open(&args.db)?;
    match args.command {
        RegisterCommand::List { body, year } => {
            let names: BTreeMap<i64, String> = lib
                .agencies()?
                .into_iter()
                .map(|b| (b.id, b.fields.name))
                .collect();
            let rows = lib.register(body, year)?;
            if rows.is_empty() {
                println!("Sổ văn bản đi chưa có văn bản nào.");
            }
            for e in rows {
                println!(
                    "{}  Số: {}  {}  {}  (ký: {}; {}; dãy số {})",
                    e.issued_on.format("%d/%m/%Y"),
                    e.number_and_symbol(),
                    e.summary,
                    names.get(&e.body_id).map(String::as_str).unwrap_or("?"),
                    e.signer,
                    e.doc_type,
                    e.series_label()
                );
            }
        }
        RegisterCommand::Issue {
            body,
            doc_type,
            abbr,
            date,
            summary,
            signer,
            draft,
            expected,
            number,
        } => {
            let e = lib.issue(&IssueRequest {
                body_id: body,
                doc_type,
                type_abbreviation: abbr,
                issued_on: date,
                summary,
                signer,
                draft_id: draft,
                expected_number: expected,
                confirmed_number: number,
            })?;
            println!("Đã vào sổ: Số: {}", e.number_and_symbol());
            if e.differs_from_expected() {
                println!(
                    "Lưu ý: số cấp ({}) khác số dự kiến ({}); hãy sửa số trên văn bản.",
                    e.number,
                    e.expected_number.unwrap_or_default()
                );
            }
        }
        RegisterCommand::Next { body, abbr, date } => {
            let on = date.unwrap_or_else(|| vanban::host::Host::today(&vanban::host::SystemHost));
            let series = lib.series_for(body, &abbr, on)?;
            println!(
                "Số dự kiến: {:02} (dãy số {series})",
                lib.expected_number(body, &abbr, on)?
            );
        }
        RegisterCommand::Bodies => {
            for b in lib.agencies()? {
                let f = &b.fields;
                let system = match f.system {
                    System::State => "nhà nước",
                    System::Party => "Đảng",
                };
                let term = match (f.system, f.term_started_on) {
                    (System::State, _) => "đánh số theo năm".to_owned(),
                    (System::Party, Some(d)) => {
                        format!("nhiệm kỳ từ {}", d.format("%d/%m/%Y"))
                    }
                    (System::Party, None) => "CHƯA có ngày bắt đầu nhiệm kỳ".to_owned(),
                };
                println!(
                    "{:>4}  {:<8}  {:<10}  {}  ({term})",
                    b.id, system, f.abbreviation, f.name
                );
            }
        }
        RegisterCommand::Term { body, from } => {
            let b = lib.set_term_start(body, from)?;
            println!(
                "Đã đặt ngày bắt đầu nhiệm kỳ của {} là {}: văn bản ban hành từ ngày này \
                 được đánh số từ 01 theo từng loại văn bản.",
                b.fields.name,
                from.format("%d/%m/%Y")
            );
        }
    }
    Ok(())
}

/// Runs `vanban db ...`.
pub fn db(args: DbArgs) -> ExitCode {
    finish(run_db(args))
}

fn run_db(args: DbArgs) -> CliResult {
    if let DbCommand::Path = args.command {
        match args
            .db
            .db
            .or_else(|| vanban::host::default_library_path(&SystemHost))
        {
            Some(p) => println!("{}", p.display()),
            None => {
                return Err(CliError::Usage(
                    "Không xác định được thư mục dữ liệu.".into(),
                ))
            }
        }
        return Ok(());
    }
    let lib = open(&args.db)?;
    match args.command {
        DbCommand::Backup { dest } => {
            if vanban::fsutil::same_file(&dest, lib.path()) {
                return Err(CliError::Usage(format!(
                    "Tệp sao lưu {} trùng tệp thư viện: chọn tên khác.",
                    dest.display()
                )));
            }
            lib.backup_to(&dest)?;
            println!("Đã sao lưu {} ra {}.", lib.path().display(), dest.display());
        }
        DbCommand::Check => {
            lib.integrity_check()?;
            println!(
                "Thư viện {} toàn vẹn (lược đồ phiên bản {}).",
                lib.path().display(),
                lib.schema_version()?
            );
        }
        DbCommand::Path => {}
    }
    Ok(())
}
