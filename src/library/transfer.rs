//! Import and export of the shareable part of the library (clauses, bodies, signers, Nơi nhận
//! lists) as one JSON file, so an office can share its library.
//!
//! Import is all or nothing: every row is checked (shape, then content, then references
//! such as a superior body), every bad row is reported with its section, index and reason,
//! and nothing is written unless all rows are good. Rows already in the library are skipped.

use rusqlite::{params, OptionalExtension, TransactionBehavior};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::agencies::{self, NewAgency, NewSignerProfile, RecipientList};
use super::clauses::{self, NewClause};
use super::error::{LibraryError, Result};
use super::Library;

/// The `format` value of a library file.
pub const FORMAT: &str = "vanban-thu-vien";

/// The content of a library JSON file, every row valid.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LibraryFile {
    /// Always [`FORMAT`].
    pub format: String,
    /// File format version (1).
    pub version: u32,
    /// Issuing bodies; a superior must come before the bodies under it (or be in the library).
    pub bodies: Vec<NewAgency>,
    /// Signers.
    pub signers: Vec<NewSignerProfile>,
    /// Nơi nhận lists.
    pub recipient_lists: Vec<RecipientList>,
    /// Clauses.
    pub clauses: Vec<NewClause>,
}

/// One rejected row of an import file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Rejection {
    /// Section: "clauses", "bodies", "signers", "recipient_lists" (or "" for the file).
    pub section: String,
    /// 0-based index of the row in its section.
    pub index: usize,
    /// Title or name of the row, when it has one.
    pub label: Option<String>,
    /// Why, in Vietnamese.
    pub reason: String,
}

impl std::fmt::Display for Rejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.section.is_empty() {
            return f.write_str(&self.reason);
        }
        write!(f, "{}[{}]", self.section, self.index)?;
        if let Some(l) = &self.label {
            write!(f, " \"{l}\"")?;
        }
        write!(f, ": {}", self.reason)
    }
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ImportSummary {
    /// Rows added.
    pub added: usize,
    /// Rows already present, left as they were.
    pub skipped: usize,
}

/// Parses and validates a library file. Malformed JSON gives its line and column; rows of
/// the wrong shape or with bad content are all reported together.
pub fn parse(json: &str) -> Result<LibraryFile> {
    let parsed = parse_rows(json)?;
    if parsed.rejected.is_empty() {
        Ok(parsed.file)
    } else {
        Err(LibraryError::ImportRejected {
            rejected: parsed.rejected,
        })
    }
}

/// A parsed file: the good rows, where each came from, and the rejected ones.
pub(crate) struct Parsed {
    pub(crate) file: LibraryFile,
    /// Original indexes of the good rows: bodies, signers, recipient lists, clauses.
    pub(crate) index: [Vec<usize>; 4],
    pub(crate) rejected: Vec<Rejection>,
}

pub(crate) fn parse_rows(json: &str) -> Result<Parsed> {
    // An export edited in Notepad may start with a BOM, which JSON does not allow.
    let json = crate::model::text::source_text(json);
    let value: serde_json::Value =
        serde_json::from_str(&json).map_err(|e| LibraryError::MalformedJson {
            line: e.line(),
            column: e.column(),
            reason: e.to_string(),
        })?;
    let file_err = |reason: String| LibraryError::ImportRejected {
        rejected: vec![Rejection {
            section: String::new(),
            index: 0,
            label: None,
            reason,
        }],
    };
    let serde_json::Value::Object(mut top) = value else {
        return Err(file_err(
            "tệp phải là một đối tượng JSON { \"clauses\": [...], ... }".into(),
        ));
    };
    match top.remove("format") {
        None => {}
        Some(serde_json::Value::String(f)) if f == FORMAT => {}
        Some(other) => {
            return Err(file_err(format!(
                "\"format\" phải là \"{FORMAT}\", không phải {other}"
            )))
        }
    }
    top.remove("version");
    let mut rejected = Vec::new();
    let (bodies, bi) = section(&mut top, "bodies", &mut rejected, NewAgency::validate);
    let (signers, si) = section(
        &mut top,
        "signers",
        &mut rejected,
        NewSignerProfile::validate,
    );
    let (recipient_lists, ri) = section(
        &mut top,
        "recipient_lists",
        &mut rejected,
        RecipientList::validate,
    );
    let (clauses, ci) = section(&mut top, "clauses", &mut rejected, NewClause::validate);
    for key in top.keys() {
        rejected.push(Rejection {
            section: String::new(),
            index: 0,
            label: None,
            reason: format!(
                "phần \"{key}\" không được hỗ trợ (chỉ có clauses, bodies, signers, recipient_lists)"
            ),
        });
    }
    Ok(Parsed {
        file: LibraryFile {
            format: FORMAT.into(),
            version: 1,
            bodies,
            signers,
            recipient_lists,
            clauses,
        },
        index: [bi, si, ri, ci],
        rejected,
    })
}

