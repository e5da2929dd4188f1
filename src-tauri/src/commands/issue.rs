//! Phát hành (issue): thin commands over the core use case [`vanban::issue`]; the app passes
//! its library, its templates and the host's "today".

use chrono::NaiveDate;
use serde::Serialize;
use tauri::State;
use vanban::draft::Draft;
use vanban::host::{Host, SystemHost};
use vanban::issue::{self, IssueError, IssuePlan};

use super::drafts::{load, OpenDraft};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::state::AppState;

/// What issuing did.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct IssueResult {
    /// Số và ký hiệu as registered, e.g. "03/KH-VP".
    pub registered: String,
    /// The draft reopened: number and date filled, issued version locked.
    pub opened: OpenDraft,
}

impl From<IssueError> for AppError {
    fn from(e: IssueError) -> Self {
        match e {
            IssueError::Library(e) => e.into(),
            IssueError::Draft(e) => e.into(),
            other => AppError::new(ErrorCode::Issue, other.to_string()),
        }
    }
}

/// The number and date issuing would give the draft now.
#[tauri::command]
pub fn issue_plan(state: State<'_, AppState>, draft: Draft) -> AppResult<IssuePlan> {
    let mut lib = state.library();
    Ok(issue::plan(
        &mut lib,
        &state.templates,
        &draft,
        SystemHost.today(),
    )?)
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
            ErrorCode::Issue,
            format!("Ngày bắt đầu nhiệm kỳ \"{started_on}\" không hợp lệ: chọn một ngày."),
        )
    })?;
    Ok(issue::set_term_start(&mut state.library(), &draft, on)?)
}

/// Issues the draft with `number` (the expected one, or another the secretary confirmed).
#[tauri::command]
pub fn issue_draft(
    state: State<'_, AppState>,
    id: i64,
    draft: Draft,
    number: u32,
) -> AppResult<IssueResult> {
    let done = {
        let mut lib = state.library();
        issue::issue(
            &mut lib,
            &state.templates,
            id,
            &draft,
            number,
            SystemHost.today(),
        )?
    };
    Ok(IssueResult {
        registered: done.entry.number_and_symbol(),
        opened: load(&state, id)?,
    })
}
