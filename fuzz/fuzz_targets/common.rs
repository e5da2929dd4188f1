//! Shared by the fuzz targets: a valid seed package and a zip rebuilt with one part replaced.

use std::io::{Cursor, Read, Write};

/// A small valid .docx written by LibreOffice (the reader's fixture).
pub const SEED: &[u8] = include_bytes!("../../tests/fixtures/reader/libreoffice.docx");

/// Parts the fuzzer may replace, chosen by the first input byte.
pub const PARTS: &[&str] = &[
    "word/document.xml",
    "word/styles.xml",
    "word/numbering.xml",
    "word/header1.xml",
    "word/footnotes.xml",
    "word/settings.xml",
    "word/_rels/document.xml.rels",
    "[Content_Types].xml",
    "word/theme/theme1.xml",
];

/// The seed package with `part` replaced by (or added as) `bytes`.
pub fn with_part(seed: &[u8], part: &str, bytes: &[u8]) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(Cursor::new(seed)).expect("seed is a zip");
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut replaced = false;
    for i in 0..archive.len() {
        let mut f = archive.by_index(i).expect("seed entry");
        let name = f.name().to_string();
        out.start_file(name.as_str(), opts).expect("start");
        if name == part {
            out.write_all(bytes).expect("write");
            replaced = true;
        } else {
            let mut buf = Vec::new();
            f.read_to_end(&mut buf).expect("read seed");
            out.write_all(&buf).expect("write");
        }
    }
    if !replaced {
        out.start_file(part, opts).expect("start");
        out.write_all(bytes).expect("write");
    }
    out.finish().expect("finish").into_inner()
}
