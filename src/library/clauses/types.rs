//! What a clause is (điều khoản mẫu): its group, validity, fields and stored form, and the
//! `{{ variable }}` placeholders filled when it is inserted into a draft.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::library::error::{LibraryError, Result};
use crate::library::fold::fold;

/// What a clause is for, i.e. where in a document it goes (nhóm điều khoản).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Căn cứ: the legal bases at the top of the body.
    CanCu,
    /// Mở đầu: opening sentences ("Thực hiện ..., ... xây dựng Kế hoạch ... như sau:").
    MoDau,
    /// Mục đích.
    MucDich,
    /// Yêu cầu.
    YeuCau,
    /// Nội dung.
    NoiDung,
    /// Tổ chức thực hiện.
    ToChucThucHien,
    /// Kết thúc: closing sentences ("Trên đây là ...").
    KetThuc,
    /// Nơi nhận: recipient lines.
    NoiNhan,
    /// Phương châm, khẩu hiệu: slogans ("Dân biết, dân bàn, ...").
    PhuongCham,
    /// Khác: anything else.
    Khac,
}

impl Category {
    /// All categories, in document order.
    pub const ALL: [Category; 10] = [
        Self::CanCu,
        Self::MoDau,
        Self::MucDich,
        Self::YeuCau,
        Self::NoiDung,
        Self::ToChucThucHien,
        Self::KetThuc,
        Self::NoiNhan,
        Self::PhuongCham,
        Self::Khac,
    ];

    /// The stored slug ("can_cu").
    pub fn slug(self) -> &'static str {
        match self {
            Self::CanCu => "can_cu",
            Self::MoDau => "mo_dau",
            Self::MucDich => "muc_dich",
            Self::YeuCau => "yeu_cau",
            Self::NoiDung => "noi_dung",
            Self::ToChucThucHien => "to_chuc_thuc_hien",
            Self::KetThuc => "ket_thuc",
            Self::NoiNhan => "noi_nhan",
            Self::PhuongCham => "phuong_cham",
            Self::Khac => "khac",
        }
    }

    /// The Vietnamese label ("Căn cứ").
    pub fn label(self) -> &'static str {
        match self {
            Self::CanCu => "Căn cứ",
            Self::MoDau => "Mở đầu",
            Self::MucDich => "Mục đích",
            Self::YeuCau => "Yêu cầu",
            Self::NoiDung => "Nội dung",
            Self::ToChucThucHien => "Tổ chức thực hiện",
            Self::KetThuc => "Kết thúc",
            Self::NoiNhan => "Nơi nhận",
            Self::PhuongCham => "Phương châm, khẩu hiệu",
            Self::Khac => "Khác",
        }
    }

    /// Reads a slug or a label, with or without diacritics ("can cu", "Căn cứ", "can_cu").
    pub fn parse(text: &str) -> Option<Category> {
        let key = fold(text).replace(['_', '-', ','], " ");
        let key: Vec<&str> = key.split_whitespace().collect();
        Self::ALL.into_iter().find(|c| {
            let slug = c.slug().replace('_', " ");
            let label = fold(c.label()).replace(',', " ");
            key == slug.split_whitespace().collect::<Vec<_>>()
                || key == label.split_whitespace().collect::<Vec<_>>()
                || (*c == Self::PhuongCham
                    && (key == ["khau", "hieu"] || key == ["phuong", "cham"]))
        })
    }
}

impl std::fmt::Display for Category {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// Whether a legal basis still applies (hiệu lực).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Validity {
    /// Còn hiệu lực.
    #[default]
    InForce,
    /// Đã được thay thế bởi another document (named in `by`).
    Replaced {
        /// The replacing document, e.g. "Nghị định số 30/2020/NĐ-CP".
        by: String,
    },
    /// Hết hiệu lực.
    Expired,
}

impl Validity {
    pub(super) fn to_columns(&self) -> (&'static str, Option<&str>) {
        match self {
            Self::InForce => ("in_force", None),
            Self::Replaced { by } => ("replaced", Some(by.as_str())),
            Self::Expired => ("expired", None),
        }
    }

    pub(super) fn from_columns(state: &str, by: Option<String>) -> Validity {
        match state {
            "replaced" => Self::Replaced {
                by: by.unwrap_or_default(),
            },
            "expired" => Self::Expired,
            _ => Self::InForce,
        }
    }

    /// Vietnamese description ("còn hiệu lực", "đã được thay thế bởi ...").
    pub fn describe(&self) -> String {
        match self {
            Self::InForce => "còn hiệu lực".to_owned(),
            Self::Replaced { by } => format!("đã được thay thế bởi {by}"),
            Self::Expired => "đã hết hiệu lực".to_owned(),
        }
    }
}

