//! The checked view (bản xem kiểm tra): one neutral picture of a document that every rule
//! reads, whichever front end built it (a .docx through recognition, or a draft whose
//! elements are known).
//!
//! Architecture invariant: rules never look at the reader's types or at the draft model;
//! they see paragraphs with their effective formatting, the page setup and the recognised
//! elements. That is what makes one rule set serve both front ends.

use serde::{Deserialize, Serialize};

use crate::layout::{DocType, HalfPoints, Twips};
use crate::model::System;

/// The elements a diagnostic can concern (thành phần thể thức). The names in code follow the
/// glossary; the ids in JSON (`quoc_hieu`, `so_ky_hieu`, ...) are a published contract
/// (`docs/check-json.md`, the UI's `data-element`, saved reports) and stay as they were.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Element {
    /// Khổ giấy, lề trang.
    Page,
    /// Phông chữ.
    Font,
    /// Quốc hiệu "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".
    #[serde(rename = "quoc_hieu")]
    NationalTitle,
    /// Tiêu ngữ "Độc lập - Tự do - Hạnh phúc".
    #[serde(rename = "tieu_ngu")]
    Motto,
    /// Tiêu đề "ĐẢNG CỘNG SẢN VIỆT NAM".
    #[serde(rename = "dang")]
    PartyTitle,
    /// Tên cơ quan chủ quản / cấp trên trực tiếp.
    #[serde(rename = "co_quan_chu_quan")]
    Superior,
    /// Tên cơ quan ban hành.
    #[serde(rename = "co_quan_ban_hanh")]
    Issuer,
    /// Số, ký hiệu.
    #[serde(rename = "so_ky_hieu")]
    Number,
    /// Địa danh và thời gian ban hành.
    #[serde(rename = "dia_danh_ngay")]
    PlaceDate,
    /// Tên loại văn bản.
    #[serde(rename = "ten_loai")]
    DocType,
    /// Trích yếu nội dung.
    #[serde(rename = "trich_yeu")]
    Subject,
    /// Nội dung.
    #[serde(rename = "noi_dung")]
    Body,
    /// Quyền hạn, chức vụ, họ tên và chữ ký.
    #[serde(rename = "chu_ky")]
    Signature,
    /// Nơi nhận.
    #[serde(rename = "noi_nhan")]
    Recipients,
    /// Số trang.
    #[serde(rename = "so_trang")]
    PageNumber,
    /// Mã Unicode, dấu cách, dấu ngoặc kép.
    Unicode,
}

impl Element {
    /// Every element, in the order of the report.
    pub const ALL: [Element; 16] = [
        Element::Page,
        Element::Font,
        Element::NationalTitle,
        Element::Motto,
        Element::PartyTitle,
        Element::Superior,
        Element::Issuer,
        Element::Number,
        Element::PlaceDate,
        Element::DocType,
        Element::Subject,
        Element::Body,
        Element::Signature,
        Element::Recipients,
        Element::PageNumber,
        Element::Unicode,
    ];

    /// The stable key used in JSON ("so_ky_hieu").
    pub fn key(self) -> &'static str {
        match self {
            Element::Page => "page",
            Element::Font => "font",
            Element::NationalTitle => "quoc_hieu",
            Element::Motto => "tieu_ngu",
            Element::PartyTitle => "dang",
            Element::Superior => "co_quan_chu_quan",
            Element::Issuer => "co_quan_ban_hanh",
            Element::Number => "so_ky_hieu",
            Element::PlaceDate => "dia_danh_ngay",
            Element::DocType => "ten_loai",
            Element::Subject => "trich_yeu",
            Element::Body => "noi_dung",
            Element::Signature => "chu_ky",
            Element::Recipients => "noi_nhan",
            Element::PageNumber => "so_trang",
            Element::Unicode => "unicode",
        }
    }

    /// Vietnamese name for people.
    pub fn label(self) -> &'static str {
        match self {
            Element::Page => "Trang giấy, lề",
            Element::Font => "Phông chữ",
            Element::NationalTitle => "Quốc hiệu",
            Element::Motto => "Tiêu ngữ",
            Element::PartyTitle => "Tiêu đề \"ĐẢNG CỘNG SẢN VIỆT NAM\"",
            Element::Superior => "Tên cơ quan chủ quản",
            Element::Issuer => "Tên cơ quan ban hành",
            Element::Number => "Số, ký hiệu",
            Element::PlaceDate => "Địa danh, thời gian",
            Element::DocType => "Tên loại",
            Element::Subject => "Trích yếu",
            Element::Body => "Nội dung",
            Element::Signature => "Chữ ký",
            Element::Recipients => "Nơi nhận",
            Element::PageNumber => "Số trang",
            Element::Unicode => "Mã chữ, dấu câu",
        }
    }
}

