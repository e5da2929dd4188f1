//! The document model the reader produces (mô hình văn bản đọc từ .docx): sections, body
//! blocks in document order, headers, footers and footnotes, with the EFFECTIVE formatting of
//! every paragraph and run already resolved through the style cascade.

use serde::{Deserialize, Serialize};

use crate::layout::{HalfPoints, Twips};

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
    /// Whether one of its drawings is a straight line (the rule under the tiêu ngữ or the
    /// issuer, drawn as a shape and anchored to this paragraph).
    #[serde(default)]
    pub has_line_shape: bool,
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

fn join_text(blocks: &[BodyItem]) -> String {
    collect_paragraphs(blocks)
        .iter()
        .map(|p| p.text())
        .collect::<Vec<_>>()
        .join("\n")
}
