//! Checking speed: a generated 50-page .docx (the Bắc Kạn plan's body repeated, written by
//! Vanban's own writer) through the whole .docx path (read, recognise, run every rule), and
//! the same document through the draft path. Target: under 50 ms for the .docx.
//!
//! Run: `cargo bench --bench check` (criterion prints the median as the middle estimate).

use criterion::{criterion_group, criterion_main, Criterion};
use vanban::check::{check_document, check_docx, CheckOptions};
use vanban::draft::Draft;
use vanban::model::Document;
use vanban::template::Templates;

/// The Bắc Kạn example with its body repeated until it fills about 50 A4 pages.
pub fn fifty_pages() -> Document {
    let src = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/ke-hoach-dan-van-kheo-bac-kan-2024.toml"
    ))
    .expect("example exists");
    let draft = Draft::from_toml(&src).expect("example parses");
    let mut doc = draft
        .render(&Templates::builtin().expect("templates"))
        .expect("renders");
    let one = doc.body.blocks.clone();
    let chars_per_copy: usize = one
        .iter()
        .filter_map(|b| b.inline().map(|i| i.plain_text().chars().count()))
        .sum();
    // About 2 300 characters fill an A4 page at 14 pt with the NĐ 30 margins.
    let copies = (50 * 2_300) / chars_per_copy.max(1) + 1;
    doc.body.blocks = (0..copies).flat_map(|_| one.clone()).collect();
    doc
}

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
