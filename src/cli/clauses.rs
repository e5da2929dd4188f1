//! `vanban clauses`: the clause library (thư viện điều khoản) from the command line.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand};
use vanban::library::{self, NewClause, SearchQuery, Validity};

use super::library::{
    finish, json, open, parse_category, read, write_atomic, CliError, CliResult, DbOption,
};

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
