//! The laid-out document (văn bản đã dàn trang): a [`Document`] with every layout fact of
//! [`crate::layout`] applied, the one truth the back ends translate.
//!
//! The layout pass ([`lay_out`]) decides, once, the text of every paragraph as printed (cased,
//! numbered, punctuated, fixed texts included), its runs and their typography (size, bold,
//! italic, underline), alignment, indents, spacing before and after, line spacing and
//! keep-with-next; the header and footer grids (bảng bố cục) with the cell each paragraph sits
//! in, joint signature blocks side by side as on paper; the drawn lines (đường kẻ) with their
//! lengths; footnotes; the page-number field. The DOCX writer ([`crate::docx`]), the HTML
//! preview ([`crate::preview`]) and the plain text ([`crate::model::plain_text`]) only
//! translate it: none of them knows a size, a width or a fixed text by itself.

mod body;
mod footer;
mod header;
mod style;
mod table;

use crate::layout::{layout, HalfPoints, Layout, LineSpacing, Orientation, Twips, SINGLE_LINE};
pub use crate::model::VMerge;
use crate::model::{Document, System};

/// A document laid out for paper (văn bản đã dàn trang).
#[derive(Debug, Clone, PartialEq)]
pub struct LaidOut {
    /// Hệ thể thức the document follows.
    pub system: System,
    /// Content in reading order: the header grid, title, body, the footer grid.
    pub blocks: Vec<Item>,
    /// The sections of pages (phần trang), in order, the first starting at block 0: a
    /// landscape Phụ lục (trang ngang) is a section of its own. The last block of every
    /// section but the last is an empty [`Item::Para`] that ends it (the .docx writer's
    /// paragraph-level `w:sectPr`); the first block of a later section starts a new page.
    pub sections: Vec<Section>,
    /// Footnotes (chú thích); footnote `n` is `footnotes[n - 1]`.
    pub footnotes: Vec<Para>,
    /// The page-number paragraph (số trang) of pages 2 and after: one [`RunKind::PageNumber`] run.
    pub page_number: Para,
    /// The empty first-page header paragraph (page 1 shows no number).
    pub first_page_header: Para,
    /// The tiny empty paragraph that ends the document after a final table (đoạn cuối).
    pub tail: Para,
    /// Default font size of paragraphs (cỡ chữ mặc định): the body's.
    pub default_size: HalfPoints,
    /// Font size of footnote text (cỡ chữ chú thích).
    pub footnote_size: HalfPoints,
}

/// Page setup (thiết lập trang) from the layout facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    /// Paper width, A4 (chiều rộng khổ giấy).
    pub width: Twips,
    /// Paper height, A4 (chiều dài khổ giấy).
    pub height: Twips,
    /// Lề trên.
    pub top: Twips,
    /// Lề dưới.
    pub bottom: Twips,
    /// Lề trái.
    pub left: Twips,
    /// Lề phải.
    pub right: Twips,
    /// Distance of the page-number header (and footer) from the paper edge (khoảng cách đầu trang).
    pub header_distance: Twips,
    /// Hướng trang: portrait, or landscape (width and height already swapped).
    pub orientation: Orientation,
}

/// A section of pages (phần trang, `w:sectPr`): the blocks from `start` up to the next
/// section's start, on one page setup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Section {
    /// Index in [`LaidOut::blocks`] of the section's first block.
    pub start: usize,
    /// Its page size, margins and orientation.
    pub page: Page,
}

impl Page {
    /// Width of the text between the margins (khổ chữ).
    pub fn text_width(&self) -> Twips {
        Twips(self.width.0 - self.left.0 - self.right.0)
    }

    /// Height of the text between the margins (chiều cao vùng chữ).
    pub fn text_height(&self) -> Twips {
        Twips(self.height.0 - self.top.0 - self.bottom.0)
    }
}

/// One block of the flow: a paragraph or a grid (đoạn văn hoặc bảng).
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A paragraph.
    Para(Para),
    /// A table: the layout grids of the header and footer, or a data table of the body.
    Grid(Grid),
}

/// What a grid is for (loại bảng).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GridKind {
    /// Phần đầu: issuer and số ký hiệu left, quốc hiệu and date right (borderless).
    Header,
    /// Chữ ký and Nơi nhận (borderless).
    Footer,
    /// A table of figures in the body (bảng số liệu), with borders.
    Data,
}

/// A table (bảng): columns, rows of cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    /// What the grid is for; layout grids have no borders and no cell margins.
    pub kind: GridKind,
    /// Column widths, left to right.
    pub columns: Vec<Twips>,
    /// Rows, top to bottom.
    pub rows: Vec<Row>,
}

