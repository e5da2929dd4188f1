//! The body markup: the small line-based text format that templates produce and draft files
//! may hold, parsed into [`Body`]. Numbers are placeholders: they are computed on output.
//!
//! One block per line (blank lines are ignored, except that one ends a table):
//!
//! | line starts with        | block                                   |
//! |-------------------------|-----------------------------------------|
//! | `= `                    | Phần ("Phần thứ nhất" / "Phần I")       |
//! | `# `                    | Mục La Mã ("I." / Party "I-"), capitals |
//! | `## `, `### `, `#### `  | numbered heading, bold: 1. / 1.1. / 1.1.1. |
//! | `1. `, `1.1. `, `1.1.1. ` | numbered paragraph (digits recomputed) |
//! | `a) `                   | điểm a), b), c) ... (letter recomputed) |
//! | `- `, `+ `              | dash item, plus item                    |
//! | `\| cell \| cell \|`    | table row; a `\|---\|` line after the first, second or third row makes the rows above it the header (hàng tiêu đề); a cell `<` continues the cell on its left, `^` the cell above (ô gộp; `\<`, `\^` for the characters) |
//! | `> `                    | căn cứ (its end punctuation is computed) |
//! | `! `                    | action line ("QUYẾT ĐỊNH:"), centred, bold |
//! | `Phụ lục I. `           | Phụ lục on a new page after the signature; what follows is in it |
//! | `Phụ lục I (trang ngang). ` | the same Phụ lục set on landscape pages (trang ngang), for wide tables |
//! | `Quy chế kèm theo. `    | a document issued with the decision (Mẫu 1.3: any tên loại of the type table, e.g. `Quy định kèm theo. `), on a new page after the signature: "QUY CHẾ", the title, "(Ban hành kèm theo Quyết định số … ngày … của …)"; what follows is in it |
//! | `Chương I. `            | Chương (number recomputed), title in capitals |
//! | `Mục 1. `               | Mục inside a chương (number recomputed) |
//! | `Điều 1. `              | Điều (number recomputed), "Điều 1. Title" bold |
//! | `Điều 1: `              | Điều without a title: "Điều 1." bold, its text regular after it |
//! | `Điều 1.` alone         | Điều with neither title nor text on its line: "Điều 1." bold, its khoản under it |
//! | `\`                     | escape: the rest of the line is a plain paragraph |
//! | anything else           | paragraph                               |
//!
//! Inline: `**đậm**`, `*nghiêng*`, `***cả hai***`, footnote `^[nội dung chú thích]`;
//! a backslash escapes the next character (`\*`).

use crate::model::{text, Block, Body, Inline, Span, Table, MAX_HEADER_ROWS};

mod lines;
mod table;
pub use lines::{label_lines, lines, LineKind, LineShape, MarkupLine};

/// A markup error with the line it is on (1-based).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("dòng {line}: {message}")]
pub struct MarkupError {
    /// Line number, 1-based.
    pub line: usize,
    /// What is wrong, in Vietnamese.
    pub message: String,
}

/// Parses body markup into a [`Body`]. Text is NFC-normalised.
pub fn parse(source: &str) -> Result<Body, MarkupError> {
    let source = text::nfc(source);
    let mut blocks = Vec::new();
    let mut table: Option<(Table, usize)> = None;

    for (i, raw) in source.lines().enumerate() {
        let line_no = i + 1;
        let line = raw.trim();
        let err = |message: String| MarkupError {
            line: line_no,
            message,
        };

        if let Some(row) = table_row(line) {
            let (t, rows_seen) = table.get_or_insert_with(|| (Table::default(), 0));
            if is_separator(&row) {
                // The header is the first one to three rows: one separator, right after it.
                if t.header_rows > 0 || !(1..=MAX_HEADER_ROWS).contains(rows_seen) {
                    return Err(err(format!(
                        "dòng phân cách |---| chỉ được đặt một lần, ngay sau hàng tiêu đề (hàng 1 đến {MAX_HEADER_ROWS}) của bảng"
                    )));
                }
                t.header_rows = *rows_seen;
                continue;
            }
            table::push_row(t, &row).map_err(&err)?;
            *rows_seen += 1;
            continue;
        }
        if let Some((t, _)) = table.take() {
            blocks.push(Block::Table(table::finish(t)));
        }
        if line.is_empty() {
            continue;
        }
        blocks.push(parse_block(line).map_err(err)?);
    }
    if let Some((t, _)) = table.take() {
        blocks.push(Block::Table(table::finish(t)));
    }
    Ok(Body { blocks })
}

