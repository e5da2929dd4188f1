//! Import speed: the generated 50-page .docx of the check bench (the Bắc Kạn plan's body
//! repeated, written by Vanban's own writer) opened as a draft: read, recognise, map the
//! parts, spread the body over the template's fields. Target: under 50 ms.
//!
//! Run: `cargo bench --bench import` (criterion prints the median as the middle estimate).

use criterion::{criterion_group, criterion_main, Criterion};
use vanban::import::import_docx;
use vanban::template::Templates;

mod fifty;
use fifty::fifty_pages;

fn bench(c: &mut Criterion) {
    let bytes = vanban::docx::write_docx(&fifty_pages()).expect("writes");
    let templates = Templates::builtin().expect("templates");
    let imported = import_docx(&bytes, &templates).expect("imports");
    assert_eq!(imported.draft.template, "ke-hoach");
    c.bench_function("import_docx_50_pages", |b| {
        b.iter(|| import_docx(&bytes, &templates).expect("imports"));
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
