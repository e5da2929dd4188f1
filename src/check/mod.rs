//! Format checker (kiểm tra thể thức): one rule set, two front ends.
//!
//! A .docx is read by [`crate::reader`], turned into a neutral [`view::View`] and its
//! elements are recognised ([`recognize`]); a draft's [`crate::model::Document`] becomes the
//! same view directly ([`draft`]), its elements known. The rules of the versioned rule sets
//! ([`registry`]) then run over the view ([`rules`]) and produce a [`report::Report`] with
//! per-rule and per-element status and a coverage line. Safe fixes become edits of the
//! .docx ([`fix`]); profiles tighten rules ([`profile`]); single occurrences are ignored per
//! document ([`ignore`]). Before the rules run on a .docx, [`scope`] decides whether the rule
//! set applies to it at all.

pub mod batch;
pub mod batch_report;
pub mod docx;
pub mod draft;
pub mod fix;
pub mod ignore;
pub mod layout_engine;
pub(crate) mod normative;
pub mod profile;
pub mod recognize;
pub mod registry;
pub mod report;
pub mod rules;
pub mod rules_doc;
pub mod scope;
pub mod stale;
pub mod view;

use fix::{Edit, Fix};
use registry::{FixSafety, RuleSet, Severity};
use report::{Coverage, Diagnostic, ElementResult, Ignored, Location, Report, RuleResult, Status};
use rules::{Ctx, Outcome};
use scope::Scope;
use view::{Element, View};

use crate::model::{Document, System};

pub use docx::{apply_fixes, check_docx, FixError};

/// Options of one check.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// Office profile.
    pub profile: Option<profile::Profile>,
    /// A rule set chosen explicitly (e.g. "HD05-2026"); must match the document's system.
    pub ruleset: Option<String>,
    /// The page layout engine (máy dàn trang) for layout-level checks, e.g.
    /// [`crate::host::Soffice`] (slow: about a second); `None` leaves them not evaluated.
    pub layout_engine: Option<std::sync::Arc<dyn layout_engine::PageLayoutEngine>>,
    /// Occurrences ignored for this document.
    pub ignores: Vec<ignore::Ignore>,
}

/// Why a check could not start.
#[derive(Debug, thiserror::Error)]
pub enum CheckError {
    /// The .docx could not be read.
    #[error(transparent)]
    Read(#[from] crate::reader::ReadError),
    /// The rule set named does not exist or belongs to the other system.
    #[error("bộ quy tắc «{0}» không tồn tại hoặc không dùng cho hệ thể thức của văn bản")]
    Ruleset(String),
}

/// The rule set that judges a document of `system` under `opts`.
pub fn ruleset_for(system: System, opts: &CheckOptions) -> Result<&'static RuleSet, CheckError> {
    let chosen = opts.ruleset.clone().or_else(|| {
        opts.profile.as_ref().and_then(|p| match system {
            System::State => p.state_ruleset.clone(),
            System::Party => p.party_ruleset.clone(),
        })
    });
    match chosen {
        Some(id) => registry::ruleset(&id)
            .filter(|s| s.system == system)
            .ok_or(CheckError::Ruleset(id)),
        None => Ok(registry::default_ruleset(system)),
    }
}

/// Checks a draft's document: elements are known, formatting is the writer's.
pub fn check_document(
    doc: &Document,
    file: &str,
    opts: &CheckOptions,
) -> Result<Report, CheckError> {
    let view = draft::view_of(doc);
    // A văn bản quy phạm pháp luật (Thông tư, Nghị định) is drafted by Vanban but laid out
    // under the law on legal documents: outside the rule set, as its .docx is.
    let system = view.system.unwrap_or(System::State);
    let set = ruleset_for(system, opts)?;
    let scope = scope::for_draft(&doc.doc_type.name, set, opts.ruleset.is_some());
    run_scoped(&view, None, file, opts, scope)
}

/// Runs every rule of the applicable rule set over a view.
pub fn run(
    view: &View,
    bytes: Option<&[u8]>,
    file: &str,
    opts: &CheckOptions,
) -> Result<Report, CheckError> {
    run_scoped(view, bytes, file, opts, Scope::in_scope())
}

