//! The document model (văn bản): what a draft becomes once its template is rendered, and
//! what the DOCX writer, the preview and the checker work on.
//!
//! Architecture invariant: the model holds text as the user typed it (NFC-normalised on the
//! way in by [`text::nfc`]); casing, numbering, punctuation of lists and the số ký hiệu are
//! computed from it, never typed twice.

mod body;
mod date;
mod number;
mod numbering;
mod plain;
mod recipients;
mod signer;
mod table;
pub mod text;

pub use body::{Block, Body, Inline, Span, Table, MAX_HEADER_ROWS};
pub use date::{IssueDate, PlaceDate};
pub use number::ReferenceNumber;
pub use numbering::{basis_end, label_blocks, next_letter, part_label, roman, BlockLabel};
pub use plain::{plain_text, plain_text_of, PLAIN_FOOTNOTE_SEPARATOR, PLAIN_RULE};
pub use recipients::{unit_after_archive_stop, Recipients};
pub use signer::{Authority, AuthorityLine, Signer};
pub use table::{GridCell, Merge, Merged, VMerge};

use serde::{Deserialize, Serialize};

use crate::layout::DocType;

/// System of rules a document follows (hệ thể thức): state or Party.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum System {
    /// Văn bản hành chính, NĐ 30/2020/NĐ-CP.
    State,
    /// Văn bản của Đảng, HD 36-HD/VPTW.
    Party,
}

impl System {
    /// Vietnamese name for messages.
    pub fn label(self) -> &'static str {
        match self {
            System::State => "văn bản hành chính (NĐ 30/2020/NĐ-CP)",
            System::Party => "văn bản của Đảng (HD 36-HD/VPTW)",
        }
    }
}

/// An issuing body (cơ quan, tổ chức ban hành) with its direct superior.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Issuer {
    /// Tên cơ quan chủ quản / cấp trên trực tiếp, e.g. "UBND TỈNH BẮC KẠN" or "TỈNH ỦY KIÊN GIANG".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub superior: Option<String>,
    /// Tên cơ quan ban hành, e.g. "VĂN PHÒNG" or "BAN DÂN VẬN TỈNH ỦY".
    pub name: String,
    /// Chữ viết tắt tên cơ quan in the số ký hiệu, e.g. "VP", "UBND", "BDVTU".
    pub abbr: String,
    /// The system this body belongs to, when it differs from the document's (joint documents).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system: Option<System>,
}

/// Urgency mark (dấu chỉ mức độ khẩn).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Urgency {
    /// KHẨN.
    Khan,
    /// THƯỢNG KHẨN.
    ThuongKhan,
    /// HỎA TỐC.
    HoaToc,
}

impl Urgency {
    /// The mark as printed.
    pub fn label(self) -> &'static str {
        match self {
            Urgency::Khan => "KHẨN",
            Urgency::ThuongKhan => "THƯỢNG KHẨN",
            Urgency::HoaToc => "HỎA TỐC",
        }
    }
}

/// Secrecy mark (dấu chỉ độ mật).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Secrecy {
    /// MẬT.
    Mat,
    /// TỐI MẬT.
    ToiMat,
    /// TUYỆT MẬT.
    TuyetMat,
}

impl Secrecy {
    /// The mark as printed.
    pub fn label(self) -> &'static str {
        match self {
            Secrecy::Mat => "MẬT",
            Secrecy::ToiMat => "TỐI MẬT",
            Secrecy::TuyetMat => "TUYỆT MẬT",
        }
    }
}