impl Grid {
    /// Whether this is a borderless layout grid (bảng bố cục) rather than a data table.
    pub fn is_frame(&self) -> bool {
        self.kind != GridKind::Data
    }
}

/// A row of a grid (hàng).
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Cells, left to right.
    pub cells: Vec<Cell>,
    /// The row never breaks across pages (signature blocks).
    pub cant_split: bool,
    /// Hàng tiêu đề: one of the header rows of a body table (bold, centred), repeated at
    /// the top of every page the table runs onto (`w:tblHeader`).
    pub header: bool,
}

/// A cell of a grid (ô): its width and its paragraphs (may be empty), the columns it spans
/// and its part in a vertical merge (ô gộp).
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// Width of the cell: the sum of the columns it spans.
    pub width: Twips,
    /// Paragraphs, top to bottom (none in a cell continuing the one above).
    pub paras: Vec<Para>,
    /// Columns spanned (`w:gridSpan`), 1 for a plain cell.
    pub span: usize,
    /// Vertical merge (`w:vMerge`): the first cell of a merged column of cells, or one
    /// continuing the cell above; `None` for a cell alone in its rows.
    pub vmerge: Option<VMerge>,
    /// Rows the cell covers (HTML `rowspan`): 1, or for the first cell of a vertical merge
    /// the rows down to its last continuing cell.
    pub rows: usize,
    /// Căn giữa theo chiều dọc: the text sits in the middle of the cell's height
    /// (`w:vAlign w:val="center"`, CSS `vertical-align:middle`), as in a header row; else
    /// at the top.
    pub middle: bool,
}

impl Cell {
    /// A plain cell: one column, not merged.
    pub fn new(width: Twips, paras: Vec<Para>) -> Self {
        Cell {
            width,
            paras,
            span: 1,
            vmerge: None,
            rows: 1,
            middle: false,
        }
    }
}

/// Which element of the document a paragraph is (thành phần thể thức), for the preview's
/// markers and for tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum El {
    /// Quốc hiệu (Ô 1).
    NationalTitle,
    /// Tiêu ngữ (Ô 1).
    Motto,
    /// Tiêu đề "ĐẢNG CỘNG SẢN VIỆT NAM" (Ô 1, Party).
    PartyTitle,
    /// Tên cơ quan chủ quản (Ô 2).
    SuperiorBody,
    /// Tên cơ quan ban hành (Ô 2), or the "*" under it (Party).
    IssuingBody,
    /// Số, ký hiệu (Ô 3).
    Number,
    /// Địa danh và thời gian (Ô 4).
    PlaceDate,
    /// Dấu mật / khẩn (Ô 10a, 10b).
    Mark,
    /// Tên loại (Ô 5a).
    DocType,
    /// Trích yếu (Ô 5a, 5b) and the line under it.
    Subject,
    /// Kính gửi (Ô 9a).
    Addressees,
    /// Nội dung (Ô 6).
    Body,
    /// Chữ ký (Ô 7).
    Signature,
    /// Nơi nhận (Ô 9b).
    Recipients,
    /// Chú thích.
    Footnote,
    /// Số trang.
    PageNumber,
    /// A paragraph with no role of its own (the document's tail, an empty cell).
    Other,
}

impl El {
    /// A stable ASCII id of the element (mã thành phần), the preview's `data-el`.
    pub fn id(self) -> &'static str {
        match self {
            El::NationalTitle => "quoc_hieu",
            El::Motto => "tieu_ngu",
            El::PartyTitle => "dang",
            El::SuperiorBody => "co_quan_chu_quan",
            El::IssuingBody => "co_quan_ban_hanh",
            El::Number => "so_ky_hieu",
            El::PlaceDate => "dia_danh_ngay",
            El::Mark => "dau_mat_khan",
            El::DocType => "ten_loai",
            El::Subject => "trich_yeu",
            El::Addressees => "kinh_gui",
            El::Body => "noi_dung",
            El::Signature => "chu_ky",
            El::Recipients => "noi_nhan",
            El::Footnote => "chu_thich",
            El::PageNumber => "so_trang",
            El::Other => "khac",
        }
    }
}

/// Căn lề of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Căn trái.
    Left,
    /// Căn giữa.
    Center,
    /// Căn đều hai bên.
    Justify,
}

/// Indents of a paragraph (thụt lề); unset sides are left to the defaults (zero).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Indent {
    /// Left indent.
    pub left: Option<Twips>,
    /// Right indent.
    pub right: Option<Twips>,
    /// First-line indent (lùi đầu dòng).
    pub first_line: Option<Twips>,
    /// Hanging indent (treo).
    pub hanging: Option<Twips>,
}

