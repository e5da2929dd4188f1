//! Stale references in a draft (căn cứ đã hết hiệu lực, cơ quan không còn tồn tại) as
//! checker diagnostics, so the draft report shows what the library knows.
//!
//! The library finds them ([`crate::library::Library::stale_references`]); this module only
//! turns each finding into a warning located at the draft field that holds it.

use crate::library::stale::StaleWarning;

use super::registry::{Evidence, Severity};
use super::report::{Diagnostic, Location, Report};
use super::view::Element;

/// Rule id of a stale-reference finding.
pub const RULE: &str = "TV-901";

/// What the warning cites: the law that abolished the district level and the library's record
/// of a legal basis that was replaced or expired.
pub const CLAUSE: &str = "Nghị quyết 202/2025/QH15 và Luật Tổ chức chính quyền địa phương 2025 \
     (chính quyền địa phương hai cấp từ 01/7/2025); hiệu lực căn cứ theo thư viện điều khoản";

/// Adds one warning per stale reference, `(draft field, finding)`, to `report`.
pub fn append(report: &mut Report, findings: impl IntoIterator<Item = (String, StaleWarning)>) {
    for (field, w) in findings {
        report.diagnostics.push(Diagnostic {
            rule: RULE.to_string(),
            severity: Severity::Warning,
            element: Element::Body,
            message: w.message,
            needs_review: true,
            fix: None,
            location: Location {
                paragraph: None,
                page: None,
                field: Some(field),
            },
            clause: CLAUSE.to_string(),
            evidence: Evidence::Inferred,
        });
        report.warnings += 1;
    }
}
