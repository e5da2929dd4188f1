//! The draft parser (bản thảo TOML), then render, write and check when it parses: a draft
//! from anywhere gives a document or a `DraftError`, never a panic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use vanban::draft::Draft;
use vanban::template::Templates;

fn templates() -> &'static Templates {
    static T: OnceLock<Templates> = OnceLock::new();
    T.get_or_init(|| Templates::builtin().expect("built-in templates load"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(draft) = Draft::from_toml(source) else {
        return;
    };
    let _ = draft.to_toml();
    if let Ok(doc) = draft.render(templates()) {
        if let Ok(bytes) = vanban::docx::write_docx(&doc) {
            vanban::reader::read_docx(&bytes, &vanban::reader::Limits::default())
                .expect("an exported .docx reads back");
        }
    }
});
