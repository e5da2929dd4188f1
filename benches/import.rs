//! Import speed: the generated 50-page .docx of the check bench (the Bắc Kạn plan's body
//! repeated, written by Vanban's own writer) opened as a draft: read, recognise, map the
//! parts, spread the body over the template's fields. Target: under 50 ms.
//!
//! The peer, measured in the same run: reading the same file alone (`read_docx`, the
//! style cascade and nothing else), so the figure to report is the ratio import / read,
//! which the machine's speed and load do not change.
//!
//! Run: `cargo bench --bench import` (criterion prints the median as the middle estimate).

use criterion::{criterion_group, criterion_main, Criterion};
use vanban::import::import_docx;
use vanban::reader::{read_docx, Limits};
use vanban::template::Templates;

mod fifty;
use fifty::fifty_pages;

fn bench(c: &mut Criterion) {
    let bytes = vanban::docx::write_docx(&fifty_pages()).expect("writes");
    let templates = Templates::builtin().expect("templates");
    let imported = import_docx(&bytes, &templates).expect("imports");
    assert_eq!(imported.draft.template, "ke-hoach");
    let mut group = c.benchmark_group("fifty_pages");
    group.bench_function("read_docx (peer)", |b| {
        b.iter(|| read_docx(&bytes, &Limits::default()).expect("reads"));
    });
    group.bench_function("import_docx", |b| {
        b.iter(|| import_docx(&bytes, &templates).expect("imports"));
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
