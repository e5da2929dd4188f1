//! The patcher (sửa tệp .docx): applies mechanical edits to `word/document.xml` and writes a new
//! package. Every other part is copied byte for byte (compressed data included); property
//! children are inserted in ECMA-376 schema order so strict readers keep them.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use crate::layout::{HalfPoints, Twips};
use crate::ooxml_order::{
    Sequence, PARAGRAPH, PARAGRAPH_MARK_RUN_PROPERTIES, PARAGRAPH_PROPERTIES, RUN, RUN_PROPERTIES,
    SECTION_PROPERTIES,
};

use super::error::PatchError;
use super::limits::{Limits, Package};
use super::model::Alignment;
use super::patch_text::replace_text;
use super::walk::{self, FieldStack, Inline};
use super::xml::{self, Element, Node};

/// Which body paragraphs an edit applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// One paragraph by `Paragraph::index`.
    Paragraph(usize),
    /// Every body paragraph.
    All,
}

/// One mechanical edit (một sửa đổi tự động).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocxEdit {
    /// Replaces every occurrence of `find` in the paragraph's visible text (`Paragraph::text()`),
    /// even when it spans runs: the replacement takes the formatting of the run where the match
    /// starts. Fails with `TextNotFound` when there is no occurrence.
    ReplaceText {
        /// `Paragraph::index`.
        paragraph: usize,
        /// Text to find (non-empty).
        find: String,
        /// Replacement.
        replace: String,
    },
    /// Sets direct run formatting on every run of the target (and on its paragraph marks).
    SetRunProps {
        /// Which paragraphs.
        target: Target,
        /// Font for all script slots (theme font references are removed).
        font: Option<String>,
        /// Size (`w:sz` and `w:szCs`).
        size: Option<HalfPoints>,
        /// Bold on/off.
        bold: Option<bool>,
        /// Italic on/off.
        italic: Option<bool>,
        /// Single underline on, or off.
        underline: Option<bool>,
    },
    /// Sets direct paragraph properties.
    SetParagraphProps {
        /// Which paragraphs.
        target: Target,
        /// `w:keepNext`.
        keep_next: Option<bool>,
        /// `w:keepLines`.
        keep_lines: Option<bool>,
        /// `w:pageBreakBefore`.
        page_break_before: Option<bool>,
        /// `w:jc`.
        alignment: Option<Alignment>,
    },
    /// Sets page margins of one section (`Some(i)`) or all (`None`).
    SetMargins {
        /// Section index, or all.
        section: Option<usize>,
        /// Lề trên.
        top: Option<Twips>,
        /// Lề dưới.
        bottom: Option<Twips>,
        /// Lề trái.
        left: Option<Twips>,
        /// Lề phải.
        right: Option<Twips>,
    },
    /// Sets the paper size of one section or all (e.g. A4: 11906 × 16838).
    SetPageSize {
        /// Section index, or all.
        section: Option<usize>,
        /// Width.
        width: Twips,
        /// Height.
        height: Twips,
    },
    /// Turns the different-first-page setting (`w:titlePg`) on or off.
    SetTitlePage {
        /// Section index, or all.
        section: Option<usize>,
        /// On or off.
        value: bool,
    },
}

/// Applies `edits` in order to a .docx and returns the new file. Refuses signed or protected
/// documents. Only `word/document.xml` (the main part) is rewritten.
pub fn apply_edits(bytes: &[u8], edits: &[DocxEdit]) -> Result<Vec<u8>, PatchError> {
    let (out, applied) = apply_edit_groups(bytes, &[edits], true)?;
    debug_assert_eq!(applied, [true]);
    Ok(out)
}

