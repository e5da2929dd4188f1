//! The adapter onto the real machine: the only place in the core that reads the system
//! clock, the platform's data directory and the process environment.

use std::ffi::OsString;
use std::path::PathBuf;
use std::sync::Arc;

use chrono::NaiveDateTime;

use super::{Clock, Host};

/// The real machine (máy thật): local clock, `dirs::data_dir`, the process environment.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemHost;

impl Host for SystemHost {
    fn now(&self) -> NaiveDateTime {
        chrono::Local::now().naive_local()
    }

    fn data_dir(&self) -> Option<PathBuf> {
        dirs::data_dir()
    }

    fn env_var(&self, key: &str) -> Option<OsString> {
        std::env::var_os(key)
    }

    fn clock(&self) -> Clock {
        Arc::new(|| chrono::Local::now().naive_local())
    }
}
