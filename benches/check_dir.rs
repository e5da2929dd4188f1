//! Reviewing a folder: `check_dir` over 100 real office .docx (the 73 of
//! tests/fixtures/real, then the first 27 again under other names), against reading the same
//! 100 files alone (unzip, XML, style cascade) in the same run. Target: under 2 s.
//!
//! Run: `cargo bench --bench check_dir`; the line "ratio" gives check ÷ read.

use std::path::Path;
use std::time::Instant;

use criterion::{criterion_group, criterion_main, Criterion};
use vanban::check::batch::check_dir;
use vanban::check::CheckOptions;

/// A temporary folder of 100 real files.
fn hundred_files() -> tempfile::TempDir {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real");
    let mut real: Vec<_> = std::fs::read_dir(&src)
        .expect("corpus")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "docx"))
        .collect();
    real.sort();
    let dir = tempfile::tempdir().expect("temp dir");
    for k in 0..100 {
        let from = &real[k % real.len()];
        let name = format!("{k:03}-{}", from.file_name().unwrap().to_string_lossy());
        std::fs::copy(from, dir.path().join(name)).expect("copies");
    }
    dir
}

fn bench(c: &mut Criterion) {
    let dir = hundred_files();
    let opts = CheckOptions::default();
    let batch = check_dir(dir.path(), &opts, |_| {}).expect("checks the folder");
    assert_eq!(batch.files.len(), 100);
    let files: Vec<Vec<u8>> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| std::fs::read(e.unwrap().path()).unwrap())
        .collect();

    let mut group = c.benchmark_group("folder_100_real");
    group.sample_size(10);
    group.bench_function("check_dir", |b| {
        b.iter(|| check_dir(dir.path(), &opts, |_| {}).expect("checks"));
    });
    group.bench_function("read_only", |b| {
        b.iter(|| {
            for f in &files {
                let _ = vanban::reader::read_docx(f, &Default::default());
            }
        });
    });
    group.finish();

    // One plain timing of each for the ratio line.
    let t = Instant::now();
    check_dir(dir.path(), &opts, |_| {}).expect("checks");
    let check = t.elapsed();
    let t = Instant::now();
    for f in &files {
        let _ = vanban::reader::read_docx(f, &Default::default());
    }
    let read = t.elapsed();
    println!(
        "folder of 100 real files: check {:.0} ms, read alone {:.0} ms, ratio {:.2}",
        check.as_secs_f64() * 1000.0,
        read.as_secs_f64() * 1000.0,
        check.as_secs_f64() / read.as_secs_f64()
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
