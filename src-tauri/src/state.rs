//! What the shell keeps between commands: the data directory, the templates and the open
//! library (thư viện), plus the "session" file that tells a restart which draft was open.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use vanban::library::Library;
use vanban::template::Templates;

use crate::error::{AppError, AppResult};

/// Shared state of the running app.
pub struct AppState {
    /// Where the library database and the session file live.
    pub data_dir: PathBuf,
    /// Document types: the built-in templates plus `<data dir>/templates` if present.
    pub templates: Templates,
    library: Mutex<Library>,
}

impl AppState {
    /// Opens the data directory (`$VANBAN_DATA_DIR` if set, for tests; else the user's data
    /// directory), the templates and the library file in it.
    pub fn open() -> AppResult<Self> {
        let data_dir = match std::env::var_os("VANBAN_DATA_DIR") {
            Some(d) => PathBuf::from(d),
            None => dirs::data_dir()
                .unwrap_or_else(std::env::temp_dir)
                .join("vanban"),
        };
        std::fs::create_dir_all(&data_dir).map_err(|e| {
            AppError::io(&format!("tạo thư mục dữ liệu {}", data_dir.display()), &e)
        })?;
        let office = data_dir.join("templates");
        let templates = if office.is_dir() {
            Templates::with_dir(&office)?
        } else {
            Templates::builtin()?
        };
        let library = Library::open(
            data_dir.join("thu-vien.sqlite3"),
            vanban::host::Host::clock(&vanban::host::SystemHost),
        )?;
        Ok(Self {
            data_dir,
            templates,
            library: Mutex::new(library),
        })
    }

    /// The library, for one command's duration.
    pub fn library(&self) -> MutexGuard<'_, Library> {
        // A command that panicked while holding the lock left the connection usable: every
        // write is one transaction, so take the guard back instead of failing forever.
        self.library
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn session_file(&self) -> PathBuf {
        self.data_dir.join("phien-lam-viec.json")
    }

    /// Remembers that draft `id` is open (so a restart after a crash reopens it).
    pub fn set_open_draft(&self, id: Option<i64>) -> AppResult<()> {
        let path = self.session_file();
        match id {
            Some(id) => {
                vanban::fsutil::atomic_write(&path, format!("{{\"open_draft\":{id}}}").as_bytes())
                    .map_err(|e| AppError::io("ghi phiên làm việc", &e))
            }
            None => match std::fs::remove_file(&path) {
                Ok(()) => Ok(()),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
                Err(e) => Err(AppError::io("xóa phiên làm việc", &e)),
            },
        }
    }

    /// The draft that was open when the app last stopped without closing it.
    pub fn open_draft(&self) -> Option<i64> {
        let text = std::fs::read_to_string(self.session_file()).ok()?;
        let v: serde_json::Value = serde_json::from_str(&text).ok()?;
        v.get("open_draft")?.as_i64()
    }
}
