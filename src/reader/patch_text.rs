//! Replacing text inside a paragraph for the patcher: only the part that differs is rewritten,
//! so every run keeps its formatting.

use super::error::PatchError;
use super::walk::{self, FieldStack, Inline};
use super::xml::{self, Element, Node};

/// Replaces every occurrence of `find` in the paragraph's visible text. Returns whether any was
/// found. Only the part that differs is rewritten (common prefix and suffix of `find` and
/// `replace` stay in their runs), so "ngày 5 tháng 2" → "ngày 05 tháng 02" keeps every run's
/// formatting; inserted text takes the formatting of the run it is inserted into.
pub(super) fn replace_text(p: &mut Element, find: &str, replace: &str) -> Result<bool, PatchError> {
    // Pieces of visible text in order: (w:t path if editable, text).
    let mut pieces: Vec<(Option<Vec<usize>>, String)> = Vec::new();
    {
        let mut items = Vec::new();
        walk::inline(p, &mut FieldStack::default(), true, &mut items);
        for it in items {
            if let Inline::Text { text, path, .. } = it {
                pieces.push((path, text));
            }
        }
    }
    let full: String = pieces.iter().map(|(_, t)| t.as_str()).collect();
    let (pre, suf) = common_affixes(find, replace);
    let middle = &replace[pre..replace.len() - suf];
    // Edits on `full`: (start, end, inserted), sorted and disjoint.
    let edits: Vec<(usize, usize)> = full
        .match_indices(find)
        .map(|(s, m)| (s + pre, s + m.len() - suf))
        .collect();
    if edits.is_empty() {
        return Ok(false);
    }
    // Piece ranges and, for each edit, the piece that receives the inserted text.
    let mut ranges = Vec::with_capacity(pieces.len());
    let mut start = 0;
    for (_, t) in &pieces {
        ranges.push((start, start + t.len()));
        start += t.len();
    }
    // The piece that receives inserted text: for a pure insertion at a run boundary, the run
    // before it (as when typing there); otherwise the run where the removed text starts.
    let owner = |pos: usize, insertion: bool| -> Option<usize> {
        let inside = || {
            ranges
                .iter()
                .position(|&(ps, pe)| ps <= pos && pos < pe)
                .filter(|&i| pieces[i].0.is_some())
        };
        let before = || {
            ranges
                .iter()
                .rposition(|&(ps, pe)| pe == pos && ps < pe)
                .filter(|&i| pieces[i].0.is_some())
        };
        if insertion {
            before().or_else(inside)
        } else {
            inside().or_else(before)
        }
    };
    let mut inserts = Vec::with_capacity(edits.len());
    for &(es, ee) in &edits {
        let receiving = if middle.is_empty() {
            None
        } else {
            owner(es, es == ee)
        };
        if !middle.is_empty() && receiving.is_none() {
            return Err(PatchError::InvalidEdit(format!(
                "không sửa được \"{find}\": chỗ sửa nằm ở ký tự không phải chữ (tab, ngắt dòng)"
            )));
        }
        // Removed text must all be editable.
        for (i, &(ps, pe)) in ranges.iter().enumerate() {
            if es < pe && ee > ps && pieces[i].0.is_none() {
                return Err(PatchError::InvalidEdit(format!(
                    "không sửa được \"{find}\": đoạn cần sửa chứa tab hoặc ngắt dòng"
                )));
            }
        }
        inserts.push(receiving);
    }
    for (i, &(ps, pe)) in ranges.iter().enumerate() {
        let touched = edits
            .iter()
            .zip(&inserts)
            .any(|(&(es, ee), &ins)| (es < pe && ee > ps) || ins == Some(i));
        if !touched {
            continue;
        }
        let mut s = String::with_capacity(pe - ps + middle.len());
        let mut pos = ps;
        for (&(es, ee), &ins) in edits.iter().zip(&inserts) {
            if ee < ps || es > pe {
                continue;
            }
            let cut_start = es.clamp(ps, pe);
            let cut_end = ee.clamp(ps, pe);
            if cut_start < pos {
                continue;
            }
            s.push_str(&full[pos..cut_start]);
            if ins == Some(i) {
                s.push_str(middle);
            }
            pos = cut_end;
        }
        s.push_str(&full[pos..pe]);
        let Some(path) = &pieces[i].0 else { continue };
        if let Some(t) = walk::at_path_mut(p, path) {
            set_t_text(t, s);
        }
    }
    Ok(true)
}

/// Byte lengths of the longest common prefix and suffix (on char boundaries, not overlapping).
fn common_affixes(a: &str, b: &str) -> (usize, usize) {
    let pre: usize = a
        .chars()
        .zip(b.chars())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum();
    let max_suf = (a.len() - pre).min(b.len() - pre);
    let mut suf = 0;
    for (x, y) in a.chars().rev().zip(b.chars().rev()) {
        if x != y || suf + x.len_utf8() > max_suf {
            break;
        }
        suf += x.len_utf8();
    }
    (pre, suf)
}

/// Sets the text of a `w:t`, marking it `xml:space="preserve"` when spaces would otherwise be lost.
fn set_t_text(t: &mut Element, new: String) {
    let needs_preserve = new.starts_with(char::is_whitespace) || new.ends_with(char::is_whitespace);
    t.children = if new.is_empty() {
        Vec::new()
    } else {
        vec![Node::Text(new)]
    };
    if needs_preserve && !t.attrs.iter().any(|a| a.name == "xml:space") {
        t.attrs.push(xml::Attr::new(
            "xml:space",
            xml::Ns::Other,
            "preserve".into(),
        ));
    }
}
