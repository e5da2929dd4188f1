//! The table of document types (tên loại văn bản) and their abbreviations, as data.
//!
//! The built-in table is `doc_types.toml` beside this file (NĐ 30 Phụ lục III and the Party
//! list of HD 36). A template may declare a type that is not in the table; see
//! [`crate::template`].

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::model::System;

/// One document type (loại văn bản) with its abbreviations for the số ký hiệu.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DocType {
    /// Key used by templates and draft files, e.g. `ke-hoach`.
    pub slug: String,
    /// Tên loại as written, e.g. "Kế hoạch" (printed upper case in the title line).
    pub name: String,
    /// Chữ viết tắt for state documents ("KH"); empty for công văn; absent if not a state type.
    #[serde(default)]
    pub state: Option<String>,
    /// Chữ viết tắt for Party documents ("KH"); absent if not a Party type.
    #[serde(default)]
    pub party: Option<String>,
    /// Another Party abbreviation also in use (e.g. "QĐ" beside "QĐi"); accepted with a warning.
    #[serde(default)]
    pub party_alt: Option<String>,
    /// Whether the type's form has no trích yếu under the tên loại: Giấy giới thiệu and Giấy
    /// nghỉ phép (NĐ 30 Phụ lục III, Mẫu 1.8 and 1.10) go from the tên loại straight to the
    /// body. A draft of such a type needs no trích yếu and the checker asks for none.
    #[serde(default, skip_serializing_if = "is_false")]
    pub no_subject: bool,
}

fn is_false(b: &bool) -> bool {
    !b
}

impl DocType {
    /// The abbreviation for `system`, if this type exists in that system.
    /// `Some("")` means the type carries no abbreviation (công văn under NĐ 30).
    pub fn abbreviation(&self, system: System) -> Option<&str> {
        match system {
            System::State => self.state.as_deref(),
            System::Party => self.party.as_deref(),
        }
    }

    /// Whether this is a công văn (văn bản không có tên loại).
    pub fn is_cong_van(&self) -> bool {
        self.slug == "cong-van"
    }
}

#[derive(Deserialize)]
struct TableFile {
    #[serde(rename = "type")]
    types: Vec<DocType>,
}

/// The table of known document types.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocTypeTable {
    types: Vec<DocType>,
}

impl DocTypeTable {
    /// The built-in table (NĐ 30 Phụ lục III and the Party list).
    pub fn builtin() -> &'static DocTypeTable {
        static TABLE: OnceLock<DocTypeTable> = OnceLock::new();
        TABLE.get_or_init(|| {
            let file: TableFile = toml::from_str(include_str!("doc_types.toml"))
                .expect("the built-in doc_types.toml is valid (checked by a test)");
            DocTypeTable { types: file.types }
        })
    }

    /// Looks a type up by its slug.
    pub fn by_slug(&self, slug: &str) -> Option<&DocType> {
        self.types.iter().find(|t| t.slug == slug)
    }

    /// Looks a type up by its name, ignoring case ("KẾ HOẠCH" finds Kế hoạch).
    pub fn by_name(&self, name: &str) -> Option<&DocType> {
        let wanted = name.trim().to_lowercase();
        self.types.iter().find(|t| t.name.to_lowercase() == wanted)
    }

    /// Looks a type up by an abbreviation used in a số ký hiệu, in `system`.
    pub fn by_abbreviation(&self, system: System, abbr: &str) -> Option<&DocType> {
        self.types.iter().find(|t| {
            t.abbreviation(system)
                .is_some_and(|a| !a.is_empty() && a == abbr)
                || (system == System::Party && t.party_alt.as_deref() == Some(abbr))
        })
    }

    /// All types, in the order of the table.
    pub fn iter(&self) -> impl Iterator<Item = &DocType> {
        self.types.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_table_has_the_decree_abbreviations() {
        let t = DocTypeTable::builtin();
        assert_eq!(
            t.by_slug("ke-hoach").unwrap().abbreviation(System::State),
            Some("KH")
        );
        assert_eq!(
            t.by_slug("quy-dinh").unwrap().abbreviation(System::State),
            Some("QyĐ")
        );
        assert_eq!(
            t.by_slug("cong-van").unwrap().abbreviation(System::State),
            Some("")
        );
        assert_eq!(
            t.by_slug("cong-van").unwrap().abbreviation(System::Party),
            Some("CV")
        );
        assert_eq!(t.by_name("CHỈ THỊ").unwrap().slug, "chi-thi");
        assert_eq!(
            t.by_abbreviation(System::Party, "QĐ").unwrap().slug,
            "quyet-dinh"
        );
        assert_eq!(
            t.by_abbreviation(System::State, "CTr").unwrap().slug,
            "chuong-trinh"
        );
        // The 28 state types of NĐ 30 Phụ lục III and three văn bản quy phạm pháp luật
        // (Nghị định, Thông tư, Thông tư liên tịch).
        assert_eq!(t.iter().filter(|d| d.state.is_some()).count(), 31);
        assert_eq!(
            t.by_abbreviation(System::State, "TT").unwrap().slug,
            "thong-tu"
        );
        assert_eq!(
            t.by_abbreviation(System::Party, "TT").unwrap().slug,
            "thong-tri"
        );
    }

    #[test]
    fn slugs_are_unique() {
        let t = DocTypeTable::builtin();
        let mut slugs: Vec<_> = t.iter().map(|d| d.slug.as_str()).collect();
        slugs.sort_unstable();
        let n = slugs.len();
        slugs.dedup();
        assert_eq!(n, slugs.len());
    }
}
