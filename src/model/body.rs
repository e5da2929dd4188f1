//! Nội dung: the body as a list of blocks (phần, mục, khoản, điểm, đoạn, bảng) with inline
//! bold, italic and footnotes. Numbers are not stored: [`super::label_blocks`] computes them.

use serde::{Deserialize, Serialize};

/// The body of a document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Body {
    /// Blocks in reading order.
    pub blocks: Vec<Block>,
}

/// One block of the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// Phần: "Phần thứ nhất" (or "Phần I") on its own line, then the title in capitals.
    Part {
        /// Title of the part.
        title: Inline,
    },
    /// Mục with a Roman number: "I. MỤC ĐÍCH, YÊU CẦU" (Party: "I- ...").
    Section {
        /// Title, printed in capitals.
        title: Inline,
    },
    /// Numbered heading on its own line, bold: "1. Mục đích", "1.1. ...".
    Heading {
        /// Depth: 1 → "1.", 2 → "1.1.", 3 → "1.1.1.".
        level: u8,
        /// Title.
        title: Inline,
    },
    /// Numbered paragraph, regular weight: "1. Tổ chức quán triệt ...".
    Numbered {
        /// Depth: 1 → "1.", 2 → "1.1.", 3 → "1.1.1.".
        level: u8,
        /// Text after the number.
        content: Inline,
    },
    /// Điểm: "a) ...".
    Lettered {
        /// Text after the letter.
        content: Inline,
    },
    /// Dash item: "- ...".
    Dash {
        /// Text after the dash.
        content: Inline,
    },
    /// Plus item: "+ ...".
    Plus {
        /// Text after the plus.
        content: Inline,
    },
    /// A plain paragraph, justified with a first-line indent.
    Paragraph {
        /// Text.
        content: Inline,
    },
    /// A simple table (figures in reports).
    Table(Table),
    /// Căn cứ ban hành: one legal basis per line, under the trích yếu. State: italic; Party:
    /// upright. The end punctuation is computed: ";" after each, "." (state) or "," (Party)
    /// after the last of a run.
    Basis {
        /// The căn cứ, as typed (its end punctuation is replaced).
        content: Inline,
    },
    /// The action line of a Quyết định or Nghị quyết ("QUYẾT ĐỊNH:", "NGHỊ QUYẾT:"): centred,
    /// bold, in capitals.
    Action {
        /// The text of the line.
        text: Inline,
    },
    /// Chương: "Chương I" (Roman, computed) on its own line, then the title in capitals, both
    /// centred and bold.
    Chapter {
        /// Title of the chapter.
        title: Inline,
    },
    /// Mục inside a chương: "Mục 1" (Arabic, computed) then the title in capitals, centred,
    /// bold. Restarts at each chương.
    Division {
        /// Title of the mục.
        title: Inline,
    },
    /// Phụ lục: starts an appendix on a new page after the signature and Nơi nhận: "Phụ lục"
    /// (or "Phụ lục I", "Phụ lục II" when there are several), the title in capitals and the
    /// italic "(Kèm theo Quyết định số … ngày … của …)" computed from the document. Every
    /// block after it belongs to the appendix; articles and chương number afresh in it.
    Appendix {
        /// Title of the appendix.
        title: Inline,
        /// Trang ngang: the appendix is set on landscape A4 pages (its wide tables across the
        /// width of the paper), in a section of its own; drafts written before it load as
        /// portrait.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        landscape: bool,
    },
    /// A document issued with the decision (văn bản ban hành kèm theo; Phụ lục III, Mẫu 1.3):
    /// a Quy chế or Quy định on a new page after the signature and Nơi nhận, headed by its tên
    /// loại in capitals ("QUY CHẾ"), its title, and the italic "(Ban hành kèm theo Quyết định
    /// số … ngày … của …)" computed from the document. Every block after it belongs to it;
    /// chương and điều number afresh in it.
    Issued {
        /// Tên loại of the attached document as in the type table: "Quy chế", "Quy định".
        doc_type: String,
        /// Its title (trích yếu), e.g. "Làm việc của Ủy ban nhân dân tỉnh".
        title: Inline,
    },
    /// Điều: "Điều 1. Title", all bold, with a first-line indent. The number is computed and
    /// runs on through chương and mục; khoản (`Numbered` level 1) and điểm restart in it.
    Article {
        /// Title of the article (tên điều), or its text when `run_in`.
        title: Inline,
        /// The article has no title and its text runs on after "Điều 1.": only the label is
        /// bold ("**Điều 7.** Quyết định này có hiệu lực kể từ ngày ký.").
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        run_in: bool,
    },
}

