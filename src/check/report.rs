//! The report (kết quả kiểm tra): diagnostics, per-rule and per-element status, coverage.
//! Its JSON form is stable and documented in `docs/check-json.md`.

use serde::Serialize;

use super::fix::Fix;
use super::registry::{Evidence, Severity};
use super::scope::Scope;
use super::view::{Detected, Element};

/// Where a diagnostic points.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Location {
    /// Global paragraph index in the .docx (from 0).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<usize>,
    /// Page, when known (1 for the header elements).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// Draft field (`number`, `signers[0].name` ...), for drafts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

/// One finding, ready for people and tools.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    /// Rule id ("ND30-303").
    pub rule: String,
    /// Severity after the profile.
    pub severity: Severity,
    /// The element concerned.
    pub element: Element,
    /// Message in Vietnamese.
    pub message: String,
    /// Whether a person must decide (`true`) rather than a plain failure.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub needs_review: bool,
    /// Proposed fix.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
    /// Where.
    pub location: Location,
    /// The clause the rule implements.
    pub clause: String,
    /// Evidence label of the rule.
    pub evidence: Evidence,
}

/// Status of a rule or an element on this document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Checked and passed.
    Passed,
    /// Checked and failed.
    Failed,
    /// A person must decide.
    NeedsReview,
    /// Could not be checked; never counted as passed.
    NotEvaluated,
    /// Does not apply to this document (counted as evaluated).
    NotApplicable,
    /// Failed, but every finding is ignored for this document.
    Ignored,
}

impl Status {
    /// Vietnamese label.
    pub fn label(self) -> &'static str {
        match self {
            Status::Passed => "đạt",
            Status::Failed => "không đạt",
            Status::NeedsReview => "cần người kiểm tra",
            Status::NotEvaluated => "chưa đánh giá",
            Status::NotApplicable => "không áp dụng",
            Status::Ignored => "đã bỏ qua",
        }
    }
}

/// The result of one rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleResult {
    /// Rule id.
    pub rule: String,
    /// Element.
    pub element: Element,
    /// Status.
    pub status: Status,
    /// Why it was not evaluated, or what needs review.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// The result of one element.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ElementResult {
    /// Element.
    pub element: Element,
    /// Worst status among its rules (failed > needs review > passed); not evaluated only when
    /// none of its rules could be evaluated.
    pub status: Status,
    /// How many of its rules were not evaluated.
    pub not_evaluated: usize,
}

/// Coverage: how many rules were evaluated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Coverage {
    /// Rules evaluated (passed, failed, needs review, not applicable, ignored).
    pub evaluated: usize,
    /// Rules in force (the rule set minus those a profile turned off).
    pub total: usize,
    /// Rules a profile turned off.
    pub disabled: Vec<String>,
}

/// A diagnostic that an ignore entry silenced.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ignored {
    /// The diagnostic.
    #[serde(flatten)]
    pub diagnostic: Diagnostic,
    /// The reason recorded for ignoring it.
    pub reason: String,
}

/// The whole report on one document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// File checked.
    pub file: String,
    /// System as detected.
    pub system: Detected,
    /// Rule set applied ("ND30-2020").
    pub ruleset: String,
    /// Diagnostics, in document order.
    pub diagnostics: Vec<Diagnostic>,
    /// Diagnostics ignored for this document.
    pub ignored: Vec<Ignored>,
    /// Per-rule status.
    pub rules: Vec<RuleResult>,
    /// Per-element status.
    pub elements: Vec<ElementResult>,
    /// Coverage.
    pub coverage: Coverage,
    /// Number of errors.
    pub errors: usize,
    /// Number of warnings.
    pub warnings: usize,
    /// The file is protected: it is checked, never changed.
    pub protected: bool,
    /// The file is digitally signed: it is checked, never changed.
    pub signed: bool,
    /// Whether the rule set applies (phạm vi): outside it, no rule was evaluated.
    pub scope: Scope,
}

impl Report {
    /// Whether any error remains.
    pub fn has_errors(&self) -> bool {
        self.errors > 0
    }

