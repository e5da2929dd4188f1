//! Builds the public model from the parsed parts: body blocks, tables, paragraphs and runs with
//! effective formatting, and sections.

use std::collections::HashMap;

use crate::layout::Twips;

use super::lists::ListCounters;
use super::model::{
    BodyItem, Cell, HeaderFooterKind, HeaderFooterRefs, Margins, Paragraph, Row, Run, SectionProps,
    Table, Width, WidthKind,
};
use super::props::{parse_alignment, parse_i32, RawPPr, RawRPr};
use super::styles::{borders_visible, finish_layout, StyleSheet};
use super::walk::{self, FieldStack, Inline};
use super::xml::Element;

/// State while reading one part (body, a header, a footer, footnotes).
pub(crate) struct PartReader<'a> {
    pub styles: &'a StyleSheet,
    /// Paragraph index by element address (from [`walk::paragraphs`]).
    index: HashMap<usize, usize>,
    fields: FieldStack,
    /// Current section (body only).
    pub section: usize,
    /// Last paragraph index of each finished section (body only).
    pub section_ends: Vec<(Option<usize>, &'a Element)>,
    last_index: Option<usize>,
    /// Automatic list numbering counted so far.
    lists: ListCounters,
}

fn addr(e: &Element) -> usize {
    std::ptr::from_ref(e) as usize
}

