//! Bản sao (sao y, sao lục, trích sao) of any .docx, laid out as NĐ 30/2020 Phụ lục I phần II
//! and Mẫu 3.1 of Phụ lục III say: under the last part of the original, below a solid line
//! across the whole text width, two borderless two-column tables like a document's header and
//! signature:
//!
//! ```text
//! ────────────────────────────────────────────────────────────
//!   TÊN CƠ QUAN CHỦ QUẢN                    SAO Y
//!   TÊN CƠ QUAN SAO               X, ngày 05 tháng 01 năm 2026
//!       ─────
//!   Số: 05/SY-VP
//!   Nơi nhận:                         QUYỀN HẠN, CHỨC VỤ
//!   - ...;                                (chữ ký, dấu)
//!   - Lưu: VT.                            Họ và tên
//! ```
//!
//! [`make_copy`] works on `word/document.xml` (the main part) only: the block is inserted
//! before the body's final `w:sectPr`, and every other part of the package is copied byte for
//! byte (compressed data included). Sizes and styles come from [`crate::layout`] (state
//! system). A trích sao keeps the whole body of the original in this version: choosing the
//! excerpt is left to the person who makes it.

use std::io::Cursor;

use chrono::NaiveDate;
use thiserror::Error;

use zip::ZipArchive;

use crate::layout::{
    self, text_width, Case, Layout, TextStyle, Twips, COPY_ABBR_SAO_LUC, COPY_ABBR_SAO_Y,
    COPY_ABBR_TRICH_SAO, COPY_BLANK_NUMBER, COPY_DEFAULT_RECIPIENT, COPY_FORM, COPY_FORM_SAO_LUC,
    COPY_FORM_SAO_Y, COPY_FORM_TRICH_SAO, COPY_GAP_ABOVE_LINE, COPY_GAP_BELOW_LINE, FONT, RULES,
    RULE_PARAGRAPH, TAIL_MARK_SIZE,
};
use crate::model::{IssueDate, PlaceDate, System};
use crate::reader::{read_docx, Limits, ReadError};

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// Hình thức sao.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CopyKind {
    /// Sao y: the full original, as it is.
    SaoY,
    /// Sao lục: a copy made from a bản sao y.
    SaoLuc,
    /// Trích sao: an excerpt (this version keeps the whole body).
    TrichSao,
}

impl CopyKind {
    /// The printed form: "SAO Y", "SAO LỤC", "TRÍCH SAO".
    pub fn form(self) -> &'static str {
        match self {
            Self::SaoY => COPY_FORM_SAO_Y,
            Self::SaoLuc => COPY_FORM_SAO_LUC,
            Self::TrichSao => COPY_FORM_TRICH_SAO,
        }
    }

    /// The type abbreviation of the ký hiệu and of the register series: "SY", "SL", "TrS".
    pub fn abbreviation(self) -> &'static str {
        match self {
            Self::SaoY => COPY_ABBR_SAO_Y,
            Self::SaoLuc => COPY_ABBR_SAO_LUC,
            Self::TrichSao => COPY_ABBR_TRICH_SAO,
        }
    }
}

/// The person who signs the copy (Ô 7a–7b).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CopySigner {
    /// Quyền hạn line above the position ("TL. CHÁNH VĂN PHÒNG"), if any.
    pub authority: Option<String>,
    /// Chức vụ ("CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG").
    pub position: String,
    /// Họ và tên.
    pub name: String,
}

/// Everything a copy block says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopyRequest {
    /// Hình thức sao.
    pub kind: CopyKind,
    /// Tên cơ quan chủ quản of the copying agency, if any.
    pub superior: Option<String>,
    /// Tên cơ quan, tổ chức sao văn bản.
    pub agency: String,
    /// Its abbreviation for the ký hiệu ("VP" in "Số: 05/SY-VP").
    pub agency_abbr: String,
    /// Số of the copy in the agency's copy register; `None` prints dots to fill in by hand.
    pub number: Option<u32>,
    /// Địa danh.
    pub place: String,
    /// Ngày sao.
    pub date: NaiveDate,
    /// Người ký.
    pub signer: CopySigner,
    /// Nơi nhận, one per line, without the leading "-" and the final ";" / "." (both added).
    /// Empty: "- Lưu: VT." only.
    pub recipients: Vec<String>,
}

impl CopyRequest {
    /// The ký hiệu: "SY-VP".
    pub fn symbol(&self) -> String {
        format!("{}-{}", self.kind.abbreviation(), self.agency_abbr.trim())
    }

