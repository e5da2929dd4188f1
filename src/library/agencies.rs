//! Issuing bodies (cơ quan ban hành), signers (người ký) and reusable Nơi nhận lists.

use rusqlite::{params, OptionalExtension, TransactionBehavior};
use serde::{Deserialize, Serialize};

use super::error::{LibraryError, Result};
use super::Library;
pub use crate::model::System;

/// The stored form of a [`System`] ("state" / "party") in the `system` column.
pub(crate) fn system_slug(system: System) -> &'static str {
    match system {
        System::State => "state",
        System::Party => "party",
    }
}

/// Reads the `system` column; anything but "party" is a state body.
pub(crate) fn system_from_slug(s: &str) -> System {
    if s == "party" {
        System::Party
    } else {
        System::State
    }
}

/// An issuing body as written in import files (its superior named, not numbered).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct NewAgency {
    /// Full name as in the header ("ỦY BAN NHÂN DÂN HUYỆN XUÂN LỘC").
    pub name: String,
    /// Abbreviation used in số ký hiệu ("UBND", "BDVTU").
    pub abbreviation: String,
    /// Name of the superior body (cơ quan chủ quản), which must exist or come earlier.
    #[serde(default)]
    pub superior: Option<String>,
    /// Place name for the date line ("Xuân Lộc").
    #[serde(default)]
    pub place: Option<String>,
    /// State or Party.
    pub system: System,
    /// Date the body ceased to exist ("2025-07-01" for district-level bodies), if it did.
    #[serde(default)]
    pub abolished_on: Option<chrono::NaiveDate>,
    /// Party bodies: first day of the current nhiệm kỳ cấp ủy (the day after the congress
    /// closed). Party numbers run per document type through the term (Hướng dẫn
    /// 36-HD/VPTW §1.3.1 a); none for state bodies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub term_started_on: Option<chrono::NaiveDate>,
    /// Free note.
    #[serde(default)]
    pub note: Option<String>,
}

/// A stored issuing body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Agency {
    /// Row id.
    pub id: i64,
    /// Superior body id.
    pub superior_id: Option<i64>,
    /// Fields.
    #[serde(flatten)]
    pub fields: NewAgency,
}

/// One way a person signs (thẩm quyền ký): "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct SigningForm {
    /// Authority mark: "TM.", "KT.", "TL.", "TUQ.", "Q.", Party "T/M"; none when the head signs
    /// in their own name.
    #[serde(default)]
    pub authority: Option<String>,
    /// The collective or head signed for ("ỦY BAN NHÂN DÂN", "BAN THƯỜNG VỤ", "CHỦ TỊCH").
    #[serde(default)]
    pub on_behalf_of: Option<String>,
    /// Further authority lines stacked under the first ("KT." for "CHỦ TỊCH" under "TM. ỦY
    /// BAN NHÂN DÂN"), outermost first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stacked: Vec<StackedMark>,
    /// The signer's position line ("CHỦ TỊCH", "PHÓ BÍ THƯ THƯỜNG TRỰC").
    pub position: String,
}

/// A further authority line of a [`SigningForm`] (quyền hạn ký xếp chồng): "KT." + "CHỦ TỊCH".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct StackedMark {
    /// Authority mark, one of [`AUTHORITIES`].
    pub authority: String,
    /// The head signed for ("CHỦ TỊCH", "CHÁNH VĂN PHÒNG").
    pub on_behalf_of: String,
}

/// Authority marks a signing form may use.
pub const AUTHORITIES: [&str; 8] = ["TM.", "KT.", "TL.", "TUQ.", "Q.", "T/M", "K/T", "T/L"];

/// A signer as written in import files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct NewSignerProfile {
    /// Full name ("Nguyễn Thị Cát Tiên").
    pub name: String,
    /// Agency name the person signs for, if known.
    #[serde(default)]
    pub body: Option<String>,
    /// The ways this person signs.
    pub forms: Vec<SigningForm>,
}

/// A stored signer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SignerProfile {
    /// Row id.
    pub id: i64,
    /// Fields.
    #[serde(flatten)]
    pub fields: NewSignerProfile,
}