/// A complete administrative document, ready to be written, previewed or checked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Document {
    /// Loại văn bản.
    pub doc_type: DocType,
    /// Hệ thể thức (state or Party); a joint document follows its lead body's system.
    pub system: System,
    /// Cơ quan ban hành: one, or two for a joint document (the first is the lead, chủ trì).
    pub issuers: Vec<Issuer>,
    /// Số và ký hiệu văn bản.
    pub number: ReferenceNumber,
    /// Địa danh và thời gian ban hành.
    pub place_date: PlaceDate,
    /// Dấu chỉ mức độ khẩn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub urgency: Option<Urgency>,
    /// Dấu chỉ độ mật.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secrecy: Option<Secrecy>,
    /// Trích yếu nội dung (for công văn printed as "V/v ..." under the số ký hiệu).
    pub subject: String,
    /// Kính gửi: addressees of a công văn, tờ trình or báo cáo sent upwards.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub addressees: Vec<String>,
    /// Nội dung.
    pub body: Body,
    /// Whether the body ends with "./." (the PL3 templates show it).
    pub closing_mark: bool,
    /// Chức vụ, họ tên người ký: one, or two or three side by side, the first on the right
    /// and the next ones leftwards: the two bodies of a joint document (the lead first), or
    /// people of one body (a Biên bản's chủ tọa first, its thư ký then, printed on its left,
    /// NĐ 30 Phụ lục III Mẫu 1.9; a third such as a class's giảng viên chủ nhiệm leftmost).
    pub signers: Vec<Signer>,
    /// Nơi nhận.
    pub recipients: Recipients,
    /// The type of the document that issues this one, when this is the text attached to a
    /// decision drafted on its own (NĐ 30 Phụ lục III, Mẫu 1.3: a Quy chế, Quy định or Điều lệ
    /// "ban hành kèm theo Quyết định"): the header then prints no số and no date, and the
    /// number, date and issuer are the decision's, in [`Document::issued_note`] under the
    /// trích yếu. See [`crate::template::TemplateDef::issued_by`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued_by: Option<DocType>,
    /// How the attached text's line names its decision where the office worded it otherwise
    /// than Vanban computes it ([`DecisionWording`]); `None` for every other document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<DecisionWording>,
}

/// The words of the line under the title of a text attached to a decision, drafted on its
/// own, that are the office's rather than facts of the draft (lời dẫn và người ban hành trong
/// dòng "(Kèm theo Quyết định số … ngày … của …)", NĐ 30 Phụ lục III Mẫu 1.3): the number and
/// the date stay the draft's.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct DecisionWording {
    /// The lead words: "Kèm theo" (as Mẫu 1.3 prints them), "Ban hành theo"; absent, "Ban
    /// hành kèm theo".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<String>,
    /// Who issued the decision, after "của": "Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng";
    /// absent, the issuer's name in sentence case.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
}

impl DecisionWording {
    /// The words in NFC with runs of spaces folded, as the model holds text.
    pub fn nfc(&self) -> Self {
        let nfc = |v: &Option<String>| v.as_deref().map(|v| text::squash_spaces(&text::nfc(v)));
        DecisionWording {
            lead: nfc(&self.lead),
            by: nfc(&self.by),
        }
    }
}

impl Document {
    /// Whether this is a joint document (văn bản liên tịch / phối hợp) of two bodies.
    pub fn is_joint(&self) -> bool {
        self.issuers.len() > 1
    }

    /// Whether a joint document mixes a state body and a Party body (needs human review).
    pub fn is_mixed_joint(&self) -> bool {
        self.is_joint()
            && self
                .issuers
                .iter()
                .any(|i| i.system.unwrap_or(self.system) != self.system)
    }

    /// The số ký hiệu line as printed, e.g. "Số: 03/CT-UBND" or "Số 415-KH/BDVTU-BCSĐUBND".
    pub fn number_line(&self) -> String {
        self.number
            .render(self.system, &self.doc_type, &self.issuers)
    }

    /// The line under a Phụ lục title, without its brackets: "Kèm theo Quyết định số
    /// 03/QĐ-UBND ngày 05 tháng 02 năm 2024 của Ủy ban nhân dân tỉnh Lâm Đồng"; a blank
    /// number, day or month stays blank as on the số line. The issuer is written in
    /// sentence case, keeping the địa danh as typed when the name ends with it.
    pub fn attached_note(&self) -> String {
        self.note_with(crate::layout::ATTACHED_TO)
    }

    /// The line under the title of a document issued with this one (a Quy chế), with its
    /// brackets: "(Ban hành kèm theo Quyết định số 03/QĐ-UBND ngày … của …)". For the
    /// attached text drafted on its own ([`Document::issued_by`]) it names the issuing
    /// decision by the draft's number and date.
    pub fn issued_note(&self) -> String {
        let wording = self.decision.as_ref().filter(|_| self.is_attached());
        let lead = wording.and_then(|w| w.lead.as_deref());
        let by = wording.and_then(|w| w.by.as_deref());
        self.note_by(lead.unwrap_or(crate::layout::ISSUED_WITH), by)
    }

