//! From layout facts to paragraphs and runs: the case, size, weight and slant of each element,
//! single-spaced centred lines and the drawn lines cut to length (đường kẻ).

use crate::layout::{
    text_width, Case, Layout, LineSpacing, TextStyle, Twips, PAGE_NUMBER_PLACEHOLDER, RULES,
    RULE_PARAGRAPH, TAIL_LINE, TAIL_MARK_SIZE,
};
use crate::model::text;

use super::{Align, El, Indent, Look, Para, Run, RunKind, Spacing};

/// The typography of an element's runs.
pub(super) fn look(style: &TextStyle) -> Look {
    Look {
        size: style.size.preferred,
        bold: style.bold,
        italic: style.italic,
        underline: style.underline,
        superscript: false,
    }
}

/// The text as the element prints it: upper case for IN HOA elements.
pub(super) fn cased(s: &str, style: &TextStyle) -> String {
    match style.case {
        Case::Upper => text::upper(s),
        Case::AsTyped => s.to_string(),
    }
}

/// A run of `s` in the element's typography and case.
pub(super) fn run(s: &str, style: &TextStyle) -> Run {
    Run {
        text: cased(s, style),
        look: look(style),
        kind: RunKind::Text,
        break_after: false,
    }
}

/// A run with extra bold or italic on top of the element's own (inline đậm / nghiêng).
pub(super) fn run_with(s: &str, style: &TextStyle, bold: bool, italic: bool) -> Run {
    let mut r = run(s, style);
    r.look.bold |= bold;
    r.look.italic |= italic;
    r
}

/// A centred single-spaced line of text in the element's typography.
pub(super) fn centred_line(el: El, s: &str, style: &TextStyle) -> Para {
    let mut p = Para::new(el);
    p.align = Some(Align::Center);
    p.spacing = Some(Spacing::single(Twips(0), Twips(0)));
    p.mark_size = Some(style.size.preferred);
    p.runs.push(run(s, style));
    p
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

/// A solid line of `width`, centred in a space `room` wide: an empty paragraph whose bottom
/// border is cut to length by equal left and right indents.
pub(super) fn rule(el: El, width: Twips, room: Twips) -> Para {
    let width = width.0.clamp(0, room.0.max(0));
    let side = (room.0 - width) / 2;
    let mut p = Para::new(el);
    p.align = Some(Align::Center);
    p.indent = Some(Indent {
        left: Some(Twips(side)),
        right: Some(Twips(side)),
        ..Indent::default()
    });
    p.spacing = Some(Spacing {
        before: Twips(0),
        after: Twips(0),
        line: LineSpacing::Exact(u16::try_from(RULE_PARAGRAPH.height.0).unwrap_or(0)),
    });
    p.mark_size = Some(RULE_PARAGRAPH.mark_size);
    p.rule = Some(Twips(room.0 - 2 * side));
    p
}

/// A short line under a text: `RULES.short_percent` of the text's printed width, the text's
/// width capped to the room it wraps in.
pub(super) fn short_rule(el: El, text_width: Twips, room: Twips) -> Para {
    let full = text_width.0.min(room.0);
    let len = full * i32::from(RULES.short_percent.preferred) / 100;
    rule(el, Twips(len), room)
}

/// The page-number paragraph of pages 2 and after: a PAGE field, centred.
pub(super) fn page_number(l: &Layout) -> Para {
    let style = &l.page_number;
    let mut p = Para::new(El::PageNumber);
    p.align = Some(Align::Center);
    p.spacing = Some(Spacing::single(Twips(0), Twips(0)));
    p.mark_size = Some(style.size.preferred);
    p.runs.push(Run {
        text: PAGE_NUMBER_PLACEHOLDER.to_string(),
        look: look(style),
        kind: RunKind::PageNumber,
        break_after: false,
    });
    p
}

/// The header of page 1: one empty paragraph (no page number on the first page).
pub(super) fn first_page_header(l: &Layout) -> Para {
    let mut p = Para::new(El::PageNumber);
    p.spacing = Some(Spacing::single(Twips(0), Twips(0)));
    p.mark_size = Some(l.page_number.size.preferred);
    p
}

/// The tiny empty paragraph after a final table.
pub(super) fn tail() -> Para {
    let mut p = Para::new(El::Other);
    p.spacing = Some(Spacing {
        before: Twips(0),
        after: Twips(0),
        line: TAIL_LINE,
    });
    p.mark_size = Some(TAIL_MARK_SIZE);
    p
}
