//! A small, bounded XML tree for WordprocessingML parts (cây XML): parsed with quick-xml,
//! no DTD and no entities beyond the five predefined ones and character references (an entity
//! bomb is an error, never an expansion), a nesting limit, and a writer that puts the tree
//! back as XML for the patcher.

use quick_xml::events::Event;
use quick_xml::Reader;

/// Namespaces the reader cares about, resolved from the prefixes in scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ns {
    /// WordprocessingML main (transitional or strict).
    W,
    /// Office relationships (r:id).
    R,
    /// Markup compatibility (mc:AlternateContent).
    Mc,
    /// Anything else, or no namespace.
    Other,
}

fn ns_of_uri(uri: &str) -> Ns {
    match uri {
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
        | "http://purl.oclc.org/ooxml/wordprocessingml/main" => Ns::W,
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        | "http://purl.oclc.org/ooxml/officeDocument/relationships" => Ns::R,
        "http://schemas.openxmlformats.org/markup-compatibility/2006" => Ns::Mc,
        _ => Ns::Other,
    }
}

/// An attribute: qualified name as written, resolved namespace, unescaped value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Attr {
    pub name: Name,
    pub ns: Ns,
    pub value: String,
    /// Where the local name starts in `name` (after "prefix:").
    local_at: usize,
}

impl Attr {
    /// An attribute with a qualified name.
    pub fn new(name: &str, ns: Ns, value: String) -> Self {
        Self {
            local_at: local_at(name),
            name: intern(name),
            ns,
            value,
        }
    }

    /// The name without its prefix.
    pub fn local(&self) -> &str {
        &self.name[self.local_at..]
    }
}

/// An element with its children.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Element {
    pub name: Name,
    pub ns: Ns,
    pub attrs: Vec<Attr>,
    pub children: Vec<Node>,
    /// Where the local name starts in `name` (after "prefix:").
    local_at: usize,
}

/// A child of an element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Node {
    Element(Element),
    /// Character data, unescaped.
    Text(String),
    /// Markup kept as written: declaration, comment, processing instruction, CDATA section.
    Raw(String),
}

/// A qualified name: common WordprocessingML names are shared statics, others owned, so a
/// 50-page body does not allocate a string for every `w:r` and `w:val`.
pub(crate) type Name = std::borrow::Cow<'static, str>;

/// Names seen on nearly every element, sorted for binary search.
const COMMON: &[&str] = &[
    "w14:paraId",
    "w14:textId",
    "w:after",
    "w:ascii",
    "w:asciiTheme",
    "w:b",
    "w:bCs",
    "w:before",
    "w:bidi",
    "w:br",
    "w:color",
    "w:cs",
    "w:cstheme",
    "w:eastAsia",
    "w:eastAsiaTheme",
    "w:firstLine",
    "w:fldChar",
    "w:fldCharType",
    "w:gridCol",
    "w:hAnsi",
    "w:hAnsiTheme",
    "w:hanging",
    "w:hint",
    "w:i",
    "w:iCs",
    "w:ind",
    "w:instrText",
    "w:jc",
    "w:keepLines",
    "w:keepNext",
    "w:lang",
    "w:left",
    "w:line",
    "w:lineRule",
    "w:noProof",
    "w:p",
    "w:pPr",
    "w:pStyle",
    "w:r",
    "w:rFonts",
    "w:rPr",
    "w:rStyle",
    "w:right",
    "w:rsidP",
    "w:rsidR",
    "w:rsidRDefault",
    "w:rsidRPr",
    "w:spacing",
    "w:sz",
    "w:szCs",
    "w:t",
    "w:tab",
    "w:tc",
    "w:tcPr",
    "w:tcW",
    "w:tr",
    "w:type",
    "w:u",
    "w:val",
    "w:w",
    "xml:space",
];

fn intern(name: &str) -> Name {
    match COMMON.binary_search(&name) {
        Ok(i) => std::borrow::Cow::Borrowed(COMMON[i]),
        Err(_) => std::borrow::Cow::Owned(name.to_string()),
    }
}

fn local_at(name: &str) -> usize {
    name.find(':').map_or(0, |i| i + 1)
}

impl Element {
    /// A new WordprocessingML element `w:<local>`.
    pub fn new_w(local: &str) -> Self {
        Self {
            name: intern(&format!("w:{local}")),
            ns: Ns::W,
            attrs: Vec::new(),
            children: Vec::new(),
            local_at: 2,
        }
    }