    /// Whether this is the text attached to a decision, drafted on its own (no số or date of
    /// its own: [`Document::issued_by`]).
    pub fn is_attached(&self) -> bool {
        self.issued_by.is_some()
    }

    /// Whether the document prints a Nơi nhận: always, but for the text attached to a
    /// decision left without one (Mẫu 1.3: the decision carries it).
    pub fn has_recipients(&self) -> bool {
        let r = &self.recipients;
        !self.is_attached() || !r.items.is_empty() || !r.archive.trim().is_empty()
    }

    fn note_with(&self, words: &str) -> String {
        self.note_by(words, None)
    }

    /// The issuer in the words of a "(… số … của …)" line: `by` when given, else the lead
    /// issuer's name in sentence case.
    fn note_by(&self, words: &str, by: Option<&str>) -> String {
        let doc_type = self.issued_by.as_ref().unwrap_or(&self.doc_type);
        let number = self
            .number
            .number_and_symbol(self.system, doc_type, &self.issuers);
        let issuer = match by {
            Some(by) => by.to_string(),
            None => self.issuer_phrase(),
        };
        format!(
            "({words} {} số {number} {} của {issuer})",
            doc_type.name,
            self.place_date.date.phrase()
        )
    }

    /// The lead issuer as a "(… của …)" line names it when the draft gives no other words:
    /// "Ủy ban nhân dân tỉnh Lâm Đồng".
    pub fn issuer_phrase(&self) -> String {
        self.issuers
            .first()
            .map(|i| {
                self.body_spelling(&i.name)
                    .unwrap_or_else(|| sentence_case(&i.name, &self.place_date.place))
            })
            .unwrap_or_default()
    }

    /// How the body writes `name` in running text, when it does: the document's own
    /// spelling of a proper name ("Trường Đại học Công nghệ Thông tin và Truyền thông Việt -
    /// Hàn"), which [`sentence_case`] cannot know. A dash typed long counts as "-", and the
    /// name must start with a capital and not be written wholly in capitals.
    fn body_spelling(&self, name: &str) -> Option<String> {
        let tidy = |s: &str| text::squash_spaces(&s.replace(['–', '—'], "-"));
        let key: Vec<char> = text::upper(&tidy(name)).chars().collect();
        if key.is_empty() {
            return None;
        }
        self.body.blocks.iter().find_map(|b| {
            let t: Vec<char> = tidy(&b.inline()?.plain_text()).chars().collect();
            let upper: Vec<char> = t
                .iter()
                .map(|c| c.to_uppercase().next().unwrap_or(*c))
                .collect();
            (0..t.len().checked_sub(key.len())? + 1).find_map(|k| {
                let found = &t[k..k + key.len()];
                let whole_word = k == 0 || !t[k - 1].is_alphanumeric();
                let ends_word = t.get(k + key.len()).is_none_or(|c| !c.is_alphanumeric());
                (upper[k..k + key.len()] == key[..]
                    && whole_word
                    && ends_word
                    && found[0].is_uppercase()
                    && found.iter().any(|c| c.is_lowercase()))
                .then(|| found.iter().collect())
            })
        })
    }

    /// The tên loại line as printed ("KẾ HOẠCH"); empty for a công văn.
    pub fn type_line(&self) -> String {
        if self.doc_type.is_cong_van() {
            String::new()
        } else {
            text::upper(&self.doc_type.name)
        }
    }
}
/// "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG" → "Ủy ban nhân dân tỉnh Lâm Đồng": lower case but the
/// first letter, and the địa danh as typed when the name ends with it; without it (a text
/// attached to a decision has no date line), the words after the last administrative unit
/// ("TỈNH", "THÀNH PHỐ" …) are a place name, each word capitalised. Other proper names in
/// the name ("SỞ NỘI VỤ" → "Sở nội vụ", not "Sở Nội vụ") are not known here: a limitation.
pub(crate) fn sentence_case(name: &str, place: &str) -> String {
    let name = name.trim();
    let place = place.trim();
    let upper_place = text::upper(place);
    let unit_place;
    let (head, tail) = match name.strip_suffix(upper_place.as_str()) {
        Some(head) if !place.is_empty() => (head, place),
        _ => match place_after_unit(name) {
            Some((head, named)) => {
                unit_place = named;
                (head, unit_place.as_str())
            }
            None => (name, ""),
        },
    };
    let mut chars = head.chars();
    let first: String = chars
        .next()
        .map(|c| c.to_uppercase().collect())
        .unwrap_or_default();
    format!("{first}{}{tail}", chars.as_str().to_lowercase())
}

