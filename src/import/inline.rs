//! Inline content of an imported paragraph (nội dung trong dòng): the runs' text with their
//! bold and italic, footnotes put back where their marks were, hand-typed spacing folded,
//! and a typed label ("1.", "a)", "Điều 3.") cut off the front.

use crate::check::view::Para;
use crate::model::{text, Inline, Span};

/// One character with its formatting, or a footnote anchored before the next character.
#[derive(Debug, Clone)]
pub(super) enum Piece {
    /// A character: (char, bold, italic).
    Char(char, bool, bool),
    /// A footnote's text.
    Note(String),
}

/// The paragraph as pieces: runs in NFC with their formatting, footnotes (`notes`: char
/// offset in the paragraph's text → footnote text) inserted at their marks. When the runs do
/// not add up to the paragraph's text (hidden text), the text is taken unformatted.
pub(super) fn pieces(p: &Para, notes: &[(usize, String)]) -> Vec<Piece> {
    let from_runs: String = p.runs.iter().map(|r| r.text.as_str()).collect();
    let mut out = Vec::new();
    // A label the view shows before the runs (Word's list numbering) is plain text.
    let label = p
        .text
        .strip_suffix(from_runs.trim_start())
        .filter(|l| !from_runs.trim().is_empty() && l.ends_with(' '));
    if let Some(label) = label {
        out.extend(
            text::nfc(label)
                .chars()
                .map(|c| Piece::Char(c, false, false)),
        );
    }
    if from_runs == p.text || label.is_some() {
        for r in &p.runs {
            for c in text::nfc(&r.text).chars() {
                out.push(Piece::Char(c, r.bold, r.italic));
            }
        }
    } else {
        out.extend(
            text::nfc(&p.text)
                .chars()
                .map(|c| Piece::Char(c, false, false)),
        );
    }
    // Footnotes from the last so earlier offsets stay valid.
    let mut notes: Vec<&(usize, String)> = notes.iter().collect();
    notes.sort_by_key(|(k, _)| std::cmp::Reverse(*k));
    for (k, t) in notes {
        let at = char_index(&out, *k);
        out.insert(at, Piece::Note(t.clone()));
    }
    fold(out)
}

/// The position in `pieces` of the `k`-th character.
fn char_index(pieces: &[Piece], k: usize) -> usize {
    let mut seen = 0;
    for (i, p) in pieces.iter().enumerate() {
        if let Piece::Char(..) = p {
            if seen == k {
                return i;
            }
            seen += 1;
        }
    }
    pieces.len()
}

/// NFC per character group, whitespace (tabs, no-break spaces, runs of spaces, line
/// breaks) folded to one space, trimmed at both ends.
fn fold(pieces: Vec<Piece>) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    let mut space: Option<(bool, bool)> = None;
    for p in pieces {
        match p {
            Piece::Char(c, b, i) if c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}' => {
                if space.is_none() {
                    space = Some((b, i));
                }
            }
            Piece::Char(c, b, i) => {
                if let Some((sb, si)) = space.take() {
                    if out.iter().any(|p| matches!(p, Piece::Char(..))) {
                        out.push(Piece::Char(' ', sb, si));
                    }
                }
                out.push(Piece::Char(c, b, i));
            }
            Piece::Note(t) => {
                out.push(Piece::Note(t));
            }
        }
    }
    out
}

/// The plain text of pieces (footnotes left out), NFC.
pub(super) fn plain(pieces: &[Piece]) -> String {
    let s: String = pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Char(c, ..) => Some(*c),
            Piece::Note(_) => None,
        })
        .collect();
    text::nfc(&s)
}

/// Cuts the first `n` characters (a typed label) and the spaces after them.
pub(super) fn skip_chars(pieces: &[Piece], n: usize) -> Vec<Piece> {
    let at = char_index(pieces, n);
    let mut rest: Vec<Piece> = pieces[at.min(pieces.len())..].to_vec();
    while matches!(rest.first(), Some(Piece::Char(c, ..)) if c.is_whitespace()) {
        rest.remove(0);
    }
    rest
}

/// Whether every visible character is bold, the "./." closing mark Vanban writes upright
/// after the last paragraph aside.
pub(super) fn all_bold(pieces: &[Piece]) -> bool {
    let chars: Vec<(char, bool)> = pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Char(c, b, _) => Some((*c, *b)),
            Piece::Note(_) => None,
        })
        .collect();
    crate::check::normative::bold_throughout(&chars)
}

/// Inline content with formatting kept (`formatted`) or dropped (a block whose style sets
/// it: a Mục title, a căn cứ); spaces at the edges of bold or italic runs moved outside.
pub(super) fn inline(pieces: &[Piece], formatted: bool) -> Inline {
    let mut spans: Vec<Span> = Vec::new();
    let mut buf = String::new();
    let mut state = (false, false);
    let flush = |spans: &mut Vec<Span>, buf: &mut String, state: (bool, bool)| {
        if buf.is_empty() {
            return;
        }
        let t = text::nfc(buf);
        buf.clear();
        if state == (false, false) {
            push_text(spans, &t, false, false);
            return;
        }
        // Leading and trailing spaces of an emphasised run print the same upright.
        let core = t.trim();
        let lead = &t[..t.len() - t.trim_start().len()];
        let trail = &t[t.trim_end().len()..];
        if !lead.is_empty() {
            push_text(spans, lead, false, false);
        }
        if !core.is_empty() {
            push_text(spans, core, state.0, state.1);
        }
        if !trail.is_empty() && !core.is_empty() {
            push_text(spans, trail, false, false);
        }
    };
    for p in pieces {
        match p {
            Piece::Char(c, b, i) => {
                let s = if formatted { (*b, *i) } else { (false, false) };
                if s != state {
                    flush(&mut spans, &mut buf, state);
                    state = s;
                }
                buf.push(*c);
            }
            Piece::Note(t) => {
                flush(&mut spans, &mut buf, state);
                let note = text::squash_spaces(&text::nfc(t));
                spans.push(Span::Footnote { text: note });
            }
        }
    }
    flush(&mut spans, &mut buf, state);
    Inline(spans)
}

/// Appends text, merged into the last span when its formatting is the same.
fn push_text(spans: &mut Vec<Span>, t: &str, bold: bool, italic: bool) {
    if let Some(Span::Text {
        text,
        bold: b,
        italic: i,
    }) = spans.last_mut()
    {
        if *b == bold && *i == italic {
            text.push_str(t);
            return;
        }
    }
    spans.push(Span::Text {
        text: t.to_string(),
        bold,
        italic,
    });
}
