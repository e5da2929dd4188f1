//! Trích yếu typed in capitals, set in lower case as NĐ 30 wants it (Phụ lục I, mục 5: trích
//! yếu "in thường"), keeping the capitals of proper names and abbreviations the document itself
//! writes that way.
//!
//! The original gives no other clue which words are names: "CÔNG TÁC THÁNG 3 NĂM 2018 CỦA ỦY
//! BAN NHÂN DÂN TỈNH HÀ TĨNH" reads "Công tác tháng 3 năm 2018 của Ủy ban nhân dân tỉnh Hà
//! Tĩnh" because the body writes "Ủy ban nhân dân tỉnh" and "Hà Tĩnh" so in mid-sentence. A
//! word the body never writes is set in lower case; the import report asks a person to look.

use unicode_normalization::UnicodeNormalization;

/// Names of state and Party bodies as NĐ 30 Phụ lục II (viết hoa) writes them, read before the
/// document's own text: a body written "UBND tỉnh" throughout still gives "Ủy ban nhân dân".
const NAMED_BODIES: &str = "x Ủy ban nhân dân x Hội đồng nhân dân x Ủy ban Mặt trận Tổ quốc \
    Việt Nam x Chính phủ x Thủ tướng Chính phủ x Quốc hội x Ủy ban Thường vụ Quốc hội x Chủ tịch \
    nước x Ban Chấp hành Trung ương x Ban Thường vụ x Ban Bí thư x Bộ Chính trị x Đảng Cộng sản \
    Việt Nam x Nhà nước x Việt Nam x Thành phố Hồ Chí Minh x Văn phòng";

/// Longest run of words looked up as one name.
const LONGEST_NAME: usize = 6;

/// How a word is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    /// "UBND", "II".
    Upper,
    /// "Hà", "Ủy".
    Capitalised,
    /// "tháng".
    Lower,
}

/// One word of a text: its spelling-insensitive key, how it is written and whether its case
/// is the writer's choice (not the start of a sentence or a line).
#[derive(Debug)]
struct Word {
    key: String,
    case: Case,
    chosen: bool,
}

/// The trích yếu in lower case with the capitals the document's text gives its words, or
/// `None` when it is not typed in capitals (fewer than two words, or any lower-case letter).
pub(crate) fn recase_capitals(subject: &str, text: &str) -> Option<String> {
    let letters = || subject.chars().filter(|c| c.is_alphabetic());
    if subject.split_whitespace().count() < 2
        || letters().count() < 8
        || letters().any(|c| c.is_lowercase())
    {
        return None;
    }
    let names = words(NAMED_BODIES);
    let body = words(text);
    let tokens: Vec<&str> = subject.split_inclusive(char::is_whitespace).collect();
    let keys: Vec<String> = tokens.iter().map(|t| key(t)).collect();
    let mut cases: Vec<Option<Case>> = vec![None; tokens.len()];
    let mut i = 0;
    while i < tokens.len() {
        let found = (2..=LONGEST_NAME.min(tokens.len() - i))
            .rev()
            .find_map(|len| {
                let want = &keys[i..i + len];
                written_as(&names, want).or_else(|| written_as(&body, want))
            });
        match found {
            Some(run) => {
                for (k, c) in run.into_iter().enumerate() {
                    cases[i + k] = Some(c);
                }
                i += cases[i..].iter().take_while(|c| c.is_some()).count();
            }
            None => i += 1,
        }
    }
    let mut out = String::with_capacity(subject.len());
    for (k, token) in tokens.iter().enumerate() {
        let case = cases[k].unwrap_or_else(|| alone(&body, &keys[k], token));
        let case = match case {
            Case::Lower if k == 0 => Case::Capitalised,
            c => c,
        };
        out.push_str(&apply(token, case));
    }
    Some(out)
}

/// How the text writes the run of words `want` where its case is chosen, if it does.
fn written_as(text: &[Word], want: &[String]) -> Option<Vec<Case>> {
    text.windows(want.len())
        .find(|w| {
            w[0].chosen
                && w.iter().any(|a| a.case != Case::Upper)
                && w.iter().zip(want).all(|(a, b)| a.key == *b)
        })
        .map(|w| w.iter().map(|a| a.case).collect())
}

/// A word no name holds: in capitals when the text writes it so (an abbreviation) or it is a
/// Roman numeral; capitalised when the text mostly does so mid-sentence; else lower case.
fn alone(text: &[Word], key: &str, token: &str) -> Case {
    let (mut lower, mut capitalised, mut upper) = (0, 0, 0);
    for w in text.iter().filter(|w| w.chosen && w.key == key) {
        match w.case {
            Case::Lower => lower += 1,
            Case::Capitalised => capitalised += 1,
            Case::Upper => upper += 1,
        }
    }
    let letters = token.chars().filter(|c| c.is_alphabetic()).count();
    if letters >= 2 && (upper > lower + capitalised || is_roman(token.trim())) {
        Case::Upper
    } else if capitalised > lower {
        Case::Capitalised
    } else {
        Case::Lower
    }
}

