//! The patcher: edits applied to real files read back as asked, and everything else in the
//! package is left byte for byte as it was.

mod docx_support;

use std::io::{Cursor, Read};

use vanban::layout::{HalfPoints, Twips};
use vanban::reader::{
    apply_edits, read_docx, Alignment, DocxEdit, DocxFile, Limits, PatchError, Target,
};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/reader/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn read(bytes: &[u8]) -> DocxFile {
    read_docx(bytes, &Limits::default()).unwrap()
}

/// (name, raw compressed bytes, uncompressed bytes) of every entry.
fn entries(bytes: &[u8]) -> Vec<(String, Vec<u8>, Vec<u8>)> {
    let mut a = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut out = Vec::new();
    for i in 0..a.len() {
        let mut raw = Vec::new();
        let name = {
            let mut f = a.by_index_raw(i).unwrap();
            f.read_to_end(&mut raw).unwrap();
            f.name().to_string()
        };
        let mut data = Vec::new();
        a.by_index(i).unwrap().read_to_end(&mut data).unwrap();
        out.push((name, raw, data));
    }
    out
}

fn assert_only_document_changed(before: &[u8], after: &[u8]) {
    let (b, a) = (entries(before), entries(after));
    assert_eq!(
        b.iter().map(|e| &e.0).collect::<Vec<_>>(),
        a.iter().map(|e| &e.0).collect::<Vec<_>>(),
        "same entries in the same order"
    );
    for (eb, ea) in b.iter().zip(&a) {
        if eb.0 == "word/document.xml" {
            assert_ne!(eb.2, ea.2, "the document changed");
        } else {
            assert_eq!(eb.1, ea.1, "{} copied byte for byte", eb.0);
        }
    }
}

#[test]
fn replace_text_inside_a_run_keeps_formatting() {
    let src = fixture("pydocx_styles.docx");
    let out = apply_edits(
        &src,
        &[DocxEdit::ReplaceText {
            paragraph: 2,
            find: "ngày 5 tháng 3".into(),
            replace: "ngày 05 tháng 03".into(),
        }],
    )
    .unwrap();
    assert_only_document_changed(&src, &out);
    let d = read(&out);
    let p = d.paragraph(2).unwrap();
    assert_eq!(
        p.text(),
        "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 03 năm 2020"
    );
    assert_eq!(p.runs.len(), 3);
    assert!(p.runs[2].italic);
    assert_eq!(p.runs[2].size, Some(HalfPoints::pt(12)));
    // Everything else reads the same.
    let before = read(&src);
    for i in (0..before.paragraph_count).filter(|i| *i != 2) {
        assert_eq!(before.paragraph(i), d.paragraph(i), "paragraph {i}");
    }
    assert_eq!(before.sections, d.sections);
    assert_eq!(before.headers, d.headers);
}

#[test]
fn replace_text_across_runs_changes_only_what_differs() {
    let src = fixture("pydocx_styles.docx");
    // "cứ Nghị" spans the plain run and the bold run; the common prefix and suffix stay put.
    let out = apply_edits(
        &src,
        &[DocxEdit::ReplaceText {
            paragraph: 2,
            find: "cứ Nghị".into(),
            replace: "cứ vào Nghị".into(),
        }],
    )
    .unwrap();
    let d = read(&out);
    let p = d.paragraph(2).unwrap();
    assert_eq!(
        p.text(),
        "Căn cứ vào Nghị định số 30/2020/NĐ-CP ngày 5 tháng 3 năm 2020"
    );
    assert_eq!(p.runs[0].text, "Căn cứ vào ");
    assert!(!p.runs[0].bold);
    assert_eq!(p.runs[1].text, "Nghị định số 30/2020/NĐ-CP");
    assert!(p.runs[1].bold);

    // A replacement that removes text from two runs: "CP ngày" → "CP, ngày".
    let out = apply_edits(
        &src,
        &[DocxEdit::ReplaceText {
            paragraph: 2,
            find: "NĐ-CP ngày".into(),
            replace: "NĐ-CP, ngày".into(),
        }],
    )
    .unwrap();
    let p = read(&out).paragraph(2).unwrap().clone();
    assert_eq!(
        p.text(),
        "Căn cứ Nghị định số 30/2020/NĐ-CP, ngày 5 tháng 3 năm 2020"
    );
    assert_eq!(p.runs[1].text, "Nghị định số 30/2020/NĐ-CP,");

    // Spaces at the edges of a w:t survive (xml:space="preserve").
    let out = apply_edits(
        &src,
        &[DocxEdit::ReplaceText {
            paragraph: 2,
            find: "Căn cứ ".into(),
            replace: "Căn cứ  ".into(),
        }],
    )
    .unwrap();
    assert_eq!(read(&out).paragraph(2).unwrap().runs[0].text, "Căn cứ  ");
}

