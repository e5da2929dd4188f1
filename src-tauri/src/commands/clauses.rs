//! The clause picker (Ctrl+K): search as you type, with or without diacritics, and insert.

use std::collections::BTreeMap;

use serde::Serialize;
use tauri::State;
use vanban::library::clauses::variables;
use vanban::library::{Clause, SearchQuery};

use crate::error::AppResult;
use crate::state::AppState;

/// A clause offered by the picker, with the variables it asks for.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ClauseChoice {
    /// The clause.
    pub clause: Clause,
    /// Vietnamese name of its category.
    pub category_label: String,
    /// Variables to fill before insertion (`{{ nam }}` → "nam").
    pub variables: Vec<String>,
}

/// Searches the library's clauses for what the user typed (diacritics optional).
#[tauri::command]
pub fn search_clauses(
    state: State<'_, AppState>,
    text: String,
    doc_type: Option<String>,
) -> AppResult<Vec<ClauseChoice>> {
    let q = SearchQuery {
        text,
        doc_type,
        limit: Some(20),
        ..SearchQuery::default()
    };
    let hits = state.library().search(&q)?;
    Ok(hits
        .into_iter()
        .map(|h| ClauseChoice {
            category_label: h.clause.fields.category.label().to_owned(),
            variables: variables(&h.clause.fields.text).unwrap_or_default(),
            clause: h.clause,
        })
        .collect())
}

/// Fills a clause's variables, records its use, and returns the text to insert.
#[tauri::command]
pub fn use_clause(
    state: State<'_, AppState>,
    id: i64,
    values: BTreeMap<String, String>,
) -> AppResult<String> {
    Ok(state.library().use_clause(id, &values)?)
}
