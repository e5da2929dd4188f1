//! Drafts (dự thảo) with autosave and a version history.
//!
//! The app calls [`Library::save_draft`] after every change (debounced to about once per
//! second). Each save is one transaction, so a crash or power cut loses at most what was
//! typed since the last save. Consecutive autosaves within [`DEFAULT_AUTOSAVE_WINDOW`]
//! refresh the newest history version instead of adding one per keystroke; checkpoints,
//! restores and imports always add a version, and any earlier version can be restored
//! (restoring adds a new version: history is never rewritten).
//!
//! Content is the draft file text (TOML) that `vanban render` reads.

use std::time::Duration;

use rusqlite::{params, OptionalExtension, TransactionBehavior};
use serde::{Deserialize, Serialize};

use super::error::{LibraryError, Result};
use super::Library;

/// Autosaves closer together than this refresh the same history version.
pub const DEFAULT_AUTOSAVE_WINDOW: Duration = Duration::from_secs(60);

/// A draft in lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DraftSummary {
    /// Row id.
    pub id: i64,
    /// Title shown in lists (usually the trích yếu).
    pub title: String,
    /// Template slug ("ke_hoach").
    pub template: String,
    /// Creation time.
    pub created_at: String,
    /// Last save time.
    pub updated_at: String,
    /// Newest version number.
    pub current_version: i64,
    /// The version locked by issuing it (đã ban hành), if issued.
    pub locked_version: Option<i64>,
}

/// One stored version of a draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DraftVersion {
    /// Version number, from 1.
    pub version: i64,
    /// Draft file text (TOML).
    pub content: String,
    /// Save time.
    pub saved_at: String,
    /// "autosave", "checkpoint", "restore", "import" or "issued".
    pub kind: String,
}

/// What a save did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SavedDraft {
    /// Draft id.
    pub id: i64,
    /// The version now holding the content.
    pub version: i64,
    /// Whether a new history version was started (false: refreshed or unchanged).
    pub new_version: bool,
}

/// Kinds of versions that are never refreshed in place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Autosave,
    Checkpoint,
    Restore,
    Import,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Self::Autosave => "autosave",
            Self::Checkpoint => "checkpoint",
            Self::Restore => "restore",
            Self::Import => "import",
        }
    }
}

