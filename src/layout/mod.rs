//! Layout facts (thể thức và kỹ thuật trình bày): the one place that says how big, how bold
//! and where every element of a document is, for each system of rules.
//!
//! The DOCX writer takes the preferred values, the checker takes the allowed ranges and the
//! preview takes both: nothing else in the crate hard-codes a size, a margin or a font.
//! Sources: NĐ 30/2020/NĐ-CP Phụ lục I (state) and HD 36-HD/VPTW Phụ lục 3 (Party); see
//! `shared/spec/nd30-hd36-spec.md` §1.2, §1.4, §3 and §7.

mod copy_block;
mod doc_types;
mod metrics;
mod metrics_table;
mod texts;
mod units;

pub use copy_block::*;
pub use doc_types::{DocType, DocTypeTable};
pub use metrics::text_width;
pub use texts::{
    ADDRESSEE_LABEL, ADMINISTRATIVE_UNITS, APPENDIX_WORD, ARCHIVE_OFFICE, ARTICLE_WORD,
    ATTACHED_TO, BASIS_END, BASIS_LAST_END_PARTY, BASIS_LAST_END_STATE, CHAPTER_WORD, CLOSING_MARK,
    CLOSING_MARK_AFTER_STOP, DIVISION_WORD, ISSUED_MARK, ISSUED_WITH, ISSUER_BREAK_ALSO_BEFORE,
    LANDSCAPE_MARK, MOTTO, NATIONAL_TITLE, PAGE_NUMBER_PLACEHOLDER, PARTY_ISSUER_MARK,
    PARTY_SUBJECT_RULE, PARTY_TITLE, SUBJECT_PREFIX,
};
pub use units::{HalfPoints, Twips};

use serde::{Deserialize, Serialize};

use crate::model::System;

/// The one font every element uses (phông chữ tiếng Việt Unicode theo TCVN 6909:2001).
pub const FONT: &str = "Times New Roman";

/// A4 paper width, 210 mm.
pub const A4_WIDTH: Twips = Twips(11_906);
/// A4 paper height, 297 mm.
pub const A4_HEIGHT: Twips = Twips(16_838);

/// Hướng trang (page orientation): dọc (portrait), the rule for every page, or ngang
/// (landscape), which NĐ 30 allows for pages of tables set across the width of the paper, as
/// offices do with a Phụ lục of wide tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Orientation {
    /// Trang dọc: A4 210 mm wide, 297 mm tall.
    #[default]
    Portrait,
    /// Trang ngang: A4 turned, 297 mm wide, 210 mm tall.
    Landscape,
}

/// An allowed range with the value Vanban writes (khoảng cho phép và giá trị mặc định).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Range<T> {
    /// Smallest value the rules allow.
    pub min: T,
    /// Largest value the rules allow.
    pub max: T,
    /// The value Vanban writes.
    pub preferred: T,
}

impl<T: PartialOrd + Copy> Range<T> {
    /// A range that allows exactly one value.
    pub const fn exactly(v: T) -> Self {
        Self {
            min: v,
            max: v,
            preferred: v,
        }
    }

    /// Whether `v` lies within the allowed range, ends included.
    pub fn contains(&self, v: T) -> bool {
        self.min <= v && v <= self.max
    }
}

/// How the letters of an element are cased (in hoa / in thường).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Case {
    /// IN HOA: every letter upper case.
    Upper,
    /// In thường: as typed (sentence case).
    AsTyped,
}

/// Typography of one element: size, weight, slant, underline and case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TextStyle {
    /// Font size in half-points (cỡ chữ).
    pub size: Range<HalfPoints>,
    /// Đậm.
    pub bold: bool,
    /// Nghiêng.
    pub italic: bool,
    /// Gạch chân.
    pub underline: bool,
    /// In hoa or in thường.
    pub case: Case,
}