    /// Ids of the rules that fired (failed or needs review), without duplicates.
    pub fn fired(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = self.diagnostics.iter().map(|d| d.rule.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// The coverage line: "41/47 quy tắc đã được đánh giá".
    pub fn coverage_line(&self) -> String {
        format!(
            "Đã đánh giá {} trên {} quy tắc",
            self.coverage.evaluated, self.coverage.total
        )
    }

    /// The report as text for people.
    pub fn to_text(&self) -> String {
        use std::fmt::Write;
        let mut s = String::new();
        let system = match self.system {
            Detected::State => "văn bản hành chính",
            Detected::Party => "văn bản của Đảng",
            Detected::Joint => "văn bản liên tịch",
            Detected::Unknown => "không xác định (áp dụng NĐ 30)",
        };
        let _ = writeln!(s, "Tệp: {}", self.file);
        let _ = writeln!(s, "Hệ thể thức: {system}; bộ quy tắc {}", self.ruleset);
        if self.protected || self.signed {
            let _ = writeln!(s, "Tệp đã ký số hoặc được bảo vệ: chỉ kiểm tra, không sửa.");
        }
        if !self.scope.is_in_scope() {
            let _ = writeln!(s, "Phạm vi: ngoài phạm vi bộ quy tắc {}.", self.ruleset);
            if let Some(r) = &self.scope.reason {
                let _ = writeln!(s, "{r}");
            }
            let _ = writeln!(s, "Không kiểm tra thể thức: 0 lỗi, 0 cảnh báo.");
            return s;
        }
        if let Some(r) = &self.scope.reason {
            let _ = writeln!(s, "Phạm vi: {r}");
        }
        let _ = writeln!(s);
        for d in &self.diagnostics {
            let sev = if d.needs_review {
                "xem lại"
            } else {
                d.severity.label()
            };
            let mut at = String::new();
            if let Some(p) = d.location.paragraph {
                let _ = write!(at, " đoạn {}", p + 1);
            }
            if let Some(f) = &d.location.field {
                let _ = write!(at, " trường {f}");
            }
            let _ = writeln!(
                s,
                "{sev:<9} {} [{}]{at}: {}",
                d.rule,
                d.element.label(),
                d.message
            );
            if let Some(f) = &d.fix {
                let how = match f.safety {
                    super::registry::FixSafety::Safe => "sửa tự động được",
                    super::registry::FixSafety::Guarded => "sửa sau khi xem trước",
                    super::registry::FixSafety::Suggest => "gợi ý",
                    super::registry::FixSafety::None => "",
                };
                let _ = writeln!(s, "          → {how}: {}", f.title);
                if f.safety == super::registry::FixSafety::Guarded {
                    if let (Some(b), Some(a)) = (&f.before, &f.after) {
                        let _ = writeln!(s, "            trước: {b}");
                        let _ = writeln!(s, "            sau:   {a}");
                    }
                }
            }
        }
        for ig in &self.ignored {
            let _ = writeln!(
                s,
                "bỏ qua    {}: {} (lý do: {})",
                ig.diagnostic.rule, ig.diagnostic.message, ig.reason
            );
        }
        let _ = writeln!(s);
        let _ = writeln!(s, "Thành phần:");
        for e in &self.elements {
            let extra = if e.not_evaluated > 0 && e.status != Status::NotEvaluated {
                format!(" ({} quy tắc chưa đánh giá)", e.not_evaluated)
            } else {
                String::new()
            };
            let _ = writeln!(s, "  {:<28} {}{extra}", e.element.label(), e.status.label());
        }
        let _ = writeln!(s);
        let missing: Vec<String> = self
            .rules
            .iter()
            .filter(|r| r.status == Status::NotEvaluated)
            .map(|r| format!("{} ({})", r.rule, r.reason.as_deref().unwrap_or("")))
            .collect();
        let _ = writeln!(s, "{}.", self.coverage_line());
        if !missing.is_empty() {
            let _ = writeln!(s, "Chưa đánh giá: {}", missing.join("; "));
        }
        let _ = writeln!(
            s,
            "Kết quả: {} lỗi, {} cảnh báo.",
            self.errors, self.warnings
        );
        s
    }
}