/// Applies groups of edits in order, each group whole or not at all, reading and writing the
/// file once (a fix of a long file may come with a hundred others: reading it again for each
/// took a minute). With `strict`, a group whose text is not found fails as [`apply_edits`]
/// does; otherwise that group is left out (an earlier group changed its text) and the others
/// are applied. Returns the new file and, per group, whether it was applied.
pub fn apply_edit_groups(
    bytes: &[u8],
    groups: &[&[DocxEdit]],
    strict: bool,
) -> Result<(Vec<u8>, Vec<bool>), PatchError> {
    let limits = Limits::default();
    let info = super::read_docx(bytes, &limits)?;
    if info.signed {
        return Err(PatchError::Signed);
    }
    if info.protected {
        return Err(PatchError::Protected);
    }
    let mut pkg = Package::open(bytes, &limits)?;
    let main = super::main_part(&mut pkg, &limits)?;
    let mut doc = super::package::read_xml(&mut pkg, &main, &limits)?
        .ok_or_else(|| super::ReadError::NotDocx { part: main.clone() })?;

    let mut applied = Vec::with_capacity(groups.len());
    {
        let root = &mut doc.root;
        let body_pos = root
            .children
            .iter()
            .position(|n| matches!(n, Node::Element(e) if e.is_w("body")))
            .ok_or_else(|| PatchError::InvalidEdit("văn bản không có phần thân (w:body)".into()))?;
        let Node::Element(body) = &mut root.children[body_pos] else {
            return Err(PatchError::InvalidEdit("w:body".into()));
        };
        for edits in groups {
            // Only a text replacement can miss; the body is kept to undo its group.
            let undo = (!strict
                && edits
                    .iter()
                    .any(|e| matches!(e, DocxEdit::ReplaceText { .. })))
            .then(|| body.clone());
            let done = edits.iter().try_for_each(|edit| apply_one(body, edit));
            match (done, undo) {
                (Ok(()), _) => applied.push(true),
                (Err(PatchError::TextNotFound { .. }), Some(before)) => {
                    *body = before;
                    applied.push(false);
                }
                (Err(e), _) => return Err(e),
            }
        }
    }

    let new_main = xml::write(&doc);
    Ok((rezip(bytes, &main, &new_main)?, applied))
}

fn apply_one(body: &mut Element, edit: &DocxEdit) -> Result<(), PatchError> {
    let paths = walk::paragraph_paths(body);
    let pick = |target: Target| -> Result<Vec<Vec<usize>>, PatchError> {
        match target {
            Target::All => Ok(paths.clone()),
            Target::Paragraph(i) => {
                paths
                    .get(i)
                    .cloned()
                    .map(|p| vec![p])
                    .ok_or(PatchError::NoSuchParagraph {
                        index: i,
                        count: paths.len(),
                    })
            }
        }
    };
    match edit {
        DocxEdit::ReplaceText {
            paragraph,
            find,
            replace,
        } => {
            if find.is_empty() {
                return Err(PatchError::InvalidEdit("chuỗi cần tìm rỗng".into()));
            }
            let path = pick(Target::Paragraph(*paragraph))?.remove(0);
            let p = walk::at_path_mut(body, &path).ok_or(PatchError::NoSuchParagraph {
                index: *paragraph,
                count: paths.len(),
            })?;
            if !replace_text(p, find, replace)? {
                return Err(PatchError::TextNotFound {
                    paragraph: *paragraph,
                    find: find.clone(),
                });
            }
        }
        DocxEdit::SetRunProps {
            target,
            font,
            size,
            bold,
            italic,
            underline,
        } => {
            for path in pick(*target)? {
                let Some(p) = walk::at_path_mut(body, &path) else {
                    continue;
                };
                let mut run_paths = Vec::new();
                {
                    let mut items = Vec::new();
                    walk::inline(p, &mut FieldStack::default(), true, &mut items);
                    for it in items {
                        if let Inline::Run { path, .. } = it {
                            run_paths.push(path);
                        }
                    }
                }
                let set = |rpr: &mut Element, order: Sequence| {
                    set_rpr(
                        rpr,
                        order,
                        font.as_deref(),
                        *size,
                        *bold,
                        *italic,
                        *underline,
                    );
                };
                for rp in run_paths {
                    if let Some(r) = walk::at_path_mut(p, &rp) {
                        set(ensure_child(r, "rPr", RUN), RUN_PROPERTIES);
                    }
                }
                let ppr = ensure_child(p, "pPr", PARAGRAPH);
                set(
                    ensure_child(ppr, "rPr", PARAGRAPH_PROPERTIES),
                    PARAGRAPH_MARK_RUN_PROPERTIES,
                );
            }
        }
        DocxEdit::SetParagraphProps {
            target,
            keep_next,
            keep_lines,
            page_break_before,
            alignment,
        } => {
            for path in pick(*target)? {
                let Some(p) = walk::at_path_mut(body, &path) else {
                    continue;
                };
                let ppr = ensure_child(p, "pPr", PARAGRAPH);
                for (name, v) in [
                    ("keepNext", keep_next),
                    ("keepLines", keep_lines),
                    ("pageBreakBefore", page_break_before),
                ] {
                    if let Some(v) = v {
                        set_on_off(ppr, name, *v, PARAGRAPH_PROPERTIES);
                    }
                }
                if let Some(a) = alignment {
                    let v = match a {
                        Alignment::Left => "left",
                        Alignment::Center => "center",
                        Alignment::Right => "right",
                        Alignment::Justify => "both",
                        Alignment::Distribute => "distribute",
                    };
                    ensure_child(ppr, "jc", PARAGRAPH_PROPERTIES).set_attr_w("val", v);
                }
            }
        }
        DocxEdit::SetMargins {
            section,
            top,
            bottom,
            left,
            right,
        } => {
            for s in sections(body, *section)? {
                let m = ensure_child(s, "pgMar", SECTION_PROPERTIES);
                for (name, v) in [
                    ("top", top),
                    ("bottom", bottom),
                    ("left", left),
                    ("right", right),
                ] {
                    if let Some(v) = v {
                        m.set_attr_w(name, &v.0.to_string());
                    }
                }
                // All seven attributes are required by the schema.
                for (name, default) in [
                    ("top", "1440"),
                    ("right", "1440"),
                    ("bottom", "1440"),
                    ("left", "1440"),
                    ("header", "720"),
                    ("footer", "720"),
                    ("gutter", "0"),
                ] {
                    if m.attr_w(name).is_none() {
                        m.set_attr_w(name, default);
                    }
                }
            }
        }
        DocxEdit::SetPageSize {
            section,
            width,
            height,
        } => {
            for (i, s) in sections(body, *section)?.into_iter().enumerate() {
                let sz = ensure_child(s, "pgSz", SECTION_PROPERTIES);
                // Setting the paper of the whole file keeps a later section set across the
                // page (trang ngang: a Phụ lục of wide tables; `w:orient` or a width above
                // the height) on the same paper turned; the first section, where the rule
                // reads the paper, is set as asked.
                let across = |name| sz.attr_w(name).and_then(|v| v.parse::<i32>().ok());
                let was_across = sz.attr_w("orient") == Some("landscape")
                    || matches!((across("w"), across("h")), (Some(w), Some(h)) if w > h);
                let turned = section.is_none() && i > 0 && was_across && width < height;
                let (width, height) = if turned {
                    (height, width)
                } else {
                    (width, height)
                };
                sz.set_attr_w("w", &width.0.to_string());
                sz.set_attr_w("h", &height.0.to_string());
                if width < height {
                    sz.remove_attr_w("orient");
                } else {
                    sz.set_attr_w("orient", "landscape");
                }
            }
        }
        DocxEdit::SetTitlePage { section, value } => {
            for s in sections(body, *section)? {
                if *value {
                    let t = ensure_child(s, "titlePg", SECTION_PROPERTIES);
                    t.remove_attr_w("val");
                } else {
                    s.children
                        .retain(|n| !matches!(n, Node::Element(e) if e.is_w("titlePg")));
                }
            }
        }
    }
    Ok(())
}

