//! Malformed and hostile inputs: every one gives a typed error quickly, never a panic.

use std::io::{Cursor, Write};
use std::time::{Duration, Instant};

use vanban::reader::{read_docx, Limits, ReadError};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

const FIXTURE: &[u8] = include_bytes!("fixtures/reader/pydocx_styles.docx");

/// Reads with the default limits and checks it took less than a second.
fn read_timed(bytes: &[u8]) -> Result<vanban::reader::DocxFile, ReadError> {
    let t = Instant::now();
    let r = read_docx(bytes, &Limits::default());
    let took = t.elapsed();
    assert!(took < Duration::from_secs(1), "took {took:?}");
    r
}

/// A zip written by the zip crate with the given (name, content) entries.
fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = ZipWriter::new(Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (name, data) in entries {
        w.start_file(*name, opts).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

const CONTENT_TYPES: &[u8] = br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#;

fn minimal_document(body: &str) -> Vec<u8> {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    )
    .into_bytes()
}

#[test]
fn empty_file_is_a_typed_error() {
    let e = read_timed(b"").unwrap_err();
    assert_eq!(e, ReadError::Empty);
    assert!(e.to_string().contains("rỗng"));
}

#[test]
fn random_bytes_are_not_a_zip() {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let bytes: Vec<u8> = (0..4096)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect();
    let e = read_timed(&bytes).unwrap_err();
    assert_eq!(e, ReadError::NotZip);
    assert!(e.to_string().contains("không phải"));
}

#[test]
fn an_ole_file_is_reported_as_encrypted() {
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.resize(2048, 0);
    let e = read_timed(&bytes).unwrap_err();
    assert_eq!(e, ReadError::Encrypted);
    assert!(e.to_string().contains("mật khẩu"));
}

#[test]
fn a_zip_without_document_xml_is_not_a_docx() {
    let z = zip_of(&[
        ("[Content_Types].xml", CONTENT_TYPES),
        ("hello.txt", b"xin chao"),
    ]);
    let e = read_timed(&z).unwrap_err();
    assert_eq!(
        e,
        ReadError::NotDocx {
            part: "word/document.xml".into()
        }
    );
    let z = zip_of(&[("word/document.xml", &minimal_document("<w:p/>"))]);
    assert!(
        matches!(read_timed(&z).unwrap_err(), ReadError::NotDocx { part } if part == "[Content_Types].xml")
    );
}

#[test]
fn a_minimal_package_reads() {
    let doc = minimal_document("<w:p><w:r><w:t>Xin chào</w:t></w:r></w:p>");
    let z = zip_of(&[
        ("[Content_Types].xml", CONTENT_TYPES),
        ("word/document.xml", &doc),
    ]);
    let d = read_timed(&z).unwrap();
    assert_eq!(d.paragraphs()[0].text(), "Xin chào");
    assert_eq!(d.sections.len(), 1);
    assert!(!d.sections[0].page_size_declared);
}

#[test]
fn a_truncated_zip_is_corrupt() {
    let half = &FIXTURE[..FIXTURE.len() / 2];
    let e = read_timed(half).unwrap_err();
    assert!(matches!(e, ReadError::Corrupt { .. }), "{e:?}");
    assert!(e.to_string().contains("hỏng"));
}

/// A deflate stream of `len` zero bytes built by hand: one fixed-Huffman block with a literal 0
/// and then matches of length 258 at distance 1 (13 bits per 258 bytes, about 1000:1).
fn deflate_zeros(len: u64) -> Vec<u8> {
    struct Bits {
        out: Vec<u8>,
        acc: u64,
        n: u32,
    }
    impl Bits {
        fn put(&mut self, value: u64, bits: u32) {
            self.acc |= value << self.n;
            self.n += bits;
            while self.n >= 8 {
                self.out.push(self.acc as u8);
                self.acc >>= 8;
                self.n -= 8;
            }
        }
        /// Huffman codes are sent most significant bit first.
        fn code(&mut self, code: u64, bits: u32) {
            self.put(code.reverse_bits() >> (64 - bits), bits);
        }
    }
    let mut b = Bits {
        out: Vec::with_capacity((len / 150) as usize),
        acc: 0,
        n: 0,
    };
    b.put(1, 1); // final block
    b.put(1, 2); // fixed Huffman
    b.code(0x30, 8); // literal 0
    let mut left = len - 1;
    // Length code 285 (= 258, 8 bits 11000101) then distance code 0 (= 1, 5 bits), reversed once.
    // The 5 distance bits are all zero, so the pair is just the reversed length code.
    let pair = 0xC5u64.reverse_bits() >> 56;
    while left >= 258 {
        b.put(pair, 13);
        left -= 258;
    }
    for _ in 0..left {
        b.code(0x30, 8);
    }
    b.code(0, 7); // end of block (256)
    b.put(0, 7);
    b.out
}

/// A zip with one deflated entry whose data is given raw, written field by field
/// (the zip crate cannot store pre-compressed data, and deflating 1 GB in a debug test is slow).
fn zip_with_raw_entry(
    name: &str,
    deflated: &[u8],
    declared_size: u32,
    extra: &[(&str, &[u8])],
) -> Vec<u8> {
    let mut out = Vec::new();
    // Small real entries first, through the zip crate, then the bomb appended by hand.
    let mut central = Vec::new();
    let mut count = 0u16;
    let mut add = |out: &mut Vec<u8>, name: &str, data: &[u8], method: u16, size: u32, crc: u32| {
        let offset = out.len() as u32;
        let n = name.len() as u16;
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        out.extend_from_slice(&20u16.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(&method.to_le_bytes());
        out.extend_from_slice(&0u32.to_le_bytes()); // time, date
        out.extend_from_slice(&crc.to_le_bytes());
        out.extend_from_slice(&(data.len() as u32).to_le_bytes());
        out.extend_from_slice(&size.to_le_bytes());
        out.extend_from_slice(&n.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        central.extend_from_slice(&20u16.to_le_bytes());
        central.extend_from_slice(&20u16.to_le_bytes());
        central.extend_from_slice(&0u16.to_le_bytes());
        central.extend_from_slice(&method.to_le_bytes());
        central.extend_from_slice(&0u32.to_le_bytes());
        central.extend_from_slice(&crc.to_le_bytes());
        central.extend_from_slice(&(data.len() as u32).to_le_bytes());
        central.extend_from_slice(&size.to_le_bytes());
        central.extend_from_slice(&n.to_le_bytes());
        central.extend_from_slice(&[0u8; 8]); // extra len, comment len, disk, internal attrs
        central.extend_from_slice(&0u32.to_le_bytes()); // external attrs
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
        count += 1;
    };
    for (n, data) in extra {
        add(&mut out, n, data, 0, data.len() as u32, crc32(data));
    }
    add(&mut out, name, deflated, 8, declared_size, 0);
    let cd_offset = out.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&[0u8; 4]);
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&cd_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

const GIB: u64 = 1 << 30;

#[test]
fn a_one_gigabyte_zip_bomb_fails_fast() {
    let data = deflate_zeros(GIB);
    assert!(
        data.len() < 8 << 20,
        "bomb is {} bytes compressed",
        data.len()
    );
    // Honest sizes: 1 GiB declared (as u32, 1 GiB fits).
    let z = zip_with_raw_entry(
        "word/document.xml",
        &data,
        GIB as u32,
        &[("[Content_Types].xml", CONTENT_TYPES)],
    );
    let e = read_timed(&z).unwrap_err();
    assert!(matches!(e, ReadError::TooLarge { .. }), "{e:?}");
    assert!(e.to_string().contains("giới hạn"));
}

#[test]
fn a_zip_bomb_that_lies_about_its_size_is_stopped_while_inflating() {
    let data = deflate_zeros(GIB);
    // Declares 2 KB; the reader must count what it inflates.
    let z = zip_with_raw_entry(
        "word/document.xml",
        &data,
        2048,
        &[("[Content_Types].xml", CONTENT_TYPES)],
    );
    let e = read_timed(&z).unwrap_err();
    assert!(matches!(e, ReadError::Corrupt { .. }), "{e:?}");
    assert!(e.to_string().contains("bom ZIP"), "{e}");
}

#[test]
fn the_deflate_helper_makes_a_stream_the_zip_crate_inflates() {
    // Guards the bomb tests: a small stream made the same way reads back as zeros.
    let data = deflate_zeros(10_000);
    let z = zip_with_raw_entry("zeros.bin", &data, 10_000, &[]);
    let mut a = zip::ZipArchive::new(Cursor::new(z)).unwrap();
    let mut f = a.by_name("zeros.bin").unwrap();
    let mut out = Vec::new();
    let _ = std::io::Read::read_to_end(&mut f, &mut out);
    assert_eq!(out.len(), 10_000);
    assert!(out.iter().all(|b| *b == 0));
}

#[test]
fn too_many_entries_is_refused() {
    let names: Vec<String> = (0..30).map(|i| format!("x/{i}.xml")).collect();
    let mut entries: Vec<(&str, &[u8])> =
        names.iter().map(|n| (n.as_str(), &b"<a/>"[..])).collect();
    entries.push(("[Content_Types].xml", CONTENT_TYPES));
    let z = zip_of(&entries);
    let limits = Limits {
        max_entries: 20,
        ..Limits::default()
    };
    assert!(matches!(
        read_docx(&z, &limits).unwrap_err(),
        ReadError::TooLarge { limit: 20, .. }
    ));
}

#[test]
fn an_entity_bomb_is_an_error_not_an_expansion() {
    let mut bomb = String::from(r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">"#);
    bomb.push_str(r#"<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">"#);
    for i in 2..10 {
        let p = i - 1;
        bomb.push_str(&format!(
            r#"<!ENTITY lol{i} "&lol{p};&lol{p};&lol{p};&lol{p};&lol{p};&lol{p};&lol{p};&lol{p};&lol{p};&lol{p};">"#
        ));
    }
    bomb.push_str(r#"]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"#);
    let z = zip_of(&[
        ("[Content_Types].xml", CONTENT_TYPES),
        ("word/document.xml", bomb.as_bytes()),
    ]);
    let e = read_timed(&z).unwrap_err();
    assert!(
        matches!(&e, ReadError::Xml { part, .. } if part == "word/document.xml"),
        "{e:?}"
    );
    assert!(e.to_string().contains("DOCTYPE"));

    // The same reference without a DTD: an unknown entity, also an error.
    let doc = minimal_document("<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>");
    let z = zip_of(&[
        ("[Content_Types].xml", CONTENT_TYPES),
        ("word/document.xml", &doc),
    ]);
    assert!(read_timed(&z).unwrap_err().to_string().contains("lol9"));
}

#[test]
fn deep_nesting_and_broken_xml_are_errors() {
    let deep = minimal_document(&("<w:sdt>".repeat(400) + &"</w:sdt>".repeat(400)));
    let z = zip_of(&[
        ("[Content_Types].xml", CONTENT_TYPES),
        ("word/document.xml", &deep),
    ]);
    assert!(matches!(read_timed(&z).unwrap_err(), ReadError::Xml { .. }));
    let broken = minimal_document("<w:p><w:r></w:p>");
    let z = zip_of(&[
        ("[Content_Types].xml", CONTENT_TYPES),
        ("word/document.xml", &broken),
    ]);
    assert!(matches!(read_timed(&z).unwrap_err(), ReadError::Xml { .. }));
}

#[test]
fn truncated_prefixes_never_panic() {
    let step = (FIXTURE.len() / 300).max(1);
    for n in (0..FIXTURE.len()).step_by(step) {
        let r = read_docx(&FIXTURE[..n], &Limits::default());
        assert!(r.is_err(), "prefix of {n} bytes read as a document");
    }
}

#[test]
fn random_byte_flips_never_panic() {
    // Flips land in the compressed data, in zip headers and in the central directory.
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let mut ok = 0;
    for _ in 0..150 {
        let mut bytes = FIXTURE.to_vec();
        for _ in 0..(1 + next() % 4) {
            let i = (next() % bytes.len() as u64) as usize;
            bytes[i] ^= 1 << (next() % 8);
        }
        if read_docx(&bytes, &Limits::default()).is_ok() {
            ok += 1;
        }
    }
    // Most flips hit parts the reader never opens, or data the CRC catches; all that matters
    // is that none panicked. Some must still read, or the test would be checking nothing.
    assert!(ok > 0);
}

#[test]
fn a_central_directory_claiming_too_many_entries_is_refused_before_indexing() {
    let mut z = zip_of(&[("[Content_Types].xml", CONTENT_TYPES)]);
    // Rewrite the end record's entry counts to 60 000.
    let eocd = z
        .windows(4)
        .rposition(|w| w == [0x50, 0x4b, 0x05, 0x06])
        .unwrap();
    z[eocd + 8..eocd + 10].copy_from_slice(&60_000u16.to_le_bytes());
    z[eocd + 10..eocd + 12].copy_from_slice(&60_000u16.to_le_bytes());
    let e = read_timed(&z).unwrap_err();
    assert!(
        matches!(e, ReadError::TooLarge { actual: 60_000, .. }),
        "{e:?}"
    );
}
