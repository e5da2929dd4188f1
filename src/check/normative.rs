//! The căn cứ ban hành and the line that closes them (dòng ban hành), as both the checker
//! (rule 508) and the import (`import::body`, `import::normative`) read them: one
//! recognition, read from the checked view only.
//!
//! A Quyết định or Nghị quyết closes its căn cứ with an action line ("QUYẾT ĐỊNH:",
//! "QUYẾT NGHỊ:"): centred, bold, in capitals. A Nghị định or Thông tư has none; its
//! enacting line ("Bộ trưởng Bộ Tài chính ban hành Thông tư …") closes them instead.

use std::sync::LazyLock;

use regex::Regex;

use super::view::{Align, Para, View};
use crate::model::text;

/// The words a căn cứ starts with.
pub(crate) const BASIS_STARTS: [&str; 4] = ["Căn cứ", "Theo đề nghị", "Xét đề nghị", "Xét "];

/// Spaces typed before a line that centre it by hand ("                    QUYẾT ĐỊNH:").
const CENTRED_BY_HAND: &str = "        ";

/// "Phần I", "PHẦN THỨ NHẤT".
pub(crate) static PART: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i:phần)\s+(thứ\s+\S+|[IVXLC]+)\s*\.?$").expect("regex"));
/// "Chương II. TITLE".
pub(crate) static CHAPTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i:chương)\s+[IVXLC\d]+\s*(?:[.:]\s*(.*))?$").expect("regex"));
/// "Mục 1. TITLE".
pub(crate) static DIVISION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:Mục|MỤC)\s+\d+\s*(?:[.:]\s*(.*))?$").expect("regex"));
/// "Phụ lục I. TITLE".
pub(crate) static APPENDIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Phụ lục|PHỤ LỤC)(?:\s+[IVXLC\d]+)?\s*(?:[.:]\s*(.*))?$").expect("regex")
});
/// "Điều 3." (also "Điểu 18.", a slip of the keyboard some offices leave in).
pub(crate) static ARTICLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:Điều|ĐIỀU|Điểu|ĐIỂU)\s+\d+\s*[.:]\s*").expect("regex"));
/// "II. ", "III - ".
pub(crate) static SECTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[IVXLC]+\s*[.\-–]\s+").expect("regex"));

/// "… ban hành Thông tư …", "… ban hành Thông tư liên tịch …", "… ban hành Nghị định …".
pub(crate) static ENACTING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\bban hành (?:Thông tư|Nghị định)\b").expect("regex"));

/// How far into the body the enacting line, or the action line, may stand (after a dozen
/// căn cứ at most).
const SEARCH: usize = 24;

/// Whether a paragraph's text starts as a căn cứ does.
pub(crate) fn starts_basis(t: &str) -> bool {
    BASIS_STARTS.iter().any(|s| t.starts_with(s))
}

/// Whether every visible character of paragraph `p` is bold (a label Word's list numbering
/// shows before the runs is not), the "./." closing mark Vanban writes upright after the
/// last paragraph aside.
fn all_bold(p: &Para) -> bool {
    let from_runs: String = p.runs.iter().map(|r| r.text.as_str()).collect();
    let label = p
        .text
        .strip_suffix(from_runs.trim_start())
        .filter(|l| !from_runs.trim().is_empty() && l.ends_with(' '));
    let mut chars: Vec<(char, bool)> = Vec::new();
    if let Some(label) = label {
        chars.extend(text::nfc(label).chars().map(|c| (c, false)));
    }
    if from_runs == p.text || label.is_some() {
        for r in &p.runs {
            chars.extend(text::nfc(&r.text).chars().map(|c| (c, r.bold)));
        }
    } else {
        chars.extend(text::nfc(&p.text).chars().map(|c| (c, false)));
    }
    bold_throughout(&chars)
}

/// Whether every visible character of `chars` (each with its boldness) is bold, a closing
/// "./." at the end aside (Vanban writes it upright after the last paragraph), and there is
/// at least one. The import's pieces of a paragraph are judged by the same test.
pub(crate) fn bold_throughout(chars: &[(char, bool)]) -> bool {
    let end = chars
        .iter()
        .rposition(|(c, _)| !c.is_whitespace() && *c != '.' && *c != '/')
        .map_or(chars.len(), |k| k + 1);
    let tail_is_mark = chars[end..].iter().any(|(c, _)| *c == '/');
    let upto = if tail_is_mark { end } else { chars.len() };
    let mut visible = chars[..upto].iter().filter(|(c, _)| !c.is_whitespace());
    visible.clone().next().is_some() && visible.all(|(_, b)| *b)
}

