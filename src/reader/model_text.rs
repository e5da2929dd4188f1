//! The text level of the reader's model (đoạn văn, đoạn chữ): paragraphs, runs and their
//! effective formatting, list references and tab stops.

use serde::{Deserialize, Serialize};

use crate::layout::{HalfPoints, Twips};

use super::model::*;

/// A list reference (`w:numPr`): đánh số tự động.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NumberingRef {
    /// `w:numId` (0 removes numbering).
    pub num_id: i64,
    /// `w:ilvl`, 0-based level.
    pub level: u8,
    /// The level's `w:numFmt` (e.g. "decimal", "bullet", "lowerLetter") when numbering.xml defines it.
    pub format: Option<String>,
    /// The level's `w:lvlText` (e.g. "%1.", "-") when numbering.xml defines it.
    pub level_text: Option<String>,
    /// The label Word shows before the text, counted in document order ("2.", "b)",
    /// "Điều 6."); `None` for a bullet or a level that shows no number.
    #[serde(default)]
    pub label: Option<String>,
}

/// A paragraph (`w:p`) with effective formatting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    /// Global order index: every `w:p` of the part in document order, paragraphs inside tables
    /// included (the same counting the patcher uses).
    pub index: usize,
    /// Section this paragraph belongs to (0 for headers, footers and footnotes).
    pub section: usize,
    /// Whether the paragraph sits inside a table cell.
    pub in_table: bool,
    /// Effective paragraph style id (the default paragraph style when none is given).
    pub style_id: Option<String>,
    /// Effective alignment (`None` = left, the default).
    pub alignment: Option<Alignment>,
    /// Effective indentation.
    pub indent: Indent,
    /// Effective spacing.
    pub spacing: Spacing,
    /// `w:keepNext`: giữ với đoạn sau.
    pub keep_next: bool,
    /// `w:keepLines`: giữ các dòng cùng trang.
    pub keep_lines: bool,
    /// `w:pageBreakBefore`.
    pub page_break_before: bool,
    /// `w:widowControl` (on by default in Word when docDefaults say so; `true` when effective).
    pub widow_control: bool,
    /// Effective bottom border (đường kẻ dưới), if any and visible.
    pub border_bottom: Option<Border>,
    /// Effective top border, if any and visible.
    pub border_top: Option<Border>,
    /// Tab stops set on the paragraph itself (`w:pPr/w:tabs`), in order of position.
    #[serde(default)]
    pub tab_stops: Vec<TabStop>,
    /// Effective list numbering, if any (numId 0 = explicitly none, reported as `None`).
    pub numbering: Option<NumberingRef>,
    /// Effective run properties of the paragraph mark (`w:pPr/w:rPr`), what an empty paragraph shows.
    pub mark: RunProps,
    /// Runs with their text and effective formatting.
    pub runs: Vec<Run>,
    /// Fields the paragraph contains (complex and simple), including ones without a result.
    pub fields: Vec<FieldKind>,
    /// Whether the paragraph contains a page break (`w:br w:type="page"`).
    pub has_page_break: bool,
    /// Whether the paragraph contains a picture or drawing.
    pub has_drawing: bool,
    /// How many of its drawings are straight lines (the rules under the tiêu ngữ or the
    /// issuer, drawn as shapes and anchored to this paragraph; both rules of a header table
    /// are often anchored in one paragraph).
    #[serde(default)]
    pub line_shapes: u8,
    /// Paragraphs of the text boxes anchored in this paragraph (hộp văn bản), in order,
    /// with their effective formatting. They are not indexed body paragraphs: their
    /// `index` is this paragraph's, and edits never reach them.
    #[serde(default)]
    pub text_boxes: Vec<Paragraph>,
}

impl Paragraph {
    /// Visible text: the concatenation of the runs' text (the text `ReplaceText` works on).
    pub fn text(&self) -> String {
        let mut s = String::new();
        for r in &self.runs {
            s.push_str(&r.text);
        }
        s
    }

    /// Runs that show visible, non-whitespace text.
    pub fn text_runs(&self) -> impl Iterator<Item = &Run> {
        self.runs
            .iter()
            .filter(|r| !r.hidden && r.text.chars().any(|c| !c.is_whitespace()))
    }
}

/// Run formatting, effective after the cascade (định dạng ký tự).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunProps {
    /// Fonts per script slot, theme fonts resolved to names.
    pub fonts: Fonts,
    /// Font size (`w:sz`); `None` when neither the file nor its styles set one (Word shows 10 pt).
    pub size: Option<HalfPoints>,
    /// Bold (in đậm), toggles resolved per the spec.
    pub bold: bool,
    /// Italic (in nghiêng), toggles resolved per the spec.
    pub italic: bool,
    /// Underlined (gạch chân) with a visible style.
    pub underline: bool,
    /// `w:caps`: shown in capitals whatever was typed.
    pub caps: bool,
    /// `w:smallCaps`.
    pub small_caps: bool,
    /// `w:strike` or `w:dstrike`.
    pub strike: bool,
    /// `w:vanish`: hidden text.
    pub hidden: bool,
    /// `w:vertAlign`.
    pub vertical: VerticalAlign,
    /// `w:color/@w:val` (hex or "auto").
    pub color: Option<String>,
}

/// Fonts of a run per script slot (`w:rFonts`), theme fonts resolved.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fonts {
    /// Basic Latin (U+0000–U+007F).
    pub ascii: Option<String>,
    /// Other Latin text, where Vietnamese letters with diacritics fall.
    pub h_ansi: Option<String>,
    /// East Asian text.
    pub east_asia: Option<String>,
    /// Complex script text.
    pub cs: Option<String>,
}