/// Runs the rule set over a view under a scope decision: outside the scope no rule is
/// evaluated, each is reported not applicable with the scope's reason.
pub fn run_scoped(
    view: &View,
    bytes: Option<&[u8]>,
    file: &str,
    opts: &CheckOptions,
    scope: Scope,
) -> Result<Report, CheckError> {
    let system = view.system.unwrap_or(System::State);
    let set = ruleset_for(system, opts)?;
    let ctx = Ctx {
        view,
        set,
        layout: &set.layout,
        facts: &set.facts,
        system,
        layout_engine: opts.layout_engine.as_deref(),
        bytes,
    };
    let derived = Derived::of(view);
    let header_end = [
        view.parts.dia_danh_ngay,
        view.parts.so_ky_hieu,
        view.parts.star,
        view.parts.ten_loai,
        view.parts.trich_yeu.last().copied(),
    ]
    .into_iter()
    .flatten()
    .max();
    let mut diagnostics = Vec::new();
    let mut results = Vec::new();
    let mut disabled = Vec::new();
    for rule in &set.rules {
        let level = opts.profile.as_ref().and_then(|p| {
            p.level(&rule.id)
                .or_else(|| registry::base_id(set, &rule.id).and_then(|b| p.level(&b)))
        });
        let severity = match level {
            Some(profile::Level::Off) => {
                disabled.push(rule.id.clone());
                continue;
            }
            Some(profile::Level::Error) => Severity::Error,
            Some(profile::Level::Warning) if !rule.evidence.is_law() => Severity::Warning,
            _ => rule.severity,
        };
        if !scope.is_in_scope() {
            results.push(RuleResult {
                rule: rule.id.clone(),
                element: rule.element,
                status: Status::NotApplicable,
                reason: scope.reason.clone(),
            });
            continue;
        }
        let outcome = match rules::check(&rule.check) {
            Some(f) => f(&ctx),
            None => Outcome::NotEvaluated(format!("chưa có cách kiểm tra «{}»", rule.check)),
        };
        let locate = |para: Option<usize>| -> Location {
            let Some(i) = para else {
                return Location::default();
            };
            let p = view.para(i);
            Location {
                paragraph: (view.origin == view::Origin::Docx).then_some(p.index),
                page: header_end.filter(|&h| i <= h).map(|_| 1),
                field: p.field.clone(),
            }
        };
        let diag = |message: String, para: Option<usize>, fix: Option<Fix>, review| Diagnostic {
            rule: rule.id.clone(),
            severity,
            element: rule.element,
            message,
            needs_review: review,
            fix: fix.map(|f| unsafe_on_derived(f, &derived)),
            location: locate(para),
            clause: rule.clause.clone(),
            evidence: rule.evidence,
        };
        // An element found only by a weak cue: what its rules find needs a person's eye,
        // and its fixes are only suggested.
        let unsure = view
            .parts
            .unsure
            .iter()
            .find(|(e, _)| *e == rule.element)
            .map(|(_, why)| why.as_str());
        let (status, reason) = match outcome {
            Outcome::Checked(found) if found.is_empty() => (Status::Passed, None),
            Outcome::Checked(found) => match unsure {
                Some(why) => {
                    for f in found {
                        let message = format!("{} (Cần xem lại: {why}.)", f.message);
                        diagnostics.push(diag(message, f.para, f.fix.map(Fix::demoted), true));
                    }
                    (Status::NeedsReview, Some(why.to_string()))
                }
                None => {
                    for f in found {
                        diagnostics.push(diag(f.message, f.para, f.fix, false));
                    }
                    (Status::Failed, None)
                }
            },
            Outcome::NotApplicable => (Status::NotApplicable, None),
            Outcome::NotEvaluated(why) => (Status::NotEvaluated, Some(why)),
            Outcome::Review(why, para) => {
                diagnostics.push(diag(why.clone(), para, None, true));
                (Status::NeedsReview, Some(why))
            }
        };
        results.push(RuleResult {
            rule: rule.id.clone(),
            element: rule.element,
            status,
            reason,
        });
    }

    // Ignored occurrences leave the diagnostics but stay visible in the report.
    let mut ignored = Vec::new();
    diagnostics.retain(|d| match opts.ignores.iter().find(|ig| ig.matches(d)) {
        Some(ig) => {
            ignored.push(Ignored {
                diagnostic: d.clone(),
                reason: ig.reason.clone(),
            });
            false
        }
        None => true,
    });
    for r in &mut results {
        if r.status == Status::Failed && !diagnostics.iter().any(|d| d.rule == r.rule) {
            r.status = Status::Ignored;
        }
    }
    diagnostics.sort_by_key(|d| (d.location.paragraph.unwrap_or(usize::MAX), d.rule.clone()));

    let elements = Element::ALL
        .iter()
        .filter_map(|&e| {
            let mine: Vec<&RuleResult> = results.iter().filter(|r| r.element == e).collect();
            if mine.is_empty() {
                return None;
            }
            let has = |s: Status| mine.iter().any(|r| r.status == s);
            let not_evaluated = mine
                .iter()
                .filter(|r| r.status == Status::NotEvaluated)
                .count();
            let status = if has(Status::Failed) {
                Status::Failed
            } else if has(Status::NeedsReview) {
                Status::NeedsReview
            } else if not_evaluated == mine.len() {
                Status::NotEvaluated
            } else if mine
                .iter()
                .all(|r| r.status == Status::NotApplicable || r.status == Status::NotEvaluated)
            {
                Status::NotApplicable
            } else {
                Status::Passed
            };
            Some(ElementResult {
                element: e,
                status,
                not_evaluated,
            })
        })
        .collect();
    let evaluated = results
        .iter()
        .filter(|r| r.status != Status::NotEvaluated)
        .count();
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error && !d.needs_review)
        .count();
    let warnings = diagnostics.len() - errors;
    Ok(Report {
        file: file.to_string(),
        system: view.detected,
        ruleset: set.id.clone(),
        diagnostics,
        ignored,
        coverage: Coverage {
            evaluated,
            total: results.len(),
            disabled,
        },
        rules: results,
        elements,
        errors,
        warnings,
        protected: view.protected,
        signed: view.signed,
        scope,
    })
}

