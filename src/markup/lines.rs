//! The body markup line by line, as the app's block editor shows it: each line's kind, depth,
//! raw text (inline marks kept) and computed label ("Phần thứ nhất", "I.", "1.1.", "đ)").
//!
//! Unlike [`super::parse`] this never fails: a heading with no text yet is still a heading,
//! so the editor can show a line while the secretary is typing it. The labels come from
//! [`crate::model::label_blocks`], the same numbering the document prints.

use serde::{Deserialize, Serialize};

use crate::model::{label_blocks, Block, Inline, System, Table};

/// Kind of one markup line (kiểu dòng).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum LineKind {
    /// Phần (`= `).
    Part,
    /// Mục La Mã (`# `).
    Section,
    /// Numbered heading (`## `, `### `, `#### `).
    Heading,
    /// Numbered paragraph (`1. `, `1.1. `, `1.1.1. `).
    Numbered,
    /// Điểm (`a) `).
    Lettered,
    /// Dash item (`- `).
    Dash,
    /// Plus item (`+ `).
    Plus,
    /// Plain paragraph.
    Paragraph,
    /// Table row (`| … |`), kept whole.
    Table,
    /// Căn cứ (`> `).
    Basis,
    /// Action line (`! QUYẾT ĐỊNH:`).
    Action,
    /// Phụ lục (`Phụ lục I. `).
    Appendix,
    /// Phụ lục on landscape pages, trang ngang (`Phụ lục I (trang ngang). `).
    LandscapeAppendix,
    /// A document issued with the decision (`Quy chế kèm theo. `): its text is the whole
    /// line, tên loại included, since the tên loại varies.
    Issued,
    /// Chương (`Chương I. `).
    Chapter,
    /// Mục inside a chương (`Mục 1. `).
    Division,
    /// Điều with a title (`Điều 1. `).
    Article,
    /// Điều without a title, its text after the label (`Điều 1: `).
    RunInArticle,
}

/// The shape of one line: what numbering depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct LineShape {
    /// Kind of the line.
    pub kind: LineKind,
    /// Depth 1–3 for headings and numbered paragraphs, else 1.
    pub level: u8,
}

/// One line of body markup with its computed label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MarkupLine {
    /// Kind of the line.
    pub kind: LineKind,
    /// Depth 1–3 for headings and numbered paragraphs, else 1.
    pub level: u8,
    /// The text after the markup prefix, inline marks kept (a table row: the whole line).
    pub text: String,
    /// The printed label ("I.", "1.2.", "a)", "-"), `None` for paragraphs and table rows.
    pub label: Option<String>,
}

/// Kind, depth and text of one non-empty, trimmed line: the prefixes [`super::parse`] reads.
pub(super) fn classify(line: &str) -> (LineKind, u8, &str) {
    if super::table_row(line).is_some() {
        return (LineKind::Table, 1, line);
    }
    if let Some(rest) = line.strip_prefix('\\') {
        return (LineKind::Paragraph, 1, rest);
    }
    if let Some(rest) = line.strip_prefix("> ") {
        return (LineKind::Basis, 1, rest);
    }
    if let Some(rest) = line.strip_prefix("! ") {
        return (LineKind::Action, 1, rest);
    }
    if super::issued_prefix(line).is_some() {
        return (LineKind::Issued, 1, line);
    }
    if let Some((kind, rest)) = super::structure_prefix(line) {
        let kind = match kind {
            super::Structure::Appendix => LineKind::Appendix,
            super::Structure::LandscapeAppendix => LineKind::LandscapeAppendix,
            super::Structure::Chapter => LineKind::Chapter,
            super::Structure::Division => LineKind::Division,
            super::Structure::Article => LineKind::Article,
            super::Structure::RunInArticle => LineKind::RunInArticle,
        };
        return (kind, 1, rest);
    }
    if let Some(rest) = line.strip_prefix("= ") {
        return (LineKind::Part, 1, rest);
    }
    for (prefix, level) in [("#### ", 3u8), ("### ", 2), ("## ", 1)] {
        if let Some(rest) = line.strip_prefix(prefix) {
            return (LineKind::Heading, level, rest);
        }
    }
    if let Some(rest) = line.strip_prefix("# ") {
        return (LineKind::Section, 1, rest);
    }
    if let Some((level, rest)) = super::numbered_prefix(line) {
        return (LineKind::Numbered, level, rest);
    }
    if let Some(rest) = super::lettered_prefix(line) {
        return (LineKind::Lettered, 1, rest);
    }
    if let Some(rest) = line.strip_prefix("- ") {
        return (LineKind::Dash, 1, rest);
    }
    if let Some(rest) = line.strip_prefix("+ ") {
        return (LineKind::Plus, 1, rest);
    }
    (LineKind::Paragraph, 1, line)
}