/// A simple table: rows of cells, the first one to [`MAX_HEADER_ROWS`] rows a header (hàng
/// tiêu đề: a group heading over sub-headings); cells may be merged (ô gộp) across columns
/// and rows.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Table {
    /// Số hàng tiêu đề: how many leading rows are the header (bold, centred, repeated on
    /// each page), 0 for none. Drafts stored before it was a number give `header: true`,
    /// read as 1.
    #[serde(default, alias = "header", deserialize_with = "header_rows")]
    pub header_rows: usize,
    /// Rows of cells, one per grid column; a slot covered by a merged cell holds an empty
    /// [`Inline`] (its content, if any, is ignored).
    pub rows: Vec<Vec<Inline>>,
    /// The slots covered by a merged cell (ô gộp), by row then column; empty when no cell
    /// is merged (drafts written before merges load with none). See [`Table::cells`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merged: Vec<super::table::Merged>,
}

/// The most header rows a table has (hàng tiêu đề): a heading, sub-headings and their
/// numbering row; the markup's `|---|` line may follow no later row.
pub const MAX_HEADER_ROWS: usize = 3;

/// Reads [`Table::header_rows`] as a number, or as the `bool` older drafts stored.
fn header_rows<'de, D: serde::Deserializer<'de>>(d: D) -> Result<usize, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Stored {
        Old(bool),
        Rows(usize),
    }
    Ok(match Stored::deserialize(d)? {
        Stored::Old(b) => usize::from(b),
        Stored::Rows(n) => n,
    })
}

/// Inline content: runs of text with formatting, and footnotes.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(transparent)]
pub struct Inline(pub Vec<Span>);

/// One inline piece.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Span {
    /// A run of text.
    Text {
        /// The text.
        text: String,
        /// In đậm.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        bold: bool,
        /// In nghiêng.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        italic: bool,
    },
    /// A footnote (chú thích) anchored here; numbered in order of appearance.
    Footnote {
        /// The footnote's text.
        text: String,
    },
}

impl Inline {
    /// Plain text: one unformatted run.
    pub fn plain(text: impl Into<String>) -> Self {
        Inline(vec![Span::Text {
            text: text.into(),
            bold: false,
            italic: false,
        }])
    }

    /// The text without formatting and without footnotes.
    pub fn plain_text(&self) -> String {
        self.0
            .iter()
            .filter_map(|s| match s {
                Span::Text { text, .. } => Some(text.as_str()),
                Span::Footnote { .. } => None,
            })
            .collect()
    }

    /// The footnotes in this inline content, in order.
    pub fn footnotes(&self) -> impl Iterator<Item = &str> {
        self.0.iter().filter_map(|s| match s {
            Span::Footnote { text } => Some(text.as_str()),
            Span::Text { .. } => None,
        })
    }

    /// The content with its end punctuation (";", ",", ".", ":") replaced by `end`: how a
    /// căn cứ line gets the ending its place in the list calls for.
    pub fn with_end(&self, end: &str) -> Inline {
        let mut out = self.clone();
        if let Some(Span::Text { text, .. }) = out
            .0
            .iter_mut()
            .rev()
            .find(|s| matches!(s, Span::Text { text, .. } if !text.trim().is_empty()))
        {
            let trimmed = text
                .trim_end()
                .trim_end_matches([';', ',', '.', ':'])
                .trim_end();
            *text = format!("{trimmed}{end}");
        }
        out
    }

    /// Whether there is no visible text.
    pub fn is_empty(&self) -> bool {
        self.plain_text().trim().is_empty()
    }
}

impl Block {
    /// A Phụ lục on portrait pages (trang dọc), as most are.
    pub fn appendix(title: Inline) -> Block {
        Block::Appendix {
            title,
            landscape: false,
        }
    }

    /// The inline content of the block (title or content); `None` for a table.
    pub fn inline(&self) -> Option<&Inline> {
        match self {
            Block::Part { title } | Block::Section { title } | Block::Heading { title, .. } => {
                Some(title)
            }
            Block::Numbered { content, .. }
            | Block::Lettered { content }
            | Block::Dash { content }
            | Block::Plus { content }
            | Block::Paragraph { content }
            | Block::Basis { content } => Some(content),
            Block::Action { text } => Some(text),
            Block::Chapter { title }
            | Block::Division { title }
            | Block::Appendix { title, .. }
            | Block::Issued { title, .. }
            | Block::Article { title, .. } => Some(title),
            Block::Table(_) => None,
        }
    }
}

impl Body {
    /// Where the appendices start (the first [`Block::Appendix`] or [`Block::Issued`]), or
    /// the number of blocks.
    pub fn main_len(&self) -> usize {
        self.blocks
            .iter()
            .position(|b| matches!(b, Block::Appendix { .. } | Block::Issued { .. }))
            .unwrap_or(self.blocks.len())
    }

    /// Every footnote of the body in order of appearance (tables included).
    pub fn footnotes(&self) -> Vec<&str> {
        let mut out = Vec::new();
        for block in &self.blocks {
            match block {
                Block::Table(t) => {
                    // Only cells that print: a slot covered by a merge shows nothing.
                    for (row, merges) in t.rows.iter().zip(t.merges()) {
                        for (cell, merge) in row.iter().zip(merges) {
                            if merge.is_none() {
                                out.extend(cell.footnotes());
                            }
                        }
                    }
                }
                other => out.extend(other.inline().into_iter().flat_map(Inline::footnotes)),
            }
        }
        out
    }
}
