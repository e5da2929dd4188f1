//! The style cascade (kế thừa kiểu): document defaults → table style → paragraph style chain →
//! character style chain → direct formatting, with `basedOn` chains resolved once, theme
//! fonts (`minorHAnsi`, ...) looked up in the theme, and list levels from numbering.xml.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::layout::{HalfPoints, Twips};

use super::model::{
    Fonts, Indent, NumberingRef, RunProps, Spacing, StyleInfo, StyleKind, VerticalAlign,
};
use super::props::{FontSpec, RawPPr, RawRPr};
use super::xml::Element;

/// One style as written.
#[derive(Debug, Clone)]
struct StyleDef {
    info: StyleInfo,
    based_on: Option<String>,
    ppr: RawPPr,
    rpr: RawRPr,
    /// Table styles: whether their table borders draw anything (`None` = not said).
    table_borders: Option<bool>,
}

/// Theme fonts (`a:fontScheme`): major/minor × latin/ea/cs.
#[derive(Debug, Clone, Default)]
pub(crate) struct ThemeFonts {
    major: [Option<String>; 3],
    minor: [Option<String>; 3],
}

impl ThemeFonts {
    /// Reads `word/theme/theme1.xml`.
    pub fn parse(root: &Element) -> Self {
        let mut out = Self::default();
        fn find<'a>(e: &'a Element, local: &str) -> Option<&'a Element> {
            if e.local() == local {
                return Some(e);
            }
            e.elements().find_map(|c| find(c, local))
        }
        let Some(scheme) = find(root, "fontScheme") else {
            return out;
        };
        for (which, slot) in [("majorFont", &mut out.major), ("minorFont", &mut out.minor)] {
            if let Some(f) = scheme.elements().find(|e| e.local() == which) {
                for (i, script) in ["latin", "ea", "cs"].iter().enumerate() {
                    slot[i] = f
                        .elements()
                        .find(|e| e.local() == *script)
                        .and_then(|e| e.attr_plain("typeface"))
                        .filter(|t| !t.is_empty())
                        .map(str::to_string);
                }
            }
        }
        out
    }

    fn resolve(&self, theme: &str) -> Option<String> {
        let (set, rest) = if let Some(r) = theme.strip_prefix("major") {
            (&self.major, r)
        } else if let Some(r) = theme.strip_prefix("minor") {
            (&self.minor, r)
        } else {
            return None;
        };
        let i = match rest {
            "Ascii" | "HAnsi" => 0,
            "EastAsia" => 1,
            "Bidi" => 2,
            _ => return None,
        };
        set[i].clone()
    }
}

/// One list level: `w:numFmt`, `w:lvlText`, `w:start`, `w:isLgl` and the indentation of
/// its `w:pPr`.
#[derive(Debug, Clone, Default)]
pub(crate) struct Level {
    pub format: Option<String>,
    pub text: Option<String>,
    /// `w:start`: the first number of the level.
    pub start: Option<i64>,
    /// `w:isLgl`: every number of the label shown in arabic digits ("1.1.").
    pub legal: bool,
    ppr: RawPPr,
}

/// List levels from numbering.xml: numId → abstract levels (numFmt, lvlText) by ilvl.
#[derive(Debug, Clone, Default)]
pub(crate) struct Numbering {
    nums: HashMap<i64, i64>,
    abstracts: HashMap<i64, HashMap<u8, Level>>,
    /// `w:num/w:lvlOverride/w:startOverride`: numId and level → the number it restarts at.
    start_overrides: HashMap<(i64, u8), i64>,
}

