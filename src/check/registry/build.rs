//! Building the registry (dựng danh mục quy tắc): parsing rule-set files (unknown keys
//! refused), selecting rule definitions, wording them per set, and the typed errors.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Facts, Rule, RuleSet};
use crate::check::rules::{Per, RuleDef};
use crate::layout::{self, HalfPoints, Layout, TextStyle};
use crate::model::System;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct FactsPatch {
    recipients_separator: Option<String>,
    archive_prefix: Option<String>,
    authority_prefixes: Option<Vec<String>>,
    closing_mark: Option<String>,
    number_colon: Option<bool>,
    issuer_mark: Option<String>,
    subject_mark: Option<String>,
}

/// Override of one layout style fact (only the fields given change).
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
struct StylePatch {
    min_pt: Option<u16>,
    max_pt: Option<u16>,
    bold: Option<bool>,
    italic: Option<bool>,
    underline: Option<bool>,
}

/// A rule-set file: facts about the law and a selection of rules, never their text.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleSetFile {
    id: String,
    title: String,
    system: System,
    source: String,
    effective_from: String,
    #[serde(default)]
    effective_to: Option<String>,
    #[serde(default)]
    short: Option<String>,
    #[serde(default)]
    preceded_by: Option<String>,
    #[serde(default)]
    verified: bool,
    #[serde(default)]
    default: bool,
    #[serde(default)]
    extends: Option<String>,
    #[serde(default)]
    prefix: Option<String>,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    facts: Option<FactsPatch>,
    #[serde(default)]
    layout: BTreeMap<String, StylePatch>,
    /// Rules chosen: a check key ("page.size"), a family ("page.*"), "*" or a code ("101").
    #[serde(default)]
    select: Vec<String>,
    /// Rules left out of what `select` (or the base set) chose, in the same forms.
    #[serde(default)]
    ignore: Vec<String>,
}

/// Why the rule registry could not be built (lỗi danh mục quy tắc). Built-in rule sets are
/// checked by tests; an office's own files get these messages.
#[derive(Debug, thiserror::Error)]
pub enum RegistryError {
    /// A rule-set file is not valid TOML or has a key it does not know.
    #[error("tệp bộ quy tắc «{file}» không hợp lệ: {message}")]
    Parse {
        /// The file (its id when known, else its position).
        file: String,
        /// What is wrong, in Vietnamese where the key is named.
        message: String,
    },
    /// Two rules of one rule set have the same id.
    #[error("mã quy tắc «{0}» bị khai báo hai lần")]
    DuplicateId(String),
    /// Two rules have the same check key.
    #[error("khóa kiểm tra «{0}» bị khai báo hai lần")]
    DuplicateCheck(String),
    /// A rule set selects or ignores a rule that does not exist.
    #[error("bộ quy tắc «{set}» nêu quy tắc không tồn tại «{rule}»")]
    UnknownRule {
        /// The rule set.
        set: String,
        /// The name it used.
        rule: String,
    },
    /// A rule set selects by name a rule written for the other system.
    #[error("bộ quy tắc «{set}» chọn quy tắc «{rule}» không viết cho hệ thể thức của bộ")]
    WrongSystem {
        /// The rule set.
        set: String,
        /// The rule's check key.
        rule: String,
    },
    /// A rule set extends one that does not exist (or comes later).
    #[error("bộ quy tắc «{set}» kế thừa bộ không tồn tại «{base}»")]
    UnknownBase {
        /// The rule set.
        set: String,
        /// The base it names.
        base: String,
    },
    /// A selected rule has no wording for the set.
    #[error("quy tắc «{rule}» thiếu «{field}» cho bộ quy tắc «{set}»")]
    MissingText {
        /// The rule set.
        set: String,
        /// The rule's check key.
        rule: String,
        /// The field without text ("title", "clause", ...).
        field: &'static str,
    },
}

/// A TOML error for the user: in Vietnamese, naming the key, when the file has a key it may
/// not have (rule-set and profile files refuse unknown keys); else the parser's message.
pub(crate) fn toml_message(e: &toml::de::Error, source: &str) -> String {
    if let Some(rest) = e.message().strip_prefix("unknown field `") {
        if let Some((key, _)) = rest.split_once('`') {
            let line = e
                .span()
                .and_then(|s| source.get(..s.start))
                .map(|before| format!(" (dòng {})", before.matches('\n').count() + 1))
                .unwrap_or_default();
            return format!(
                "khóa «{key}» không được phép{line}: sai chính tả hoặc không dùng ở đây"
            );
        }
    }
    e.to_string().trim_end().to_string()
}

