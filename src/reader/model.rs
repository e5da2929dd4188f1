//! The document model the reader produces (mô hình văn bản đọc từ .docx): sections, body
//! blocks in document order, headers, footers and footnotes, with the EFFECTIVE formatting of
//! every paragraph and run already resolved through the style cascade.

use serde::{Deserialize, Serialize};

use crate::layout::Twips;

/// A .docx file read into memory: everything the checker needs, nothing it must resolve itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocxFile {
    /// Pages as Word counted them when the file was last saved (`docProps/app.xml`), if
    /// the file says.
    pub saved_pages: Option<u32>,
    /// Sections (mục / section) in document order; never empty (a body without `w:sectPr`
    /// gets one section with the defaults).
    pub sections: Vec<SectionProps>,
    /// Body content of `word/document.xml` in document order.
    pub blocks: Vec<BodyItem>,
    /// Footnotes (chú thích cuối trang), separators excluded.
    pub footnotes: Vec<Footnote>,
    /// Headers (đầu trang), one entry per section and kind that has one (after inheritance).
    pub headers: Vec<HeaderFooter>,
    /// Footers (chân trang), one entry per section and kind that has one (after inheritance).
    pub footers: Vec<HeaderFooter>,
    /// `w:documentProtection` with enforcement on in `settings.xml`: the file is protected
    /// (văn bản được bảo vệ) and must never be changed.
    pub protected: bool,
    /// The package carries a digital signature (`_xmlsignatures/`): văn bản đã ký số.
    pub signed: bool,
    /// Document settings (`word/settings.xml`).
    pub settings: Settings,
    /// Styles declared in `styles.xml` (id, name, kind), for messages and recognition.
    pub styles: Vec<StyleInfo>,
    /// How many body paragraphs there are: valid `Paragraph::index` values are `0..paragraph_count`.
    pub paragraph_count: usize,
}

/// Settings from `word/settings.xml` that matter to layout and to fixing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// `w:evenAndOddHeaders`: even pages use the "even" header and footer.
    pub even_and_odd_headers: bool,
    /// `w:documentProtection/@w:edit` when protection is enforced (e.g. "readOnly", "forms").
    pub protection: Option<String>,
    /// `w:defaultTabStop` in twips.
    pub default_tab_stop: Option<Twips>,
}

/// One style of `styles.xml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StyleInfo {
    /// `w:styleId`, what `Paragraph::style_id` refers to.
    pub id: String,
    /// `w:name` (e.g. "heading 1", "Normal").
    pub name: Option<String>,
    /// Which kind of content the style applies to.
    pub kind: StyleKind,
    /// `w:default="1"`: the default style of its kind.
    pub is_default: bool,
}

/// `w:style/@w:type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StyleKind {
    /// Paragraph style.
    Paragraph,
    /// Character (run) style.
    Character,
    /// Table style.
    Table,
    /// Numbering style.
    Numbering,
}

/// Page setup of one section (thiết lập trang của một mục): `w:sectPr`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionProps {
    /// `w:pgSz/@w:w`; Letter width (12240) when the file does not say.
    pub page_width: Twips,
    /// `w:pgSz/@w:h`; Letter height (15840) when the file does not say.
    pub page_height: Twips,
    /// Whether `w:pgSz` was present at all.
    pub page_size_declared: bool,
    /// `w:pgSz/@w:orient="landscape"`.
    pub landscape: bool,
    /// Page margins (lề trang) and header/footer distances.
    pub margins: Margins,
    /// Whether `w:pgMar` was present at all (the margins are zero when it is not).
    pub margins_declared: bool,
    /// `w:titlePg`: a different first page header/footer (trang đầu khác).
    pub title_page: bool,
    /// Header parts referenced by this section (inherited from the previous section per the spec).
    pub header_refs: HeaderFooterRefs,
    /// Footer parts referenced by this section (inherited from the previous section per the spec).
    pub footer_refs: HeaderFooterRefs,
    /// `w:pgNumType/@w:start`: the number of the first page.
    pub page_number_start: Option<i32>,
    /// `w:pgNumType/@w:fmt` (e.g. "decimal", "upperRoman").
    pub page_number_format: Option<String>,
    /// Index of the last body paragraph of this section (`None` for an empty section).
    pub last_paragraph: Option<usize>,
}

