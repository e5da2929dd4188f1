//! The reader on files not made by Vanban: python-docx (its own template, theme fonts, custom
//! styles with basedOn chains) and LibreOffice (its own styles, footnote, page number field).
//! Regenerate with tests/fixtures/reader/gen.py.

use vanban::layout::{HalfPoints, Twips};
use vanban::reader::{
    read_docx, Alignment, BodyItem, DocxFile, FieldKind, HeaderFooterKind, Limits, Paragraph,
};

fn read(name: &str) -> DocxFile {
    let path = format!(
        "{}/tests/fixtures/reader/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&path).unwrap();
    read_docx(&bytes, &Limits::default()).unwrap()
}

fn para(d: &DocxFile, i: usize) -> &Paragraph {
    d.paragraph(i).unwrap()
}

#[test]
fn paragraph_indices_are_dense_and_include_table_cells() {
    let d = read("pydocx_styles.docx");
    let ps = d.paragraphs();
    assert_eq!(ps.len(), d.paragraph_count);
    assert_eq!(d.paragraph_count, 15);
    for (i, p) in ps.iter().enumerate() {
        assert_eq!(p.index, i);
    }
    assert_eq!(para(&d, 6).text(), "Ô 0");
    assert!(para(&d, 6).in_table);
    assert_eq!(para(&d, 9).text(), "Ô 3");
    assert_eq!(para(&d, 10).text(), "Có viền");
    assert!(!para(&d, 12).in_table);
}

#[test]
fn styles_cascade_through_based_on_chains() {
    let d = read("pydocx_styles.docx");
    // VbTitle: bold, centred, Times New Roman; size 14 pt inherited from VbBody.
    let p0 = para(&d, 0);
    assert_eq!(p0.style_id.as_deref(), Some("VbTitle"));
    assert_eq!(p0.alignment, Some(Alignment::Center));
    let r = &p0.runs[0];
    assert_eq!(r.fonts.ascii.as_deref(), Some("Times New Roman"));
    assert_eq!(r.font(), Some("Times New Roman"));
    assert_eq!(r.size, Some(HalfPoints::pt(14)));
    assert!(r.bold && !r.italic);
    // Its bottom border (the line under the tiêu ngữ style).
    let b = p0.border_bottom.as_ref().unwrap();
    assert_eq!((b.style.as_str(), b.size_eighths), ("single", 6));
    // VbTitleSub adds italic and 13 pt, keeps bold, centre and font from VbTitle.
    let r = &para(&d, 1).runs[0];
    assert!(r.bold && r.italic);
    assert_eq!(r.size, Some(HalfPoints(26)));
    assert_eq!(r.fonts.h_ansi.as_deref(), Some("Times New Roman"));
    assert_eq!(para(&d, 1).alignment, Some(Alignment::Center));
    // VbBody: justified, first-line indent 1 cm, 6 pt after, line spacing from docDefaults.
    let p2 = para(&d, 2);
    assert_eq!(p2.alignment, Some(Alignment::Justify));
    assert_eq!(p2.indent.first_line, Some(Twips(567)));
    assert_eq!(p2.spacing.after, Some(Twips(120)));
    assert_eq!(p2.spacing.line, Some(276));
}

#[test]
fn direct_formatting_overrides_styles() {
    let d = read("pydocx_styles.docx");
    let p = para(&d, 2);
    assert_eq!(
        p.text(),
        "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 5 tháng 3 năm 2020"
    );
    let texts: Vec<_> = p.runs.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Căn cứ ",
            "Nghị định số 30/2020/NĐ-CP",
            " ngày 5 tháng 3 năm 2020"
        ]
    );
    assert!(!p.runs[0].bold && p.runs[1].bold && !p.runs[2].bold);
    assert!(p.runs[2].italic);
    assert_eq!(p.runs[0].size, Some(HalfPoints::pt(14)));
    assert_eq!(p.runs[2].size, Some(HalfPoints::pt(12)));
    // keepNext set directly.
    assert!(para(&d, 12).keep_next);
    assert!(!para(&d, 2).keep_next);
}