/// Builds the rule sets of `files` (in order; a set may extend an earlier one) over the rule
/// definitions `defs`, refusing duplicate ids and check keys, unknown keys in a file and
/// selections of rules that do not exist.
pub fn build_rulesets(defs: &[&RuleDef], files: &[&str]) -> Result<Vec<RuleSet>, RegistryError> {
    let mut checks: Vec<&str> = defs.iter().map(|d| d.check).collect();
    checks.sort_unstable();
    if let Some(w) = checks.windows(2).find(|w| w[0] == w[1]) {
        return Err(RegistryError::DuplicateCheck(w[0].to_string()));
    }
    let mut out: Vec<(RuleSet, Vec<String>, Vec<usize>)> = Vec::new();
    for (n, text) in files.iter().enumerate() {
        let f: RuleSetFile = toml::from_str(text).map_err(|e| RegistryError::Parse {
            file: format!("thứ {}", n + 1),
            message: toml_message(&e, text),
        })?;
        let base = match &f.extends {
            Some(id) => Some(out.iter().find(|(s, _, _)| &s.id == id).ok_or_else(|| {
                RegistryError::UnknownBase {
                    set: f.id.clone(),
                    base: id.clone(),
                }
            })?),
            None => None,
        };
        let prefix = f
            .prefix
            .clone()
            .unwrap_or_else(|| f.id.split('-').next().unwrap_or_default().to_string());
        let mut prefixes = vec![prefix.clone()];
        prefixes.extend(base.iter().flat_map(|(_, p, _)| p.iter().cloned()));
        let mut chosen: Vec<usize> = base.map(|(_, _, c)| c.clone()).unwrap_or_default();
        for pat in &f.select {
            for i in select(defs, f.system, &f.id, pat)? {
                if !chosen.contains(&i) {
                    chosen.push(i);
                }
            }
        }
        for pat in &f.ignore {
            let gone = select(defs, f.system, &f.id, pat)?;
            chosen.retain(|i| !gone.contains(i));
        }
        let refs: Vec<&str> = prefixes.iter().map(String::as_str).collect();
        let mut rules = chosen
            .iter()
            .map(|&i| rule_of(defs[i], &prefix, &refs, &f.id))
            .collect::<Result<Vec<Rule>, _>>()?;
        rules.sort_by(|a, b| a.id.cmp(&b.id));
        if let Some(w) = rules.windows(2).find(|w| w[0].id == w[1].id) {
            return Err(RegistryError::DuplicateId(w[0].id.clone()));
        }
        let set = build(f, base.map(|(s, _, _)| s.clone()), rules);
        out.push((set, prefixes, chosen));
    }
    Ok(out.into_iter().map(|(s, _, _)| s).collect())
}

/// The positions in `defs` a selection names: "*", a family "page.*", a check key or a code.
fn select(
    defs: &[&RuleDef],
    system: System,
    set: &str,
    pat: &str,
) -> Result<Vec<usize>, RegistryError> {
    let unknown = || RegistryError::UnknownRule {
        set: set.to_string(),
        rule: pat.to_string(),
    };
    if pat == "*" || pat.ends_with(".*") {
        let family = pat.trim_end_matches('*');
        let found: Vec<usize> = (0..defs.len())
            .filter(|&i| defs[i].check.starts_with(family))
            .collect();
        if found.is_empty() {
            return Err(unknown());
        }
        return Ok(found
            .into_iter()
            .filter(|&i| defs[i].systems.contains(&system))
            .collect());
    }
    let code = pat.rsplit('-').next().unwrap_or(pat);
    let i = (0..defs.len())
        .find(|&i| defs[i].check == pat || defs[i].code == code)
        .ok_or_else(unknown)?;
    if !defs[i].systems.contains(&system) {
        return Err(RegistryError::WrongSystem {
            set: set.to_string(),
            rule: defs[i].check.to_string(),
        });
    }
    Ok(vec![i])
}

