//! Office profiles (hồ sơ cơ quan): a TOML file that chooses rule-set versions and tightens
//! rules. A profile may raise a warning to an error or turn off a secondary [2] / inferred [I]
//! rule; it may never lower or turn off a rule the law states ([S] or [D]).
//!
//! ```toml
//! name = "Văn phòng Tỉnh ủy"
//! party_ruleset = "HD05-2026"   # opt in to the reported successor of HD 36
//! [rules]
//! "HD36-306" = "off"            # this office writes "QĐ" for quy định
//! "HD36-413" = "error"          # tighten: the "-----" under the trích yếu is required here
//! ```

use std::collections::BTreeMap;

use serde::Deserialize;

use super::registry::{self, Severity};

/// What a profile sets for one rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Report as an error.
    Error,
    /// Report as a warning.
    Warning,
    /// Do not run.
    Off,
}

/// An office profile.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// Name of the office.
    #[serde(default)]
    pub name: Option<String>,
    /// Rule set for state documents (default ND30-2020).
    #[serde(default)]
    pub state_ruleset: Option<String>,
    /// Rule set for Party documents (default HD36-2018).
    #[serde(default)]
    pub party_ruleset: Option<String>,
    /// Level per rule id.
    #[serde(default)]
    pub rules: BTreeMap<String, Level>,
}

/// Why a profile is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProfileError {
    /// Not valid TOML or unknown keys.
    #[error("hồ sơ không hợp lệ: {0}")]
    Syntax(String),
    /// Names a rule that does not exist.
    #[error("hồ sơ nhắc đến quy tắc không tồn tại: {0}")]
    UnknownRule(String),
    /// Names a rule set that does not exist or belongs to the other system.
    #[error("hồ sơ nhắc đến bộ quy tắc không phù hợp: {0}")]
    UnknownRuleset(String),
    /// Tries to loosen a rule that the law states.
    #[error("hồ sơ không được nới lỏng quy tắc {rule}: quy tắc này do văn bản gốc quy định ({evidence}), chỉ có thể giữ mức lỗi")]
    Loosen {
        /// Rule id.
        rule: String,
        /// Evidence label.
        evidence: &'static str,
    },
}

impl Profile {
    /// Parses and validates a profile.
    pub fn from_toml(source: &str) -> Result<Self, ProfileError> {
        let source = crate::model::text::source_text(source);
        let p: Profile = toml::from_str(&source)
            .map_err(|e| ProfileError::Syntax(registry::toml_message(&e, &source)))?;
        p.validate()?;
        Ok(p)
    }

    /// Refuses unknown rules and rule sets, and any loosening of an [S]/[D] rule.
    pub fn validate(&self) -> Result<(), ProfileError> {
        for (id, sys) in [
            (&self.state_ruleset, crate::model::System::State),
            (&self.party_ruleset, crate::model::System::Party),
        ] {
            if let Some(id) = id {
                match registry::ruleset(id) {
                    Some(s) if s.system == sys => {}
                    _ => return Err(ProfileError::UnknownRuleset(id.clone())),
                }
            }
        }
        for (id, level) in &self.rules {
            let (_, rule) =
                registry::find_rule(id).ok_or_else(|| ProfileError::UnknownRule(id.clone()))?;
            let loosens = match level {
                Level::Off => true,
                Level::Warning => rule.severity == Severity::Error,
                Level::Error => false,
            };
            if loosens && rule.evidence.is_law() {
                return Err(ProfileError::Loosen {
                    rule: rule.id.clone(),
                    evidence: rule.evidence.tag(),
                });
            }
        }
        Ok(())
    }

    /// The level a profile sets for `rule`, if any.
    pub fn level(&self, rule: &str) -> Option<Level> {
        self.rules
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(rule))
            .map(|(_, v)| *v)
    }
}
