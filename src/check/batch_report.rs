//! Reports of a batch check (báo cáo kiểm tra hàng loạt) that a reviewer saves and opens:
//! a CSV table for Excel and a self-contained HTML page with every file's findings. Also the
//! rows of the summary table, shared by the CLI's table, both reports and the desktop app,
//! so a file reads the same everywhere. Pure functions over a [`Batch`]; the caller passes
//! the time of the check (the core has no clock).

use std::fmt::Write as _;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::batch::{top_rules, Batch, FileResult, Totals};
use super::report::Report;
use super::view::Detected;

/// How many rules the "quy tắc thường gặp" cell of a file lists.
const TOP_RULES: usize = 3;

/// Vietnamese label of the system a file follows (hệ thể thức), for tables.
pub fn system_label(d: Detected) -> &'static str {
    match d {
        Detected::State => "hành chính",
        Detected::Party => "Đảng",
        Detected::Joint => "liên tịch",
        Detected::Unknown => "không rõ",
    }
}

/// A rule and how often it fired (quy tắc và số lần).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RuleCount {
    /// Rule id ("ND30-110").
    pub rule: String,
    /// Findings of that rule.
    pub count: usize,
}

/// One row of the summary table (một dòng bảng tổng hợp). A file that could not be read has
/// no counts (never "0 lỗi") and says why in `failure`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FileRow {
    /// The file relative to the folder, with "/" between parts.
    pub name: String,
    /// System label ("hành chính", "Đảng" ...); absent when the file could not be read.
    pub system: Option<String>,
    /// Scope label ("trong phạm vi", "không phải VBHC", "trước bộ quy tắc").
    pub scope: Option<String>,
    /// Rule set applied ("ND30-2020").
    pub ruleset: Option<String>,
    /// Errors; absent when the file could not be read.
    pub errors: Option<usize>,
    /// Warnings; absent when the file could not be read.
    pub warnings: Option<usize>,
    /// The file's most frequent rules, most frequent first.
    pub top_rules: Vec<RuleCount>,
    /// Why the file could not be read or checked (lỗi đọc tệp), in Vietnamese.
    pub failure: Option<String>,
}

impl FileRow {
    /// The row of one file of a batch.
    pub fn new(f: &FileResult) -> Self {
        match &f.outcome {
            Ok(r) => FileRow {
                name: f.name.clone(),
                system: Some(system_label(r.system).to_string()),
                scope: Some(r.scope.label().to_string()),
                ruleset: Some(r.ruleset.clone()),
                errors: Some(r.errors),
                warnings: Some(r.warnings),
                top_rules: counts(top_rules(r, TOP_RULES)),
                failure: None,
            },
            Err(e) => FileRow {
                name: f.name.clone(),
                system: None,
                scope: None,
                ruleset: None,
                errors: None,
                warnings: None,
                top_rules: Vec::new(),
                failure: Some(e.clone()),
            },
        }
    }

    /// The top rules as one cell: "ND30-110 ×3, ND30-102 ×1".
    pub fn top_rules_text(&self) -> String {
        rules_text(&self.top_rules)
    }
}

fn counts(v: Vec<(String, usize)>) -> Vec<RuleCount> {
    v.into_iter()
        .map(|(rule, count)| RuleCount { rule, count })
        .collect()
}

fn rules_text(v: &[RuleCount]) -> String {
    v.iter()
        .map(|r| format!("{} ×{}", r.rule, r.count))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A checked folder as the app shows it: one row per file and the totals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct BatchSummary {
    /// The folder checked.
    pub folder: String,
    /// One row per file, in path order.
    pub rows: Vec<FileRow>,
    /// Totals over the folder.
    pub totals: Totals,
}

/// The summary of a batch.
pub fn summary(batch: &Batch) -> BatchSummary {
    BatchSummary {
        folder: batch.dir.display().to_string(),
        rows: batch.files.iter().map(FileRow::new).collect(),
        totals: batch.totals.clone(),
    }
}

/// The two sentences of totals the CLI and the HTML report print.
pub fn totals_lines(t: &Totals) -> [String; 2] {
    [
        format!(
            "Tổng: {} tệp; {} trong phạm vi, {} không phải văn bản hành chính, {} trước bộ quy tắc, {} không đọc được.",
            t.files, t.in_scope, t.not_administrative, t.before_ruleset, t.unreadable
        ),
        format!(
            "{} tệp có lỗi; {} lỗi, {} cảnh báo.",
            t.with_errors, t.errors, t.warnings
        ),
    ]
}

fn totals_top_rules(t: &Totals) -> String {
    rules_text(&counts(t.top_rules.clone()))
}

/// The kind of report file, chosen by the name the user gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ReportFormat {
    /// A web page that opens in any browser (.html, .htm).
    Html,
    /// A table for Excel (.csv).
    Csv,
}