/// Horizontal alignment of a paragraph (căn lề).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Align {
    /// Căn trái (or not stated).
    #[default]
    Left,
    /// Căn giữa.
    Center,
    /// Căn phải.
    Right,
    /// Căn đều hai bên.
    Justify,
}

/// Line spacing of a paragraph as the document states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Spacing {
    /// A multiple of single spacing in 240ths (`lineRule="auto"`).
    Auto(u32),
    /// An exact height in twips.
    Exact(u32),
    /// At least this height in twips.
    AtLeast(u32),
}

/// One run of text with its effective formatting (after the style cascade).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Run {
    /// The text.
    pub text: String,
    /// Font family (phông chữ) for Latin/Vietnamese text, if known.
    pub font: Option<String>,
    /// Size, if known.
    pub size: Option<HalfPoints>,
    /// Đậm.
    pub bold: bool,
    /// Nghiêng.
    pub italic: bool,
    /// Gạch chân.
    pub underline: bool,
    /// Shown in capitals by formatting (`w:caps`).
    pub caps: bool,
}

/// Where a paragraph sits in a table: table number, row and column (all from 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CellPos {
    /// Table number in the body, in order.
    pub table: usize,
    /// Row.
    pub row: usize,
    /// Column.
    pub col: usize,
}

/// One paragraph (đoạn) of the document body with its effective formatting.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Para {
    /// Global paragraph index in the document (what `location.paragraph` reports).
    pub index: usize,
    /// The whole text.
    pub text: String,
    /// Runs with their effective formatting.
    pub runs: Vec<Run>,
    /// Alignment.
    pub align: Align,
    /// First-line indent in twips (negative for hanging).
    pub first_line_indent: Option<i32>,
    /// Left indent in twips (a list level's or the paragraph's own), if any.
    #[serde(default)]
    pub left_indent: Option<i32>,
    /// Space after in twips.
    pub space_after: Option<u32>,
    /// Space before in twips.
    pub space_before: Option<u32>,
    /// Line spacing.
    pub line: Option<Spacing>,
    /// Has a visible bottom border (a drawn line under the text).
    pub bottom_border: bool,
    /// Has a visible top border (on an empty paragraph: a line under the one above).
    #[serde(default)]
    pub top_border: bool,
    /// Anchors a drawing or shape (often the short line under a header element).
    pub has_drawing: bool,
    /// How many of its drawings are straight line shapes.
    #[serde(default)]
    pub line_shapes: u8,
    /// "Keep with next" (giữ với đoạn sau).
    pub keep_next: bool,
    /// "Keep lines together".
    pub keep_lines: bool,
    /// Position in a table, if inside one.
    pub cell: Option<CellPos>,
    /// For a paragraph in a table cell: the cell's first column on the table's grid and the
    /// columns it spans (`w:gridSpan`), which differ from [`CellPos::col`] once a cell of the
    /// row spans several ("Cơ quan cấp phép" over three columns). `None` outside tables and
    /// in drafts.
    #[serde(default)]
    pub grid: Option<(usize, usize)>,
    /// For a paragraph in a table cell that is part of a vertical merge (ô gộp dọc,
    /// `w:vMerge`): `Some(true)` in the cell that starts it, `Some(false)` in a cell that
    /// continues the one above. `None` outside vertical merges and in drafts.
    #[serde(default)]
    pub vmerge: Option<bool>,
    /// The draft field this paragraph shows (`location.field`), for drafts only.
    pub field: Option<String>,
    /// One line of a paragraph the .docx writes as several lines (soft line breaks,
    /// `w:br`): formatting edits of the whole paragraph would reach its other lines.
    #[serde(default)]
    pub segment: bool,
    /// The text shown differs from the text in the file (hidden runs left out, `w:caps`
    /// shown in capitals): `text` holds what the reader sees, which a text replacement in
    /// the file might not find.
    #[serde(default)]
    pub shown_text: bool,
    /// Read from a text box (hộp văn bản) anchored in paragraph `index`, not from the
    /// paragraph itself.
    #[serde(default)]
    pub text_box: bool,
    /// The file's paragraph holds pieces of text side by side, set apart by a tab or by a
    /// run of spaces ("TRƯỜNG CĐ NGHỀ⇥Độc lập - Tự do - Hạnh phúc"): two elements laid
    /// out as columns in one paragraph, whichever of them the view reads here.
    #[serde(default)]
    pub columns: bool,
}

