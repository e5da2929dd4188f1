//! Chuẩn hóa thể thức (normalise): re-lay out any .docx to NĐ 30 / HD 36 in one action.
//!
//! Import the file as a draft ([`crate::import`]), render the draft with Vanban's layout and
//! write a new .docx; then check the original and the output with the same rules. What the
//! output no longer has is what normalising changed (margins, fonts, header table, numbering,
//! punctuation: one line per rule, with its element and how many places); what the import
//! could not map, and the findings only a person can settle (wording, authority, names, a
//! guessed value), are listed apart, so a reviewer sees what was fixed next to what is left.
//! Beyond the layout, normalising ends the body with "./." and curls straight quotes.

use serde::Serialize;

use crate::check::registry::Severity;
use crate::check::report::{Diagnostic, Report};
use crate::check::{check_docx, registry, CheckError, CheckOptions};
use crate::docx::{write_docx, DocxError};
use crate::draft::{Draft, DraftError};
use crate::import::{import_docx, ImportError, ImportReport};
use crate::model::text;
use crate::template::Templates;

/// A normalised document (văn bản đã chuẩn hóa thể thức).
#[derive(Debug, Clone)]
pub struct Normalized {
    /// The .docx laid out anew.
    pub docx: Vec<u8>,
    /// The draft the document was read into (the user may keep working on it).
    pub draft: Draft,
    /// What changed and what needs a person.
    pub report: NormalizeReport,
}

/// One kind of fault the original had and the output has not (đã sửa): a rule, the element
/// it is about and how many places it was reported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Fixed {
    /// Rule id ("ND30-104").
    pub rule: String,
    /// The element, in Vietnamese ("Trang giấy, lề").
    pub element: String,
    /// The first message the original got, in Vietnamese.
    pub message: String,
    /// Places the rule reported in the original.
    pub count: usize,
}

/// One thing a person must look at (cần người xem): an import entry or a finding of the
/// output.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ForPerson {
    /// Where: "đoạn 12 của bản gốc", a rule id, or empty.
    pub place: String,
    /// What, in Vietnamese.
    pub note: String,
}

/// The report of one normalisation (báo cáo chuẩn hóa).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct NormalizeReport {
    /// Errors of the original, by the rule set that judged it.
    pub errors_before: usize,
    /// Warnings of the original.
    pub warnings_before: usize,
    /// Errors of the output (0 when the import read every element).
    pub errors_after: usize,
    /// Warnings of the output.
    pub warnings_after: usize,
    /// The template the document was drafted in.
    pub template: String,
    /// Faults of the original that the output no longer has.
    pub fixed: Vec<Fixed>,
    /// What needs a person.
    pub for_person: Vec<ForPerson>,
}

