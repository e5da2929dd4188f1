//! The .docx reader on raw bytes (đọc tệp .docx lạ): any input gives a `DocxFile` or a
//! `ReadError`, never a panic, a hang or an allocation past the limits.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vanban::reader::{read_docx, Limits};

fuzz_target!(|data: &[u8]| {
    let _ = read_docx(data, &Limits::default());
});
