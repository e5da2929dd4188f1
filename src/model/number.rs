//! Số và ký hiệu văn bản: "Số: 03/CT-UBND" (state), "Số 415-KH/BDVTU" (Party).

use serde::{Deserialize, Serialize};

use super::{Issuer, System};
use crate::layout::DocType;

/// The number of a document and the extra parts of its symbol.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ReferenceNumber {
    /// Số: blank in a draft (the văn thư fills it when the document is issued).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<u32>,
    /// Đơn vị soạn thảo or lĩnh vực for a state công văn ("VP" in "Số: 123/UBND-VP").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Năm ban hành printed between the number and the symbol, as a văn bản quy phạm pháp
    /// luật carries it ("Số: 11/2018/QĐ-UBND", Luật Ban hành văn bản quy phạm pháp luật);
    /// `None` for an administrative document (NĐ 30: "Số: 03/QĐ-UBND"). State only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
}

/// What stands for a blank number: room to write it by hand.
pub const BLANK_NUMBER: &str = "\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}";

impl ReferenceNumber {
    /// The number as printed: below 10 with a leading zero (Phụ lục I, mục II.3), blank if unset.
    pub fn number_text(&self) -> String {
        self.number
            .map_or_else(|| BLANK_NUMBER.to_string(), |n| format!("{n:02}"))
    }

    /// The symbol (ký hiệu) without "Số" and the number: "CT-UBND", "KH/BDVTU-BCSĐUBND".
    pub fn symbol(&self, system: System, doc_type: &DocType, issuers: &[Issuer]) -> String {
        let bodies: Vec<&str> = issuers.iter().map(|i| i.abbr.trim()).collect();
        let bodies = bodies.join("-");
        let type_abbr = doc_type.abbreviation(system).unwrap_or_default();
        match system {
            System::State => {
                // Công văn: agency then drafting unit or field, no type abbreviation.
                if type_abbr.is_empty() {
                    match self
                        .unit
                        .as_deref()
                        .map(str::trim)
                        .filter(|u| !u.is_empty())
                    {
                        Some(unit) => format!("{bodies}-{unit}"),
                        None => bodies,
                    }
                } else {
                    format!("{type_abbr}-{bodies}")
                }
            }
            System::Party => format!("{type_abbr}/{bodies}"),
        }
    }

    /// Number and symbol without "Số": "03/CT-UBND", "11/2018/QĐ-UBND" (with its year),
    /// "415-KH/BDVTU-BCSĐUBND"; a blank number stays blank.
    pub fn number_and_symbol(
        &self,
        system: System,
        doc_type: &DocType,
        issuers: &[Issuer],
    ) -> String {
        let symbol = self.symbol(system, doc_type, issuers);
        let number = self.number_text();
        match (system, self.year) {
            (System::State, Some(year)) => format!("{number}/{year}/{symbol}"),
            (System::State, None) => format!("{number}/{symbol}"),
            (System::Party, _) => format!("{number}-{symbol}"),
        }
    }

    /// The whole line: "Số: 03/CT-UBND", "Số:       /KH-VP", "Số: 11/2018/QĐ-UBND",
    /// "Số 415-KH/BDVTU-BCSĐUBND".
    pub fn render(&self, system: System, doc_type: &DocType, issuers: &[Issuer]) -> String {
        let both = self.number_and_symbol(system, doc_type, issuers);
        match system {
            System::State => format!("Số: {both}"),
            System::Party => format!("Số {both}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::DocTypeTable;

    fn issuer(abbr: &str) -> Issuer {
        Issuer {
            abbr: abbr.into(),
            name: "X".into(),
            ..Issuer::default()
        }
    }

    fn ty(slug: &str) -> DocType {
        DocTypeTable::builtin().by_slug(slug).unwrap().clone()
    }

    #[test]
    fn state_number_with_leading_zero() {
        let n = ReferenceNumber {
            number: Some(3),
            unit: None,
            year: None,
        };
        assert_eq!(
            n.render(System::State, &ty("chi-thi"), &[issuer("UBND")]),
            "Số: 03/CT-UBND"
        );
        let n = ReferenceNumber {
            number: Some(123),
            unit: None,
            year: None,
        };
        assert_eq!(
            n.render(System::State, &ty("ke-hoach"), &[issuer("UBND")]),
            "Số: 123/KH-UBND"
        );
    }

    #[test]
    fn blank_number_in_a_draft() {
        let n = ReferenceNumber::default();
        assert_eq!(
            n.render(System::State, &ty("ke-hoach"), &[issuer("VP")]),
            format!("Số: {BLANK_NUMBER}/KH-VP")
        );
        assert_eq!(
            n.render(System::Party, &ty("ke-hoach"), &[issuer("BDVTU")]),
            format!("Số {BLANK_NUMBER}-KH/BDVTU")
        );
    }

    #[test]
    fn party_number_has_no_colon() {
        let n = ReferenceNumber {
            number: Some(415),
            unit: None,
            year: None,
        };
        assert_eq!(
            n.render(System::Party, &ty("ke-hoach"), &[issuer("BDVTU")]),
            "Số 415-KH/BDVTU"
        );
        let n = ReferenceNumber {
            number: Some(5),
            unit: None,
            year: None,
        };
        assert_eq!(
            n.render(System::Party, &ty("quy-che"), &[issuer("TU")]),
            "Số 05-QC/TU"
        );
    }

    #[test]
    fn joint_numbers_join_the_bodies_lead_first() {
        let n = ReferenceNumber {
            number: Some(415),
            unit: None,
            year: None,
        };
        let bodies = [issuer("BDVTU"), issuer("BCSĐUBND")];
        assert_eq!(
            n.render(System::Party, &ty("ke-hoach"), &bodies),
            "Số 415-KH/BDVTU-BCSĐUBND"
        );
        let bodies = [issuer("UBND"), issuer("BDVHU")];
        let n = ReferenceNumber {
            number: Some(1),
            unit: None,
            year: None,
        };
        assert_eq!(
            n.render(System::State, &ty("ke-hoach"), &bodies),
            "Số: 01/KH-UBND-BDVHU"
        );
    }

    #[test]
    fn state_cong_van_has_no_type_abbreviation() {
        let n = ReferenceNumber {
            number: Some(12),
            unit: Some("VX".into()),
            year: None,
        };
        assert_eq!(
            n.render(System::State, &ty("cong-van"), &[issuer("UBND")]),
            "Số: 12/UBND-VX"
        );
        let n = ReferenceNumber {
            number: Some(357),
            unit: None,
            year: None,
        };
        assert_eq!(
            n.render(System::Party, &ty("cong-van"), &[issuer("BTCTU")]),
            "Số 357-CV/BTCTU"
        );
    }
}