/// The token with its letters written in `case`.
fn apply(token: &str, case: Case) -> String {
    let mut first = true;
    token
        .chars()
        .map(|c| {
            if !c.is_alphabetic() {
                return c.to_string();
            }
            let upper = case == Case::Upper || (case == Case::Capitalised && first);
            first = false;
            if upper {
                c.to_uppercase().collect()
            } else {
                c.to_lowercase().collect()
            }
        })
        .collect()
}

/// A Roman numeral of two letters or more ("II", "XIV"), as in "quý II".
fn is_roman(word: &str) -> bool {
    word.chars().count() >= 2 && word.chars().all(|c| "IVXLC".contains(c))
}

/// Tone marks: grave, acute, tilde, hook above, dot below.
const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];

/// A word's letters in lower case with its tone mark moved to the end, so that the old and
/// new placements ("uỷ" and "ủy", "hoà" and "hòa") are one word and "tỉnh" and "tĩnh" two.
fn key(word: &str) -> String {
    let mut base = String::new();
    let mut tone = None;
    for c in word.to_lowercase().nfd() {
        if TONES.contains(&c) {
            tone = Some(c);
        } else if c.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&c) {
            base.push(c);
        }
    }
    base.extend(tone);
    base
}

/// The words of `text`, line by line. A line wholly in capitals (a heading) says nothing
/// about case and is left out.
fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    for line in text.lines() {
        if !line.chars().any(char::is_lowercase) {
            continue;
        }
        let mut sentence_start = true;
        let line_start = out.len();
        for raw in line.split_whitespace() {
            let letters: Vec<char> = raw.chars().filter(|c| c.is_alphabetic()).collect();
            let ends_sentence = raw.ends_with(['.', ':', ';', '!', '?']);
            if letters.is_empty() {
                if raw.chars().any(|c| c.is_alphanumeric()) {
                    sentence_start = ends_sentence;
                }
                continue;
            }
            let case = match (
                letters[0].is_uppercase(),
                letters.len() > 1 && letters[1..].iter().all(|c| c.is_uppercase()),
            ) {
                (true, true) => Case::Upper,
                (true, false) => Case::Capitalised,
                _ => Case::Lower,
            };
            out.push(Word {
                key: key(raw),
                case,
                chosen: !sentence_start,
            });
            sentence_start = ends_sentence;
        }
        // Three words or more in capitals in a row are text set in capitals (a table
        // heading, a title), not abbreviations.
        let mut k = line_start;
        while k < out.len() {
            let run = out[k..]
                .iter()
                .take_while(|w| w.case == Case::Upper)
                .count();
            if run >= 3 {
                out[k..k + run].iter_mut().for_each(|w| w.chosen = false);
            }
            k += run.max(1);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::recase_capitals;

    #[test]
    fn proper_names_keep_the_capitals_the_body_gives_them() {
        let body = "Căn cứ Quyết định của Ủy ban nhân dân tỉnh, Văn phòng UBND tỉnh Hà Tĩnh \
                    thông báo lịch công tác trong tháng.\nLãnh đạo Ủy ban nhân dân tỉnh họp \
                    tại Hà Tĩnh trong quý II.";
        assert_eq!(
            recase_capitals(
                "CÔNG TÁC THÁNG 3 NĂM 2018 CỦA ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH",
                body
            )
            .as_deref(),
            Some("Công tác tháng 3 năm 2018 của Ủy ban nhân dân tỉnh Hà Tĩnh")
        );
        assert_eq!(
            recase_capitals("KẾ HOẠCH QUÝ II CỦA UBND", body).as_deref(),
            Some("Kế hoạch quý II của UBND")
        );
    }

    #[test]
    fn named_bodies_are_written_as_the_decree_writes_them() {
        // The body says "UBND tỉnh" and "Ban Chỉ đạo": "Ủy ban nhân dân" comes from the names
        // NĐ 30 Phụ lục II writes, the old "UỶ" spelling included.
        let body = "Giao UBND tỉnh chủ trì, Ban Chỉ đạo tỉnh theo dõi, ban hành kế hoạch.";
        assert_eq!(
            recase_capitals("CÔNG TÁC THÁNG 3 CỦA UỶ BAN NHÂN DÂN TỈNH", body).as_deref(),
            Some("Công tác tháng 3 của Uỷ ban nhân dân tỉnh")
        );
    }

    #[test]
    fn words_set_in_capitals_in_the_body_are_no_evidence() {
        let body = "Bảng | KINH PHÍ ĐÀO TẠO NHÂN LỰC | tổng hợp kinh phí đào tạo.";
        assert_eq!(
            recase_capitals("VÀ DỰ TOÁN KINH PHÍ ĐÀO TẠO NHÂN LỰC NĂM 2017", body).as_deref(),
            Some("Và dự toán kinh phí đào tạo nhân lực năm 2017")
        );
    }

    #[test]
    fn a_subject_in_lower_case_is_left_as_it_is() {
        assert_eq!(recase_capitals("Về việc chuyển đổi vị trí", "x"), None);
        assert_eq!(recase_capitals("UBND", "x"), None);
    }

    #[test]
    fn a_word_only_seen_at_the_start_of_a_sentence_is_lower_case() {
        let body = "Triển khai ngay. Triển khai đồng bộ.";
        assert_eq!(
            recase_capitals("KẾ HOẠCH TRIỂN KHAI CÔNG TÁC", body).as_deref(),
            Some("Kế hoạch triển khai công tác")
        );
    }
}
