//! Word's automatic list numbering (đánh số tự động): the label ("1.", "a)", "II.") each
//! numbered paragraph shows on the page, counted in document order the way Word counts.
//!
//! Counters belong to the abstract list a numId draws on, so two numIds of one abstract list
//! continue each other, unless a numId restarts a level (`w:startOverride`) when first used.
//! A level counts on from its last number; a paragraph at a shallower level restarts every
//! deeper one.

use std::collections::{HashMap, HashSet};

use super::styles::{Level, Numbering};

/// How many levels a Word list has (`w:ilvl` 0–8).
const LEVELS: usize = 9;

/// The counters of every list while a part is read.
#[derive(Debug, Clone, Default)]
pub(crate) struct ListCounters {
    counts: HashMap<i64, [Option<i64>; LEVELS]>,
    /// numIds already met: a start override applies at the first.
    seen: HashSet<i64>,
}

impl ListCounters {
    /// Counts one paragraph of list `num_id` at `level` and returns the label it shows, or
    /// `None` for a bullet, a level that shows nothing, or a list numbering.xml lacks.
    pub fn next(&mut self, numbering: &Numbering, num_id: i64, level: u8) -> Option<String> {
        let abs = numbering.abstract_of(num_id)?;
        let depth = usize::from(level).min(LEVELS - 1);
        let counts = self.counts.entry(abs).or_insert([None; LEVELS]);
        let mut restart_at: HashMap<usize, i64> = HashMap::new();
        if self.seen.insert(num_id) {
            for (l, start) in numbering.overrides_of(num_id) {
                let l = usize::from(l).min(LEVELS - 1);
                counts[l] = None;
                restart_at.insert(l, start);
            }
        }
        let start_of = |l: usize| {
            restart_at.get(&l).copied().unwrap_or_else(|| {
                u8::try_from(l)
                    .ok()
                    .and_then(|l| numbering.abstract_level(abs, l))
                    .and_then(|lv| lv.start)
                    .unwrap_or(1)
            })
        };
        counts[depth] =
            Some(counts[depth].map_or_else(|| start_of(depth), |n| n.saturating_add(1)));
        for deeper in counts.iter_mut().skip(depth + 1) {
            *deeper = None;
        }
        let this = numbering.abstract_level(abs, level)?;
        if matches!(this.format.as_deref(), Some("bullet" | "none")) {
            return None;
        }
        let text = this.text.as_deref()?;
        let counts = *counts;
        let label = fill(text, |k| {
            let l = k.min(LEVELS - 1);
            let n = counts[l].unwrap_or_else(|| start_of(l));
            let lv = u8::try_from(l)
                .ok()
                .and_then(|l| numbering.abstract_level(abs, l));
            let format = if this.legal {
                "decimal"
            } else {
                lv.and_then(|lv: &Level| lv.format.as_deref())
                    .unwrap_or("decimal")
            };
            format_number(n, format)
        });
        let label = label.trim().to_string();
        (!label.is_empty()).then_some(label)
    }
}

/// `w:lvlText` with each "%k" replaced by the number of level k − 1.
fn fill(text: &str, number: impl Fn(usize) -> String) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek().and_then(|d| d.to_digit(10))) {
            ('%', Some(d @ 1..=9)) => {
                chars.next();
                out.push_str(&number(d as usize - 1));
            }
            _ => out.push(c),
        }
    }
    out
}

/// A number in a `w:numFmt`: "decimal" 3, "lowerLetter" c, "upperRoman" III, ...; formats
/// Vanban does not know print in arabic digits.
fn format_number(n: i64, format: &str) -> String {
    match format {
        "lowerLetter" => letters(n),
        "upperLetter" => letters(n).to_uppercase(),
        "lowerRoman" => roman(n).to_lowercase(),
        "upperRoman" => roman(n),
        "decimalZero" if (0..10).contains(&n) => format!("0{n}"),
        _ => n.to_string(),
    }
}

/// The highest number printed in letters (Word goes on "aaa…" only so far; a hostile file's
/// start value must not build a huge label).
const MAX_LETTERS: i64 = 26 * 8;

/// Word's letter numbering: a … z, then aa … zz (the Latin alphabet: no "đ").
fn letters(n: i64) -> String {
    if !(1..=MAX_LETTERS).contains(&n) {
        return n.to_string();
    }
    let k = usize::try_from(n - 1).unwrap_or(0);
    let c = char::from(b'a' + u8::try_from(k % 26).unwrap_or(0));
    c.to_string().repeat(k / 26 + 1)
}

/// Roman numerals, or digits outside 1..=3999.
fn roman(n: i64) -> String {
    match u32::try_from(n) {
        Ok(n @ 1..=3999) => crate::model::roman(n),
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn level_text_takes_the_numbers_of_its_levels() {
        assert_eq!(fill("%1.%2.", |k| (k + 1).to_string()), "1.2.");
        assert_eq!(fill("%1)", |_| "c".into()), "c)");
        assert_eq!(fill("Điều %1.", |_| "6".into()), "Điều 6.");
        assert_eq!(fill("100%", |_| "x".into()), "100%");
    }

    fn numbering() -> Numbering {
        let xml = r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="1">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="2">
<w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>
</w:abstractNum>
<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="6"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="7"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="8"><w:abstractNumId w:val="2"/></w:num>
</w:numbering>"#;
        let doc = crate::reader::xml::parse(xml.as_bytes(), 64).expect("xml");
        Numbering::parse(&doc.root)
    }

    #[test]
    fn lists_count_as_word_counts_them() {
        let n = numbering();
        let mut c = ListCounters::default();
        let mut next = |id, level| c.next(&n, id, level);
        assert_eq!(next(5, 0).as_deref(), Some("1."));
        assert_eq!(next(5, 1).as_deref(), Some("1.1."));
        assert_eq!(next(5, 2).as_deref(), Some("a)"));
        assert_eq!(next(5, 2).as_deref(), Some("b)"));
        assert_eq!(next(5, 1).as_deref(), Some("1.2."));
        assert_eq!(next(5, 2).as_deref(), Some("a)"));
        // A second numId of the same abstract list continues it.
        assert_eq!(next(6, 0).as_deref(), Some("2."));
        // A bullet shows no number.
        assert_eq!(next(8, 0), None);
        // A numId that restarts its first level ("Restart numbering" in Word).
        assert_eq!(next(7, 0).as_deref(), Some("1."));
        assert_eq!(next(7, 0).as_deref(), Some("2."));
        // An unknown list shows nothing.
        assert_eq!(next(99, 0), None);
    }

    #[test]
    fn numbers_print_in_their_format() {
        assert_eq!(format_number(4, "upperRoman"), "IV");
        assert_eq!(format_number(4, "lowerLetter"), "d");
        assert_eq!(format_number(5, "lowerLetter"), "e");
        assert_eq!(format_number(27, "lowerLetter"), "aa");
        assert_eq!(format_number(i64::MAX, "lowerLetter"), i64::MAX.to_string());
        assert_eq!(format_number(3, "lowerRoman"), "iii");
        assert_eq!(format_number(3, "decimalZero"), "03");
        assert_eq!(format_number(12, "chineseCounting"), "12");
    }
}
