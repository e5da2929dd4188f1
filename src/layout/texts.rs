//! Fixed texts (văn bản cố định) every document of a system prints: one constant each, so the
//! writer, the preview and the plain text can only print them the same way.

/// Quốc hiệu (NĐ 30, Ô 1): "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".
pub const NATIONAL_TITLE: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
/// Tiêu ngữ (NĐ 30, Ô 1): hyphens with spaces.
pub const MOTTO: &str = "Độc lập - Tự do - Hạnh phúc";
/// Tiêu đề of Party documents (HD 36, Ô 1): "ĐẢNG CỘNG SẢN VIỆT NAM".
pub const PARTY_TITLE: &str = "ĐẢNG CỘNG SẢN VIỆT NAM";
/// Dấu sao: the "*" under a Party issuing body, where the state draws a short line (HD 36).
pub const PARTY_ISSUER_MARK: &str = "*";
/// Prefix of a state công văn's trích yếu (Ô 5b): "V/v ".
pub const SUBJECT_PREFIX: &str = "V/v ";
/// The line under a Party trích yếu (HD 36: five hyphens, not a drawn line).
pub const PARTY_SUBJECT_RULE: &str = "-----";
/// Kính gửi label (Ô 9a).
pub const ADDRESSEE_LABEL: &str = "Kính gửi:";
/// Dấu kết thúc: "./." closes the body of a typed document or công văn (PL3 templates).
pub const CLOSING_MARK: &str = "./.";
/// The closing mark after a body that already ends with a full stop ("... này./.").
pub const CLOSING_MARK_AFTER_STOP: &str = "/.";
/// The cached value shown in the page-number field until the reader's program updates it.
pub const PAGE_NUMBER_PLACEHOLDER: &str = "2";
/// The word before a chương's Roman number: "Chương I".
pub const CHAPTER_WORD: &str = "Chương";
/// The word before a mục's Arabic number inside a chương: "Mục 1".
pub const DIVISION_WORD: &str = "Mục";
/// The word before an article's number: "Điều 1.".
pub const ARTICLE_WORD: &str = "Điều";
/// End of every căn cứ line but the last: ";".
pub const BASIS_END: &str = ";";
/// End of the last căn cứ of a state document: "." (NĐ 30, Phụ lục I).
pub const BASIS_LAST_END_STATE: &str = ".";
/// End of the last căn cứ of a Party document: "," (a subject sentence follows; HD 36).
pub const BASIS_LAST_END_PARTY: &str = ",";
/// Văn thư cơ quan: the office that keeps the original, first after "Lưu:" on every state
/// document (NĐ 30, Phụ lục I, Phần I, mục II.9.b: «- Lưu: VT, <đơn vị soạn thảo> (<số bản>).»).
pub const ARCHIVE_OFFICE: &str = "VT";
/// The word of an appendix heading: "Phụ lục" (one appendix) or "Phụ lục I", "Phụ lục II".
pub const APPENDIX_WORD: &str = "Phụ lục";
/// The words that set a Phụ lục on landscape pages in the markup (trang ngang):
/// "Phụ lục I (trang ngang). Title".
pub const LANDSCAPE_MARK: &str = "trang ngang";
/// The start of the line under an appendix title: "(Kèm theo Quyết định số …)".
pub const ATTACHED_TO: &str = "Kèm theo";
/// The start of the line under the title of a document issued with a decision (Phụ lục III,
/// Mẫu 1.3: a Quy chế, Quy định): "(Ban hành kèm theo Quyết định số …)".
pub const ISSUED_WITH: &str = "Ban hành kèm theo";
/// The words after the tên loại in the markup of such a document: "Quy chế kèm theo. Title".
pub const ISSUED_MARK: &str = "kèm theo";

/// Administrative units (đơn vị hành chính) that follow a body's kind in its name: "ỦY BAN
/// NHÂN DÂN" / "TỈNH LÂM ĐỒNG". The layout breaks a name too wide for its column before one;
/// the checker reads a header line starting with one as the rest of the name above it.
pub const ADMINISTRATIVE_UNITS: [&str; 9] = [
    "TỈNH",
    "THÀNH PHỐ",
    "HUYỆN",
    "QUẬN",
    "THỊ XÃ",
    "XÃ",
    "PHƯỜNG",
    "THỊ TRẤN",
    "ĐẶC KHU",
];

/// Other words before which an issuer name too wide for its column is broken, as offices
/// break it: the unit inside a Party committee's name ("ĐẢNG BỘ BỘ PHẬN" / "TRƯỜNG ĐẠI HỌC
/// KINH TẾ").
pub const ISSUER_BREAK_ALSO_BEFORE: [&str; 1] = ["TRƯỜNG"];