/// The editable fields of a clause (for adding, editing and importing).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct NewClause {
    /// Short title shown in lists ("Căn cứ Luật Tổ chức chính quyền địa phương").
    pub title: String,
    /// The text inserted into a draft; may hold Tera variables such as `{{ nam }}`.
    pub text: String,
    /// Where it goes in a document.
    pub category: Category,
    /// Free tags ("dân vận", "cải cách hành chính").
    #[serde(default)]
    pub tags: Vec<String>,
    /// Template slugs of the document types it suits ("ke-hoach"); empty = any.
    #[serde(default)]
    pub doc_types: Vec<String>,
    /// The document it cites or comes from ("Luật số 77/2015/QH13").
    #[serde(default)]
    pub source: Option<String>,
    /// Validity of a legal basis.
    #[serde(default)]
    pub validity: Validity,
}

/// A stored clause.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Clause {
    /// Row id.
    pub id: i64,
    /// Current content.
    #[serde(flatten)]
    pub fields: NewClause,
    /// Times inserted into a draft.
    pub use_count: i64,
    /// Last insertion ("2025-07-01T08:30:00").
    pub last_used: Option<String>,
    /// Creation time.
    pub created_at: String,
    /// Last edit time.
    pub updated_at: String,
    /// Edit counter: 1 for a new clause, +1 per edit.
    pub version: i64,
}

/// An earlier version of a clause, kept when it was edited.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ClauseVersion {
    /// Version number (1 = as first written).
    pub version: i64,
    /// Content of that version.
    #[serde(flatten)]
    pub fields: NewClause,
    /// When that version was replaced by the next.
    pub saved_at: String,
}

impl NewClause {
    /// Trims the fields, normalises tags, and checks that the text is a valid template.
    pub fn validate(mut self) -> Result<NewClause> {
        self.title = self.title.trim().to_owned();
        self.text = self.text.trim().to_owned();
        if self.title.is_empty() {
            return Err(LibraryError::invalid(
                "title",
                "tiêu đề không được để trống",
            ));
        }
        if self.text.is_empty() {
            return Err(LibraryError::invalid(
                "text",
                "nội dung không được để trống",
            ));
        }
        variables(&self.text).map_err(|reason| {
            LibraryError::invalid("text", format!("mẫu Tera sai cú pháp: {reason}"))
        })?;
        let clean = |v: Vec<String>| {
            let mut v: Vec<String> = v
                .into_iter()
                .map(|t| t.trim().to_owned())
                .filter(|t| !t.is_empty())
                .collect();
            v.sort();
            v.dedup();
            v
        };
        self.tags = clean(self.tags);
        self.doc_types = clean(self.doc_types);
        if let Some(bad) = self.doc_types.iter().find(|d| {
            !d.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        }) {
            return Err(LibraryError::invalid(
                "doc_types",
                format!(
                    "\"{bad}\" không phải tên mẫu văn bản (chữ thường không dấu, vd. ke-hoach)"
                ),
            ));
        }
        self.source = self
            .source
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty());
        if let Validity::Replaced { by } = &mut self.validity {
            *by = by.trim().to_owned();
            if by.is_empty() {
                return Err(LibraryError::invalid(
                    "validity",
                    "căn cứ đã bị thay thế phải ghi văn bản thay thế",
                ));
            }
        }
        Ok(self)
    }
}

/// The Tera variables a clause text uses (`{{ nam }}` → "nam"), or the syntax error.
pub fn variables(text: &str) -> std::result::Result<Vec<String>, String> {
    let mut tera = tera::Tera::default();
    tera.autoescape_on(Vec::<&str>::new());
    tera.add_raw_template("clause", text)
        .map_err(|e| tera_reason(&e))?;
    let mut vars: Vec<String> = tera
        .get_template_variables("clause")
        .map_err(|e| tera_reason(&e))?
        .into_iter()
        .map(str::to_owned)
        .collect();
    vars.sort();
    Ok(vars)
}

fn tera_reason(e: &tera::Error) -> String {
    use std::error::Error as _;
    let mut s = e.to_string();
    let mut src = e.source();
    while let Some(inner) = src {
        s.push_str(": ");
        s.push_str(&inner.to_string());
        src = inner.source();
    }
    s
}

/// Fills a clause's Tera variables (`{{ nam }}`) with the given values; text output, no
/// HTML escaping. A variable without a value is an error naming it.
pub fn fill(clause: &Clause, values: &BTreeMap<String, String>) -> Result<String> {
    let vars = variables(&clause.fields.text).map_err(|reason| LibraryError::Template {
        title: clause.fields.title.clone(),
        reason,
    })?;
    let missing: Vec<&str> = vars
        .iter()
        .filter(|v| !values.contains_key(v.as_str()))
        .map(String::as_str)
        .collect();
    if !missing.is_empty() {
        return Err(LibraryError::Template {
            title: clause.fields.title.clone(),
            reason: format!("thiếu giá trị cho biến {}", missing.join(", ")),
        });
    }
    let mut ctx = tera::Context::new();
    for (k, v) in values {
        ctx.insert(k.clone(), v);
    }
    tera::Tera::one_off(&clause.fields.text, &ctx, false).map_err(|e| LibraryError::Template {
        title: clause.fields.title.clone(),
        reason: tera_reason(&e),
    })
}
