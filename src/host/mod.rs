//! The host (môi trường chạy): what the core needs from the machine it runs on, passed in by
//! the program that embeds it (the CLI, the desktop app, a test), as typst's `World` is.
//!
//! The core never reads the clock, the user's data directory or the environment by itself:
//! it asks a [`Host`]. [`SystemHost`] is the one adapter onto the real machine; tests use
//! [`FixedHost`] so that "today" and every path are known. Processes the core may want
//! (LibreOffice for page layout) are likewise behind traits the host provides.

mod soffice;
mod system;

use std::ffi::OsString;
use std::path::PathBuf;
use std::sync::Arc;

use chrono::{NaiveDate, NaiveDateTime};

pub use soffice::Soffice;
pub use system::SystemHost;

/// A source of "now" in local time (giờ địa phương), shared by long-lived parts such as the
/// library, which stamps every saved version.
pub type Clock = Arc<dyn Fn() -> NaiveDateTime + Send + Sync>;

/// What the core asks of the machine: clock, per-user data directory, environment.
pub trait Host: Send + Sync {
    /// The local date and time now (thời điểm hiện tại).
    fn now(&self) -> NaiveDateTime;

    /// Today's local date (ngày hôm nay): the default date of issue and of a check.
    fn today(&self) -> NaiveDate {
        self.now().date()
    }

    /// The per-user data directory (`%APPDATA%` on Windows, `~/.local/share` on Linux), if
    /// the machine has one.
    fn data_dir(&self) -> Option<PathBuf>;

    /// An environment variable, if set.
    fn env_var(&self, key: &str) -> Option<OsString>;

    /// The clock as a shareable function, for parts that keep it.
    fn clock(&self) -> Clock;
}

/// Where the library lives under a host's data directory:
/// `<data dir>/vanban/thu-vien.sqlite3` (thư viện).
pub fn default_library_path(host: &dyn Host) -> Option<PathBuf> {
    host.data_dir()
        .map(|d| d.join("vanban").join("thu-vien.sqlite3"))
}

/// A host with a fixed clock, data directory and environment: for tests and for runs that
/// must be reproducible (a golden render, a benchmark).
#[derive(Debug, Clone)]
pub struct FixedHost {
    /// The moment every call to `now` returns.
    pub now: NaiveDateTime,
    /// The data directory, if any.
    pub data_dir: Option<PathBuf>,
    /// The environment, as (name, value) pairs.
    pub env: Vec<(String, OsString)>,
}

impl FixedHost {
    /// A host whose clock stands at midday of `date`, with no data directory and no
    /// environment.
    pub fn on(date: NaiveDate) -> Self {
        FixedHost {
            now: date.and_hms_opt(12, 0, 0).expect("midday exists"),
            data_dir: None,
            env: Vec::new(),
        }
    }
}

impl Host for FixedHost {
    fn now(&self) -> NaiveDateTime {
        self.now
    }

    fn data_dir(&self) -> Option<PathBuf> {
        self.data_dir.clone()
    }

    fn env_var(&self, key: &str) -> Option<OsString> {
        self.env
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
    }

    fn clock(&self) -> Clock {
        let now = self.now;
        Arc::new(move || now)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fixed_host_answers_what_it_was_given() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let mut host = FixedHost::on(day);
        host.data_dir = Some(PathBuf::from("/du-lieu"));
        host.env.push(("VANBAN_X".into(), "1".into()));
        assert_eq!(host.today(), day);
        assert_eq!((host.clock())().date(), day);
        assert_eq!(host.env_var("VANBAN_X"), Some("1".into()));
        assert_eq!(host.env_var("PATH"), None);
        assert_eq!(
            default_library_path(&host),
            Some(PathBuf::from("/du-lieu/vanban/thu-vien.sqlite3"))
        );
    }

    #[test]
    fn the_system_host_reads_the_real_clock() {
        let before = chrono::Local::now().naive_local();
        let now = SystemHost.now();
        assert!(now >= before - chrono::Duration::seconds(1));
    }
}