impl Para {
    /// A paragraph with text and one run of the given formatting.
    pub fn with_run(index: usize, text: &str, run: Run) -> Self {
        Para {
            index,
            text: text.to_string(),
            runs: vec![Run {
                text: text.to_string(),
                ..run
            }],
            ..Para::default()
        }
    }

    /// Runs that carry visible text.
    pub fn visible_runs(&self) -> impl Iterator<Item = &Run> {
        self.runs.iter().filter(|r| !r.text.trim().is_empty())
    }

    /// Whether the paragraph has no visible text.
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// Page setup of the (first) section (định dạng trang).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PageSetup {
    /// Paper width.
    pub width: Option<Twips>,
    /// Paper height.
    pub height: Option<Twips>,
    /// Lề trên.
    pub top: Option<Twips>,
    /// Lề dưới.
    pub bottom: Option<Twips>,
    /// Lề trái.
    pub left: Option<Twips>,
    /// Lề phải.
    pub right: Option<Twips>,
    /// Different first page (`w:titlePg`).
    pub title_page: bool,
    /// A PAGE field in the default header, or in the even-page header when odd and even
    /// pages differ (numbers from page 2 when `title_page`).
    pub page_field_in_header: bool,
    /// The number stands only in the even-page header (`w:evenAndOddHeaders` on, no PAGE
    /// field in the default header): odd pages after the first print none.
    #[serde(default)]
    pub page_number_even_only: bool,
    /// A PAGE field in the first-page header (shows a number on page 1).
    pub page_field_in_first_header: bool,
    /// A PAGE field in a footer (the number belongs at the top).
    pub page_field_in_footer: bool,
    /// Size of the page-number run, if known.
    pub page_number_size: Option<HalfPoints>,
    /// Font of the page-number run (the one its digits print in), if known.
    #[serde(default)]
    pub page_number_font: Option<String>,
    /// Alignment of the page-number paragraph.
    pub page_number_align: Option<Align>,
    /// Pages as Word counted them when the file was last saved, if the file says.
    #[serde(default)]
    pub saved_pages: Option<u32>,
    /// Paper (width, height) of each later section that declares it, in order: a Phụ lục
    /// may stand on the page turned, but on A4 as the rest.
    #[serde(default)]
    pub later_papers: Vec<(Twips, Twips)>,
}

/// Which front end built the view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// A .docx file: elements were recognised by text and position.
    Docx,
    /// A draft of the app: elements are known, formatting is what the writer applies.
    Draft,
}

/// The system the document follows, as the checker sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Detected {
    /// Văn bản hành chính (NĐ 30).
    State,
    /// Văn bản của Đảng (HD 36).
    Party,
    /// Joint document (liên tịch), judged by the rules of its header.
    Joint,
    /// Neither header found.
    Unknown,
}