/// Spacing of a paragraph (khoảng cách đoạn, giãn dòng).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spacing {
    /// Space before.
    pub before: Twips,
    /// Space after.
    pub after: Twips,
    /// Line spacing.
    pub line: LineSpacing,
}

impl Spacing {
    /// Single line spacing (giãn dòng đơn) with the given space before and after.
    pub const fn single(before: Twips, after: Twips) -> Self {
        Self {
            before,
            after,
            line: SINGLE_LINE,
        }
    }
}

/// Typography of a run (kiểu chữ): size, weight, slant, underline, position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Look {
    /// Cỡ chữ.
    pub size: HalfPoints,
    /// Đậm.
    pub bold: bool,
    /// Nghiêng.
    pub italic: bool,
    /// Gạch chân.
    pub underline: bool,
    /// Chỉ số trên (a footnote mark).
    pub superscript: bool,
}

/// What a run holds (loại đoạn chữ).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunKind {
    /// Text.
    Text,
    /// The mark of footnote `n` in the text (số chú thích).
    FootnoteRef(usize),
    /// The footnote's own number at the start of the footnote text.
    FootnoteOwnMark,
    /// The page-number field (trường số trang); `text` is its cached value.
    PageNumber,
}

/// A run of text in one typography (đoạn chữ cùng kiểu).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// The text as printed (already cased); empty for marks.
    pub text: String,
    /// Typography.
    pub look: Look,
    /// Text, footnote mark or field.
    pub kind: RunKind,
    /// A line break (xuống dòng) follows the run.
    pub break_after: bool,
}

/// A paragraph (đoạn văn) with its properties and runs. Properties left `None` are not set
/// on the paragraph, so the document defaults apply.
#[derive(Debug, Clone, PartialEq)]
pub struct Para {
    /// Which element this is.
    pub el: El,
    /// Căn lề.
    pub align: Option<Align>,
    /// Thụt lề.
    pub indent: Option<Indent>,
    /// Khoảng cách và giãn dòng.
    pub spacing: Option<Spacing>,
    /// Size of the paragraph mark (what an empty paragraph's height follows).
    pub mark_size: Option<HalfPoints>,
    /// Keep on the page of the next paragraph (giữ với đoạn sau).
    pub keep_next: bool,
    /// A drawn line (đường kẻ) of this length: the paragraph is empty and its bottom border,
    /// cut to length by equal side indents, is the line.
    pub rule: Option<Twips>,
    /// Starts a new page (sang trang trước đoạn): the heading of a Phụ lục.
    pub page_break_before: bool,
    /// Runs, in order.
    pub runs: Vec<Run>,
}

impl Para {
    /// An empty paragraph (đoạn trống) of an element, with no properties and no runs.
    pub fn new(el: El) -> Self {
        Self {
            el,
            align: None,
            indent: None,
            spacing: None,
            mark_size: None,
            keep_next: false,
            rule: None,
            page_break_before: false,
            runs: Vec::new(),
        }
    }

    /// The visible text (chữ hiển thị): text runs joined, a line break as '\n'; footnote marks
    /// left out.
    pub fn text(&self) -> String {
        let mut s = String::new();
        for r in &self.runs {
            if r.kind == RunKind::Text {
                s.push_str(&r.text);
            }
            if r.break_after {
                s.push('\n');
            }
        }
        s
    }

    /// The typography of the first run with visible text: the paragraph's own look (kiểu chữ của đoạn).
    pub fn look(&self) -> Option<Look> {
        self.runs
            .iter()
            .find(|r| r.kind == RunKind::Text && !r.text.trim().is_empty())
            .map(|r| r.look)
    }
}