    /// The whole số ký hiệu line: "Số: 05/SY-VP", "Số: ..../SY-VP".
    pub fn number_line(&self) -> String {
        let number = self
            .number
            .map_or_else(|| COPY_BLANK_NUMBER.to_string(), |n| format!("{n:02}"));
        format!("Số: {number}/{}", self.symbol())
    }

    /// The địa danh và thời gian line: "X, ngày 05 tháng 01 năm 2026".
    pub fn place_date_line(&self) -> String {
        PlaceDate {
            place: self.place.trim().to_string(),
            date: IssueDate::from_naive(self.date),
        }
        .render(System::State)
    }

    /// The recipient lines as printed: "- A;" ... "- Lưu: VT.".
    pub fn recipient_lines(&self) -> Vec<String> {
        let items: Vec<String> = self
            .recipients
            .iter()
            .map(|r| {
                r.trim()
                    .trim_start_matches(['-', '–'])
                    .trim()
                    .trim_end_matches([';', '.'])
                    .trim()
                    .to_string()
            })
            .filter(|r| !r.is_empty())
            .collect();
        let items = if items.is_empty() {
            vec![COPY_DEFAULT_RECIPIENT.to_string()]
        } else {
            items
        };
        let last = items.len() - 1;
        items
            .iter()
            .enumerate()
            .map(|(i, r)| format!("- {r}{}", if i == last { "." } else { ";" }))
            .collect()
    }

    fn validate(&self) -> Result<(), CopyError> {
        let required = [
            ("tên cơ quan sao (--agency)", &self.agency),
            ("chữ viết tắt tên cơ quan sao (--abbr)", &self.agency_abbr),
            ("địa danh (--place)", &self.place),
            ("chức vụ người ký (--position)", &self.signer.position),
            ("họ tên người ký (--name)", &self.signer.name),
        ];
        for (what, value) in required {
            if value.trim().is_empty() {
                return Err(CopyError::Missing(what));
            }
        }
        if self.number == Some(0) {
            return Err(CopyError::ZeroNumber);
        }
        Ok(())
    }
}