/// A tab stop (điểm dừng tab) of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TabStop {
    /// Position from the paragraph's left edge (`w:pos`).
    pub pos: Twips,
    /// A centring stop (`w:val="center"`): the text that reaches it is centred on it.
    pub center: bool,
}

/// Vertical position of a run (`w:vertAlign`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VerticalAlign {
    /// Normal text.
    #[default]
    Baseline,
    /// Superscript (chỉ số trên), e.g. a footnote mark.
    Superscript,
    /// Subscript.
    Subscript,
}

/// A run (`w:r`) with its visible text and effective formatting. Formatting fields are
/// reached through `Deref` to [`RunProps`]: `run.bold`, `run.fonts`, `run.size`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Run {
    /// Visible text: `w:t`, tabs as '\t', line breaks as '\n', no-break hyphens as '-'.
    /// Field instructions and deleted text are not included.
    pub text: String,
    /// Character style (`w:rStyle`), if any.
    pub style_id: Option<String>,
    /// Effective formatting.
    pub props: RunProps,
    /// `w:footnoteReference/@w:id` when the run is a footnote mark.
    pub is_footnote_ref: Option<i64>,
    /// The field whose result this run shows (e.g. the number of a PAGE field).
    pub field: Option<FieldKind>,
}

impl std::ops::Deref for Run {
    type Target = RunProps;

    fn deref(&self) -> &RunProps {
        &self.props
    }
}

impl Run {
    /// The font Vietnamese text is shown in: `h_ansi`, falling back to `ascii`.
    pub fn font(&self) -> Option<&str> {
        self.fonts.h_ansi.as_deref().or(self.fonts.ascii.as_deref())
    }
}

/// A field (trường) by its instruction's first word.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "instruction", rename_all = "snake_case")]
pub enum FieldKind {
    /// PAGE: the page number (số trang).
    Page,
    /// NUMPAGES: the number of pages.
    NumPages,
    /// SECTIONPAGES.
    SectionPages,
    /// DATE / CREATEDATE / SAVEDATE / PRINTDATE / TIME.
    Date,
    /// Any other field, with its full instruction text.
    Other(String),
}

impl FieldKind {
    /// Classifies an instruction such as " PAGE \* MERGEFORMAT ".
    pub fn from_instruction(instr: &str) -> Self {
        let first = instr
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_ascii_uppercase();
        match first.as_str() {
            "PAGE" => Self::Page,
            "NUMPAGES" => Self::NumPages,
            "SECTIONPAGES" => Self::SectionPages,
            "DATE" | "CREATEDATE" | "SAVEDATE" | "PRINTDATE" | "TIME" => Self::Date,
            _ => Self::Other(instr.trim().to_string()),
        }
    }
}

impl DocxFile {
    /// All body paragraphs in index order (tables flattened).
    pub fn paragraphs(&self) -> Vec<&Paragraph> {
        collect_paragraphs(&self.blocks)
    }

    /// The body paragraph with this index.
    pub fn paragraph(&self, index: usize) -> Option<&Paragraph> {
        // Indices are dense and ordered, so a flattened walk finds it.
        self.paragraphs().into_iter().find(|p| p.index == index)
    }

    /// The header of one kind of the first section, if it has one.
    pub fn header(&self, kind: HeaderFooterKind) -> Option<&HeaderFooter> {
        self.headers
            .iter()
            .find(|h| h.section == 0 && h.kind == kind)
    }

    /// The footer of one kind of the first section, if it has one.
    pub fn footer(&self, kind: HeaderFooterKind) -> Option<&HeaderFooter> {
        self.footers
            .iter()
            .find(|h| h.section == 0 && h.kind == kind)
    }

    /// Text of the first section's header of one kind (`None` when there is none).
    pub fn text_of_header(&self, kind: HeaderFooterKind) -> Option<String> {
        self.header(kind).map(HeaderFooter::text)
    }

    /// Text of the first section's footer of one kind (`None` when there is none).
    pub fn text_of_footer(&self, kind: HeaderFooterKind) -> Option<String> {
        self.footer(kind).map(HeaderFooter::text)
    }

    /// Text of all footnotes, one per entry, in file order.
    pub fn footnotes_text(&self) -> Vec<String> {
        self.footnotes.iter().map(Footnote::text).collect()
    }

    /// Whether any header or footer of any section shows a PAGE field (đánh số trang).
    pub fn has_page_field(&self) -> bool {
        self.headers
            .iter()
            .chain(&self.footers)
            .any(|h| h.fields().contains(&&FieldKind::Page))
    }

    /// The style with this id.
    pub fn style(&self, id: &str) -> Option<&StyleInfo> {
        self.styles.iter().find(|s| s.id == id)
    }
}

/// Flattens blocks to their paragraphs in order, descending into tables.
pub(crate) fn collect_paragraphs(blocks: &[BodyItem]) -> Vec<&Paragraph> {
    let mut out = Vec::new();
    for b in blocks {
        match b {
            BodyItem::Paragraph(p) => out.push(p),
            BodyItem::Table(t) => out.extend(t.paragraphs()),
        }
    }
    out
}

pub(crate) fn join_text(blocks: &[BodyItem]) -> String {
    collect_paragraphs(blocks)
        .iter()
        .map(|p| p.text())
        .collect::<Vec<_>>()
        .join("\n")
}
