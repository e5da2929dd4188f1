//! Typed labels against computed ones (số thứ tự gõ và số Vanban tính): once the body's blocks
//! are built, the labels Vanban computes are compared with those the office typed. A slip of
//! the original (an "e)" right after "d)", a number skipped or repeated) is corrected and
//! reported; a list the original starts again from "1." or "a)", which the computed numbering
//! cannot restart, keeps its typed text as plain paragraphs, reported; so does a label inside
//! a quotation that Vanban would number otherwise.

use crate::model::{label_blocks, next_letter, Block, BlockLabel, System};

use super::inline::{self, Piece};
use super::report::{EntryKind, ImportReport};

/// Where a block came from: the paragraph of the original and its text as typed.
#[derive(Debug, Clone)]
pub(super) struct Origin {
    /// Paragraph index in the original .docx.
    pub index: usize,
    /// Its plain text, label included.
    pub text: String,
    /// Its pieces, to keep the text as typed.
    pub pieces: Vec<Piece>,
    /// It lies inside a quotation after the paragraph that opens it (`super::quote`).
    pub quoted: bool,
}

/// A label read from a typed paragraph or from the computed numbering.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Label {
    /// "1.", "1.2.", "1.2.3.": the numbers.
    Num(Vec<u32>),
    /// "a)", "đ)": the letter.
    Letter(String),
    /// "Điều 3.": the number.
    Article(u32),
}

impl Label {
    /// Reads the label at the start of `s`.
    fn read(s: &str) -> Option<Label> {
        let s = s.trim_start();
        let article = ["Điều ", "ĐIỀU ", "Điểu ", "ĐIỂU "]
            .iter()
            .find_map(|w| s.strip_prefix(w));
        if let Some(rest) = article {
            let digits: String = rest
                .trim_start()
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            return digits.parse().ok().map(Label::Article);
        }
        if s.starts_with(|c: char| c.is_ascii_digit()) {
            let head: String = s
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '.')
                .collect();
            let nums: Option<Vec<u32>> = head
                .split('.')
                .filter(|n| !n.is_empty())
                .map(|n| n.parse().ok())
                .collect();
            return nums.filter(|n| !n.is_empty()).map(Label::Num);
        }
        let mut chars = s.chars();
        let (letter, close) = (chars.next()?, chars.next()?);
        (close == ')' && (letter.is_ascii_lowercase() || letter == 'đ'))
            .then(|| Label::Letter(letter.to_string()))
    }

    /// The label as printed: "1.2.", "e)", "Điều 3.".
    fn shown(&self) -> String {
        match self {
            Label::Num(n) => {
                let parts: Vec<String> = n.iter().map(u32::to_string).collect();
                format!("{}.", parts.join("."))
            }
            Label::Letter(l) => format!("{l})"),
            Label::Article(n) => format!("Điều {n}."),
        }
    }

    /// Whether this is the first label of a list: "1.", "1.1.", "a)", "Điều 1.".
    fn is_first(&self) -> bool {
        match self {
            Label::Num(n) => n.last() == Some(&1),
            Label::Letter(l) => l == "a",
            Label::Article(n) => *n == 1,
        }
    }

    /// Whether this label comes right after `prev` in the typed order (the last number one
    /// more, the next letter of the Vietnamese alphabet).
    fn follows(&self, prev: &Label) -> bool {
        match (self, prev) {
            (Label::Num(n), Label::Num(p)) => {
                n.last().copied() == p.last().map(|l| l + 1) && n.len() == p.len()
            }
            (Label::Letter(l), Label::Letter(p)) => next_letter(p) == Some(l.as_str()),
            (Label::Article(n), Label::Article(p)) => *n == p + 1,
            _ => false,
        }
    }
}

/// What became of a typed label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fate {
    /// Vanban computes the same.
    Agreed,
    /// Kept as typed, the block made a plain paragraph.
    Kept,
    /// Renumbered by Vanban.
    Corrected,
}

/// The typed labels of the lists open at a point of the body, as the computed numbering
/// scopes them: the numbers of each level, the letters, the articles.
#[derive(Debug, Default)]
struct Open {
    /// Numbered items and headings by level.
    levels: [Option<(Label, Fate)>; 3],
    /// Điểm.
    letter: Option<(Label, Fate)>,
    /// Điều.
    article: Option<(Label, Fate)>,
}

/// Makes block `i` a plain paragraph of the text as typed (its label kept, not computed) and
/// returns the labels of the body computed again.
fn keep_as_typed(blocks: &mut [Block], i: usize, origin: &Origin) -> Vec<BlockLabel> {
    blocks[i] = Block::Paragraph {
        content: inline::inline(&origin.pieces, true),
    };
    label_blocks(blocks, System::State)
}