fn parse_block(line: &str) -> Result<Block, String> {
    if let Some(rest) = line.strip_prefix('\\') {
        return Ok(Block::Paragraph {
            content: parse_inline(rest)?,
        });
    }
    if let Some(rest) = line.strip_prefix("> ") {
        return Ok(Block::Basis {
            content: non_empty(rest, "căn cứ")?,
        });
    }
    if let Some(rest) = line.strip_prefix("! ") {
        return Ok(Block::Action {
            text: non_empty(rest, "dòng quyết định")?,
        });
    }
    if let Some((doc_type, rest)) = issued_prefix(line) {
        return Ok(Block::Issued {
            doc_type,
            title: non_empty(rest, "văn bản ban hành kèm theo")?,
        });
    }
    if let Some((kind, rest)) = structure_prefix(line) {
        return Ok(match kind {
            Structure::Appendix => Block::Appendix {
                title: non_empty(rest, "phụ lục")?,
                landscape: false,
            },
            Structure::LandscapeAppendix => Block::Appendix {
                title: non_empty(rest, "phụ lục")?,
                landscape: true,
            },
            Structure::Chapter => Block::Chapter {
                title: non_empty(rest, "chương")?,
            },
            Structure::Division => Block::Division {
                title: non_empty(rest, "mục")?,
            },
            // "Điều 2." alone: an article whose khoản follow on their own lines.
            Structure::Article if rest.is_empty() => Block::Article {
                title: Inline::default(),
                run_in: false,
            },
            Structure::Article => Block::Article {
                title: non_empty(rest, "điều")?,
                run_in: false,
            },
            Structure::RunInArticle => Block::Article {
                title: non_empty(rest, "điều")?,
                run_in: true,
            },
        });
    }
    if let Some(rest) = line.strip_prefix("= ") {
        return Ok(Block::Part {
            title: non_empty(rest, "phần")?,
        });
    }
    for (prefix, level) in [("#### ", 3u8), ("### ", 2), ("## ", 1)] {
        if let Some(rest) = line.strip_prefix(prefix) {
            return Ok(Block::Heading {
                level,
                title: non_empty(rest, "đề mục")?,
            });
        }
    }
    if let Some(rest) = line.strip_prefix("# ") {
        return Ok(Block::Section {
            title: non_empty(rest, "mục")?,
        });
    }
    if let Some((level, rest)) = numbered_prefix(line) {
        if level > 3 {
            return Err(format!(
                "đánh số tối đa 3 cấp (1.1.1.), dòng này có {level} cấp"
            ));
        }
        return Ok(Block::Numbered {
            level,
            content: non_empty(rest, "khoản")?,
        });
    }
    if let Some(rest) = lettered_prefix(line) {
        return Ok(Block::Lettered {
            content: non_empty(rest, "điểm")?,
        });
    }
    if let Some(rest) = line.strip_prefix("- ") {
        return Ok(Block::Dash {
            content: parse_inline(rest)?,
        });
    }
    if let Some(rest) = line.strip_prefix("+ ") {
        return Ok(Block::Plus {
            content: parse_inline(rest)?,
        });
    }
    Ok(Block::Paragraph {
        content: parse_inline(line)?,
    })
}

fn non_empty(rest: &str, what: &str) -> Result<Inline, String> {
    let inline = parse_inline(rest)?;
    if inline.is_empty() {
        return Err(format!("{what} không có nội dung"));
    }
    Ok(inline)
}

