//! Pickers filled from the library: issuing bodies, signers and Nơi nhận lists.

use serde::Serialize;
use tauri::State;
use vanban::library::{self, Agency, RecipientList};
use vanban::model::{Authority, AuthorityLine, Signer, System};

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
    /// Ways of signing, each as the draft's signature block it fills.
    pub forms: Vec<SignerForm>,
}

/// One way a person signs, read by the core: what the picker shows and what it puts in the
/// draft (the library's authority mark already turned into the model's [`Authority`]).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct SignerForm {
    /// The picker's line: "KT. CHỦ TỊCH PHÓ CHỦ TỊCH".
    pub label: String,
    /// The signature block.
    pub signer: Signer,
}

fn signer_form(name: &str, f: library::SigningForm) -> SignerForm {
    let stacked_text: Vec<String> = f
        .stacked
        .iter()
        .map(|m| format!("{} {}", m.authority, m.on_behalf_of))
        .collect();
    let label = [f.authority.as_deref(), f.on_behalf_of.as_deref()]
        .into_iter()
        .flatten()
        .chain(stacked_text.iter().map(String::as_str))
        .chain([f.position.as_str()])
        .filter(|s| !s.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    SignerForm {
        label,
        signer: Signer {
            authority: f.authority.as_deref().and_then(Authority::from_mark),
            on_behalf: f.on_behalf_of,
            stacked: f
                .stacked
                .iter()
                .filter_map(|m| {
                    Some(AuthorityLine {
                        authority: Authority::from_mark(&m.authority)?,
                        on_behalf: m.on_behalf_of.clone(),
                    })
                })
                .collect(),
            position: f.position,
            name: name.to_owned(),
        },
    }
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
                forms: p
                    .fields
                    .forms
                    .into_iter()
                    .map(|f| signer_form(&p.fields.name, f))
                    .collect(),
                name: p.fields.name,
            })
            .collect(),
        recipient_lists: lib.recipient_lists()?,
    })
}
