//! Resource bounds at the bound (giới hạn tài nguyên): for each bound in `docs/limits.md`, just
//! under passes and just over gives its Vietnamese message. The default limits are used except
//! for the uncompressed part and total sizes, which are tested with scaled-down limits (the same
//! code path; a 64 MiB XML part at the default bound is measured in `docs/limits.md`).

use std::io::{Cursor, Write};
use std::time::Instant;

use vanban::draft::{Draft, DraftError, MAX_DRAFT_BYTES};
use vanban::reader::{read_docx, Limits, ReadError};
use vanban::template::guard::MAX_SOURCE_BYTES;
use vanban::template::{TemplateError, Templates};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

const CONTENT_TYPES: &[u8] = br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#;

fn document(body: &str) -> Vec<u8> {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    )
    .into_bytes()
}

fn zip_of(entries: &[(&str, &[u8])], method: CompressionMethod) -> Vec<u8> {
    let mut w = ZipWriter::new(Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default()
        .compression_method(method)
        .large_file(false);
    for (name, data) in entries {
        w.start_file(*name, opts).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

fn docx_with(body: &str) -> Vec<u8> {
    let doc = document(body);
    zip_of(
        &[
            ("[Content_Types].xml", CONTENT_TYPES),
            ("word/document.xml", &doc),
        ],
        CompressionMethod::Deflated,
    )
}

fn too_large(r: Result<vanban::reader::DocxFile, ReadError>, what: &str) {
    match r {
        Err(e @ ReadError::TooLarge { .. }) => {
            let msg = e.to_string();
            assert!(msg.contains(what), "{msg}");
            assert!(msg.starts_with("Tệp vượt quá giới hạn an toàn"), "{msg}");
        }
        other => panic!("expected TooLarge ({what}), got {:?}", other.map(|_| ())),
    }
}

#[test]
fn file_size_bound_50_mib() {
    let limits = Limits::default();
    // A stored filler entry the reader never inflates brings the file to the bound exactly.
    let doc = document("<w:p/>");
    let with_filler = |n: usize| {
        let filler = vec![b'x'; n];
        zip_of(
            &[
                ("[Content_Types].xml", CONTENT_TYPES),
                ("word/document.xml", &doc),
                ("filler.bin", &filler),
            ],
            CompressionMethod::Stored,
        )
    };
    let overhead = with_filler(0).len();
    let at = with_filler(limits.max_compressed as usize - overhead);
    assert_eq!(at.len() as u64, limits.max_compressed);
    let t = Instant::now();
    read_docx(&at, &limits).expect("a file of exactly 50 MiB reads");
    eprintln!("50 MiB file: {:?}", t.elapsed());
    let over = with_filler(limits.max_compressed as usize - overhead + 1);
    too_large(read_docx(&over, &limits), "dung lượng tệp");
}

#[test]
fn entry_count_bound_2000() {
    let limits = Limits::default();
    let names: Vec<String> = (0..limits.max_entries)
        .map(|i| format!("x/{i}.xml"))
        .collect();
    let doc = document("<w:p/>");
    let mut entries: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", CONTENT_TYPES),
        ("word/document.xml", &doc),
    ];
    entries.extend(
        names
            .iter()
            .take(limits.max_entries - 2)
            .map(|n| (n.as_str(), &b"<a/>"[..])),
    );
    assert_eq!(entries.len(), limits.max_entries);
    read_docx(&zip_of(&entries, CompressionMethod::Stored), &limits).expect("2000 entries read");
    entries.push(("x/last.xml", b"<a/>"));
    too_large(
        read_docx(&zip_of(&entries, CompressionMethod::Stored), &limits),
        "số phần trong gói ZIP",
    );
}

#[test]
fn xml_nesting_bound_256() {
    let limits = Limits::default();
    // w:document and w:body are two levels; the rest are w:sdt.
    let nest = |n: usize| "<w:sdt>".repeat(n) + &"</w:sdt>".repeat(n);
    let under = docx_with(&nest(limits.max_xml_depth - 2));
    read_docx(&under, &limits).expect("256 levels read");
    let over = docx_with(&nest(limits.max_xml_depth - 1));
    let e = read_docx(&over, &limits).unwrap_err();
    assert!(matches!(e, ReadError::Xml { .. }), "{e:?}");
    assert!(
        e.to_string().contains("lồng phần tử quá sâu (> 256 cấp)"),
        "{e}"
    );
}

#[test]
fn paragraph_bound_100_000() {
    let limits = Limits::default();
    let t = Instant::now();
    let under = docx_with(&"<w:p/>".repeat(limits.max_paragraphs));
    let file = read_docx(&under, &limits).expect("100,000 paragraphs read");
    assert_eq!(file.paragraphs().len(), limits.max_paragraphs);
    eprintln!("100,000 paragraphs: {:?}", t.elapsed());
    let over = docx_with(&"<w:p/>".repeat(limits.max_paragraphs + 1));
    too_large(read_docx(&over, &limits), "số đoạn văn");
}

#[test]
fn part_and_total_size_bounds_scaled_down() {
    let limits = Limits {
        max_part: 4096,
        max_total: 8192,
        ..Limits::default()
    };
    let doc = document("");
    let pad = |n: usize| {
        let mut d = doc.clone();
        let at = d.len() - "</w:body></w:document>".len();
        d.splice(at..at, std::iter::repeat_n(b' ', n - doc.len()));
        d
    };
    let exactly = pad(4096);
    let z = zip_of(
        &[
            ("[Content_Types].xml", CONTENT_TYPES),
            ("word/document.xml", &exactly),
        ],
        CompressionMethod::Deflated,
    );
    read_docx(&z, &limits).expect("a part of exactly max_part reads");
    let over = pad(4097);
    let z = zip_of(
        &[
            ("[Content_Types].xml", CONTENT_TYPES),
            ("word/document.xml", &over),
        ],
        CompressionMethod::Deflated,
    );
    too_large(read_docx(&z, &limits), "dung lượng giải nén của một phần");
    // Total: document 4096 + styles + settings past 8192.
    let styles = format!(
        r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">{}</w:styles>"#,
        " ".repeat(4000)
    );
    let settings = format!(
        r#"<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">{}</w:settings>"#,
        " ".repeat(4000)
    );
    let z = zip_of(
        &[
            ("[Content_Types].xml", CONTENT_TYPES),
            ("word/document.xml", &exactly),
            ("word/styles.xml", styles.as_bytes()),
            ("word/settings.xml", settings.as_bytes()),
        ],
        CompressionMethod::Deflated,
    );
    too_large(read_docx(&z, &limits), "tổng dung lượng giải nén");
}

fn draft_of_size(size: usize) -> String {
    let base = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples/ke-hoach-dan-van-kheo-bac-kan-2024.toml"),
    )
    .unwrap();
    // A TOML comment pads the draft to the exact size.
    let mut s = base.clone();
    s.push_str("\n#");
    let fill = size - s.len() - 1;
    s.push_str(&"x".repeat(fill));
    s.push('\n');
    assert_eq!(s.len(), size);
    s
}

#[test]
fn draft_bound_1_mib() {
    let t = Instant::now();
    Draft::from_toml(&draft_of_size(MAX_DRAFT_BYTES)).expect("a draft of exactly 1 MiB reads");
    eprintln!("1 MiB draft: {:?}", t.elapsed());
    let e = Draft::from_toml(&draft_of_size(MAX_DRAFT_BYTES + 1)).unwrap_err();
    assert!(matches!(e, DraftError::TooLarge { .. }), "{e:?}");
    assert!(e.to_string().contains("bản thảo quá lớn"), "{e}");
}

#[test]
fn deeply_nested_toml_is_an_error_not_a_stack_overflow() {
    for depth in [1_000, 100_000] {
        let source = format!("template = {}{}", "[".repeat(depth), "]".repeat(depth));
        let e = Draft::from_toml(&source).unwrap_err();
        assert!(matches!(e, DraftError::Syntax(_)), "{e:?}");
    }
}

fn template_dir(body: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("mau");
    std::fs::create_dir(&d).unwrap();
    std::fs::write(
        d.join("template.toml"),
        "type = \"ke-hoach\"\n[[fields]]\nname = \"noi_dung\"\nlabel = \"Nội dung\"\n",
    )
    .unwrap();
    std::fs::write(d.join("body.tera"), body).unwrap();
    dir
}

#[test]
fn template_bound_64_kib() {
    let head = "{{ noi_dung }}\n";
    let at = head.to_string() + &"x".repeat(MAX_SOURCE_BYTES as usize - head.len());
    assert_eq!(at.len() as u64, MAX_SOURCE_BYTES);
    let dir = template_dir(&at);
    Templates::only_dir(dir.path()).expect("a 64 KiB body.tera loads");
    let dir = template_dir(&(at + "x"));
    let e = Templates::only_dir(dir.path()).unwrap_err();
    assert!(matches!(e, TemplateError::TooLarge { .. }), "{e:?}");
    assert!(e.to_string().contains("quá lớn"), "{e}");
}

/// A table whose cell claims `w:gridSpan` of two billion columns, and a row of 20,000 cells
/// under a row of one: the grid is cut to Word's 63 columns (`MAX_TABLE_COLUMNS`), so the
/// import neither allocates a huge grid nor fails, and says what it joined.
#[test]
fn table_columns_bound_63() {
    let cell = |span: &str, text: &str| {
        format!(r#"<w:tc><w:tcPr>{span}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"#)
    };
    let row = |cells: String| format!("<w:tr>{cells}</w:tr>");
    let huge_span = row(cell(r#"<w:gridSpan w:val="2147483647"/>"#, "Tổng cộng") + &cell("", "1"));
    let wide = row((0..20_000).map(|k| cell("", &k.to_string())).collect());
    let narrow = row(cell("", "Một"));
    let body = format!(
        "<w:p><w:r><w:t>Nội dung</w:t></w:r></w:p><w:tbl>{huge_span}{wide}{narrow}</w:tbl><w:p/>"
    );
    let bytes = docx_with(&body);
    let file = read_docx(&bytes, &Limits::default()).expect("reads");
    let spans: Vec<u32> = file
        .blocks
        .iter()
        .filter_map(|b| match b {
            vanban::reader::BodyItem::Table(t) => Some(t),
            _ => None,
        })
        .flat_map(|t| {
            t.rows
                .iter()
                .flat_map(|r| r.cells.iter().map(|c| c.grid_span))
        })
        .collect();
    assert!(
        spans.iter().all(|&s| (1..=63).contains(&s)),
        "{:?}",
        &spans[..3]
    );
    let t = Instant::now();
    let templates = Templates::builtin().unwrap();
    let imported = vanban::import::import_docx(&bytes, &templates).expect("imports");
    eprintln!("hostile table imported in {:?}", t.elapsed());
    let markup = imported.draft.fields.values().cloned().collect::<String>();
    let widest = markup
        .lines()
        .filter(|l| l.starts_with('|'))
        .map(|l| l.matches('|').count() - 1)
        .max()
        .unwrap_or(0);
    assert!((1..=63).contains(&widest), "{widest} columns");
    assert!(imported
        .report
        .entries
        .iter()
        .any(|e| e.note.contains("rộng hơn 63 cột")));
}
