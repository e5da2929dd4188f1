//! DOCX reader (đọc tệp .docx) and patcher (sửa tệp .docx).
//!
//! [`read_docx`] opens any .docx, bounded by [`Limits`] (zip bomb, entity bomb, deep nesting),
//! and returns a [`DocxFile`]: sections, body blocks in document order, headers, footers and
//! footnotes, with the effective formatting of every paragraph and run resolved through the
//! style cascade (document defaults → table style → paragraph style → character style → direct
//! formatting; theme fonts resolved; toggle properties per ECMA-376 §17.7.3).
//!
//! [`apply_edits`] applies mechanical fixes ([`DocxEdit`]) and writes a new package, copying
//! every part it does not change byte for byte. Both count paragraphs the same way:
//! `Paragraph::index` is the position of the `w:p` among all `w:p` of the body in document order,
//! paragraphs inside tables included.

mod document;
mod error;
mod limits;
mod lists;
mod model;
mod model_text;
mod package;
mod patch;
mod patch_text;
mod props;
mod styles;
mod walk;
mod xml;

pub use error::{PatchError, ReadError};
pub use limits::{Limits, MAX_TABLE_COLUMNS};
pub use model::*;
pub(crate) use patch::replace_part;
pub use patch::{apply_edit_groups, apply_edits, DocxEdit, Target};

use limits::Package;
use package::{read_xml, relationships};
use styles::{Numbering, StyleSheet, ThemeFonts};

/// Reads a .docx from memory within `limits`. Never panics; every failure is a [`ReadError`].
pub fn read_docx(bytes: &[u8], limits: &Limits) -> Result<DocxFile, ReadError> {
    let mut pkg = Package::open(bytes, limits)?;
    if !pkg.has("[Content_Types].xml") {
        return Err(ReadError::NotDocx {
            part: "[Content_Types].xml".into(),
        });
    }
    let main = main_part(&mut pkg, limits)?;
    let signed = pkg
        .names()
        .any(|n| n.to_ascii_lowercase().starts_with("_xmlsignatures/"));

    let doc = read_xml(&mut pkg, &main, limits)?
        .ok_or_else(|| ReadError::NotDocx { part: main.clone() })?;
    if !doc.root.is_w("document") {
        return Err(ReadError::NotDocx {
            part: format!("{main} (w:document)"),
        });
    }
    let rels = relationships(&mut pkg, &main, limits)?;
    let target = |suffix: &str| {
        rels.iter()
            .find(|r| !r.external && r.is(suffix))
            .map(|r| r.target.clone())
    };
    let part_or =
        |suffix: &str, default: &str| target(suffix).unwrap_or_else(|| default.to_string());

    let styles_doc = read_xml(&mut pkg, &part_or("styles", "word/styles.xml"), limits)?;
    let theme = match read_xml(&mut pkg, &part_or("theme", "word/theme/theme1.xml"), limits)? {
        Some(t) => ThemeFonts::parse(&t.root),
        None => ThemeFonts::default(),
    };
    let numbering = match target("numbering") {
        Some(n) => read_xml(&mut pkg, &n, limits)?
            .map(|d| Numbering::parse(&d.root))
            .unwrap_or_default(),
        None => Numbering::default(),
    };
    let sheet = StyleSheet::new(styles_doc.as_ref().map(|d| &d.root), theme, numbering);

    let settings_doc = read_xml(&mut pkg, &part_or("settings", "word/settings.xml"), limits)?;
    let settings = read_settings(settings_doc.as_ref().map(|d| &d.root));

    // Body. The paragraph count is bounded before the model is built (each paragraph costs
    // a resolved style and its runs; a 64 MiB part of empty paragraphs would cost gigabytes).
    let body = doc.root.child_w("body");
    let paragraph_count = walk::paragraphs_count(body);
    if paragraph_count > limits.max_paragraphs {
        return Err(ReadError::TooLarge {
            what: "số đoạn văn",
            limit: limits.max_paragraphs as u64,
            actual: paragraph_count as u64,
        });
    }
    let mut reader = document::PartReader::new(&sheet, &body.into_iter().collect::<Vec<_>>());
    let blocks = body
        .map(|b| reader.blocks(b, None, false))
        .unwrap_or_default();
    let rel = |id: &str| {
        rels.iter()
            .find(|r| r.id == id && !r.external)
            .map(|r| r.target.clone())
    };
    let mut section_ends = std::mem::take(&mut reader.section_ends);
    section_ends.push((
        paragraph_count.checked_sub(1),
        body.and_then(|b| b.child_w("sectPr"))
            .unwrap_or(&EMPTY_SECT),
    ));
    let mut sections: Vec<SectionProps> = section_ends
        .iter()
        .map(|(last, s)| document::section(Some(s), *last, &rel))
        .collect();
    // The body's final sectPr also closes the paragraphs after the last inner section break.
    if let Some(prev) = sections
        .len()
        .checked_sub(2)
        .and_then(|i| sections[i].last_paragraph)
    {
        if let Some(last) = sections.last_mut() {
            if last.last_paragraph.is_some_and(|l| l <= prev) {
                last.last_paragraph = None;
            }
        }
    }
    inherit_refs(&mut sections);

    // Headers and footers.
    let mut cache: std::collections::HashMap<String, Vec<BodyItem>> = Default::default();
    let mut headers = Vec::new();
    let mut footers = Vec::new();
    for (si, s) in sections.iter().enumerate() {
        for kind in [
            HeaderFooterKind::Default,
            HeaderFooterKind::First,
            HeaderFooterKind::Even,
        ] {
            for (refs, out, root) in [
                (&s.header_refs, &mut headers, "hdr"),
                (&s.footer_refs, &mut footers, "ftr"),
            ] {
                let Some(part) = refs.get(kind) else { continue };
                if !cache.contains_key(part) {
                    let blocks = match read_xml(&mut pkg, part, limits)? {
                        Some(d) if d.root.is_w(root) => {
                            let mut r = document::PartReader::new(&sheet, &[&d.root]);
                            r.blocks(&d.root, None, false)
                        }
                        _ => Vec::new(),
                    };
                    cache.insert(part.to_string(), blocks);
                }
                out.push(HeaderFooter {
                    section: si,
                    kind,
                    part: part.to_string(),
                    blocks: cache[part].clone(),
                });
            }
        }
    }

    // Footnotes.
    let mut footnotes = Vec::new();
    if let Some(fpart) = target("footnotes") {
        if let Some(fd) = read_xml(&mut pkg, &fpart, limits)? {
            let notes: Vec<&xml::Element> = fd
                .root
                .elements()
                .filter(|e| e.is_w("footnote"))
                .filter(|e| {
                    !matches!(
                        e.attr_w("type"),
                        Some("separator" | "continuationSeparator" | "continuationNotice")
                    )
                })
                .collect();
            let mut r = document::PartReader::new(&sheet, &notes);
            for n in notes {
                let id = n
                    .attr_w("id")
                    .and_then(|v| v.trim().parse().ok())
                    .unwrap_or(0);
                footnotes.push(Footnote {
                    id,
                    blocks: r.blocks(n, None, false),
                });
            }
        }
    }

    // Word's page count when the file was last saved (docProps/app.xml, <Pages>): how many
    // pages the author saw, better than any estimate from the text. Word updates the page,
    // word and character counts together; a generator copies a template's stale "1 page, 0
    // words", which is not believed.
    let saved_pages = match read_xml(&mut pkg, "docProps/app.xml", limits) {
        Ok(Some(app)) => {
            let stat = |name: &str| -> Option<u32> {
                app.root
                    .elements()
                    .find(|e| e.local() == name)
                    .and_then(|e| e.own_text().trim().parse().ok())
            };
            stat("Pages").filter(|&n| n > 0 && stat("Words").is_some_and(|w| w > 0))
        }
        _ => None,
    };

    Ok(DocxFile {
        saved_pages,
        sections,
        blocks,
        footnotes,
        headers,
        footers,
        protected: settings.protection.is_some(),
        signed,
        settings,
        styles: sheet.infos(),
        paragraph_count,
    })
}

