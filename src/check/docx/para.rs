//! Paragraphs as they print (đoạn văn như khi in): a reader paragraph becomes a view
//! [`Para`] with its effective formatting; soft line breaks split into lines; layout gaps.

use crate::check::view::{Align, CellPos, Para, Run, Spacing};
use crate::model::text;
use crate::reader::{self, Alignment, LineRule};

pub(super) fn align(a: Option<Alignment>) -> Align {
    match a {
        Some(Alignment::Center) => Align::Center,
        Some(Alignment::Right) => Align::Right,
        Some(Alignment::Justify | Alignment::Distribute) => Align::Justify,
        _ => Align::Left,
    }
}

/// Which runs end a paragraph in small print: subscript or superscript, or at most 8 pt
/// after larger text. Offices end the Lưu line with the drafter's initials and the number
/// of copies this way ("- Lưu: VT, NC." + a small "Châu (02b)", the ký hiệu người soạn thảo
/// of NĐ 30, ô số 12). Its text stays part of the line (the final "." comes after it), but
/// its size and style are not the line's: such runs are left out of the paragraph's runs.
/// One flag per run.
fn small_print_tail(runs: &[reader::Run]) -> Vec<bool> {
    let small = |r: &reader::Run| {
        r.vertical != reader::VerticalAlign::Baseline || r.size.is_some_and(|s| s.0 <= 16)
    };
    let mut tag = vec![false; runs.len()];
    let mut tail_text = false;
    for (k, r) in runs.iter().enumerate().rev() {
        // Blank runs, and the final "." or ")" after the tag, do not end it.
        if r.hidden || !r.text.chars().any(char::is_alphanumeric) {
            continue;
        }
        if !small(r) {
            // The tail counts only after real text of normal size.
            let head_text = runs[..=k]
                .iter()
                .any(|r| !r.hidden && !small(r) && r.text.chars().any(char::is_alphabetic));
            if !(tail_text && head_text) {
                tag.fill(false);
            }
            return tag;
        }
        tag[k] = true;
        tail_text |= r.text.chars().any(char::is_alphanumeric);
    }
    vec![false; runs.len()]
}

/// The family of a font named by one of its faces: Word files often name "Times New Roman
/// Bold" in `w:rFonts` (fontTable gives it the alternate name "Times New Roman"); it prints
/// as Times New Roman in bold.
fn face_family(name: &str) -> &str {
    let mut family = name.trim();
    for face in [" Bold Italic", " Bold", " Italic", " Regular"] {
        if let Some(stem) = family.strip_suffix(face).filter(|s| !s.is_empty()) {
            family = stem;
        }
    }
    family
}

/// A line set in the middle with tabs instead of centring ("⇥⇥ĐIỀU LỆ" reaching a centre tab
/// stop): a reader sees it centred. Only its leading tabs, each to the next stop set on the
/// paragraph, the last one a centre stop.
fn centred_on_tab(p: &reader::Paragraph, text: &str) -> bool {
    let leading = text.chars().take_while(|&c| c == '\t').count();
    leading > 0
        && !text[leading..].contains('\t')
        && p.tab_stops.get(leading - 1).is_some_and(|t| t.center)
}

/// Text that does not show on paper: hidden (`w:vanish`), or white on the white page (a
/// spacer word an office typed in white to push a signature's name down).
fn unseen(r: &reader::Run) -> bool {
    r.hidden
        || r.color
            .as_deref()
            .is_some_and(|c| c.eq_ignore_ascii_case("FFFFFF"))
}

pub(super) fn para_of(p: &reader::Paragraph, cell: Option<CellPos>) -> Para {
    let tag = small_print_tail(&p.runs);
    let runs = p
        .runs
        .iter()
        .zip(&tag)
        .filter(|(r, &t)| !unseen(r) && r.is_footnote_ref.is_none() && !t)
        .map(|(r, _)| r)
        .map(|r| Run {
            text: r.text.clone(),
            font: r.font().map(|f| face_family(f).to_string()),
            size: r.size,
            bold: r.bold,
            italic: r.italic,
            underline: r.underline,
            caps: r.caps,
        })
        .collect();
    let line = p.spacing.line.map(|v| {
        let v = v.max(0) as u32;
        match p.spacing.line_rule {
            Some(LineRule::Exact) => Spacing::Exact(v),
            Some(LineRule::AtLeast) => Spacing::AtLeast(v),
            _ => Spacing::Auto(v),
        }
    });
    let first_line = match (p.indent.first_line, p.indent.hanging) {
        (Some(f), _) => Some(f.0),
        (None, Some(h)) => Some(-h.0),
        _ => None,
    };
    // What the reader sees: hidden text (w:vanish, e.g. a template's leftover tags) is not
    // shown, text under `w:caps` is shown in capitals.
    let shown_text = p
        .runs
        .iter()
        .any(|r| unseen(r) || (r.caps && r.text != text::upper(&r.text)));
    let shown = if shown_text {
        p.runs
            .iter()
            .filter(|r| !unseen(r))
            .map(|r| {
                if r.caps {
                    text::upper(&r.text)
                } else {
                    r.text.clone()
                }
            })
            .collect()
    } else {
        p.text()
    };
    // The label of list numbering is shown before the text, as on paper: a dash bullet
    // ("- Như trên;" typed as a bulleted list: the dash the Nơi nhận rules look for) or
    // Word's automatic number ("2.", "b)", "Điều 6.").
    let label = list_label(p).filter(|_| !shown.trim().is_empty());
    let shown_text = shown_text || label.is_some();
    let shown = match label {
        Some(b) => format!("{b} {}", shown.trim_start()),
        None => shown,
    };
    Para {
        index: p.index,
        runs,
        align: if centred_on_tab(p, &shown) {
            Align::Center
        } else {
            align(p.alignment)
        },
        text: shown,
        first_line_indent: first_line,
        left_indent: p.indent.left.map(|t| t.0),
        space_after: p.spacing.after.map(|t| t.0.max(0) as u32),
        space_before: p.spacing.before.map(|t| t.0.max(0) as u32),
        line,
        bottom_border: p
            .border_bottom
            .as_ref()
            .is_some_and(reader::Border::is_visible),
        top_border: p
            .border_top
            .as_ref()
            .is_some_and(reader::Border::is_visible),
        has_drawing: p.has_drawing,
        line_shapes: p.line_shapes,
        keep_next: p.keep_next,
        keep_lines: p.keep_lines,
        cell,
        grid: None,
        vmerge: None,
        field: None,
        segment: false,
        shown_text,
        text_box: false,
        // In a table cell a run of spaces is a blank left for the number or the day
        // ("Số:      /QĐ-UBND"); outside one it may push a second column to the right.
        columns: {
            let t = p.text();
            t.trim().contains('\t') || (cell.is_none() && layout_gap(t.trim()))
        },
    }
}