/// Why a copy could not be made (lỗi khi làm bản sao).
#[derive(Debug, Error)]
pub enum CopyError {
    /// The original is not a readable .docx.
    #[error("không đọc được văn bản gốc: {0}")]
    Read(#[from] ReadError),
    /// A required field is empty.
    #[error("thiếu {0}")]
    Missing(&'static str),
    /// Copy numbers start at 01.
    #[error("số bản sao phải từ 1 trở lên")]
    ZeroNumber,
    /// The original carries a digital signature that a change would break.
    #[error("văn bản gốc có chữ ký số: thêm phần bản sao sẽ làm mất hiệu lực chữ ký")]
    Signed,
    /// The original is protected against editing.
    #[error("văn bản gốc bị khóa chỉnh sửa")]
    Protected,
    /// The main part is written in a way this version does not handle.
    #[error("không chèn được phần bản sao: {0}")]
    Unsupported(String),
    /// Writing the new package failed.
    #[error("không ghi được tệp bản sao: {0}")]
    Write(String),
    /// The result did not read back (a bug: nothing is written).
    #[error("bản sao tạo ra không đọc lại được: {0}")]
    Check(ReadError),
}

/// Makes a copy of `original` (the bytes of a .docx): the original with the copy block appended.
/// The input is never changed; the result is a new package.
pub fn make_copy(original: &[u8], req: &CopyRequest) -> Result<Vec<u8>, CopyError> {
    req.validate()?;
    let limits = Limits::default();
    let info = read_docx(original, &limits)?;
    if info.signed {
        return Err(CopyError::Signed);
    }
    if info.protected {
        return Err(CopyError::Protected);
    }
    let l = layout::layout(System::State);
    let width = info
        .sections
        .last()
        .filter(|s| s.margins_declared)
        .map(|s| s.page_width.0 - s.margins.left.0 - s.margins.right.0 - s.margins.gutter.0.max(0))
        .filter(|w| *w > 2_000)
        .unwrap_or(l.columns.left.0 + l.columns.right.0);

    let main = main_part_name(original)?;
    let xml = read_part(original, &main)?;
    let block = copy_block(req, l, width);
    let new_main = insert_before_body_end(&xml, &block)?;
    let out = rezip(original, &main, &new_main)?;
    read_docx(&out, &limits).map_err(CopyError::Check)?;
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// Package access.

fn archive(bytes: &[u8]) -> Result<ZipArchive<Cursor<&[u8]>>, CopyError> {
    ZipArchive::new(Cursor::new(bytes)).map_err(|e| CopyError::Unsupported(e.to_string()))
}

fn read_part(bytes: &[u8], name: &str) -> Result<Vec<u8>, CopyError> {
    use std::io::Read;
    let mut zip = archive(bytes)?;
    let index = (0..zip.len())
        .find(|&i| {
            zip.name_for_index(i)
                .is_some_and(|n| n.eq_ignore_ascii_case(name))
        })
        .ok_or_else(|| CopyError::Unsupported(format!("thiếu phần {name}")))?;
    let mut file = zip
        .by_index(index)
        .map_err(|e| CopyError::Unsupported(e.to_string()))?;
    let mut out = Vec::new();
    // The reader has already read this part within its limits.
    file.read_to_end(&mut out)
        .map_err(|e| CopyError::Unsupported(e.to_string()))?;
    Ok(out)
}

/// The main part named by the package relationships (`word/document.xml` in nearly every file).
fn main_part_name(bytes: &[u8]) -> Result<String, CopyError> {
    let rels = read_part(bytes, "_rels/.rels").unwrap_or_default();
    let rels = String::from_utf8_lossy(&rels);
    for rel in rels.split("<Relationship").skip(1) {
        let end = rel.find('>').unwrap_or(rel.len());
        let rel = &rel[..end];
        if !rel.contains("/officeDocument\"") {
            continue;
        }
        if let Some(target) = attr(rel, "Target") {
            let target = target.trim_start_matches('/').to_string();
            if archive(bytes)?
                .file_names()
                .any(|n| n.eq_ignore_ascii_case(&target))
            {
                return Ok(target);
            }
        }
    }
    Ok("word/document.xml".into())
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

fn rezip(original: &[u8], main: &str, new_main: &[u8]) -> Result<Vec<u8>, CopyError> {
    crate::reader::replace_part(original, main, new_main).map_err(CopyError::Write)
}

fn find_last(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// Inserts `block` as the last content of the body: before the body's own `w:sectPr` if it has
/// one, before `</w:body>` otherwise. The main part must bind the WordprocessingML namespace
/// to the usual `w` prefix (every word processor writes it so).
fn insert_before_body_end(xml: &[u8], block: &str) -> Result<Vec<u8>, CopyError> {
    let binding = format!("xmlns:w=\"{W_NS}\"");
    if find_last(xml, binding.as_bytes()).is_none() {
        return Err(CopyError::Unsupported(
            "phần chính không dùng tiền tố w: cho WordprocessingML".into(),
        ));
    }
    let body_end = find_last(xml, b"</w:body>")
        .ok_or_else(|| CopyError::Unsupported("không thấy </w:body>".into()))?;
    let before = &xml[..body_end];
    let at = match find_last(before, b"<w:sectPr") {
        // The last sectPr is the body's own when no paragraph or table closes after it.
        Some(s)
            if find_last(&before[s..], b"</w:p>").is_none()
                && find_last(&before[s..], b"</w:tbl>").is_none() =>
        {
            s
        }
        _ => body_end,
    };
    let mut out = Vec::with_capacity(xml.len() + block.len());
    out.extend_from_slice(&xml[..at]);
    out.extend_from_slice(block.as_bytes());
    out.extend_from_slice(&xml[at..]);
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// The block.

fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            _ => o.push(c),
        }
    }
    o
}

fn cased(text: &str, style: &TextStyle) -> String {
    match style.case {
        Case::Upper => text.trim().to_uppercase(),
        Case::AsTyped => text.trim().to_string(),
    }
}

fn rpr(style: &TextStyle, size_half_points: u16) -> String {
    let on = |b: bool| if b { "" } else { " w:val=\"0\"" };
    let underline = if style.underline { "single" } else { "none" };
    format!(
        "<w:rPr><w:rFonts w:ascii=\"{FONT}\" w:hAnsi=\"{FONT}\" w:eastAsia=\"{FONT}\" w:cs=\"{FONT}\"/>\
         <w:b{b}/><w:bCs{b}/><w:i{i}/><w:iCs{i}/><w:caps w:val=\"0\"/><w:color w:val=\"000000\"/>\
         <w:sz w:val=\"{sz}\"/><w:szCs w:val=\"{sz}\"/><w:u w:val=\"{underline}\"/></w:rPr>",
        b = on(style.bold),
        i = on(style.italic),
        sz = size_half_points,
    )
}

#[derive(Clone, Copy)]
enum Jc {
    Left,
    Center,
}

/// One paragraph of the block: single spaced, no indents, kept with the next, direct formatting
/// throughout so the original's styles cannot change it.
fn para(text: &str, style: &TextStyle, jc: Jc, before: Twips) -> String {
    let size = style.size.preferred.0;
    let jc = match jc {
        Jc::Left => "left",
        Jc::Center => "center",
    };
    let props = rpr(style, size);
    let run = if text.is_empty() {
        String::new()
    } else {
        format!(
            "<w:r>{props}<w:t xml:space=\"preserve\">{}</w:t></w:r>",
            esc(&cased(text, style))
        )
    };
    format!(
        "<w:p><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"{before}\" w:after=\"0\" \
         w:line=\"240\" w:lineRule=\"auto\"/><w:ind w:left=\"0\" w:right=\"0\" w:firstLine=\"0\"/>\
         <w:jc w:val=\"{jc}\"/>{props}</w:pPr>{run}</w:p>",
        before = before.0,
    )
}

/// A paragraph that carries a solid line (its bottom border), `indent` in from each side.
fn rule(indent: Twips, before: Twips, keep_next: bool) -> String {
    let mark = TAIL_MARK_SIZE.0.max(RULE_PARAGRAPH.mark_size.0);
    format!(
        "<w:p><w:pPr>{keep}<w:pBdr><w:bottom w:val=\"single\" w:sz=\"{weight}\" w:space=\"1\" \
         w:color=\"000000\"/></w:pBdr><w:spacing w:before=\"{before}\" w:after=\"0\" \
         w:line=\"{height}\" w:lineRule=\"exact\"/><w:ind w:left=\"{indent}\" w:right=\"{indent}\" \
         w:firstLine=\"0\"/><w:jc w:val=\"center\"/><w:rPr><w:sz w:val=\"{mark}\"/>\
         <w:szCs w:val=\"{mark}\"/></w:rPr></w:pPr></w:p>",
        keep = if keep_next { "<w:keepNext/>" } else { "" },
        weight = RULES.weight,
        before = before.0,
        height = RULE_PARAGRAPH.height.0,
        indent = indent.0.max(0),
    )
}

fn table(left: i32, right: i32, cells: [String; 2]) -> String {
    let none = ["top", "left", "bottom", "right", "insideH", "insideV"]
        .iter()
        .map(|s| format!("<w:{s} w:val=\"nil\"/>"))
        .collect::<String>();
    let [l, r] = cells;
    format!(
        "<w:tbl><w:tblPr><w:tblW w:w=\"{total}\" w:type=\"dxa\"/><w:tblInd w:w=\"0\" w:type=\"dxa\"/>\
         <w:tblBorders>{none}</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar>\
         <w:left w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar>\
         <w:tblLook w:val=\"0000\" w:firstRow=\"0\" w:lastRow=\"0\" w:firstColumn=\"0\" \
         w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>\
         <w:gridCol w:w=\"{left}\"/><w:gridCol w:w=\"{right}\"/></w:tblGrid><w:tr><w:trPr>\
         <w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w=\"{left}\" w:type=\"dxa\"/></w:tcPr>{l}\
         </w:tc><w:tc><w:tcPr><w:tcW w:w=\"{right}\" w:type=\"dxa\"/></w:tcPr>{r}</w:tc></w:tr>\
         </w:tbl>",
        total = left + right,
    )
}

/// The whole block, as body-level XML: the separating line, the header table, the signature
/// table and a tiny closing paragraph.
fn copy_block(req: &CopyRequest, l: &Layout, width: i32) -> String {
    let share = f64::from(l.columns.left.0) / f64::from(l.columns.left.0 + l.columns.right.0);
    let left = (f64::from(width) * share).round() as i32;
    let right = width - left;
    let zero = Twips(0);

    // Header: agency | form and date.
    let mut lc = String::new();
    if let Some(sup) = req.superior.as_deref().filter(|s| !s.trim().is_empty()) {
        lc += &para(sup, &l.superior_body, Jc::Center, zero);
    }
    let agency = cased(&req.agency, &l.issuing_body);
    lc += &para(&agency, &l.issuing_body, Jc::Center, zero);
    let agency_width = text_width(&agency, l.issuing_body.size.preferred, true, false)
        .0
        .min(left);
    let line = agency_width * i32::from(RULES.short_percent.preferred) / 100;
    lc += &rule(Twips((left - line) / 2), zero, true);
    lc += &para(
        &req.number_line(),
        &l.number,
        Jc::Center,
        layout::GAPS.under_number,
    );

    let mut rc = para(req.kind.form(), &COPY_FORM, Jc::Center, zero);
    rc += &para(&req.place_date_line(), &l.place_date, Jc::Center, zero);

    // Signature: Nơi nhận | người ký.
    let mut sl = para("Nơi nhận:", &l.recipients_heading, Jc::Left, zero);
    for r in req.recipient_lines() {
        sl += &para(&r, &l.recipients_item, Jc::Left, zero);
    }
    let mut sr = String::new();
    if let Some(a) = req
        .signer
        .authority
        .as_deref()
        .filter(|a| !a.trim().is_empty())
    {
        sr += &para(a, &l.signer_authority, Jc::Center, zero);
    }
    sr += &para(&req.signer.position, &l.signer_position, Jc::Center, zero);
    for _ in 0..l.signature_gap_lines {
        sr += &para("", &l.signer_name, Jc::Center, zero);
    }
    sr += &para(&req.signer.name, &l.signer_name, Jc::Center, zero);

    let mut out = rule(zero, COPY_GAP_ABOVE_LINE, true);
    // The line sits right under the original; the block starts a little below it.
    out += &para("", &l.recipients_item, Jc::Left, zero).replacen(
        "w:before=\"0\"",
        &format!("w:before=\"{}\"", COPY_GAP_BELOW_LINE.0),
        1,
    );
    out += &table(left, right, [lc, rc]);
    out += &para(
        "",
        &l.recipients_item,
        Jc::Left,
        layout::GAPS.before_signature,
    );
    out += &table(left, right, [sl, sr]);
    // Closing paragraph after the last table, 1 pt, so it never makes a page of its own.
    out += &format!(
        "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>\
         <w:rPr><w:sz w:val=\"{m}\"/><w:szCs w:val=\"{m}\"/></w:rPr></w:pPr></w:p>",
        m = TAIL_MARK_SIZE.0
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req() -> CopyRequest {
        CopyRequest {
            kind: CopyKind::SaoY,
            superior: None,
            agency: "Văn phòng UBND tỉnh X".into(),
            agency_abbr: "VP".into(),
            number: Some(5),
            place: "X".into(),
            date: NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(),
            signer: CopySigner {
                authority: None,
                position: "CHÁNH VĂN PHÒNG".into(),
                name: "Nguyễn Văn A".into(),
            },
            recipients: vec![],
        }
    }

    #[test]
    fn lines_follow_the_decree() {
        let r = req();
        assert_eq!(r.number_line(), "Số: 05/SY-VP");
        assert_eq!(r.place_date_line(), "X, ngày 05 tháng 01 năm 2026");
        assert_eq!(r.recipient_lines(), ["- Lưu: VT."]);
        let r = CopyRequest {
            number: None,
            kind: CopyKind::TrichSao,
            recipients: vec!["- Sở Nội vụ;".into(), "Lưu: VT".into()],
            ..req()
        };
        assert_eq!(r.number_line(), "Số: ..../TrS-VP");
        assert_eq!(r.recipient_lines(), ["- Sở Nội vụ;", "- Lưu: VT."]);
    }

    #[test]
    fn block_goes_before_the_body_sect_pr() {
        let xml = format!(
            "<w:document xmlns:w=\"{W_NS}\"><w:body><w:p><w:pPr><w:sectPr/></w:pPr></w:p>\
             <w:p/><w:sectPr><w:pgSz/></w:sectPr></w:body></w:document>"
        );
        let out = insert_before_body_end(xml.as_bytes(), "<X/>").unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(out.contains("<w:p/><X/><w:sectPr><w:pgSz/>"), "{out}");
        let xml = format!(
            "<w:document xmlns:w=\"{W_NS}\"><w:body><w:p><w:pPr><w:sectPr/></w:pPr></w:p>\
             </w:body></w:document>"
        );
        let out = insert_before_body_end(xml.as_bytes(), "<X/>").unwrap();
        assert!(String::from_utf8(out)
            .unwrap()
            .contains("</w:p><X/></w:body>"));
    }
}
