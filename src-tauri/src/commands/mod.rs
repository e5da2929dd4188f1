//! Tauri commands: each one unpacks its arguments, calls the core and converts the result.
//! Grouped by what they serve: drafts, preview and checking, clauses, export.
//!
//! [`app_commands!`] lists every command once, with the arguments and result the UI sees:
//! the same table gives Tauri's invoke handler ([`handler`]) and the typed TypeScript
//! wrappers in `ui/src/bindings/commands.ts` (written by the bindings test).

pub mod batch;
pub mod check;
pub mod clauses;
pub mod drafts;
pub mod export;
pub mod import;
pub mod issue;
pub mod library;
pub mod markup;
pub mod preview;

use std::sync::OnceLock;
use std::time::Instant;

use serde::Serialize;
use tauri::State;
use vanban::template::TemplateDef;

use crate::state::AppState;

/// Facts about the running app shown on the start screen.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct AppInfo {
    /// Version of the app.
    pub version: String,
    /// Where the data lives.
    pub data_dir: String,
    /// The draft that was open when the app stopped without closing it (crash recovery).
    pub recovered_draft: Option<i64>,
}

/// Returns the app's version, data directory and the draft to recover, if any.
#[tauri::command]
pub fn app_info(state: State<'_, AppState>) -> AppInfo {
    AppInfo {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        data_dir: state.data_dir.display().to_string(),
        recovered_draft: state.open_draft(),
    }
}

/// The document types the start screen offers (from `templates/`, so a new template shows
/// up with no code change).
#[tauri::command]
pub fn list_templates(state: State<'_, AppState>) -> Vec<TemplateDef> {
    state.templates.list().to_vec()
}

static START: OnceLock<Instant> = OnceLock::new();

/// Records when the process started (first thing in `main`), for the start-up measurement.
pub fn mark_start() {
    START.get_or_init(Instant::now);
}

/// How long the window may stay hidden if the UI never says it is ready (a broken page still
/// shows, with its error, rather than no window at all).
pub const SHOW_FALLBACK: std::time::Duration = std::time::Duration::from_secs(3);

/// The UI calls this once its first screen is rendered and usable: shows the window (created
/// hidden, so no blank or black window is ever seen) and returns the milliseconds since the
/// process started; when `VANBAN_STARTUP_LOG` is set, prints them to stderr for
/// `bench/app_startup.sh`.
#[tauri::command]
pub fn ui_ready(window: tauri::WebviewWindow) -> u64 {
    let ms = START.get().map_or(0, |s| s.elapsed().as_millis() as u64);
    if let Err(e) = window.show() {
        eprintln!("Vanban: không hiện được cửa sổ: {e}");
    }
    if std::env::var_os("VANBAN_STARTUP_LOG").is_some() {
        eprintln!("vanban-startup-ms {ms}");
    }
    ms
}

/// Shows `window` after [`SHOW_FALLBACK`] in case `ui_ready` never comes.
pub fn show_later(window: tauri::WebviewWindow) {
    std::thread::spawn(move || {
        std::thread::sleep(SHOW_FALLBACK);
        if !window.is_visible().unwrap_or(true) {
            let _ = window.show();
        }
    });
}

/// One command as the UI calls it, for the generated TypeScript (test builds only).
#[cfg(test)]
pub struct CommandSig {
    /// The command's name (`"new_draft"`).
    pub name: &'static str,
    /// Arguments the UI passes: Rust name and TypeScript type.
    pub args: Vec<(&'static str, String)>,
    /// TypeScript type of the result (`void` for none).
    pub result: String,
    /// Exported types the signature mentions, for the imports.
    pub deps: Vec<ts_rs::Dependency>,
}

/// Declares the command table: each entry is `module::command(arg: Type, ...) -> Result;`
/// (arguments the window passes, without Tauri's injected `State`, `AppHandle`, `Window`).
macro_rules! app_commands {
    ($( $module:ident :: $name:ident ( $($arg:ident : $ty:ty),* $(,)? ) -> $ret:ty ; )*) => {
        /// The invoke handler with every command of the table.
        pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$( $module :: $name ),*]
        }

