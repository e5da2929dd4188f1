//! Text helpers for Vietnamese: NFC normalisation and upper case with diacritics.

use unicode_normalization::{IsNormalized, UnicodeNormalization};

/// Normalises to NFC (dựng sẵn), the form TCVN 6909:2001 text uses. Text that is plainly NFC
/// already (the quick check: every character precomposed, no combining mark) is copied as is,
/// which is most text and most of the cost of a render.
pub fn nfc(s: &str) -> String {
    if is_nfc(s) {
        s.to_owned()
    } else {
        s.nfc().collect()
    }
}

/// Whether `s` is already in NFC.
pub fn is_nfc(s: &str) -> bool {
    match unicode_normalization::is_nfc_quick(s.chars()) {
        IsNormalized::Yes => true,
        IsNormalized::No => false,
        IsNormalized::Maybe => unicode_normalization::is_nfc(s),
    }
}

/// Letters of other alphabets that print like a Vietnamese one, with the letter they stand
/// for: the Latin Eth ("Ð", U+00D0) that text converted from the old TCVN3 and VNI encodings
/// carries for "Đ" (U+0110). The page looks right; search, sorting and reading do not.
pub const LOOK_ALIKES: [(char, char); 2] = [('\u{D0}', 'Đ'), ('\u{F0}', 'đ')];

/// Whether `s` holds a look-alike letter ([`LOOK_ALIKES`]).
pub fn has_look_alike(s: &str) -> bool {
    s.chars().any(|c| LOOK_ALIKES.iter().any(|&(a, _)| a == c))
}

/// `s` in NFC with each look-alike letter replaced by the Vietnamese one it stands for.
pub fn vietnamese_letters(s: &str) -> String {
    let s = nfc(s);
    if !has_look_alike(&s) {
        return s;
    }
    s.chars()
        .map(|c| {
            LOOK_ALIKES
                .iter()
                .find(|&&(a, _)| a == c)
                .map_or(c, |&(_, v)| v)
        })
        .collect()
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

/// Straight double quotes turned typographic (ngoặc kép cong): a quote at the start of a
/// line or after a space or an opening bracket opens (“), any other closes (”), so
/// `"Dân vận khéo"` becomes `“Dân vận khéo”` and a quotation running over two lines still
/// closes on the second.
pub fn curly_quotes(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut prev: Option<char> = None;
    for c in s.chars() {
        if c == '"' {
            let opens = prev.is_none_or(|p| p.is_whitespace() || "([{“‘-–—".contains(p));
            out.push(if opens { '“' } else { '”' });
        } else {
            out.push(c);
        }
        prev = Some(c);
    }
    out
}

/// Whether the printed line `next` of a dashed list (Nơi nhận, Kính gửi) carries on the
/// item of the line `here`, an item the office broke onto a second paragraph by hand: `next`
/// has no dash, and either starts in lower case ("- Các bộ, cơ quan ngang bộ," / "cơ quan
/// thuộc Chính phủ;") or follows a dashed line that breaks off after a comma or a joining
/// word ("- Các sở: Nông nghiệp và Môi trường," / "Tài chính, Công Thương, Xây dựng;"). A
/// list typed without dashes at all is not read as one wrapped item.
pub fn list_item_wraps(here: &str, next: &str) -> bool {
    let (here, next) = (here.trim(), next.trim());
    let dashed = |s: &str| s.starts_with(['-', '–', '+', '•']);
    if next.is_empty() || dashed(next) {
        return false;
    }
    let last_word = here.split_whitespace().last().unwrap_or_default();
    next.chars().next().is_some_and(char::is_lowercase)
        || (dashed(here)
            && (here.ends_with(',') || ["và", "các", "của", "tỉnh"].contains(&last_word)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_item_broken_by_hand_wraps_onto_the_next_line() {
        // Lào Cai's 2025 report: the second line of one item, no dash, capital letter.
        assert!(list_item_wraps(
            "- Các sở: Nông nghiệp và Môi trường,",
            "Tài chính, Công Thương, Xây dựng;"
        ));
        assert!(list_item_wraps(
            "- Các bộ, cơ quan ngang bộ,",
            "cơ quan thuộc Chính phủ;"
        ));
        // A new item, or a list typed without dashes, is no wrap.
        assert!(!list_item_wraps("- Như trên;", "- Lưu: VT."));
        assert!(!list_item_wraps("Như trên,", "Lưu VT."));
        assert!(!list_item_wraps("- Như trên;", "Lưu: VT."));
    }

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
    fn straight_quotes_open_after_a_space_and_close_after_a_word() {
        assert_eq!(
            curly_quotes("phong trào \"Dân vận khéo\" và \"Mùa xuân\""),
            "phong trào “Dân vận khéo” và “Mùa xuân”"
        );
        // A quotation running over two lines closes on the second.
        assert_eq!(curly_quotes("\"a\nb\" \"c\"."), "“a\nb” “c”.");
        assert_eq!(curly_quotes("(\"x\")"), "(“x”)");
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

    #[test]
    fn the_quick_check_never_passes_text_that_is_not_nfc() {
        // Precomposed text takes the fast path and is returned as is.
        assert!(is_nfc("Ủy ban nhân dân tỉnh Bắc Kạn"));
        // A combining mark after a letter it composes with ("Maybe" in the quick check) is
        // settled by the full check; one that composes with nothing is already NFC.
        assert!(!is_nfc("A\u{301}"));
        assert_eq!(nfc("A\u{301}"), "Á");
        assert!(is_nfc("\u{301}"));
        // A mark in the wrong canonical order is "No".
        assert_eq!(nfc("a\u{301}\u{323}"), "ạ\u{301}");
    }
}