impl<'a> PartReader<'a> {
    /// A reader for the part whose block container is `container` (w:body, w:hdr, w:ftr, ...).
    pub fn new(styles: &'a StyleSheet, containers: &[&'a Element]) -> Self {
        let mut index = HashMap::new();
        let mut n = 0;
        for c in containers {
            for p in walk::paragraphs(c) {
                index.insert(addr(p), n);
                n += 1;
            }
        }
        Self {
            styles,
            index,
            fields: FieldStack::default(),
            section: 0,
            section_ends: Vec::new(),
            last_index: None,
            lists: ListCounters::default(),
        }
    }

    /// Reads the blocks of a container, in order.
    pub fn blocks(
        &mut self,
        container: &'a Element,
        table_style: Option<&str>,
        in_table: bool,
    ) -> Vec<BodyItem> {
        let mut out = Vec::new();
        self.blocks_into(container, table_style, in_table, &mut out);
        out
    }

    fn blocks_into(
        &mut self,
        container: &'a Element,
        table_style: Option<&str>,
        in_table: bool,
        out: &mut Vec<BodyItem>,
    ) {
        for c in container.elements() {
            if c.is_w("p") {
                let p = self.paragraph(c, table_style, in_table);
                out.push(BodyItem::Paragraph(p));
            } else if c.is_w("tbl") {
                out.push(BodyItem::Table(self.table(c)));
            } else if c.is_w("sdt") || c.is_w("sdtContent") || c.is_w("customXml") {
                self.blocks_into(c, table_style, in_table, out);
            }
        }
    }

    fn table(&mut self, t: &'a Element) -> Table {
        let tbl_pr = t.child_w("tblPr");
        let style_id = tbl_pr
            .and_then(|p| p.child_w("tblStyle"))
            .and_then(|s| s.attr_w("val"))
            .map(str::to_string);
        let effective_style = self.styles.table_style(style_id.as_deref());
        let direct_borders = tbl_pr
            .and_then(|p| p.child_w("tblBorders"))
            .map(borders_visible);
        let mut visible = direct_borders
            .or_else(|| self.styles.table_style_borders(effective_style.as_deref()))
            .unwrap_or(false);
        let width = tbl_pr.and_then(|p| p.child_w("tblW")).map(parse_width);
        let alignment = tbl_pr
            .and_then(|p| p.child_w("jc"))
            .and_then(|j| j.attr_w("val"))
            .and_then(parse_alignment);
        let grid = t
            .child_w("tblGrid")
            .map(|g| {
                g.elements()
                    .filter(|c| c.is_w("gridCol"))
                    .map(|c| Twips(c.attr_w("w").and_then(parse_i32).unwrap_or(0)))
                    .collect()
            })
            .unwrap_or_default();
        let mut rows = Vec::new();
        let mut row_elems = Vec::new();
        collect(t, "tr", &mut row_elems);
        for tr in row_elems {
            let tr_pr = tr.child_w("trPr");
            let flag = |name: &str| {
                tr_pr
                    .and_then(|p| p.child_w(name))
                    .is_some_and(Element::on_off)
            };
            let mut cells = Vec::new();
            let mut cell_elems = Vec::new();
            collect(tr, "tc", &mut cell_elems);
            for tc in cell_elems {
                let tc_pr = tc.child_w("tcPr");
                if let Some(b) = tc_pr.and_then(|p| p.child_w("tcBorders")) {
                    visible |= borders_visible(b);
                }
                let v_merge = tc_pr
                    .and_then(|p| p.child_w("vMerge"))
                    .map(|m| m.attr_w("val") == Some("restart"));
                cells.push(Cell {
                    blocks: self.blocks(tc, effective_style.as_deref(), true),
                    width: tc_pr.and_then(|p| p.child_w("tcW")).map(parse_width),
                    grid_span: tc_pr
                        .and_then(|p| p.child_w("gridSpan"))
                        .and_then(|g| g.attr_w("val"))
                        .and_then(parse_i32)
                        .map_or(1, |v| v.clamp(1, super::MAX_TABLE_COLUMNS as i32) as u32),
                    v_merge,
                });
            }
            rows.push(Row {
                cells,
                cant_split: flag("cantSplit"),
                is_header: flag("tblHeader"),
            });
        }
        Table {
            rows,
            has_visible_borders: visible,
            width,
            style_id,
            grid,
            alignment,
        }
    }

    /// Reads one paragraph with effective formatting.
    pub fn paragraph(
        &mut self,
        p: &'a Element,
        table_style: Option<&str>,
        in_table: bool,
    ) -> Paragraph {
        let ppr_el = p.child_w("pPr");
        let direct = ppr_el.map(RawPPr::parse).unwrap_or_default();
        let style_id = self.styles.paragraph_style(direct.style.as_deref());
        let eff = self
            .styles
            .paragraph_ppr(table_style, style_id.as_deref(), &direct);
        let eff = self.styles.with_list_indent(&direct, eff);
        let (indent, spacing) = finish_layout(&eff);
        let mark_direct = ppr_el
            .and_then(|pp| pp.child_w("rPr"))
            .map(RawRPr::parse)
            .unwrap_or_default();
        let mark_raw = self
            .styles
            .run_rpr(table_style, style_id.as_deref(), &mark_direct);
        let index = self.index.get(&addr(p)).copied().unwrap_or_else(|| {
            // Not reachable through the shared walk (malformed nesting): number after the rest.
            self.index.len() + self.last_index.map_or(0, |i| i + 1)
        });
        self.last_index = Some(index);

        let mut para = Paragraph {
            index,
            section: self.section,
            in_table,
            style_id: style_id.clone(),
            alignment: eff.alignment,
            indent,
            spacing,
            keep_next: eff.keep_next.unwrap_or(false),
            keep_lines: eff.keep_lines.unwrap_or(false),
            page_break_before: eff.page_break_before.unwrap_or(false),
            widow_control: eff.widow_control.unwrap_or(false),
            border_bottom: eff
                .border_bottom
                .clone()
                .filter(super::model::Border::is_visible),
            border_top: eff
                .border_top
                .clone()
                .filter(super::model::Border::is_visible),
            tab_stops: ppr_el.map(tab_stops).unwrap_or_default(),
            numbering: self.styles.numbering_ref(&eff).map(|mut n| {
                n.label = self.lists.next(self.styles.numbering(), n.num_id, n.level);
                n
            }),
            mark: self.styles.finish_run(&mark_raw),
            runs: Vec::new(),
            fields: Vec::new(),
            has_page_break: false,
            has_drawing: false,
            line_shapes: 0,
            text_boxes: Vec::new(),
        };

        let mut items = Vec::new();
        walk::inline(p, &mut self.fields, false, &mut items);
        self.fields.end_paragraph();
        let mut cur: Option<Run> = None;
        let mut boxes: Vec<&'a Element> = Vec::new();
        for item in items {
            match item {
                Inline::Run { run, .. } => {
                    if let Some(r) = cur.take() {
                        push_run(&mut para.runs, r);
                    }
                    let direct = run.child_w("rPr").map(RawRPr::parse).unwrap_or_default();
                    let raw = self
                        .styles
                        .run_rpr(table_style, style_id.as_deref(), &direct);
                    cur = Some(Run {
                        text: String::new(),
                        style_id: direct.style.clone(),
                        props: self.styles.finish_run(&raw),
                        is_footnote_ref: None,
                        field: None,
                    });
                }
                Inline::Text { text, field, .. } => {
                    if let Some(r) = cur.as_mut() {
                        if r.field.is_none() {
                            r.field = field;
                        }
                        r.text.push_str(&text);
                    }
                }
                Inline::FootnoteRef(id) => {
                    if let Some(r) = cur.as_mut() {
                        r.is_footnote_ref = Some(id);
                    }
                }
                Inline::Drawing { line, boxes: b } => {
                    para.has_drawing = true;
                    para.line_shapes = para.line_shapes.saturating_add(u8::from(line));
                    boxes.extend(b);
                }
                Inline::PageBreak => para.has_page_break = true,
                Inline::Field(k) => para.fields.push(k),
            }
        }
        if let Some(r) = cur.take() {
            push_run(&mut para.runs, r);
        }

        if !boxes.is_empty() {
            // Text-box paragraphs have their own fields and never move the numbering of
            // the indexed paragraphs.
            let fields = std::mem::take(&mut self.fields);
            let lists = self.lists.clone();
            let last = self.last_index;
            for b in boxes {
                let mut tb = self.paragraph(b, None, false);
                tb.index = index;
                tb.section = para.section;
                para.text_boxes.push(tb);
            }
            self.fields = fields;
            self.lists = lists;
            self.last_index = last;
        }
        if let Some(sect) = ppr_el.and_then(|pp| pp.child_w("sectPr")) {
            self.section_ends.push((Some(index), sect));
            self.section += 1;
        }
        para
    }
}