    /// The name without its prefix.
    pub fn local(&self) -> &str {
        &self.name[self.local_at..]
    }

    /// Whether this is `w:<local>`.
    pub fn is_w(&self, local: &str) -> bool {
        self.ns == Ns::W && self.local() == local
    }

    /// Child elements.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            _ => None,
        })
    }

    /// Mutable child elements.
    pub fn elements_mut(&mut self) -> impl Iterator<Item = &mut Element> {
        self.children.iter_mut().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            _ => None,
        })
    }

    /// The first child `w:<local>`.
    pub fn child_w(&self, local: &str) -> Option<&Element> {
        self.elements().find(|e| e.is_w(local))
    }

    /// Value of the attribute `w:<local>` (also accepted without a prefix, as some writers do).
    pub fn attr_w(&self, local: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|a| (a.ns == Ns::W || !a.name.contains(':')) && a.local() == local)
            .map(|a| a.value.as_str())
    }

    /// Value of the attribute `r:<local>`.
    pub fn attr_r(&self, local: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|a| a.ns == Ns::R && a.local() == local)
            .map(|a| a.value.as_str())
    }

    /// Value of an attribute with no namespace (e.g. `Id`, `Type` in relationship parts).
    pub fn attr_plain(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|a| a.name == name)
            .map(|a| a.value.as_str())
    }

    /// Sets `w:<local>`, replacing an existing value.
    pub fn set_attr_w(&mut self, local: &str, value: &str) {
        if let Some(a) = self
            .attrs
            .iter_mut()
            .find(|a| (a.ns == Ns::W || !a.name.contains(':')) && a.local() == local)
        {
            a.value = value.to_string();
        } else {
            self.attrs
                .push(Attr::new(&format!("w:{local}"), Ns::W, value.to_string()));
        }
    }

    /// Removes `w:<local>` if present.
    pub fn remove_attr_w(&mut self, local: &str) {
        self.attrs
            .retain(|a| !((a.ns == Ns::W || !a.name.contains(':')) && a.local() == local));
    }

    /// An on/off property (`w:b`, `w:keepNext`, ...) as written: absent → `None`, present →
    /// its `w:val` ("0", "false", "off" are false; anything else, or no value, is true).
    pub fn on_off(&self) -> bool {
        !matches!(self.attr_w("val"), Some("0" | "false" | "off" | "none"))
    }

    /// Text of all `Node::Text` children (not descendants).
    pub fn own_text(&self) -> String {
        let mut s = String::new();
        for n in &self.children {
            if let Node::Text(t) = n {
                s.push_str(t);
            }
        }
        s
    }
}

/// A parsed part: the nodes before the root (declaration, comments) and the root element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Document {
    pub prolog: Vec<Node>,
    pub root: Element,
}

/// Why a part is not acceptable XML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct XmlError(pub String);

/// Parses a part. Rejects DTDs, unknown entities, nesting deeper than `max_depth`, UTF-16 is
/// decoded when it carries a byte order mark.
pub(crate) fn parse(bytes: &[u8], max_depth: usize) -> Result<Document, XmlError> {
    let text: std::borrow::Cow<'_, str> =
        if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
            std::str::from_utf8(rest)
                .map_err(|e| XmlError(format!("không phải UTF-8 ({e})")))?
                .into()
        } else if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
            let le = bytes[0] == 0xFF;
            let units: Vec<u16> = bytes[2..]
                .chunks_exact(2)
                .map(|c| {
                    if le {
                        u16::from_le_bytes([c[0], c[1]])
                    } else {
                        u16::from_be_bytes([c[0], c[1]])
                    }
                })
                .collect();
            String::from_utf16(&units)
                .map_err(|_| XmlError("UTF-16 không hợp lệ".into()))?
                .into()
        } else {
            std::str::from_utf8(bytes)
                .map_err(|e| XmlError(format!("không phải UTF-8 ({e})")))?
                .into()
        };
    parse_str(&text, max_depth)
}

