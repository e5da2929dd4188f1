//! Trang ngang: which imported Phụ lục lie in a landscape section of the original
//! (`w:pgSz w:orient="landscape"`), so the draft sets them on landscape pages again.

use crate::model::Block;
use crate::reader;

/// Marks as landscape (trang ngang) each Phụ lục whose paragraphs, from its heading to the
/// next attached text, lie at least in part in a landscape section of the original: offices
/// end the portrait section before the appendix, or after its heading, and set its tables
/// across the width of the paper. `firsts[j]` is the original paragraph block `j` starts at.
pub(super) fn mark_appendices(blocks: &mut [Block], firsts: &[usize], doc: &reader::DocxFile) {
    // Each landscape section as the range of original paragraphs it holds.
    let mut ranges = Vec::new();
    let mut from = 0;
    for s in &doc.sections {
        let Some(last) = s.last_paragraph else {
            continue;
        };
        if s.landscape {
            ranges.push(from..last + 1);
        }
        from = last + 1;
    }
    if ranges.is_empty() {
        return;
    }
    let heads: Vec<usize> = (0..blocks.len())
        .filter(|&j| matches!(blocks[j], Block::Appendix { .. } | Block::Issued { .. }))
        .collect();
    for (n, &j) in heads.iter().enumerate() {
        let (Some(&start), end) = (
            firsts.get(j),
            heads
                .get(n + 1)
                .and_then(|&next| firsts.get(next).copied())
                .unwrap_or(usize::MAX),
        ) else {
            continue;
        };
        let turned = ranges.iter().any(|r| r.start < end && start < r.end);
        if let Block::Appendix { landscape, .. } = &mut blocks[j] {
            *landscape = turned;
        }
    }
}