/// The name cut after its last administrative unit, and the place name after it with each
/// word capitalised: "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG" → ("ỦY BAN NHÂN DÂN TỈNH ", "Lâm Đồng").
/// "XÃ HỘI" is a word, not a commune.
fn place_after_unit(name: &str) -> Option<(&str, String)> {
    let words: Vec<(usize, &str)> = name
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - name.as_ptr() as usize, w))
        .collect();
    let upper = |k: usize, n: usize| {
        words[k..k + n]
            .iter()
            .map(|(_, w)| text::upper(w))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let cut = (0..words.len()).rev().find_map(|k| {
        crate::layout::ADMINISTRATIVE_UNITS.iter().find_map(|u| {
            let n = u.split_whitespace().count();
            (k + n < words.len()
                && upper(k, n) == *u
                && !(*u == "XÃ" && text::upper(words[k + 1].1) == "HỘI"))
                .then_some(k + n)
        })
    })?;
    let place: Vec<String> = words[cut..]
        .iter()
        .map(|(_, w)| {
            let mut cs = w.chars();
            cs.next()
                .map(|c| {
                    c.to_uppercase()
                        .chain(cs.as_str().to_lowercase().chars())
                        .collect()
                })
                .unwrap_or_default()
        })
        .collect();
    Some((&name[..words[cut].0], place.join(" ")))
}

#[cfg(test)]
mod tests {
    use super::sentence_case;

    #[test]
    fn without_the_place_the_words_after_the_unit_are_the_place() {
        assert_eq!(
            sentence_case("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "..."),
            "Ủy ban nhân dân tỉnh Lâm Đồng"
        );
        assert_eq!(
            sentence_case("ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", ""),
            "Ủy ban nhân dân thành phố Hồ Chí Minh"
        );
        assert_eq!(
            sentence_case("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", ""),
            "Sở lao động - thương binh và xã hội"
        );
        assert_eq!(
            sentence_case("BAN QUẢN TRỊ SÀN GIAO DỊCH", "Hà Tĩnh"),
            "Ban quản trị sàn giao dịch"
        );
    }

    #[test]
    fn the_attached_note_names_the_issuer_as_the_body_writes_it() {
        // VKU Đà Nẵng (098): "của Trường đại học công nghệ thông tin …" was printed from the
        // capitals of the header; the body writes the name as it should be.
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples/ke-hoach-dan-van-kheo-bac-kan-2024.toml");
        let draft = crate::draft::Draft::from_toml(&std::fs::read_to_string(path).unwrap());
        let templates = crate::template::Templates::builtin().unwrap();
        let mut doc = draft.unwrap().render(&templates).unwrap();
        doc.issuers.truncate(1);
        doc.issuers[0].name =
            "TRƯỜNG ĐẠI HỌC CÔNG NGHỆ THÔNG TIN VÀ TRUYỀN THÔNG VIỆT - HÀN".into();
        doc.body.blocks.clear();
        doc.body.blocks.push(super::Block::Paragraph {
            content: super::Inline::plain(
            "Nhằm đáp ứng nhu cầu thực tế về công tác chuyên môn tại Trường Đại học Công nghệ Thông tin và Truyền thông Việt – Hàn; Nhằm hỗ trợ công việc.",
        ),
        });
        assert_eq!(
            doc.issuer_phrase(),
            "Trường Đại học Công nghệ Thông tin và Truyền thông Việt - Hàn"
        );
        // Not found in the body: sentence case, as before.
        doc.body.blocks.clear();
        assert_eq!(
            doc.issuer_phrase(),
            "Trường đại học công nghệ thông tin và truyền thông việt - hàn"
        );
    }

    #[test]
    fn issuer_in_sentence_case_keeps_the_place_as_typed() {
        assert_eq!(
            sentence_case("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "Lâm Đồng"),
            "Ủy ban nhân dân tỉnh Lâm Đồng"
        );
        assert_eq!(sentence_case("", "Hà Nội"), "");
    }
}
