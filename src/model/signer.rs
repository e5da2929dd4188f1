//! Quyền hạn, chức vụ, họ tên người ký (Ô 7a, 7b).

use serde::{Deserialize, Serialize};

use super::{text, System};

/// Quyền hạn ký: on whose behalf the signer signs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Authority {
    /// Thay mặt tập thể: "TM." (state), "T/M" (Party).
    Tm,
    /// Ký thay người đứng đầu: "KT." (state), "K/T" (Party).
    Kt,
    /// Thừa lệnh: "TL." (state), "T/L" (Party).
    Tl,
    /// Thừa ủy quyền: "TUQ." (state only).
    Tuq,
    /// Quyền (acting head): "Q." before the position itself.
    Q,
}

impl Authority {
    /// The prefix as printed in `system`.
    pub fn prefix(self, system: System) -> &'static str {
        match (self, system) {
            (Authority::Tm, System::State) => "TM.",
            (Authority::Tm, System::Party) => "T/M",
            (Authority::Kt, System::State) => "KT.",
            (Authority::Kt, System::Party) => "K/T",
            (Authority::Tl, System::State) => "TL.",
            (Authority::Tl, System::Party) => "T/L",
            (Authority::Tuq, _) => "TUQ.",
            (Authority::Q, _) => "Q.",
        }
    }

    /// Reads an authority mark as the library stores it ("TM.", "T/M", "kt.", "TUQ."), in
    /// either system's form; `None` for no mark or one not in NĐ 30 / HD 36.
    pub fn from_mark(mark: &str) -> Option<Self> {
        let m: String = mark
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_uppercase();
        [Self::Tm, Self::Kt, Self::Tl, Self::Tuq, Self::Q]
            .into_iter()
            .find(|a| a.prefix(System::State) == m || a.prefix(System::Party) == m)
    }
}

/// A further line of a stacked signing authority (quyền hạn ký xếp chồng), printed under the
/// first: the "KT. CHỦ TỊCH" of "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", or the
/// "KT. CHÁNH VĂN PHÒNG" of "TL. CHỦ TỊCH / KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AuthorityLine {
    /// The mark (KT., TL., TUQ., Q., TM.).
    pub authority: Authority,
    /// Whom it is for: "CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "VỤ TRƯỞNG VỤ PHÁP CHẾ".
    pub on_behalf: String,
}

/// One signature block (khối chữ ký).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Signer {
    /// Quyền hạn ký (TM., KT., TL., TUQ., Q.); none when the head signs in their own name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authority: Option<Authority>,
    /// What follows the authority: the collective for TM. ("ỦY BAN NHÂN DÂN"), the head for
    /// KT./TL./TUQ. ("CHỦ TỊCH"); or a body name printed alone above the position
    /// ("BAN DÂN VẬN HUYỆN ỦY") when there is no authority.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_behalf: Option<String>,
    /// Further authority lines stacked under the first, outermost first (most state
    /// documents signed by a deputy: "TM. ỦY BAN NHÂN DÂN" then "KT. CHỦ TỊCH").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stacked: Vec<AuthorityLine>,
    /// Chức vụ người ký, e.g. "CHỦ TỊCH", "PHÓ BÍ THƯ THƯỜNG TRỰC".
    pub position: String,
    /// Họ và tên, e.g. "Nguyễn Thị Cát Tiên" (no học hàm, học vị).
    pub name: String,
}

