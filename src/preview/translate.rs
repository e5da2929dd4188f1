//! Laid-out paragraphs and grids as HTML. Each paragraph is a `<p>` whose inline style is the
//! layout pass's (size, weight, slant, alignment, indents, spacing, line height) and whose
//! data attributes say what it is and how it looks (`data-el`, `data-sz` in half-points,
//! `data-b`, `data-i`, `data-al`), so a test can read the sequence back. A drawn line is a
//! `<div class="vb-rule">` of the laid-out length. Heights are estimated in points for the
//! page flow.

use std::fmt::Write;

use crate::laid::{Align, Grid, GridKind, Look, Para, RunKind, VMerge};
use crate::layout::{text_width, HalfPoints, LineSpacing, Twips, RULES};

use super::html::esc;

/// Em height of Times New Roman's line box per point of size, the height `Auto(240)` gives.
const LINE_BOX: f64 = 1.15;
/// Share of a line lost to wrapping at word ends (for line-count estimates), in percent.
const WRAP_LOSS_PERCENT: i64 = 4;

fn pt(t: Twips) -> f64 {
    t.as_pt()
}

fn size_pt(s: HalfPoints) -> f64 {
    f64::from(s.as_pt())
}

/// The alignment name used in CSS and in `data-al`.
pub(super) fn align_name(a: Option<Align>) -> &'static str {
    match a {
        None | Some(Align::Left) => "left",
        Some(Align::Center) => "center",
        Some(Align::Justify) => "justify",
    }
}

/// The size a paragraph's lines take: its own look, else its mark, else the default.
fn para_size(p: &Para, default: HalfPoints) -> HalfPoints {
    p.look().map(|l| l.size).or(p.mark_size).unwrap_or(default)
}

/// Line height in points of a paragraph.
fn line_height(p: &Para, default: HalfPoints) -> f64 {
    let size = size_pt(para_size(p, default));
    match p.spacing.map(|s| s.line) {
        Some(LineSpacing::Exact(tw)) => f64::from(tw) / 20.0,
        Some(LineSpacing::Auto(v)) => size * LINE_BOX * f64::from(v) / 240.0,
        None => size * LINE_BOX,
    }
}

fn look_css(out: &mut String, look: &Look) {
    let _ = write!(
        out,
        "font-size:{}pt;font-weight:{};font-style:{};text-decoration:{}",
        size_pt(look.size),
        if look.bold { "bold" } else { "normal" },
        if look.italic { "italic" } else { "normal" },
        if look.underline { "underline" } else { "none" },
    );
}

/// Writes one paragraph as HTML; footnote marks are numbered as the layout numbered them, and
/// a footnote's own mark is `note`.
pub(super) fn para(out: &mut String, p: &Para, default: HalfPoints, note: usize) {
    let size = para_size(p, default);
    let base = p.look().unwrap_or(Look {
        size,
        bold: false,
        italic: false,
        underline: false,
        superscript: false,
    });
    let (before, after) = p
        .spacing
        .map_or((0.0, 0.0), |s| (pt(s.before), pt(s.after)));
    let indent = p.indent.unwrap_or_default();
    let left = indent.left.map_or(0.0, pt);
    let right = indent.right.map_or(0.0, pt);
    let first = match (indent.first_line, indent.hanging) {
        (Some(f), _) => pt(f),
        (None, Some(h)) => -pt(h),
        (None, None) => 0.0,
    };
    if let Some(width) = p.rule {
        let _ = write!(
            out,
            "<div class=\"vb-rule\" data-el=\"{}\" data-w=\"{}\" style=\"width:{:.1}pt;height:{:.1}pt;margin:{before:.1}pt auto {after:.1}pt;border-bottom:{}pt solid #000;box-sizing:border-box\"></div>",
            p.el.id(),
            width.0,
            pt(width),
            line_height(p, default),
            f64::from(RULES.weight) / 8.0,
        );
        return;
    }
    let _ = write!(
        out,
        "<p data-el=\"{}\" data-sz=\"{}\" data-b=\"{}\" data-i=\"{}\" data-al=\"{}\" style=\"",
        p.el.id(),
        base.size.0,
        u8::from(base.bold),
        u8::from(base.italic),
        align_name(p.align),
    );
    look_css(out, &base);
    let _ = write!(
        out,
        ";text-align:{};margin:{before:.1}pt {right:.1}pt {after:.1}pt {left:.1}pt;text-indent:{first:.1}pt;line-height:{:.1}pt\">",
        align_name(p.align),
        line_height(p, default),
    );
    if p.runs.is_empty() {
        out.push_str("<br>");
    }
    for r in &p.runs {
        match r.kind {
            RunKind::FootnoteRef(n) => {
                let _ = write!(out, "<sup class=\"vb-fn\">{n}</sup>");
            }
            RunKind::FootnoteOwnMark => {
                let _ = write!(out, "<sup>{note}</sup>");
            }
            RunKind::Text | RunKind::PageNumber if r.look == base => out.push_str(&esc(&r.text)),
            RunKind::Text | RunKind::PageNumber => {
                out.push_str("<span style=\"");
                look_css(out, &r.look);
                out.push_str("\">");
                out.push_str(&esc(&r.text));
                out.push_str("</span>");
            }
        }
        if r.break_after {
            out.push_str("<br>");
        }
    }
    out.push_str("</p>");
}

