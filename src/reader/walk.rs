//! Walks shared by the reader and the patcher, so both count paragraphs and see text the same
//! way: which `w:p` get a global index, and which pieces of a paragraph are visible text.

use super::model::FieldKind;
use super::xml::{Element, Node, Ns};

/// Elements whose children are walked for paragraphs (tables, rows, cells, content controls).
fn is_block_container(e: &Element) -> bool {
    e.ns == Ns::W
        && matches!(
            e.local(),
            "tbl" | "tr" | "tc" | "sdt" | "sdtContent" | "customXml"
        )
}

/// Every `w:p` under `container` in document order, paragraphs inside tables included,
/// text boxes and deleted content excluded: the one definition of `Paragraph::index`.
pub(crate) fn paragraphs(container: &Element) -> Vec<&Element> {
    let mut out = Vec::new();
    fn go<'a>(e: &'a Element, out: &mut Vec<&'a Element>) {
        for c in e.elements() {
            if c.is_w("p") {
                out.push(c);
            } else if is_block_container(c) {
                go(c, out);
            }
        }
    }
    go(container, &mut out);
    out
}

/// Paths (child positions from `container`) of the same paragraphs as [`paragraphs`].
pub(crate) fn paragraph_paths(container: &Element) -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    fn go(e: &Element, path: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
        for (i, n) in e.children.iter().enumerate() {
            let Node::Element(c) = n else { continue };
            path.push(i);
            if c.is_w("p") {
                out.push(path.clone());
            } else if is_block_container(c) {
                go(c, path, out);
            }
            path.pop();
        }
    }
    go(container, &mut Vec::new(), &mut out);
    out
}

/// The element at a path of child positions.
pub(crate) fn at_path_mut<'a>(root: &'a mut Element, path: &[usize]) -> Option<&'a mut Element> {
    let mut cur = root;
    for &i in path {
        cur = match cur.children.get_mut(i)? {
            Node::Element(e) => e,
            _ => return None,
        };
    }
    Some(cur)
}

/// Every `w:sectPr` of a body in order: inside paragraph properties, then the body's own.
pub(crate) fn section_paths(body: &Element) -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    for p in paragraph_paths(body) {
        let mut cur = body;
        for &i in &p {
            if let Some(Node::Element(e)) = cur.children.get(i) {
                cur = e;
            }
        }
        if let Some((pi, ppr)) = cur.children.iter().enumerate().find_map(|(i, n)| match n {
            Node::Element(e) if e.is_w("pPr") => Some((i, e)),
            _ => None,
        }) {
            if let Some(si) = ppr
                .children
                .iter()
                .position(|n| matches!(n, Node::Element(e) if e.is_w("sectPr")))
            {
                let mut path = p.clone();
                path.push(pi);
                path.push(si);
                out.push(path);
            }
        }
    }
    if let Some(si) = body
        .children
        .iter()
        .position(|n| matches!(n, Node::Element(e) if e.is_w("sectPr")))
    {
        out.push(vec![si]);
    }
    out
}

/// Open fields, carried across paragraphs (a complex field may span several).
#[derive(Debug, Default)]
pub(crate) struct FieldStack {
    open: Vec<OpenField>,
}

#[derive(Debug)]
struct OpenField {
    instr: String,
    kind: Option<FieldKind>,
    in_result: bool,
}

impl FieldStack {
    /// Whether text now is visible (not inside any field instruction).
    fn visible(&self) -> bool {
        self.open.iter().all(|f| f.in_result)
    }

    /// The innermost field whose result is being shown.
    fn current(&self) -> Option<FieldKind> {
        self.open.last().and_then(|f| f.kind.clone())
    }
}

