//! `vanban check`: checks a .docx or a draft against the format rules and prints the report.
//! Exit 0 without errors, 1 with errors, 2 when the file cannot be read. A folder is checked
//! file by file ([`super::check_dir`]).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::{fail, read_input, TemplateArgs};
use vanban::check::ignore::{Ignore, IgnoreFile};
use vanban::check::profile::Profile;
use vanban::check::report::Report;
use vanban::check::{self, CheckOptions};
use vanban::draft::Draft;

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Văn bản cho người đọc.
    Text,
    /// JSON cho công cụ (docs/check-json.md).
    Json,
}

/// Arguments of `vanban check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Tệp cần kiểm tra: .docx hoặc bản thảo .toml; hoặc một thư mục (mọi tệp .docx trong đó).
    #[arg(value_name = "TỆP")]
    pub file: PathBuf,
    /// Dạng kết quả.
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
    /// Sửa các lỗi sửa tự động được (an toàn) và ghi ra tệp mới.
    #[arg(long)]
    pub fix: bool,
    /// Tệp kết quả khi sửa (mặc định: <tên>.da-sua.docx).
    #[arg(short = 'o', long, value_name = "TỆP")]
    pub output: Option<PathBuf>,
    /// Cho phép ghi đè tệp gốc khi -o trùng tệp gốc.
    #[arg(long)]
    pub overwrite: bool,
    /// Áp dụng cả các sửa có xem trước (trước/sau đã in ở kết quả).
    #[arg(long)]
    pub guarded: bool,
    /// Hồ sơ cơ quan (TOML): chọn phiên bản bộ quy tắc, siết quy tắc.
    #[arg(long, value_name = "HỒ_SƠ")]
    pub profile: Option<PathBuf>,
    /// Bộ quy tắc (ví dụ HD05-2026).
    #[arg(long, value_name = "MÃ")]
    pub ruleset: Option<String>,
    /// Dàn trang bằng LibreOffice để kiểm tra chữ ký bị tách trang (chậm hơn).
    #[arg(long)]
    pub layout: bool,
    /// Bỏ qua một lần xuất hiện: MÃ_QUY_TẮC hoặc MÃ_QUY_TẮC@SỐ_ĐOẠN (cần --reason).
    #[arg(long, value_name = "QUY_TẮC[@ĐOẠN]", requires = "reason")]
    pub ignore: Option<String>,
    /// Lý do bỏ qua (ghi vào <tệp>.vanban-ignore.json).
    #[arg(long, value_name = "LÝ_DO")]
    pub reason: Option<String>,
    /// Mẫu văn bản (cho bản thảo .toml).
    #[command(flatten)]
    pub templates: TemplateArgs,
    /// Thư viện SQLite để cảnh báo căn cứ hết hiệu lực trong bản thảo (mặc định: thư viện của
    /// người dùng nếu đã có).
    #[arg(long, value_name = "PATH")]
    pub db: Option<PathBuf>,
}

fn is_draft(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
}

fn print(report: &Report, format: Format) {
    match format {
        Format::Text => print!("{}", report.to_text()),
        Format::Json => println!(
            "{}",
            serde_json::to_string_pretty(report).unwrap_or_else(|_| "{}".into())
        ),
    }
}

fn check_bytes(
    args: &CheckArgs,
    bytes: &[u8],
    name: &str,
    opts: &CheckOptions,
) -> Result<Report, (String, u8)> {
    if is_draft(&args.file) {
        let source = std::str::from_utf8(bytes)
            .map_err(|_| ("bản thảo không phải văn bản UTF-8".to_string(), 2))?;
        let draft = Draft::from_toml(source).map_err(|e| (e.to_string(), 2))?;
        let templates = args.templates.load().map_err(|e| (e.to_string(), 2))?;
        let doc = draft.render(&templates).map_err(|e| (e.to_string(), 2))?;
        let mut report = check::check_document(&doc, name, opts).map_err(|e| (e.to_string(), 2))?;
        check::stale::append(&mut report, stale_in_draft(&draft, args.db.as_deref())?);
        Ok(report)
    } else {
        check::check_docx(bytes, name, opts).map_err(|e| (e.to_string(), 2))
    }
}

/// Stale references in the draft's text fields, located by field: from the library when one
/// is given or exists at the default path, else the district-level bodies abolished in 2025.
fn stale_in_draft(
    draft: &Draft,
    db: Option<&Path>,
) -> Result<Vec<(String, vanban::library::stale::StaleWarning)>, (String, u8)> {
    let on = draft
        .date
        .to_naive()
        .unwrap_or_else(|| vanban::host::Host::today(&vanban::host::SystemHost));
    let db = db.map(Path::to_path_buf).or_else(|| {
        vanban::host::default_library_path(&vanban::host::SystemHost).filter(|p| p.exists())
    });
    let library = match db {
        Some(path) => Some(
            vanban::library::Library::open(
                &path,
                vanban::host::Host::clock(&vanban::host::SystemHost),
            )
            .map_err(|e| (e.to_string(), 2))?,
        ),
        None => None,
    };
    let mut texts: Vec<(String, &str)> = vec![("subject".into(), draft.subject.as_str())];
    texts.extend(
        draft
            .fields
            .iter()
            .map(|(k, v)| (format!("fields.{k}"), v.as_str())),
    );
    texts.extend(
        draft
            .recipients
            .items
            .iter()
            .enumerate()
            .map(|(i, t)| (format!("recipients.items[{i}]"), t.as_str())),
    );
    let mut out = Vec::new();
    for (field, text) in texts {
        let found = match &library {
            Some(lib) => lib
                .stale_references(text, on)
                .map_err(|e| (e.to_string(), 2))?,
            None => vanban::library::stale::abolished_district_bodies(text, on),
        };
        out.extend(found.into_iter().map(|w| (field.clone(), w)));
    }
    Ok(out)
}