#[test]
fn replace_text_in_a_table_cell_uses_the_same_index() {
    let src = fixture("pydocx_styles.docx");
    let out = apply_edits(
        &src,
        &[DocxEdit::ReplaceText {
            paragraph: 9,
            find: "Ô 3".into(),
            replace: "Ô ba".into(),
        }],
    )
    .unwrap();
    assert_eq!(read(&out).paragraph(9).unwrap().text(), "Ô ba");
}

#[test]
fn missing_text_and_bad_indices_are_typed_errors() {
    let src = fixture("pydocx_styles.docx");
    let e = apply_edits(
        &src,
        &[DocxEdit::ReplaceText {
            paragraph: 2,
            find: "không có".into(),
            replace: "x".into(),
        }],
    )
    .unwrap_err();
    assert!(matches!(e, PatchError::TextNotFound { paragraph: 2, .. }));
    assert!(e.to_string().contains("Không tìm thấy"));
    let e = apply_edits(
        &src,
        &[DocxEdit::SetParagraphProps {
            target: Target::Paragraph(99),
            keep_next: Some(true),
            keep_lines: None,
            page_break_before: None,
            alignment: None,
        }],
    )
    .unwrap_err();
    assert_eq!(
        e,
        PatchError::NoSuchParagraph {
            index: 99,
            count: 15
        }
    );
    let e = apply_edits(
        &src,
        &[DocxEdit::SetTitlePage {
            section: Some(5),
            value: true,
        }],
    )
    .unwrap_err();
    assert_eq!(e, PatchError::NoSuchSection { index: 5, count: 2 });
}

#[test]
fn run_props_are_set_in_schema_order() {
    let src = fixture("pydocx_styles.docx");
    let out = apply_edits(
        &src,
        &[DocxEdit::SetRunProps {
            target: Target::Paragraph(4),
            font: Some("Times New Roman".into()),
            size: Some(HalfPoints::pt(14)),
            bold: Some(true),
            italic: Some(false),
            underline: None,
        }],
    )
    .unwrap();
    let d = read(&out);
    let r = &d.paragraph(4).unwrap().runs[0];
    assert_eq!(r.fonts.ascii.as_deref(), Some("Times New Roman"));
    assert_eq!(r.fonts.h_ansi.as_deref(), Some("Times New Roman"));
    assert_eq!(r.size, Some(HalfPoints::pt(14)));
    assert!(r.bold && !r.italic);
    // Order inside w:rPr: rFonts, b, i, sz, szCs (CT_RPr).
    let doc = entries(&out)
        .into_iter()
        .find(|e| e.0 == "word/document.xml")
        .unwrap()
        .2;
    let xml = String::from_utf8(doc).unwrap();
    let at = xml.find("Đoạn văn thường.").unwrap();
    let rpr_start = xml[..at].rfind("<w:rPr>").unwrap();
    let rpr = &xml[rpr_start..at];
    let pos = |tag: &str| rpr.find(tag).unwrap_or_else(|| panic!("{tag} in {rpr}"));
    assert!(pos("<w:rFonts") < pos("<w:b/>"));
    assert!(pos("<w:b/>") < pos("<w:i w:val=\"0\"/>"));
    assert!(pos("<w:i ") < pos("<w:sz "));
    assert!(pos("<w:sz ") < pos("<w:szCs "));
}