const fn style(
    min: u16,
    max: u16,
    preferred: u16,
    bold: bool,
    italic: bool,
    case: Case,
) -> TextStyle {
    TextStyle {
        size: Range {
            min: HalfPoints::pt(min),
            max: HalfPoints::pt(max),
            preferred: HalfPoints::pt(preferred),
        },
        bold,
        italic,
        underline: false,
        case,
    }
}

const fn underlined(mut s: TextStyle) -> TextStyle {
    s.underline = true;
    s
}

/// Page margins (lề trang), each an allowed range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Margins {
    /// Lề trên.
    pub top: Range<Twips>,
    /// Lề dưới.
    pub bottom: Range<Twips>,
    /// Lề trái.
    pub left: Range<Twips>,
    /// Lề phải.
    pub right: Range<Twips>,
}

/// Line spacing of body paragraphs (khoảng cách dòng).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "rule", content = "value", rename_all = "snake_case")]
pub enum LineSpacing {
    /// Multiple of a single line in 240ths (`w:lineRule="auto"`): 240 single, 360 one and a half.
    Auto(u16),
    /// Exact height in twips (`w:lineRule="exact"`).
    Exact(u16),
}

/// Paragraph layout of the body (nội dung).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct BodyLayout {
    /// First-line indent (lùi đầu dòng).
    pub first_line_indent: Range<Twips>,
    /// Space after each paragraph, at least (khoảng cách giữa các đoạn).
    pub paragraph_spacing: Range<Twips>,
    /// Line spacing Vanban writes.
    pub line_spacing: LineSpacing,
    /// Smallest line spacing allowed, as a multiple in 240ths (auto) or exact twips.
    pub min_line: LineSpacing,
    /// Largest line spacing allowed.
    pub max_line: LineSpacing,
}

/// Column widths of the header and footer tables (two borderless columns).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Columns {
    /// Left column: issuing body, số ký hiệu (Ô 2, 3) and Nơi nhận (Ô 9b).
    pub left: Twips,
    /// Right column: quốc hiệu, date (Ô 1, 4) and signature (Ô 7).
    pub right: Twips,
}

/// Everything about how a document of one system is laid out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Layout {
    /// Which rules these facts implement.
    pub system: System,
    /// Paper width (A4).
    pub page_width: Twips,
    /// Paper height (A4).
    pub page_height: Twips,
    /// Margins (lề).
    pub margins: Margins,
    /// Header and footer table columns.
    pub columns: Columns,
    /// Quốc hiệu (state) or "ĐẢNG CỘNG SẢN VIỆT NAM" (Party), Ô 1.
    pub national_title: TextStyle,
    /// Tiêu ngữ "Độc lập - Tự do - Hạnh phúc" (state only).
    pub motto: TextStyle,
    /// Tên cơ quan chủ quản / cấp trên trực tiếp.
    pub superior_body: TextStyle,
    /// Tên cơ quan ban hành.
    pub issuing_body: TextStyle,
    /// Số, ký hiệu.
    pub number: TextStyle,
    /// Địa danh và thời gian ban hành.
    pub place_date: TextStyle,
    /// Tên loại văn bản ("KẾ HOẠCH").
    pub doc_type_name: TextStyle,
    /// Trích yếu nội dung.
    pub subject: TextStyle,
    /// Nội dung (body paragraphs).
    pub body: TextStyle,
    /// Body paragraph layout.
    pub body_layout: BodyLayout,
    /// "Phần thứ nhất" / "Phần I" line.
    pub part_label: TextStyle,
    /// Section heading ("I. MỤC ĐÍCH, YÊU CẦU").
    pub section: TextStyle,
    /// Numbered heading with a title ("1. Mục đích").
    pub heading: TextStyle,
    /// Căn cứ ban hành: state in thường, nghiêng; Party in thường, đứng (spec §1.4 row 6, §3).
    pub basis: TextStyle,
    /// The action line ("QUYẾT ĐỊNH:", "NGHỊ QUYẾT:"): IN HOA, đậm, centred.
    pub action: TextStyle,
    /// "Chương I" / "Mục 1" line: in thường, đậm, centred (the title under it is `section`).
    pub chapter_label: TextStyle,
    /// Điều: "Điều 1. Title", in thường, đậm, the body size (spec §1.4 row 6).
    pub article: TextStyle,
    /// "Phụ lục I": in thường, đậm, 14 (spec §1.4 row 10); the title under it is `section`.
    pub appendix_label: TextStyle,
    /// "(Kèm theo Quyết định số … ngày … của …)": in thường, nghiêng, centred.
    pub appendix_note: TextStyle,
    /// Quyền hạn (TM., KT., T/M ...) line of the signature.
    pub signer_authority: TextStyle,
    /// Chức vụ of the signer.
    pub signer_position: TextStyle,
    /// Họ tên of the signer.
    pub signer_name: TextStyle,
    /// Empty lines left between position and name for the signature and seal.
    pub signature_gap_lines: u8,
    /// "Nơi nhận:" heading.
    pub recipients_heading: TextStyle,
    /// Each recipient line.
    pub recipients_item: TextStyle,
    /// Page number (số trang), top centre, from page 2 on.
    pub page_number: TextStyle,
    /// Footnote text (chú thích).
    pub footnote: TextStyle,
    /// Distance of the page-number header from the top edge.
    pub header_distance: Twips,
    /// Trích yếu of a công văn, under the số ký hiệu (Ô 5b): "V/v ..." (state), italic (Party).
    pub cong_van_subject: TextStyle,
    /// Dấu chỉ mức độ khẩn / độ mật, under the số ký hiệu (Ô 10a, 10b).
    pub mark: TextStyle,
}

