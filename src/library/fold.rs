//! Diacritics folding (bỏ dấu) for search: "Đẩy mạnh" → "day manh".
//!
//! SQLite's own `remove_diacritics` cannot fold `đ`/`Đ` (Unicode gives the letter no
//! decomposition), so the library indexes a folded copy of the text and folds every query
//! the same way. Other modules (the checker, the app's quick filters) use the same function
//! so that "dan van" means "Dân vận" everywhere.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Folds Vietnamese text for matching: canonical decomposition (NFD), combining marks
/// dropped, `đ`/`Đ` mapped to `d`, everything lowercased. "Dân vận" → "dan van".
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfd() {
        push_folded(c, &mut out);
    }
    out
}

/// Folds like [`fold`] and also returns, for every byte of the folded text, the byte offset
/// in `text` of the character it came from, so a match in the folded text can be mapped back
/// to the original (e.g. to underline "UBND huyện" in a draft).
pub fn fold_with_offsets(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut offsets = Vec::with_capacity(text.len());
    for (start, ch) in text.char_indices() {
        let before = out.len();
        for c in std::iter::once(ch).nfd() {
            push_folded(c, &mut out);
        }
        offsets.resize(out.len(), start);
        debug_assert!(out.len() >= before);
    }
    (out, offsets)
}

fn push_folded(c: char, out: &mut String) {
    if is_combining_mark(c) {
        return;
    }
    match c {
        'đ' | 'Đ' | 'ð' | 'Ð' => out.push('d'),
        c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        c => out.extend(c.to_lowercase()),
    }
}

/// Splits folded text into search words (letters and digits only), the way the FTS5
/// `unicode61` tokenizer splits the indexed text.
pub fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_tones_marks_and_d() {
        assert_eq!(fold("Dân vận"), "dan van");
        assert_eq!(fold("Đẩy mạnh"), "day manh");
        assert_eq!(fold("ĐẢNG CỘNG SẢN VIỆT NAM"), "dang cong san viet nam");
        assert_eq!(fold("Ủy ban nhân dân huyện"), "uy ban nhan dan huyen");
        // Decomposed input (as some editors type it) folds to the same thing.
        let decomposed: String = "Nghị định".nfd().collect();
        assert_eq!(fold(&decomposed), "nghi dinh");
    }

    #[test]
    fn offsets_point_back_into_the_original() {
        let text = "Số: 03/CT-UBND huyện Đức";
        let (folded, offsets) = fold_with_offsets(text);
        assert_eq!(folded.len(), offsets.len());
        let at = folded.find("huyen").unwrap();
        assert_eq!(&text[offsets[at]..], "huyện Đức");
        let d = folded.find("duc").unwrap();
        assert_eq!(&text[offsets[d]..], "Đức");
    }

    #[test]
    fn words_split_like_the_tokenizer() {
        let f = fold("Số 415-KH/BDVTU, ngày 15");
        assert_eq!(
            words(&f).collect::<Vec<_>>(),
            ["so", "415", "kh", "bdvtu", "ngay", "15"]
        );
    }
}