/// Lines a text of `width` twips takes in `room` twips, at least one.
fn wrapped_lines(width: i64, room: i32) -> f64 {
    let room = i64::from(room) * (100 - WRAP_LOSS_PERCENT) / 100;
    ((width + room - 1) / room.max(1)).max(1) as f64
}

/// Estimated height in points of a paragraph set `width` wide.
pub(super) fn para_height(p: &Para, width: Twips, default: HalfPoints) -> f64 {
    let (before, after) = p
        .spacing
        .map_or((0.0, 0.0), |s| (pt(s.before), pt(s.after)));
    let line = line_height(p, default);
    if p.rule.is_some() {
        return before + after + line;
    }
    let indent = p.indent.unwrap_or_default();
    let room = (width.0 - indent.left.map_or(0, |t| t.0) - indent.right.map_or(0, |t| t.0)).max(1);
    // Measured widths of each line's runs; wrapping at word ends loses a little of each line.
    let mut lines = 0.0;
    let mut current = indent.first_line.map_or(0, |t| i64::from(t.0));
    for r in &p.runs {
        if r.kind == RunKind::Text {
            current += i64::from(text_width(&r.text, r.look.size, r.look.bold, r.look.italic).0);
        }
        if r.break_after {
            lines += wrapped_lines(current, room);
            current = 0;
        }
    }
    lines += wrapped_lines(current, room);
    before + after + lines * line
}

/// Writes a grid as a table: layout grids borderless, data tables ruled.
pub(super) fn grid(out: &mut String, g: &Grid, default: HalfPoints) {
    let class = match g.kind {
        GridKind::Header => "vb-header",
        GridKind::Footer => "vb-footer",
        GridKind::Data => "vb-table",
    };
    let total: i32 = g.columns.iter().map(|w| w.0).sum();
    let _ = write!(
        out,
        "<table class=\"{class}\" style=\"width:{:.1}pt;table-layout:fixed;border-collapse:collapse\">",
        pt(Twips(total))
    );
    for w in &g.columns {
        let _ = write!(out, "<col style=\"width:{:.1}pt\">", pt(*w));
    }
    let cell_style = if g.is_frame() {
        "vertical-align:top;padding:0"
    } else {
        "vertical-align:top;padding:0 2.75pt;border:0.5pt solid #000"
    };
    for row in &g.rows {
        out.push_str("<tr>");
        for c in &row.cells {
            // A cell continuing the one above is drawn by that cell's rowspan.
            if c.vmerge == Some(VMerge::Continue) {
                continue;
            }
            out.push_str("<td");
            if c.span > 1 {
                let _ = write!(out, " colspan=\"{}\"", c.span);
            }
            if c.rows > 1 {
                let _ = write!(out, " rowspan=\"{}\"", c.rows);
            }
            let style = if c.middle {
                cell_style.replace("vertical-align:top", "vertical-align:middle")
            } else {
                cell_style.to_string()
            };
            let _ = write!(out, " style=\"{style}\">");
            for p in &c.paras {
                para(out, p, default, 0);
            }
            out.push_str("</td>");
        }
        out.push_str("</tr>");
    }
    out.push_str("</table>");
}

/// Estimated height in points of a grid: each row as tall as its tallest cell.
pub(super) fn grid_height(g: &Grid, default: HalfPoints) -> f64 {
    g.rows
        .iter()
        .map(|r| {
            r.cells
                .iter()
                .map(|c| {
                    c.paras
                        .iter()
                        .map(|p| para_height(p, c.width, default))
                        .sum::<f64>()
                })
                .fold(0.0, f64::max)
        })
        .sum()
}
