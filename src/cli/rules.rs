//! `vanban rules`: lists the rules, or explains one with its wrong and right examples.
//! Everything printed comes from the registry (the rule files and rule-set selections),
//! never a separate list; `--markdown` prints `docs/rules.md`.

use std::process::ExitCode;

use clap::Args;

use super::fail;
use vanban::check::registry::{self, Rule, RuleSet};
use vanban::check::rules_doc;

/// Arguments of `vanban rules`.
#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Mã quy tắc cần giải thích (ví dụ ND30-303); bỏ trống để liệt kê.
    #[arg(value_name = "MÃ")]
    pub id: Option<String>,
    /// Chỉ liệt kê một bộ quy tắc (ND30-2020, HD36-2018, HD05-2026).
    #[arg(long, value_name = "BỘ")]
    pub ruleset: Option<String>,
    /// In dạng JSON.
    #[arg(long)]
    pub json: bool,
    /// In tài liệu quy tắc dạng Markdown (nội dung của docs/rules.md).
    #[arg(long, conflicts_with_all = ["id", "json"])]
    pub markdown: bool,
}

/// The explanation of one rule, for people.
pub fn explain(set: &RuleSet, r: &Rule) -> String {
    let mut s = String::new();
    s.push_str(&format!("{}: {}\n", r.id, r.title));
    s.push_str(&format!("Bộ quy tắc: {} ({})\n", set.id, set.title));
    if !set.verified {
        s.push_str("Lưu ý: bộ quy tắc chưa được đối chiếu văn bản gốc.\n");
    }
    s.push_str(&format!("Căn cứ: {}\n", r.clause));
    s.push_str(&format!(
        "Mức chứng cứ: {} {}\n",
        r.evidence.tag(),
        r.evidence.label()
    ));
    s.push_str(&format!("Mức độ: {}\n", r.severity.label()));
    s.push_str(&format!("Thành phần: {}\n", r.element.label()));
    s.push_str(&format!("Hiệu lực từ: {}\n", set.effective_from));
    s.push_str(&format!("\n{}\n\n", r.doc));
    s.push_str(&format!("Sai:  {}\n", r.wrong));
    s.push_str(&format!("Đúng: {}\n", r.right));
    s.push_str(&format!("\nSửa: {}\n", r.fix.label()));
    if !r.evidence.is_law() {
        s.push_str("Quy tắc này có thể tắt hoặc siết trong hồ sơ cơ quan.\n");
    } else {
        s.push_str("Quy tắc này do văn bản gốc quy định: hồ sơ cơ quan không được nới lỏng.\n");
    }
    s
}

/// Runs `vanban rules`.
pub fn run(args: &RulesArgs) -> ExitCode {
    if let Some(id) = &args.id {
        let Some((set, rule)) = registry::find_rule(id) else {
            return fail(
                format!("không có quy tắc {id}; xem danh sách bằng `vanban rules`"),
                2,
            );
        };
        if args.json {
            println!("{}", serde_json::to_string_pretty(rule).unwrap_or_default());
        } else {
            print!("{}", explain(set, rule));
        }
        return ExitCode::SUCCESS;
    }
    let sets: Vec<&RuleSet> = match &args.ruleset {
        Some(id) => match registry::ruleset(id) {
            Some(s) => vec![s],
            None => return fail(format!("không có bộ quy tắc {id}"), 2),
        },
        None => registry::rulesets().iter().collect(),
    };
    if args.markdown {
        print!("{}", rules_doc::markdown(&sets));
        return ExitCode::SUCCESS;
    }
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&sets).unwrap_or_default()
        );
        return ExitCode::SUCCESS;
    }
    for set in sets {
        let mark = if set.default { " (mặc định)" } else { "" };
        let verified = if set.verified {
            ""
        } else {
            " [chưa kiểm chứng]"
        };
        println!(
            "{}{mark}{verified}: {} — {} quy tắc",
            set.id,
            set.title,
            set.rules.len()
        );
        for r in &set.rules {
            println!(
                "  {:<9} {:<8} {:<3} {}",
                r.id,
                r.severity.label(),
                r.evidence.tag(),
                r.title
            );
        }
        println!();
    }
    ExitCode::SUCCESS
}