/// Lays `doc` out per its system's layout facts (dàn trang). Never fails: a document with no issuer or
/// more than two signers is laid out as it is (the DOCX writer refuses those first).
pub fn lay_out(doc: &Document) -> LaidOut {
    let l = layout(doc.system);
    let mut blocks = Vec::with_capacity(doc.body.blocks.len() + 8);
    blocks.push(Item::Grid(header::grid(doc, l)));
    let mut b = body::BodyPass::new(l, doc.system);
    for p in b.title(doc) {
        blocks.push(Item::Para(p));
    }
    if let Some(p) = b.addressees(doc) {
        blocks.push(Item::Para(p));
    }
    let first_body = blocks.len();
    let (main, appendices) = doc.body.blocks.split_at(doc.body.main_len());
    b.blocks(main, doc.closing_mark, &mut blocks);
    // The first body paragraph sits a little below the title block.
    if let Some(Item::Para(p)) = blocks.get_mut(first_body) {
        if let Some(s) = p.spacing.as_mut() {
            s.before = crate::layout::GAPS.before_body;
        }
    }
    if !doc.signers.is_empty() || (doc.has_recipients() && !doc.recipients.items.is_empty()) {
        blocks.push(Item::Grid(footer::grid(doc, l)));
    }
    b.appendices(doc, appendices, &mut blocks);
    let turns = b.take_turns();
    let (blocks, sections) = separate(blocks, &turns, l);
    LaidOut {
        system: doc.system,
        blocks,
        sections,
        footnotes: b.into_footnotes(),
        page_number: style::page_number(l),
        first_page_header: style::first_page_header(l),
        tail: style::tail(),
        default_size: l.body.size.preferred,
        footnote_size: l.footnote.size.preferred,
    }
}

/// Separates what Word would run together, and splits the flow into sections of pages.
///
/// Two tables with nothing between them are one table to Word and LibreOffice: a body table
/// right under a công văn's header grid took the header into its bordered grid. A 1 pt empty
/// paragraph (the one that also ends a document after its last table) keeps them apart.
///
/// At each turn of the page (`turns`: the index in `items` where the orientation changes, a
/// landscape Phụ lục's heading or the portrait one after it) the same 1 pt paragraph ends the
/// section before, and the heading loses its page break: the new section starts the page.
fn separate(
    items: Vec<Item>,
    turns: &[(usize, Orientation)],
    l: &Layout,
) -> (Vec<Item>, Vec<Section>) {
    let mut out = Vec::with_capacity(items.len() + 2 + turns.len());
    let mut sections = vec![Section {
        start: 0,
        page: page(l, Orientation::Portrait),
    }];
    for (i, mut item) in items.into_iter().enumerate() {
        if let Some(&(_, orientation)) = turns.iter().find(|(at, _)| *at == i) {
            if !out.is_empty() {
                out.push(Item::Para(style::tail()));
                sections.push(Section {
                    start: out.len(),
                    page: page(l, orientation),
                });
                if let Item::Para(p) = &mut item {
                    p.page_break_before = false;
                }
            } else {
                sections[0].page = page(l, orientation);
            }
        }
        if matches!(item, Item::Grid(_)) && matches!(out.last(), Some(Item::Grid(_))) {
            out.push(Item::Para(style::tail()));
        }
        out.push(item);
    }
    (out, sections)
}

fn page(l: &Layout, orientation: Orientation) -> Page {
    let m = &l.margins;
    let (width, height) = l.paper(orientation);
    Page {
        width,
        height,
        orientation,
        top: m.top.preferred,
        bottom: m.bottom.preferred,
        left: m.left.preferred,
        right: m.right.preferred,
        header_distance: l.header_distance,
    }
}

impl LaidOut {
    /// Page size and margins (khổ giấy, lề) of the first section, where page 1 is.
    pub fn page(&self) -> &Page {
        &self.sections[0].page
    }

    /// The index in [`LaidOut::sections`] of the section (phần trang) block `i` of
    /// [`LaidOut::blocks`] is in.
    pub fn section_index(&self, i: usize) -> usize {
        self.sections
            .iter()
            .rposition(|s| s.start <= i)
            .unwrap_or(0)
    }

    /// The section (phần trang) block `i` of [`LaidOut::blocks`] is in.
    pub fn section_of(&self, i: usize) -> &Section {
        &self.sections[self.section_index(i)]
    }

    /// Whether block `i` is the last of a section followed by another: the paragraph that
    /// carries that section's page setup in the .docx (`w:pPr/w:sectPr`).
    pub fn ends_section(&self, i: usize) -> Option<&Section> {
        let next = self.sections.iter().position(|s| s.start == i + 1)?;
        next.checked_sub(1).map(|k| &self.sections[k])
    }

    /// Every paragraph in reading order (thứ tự đọc): grids row by row, cells left to right (the order a
    /// reader of the .docx meets them). Footnotes and the page header are not included.
    pub fn paragraphs(&self) -> impl Iterator<Item = &Para> {
        self.blocks
            .iter()
            .flat_map(|b| -> Box<dyn Iterator<Item = &Para>> {
                match b {
                    Item::Para(p) => Box::new(std::iter::once(p)),
                    Item::Grid(g) => Box::new(
                        g.rows
                            .iter()
                            .flat_map(|r| r.cells.iter())
                            .flat_map(|c| c.paras.iter()),
                    ),
                }
            })
    }
}

#[cfg(test)]
mod tests;
