//! Translation of laid-out paragraphs and runs into docx-rs ones: the font on all four font
//! slots, and each property exactly as the layout pass decided it. Nothing here chooses a
//! size, a spacing or a width.

use docx_rs::{
    AlignmentType, BorderType, BreakType, LineSpacing as DocxLineSpacing, LineSpacingType,
    Paragraph, ParagraphBorder, ParagraphBorderPosition, ParagraphBorders, Run, RunFonts,
    SpecialIndentType, VertAlignType,
};

use crate::laid::{Align, Look, Para, Run as LaidRun, RunKind, Spacing};
use crate::layout::{LineSpacing, Twips, FONT, RULES};

/// Stands for the footnote's own number inside the footnote text; the packaging pass turns
/// it into `<w:footnoteRef/>` (docx-rs has no element for it).
pub(super) const FOOTNOTE_REF_MARK: char = '\u{E000}';

/// Character style of footnote marks, in the text and in the footnote.
pub(super) const FOOTNOTE_REFERENCE: &str = "FootnoteReference";

/// Times New Roman on ascii, hAnsi, eastAsia and cs (every script Word may pick).
pub(super) fn fonts() -> RunFonts {
    RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .east_asia(FONT)
        .cs(FONT)
}

/// An empty run in a typography (font, size, bold, italic, underline).
pub(super) fn styled_run(look: &Look) -> Run {
    let mut r = Run::new().fonts(fonts()).size(usize::from(look.size.0));
    if look.bold {
        r = r.bold();
    }
    if look.italic {
        r = r.italic();
    }
    if look.underline {
        r = r.underline("single");
    }
    r
}

fn non_negative(t: Twips) -> u32 {
    u32::try_from(t.0).unwrap_or(0)
}

/// `w:spacing` of a laid-out spacing.
pub(super) fn spacing(s: &Spacing) -> DocxLineSpacing {
    let d = DocxLineSpacing::new();
    let d = match s.line {
        LineSpacing::Auto(v) => d.line_rule(LineSpacingType::Auto).line(i32::from(v)),
        LineSpacing::Exact(v) => d.line_rule(LineSpacingType::Exact).line(i32::from(v)),
    };
    d.before(non_negative(s.before))
        .after(non_negative(s.after))
}

/// Text of a run, without the private mark the packaging pass reserves.
fn clean(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains(FOOTNOTE_REF_MARK) {
        s.chars().filter(|c| *c != FOOTNOTE_REF_MARK).collect()
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// A text run or a footnote's own mark; footnote references and fields are built by the
/// caller, who knows the footnote content and the field parts.
pub(super) fn text_run(r: &LaidRun) -> Run {
    let mut out = styled_run(&r.look);
    out = match r.kind {
        RunKind::FootnoteOwnMark => out
            .style(FOOTNOTE_REFERENCE)
            .add_text(FOOTNOTE_REF_MARK.to_string()),
        _ => out.add_text(clean(&r.text)),
    };
    if r.look.superscript {
        out.run_property = out.run_property.vert_align(VertAlignType::SuperScript);
    }
    if r.break_after {
        out = out.add_break(BreakType::TextWrapping);
    }
    out
}

/// A paragraph with the laid-out properties and no runs yet; a line's bottom border when the
/// paragraph is a drawn line.
pub(super) fn paragraph(p: &Para) -> Paragraph {
    let mut out = Paragraph::new();
    if let Some(a) = p.align {
        out = out.align(match a {
            Align::Left => AlignmentType::Left,
            Align::Center => AlignmentType::Center,
            Align::Justify => AlignmentType::Both,
        });
    }
    if let Some(i) = p.indent {
        let special = match (i.first_line, i.hanging) {
            (Some(f), _) => Some(SpecialIndentType::FirstLine(f.0)),
            (None, Some(h)) => Some(SpecialIndentType::Hanging(h.0)),
            (None, None) => None,
        };
        out = out.indent(i.left.map(|t| t.0), special, i.right.map(|t| t.0), None);
    }
    if let Some(s) = &p.spacing {
        out = out.line_spacing(spacing(s));
    }
    if let Some(size) = p.mark_size {
        out = out.size(usize::from(size.0));
    }
    if p.page_break_before {
        out = out.page_break_before(true);
    }
    if p.keep_next {
        out = out.keep_next(true);
    }
    if p.rule.is_some() {
        let border = ParagraphBorder::new(ParagraphBorderPosition::Bottom)
            .val(BorderType::Single)
            .size(usize::from(RULES.weight))
            .space(0)
            .color("000000");
        // Only the bottom side: docx-rs's default border set would draw a box.
        out.property = out
            .property
            .set_borders(ParagraphBorders::with_empty().set(border));
    }
    out
}