/// A normative heading written with its word and a placeholder number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Structure {
    /// "Phụ lục I. "
    Appendix,
    /// "Phụ lục I (trang ngang). ": a Phụ lục on landscape pages.
    LandscapeAppendix,
    /// "Chương I. "
    Chapter,
    /// "Mục 1. "
    Division,
    /// "Điều 1. "
    Article,
    /// "Điều 1: ": an article without a title, its text on the same line.
    RunInArticle,
}

/// "Điều 3. Title" → (Article, "Title"): the word, a number of letters or digits (any: it is
/// recomputed), a dot and a space.
fn structure_prefix(line: &str) -> Option<(Structure, &str)> {
    use crate::layout::{APPENDIX_WORD, ARTICLE_WORD, CHAPTER_WORD, DIVISION_WORD};
    for (word, kind) in [
        (APPENDIX_WORD, Structure::Appendix),
        (CHAPTER_WORD, Structure::Chapter),
        (DIVISION_WORD, Structure::Division),
        (ARTICLE_WORD, Structure::Article),
    ] {
        let Some(rest) = line.strip_prefix(word).and_then(|r| r.strip_prefix(' ')) else {
            continue;
        };
        let n = rest
            .char_indices()
            .take_while(|(_, c)| c.is_ascii_alphanumeric())
            .last()
            .map(|(i, c)| i + c.len_utf8())?;
        if kind == Structure::Appendix {
            if let Some(after) = landscape_mark(&rest[n..]) {
                return Some((Structure::LandscapeAppendix, after.trim_start()));
            }
        }
        if let Some(after) = rest[n..].strip_prefix(". ") {
            return Some((kind, after.trim_start()));
        }
        // "Điều 2." with nothing after it on the (trimmed) line: an article without a title.
        if kind == Structure::Article && &rest[n..] == "." {
            return Some((kind, ""));
        }
        let after = rest[n..].strip_prefix(": ")?;
        return (kind == Structure::Article).then(|| (Structure::RunInArticle, after.trim_start()));
    }
    None
}

/// " (trang ngang). Title" → "Title": the mark of a landscape Phụ lục after its number.
fn landscape_mark(rest: &str) -> Option<&str> {
    rest.strip_prefix(" (")?
        .strip_prefix(crate::layout::LANDSCAPE_MARK)?
        .strip_prefix("). ")
}

/// "Quy chế kèm theo. Title" → ("Quy chế", "Title"): a tên loại of the type table (not công
/// văn, in any case), the words "kèm theo", a dot and a space. The type is returned as the
/// table writes it.
fn issued_prefix(line: &str) -> Option<(String, &str)> {
    use crate::layout::{DocTypeTable, ISSUED_MARK};
    let marker = format!(" {ISSUED_MARK}. ");
    let at = line.find(&marker)?;
    // A tên loại is a few words: do not search a long sentence for one.
    if line[..at].chars().count() > 24 {
        return None;
    }
    let t = DocTypeTable::builtin().by_name(&line[..at])?;
    if t.is_cong_van() {
        return None;
    }
    Some((t.name.clone(), line[at + marker.len()..].trim_start()))
}

/// "1.2. text" → (2, "text"): the number of digit groups is the level.
fn numbered_prefix(line: &str) -> Option<(u8, &str)> {
    let mut level = 0u8;
    let mut rest = line;
    loop {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 3 || rest.as_bytes().get(digits) != Some(&b'.') {
            break;
        }
        rest = &rest[digits + 1..];
        level = level.saturating_add(1);
    }
    if level == 0 {
        return None;
    }
    rest.strip_prefix(' ').map(|r| (level, r.trim_start()))
}

/// "a) text" or "đ) text" → "text".
fn lettered_prefix(line: &str) -> Option<&str> {
    let mut chars = line.char_indices();
    let (_, c) = chars.next()?;
    if !(c.is_ascii_lowercase() || c == 'đ') {
        return None;
    }
    let (i, close) = chars.next()?;
    if close != ')' {
        return None;
    }
    line[i + 1..].strip_prefix(' ').map(str::trim_start)
}

