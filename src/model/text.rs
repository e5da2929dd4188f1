//! Text helpers for Vietnamese: NFC normalisation and upper case with diacritics.

use unicode_normalization::UnicodeNormalization;

/// Normalises to NFC (dựng sẵn), the form TCVN 6909:2001 text uses.
pub fn nfc(s: &str) -> String {
    s.nfc().collect()
}

/// Whether `s` is already in NFC.
pub fn is_nfc(s: &str) -> bool {
    unicode_normalization::is_nfc(s)
}

/// Upper case with diacritics kept ("Kế hoạch" → "KẾ HOẠCH").
pub fn upper(s: &str) -> String {
    nfc(s).to_uppercase()
}

/// Collapses runs of white space into one space and trims both ends.
pub fn squash_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upper_keeps_diacritics() {
        assert_eq!(upper("Kế hoạch"), "KẾ HOẠCH");
        assert_eq!(upper("ủy ban nhân dân"), "ỦY BAN NHÂN DÂN");
        assert_eq!(upper("đảng"), "ĐẢNG");
    }

    #[test]
    fn nfc_composes_decomposed_text() {
        let decomposed = "Ke\u{302}\u{301} hoa\u{323}ch";
        assert!(!is_nfc(decomposed));
        assert_eq!(nfc(decomposed), "Kế hoạch");
    }
}
