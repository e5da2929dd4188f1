//! What a rule is (định nghĩa quy tắc): the data each rule file declares once, next to its
//! check function. Rule sets only select rules and tune parameters.

use super::CheckFn;
use crate::check::registry::{Evidence, FixSafety, Severity};
use crate::check::view::Element;
use crate::model::System;

/// A value that may differ between rule sets (theo bộ quy tắc): the same in all of them, or
/// keyed by rule-set prefix ("ND30", "HD36", "HD05"; "*" for every other set).
#[derive(Debug, Clone, Copy)]
pub enum Per<T: 'static> {
    /// The same in every rule set.
    Same(T),
    /// Keyed by rule-set prefix; a set that extends another falls back to its base's entry,
    /// then to "*".
    By(&'static [(&'static str, T)]),
}

impl<T: Copy> Per<T> {
    /// The value for a rule set, looked up by its prefixes, most specific first
    /// (["HD05", "HD36"] for HD05-2026).
    pub fn get(&self, prefixes: &[&str]) -> Option<T> {
        match self {
            Per::Same(v) => Some(*v),
            Per::By(entries) => prefixes
                .iter()
                .chain(std::iter::once(&"*"))
                .find_map(|p| entries.iter().find(|(k, _)| k == p).map(|(_, v)| *v)),
        }
    }
}

/// One rule (quy tắc), declared once in its rule file: the check that implements it and
/// every text shown about it. Its id in a rule set is the set's prefix and its code
/// ("ND30-101", "HD36-101").
#[derive(Debug, Clone, Copy)]
pub struct RuleDef {
    /// Number shared by every rule set ("101").
    pub code: &'static str,
    /// Stable check key ("page.size"); rule sets select rules by it or by its family
    /// ("page.*").
    pub check: &'static str,
    /// The check function.
    pub run: CheckFn,
    /// The element it concerns (thành phần thể thức).
    pub element: Element,
    /// The systems it is written for (hệ thể thức): a family pattern selects it only there.
    pub systems: &'static [System],
    /// How safe its fix is (mức an toàn của sửa tự động).
    pub fix: FixSafety,
    /// Short title in Vietnamese (tên quy tắc).
    pub title: Per<&'static str>,
    /// The clause cited (điều khoản), e.g. "NĐ 30/2020/NĐ-CP, Phụ lục I, mục II.3".
    pub clause: Per<&'static str>,
    /// Evidence label from the spec (mức chứng cứ).
    pub evidence: Per<Evidence>,
    /// Default severity (mức độ).
    pub severity: Per<Severity>,
    /// What the rule asks, in a sentence or two (Vietnamese).
    pub doc: Per<&'static str>,
    /// A wrong example (ví dụ sai).
    pub wrong: Per<&'static str>,
    /// The right version of the same example (ví dụ đúng).
    pub right: Per<&'static str>,
}