/// File paragraphs the view shows differently from the file, by kind.
#[derive(Default)]
struct Derived {
    /// Split into several view paragraphs (lines, columns, text boxes).
    segment: std::collections::HashSet<usize>,
    /// Shown with other text than the file holds.
    shown_text: std::collections::HashSet<usize>,
    /// Laid out as columns in the file (pieces of text set apart by a tab or spaces).
    columns: std::collections::HashSet<usize>,
    /// Typed in a font of an 8-bit Vietnamese encoding (TCVN3, VNI).
    legacy_font: std::collections::HashSet<usize>,
    /// Read whole although it holds soft line breaks (one line too long to split out): an
    /// element's first line with other lines under it ("Nơi nhận:↵- Các tỉnh uỷ, …").
    multiline: std::collections::HashSet<usize>,
}

/// A font of the 8-bit Vietnamese encodings of before Unicode: TCVN3 (ABC) fonts are named
/// ".VnTime", ".VnArial", ...; VNI fonts "VNI-Times", ...
fn is_legacy_font(name: &str) -> bool {
    let n = name.trim();
    n.starts_with(".Vn") || n.starts_with(".VN") || n.to_ascii_uppercase().starts_with("VNI-")
}

impl Derived {
    fn of(view: &View) -> Self {
        let mut d = Derived::default();
        for p in &view.paras {
            if p.segment {
                d.segment.insert(p.index);
            }
            if p.shown_text {
                d.shown_text.insert(p.index);
            }
            if p.columns {
                d.columns.insert(p.index);
            }
            if p.text.trim().contains('\n') {
                d.multiline.insert(p.index);
            }
            if p.runs
                .iter()
                .any(|r| r.font.as_deref().is_some_and(is_legacy_font))
            {
                d.legacy_font.insert(p.index);
            }
        }
        d
    }
}

/// A fix whose edits cannot be applied as they stand to a paragraph the view shows
/// differently from the file (one line of a paragraph with soft line breaks, hidden
/// runs, text in capitals by `w:caps`) stays a suggestion: its title says what to do, nothing is edited.
///
/// So does a fix on a paragraph the file lays out as columns (a tab, or outside a table a
/// run of spaces, between two pieces of text), whose reading is uncertain: the view may
/// have read the columns apart, or, when it could not, the whole line as one element (a
/// school's name and the tiêu ngữ read as the tiêu ngữ). Setting the size, weight, slant
/// or underline there would reach the other column's element. Setting the font stays
/// safe: one font is the rule for all text, whichever element it belongs to.
///
/// A text replacement across a tab or four spaces in a row stays a suggestion anywhere:
/// such a gap is layout, not a typing slip (the gap between two columns, or the blank left
/// for the number or the day in "Số:      /QĐ-UBND"), and collapsing it would join the
/// columns or fill the blank. A replacement within one piece stays safe.
///
/// So does setting the size, weight, slant or underline of a paragraph read whole though it
/// holds soft line breaks: the finding names its first line, the edit would reach the rest.
///
/// And so does setting the font of text typed in a font of an 8-bit Vietnamese encoding
/// (TCVN3 ".VnTime", VNI): that text is not Unicode ("Chủ tịch" is stored as "Chñ tÞch",
/// which only that font shows as Vietnamese), so Times New Roman would print the stored
/// letters. The text must be converted to Unicode first.
fn unsafe_on_derived(fix: Fix, derived: &Derived) -> Fix {
    let unsafe_edit = fix.edits.iter().any(|e| match e {
        Edit::ReplaceText {
            paragraph, find, ..
        } => derived.shown_text.contains(paragraph) || docx::layout_gap(find),
        Edit::RunProps {
            paragraph,
            font,
            size,
            bold,
            italic,
            underline,
        } => {
            let style = size.is_some() || bold.is_some() || italic.is_some() || underline.is_some();
            derived.segment.contains(paragraph)
                || ((derived.columns.contains(paragraph) || derived.multiline.contains(paragraph))
                    && style)
                || (font.is_some() && derived.legacy_font.contains(paragraph))
        }
        Edit::KeepNext { paragraph } => derived.segment.contains(paragraph),
        _ => false,
    });
    if unsafe_edit {
        Fix {
            safety: FixSafety::Suggest,
            edits: Vec::new(),
            ..fix
        }
    } else {
        fix
    }
}
