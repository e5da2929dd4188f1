//! The outgoing register (sổ văn bản đi): issuing a document takes the next number of its
//! number series (dãy số), records it and locks the issued draft version.
//!
//! The series depends on the body's rule book ([`Series`]):
//! - state bodies number all their documents in one series per calendar year, from 1 on
//!   1 January to 31 December (Nghị định 30/2020/NĐ-CP Điều 15); shown as "01" by the writer;
//! - Party bodies number each document type (KH, BC, CT, ...) from 1 through a whole nhiệm kỳ
//!   cấp ủy, from the day after one congress closes to the close of the next (Hướng dẫn
//!   36-HD/VPTW §1.3.1 a): "415-KH/BDVTU". The first day of the current term is stored on the
//!   body ([`NewAgency::term_started_on`](super::NewAgency::term_started_on), set with
//!   [`Library::set_term_start`]). A Party body without it gets no number: the library refuses
//!   with [`LibraryError::NoTermStart`] instead of guessing a series, and a Party document
//!   dated before the term start belongs to the previous term and is refused too.
//!
//! Files from before schema 6 numbered every body per year: those rows keep their year as
//! their series. A Party term series continues after the highest number already issued in
//! the term with the same ký hiệu (whatever series it was recorded in), so no printed number
//! repeats within a term.
//!
//! While drafting, the app shows [`Library::expected_number`] ("số dự kiến"): only a guess,
//! since another document may be issued first. At issuance the secretary confirms; when the
//! văn thư gave a different number, it is passed as `confirmed_number` and checked unused.
//! Numbers are never reused: issuing runs in a `BEGIN IMMEDIATE` transaction (one writer at
//! a time, even across processes), a per-body-and-series counter only grows, and the table
//! has a unique key on (body, series, number).

use std::fmt;

use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use serde::{Deserialize, Serialize};

use super::agencies::{validate_term_start, Agency, System};
use super::error::{LibraryError, Result};
use super::Library;
use crate::model::ReferenceNumber;

/// The number series (dãy số) a document number belongs to; a number is unique within it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Series {
    /// State body: one series per calendar year of issue (Nghị định 30/2020 Điều 15).
    Year(i32),
    /// Party body: one series per document type through a nhiệm kỳ cấp ủy (HD 36 §1.3.1 a).
    Term {
        /// Type abbreviation of the ký hiệu ("KH", "BC").
        type_abbreviation: String,
        /// First day of the term.
        started_on: NaiveDate,
    },
}

impl Series {
    /// The key stored in the register: "2026" or "KH@2025-10-16".
    pub fn key(&self) -> String {
        match self {
            Self::Year(y) => y.to_string(),
            Self::Term {
                type_abbreviation,
                started_on,
            } => format!("{type_abbreviation}@{started_on}"),
        }
    }

    /// Reads a stored key back; `None` for a key this build does not know.
    pub fn parse(key: &str) -> Option<Series> {
        match key.rsplit_once('@') {
            None => key.parse().ok().map(Self::Year),
            Some((abbr, date)) if !abbr.is_empty() => Some(Self::Term {
                type_abbreviation: abbr.to_owned(),
                started_on: date.parse().ok()?,
            }),
            Some(_) => None,
        }
    }
}

/// In Vietnamese: "năm 2026", "loại KH, nhiệm kỳ từ 16/10/2025".
impl fmt::Display for Series {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Year(y) => write!(f, "năm {y}"),
            Self::Term {
                type_abbreviation,
                started_on,
            } => write!(
                f,
                "loại {type_abbreviation}, nhiệm kỳ từ {}",
                started_on.format("%d/%m/%Y")
            ),
        }
    }
}

/// What the register needs to know about the issuing body.
struct Issuer {
    name: String,
    abbreviation: String,
    system: System,
    term_started_on: Option<NaiveDate>,
}

impl Issuer {
    fn load(conn: &Connection, id: i64) -> Result<Issuer> {
        conn.query_row(
            "SELECT name, abbreviation, system, term_started_on FROM bodies WHERE id = ?1",
            [id],
            |r| {
                Ok(Issuer {
                    name: r.get(0)?,
                    abbreviation: r.get(1)?,
                    system: super::agencies::system_from_slug(&r.get::<_, String>(2)?),
                    term_started_on: r.get::<_, Option<String>>(3)?.and_then(|d| d.parse().ok()),
                })
            },
        )
        .optional()?
        .ok_or(LibraryError::NotFound {
            what: "cơ quan",
            id,
        })
    }

