//! Computed numbering of the body: "Phần thứ nhất", "I." / "I-", "1.", "1.1.", "a)".

use super::{Block, System};
use crate::layout::{
    APPENDIX_WORD, ARTICLE_WORD, BASIS_END, BASIS_LAST_END_PARTY, BASIS_LAST_END_STATE,
    CHAPTER_WORD, DIVISION_WORD,
};

/// The label printed before a block, if any.
pub type BlockLabel = Option<String>;

/// Roman numeral for 1..=3999 ("IV").
pub fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, digits) in TABLE {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// "Phần thứ nhất", "Phần thứ hai" ... (Party habit, HD 36) or "Phần I" (NĐ 30).
pub fn part_label(n: u32, system: System) -> String {
    const ORDINALS: [&str; 10] = [
        "nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười",
    ];
    match system {
        System::Party if (1..=10).contains(&n) => format!("Phần thứ {}", ORDINALS[n as usize - 1]),
        _ => format!("Phần {}", roman(n)),
    }
}

/// The end of the căn cứ at `i`: ";" unless it is the last of its run of căn cứ, then "."
/// (state) or "," (Party).
pub fn basis_end(blocks: &[Block], i: usize, system: System) -> &'static str {
    if matches!(blocks.get(i + 1), Some(Block::Basis { .. })) {
        return BASIS_END;
    }
    match system {
        System::State => BASIS_LAST_END_STATE,
        System::Party => BASIS_LAST_END_PARTY,
    }
}

/// Letters of the Vietnamese alphabet used for điểm: a), b), c), d), đ), e) ...
const LETTERS: [&str; 23] = [
    "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t",
    "u", "v", "x", "y",
];

/// The điểm letter after `letter` in the Vietnamese order ("d" → "đ" → "e"), if any.
pub fn next_letter(letter: &str) -> Option<&'static str> {
    let at = LETTERS.iter().position(|l| *l == letter)?;
    LETTERS.get(at + 1).copied()
}

