//! Canonicalising pass over the XML parts docx-rs writes: reorders the children of property
//! elements into the ECMA-376 schema sequence (docx-rs writes some `w:rPr`, `w:pPr`,
//! `w:sectPr`, `w:tblPr` children out of order, which strict readers may drop), adds the
//! proofing language to the style defaults and the pieces of footnotes docx-rs lacks.
//!
//! The XML is parsed into a small tree with quick-xml; text, attributes and entity
//! references are kept byte for byte, only the order of element children changes.

use quick_xml::events::Event;
use quick_xml::Reader;

use super::props::FOOTNOTE_REF_MARK;
use super::styles::LANGUAGE;
use crate::ooxml_order::children_of;

/// A node of the tree: an element, or anything else kept as its serialised bytes.
enum Node {
    Elem(Elem),
    Raw(Vec<u8>),
}

struct Elem {
    /// Qualified name, e.g. `w:rPr`.
    name: Vec<u8>,
    /// The start tag's content between `<` and `>` (name and attributes, as written).
    start: Vec<u8>,
    children: Vec<Node>,
}

impl Elem {
    fn empty(start: &str) -> Self {
        let name = start.split(' ').next().unwrap_or(start).as_bytes().to_vec();
        Self {
            name,
            start: start.as_bytes().to_vec(),
            children: Vec::new(),
        }
    }

    fn has_child(&self, name: &[u8]) -> bool {
        self.children
            .iter()
            .any(|c| matches!(c, Node::Elem(e) if e.name == name))
    }
}

/// Why a part could not be canonicalised.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub(super) struct CanonError(String);

impl From<quick_xml::Error> for CanonError {
    fn from(e: quick_xml::Error) -> Self {
        Self(e.to_string())
    }
}

/// Removes what docx-rs writes but the schema does not allow: `w:rPr` inside the `w:pPr`
/// of a style, a numbering level or the paragraph defaults (CT_PPrGeneral has none), and
/// the `w:type` attribute of `w:gridCol`.
fn prune(nodes: &mut [Node]) {
    for node in nodes.iter_mut() {
        let Node::Elem(e) = node else { continue };
        if matches!(e.name.as_slice(), b"w:style" | b"w:lvl" | b"w:pPrDefault") {
            for child in e.children.iter_mut() {
                if let Node::Elem(ppr) = child {
                    if ppr.name == b"w:pPr" {
                        ppr.children
                            .retain(|c| !matches!(c, Node::Elem(r) if r.name == b"w:rPr"));
                    }
                }
            }
        }
        if e.name == b"w:gridCol" {
            e.start = drop_attribute(&e.start, b" w:type=\"");
        }
        prune(&mut e.children);
    }
}

/// The value of an attribute (given as ` name="`) in a start tag written with double quotes.
fn attribute<'a>(start: &'a [u8], prefix: &[u8]) -> Option<&'a [u8]> {
    let at = start.windows(prefix.len()).position(|w| w == prefix)? + prefix.len();
    let len = start[at..].iter().position(|b| *b == b'"')?;
    Some(&start[at..at + len])
}

/// Keeps only the last definition of each style id: docx-rs always writes a bare "Normal"
/// before the styles it is given, and the writer gives its own "Normal".
fn dedupe_styles(nodes: &mut [Node]) {
    for node in nodes.iter_mut() {
        let Node::Elem(e) = node else { continue };
        if e.name != b"w:styles" {
            dedupe_styles(&mut e.children);
            continue;
        }
        let id = |n: &Node| match n {
            Node::Elem(s) if s.name == b"w:style" => {
                attribute(&s.start, b" w:styleId=\"").map(<[u8]>::to_vec)
            }
            _ => None,
        };
        let ids: Vec<Option<Vec<u8>>> = e.children.iter().map(id).collect();
        let mut keep = vec![true; ids.len()];
        for (i, this) in ids.iter().enumerate() {
            if this.is_some() && ids[i + 1..].contains(this) {
                keep[i] = false;
            }
        }
        let mut k = keep.into_iter();
        e.children.retain(|_| k.next().unwrap_or(true));
    }
}

