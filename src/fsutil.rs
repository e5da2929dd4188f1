//! File writing that never leaves a half-written file: write to a temporary file in the
//! same directory, flush it to disk, then rename it over the target in one step.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Why a file could not be written.
#[derive(Debug, thiserror::Error)]
#[error("không ghi được tệp {path}: {source}")]
pub struct WriteError {
    /// The file that was being written.
    pub path: PathBuf,
    /// The underlying IO error.
    #[source]
    pub source: std::io::Error,
}

/// Writes `bytes` to `path` atomically: either the old file stays or the new one is complete.
pub fn atomic_write(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let err = |source| WriteError {
        path: path.to_path_buf(),
        source,
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".vanban-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(err)?;
    tmp.write_all(bytes).map_err(err)?;
    tmp.as_file().sync_all().map_err(err)?;
    tmp.persist(path).map_err(|e| err(e.error))?;
    Ok(())
}

/// Whether `a` and `b` name the same file (cùng một tệp): the same path, or both exist and
/// resolve to the same file (through `..`, symlinks or a hard link's canonical path). Commands
/// use it to refuse writing their output over their input.
pub fn same_file(a: &Path, b: &Path) -> bool {
    if a == b {
        return true;
    }
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_whole_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.docx");
        atomic_write(&path, b"old contents that are longer").unwrap();
        atomic_write(&path, b"new").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }

    #[test]
    fn same_file_sees_through_dot_dot() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.toml");
        std::fs::write(&a, "x").unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        assert!(same_file(&a, &dir.path().join("sub/../a.toml")));
        assert!(!same_file(&a, &dir.path().join("b.toml")));
    }

    #[test]
    fn a_missing_directory_is_an_error_not_a_panic() {
        let e = atomic_write(Path::new("/nonexistent-dir-vanban/x.docx"), b"x").unwrap_err();
        assert!(e.to_string().contains("không ghi được"));
    }
}