/// Compares each block's typed label with the computed one and settles the differences (see
/// the module doc); `origins` runs parallel to `blocks`.
pub(super) fn reconcile(
    blocks: &mut [Block],
    origins: &[Option<Origin>],
    report: &mut ImportReport,
) {
    let mut labels = label_blocks(blocks, System::State);
    let mut open = Open::default();
    for i in 0..blocks.len() {
        let slot = match &blocks[i] {
            Block::Part { .. }
            | Block::Section { .. }
            | Block::Chapter { .. }
            | Block::Division { .. } => {
                open.levels = Default::default();
                open.letter = None;
                continue;
            }
            Block::Appendix { .. } | Block::Issued { .. } => {
                open = Open::default();
                continue;
            }
            Block::Heading { level, .. } | Block::Numbered { level, .. } => {
                usize::from((*level).clamp(1, 3))
            }
            Block::Lettered { .. } => 0,
            Block::Article { .. } => {
                open.levels = Default::default();
                open.letter = None;
                4
            }
            _ => continue,
        };
        let Some(origin) = origins.get(i).and_then(Option::as_ref) else {
            continue;
        };
        let typed = Label::read(&origin.text);
        let computed = labels[i].as_deref().and_then(Label::read);
        let (Some(typed), Some(computed)) = (typed, computed) else {
            continue;
        };
        if origin.quoted {
            // The quoted text's own label: kept as typed where Vanban would print another,
            // and no part of the lists around the quotation.
            if typed != computed && slot != 4 {
                report.add(
                    EntryKind::Kept,
                    Some(origin.index),
                    &origin.text,
                    &format!(
                        "đoạn nằm trong phần trích dẫn (từ dấu “ đến dấu ”): số thứ tự «{}» thuộc văn bản được trích, giữ nguyên chữ gõ thành đoạn văn thường (Vanban sẽ đánh «{}»)",
                        typed.shown(),
                        computed.shown()
                    ),
                );
                labels = keep_as_typed(blocks, i, origin);
            }
            continue;
        }
        let prev = match slot {
            0 => &open.letter,
            4 => &open.article,
            d => &open.levels[d - 1],
        };
        let follows = prev
            .as_ref()
            .map_or(typed.is_first(), |(p, _)| typed.follows(p));
        let prev_fate = prev.as_ref().map(|(_, f)| *f);
        // A list kept as typed stays so to its end, even where the numbers happen to agree.
        let kept_run = slot != 4 && follows && prev_fate == Some(Fate::Kept);
        let fate = if typed == computed && !kept_run {
            Fate::Agreed
        } else if kept_run || slot != 4 && typed.is_first() {
            // A list the original numbers afresh: its text is kept as typed.
            if !kept_run {
                report.add(
                    EntryKind::Kept,
                    Some(origin.index),
                    &origin.text,
                    &format!(
                        "số thứ tự gõ «{}» bắt đầu lại danh sách mà Vanban đánh số tiếp («{}»); giữ nguyên chữ gõ thành đoạn văn thường (không tự đánh số), cả các mục tiếp theo của danh sách này",
                        typed.shown(),
                        computed.shown()
                    ),
                );
            }
            labels = keep_as_typed(blocks, i, origin);
            Fate::Kept
        } else {
            // A run renumbered after a slip is reported once, at the slip.
            if !(follows && prev_fate == Some(Fate::Corrected)) {
                report.add(
                    EntryKind::Changed,
                    Some(origin.index),
                    &origin.text,
                    &slip_note(&typed, &computed, prev.as_ref().map(|(p, _)| p)),
                );
            }
            Fate::Corrected
        };
        match slot {
            0 => open.letter = Some((typed, fate)),
            4 => open.article = Some((typed, fate)),
            d => {
                open.levels[d - 1] = Some((typed, fate));
                for deeper in open.levels.iter_mut().skip(d) {
                    *deeper = None;
                }
                open.letter = None;
            }
        }
    }
}

/// The report's words for a typed label Vanban numbers otherwise.
fn slip_note(typed: &Label, computed: &Label, prev: Option<&Label>) -> String {
    let (t, c) = (typed.shown(), computed.shown());
    match (typed, computed, prev) {
        (Label::Letter(l), Label::Letter(dd), Some(Label::Letter(p)))
            if dd == "đ" && p == "d" && l == "e" =>
        {
            format!("điểm gõ «{t}» ngay sau «d)»: theo bảng chữ cái tiếng Việt điểm tiếp theo là «đ)», Vanban đánh lại thành «{c}»")
        }
        _ => format!(
            "số thứ tự gõ «{t}» không liền sau số trước (bản gốc nhảy hoặc lặp số); Vanban đánh lại thành «{c}»"
        ),
    }
}

#[cfg(test)]
mod tests;
