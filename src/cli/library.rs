//! `vanban clauses|drafts|register|db`: the library (thư viện) from the command line.
//!
//! Every subcommand takes `--db PATH`; without it the library in the user's data directory
//! is used. Exit codes: 0 success, 1 a refused operation, 2 an unusable file or input.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Subcommand};

use crate::library::{
    self, Category, IssueRequest, Library, LibraryError, NewClause, SearchQuery, Validity,
};

/// Where the database is (shared by all library subcommands).
#[derive(Debug, Clone, Args)]
pub struct DbOption {
    /// Tệp thư viện SQLite (mặc định: thư mục dữ liệu của người dùng).
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
}

/// `vanban clauses ...`
#[derive(Debug, Args)]
pub struct ClausesArgs {
    #[command(flatten)]
    db: DbOption,
    #[command(subcommand)]
    command: ClausesCommand,
}

#[derive(Debug, Subcommand)]
enum ClausesCommand {
    /// Tìm điều khoản (không cần gõ dấu; gõ dở chữ vẫn tìm được).
    Search {
        /// Từ cần tìm, ví dụ: dan van
        words: Vec<String>,
        /// Chỉ nhóm này (vd. "can cu", "phuong cham").
        #[arg(long)]
        category: Option<String>,
        /// Chỉ điều khoản có thẻ này.
        #[arg(long)]
        tag: Option<String>,
        /// Chỉ điều khoản hợp với loại văn bản này (vd. ke-hoach).
        #[arg(long = "type")]
        doc_type: Option<String>,
        /// Số kết quả tối đa.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// In JSON.
        #[arg(long)]
        json: bool,
    },
    /// Thêm điều khoản.
    Add {
        #[command(flatten)]
        fields: ClauseFields,
    },
    /// Sửa điều khoản (bản cũ được giữ trong lịch sử).
    Edit {
        /// Mã số điều khoản.
        id: i64,
        #[command(flatten)]
        fields: ClauseFields,
    },
    /// Xem một điều khoản.
    Show {
        /// Mã số điều khoản.
        id: i64,
        /// In JSON.
        #[arg(long)]
        json: bool,
    },
    /// Xem các phiên bản cũ của điều khoản.
    History {
        /// Mã số điều khoản.
        id: i64,
    },
    /// Nhập điều khoản, cơ quan, người ký từ tệp JSON (hoặc nhập hết, hoặc không nhập gì).
    Import {
        /// Tệp JSON.
        file: PathBuf,
    },
    /// Xuất điều khoản, cơ quan, người ký, nơi nhận ra JSON.
    Export {
        /// Tệp ra (mặc định: in ra màn hình).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
}

#[derive(Debug, Args)]
struct ClauseFields {
    /// Tiêu đề.
    #[arg(long)]
    title: Option<String>,
    /// Nội dung (có thể có biến Tera như {{ nam }}).
    #[arg(long, conflicts_with = "text_file")]
    text: Option<String>,
    /// Đọc nội dung từ tệp.
    #[arg(long, value_name = "FILE")]
    text_file: Option<PathBuf>,
    /// Nhóm: can_cu, mo_dau, muc_dich, yeu_cau, noi_dung, to_chuc_thuc_hien, ket_thuc, noi_nhan, phuong_cham, khac.
    #[arg(long)]
    category: Option<String>,
    /// Thẻ (lặp lại được); khi sửa, thay toàn bộ thẻ cũ.
    #[arg(long = "tag")]
    tags: Vec<String>,
    /// Loại văn bản phù hợp (lặp lại được), vd. ke-hoach.
    #[arg(long = "type")]
    doc_types: Vec<String>,
    /// Văn bản được trích dẫn, vd. "Nghị định số 30/2020/NĐ-CP".
    #[arg(long)]
    source: Option<String>,
    /// Căn cứ đã bị thay thế bởi văn bản này.
    #[arg(long, conflicts_with_all = ["expired", "in_force"])]
    replaced_by: Option<String>,
    /// Căn cứ đã hết hiệu lực.
    #[arg(long, conflicts_with = "in_force")]
    expired: bool,
    /// Căn cứ còn hiệu lực.
    #[arg(long)]
    in_force: bool,
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
    /// (Kiểm thử) lưu liên tục nhiều phiên bản, in số phiên bản sau mỗi lần lưu.
    #[command(hide = true)]
    StressSave {
        /// Số lần lưu.
        #[arg(long, default_value_t = 100_000)]
        count: u64,
    },
}

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

/// A failure of a library subcommand.
#[derive(Debug, thiserror::Error)]
enum CliError {
    #[error(transparent)]
    Library(#[from] LibraryError),
    #[error("{0}")]
    Usage(String),
    #[error("Không đọc/ghi được \"{path}\": {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl CliError {
    fn exit_code(&self) -> u8 {
        match self {
            Self::Library(e) => e.exit_code(),
            Self::Usage(_) | Self::Io { .. } => 2,
        }
    }
}

type CliResult = Result<(), CliError>;

fn finish(r: CliResult) -> ExitCode {
    match r {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("Lỗi: {e}");
            ExitCode::from(e.exit_code())
        }
    }
}

fn open(db: &DbOption) -> Result<Library, CliError> {
    let path = match &db.db {
        Some(p) => p.clone(),
        None => library::default_path().ok_or_else(|| {
            CliError::Usage(
                "Không xác định được thư mục dữ liệu của người dùng; hãy dùng --db PATH.".into(),
            )
        })?,
    };
    Ok(Library::open(path)?)
}

fn read(path: &Path) -> Result<String, CliError> {
    std::fs::read_to_string(path).map_err(|source| CliError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// Writes atomically: a temp file in the same directory, then rename.
fn write_atomic(path: &Path, content: &str) -> Result<(), CliError> {
    let io = |source| CliError::Io {
        path: path.to_path_buf(),
        source,
    };
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(io)?;
    tmp.write_all(content.as_bytes()).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    tmp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}

fn parse_category(s: &str) -> Result<Category, CliError> {
    Category::parse(s).ok_or_else(|| {
        let all: Vec<&str> = Category::ALL.iter().map(|c| c.slug()).collect();
        CliError::Usage(format!(
            "Nhóm \"{s}\" không có; chọn một trong: {}",
            all.join(", ")
        ))
    })
}

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string_pretty(v).unwrap_or_default()
}

/// Runs `vanban clauses ...`.
pub fn clauses(args: ClausesArgs) -> ExitCode {
    finish(run_clauses(args))
}

fn run_clauses(args: ClausesArgs) -> CliResult {
    let mut lib = open(&args.db)?;
    match args.command {
        ClausesCommand::Search {
            words,
            category,
            tag,
            doc_type,
            limit,
            json: as_json,
        } => {
            let q = SearchQuery {
                text: words.join(" "),
                category: category.as_deref().map(parse_category).transpose()?,
                tag,
                doc_type,
                limit: Some(limit),
            };
            let hits = lib.search(&q)?;
            if as_json {
                println!("{}", json(&hits));
            } else if hits.is_empty() {
                println!("Không tìm thấy điều khoản nào.");
            } else {
                for h in hits {
                    let c = &h.clause;
                    let mark = match &c.fields.validity {
                        Validity::InForce => String::new(),
                        v => format!(" [{}]", v.describe()),
                    };
                    println!(
                        "{:>6}  [{}] {}{mark}",
                        c.id,
                        c.fields.category.label(),
                        c.fields.title
                    );
                }
            }
        }
        ClausesCommand::Add { fields } => {
            let new = NewClause {
                title: fields
                    .title
                    .clone()
                    .ok_or_else(|| CliError::Usage("Thiếu --title.".into()))?,
                text: clause_text(&fields)?
                    .ok_or_else(|| CliError::Usage("Thiếu --text hoặc --text-file.".into()))?,
                category: parse_category(
                    fields
                        .category
                        .as_deref()
                        .ok_or_else(|| CliError::Usage("Thiếu --category.".into()))?,
                )?,
                tags: fields.tags.clone(),
                doc_types: fields.doc_types.clone(),
                source: fields.source.clone(),
                validity: validity(&fields).unwrap_or_default(),
            };
            let c = lib.add_clause(new)?;
            println!("Đã thêm điều khoản {}: {}", c.id, c.fields.title);
        }
        ClausesCommand::Edit { id, fields } => {
            let mut c = lib.clause(id)?.fields;
            if let Some(t) = &fields.title {
                c.title = t.clone();
            }
            if let Some(t) = clause_text(&fields)? {
                c.text = t;
            }
            if let Some(cat) = &fields.category {
                c.category = parse_category(cat)?;
            }
            if !fields.tags.is_empty() {
                c.tags = fields.tags.clone();
            }
            if !fields.doc_types.is_empty() {
                c.doc_types = fields.doc_types.clone();
            }
            if let Some(s) = &fields.source {
                c.source = Some(s.clone());
            }
            if let Some(v) = validity(&fields) {
                c.validity = v;
            }
            let c = lib.edit_clause(id, c)?;
            println!("Đã lưu điều khoản {} (phiên bản {}).", c.id, c.version);
        }
        ClausesCommand::Show { id, json: as_json } => {
            let c = lib.clause(id)?;
            if as_json {
                println!("{}", json(&c));
            } else {
                println!(
                    "Điều khoản {} (phiên bản {}): {}",
                    c.id, c.version, c.fields.title
                );
                println!("Nhóm: {}", c.fields.category.label());
                if !c.fields.tags.is_empty() {
                    println!("Thẻ: {}", c.fields.tags.join(", "));
                }
                if !c.fields.doc_types.is_empty() {
                    println!("Loại văn bản: {}", c.fields.doc_types.join(", "));
                }
                if let Some(s) = &c.fields.source {
                    println!("Nguồn: {s}");
                }
                println!("Hiệu lực: {}", c.fields.validity.describe());
                let vars = library::clauses::variables(&c.fields.text).unwrap_or_default();
                if !vars.is_empty() {
                    println!("Biến: {}", vars.join(", "));
                }
                println!(
                    "Đã dùng: {} lần{}",
                    c.use_count,
                    c.last_used
                        .map(|t| format!(", lần cuối {t}"))
                        .unwrap_or_default()
                );
                println!("\n{}", c.fields.text);
            }
        }
        ClausesCommand::History { id } => {
            let c = lib.clause(id)?;
            println!(
                "Phiên bản {} (hiện tại, {}): {}",
                c.version, c.updated_at, c.fields.text
            );
            for v in lib.clause_history(id)? {
                println!(
                    "Phiên bản {} (thay ngày {}): {}",
                    v.version, v.saved_at, v.fields.text
                );
            }
        }
        ClausesCommand::Import { file } => {
            let text = read(&file)?;
            let s = lib.import_json(&text)?;
            println!("Đã nhập {} dòng, bỏ qua {} dòng đã có.", s.added, s.skipped);
        }
        ClausesCommand::Export { output } => {
            let text = lib.export_json()?;
            match output {
                Some(p) => {
                    write_atomic(&p, &text)?;
                    println!("Đã xuất thư viện ra {}.", p.display());
                }
                None => println!("{text}"),
            }
        }
    }
    Ok(())
}

fn clause_text(f: &ClauseFields) -> Result<Option<String>, CliError> {
    match (&f.text, &f.text_file) {
        (Some(t), _) => Ok(Some(t.clone())),
        (None, Some(p)) => Ok(Some(read(p)?)),
        (None, None) => Ok(None),
    }
}

fn validity(f: &ClauseFields) -> Option<Validity> {
    if let Some(by) = &f.replaced_by {
        Some(Validity::Replaced { by: by.clone() })
    } else if f.expired {
        Some(Validity::Expired)
    } else if f.in_force {
        Some(Validity::InForce)
    } else {
        None
    }
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
        DraftsCommand::StressSave { count } => {
            lib.set_autosave_window(std::time::Duration::ZERO);
            let id = lib.create_draft("Kiểm thử ghi liên tục", "ke-hoach", &stress_content(1))?;
            let mut out = std::io::stdout().lock();
            let _ = writeln!(out, "draft {id}");
            for i in 2..=count.max(2) {
                let saved = lib.save_draft(id, &stress_content(i))?;
                let _ = writeln!(out, "saved {}", saved.version);
                let _ = out.flush();
            }
        }
    }
    Ok(())
}

/// The content the stress test writes as version `i` (the test recomputes it).
pub fn stress_content(i: u64) -> String {
    format!(
        "# phiên bản {i}\ntrich_yeu = \"Về công tác dân vận, lần lưu {i}\"\n{}",
        "nội dung ".repeat(200)
    )
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
                .bodies()?
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
            let on = date.unwrap_or_else(|| chrono::Local::now().date_naive());
            let series = lib.series_for(body, &abbr, on)?;
            println!(
                "Số dự kiến: {:02} (dãy số {series})",
                lib.expected_number(body, &abbr, on)?
            );
        }
        RegisterCommand::Bodies => {
            for b in lib.bodies()? {
                let f = &b.fields;
                let system = match f.system {
                    library::System::State => "nhà nước",
                    library::System::Party => "Đảng",
                };
                let term = match (f.system, f.term_started_on) {
                    (library::System::State, _) => "đánh số theo năm".to_owned(),
                    (library::System::Party, Some(d)) => {
                        format!("nhiệm kỳ từ {}", d.format("%d/%m/%Y"))
                    }
                    (library::System::Party, None) => "CHƯA có ngày bắt đầu nhiệm kỳ".to_owned(),
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
        match args.db.db.or_else(library::default_path) {
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
