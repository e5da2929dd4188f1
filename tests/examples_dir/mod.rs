//! The example drafts under `examples/` (real documents re-created as drafts), in name order:
//! the one listing every test that runs over the examples shares.

use std::path::{Path, PathBuf};

/// How many examples there are: a new one is added here on purpose.
pub const EXAMPLES: usize = 11;

/// The paths of `examples/*.toml`, sorted by name.
pub fn example_paths() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    assert_eq!(paths.len(), EXAMPLES, "the examples");
    paths
}