fn table_row(line: &str) -> Option<Vec<String>> {
    let inner = line.strip_prefix('|')?.strip_suffix('|')?;
    Some(inner.split('|').map(|c| c.trim().to_string()).collect())
}

fn is_separator(row: &[String]) -> bool {
    row.iter()
        .all(|c| !c.is_empty() && c.chars().all(|ch| ch == '-' || ch == ':'))
}

/// Parses inline markup: `**bold**`, `*italic*`, `^[footnote]`, `\` escapes.
pub fn parse_inline(s: &str) -> Result<Inline, String> {
    let mut spans = Vec::new();
    let mut buf = String::new();
    let (mut bold, mut italic) = (false, false);
    let flush = |buf: &mut String, spans: &mut Vec<Span>, bold: bool, italic: bool| {
        if !buf.is_empty() {
            spans.push(Span::Text {
                text: std::mem::take(buf),
                bold,
                italic,
            });
        }
    };
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' if i + 1 < chars.len() => {
                buf.push(chars[i + 1]);
                i += 2;
            }
            '^' if chars.get(i + 1) == Some(&'[') => {
                let (note, next) = footnote(&chars, i + 2)?;
                flush(&mut buf, &mut spans, bold, italic);
                spans.push(Span::Footnote { text: note });
                i = next;
            }
            '*' => {
                let run = chars[i..].iter().take_while(|&&ch| ch == '*').count();
                flush(&mut buf, &mut spans, bold, italic);
                match run {
                    1 => italic = !italic,
                    2 => bold = !bold,
                    3 => {
                        bold = !bold;
                        italic = !italic;
                    }
                    _ => {
                        return Err(
                            "quá nhiều dấu * liền nhau (dùng ** cho đậm, * cho nghiêng)".into()
                        )
                    }
                }
                i += run;
            }
            _ => {
                buf.push(c);
                i += 1;
            }
        }
    }
    if bold {
        return Err("dấu ** (in đậm) mở mà chưa đóng".into());
    }
    if italic {
        return Err("dấu * (in nghiêng) mở mà chưa đóng".into());
    }
    flush(&mut buf, &mut spans, bold, italic);
    Ok(Inline(spans))
}

/// Reads a footnote's text up to the matching `]`, starting after `^[`.
fn footnote(chars: &[char], start: usize) -> Result<(String, usize), String> {
    let mut depth = 1;
    let mut out = String::new();
    let mut i = start;
    while i < chars.len() {
        match chars[i] {
            '\\' if i + 1 < chars.len() => {
                out.push(chars[i + 1]);
                i += 2;
                continue;
            }
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    let text = text::squash_spaces(&out);
                    if text.is_empty() {
                        return Err("chú thích ^[...] rỗng".into());
                    }
                    return Ok((text, i + 1));
                }
            }
            _ => {}
        }
        out.push(chars[i]);
        i += 1;
    }
    Err("chú thích ^[ mở mà chưa đóng bằng ]".into())
}