impl Numbering {
    /// Reads `word/numbering.xml`.
    pub fn parse(root: &Element) -> Self {
        let mut out = Self::default();
        for e in root.elements() {
            if e.is_w("abstractNum") {
                let Some(id) = e.attr_w("abstractNumId").and_then(|v| v.parse().ok()) else {
                    continue;
                };
                let mut levels = HashMap::new();
                for l in e.elements().filter(|l| l.is_w("lvl")) {
                    let Some(ilvl) = l.attr_w("ilvl").and_then(|v| v.parse().ok()) else {
                        continue;
                    };
                    let fmt = l
                        .child_w("numFmt")
                        .and_then(|x| x.attr_w("val"))
                        .map(str::to_string);
                    let text = l
                        .child_w("lvlText")
                        .and_then(|x| x.attr_w("val"))
                        .map(str::to_string);
                    let ppr = l.child_w("pPr").map(RawPPr::parse).unwrap_or_default();
                    let start = l
                        .child_w("start")
                        .and_then(|x| x.attr_w("val"))
                        .and_then(|v| v.parse().ok());
                    let legal = l
                        .child_w("isLgl")
                        .is_some_and(|x| x.attr_w("val").is_none_or(|v| v != "0" && v != "false"));
                    levels.insert(
                        ilvl,
                        Level {
                            format: fmt,
                            text,
                            start,
                            legal,
                            ppr,
                        },
                    );
                }
                out.abstracts.insert(id, levels);
            } else if e.is_w("num") {
                let id = e.attr_w("numId").and_then(|v| v.parse().ok());
                let abs = e
                    .child_w("abstractNumId")
                    .and_then(|a| a.attr_w("val"))
                    .and_then(|v| v.parse().ok());
                if let (Some(id), Some(abs)) = (id, abs) {
                    out.nums.insert(id, abs);
                    for o in e.elements().filter(|o| o.is_w("lvlOverride")) {
                        let level = o.attr_w("ilvl").and_then(|v| v.parse().ok());
                        let start = o
                            .child_w("startOverride")
                            .and_then(|x| x.attr_w("val"))
                            .and_then(|v| v.parse().ok());
                        if let (Some(level), Some(start)) = (level, start) {
                            out.start_overrides.insert((id, level), start);
                        }
                    }
                }
            }
        }
        out
    }

    fn level(&self, num_id: i64, level: u8) -> Option<&Level> {
        self.abstract_level(self.abstract_of(num_id)?, level)
    }

    /// The abstract list a numId draws its levels and counters from.
    pub fn abstract_of(&self, num_id: i64) -> Option<i64> {
        self.nums.get(&num_id).copied()
    }

    /// A level of an abstract list.
    pub fn abstract_level(&self, abstract_id: i64, level: u8) -> Option<&Level> {
        self.abstracts.get(&abstract_id)?.get(&level)
    }

    /// The levels a numId restarts, with the numbers they restart at.
    pub fn overrides_of(&self, num_id: i64) -> impl Iterator<Item = (u8, i64)> + '_ {
        self.start_overrides
            .iter()
            .filter(move |((n, _), _)| *n == num_id)
            .map(|((_, l), s)| (*l, *s))
    }
}

/// Everything needed to resolve effective formatting.
#[derive(Debug, Clone, Default)]
pub(crate) struct StyleSheet {
    default_rpr: RawRPr,
    default_ppr: RawPPr,
    styles: HashMap<String, StyleDef>,
    /// Effective (chain-resolved) properties per style id.
    resolved: HashMap<String, (RawPPr, RawRPr)>,
    default_paragraph: Option<String>,
    default_table: Option<String>,
    theme: ThemeFonts,
    numbering: Numbering,
    order: Vec<String>,
    /// Style id → position in `order`, for cache keys.
    ids: HashMap<String, u32>,
    /// Style-resolved run properties by (table, paragraph, character) style.
    rpr_cache: RefCell<HashMap<(u32, u32, u32), Rc<RawRPr>>>,
    /// Style-resolved paragraph properties by (table, paragraph) style.
    ppr_cache: RefCell<HashMap<(u32, u32), Rc<RawPPr>>>,
}

impl StyleSheet {
    /// Builds the sheet from `styles.xml` (if any), the theme and numbering.
    pub fn new(styles: Option<&Element>, theme: ThemeFonts, numbering: Numbering) -> Self {
        let mut sheet = Self {
            theme,
            numbering,
            ..Self::default()
        };
        if let Some(root) = styles {
            sheet.load(root);
        }
        sheet.resolve_chains();
        sheet
    }

    fn load(&mut self, root: &Element) {
        if let Some(dd) = root.child_w("docDefaults") {
            if let Some(r) = dd.child_w("rPrDefault").and_then(|d| d.child_w("rPr")) {
                self.default_rpr = RawRPr::parse(r);
            }
            if let Some(p) = dd.child_w("pPrDefault").and_then(|d| d.child_w("pPr")) {
                self.default_ppr = RawPPr::parse(p);
            }
        }
        for s in root.elements().filter(|e| e.is_w("style")) {
            let Some(id) = s.attr_w("styleId") else {
                continue;
            };
            let kind = match s.attr_w("type") {
                Some("character") => StyleKind::Character,
                Some("table") => StyleKind::Table,
                Some("numbering") => StyleKind::Numbering,
                _ => StyleKind::Paragraph,
            };
            let is_default = s
                .attr_w("default")
                .is_some_and(|v| matches!(v, "1" | "true" | "on"));
            if is_default && kind == StyleKind::Paragraph && self.default_paragraph.is_none() {
                self.default_paragraph = Some(id.to_string());
            }
            if is_default && kind == StyleKind::Table && self.default_table.is_none() {
                self.default_table = Some(id.to_string());
            }
            let mut ppr = s.child_w("pPr").map(RawPPr::parse).unwrap_or_default();
            ppr.style = None;
            let rpr = s.child_w("rPr").map(RawRPr::parse).unwrap_or_default();
            let table_borders = s
                .child_w("tblPr")
                .and_then(|t| t.child_w("tblBorders"))
                .map(borders_visible);
            let def = StyleDef {
                info: StyleInfo {
                    id: id.to_string(),
                    name: s
                        .child_w("name")
                        .and_then(|n| n.attr_w("val"))
                        .map(str::to_string),
                    kind,
                    is_default,
                },
                based_on: s
                    .child_w("basedOn")
                    .and_then(|b| b.attr_w("val"))
                    .filter(|b| *b != id)
                    .map(str::to_string),
                ppr,
                rpr,
                table_borders,
            };
            if !self.styles.contains_key(id) {
                self.order.push(id.to_string());
            }
            self.styles.insert(id.to_string(), def);
        }
    }

