//! The rule reference (tài liệu quy tắc) `docs/rules.md`, rendered from the registry so that
//! nothing about a rule is written twice: `vanban rules --markdown > docs/rules.md`, and a
//! test fails when the checked-in file is stale.

use std::fmt::Write;

use super::registry::{self, Rule, RuleSet};

/// `docs/rules.md` for every built-in rule set.
pub fn markdown_all() -> String {
    let sets: Vec<&RuleSet> = registry::rulesets().iter().collect();
    markdown(&sets)
}

/// `docs/rules.md` for the rule sets `sets`: per set its source and dates, a summary table,
/// then each rule with its element, clause, evidence, severity, doc, wrong → right and fix.
/// A set that extends another lists only the rules whose wording differs from its base.
pub fn markdown(sets: &[&RuleSet]) -> String {
    let mut s = String::new();
    s.push_str("# Quy tắc kiểm tra thể thức\n\n");
    s.push_str(
        "<!-- Generated from the rule registry (src/check/rules/, src/check/rulesets/): \
         do not edit; run `cargo run -- rules --markdown > docs/rules.md`. -->\n\n",
    );
    s.push_str(
        "Mỗi quy tắc được viết một lần, cùng hàm kiểm tra của nó, trong `src/check/rules/`; \
         mỗi bộ quy tắc (`src/check/rulesets/*.toml`) chỉ chọn quy tắc và chỉnh tham số. \
         Mức chứng cứ: [S] quy định trực tiếp, [D] suy ra từ tài liệu gốc, [2] tài liệu thứ \
         cấp, [I] khuyến nghị. Quy tắc [S] và [D] là lỗi, hồ sơ cơ quan không được nới lỏng.\n",
    );
    for set in sets {
        let base = set
            .extends
            .as_deref()
            .and_then(|id| sets.iter().copied().find(|b| b.id == id));
        set_section(&mut s, set, base);
    }
    s
}

fn set_section(s: &mut String, set: &RuleSet, base: Option<&RuleSet>) {
    let _ = writeln!(s, "\n## {}: {}\n", set.id, set.title);
    let _ = writeln!(s, "- Hệ thể thức: {}", set.system.label());
    let _ = writeln!(s, "- Nguồn: {}", set.source);
    let _ = writeln!(s, "- Hiệu lực từ: {}", set.effective_from);
    if let Some(to) = &set.effective_to {
        let _ = writeln!(s, "- Hiệu lực đến: {to}");
    }
    if let Some(p) = &set.preceded_by {
        let _ = writeln!(s, "- Trước đó áp dụng: {p}");
    }
    let _ = writeln!(
        s,
        "- Mặc định: {}",
        if set.default { "có" } else { "không" }
    );
    if !set.verified {
        s.push_str("- **Chưa kiểm chứng**: chưa đối chiếu văn bản gốc.\n");
    }
    if let Some(n) = &set.note {
        let _ = writeln!(s, "- Ghi chú: {n}");
    }
    let shown: Vec<&Rule> = match base {
        Some(b) => {
            let _ = writeln!(
                s,
                "- Kế thừa {} ({} quy tắc); dưới đây chỉ các quy tắc có nội dung khác bộ gốc.",
                b.id,
                set.rules.len()
            );
            set.rules.iter().filter(|r| !same_as_base(r, b)).collect()
        }
        None => {
            let _ = writeln!(s, "- Số quy tắc: {}", set.rules.len());
            set.rules.iter().collect()
        }
    };
    s.push_str("\n| Mã | Tên | Thành phần | Mức độ | Chứng cứ |\n|---|---|---|---|---|\n");
    for r in &shown {
        let _ = writeln!(
            s,
            "| [{id}](#{anchor}) | {} | {} | {} | {} |",
            cell(&r.title),
            r.element.label().replace('"', ""),
            r.severity.label(),
            r.evidence.tag(),
            id = r.id,
            anchor = r.id.to_lowercase(),
        );
    }
    for r in shown {
        rule_section(s, r);
    }
}

fn rule_section(s: &mut String, r: &Rule) {
    let _ = writeln!(s, "\n### {}\n", r.id);
    let _ = writeln!(s, "**{}**\n", r.title);
    let _ = writeln!(s, "{}\n", r.doc);
    let _ = writeln!(
        s,
        "- Thành phần: {} (`{}`)",
        r.element.label(),
        r.element.key()
    );
    let _ = writeln!(s, "- Căn cứ: {}", r.clause);
    let _ = writeln!(
        s,
        "- Mức chứng cứ: {} {}",
        r.evidence.tag().replace('[', "\\[").replace(']', "\\]"),
        r.evidence.label()
    );
    let _ = writeln!(s, "- Mức độ: {}", r.severity.label());
    let _ = writeln!(s, "- Sai: {}", r.wrong);
    let _ = writeln!(s, "- Đúng: {}", r.right);
    let _ = writeln!(s, "- Sửa: {}", r.fix.label());
    let _ = writeln!(s, "- Kiểm tra: `{}`", r.check);
}

/// Whether `r` reads as the rule with the same code in `base`.
fn same_as_base(r: &Rule, base: &RuleSet) -> bool {
    let code = r.id.split_once('-').map_or("", |(_, c)| c);
    base.rules.iter().any(|b| {
        b.id.split_once('-').map_or("", |(_, c)| c) == code
            && (
                &b.title, &b.clause, b.evidence, b.severity, &b.doc, &b.wrong, &b.right, b.fix,
            ) == (
                &r.title, &r.clause, r.evidence, r.severity, &r.doc, &r.wrong, &r.right, r.fix,
            )
    })
}

/// Text for a table cell: no pipe breaks the row.
fn cell(t: &str) -> String {
    t.replace('|', "\\|")
}
