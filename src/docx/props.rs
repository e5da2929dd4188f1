//! Run and paragraph properties from the layout facts: the font on all four font slots,
//! size, weight, slant, underline and case of each element, and the spacing of lines.

use docx_rs::{
    AlignmentType, BorderType, LineSpacing as DocxLineSpacing, LineSpacingType, Paragraph,
    ParagraphBorder, ParagraphBorderPosition, ParagraphBorders, Run, RunFonts, SpecialIndentType,
};

use crate::layout::{Case, LineSpacing, TextStyle, Twips, FONT, RULES};
use crate::model::text;

use super::metrics::text_width;

/// Times New Roman on ascii, hAnsi, eastAsia and cs (every script Word may pick).
pub(super) fn fonts() -> RunFonts {
    RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .east_asia(FONT)
        .cs(FONT)
}

/// The text as the element prints it: upper case for IN HOA elements.
pub(super) fn cased(s: &str, style: &TextStyle) -> String {
    match style.case {
        Case::Upper => text::upper(s),
        Case::AsTyped => s.to_string(),
    }
}

/// An empty run in the element's typography (font, size, bold, italic, underline).
pub(super) fn styled_run(style: &TextStyle) -> Run {
    let mut r = Run::new()
        .fonts(fonts())
        .size(usize::from(style.size.preferred.0));
    if style.bold {
        r = r.bold();
    }
    if style.italic {
        r = r.italic();
    }
    if style.underline {
        r = r.underline("single");
    }
    r
}

/// A run of `s` in the element's typography and case.
pub(super) fn run(s: &str, style: &TextStyle) -> Run {
    styled_run(style).add_text(cased(s, style))
}

/// A run with extra bold or italic on top of the element's own (inline đậm / nghiêng).
pub(super) fn run_with(s: &str, style: &TextStyle, bold: bool, italic: bool) -> Run {
    let mut r = run(s, style);
    if bold && !style.bold {
        r = r.bold();
    }
    if italic && !style.italic {
        r = r.italic();
    }
    r
}

/// Single line spacing with the given space before and after (header and footer blocks).
pub(super) fn single(before: Twips, after: Twips) -> DocxLineSpacing {
    DocxLineSpacing::new()
        .line_rule(LineSpacingType::Auto)
        .line(240)
        .before(non_negative(before))
        .after(non_negative(after))
}

/// The body's line spacing (auto multiple or exact) with space before and after.
pub(super) fn body_spacing(line: LineSpacing, before: Twips, after: Twips) -> DocxLineSpacing {
    let s = DocxLineSpacing::new()
        .before(non_negative(before))
        .after(non_negative(after));
    match line {
        LineSpacing::Auto(v) => s.line_rule(LineSpacingType::Auto).line(i32::from(v)),
        LineSpacing::Exact(v) => s.line_rule(LineSpacingType::Exact).line(i32::from(v)),
    }
}

fn non_negative(t: Twips) -> u32 {
    u32::try_from(t.0).unwrap_or(0)
}

/// A centred single-spaced line of text in the element's typography.
pub(super) fn centred_line(s: &str, style: &TextStyle) -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Center)
        .line_spacing(single(Twips(0), Twips(0)))
        .size(usize::from(style.size.preferred.0))
        .add_run(run(s, style))
}

/// Width of `s` as the element prints it, on one line.
pub(super) fn printed_width(s: &str, style: &TextStyle) -> Twips {
    text_width(
        &cased(s, style),
        style.size.preferred,
        style.bold,
        style.italic,
    )
}

/// Height of the empty paragraph that carries a line: puts the line about 3 pt under the
/// descenders of the text above, as in printed documents.
const RULE_HEIGHT: i32 = 80;

/// A solid line of `width`, centred in a space `room` wide: an empty paragraph whose bottom
/// border is cut to length by equal left and right indents (no drawing shapes needed).
pub(super) fn rule(width: Twips, room: Twips) -> Paragraph {
    let width = width.0.clamp(0, room.0.max(0));
    let side = (room.0 - width) / 2;
    let border = ParagraphBorder::new(ParagraphBorderPosition::Bottom)
        .val(BorderType::Single)
        .size(usize::from(RULES.weight))
        .space(0)
        .color("000000");
    let mut p = Paragraph::new()
        .align(AlignmentType::Center)
        .indent(Some(side), None, Some(side), None)
        .line_spacing(
            DocxLineSpacing::new()
                .line_rule(LineSpacingType::Exact)
                .line(RULE_HEIGHT)
                .before(0)
                .after(0),
        )
        .size(2);
    // Only the bottom side: docx-rs's default border set would draw a box.
    p.property = p
        .property
        .set_borders(ParagraphBorders::with_empty().set(border));
    p
}

/// A short line under a text: `RULES.short_percent` of the text's printed width, the text's
/// width capped to the room it wraps in.
pub(super) fn short_rule(text_width: Twips, room: Twips) -> Paragraph {
    let full = text_width.0.min(room.0);
    let len = full * i32::from(RULES.short_percent.preferred) / 100;
    rule(Twips(len), room)
}

/// Justified paragraph with the body's first-line indent (lùi đầu dòng).
pub(super) fn first_line(indent: Twips) -> SpecialIndentType {
    SpecialIndentType::FirstLine(indent.0)
}