    /// Ký hiệu: "CT-UBND" (state) or "KH/BDVTU" (Party).
    fn symbol(&self, type_abbreviation: &str) -> String {
        match self.system {
            System::Party => format!("{type_abbreviation}/{}", self.abbreviation),
            System::State => format!("{type_abbreviation}-{}", self.abbreviation),
        }
    }

    /// The series of a document of this body, type and date of issue.
    fn series(&self, id: i64, type_abbreviation: &str, on: NaiveDate) -> Result<Series> {
        match self.system {
            System::State => Ok(Series::Year(on.year())),
            System::Party => {
                let started_on = self
                    .term_started_on
                    .ok_or_else(|| LibraryError::NoTermStart {
                        body: self.name.clone(),
                        id,
                    })?;
                if on < started_on {
                    return Err(LibraryError::BeforeTermStart {
                        body: self.name.clone(),
                        issued_on: on,
                        term_started_on: started_on,
                    });
                }
                Ok(Series::Term {
                    type_abbreviation: type_abbreviation.to_owned(),
                    started_on,
                })
            }
        }
    }
}

fn check_abbreviation(abbr: &str) -> Result<()> {
    if abbr.is_empty() || abbr.contains(|c: char| c.is_whitespace() || c == '@' || c == '/') {
        return Err(LibraryError::invalid(
            "type_abbreviation",
            "thiếu chữ viết tắt tên loại (vd. CT, KH)",
        ));
    }
    Ok(())
}

