//! Bản sao (NĐ 30, Phụ lục I phần II; Mẫu 3.1 of Phụ lục III): the copy block printed under the
//! last part of the copied document, below a solid line across the whole text width.
//!
//! Every other element of the block (tên cơ quan, số ký hiệu, địa danh và thời gian, chức vụ,
//! họ tên, Nơi nhận) takes the same style as in an ordinary document: see [`super::Layout`].

use super::{style, Case, TextStyle, Twips};

/// Hình thức sao "SAO Y", "SAO LỤC", "TRÍCH SAO": IN HOA, 13–14 (Vanban writes 14), đứng, đậm.
pub const COPY_FORM: TextStyle = style(13, 14, 14, true, false, Case::Upper);

/// Hình thức sao y.
pub const COPY_FORM_SAO_Y: &str = "SAO Y";
/// Hình thức sao lục.
pub const COPY_FORM_SAO_LUC: &str = "SAO LỤC";
/// Hình thức trích sao.
pub const COPY_FORM_TRICH_SAO: &str = "TRÍCH SAO";

/// Type abbreviations of copies (Phụ lục III): sao y, sao lục, trích sao.
pub const COPY_ABBR_SAO_Y: &str = "SY";
/// Bản sao lục.
pub const COPY_ABBR_SAO_LUC: &str = "SL";
/// Bản trích sao.
pub const COPY_ABBR_TRICH_SAO: &str = "TrS";

/// What stands for a copy number not yet given: dots to fill in by hand ("Số: ..../SY-VP").
pub const COPY_BLANK_NUMBER: &str = "....";

/// The last recipient line when none is given: the văn thư's own copy.
pub const COPY_DEFAULT_RECIPIENT: &str = "Lưu: VT";

/// Space above the separating line, under the last part of the original (12 pt).
pub const COPY_GAP_ABOVE_LINE: Twips = Twips(240);
/// Space between the separating line and the copy block (6 pt).
pub const COPY_GAP_BELOW_LINE: Twips = Twips(120);
