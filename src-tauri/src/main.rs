//! Vanban desktop app: a thin Tauri 2 shell over the `vanban` core.
//!
//! The shell owns IO (dialogs, the library file, the data directory) and turns the core's
//! results into typed, serialisable values for the UI in `ui/`. It holds no document logic.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

#[cfg(test)]
mod bindings;
mod commands;
mod error;
mod hooks;
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
        .invoke_handler(commands::handler())
        // The window is created hidden (tauri.conf.json) and shown by `ui_ready` once the UI
        // has painted its first screen; this is the fallback if that never happens.
        .setup(|app| {
            if let Some(w) = tauri::Manager::get_webview_window(app, "main") {
                commands::show_later(w);
            }
            Ok(())
        })
        .run(tauri::generate_context!())
        .unwrap_or_else(|e| {
            eprintln!("Vanban không khởi động được cửa sổ: {e}");
            std::process::exit(1);
        });
}