impl ReportFormat {
    /// The format a file name asks for by its extension (case-insensitive), if any.
    pub fn for_path(path: &Path) -> Option<ReportFormat> {
        let ext = path.extension()?.to_string_lossy().to_lowercase();
        match ext.as_str() {
            "html" | "htm" => Some(ReportFormat::Html),
            "csv" => Some(ReportFormat::Csv),
            _ => None,
        }
    }

    /// The usual extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ReportFormat::Html => "html",
            ReportFormat::Csv => "csv",
        }
    }
}

/// The report of `batch` in `format`, as the bytes of the file. `checked_at` is when the
/// check ran, as people read it ("14:05 02/12/2026"); the HTML page shows it.
pub fn render(batch: &Batch, format: ReportFormat, checked_at: &str) -> Vec<u8> {
    match format {
        ReportFormat::Html => to_html(batch, checked_at).into_bytes(),
        ReportFormat::Csv => to_csv(batch),
    }
}

/// The byte order mark that tells Excel on Windows the CSV is UTF-8 (else it reads the
/// Vietnamese letters in the ANSI code page and shows mojibake).
pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The summary as CSV (RFC 4180, comma-separated, CRLF line ends) in UTF-8 with a BOM: one
/// row per file; a file that could not be read has empty counts and its reason in the last
/// column.
pub fn to_csv(batch: &Batch) -> Vec<u8> {
    let mut s = String::new();
    let head = [
        "Tệp",
        "Hệ thể thức",
        "Phạm vi",
        "Số lỗi",
        "Số cảnh báo",
        "Quy tắc thường gặp",
        "Lỗi đọc tệp",
    ];
    csv_line(&mut s, &head.map(String::from));
    for f in &batch.files {
        let r = FileRow::new(f);
        let n = |v: Option<usize>| v.map(|n| n.to_string()).unwrap_or_default();
        csv_line(
            &mut s,
            &[
                text_cell(&r.name),
                r.system.clone().unwrap_or_default(),
                r.scope.clone().unwrap_or_else(|| "không đọc được".into()),
                n(r.errors),
                n(r.warnings),
                r.top_rules_text(),
                text_cell(r.failure.as_deref().unwrap_or_default()),
            ],
        );
    }
    let mut out = UTF8_BOM.to_vec();
    out.extend_from_slice(s.as_bytes());
    out
}

fn csv_line(s: &mut String, cells: &[String]) {
    let quoted: Vec<String> = cells.iter().map(|c| csv_field(c)).collect();
    s.push_str(&quoted.join(","));
    s.push_str("\r\n");
}

/// One CSV field: quoted (quotes doubled) when it holds a comma, a quote or a line break.
fn csv_field(c: &str) -> String {
    if c.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", c.replace('"', "\"\""))
    } else {
        c.to_string()
    }
}

/// A free-text cell (a file name, a reason): one starting with `=`, `+`, `-`, `@` or a tab
/// would be read by Excel as a formula, so it gets a leading apostrophe (shown as text).
fn text_cell(c: &str) -> String {
    if c.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{c}")
    } else {
        c.to_string()
    }
}

/// Escapes text for HTML element content and attribute values (the preview's escaping).
pub fn escape_html(s: &str) -> String {
    crate::preview::escape_html(s)
}

