//! A Phụ lục on landscape pages (trang ngang): the draft's markup, the .docx sections read
//! back with the project's reader, the checker, the preview and the import of real files
//! whose appendix lies in a landscape section.

use std::path::Path;

use vanban::check::registry::Severity;
use vanban::check::{check_docx, CheckOptions};
use vanban::docx::write_docx;
use vanban::draft::Draft;
use vanban::import::import_docx;
use vanban::layout::{layout, Orientation};
use vanban::model::{Block, Document};
use vanban::reader::{read_docx, BodyItem, DocxFile, HeaderFooterKind, Limits};
use vanban::template::Templates;

const EXAMPLE: &str = "examples/quyet-dinh-ban-chi-dao-du-lieu-lam-dong-2026.toml";

/// A wide table of eight columns and thirty rows.
fn wide_table() -> String {
    let mut t = String::from(
        "| TT | Đơn vị chủ trì | Nhiệm vụ | Năm | Kinh phí (đồng) | Nguồn vốn | Tiến độ | Ghi chú |\n|---|---|---|---|---|---|---|---|\n",
    );
    for i in 1..=30 {
        t.push_str(&format!(
            "| {i} | Sở Khoa học và Công nghệ | Chuyển đổi số toàn diện trong cơ quan nhà nước | 2026 | 1.250.000.000 | Ngân sách tỉnh | Đang triển khai | Ghi chú {i} |\n"
        ));
    }
    t
}

/// The Lâm Đồng decision with three appendices: a list (portrait), a wide table on landscape
/// pages, and a list again (portrait), or with `end` only the first two.
fn document(end: bool) -> Document {
    let source = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(EXAMPLE))
        .expect("example");
    let mut draft = Draft::from_toml(&source).expect("draft");
    let mut appendix = format!(
        "1. Ông Nguyễn Văn A.\nPhụ lục II (trang ngang). BẢNG TỔNG HỢP NHIỆM VỤ\n{}",
        wide_table()
    );
    if !end {
        appendix.push_str("Phụ lục III. DANH MỤC VĂN BẢN\n1. Một văn bản.\n");
    }
    draft
        .fields
        .insert("phu_luc_ten".into(), "DANH SÁCH THÀNH VIÊN".into());
    draft.fields.insert("phu_luc".into(), appendix);
    draft
        .render(&Templates::builtin().expect("templates"))
        .expect("render")
}

fn read(doc: &Document) -> DocxFile {
    read_docx(&write_docx(doc).expect("writer"), &Limits::default()).expect("reader")
}

/// The index of the section paragraph `index` is in.
fn section_of(file: &DocxFile, index: usize) -> usize {
    file.sections
        .iter()
        .position(|s| s.last_paragraph.is_some_and(|l| index <= l))
        .unwrap_or(file.sections.len() - 1)
}

/// Each body table with the section it is in (by its first paragraph).
fn tables(file: &DocxFile) -> Vec<(usize, &vanban::reader::Table)> {
    file.blocks
        .iter()
        .filter_map(|b| match b {
            BodyItem::Table(t) => {
                let first = t
                    .rows
                    .first()?
                    .cells
                    .first()?
                    .blocks
                    .iter()
                    .find_map(|b| match b {
                        BodyItem::Paragraph(p) => Some(p.index),
                        BodyItem::Table(_) => None,
                    })?;
                Some((section_of(file, first), t))
            }
            BodyItem::Paragraph(_) => None,
        })
        .collect()
}

#[test]
fn the_landscape_appendix_is_a_section_of_its_own() {
    let l = layout(vanban::model::System::State);
    for (end, count) in [(true, 2), (false, 3)] {
        let file = read(&document(end));
        assert_eq!(file.sections.len(), count, "end {end}");
        let (portrait, turned) = (&file.sections[0], &file.sections[1]);
        assert!(!portrait.landscape);
        assert_eq!(
            (portrait.page_width, portrait.page_height),
            l.paper(Orientation::Portrait)
        );
        assert!(portrait.title_page, "page 1 shows no number");
        assert!(turned.landscape);
        assert_eq!(
            (turned.page_width, turned.page_height),
            l.paper(Orientation::Landscape)
        );
        // The same margins on the turned page.
        assert_eq!(turned.margins, portrait.margins);
        // The numbers run on: the first page of the appendix shows its number, and no
        // section starts the count again.
        assert!(!turned.title_page);
        for s in &file.sections {
            assert_eq!(s.page_number_start, None);
            assert!(
                s.header_refs.get(HeaderFooterKind::Default).is_some(),
                "every section prints the page number: {s:?}"
            );
        }
        if !end {
            let after = &file.sections[2];
            assert!(!after.landscape);
            assert_eq!(after.page_width, portrait.page_width);
        }
        // The wide table lies in the landscape section, as wide as its text and no wider.
        let text = l.text_width(Orientation::Landscape).0;
        let wide: Vec<_> = tables(&file)
            .into_iter()
            .filter(|(_, t)| t.grid.len() == 8)
            .collect();
        assert_eq!(wide.len(), 1);
        let (section, t) = wide[0];
        assert_eq!(section, 1);
        let total: i32 = t.grid.iter().map(|w| w.0).sum();
        assert!(
            total <= text && total > l.text_width(Orientation::Portrait).0,
            "{total} within {text}"
        );
    }
}

