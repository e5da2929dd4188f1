//! The OPC package layer (gói .docx): content types, relationships and part names.

use super::error::ReadError;
use super::limits::{Limits, Package};
use super::xml::{self, Document, Element};

/// A relationship of a part (`*.rels`).
#[derive(Debug, Clone)]
pub(crate) struct Relationship {
    pub id: String,
    pub rel_type: String,
    /// Resolved part name (no leading '/'), or the raw target for external links.
    pub target: String,
    pub external: bool,
}

impl Relationship {
    /// Whether the type ends with `/<suffix>` (transitional and strict URIs differ in prefix).
    pub fn is(&self, suffix: &str) -> bool {
        self.rel_type.rsplit('/').next() == Some(suffix)
    }
}

/// Reads and parses one XML part, mapping failures to typed errors.
pub(crate) fn read_xml(
    pkg: &mut Package<'_>,
    name: &str,
    limits: &Limits,
) -> Result<Option<Document>, ReadError> {
    let Some(bytes) = pkg.read(name)? else {
        return Ok(None);
    };
    xml::parse(&bytes, limits.max_xml_depth)
        .map(Some)
        .map_err(|e| ReadError::Xml {
            part: name.to_string(),
            detail: e.0,
        })
}

/// The relationships part of `part` (e.g. "word/document.xml" → "word/_rels/document.xml.rels").
pub(crate) fn rels_name(part: &str) -> String {
    match part.rsplit_once('/') {
        Some((dir, file)) => format!("{dir}/_rels/{file}.rels"),
        None => format!("_rels/{part}.rels"),
    }
}

/// Reads the relationships of `part` ("" for the package itself); absent → empty.
pub(crate) fn relationships(
    pkg: &mut Package<'_>,
    part: &str,
    limits: &Limits,
) -> Result<Vec<Relationship>, ReadError> {
    let name = if part.is_empty() {
        "_rels/.rels".to_string()
    } else {
        rels_name(part)
    };
    let Some(doc) = read_xml(pkg, &name, limits)? else {
        return Ok(Vec::new());
    };
    let base = part.rsplit_once('/').map_or("", |(d, _)| d);
    Ok(parse_relationships(&doc.root, base))
}

fn parse_relationships(root: &Element, base: &str) -> Vec<Relationship> {
    root.elements()
        .filter(|e| e.local() == "Relationship")
        .filter_map(|e| {
            let id = e.attr_plain("Id")?.to_string();
            let rel_type = e.attr_plain("Type")?.to_string();
            let target = e.attr_plain("Target")?;
            let external = e.attr_plain("TargetMode") == Some("External");
            let target = if external {
                target.to_string()
            } else {
                resolve(base, target)
            };
            Some(Relationship {
                id,
                rel_type,
                target,
                external,
            })
        })
        .collect()
}

/// Resolves a relative target against a directory, normalising "." and "..".
pub(crate) fn resolve(base: &str, target: &str) -> String {
    let joined = if let Some(abs) = target.strip_prefix('/') {
        abs.to_string()
    } else if base.is_empty() {
        target.to_string()
    } else {
        format!("{base}/{target}")
    };
    let mut parts: Vec<&str> = Vec::new();
    for seg in joined.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_resolve_like_opc() {
        assert_eq!(resolve("word", "styles.xml"), "word/styles.xml");
        assert_eq!(
            resolve("word", "../customXml/item1.xml"),
            "customXml/item1.xml"
        );
        assert_eq!(resolve("", "word/document.xml"), "word/document.xml");
        assert_eq!(resolve("word", "/word/header1.xml"), "word/header1.xml");
        assert_eq!(
            rels_name("word/document.xml"),
            "word/_rels/document.xml.rels"
        );
    }
}
