//! Kính gửi (Ô 9a): the addressees of the "Kính gửi:" line and the "- …" lines under it, or
//! of a Kính gửi set in a table of one row.

use super::body::DASH;
use crate::check::view::View;
use crate::layout::ADDRESSEE_LABEL;
use crate::model::text;

/// The addressees of Kính gửi lines (the text after "Kính gửi:", then "- …" lines): the
/// dashes and the list punctuation go, the layout computes them. One addressee keeps the
/// office's full stop ("Kính gửi: Sở Nội vụ."): NĐ 30 sets the punctuation of a list only.
pub(super) fn addressees_of(lines: &[String]) -> Vec<String> {
    // An addressee the office broke onto a second line by hand is one addressee.
    let mut joined: Vec<String> = Vec::new();
    for l in lines.iter().map(|l| l.trim()).filter(|l| !l.is_empty()) {
        match joined.last_mut() {
            Some(last) if text::list_item_wraps(last, l) => {
                last.push(' ');
                last.push_str(l);
            }
            _ => joined.push(l.to_string()),
        }
    }
    let lines: Vec<String> = joined
        .iter()
        .map(|l| DASH.replace(l, "").trim().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    let one = lines.len() == 1;
    lines
        .iter()
        .map(|l| {
            let bare = l.trim_end_matches([';', '.', ',']).trim();
            let stop = one && l.ends_with('.') && !bare.is_empty();
            format!("{bare}{}", if stop { "." } else { "" })
        })
        .filter(|l| !l.is_empty())
        .collect()
}

/// The lines of a Kính gửi set in a table of one row: its first cell opens with "Kính gửi"
/// and the rest of the row holds the addressees, one line each or after the label. `None`
/// for any other table.
pub(super) fn addressee_table(view: &View, cells: &[usize]) -> Option<Vec<String>> {
    let texts: Vec<(usize, String)> = cells
        .iter()
        .map(|&i| &view.paras[i])
        .filter(|p| !p.is_blank())
        .map(|p| {
            let row = p.cell.map_or(0, |c| c.row);
            (row, text::squash_spaces(&text::nfc(&p.text)))
        })
        .collect();
    let ((first_row, first), rest) = texts.split_first()?;
    let label = ADDRESSEE_LABEL.trim_end_matches(':');
    let after = first.strip_prefix(label)?.trim_start_matches(':').trim();
    if rest.iter().any(|(row, _)| row != first_row) {
        return None;
    }
    let mut lines = vec![after.to_string()];
    lines.extend(rest.iter().map(|(_, t)| t.clone()));
    Some(lines)
}
