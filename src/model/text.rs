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

/// A text file as a person saved it, made ready to parse: the UTF-8 byte-order mark that
/// Windows Notepad may put first is dropped, and Windows (CRLF) and old Mac (CR) line ends
/// become LF, so a draft or template typed on Windows reads exactly as its LF twin.
pub fn source_text(s: &str) -> std::borrow::Cow<'_, str> {
    let s = s.strip_prefix('\u{feff}').unwrap_or(s);
    if s.contains('\r') {
        std::borrow::Cow::Owned(s.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// Collapses runs of white space into one space and trims both ends.
pub fn squash_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_text_drops_bom_and_windows_line_ends() {
        assert_eq!(
            source_text("\u{feff}a = 1\r\nb = \"\"\"x\r\ny\"\"\"\r\n"),
            "a = 1\nb = \"\"\"x\ny\"\"\"\n"
        );
        assert_eq!(source_text("a\rb"), "a\nb");
        assert!(matches!(source_text("a\nb"), std::borrow::Cow::Borrowed(_)));
        // Only a leading mark is a BOM; one inside the text is left to the checker.
        assert_eq!(source_text("a\u{feff}b"), "a\u{feff}b");
    }

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
