//! The 50-page sample the check and import benches share.

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