/// Page margins in twips (`w:pgMar`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Margins {
    /// Lề trên.
    pub top: Twips,
    /// Lề dưới.
    pub bottom: Twips,
    /// Lề trái.
    pub left: Twips,
    /// Lề phải.
    pub right: Twips,
    /// Distance from the page top to the header.
    pub header: Twips,
    /// Distance from the page bottom to the footer.
    pub footer: Twips,
    /// Gutter (lề đóng gáy).
    pub gutter: Twips,
}

/// Which header or footer (`w:headerReference/@w:type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HeaderFooterKind {
    /// Every page (odd pages when even/odd headers are on).
    Default,
    /// The first page of the section, shown only with `w:titlePg`.
    First,
    /// Even pages, shown only with `w:evenAndOddHeaders`.
    Even,
}

/// Part names (e.g. "word/header1.xml") of a section's headers or footers by kind.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeaderFooterRefs {
    /// The default header/footer part.
    pub default: Option<String>,
    /// The first-page header/footer part.
    pub first: Option<String>,
    /// The even-page header/footer part.
    pub even: Option<String>,
}

impl HeaderFooterRefs {
    /// The part of one kind.
    pub fn get(&self, kind: HeaderFooterKind) -> Option<&str> {
        match kind {
            HeaderFooterKind::Default => self.default.as_deref(),
            HeaderFooterKind::First => self.first.as_deref(),
            HeaderFooterKind::Even => self.even.as_deref(),
        }
    }
}

/// A header or footer as used by one section (đầu trang / chân trang).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HeaderFooter {
    /// Section index this entry belongs to.
    pub section: usize,
    /// Which kind it is.
    pub kind: HeaderFooterKind,
    /// Part name inside the package (e.g. "word/header1.xml").
    pub part: String,
    /// Content; `Paragraph::index` counts within this part.
    pub blocks: Vec<BodyItem>,
}

impl HeaderFooter {
    /// All paragraphs, tables flattened, in order.
    pub fn paragraphs(&self) -> Vec<&Paragraph> {
        collect_paragraphs(&self.blocks)
    }

    /// Visible text, paragraphs joined by '\n'.
    pub fn text(&self) -> String {
        join_text(&self.blocks)
    }

    /// The fields the part contains (e.g. a PAGE field: số trang).
    pub fn fields(&self) -> Vec<&FieldKind> {
        self.paragraphs()
            .into_iter()
            .flat_map(|p| p.fields.iter())
            .collect()
    }
}

/// A footnote (chú thích) from `word/footnotes.xml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Footnote {
    /// `w:id`, what `Run::is_footnote_ref` refers to.
    pub id: i64,
    /// Content; `Paragraph::index` counts within footnotes.xml.
    pub blocks: Vec<BodyItem>,
}

impl Footnote {
    /// Visible text, paragraphs joined by '\n'.
    pub fn text(&self) -> String {
        join_text(&self.blocks)
    }
}

/// One block of content in document order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
// Paragraphs are the common case; boxing them would cost an allocation each for nothing.
#[allow(clippy::large_enum_variant)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum BodyItem {
    /// A paragraph (đoạn văn).
    Paragraph(Paragraph),
    /// A table (bảng), e.g. the two-column header of a state document.
    Table(Table),
}

/// A table (`w:tbl`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Table {
    /// Rows in order.
    pub rows: Vec<Row>,
    /// Whether any border is drawn (table style, table or cell borders that are not none/nil/zero).
    pub has_visible_borders: bool,
    /// `w:tblW`.
    pub width: Option<Width>,
    /// `w:tblStyle`.
    pub style_id: Option<String>,
    /// `w:tblGrid` column widths.
    pub grid: Vec<Twips>,
    /// `w:jc` of the table.
    pub alignment: Option<Alignment>,
}