/// What the inline walk reports, in order.
#[derive(Debug)]
pub(crate) enum Inline<'a> {
    /// A run starts (`w:r`), with its path from the paragraph.
    Run { run: &'a Element, path: Vec<usize> },
    /// Visible text. `path` is the `w:t` element when the text is editable, `None` for tabs,
    /// breaks and symbols.
    Text {
        text: String,
        path: Option<Vec<usize>>,
        field: Option<FieldKind>,
    },
    /// A footnote mark.
    FootnoteRef(i64),
    /// A picture, chart or embedded object; `line` when it is a drawn straight line,
    /// `boxes` the paragraphs of its text boxes (`w:txbxContent`) in order.
    Drawing { line: bool, boxes: Vec<&'a Element> },
    /// A page break.
    PageBreak,
    /// A field was closed (or, for a simple field, seen).
    Field(FieldKind),
}

/// Walks the inline content of a paragraph, reporting runs and visible text in order.
/// Paths are only filled in when `with_paths` (the patcher needs them, the reader does not).
pub(crate) fn inline<'a>(
    p: &'a Element,
    fields: &mut FieldStack,
    with_paths: bool,
    out: &mut Vec<Inline<'a>>,
) {
    let mut path = Walk {
        path: Vec::new(),
        with_paths,
    };
    walk_inline(p, fields, &mut path, out);
}

/// The current position of the walk.
struct Walk {
    path: Vec<usize>,
    with_paths: bool,
}

impl Walk {
    fn push(&mut self, i: usize) {
        if self.with_paths {
            self.path.push(i);
        }
    }

    fn pop(&mut self) {
        self.path.pop();
    }

    /// The current path (empty, without allocating, when paths are off).
    fn get(&self) -> Vec<usize> {
        if self.with_paths {
            self.path.clone()
        } else {
            Vec::new()
        }
    }
}

fn walk_inline<'a>(
    e: &'a Element,
    fields: &mut FieldStack,
    path: &mut Walk,
    out: &mut Vec<Inline<'a>>,
) {
    for (i, n) in e.children.iter().enumerate() {
        let Node::Element(c) = n else { continue };
        if c.ns != Ns::W {
            continue; // mc:AlternateContent and foreign markup: not body text
        }
        path.push(i);
        match c.local() {
            "r" => {
                out.push(Inline::Run {
                    run: c,
                    path: path.get(),
                });
                walk_run(c, fields, path, out);
            }
            "hyperlink" | "smartTag" | "customXml" | "ins" | "moveTo" | "sdt" | "sdtContent"
            | "dir" | "bdo" => walk_inline(c, fields, path, out),
            "fldSimple" => {
                let kind = FieldKind::from_instruction(c.attr_w("instr").unwrap_or(""));
                fields.open.push(OpenField {
                    instr: String::new(),
                    kind: Some(kind.clone()),
                    in_result: true,
                });
                walk_inline(c, fields, path, out);
                fields.open.pop();
                out.push(Inline::Field(kind));
            }
            _ => {} // pPr, del, moveFrom, bookmarks, proofErr, ...
        }
        path.pop();
    }
}

fn walk_run<'a>(
    r: &'a Element,
    fields: &mut FieldStack,
    path: &mut Walk,
    out: &mut Vec<Inline<'a>>,
) {
    for (i, n) in r.children.iter().enumerate() {
        let Node::Element(c) = n else { continue };
        if c.ns != Ns::W {
            if c.local() == "AlternateContent" {
                out.push(Inline::Drawing {
                    line: is_line_shape(c),
                    boxes: alternate_text_boxes(c),
                });
            }
            continue;
        }
        path.push(i);
        let visible = fields.visible();
        let text = |t: &str| Inline::Text {
            text: t.to_string(),
            path: None,
            field: fields.current(),
        };
        match c.local() {
            "t" if visible => out.push(Inline::Text {
                text: c.own_text(),
                path: Some(path.get()),
                field: fields.current(),
            }),
            "tab" | "ptab" if visible => out.push(text("\t")),
            "br" | "cr" if visible => {
                if c.attr_w("type") == Some("page") {
                    out.push(Inline::PageBreak);
                }
                out.push(text("\n"));
            }
            "noBreakHyphen" if visible => out.push(text("-")),
            "sym" if visible => {
                let ch = c
                    .attr_w("char")
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .and_then(char::from_u32)
                    .unwrap_or('\u{FFFD}');
                out.push(text(&ch.to_string()));
            }
            "footnoteReference" => {
                if let Some(id) = c.attr_w("id").and_then(|v| v.trim().parse().ok()) {
                    out.push(Inline::FootnoteRef(id));
                }
            }
            "drawing" | "pict" | "object" => out.push(Inline::Drawing {
                line: is_line_shape(c),
                boxes: text_boxes(c),
            }),
            "instrText" => {
                if let Some(f) = fields.open.last_mut() {
                    if !f.in_result {
                        f.instr.push_str(&c.own_text());
                    }
                }
            }
            "fldChar" => match c.attr_w("fldCharType") {
                Some("begin") => fields.open.push(OpenField {
                    instr: String::new(),
                    kind: None,
                    in_result: false,
                }),
                Some("separate") => {
                    if let Some(f) = fields.open.last_mut() {
                        f.kind = Some(FieldKind::from_instruction(&f.instr));
                        f.in_result = true;
                    }
                }
                Some("end") => {
                    if let Some(f) = fields.open.pop() {
                        out.push(Inline::Field(
                            f.kind
                                .unwrap_or_else(|| FieldKind::from_instruction(&f.instr)),
                        ));
                    }
                }
                _ => {}
            },
            _ => {}
        }
        path.pop();
    }
}