/// The rule `def` as the set with these prefixes words it.
fn rule_of(
    def: &RuleDef,
    prefix: &str,
    prefixes: &[&str],
    set: &str,
) -> Result<Rule, RegistryError> {
    let missing = |field| RegistryError::MissingText {
        set: set.to_string(),
        rule: def.check.to_string(),
        field,
    };
    let text = |p: &Per<&str>, field| {
        p.get(prefixes)
            .map(str::to_string)
            .ok_or_else(|| missing(field))
    };
    Ok(Rule {
        id: format!("{prefix}-{}", def.code),
        check: def.check.to_string(),
        title: text(&def.title, "title")?,
        element: def.element,
        clause: text(&def.clause, "clause")?,
        evidence: def
            .evidence
            .get(prefixes)
            .ok_or_else(|| missing("evidence"))?,
        severity: def
            .severity
            .get(prefixes)
            .ok_or_else(|| missing("severity"))?,
        doc: text(&def.doc, "doc")?,
        wrong: text(&def.wrong, "wrong")?,
        right: text(&def.right, "right")?,
        fix: def.fix,
    })
}

fn build(f: RuleSetFile, base: Option<RuleSet>, rules: Vec<Rule>) -> RuleSet {
    let mut facts = base
        .as_ref()
        .map_or_else(|| default_facts(f.system), |b| b.facts.clone());
    if let Some(p) = f.facts {
        if let Some(v) = p.recipients_separator {
            facts.recipients_separator = v;
        }
        if let Some(v) = p.archive_prefix {
            facts.archive_prefix = v;
        }
        if let Some(v) = p.authority_prefixes {
            facts.authority_prefixes = v;
        }
        if let Some(v) = p.closing_mark {
            facts.closing_mark = v;
        }
        if let Some(v) = p.number_colon {
            facts.number_colon = v;
        }
        if let Some(v) = p.issuer_mark {
            facts.issuer_mark = v;
        }
        if let Some(v) = p.subject_mark {
            facts.subject_mark = v;
        }
    }
    let mut lay = base
        .as_ref()
        .map_or_else(|| layout::layout(f.system).clone(), |b| b.layout.clone());
    for (name, patch) in &f.layout {
        if let Some(style) = style_mut(&mut lay, name) {
            apply_patch(style, patch);
        }
    }
    let short = f.short.unwrap_or_else(|| f.id.clone());
    RuleSet {
        id: f.id,
        title: f.title,
        system: f.system,
        source: f.source,
        effective_from: f.effective_from,
        effective_to: f.effective_to,
        short,
        preceded_by: f.preceded_by,
        verified: f.verified,
        default: f.default,
        note: f.note,
        extends: f.extends,
        facts,
        layout: lay,
        rules,
    }
}

fn default_facts(system: System) -> Facts {
    let strs = |v: &[&str]| v.iter().map(|s| (*s).to_string()).collect();
    match system {
        System::State => Facts {
            recipients_separator: ";".into(),
            archive_prefix: "Lưu:".into(),
            authority_prefixes: strs(&["TM.", "KT.", "TL.", "TUQ.", "Q."]),
            closing_mark: "./.".into(),
            number_colon: true,
            issuer_mark: "line".into(),
            subject_mark: "line".into(),
        },
        System::Party => Facts {
            recipients_separator: ",".into(),
            archive_prefix: "Lưu".into(),
            authority_prefixes: strs(&["T/M", "K/T", "T/L", "Q."]),
            closing_mark: "./.".into(),
            number_colon: false,
            issuer_mark: "star".into(),
            subject_mark: "dashes".into(),
        },
    }
}

pub(super) fn style_mut<'a>(l: &'a mut Layout, name: &str) -> Option<&'a mut TextStyle> {
    Some(match name {
        "national_title" => &mut l.national_title,
        "motto" => &mut l.motto,
        "superior_body" => &mut l.superior_body,
        "issuing_body" => &mut l.issuing_body,
        "number" => &mut l.number,
        "place_date" => &mut l.place_date,
        "doc_type_name" => &mut l.doc_type_name,
        "subject" => &mut l.subject,
        "body" => &mut l.body,
        "signer_authority" => &mut l.signer_authority,
        "signer_position" => &mut l.signer_position,
        "signer_name" => &mut l.signer_name,
        "recipients_heading" => &mut l.recipients_heading,
        "recipients_item" => &mut l.recipients_item,
        "page_number" => &mut l.page_number,
        _ => return None,
    })
}

fn apply_patch(s: &mut TextStyle, p: &StylePatch) {
    if let Some(v) = p.min_pt {
        s.size.min = HalfPoints::pt(v);
    }
    if let Some(v) = p.max_pt {
        s.size.max = HalfPoints::pt(v);
    }
    if !s.size.contains(s.size.preferred) {
        s.size.preferred = s.size.min;
    }
    if let Some(v) = p.bold {
        s.bold = v;
    }
    if let Some(v) = p.italic {
        s.italic = v;
    }
    if let Some(v) = p.underline {
        s.underline = v;
    }
}