/// Removes one attribute (given as ` name="`) from a start tag written with double quotes.
fn drop_attribute(start: &[u8], prefix: &[u8]) -> Vec<u8> {
    let Some(at) = start.windows(prefix.len()).position(|w| w == prefix) else {
        return start.to_vec();
    };
    let value_start = at + prefix.len();
    let Some(len) = start[value_start..].iter().position(|b| *b == b'"') else {
        return start.to_vec();
    };
    let mut out = start[..at].to_vec();
    out.extend_from_slice(&start[value_start + len + 1..]);
    out
}

fn parse(xml: &[u8]) -> Result<Vec<Node>, CanonError> {
    let mut reader = Reader::from_reader(xml);
    reader.config_mut().trim_text(false);
    let mut stack: Vec<Elem> = Vec::new();
    let mut root: Vec<Node> = Vec::new();
    let mut buf = Vec::new();
    fn push(stack: &mut [Elem], root: &mut Vec<Node>, node: Node) {
        match stack.last_mut() {
            Some(parent) => parent.children.push(node),
            None => root.push(node),
        }
    }
    loop {
        let raw = |open: &[u8], body: &[u8], close: &[u8]| -> Node {
            let mut v = Vec::with_capacity(open.len() + body.len() + close.len());
            v.extend_from_slice(open);
            v.extend_from_slice(body);
            v.extend_from_slice(close);
            Node::Raw(v)
        };
        match reader.read_event_into(&mut buf)? {
            Event::Start(e) => stack.push(Elem {
                name: e.name().as_ref().to_vec(),
                start: AsRef::<[u8]>::as_ref(&*e).to_vec(),
                children: Vec::new(),
            }),
            Event::Empty(e) => {
                let el = Elem {
                    name: e.name().as_ref().to_vec(),
                    start: AsRef::<[u8]>::as_ref(&*e).to_vec(),
                    children: Vec::new(),
                };
                push(&mut stack, &mut root, Node::Elem(el));
            }
            Event::End(_) => {
                let el = stack
                    .pop()
                    .ok_or_else(|| CanonError("thẻ đóng thừa".into()))?;
                push(&mut stack, &mut root, Node::Elem(el));
            }
            Event::Text(t) => push(&mut stack, &mut root, raw(b"", t.as_ref(), b"")),
            Event::GeneralRef(r) => push(&mut stack, &mut root, raw(b"&", r.as_ref(), b";")),
            Event::CData(t) => push(&mut stack, &mut root, raw(b"<![CDATA[", t.as_ref(), b"]]>")),
            Event::Decl(d) => push(&mut stack, &mut root, raw(b"<?", d.as_ref(), b"?>")),
            Event::PI(p) => push(&mut stack, &mut root, raw(b"<?", p.as_ref(), b"?>")),
            Event::Comment(c) => push(&mut stack, &mut root, raw(b"<!--", c.as_ref(), b"-->")),
            Event::DocType(d) => push(&mut stack, &mut root, raw(b"<!DOCTYPE ", d.as_ref(), b">")),
            Event::Eof => break,
        }
        buf.clear();
    }
    if !stack.is_empty() {
        return Err(CanonError("thiếu thẻ đóng".into()));
    }
    Ok(root)
}

fn write(nodes: &[Node], out: &mut Vec<u8>) {
    for node in nodes {
        match node {
            Node::Raw(bytes) => out.extend_from_slice(bytes),
            Node::Elem(e) => {
                out.push(b'<');
                out.extend_from_slice(&e.start);
                if e.children.is_empty() {
                    out.extend_from_slice(b"/>");
                } else {
                    out.push(b'>');
                    write(&e.children, out);
                    out.extend_from_slice(b"</");
                    out.extend_from_slice(&e.name);
                    out.push(b'>');
                }
            }
        }
    }
}