impl FieldStack {
    /// Called at the end of each paragraph: an instruction never spans paragraphs, so a field
    /// still in its instruction is treated as showing its result (a stray `begin` must not
    /// hide the rest of the document).
    pub(crate) fn end_paragraph(&mut self) {
        for f in &mut self.open {
            if !f.in_result {
                f.kind = Some(FieldKind::from_instruction(&f.instr));
                f.in_result = true;
            }
        }
    }
}

/// How many paragraphs [`paragraphs`] finds under an optional container.
pub(crate) fn paragraphs_count(container: Option<&Element>) -> usize {
    container.map_or(0, |c| paragraphs(c).len())
}

/// Whether a drawing is a straight line (đường kẻ vẽ bằng hình): DrawingML preset geometry
/// "line" or "straightConnector1", a shape with no height, or VML `v:line` and the
/// straight-connector shape types (20, 32) Word and WPS write in the fallback.
fn is_line_shape(e: &Element) -> bool {
    fn attr<'e>(x: &'e Element, local: &str) -> Option<&'e str> {
        x.attrs
            .iter()
            .find(|a| a.local() == local)
            .map(|a| a.value.as_str())
    }
    let mut stack = vec![e];
    while let Some(x) = stack.pop() {
        let line = match x.local() {
            "prstGeom" => matches!(attr(x, "prst"), Some("line" | "straightConnector1")),
            "extent" => attr(x, "cy") == Some("0"),
            "line" => x.ns != Ns::W,
            "shape" => {
                attr(x, "type")
                    .is_some_and(|t| t.ends_with("_x0000_t32") || t.ends_with("_x0000_t20"))
                    || matches!(attr(x, "spt"), Some("32" | "20"))
            }
            _ => false,
        };
        if line {
            return true;
        }
        stack.extend(x.elements());
    }
    false
}

/// The paragraphs of the text boxes (`w:txbxContent`, DrawingML or VML) under `e`, in
/// order, paragraphs of tables inside a box included. Not part of the indexed paragraphs:
/// they are read, never edited.
fn text_boxes(e: &Element) -> Vec<&Element> {
    fn go<'a>(e: &'a Element, out: &mut Vec<&'a Element>) {
        for c in e.elements() {
            if c.is_w("txbxContent") {
                out.extend(paragraphs(c));
            } else {
                go(c, out);
            }
        }
    }
    let mut out = Vec::new();
    go(e, &mut out);
    out
}

/// The text boxes of an `mc:AlternateContent`: those of the first choice that has any,
/// else those of the fallback (the same box is written in both).
fn alternate_text_boxes(e: &Element) -> Vec<&Element> {
    let choices = e.elements().filter(|c| c.local() == "Choice");
    for c in choices {
        let found = text_boxes(c);
        if !found.is_empty() {
            return found;
        }
    }
    e.elements()
        .filter(|c| c.local() == "Fallback")
        .flat_map(text_boxes)
        .collect()
}