#[test]
fn run_props_on_all_paragraphs() {
    let src = fixture("pydocx_styles.docx");
    let out = apply_edits(
        &src,
        &[DocxEdit::SetRunProps {
            target: Target::All,
            font: Some("Times New Roman".into()),
            size: None,
            bold: None,
            italic: None,
            underline: None,
        }],
    )
    .unwrap();
    let d = read(&out);
    for p in d.paragraphs() {
        for r in &p.runs {
            assert_eq!(r.font(), Some("Times New Roman"), "{}", p.text());
        }
    }
    // Sizes and bold untouched.
    assert_eq!(d.paragraph(4).unwrap().runs[0].size, Some(HalfPoints(22)));
    assert!(d.paragraph(5).unwrap().runs[0].bold);
}

#[test]
fn paragraph_props_and_page_setup() {
    let src = fixture("pydocx_styles.docx");
    let out = apply_edits(
        &src,
        &[
            DocxEdit::SetParagraphProps {
                target: Target::Paragraph(2),
                keep_next: Some(true),
                keep_lines: Some(true),
                page_break_before: None,
                alignment: Some(Alignment::Center),
            },
            DocxEdit::SetParagraphProps {
                target: Target::Paragraph(5),
                keep_next: Some(false),
                keep_lines: None,
                page_break_before: None,
                alignment: None,
            },
            DocxEdit::SetMargins {
                section: None,
                top: Some(Twips::from_mm(25)),
                bottom: None,
                left: Some(Twips::from_mm(35)),
                right: None,
            },
            DocxEdit::SetPageSize {
                section: Some(1),
                width: Twips(11_906),
                height: Twips(16_838),
            },
            DocxEdit::SetTitlePage {
                section: Some(0),
                value: false,
            },
        ],
    )
    .unwrap();
    assert_only_document_changed(&src, &out);
    let d = read(&out);
    let p = d.paragraph(2).unwrap();
    assert!(p.keep_next && p.keep_lines);
    assert_eq!(p.alignment, Some(Alignment::Center));
    // Heading 1 keeps with next through its style; direct w:val="0" turns it off.
    assert!(!d.paragraph(5).unwrap().keep_next);
    for s in &d.sections {
        assert_eq!(s.margins.top, Twips::from_mm(25));
        assert_eq!(s.margins.left, Twips::from_mm(35));
        assert_eq!(s.margins.bottom, Twips::from_mm(20));
    }
    assert!(!d.sections[0].title_page);
    assert!(d.sections[1].title_page);
    assert_eq!(d.sections[1].page_width, Twips(11_906));
    assert!(!d.sections[1].landscape);

    let out2 = apply_edits(
        &out,
        &[DocxEdit::SetTitlePage {
            section: Some(0),
            value: true,
        }],
    )
    .unwrap();
    assert!(read(&out2).sections[0].title_page);
}

#[test]
fn libreoffice_file_round_trips() {
    let src = fixture("libreoffice.docx");
    let out = apply_edits(
        &src,
        &[DocxEdit::ReplaceText {
            paragraph: 1,
            find: "năm 2024".into(),
            replace: "năm 2025".into(),
        }],
    )
    .unwrap();
    assert_only_document_changed(&src, &out);
    let d = read(&out);
    assert_eq!(
        d.paragraph(1).unwrap().text(),
        "Thực hiện công tác dân vận năm 2025."
    );
    assert_eq!(d.footnotes_text(), ["Chú thích thử."]);
}