/// Writes a [`Body`] back as markup (used when the app saves a body edited block by block).
pub fn to_markup(body: &Body) -> String {
    let mut out = String::new();
    let mut after_table = false;
    for block in &body.blocks {
        // Two tables in a row need a blank line between them, or they read back as one.
        if after_table && matches!(block, Block::Table(_)) {
            out.push('\n');
        }
        after_table = matches!(block, Block::Table(_));
        let line = match block {
            Block::Part { title } => format!("= {}", inline_markup(title)),
            Block::Basis { content } => format!("> {}", inline_markup(content)),
            Block::Action { text } => format!("! {}", inline_markup(text)),
            Block::Appendix { title, landscape } => {
                let mark = if *landscape {
                    format!(" ({})", crate::layout::LANDSCAPE_MARK)
                } else {
                    String::new()
                };
                format!(
                    "{} I{mark}. {}",
                    crate::layout::APPENDIX_WORD,
                    inline_markup(title)
                )
            }
            Block::Issued { doc_type, title } => {
                format!(
                    "{doc_type} {}. {}",
                    crate::layout::ISSUED_MARK,
                    inline_markup(title)
                )
            }
            Block::Chapter { title } => {
                format!(
                    "{} I. {}",
                    crate::layout::CHAPTER_WORD,
                    inline_markup(title)
                )
            }
            Block::Division { title } => {
                format!(
                    "{} 1. {}",
                    crate::layout::DIVISION_WORD,
                    inline_markup(title)
                )
            }
            // An article with neither title nor text: "Điều 1." alone.
            Block::Article { title, .. } if title.is_empty() => {
                format!("{} 1.", crate::layout::ARTICLE_WORD)
            }
            Block::Article { title, run_in } => {
                let sep = if *run_in { ':' } else { '.' };
                format!(
                    "{} 1{sep} {}",
                    crate::layout::ARTICLE_WORD,
                    inline_markup(title)
                )
            }
            Block::Section { title } => format!("# {}", inline_markup(title)),
            Block::Heading { level, title } => {
                format!(
                    "{} {}",
                    "#".repeat(usize::from(*level).clamp(1, 3) + 1),
                    inline_markup(title)
                )
            }
            Block::Numbered { level, content } => {
                format!(
                    "{} {}",
                    vec!["1"; usize::from(*level).clamp(1, 3)].join(".") + ".",
                    inline_markup(content)
                )
            }
            Block::Lettered { content } => format!("a) {}", inline_markup(content)),
            Block::Dash { content } => format!("- {}", inline_markup(content)),
            Block::Plus { content } => format!("+ {}", inline_markup(content)),
            Block::Paragraph { content } => {
                let text = inline_markup(content);
                // Lines are trimmed when read: a paragraph that starts with a space (from
                // "\ text") keeps it only behind the escape.
                // The line is written bare only when it reads back as this very paragraph: a
                // text that starts with "\" would lose it to the escape, one that looks like a
                // marker would become another block.
                match parse_block(&text) {
                    // An empty paragraph (a lone "\") is written as one, not as a blank line.
                    Ok(Block::Paragraph { content: back })
                        if back == *content
                            && !text.is_empty()
                            && !text.starts_with(char::is_whitespace)
                            && table_row(&text).is_none() =>
                    {
                        text
                    }
                    _ => format!("\\{text}"),
                }
            }
            Block::Table(t) => table::write(t),
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}

fn inline_markup(inline: &Inline) -> String {
    // Marks are written as changes of state, as the parser reads them: wrapping each span in
    // its own marks put runs of four or more `*` between adjacent emphasised spans ("*a*" then
    // "***b***"), which do not parse.
    fn toggle(out: &mut String, from: (bool, bool), to: (bool, bool)) {
        out.push_str(match (from.0 != to.0, from.1 != to.1) {
            (true, true) => "***",
            (true, false) => "**",
            (false, true) => "*",
            (false, false) => "",
        });
    }
    let mut out = String::new();
    let mut state = (false, false);
    for span in &inline.0 {
        match span {
            Span::Text { text, .. } if text.is_empty() => {}
            Span::Text { text, bold, italic } => {
                let escaped = text
                    .replace('\\', "\\\\")
                    .replace('*', "\\*")
                    .replace("^[", "\\^[");
                toggle(&mut out, state, (*bold, *italic));
                state = (*bold, *italic);
                // Lines and table cells are trimmed when read: leading whitespace survives
                // only behind an escape.
                if out.is_empty() && escaped.starts_with(char::is_whitespace) {
                    out.push('\\');
                }
                out.push_str(&escaped);
            }
            Span::Footnote { text } => {
                out.push_str("^[");
                out.push_str(
                    &text
                        .replace('\\', "\\\\")
                        .replace(']', "\\]")
                        .replace('[', "\\["),
                );
                out.push(']');
            }
        }
    }
    toggle(&mut out, state, (false, false));
    out
}

#[cfg(test)]
mod tests;