/// The recognised parts of the document: paragraph positions in [`View::paras`].
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Parts {
    /// Quốc hiệu.
    pub quoc_hieu: Option<usize>,
    /// Tiêu ngữ.
    pub tieu_ngu: Option<usize>,
    /// "ĐẢNG CỘNG SẢN VIỆT NAM".
    pub dang: Option<usize>,
    /// Cơ quan chủ quản lines.
    pub chu_quan: Vec<usize>,
    /// Cơ quan ban hành lines.
    pub ban_hanh: Vec<usize>,
    /// The "*" line under a Party issuing body.
    pub star: Option<usize>,
    /// Số, ký hiệu.
    pub so_ky_hieu: Option<usize>,
    /// Địa danh, ngày.
    pub dia_danh_ngay: Option<usize>,
    /// Tên loại.
    pub ten_loai: Option<usize>,
    /// Trích yếu lines (for a công văn: the "V/v" line).
    pub trich_yeu: Vec<usize>,
    /// A separate line under the trích yếu ("-----" or underscores), if any.
    pub trich_yeu_mark: Option<usize>,
    /// Body paragraphs (nội dung), in order.
    pub noi_dung: Vec<usize>,
    /// Signature blocks, each a list of paragraphs (quyền hạn, chức vụ, ..., họ tên).
    pub chu_ky: Vec<Vec<usize>>,
    /// "Nơi nhận:" heading.
    pub noi_nhan: Option<usize>,
    /// Recipient lines under the heading.
    pub noi_nhan_items: Vec<usize>,
    /// The "(Kèm theo Quyết định số …)" line of a document issued with a decision (Mẫu 1.3),
    /// which has no số, date, signature or Nơi nhận of its own.
    #[serde(default)]
    pub attachment: Option<usize>,
    /// Elements recognised only by a weak cue, with why: their findings are reported as
    /// "cần người kiểm tra" (needs review), never as errors, and their fixes only suggested.
    #[serde(default)]
    pub unsure: Vec<(Element, String)>,
}

impl Parts {
    /// The element paragraph `i` was recognised as, if any (the "*" and the line under the
    /// trích yếu belong to the issuing body and the trích yếu).
    pub fn element_of(&self, i: usize) -> Option<Element> {
        let is = |o: Option<usize>| o == Some(i);
        Some(if is(self.quoc_hieu) {
            Element::NationalTitle
        } else if is(self.tieu_ngu) {
            Element::Motto
        } else if is(self.dang) {
            Element::PartyTitle
        } else if self.chu_quan.contains(&i) {
            Element::Superior
        } else if self.ban_hanh.contains(&i) || is(self.star) {
            Element::Issuer
        } else if is(self.so_ky_hieu) {
            Element::Number
        } else if is(self.dia_danh_ngay) {
            Element::PlaceDate
        } else if is(self.ten_loai) {
            Element::DocType
        } else if self.trich_yeu.contains(&i) || is(self.trich_yeu_mark) || is(self.attachment) {
            Element::Subject
        } else if self.chu_ky.iter().any(|b| b.contains(&i)) {
            Element::Signature
        } else if is(self.noi_nhan) || self.noi_nhan_items.contains(&i) {
            Element::Recipients
        } else if self.noi_dung.contains(&i) {
            Element::Body
        } else {
            return None;
        })
    }
}

/// The checked view of a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct View {
    /// Which front end built it.
    pub origin: Origin,
    /// Paragraphs in reading order (tables flattened, cells in row order).
    pub paras: Vec<Para>,
    /// Page setup; `None` when unknown.
    pub page: Option<PageSetup>,
    /// Recognised parts.
    pub parts: Parts,
    /// The system as detected.
    pub detected: Detected,
    /// The system whose rules apply (for a joint document, its header's).
    pub system: Option<System>,
    /// A joint header mixing state and Party (needs human review).
    pub mixed: bool,
    /// The document type, when the tên loại (or the số ký hiệu) names one.
    pub doc_type: Option<DocType>,
    /// The .docx is write-protected (checked, never changed).
    pub protected: bool,
    /// The .docx carries a digital signature (checked, never changed).
    pub signed: bool,
}

impl View {
    /// The paragraph at position `i` of [`View::paras`].
    pub fn para(&self, i: usize) -> &Para {
        &self.paras[i]
    }
}
