//! The local library (thư viện): one SQLite file holding reusable clauses with
//! diacritics-insensitive search, issuing bodies, signers, Nơi nhận lists, drafts with
//! autosave and version history, and the outgoing register (sổ văn bản đi).
//!
//! Open it with [`Library::open`]; every write is one transaction, so a crash never leaves
//! half a change behind. The file uses WAL, foreign keys, a busy timeout (so two processes
//! can share it) and is checked for damage when opened.

pub mod agencies;
pub mod clauses;
pub mod drafts;
pub mod error;
pub mod fold;
pub mod register;
pub mod schema;
pub mod search;
pub mod stale;
pub mod transfer;

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDateTime;
use rusqlite::{Connection, OpenFlags};

pub use agencies::{
    Agency, NewAgency, NewSignerProfile, RecipientList, SignerProfile, SigningForm, StackedMark,
    System,
};
pub use clauses::{Category, Clause, ClauseVersion, NewClause, Validity};
pub use drafts::{DraftSummary, DraftVersion, SavedDraft};
pub use error::{LibraryError, Result};
pub use register::{IssueRequest, RegisterEntry, Series};
pub use search::{SearchHit, SearchQuery};
pub use stale::{StaleKind, StaleWarning};
pub use transfer::{ImportSummary, LibraryFile, Rejection};

pub use crate::host::Clock;

/// How long the database waits for another writer before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// An open library file.
pub struct Library {
    conn: Connection,
    path: PathBuf,
    clock: Clock,
    autosave_window: Duration,
}

impl std::fmt::Debug for Library {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Library").field("path", &self.path).finish()
    }
}

impl Library {
    /// Opens (creating if needed) the library at `path`: sets WAL, foreign keys and the busy
    /// timeout, runs a quick integrity check, refuses a newer schema and upgrades an older one.
    /// `clock` stamps saved versions and register entries: the host's
    /// ([`crate::host::Host::clock`]), or a fixed one in tests.
    pub fn open(path: impl AsRef<Path>, clock: Clock) -> Result<Self> {
        let path = path.as_ref().to_path_buf();
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| LibraryError::Io {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        let open_err = |source| LibraryError::Open {
            path: path.clone(),
            source,
        };
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        let conn = Connection::open_with_flags(&path, flags).map_err(open_err)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(open_err)?;
        // Check the version before touching the file, so a newer file stays untouched.
        let found: u32 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(open_err)?;
        if found > schema::SCHEMA_VERSION {
            return Err(LibraryError::NewerSchema {
                path,
                found,
                supported: schema::SCHEMA_VERSION,
            });
        }
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(open_err)?;
        // FULL: each commit reaches the disk, so a power cut keeps every saved version.
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(open_err)?;
        conn.pragma_update(None, "foreign_keys", true)
            .map_err(open_err)?;
        // Searches walk index pages and clause text: keep them in memory (mapped reads, a
        // 64 MB page cache at most) instead of one read() system call per page.
        conn.pragma_update(None, "mmap_size", 256i64 * 1024 * 1024)
            .map_err(open_err)?;
        conn.pragma_update(None, "cache_size", -65536i64)
            .map_err(open_err)?;
        let mut lib = Library {
            conn,
            path,
            clock,
            autosave_window: drafts::DEFAULT_AUTOSAVE_WINDOW,
        };
        lib.check("quick_check")?;
        schema::migrate(&mut lib)?;
        Ok(lib)
    }

    /// The file this library was opened from.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version of the open file (`PRAGMA user_version`).
    pub fn schema_version(&self) -> Result<u32> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// Runs the full `PRAGMA integrity_check` and `foreign_key_check`;
    /// `Err(Corrupt)` describes the damage.
    pub fn integrity_check(&self) -> Result<()> {
        self.check("integrity_check")?;
        let mut stmt = self.conn.prepare("PRAGMA foreign_key_check")?;
        let bad: Vec<String> = stmt
            .query_map([], |r| {
                Ok(format!(
                    "bảng {} dòng {} trỏ tới {} không tồn tại",
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<i64>>(1)?.unwrap_or_default(),
                    r.get::<_, String>(2)?
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        if bad.is_empty() {
            Ok(())
        } else {
            Err(LibraryError::Corrupt {
                path: self.path.clone(),
                details: bad.join("; "),
            })
        }
    }

    fn check(&self, pragma: &str) -> Result<()> {
        let map = |source| LibraryError::Open {
            path: self.path.clone(),
            source,
        };
        let mut stmt = self
            .conn
            .prepare(&format!("PRAGMA {pragma}"))
            .map_err(|e| corrupt_or(e, &self.path, map))?;
        let lines: Vec<String> = stmt
            .query_map([], |r| r.get(0))
            .and_then(|rows| rows.collect())
            .map_err(|e| corrupt_or(e, &self.path, map))?;
        if lines.len() == 1 && lines[0] == "ok" {
            Ok(())
        } else {
            Err(LibraryError::Corrupt {
                path: self.path.clone(),
                details: lines.into_iter().take(5).collect::<Vec<_>>().join("; "),
            })
        }
    }

    /// Copies the whole library to `dest` with SQLite's online backup API (safe while the
    /// app is writing), checks the copy's integrity, then moves it into place atomically.
    pub fn backup_to(&self, dest: impl AsRef<Path>) -> Result<()> {
        let dest = dest.as_ref();
        let io = |source| LibraryError::Io {
            path: dest.to_path_buf(),
            source,
        };
        let dir = match dest.parent().filter(|d| !d.as_os_str().is_empty()) {
            Some(d) => d.to_path_buf(),
            None => PathBuf::from("."),
        };
        std::fs::create_dir_all(&dir).map_err(io)?;
        let tmp = tempfile::Builder::new()
            .prefix(".vanban-backup-")
            .tempfile_in(&dir)
            .map_err(io)?;
        {
            let mut out = Connection::open(tmp.path())?;
            let backup = rusqlite::backup::Backup::new(&self.conn, &mut out)?;
            backup.run_to_completion(256, Duration::from_millis(0), None)?;
            drop(backup);
            let ok: String = out.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
            if ok != "ok" {
                return Err(LibraryError::Corrupt {
                    path: dest.to_path_buf(),
                    details: ok,
                });
            }
        }
        tmp.persist(dest).map_err(|e| io(e.error))?;
        Ok(())
    }

    /// Sets how long consecutive autosaves of a draft refresh the same history version
    /// before a new one is started (default one minute; zero keeps every save).
    pub fn set_autosave_window(&mut self, window: Duration) {
        self.autosave_window = window;
    }

    pub(crate) fn now(&self) -> NaiveDateTime {
        (self.clock)()
    }

    pub(crate) fn now_text(&self) -> String {
        format_time(self.now())
    }

    /// The underlying connection, for read-only queries of other core modules.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}

fn corrupt_or(
    e: rusqlite::Error,
    path: &Path,
    other: impl FnOnce(rusqlite::Error) -> LibraryError,
) -> LibraryError {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DatabaseCorrupt) | Some(rusqlite::ErrorCode::NotADatabase) => {
            LibraryError::Corrupt {
                path: path.to_path_buf(),
                details: e.to_string(),
            }
        }
        _ => other(e),
    }
}

/// Timestamps are stored as local ISO text ("2025-07-01T08:30:00"), which sorts by time.
pub(crate) fn format_time(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%dT%H:%M:%S").to_string()
}