#[test]
fn bold_toggles_between_paragraph_and_character_styles() {
    let d = read("pydocx_styles.docx");
    let p = para(&d, 3);
    // Character style VbEmph (bold) on a run of bold paragraph style VbTitle: not bold.
    assert_eq!(p.runs[0].style_id.as_deref(), Some("VbEmph"));
    assert!(!p.runs[0].bold);
    // No character style: the paragraph style's bold shows.
    assert!(p.runs[1].bold);
    // Direct w:b w:val="0": off.
    assert!(!p.runs[2].bold);
}

#[test]
fn theme_fonts_and_doc_defaults_resolve() {
    let d = read("pydocx_styles.docx");
    // Normal: docDefaults minorHAnsi → theme minor latin (Cambria), 11 pt.
    let r = &para(&d, 4).runs[0];
    assert_eq!(para(&d, 4).style_id.as_deref(), Some("Normal"));
    assert_eq!(r.fonts.ascii.as_deref(), Some("Cambria"));
    assert_eq!(r.fonts.h_ansi.as_deref(), Some("Cambria"));
    assert_eq!(r.fonts.east_asia, None, "the theme's ea typeface is empty");
    assert_eq!(r.size, Some(HalfPoints(22)));
    // Heading 1: majorHAnsi → Calibri, 14 pt, bold, keepNext from the style.
    let p = para(&d, 5);
    assert_eq!(p.style_id.as_deref(), Some("Heading1"));
    assert_eq!(p.runs[0].font(), Some("Calibri"));
    assert_eq!(p.runs[0].size, Some(HalfPoints::pt(14)));
    assert!(p.runs[0].bold);
    assert!(p.keep_next && p.keep_lines);
    assert_eq!(
        d.style("Heading1").unwrap().name.as_deref(),
        Some("heading 1")
    );
}

#[test]
fn tables_report_borders_and_row_settings() {
    let d = read("pydocx_styles.docx");
    let tables: Vec<_> = d
        .blocks
        .iter()
        .filter_map(|b| match b {
            BodyItem::Table(t) => Some(t),
            BodyItem::Paragraph(_) => None,
        })
        .collect();
    assert_eq!(tables.len(), 2);
    assert!(!tables[0].has_visible_borders);
    assert_eq!(tables[0].rows.len(), 2);
    assert_eq!(tables[0].rows[1].cells[1].text(), "Ô 3");
    assert!(tables[1].has_visible_borders);
    assert_eq!(tables[1].style_id.as_deref(), Some("TableGrid"));
    assert!(tables[1].rows[0].cant_split);
    assert!(!tables[0].rows[0].cant_split);
    // Table style paragraph properties apply inside its cells (Table Grid: no space after).
    assert_eq!(para(&d, 10).spacing.after, Some(Twips(0)));
}

#[test]
fn sections_page_setup_and_inherited_headers() {
    let d = read("pydocx_styles.docx");
    assert_eq!(d.sections.len(), 2);
    let s = &d.sections[0];
    assert_eq!(
        (s.page_width, s.page_height),
        (Twips(11_906), Twips(16_838))
    );
    assert_eq!(s.margins.top, Twips::from_mm(20));
    assert_eq!(s.margins.bottom, Twips::from_mm(20));
    assert_eq!(s.margins.left, Twips::from_mm(30));
    assert_eq!(s.margins.right, Twips::from_mm(15));
    assert!(s.title_page);
    assert_eq!(s.last_paragraph, Some(13));
    let s2 = &d.sections[1];
    assert!(s2.landscape);
    assert_eq!(s2.page_width, Twips(16_838));
    assert_eq!(s2.last_paragraph, Some(14));
    assert_eq!(para(&d, 14).section, 1);
    assert_eq!(para(&d, 12).section, 0);
    // The second section has no references of its own: it inherits the first's.
    assert_eq!(s2.header_refs, s.header_refs);
    assert!(s.header_refs.default.is_some() && s.header_refs.first.is_some());
}