impl Table {
    /// All paragraphs of all cells (nested tables flattened), in order.
    pub fn paragraphs(&self) -> Vec<&Paragraph> {
        let mut out = Vec::new();
        for row in &self.rows {
            for cell in &row.cells {
                out.extend(collect_paragraphs(&cell.blocks));
            }
        }
        out
    }
}

/// A table row (`w:tr`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// Cells in order.
    pub cells: Vec<Cell>,
    /// `w:cantSplit`: the row never breaks across pages.
    pub cant_split: bool,
    /// `w:tblHeader`: repeated at the top of each page.
    pub is_header: bool,
}

/// A table cell (`w:tc`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    /// Content: paragraphs and nested tables.
    pub blocks: Vec<BodyItem>,
    /// `w:tcW`.
    pub width: Option<Width>,
    /// `w:gridSpan` (1 when absent).
    pub grid_span: u32,
    /// `w:vMerge`: `Some(true)` starts a vertical merge, `Some(false)` continues one.
    pub v_merge: Option<bool>,
}

impl Cell {
    /// All paragraphs of the cell (nested tables flattened), in order.
    pub fn paragraphs(&self) -> Vec<&Paragraph> {
        collect_paragraphs(&self.blocks)
    }

    /// Visible text, paragraphs joined by '\n'.
    pub fn text(&self) -> String {
        join_text(&self.blocks)
    }
}

/// A width with its unit (`w:tblW`, `w:tcW`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Width {
    /// The value as written.
    pub value: i32,
    /// The unit of `value`.
    pub kind: WidthKind,
}

/// `w:type` of a width.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WidthKind {
    /// Twips.
    Dxa,
    /// Fiftieths of a percent (5000 = 100%), or a "NN%" string converted to that.
    Pct,
    /// Automatic.
    Auto,
    /// Zero / nil.
    Nil,
}

/// Paragraph alignment (`w:jc`): căn lề.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Alignment {
    /// Left / start.
    Left,
    /// Centre (căn giữa).
    Center,
    /// Right / end.
    Right,
    /// Both (căn đều hai bên).
    Justify,
    /// Distribute (also thaiDistribute, lowKashida, ...).
    Distribute,
}

/// Paragraph indentation in twips (`w:ind`), effective after the cascade.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Indent {
    /// Left (start) indent.
    pub left: Option<Twips>,
    /// Right (end) indent.
    pub right: Option<Twips>,
    /// First-line indent (lùi đầu dòng); mutually exclusive with `hanging`.
    pub first_line: Option<Twips>,
    /// Hanging indent.
    pub hanging: Option<Twips>,
}

/// How `Spacing::line` is measured (`w:lineRule`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LineRule {
    /// `line` is in 240ths of a line (240 = single, 360 = 1.5 lines).
    Auto,
    /// `line` is an exact height in twips.
    Exact,
    /// `line` is a minimum height in twips.
    AtLeast,
}

/// Paragraph spacing (`w:spacing`), effective after the cascade: giãn đoạn, giãn dòng.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Spacing {
    /// Space before, twips.
    pub before: Option<Twips>,
    /// Space after, twips.
    pub after: Option<Twips>,
    /// Line spacing, unit per `line_rule`.
    pub line: Option<i32>,
    /// How `line` is measured (auto when absent).
    pub line_rule: Option<LineRule>,
    /// `w:beforeAutospacing`.
    pub before_auto: bool,
    /// `w:afterAutospacing`.
    pub after_auto: bool,
}

/// One paragraph border (`w:pBdr/w:bottom` etc.).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Border {
    /// `w:val` (e.g. "single", "double").
    pub style: String,
    /// `w:sz` in eighths of a point.
    pub size_eighths: u32,
    /// `w:space` in points.
    pub space: u32,
    /// `w:color` (hex or "auto").
    pub color: Option<String>,
}

impl Border {
    /// Whether the border draws anything (style not none/nil).
    pub fn is_visible(&self) -> bool {
        !matches!(self.style.as_str(), "none" | "nil")
    }
}

use super::model_text::join_text;
pub use super::model_text::*;
