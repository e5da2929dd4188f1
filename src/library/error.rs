//! Errors of the library (thư viện), each with a Vietnamese message saying what to do.

use std::path::PathBuf;

use super::transfer::Rejection;

/// Result type of the library.
pub type Result<T, E = LibraryError> = std::result::Result<T, E>;

/// What can go wrong with the library file or a request to it.
#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    /// The database file could not be opened or prepared.
    #[error("Không mở được thư viện \"{path}\": {source}")]
    Open {
        /// The database file.
        path: PathBuf,
        /// The SQLite error.
        #[source]
        source: rusqlite::Error,
    },
    /// The file was written by a newer Vanban (schema version above what this build knows).
    #[error(
        "Thư viện \"{path}\" được tạo bởi phiên bản Vanban mới hơn (lược đồ {found}, \
         phiên bản này chỉ đọc được đến lược đồ {supported}). Hãy cập nhật Vanban; \
         tệp thư viện không bị thay đổi."
    )]
    NewerSchema {
        /// The database file.
        path: PathBuf,
        /// `PRAGMA user_version` found in the file.
        found: u32,
        /// The newest schema this build knows.
        supported: u32,
    },
    /// `PRAGMA integrity_check` reported damage.
    #[error(
        "Thư viện \"{path}\" bị hỏng (kiểm tra toàn vẹn: {details}). \
         Hãy khôi phục từ bản sao lưu gần nhất."
    )]
    Corrupt {
        /// The database file.
        path: PathBuf,
        /// The first lines SQLite reported.
        details: String,
    },
    /// A database error during an operation.
    #[error("Lỗi cơ sở dữ liệu của thư viện: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A file could not be read or written.
    #[error("Không đọc/ghi được tệp \"{path}\": {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The OS error.
        #[source]
        source: std::io::Error,
    },
    /// No row with this id.
    #[error("Không tìm thấy {what} có mã số {id} trong thư viện.")]
    NotFound {
        /// What was looked for, in Vietnamese ("điều khoản", "dự thảo", ...).
        what: &'static str,
        /// The id asked for.
        id: i64,
    },
    /// A value given by the user is not acceptable.
    #[error("Trường \"{field}\" không hợp lệ: {reason}")]
    Invalid {
        /// The field at fault.
        field: String,
        /// Why, in Vietnamese.
        reason: String,
    },
    /// A clause's Tera variables could not be filled.
    #[error("Không điền được biến trong điều khoản \"{title}\": {reason}")]
    Template {
        /// The clause title.
        title: String,
        /// Tera's explanation.
        reason: String,
    },
    /// The draft was issued (đã ban hành) and is locked.
    #[error(
        "Dự thảo {id} đã được ban hành (số {number}) nên không sửa được nữa; \
         hãy tạo bản sao để soạn văn bản mới."
    )]
    DraftLocked {
        /// Draft id.
        id: i64,
        /// The issued number.
        number: u32,
    },
    /// A confirmed number is already in the register.
    #[error(
        "Số {number} của {body} ({series}) đã được cấp cho văn bản khác; \
         số văn bản không được dùng lại."
    )]
    NumberTaken {
        /// The number.
        number: u32,
        /// Agency abbreviation.
        body: String,
        /// The number series, in Vietnamese ("năm 2026", "loại KH, nhiệm kỳ từ 16/10/2025").
        series: String,
    },
    /// A Party body has no term start (ngày bắt đầu nhiệm kỳ), so its series is unknown.
    #[error(
        "Cơ quan \"{body}\" (mã số {id}) là cơ quan Đảng nhưng chưa có ngày bắt đầu nhiệm kỳ. \
         Văn bản của cấp ủy Đảng được đánh số từ 01 theo từng loại văn bản trong cả nhiệm kỳ \
         (Hướng dẫn 36-HD/VPTW), nên chưa cấp được số. Hãy đặt \"ngày bắt đầu nhiệm kỳ\" \
         cho cơ quan này (lệnh: vanban register term --body {id} --from NĂM-THÁNG-NGÀY), \
         rồi cấp số lại."
    )]
    NoTermStart {
        /// Agency name.
        body: String,
        /// Agency id.
        id: i64,
    },
    /// A Party document dated before its body's current term (it belongs to the previous one).
    #[error(
        "Ngày ban hành {} trước ngày bắt đầu nhiệm kỳ hiện tại của \"{body}\" ({}): \
         văn bản này thuộc nhiệm kỳ trước, không cấp số trong sổ của nhiệm kỳ này. \
         Hãy kiểm tra lại ngày ban hành hoặc ngày bắt đầu nhiệm kỳ.",
        .issued_on.format("%d/%m/%Y"),
        .term_started_on.format("%d/%m/%Y")
    )]
    BeforeTermStart {
        /// Agency name.
        body: String,
        /// The date of issue asked for.
        issued_on: chrono::NaiveDate,
        /// First day of the body's current term.
        term_started_on: chrono::NaiveDate,
    },
    /// A JSON import file was rejected; nothing was imported.
    #[error("{}", import_message(.rejected))]
    ImportRejected {
        /// Each bad row and why.
        rejected: Vec<Rejection>,
    },
    /// A draft file (TOML) is not a valid draft.
    #[error("Tệp dự thảo không hợp lệ: {0}")]
    DraftFile(String),
    /// A JSON file could not be parsed at all.
    #[error("Tệp JSON không hợp lệ ở dòng {line}, cột {column}: {reason}. Không có gì được nhập.")]
    MalformedJson {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// serde_json's explanation.
        reason: String,
    },
}

fn import_message(rejected: &[Rejection]) -> String {
    let mut s = format!(
        "Không nhập gì: {} dòng dữ liệu không hợp lệ (sửa rồi nhập lại cả tệp).",
        rejected.len()
    );
    for r in rejected {
        s.push_str("\n  - ");
        s.push_str(&r.to_string());
    }
    s
}

impl LibraryError {
    /// Process exit code for the CLI: 2 when the file cannot be used at all, 1 otherwise.
    pub fn exit_code(&self) -> u8 {
        match self {
            Self::Open { .. }
            | Self::NewerSchema { .. }
            | Self::Corrupt { .. }
            | Self::Io { .. }
            | Self::MalformedJson { .. }
            | Self::DraftFile(_) => 2,
            _ => 1,
        }
    }

    pub(crate) fn invalid(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Self::Invalid {
            field: field.into(),
            reason: reason.into(),
        }
    }
}