fn section<T: DeserializeOwned>(
    top: &mut serde_json::Map<String, serde_json::Value>,
    name: &str,
    rejected: &mut Vec<Rejection>,
    validate: fn(T) -> Result<T>,
) -> (Vec<T>, Vec<usize>) {
    let rows = match top.remove(name) {
        None | Some(serde_json::Value::Null) => return (Vec::new(), Vec::new()),
        Some(serde_json::Value::Array(rows)) => rows,
        Some(_) => {
            rejected.push(Rejection {
                section: name.into(),
                index: 0,
                label: None,
                reason: "phải là một mảng JSON [...]".into(),
            });
            return (Vec::new(), Vec::new());
        }
    };
    let mut out = Vec::with_capacity(rows.len());
    let mut indexes = Vec::with_capacity(rows.len());
    for (index, row) in rows.into_iter().enumerate() {
        let guess = row
            .get("title")
            .or_else(|| row.get("name"))
            .and_then(|v| v.as_str())
            .map(str::to_owned);
        let reject = |reason: String| Rejection {
            section: name.into(),
            index,
            label: guess.clone(),
            reason,
        };
        match serde_json::from_value::<T>(row) {
            Err(e) => rejected.push(reject(shape_reason(&e))),
            Ok(v) => match validate(v) {
                Ok(v) => {
                    out.push(v);
                    indexes.push(index);
                }
                Err(e) => rejected.push(Rejection {
                    label: guess.clone(),
                    ..reject(e.to_string())
                }),
            },
        }
    }
    (out, indexes)
}

fn shape_reason(e: &serde_json::Error) -> String {
    let s = e.to_string();
    if let Some(f) = s.strip_prefix("missing field ") {
        format!("thiếu trường {f}")
    } else if let Some(f) = s.strip_prefix("unknown field ") {
        format!("trường không được hỗ trợ {f}")
    } else if s.starts_with("unknown variant") {
        format!("giá trị không hợp lệ ({s})")
    } else {
        format!("dữ liệu sai kiểu ({s})")
    }
}