/// Drawn lines (đường kẻ) under the issuing body, the tiêu ngữ and the trích yếu.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Rules {
    /// Thickness in eighths of a point (`w:sz` of a border): 6 = 0.75 pt.
    pub weight: u8,
    /// Length of a short line as a percentage of the text line above it (1/3 to 1/2).
    pub short_percent: Range<u8>,
}

/// Lines: solid, 0.75 pt; short lines 40 % of the text above (spec §1.4 rows 2b, 5a: 1/3–1/2).
pub const RULES: Rules = Rules {
    weight: 6,
    short_percent: Range {
        min: 33,
        max: 50,
        preferred: 40,
    },
};

/// How a drawn line is built on paper (đường kẻ): an empty paragraph of this exact height
/// whose bottom border is the line; its paragraph mark is this tiny, so the line sits about
/// 3 pt under the descenders of the text above, as in printed documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RuleParagraph {
    /// Exact line height (chiều cao dòng) of the paragraph that carries the line.
    pub height: Twips,
    /// Size of its paragraph mark (dấu đoạn).
    pub mark_size: HalfPoints,
}

/// The paragraph that carries a drawn line (đoạn mang đường kẻ): 4 pt high, a 1 pt mark.
pub const RULE_PARAGRAPH: RuleParagraph = RuleParagraph {
    height: Twips(80),
    mark_size: HalfPoints(2),
};

/// Size of the paragraph mark of the empty paragraph that closes the page after the last
/// table (đoạn cuối ẩn): 1 pt, so it never pushes a page of its own.
pub const TAIL_MARK_SIZE: HalfPoints = HalfPoints(2);

/// Line height of that closing paragraph: exactly 1 pt. With a single-spaced line it stood
/// about 1.15 pt tall and, when the signature table ended at the foot of the page, still
/// pushed a page of its own (a blank last page carrying only its page number).
pub const TAIL_LINE: LineSpacing = LineSpacing::Exact(20);

/// Number of body paragraphs at the end that keep with the signature block (giữ với chữ ký).
pub const KEEP_WITH_SIGNATURE: usize = 2;

/// Most signature blocks the signature grid places side by side (số khối chữ ký tối đa trên
/// một hàng): the two bodies of a joint document, or up to three people of one body (a Biên
/// bản's chủ tọa, thư ký and a third, such as a class's giảng viên chủ nhiệm). Each gets an
/// equal share of the text width, about 5.5 cm at three: room for a role line and a name.
pub const MAX_SIGNERS_SIDE_BY_SIDE: usize = 3;