        /// The table's signatures in TypeScript terms.
        #[cfg(test)]
        pub fn signatures(cfg: &ts_rs::Config) -> Vec<CommandSig> {
            /// The exported types `T` names: itself, or its type arguments (`Vec<T>`).
            fn deps<T: ts_rs::TS + 'static + ?Sized>(cfg: &ts_rs::Config, out: &mut Vec<ts_rs::Dependency>) {
                struct Collect<'a>(&'a ts_rs::Config, &'a mut Vec<ts_rs::Dependency>);
                impl ts_rs::TypeVisitor for Collect<'_> {
                    fn visit<G: ts_rs::TS + 'static + ?Sized>(&mut self) {
                        self.1.extend(ts_rs::Dependency::from_ty::<G>(self.0));
                    }
                }
                out.extend(ts_rs::Dependency::from_ty::<T>(cfg));
                T::visit_generics(&mut Collect(cfg, out));
            }
            vec![$({
                let mut d = Vec::new();
                $( deps::<$ty>(cfg, &mut d); )*
                deps::<$ret>(cfg, &mut d);
                CommandSig {
                    name: stringify!($name),
                    args: vec![$( (stringify!($arg), <$ty as ts_rs::TS>::name(cfg)) ),*],
                    result: match <$ret as ts_rs::TS>::name(cfg).as_str() {
                        "null" => "void".to_owned(),
                        other => other.to_owned(),
                    },
                    deps: d,
                }
            }),*]
        }
    };
}

app_commands! {
    self::app_info() -> AppInfo;
    self::list_templates() -> Vec<TemplateDef>;
    self::ui_ready() -> u64;
    drafts::new_draft(template: String, system: vanban::model::System) -> drafts::OpenDraft;
    drafts::open_draft(id: i64) -> drafts::OpenDraft;
    drafts::save_draft(id: i64, draft: vanban::draft::Draft) -> vanban::library::SavedDraft;
    drafts::close_draft() -> ();
    drafts::recent_drafts() -> Vec<vanban::library::DraftSummary>;
    drafts::draft_history(id: i64) -> Vec<vanban::library::DraftVersion>;
    drafts::restore_version(id: i64, version: i64) -> drafts::OpenDraft;
    drafts::duplicate_draft(id: i64) -> drafts::OpenDraft;
    import::import_word() -> import::ImportResult;
    preview::preview_draft(draft: vanban::draft::Draft) -> preview::PreviewResult;
    markup::markup_lines(markup: String, system: vanban::model::System) -> Vec<vanban::markup::MarkupLine>;
    markup::label_lines(shapes: Vec<vanban::markup::LineShape>, system: vanban::model::System) -> Vec<Option<String>>;
    export::export_docx(id: i64, draft: vanban::draft::Draft) -> export::ExportResult;
    issue::issue_plan(draft: vanban::draft::Draft) -> vanban::issue::IssuePlan;
    issue::issue_draft(id: i64, draft: vanban::draft::Draft, number: u32) -> issue::IssueResult;
    issue::set_term_start(draft: vanban::draft::Draft, started_on: String) -> ();
    check::review_open() -> check::CheckView;
    check::review_fix(index: Option<usize>, guarded: bool) -> check::CheckView;
    check::review_save() -> String;
    check::review_normalize() -> check::NormalizeResult;
    check::review_normalized_draft() -> drafts::OpenDraft;
    batch::batch_check() -> vanban::check::batch_report::BatchSummary;
    batch::batch_save_report(format: vanban::check::batch_report::ReportFormat) -> String;
    clauses::search_clauses(text: String, doc_type: Option<String>) -> Vec<clauses::ClauseChoice>;
    clauses::use_clause(id: i64, values: std::collections::BTreeMap<String, String>) -> String;
    library::library_choices(system: vanban::model::System) -> library::LibraryChoices;
}