const STYLE: &str = "body{font-family:\"Times New Roman\",\"Liberation Serif\",serif;margin:24px auto;max-width:1100px;padding:0 16px;color:#1f2328}\
h1{font-size:1.5rem;margin:0 0 4px}h2{font-size:1.2rem;margin:24px 0 6px}h3{font-size:1.05rem;margin:18px 0 4px}\
.meta{color:#5f6672;margin:0 0 12px}\
table{border-collapse:collapse;width:100%;margin:8px 0}\
th,td{border:1px solid #d9d4c7;padding:4px 8px;text-align:left;vertical-align:top}\
th{background:#f4f1ea}td.n{text-align:right}tfoot td{font-weight:bold;background:#f4f1ea}\
.err{color:#b3261e}.warn{color:#a15c00}.fail{color:#b3261e}\
section{page-break-inside:avoid}";

/// The report as one self-contained HTML page in Vietnamese: the summary table with totals,
/// then each file's findings (rule, element, message), or why it was outside the rule set or
/// could not be read. Every text from files and findings is escaped.
pub fn to_html(batch: &Batch, checked_at: &str) -> String {
    let e = escape_html;
    let dir = batch.dir.display().to_string();
    let folder = batch
        .dir
        .file_name()
        .map_or_else(|| dir.clone(), |n| n.to_string_lossy().into_owned());
    let rows: Vec<FileRow> = batch.files.iter().map(FileRow::new).collect();
    let t = &batch.totals;
    let mut s = String::new();
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Báo cáo kiểm tra thể thức — {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        e(&folder)
    );
    let _ = writeln!(s, "<h1>Báo cáo kiểm tra thể thức văn bản</h1>");
    let _ = writeln!(
        s,
        "<p class=\"meta\">Thư mục: {}<br>Kiểm tra lúc {} bằng Vanban {}</p>",
        e(&dir),
        e(checked_at),
        env!("CARGO_PKG_VERSION")
    );
    for line in totals_lines(t) {
        let _ = writeln!(s, "<p>{}</p>", e(&line));
    }
    s.push_str(
        "<table class=\"summary\">\n<thead><tr><th>Tệp</th><th>Hệ thể thức</th><th>Phạm vi</th>\
         <th>Lỗi</th><th>Cảnh báo</th><th>Quy tắc thường gặp</th></tr></thead>\n<tbody>\n",
    );
    for (i, r) in rows.iter().enumerate() {
        let name = format!("<a href=\"#tep-{}\">{}</a>", i + 1, e(&r.name));
        match &r.failure {
            Some(why) => {
                let _ = writeln!(
                    s,
                    "<tr><td>{name}</td><td colspan=\"5\" class=\"fail\">Không đọc được: {}</td></tr>",
                    e(why)
                );
            }
            None => {
                let _ = writeln!(
                    s,
                    "<tr><td>{name}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
                    e(r.system.as_deref().unwrap_or_default()),
                    e(r.scope.as_deref().unwrap_or_default()),
                    r.errors.unwrap_or_default(),
                    r.warnings.unwrap_or_default(),
                    e(&r.top_rules_text())
                );
            }
        }
    }
    let _ = write!(
        s,
        "</tbody>\n<tfoot><tr><td>Tổng: {} tệp</td><td colspan=\"2\">{} tệp có lỗi, {} không đọc được</td>\
         <td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td></tr></tfoot>\n</table>\n",
        t.files,
        t.with_errors,
        t.unreadable,
        t.errors,
        t.warnings,
        e(&totals_top_rules(t))
    );
    s.push_str("<h2>Chi tiết từng tệp</h2>\n");
    for (i, (f, r)) in batch.files.iter().zip(&rows).enumerate() {
        let _ = writeln!(s, "<section id=\"tep-{}\">", i + 1);
        let _ = writeln!(s, "<h3>{}</h3>", e(&r.name));
        match &f.outcome {
            Err(why) => {
                let _ = writeln!(s, "<p class=\"fail\">Không đọc được tệp: {}</p>", e(why));
            }
            Ok(report) => file_details(&mut s, report),
        }
        s.push_str("</section>\n");
    }
    s.push_str("</body>\n</html>\n");
    s
}