#[test]
fn a_landscape_appendix_checks_clean() {
    let opts = CheckOptions::default();
    for end in [true, false] {
        let doc = document(end);
        let bytes = write_docx(&doc).expect("writer");
        let report = check_docx(&bytes, "landscape", &opts).expect("check");
        let found: Vec<_> = report
            .diagnostics
            .iter()
            .map(|d| format!("{} {}", d.rule, d.message))
            .collect();
        // The same document with its appendix upright: the landscape section adds nothing.
        let mut upright = doc.clone();
        for b in &mut upright.body.blocks {
            if let Block::Appendix { landscape, .. } = b {
                *landscape = false;
            }
        }
        let bytes = write_docx(&upright).expect("writer");
        let before: Vec<_> = check_docx(&bytes, "upright", &opts)
            .expect("check")
            .diagnostics
            .iter()
            .map(|d| format!("{} {}", d.rule, d.message))
            .collect();
        assert_eq!(found, before, "end {end}");
        assert!(
            report
                .diagnostics
                .iter()
                .all(|d| d.severity != Severity::Error),
            "{found:?}"
        );
    }
}

#[test]
fn the_preview_turns_the_appendix_pages() {
    let html = vanban::preview::render(&document(false)).html;
    let pages: Vec<&str> = html.split("<section ").skip(1).collect();
    let turned: Vec<usize> = (0..pages.len())
        .filter(|&i| pages[i].contains("vb-landscape"))
        .collect();
    assert!(!turned.is_empty());
    for &i in &turned {
        assert!(
            pages[i].contains("width:297.0mm;height:210.0mm"),
            "{}",
            pages[i]
        );
    }
    // Portrait pages come before and after them.
    assert!(turned[0] > 0 && *turned.last().unwrap() + 1 < pages.len());
    assert!(pages[0].contains("width:210.0mm;height:297.0mm"));
    // The first landscape page starts with the appendix heading.
    assert!(pages[turned[0]].contains("Phụ lục II"));
}

/// The Phụ lục of an imported file.
fn appendices(path: &str) -> Vec<bool> {
    let bytes = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap();
    let templates = Templates::builtin().unwrap();
    let imported = import_docx(&bytes, &templates).expect("import");
    let doc = imported.draft.render(&templates).expect("render");
    doc.body
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Appendix { landscape, .. } => Some(*landscape),
            _ => None,
        })
        .collect()
}

#[test]
fn a_real_appendix_in_a_landscape_section_imports_landscape() {
    // The Phú Thọ hospital's decision (089) and its tờ trình (090) set their Phụ lục, a table
    // of eight columns, in a landscape section after the signature.
    for path in [
        "tests/fixtures/real/089-qd-bvdk-phu-tho-nhiem-vu-du-toan.docx",
        "tests/fixtures/real/090-tt-tcg-bvdk-phu-tho-khlcnt.docx",
    ] {
        assert_eq!(appendices(path), [true], "{path}");
    }
}

#[test]
fn an_exported_landscape_appendix_imports_landscape() {
    let doc = document(false);
    let bytes = write_docx(&doc).expect("writer");
    let templates = Templates::builtin().unwrap();
    let imported = import_docx(&bytes, &templates).expect("import");
    let back = imported.draft.render(&templates).expect("render");
    let turned: Vec<bool> = back
        .body
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Appendix { landscape, .. } => Some(*landscape),
            _ => None,
        })
        .collect();
    assert_eq!(turned, [false, true, false]);
}

#[test]
fn fixing_the_paper_keeps_the_landscape_appendix_turned() {
    use vanban::reader::{apply_edits, DocxEdit};
    let l = layout(vanban::model::System::State);
    let bytes = write_docx(&document(false)).expect("writer");
    let (width, height) = l.paper(Orientation::Portrait);
    // A file whose first section is Letter gets A4 everywhere; the later landscape section
    // is A4 turned, not stood upright.
    let out = apply_edits(
        &bytes,
        &[DocxEdit::SetPageSize {
            section: None,
            width,
            height,
        }],
    )
    .expect("patch");
    let file = read_docx(&out, &Limits::default()).expect("reader");
    let turned: Vec<bool> = file.sections.iter().map(|s| s.landscape).collect();
    assert_eq!(turned, [false, true, false]);
    assert_eq!(
        (file.sections[1].page_width, file.sections[1].page_height),
        l.paper(Orientation::Landscape)
    );
    assert_eq!(
        (file.sections[2].page_width, file.sections[2].page_height),
        (width, height)
    );
}