/// Bảng trong nội dung: a column is at least as wide as its longest word plus one character
/// (and the cell's margins), so "TT" stays narrow and no word breaks; the rest of the line is
/// shared by the length of each column's longest cell, counted in characters up to this cap
/// (a column of long sentences asks for no more than this many).
pub const TABLE_COLUMN_CHARS_CAP: usize = 40;

/// Bảng trong nội dung: a body column whose cells all have at most this many characters
/// (cột ngắn: STT, số liệu, ngày tháng, đơn vị tính) is centred, as offices set them; a
/// column with a longer cell stays left-aligned.
pub const TABLE_SHORT_CELL_CHARS: usize = 12;

/// Word's default left plus right cell margin (lề ô bảng, 0,19 cm each side), which a column
/// width must leave beside its text.
pub const TABLE_CELL_MARGINS: Twips = Twips(216);

/// Single line spacing (giãn dòng đơn) of header, title and footer lines: 240ths of a line.
pub const SINGLE_LINE: LineSpacing = LineSpacing::Auto(240);

/// Vertical gaps between the fixed parts of page 1 and the end (khoảng cách), in twips.
/// Not set by the rules; chosen to match the decree's diagram and real documents [I].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Gaps {
    /// Above the tên loại (or the Kính gửi of a công văn), below the header.
    pub before_title: Twips,
    /// Above the first body paragraph, below the trích yếu and its line.
    pub before_body: Twips,
    /// Above the "Phần thứ ..." line of a part.
    pub before_part: Twips,
    /// Above the signature and Nơi nhận table, below the last body paragraph.
    pub before_signature: Twips,
    /// Above the "Nơi nhận" under two side-by-side signature blocks.
    pub before_joint_recipients: Twips,
    /// Above the trích yếu of a công văn and the marks under the số (6 pt, spec §1.4 5b).
    pub under_number: Twips,
}

/// The gaps Vanban writes: 12 pt above the title, 12 pt above the body, 6 pt above a part,
/// 6 pt above the signature.
pub const GAPS: Gaps = Gaps {
    before_title: Twips(240),
    before_body: Twips(240),
    before_part: Twips(120),
    before_signature: Twips(120),
    before_joint_recipients: Twips(240),
    under_number: Twips(120),
};

impl Layout {
    /// Paper width and height (khổ giấy) in an orientation: landscape swaps A4's sides
    /// (297 × 210 mm); the margins keep their measures on the turned page.
    pub fn paper(&self, orientation: Orientation) -> (Twips, Twips) {
        match orientation {
            Orientation::Portrait => (self.page_width, self.page_height),
            Orientation::Landscape => (self.page_height, self.page_width),
        }
    }

    /// Width of the text between the preferred left and right margins (khổ chữ) in an
    /// orientation: 210 − 30 − 15 = 165 mm portrait, 297 − 30 − 15 = 252 mm landscape.
    pub fn text_width(&self, orientation: Orientation) -> Twips {
        let (width, _) = self.paper(orientation);
        Twips(width.0 - self.margins.left.preferred.0 - self.margins.right.preferred.0)
    }
}

/// The layout facts for a system of rules.
pub fn layout(system: System) -> &'static Layout {
    match system {
        System::State => &STATE,
        System::Party => &PARTY,
    }
}

const fn mm(v: u32) -> Twips {
    Twips::from_mm(v)
}

const fn range_mm(min: u32, max: u32, preferred: u32) -> Range<Twips> {
    Range {
        min: mm(min),
        max: mm(max),
        preferred: mm(preferred),
    }
}

