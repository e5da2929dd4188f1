//! Checking speed: a generated 50-page .docx (the Bắc Kạn plan's body repeated, written by
//! Vanban's own writer) through the whole .docx path (read, recognise, run every rule), and
//! the same document through the draft path. Target: under 50 ms for the .docx.
//!
//! Run: `cargo bench --bench check` (criterion prints the median as the middle estimate).

use criterion::{criterion_group, criterion_main, Criterion};
use vanban::check::{check_document, check_docx, CheckOptions};

mod fifty;
use fifty::fifty_pages;

fn bench(c: &mut Criterion) {
    let doc = fifty_pages();
    let bytes = vanban::docx::write_docx(&doc).expect("writes");
    let opts = CheckOptions::default();
    let report = check_docx(&bytes, "50-trang.docx", &opts).expect("checks");
    assert_eq!(report.errors, 0, "{}", report.to_text());
    if let Ok(path) = std::env::var("VANBAN_BENCH_DOCX") {
        std::fs::write(path, &bytes).expect("writes the sample");
    }
    c.bench_function("check_docx_50_pages", |b| {
        b.iter(|| check_docx(&bytes, "50-trang.docx", &opts).expect("checks"));
    });
    // Where the time goes: reading alone, then reading and recognising.
    c.bench_function("read_docx_50_pages", |b| {
        b.iter(|| vanban::reader::read_docx(&bytes, &Default::default()).expect("reads"));
    });
    let file = vanban::reader::read_docx(&bytes, &Default::default()).expect("reads");
    c.bench_function("view_of_50_pages", |b| {
        b.iter(|| vanban::check::docx::view_of(&file));
    });
    c.bench_function("check_draft_50_pages", |b| {
        b.iter(|| check_document(&doc, "50-trang.toml", &opts).expect("checks"));
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
