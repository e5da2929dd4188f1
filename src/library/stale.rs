//! Stale references (căn cứ, cơ quan không còn hiệu lực) in a draft's text: legal bases the
//! library marks as replaced or expired, and district-level bodies, which no longer exist
//! since the two-level local government took effect on 1 July 2025 ("UBND huyện",
//! "Huyện ủy", "Phòng Nội vụ huyện", ...). The app calls it when a clause is inserted and
//! the checker calls it on a draft's text; each warning carries the place in the text.

use std::sync::OnceLock;

use chrono::NaiveDate;
use regex::Regex;
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

use super::clauses::Validity;
use super::error::Result;
use super::fold::{fold_with_offsets, words};
use super::Library;

/// The day district-level administrations ceased to exist (chính quyền địa phương hai cấp).
pub fn district_level_abolished_on() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 7, 1).unwrap_or_default()
}

/// (id, title, text, source, validity, replaced_by) of a clause not in force.
type StaleRow = (i64, String, String, Option<String>, String, Option<String>);

/// Why a reference is stale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum StaleKind {
    /// A legal basis replaced by another document.
    LegalBasisReplaced {
        /// The library clause that cites it.
        clause_id: i64,
        /// The replacing document.
        by: String,
    },
    /// A legal basis no longer in force.
    LegalBasisExpired {
        /// The library clause that cites it.
        clause_id: i64,
    },
    /// A body that no longer exists.
    AbolishedBody {
        /// Since when.
        since: NaiveDate,
    },
}

/// One stale reference found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct StaleWarning {
    /// What is stale.
    pub kind: StaleKind,
    /// Byte range in the NFC form of the checked text.
    pub start: usize,
    /// End of the byte range (exclusive).
    pub end: usize,
    /// The text found there.
    pub matched: String,
    /// Vietnamese message for the user.
    pub message: String,
}

fn district_patterns() -> &'static [Regex] {
    static PATTERNS: OnceLock<Vec<Regex>> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        [
            r"(?i)\b(?:UBND|HĐND|(?:Ủy|Uỷ) ban nhân dân|Hội đồng nhân dân)\s+(?:cấp\s+)?(?:huyện|quận|thị xã)\b",
            r"(?i)\b(?:Huyện|Quận|Thị)\s+(?:ủy|uỷ)\b",
            r"\bPhòng\s+[^,;.:\n()]{1,60}?\s+(?:huyện|quận|thị xã)\b",
            r"(?i)\bCông an\s+(?:huyện|quận|thị xã)\b",
            r"(?i)\b(?:Tòa|Toà) án nhân dân\s+(?:huyện|quận|thị xã)\b",
            r"(?i)\bViện kiểm sát nhân dân\s+(?:huyện|quận|thị xã)\b",
        ]
        .iter()
        .filter_map(|p| Regex::new(p).ok())
        .collect()
    })
}

/// District-level bodies named in `text`, when the document is dated `on` or later than
/// 1 July 2025 (earlier documents legitimately name them). Needs no database.
pub fn abolished_district_bodies(text: &str, on: NaiveDate) -> Vec<StaleWarning> {
    let since = district_level_abolished_on();
    if on < since {
        return Vec::new();
    }
    let text: String = text.nfc().collect();
    let mut out: Vec<StaleWarning> = Vec::new();
    for re in district_patterns() {
        for m in re.find_iter(&text) {
            if out.iter().any(|w| w.start < m.end() && m.start() < w.end) {
                continue;
            }
            out.push(StaleWarning {
                kind: StaleKind::AbolishedBody { since },
                start: m.start(),
                end: m.end(),
                matched: m.as_str().to_owned(),
                message: format!(
                    "\"{}\": cấp huyện đã chấm dứt hoạt động từ ngày 01/7/2025 (chính quyền địa \
                     phương hai cấp); hãy ghi cơ quan cấp tỉnh hoặc cấp xã tương ứng.",
                    m.as_str()
                ),
            });
        }
    }
    out.sort_by_key(|w| w.start);
    out
}