impl Library {
    /// Creates a draft with its first version; returns its id.
    pub fn create_draft(&mut self, title: &str, template: &str, content: &str) -> Result<i64> {
        let now = self.now_text();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT INTO drafts (title, template, created_at, updated_at, current_version)
             VALUES (?1, ?2, ?3, ?3, 1)",
            params![title.trim(), template.trim(), now],
        )?;
        let id = tx.last_insert_rowid();
        tx.execute(
            "INSERT INTO draft_versions (draft_id, version, content, saved_at, kind)
             VALUES (?1, 1, ?2, ?3, 'checkpoint')",
            params![id, content, now],
        )?;
        tx.commit()?;
        Ok(id)
    }

    /// Autosave: stores `content` as the draft's newest content in one transaction.
    /// Unchanged content writes nothing; see the module documentation for versions.
    pub fn save_draft(&mut self, id: i64, content: &str) -> Result<SavedDraft> {
        self.write_version(id, content, Kind::Autosave, None)
    }

    /// Saves `content` as a version of its own that later autosaves do not refresh
    /// (on exit, before export, when the user asks).
    pub fn checkpoint_draft(&mut self, id: i64, content: &str) -> Result<SavedDraft> {
        self.write_version(id, content, Kind::Checkpoint, None)
    }

    /// Changes a draft's title (shown in lists).
    pub fn rename_draft(&mut self, id: i64, title: &str) -> Result<()> {
        let n = self.conn.execute(
            "UPDATE drafts SET title = ?2 WHERE id = ?1",
            params![id, title.trim()],
        )?;
        if n == 0 {
            return Err(not_found(id));
        }
        Ok(())
    }

    /// Makes an earlier version the current content again (as a new version).
    pub fn restore_draft(&mut self, id: i64, version: i64) -> Result<SavedDraft> {
        let old = self.draft_version(id, Some(version))?;
        self.write_version(id, &old.content, Kind::Restore, Some(version))
    }

    fn write_version(
        &mut self,
        id: i64,
        content: &str,
        kind: Kind,
        _from: Option<i64>,
    ) -> Result<SavedDraft> {
        let now = self.now();
        let now_text = super::format_time(now);
        let window = self.autosave_window;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let (current, locked): (i64, Option<i64>) = tx
            .query_row(
                "SELECT current_version, locked_version FROM drafts WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or_else(|| not_found(id))?;
        if locked.is_some() {
            let number: Option<u32> = tx
                .query_row(
                    "SELECT number FROM register WHERE draft_id = ?1 ORDER BY id DESC LIMIT 1",
                    [id],
                    |r| r.get(0),
                )
                .optional()?;
            return Err(LibraryError::DraftLocked {
                id,
                number: number.unwrap_or(0),
            });
        }
        let last: Option<(String, String, String)> = tx
            .query_row(
                "SELECT content, saved_at, kind FROM draft_versions WHERE draft_id = ?1 AND version = ?2",
                params![id, current],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        if let Some((last_content, saved_at, last_kind)) = &last {
            if last_content == content && kind != Kind::Restore {
                return Ok(SavedDraft {
                    id,
                    version: current,
                    new_version: false,
                });
            }
            let recent = chrono::NaiveDateTime::parse_from_str(saved_at, "%Y-%m-%dT%H:%M:%S")
                .ok()
                .and_then(|t| (now - t).to_std().ok())
                .is_some_and(|age| age < window);
            if kind == Kind::Autosave && last_kind == "autosave" && recent {
                tx.execute(
                    "UPDATE draft_versions SET content = ?3 WHERE draft_id = ?1 AND version = ?2",
                    params![id, current, content],
                )?;
                tx.execute(
                    "UPDATE drafts SET updated_at = ?2 WHERE id = ?1",
                    params![id, now_text],
                )?;
                tx.commit()?;
                return Ok(SavedDraft {
                    id,
                    version: current,
                    new_version: false,
                });
            }
        }
        let version = current + 1;
        tx.execute(
            "INSERT INTO draft_versions (draft_id, version, content, saved_at, kind) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![id, version, content, now_text, kind.as_str()],
        )?;
        tx.execute(
            "UPDATE drafts SET current_version = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, version, now_text],
        )?;
        tx.commit()?;
        Ok(SavedDraft {
            id,
            version,
            new_version: true,
        })
    }

    /// All drafts, most recently saved first.
    pub fn drafts(&self) -> Result<Vec<DraftSummary>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, title, template, created_at, updated_at, current_version, locked_version
             FROM drafts ORDER BY updated_at DESC, id DESC",
        )?;
        let rows = stmt.query_map([], summary_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One draft's summary.
    pub fn draft(&self, id: i64) -> Result<DraftSummary> {
        self.conn
            .query_row(
                "SELECT id, title, template, created_at, updated_at, current_version, locked_version
                 FROM drafts WHERE id = ?1",
                [id],
                summary_row,
            )
            .optional()?
            .ok_or_else(|| not_found(id))
    }

    /// A version of a draft (the newest when `version` is None).
    pub fn draft_version(&self, id: i64, version: Option<i64>) -> Result<DraftVersion> {
        let summary = self.draft(id)?;
        let v = version.unwrap_or(summary.current_version);
        self.conn
            .query_row(
                "SELECT version, content, saved_at, kind FROM draft_versions WHERE draft_id = ?1 AND version = ?2",
                params![id, v],
                |r| {
                    Ok(DraftVersion {
                        version: r.get(0)?,
                        content: r.get(1)?,
                        saved_at: r.get(2)?,
                        kind: r.get(3)?,
                    })
                },
            )
            .optional()?
            .ok_or(LibraryError::NotFound {
                what: "phiên bản dự thảo",
                id: v,
            })
    }

    /// The version history of a draft, newest first (content included).
    pub fn draft_history(&self, id: i64) -> Result<Vec<DraftVersion>> {
        self.draft(id)?;
        let mut stmt = self.conn.prepare(
            "SELECT version, content, saved_at, kind FROM draft_versions WHERE draft_id = ?1 ORDER BY version DESC",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok(DraftVersion {
                version: r.get(0)?,
                content: r.get(1)?,
                saved_at: r.get(2)?,
                kind: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Deletes a draft and its history (an issued draft cannot be deleted).
    pub fn delete_draft(&mut self, id: i64) -> Result<()> {
        let d = self.draft(id)?;
        if d.locked_version.is_some() {
            return Err(LibraryError::DraftLocked { id, number: 0 });
        }
        self.conn
            .execute("DELETE FROM drafts WHERE id = ?1", [id])?;
        Ok(())
    }

    /// Imports a draft file's text as a new draft (kind "import").
    pub fn import_draft(&mut self, title: &str, template: &str, content: &str) -> Result<i64> {
        let id = self.create_draft(title, template, content)?;
        self.conn.execute(
            "UPDATE draft_versions SET kind = ?2 WHERE draft_id = ?1 AND version = 1",
            params![id, Kind::Import.as_str()],
        )?;
        Ok(id)
    }
}

fn summary_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<DraftSummary> {
    Ok(DraftSummary {
        id: r.get(0)?,
        title: r.get(1)?,
        template: r.get(2)?,
        created_at: r.get(3)?,
        updated_at: r.get(4)?,
        current_version: r.get(5)?,
        locked_version: r.get(6)?,
    })
}

fn not_found(id: i64) -> LibraryError {
    LibraryError::NotFound {
        what: "dự thảo",
        id,
    }
}

impl Library {
    /// Imports a draft file (the TOML text `vanban render` reads) as a new draft, after
    /// checking it is a valid [`crate::draft::Draft`]; the title is its trích yếu unless
    /// given. The text is stored as written (comments included).
    pub fn import_draft_file(&mut self, content: &str, title: Option<&str>) -> Result<i64> {
        let draft = crate::draft::Draft::from_toml(content)
            .map_err(|e| LibraryError::DraftFile(e.to_string()))?;
        let title = title
            .map(str::to_owned)
            .unwrap_or_else(|| draft.subject.clone());
        self.import_draft(&title, &draft.template, content)
    }

    /// The text of a draft version as a draft file for `vanban render`, refused (with the
    /// reason) when that version is not a valid draft.
    pub fn export_draft_file(&self, id: i64, version: Option<i64>) -> Result<String> {
        let v = self.draft_version(id, version)?;
        crate::draft::Draft::from_toml(&v.content).map_err(|e| {
            LibraryError::DraftFile(format!("phiên bản {} của dự thảo {id}: {e}", v.version))
        })?;
        Ok(v.content)
    }

    /// Creates a library draft from a [`crate::draft::Draft`] (title = trích yếu).
    pub fn create_draft_from(&mut self, draft: &crate::draft::Draft) -> Result<i64> {
        self.create_draft(&draft.subject, &draft.template, &draft.to_toml())
    }

    /// Autosaves a [`crate::draft::Draft`] (see [`Library::save_draft`]).
    pub fn save_draft_model(&mut self, id: i64, draft: &crate::draft::Draft) -> Result<SavedDraft> {
        self.save_draft(id, &draft.to_toml())
    }
}