    /// Resolves every `basedOn` chain once (cycles and chains deeper than 64 are cut).
    fn resolve_chains(&mut self) {
        self.ids = self
            .order
            .iter()
            .enumerate()
            .map(|(i, id)| (id.clone(), i as u32))
            .collect();
        for id in &self.order {
            let mut chain = Vec::new();
            let mut cur = Some(id.as_str());
            while let Some(c) = cur {
                if chain.len() >= 64 || chain.contains(&c) {
                    break;
                }
                let Some(def) = self.styles.get(c) else { break };
                chain.push(c);
                cur = def.based_on.as_deref();
            }
            let mut ppr = RawPPr::default();
            let mut rpr = RawRPr::default();
            for c in chain.iter().rev() {
                let def = &self.styles[*c];
                ppr.override_with(&def.ppr);
                rpr.override_with(&def.rpr);
            }
            self.resolved.insert(id.clone(), (ppr, rpr));
        }
    }

    /// The styles as public info, in file order.
    pub fn infos(&self) -> Vec<StyleInfo> {
        self.order
            .iter()
            .map(|id| self.styles[id].info.clone())
            .collect()
    }

    /// The paragraph style that applies: the given one when it exists, else the default.
    pub fn paragraph_style(&self, id: Option<&str>) -> Option<String> {
        match id {
            Some(id) if self.styles.contains_key(id) => Some(id.to_string()),
            _ => self.default_paragraph.clone(),
        }
    }

    /// The table style that applies.
    pub fn table_style(&self, id: Option<&str>) -> Option<String> {
        match id {
            Some(id) if self.styles.contains_key(id) => Some(id.to_string()),
            _ => self.default_table.clone(),
        }
    }

    /// Whether a table style (chain) draws borders.
    pub fn table_style_borders(&self, id: Option<&str>) -> Option<bool> {
        let mut cur = id;
        let mut n = 0;
        while let Some(c) = cur {
            let def = self.styles.get(c)?;
            if let Some(b) = def.table_borders {
                return Some(b);
            }
            n += 1;
            if n > 64 {
                return None;
            }
            cur = def.based_on.as_deref();
        }
        None
    }

    fn resolved(&self, id: Option<&str>) -> Option<&(RawPPr, RawRPr)> {
        self.resolved.get(id?)
    }

    /// Cache key of an optional style id (`u32::MAX` for none or unknown).
    fn key(&self, id: Option<&str>) -> u32 {
        id.and_then(|i| self.ids.get(i))
            .copied()
            .unwrap_or(u32::MAX)
    }

    /// Effective raw paragraph properties: defaults → table style → paragraph style → direct.
    pub fn paragraph_ppr(
        &self,
        table_style: Option<&str>,
        para_style: Option<&str>,
        direct: &RawPPr,
    ) -> RawPPr {
        let key = (self.key(table_style), self.key(para_style));
        let cached = self.ppr_cache.borrow().get(&key).cloned();
        let base = cached.unwrap_or_else(|| {
            let mut p = self.default_ppr.clone();
            if let Some((tp, _)) = self.resolved(table_style) {
                p.override_with(tp);
            }
            if let Some((sp, _)) = self.resolved(para_style) {
                p.override_with(sp);
            }
            let p = Rc::new(p);
            self.ppr_cache.borrow_mut().insert(key, Rc::clone(&p));
            p
        });
        let mut p = (*base).clone();
        p.override_with(direct);
        p
    }