/// Whether view paragraph `i` is an action line: centred (by its alignment, or by hand with
/// spaces or a tab typed before it), bold, in capitals ("QUYẾT ĐỊNH:").
pub(crate) fn is_action(view: &View, i: usize) -> bool {
    let p = &view.paras[i];
    let t = text::squash_spaces(&p.text);
    let centred =
        p.align == Align::Center || p.text.starts_with(CENTRED_BY_HAND) || p.text.starts_with('\t');
    if !centred || t.is_empty() || t.chars().count() > 160 || p.cell.is_some() {
        return false;
    }
    all_bold(p)
        && text::upper(&t) == t
        && t.chars().any(char::is_alphabetic)
        && !PART.is_match(&t)
        && !SECTION.is_match(&t)
        && !CHAPTER.is_match(&t)
        && !APPENDIX.is_match(&t)
        && !DIVISION.is_match(&t)
        && !ARTICLE.is_match(&t)
}

/// The position in `body` of the enacting line: the first paragraph that enacts a Thông tư
/// or Nghị định right after a căn cứ ("Căn cứ …", "Theo đề nghị …"), before the last action
/// line if there is one (a chapter's title in capitals reads as one: `last_action`).
pub(crate) fn enacting_line(
    view: &View,
    body: &[usize],
    last_action: Option<usize>,
) -> Option<usize> {
    let end = SEARCH.min(last_action.unwrap_or(usize::MAX));
    let mut previous: Option<String> = None;
    for (k, &i) in body.iter().enumerate().take(end) {
        let p = &view.paras[i];
        if p.is_blank() || p.cell.is_some() {
            continue;
        }
        let t = text::squash_spaces(&text::nfc(&p.text));
        let after_basis = previous.as_deref().is_some_and(starts_basis);
        if after_basis && !starts_basis(&t) && ENACTING.is_match(&t) {
            return Some(k);
        }
        previous = Some(t);
    }
    None
}

/// The căn cứ of a document, in order, each as its paragraphs (view positions): the first
/// starting with a [`BASIS_STARTS`] word (or naming a document), the others the lines it was
/// broken into by hand.
pub(crate) type Bases = Vec<Vec<usize>>;

/// How many paragraphs the căn cứ of a document may take, from the first (two dozen and
/// more stand in a hospital's purchase decision).
const BASES_SEARCH: usize = 48;

/// The căn cứ at the head of the body (`body`: view positions of the nội dung) and the line
/// that closes them: from the first paragraph starting with a căn cứ word, the căn cứ that
/// follow one another, then the first action line or enacting line. A paragraph starting in
/// lower case continues the căn cứ above it (a line broken by hand); after a căn cứ ending
/// ";", one naming a document ("Quyết định số 42/2025/QĐ-UBND …;") is a căn cứ typed
/// without its word. Anything else ends the căn cứ (the meeting a nghị quyết tells of before
/// its "NGHỊ QUYẾT:"). `None` when no closing line follows (a công văn, a kế hoạch), or when
/// a numbered item, an article or a table comes first.
pub(crate) fn bases(view: &View, body: &[usize]) -> Option<Bases> {
    let last_action = body.iter().rposition(|&i| is_action(view, i));
    let enacting = enacting_line(view, body, last_action);
    let first = body.iter().take(SEARCH).position(|&i| {
        let p = &view.paras[i];
        p.cell.is_none() && starts_basis(&text::squash_spaces(&text::nfc(&p.text)))
    })?;
    let mut lines: Vec<Vec<usize>> = Vec::new();
    let mut open = true;
    for (k, &i) in body.iter().enumerate().skip(first).take(BASES_SEARCH) {
        let p = &view.paras[i];
        if enacting == Some(k) {
            if open {
                lines.push(vec![i]);
            }
            return Some(lines);
        }
        if is_action(view, i) {
            return Some(lines);
        }
        if p.is_blank() {
            continue;
        }
        let t = text::squash_spaces(&text::nfc(&p.text));
        if p.cell.is_some() || is_label(&t) {
            return None;
        }
        if !open {
            continue;
        }
        let after_semicolon = lines
            .last()
            .and_then(|l| l.last())
            .is_some_and(|&j| view.paras[j].text.trim_end().ends_with(';'));
        match lines.last_mut() {
            _ if starts_basis(&t) => lines.push(vec![i]),
            Some(last) if continues(&t) => last.push(i),
            _ if after_semicolon && names_document(&t) => lines.push(vec![i]),
            _ => open = false,
        }
    }
    None
}