#[test]
fn signed_and_protected_documents_are_never_changed() {
    let edit = [DocxEdit::SetTitlePage {
        section: None,
        value: true,
    }];
    let e = apply_edits(&fixture("pydocx_signed.docx"), &edit).unwrap_err();
    assert_eq!(e, PatchError::Signed);
    assert!(e.to_string().contains("ký số"));
    let e = apply_edits(&fixture("pydocx_protected.docx"), &edit).unwrap_err();
    assert_eq!(e, PatchError::Protected);
    let e = apply_edits(b"not a zip", &edit).unwrap_err();
    assert!(matches!(e, PatchError::Read(_)));
}

/// Findings of type `schema` (element order, allowed attributes) for a .docx in memory.
fn schema_findings(bytes: &[u8], name: &str) -> Vec<String> {
    let path = docx_support::out_dir("reader_patch").join(name);
    std::fs::write(&path, bytes).unwrap();
    docx_support::schema_findings(&path)
}

#[test]
fn patched_files_stay_schema_valid() {
    for name in ["pydocx_styles.docx", "libreoffice.docx"] {
        let src = fixture(name);
        assert!(
            schema_findings(&src, &format!("orig-{name}")).is_empty(),
            "{name} before"
        );
        let out = apply_edits(
            &src,
            &[
                DocxEdit::SetRunProps {
                    target: Target::All,
                    font: Some("Times New Roman".into()),
                    size: Some(HalfPoints::pt(14)),
                    bold: Some(false),
                    italic: Some(true),
                    underline: Some(false),
                },
                DocxEdit::SetParagraphProps {
                    target: Target::All,
                    keep_next: Some(true),
                    keep_lines: Some(true),
                    page_break_before: Some(false),
                    alignment: Some(Alignment::Justify),
                },
                DocxEdit::SetMargins {
                    section: None,
                    top: Some(Twips::from_mm(20)),
                    bottom: Some(Twips::from_mm(20)),
                    left: Some(Twips::from_mm(30)),
                    right: Some(Twips::from_mm(15)),
                },
                DocxEdit::SetPageSize {
                    section: None,
                    width: Twips(11_906),
                    height: Twips(16_838),
                },
                DocxEdit::SetTitlePage {
                    section: None,
                    value: true,
                },
                DocxEdit::ReplaceText {
                    paragraph: 1,
                    find: " ".into(),
                    replace: "  ".into(),
                },
            ],
        )
        .unwrap();
        let findings = schema_findings(&out, &format!("patched-{name}"));
        assert!(findings.is_empty(), "{name}: {findings:#?}");
        // And the edits are really there.
        let d = read(&out);
        assert!(d.paragraphs().iter().all(|p| p.keep_next));
        assert!(d.sections.iter().all(|s| s.title_page));
    }
}

#[test]
fn the_schema_check_catches_out_of_order_properties() {
    // Guard: the validator does report a run property out of order, so the test above can fail.
    let src = fixture("pydocx_styles.docx");
    let out = apply_edits(
        &src,
        &[DocxEdit::SetRunProps {
            target: Target::Paragraph(2),
            font: None,
            size: Some(HalfPoints::pt(14)),
            bold: Some(true),
            italic: None,
            underline: None,
        }],
    )
    .unwrap();
    let mut zip = zip::ZipArchive::new(Cursor::new(out)).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    // Swap <w:b/> after <w:sz>: invalid per CT_RPr.
    let bad = xml.replacen(
        "<w:b/><w:sz w:val=\"28\"/>",
        "<w:sz w:val=\"28\"/><w:b/>",
        1,
    );
    assert_ne!(bad, xml, "the probe found the properties to swap");
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let f = zip.by_index_raw(i).unwrap();
        if f.name() == "word/document.xml" {
            drop(f);
            w.start_file(
                "word/document.xml",
                zip::write::SimpleFileOptions::default(),
            )
            .unwrap();
            std::io::Write::write_all(&mut w, bad.as_bytes()).unwrap();
        } else {
            w.raw_copy_file(f).unwrap();
        }
    }
    let probe = w.finish().unwrap().into_inner();
    assert!(!schema_findings(&probe, "probe.docx").is_empty());
}