fn parse_str(text: &str, max_depth: usize) -> Result<Document, XmlError> {
    let mut reader = Reader::from_str(text);
    {
        let cfg = reader.config_mut();
        cfg.trim_text(false);
        cfg.check_end_names = true;
        cfg.expand_empty_elements = false;
    }
    // Prefix scopes: (prefix, namespace), and how many each open element pushed.
    let mut scopes: Vec<(String, Ns)> = Vec::new();
    let mut pushed: Vec<usize> = Vec::new();
    let mut stack: Vec<Element> = Vec::new();
    let mut prolog = Vec::new();
    let mut root: Option<Element> = None;

    loop {
        let pos = reader.buffer_position();
        let ev = reader
            .read_event()
            .map_err(|e| XmlError(format!("lỗi cú pháp gần byte {pos}: {e}")))?;
        match ev {
            Event::Start(_) | Event::Empty(_) if root.is_some() && stack.is_empty() => {
                return Err(XmlError("có nhiều hơn một phần tử gốc".into()));
            }
            Event::Start(e) => {
                if stack.len() >= max_depth {
                    return Err(XmlError(format!(
                        "lồng phần tử quá sâu (> {max_depth} cấp)"
                    )));
                }
                let (el, n) = start_element(&e, &mut scopes)?;
                pushed.push(n);
                stack.push(el);
            }
            Event::Empty(e) => {
                if stack.len() >= max_depth {
                    return Err(XmlError(format!(
                        "lồng phần tử quá sâu (> {max_depth} cấp)"
                    )));
                }
                let (el, n) = start_element(&e, &mut scopes)?;
                scopes.truncate(scopes.len() - n);
                match stack.last_mut() {
                    Some(parent) => parent.children.push(Node::Element(el)),
                    None => root = Some(el),
                }
            }
            Event::End(_) => {
                let el = stack
                    .pop()
                    .ok_or_else(|| XmlError("thẻ đóng thừa".into()))?;
                let n = pushed.pop().unwrap_or(0);
                scopes.truncate(scopes.len().saturating_sub(n));
                match stack.last_mut() {
                    Some(parent) => parent.children.push(Node::Element(el)),
                    None => root = Some(el),
                }
            }
            Event::Text(t) => {
                let s = t
                    .xml10_content()
                    .map_err(|e| XmlError(format!("văn bản không hợp lệ: {e}")))?;
                push_text(&mut stack, &s);
            }
            Event::GeneralRef(r) => {
                let name = r
                    .decode()
                    .map_err(|e| XmlError(format!("tham chiếu không hợp lệ: {e}")))?;
                let resolved: String = if r.is_char_ref() {
                    match r.resolve_char_ref() {
                        Ok(Some(c)) => c.to_string(),
                        _ => {
                            return Err(XmlError(format!("tham chiếu ký tự không hợp lệ &{name};")))
                        }
                    }
                } else if let Some(s) = quick_xml::escape::resolve_predefined_entity(&name) {
                    s.to_string()
                } else {
                    return Err(XmlError(format!(
                        "thực thể &{name}; không được hỗ trợ (tệp có thể là bom thực thể XML)"
                    )));
                };
                push_text(&mut stack, &resolved);
            }
            Event::CData(c) => {
                let raw = std::str::from_utf8(&c).unwrap_or("").to_string();
                if stack.is_empty() {
                    return Err(XmlError("CDATA ngoài phần tử gốc".into()));
                }
                push_raw(&mut stack, &mut prolog, format!("<![CDATA[{raw}]]>"));
            }
            Event::Comment(c) => {
                let raw = std::str::from_utf8(&c).unwrap_or("").to_string();
                if root.is_none() {
                    push_raw(&mut stack, &mut prolog, format!("<!--{raw}-->"));
                }
            }
            Event::Decl(d) => {
                let raw = std::str::from_utf8(&d).unwrap_or("").to_string();
                prolog.push(Node::Raw(format!("<?{raw}?>")));
            }
            Event::PI(p) => {
                let raw = std::str::from_utf8(&p).unwrap_or("").to_string();
                if root.is_none() {
                    push_raw(&mut stack, &mut prolog, format!("<?{raw}?>"));
                }
            }
            Event::DocType(_) => {
                return Err(XmlError(
                    "có khai báo DOCTYPE/DTD (không được phép trong .docx; có thể là bom thực thể XML)"
                        .into(),
                ));
            }
            Event::Eof => break,
        }
    }
    if !stack.is_empty() {
        return Err(XmlError(
            "tệp XML kết thúc giữa chừng (thiếu thẻ đóng)".into(),
        ));
    }
    let root = root.ok_or_else(|| XmlError("không có phần tử gốc".into()))?;
    Ok(Document { prolog, root })
}

