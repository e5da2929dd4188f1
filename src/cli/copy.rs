//! `vanban copy`: makes a bản sao (sao y, sao lục, trích sao) of a .docx, with the copy block
//! of NĐ 30/2020 Phụ lục I phần II under the original. The input file is never changed.
//!
//! The copy number comes from `--number`, or with `--register --body ID` from the library's
//! register: the next number of the body's series for the copy type ("SY", "SL", "TrS"), and
//! the copy is entered in the register (sổ) under that number.

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Args, ValueEnum};

use super::library::{open, DbOption};
use super::{fail, read_input};
use vanban::copy::{make_copy, CopyKind, CopyRequest, CopySigner};
use vanban::library::IssueRequest;

/// Hình thức sao on the command line.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum KindArg {
    /// Sao y (SY).
    SaoY,
    /// Sao lục (SL).
    SaoLuc,
    /// Trích sao (TrS); this version keeps the whole body.
    TrichSao,
}

/// Arguments of `vanban copy`.
#[derive(Debug, Args)]
pub struct CopyArgs {
    /// Tệp .docx gốc (không bị sửa).
    #[arg(value_name = "TỆP")]
    pub file: PathBuf,
    /// Tệp bản sao cần ghi.
    #[arg(short, long, value_name = "TỆP_RA")]
    pub output: PathBuf,
    /// Hình thức sao.
    #[arg(long, value_enum, default_value = "sao-y")]
    pub kind: KindArg,
    /// Tên cơ quan chủ quản của cơ quan sao (nếu có).
    #[arg(long)]
    pub superior: Option<String>,
    /// Tên cơ quan, tổ chức sao văn bản.
    #[arg(long)]
    pub agency: String,
    /// Chữ viết tắt tên cơ quan sao ("VP" trong "Số: 05/SY-VP").
    #[arg(long)]
    pub abbr: String,
    /// Số bản sao trong sổ bản sao; bỏ trống thì in dấu chấm để điền tay.
    #[arg(long)]
    pub number: Option<u32>,
    /// Địa danh.
    #[arg(long)]
    pub place: String,
    /// Ngày sao (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub date: NaiveDate,
    /// Quyền hạn ký ("TL. CHÁNH VĂN PHÒNG"), nếu có.
    #[arg(long)]
    pub authority: Option<String>,
    /// Chức vụ người ký.
    #[arg(long)]
    pub position: String,
    /// Họ tên người ký.
    #[arg(long)]
    pub name: String,
    /// Nơi nhận (lặp lại cho mỗi dòng); mặc định "- Lưu: VT.".
    #[arg(long = "recipient")]
    pub recipients: Vec<String>,
    /// Lấy số tiếp theo trong sổ của cơ quan sao (dãy SY / SL / TrS) và vào sổ bản sao.
    #[arg(long, requires = "body", conflicts_with = "number")]
    pub register: bool,
    /// Mã số cơ quan sao trong thư viện (với --register).
    #[arg(long)]
    pub body: Option<i64>,
    #[command(flatten)]
    db: DbOption,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| format!("ngày không hợp lệ: {s} (dạng YYYY-MM-DD)"))
}

/// Writes the copy.
pub fn run(args: &CopyArgs) -> ExitCode {
    let same = match (args.file.canonicalize(), args.output.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => args.file == args.output,
    };
    if same {
        return fail(
            "tệp bản sao phải khác tệp gốc (không ghi đè văn bản gốc)",
            2,
        );
    }
    let name = args.file.display();
    let bytes = match read_input(&args.file) {
        Ok(b) => b,
        Err(code) => return code,
    };
    let req = CopyRequest {
        kind: match args.kind {
            KindArg::SaoY => CopyKind::SaoY,
            KindArg::SaoLuc => CopyKind::SaoLuc,
            KindArg::TrichSao => CopyKind::TrichSao,
        },
        superior: args.superior.clone(),
        agency: args.agency.clone(),
        agency_abbr: args.abbr.clone(),
        number: args.number,
        place: args.place.clone(),
        date: args.date,
        signer: CopySigner {
            authority: args.authority.clone(),
            position: args.position.clone(),
            name: args.name.clone(),
        },
        recipients: args.recipients.clone(),
    };
    let mut req = req;
    if args.register {
        // Check that the copy can be made before a number is taken.
        if let Err(e) = make_copy(&bytes, &req) {
            return fail(format!("{name}: {e}"), 1);
        }
        let mut lib = match open(&args.db) {
            Ok(l) => l,
            Err(e) => return fail(e, 1),
        };
        let abbr = req.kind.abbreviation();
        let entry = match lib.issue(&IssueRequest {
            body_id: args.body.unwrap_or_default(),
            doc_type: "ban_sao".into(),
            type_abbreviation: abbr.into(),
            issued_on: req.date,
            summary: format!("Bản {}: {name}", req.kind.form().to_lowercase()),
            signer: req.signer.name.clone(),
            draft_id: None,
            expected_number: None,
            confirmed_number: None,
        }) {
            Ok(e) => e,
            Err(e) => return fail(format!("sổ bản sao: {e}"), 1),
        };
        req.number = Some(entry.number);
        // The ký hiệu as the register recorded it ("SY-VP").
        if let Some(agency) = entry.symbol.strip_prefix(&format!("{abbr}-")) {
            req.agency_abbr = agency.to_string();
        }
    }
    let out = match make_copy(&bytes, &req) {
        Ok(o) => o,
        Err(e) => return fail(format!("{name}: {e}"), 1),
    };
    if let Err(e) = vanban::fsutil::atomic_write(&args.output, &out) {
        return fail(format!("không ghi được {}: {e}", args.output.display()), 1);
    }
    println!(
        "Đã ghi {} {}: {}",
        req.kind.form().to_lowercase(),
        req.number_line(),
        args.output.display()
    );
    ExitCode::SUCCESS
}