#[test]
fn page_fields_in_headers_and_footers_are_found() {
    let d = read("pydocx_styles.docx");
    let h = d.header(HeaderFooterKind::Default).unwrap();
    assert_eq!(h.fields(), [&FieldKind::Page]);
    // The result of the field is text of a run marked with the field, the instruction is not.
    assert_eq!(
        d.text_of_header(HeaderFooterKind::Default).as_deref(),
        Some("2")
    );
    let run = &h.paragraphs()[0].runs[0];
    assert_eq!(run.field, Some(FieldKind::Page));
    // The first-page header exists and is empty: no number on page 1.
    assert_eq!(
        d.text_of_header(HeaderFooterKind::First).as_deref(),
        Some("")
    );
    assert!(d
        .header(HeaderFooterKind::First)
        .unwrap()
        .fields()
        .is_empty());
    assert_eq!(d.text_of_header(HeaderFooterKind::Even), None);
    // A simple field in the footer.
    let f = d.footer(HeaderFooterKind::Default).unwrap();
    assert_eq!(f.fields(), [&FieldKind::NumPages]);
    assert_eq!(f.text(), "Tổng số trang: 3");
    assert!(d.has_page_field());
}

#[test]
fn libreoffice_styles_footnotes_and_page_number() {
    let d = read("libreoffice.docx");
    let p0 = para(&d, 0);
    assert_eq!(p0.text(), "KẾ HOẠCH");
    assert_eq!(p0.style_id.as_deref(), Some("TenLoai"));
    assert_eq!(p0.alignment, Some(Alignment::Center));
    assert!(p0.runs[0].bold);
    assert_eq!(p0.runs[0].font(), Some("Times New Roman"));
    assert_eq!(p0.runs[0].size, Some(HalfPoints::pt(14)));
    // VanBan inherits nothing bold; its parent style is the default paragraph style.
    let p1 = para(&d, 1);
    assert_eq!(p1.alignment, Some(Alignment::Justify));
    assert_eq!(p1.indent.first_line, Some(Twips(567)));
    assert!(!p1.runs[0].bold);
    assert_eq!(p1.text(), "Thực hiện công tác dân vận năm 2024.");
    let note_ref = p1.runs.iter().find_map(|r| r.is_footnote_ref).unwrap();
    let note = d.footnotes.iter().find(|f| f.id == note_ref).unwrap();
    assert_eq!(note.text(), "Chú thích thử.");
    assert_eq!(d.footnotes_text(), ["Chú thích thử."]);
    // The default paragraph style of LibreOffice: Liberation Sans 12 pt.
    let r = &para(&d, 2).runs[0];
    assert_eq!(r.font(), Some("Liberation Sans"));
    assert_eq!(r.size, Some(HalfPoints::pt(12)));
    // Page: A4, 20/20/30/15 mm (LibreOffice folds the header height into the top margin).
    let s = &d.sections[0];
    assert_eq!(
        (s.page_width, s.page_height),
        (Twips(11_906), Twips(16_838))
    );
    assert_eq!(s.margins.left, Twips::from_mm(30));
    assert_eq!(s.margins.right, Twips::from_mm(15));
    assert_eq!(s.margins.bottom, Twips::from_mm(20));
    assert!(!s.title_page);
    assert_eq!(
        d.header(HeaderFooterKind::Default).unwrap().fields(),
        [&FieldKind::Page]
    );
}

#[test]
fn protection_and_signatures_are_detected() {
    let d = read("pydocx_protected.docx");
    assert!(d.protected && !d.signed);
    assert_eq!(d.settings.protection.as_deref(), Some("readOnly"));
    let d = read("pydocx_signed.docx");
    assert!(d.signed && !d.protected);
    let d = read("pydocx_styles.docx");
    assert!(!d.signed && !d.protected);
}