/// Why a .docx cannot be normalised (lỗi chuẩn hóa).
#[derive(Debug, thiserror::Error)]
pub enum NormalizeError {
    /// The file cannot be imported.
    #[error("{0}")]
    Import(#[from] ImportError),
    /// The imported draft does not render (a field the template needs is missing).
    #[error("bản thảo nhập từ tệp không xuất được: {0}")]
    Render(#[from] DraftError),
    /// The output cannot be written.
    #[error("không ghi được văn bản đã chuẩn hóa: {0}")]
    Write(#[from] DocxError),
    /// The checker cannot read one of the files.
    #[error("không kiểm tra được: {0}")]
    Check(#[from] CheckError),
}

/// Normalises the .docx `bytes` (named `file` in messages) with `templates` and the checker
/// options `opts`.
pub fn normalize_docx(
    bytes: &[u8],
    file: &str,
    templates: &Templates,
    opts: &CheckOptions,
) -> Result<Normalized, NormalizeError> {
    // Normalising lays a document out by today's rule set whatever its date: the original is
    // judged by that rule set even when its date puts it outside (a 2018 file).
    let probe = check_docx(bytes, file, opts)?;
    let forced = |system| {
        let id = opts
            .ruleset
            .clone()
            .unwrap_or_else(|| probe.ruleset.clone());
        let same_system = registry::ruleset(&id).is_some_and(|set| set.system == system);
        CheckOptions {
            ruleset: same_system.then_some(id),
            ..opts.clone()
        }
    };
    let imported = import_docx(bytes, templates)?;
    let system = imported.draft.system;
    let before = match opts.ruleset {
        Some(_) => probe.clone(),
        None => check_docx(bytes, file, &forced(system))?,
    };
    let draft = laid_out_anew(imported.draft);
    let doc = draft.render(templates)?;
    let docx = write_docx(&doc)?;
    let after = check_docx(&docx, file, &forced(system))?;
    let report = compare(&before, &after, &imported.report);
    Ok(Normalized {
        docx,
        draft,
        report,
    })
}

/// The mechanical fixes normalising makes to the imported draft beyond its layout: the body
/// ends with "./." as the type's form does (the import keeps an original that lacks it), and
/// straight quotes become “curly” ones in every text of the draft.
fn laid_out_anew(mut draft: Draft) -> Draft {
    draft.closing_mark = None;
    let curl = |s: &mut String| *s = text::curly_quotes(s);
    curl(&mut draft.subject);
    draft.addressees.iter_mut().for_each(curl);
    draft.fields.values_mut().for_each(curl);
    draft.recipients.items.iter_mut().for_each(curl);
    draft
}

/// Whether a finding counts: errors and warnings, not notes.
fn counts(d: &Diagnostic) -> bool {
    matches!(d.severity, Severity::Error | Severity::Warning)
}

/// The report from the checks of the original and of the output and the import report.
fn compare(before: &Report, after: &Report, import: &ImportReport) -> NormalizeReport {
    let mut fixed: Vec<Fixed> = Vec::new();
    let still: std::collections::HashSet<&str> = after
        .diagnostics
        .iter()
        .filter(|d| counts(d))
        .map(|d| d.rule.as_str())
        .collect();
    for d in before
        .diagnostics
        .iter()
        .filter(|d| counts(d) && !d.needs_review)
    {
        if still.contains(d.rule.as_str()) {
            continue;
        }
        match fixed.iter_mut().find(|f| f.rule == d.rule) {
            Some(f) => f.count += 1,
            None => fixed.push(Fixed {
                rule: d.rule.clone(),
                element: d.element.label().to_string(),
                message: d.message.clone(),
                count: 1,
            }),
        }
    }
    let mut for_person: Vec<ForPerson> = import
        .entries
        .iter()
        .map(|e| ForPerson {
            place: match e.paragraph {
                Some(p) => format!("đoạn {} của bản gốc", p + 1),
                None => String::new(),
            },
            note: match e.text_start.is_empty() {
                true => format!("{}: {}", e.kind.label(), e.note),
                false => format!("{}: «{}»: {}", e.kind.label(), e.text_start, e.note),
            },
        })
        .collect();
    // What only a person can settle in the original: findings the checker marks for review.
    for d in before.diagnostics.iter().filter(|d| d.needs_review) {
        for_person.push(ForPerson {
            place: d.rule.clone(),
            note: d.message.clone(),
        });
    }
    // And whatever the output still has.
    for d in after.diagnostics.iter().filter(|d| counts(d)) {
        for_person.push(ForPerson {
            place: d.rule.clone(),
            note: format!("còn trong bản chuẩn hóa: {}", d.message),
        });
    }
    NormalizeReport {
        errors_before: before.errors,
        warnings_before: before.warnings,
        errors_after: after.errors,
        warnings_after: after.warnings,
        template: import.template.clone(),
        fixed,
        for_person,
    }
}

impl NormalizeReport {
    /// The report as Vietnamese text.
    pub fn to_text(&self) -> String {
        let mut out = format!(
            "Mẫu: {}\nBản gốc: {} lỗi, {} cảnh báo. Bản chuẩn hóa: {} lỗi, {} cảnh báo.\n",
            self.template,
            self.errors_before,
            self.warnings_before,
            self.errors_after,
            self.warnings_after
        );
        if self.fixed.is_empty() {
            out.push_str("\nĐã sửa: không có lỗi thể thức nào ở bản gốc.\n");
        } else {
            out.push_str("\nĐã sửa:\n");
            for f in &self.fixed {
                let times = if f.count > 1 {
                    format!(" ({} chỗ)", f.count)
                } else {
                    String::new()
                };
                out.push_str(&format!(
                    "  {} [{}] {}{}\n",
                    f.rule, f.element, f.message, times
                ));
            }
        }
        if self.for_person.is_empty() {
            out.push_str("\nCần người xem: không có.\n");
        } else {
            out.push_str("\nCần người xem (lời văn, thẩm quyền, họ tên, giá trị đoán):\n");
            for p in &self.for_person {
                if p.place.is_empty() {
                    out.push_str(&format!("  {}\n", p.note));
                } else {
                    out.push_str(&format!("  {}: {}\n", p.place, p.note));
                }
            }
        }
        out
    }
}
