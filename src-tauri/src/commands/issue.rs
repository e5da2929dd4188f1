//! Phát hành (issue): the next number from the outgoing register (sổ văn bản đi) in the
//! series of the issuing body (state: the year; Party: the document type within the term),
//! written into the draft, whose version is then locked.

use chrono::NaiveDate;
use serde::Serialize;
use tauri::State;
use vanban::draft::Draft;
use vanban::library::{self, IssueRequest, Library, NewBody};
use vanban::model::{Document, IssueDate, System};

use super::drafts::{load, OpenDraft};
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// What issuing would do (số dự kiến), shown before the secretary confirms.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
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

/// What issuing did.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct IssueResult {
    /// Số và ký hiệu as registered, e.g. "03/KH-VP".
    pub registered: String,
    /// The draft reopened: number and date filled, issued version locked.
    pub opened: OpenDraft,
}

/// The library body for the draft's lead issuer, created on first issue.
fn body_id(lib: &mut Library, draft: &Draft) -> AppResult<i64> {
    let issuer = draft
        .issuers
        .first()
        .ok_or_else(|| AppError::new("issue", "Chưa có cơ quan ban hành."))?;
    let same = |a: &str, b: &str| a.trim().to_lowercase() == b.trim().to_lowercase();
    if let Some(b) = lib
        .bodies()?
        .into_iter()
        .find(|b| same(&b.fields.abbreviation, &issuer.abbr) && same(&b.fields.name, &issuer.name))
    {
        return Ok(b.id);
    }
    let body = lib.add_body(NewBody {
        name: issuer.name.trim().to_owned(),
        abbreviation: issuer.abbr.trim().to_owned(),
        superior: None,
        place: Some(draft.place.trim().to_owned()).filter(|p| !p.is_empty()),
        system: match draft.system {
            System::State => library::System::State,
            System::Party => library::System::Party,
        },
        abolished_on: None,
        // Unknown here: issuing for a Party body asks the secretary to set it.
        term_started_on: None,
        note: Some("Tạo khi phát hành văn bản".into()),
    })?;
    Ok(body.id)
}

/// The date of issue: the draft's own if complete, else today.
fn issue_date(draft: &Draft) -> NaiveDate {
    draft
        .date
        .to_naive()
        .unwrap_or_else(|| chrono::Local::now().date_naive())
}

/// The draft as it will be issued: number and date filled.
fn issued(draft: &Draft, number: u32, on: NaiveDate) -> Draft {
    let mut d = draft.clone();
    d.number = Some(number);
    d.date = IssueDate::from_naive(on);
    d
}

/// Type abbreviation of the ký hiệu ("KH"); "CV" for a type without one.
fn type_abbreviation(doc: &Document) -> String {
    doc.doc_type
        .abbreviation(doc.system)
        .filter(|a| !a.is_empty())
        .unwrap_or("CV")
        .to_owned()
}

/// Renders the draft and refuses it while the checker finds errors.
fn ready(state: &AppState, draft: &Draft) -> AppResult<Document> {
    let doc = draft.render(&state.templates)?;
    let report =
        vanban::check::check_document(&doc, "bản thảo", &vanban::check::CheckOptions::default())
            .map_err(|e| AppError::new("check", e.to_string()))?;
    if report.errors > 0 {
        return Err(AppError::new(
            "issue",
            format!(
                "Văn bản còn {} lỗi thể thức: sửa trước khi phát hành.",
                report.errors
            ),
        ));
    }
    Ok(doc)
}

/// The number and date issuing would give the draft now.
#[tauri::command]
pub fn issue_plan(state: State<'_, AppState>, draft: Draft) -> AppResult<IssuePlan> {
    let abbr = type_abbreviation(&ready(&state, &draft)?);
    let on = issue_date(&draft);
    let (expected, series) = {
        let mut lib = state.library();
        let body = body_id(&mut lib, &draft)?;
        let series = lib.series_for(body, &abbr, on)?;
        (lib.expected_number(body, &abbr, on)?, series.to_string())
    };
    let doc = issued(&draft, expected, on).render(&state.templates)?;
    Ok(IssuePlan {
        expected,
        series,
        number_line: doc.number_line(),
        date: doc.place_date.render(doc.system),
    })
}

