//! The reader on a valid package whose document, styles, numbering, header, footnotes,
//! settings, relationships or content types part is replaced by fuzzer bytes: the zip layer is
//! always valid, so the fuzzer spends its time in the XML walk and the style cascade.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use vanban::reader::{read_docx, Limits};

fuzz_target!(|data: &[u8]| {
    let Some((&which, xml)) = data.split_first() else {
        return;
    };
    let part = common::PARTS[usize::from(which) % common::PARTS.len()];
    let pkg = common::with_part(common::SEED, part, xml);
    let _ = read_docx(&pkg, &Limits::default());
});