/// The `w:sectPr` elements an edit applies to; a body without one gets one.
fn sections(body: &mut Element, which: Option<usize>) -> Result<Vec<&mut Element>, PatchError> {
    let mut paths = walk::section_paths(body);
    if paths.is_empty() {
        body.children.push(Node::Element(Element::new_w("sectPr")));
        paths = vec![vec![body.children.len() - 1]];
    }
    let count = paths.len();
    let chosen: Vec<Vec<usize>> = match which {
        None => paths,
        Some(i) => vec![paths
            .get(i)
            .cloned()
            .ok_or(PatchError::NoSuchSection { index: i, count })?],
    };
    // Section elements never nest, so their paths are disjoint.
    Ok(split_paths_mut(body, chosen))
}

/// Mutable references to several disjoint descendants by path.
fn split_paths_mut(root: &mut Element, mut paths: Vec<Vec<usize>>) -> Vec<&mut Element> {
    paths.sort();
    paths.dedup();
    fn go<'a>(
        e: &'a mut Element,
        depth: usize,
        paths: &[Vec<usize>],
        out: &mut Vec<&'a mut Element>,
    ) {
        if paths.iter().any(|p| p.len() == depth) {
            out.push(e);
            return;
        }
        for (i, n) in e.children.iter_mut().enumerate() {
            let sub: Vec<Vec<usize>> = paths
                .iter()
                .filter(|p| p.len() > depth && p[depth] == i)
                .cloned()
                .collect();
            if sub.is_empty() {
                continue;
            }
            if let Node::Element(c) = n {
                go(c, depth + 1, &sub, out);
            }
        }
    }
    let mut out = Vec::new();
    go(root, 0, &paths, &mut out);
    out
}