fn push_text(stack: &mut [Element], s: &str) {
    let Some(parent) = stack.last_mut() else {
        return; // whitespace between the prolog and the root
    };
    if let Some(Node::Text(prev)) = parent.children.last_mut() {
        prev.push_str(s);
    } else {
        parent.children.push(Node::Text(s.to_string()));
    }
}

fn push_raw(stack: &mut [Element], prolog: &mut Vec<Node>, raw: String) {
    match stack.last_mut() {
        Some(parent) => parent.children.push(Node::Raw(raw)),
        None => prolog.push(Node::Raw(raw)),
    }
}

fn start_element(
    e: &quick_xml::events::BytesStart<'_>,
    scopes: &mut Vec<(String, Ns)>,
) -> Result<(Element, usize), XmlError> {
    let name = std::str::from_utf8(e.name().as_ref())
        .map_err(|_| XmlError("tên phần tử không phải UTF-8".into()))?
        .to_string();
    let mut raw_attrs = Vec::new();
    let mut n = 0;
    for a in e.attributes() {
        let a =
            a.map_err(|err| XmlError(format!("thuộc tính không hợp lệ trong <{name}>: {err}")))?;
        let key = std::str::from_utf8(a.key.as_ref())
            .map_err(|_| XmlError("tên thuộc tính không phải UTF-8".into()))?
            .to_string();
        let raw = std::str::from_utf8(&a.value)
            .map_err(|_| XmlError("giá trị thuộc tính không phải UTF-8".into()))?;
        let value = quick_xml::escape::unescape(raw)
            .map_err(|err| {
                XmlError(format!(
                    "giá trị thuộc tính {key} không hợp lệ ({err}; có thể là bom thực thể XML)"
                ))
            })?
            .into_owned();
        if key == "xmlns" {
            scopes.push((String::new(), ns_of_uri(&value)));
            n += 1;
        } else if let Some(p) = key.strip_prefix("xmlns:") {
            scopes.push((p.to_string(), ns_of_uri(&value)));
            n += 1;
        }
        raw_attrs.push((key, value));
    }
    let lookup = |prefix: &str| -> Ns {
        scopes
            .iter()
            .rev()
            .find(|(p, _)| p == prefix)
            .map_or(Ns::Other, |(_, ns)| *ns)
    };
    let el_ns = match name.split_once(':') {
        Some((p, _)) => lookup(p),
        None => lookup(""),
    };
    let attrs = raw_attrs
        .into_iter()
        .map(|(name, value)| {
            let ns = match name.split_once(':') {
                Some(("xmlns", _)) => Ns::Other,
                Some((p, _)) => lookup(p),
                None => Ns::Other,
            };
            Attr::new(&name, ns, value)
        })
        .collect();
    Ok((
        Element {
            local_at: local_at(&name),
            name: intern(&name),
            ns: el_ns,
            attrs,
            children: Vec::new(),
        },
        n,
    ))
}

/// Writes a document back to XML text (UTF-8).
pub(crate) fn write(doc: &Document) -> Vec<u8> {
    let mut out = String::with_capacity(64 * 1024);
    for n in &doc.prolog {
        if let Node::Raw(r) = n {
            out.push_str(r);
        }
    }
    if !doc.prolog.is_empty() {
        out.push_str("\r\n");
    }
    write_element(&doc.root, &mut out);
    out.into_bytes()
}

fn write_element(e: &Element, out: &mut String) {
    out.push('<');
    out.push_str(&e.name);
    for a in &e.attrs {
        out.push(' ');
        out.push_str(&a.name);
        out.push_str("=\"");
        escape_into(&a.value, true, out);
        out.push('"');
    }
    if e.children.is_empty() {
        out.push_str("/>");
        return;
    }
    out.push('>');
    for c in &e.children {
        match c {
            Node::Element(el) => write_element(el, out),
            Node::Text(t) => escape_into(t, false, out),
            Node::Raw(r) => out.push_str(r),
        }
    }
    out.push_str("</");
    out.push_str(&e.name);
    out.push('>');
}

fn escape_into(s: &str, attr: bool, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attr => out.push_str("&quot;"),
            '\n' if attr => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' if attr => out.push_str("&#9;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
#[path = "xml_tests.rs"]
mod tests;
