//! Every exported file passes the OOXML schema validator openxml-audit (ECMA-376 element
//! order, allowed attributes and values) with no finding of type `schema`.

mod docx_support;

use std::io::Read;

use quick_xml::events::Event;
use vanban::ooxml_order::children_of;

#[test]
fn every_fixture_is_schema_valid() {
    let dir = docx_support::out_dir("schema");
    for (stem, doc) in docx_support::all() {
        let path = docx_support::write(&dir, stem, &doc);
        let findings = docx_support::schema_findings(&path);
        assert!(findings.is_empty(), "{stem}: {findings:#?}");
    }
}

#[test]
fn the_examples_are_schema_valid() {
    let dir = docx_support::out_dir("schema-examples");
    for (stem, doc) in docx_support::examples() {
        let path = docx_support::write(&dir, &stem, &doc);
        let findings = docx_support::schema_findings(&path);
        assert!(findings.is_empty(), "{stem}: {findings:#?}");
    }
}

#[test]
fn a_landscape_appendix_is_schema_valid() {
    // The paragraph-level w:sectPr that ends each section before a landscape Phụ lục (trang
    // ngang) and after it, in CT_PPr and CT_SectPr order.
    let appendix = vanban::markup::parse(
        "Phụ lục I (trang ngang). BẢNG\n| TT | Nội dung |\n|---|---|\n| 1 | Một |\nPhụ lục I. DANH MỤC\n- Một.\n",
    )
    .unwrap();
    let dir = docx_support::out_dir("schema-landscape");
    let (stem, mut doc) = docx_support::examples()
        .into_iter()
        .find(|(stem, _)| stem.starts_with("quyet-dinh"))
        .expect("a decision among the examples");
    let main = doc.body.main_len();
    doc.body.blocks.truncate(main);
    doc.body.blocks.extend(appendix.blocks);
    let path = docx_support::write(&dir, &stem, &doc);
    let findings = docx_support::schema_findings(&path);
    assert!(findings.is_empty(), "{stem}: {findings:#?}");
    let xml = {
        let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
        let mut s = String::new();
        zip.by_name("word/document.xml")
            .unwrap()
            .read_to_string(&mut s)
            .unwrap();
        s
    };
    assert_eq!(xml.matches("<w:sectPr").count(), 3);
    assert_eq!(xml.matches("w:orient=\"landscape\"").count(), 1);
}

#[test]
fn the_validator_does_catch_out_of_order_properties() {
    // Guard against a validator that finds nothing: a run property out of order is reported.
    let dir = docx_support::out_dir("schema");
    let good = docx_support::write(&dir, "probe", &docx_support::state_draft());
    let bytes = std::fs::read(&good).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().to_string();
        let mut data = Vec::new();
        std::io::Read::read_to_end(&mut f, &mut data).unwrap();
        if name == "word/document.xml" {
            let s = String::from_utf8(data).unwrap();
            // Move the first w:sz before w:rFonts.
            let s = s.replacen("<w:rFonts", "<w:sz w:val=\"28\"/><w:rFonts", 1);
            data = s.into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        std::io::Write::write_all(&mut out, &data).unwrap();
    }
    let bad = dir.join("probe-bad.docx");
    std::fs::write(&bad, out.finish().unwrap().into_inner()).unwrap();
    assert!(!docx_support::schema_findings(&bad).is_empty());
}

/// The child names of every element of `xml` whose children have a schema sequence, with
/// the element's name and its parent's: `(parent, element, children)`.
fn property_children(xml: &str) -> Vec<(String, String, Vec<String>)> {
    let mut reader = quick_xml::Reader::from_str(xml);
    // Open elements: (name, names of their child elements so far).
    let mut stack: Vec<(String, Vec<String>)> = Vec::new();
    let mut out = Vec::new();
    loop {
        let (name, empty) = match reader.read_event().unwrap() {
            Event::Start(e) => (
                String::from_utf8(e.name().as_ref().to_vec()).unwrap(),
                false,
            ),
            Event::Empty(e) => (String::from_utf8(e.name().as_ref().to_vec()).unwrap(), true),
            Event::End(_) => {
                let (name, children) = stack.pop().unwrap();
                let parent = stack.last().map(|p| p.0.clone()).unwrap_or_default();
                out.push((parent, name, children));
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        if let Some(parent) = stack.last_mut() {
            parent.1.push(name.clone());
        }
        if !empty {
            stack.push((name, Vec::new()));
        }
    }
    out
}

#[test]
fn run_and_paragraph_mark_properties_are_in_their_schema_order() {
    // Writer output: every w:rPr in CT_RPr order (runs, styles, defaults) or CT_ParaRPr
    // order (paragraph marks), and every other property element in its sequence.
    let (mut run_props, mut mark_props) = (0, 0);
    for (stem, doc) in docx_support::all() {
        let bytes = vanban::docx::write_docx(&doc).unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        for part in ["word/document.xml", "word/styles.xml", "word/footnotes.xml"] {
            let Ok(mut f) = zip.by_name(part) else {
                continue;
            };
            let mut xml = String::new();
            f.read_to_string(&mut xml).unwrap();
            for (parent, name, children) in property_children(&xml) {
                let Some(seq) = children_of(&name, Some(&parent)) else {
                    continue;
                };
                let ranks: Vec<usize> = children.iter().map(|c| seq.rank(c)).collect();
                assert!(
                    ranks.windows(2).all(|w| w[0] <= w[1]),
                    "{stem} {part}: {parent}/{name} children out of order: {children:?}"
                );
                match (parent.as_str(), name.as_str()) {
                    ("w:r", "w:rPr") if children.len() >= 4 => run_props += 1,
                    ("w:pPr", "w:rPr") if children.len() >= 2 => mark_props += 1,
                    _ => {}
                }
            }
        }
    }
    assert!(run_props > 0, "runs with several properties were checked");
    assert!(
        mark_props > 0,
        "paragraph marks with properties were checked"
    );
}