fn file_details(s: &mut String, r: &Report) {
    let e = escape_html;
    let _ = writeln!(
        s,
        "<p>Hệ thể thức: {}; bộ quy tắc {}; {}. {} lỗi, {} cảnh báo.</p>",
        e(system_label(r.system)),
        e(&r.ruleset),
        e(r.scope.label()),
        r.errors,
        r.warnings
    );
    if let Some(why) = &r.scope.reason {
        let _ = writeln!(s, "<p>{}</p>", e(why));
    }
    if r.diagnostics.is_empty() {
        if r.scope.is_in_scope() {
            s.push_str("<p>Không có lỗi hay cảnh báo.</p>\n");
        }
        return;
    }
    s.push_str(
        "<table>\n<thead><tr><th>Mức</th><th>Quy tắc</th><th>Thành phần</th><th>Nội dung</th></tr></thead>\n<tbody>\n",
    );
    for d in &r.diagnostics {
        let (class, level) = if d.needs_review {
            ("warn", "xem lại")
        } else if d.severity == super::registry::Severity::Error {
            ("err", d.severity.label())
        } else {
            ("warn", d.severity.label())
        };
        let _ = writeln!(
            s,
            "<tr><td class=\"{class}\">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            e(level),
            e(&d.rule),
            e(d.element.label()),
            e(&d.message)
        );
    }
    s.push_str("</tbody>\n</table>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::batch::check_dir;
    use crate::check::CheckOptions;
    use std::path::PathBuf;

    fn fixture(name: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/check")
            .join(name)
    }

    /// A folder with a faulty state letter under a name full of HTML and CSV specials, a
    /// clean Party letter and a broken .docx, checked.
    fn batch() -> (tempfile::TempDir, Batch) {
        let dir = tempfile::tempdir().unwrap();
        let copy = |from: &str, to: &str| {
            std::fs::copy(fixture(from), dir.path().join(to)).unwrap();
        };
        copy("f06-number-no-zero.docx", "a <b> & \"c\", 'd'.docx");
        copy("clean-party-lo.docx", "b-dang.docx");
        std::fs::write(dir.path().join("c-hong.docx"), b"PK\x03\x04 not a zip").unwrap();
        std::fs::write(dir.path().join("=cong-thuc.docx"), b"not a zip").unwrap();
        let batch = check_dir(dir.path(), &CheckOptions::default(), |_| {}).unwrap();
        (dir, batch)
    }

    #[test]
    fn rows_give_counts_only_for_files_that_were_read() {
        let (_d, b) = batch();
        let rows = summary(&b).rows;
        let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "=cong-thuc.docx",
                "a <b> & \"c\", 'd'.docx",
                "b-dang.docx",
                "c-hong.docx"
            ]
        );
        let faulty = &rows[1];
        assert!(faulty.errors.unwrap() > 0, "{faulty:?}");
        assert_eq!(faulty.system.as_deref(), Some("hành chính"));
        assert!(faulty.top_rules[0].count >= 1, "{faulty:?}");
        assert_eq!(rows[2].system.as_deref(), Some("Đảng"));
        let broken = &rows[3];
        assert_eq!((broken.errors, broken.warnings), (None, None));
        assert!(!broken.failure.as_deref().unwrap().is_empty());
    }

    #[test]
    fn csv_starts_with_a_bom_and_quotes_what_it_must() {
        let (_d, b) = batch();
        let bytes = to_csv(&b);
        assert!(bytes.starts_with(UTF8_BOM), "Excel needs the BOM");
        let text = std::str::from_utf8(&bytes[3..]).unwrap();
        assert!(!text.starts_with('\u{feff}'), "one BOM only");
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert_eq!(
            lines[0],
            "Tệp,Hệ thể thức,Phạm vi,Số lỗi,Số cảnh báo,Quy tắc thường gặp,Lỗi đọc tệp"
        );
        assert_eq!(
            lines.len(),
            1 + 4 + 1,
            "header, 4 files, empty after the last CRLF"
        );
        assert_eq!(lines[5], "");
        // A formula-looking name is made text; quotes are doubled inside a quoted field.
        assert!(
            lines[1].starts_with("'=cong-thuc.docx,,không đọc được,,,,"),
            "{}",
            lines[1]
        );
        assert!(
            lines[2].starts_with("\"a <b> & \"\"c\"\", 'd'.docx\",hành chính,trong phạm vi,"),
            "{}",
            lines[2]
        );
        assert!(lines[3].starts_with("b-dang.docx,Đảng,"), "{}", lines[3]);
        // The broken file: no counts, its reason in the last column.
        let broken = lines[4];
        assert!(
            broken.starts_with("c-hong.docx,,không đọc được,,,,"),
            "{broken}"
        );
        assert!(broken.len() > "c-hong.docx,,không đọc được,,,,".len() + 3);
    }

    #[test]
    fn csv_fields_follow_rfc_4180() {
        assert_eq!(csv_field("a"), "a");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
        assert_eq!(text_cell("-1"), "'-1");
        assert_eq!(text_cell("@x"), "'@x");
        assert_eq!(text_cell("ke-hoach.docx"), "ke-hoach.docx");
    }

    #[test]
    fn html_escapes_names_messages_and_reasons() {
        let (_d, mut b) = batch();
        let evil = "<script>alert('x')</script> & \"q\"";
        if let Ok(r) = &mut b.files[1].outcome {
            r.diagnostics[0].message = evil.into();
        }
        b.files[3].outcome = Err("<img src=x onerror=alert(1)>".into());
        let html = to_html(&b, "14:05 02/12/2026 <now>");
        assert!(!html.contains("<script>"), "a message is escaped");
        assert!(!html.contains("<img"), "a reason is escaped");
        assert!(!html.contains("<b>"), "a file name is escaped");
        assert!(!html.contains("<now>"), "the time is escaped");
        assert!(
            html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;")
        );
        assert!(html.contains("a &lt;b&gt; &amp; &quot;c&quot;, &#39;d&#39;.docx"));
        assert!(html.contains("Không đọc được: &lt;img src=x onerror=alert(1)&gt;"));
        assert_eq!(
            escape_html("Đảng & <Nhà nước>"),
            "Đảng &amp; &lt;Nhà nước&gt;"
        );
    }

    #[test]
    fn html_is_a_vietnamese_page_with_totals_and_each_files_findings() {
        let (_d, b) = batch();
        let html = to_html(&b, "14:05 02/12/2026");
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"vi\">"));
        assert!(html.contains("<meta charset=\"utf-8\">"));
        assert!(
            !html.contains("<link") && !html.contains("<script"),
            "self-contained"
        );
        assert!(html.contains("Kiểm tra lúc 14:05 02/12/2026"));
        assert!(html.contains(&format!("<td>Tổng: {} tệp</td>", b.totals.files)));
        assert!(html.contains(&escape_html(&totals_lines(&b.totals)[1])));
        // One section per file, linked from its row.
        for i in 1..=b.files.len() {
            assert!(html.contains(&format!("<a href=\"#tep-{i}\">")));
            assert!(html.contains(&format!("<section id=\"tep-{i}\">")));
        }
        // The faulty file's findings: rule id, element and message.
        let Ok(r) = &b.files[1].outcome else {
            panic!("read")
        };
        let d = &r.diagnostics[0];
        assert!(html.contains(&format!(
            "<td>{}</td><td>{}</td><td>{}</td>",
            escape_html(&d.rule),
            escape_html(d.element.label()),
            escape_html(&d.message)
        )));
        // Broken files say so and show no count.
        assert!(html.contains("<td colspan=\"5\" class=\"fail\">Không đọc được: "));
        assert!(html.contains("<p class=\"fail\">Không đọc được tệp: "));
    }

    #[test]
    fn the_format_comes_from_the_extension() {
        assert_eq!(
            ReportFormat::for_path(Path::new("bao-cao.HTML")),
            Some(ReportFormat::Html)
        );
        assert_eq!(
            ReportFormat::for_path(Path::new("a/bao-cao.htm")),
            Some(ReportFormat::Html)
        );
        assert_eq!(
            ReportFormat::for_path(Path::new("Báo cáo.csv")),
            Some(ReportFormat::Csv)
        );
        assert_eq!(ReportFormat::for_path(Path::new("bao-cao.txt")), None);
        assert_eq!(ReportFormat::for_path(Path::new("bao-cao")), None);
        let (_d, b) = batch();
        assert!(render(&b, ReportFormat::Csv, "").starts_with(UTF8_BOM));
        assert!(render(&b, ReportFormat::Html, "").starts_with(b"<!DOCTYPE html>"));
    }
}