/// Computes the label of every block, in order. Part restarts sections; a section restarts
/// numbered items; a numbered item restarts deeper levels and letters.
pub fn label_blocks(blocks: &[Block], system: System) -> Vec<BlockLabel> {
    let mut part = 0u32;
    let mut section = 0u32;
    let mut levels = [0u32; 3];
    let mut letter = 0usize;
    let mut chapter = 0u32;
    let mut division = 0u32;
    let mut article = 0u32;
    let appendices = blocks
        .iter()
        .filter(|b| matches!(b, Block::Appendix { .. }))
        .count();
    let mut appendix = 0u32;
    blocks
        .iter()
        .map(|block| match block {
            Block::Part { .. } => {
                part += 1;
                section = 0;
                levels = [0; 3];
                letter = 0;
                Some(part_label(part, system))
            }
            Block::Section { .. } => {
                section += 1;
                levels = [0; 3];
                letter = 0;
                let sep = if system == System::Party { "-" } else { "." };
                Some(format!("{}{sep}", roman(section)))
            }
            Block::Heading { level, .. } | Block::Numbered { level, .. } => {
                let depth = usize::from((*level).clamp(1, 3));
                levels[depth - 1] += 1;
                for deeper in levels.iter_mut().skip(depth) {
                    *deeper = 0;
                }
                letter = 0;
                let parts: Vec<String> = levels[..depth]
                    .iter()
                    .map(|n| (*n).max(1).to_string())
                    .collect();
                Some(format!("{}.", parts.join(".")))
            }
            Block::Lettered { .. } => {
                let l = LETTERS
                    .get(letter)
                    .map_or_else(|| format!("{}", letter + 1), |s| (*s).to_string());
                letter += 1;
                Some(format!("{l})"))
            }
            Block::Dash { .. } => Some("-".to_string()),
            Block::Plus { .. } => Some("+".to_string()),
            Block::Appendix { .. } => {
                appendix += 1;
                (part, section, chapter, division, article) = (0, 0, 0, 0, 0);
                levels = [0; 3];
                letter = 0;
                Some(if appendices > 1 {
                    format!("{APPENDIX_WORD} {}", roman(appendix))
                } else {
                    APPENDIX_WORD.to_string()
                })
            }
            Block::Issued { doc_type, .. } => {
                (part, section, chapter, division, article) = (0, 0, 0, 0, 0);
                levels = [0; 3];
                letter = 0;
                Some(super::text::upper(doc_type.trim())).filter(|s| !s.is_empty())
            }
            Block::Chapter { .. } => {
                chapter += 1;
                division = 0;
                levels = [0; 3];
                letter = 0;
                Some(format!("{CHAPTER_WORD} {}", roman(chapter)))
            }
            Block::Division { .. } => {
                division += 1;
                levels = [0; 3];
                letter = 0;
                Some(format!("{DIVISION_WORD} {division}"))
            }
            Block::Article { .. } => {
                article += 1;
                levels = [0; 3];
                letter = 0;
                Some(format!("{ARTICLE_WORD} {article}."))
            }
            Block::Paragraph { .. }
            | Block::Table(_)
            | Block::Basis { .. }
            | Block::Action { .. } => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Inline;

    fn h(level: u8) -> Block {
        Block::Heading {
            level,
            title: Inline::plain("t"),
        }
    }
    fn n(level: u8) -> Block {
        Block::Numbered {
            level,
            content: Inline::plain("t"),
        }
    }
    fn sec() -> Block {
        Block::Section {
            title: Inline::plain("T"),
        }
    }
    fn part() -> Block {
        Block::Part {
            title: Inline::plain("T"),
        }
    }
    fn letter() -> Block {
        Block::Lettered {
            content: Inline::plain("t"),
        }
    }

    #[test]
    fn roman_numerals() {
        assert_eq!(roman(1), "I");
        assert_eq!(roman(4), "IV");
        assert_eq!(roman(9), "IX");
        assert_eq!(roman(14), "XIV");
        assert_eq!(roman(2024), "MMXXIV");
    }

    #[test]
    fn nested_sections_number_themselves() {
        let blocks = vec![
            sec(),
            h(1),
            n(2),
            n(2),
            letter(),
            letter(),
            n(2),
            h(1),
            n(2),
            n(3),
            n(3),
            sec(),
            n(1),
        ];
        let labels: Vec<_> = label_blocks(&blocks, System::State)
            .into_iter()
            .map(Option::unwrap)
            .collect();
        assert_eq!(
            labels,
            vec![
                "I.", "1.", "1.1.", "1.2.", "a)", "b)", "1.3.", "2.", "2.1.", "2.1.1.", "2.1.2.",
                "II.", "1."
            ]
        );
    }

    #[test]
    fn party_sections_use_a_dash_and_parts_restart_sections() {
        let blocks = vec![part(), sec(), sec(), part(), sec()];
        let labels: Vec<_> = label_blocks(&blocks, System::Party)
            .into_iter()
            .map(Option::unwrap)
            .collect();
        assert_eq!(
            labels,
            vec!["Phần thứ nhất", "I-", "II-", "Phần thứ hai", "I-"]
        );
        assert_eq!(part_label(2, System::State), "Phần II");
    }

    #[test]
    fn letters_follow_the_vietnamese_alphabet_and_restart() {
        let blocks = vec![
            letter(),
            letter(),
            letter(),
            letter(),
            letter(),
            letter(),
            n(1),
            letter(),
        ];
        let labels: Vec<_> = label_blocks(&blocks, System::State)
            .into_iter()
            .map(Option::unwrap)
            .collect();
        assert_eq!(labels, vec!["a)", "b)", "c)", "d)", "đ)", "e)", "1.", "a)"]);
    }

    #[test]
    fn the_letter_after_d_is_dd() {
        assert_eq!(next_letter("d"), Some("đ"));
        assert_eq!(next_letter("đ"), Some("e"));
        assert_eq!(next_letter("e"), Some("g"));
        assert_eq!(next_letter("y"), None);
        assert_eq!(next_letter("f"), None);
    }

    #[test]
    fn a_deeper_item_without_parent_counts_from_one() {
        let labels = label_blocks(&[n(2)], System::State);
        assert_eq!(labels, vec![Some("1.1.".to_string())]);
    }
}
