//! Nơi nhận (Ô 9b): the list of recipients and the archive line.

use serde::{Deserialize, Serialize};

use super::System;
use crate::layout::ARCHIVE_OFFICE;

/// Nơi nhận of a document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Recipients {
    /// Print "Gửi bản điện tử:" under the heading (the document is sent electronically).
    #[serde(default)]
    pub electronic: bool,
    /// Recipients, one per line, without the leading "-" and the final punctuation.
    #[serde(default)]
    pub items: Vec<String>,
    /// What follows "Lưu": state "VT, HCTC-QTTV" (→ "- Lưu: VT, HCTC-QTTV."),
    /// Party "Văn phòng Tỉnh ủy" (→ "- Lưu Văn phòng Tỉnh ủy.").
    #[serde(default)]
    pub archive: String,
}

impl Recipients {
    /// The heading as printed: "Nơi nhận:".
    pub const HEADING: &'static str = "Nơi nhận:";
    /// The line that marks electronic sending.
    pub const ELECTRONIC: &'static str = "Gửi bản điện tử:";

    /// The lines under the heading, punctuated per the system: state items end ";" and the
    /// archive line "- Lưu: VT, ...". ends "."; Party items end "," and "- Lưu ...". ends ".".
    pub fn lines(&self, system: System) -> Vec<String> {
        let sep = match system {
            System::State => ';',
            System::Party => ',',
        };
        let mut out: Vec<String> = self
            .items
            .iter()
            .map(|i| clean(i))
            .filter(|i| !i.is_empty())
            .map(|i| format!("- {i}{sep}"))
            .collect();
        let archive = clean(&self.archive);
        let archive = match system {
            System::State => {
                let a = archive
                    .strip_prefix("Lưu:")
                    .or_else(|| archive.strip_prefix("Lưu"))
                    .unwrap_or(&archive);
                format!("- Lưu: {}.", a.trim())
            }
            System::Party => {
                let a = archive.strip_prefix("Lưu").unwrap_or(&archive);
                format!("- Lưu {}.", a.trim_start_matches(':').trim())
            }
        };
        out.push(archive);
        out
    }
}

/// The drafting unit after a full stop typed where NĐ 30 puts a comma ("VT. NC" → "NC"),
/// read from what follows "Lưu:"; `None` when "VT" is followed by a comma, by nothing, or
/// not by a space after its stop.
pub fn unit_after_archive_stop(archive: &str) -> Option<&str> {
    let after = archive
        .trim_start()
        .strip_prefix(ARCHIVE_OFFICE)?
        .strip_prefix('.')?;
    let unit = after.trim();
    (after.starts_with(char::is_whitespace) && !unit.is_empty()).then_some(unit)
}

/// Strips a leading "-" and trailing list punctuation the user may have typed.
fn clean(s: &str) -> String {
    let s = s.trim();
    let s = s.strip_prefix('-').unwrap_or(s).trim();
    s.trim_end_matches([';', ',', '.']).trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_lines_end_with_semicolons_and_archive() {
        let r = Recipients {
            electronic: true,
            items: vec!["LĐVP".into(), "- Các phòng, ban;".into()],
            archive: "VT, HCTC-QTTV".into(),
        };
        assert_eq!(
            r.lines(System::State),
            vec!["- LĐVP;", "- Các phòng, ban;", "- Lưu: VT, HCTC-QTTV."]
        );
    }

    #[test]
    fn party_lines_end_with_commas_and_no_colon_after_luu() {
        let r = Recipients {
            electronic: false,
            items: vec!["Ban Dân vận TW".into(), "Các đ/c Tỉnh ủy viên".into()],
            archive: "Lưu: Văn phòng Tỉnh ủy".into(),
        };
        assert_eq!(
            r.lines(System::Party),
            vec![
                "- Ban Dân vận TW,",
                "- Các đ/c Tỉnh ủy viên,",
                "- Lưu Văn phòng Tỉnh ủy."
            ]
        );
    }
}
