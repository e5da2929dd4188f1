//! Packaging: the XML parts docx-rs renders, canonicalised, in a Deflate-compressed ZIP
//! (docx-rs on its own stores parts uncompressed). Pure: the archive is built in memory.

use std::io::{Cursor, Write};

use docx_rs::XMLDocx;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::canonical::{canonicalise, Part};
use super::DocxError;

fn wordml(name: &str, xml: &[u8]) -> Result<Vec<u8>, DocxError> {
    let part = match name {
        "word/styles.xml" => Part::Styles,
        "word/footnotes.xml" => Part::Footnotes,
        _ => Part::Other,
    };
    canonicalise(xml, part).map_err(|e| DocxError::Xml {
        part: name.to_string(),
        reason: e.to_string(),
    })
}

/// Zips the parts of `xml` into .docx bytes.
pub(super) fn pack(xml: XMLDocx) -> Result<Vec<u8>, DocxError> {
    let mut parts: Vec<(String, Vec<u8>)> = vec![
        ("[Content_Types].xml".into(), xml.content_type),
        ("_rels/.rels".into(), xml.rels),
        ("docProps/app.xml".into(), xml.doc_props.app),
        ("docProps/core.xml".into(), xml.doc_props.core),
        ("docProps/custom.xml".into(), xml.doc_props.custom),
        ("word/_rels/document.xml.rels".into(), xml.document_rels),
        ("word/document.xml".into(), xml.document),
        ("word/styles.xml".into(), xml.styles),
        ("word/settings.xml".into(), xml.settings),
        ("word/fontTable.xml".into(), xml.font_table),
        ("word/comments.xml".into(), xml.comments),
        ("word/numbering.xml".into(), xml.numberings),
        ("word/commentsExtended.xml".into(), xml.comments_extended),
        ("word/footnotes.xml".into(), xml.footnotes),
    ];
    for (i, h) in xml.headers.into_iter().enumerate() {
        parts.push((format!("word/header{}.xml", i + 1), h));
        if let Some(rels) = xml.header_rels.get(i) {
            parts.push((format!("word/_rels/header{}.xml.rels", i + 1), rels.clone()));
        }
    }
    for (i, f) in xml.footers.into_iter().enumerate() {
        parts.push((format!("word/footer{}.xml", i + 1), f));
        if let Some(rels) = xml.footer_rels.get(i) {
            parts.push((format!("word/_rels/footer{}.xml.rels", i + 1), rels.clone()));
        }
    }

    // Fastest Deflate level: a third of the time of the default level for a few kB more.
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(1))
        .unix_permissions(0o644);
    let mut zip = ZipWriter::new(Cursor::new(Vec::with_capacity(64 * 1024)));
    for (name, bytes) in parts {
        let bytes = if name.starts_with("word/") && name.ends_with(".xml") {
            wordml(&name, &bytes)?
        } else {
            bytes
        };
        zip.start_file(name.as_str(), options)
            .map_err(|e| DocxError::Zip(e.to_string()))?;
        zip.write_all(&bytes)
            .map_err(|e| DocxError::Zip(e.to_string()))?;
    }
    let cursor = zip.finish().map_err(|e| DocxError::Zip(e.to_string()))?;
    Ok(cursor.into_inner())
}
