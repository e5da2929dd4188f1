//! Drafts: create from a template, open, autosave, history and restore, all in the library.

use chrono::Datelike;
use serde::Serialize;
use tauri::State;
use vanban::draft::Draft;
use vanban::library::{DraftSummary, DraftVersion, SavedDraft};
use vanban::model::System;
use vanban::template::TemplateDef;

use crate::error::{AppError, AppResult, ErrorCode};
use crate::state::AppState;

/// A draft opened in the editor: its id in the library, its content and its template's form.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct OpenDraft {
    /// Row id in the library.
    pub id: i64,
    /// Current content.
    pub draft: Draft,
    /// The form of its template.
    pub template: TemplateDef,
    /// Current version number.
    pub version: i64,
    /// Issued (đã phát hành): the issued version is locked; edits make a new version.
    pub locked_version: Option<i64>,
}

fn title_of(draft: &Draft, template: &TemplateDef) -> String {
    let s = draft.subject.trim();
    if s.is_empty() || s == "..." {
        format!("{} (chưa có trích yếu)", template.label)
    } else {
        format!("{} {s}", template.label)
    }
}

/// Reads draft `id` from the library and remembers it as the open one.
pub fn load(state: &AppState, id: i64) -> AppResult<OpenDraft> {
    let lib = state.library();
    let summary = lib.draft(id)?;
    let version = lib.draft_version(id, None)?;
    drop(lib);
    let draft = Draft::from_toml(&version.content)?;
    let template = state.templates.get(&draft.template)?.clone();
    state.set_open_draft(Some(id))?;
    Ok(OpenDraft {
        id,
        draft,
        template,
        version: version.version,
        locked_version: summary.locked_version,
    })
}

/// Stores `draft` as a new draft (its title followed by `suffix`, e.g. "(bản sao)") and opens it.
pub fn create(state: &AppState, draft: &Draft, suffix: Option<&str>) -> AppResult<OpenDraft> {
    let def = state.templates.get(&draft.template)?;
    let mut title = title_of(draft, def);
    if let Some(s) = suffix {
        title = format!("{title} {s}");
    }
    let id = state
        .library()
        .create_draft(&title, &def.slug, &draft.to_toml())?;
    load(state, id)
}

/// Creates a draft of `template` for `system` with the form's defaults, stores it and opens it.
#[tauri::command]
pub fn new_draft(
    state: State<'_, AppState>,
    template: String,
    system: System,
) -> AppResult<OpenDraft> {
    let def = state.templates.get(&template)?;
    if !def.systems.contains(&system) {
        return Err(AppError::new(
            ErrorCode::Template,
            format!("Mẫu \"{}\" không dùng cho {}.", def.label, system.label()),
        ));
    }
    let year = chrono::Local::now().year();
    let mut draft = Draft::starter(def, system, false, year);
    draft.subject.clear();
    draft.place.clear();
    create(&state, &draft, None)
}

/// Opens a stored draft.
#[tauri::command]
pub fn open_draft(state: State<'_, AppState>, id: i64) -> AppResult<OpenDraft> {
    load(&state, id)
}

/// Autosave: stores the draft's content as its newest version (one transaction).
#[tauri::command]
pub fn save_draft(state: State<'_, AppState>, id: i64, draft: Draft) -> AppResult<SavedDraft> {
    let title = match state.templates.get(&draft.template) {
        Ok(def) => title_of(&draft, def),
        Err(_) => draft.template.clone(),
    };
    let mut lib = state.library();
    let saved = lib.save_draft(id, &draft.to_toml())?;
    lib.rename_draft(id, &title)?;
    Ok(saved)
}

/// Closes the editor: the draft stays in the library; a restart will not reopen it.
#[tauri::command]
pub fn close_draft(state: State<'_, AppState>) -> AppResult<()> {
    state.set_open_draft(None)
}

/// Recent drafts, newest first.
#[tauri::command]
pub fn recent_drafts(state: State<'_, AppState>) -> AppResult<Vec<DraftSummary>> {
    Ok(state.library().drafts()?)
}

/// The versions of a draft, newest first.
#[tauri::command]
pub fn draft_history(state: State<'_, AppState>, id: i64) -> AppResult<Vec<DraftVersion>> {
    let mut v = state.library().draft_history(id)?;
    v.sort_by_key(|d| std::cmp::Reverse(d.version));
    Ok(v)
}

/// Makes an earlier version current again (as a new version) and reopens the draft.
#[tauri::command]
pub fn restore_version(state: State<'_, AppState>, id: i64, version: i64) -> AppResult<OpenDraft> {
    state.library().restore_draft(id, version)?;
    load(&state, id)
}

/// Copies a draft (e.g. an issued, locked one) into a new draft without its number, and opens it.
#[tauri::command]
pub fn duplicate_draft(state: State<'_, AppState>, id: i64) -> AppResult<OpenDraft> {
    let content = state.library().draft_version(id, None)?.content;
    let mut draft = Draft::from_toml(&content)?;
    draft.number = None;
    draft.date.day = None;
    draft.date.month = None;
    create(&state, &draft, Some("(bản sao)"))
}