/// A paragraph that starts with the kind of a document ("Luật …", "Quyết định số …").
fn names_document(t: &str) -> bool {
    const KINDS: [&str; 20] = [
        "Hiến pháp",
        "Bộ luật",
        "Luật",
        "Pháp lệnh",
        "Nghị quyết",
        "Nghị định",
        "Quyết định",
        "Thông tư",
        "Chỉ thị",
        "Kết luận",
        "Quy định",
        "Quy chế",
        "Điều lệ",
        "Hướng dẫn",
        "Kế hoạch",
        "Công văn",
        "Văn bản",
        "Tờ trình",
        "Biên bản",
        "Thông báo",
    ];
    KINDS.iter().any(|k| t.starts_with(k))
}

/// A paragraph that starts with a label of the body ("Điều 1.", "II.", "1.", "a)", "- "),
/// which no căn cứ does.
fn is_label(t: &str) -> bool {
    static LABEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:\d{1,3}(?:\.\d{1,3})*\s*[.)]|[a-zđ]\)|[-–+•]\s)").expect("regex")
    });
    LABEL.is_match(t)
        || ARTICLE.is_match(t)
        || SECTION.is_match(t)
        || CHAPTER.is_match(t)
        || PART.is_match(t)
        || DIVISION.is_match(t)
        || APPENDIX.is_match(t)
}

/// A paragraph that continues the căn cứ above it, broken by hand: it starts in lower case
/// or with a figure ("2015;").
fn continues(t: &str) -> bool {
    t.chars()
        .next()
        .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::{bases, ENACTING};
    use crate::check::view::{Align, Detected, Origin, Para, Parts, Run, View};

    /// A view of body paragraphs: (text, centred and bold).
    fn view(lines: &[(&str, bool)]) -> View {
        let paras = lines
            .iter()
            .enumerate()
            .map(|(k, &(t, action))| {
                let run = Run {
                    bold: action,
                    italic: !action,
                    ..Run::default()
                };
                Para {
                    align: if action {
                        Align::Center
                    } else {
                        Align::Justify
                    },
                    ..Para::with_run(k, t, run)
                }
            })
            .collect();
        View {
            origin: Origin::Docx,
            paras,
            page: None,
            parts: Parts::default(),
            detected: Detected::State,
            system: None,
            mixed: false,
            doc_type: None,
            protected: false,
            signed: false,
        }
    }

    fn lines_of(lines: &[(&str, bool)]) -> Option<Vec<Vec<usize>>> {
        let v = view(lines);
        let body: Vec<usize> = (0..v.paras.len()).collect();
        bases(&v, &body)
    }

    #[test]
    fn the_bases_run_from_the_first_to_the_action_line() {
        let found = lines_of(&[
            ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", true),
            (
                "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6",
                false,
            ),
            ("năm 2025;", false),
            (
                "Căn cứ Nghị định số 126/2024/NĐ-CP ngày 08 tháng 10 năm 2024;",
                false,
            ),
            (
                "Quyết định số 42/2025/QĐ-CTUBND ngày 20/9/2025 của Chủ tịch;",
                false,
            ),
            ("", false),
            ("Theo đề nghị của Giám đốc Sở Nội vụ.", false),
            ("QUYẾT ĐỊNH:", true),
            ("Điều 1. Thành lập Ban Chỉ đạo.", false),
        ]);
        assert_eq!(found, Some(vec![vec![1, 2], vec![3], vec![4], vec![6]]));
    }

    #[test]
    fn a_meeting_told_before_the_action_line_ends_the_bases() {
        let found = lines_of(&[
            ("Căn cứ Điều lệ Đảng Cộng sản Việt Nam,", false),
            ("Ngày 12 tháng 3 năm 2026, Chi bộ đã họp.", false),
            ("QUYẾT NGHỊ:", true),
        ]);
        assert_eq!(found, Some(vec![vec![0]]));
    }

    #[test]
    fn no_action_line_no_bases() {
        assert_eq!(
            lines_of(&[
                ("Căn cứ Kế hoạch số 12/KH-UBND ngày 05/01/2026;", false),
                ("Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:", false),
                ("I. MỤC ĐÍCH, YÊU CẦU", true),
            ]),
            None
        );
        assert_eq!(
            lines_of(&[
                ("Căn cứ Kế hoạch số 12/KH-UBND ngày 05/01/2026;", false),
                ("1. Mục đích", false),
                ("QUYẾT ĐỊNH:", true),
            ]),
            None
        );
    }

    #[test]
    fn enacting_lines_of_the_three_kinds() {
        for t in [
            "Bộ trưởng Bộ Tài chính ban hành Thông tư quy định mức thu.",
            "Bộ trưởng Bộ Giáo dục và Đào tạo, Bộ trưởng Bộ Thông tin và Truyền thông ban hành \
             Thông tư liên tịch quy định hoạt động tổ chức thi.",
            "Chính phủ ban hành Nghị định về công tác văn thư.",
        ] {
            assert!(ENACTING.is_match(t), "{t}");
        }
        assert!(!ENACTING.is_match("Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020"));
    }
}