impl Signer {
    /// The upper lines of the block, as printed, with whether each is the authority line
    /// (Ô 7a) or the position line: e.g. `[("TM. ỦY BAN NHÂN DÂN", true), ("CHỦ TỊCH", false)]`.
    ///
    /// Stacked lines ([`Signer::stacked`]) come between the first authority line and the
    /// position, each an authority line: `["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ
    /// TỊCH"]`.
    pub fn title_lines(&self, system: System) -> Vec<(String, bool)> {
        let position = text::upper(self.position.trim());
        let on_behalf = self
            .on_behalf
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty());
        let stacked = self
            .stacked
            .iter()
            .filter(|l| !l.on_behalf.trim().is_empty())
            .map(|l| {
                (
                    format!(
                        "{} {}",
                        l.authority.prefix(system),
                        text::upper(l.on_behalf.trim())
                    ),
                    true,
                )
            });
        let mut lines: Vec<(String, bool)> = match (self.authority, on_behalf) {
            (Some(Authority::Q), _) => return vec![(format!("Q. {position}"), true)],
            (Some(a), Some(who)) => {
                vec![(format!("{} {}", a.prefix(system), text::upper(who)), true)]
            }
            (Some(a), None) => return vec![(format!("{} {position}", a.prefix(system)), true)],
            (None, Some(who)) => vec![(text::upper(who), true)],
            (None, None) => return vec![(position, true)],
        };
        lines.extend(stacked);
        lines.push((position, false));
        lines
    }

    /// Every authority mark of the block, first line first (TM. then KT. …).
    pub fn authorities(&self) -> Vec<Authority> {
        self.authority
            .into_iter()
            .chain(self.stacked.iter().map(|l| l.authority))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authority_marks_of_both_systems() {
        assert_eq!(Authority::from_mark("TM."), Some(Authority::Tm));
        assert_eq!(Authority::from_mark(" t/m "), Some(Authority::Tm));
        assert_eq!(Authority::from_mark("K/T"), Some(Authority::Kt));
        assert_eq!(Authority::from_mark("TUQ."), Some(Authority::Tuq));
        assert_eq!(Authority::from_mark("Q."), Some(Authority::Q));
        assert_eq!(Authority::from_mark(""), None);
        assert_eq!(Authority::from_mark("KÝ"), None);
    }

    #[test]
    fn state_and_party_prefixes() {
        let s = Signer {
            authority: Some(Authority::Tm),
            on_behalf: Some("Ủy ban nhân dân".into()),
            stacked: Vec::new(),
            position: "Chủ tịch".into(),
            name: "A".into(),
        };
        assert_eq!(
            s.title_lines(System::State),
            vec![
                ("TM. ỦY BAN NHÂN DÂN".to_string(), true),
                ("CHỦ TỊCH".to_string(), false)
            ]
        );
        assert_eq!(s.title_lines(System::Party)[0].0, "T/M ỦY BAN NHÂN DÂN");
    }

    #[test]
    fn stacked_authority_lines_come_between_the_first_and_the_position() {
        let s = Signer {
            authority: Some(Authority::Tm),
            on_behalf: Some("Ủy ban nhân dân".into()),
            stacked: vec![AuthorityLine {
                authority: Authority::Kt,
                on_behalf: "Chủ tịch".into(),
            }],
            position: "Phó Chủ tịch".into(),
            name: "A".into(),
        };
        assert_eq!(
            s.title_lines(System::State),
            vec![
                ("TM. ỦY BAN NHÂN DÂN".to_string(), true),
                ("KT. CHỦ TỊCH".to_string(), true),
                ("PHÓ CHỦ TỊCH".to_string(), false)
            ]
        );
        let office = Signer {
            authority: Some(Authority::Tl),
            on_behalf: Some("CHỦ TỊCH".into()),
            stacked: vec![AuthorityLine {
                authority: Authority::Kt,
                on_behalf: "CHÁNH VĂN PHÒNG".into(),
            }],
            position: "PHÓ CHÁNH VĂN PHÒNG".into(),
            name: "B".into(),
        };
        let lines: Vec<String> = office
            .title_lines(System::State)
            .into_iter()
            .map(|l| l.0)
            .collect();
        assert_eq!(
            lines,
            ["TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"]
        );
        assert_eq!(office.authorities(), vec![Authority::Tl, Authority::Kt]);
        assert_eq!(
            office.title_lines(System::Party)[1].0,
            "K/T CHÁNH VĂN PHÒNG"
        );
    }

    #[test]
    fn acting_head_and_plain_position() {
        let q = Signer {
            authority: Some(Authority::Q),
            position: "Chánh Văn phòng".into(),
            ..Default::default()
        };
        assert_eq!(
            q.title_lines(System::State),
            vec![("Q. CHÁNH VĂN PHÒNG".to_string(), true)]
        );
        let plain = Signer {
            position: "CHÁNH VĂN PHÒNG".into(),
            ..Default::default()
        };
        assert_eq!(
            plain.title_lines(System::State),
            vec![("CHÁNH VĂN PHÒNG".to_string(), true)]
        );
    }
}