/// A reusable Nơi nhận list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct RecipientList {
    /// A name to pick it by ("Chỉ thị UBND huyện gửi cấp xã").
    pub name: String,
    /// Agency name it belongs to, if any.
    #[serde(default)]
    pub body: Option<String>,
    /// "Gửi bản điện tử:" variant.
    #[serde(default)]
    pub electronic: bool,
    /// Recipient lines without the leading "- " and the final punctuation.
    pub items: Vec<String>,
    /// What follows "- Lưu:" ("VT, NV").
    pub archive: String,
}

impl NewAgency {
    pub(crate) fn validate(mut self) -> Result<NewAgency> {
        self.name = self.name.trim().to_owned();
        self.abbreviation = self.abbreviation.trim().to_owned();
        if self.name.is_empty() {
            return Err(LibraryError::invalid(
                "name",
                "tên cơ quan không được để trống",
            ));
        }
        if self.abbreviation.is_empty() || self.abbreviation.contains(char::is_whitespace) {
            return Err(LibraryError::invalid(
                "abbreviation",
                "chữ viết tắt phải có và không chứa dấu cách (vd. UBND, BDVTU)",
            ));
        }
        self.superior = self
            .superior
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty());
        self.place = self
            .place
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty());
        if let Some(start) = self.term_started_on {
            validate_term_start(self.system, start, self.abolished_on)?;
        }
        Ok(self)
    }
}

/// The Communist Party of Việt Nam was founded on 3 February 1930: no term starts earlier.
const EARLIEST_TERM: chrono::NaiveDate = match chrono::NaiveDate::from_ymd_opt(1930, 2, 3) {
    Some(d) => d,
    None => chrono::NaiveDate::MIN,
};

/// Checks a term start date (ngày bắt đầu nhiệm kỳ) for a body of `system`.
pub(crate) fn validate_term_start(
    system: System,
    start: chrono::NaiveDate,
    abolished_on: Option<chrono::NaiveDate>,
) -> Result<()> {
    if system != System::Party {
        return Err(LibraryError::invalid(
            "term_started_on",
            "chỉ cơ quan Đảng mới có nhiệm kỳ; cơ quan nhà nước đánh số theo năm",
        ));
    }
    if start < EARLIEST_TERM {
        return Err(LibraryError::invalid(
            "term_started_on",
            format!("ngày bắt đầu nhiệm kỳ {start} không hợp lệ"),
        ));
    }
    if abolished_on.is_some_and(|a| start >= a) {
        return Err(LibraryError::invalid(
            "term_started_on",
            "ngày bắt đầu nhiệm kỳ phải trước ngày cơ quan thôi hoạt động",
        ));
    }
    Ok(())
}

impl NewSignerProfile {
    pub(crate) fn validate(mut self) -> Result<NewSignerProfile> {
        self.name = self.name.trim().to_owned();
        if self.name.is_empty() {
            return Err(LibraryError::invalid(
                "name",
                "họ tên người ký không được để trống",
            ));
        }
        if self.forms.is_empty() {
            return Err(LibraryError::invalid("forms", "cần ít nhất một chức vụ ký"));
        }
        for f in &mut self.forms {
            f.position = f.position.trim().to_owned();
            if f.position.is_empty() {
                return Err(LibraryError::invalid(
                    "forms.position",
                    "chức vụ không được để trống",
                ));
            }
            let marks = f
                .authority
                .iter()
                .chain(f.stacked.iter().map(|m| &m.authority));
            for a in marks {
                if !AUTHORITIES.contains(&a.trim()) {
                    return Err(LibraryError::invalid(
                        "forms.authority",
                        format!(
                            "\"{a}\" không phải thẩm quyền ký ({})",
                            AUTHORITIES.join(", ")
                        ),
                    ));
                }
            }
            if !f.stacked.is_empty() && f.authority.is_none() {
                return Err(LibraryError::invalid(
                    "forms.stacked",
                    "dòng quyền hạn xếp chồng cần một dòng quyền hạn đầu (như \"TM.\")",
                ));
            }
        }
        Ok(self)
    }
}