/// Sets the start of the current nhiệm kỳ of the draft's lead (Party) issuer, asked for when
/// issuing finds none; `started_on` is "YYYY-MM-DD" (an HTML date input).
#[tauri::command]
pub fn set_term_start(
    state: State<'_, AppState>,
    draft: Draft,
    started_on: String,
) -> AppResult<()> {
    let on = NaiveDate::parse_from_str(started_on.trim(), "%Y-%m-%d").map_err(|_| {
        AppError::new(
            "issue",
            format!("Ngày bắt đầu nhiệm kỳ \"{started_on}\" không hợp lệ: chọn một ngày."),
        )
    })?;
    let mut lib = state.library();
    let body = body_id(&mut lib, &draft)?;
    lib.set_term_start(body, on)?;
    Ok(())
}

/// Issues the draft with `number` (the expected one, or another the secretary confirmed):
/// writes number and date into the draft, records it in the register and locks that version.
/// A number already used in its series is refused, never reused.
#[tauri::command]
pub fn issue_draft(
    state: State<'_, AppState>,
    id: i64,
    draft: Draft,
    number: u32,
) -> AppResult<IssueResult> {
    ready(&state, &draft)?;
    let on = issue_date(&draft);
    let final_draft = issued(&draft, number, on);
    let doc = final_draft.render(&state.templates)?;
    let abbr = type_abbreviation(&doc);
    let entry = {
        let mut lib = state.library();
        let body = body_id(&mut lib, &draft)?;
        let expected = lib.expected_number(body, &abbr, on)?;
        lib.checkpoint_draft(id, &final_draft.to_toml())?;
        lib.issue(&IssueRequest {
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
        })?
    };
    Ok(IssueResult {
        registered: entry.number_and_symbol(),
        opened: load(&state, id)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use vanban::template::Templates;

    #[test]
    fn issuing_reuses_the_body_and_numbers_in_sequence() {
        let dir = std::env::temp_dir().join(format!("vanban-issue-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let mut lib = Library::open(dir.join("thu-vien.sqlite3")).unwrap();
        let t = Templates::builtin().unwrap();
        let d = Draft::starter(t.get("ke-hoach").unwrap(), System::State, false, 2024);
        let a = body_id(&mut lib, &d).unwrap();
        assert_eq!(
            body_id(&mut lib, &d).unwrap(),
            a,
            "the same issuer maps to one library body"
        );
        let on = NaiveDate::from_ymd_opt(2024, 2, 5).unwrap();
        assert_eq!(lib.expected_number(a, "KH", on).unwrap(), 1);

        let issued = issued(&d, 3, on);
        assert_eq!(issued.number, Some(3));
        assert_eq!(issued.date.phrase(), "ngày 05 tháng 02 năm 2024");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_party_body_without_a_term_asks_for_it_then_numbers_per_type() {
        let dir = std::env::temp_dir().join(format!("vanban-term-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let mut lib = Library::open(dir.join("thu-vien.sqlite3")).unwrap();
        let t = Templates::builtin().unwrap();
        let d = Draft::starter(t.get("ke-hoach").unwrap(), System::Party, false, 2026);
        let body = body_id(&mut lib, &d).unwrap();
        let on = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let err: AppError = lib.expected_number(body, "KH", on).unwrap_err().into();
        assert_eq!(err.code, "no_term_start", "the UI branches on this code");
        assert!(err.message.contains("nhiệm kỳ"), "{}", err.message);
        lib.set_term_start(body, NaiveDate::from_ymd_opt(2025, 10, 16).unwrap())
            .unwrap();
        assert_eq!(lib.expected_number(body, "KH", on).unwrap(), 1);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
