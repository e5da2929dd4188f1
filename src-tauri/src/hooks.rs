//! Test hooks: paths the end-to-end tests put in place of the native dialogs, which WebDriver
//! cannot drive. They exist only in builds with the `e2e` feature (`scripts/e2e.sh`); in every
//! other build [`dialog_stand_in`] is `None` and the variable names are not in the binary.

use std::path::PathBuf;

/// A native dialog a test can answer in advance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hook {
    /// The open-file dialogs of reviewer mode and of "Mở văn bản Word…"
    /// (`VANBAN_TEST_OPEN_FILE`: the file).
    OpenFile,
    /// The folder dialog of the folder check (`VANBAN_TEST_OPEN_DIR`: the folder).
    OpenDir,
    /// Every save dialog (`VANBAN_TEST_SAVE_DIR`: the folder; the offered name is kept).
    SaveDir,
}

/// The path a test set for `hook`, if this is an `e2e` build and the test set one.
#[cfg(feature = "e2e")]
pub fn dialog_stand_in(hook: Hook) -> Option<PathBuf> {
    let var = match hook {
        Hook::OpenFile => "VANBAN_TEST_OPEN_FILE",
        Hook::OpenDir => "VANBAN_TEST_OPEN_DIR",
        Hook::SaveDir => "VANBAN_TEST_SAVE_DIR",
    };
    std::env::var_os(var).map(PathBuf::from)
}

/// Always `None`: this build has no test hooks (built without the `e2e` feature).
#[cfg(not(feature = "e2e"))]
pub fn dialog_stand_in(_hook: Hook) -> Option<PathBuf> {
    None
}

#[cfg(all(test, not(feature = "e2e")))]
mod tests {
    use super::*;

    #[test]
    fn hooks_are_inert_without_the_e2e_feature() {
        assert_eq!(dialog_stand_in(Hook::SaveDir), None);
        assert_eq!(dialog_stand_in(Hook::OpenFile), None);
    }
}
