//! `vanban drafts` and what every library subcommand shares (`--db`, errors, exit codes).
//!
//! Every library subcommand (`clauses`, `drafts`, `register`, `db`, `issue`) takes `--db PATH`;
//! without it the library in the user's data directory is used. Exit codes: 0 success, 1 a
//! refused operation, 2 an unusable file or input.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Subcommand};
use vanban::host::{Host, SystemHost};
use vanban::library::{Category, Library, LibraryError};

/// Where the database is (shared by all library subcommands).
#[derive(Debug, Clone, Args)]
pub struct DbOption {
    /// Tệp thư viện SQLite (mặc định: thư mục dữ liệu của người dùng).
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
}

/// `vanban drafts ...`
#[derive(Debug, Args)]
pub struct DraftsArgs {
    #[command(flatten)]
    db: DbOption,
    #[command(subcommand)]
    command: DraftsCommand,
}

#[derive(Debug, Subcommand)]
enum DraftsCommand {
    /// Liệt kê các dự thảo.
    List,
    /// In nội dung dự thảo (tệp dự thảo TOML).
    Show {
        /// Mã số dự thảo.
        id: i64,
        /// Phiên bản (mặc định: mới nhất).
        #[arg(long)]
        version: Option<i64>,
    },
    /// Liệt kê các phiên bản đã lưu của dự thảo.
    History {
        /// Mã số dự thảo.
        id: i64,
    },
    /// Khôi phục một phiên bản cũ (thành phiên bản mới nhất; lịch sử được giữ nguyên).
    Restore {
        /// Mã số dự thảo.
        id: i64,
        /// Phiên bản cần khôi phục.
        version: i64,
    },
    /// Ghi dự thảo ra tệp dự thảo (TOML) để dùng với `vanban render`.
    Export {
        /// Mã số dự thảo.
        id: i64,
        /// Tệp ra.
        #[arg(short, long)]
        output: PathBuf,
        /// Phiên bản (mặc định: mới nhất).
        #[arg(long)]
        version: Option<i64>,
    },
    /// Nhập một tệp dự thảo (TOML) thành dự thảo mới.
    Import {
        /// Tệp dự thảo.
        file: PathBuf,
        /// Tiêu đề (mặc định: trích yếu của dự thảo).
        #[arg(long)]
        title: Option<String>,
    },
}

/// A failure of a library subcommand.
#[derive(Debug, thiserror::Error)]
pub(super) enum CliError {
    /// The library refused or failed.
    #[error(transparent)]
    Library(#[from] LibraryError),
    /// A wrong argument or input.
    #[error("{0}")]
    Usage(String),
    /// An operation the rules refuse (a draft with errors, no issuing body).
    #[error("{0}")]
    Refused(String),
    /// A file could not be read or written.
    #[error("Không đọc/ghi được \"{path}\": {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl CliError {
    pub(super) fn exit_code(&self) -> u8 {
        match self {
            Self::Library(e) => e.exit_code(),
            Self::Refused(_) => 1,
            Self::Usage(_) | Self::Io { .. } => 2,
        }
    }
}

pub(super) type CliResult = Result<(), CliError>;

pub(super) fn finish(r: CliResult) -> ExitCode {
    match r {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("Lỗi: {e}");
            ExitCode::from(e.exit_code())
        }
    }
}

pub(super) fn open(db: &DbOption) -> Result<Library, CliError> {
    let path = match &db.db {
        Some(p) => p.clone(),
        None => vanban::host::default_library_path(&SystemHost).ok_or_else(|| {
            CliError::Usage(
                "Không xác định được thư mục dữ liệu của người dùng; hãy dùng --db PATH.".into(),
            )
        })?,
    };
    Ok(Library::open(path, SystemHost.clock())?)
}

pub(super) fn read(path: &Path) -> Result<String, CliError> {
    std::fs::read_to_string(path).map_err(|source| CliError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// Writes atomically (the core's one atomic write: temp file beside the target, then rename).
pub(super) fn write_atomic(path: &Path, content: &str) -> Result<(), CliError> {
    vanban::fsutil::atomic_write(path, content.as_bytes()).map_err(|e| CliError::Io {
        path: e.path,
        source: e.source,
    })
}

pub(super) fn parse_category(s: &str) -> Result<Category, CliError> {
    Category::parse(s).ok_or_else(|| {
        let all: Vec<&str> = Category::ALL.iter().map(|c| c.slug()).collect();
        CliError::Usage(format!(
            "Nhóm \"{s}\" không có; chọn một trong: {}",
            all.join(", ")
        ))
    })
}

pub(super) fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string_pretty(v).unwrap_or_default()
}
/// Runs `vanban drafts ...`.
pub fn drafts(args: DraftsArgs) -> ExitCode {
    finish(run_drafts(args))
}

fn run_drafts(args: DraftsArgs) -> CliResult {
    let mut lib = open(&args.db)?;
    match args.command {
        DraftsCommand::List => {
            let all = lib.drafts()?;
            if all.is_empty() {
                println!("Chưa có dự thảo nào.");
            }
            for d in all {
                let lock = if d.locked_version.is_some() {
                    " [đã ban hành]"
                } else {
                    ""
                };
                println!(
                    "{:>6}  {}  v{}  {} ({}){lock}",
                    d.id, d.updated_at, d.current_version, d.title, d.template
                );
            }
        }
        DraftsCommand::Show { id, version } => {
            print!("{}", lib.draft_version(id, version)?.content);
        }
        DraftsCommand::History { id } => {
            for v in lib.draft_history(id)? {
                println!(
                    "v{:<5} {}  {:<10} {} ký tự",
                    v.version,
                    v.saved_at,
                    v.kind,
                    v.content.chars().count()
                );
            }
        }
        DraftsCommand::Restore { id, version } => {
            let s = lib.restore_draft(id, version)?;
            println!(
                "Đã khôi phục phiên bản {version} thành phiên bản {} của dự thảo {id}.",
                s.version
            );
        }
        DraftsCommand::Export {
            id,
            output,
            version,
        } => {
            let content = lib.export_draft_file(id, version)?;
            write_atomic(&output, &content)?;
            println!("Đã ghi dự thảo {id} ra {}.", output.display());
        }
        DraftsCommand::Import { file, title } => {
            let content = read(&file)?;
            let id = lib.import_draft_file(&content, title.as_deref())?;
            println!("Đã nhập dự thảo {id}: {}", lib.draft(id)?.title);
        }
    }
    Ok(())
}
