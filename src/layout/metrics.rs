//! Text width measurement (đo độ dài dòng chữ) in Times New Roman, used to size the lines
//! drawn under the tiêu ngữ, the issuing body and the trích yếu.
//!
//! The widths come from Liberation Serif, which is metric-compatible with Times New Roman:
//! every glyph has the same advance width, so a width measured here is the width Word and
//! LibreOffice lay out.

use super::metrics_table::{BOLD, ITALIC, REGULAR, UNITS_PER_EM};
use super::{HalfPoints, Twips};
use crate::model::text;

/// Advance width of a character not in the table: half an em, a typical letter width.
const FALLBACK: u32 = UNITS_PER_EM / 2;

fn advance(table: &[(u32, &[u16])], c: char) -> u32 {
    let cp = u32::from(c);
    table
        .iter()
        .find_map(|(first, widths)| {
            let i = cp.checked_sub(*first)? as usize;
            widths.get(i).copied()
        })
        .filter(|w| *w > 0)
        .map_or(FALLBACK, u32::from)
}

/// Width of `s` set on one line in Times New Roman at `size`, bold or italic as asked
/// (bold italic is measured as bold). The text is NFC-normalised first.
pub fn text_width(s: &str, size: HalfPoints, bold: bool, italic: bool) -> Twips {
    let table = match (bold, italic) {
        (true, _) => BOLD,
        (false, true) => ITALIC,
        (false, false) => REGULAR,
    };
    // Model text is NFC already: normalise (and allocate) only when it is not.
    let units: u64 = if text::is_nfc(s) {
        s.chars().map(|c| u64::from(advance(table, c))).sum()
    } else {
        text::nfc(s)
            .chars()
            .map(|c| u64::from(advance(table, c)))
            .sum()
    };
    // units / upem em × size/2 pt × 20 twips/pt = units × size × 10 / upem.
    let twips =
        (units * u64::from(size.0) * 10 + u64::from(UNITS_PER_EM) / 2) / u64::from(UNITS_PER_EM);
    Twips(i32::try_from(twips).unwrap_or(i32::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_space_is_a_quarter_em() {
        // Times New Roman space: 512/2048 em; at 12 pt that is 3 pt = 60 twips.
        assert_eq!(text_width(" ", HalfPoints::pt(12), false, false), Twips(60));
    }

    #[test]
    fn bold_capitals_are_wider_than_regular() {
        let s = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
        let bold = text_width(s, HalfPoints::pt(12), true, false);
        let regular = text_width(s, HalfPoints::pt(12), false, false);
        assert!(bold > regular);
        // Measured on the font: 8.8 cm in bold 12 pt, less than the right column (10 cm).
        assert!((4_900..5_100).contains(&bold.0), "{bold:?}");
    }

    #[test]
    fn width_scales_with_size_and_decomposed_text_measures_the_same() {
        let a = text_width("Độc lập", HalfPoints::pt(13), true, false);
        let b = text_width("Độc lập", HalfPoints::pt(26), true, false);
        assert!((b.0 - 2 * a.0).abs() <= 1);
        let decomposed = "Đo\u{323}\u{302}c la\u{323}\u{302}p";
        assert_eq!(text_width(decomposed, HalfPoints::pt(13), true, false), a);
    }
}