/// NĐ 30/2020/NĐ-CP, Phụ lục I (spec §1.2, §1.4). Preferred sizes follow the decree's
/// own "Mẫu chữ" examples (12 / 13 / 13 for quốc hiệu / tiêu ngữ / date, 14 for tên loại).
static STATE: Layout = Layout {
    system: System::State,
    page_width: A4_WIDTH,
    page_height: A4_HEIGHT,
    margins: Margins {
        top: range_mm(20, 25, 20),
        bottom: range_mm(20, 25, 20),
        left: range_mm(30, 35, 30),
        right: range_mm(15, 20, 15),
    },
    columns: Columns {
        left: Twips(3_686),
        right: Twips(5_669),
    },
    national_title: style(12, 13, 12, true, false, Case::Upper),
    motto: style(13, 14, 13, true, false, Case::AsTyped),
    superior_body: style(12, 13, 12, false, false, Case::Upper),
    issuing_body: style(12, 13, 12, true, false, Case::Upper),
    number: style(13, 13, 13, false, false, Case::AsTyped),
    place_date: style(13, 14, 13, false, true, Case::AsTyped),
    doc_type_name: style(13, 14, 14, true, false, Case::Upper),
    subject: style(13, 14, 14, true, false, Case::AsTyped),
    body: style(13, 14, 14, false, false, Case::AsTyped),
    body_layout: BodyLayout {
        first_line_indent: Range {
            min: Twips(567),
            max: Twips(720),
            preferred: Twips(720),
        },
        paragraph_spacing: Range {
            min: Twips(120),
            max: Twips(240),
            preferred: Twips(120),
        },
        line_spacing: LineSpacing::Auto(264),
        min_line: LineSpacing::Auto(240),
        max_line: LineSpacing::Auto(360),
    },
    part_label: style(13, 14, 14, true, false, Case::AsTyped),
    section: style(13, 14, 14, true, false, Case::Upper),
    heading: style(13, 14, 14, true, false, Case::AsTyped),
    basis: style(13, 14, 14, false, true, Case::AsTyped),
    action: style(13, 14, 14, true, false, Case::Upper),
    chapter_label: style(13, 14, 14, true, false, Case::AsTyped),
    article: style(13, 14, 14, true, false, Case::AsTyped),
    appendix_label: style(14, 14, 14, true, false, Case::AsTyped),
    appendix_note: style(13, 14, 14, false, true, Case::AsTyped),
    signer_authority: style(13, 14, 14, true, false, Case::Upper),
    signer_position: style(13, 14, 14, true, false, Case::Upper),
    signer_name: style(13, 14, 14, true, false, Case::AsTyped),
    signature_gap_lines: 4,
    recipients_heading: style(12, 12, 12, true, true, Case::AsTyped),
    recipients_item: style(11, 11, 11, false, false, Case::AsTyped),
    page_number: style(13, 14, 14, false, false, Case::AsTyped),
    footnote: style(10, 12, 12, false, false, Case::AsTyped),
    header_distance: Twips(567),
    cong_van_subject: style(12, 13, 12, false, false, Case::AsTyped),
    mark: style(13, 14, 13, true, false, Case::Upper),
};

