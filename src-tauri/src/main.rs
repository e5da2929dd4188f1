//! Vanban desktop app: a thin Tauri 2 shell over the `vanban` core.
//!
//! The shell owns IO (dialogs, the library file, the data directory) and turns the core's
//! results into typed, serialisable values for the UI in `ui/`. It holds no document logic.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

#[cfg(test)]
mod bindings;
mod commands;
mod error;
mod state;

fn main() {
    commands::mark_start();
    let state = match state::AppState::open() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("Vanban: {e}");
            std::process::exit(1);
        }
    };
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(state)
        .manage(commands::check::Review::default())
        .manage(commands::batch::LastBatch::default())
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::list_templates,
            commands::ui_ready,
            commands::drafts::new_draft,
            commands::drafts::open_draft,
            commands::drafts::save_draft,
            commands::drafts::close_draft,
            commands::drafts::recent_drafts,
            commands::drafts::draft_history,
            commands::drafts::restore_version,
            commands::drafts::duplicate_draft,
            commands::preview::preview_draft,
            commands::export::export_docx,
            commands::issue::issue_plan,
            commands::issue::issue_draft,
            commands::issue::set_term_start,
            commands::check::review_open,
            commands::check::review_fix,
            commands::check::review_save,
            commands::batch::batch_check,
            commands::batch::batch_save_report,
            commands::clauses::search_clauses,
            commands::clauses::use_clause,
            commands::library::library_choices,
        ])
        .run(tauri::generate_context!())
        .unwrap_or_else(|e| {
            eprintln!("Vanban không khởi động được cửa sổ: {e}");
            std::process::exit(1);
        });
}
