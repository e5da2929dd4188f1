//! The closing mark of an imported body ("./."): taken off the text, since Vanban prints it
//! again, and recorded in [`BodyOut::closing`] — before the first Phụ lục or issued document,
//! and at the end of an issued Quy chế or Quy định, which Vanban ends with its own "./.".

use crate::layout::{CLOSING_MARK, CLOSING_MARK_AFTER_STOP};
use crate::model::{Block, Span};

use super::body::BodyOut;

/// Takes the "./." off the last text block before any Phụ lục or issued document (and off the
/// end of an issued Quy chế or Quy định): the whole mark when Vanban wrote it as its own run
/// after text without a stop, else the "/." after the text's stop.
pub(super) fn closing_mark(out: &mut BodyOut, mark_runs: &[Option<usize>]) {
    let attached = |b: &Block| matches!(b, Block::Appendix { .. } | Block::Issued { .. });
    let end = out
        .blocks
        .iter()
        .position(attached)
        .unwrap_or(out.blocks.len());
    if strip_mark(out, end, mark_runs) {
        out.closing = true;
    }
    // A Quy chế or Quy định issued with the decision ends with its own "./.", laid out again.
    let last_attached = out.blocks.iter().rposition(attached);
    if last_attached.is_some_and(|i| matches!(out.blocks[i], Block::Issued { .. })) {
        let len = out.blocks.len();
        strip_mark(out, len, mark_runs);
    }
}

/// Takes "./." off the last text block before position `end`; whether one was there.
fn strip_mark(out: &mut BodyOut, end: usize, mark_runs: &[Option<usize>]) -> bool {
    // A lone "./." paragraph.
    if end > 0 {
        if let Some(Block::Paragraph { content }) = out.blocks.get(end - 1) {
            if content.plain_text().trim() == CLOSING_MARK {
                out.blocks.remove(end - 1);
                return true;
            }
        }
    }
    let Some(at) = out.blocks[..end]
        .iter()
        .rposition(|b| !matches!(b, Block::Table(_)))
    else {
        return false;
    };
    let strip = mark_runs
        .get(at)
        .copied()
        .flatten()
        .unwrap_or(CLOSING_MARK_AFTER_STOP.chars().count());
    let last = &mut out.blocks[at];
    let inline = match last {
        Block::Part { title }
        | Block::Section { title }
        | Block::Heading { title, .. }
        | Block::Chapter { title }
        | Block::Division { title }
        | Block::Appendix { title, .. }
        | Block::Issued { title, .. }
        | Block::Article { title, .. } => title,
        Block::Numbered { content, .. }
        | Block::Lettered { content }
        | Block::Dash { content }
        | Block::Plus { content }
        | Block::Paragraph { content }
        | Block::Basis { content } => content,
        Block::Action { text } => text,
        Block::Table(_) => return false,
    };
    if !inline.plain_text().trim_end().ends_with(CLOSING_MARK) {
        return false;
    }
    // Take the "/." off the end, across runs: what is left ends with "." and prints the
    // same "./." again.
    let mut left = strip;
    while left > 0 {
        let Some(Span::Text { text, .. }) = inline.0.last_mut() else {
            return true;
        };
        let trimmed = text.trim_end().to_string();
        let mut chars: Vec<char> = trimmed.chars().collect();
        while left > 0 && !chars.is_empty() {
            chars.pop();
            left -= 1;
        }
        *text = chars.into_iter().collect::<String>().trim_end().to_string();
        if text.is_empty() {
            inline.0.pop();
        }
    }
    true
}