/// Keeps runs that show something or mean something (a field result, a footnote mark).
fn push_run(runs: &mut Vec<Run>, r: Run) {
    if !r.text.is_empty() || r.is_footnote_ref.is_some() || r.field.is_some() {
        runs.push(r);
    }
}

/// Direct children named `w:<local>`, looking through content controls and custom XML.
fn collect<'a>(e: &'a Element, local: &str, out: &mut Vec<&'a Element>) {
    for c in e.elements() {
        if c.is_w(local) {
            out.push(c);
        } else if c.is_w("sdt") || c.is_w("sdtContent") || c.is_w("customXml") {
            collect(c, local, out);
        }
    }
}

fn parse_width(w: &Element) -> Width {
    let raw = w.attr_w("w").unwrap_or("0");
    let kind = match w.attr_w("type") {
        Some("pct") => WidthKind::Pct,
        Some("auto") => WidthKind::Auto,
        Some("nil") => WidthKind::Nil,
        _ => WidthKind::Dxa,
    };
    let value = if let Some(p) = raw.strip_suffix('%') {
        parse_i32(p).map_or(0, |v| v.saturating_mul(50))
    } else {
        parse_i32(raw).unwrap_or(0)
    };
    Width { value, kind }
}

/// Reads a `w:sectPr`; header/footer references are resolved through `rel` (r:id → part).
pub(crate) fn section(
    s: Option<&Element>,
    last_paragraph: Option<usize>,
    rel: &dyn Fn(&str) -> Option<String>,
) -> SectionProps {
    let pg_sz = s.and_then(|s| s.child_w("pgSz"));
    let pg_mar = s.and_then(|s| s.child_w("pgMar"));
    let tw = |e: Option<&Element>, a: &str| {
        Twips(e.and_then(|e| e.attr_w(a)).and_then(parse_i32).unwrap_or(0))
    };
    let mut header_refs = HeaderFooterRefs::default();
    let mut footer_refs = HeaderFooterRefs::default();
    if let Some(s) = s {
        for c in s.elements() {
            let refs = if c.is_w("headerReference") {
                &mut header_refs
            } else if c.is_w("footerReference") {
                &mut footer_refs
            } else {
                continue;
            };
            let Some(part) = c.attr_r("id").and_then(rel) else {
                continue;
            };
            match kind_of(c.attr_w("type")) {
                HeaderFooterKind::Default => refs.default = Some(part),
                HeaderFooterKind::First => refs.first = Some(part),
                HeaderFooterKind::Even => refs.even = Some(part),
            }
        }
    }
    let pg_num = s.and_then(|s| s.child_w("pgNumType"));
    SectionProps {
        page_width: pg_sz
            .and_then(|p| p.attr_w("w"))
            .and_then(parse_i32)
            .map_or(Twips(12_240), Twips),
        page_height: pg_sz
            .and_then(|p| p.attr_w("h"))
            .and_then(parse_i32)
            .map_or(Twips(15_840), Twips),
        page_size_declared: pg_sz.is_some(),
        landscape: pg_sz.and_then(|p| p.attr_w("orient")) == Some("landscape"),
        margins: Margins {
            top: tw(pg_mar, "top"),
            bottom: tw(pg_mar, "bottom"),
            left: tw(pg_mar, "left").max(tw(pg_mar, "start")),
            right: tw(pg_mar, "right").max(tw(pg_mar, "end")),
            header: tw(pg_mar, "header"),
            footer: tw(pg_mar, "footer"),
            gutter: tw(pg_mar, "gutter"),
        },
        margins_declared: pg_mar.is_some(),
        title_page: s
            .and_then(|s| s.child_w("titlePg"))
            .is_some_and(Element::on_off),
        header_refs,
        footer_refs,
        page_number_start: pg_num.and_then(|p| p.attr_w("start")).and_then(parse_i32),
        page_number_format: pg_num.and_then(|p| p.attr_w("fmt")).map(str::to_string),
        last_paragraph,
    }
}

fn kind_of(t: Option<&str>) -> HeaderFooterKind {
    match t {
        Some("first") => HeaderFooterKind::First,
        Some("even") => HeaderFooterKind::Even,
        _ => HeaderFooterKind::Default,
    }
}

/// The tab stops a `w:pPr` sets (`w:tabs/w:tab`), sorted by position; cleared stops left out.
fn tab_stops(ppr: &Element) -> Vec<super::model::TabStop> {
    let mut out: Vec<super::model::TabStop> = ppr
        .child_w("tabs")
        .into_iter()
        .flat_map(Element::elements)
        .filter(|t| t.is_w("tab") && t.attr_w("val") != Some("clear"))
        .filter_map(|t| {
            let pos = t.attr_w("pos")?.trim().parse::<i32>().ok()?;
            Some(super::model::TabStop {
                pos: crate::layout::Twips(pos),
                center: t.attr_w("val") == Some("center"),
            })
        })
        .collect();
    out.sort_by_key(|t| t.pos.0);
    out
}