fn set_rpr(
    rpr: &mut Element,
    order: Sequence,
    font: Option<&str>,
    size: Option<HalfPoints>,
    bold: Option<bool>,
    italic: Option<bool>,
    underline: Option<bool>,
) {
    if let Some(f) = font {
        let fonts = ensure_child(rpr, "rFonts", order);
        for a in ["asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"] {
            fonts.remove_attr_w(a);
        }
        for a in ["ascii", "hAnsi", "eastAsia", "cs"] {
            fonts.set_attr_w(a, f);
        }
    }
    if let Some(sz) = size {
        ensure_child(rpr, "sz", order).set_attr_w("val", &sz.0.to_string());
        ensure_child(rpr, "szCs", order).set_attr_w("val", &sz.0.to_string());
    }
    if let Some(b) = bold {
        set_on_off(rpr, "b", b, order);
    }
    if let Some(i) = italic {
        set_on_off(rpr, "i", i, order);
    }
    if let Some(u) = underline {
        ensure_child(rpr, "u", order).set_attr_w("val", if u { "single" } else { "none" });
    }
}

/// An on/off property set absolutely: `<w:b/>` or `<w:b w:val="0"/>` (a plain removal would let
/// the style's value show through).
fn set_on_off(parent: &mut Element, name: &str, on: bool, order: Sequence) {
    let e = ensure_child(parent, name, order);
    if on {
        e.remove_attr_w("val");
    } else {
        e.set_attr_w("val", "0");
    }
}

/// The child `w:<local>`, inserted at its schema position (`order`, the parent's sequence)
/// when absent.
fn ensure_child<'a>(parent: &'a mut Element, local: &str, order: Sequence) -> &'a mut Element {
    let pos = parent
        .children
        .iter()
        .position(|n| matches!(n, Node::Element(e) if e.is_w(local)));
    if pos.is_none() {
        let mine = order.rank_w(local);
        // Children from other namespaces (Word 2010's `w14:ligatures`, `w14:textOutline`,
        // an `mc:AlternateContent`) are extensions written after the schema's own children,
        // so a new WordprocessingML child goes before them.
        let at = parent
            .children
            .iter()
            .position(|n| {
                matches!(n, Node::Element(e)
                    if e.ns != xml::Ns::W || order.rank_w(e.local()) > mine)
            })
            .unwrap_or(parent.children.len());
        parent
            .children
            .insert(at, Node::Element(Element::new_w(local)));
    }
    parent
        .elements_mut()
        .find(|e| e.is_w(local))
        .expect("the child was found or just inserted")
}

/// Writes a new package: the main part replaced (Deflate), every other entry copied raw.
fn rezip(original: &[u8], main: &str, new_main: &[u8]) -> Result<Vec<u8>, PatchError> {
    replace_part(original, main, new_main).map_err(PatchError::Write)
}

/// A new package with the part `name` replaced by `bytes` (Deflate) and every other entry
/// copied raw, compressed data included, so it stays byte-identical. The error is the zip
/// library's, as text. Shared by the patcher and by [`crate::copy`].
pub(crate) fn replace_part(original: &[u8], name: &str, bytes: &[u8]) -> Result<Vec<u8>, String> {
    let werr = |e: &dyn std::fmt::Display| e.to_string();
    let mut archive = ZipArchive::new(Cursor::new(original)).map_err(|e| werr(&e))?;
    let mut out = ZipWriter::new(Cursor::new(Vec::with_capacity(original.len() + 8192)));
    let opts = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for i in 0..archive.len() {
        let file = archive.by_index_raw(i).map_err(|e| werr(&e))?;
        if file.name().eq_ignore_ascii_case(name) {
            let entry = file.name().to_string();
            drop(file);
            out.start_file(entry, opts).map_err(|e| werr(&e))?;
            out.write_all(bytes).map_err(|e| werr(&e))?;
        } else {
            out.raw_copy_file(file).map_err(|e| werr(&e))?;
        }
    }
    let cursor = out.finish().map_err(|e| werr(&e))?;
    Ok(cursor.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_properties(xml_text: &str) -> Element {
        let doc = xml::parse(xml_text.as_bytes(), 64).expect("test XML parses");
        doc.root
    }

    fn names(e: &Element) -> Vec<String> {
        e.elements().map(|c| c.name.to_string()).collect()
    }

    #[test]
    fn new_children_go_before_extensions_of_other_namespaces() {
        let mut rpr = run_properties(
            r#"<w:rPr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
                      xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml">
                 <w:rFonts w:ascii="Arial"/><w14:ligatures w14:val="standardContextual"/>
               </w:rPr>"#,
        );
        ensure_child(&mut rpr, "sz", RUN_PROPERTIES);
        ensure_child(&mut rpr, "b", RUN_PROPERTIES);
        assert_eq!(names(&rpr), ["w:rFonts", "w:b", "w:sz", "w14:ligatures"]);
    }
}
