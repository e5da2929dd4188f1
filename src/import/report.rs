//! The import report (báo cáo nhập): everything of the original that did not map onto the
//! draft form exactly, with where it was and what became of it. Nothing is dropped without
//! an entry here.

use serde::{Deserialize, Serialize};

/// What happened to one piece of the original (cách xử lý).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    /// Kept as a plain paragraph of the body (giữ thành đoạn văn thường).
    Kept,
    /// Not representable in a draft (an image, a drawing): left out, listed here (không nhập được).
    Omitted,
    /// A value the original lacks, filled with a placeholder to edit (thiếu, đã điền chỗ trống).
    Missing,
    /// Read by a guess or changed to fit the form; worth a look (cần xem lại).
    Review,
    /// A slip of the original that Vanban computes right instead, such as a typed "e)"
    /// right after "d)" (đã sửa).
    Changed,
}

impl EntryKind {
    /// Vietnamese label for people.
    pub fn label(self) -> &'static str {
        match self {
            EntryKind::Kept => "giữ thành đoạn văn",
            EntryKind::Omitted => "không nhập được",
            EntryKind::Missing => "thiếu",
            EntryKind::Review => "cần xem lại",
            EntryKind::Changed => "đã sửa",
        }
    }
}

/// One entry of the report (mục báo cáo).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ReportEntry {
    /// What happened.
    pub kind: EntryKind,
    /// Its Vietnamese name ([`EntryKind::label`]), so the app shows the same words as the CLI.
    pub label: String,
    /// Paragraph index in the original .docx (đoạn), from 0, when the entry is about one
    /// paragraph; shown to people from 1, as the checker shows its findings.
    pub paragraph: Option<usize>,
    /// The start of the paragraph's text (đầu đoạn), to find it in the original.
    pub text_start: String,
    /// The explanation, in Vietnamese.
    pub note: String,
}

/// The report of one import (báo cáo nhập văn bản).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ImportReport {
    /// The template the document was imported into (mẫu).
    pub template: String,
    /// Entries in the order of the original.
    pub entries: Vec<ReportEntry>,
}

/// How many characters of a paragraph's text an entry quotes.
const QUOTE_CHARS: usize = 60;

impl ImportReport {
    /// Adds an entry about paragraph `paragraph` whose text is `text`.
    pub fn add(&mut self, kind: EntryKind, paragraph: Option<usize>, text: &str, note: &str) {
        let squashed = crate::model::text::squash_spaces(text);
        let mut text_start: String = squashed.chars().take(QUOTE_CHARS).collect();
        if squashed.chars().count() > QUOTE_CHARS {
            text_start.push('…');
        }
        self.entries.push(ReportEntry {
            kind,
            label: kind.label().to_string(),
            paragraph,
            text_start,
            note: note.to_string(),
        });
    }

    /// The report as Vietnamese text, one entry a line.
    pub fn to_text(&self) -> String {
        let mut out = format!("Mẫu: {}\n", self.template);
        if self.entries.is_empty() {
            out.push_str("Nhập trọn vẹn: mọi thành phần đều khớp với bản thảo.\n");
            return out;
        }
        out.push_str(&format!("{} mục cần lưu ý:\n", self.entries.len()));
        for e in &self.entries {
            let place = e
                .paragraph
                .map_or_else(|| "—".to_string(), |p| format!("đoạn {}", p + 1));
            out.push_str(&format!("- [{}] {place}: {}", e.kind.label(), e.note));
            if !e.text_start.is_empty() {
                out.push_str(&format!(" («{}»)", e.text_start));
            }
            out.push('\n');
        }
        out
    }
}