/// A regex matching the words of `key` (folded) separated by any punctuation or spaces, so
/// "Nghị định số 110/2004/NĐ-CP" matches "nghi dinh so 110 / 2004 / nd-cp".
fn key_regex(key: &str) -> Option<Regex> {
    let folded = super::fold::fold(key);
    let ws: Vec<String> = words(&folded).map(regex::escape).collect();
    if ws.is_empty() {
        return None;
    }
    Regex::new(&format!(r"\b{}\b", ws.join(r"[^\p{L}\p{N}]+"))).ok()
}

impl Library {
    /// All stale references in a draft text dated `on`: inserted legal bases that the
    /// library marks replaced or expired (matched by the clause's `source`, or by its text
    /// when it has no source), abolished district-level bodies, and bodies of the library
    /// marked abolished.
    pub fn stale_references(&self, text: &str, on: NaiveDate) -> Result<Vec<StaleWarning>> {
        let nfc: String = text.nfc().collect();
        let (folded, offsets) = fold_with_offsets(&nfc);
        let map = |fs: usize, fe: usize| -> (usize, usize) {
            let s = offsets.get(fs).copied().unwrap_or(nfc.len());
            let e = offsets.get(fe).copied().unwrap_or(nfc.len());
            // `e` is the start of the char after the match: extend to include a partial char.
            let e = if e < s { nfc.len() } else { e };
            (s, e)
        };
        let mut out = Vec::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, title, text, source, validity, replaced_by FROM clauses WHERE validity <> 'in_force'",
        )?;
        let stale: Vec<StaleRow> = stmt
            .query_map([], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        for (id, title, body, source, validity, by) in stale {
            let key = match &source {
                Some(s) => s.clone(),
                None if !body.contains("{{") && !body.contains("{%") => body.clone(),
                None => continue,
            };
            let Some(re) = key_regex(&key) else { continue };
            for m in re.find_iter(&folded) {
                let (start, end) = map(m.start(), m.end());
                let validity = if validity == "replaced" {
                    Validity::Replaced {
                        by: by.clone().unwrap_or_default(),
                    }
                } else {
                    Validity::Expired
                };
                let kind = match &validity {
                    Validity::Replaced { by } => StaleKind::LegalBasisReplaced {
                        clause_id: id,
                        by: by.clone(),
                    },
                    _ => StaleKind::LegalBasisExpired { clause_id: id },
                };
                out.push(StaleWarning {
                    kind,
                    start,
                    end,
                    matched: nfc[start..end].to_owned(),
                    message: format!(
                        "Căn cứ \"{}\" {}; hãy cập nhật căn cứ (điều khoản mẫu: \"{title}\").",
                        nfc[start..end].trim(),
                        validity.describe()
                    ),
                });
            }
        }
        out.extend(abolished_district_bodies(&nfc, on));
        for body in self.agencies()? {
            let Some(since) = body.fields.abolished_on.filter(|d| *d <= on) else {
                continue;
            };
            let Some(re) = key_regex(&body.fields.name) else {
                continue;
            };
            for m in re.find_iter(&folded) {
                let (start, end) = map(m.start(), m.end());
                if out
                    .iter()
                    .any(|w: &StaleWarning| w.start < end && start < w.end)
                {
                    continue;
                }
                out.push(StaleWarning {
                    kind: StaleKind::AbolishedBody { since },
                    start,
                    end,
                    matched: nfc[start..end].to_owned(),
                    message: format!(
                        "Cơ quan \"{}\" đã chấm dứt hoạt động từ ngày {}.",
                        nfc[start..end].trim(),
                        since.format("%d/%m/%Y")
                    ),
                });
            }
        }
        out.sort_by_key(|w| w.start);
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn district_bodies_flagged_only_after_july_2025() {
        let text = "Giao Phòng Nội vụ huyện chủ trì; Ban Dân vận Huyện ủy phối hợp với UBND huyện \
                    và Quân ủy Trung ương; phòng, chống dịch trên địa bàn huyện.";
        let found: Vec<String> = abolished_district_bodies(text, d(2025, 7, 1))
            .into_iter()
            .map(|w| w.matched)
            .collect();
        assert_eq!(found, ["Phòng Nội vụ huyện", "Huyện ủy", "UBND huyện"]);
        assert!(abolished_district_bodies(text, d(2025, 6, 30)).is_empty());
    }
}
