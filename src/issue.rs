//! Phát hành (issuing a draft): the use case the CLI (`vanban issue`) and the app both call.
//!
//! Issuing takes the next number from the outgoing register (sổ văn bản đi) in the series of
//! the issuing body (state: the year; Party: the document type within the nhiệm kỳ), writes
//! number and date into the draft, records the entry and locks that version of the draft.
//! A draft the checker still finds errors in is refused. The date of issue is the draft's own
//! when complete, else the host's "today", passed in by the caller.

use chrono::NaiveDate;
use serde::Serialize;
use thiserror::Error;

use crate::check::{check_document, CheckError, CheckOptions};
use crate::draft::{Draft, DraftError};
use crate::library::{IssueRequest, Library, LibraryError, NewAgency, RegisterEntry};
use crate::model::{Document, IssueDate};
use crate::template::Templates;

/// Why a draft cannot be issued (không phát hành được), in words a secretary can act on.
#[derive(Debug, Error)]
pub enum IssueError {
    /// The draft names no issuing body.
    #[error("Chưa có cơ quan ban hành.")]
    NoIssuer,
    /// The checker still finds layout errors in the draft.
    #[error("Văn bản còn {errors} lỗi thể thức: sửa trước khi phát hành.")]
    NotReady {
        /// How many errors the checker found.
        errors: usize,
    },
    /// The draft does not render.
    #[error("Bản thảo có lỗi: {0}")]
    Draft(#[from] DraftError),
    /// The checker could not run.
    #[error("Không kiểm tra được bản thảo: {0}")]
    Check(#[from] CheckError),
    /// The library refused (a number already used, no nhiệm kỳ start for a Party body, …).
    #[error(transparent)]
    Library(#[from] LibraryError),
}

/// What issuing would do (số dự kiến), shown before the secretary confirms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct IssuePlan {
    /// The next number in the register for this body's series.
    pub expected: u32,
    /// The number series, in Vietnamese: "năm 2026" or "loại KH, nhiệm kỳ từ 16/10/2025".
    pub series: String,
    /// The số ký hiệu line with that number, e.g. "Số: 03/KH-VP".
    pub number_line: String,
    /// The date of issue that will be written (today unless the draft names a full date).
    pub date: String,
}

/// What issuing did: the register entry and the draft as issued.
#[derive(Debug, Clone)]
pub struct Issued {
    /// The entry written into the register.
    pub entry: RegisterEntry,
    /// The draft with number and date filled, as saved and locked in the library.
    pub draft: Draft,
}

/// The library body (cơ quan ban hành) for the draft's lead issuer, created on first issue;
/// matched by name and abbreviation, ignoring case and surrounding spaces.
pub fn issuing_body(lib: &mut Library, draft: &Draft) -> Result<i64, IssueError> {
    let issuer = draft.issuers.first().ok_or(IssueError::NoIssuer)?;
    let same = |a: &str, b: &str| a.trim().to_lowercase() == b.trim().to_lowercase();
    if let Some(b) = lib
        .agencies()?
        .into_iter()
        .find(|b| same(&b.fields.abbreviation, &issuer.abbr) && same(&b.fields.name, &issuer.name))
    {
        return Ok(b.id);
    }
    let body = lib.add_agency(NewAgency {
        name: issuer.name.trim().to_owned(),
        abbreviation: issuer.abbr.trim().to_owned(),
        superior: None,
        place: Some(draft.place.trim().to_owned()).filter(|p| !p.is_empty()),
        system: draft.system,
        abolished_on: None,
        // Unknown here: issuing for a Party body asks the secretary to set it.
        term_started_on: None,
        note: Some("Tạo khi phát hành văn bản".into()),
    })?;
    Ok(body.id)
}

/// The date of issue: the draft's own if complete, else `today`.
pub fn issue_date(draft: &Draft, today: NaiveDate) -> NaiveDate {
    draft.date.to_naive().unwrap_or(today)
}

/// The draft as it will be issued: number and date filled.
pub fn with_number(draft: &Draft, number: u32, on: NaiveDate) -> Draft {
    let mut d = draft.clone();
    d.number = Some(number);
    d.date = IssueDate::from_naive(on);
    d
}

/// Type abbreviation of the ký hiệu ("KH"); "CV" for a type without one (công văn).
fn type_abbreviation(doc: &Document) -> String {
    doc.doc_type
        .abbreviation(doc.system)
        .filter(|a| !a.is_empty())
        .unwrap_or("CV")
        .to_owned()
}

/// Renders the draft as it will be issued (number and date filled) and refuses it while the
/// checker finds errors.
fn ready(templates: &Templates, draft: &Draft) -> Result<Document, IssueError> {
    let doc = draft.render(templates)?;
    let report = check_document(&doc, "bản thảo", &CheckOptions::default())?;
    if report.errors > 0 {
        return Err(IssueError::NotReady {
            errors: report.errors,
        });
    }
    Ok(doc)
}

/// The number and date issuing would give the draft on `today` (nothing is written, except
/// the issuing body, created in the library the first time it issues).
pub fn plan(
    lib: &mut Library,
    templates: &Templates,
    draft: &Draft,
    today: NaiveDate,
) -> Result<IssuePlan, IssueError> {
    let abbr = type_abbreviation(&draft.render(templates)?);
    let on = issue_date(draft, today);
    let body = issuing_body(lib, draft)?;
    let series = lib.series_for(body, &abbr, on)?.to_string();
    let expected = lib.expected_number(body, &abbr, on)?;
    let doc = ready(templates, &with_number(draft, expected, on))?;
    Ok(IssuePlan {
        expected,
        series,
        number_line: doc.number_line(),
        date: doc.place_date.render(doc.system),
    })
}

/// Sets the first day of the current nhiệm kỳ of the draft's lead (Party) issuer: asked for
/// when issuing finds none.
pub fn set_term_start(lib: &mut Library, draft: &Draft, on: NaiveDate) -> Result<(), IssueError> {
    let body = issuing_body(lib, draft)?;
    lib.set_term_start(body, on)?;
    Ok(())
}

/// Issues draft `id` of the library with `number` (the expected one, or another the
/// secretary confirmed): writes number and date into the draft, saves and locks that version
/// and records it in the register. A number already used in its series is refused.
pub fn issue(
    lib: &mut Library,
    templates: &Templates,
    id: i64,
    draft: &Draft,
    number: u32,
    today: NaiveDate,
) -> Result<Issued, IssueError> {
    let on = issue_date(draft, today);
    let final_draft = with_number(draft, number, on);
    let doc = ready(templates, &final_draft)?;
    let abbr = type_abbreviation(&doc);
    let body = issuing_body(lib, draft)?;
    let expected = lib.expected_number(body, &abbr, on)?;
    lib.checkpoint_draft(id, &final_draft.to_toml())?;
    let entry = lib.issue(&IssueRequest {
        body_id: body,
        doc_type: draft.template.clone(),
        type_abbreviation: abbr,
        issued_on: on,
        summary: doc.subject.clone(),
        signer: doc
            .signers
            .first()
            .map(|s| s.name.clone())
            .unwrap_or_default(),
        draft_id: Some(id),
        expected_number: Some(expected),
        confirmed_number: Some(number),
    })?;
    Ok(Issued {
        entry,
        draft: final_draft,
    })
}
