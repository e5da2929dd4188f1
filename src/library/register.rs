//! The outgoing register (sổ văn bản đi): issuing a document takes the next number of its
//! body for the year (from 1 on 1 January, shown zero-padded as "01" by the writer), records
//! it and locks the issued draft version.
//!
//! While drafting, the app shows [`Library::expected_number`] ("số dự kiến"): only a guess,
//! since another document may be issued first. At issuance the secretary confirms; when the
//! văn thư gave a different number, it is passed as `confirmed_number` and checked unused.
//! Numbers are never reused: issuing runs in a `BEGIN IMMEDIATE` transaction (one writer at
//! a time, even across processes), a per-body-and-year counter only grows, and the table has
//! a unique key on (body, year, number).

use chrono::{Datelike, NaiveDate};
use rusqlite::{params, OptionalExtension, TransactionBehavior};
use serde::{Deserialize, Serialize};

use super::bodies::System;
use super::error::{LibraryError, Result};
use super::Library;

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
    /// Date of issue (ngày ban hành); its year picks the number series.
    pub issued_on: NaiveDate,
    /// Trích yếu.
    pub summary: String,
    /// Signer's name.
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
    /// Year of the number series.
    pub year: i32,
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
    /// Signer.
    pub signer: String,
    /// Issued draft and its locked version.
    pub draft_id: Option<i64>,
    /// Locked version.
    pub draft_version: Option<i64>,
    /// When it was recorded.
    pub recorded_at: String,
}

impl RegisterEntry {
    /// Số và ký hiệu as printed: "03/CT-UBND" (state) or "415-KH/BDVTU" (Party).
    pub fn number_and_symbol(&self) -> String {
        if self.symbol.contains('/') {
            format!("{}-{}", self.number, self.symbol)
        } else {
            format!("{:02}/{}", self.number, self.symbol)
        }
    }

    /// Whether the issued number differs from the expected one shown while drafting.
    pub fn differs_from_expected(&self) -> bool {
        self.expected_number.is_some_and(|e| e != self.number)
    }
}

impl Library {
    /// The number the next document of `body_id` issued in `year` would get (số dự kiến).
    pub fn expected_number(&self, body_id: i64, year: i32) -> Result<u32> {
        let last: Option<u32> = self
            .conn
            .query_row(
                "SELECT last_number FROM register_counters WHERE body_id = ?1 AND year = ?2",
                params![body_id, year],
                |r| r.get(0),
            )
            .optional()?;
        Ok(last.unwrap_or(0) + 1)
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
        if abbr.is_empty() || abbr.contains(char::is_whitespace) {
            return Err(LibraryError::invalid(
                "type_abbreviation",
                "thiếu chữ viết tắt tên loại (vd. CT, KH)",
            ));
        }
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
        let (body_abbr, system): (String, String) = tx
            .query_row(
                "SELECT abbreviation, system FROM bodies WHERE id = ?1",
                [req.body_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or(LibraryError::NotFound {
                what: "cơ quan",
                id: req.body_id,
            })?;
        let symbol = if system == "party" {
            format!("{abbr}/{body_abbr}")
        } else {
            format!("{abbr}-{body_abbr}")
        };
        let _ = System::State;
        let last: u32 = tx
            .query_row(
                "SELECT last_number FROM register_counters WHERE body_id = ?1 AND year = ?2",
                params![req.body_id, year],
                |r| r.get(0),
            )
            .optional()?
            .unwrap_or(0);
        let number = match req.confirmed_number {
            None => last + 1,
            Some(n) => {
                let used = tx
                    .query_row(
                        "SELECT 1 FROM register WHERE body_id = ?1 AND year = ?2 AND number = ?3",
                        params![req.body_id, year, n],
                        |_| Ok(()),
                    )
                    .optional()?
                    .is_some();
                if used {
                    return Err(LibraryError::NumberTaken {
                        number: n,
                        body: body_abbr,
                        year,
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
            "INSERT INTO register (body_id, year, number, expected_number, doc_type, symbol, issued_on,
                 summary, signer, draft_id, draft_version, recorded_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            params![
                req.body_id,
                year,
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
            "INSERT INTO register_counters (body_id, year, last_number) VALUES (?1, ?2, ?3)
             ON CONFLICT (body_id, year) DO UPDATE SET last_number = max(last_number, excluded.last_number)",
            params![req.body_id, year, number],
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

    /// The register, optionally for one body and/or one year, in issue order.
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
                    signer, draft_id, draft_version, recorded_at
             FROM register {filter} ORDER BY body_id, year, number"
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
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