/// HD 36-HD/VPTW (spec §3, §7). Fixed margins 20/20/30/15 mm; Party sizes are larger.
static PARTY: Layout = Layout {
    system: System::Party,
    page_width: A4_WIDTH,
    page_height: A4_HEIGHT,
    margins: Margins {
        top: range_mm(20, 20, 20),
        bottom: range_mm(20, 20, 20),
        left: range_mm(30, 30, 30),
        right: range_mm(15, 15, 15),
    },
    columns: Columns {
        left: Twips(4_536),
        right: Twips(4_819),
    },
    national_title: style(15, 15, 15, true, false, Case::Upper),
    motto: style(15, 15, 15, true, false, Case::AsTyped),
    superior_body: style(14, 14, 14, false, false, Case::Upper),
    issuing_body: style(14, 14, 14, true, false, Case::Upper),
    number: style(14, 14, 14, false, false, Case::AsTyped),
    place_date: style(14, 14, 14, false, true, Case::AsTyped),
    doc_type_name: style(15, 16, 16, true, false, Case::Upper),
    subject: style(14, 15, 14, true, false, Case::AsTyped),
    body: style(14, 15, 14, false, false, Case::AsTyped),
    body_layout: BodyLayout {
        first_line_indent: Range {
            min: Twips(567),
            max: Twips(720),
            preferred: Twips(567),
        },
        paragraph_spacing: Range {
            min: Twips(120),
            max: Twips(240),
            preferred: Twips(120),
        },
        line_spacing: LineSpacing::Exact(360),
        min_line: LineSpacing::Exact(360),
        max_line: LineSpacing::Exact(440),
    },
    part_label: style(14, 15, 14, true, false, Case::AsTyped),
    section: style(14, 15, 14, true, false, Case::Upper),
    heading: style(14, 15, 14, true, false, Case::AsTyped),
    basis: style(14, 15, 14, false, false, Case::AsTyped),
    action: style(14, 15, 14, true, false, Case::Upper),
    chapter_label: style(14, 15, 14, true, false, Case::AsTyped),
    article: style(14, 15, 14, true, false, Case::AsTyped),
    appendix_label: style(14, 14, 14, true, false, Case::AsTyped),
    appendix_note: style(14, 14, 14, false, true, Case::AsTyped),
    signer_authority: style(14, 14, 14, true, false, Case::Upper),
    signer_position: style(14, 14, 14, false, false, Case::Upper),
    signer_name: style(14, 14, 14, true, false, Case::AsTyped),
    signature_gap_lines: 4,
    recipients_heading: underlined(style(14, 14, 14, false, false, Case::AsTyped)),
    recipients_item: style(12, 12, 12, false, false, Case::AsTyped),
    page_number: style(14, 14, 14, false, false, Case::AsTyped),
    footnote: style(10, 12, 12, false, false, Case::AsTyped),
    header_distance: Twips(567),
    cong_van_subject: style(12, 12, 12, false, true, Case::AsTyped),
    mark: style(14, 14, 14, true, false, Case::Upper),
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_fill_the_text_width() {
        for system in [System::State, System::Party] {
            let l = layout(system);
            let text = l.page_width.0 - l.margins.left.preferred.0 - l.margins.right.preferred.0;
            assert_eq!(l.columns.left.0 + l.columns.right.0, text, "{system:?}");
        }
    }

    #[test]
    fn landscape_turns_the_paper_and_keeps_the_margins() {
        for system in [System::State, System::Party] {
            let l = layout(system);
            assert_eq!(l.paper(Orientation::Landscape), (A4_HEIGHT, A4_WIDTH));
            assert_eq!(
                l.text_width(Orientation::Portrait).0,
                l.columns.left.0 + l.columns.right.0
            );
            let turned = l.text_width(Orientation::Landscape);
            assert_eq!(
                turned.0 - l.text_width(Orientation::Portrait).0,
                A4_HEIGHT.0 - A4_WIDTH.0
            );
        }
        // 297 − 30 − 15 mm.
        assert_eq!(
            layout(System::State).text_width(Orientation::Landscape),
            Twips(14_287)
        );
    }

    #[test]
    fn preferred_values_lie_in_their_ranges() {
        for system in [System::State, System::Party] {
            let l = layout(system);
            for s in [
                l.national_title,
                l.motto,
                l.superior_body,
                l.issuing_body,
                l.number,
                l.place_date,
                l.doc_type_name,
                l.subject,
                l.body,
                l.signer_name,
                l.recipients_heading,
                l.recipients_item,
                l.page_number,
            ] {
                assert!(s.size.contains(s.size.preferred), "{system:?} {s:?}");
            }
            for m in [
                l.margins.top,
                l.margins.bottom,
                l.margins.left,
                l.margins.right,
            ] {
                assert!(m.contains(m.preferred));
            }
        }
    }

    #[test]
    fn state_margins_are_the_decree_values_in_twips() {
        let m = layout(System::State).margins;
        assert_eq!((m.top.min.0, m.top.max.0), (1134, 1417));
        assert_eq!((m.left.min.0, m.left.max.0), (1701, 1984));
        assert_eq!((m.right.min.0, m.right.max.0), (850, 1134));
    }
}