/// Splits markup into labelled lines (blank lines dropped). Text is NFC-normalised.
pub fn lines(source: &str, system: System) -> Vec<MarkupLine> {
    let source = crate::model::text::nfc(source);
    let mut out: Vec<MarkupLine> = source
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| {
            let (kind, level, text) = classify(l);
            MarkupLine {
                kind,
                level: level.clamp(1, 3),
                text: text.trim_start().to_owned(),
                label: None,
            }
        })
        .collect();
    let shapes: Vec<LineShape> = out
        .iter()
        .map(|l| LineShape {
            kind: l.kind,
            level: l.level,
        })
        .collect();
    for (line, label) in out.iter_mut().zip(label_lines(&shapes, system)) {
        line.label = label;
    }
    out
}

/// The label of each line of a field being edited, from the lines' shapes alone.
pub fn label_lines(shapes: &[LineShape], system: System) -> Vec<Option<String>> {
    let blocks: Vec<Block> = shapes
        .iter()
        .map(|s| {
            let content = Inline::default();
            let level = s.level.clamp(1, 3);
            match s.kind {
                LineKind::Part => Block::Part { title: content },
                LineKind::Section => Block::Section { title: content },
                LineKind::Heading => Block::Heading {
                    level,
                    title: content,
                },
                LineKind::Numbered => Block::Numbered { level, content },
                LineKind::Lettered => Block::Lettered { content },
                LineKind::Dash => Block::Dash { content },
                LineKind::Plus => Block::Plus { content },
                LineKind::Paragraph => Block::Paragraph { content },
                LineKind::Table => Block::Table(Table::default()),
                LineKind::Basis => Block::Basis { content },
                LineKind::Action => Block::Action { text: content },
                LineKind::Appendix | LineKind::LandscapeAppendix => Block::Appendix {
                    title: content,
                    landscape: s.kind == LineKind::LandscapeAppendix,
                },
                // The label is the tên loại in capitals: the shapes alone do not hold it.
                LineKind::Issued => Block::Issued {
                    doc_type: String::new(),
                    title: content,
                },
                LineKind::Chapter => Block::Chapter { title: content },
                LineKind::Division => Block::Division { title: content },
                LineKind::Article | LineKind::RunInArticle => Block::Article {
                    title: content,
                    run_in: s.kind == LineKind::RunInArticle,
                },
            }
        })
        .collect();
    label_blocks(&blocks, system)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(src: &str, system: System) -> Vec<(LineKind, Option<String>)> {
        lines(src, system)
            .into_iter()
            .map(|l| (l.kind, l.label))
            .collect()
    }

    #[test]
    fn every_kind_with_its_label() {
        let src = "= Tình hình\n# Mục đích\n## Yêu cầu\n1. Một\n1.1. Hai\na) x\nb) y\nc) z\nd) t\nđ) u\n- gạch\n+ cộng\nĐoạn\n| a | b |\n\\1. không đánh số";
        let got = labels(src, System::State);
        let want: Vec<(LineKind, Option<&str>)> = vec![
            (LineKind::Part, Some("Phần I")),
            (LineKind::Section, Some("I.")),
            (LineKind::Heading, Some("1.")),
            (LineKind::Numbered, Some("2.")),
            (LineKind::Numbered, Some("2.1.")),
            (LineKind::Lettered, Some("a)")),
            (LineKind::Lettered, Some("b)")),
            (LineKind::Lettered, Some("c)")),
            (LineKind::Lettered, Some("d)")),
            (LineKind::Lettered, Some("đ)")),
            (LineKind::Dash, Some("-")),
            (LineKind::Plus, Some("+")),
            (LineKind::Paragraph, None),
            (LineKind::Table, None),
            (LineKind::Paragraph, None),
        ];
        let want: Vec<_> = want
            .into_iter()
            .map(|(k, l)| (k, l.map(str::to_owned)))
            .collect();
        assert_eq!(got, want);
        assert_eq!(
            lines("\\1. không đánh số", System::State)[0].text,
            "1. không đánh số"
        );
    }

    #[test]
    fn normative_lines_with_labels() {
        let src = "> Căn cứ Luật;\n! QUYẾT ĐỊNH:\nChương I. CHUNG\nĐiều 1. Phạm vi\n1. Khoản\na) điểm\nđiểm tiếp\nĐiều 9. Hiệu lực\nChương V. KHÁC\nMục 4. MỘT\nĐiều 2. Ba";
        let got = labels(src, System::State);
        let want: Vec<(LineKind, Option<&str>)> = vec![
            (LineKind::Basis, None),
            (LineKind::Action, None),
            (LineKind::Chapter, Some("Chương I")),
            (LineKind::Article, Some("Điều 1.")),
            (LineKind::Numbered, Some("1.")),
            (LineKind::Lettered, Some("a)")),
            (LineKind::Paragraph, None),
            (LineKind::Article, Some("Điều 2.")),
            (LineKind::Chapter, Some("Chương II")),
            (LineKind::Division, Some("Mục 1")),
            (LineKind::Article, Some("Điều 3.")),
        ];
        let want: Vec<_> = want
            .into_iter()
            .map(|(k, l)| (k, l.map(str::to_owned)))
            .collect();
        assert_eq!(got, want);
        assert_eq!(lines("Điều 4. Phạm vi", System::State)[0].text, "Phạm vi");
        let run_in = &lines("Điều 4: Quyết định này có hiệu lực.", System::State)[0];
        assert_eq!(run_in.kind, LineKind::RunInArticle);
        assert_eq!(run_in.label.as_deref(), Some("Điều 1."));
        let appendix = labels(
            "Phụ lục I. DANH SÁCH
Phụ lục II. QUY CHẾ",
            System::State,
        );
        assert_eq!(appendix[1], (LineKind::Appendix, Some("Phụ lục II".into())));
        // A landscape Phụ lục is numbered with the others; its text is the title alone.
        let turned = lines(
            "Phụ lục I. DANH SÁCH\nPhụ lục I (trang ngang). BẢNG TỔNG HỢP",
            System::State,
        );
        assert_eq!(turned[1].kind, LineKind::LandscapeAppendix);
        assert_eq!(turned[1].text, "BẢNG TỔNG HỢP");
        assert_eq!(turned[1].label.as_deref(), Some("Phụ lục II"));
        // A Quy chế issued with the decision keeps its whole line (the tên loại varies) and
        // restarts the articles under it.
        let issued = lines(
            "Điều 1: Ban hành.\nĐiều 2: Hiệu lực.\nQuy chế kèm theo. Làm việc\nĐiều 1. Phạm vi",
            System::State,
        );
        assert_eq!(issued[2].kind, LineKind::Issued);
        assert_eq!(issued[2].text, "Quy chế kèm theo. Làm việc");
        assert_eq!(issued[3].label.as_deref(), Some("Điều 1."));
    }

    #[test]
    fn party_labels_and_unfinished_lines() {
        let got = labels("= \n# Mục\n#  ", System::Party);
        // "= " trimmed is "=": a paragraph until the secretary types the title.
        assert_eq!(got[0], (LineKind::Paragraph, None));
        assert_eq!(got[1], (LineKind::Section, Some("I-".into())));
        let part = labels("= Phần đầu\n= Phần sau", System::Party);
        assert_eq!(part[1].1.as_deref(), Some("Phần thứ hai"));
    }

    #[test]
    fn a_bare_article_line_is_an_article_with_no_text() {
        let got = lines("Điều 1. Phạm vi\nĐiều 2.\n1. Khoản", System::State);
        assert_eq!(got[1].kind, LineKind::Article);
        assert_eq!(got[1].text, "");
        assert_eq!(got[1].label.as_deref(), Some("Điều 2."));
        assert_eq!(got[2].label.as_deref(), Some("1."));
    }

    #[test]
    fn agrees_with_the_parser_on_kinds() {
        let src = "# A\n## B\n1.1. C\na) D\n- E\n+ F\nG\n\\# H";
        let body = super::super::parse(src).unwrap();
        assert_eq!(body.blocks.len(), lines(src, System::State).len());
    }
}