/// The fewest spaces in a row that are layout rather than a typing slip: a gap that sets
/// two columns apart ("Ảnh          CỘNG HÒA"), or a blank left to be filled in by hand.
pub(super) const LAYOUT_SPACES: usize = 4;

/// Whether `text` holds a tab or at least [`LAYOUT_SPACES`] spaces in a row.
pub(crate) fn layout_gap(text: &str) -> bool {
    let mut spaces = 0;
    for c in text.chars() {
        match c {
            '\t' => return true,
            ' ' | '\u{A0}' => {
                spaces += 1;
                if spaces >= LAYOUT_SPACES {
                    return true;
                }
            }
            _ => spaces = 0,
        }
    }
    false
}

/// The label a paragraph's list numbering shows: Word's automatic number ("2.", "b)"), or
/// the dash of a dash bullet ("-", "–", or the Symbol font's dash U+F02D) as "-" (or "+").
fn list_label(p: &reader::Paragraph) -> Option<&str> {
    let n = p.numbering.as_ref()?;
    if let Some(label) = n.label.as_deref() {
        return Some(label);
    }
    if n.format.as_deref() != Some("bullet") {
        return None;
    }
    match n.level_text.as_deref()?.trim() {
        "-" | "–" | "—" | "−" | "\u{F02D}" => Some("-"),
        "+" | "\u{F02B}" => Some("+"),
        _ => None,
    }
}

/// The longest line, in characters, that is split out of a paragraph at soft line breaks:
/// header and footer lines are short, body sentences are not.
const SPLIT_LINE_MAX: usize = 100;

/// Splits a paragraph written as several lines with soft line breaks ("CỘNG HÒA XÃ HỘI CHỦ
/// NGHĨA VIỆT NAM↵Độc lập - Tự do - Hạnh phúc", "KT. CHỦ TỊCH↵PHÓ CHỦ TỊCH") into one
/// paragraph per line, each with its own runs and the paragraph's layout, as a reader sees
/// them. Paragraphs without a break, or with a long line, stay whole.
pub(super) fn split_lines(p: Para) -> Vec<Para> {
    if !p.text.contains('\n') {
        return vec![p];
    }
    let lines: Vec<&str> = p.text.split('\n').collect();
    if lines.iter().filter(|l| !l.trim().is_empty()).count() < 2
        || lines
            .iter()
            .any(|l| l.trim().chars().count() > SPLIT_LINE_MAX)
    {
        return vec![p];
    }
    split_at(&p, '\n').unwrap_or_else(|| vec![p])
}

/// The pieces of a paragraph between `sep` characters, each with its own runs and the
/// paragraph's layout (indent, spacing, keeps: the rules on running text judge them as
/// they judged the whole paragraph). `None` when the runs do not line up with the text
/// (hidden runs are in the text but not in the runs).
pub(super) fn split_at(p: &Para, sep: char) -> Option<Vec<Para>> {
    let texts: Vec<&str> = p.text.split(sep).collect();
    let mut runs: Vec<Vec<Run>> = vec![Vec::new()];
    for r in &p.runs {
        for (k, piece) in r.text.split(sep).enumerate() {
            if k > 0 {
                runs.push(Vec::new());
            }
            if !piece.is_empty() {
                if let Some(line) = runs.last_mut() {
                    line.push(Run {
                        text: piece.to_string(),
                        ..r.clone()
                    });
                }
            }
        }
    }
    (runs.len() == texts.len()).then(|| {
        texts
            .into_iter()
            .zip(runs)
            .map(|(text, runs)| Para {
                text: text.to_string(),
                runs,
                segment: true,
                ..p.clone()
            })
            .collect()
    })
}
