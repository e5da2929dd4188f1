//! Template loading from an office folder (mẫu của cơ quan khác): fuzzer bytes split into
//! `template.toml` and `body.tera`, written to a temp folder, loaded with
//! `Templates::only_dir`, and a starter draft rendered with it. Load errors and render errors
//! are fine; panics, hangs and reads outside the folder are not.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vanban::draft::Draft;
use vanban::model::System;
use vanban::template::Templates;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let (definition, body) = source.split_once("\n=====\n").unwrap_or((source, ""));
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("mau");
    std::fs::create_dir(&folder).expect("mkdir");
    std::fs::write(folder.join("template.toml"), definition).expect("write");
    std::fs::write(folder.join("body.tera"), body).expect("write");
    let Ok(templates) = Templates::only_dir(dir.path()) else {
        return;
    };
    for def in templates.list() {
        for system in [System::State, System::Party] {
            let draft = Draft::starter(def, system, false, 2024);
            let _ = draft.render(&templates);
        }
    }
});