impl RecipientList {
    pub(crate) fn validate(mut self) -> Result<RecipientList> {
        self.name = self.name.trim().to_owned();
        if self.name.is_empty() {
            return Err(LibraryError::invalid(
                "name",
                "tên danh sách không được để trống",
            ));
        }
        self.items = self
            .items
            .into_iter()
            .map(|i| {
                i.trim()
                    .trim_start_matches(['-', ' '])
                    .trim_end_matches([';', ',', '.'])
                    .trim()
                    .to_owned()
            })
            .filter(|i| !i.is_empty())
            .collect();
        if self.items.is_empty() {
            return Err(LibraryError::invalid("items", "danh sách nơi nhận trống"));
        }
        self.archive = self.archive.trim().trim_end_matches('.').to_owned();
        if self.archive.is_empty() {
            return Err(LibraryError::invalid(
                "archive",
                "thiếu nơi lưu (vd. \"VT, NV\")",
            ));
        }
        Ok(self)
    }

    /// The Nơi nhận lines as written under the heading: "- X;" ... "- Lưu: VT, NV.".
    pub fn lines(&self) -> Vec<String> {
        let mut out: Vec<String> = self.items.iter().map(|i| format!("- {i};")).collect();
        out.push(format!("- Lưu: {}.", self.archive));
        out
    }
}

pub(crate) fn body_id_by_name(conn: &rusqlite::Connection, name: &str) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached("SELECT id FROM bodies WHERE name = ?1 ORDER BY id LIMIT 1")?
        .query_row([name], |r| r.get(0))
        .optional()?)
}