static EMPTY_SECT: std::sync::LazyLock<xml::Element> =
    std::sync::LazyLock::new(|| xml::Element::new_w("sectPr"));

/// The main document part from the package relationships, "word/document.xml" by default.
fn main_part(pkg: &mut Package<'_>, limits: &Limits) -> Result<String, ReadError> {
    let rels = relationships(pkg, "", limits)?;
    let main = rels
        .iter()
        .find(|r| !r.external && r.is("officeDocument"))
        .map(|r| r.target.clone())
        .filter(|t| pkg.has(t))
        .unwrap_or_else(|| "word/document.xml".to_string());
    if !pkg.has(&main) {
        return Err(ReadError::NotDocx {
            part: "word/document.xml".into(),
        });
    }
    Ok(main)
}

fn read_settings(root: Option<&xml::Element>) -> Settings {
    let mut s = Settings::default();
    let Some(root) = root else { return s };
    if let Some(p) = root.child_w("documentProtection") {
        let enforced = p
            .attr_w("enforcement")
            .is_some_and(|v| matches!(v, "1" | "true" | "on"));
        if enforced {
            s.protection = Some(p.attr_w("edit").unwrap_or("readOnly").to_string());
        }
    }
    s.even_and_odd_headers = root
        .child_w("evenAndOddHeaders")
        .is_some_and(xml::Element::on_off);
    s.default_tab_stop = root
        .child_w("defaultTabStop")
        .and_then(|t| t.attr_w("val"))
        .and_then(props::parse_i32)
        .map(crate::layout::Twips);
    s
}

/// A section without a reference of some kind uses the previous section's (ECMA-376 §17.10.5).
fn inherit_refs(sections: &mut [SectionProps]) {
    for i in 1..sections.len() {
        let (before, after) = sections.split_at_mut(i);
        let prev = &before[i - 1];
        let cur = &mut after[0];
        for (c, p) in [
            (&mut cur.header_refs, &prev.header_refs),
            (&mut cur.footer_refs, &prev.footer_refs),
        ] {
            if c.default.is_none() {
                c.default.clone_from(&p.default);
            }
            if c.first.is_none() {
                c.first.clone_from(&p.first);
            }
            if c.even.is_none() {
                c.even.clone_from(&p.even);
            }
        }
    }
}