    /// Effective raw run properties: defaults → table style → paragraph style → character style
    /// (toggles flip across these layers) → direct (absolute).
    pub fn run_rpr(
        &self,
        table_style: Option<&str>,
        para_style: Option<&str>,
        direct: &RawRPr,
    ) -> RawRPr {
        let char_style = direct.style.as_deref();
        let key = (
            self.key(table_style),
            self.key(para_style),
            self.key(char_style),
        );
        let cached = self.rpr_cache.borrow().get(&key).cloned();
        let base = cached.unwrap_or_else(|| {
            let mut r = self.default_rpr.clone();
            if let Some((_, tr)) = self.resolved(table_style) {
                r.toggle_with(tr);
            }
            if let Some((_, pr)) = self.resolved(para_style) {
                r.toggle_with(pr);
            }
            if let Some((_, cr)) = self.resolved(char_style) {
                r.toggle_with(cr);
            }
            let r = Rc::new(r);
            self.rpr_cache.borrow_mut().insert(key, Rc::clone(&r));
            r
        });
        let mut r = (*base).clone();
        let mut d = direct.clone();
        d.style = None;
        r.override_with(&d);
        r.style = direct.style.clone();
        r
    }

    /// Turns raw run properties into the public, theme-resolved form.
    pub fn finish_run(&self, r: &RawRPr) -> RunProps {
        let font = |i: usize| -> Option<String> {
            match &r.fonts[i] {
                Some(FontSpec::Name(n)) => Some(n.clone()),
                Some(FontSpec::Theme(t)) => self.theme.resolve(t),
                None => None,
            }
        };
        RunProps {
            fonts: Fonts {
                ascii: font(0),
                h_ansi: font(1),
                east_asia: font(2),
                cs: font(3),
            },
            size: r.size.map(HalfPoints),
            bold: r.bold.unwrap_or(false),
            italic: r.italic.unwrap_or(false),
            underline: r.underline.unwrap_or(false),
            caps: r.caps.unwrap_or(false),
            small_caps: r.small_caps.unwrap_or(false),
            strike: r.strike.unwrap_or(false),
            hidden: r.hidden.unwrap_or(false),
            vertical: r.vertical.unwrap_or(VerticalAlign::Baseline),
            color: r.color.clone(),
        }
    }

    /// The list definitions of numbering.xml.
    pub fn numbering(&self) -> &Numbering {
        &self.numbering
    }

    /// Numbering reference with the level's format when numbering.xml defines it.
    pub fn numbering_ref(&self, p: &RawPPr) -> Option<NumberingRef> {
        let num_id = p.num_id?;
        if num_id == 0 {
            return None;
        }
        let level = p.num_level.unwrap_or(0);
        let Level {
            format,
            text: level_text,
            ..
        } = self
            .numbering
            .level(num_id, level)
            .cloned()
            .unwrap_or_default();
        Some(NumberingRef {
            num_id,
            level,
            format,
            level_text,
            label: None,
        })
    }
}

impl StyleSheet {
    /// Applies the indentation of the list level a paragraph's own `w:numPr` names, as
    /// Word does: above the paragraph style, below the paragraph's direct `w:ind`.
    pub(crate) fn with_list_indent(&self, direct: &RawPPr, mut eff: RawPPr) -> RawPPr {
        let (Some(num_id), Some(_)) = (direct.num_id, eff.num_id) else {
            return eff;
        };
        if num_id == 0 {
            return eff;
        }
        let Some(level) = self
            .numbering
            .level(num_id, direct.num_level.or(eff.num_level).unwrap_or(0))
        else {
            return eff;
        };
        let lvl = &level.ppr;
        if direct.ind_left.is_none() && lvl.ind_left.is_some() {
            eff.ind_left = lvl.ind_left;
        }
        if !direct.ind_first_or_hanging && lvl.ind_first_or_hanging {
            eff.ind_first = lvl.ind_first;
            eff.ind_hanging = lvl.ind_hanging;
        }
        eff
    }
}

/// Indentation and spacing in public form.
pub(crate) fn finish_layout(p: &RawPPr) -> (Indent, Spacing) {
    (
        Indent {
            left: p.ind_left.map(Twips),
            right: p.ind_right.map(Twips),
            first_line: p.ind_first.map(Twips),
            hanging: p.ind_hanging.map(Twips),
        },
        Spacing {
            before: p.before.map(Twips),
            after: p.after.map(Twips),
            line: p.line,
            line_rule: p.line_rule,
            before_auto: p.before_auto.unwrap_or(false),
            after_auto: p.after_auto.unwrap_or(false),
        },
    )
}

/// Whether a `w:tblBorders` / `w:tcBorders` element draws any line.
pub(crate) fn borders_visible(b: &Element) -> bool {
    b.elements().any(|side| {
        let v = side.attr_w("val").unwrap_or("none");
        let sz = side
            .attr_w("sz")
            .and_then(super::props::parse_i32)
            .unwrap_or(4);
        !matches!(v, "none" | "nil") && sz > 0
    })
}
