//! Rewriting parts of a .docx for checker tests: a clean fixture is turned into the shape a
//! third-party file has by editing its XML as text. Shared by the checker test files.
#![allow(dead_code)]

use std::io::{Cursor, Read, Write};

/// `bytes` with its part `part` passed through `edit`; the edit must change something.
pub fn rewrite_part(bytes: &[u8], part: &str, edit: impl Fn(&str) -> String) -> Vec<u8> {
    let mut zin = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..zin.len() {
        let mut f = zin.by_index(i).unwrap();
        let name = f.name().to_string();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        if name == part {
            let xml = String::from_utf8(data).unwrap();
            let edited = edit(&xml);
            assert_ne!(edited, xml, "the edit changed nothing");
            data = edited.into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&data).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// Replaces exactly one occurrence of `old`.
pub fn replace_once(xml: &str, old: &str, new: &str) -> String {
    assert_eq!(xml.matches(old).count(), 1, "expected one «{old}»");
    xml.replacen(old, new, 1)
}
