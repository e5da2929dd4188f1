//! Pickers filled from the library: issuing bodies, signers and Nơi nhận lists.

use serde::Serialize;
use tauri::State;
use vanban::library::{Agency, RecipientList, SigningForm};
use vanban::model::System;

use crate::error::AppResult;
use crate::state::AppState;

/// What the form's pickers offer.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct LibraryChoices {
    /// Issuing bodies of the draft's system that still exist.
    pub bodies: Vec<Agency>,
    /// Signers, each with the ways they sign.
    pub signers: Vec<SignerChoice>,
    /// Reusable Nơi nhận lists.
    pub recipient_lists: Vec<RecipientList>,
}

/// A person from the library and the ways they sign (a DTO of [`vanban::library::SignerProfile`]
/// without its row fields).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct SignerChoice {
    /// Row id.
    pub id: i64,
    /// Họ và tên.
    pub name: String,
    /// Ways of signing.
    pub forms: Vec<SigningForm>,
}

/// The library's bodies (of `system`, not abolished), signers and Nơi nhận lists.
#[tauri::command]
pub fn library_choices(state: State<'_, AppState>, system: System) -> AppResult<LibraryChoices> {
    let lib = state.library();
    let want = system;
    let bodies = lib
        .agencies()?
        .into_iter()
        .filter(|b| b.fields.system == want && b.fields.abolished_on.is_none())
        .collect();
    Ok(LibraryChoices {
        bodies,
        signers: lib
            .signers()?
            .into_iter()
            .map(|p| SignerChoice {
                id: p.id,
                name: p.fields.name,
                forms: p.fields.forms,
            })
            .collect(),
        recipient_lists: lib.recipient_lists()?,
    })
}
