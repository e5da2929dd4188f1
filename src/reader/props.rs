//! Raw paragraph and run properties as written at one level of the cascade (`w:pPr`, `w:rPr`),
//! and how one level overrides another. `None` means "not said at this level".

use super::model::{Alignment, Border, LineRule, VerticalAlign};
use super::xml::Element;

/// A font slot as written: a name, or a theme font reference (`w:asciiTheme="minorHAnsi"`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum FontSpec {
    Name(String),
    Theme(String),
}

/// `w:rPr` at one level.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct RawRPr {
    pub style: Option<String>,
    /// ascii, hAnsi, eastAsia, cs.
    pub fonts: [Option<FontSpec>; 4],
    pub size: Option<u16>,
    pub bold: Option<bool>,
    pub italic: Option<bool>,
    pub caps: Option<bool>,
    pub small_caps: Option<bool>,
    pub strike: Option<bool>,
    pub hidden: Option<bool>,
    pub underline: Option<bool>,
    pub vertical: Option<VerticalAlign>,
    pub color: Option<String>,
}

impl RawRPr {
    /// Reads a `w:rPr` (or `w:rPrDefault/w:rPr`) element.
    pub fn parse(rpr: &Element) -> Self {
        let mut out = Self::default();
        for c in rpr.elements() {
            if c.ns != super::xml::Ns::W {
                continue;
            }
            match c.local() {
                "rStyle" => out.style = c.attr_w("val").map(str::to_string),
                "rFonts" => {
                    let slots = [
                        ("ascii", "asciiTheme"),
                        ("hAnsi", "hAnsiTheme"),
                        ("eastAsia", "eastAsiaTheme"),
                        ("cs", "cstheme"),
                    ];
                    for (i, (name, theme)) in slots.iter().enumerate() {
                        if let Some(t) = c.attr_w(theme) {
                            out.fonts[i] = Some(FontSpec::Theme(t.to_string()));
                        } else if let Some(n) = c.attr_w(name) {
                            out.fonts[i] = Some(FontSpec::Name(n.to_string()));
                        }
                    }
                }
                "sz" => out.size = c.attr_w("val").and_then(parse_u16),
                "b" => out.bold = Some(c.on_off()),
                "i" => out.italic = Some(c.on_off()),
                "caps" => out.caps = Some(c.on_off()),
                "smallCaps" => out.small_caps = Some(c.on_off()),
                "strike" | "dstrike" => {
                    let v = c.on_off();
                    out.strike = Some(out.strike.unwrap_or(false) || v);
                }
                "vanish" => out.hidden = Some(c.on_off()),
                "u" => out.underline = Some(!matches!(c.attr_w("val"), Some("none") | None)),
                "vertAlign" => {
                    out.vertical = Some(match c.attr_w("val") {
                        Some("superscript") => VerticalAlign::Superscript,
                        Some("subscript") => VerticalAlign::Subscript,
                        _ => VerticalAlign::Baseline,
                    });
                }
                "color" => out.color = c.attr_w("val").map(str::to_string),
                _ => {}
            }
        }
        out
    }

    /// Overrides every property `over` says (plain inheritance, used along a `basedOn` chain
    /// and for direct formatting).
    pub fn override_with(&mut self, over: &Self) {
        macro_rules! take {
            ($($f:ident),*) => { $( if over.$f.is_some() { self.$f = over.$f.clone(); } )* };
        }
        take!(
            style, size, bold, italic, caps, small_caps, strike, hidden, underline, vertical, color
        );
        for i in 0..4 {
            if over.fonts[i].is_some() {
                self.fonts[i] = over.fonts[i].clone();
            }
        }
    }

    /// Applies a style layer: non-toggle properties override; toggle properties (bold, italic,
    /// caps, small caps, strike, hidden) flip the value when the style turns them on
    /// (ECMA-376 §17.7.3).
    pub fn toggle_with(&mut self, layer: &Self) {
        macro_rules! toggle {
            ($($f:ident),*) => { $( if layer.$f == Some(true) {
                self.$f = Some(!self.$f.unwrap_or(false));
            } )* };
        }
        toggle!(bold, italic, caps, small_caps, strike, hidden);
        let mut plain = layer.clone();
        plain.bold = None;
        plain.italic = None;
        plain.caps = None;
        plain.small_caps = None;
        plain.strike = None;
        plain.hidden = None;
        plain.style = None;
        self.override_with(&plain);
    }
}

/// `w:pPr` at one level.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct RawPPr {
    pub style: Option<String>,
    pub alignment: Option<Alignment>,
    pub ind_left: Option<i32>,
    pub ind_right: Option<i32>,
    pub ind_first: Option<i32>,
    pub ind_hanging: Option<i32>,
    /// Whether this level's `w:ind` says firstLine or hanging (they replace each other).
    pub ind_first_or_hanging: bool,
    pub before: Option<i32>,
    pub after: Option<i32>,
    pub line: Option<i32>,
    pub line_rule: Option<LineRule>,
    pub before_auto: Option<bool>,
    pub after_auto: Option<bool>,
    pub keep_next: Option<bool>,
    pub keep_lines: Option<bool>,
    pub page_break_before: Option<bool>,
    pub widow_control: Option<bool>,
    pub border_top: Option<Border>,
    pub border_bottom: Option<Border>,
    pub num_id: Option<i64>,
    pub num_level: Option<u8>,
}