fn body_name(conn: &rusqlite::Connection, id: Option<i64>) -> Result<Option<String>> {
    match id {
        None => Ok(None),
        Some(id) => Ok(conn
            .prepare_cached("SELECT name FROM bodies WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?),
    }
}

/// Inserts a body (its superior resolved by name); `Ok(None)` when it already exists.
pub(crate) fn insert_body(conn: &rusqlite::Connection, b: &NewAgency) -> Result<Option<i64>> {
    let superior_id = match &b.superior {
        None => None,
        Some(s) => Some(body_id_by_name(conn, s)?.ok_or_else(|| {
            LibraryError::invalid("superior", format!("không có cơ quan cấp trên tên \"{s}\""))
        })?),
    };
    let n = conn
        .prepare_cached(
            "INSERT OR IGNORE INTO bodies (name, abbreviation, superior_id, place, system, abolished_on, note)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(params![
            b.name,
            b.abbreviation,
            superior_id,
            b.place,
            system_slug(b.system),
            b.abolished_on.map(|d| d.to_string()),
            b.note
        ])?;
    // Set apart: the starter set is loaded by migration 3, before the column existed.
    if let (1, Some(start)) = (n, b.term_started_on) {
        conn.prepare_cached("UPDATE bodies SET term_started_on = ?2 WHERE id = ?1")?
            .execute(params![conn.last_insert_rowid(), start.to_string()])?;
    }
    Ok((n == 1).then(|| conn.last_insert_rowid()))
}

pub(crate) fn insert_signer(
    conn: &rusqlite::Connection,
    s: &NewSignerProfile,
) -> Result<Option<i64>> {
    let body_id = match &s.body {
        None => None,
        Some(b) => Some(body_id_by_name(conn, b)?.ok_or_else(|| {
            LibraryError::invalid("body", format!("không có cơ quan tên \"{b}\""))
        })?),
    };
    let forms = serde_json::to_string(&s.forms).unwrap_or_else(|_| "[]".into());
    let n = conn
        .prepare_cached("INSERT OR IGNORE INTO signers (name, body_id, forms) VALUES (?1, ?2, ?3)")?
        .execute(params![s.name, body_id, forms])?;
    Ok((n == 1).then(|| conn.last_insert_rowid()))
}

pub(crate) fn insert_recipients(
    conn: &rusqlite::Connection,
    l: &RecipientList,
) -> Result<Option<i64>> {
    let body_id = match &l.body {
        None => None,
        Some(b) => Some(body_id_by_name(conn, b)?.ok_or_else(|| {
            LibraryError::invalid("body", format!("không có cơ quan tên \"{b}\""))
        })?),
    };
    let items = serde_json::to_string(&l.items).unwrap_or_else(|_| "[]".into());
    let n = conn
        .prepare_cached(
            "INSERT OR IGNORE INTO recipient_lists (name, body_id, electronic, items, archive)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![l.name, body_id, l.electronic, items, l.archive])?;
    Ok((n == 1).then(|| conn.last_insert_rowid()))
}

impl Library {
    /// Adds an issuing body; an existing body of the same name and superior is an error.
    pub fn add_agency(&mut self, body: NewAgency) -> Result<Agency> {
        let body = body.validate()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let id = insert_body(&tx, &body)?.ok_or_else(|| {
            LibraryError::invalid(
                "name",
                format!("cơ quan \"{}\" đã có trong thư viện", body.name),
            )
        })?;
        tx.commit()?;
        self.agency(id)
    }

    /// The body with this id.
    pub fn agency(&self, id: i64) -> Result<Agency> {
        self.agencies()?
            .into_iter()
            .find(|b| b.id == id)
            .ok_or(LibraryError::NotFound {
                what: "cơ quan",
                id,
            })
    }

    /// All bodies, superiors before the bodies under them.
    pub fn agencies(&self) -> Result<Vec<Agency>> {
        let mut stmt = self.conn.prepare(
            "SELECT b.id, b.superior_id, b.name, b.abbreviation, s.name, b.place, b.system, b.abolished_on, b.note,
                    b.term_started_on
             FROM bodies b LEFT JOIN bodies s ON s.id = b.superior_id ORDER BY b.id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Agency {
                id: r.get(0)?,
                superior_id: r.get(1)?,
                fields: NewAgency {
                    name: r.get(2)?,
                    abbreviation: r.get(3)?,
                    superior: r.get(4)?,
                    place: r.get(5)?,
                    system: system_from_slug(&r.get::<_, String>(6)?),
                    abolished_on: r.get::<_, Option<String>>(7)?.and_then(|d| d.parse().ok()),
                    note: r.get(8)?,
                    term_started_on: r.get::<_, Option<String>>(9)?.and_then(|d| d.parse().ok()),
                },
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Adds a signer.
    pub fn add_signer(&mut self, signer: NewSignerProfile) -> Result<SignerProfile> {
        let signer = signer.validate()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let id = insert_signer(&tx, &signer)?.ok_or_else(|| {
            LibraryError::invalid(
                "name",
                format!("người ký \"{}\" đã có trong thư viện", signer.name),
            )
        })?;
        tx.commit()?;
        Ok(SignerProfile { id, fields: signer })
    }

    /// All signers.
    pub fn signers(&self) -> Result<Vec<SignerProfile>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, name, body_id, forms FROM signers ORDER BY id")?;
        let rows: Vec<(i64, String, Option<i64>, String)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<rusqlite::Result<_>>()?;
        rows.into_iter()
            .map(|(id, name, body_id, forms)| {
                Ok(SignerProfile {
                    id,
                    fields: NewSignerProfile {
                        name,
                        body: body_name(&self.conn, body_id)?,
                        forms: serde_json::from_str(&forms).unwrap_or_default(),
                    },
                })
            })
            .collect()
    }

    /// Adds a reusable Nơi nhận list.
    pub fn add_recipient_list(&mut self, list: RecipientList) -> Result<RecipientList> {
        let list = list.validate()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        insert_recipients(&tx, &list)?.ok_or_else(|| {
            LibraryError::invalid(
                "name",
                format!("danh sách \"{}\" đã có trong thư viện", list.name),
            )
        })?;
        tx.commit()?;
        Ok(list)
    }

    /// All Nơi nhận lists.
    pub fn recipient_lists(&self) -> Result<Vec<RecipientList>> {
        let mut stmt = self.conn.prepare(
            "SELECT name, body_id, electronic, items, archive FROM recipient_lists ORDER BY id",
        )?;
        let rows: Vec<(String, Option<i64>, bool, String, String)> = stmt
            .query_map([], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        rows.into_iter()
            .map(|(name, body_id, electronic, items, archive)| {
                Ok(RecipientList {
                    name,
                    body: body_name(&self.conn, body_id)?,
                    electronic,
                    items: serde_json::from_str(&items).unwrap_or_default(),
                    archive,
                })
            })
            .collect()
    }
}
