//! Versioned migrations (`PRAGMA user_version`): entry N upgrades a file from version N to
//! N + 1. Opening an older file upgrades it in one transaction; a newer file is refused.

use rusqlite::{Transaction, TransactionBehavior};

use super::error::{LibraryError, Result};
use super::{clauses, transfer, Library};

/// One schema step: plain SQL, or Rust code that needs the library's own logic
/// (folding text for the index, loading the starter content).
enum Step {
    Sql(&'static str),
    Rust(fn(&Transaction<'_>, &str) -> Result<()>),
}

/// The migrations, in order. Append only: never edit a step that has shipped.
const MIGRATIONS: &[&[Step]] = &[
    &[Step::Sql(include_str!("migrations/0001_clauses.sql"))],
    &[
        // The index was rebuilt with a new column here; it is filled by version 4's
        // reindex, which every upgrade through version 2 also runs (the indexing code
        // writes the newest index layout, so it cannot run against this one).
        Step::Sql(include_str!("migrations/0002_bodies_drafts_register.sql")),
    ],
    &[Step::Rust(load_starter)],
    &[
        Step::Sql(include_str!("migrations/0004_search_facets.sql")),
        Step::Rust(reindex_clauses),
    ],
    &[
        Step::Sql(include_str!("migrations/0005_search_index_layout.sql")),
        Step::Rust(reindex_clauses),
    ],
    &[Step::Sql(include_str!(
        "migrations/0006_register_series.sql"
    ))],
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// Upgrades the file to [`SCHEMA_VERSION`] (no-op when current).
pub(crate) fn migrate(lib: &mut Library) -> Result<()> {
    let now = lib.now_text();
    let path = lib.path.clone();
    let tx = lib
        .conn
        .transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Read again under the write lock: another process may have upgraded meanwhile.
    let found: u32 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if found > SCHEMA_VERSION {
        return Err(LibraryError::NewerSchema {
            path,
            found,
            supported: SCHEMA_VERSION,
        });
    }
    if found == SCHEMA_VERSION {
        return Ok(());
    }
    for steps in &MIGRATIONS[found as usize..] {
        for step in *steps {
            match step {
                Step::Sql(sql) => tx.execute_batch(sql)?,
                Step::Rust(f) => f(&tx, &now)?,
            }
        }
    }
    tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    tx.commit()?;
    Ok(())
}

fn reindex_clauses(tx: &Transaction<'_>, _now: &str) -> Result<()> {
    let ids: Vec<i64> = tx
        .prepare("SELECT id FROM clauses")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for id in ids {
        clauses::reindex(tx, id)?;
    }
    clauses::optimize_index(tx)
}

/// The starter set: real legal bases, slogans, closing sentences, bodies, signers and
/// Nơi nhận lists taken from the example documents (see `starter.json`).
pub(crate) const STARTER_JSON: &str = include_str!("starter.json");

fn load_starter(tx: &Transaction<'_>, now: &str) -> Result<()> {
    let mut parsed = transfer::parse_rows(STARTER_JSON)?;
    // The index steps after this one rebuild the index, in the same transaction.
    transfer::import_into(tx, &mut parsed, now, false)?;
    if parsed.rejected.is_empty() {
        Ok(())
    } else {
        Err(LibraryError::ImportRejected {
            rejected: parsed.rejected,
        })
    }
}
