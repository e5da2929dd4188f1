//! What the shell keeps between commands: the data directory (thư mục dữ liệu).

use std::path::PathBuf;

use crate::error::{AppError, AppResult};

/// Shared state of the running app.
pub struct AppState {
    /// Where the library database and recovery files live.
    pub data_dir: PathBuf,
}

impl AppState {
    /// Opens the data directory: `$VANBAN_DATA_DIR` if set (tests), else the user's data dir.
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
        Ok(Self { data_dir })
    }
}