/// Writes the good rows of a parsed file inside an open transaction. Rows that fail there
/// (e.g. an unknown superior body) are added to `parsed.rejected`; when any row was
/// rejected, the caller must roll back.
pub(crate) fn import_into(
    conn: &rusqlite::Connection,
    parsed: &mut Parsed,
    now: &str,
    index: bool,
) -> Result<ImportSummary> {
    let mut summary = ImportSummary::default();
    let file = &parsed.file;
    let with_index = index;
    let index = &parsed.index;
    let rejected = &mut parsed.rejected;
    let mut note = |section: &str, which: usize, i: usize, label: &str, r: Result<Option<i64>>| {
        match r {
            Ok(Some(_)) => summary.added += 1,
            Ok(None) => summary.skipped += 1,
            // A database failure is not the row's fault: stop.
            Err(LibraryError::Sqlite(e)) => return Err(LibraryError::Sqlite(e)),
            Err(e) => rejected.push(Rejection {
                section: section.into(),
                index: index[which].get(i).copied().unwrap_or(i),
                label: Some(label.to_owned()),
                reason: e.to_string(),
            }),
        }
        Ok(())
    };
    for (i, b) in file.bodies.iter().enumerate() {
        note("bodies", 0, i, &b.name, agencies::insert_body(conn, b))?;
    }
    for (i, s) in file.signers.iter().enumerate() {
        note("signers", 1, i, &s.name, agencies::insert_signer(conn, s))?;
    }
    for (i, l) in file.recipient_lists.iter().enumerate() {
        let r = agencies::insert_recipients(conn, l);
        note("recipient_lists", 2, i, &l.name, r)?;
    }
    for (i, c) in file.clauses.iter().enumerate() {
        let r = clause_exists(conn, c).and_then(|exists| {
            if exists {
                Ok(None)
            } else {
                if with_index {
                    clauses::insert(conn, c, now).map(Some)
                } else {
                    clauses::insert_unindexed(conn, c, now).map(Some)
                }
            }
        });
        note("clauses", 3, i, &c.title, r)?;
    }
    rejected.sort_by(|a, b| {
        let order = |s: &str| {
            ["", "bodies", "signers", "recipient_lists", "clauses"]
                .iter()
                .position(|x| *x == s)
        };
        order(&a.section)
            .cmp(&order(&b.section))
            .then(a.index.cmp(&b.index))
    });
    Ok(summary)
}

fn clause_exists(conn: &rusqlite::Connection, c: &NewClause) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM clauses WHERE title = ?1 AND text = ?2 AND category = ?3")?
        .query_row(params![c.title, c.text, c.category.slug()], |_| Ok(()))
        .optional()?
        .is_some())
}

impl Library {
    /// Imports a library JSON text in one transaction: all rows or none.
    pub fn import_json(&mut self, json: &str) -> Result<ImportSummary> {
        let mut parsed = parse_rows(json)?;
        let now = self.now_text();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Even with bad rows, try the good ones: reference errors get reported too.
        let summary = import_into(&tx, &mut parsed, &now, true)?;
        if !parsed.rejected.is_empty() {
            tx.rollback()?;
            return Err(LibraryError::ImportRejected {
                rejected: parsed.rejected,
            });
        }
        if !parsed.file.clauses.is_empty() {
            clauses::optimize_index(&tx)?;
        }
        tx.commit()?;
        Ok(summary)
    }

    /// The shareable content of the library (no drafts, no register).
    pub fn export(&self) -> Result<LibraryFile> {
        // Superiors first, so the file imports in order.
        let mut pending = self.agencies()?;
        let mut bodies = Vec::with_capacity(pending.len());
        let mut placed = std::collections::HashSet::new();
        while !pending.is_empty() {
            let before = pending.len();
            pending.retain(|b| {
                if b.superior_id.is_none_or(|s| placed.contains(&s)) {
                    placed.insert(b.id);
                    bodies.push(b.fields.clone());
                    false
                } else {
                    true
                }
            });
            if pending.len() == before {
                // A cycle cannot be created through the API; keep the rest as they are.
                bodies.extend(pending.drain(..).map(|b| b.fields));
            }
        }
        Ok(LibraryFile {
            format: FORMAT.into(),
            version: 1,
            bodies,
            signers: self.signers()?.into_iter().map(|s| s.fields).collect(),
            recipient_lists: self.recipient_lists()?,
            clauses: self.all_clauses()?.into_iter().map(|c| c.fields).collect(),
        })
    }

    /// [`Library::export`] as pretty JSON.
    pub fn export_json(&self) -> Result<String> {
        Ok(serde_json::to_string_pretty(&self.export()?).unwrap_or_default())
    }
}