/// The highest number issued so far in `series` of the body (0 when none). For a Party term
/// this also counts rows recorded before schema 6 in a year series, and rows of a corrected
/// term start, that carry the same ký hiệu and fall within the term.
fn last_number(conn: &Connection, body_id: i64, series: &Series, symbol: &str) -> Result<u32> {
    let counter: u32 = conn
        .query_row(
            "SELECT last_number FROM register_counters WHERE body_id = ?1 AND series = ?2",
            params![body_id, series.key()],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or(0);
    let Series::Term { started_on, .. } = series else {
        return Ok(counter);
    };
    let in_term: Option<u32> = conn.query_row(
        "SELECT max(number) FROM register WHERE body_id = ?1 AND symbol = ?2 AND issued_on >= ?3",
        params![body_id, symbol, started_on.to_string()],
        |r| r.get(0),
    )?;
    Ok(counter.max(in_term.unwrap_or(0)))
}

/// Whether `number` was already issued in `series` (or, for a Party term, with the same
/// ký hiệu within the term).
fn number_used(
    conn: &Connection,
    body_id: i64,
    series: &Series,
    symbol: &str,
    number: u32,
) -> Result<bool> {
    let term_start = match series {
        Series::Term { started_on, .. } => Some(started_on.to_string()),
        Series::Year(_) => None,
    };
    Ok(conn
        .query_row(
            "SELECT 1 FROM register WHERE body_id = ?1 AND number = ?2
               AND (series = ?3 OR (?4 IS NOT NULL AND symbol = ?5 AND issued_on >= ?4))
             LIMIT 1",
            params![body_id, number, series.key(), term_start, symbol],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// A request to issue a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct IssueRequest {
    /// Issuing body id.
    pub body_id: i64,
    /// Document type (template slug, "chi_thi").
    pub doc_type: String,
    /// Type abbreviation for the ký hiệu ("CT", "KH", "BC").
    pub type_abbreviation: String,
    /// Date of issue (ngày ban hành): its year picks a state body's series; a Party
    /// document must fall within its body's current term.
    pub issued_on: NaiveDate,
    /// Trích yếu.
    pub summary: String,
    /// SignerProfile's name.
    pub signer: String,
    /// The draft issued, whose current version gets locked.
    #[serde(default)]
    pub draft_id: Option<i64>,
    /// The "số dự kiến" the user saw while drafting, kept for the record.
    #[serde(default)]
    pub expected_number: Option<u32>,
    /// A number confirmed by the secretary when it differs from the next one.
    #[serde(default)]
    pub confirmed_number: Option<u32>,
}

/// One line of the register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RegisterEntry {
    /// Row id.
    pub id: i64,
    /// Issuing body id.
    pub body_id: i64,
    /// Year of issue.
    pub year: i32,
    /// Key of the number series the number belongs to ([`Series::key`]): "2026" (state, and
    /// every row recorded before schema 6) or "KH@2025-10-16" (Party: type @ term start).
    pub series: String,
    /// The number (1, 2, ...).
    pub number: u32,
    /// The "số dự kiến" shown while drafting, if recorded.
    pub expected_number: Option<u32>,
    /// Document type slug.
    pub doc_type: String,
    /// Ký hiệu: "CT-UBND" (state) or "KH/BDVTU" (Party).
    pub symbol: String,
    /// Date of issue.
    pub issued_on: NaiveDate,
    /// Trích yếu.
    pub summary: String,
    /// SignerProfile.
    pub signer: String,
    /// Issued draft and its locked version.
    pub draft_id: Option<i64>,
    /// Locked version.
    pub draft_version: Option<i64>,
    /// When it was recorded.
    pub recorded_at: String,
}

impl RegisterEntry {
    /// Số và ký hiệu as printed: "03/CT-UBND" (state) or "415-KH/BDVTU", "03-BC/TU" (Party);
    /// the number with the same leading zero as on the document.
    pub fn number_and_symbol(&self) -> String {
        let number = ReferenceNumber {
            number: Some(self.number),
            unit: None,
            year: None,
        }
        .number_text();
        if self.symbol.contains('/') {
            format!("{number}-{}", self.symbol)
        } else {
            format!("{number}/{}", self.symbol)
        }
    }

    /// The number series, parsed from [`RegisterEntry::series`].
    pub fn series(&self) -> Option<Series> {
        Series::parse(&self.series)
    }

    /// The series in Vietnamese ("năm 2026", "loại KH, nhiệm kỳ từ 16/10/2025").
    pub fn series_label(&self) -> String {
        self.series()
            .map(|s| s.to_string())
            .unwrap_or_else(|| self.series.clone())
    }

    /// Whether the issued number differs from the expected one shown while drafting.
    pub fn differs_from_expected(&self) -> bool {
        self.expected_number.is_some_and(|e| e != self.number)
    }
}

impl Library {
    /// The series a document of `body_id` with this type abbreviation ("KH") issued on
    /// `issued_on` belongs to. Fails for a Party body without a term start
    /// ([`LibraryError::NoTermStart`]) or a Party date before it
    /// ([`LibraryError::BeforeTermStart`]).
    pub fn series_for(
        &self,
        body_id: i64,
        type_abbreviation: &str,
        issued_on: NaiveDate,
    ) -> Result<Series> {
        Ok(self
            .issuer_and_series(body_id, type_abbreviation, issued_on)?
            .1)
    }

    /// The number the next document of `body_id` with this type abbreviation issued on
    /// `issued_on` would get (số dự kiến), from the series [`Library::series_for`] gives.
    pub fn expected_number(
        &self,
        body_id: i64,
        type_abbreviation: &str,
        issued_on: NaiveDate,
    ) -> Result<u32> {
        let (issuer, series) = self.issuer_and_series(body_id, type_abbreviation, issued_on)?;
        let symbol = issuer.symbol(type_abbreviation.trim());
        Ok(last_number(&self.conn, body_id, &series, &symbol)? + 1)
    }

    /// The issuing body and the series of a document of this type and date.
    fn issuer_and_series(
        &self,
        body_id: i64,
        type_abbreviation: &str,
        issued_on: NaiveDate,
    ) -> Result<(Issuer, Series)> {
        let abbr = type_abbreviation.trim();
        check_abbreviation(abbr)?;
        let issuer = Issuer::load(&self.conn, body_id)?;
        let series = issuer.series(body_id, abbr, issued_on)?;
        Ok((issuer, series))
    }

    /// Sets the first day of a Party body's current nhiệm kỳ (the day after the congress
    /// closed). Documents dated from that day are numbered in new per-type series from 1;
    /// a corrected date keeps counting after the numbers already issued in the term.
    pub fn set_term_start(&mut self, body_id: i64, started_on: NaiveDate) -> Result<Agency> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let (system, abolished_on): (String, Option<String>) = tx
            .query_row(
                "SELECT system, abolished_on FROM bodies WHERE id = ?1",
                [body_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or(LibraryError::NotFound {
                what: "cơ quan",
                id: body_id,
            })?;
        validate_term_start(
            super::agencies::system_from_slug(&system),
            started_on,
            abolished_on.and_then(|d| d.parse().ok()),
        )?;
        tx.execute(
            "UPDATE bodies SET term_started_on = ?2 WHERE id = ?1",
            params![body_id, started_on.to_string()],
        )?;
        tx.commit()?;
        self.agency(body_id)
    }

    /// Issues a document: assigns its number, records it and locks the draft version.
    pub fn issue(&mut self, req: &IssueRequest) -> Result<RegisterEntry> {
        let summary = req.summary.trim();
        let signer = req.signer.trim();
        let abbr = req.type_abbreviation.trim();
        if summary.is_empty() {
            return Err(LibraryError::invalid("summary", "thiếu trích yếu"));
        }
        if signer.is_empty() {
            return Err(LibraryError::invalid("signer", "thiếu người ký"));
        }
        check_abbreviation(abbr)?;
        if req.confirmed_number == Some(0) {
            return Err(LibraryError::invalid(
                "confirmed_number",
                "số văn bản bắt đầu từ 1",
            ));
        }
        let year = req.issued_on.year();
        let now = self.now_text();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Read under the write lock: the series and the last number cannot change meanwhile.
        let issuer = Issuer::load(&tx, req.body_id)?;
        let series = issuer.series(req.body_id, abbr, req.issued_on)?;
        let symbol = issuer.symbol(abbr);
        let number = match req.confirmed_number {
            None => last_number(&tx, req.body_id, &series, &symbol)? + 1,
            Some(n) => {
                if number_used(&tx, req.body_id, &series, &symbol, n)? {
                    return Err(LibraryError::NumberTaken {
                        number: n,
                        body: issuer.abbreviation,
                        series: series.to_string(),
                    });
                }
                n
            }
        };
        let draft_version = match req.draft_id {
            None => None,
            Some(d) => {
                let (current, locked): (i64, Option<i64>) = tx
                    .query_row(
                        "SELECT current_version, locked_version FROM drafts WHERE id = ?1",
                        [d],
                        |r| Ok((r.get(0)?, r.get(1)?)),
                    )
                    .optional()?
                    .ok_or(LibraryError::NotFound {
                        what: "dự thảo",
                        id: d,
                    })?;
                if locked.is_some() {
                    let number: Option<u32> = tx
                        .query_row(
                            "SELECT number FROM register WHERE draft_id = ?1 ORDER BY id DESC LIMIT 1",
                            [d],
                            |r| r.get(0),
                        )
                        .optional()?;
                    return Err(LibraryError::DraftLocked {
                        id: d,
                        number: number.unwrap_or(0),
                    });
                }
                tx.execute(
                    "UPDATE drafts SET locked_version = ?2 WHERE id = ?1",
                    params![d, current],
                )?;
                tx.execute(
                    "UPDATE draft_versions SET kind = 'issued' WHERE draft_id = ?1 AND version = ?2",
                    params![d, current],
                )?;
                Some(current)
            }
        };
        tx.execute(
            "INSERT INTO register (body_id, year, series, number, expected_number, doc_type, symbol,
                 issued_on, summary, signer, draft_id, draft_version, recorded_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            params![
                req.body_id,
                year,
                series.key(),
                number,
                req.expected_number,
                req.doc_type.trim(),
                symbol,
                req.issued_on.to_string(),
                summary,
                signer,
                req.draft_id,
                draft_version,
                now
            ],
        )?;
        let id = tx.last_insert_rowid();
        tx.execute(
            "INSERT INTO register_counters (body_id, series, last_number) VALUES (?1, ?2, ?3)
             ON CONFLICT (body_id, series) DO UPDATE SET last_number = max(last_number, excluded.last_number)",
            params![req.body_id, series.key(), number],
        )?;
        tx.commit()?;
        self.register_entry(id)
    }

    fn register_entry(&self, id: i64) -> Result<RegisterEntry> {
        self.register_query("WHERE id = ?1", params![id])?
            .pop()
            .ok_or(LibraryError::NotFound {
                what: "mục sổ văn bản",
                id,
            })
    }

    /// The register, optionally for one body and/or one year of issue, by body, series and number.
    pub fn register(&self, body_id: Option<i64>, year: Option<i32>) -> Result<Vec<RegisterEntry>> {
        self.register_query(
            "WHERE (?1 IS NULL OR body_id = ?1) AND (?2 IS NULL OR year = ?2)",
            params![body_id, year],
        )
    }

    fn register_query(
        &self,
        filter: &str,
        args: impl rusqlite::Params,
    ) -> Result<Vec<RegisterEntry>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT id, body_id, year, number, expected_number, doc_type, symbol, issued_on, summary,
                    signer, draft_id, draft_version, recorded_at, series
             FROM register {filter} ORDER BY body_id, series, number"
        ))?;
        let rows = stmt.query_map(args, |r| {
            let issued: String = r.get(7)?;
            Ok(RegisterEntry {
                id: r.get(0)?,
                body_id: r.get(1)?,
                year: r.get(2)?,
                number: r.get(3)?,
                expected_number: r.get(4)?,
                doc_type: r.get(5)?,
                symbol: r.get(6)?,
                issued_on: issued.parse().unwrap_or_default(),
                summary: r.get(8)?,
                signer: r.get(9)?,
                draft_id: r.get(10)?,
                draft_version: r.get(11)?,
                recorded_at: r.get(12)?,
                series: r.get(13)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