/// Reorders children into their schema sequence (`crate::ooxml_order`), depth first;
/// `parent` is the element holding `nodes`, which chooses the sequence of a `w:rPr`.
fn reorder(nodes: &mut [Node], parent: Option<&str>) {
    for node in nodes.iter_mut() {
        if let Node::Elem(e) = node {
            // A name cut from UTF-8 XML at ASCII delimiters is UTF-8.
            let name = std::str::from_utf8(&e.name).unwrap_or_default();
            reorder(&mut e.children, Some(name));
            let only_elements = e.children.iter().all(|c| matches!(c, Node::Elem(_)));
            if let (Some(seq), true) = (children_of(name, parent), only_elements) {
                e.children.sort_by_cached_key(|c| match c {
                    Node::Elem(child) => {
                        seq.rank(std::str::from_utf8(&child.name).unwrap_or_default())
                    }
                    Node::Raw(_) => usize::MAX,
                });
            }
        }
    }
}

/// Adds `w:lang` (vi-VN) to the run property defaults and to every style's run properties.
fn add_language(nodes: &mut [Node], in_styles: bool) {
    let lang = format!(r#"w:lang w:val="{LANGUAGE}" w:eastAsia="{LANGUAGE}" w:bidi="ar-SA""#);
    for node in nodes.iter_mut() {
        let Node::Elem(e) = node else { continue };
        match e.name.as_slice() {
            b"w:rPrDefault" if !e.has_child(b"w:rPr") => {
                let mut rpr = Elem::empty("w:rPr");
                rpr.children.push(Node::Elem(Elem::empty(&lang)));
                e.children.push(Node::Elem(rpr));
            }
            b"w:style" if !e.has_child(b"w:rPr") => {
                e.children.push(Node::Elem(Elem::empty("w:rPr")));
            }
            b"w:rPr" if in_styles && !e.has_child(b"w:lang") => {
                e.children.push(Node::Elem(Elem::empty(&lang)));
            }
            _ => {}
        }
        let in_styles = in_styles || matches!(e.name.as_slice(), b"w:rPrDefault" | b"w:style");
        add_language(&mut e.children, in_styles);
    }
}

/// Turns the footnote-number marker run text into `<w:footnoteRef/>`.
fn footnote_refs(nodes: &mut [Node]) {
    let mut mark = [0u8; 4];
    let mark = FOOTNOTE_REF_MARK.encode_utf8(&mut mark).as_bytes();
    for node in nodes.iter_mut() {
        let Node::Elem(e) = node else { continue };
        if e.name == b"w:t" && matches!(e.children.as_slice(), [Node::Raw(t)] if t == mark) {
            *e = Elem::empty("w:footnoteRef");
        } else {
            footnote_refs(&mut e.children);
        }
    }
}

/// Adds the separator and continuation separator footnotes Word expects (ids -1 and 0).
fn footnote_separators(nodes: &mut [Node]) {
    for node in nodes.iter_mut() {
        let Node::Elem(e) = node else { continue };
        if e.name == b"w:footnotes" {
            let sep = |id: &str, kind: &str, mark: &str| {
                let mut f = Elem::empty(&format!(r#"w:footnote w:type="{kind}" w:id="{id}""#));
                let mut p = Elem::empty("w:p");
                let mut ppr = Elem::empty("w:pPr");
                ppr.children.push(Node::Elem(Elem::empty(
                    r#"w:spacing w:after="0" w:line="240" w:lineRule="auto""#,
                )));
                p.children.push(Node::Elem(ppr));
                let mut r = Elem::empty("w:r");
                r.children.push(Node::Elem(Elem::empty(mark)));
                p.children.push(Node::Elem(r));
                f.children.push(Node::Elem(p));
                Node::Elem(f)
            };
            e.children.insert(
                0,
                sep("0", "continuationSeparator", "w:continuationSeparator"),
            );
            e.children.insert(0, sep("-1", "separator", "w:separator"));
        }
    }
}

/// The row height (in twips, rule "auto") the writer gives a table's header row, since docx-rs
/// cannot write `w:tblHeader`; [`table_headers`] replaces it by `<w:tblHeader/>`.
pub(super) const HEADER_ROW_MARK: f32 = 1.0;

/// Turns the marker height of header rows into `w:tblHeader` (repeat the row on each page).
fn table_headers(nodes: &mut [Node]) {
    let mark = format!(r#"w:val="{HEADER_ROW_MARK}""#);
    for node in nodes.iter_mut() {
        let Node::Elem(e) = node else { continue };
        if e.name == b"w:trHeight" {
            let start = String::from_utf8_lossy(&e.start);
            if start.contains(&mark) && start.contains(r#"w:hRule="auto""#) {
                *e = Elem::empty("w:tblHeader");
            }
        } else {
            table_headers(&mut e.children);
        }
    }
}

/// Which part is being canonicalised (some fixes apply to one part only).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Part {
    /// `word/styles.xml`.
    Styles,
    /// `word/footnotes.xml`.
    Footnotes,
    /// Any other WordprocessingML part.
    Other,
}

/// Canonicalises one XML part.
pub(super) fn canonicalise(xml: &[u8], part: Part) -> Result<Vec<u8>, CanonError> {
    let mut nodes = parse(xml)?;
    match part {
        Part::Styles => {
            dedupe_styles(&mut nodes);
            add_language(&mut nodes, false);
        }
        Part::Footnotes => {
            footnote_refs(&mut nodes);
            footnote_separators(&mut nodes);
        }
        Part::Other => table_headers(&mut nodes),
    }
    prune(&mut nodes);
    reorder(&mut nodes, None);
    let mut out = Vec::with_capacity(xml.len() + 256);
    write(&nodes, &mut out);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canon(s: &str, part: Part) -> String {
        String::from_utf8(canonicalise(s.as_bytes(), part).unwrap()).unwrap()
    }

    #[test]
    fn run_properties_follow_the_schema_sequence() {
        let s = r#"<w:r><w:rPr><w:sz w:val="28"/><w:b/><w:rFonts w:ascii="Times New Roman"/><w:rStyle w:val="X"/></w:rPr><w:t xml:space="preserve">a &amp; b</w:t></w:r>"#;
        assert_eq!(
            canon(s, Part::Other),
            r#"<w:r><w:rPr><w:rStyle w:val="X"/><w:rFonts w:ascii="Times New Roman"/><w:b/><w:sz w:val="28"/></w:rPr><w:t xml:space="preserve">a &amp; b</w:t></w:r>"#
        );
    }

    #[test]
    fn run_properties_follow_ct_rpr_and_the_paragraph_mark_ct_para_rpr() {
        // A run's properties (CT_RPr) and the paragraph mark's (CT_ParaRPr, whose
        // track-change marks come first), each given in reverse order.
        let s = concat!(
            r#"<w:p><w:pPr><w:rPr><w:sz w:val="28"/><w:b/><w:ins w:id="1" w:author="A"/></w:rPr>"#,
            r#"<w:jc w:val="both"/></w:pPr><w:r><w:rPr><w:lang w:val="vi-VN"/><w:u w:val="single"/>"#,
            r#"<w:szCs w:val="28"/><w:sz w:val="28"/><w:i/><w:b/><w:rFonts w:ascii="Times New Roman"/>"#,
            r#"</w:rPr><w:t>x</w:t></w:r></w:p>"#,
        );
        assert_eq!(
            canon(s, Part::Other),
            concat!(
                r#"<w:p><w:pPr><w:jc w:val="both"/><w:rPr><w:ins w:id="1" w:author="A"/><w:b/>"#,
                r#"<w:sz w:val="28"/></w:rPr></w:pPr><w:r><w:rPr><w:rFonts w:ascii="Times New Roman"/>"#,
                r#"<w:b/><w:i/><w:sz w:val="28"/><w:szCs w:val="28"/><w:u w:val="single"/>"#,
                r#"<w:lang w:val="vi-VN"/></w:rPr><w:t>x</w:t></w:r></w:p>"#,
            )
        );
        // Style and default run properties are CT_RPr too.
        let s = r#"<w:styles><w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="vi-VN"/><w:sz w:val="28"/><w:rFonts/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>"#;
        assert!(canon(s, Part::Other)
            .contains(r#"<w:rPr><w:rFonts/><w:sz w:val="28"/><w:lang w:val="vi-VN"/></w:rPr>"#));
    }

    #[test]
    fn paragraph_and_section_properties_are_reordered() {
        let s = r#"<w:p><w:r/><w:pPr><w:rPr/><w:jc w:val="center"/><w:ind/><w:spacing/><w:pBdr><w:bottom/><w:top/></w:pBdr><w:keepNext/></w:pPr></w:p>"#;
        assert_eq!(
            canon(s, Part::Other),
            r#"<w:p><w:pPr><w:keepNext/><w:pBdr><w:top/><w:bottom/></w:pBdr><w:spacing/><w:ind/><w:jc w:val="center"/><w:rPr/></w:pPr><w:r/></w:p>"#
        );
        let s = r#"<w:sectPr><w:titlePg/><w:pgMar/><w:pgSz/><w:headerReference w:type="first"/><w:headerReference w:type="default"/></w:sectPr>"#;
        assert_eq!(
            canon(s, Part::Other),
            r#"<w:sectPr><w:headerReference w:type="first"/><w:headerReference w:type="default"/><w:pgSz/><w:pgMar/><w:titlePg/></w:sectPr>"#
        );
    }

    #[test]
    fn styles_get_the_vietnamese_proofing_language() {
        let s = r#"<w:styles><w:style w:styleId="Normal"><w:rPr><w:sz w:val="28"/></w:rPr><w:name w:val="Normal"/></w:style><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="28"/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>"#;
        let out = canon(s, Part::Styles);
        assert!(out.starts_with("<w:styles><w:docDefaults>"), "{out}");
        assert_eq!(out.matches(r#"<w:lang w:val="vi-VN""#).count(), 2, "{out}");
        assert!(out.contains(r#"<w:name w:val="Normal"/><w:rPr><w:sz w:val="28"/><w:lang"#));
    }

    #[test]
    fn disallowed_children_and_attributes_are_dropped() {
        let s = r#"<w:tblGrid><w:gridCol w:w="3686" w:type="dxa"/></w:tblGrid>"#;
        assert_eq!(
            canon(s, Part::Other),
            r#"<w:tblGrid><w:gridCol w:w="3686"/></w:tblGrid>"#
        );
        let s = r#"<w:lvl><w:pPr><w:rPr/><w:ind/></w:pPr></w:lvl>"#;
        assert_eq!(
            canon(s, Part::Other),
            r#"<w:lvl><w:pPr><w:ind/></w:pPr></w:lvl>"#
        );
    }

    #[test]
    fn the_last_definition_of_a_style_wins() {
        let s = r#"<w:styles><w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="A"/></w:style><w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="B"/></w:style></w:styles>"#;
        let out = canon(s, Part::Styles);
        assert_eq!(out.matches("w:styleId=").count(), 1, "{out}");
        assert!(out.contains(r#"<w:name w:val="B"/>"#));
    }

    #[test]
    fn footnotes_get_their_number_and_separators() {
        let s = "<w:footnotes><w:footnote w:id=\"1\"><w:p><w:r><w:t>\u{E000}</w:t></w:r></w:p></w:footnote></w:footnotes>";
        let out = canon(s, Part::Footnotes);
        assert!(out.contains("<w:r><w:footnoteRef/></w:r>"), "{out}");
        assert!(out.starts_with(r#"<w:footnotes><w:footnote w:type="separator" w:id="-1">"#));
        assert!(out.contains(r#"w:type="continuationSeparator" w:id="0""#));
    }
}
