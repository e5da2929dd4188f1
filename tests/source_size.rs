//! Small modules with one job each: no Rust source file in `src/` over 600 lines and no
//! TypeScript or Svelte file in `ui/src/` (generated bindings aside) over 300, the limits the
//! architecture holds to. A file that grows past them is split by what it does (tests in their
//! own file, a back end in its own module), not allowed to drift.

use std::path::{Path, PathBuf};

const RUST_LIMIT: usize = 600;
const UI_LIMIT: usize = 300;

fn files(dir: &Path, exts: &[&str], out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            if p.file_name()
                .is_some_and(|n| n == "bindings" || n == "node_modules")
            {
                continue;
            }
            files(&p, exts, out);
        } else if p
            .extension()
            .and_then(|x| x.to_str())
            .is_some_and(|x| exts.contains(&x))
        {
            out.push(p);
        }
    }
}

fn too_long(dir: &str, exts: &[&str], limit: usize) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut all = Vec::new();
    files(&root.join(dir), exts, &mut all);
    assert!(!all.is_empty(), "no source under {dir}");
    let mut long: Vec<String> = all
        .iter()
        .filter_map(|p| {
            let n = std::fs::read_to_string(p).unwrap().lines().count();
            (n > limit).then(|| format!("{} ({n} lines)", p.strip_prefix(root).unwrap().display()))
        })
        .collect();
    long.sort();
    long
}

#[test]
fn no_core_source_file_is_over_600_lines() {
    let long = too_long("src", &["rs"], RUST_LIMIT);
    assert!(
        long.is_empty(),
        "over {RUST_LIMIT} lines: {}",
        long.join(", ")
    );
}

#[test]
fn no_ui_source_file_is_over_300_lines() {
    let long = too_long("ui/src", &["ts", "svelte"], UI_LIMIT);
    assert!(
        long.is_empty(),
        "over {UI_LIMIT} lines: {}",
        long.join(", ")
    );
}