/// The office profile named by `--profile`, if any.
fn load_profile(args: &CheckArgs) -> Result<Option<Profile>, ExitCode> {
    let Some(p) = &args.profile else {
        return Ok(None);
    };
    std::fs::read_to_string(p)
        .map_err(|e| e.to_string())
        .and_then(|s| Profile::from_toml(&s).map_err(|e| e.to_string()))
        .map(Some)
        .map_err(|e| fail(format!("hồ sơ {}: {e}", p.display()), 2))
}

/// `vanban check THƯ_MỤC/`: options that change or mark one file do not apply to a folder.
fn run_dir(args: &CheckArgs) -> ExitCode {
    if args.fix || args.output.is_some() || args.ignore.is_some() {
        return fail(
            "--fix, -o và --ignore chỉ dùng cho một tệp, không dùng cho thư mục",
            2,
        );
    }
    let profile = match load_profile(args) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let opts = CheckOptions {
        profile,
        ruleset: args.ruleset.clone(),
        layout_engine: layout_engine(args.layout),
        ignores: Vec::new(),
    };
    super::check_dir::run(&args.file, args.format, &opts)
}

/// Runs `vanban check`.
pub fn run(args: &CheckArgs) -> ExitCode {
    let name = args.file.display().to_string();
    if args.file.is_dir() {
        return run_dir(args);
    }
    let bytes = match read_input(&args.file) {
        Ok(b) => b,
        Err(code) => return code,
    };
    let profile = match load_profile(args) {
        Ok(p) => p,
        Err(code) => return code,
    };
    if let (Some(spec), Some(reason)) = (&args.ignore, &args.reason) {
        let (rule, at) = spec
            .split_once('@')
            .map_or((spec.as_str(), None), |(r, a)| (r, Some(a)));
        let (paragraph, field) = match at {
            Some(a) => match a.parse::<usize>() {
                Ok(n) if n > 0 => (Some(n - 1), None),
                _ => (None, Some(a.to_string())),
            },
            None => (None, None),
        };
        let entry = Ignore {
            rule: rule.to_string(),
            paragraph,
            field,
            reason: reason.clone(),
        };
        if let Err(e) = IgnoreFile::add(&args.file, entry) {
            return fail(e, 2);
        }
    }
    let ignores = match IgnoreFile::load(&args.file) {
        Ok(f) => f.ignores,
        Err(e) => return fail(e, 2),
    };
    let opts = CheckOptions {
        profile,
        ruleset: args.ruleset.clone(),
        layout_engine: layout_engine(args.layout),
        ignores,
    };
    let report = match check_bytes(args, &bytes, &name, &opts) {
        Ok(r) => r,
        Err((msg, code)) => return fail(format!("{name}: {msg}"), code),
    };
    if !args.fix {
        print(&report, args.format);
        return ExitCode::from(u8::from(report.has_errors()));
    }
    if is_draft(&args.file) {
        print(&report, args.format);
        return fail(
            "--fix chỉ áp dụng cho tệp .docx; bản thảo được sửa trong trình soạn thảo",
            2,
        );
    }
    let out = args.output.clone().unwrap_or_else(|| {
        let stem = args
            .file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        args.file.with_file_name(format!("{stem}.da-sua.docx"))
    });
    let same = out == args.file
        || (out.exists()
            && std::fs::canonicalize(&out).ok() == std::fs::canonicalize(&args.file).ok());
    if same && !args.overwrite {
        return fail(
            "tệp kết quả trùng tệp gốc: thêm --overwrite nếu thật sự muốn ghi đè",
            2,
        );
    }
    let (fixed, applied) = match check::apply_fixes(&bytes, &report, args.guarded) {
        Ok(v) => v,
        Err(e) => {
            print(&report, args.format);
            return fail(e, 1);
        }
    };
    if let Err(e) = vanban::fsutil::atomic_write(&out, &fixed) {
        return fail(e, 1);
    }
    let out_name = out.display().to_string();
    let after = match check::check_docx(&fixed, &out_name, &opts) {
        Ok(r) => r,
        Err(e) => return fail(format!("{out_name}: {e}"), 2),
    };
    if args.format == Format::Text {
        println!(
            "Đã sửa theo {} quy tắc ({}) và ghi {out_name}.",
            applied.len(),
            applied.join(", ")
        );
        println!();
    }
    print(&after, args.format);
    ExitCode::from(u8::from(after.has_errors()))
}

/// The LibreOffice page layout engine when `--layout` asks for it.
fn layout_engine(on: bool) -> Option<std::sync::Arc<dyn check::layout_engine::PageLayoutEngine>> {
    on.then(|| {
        std::sync::Arc::new(vanban::host::Soffice)
            as std::sync::Arc<dyn check::layout_engine::PageLayoutEngine>
    })
}
