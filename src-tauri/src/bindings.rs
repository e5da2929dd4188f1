//! Generates the TypeScript types the UI imports (`ui/src/bindings/`) from the Rust types
//! with ts-rs. Run `cargo test -p vanban-app` after changing a type; CI checks that the
//! committed files are current with `git diff --exit-code ui/src/bindings`.

use std::path::PathBuf;

use ts_rs::{Config, TS};

fn out_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src/bindings")
}

/// Exports `T` and every type it mentions.
fn export<T: TS + 'static>(cfg: &Config) {
    T::export_all(cfg).unwrap_or_else(|e| panic!("export of {}: {e}", T::name(cfg)));
}

#[test]
fn export_bindings() {
    let cfg = Config::new()
        .with_out_dir(out_dir())
        .with_large_int("number");
    export::<crate::error::AppError>(&cfg);
    export::<crate::commands::AppInfo>(&cfg);
    export::<crate::commands::drafts::OpenDraft>(&cfg);
    export::<crate::commands::preview::PreviewResult>(&cfg);
    export::<crate::commands::clauses::ClauseChoice>(&cfg);
    export::<crate::commands::export::ExportResult>(&cfg);
    export::<crate::commands::check::CheckView>(&cfg);
    export::<crate::commands::batch::BatchProgress>(&cfg);
    export::<vanban::check::batch_report::BatchSummary>(&cfg);
    export::<vanban::check::batch_report::ReportFormat>(&cfg);
    export::<vanban::issue::IssuePlan>(&cfg);
    export::<crate::commands::issue::IssueResult>(&cfg);
    export::<crate::commands::library::LibraryChoices>(&cfg);
    export::<vanban::library::DraftSummary>(&cfg);
    export::<vanban::library::DraftVersion>(&cfg);
    export::<vanban::library::SavedDraft>(&cfg);
    assert!(out_dir().join("AppError.ts").exists());
}