impl RawPPr {
    /// Reads a `w:pPr` element.
    pub fn parse(ppr: &Element) -> Self {
        let mut out = Self::default();
        for c in ppr.elements() {
            if c.ns != super::xml::Ns::W {
                continue;
            }
            match c.local() {
                "pStyle" => out.style = c.attr_w("val").map(str::to_string),
                "jc" => out.alignment = c.attr_w("val").and_then(parse_alignment),
                "ind" => {
                    out.ind_left = c.attr_w("left").or(c.attr_w("start")).and_then(parse_i32);
                    out.ind_right = c.attr_w("right").or(c.attr_w("end")).and_then(parse_i32);
                    let first = c.attr_w("firstLine").and_then(parse_i32);
                    let hanging = c.attr_w("hanging").and_then(parse_i32);
                    if first.is_some() || hanging.is_some() {
                        out.ind_first_or_hanging = true;
                        out.ind_first = if hanging.is_some() { None } else { first };
                        out.ind_hanging = hanging;
                    }
                }
                "spacing" => {
                    out.before = c.attr_w("before").and_then(parse_i32);
                    out.after = c.attr_w("after").and_then(parse_i32);
                    out.line = c.attr_w("line").and_then(parse_i32);
                    out.line_rule = c.attr_w("lineRule").map(|r| match r {
                        "exact" => LineRule::Exact,
                        "atLeast" => LineRule::AtLeast,
                        _ => LineRule::Auto,
                    });
                    out.before_auto = c.attr_w("beforeAutospacing").map(on_off_value);
                    out.after_auto = c.attr_w("afterAutospacing").map(on_off_value);
                }
                "keepNext" => out.keep_next = Some(c.on_off()),
                "keepLines" => out.keep_lines = Some(c.on_off()),
                "pageBreakBefore" => out.page_break_before = Some(c.on_off()),
                "widowControl" => out.widow_control = Some(c.on_off()),
                "pBdr" => {
                    if let Some(b) = c.child_w("top") {
                        out.border_top = Some(parse_border(b));
                    }
                    if let Some(b) = c.child_w("bottom") {
                        out.border_bottom = Some(parse_border(b));
                    }
                }
                "numPr" => {
                    if let Some(id) = c.child_w("numId").and_then(|e| e.attr_w("val")) {
                        out.num_id = parse_i32(id).map(i64::from);
                    }
                    if let Some(l) = c.child_w("ilvl").and_then(|e| e.attr_w("val")) {
                        out.num_level = parse_i32(l).and_then(|v| u8::try_from(v).ok());
                    }
                }
                _ => {}
            }
        }
        out
    }

    /// Overrides every property `over` says.
    pub fn override_with(&mut self, over: &Self) {
        macro_rules! take {
            ($($f:ident),*) => { $( if over.$f.is_some() { self.$f = over.$f.clone(); } )* };
        }
        take!(
            style,
            alignment,
            ind_left,
            ind_right,
            before,
            after,
            line,
            line_rule,
            before_auto,
            after_auto,
            keep_next,
            keep_lines,
            page_break_before,
            widow_control,
            border_top,
            border_bottom,
            num_id,
            num_level
        );
        if over.ind_first_or_hanging {
            self.ind_first = over.ind_first;
            self.ind_hanging = over.ind_hanging;
            self.ind_first_or_hanging = true;
        }
    }
}

/// Reads a border element (`w:bottom`, `w:top`, ...).
pub(crate) fn parse_border(b: &Element) -> Border {
    Border {
        style: b.attr_w("val").unwrap_or("none").to_string(),
        size_eighths: b
            .attr_w("sz")
            .and_then(parse_i32)
            .map_or(0, |v| v.max(0) as u32),
        space: b
            .attr_w("space")
            .and_then(parse_i32)
            .map_or(0, |v| v.max(0) as u32),
        color: b.attr_w("color").map(str::to_string),
    }
}

/// `w:jc` values, transitional and strict.
pub(crate) fn parse_alignment(v: &str) -> Option<Alignment> {
    Some(match v {
        "left" | "start" => Alignment::Left,
        "center" => Alignment::Center,
        "right" | "end" => Alignment::Right,
        "both" => Alignment::Justify,
        "distribute" | "thaiDistribute" | "lowKashida" | "mediumKashida" | "highKashida" => {
            Alignment::Distribute
        }
        _ => return None,
    })
}

/// An integer attribute; tolerates a decimal part ("1440.0") as some writers emit.
pub(crate) fn parse_i32(v: &str) -> Option<i32> {
    let v = v.trim();
    v.parse::<i32>().ok().or_else(|| {
        v.parse::<f64>()
            .ok()
            .filter(|f| f.is_finite() && f.abs() < 1e9)
            .map(|f| f.round() as i32)
    })
}

fn parse_u16(v: &str) -> Option<u16> {
    parse_i32(v).and_then(|i| u16::try_from(i).ok())
}

fn on_off_value(v: &str) -> bool {
    !matches!(v, "0" | "false" | "off")
}
