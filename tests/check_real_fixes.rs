//! Safe fixes on real office files (tests/fixtures/real/): "fixes never land on a misread
//! element". For every file of the corpus (in scope or not; a file outside the rule set's
//! scope is checked again with its rule set chosen explicitly, as `--ruleset` would), every
//! `safe` fix is applied the way `vanban check --fix` applies it ([`apply_fixes`]), both
//! files are read again with the project's reader and compared:
//! - paragraph by paragraph: text, each character's effective run formatting (fonts, size,
//!   bold, italic, underline and the rest), the paragraph mark, alignment, indents, spacing,
//!   keep flags, borders, numbering, text boxes;
//! - the page setup of every section (size, margins, first-page setting, parts referenced);
//! - header, footer and footnote parts, styles and settings.
//!
//! Every difference must be explained by a safe fix that was applied: its paragraph and the
//! kind of change it announced (a text replacement, run properties with the values it
//! announced, keep with next; margins, paper size, different first page for the whole
//! document). Text may change only as the announced replacements change it; a run edit
//! must not reach the text the checker leaves out of the element (small print, footnote
//! marks). The fixed file must read and check again, without the findings that were fixed.
//!
//! And no safe fix may land where the reading of its element is uncertain ([`doubt`]):
//! formatting of a paragraph the view shows in pieces or the file lays out as columns,
//! text replaced where the view shows other text or across a layout gap, Times New Roman
//! set on text of an 8-bit Vietnamese encoding. The numbers are printed (`--nocapture`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use vanban::check::fix::Edit;
use vanban::check::registry::FixSafety;
use vanban::check::report::{Diagnostic, Report};
use vanban::check::scope::ScopeStatus;
use vanban::check::view::View;
use vanban::check::{apply_fixes, check_docx, CheckOptions};
use vanban::layout::HalfPoints;
use vanban::reader::{self, DocxFile, Limits, Paragraph, RunProps};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real")
}

fn corpus() -> Vec<PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "docx"))
        .collect();
    files.sort();
    files
}

fn read(bytes: &[u8]) -> DocxFile {
    reader::read_docx(bytes, &Limits::default()).expect("the file reads")
}

/// A safe fix that changed the file.
struct Applied {
    diagnostic: Diagnostic,
}

/// What the applied fixes announced, merged per paragraph.
#[derive(Default)]
struct Announced {
    /// Text replacements per paragraph, in the order applied.
    text: BTreeMap<usize, Vec<(String, String)>>,
    /// Run properties per paragraph, later fixes overriding earlier ones.
    runs: BTreeMap<usize, RunEdit>,
    /// Paragraphs set to keep with the next.
    keep_next: BTreeSet<usize>,
    /// Margins (top, bottom, left, right).
    margins: [Option<i32>; 4],
    /// Paper size.
    page_size: Option<(i32, i32)>,
    /// Different first page on.
    title_page: bool,
}

#[derive(Default, Clone)]
struct RunEdit {
    font: Option<String>,
    size: Option<HalfPoints>,
    bold: Option<bool>,
    italic: Option<bool>,
    underline: Option<bool>,
}

impl Announced {
    fn of(applied: &[Applied]) -> Self {
        let mut a = Announced::default();
        for fix in applied.iter().filter_map(|x| x.diagnostic.fix.as_ref()) {
            for e in &fix.edits {
                match e.clone() {
                    Edit::ReplaceText {
                        paragraph,
                        find,
                        replace,
                    } => a.text.entry(paragraph).or_default().push((find, replace)),
                    Edit::RunProps {
                        paragraph,
                        font,
                        size,
                        bold,
                        italic,
                        underline,
                    } => {
                        let r = a.runs.entry(paragraph).or_default();
                        r.font = font.or(r.font.take());
                        r.size = size.or(r.size);
                        r.bold = bold.or(r.bold);
                        r.italic = italic.or(r.italic);
                        r.underline = underline.or(r.underline);
                    }
                    Edit::KeepNext { paragraph } => {
                        a.keep_next.insert(paragraph);
                    }
                    Edit::Margins {
                        top,
                        bottom,
                        left,
                        right,
                    } => {
                        for (slot, v) in a.margins.iter_mut().zip([top, bottom, left, right]) {
                            if let Some(v) = v {
                                *slot = Some(v.0);
                            }
                        }
                    }
                    Edit::PageSize { width, height } => a.page_size = Some((width.0, height.0)),
                    Edit::TitlePage => a.title_page = true,
                }
            }
        }
        a
    }
}

/// Applies every safe fix of `report` as `vanban check --fix` does ([`apply_fixes`]) and
/// tells which fixes changed the file: one applies unless one of its texts is no longer
/// found when its turn comes (an earlier fix changed it), which is followed here on the
/// paragraphs' text. The rules named must be the ones `apply_fixes` reports.
fn apply_safe(bytes: &[u8], report: &Report, before: &DocxFile) -> (Vec<u8>, Vec<Applied>) {
    let (fixed, rules) = apply_fixes(bytes, report, false).expect("--fix applies");
    let mut text: BTreeMap<usize, String> = before
        .paragraphs()
        .into_iter()
        .map(|p| (p.index, p.text()))
        .collect();
    let mut applied = Vec::new();
    for d in &report.diagnostics {
        let Some(fix) = &d.fix else { continue };
        if fix.safety != FixSafety::Safe || fix.edits.is_empty() {
            continue;
        }
        let mut trial = text.clone();
        let found = fix.edits.iter().all(|e| match e {
            Edit::ReplaceText {
                paragraph,
                find,
                replace,
            } => match trial.get_mut(paragraph) {
                Some(t) if t.contains(find.as_str()) => {
                    *t = t.replace(find.as_str(), replace);
                    true
                }
                _ => false,
            },
            _ => true,
        });
        if found {
            text = trial;
            applied.push(Applied {
                diagnostic: d.clone(),
            });
        }
    }
    let mut named: Vec<String> = Vec::new();
    for x in &applied {
        if !named.contains(&x.diagnostic.rule) {
            named.push(x.diagnostic.rule.clone());
        }
    }
    assert_eq!(named, rules, "{}: the fixes applied", report.file);
    (fixed, applied)
}

/// Everything a character shows, from its run.
#[derive(Debug, Clone, PartialEq)]
struct Look {
    props: RunProps,
    style: Option<String>,
    footnote: Option<i64>,
    field: Option<reader::FieldKind>,
}

fn looks(p: &Paragraph) -> Vec<(char, Look)> {
    p.runs
        .iter()
        .flat_map(|r| {
            let look = Look {
                props: r.props.clone(),
                style: r.style_id.clone(),
                footnote: r.is_footnote_ref,
                field: r.field.clone(),
            };
            r.text.chars().map(move |c| (c, look.clone()))
        })
        .collect()
}

/// Text the checker leaves out of a paragraph's element when it judges its formatting: a
/// footnote mark, small print after normal text (the drafter's initials at the end of the
/// Lưu line, raised, lowered or at most 8 pt). A run edit of the element must not reach it.
fn left_out(p: &Paragraph, look: &Look) -> bool {
    let small = |r: &RunProps| {
        r.vertical != reader::VerticalAlign::Baseline || r.size.is_some_and(|s| s.0 <= 16)
    };
    let normal_text = p
        .runs
        .iter()
        .any(|r| !r.hidden && !small(r) && r.text.chars().any(char::is_alphabetic));
    look.footnote.is_some() || (normal_text && small(&look.props))
}

/// The run properties a fix may change, cleared where `edit` announced them with the value
/// `after` shows; what remains must be equal before and after.
fn unexplained(before: &RunProps, after: &RunProps, edit: Option<&RunEdit>) -> Vec<String> {
    let mut b = before.clone();
    let a = after;
    if let Some(e) = edit {
        if let Some(f) = &e.font {
            let all = [
                &a.fonts.ascii,
                &a.fonts.h_ansi,
                &a.fonts.east_asia,
                &a.fonts.cs,
            ];
            if all.iter().all(|s| s.as_deref() == Some(f.as_str())) {
                b.fonts = a.fonts.clone();
            }
        }
        if e.size.is_some() && a.size == e.size {
            b.size = a.size;
        }
        if e.bold == Some(a.bold) {
            b.bold = a.bold;
        }
        if e.italic == Some(a.italic) {
            b.italic = a.italic;
        }
        if e.underline == Some(a.underline) {
            b.underline = a.underline;
        }
    }
    let mut out = Vec::new();
    macro_rules! cmp {
        ($($f:ident),*) => {$(
            if b.$f != a.$f {
                out.push(format!("{}: {:?} → {:?}", stringify!($f), b.$f, a.$f));
            }
        )*};
    }
    cmp!(fonts, size, bold, italic, underline, caps, small_caps, strike, hidden, vertical, color);
    out
}

/// The text a paragraph should hold after the announced replacements (every occurrence,
/// as the patcher replaces them).
fn expected_text(before: &str, replacements: Option<&Vec<(String, String)>>) -> String {
    let mut t = before.to_string();
    for (find, replace) in replacements.into_iter().flatten() {
        t = t.replace(find.as_str(), replace);
    }
    t
}

fn short(s: &str) -> String {
    let s: String = s.chars().take(90).collect();
    format!("{s:?}")
}

/// Differences of one paragraph the announced fixes do not explain.
fn diff_paragraph(a: &Paragraph, b: &Paragraph, ann: &Announced, out: &mut Vec<String>) {
    let i = a.index;
    let at = |what: String| format!("đoạn {i}: {what}");
    // Text.
    let (ta, tb) = (a.text(), b.text());
    let want = expected_text(&ta, ann.text.get(&i));
    if tb != want {
        out.push(at(format!(
            "text {} → {} (announced → {})",
            short(&ta),
            short(&tb),
            short(&want)
        )));
    }
    // Paragraph properties: no fix but keep-with-next changes them.
    macro_rules! same {
        ($($f:ident),*) => {$(
            if a.$f != b.$f {
                out.push(at(format!("{} {:?} → {:?}", stringify!($f), a.$f, b.$f)));
            }
        )*};
    }
    same!(
        section,
        in_table,
        style_id,
        alignment,
        indent,
        spacing,
        keep_lines,
        page_break_before,
        widow_control,
        border_bottom,
        border_top,
        tab_stops,
        numbering,
        fields,
        has_page_break,
        has_drawing,
        line_shapes,
        text_boxes
    );
    if a.keep_next != b.keep_next && !(b.keep_next && ann.keep_next.contains(&i)) {
        out.push(at(format!("keep_next {} → {}", a.keep_next, b.keep_next)));
    }
    let edit = ann.runs.get(&i);
    for d in unexplained(&a.mark, &b.mark, edit) {
        out.push(at(format!("paragraph mark {d}")));
    }
    // Characters: those the replacements kept (common start and end) keep their look, or
    // change as the run edit announced; inserted ones look like a character of the paragraph.
    let (la, lb) = (looks(a), looks(b));
    let pre = la
        .iter()
        .zip(&lb)
        .take_while(|((x, _), (y, _))| x == y)
        .count();
    let max_suf = la.len().min(lb.len()) - pre;
    let suf = la
        .iter()
        .rev()
        .zip(lb.iter().rev())
        .take(max_suf)
        .take_while(|((x, _), (y, _))| x == y)
        .count();
    let kept = (0..pre).chain(0..suf).enumerate().map(|(k, n)| {
        if k < pre {
            (n, n)
        } else {
            (la.len() - 1 - n, lb.len() - 1 - n)
        }
    });
    let mut seen = BTreeSet::new();
    for (ka, kb) in kept {
        let (ca, x) = &la[ka];
        let (_, y) = &lb[kb];
        let edit = edit.filter(|_| !left_out(a, x));
        let mut diffs = unexplained(&x.props, &y.props, edit);
        if x.style != y.style || x.footnote != y.footnote || x.field != y.field {
            diffs.push(format!("run kind {x:?} → {y:?}"));
        }
        for d in diffs {
            if seen.insert(d.clone()) {
                out.push(at(format!("character {ca:?} (no. {ka}) {d}")));
            }
        }
    }
    for (c, y) in &lb[pre..lb.len() - suf] {
        let like = la.iter().any(|(_, x)| {
            unexplained(&x.props, &y.props, edit).is_empty()
                && x.style == y.style
                && x.field == y.field
        });
        if !like {
            out.push(at(format!(
                "inserted {c:?} looks like no character of the paragraph: {:?}",
                y.props
            )));
        }
    }
}

/// Differences of the whole file the announced fixes do not explain.
fn diff_files(a: &DocxFile, b: &DocxFile, ann: &Announced) -> Vec<String> {
    let mut out = Vec::new();
    let (pa, pb) = (a.paragraphs(), b.paragraphs());
    if pa.len() != pb.len() {
        out.push(format!("paragraphs {} → {}", pa.len(), pb.len()));
        return out;
    }
    for (x, y) in pa.iter().zip(&pb) {
        diff_paragraph(x, y, ann, &mut out);
    }
    if a.sections.len() != b.sections.len() {
        out.push(format!(
            "sections {} → {}",
            a.sections.len(),
            b.sections.len()
        ));
        return out;
    }
    for (k, (x, y)) in a.sections.iter().zip(&b.sections).enumerate() {
        let mut x = x.clone();
        // Announced changes, with the values announced.
        if let Some((w, h)) = ann.page_size {
            if (y.page_width.0, y.page_height.0) == (w, h) && !y.landscape {
                x.page_width = y.page_width;
                x.page_height = y.page_height;
                x.landscape = false;
                x.page_size_declared = true;
            }
        }
        let m = [
            &mut x.margins.top,
            &mut x.margins.bottom,
            &mut x.margins.left,
            &mut x.margins.right,
        ];
        let ym = [
            y.margins.top,
            y.margins.bottom,
            y.margins.left,
            y.margins.right,
        ];
        let mut margins_set = false;
        for ((slot, after), want) in m.into_iter().zip(ym).zip(ann.margins) {
            if want.is_some_and(|w| w == after.0) {
                *slot = after;
                margins_set = true;
            }
        }
        if margins_set {
            x.margins_declared = true;
            // A pgMar written where none was gets the schema's other attributes: header,
            // footer and gutter at Word's defaults.
            if !a.sections[k].margins_declared {
                x.margins.header = y.margins.header;
                x.margins.footer = y.margins.footer;
                x.margins.gutter = y.margins.gutter;
            }
        }
        if ann.title_page && y.title_page {
            x.title_page = true;
        }
        if x != *y {
            out.push(format!("section {k}: {x:?}\n    → {y:?}"));
        }
    }
    for (what, same) in [
        ("headers", a.headers == b.headers),
        ("footers", a.footers == b.footers),
        ("footnotes", a.footnotes == b.footnotes),
        ("styles", a.styles == b.styles),
        ("settings", a.settings == b.settings),
        (
            "protection",
            (a.protected, a.signed) == (b.protected, b.signed),
        ),
    ] {
        if !same {
            out.push(format!("{what} changed"));
        }
    }
    out
}

/// A gap that sets columns apart on one line: a tab, or four spaces in a row.
fn gap(text: &str) -> bool {
    text.contains('\t') || text.contains("    ") || text.contains("\u{A0}\u{A0}\u{A0}\u{A0}")
}

/// Why an edit lands where the checker's reading of the element is not certain, if it does:
/// text replaced in a paragraph shown with other text than the file holds; formatting set
/// on a paragraph the view shows in pieces (lines, columns, text boxes); size, weight,
/// slant or underline set on a paragraph the file lays out as columns, or text replaced
/// across the gap between its columns.
fn doubt(e: &Edit, view: &View, doc: &DocxFile) -> Option<&'static str> {
    let shown = |i: usize, f: fn(&vanban::check::view::Para) -> bool| {
        view.paras.iter().any(|p| p.index == i && f(p))
    };
    let columns = |i: usize| {
        doc.paragraph(i).is_some_and(|p| {
            let t = p.text();
            t.trim().contains('\t') || (!p.in_table && gap(t.trim()))
        })
    };
    match e {
        Edit::ReplaceText {
            paragraph, find, ..
        } => {
            if shown(*paragraph, |p| p.shown_text) {
                Some("text replaced where the view shows other text than the file's")
            } else if gap(find) {
                Some("text replaced across a tab or four spaces in a row: layout, not a slip")
            } else {
                None
            }
        }
        Edit::RunProps {
            paragraph,
            font,
            size,
            bold,
            italic,
            underline,
        } => {
            let style = size.is_some() || bold.is_some() || italic.is_some() || underline.is_some();
            let legacy = |f: &str| f.starts_with(".Vn") || f.to_uppercase().starts_with("VNI-");
            let legacy_font = doc.paragraph(*paragraph).is_some_and(|p| {
                p.runs
                    .iter()
                    .filter_map(|r| r.font())
                    .any(|f| legacy(f.trim()))
            });
            if shown(*paragraph, |p| p.segment) {
                Some("formatting set on a paragraph the view shows in pieces")
            } else if style && columns(*paragraph) {
                Some("formatting set on a paragraph laid out as columns")
            } else if font.is_some() && legacy_font {
                Some("Times New Roman set on text of an 8-bit encoding (TCVN3, VNI): it would print other letters")
            } else {
                None
            }
        }
        Edit::KeepNext { paragraph } if shown(*paragraph, |p| p.segment) => {
            Some("paragraph property set on a paragraph the view shows in pieces")
        }
        _ => None,
    }
}

fn key(d: &Diagnostic) -> (String, Option<usize>, String) {
    (d.rule.clone(), d.location.paragraph, d.message.clone())
}

#[test]
fn safe_fixes_change_only_the_elements_their_findings_name() {
    let files = corpus();
    assert!(files.len() >= 60, "the real corpus is there");
    let mut problems = Vec::new();
    let (mut offered, mut applied_total, mut changed_files, mut refused) = (0, 0, 0, 0);
    let mut per_rule: BTreeMap<String, usize> = BTreeMap::new();
    let mut on_uncertain = Vec::new();

    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(path).unwrap();
        let started = std::time::Instant::now();
        let mut opts = CheckOptions::default();
        let mut report = check_docx(&bytes, &name, &opts).expect("the file checks");
        if report.scope.status != ScopeStatus::InScope {
            // Outside the scope nothing is found; checked with the rule set named, as a user
            // may, the fixes it proposes must be as safe.
            opts.ruleset = Some(report.ruleset.clone());
            report = check_docx(&bytes, &name, &opts).expect("the file checks");
        }
        let safe = report
            .diagnostics
            .iter()
            .filter(|d| {
                d.fix
                    .as_ref()
                    .is_some_and(|f| f.safety == FixSafety::Safe && !f.edits.is_empty())
            })
            .count();
        offered += safe;
        if report.protected || report.signed {
            assert!(apply_fixes(&bytes, &report, false).is_err(), "{name}");
            refused += 1;
            continue;
        }
        let before = read(&bytes);
        let (fixed, applied) = apply_safe(&bytes, &report, &before);
        if applied.is_empty() {
            continue;
        }
        applied_total += applied.len();
        changed_files += 1;
        for x in &applied {
            *per_rule.entry(x.diagnostic.rule.clone()).or_default() += 1;
        }

        // Only what the fixes announced changed.
        let after = read(&fixed);
        let ann = Announced::of(&applied);
        for d in diff_files(&before, &after, &ann) {
            problems.push(format!("{name}: {d}"));
        }

        // No safe fix lands on a paragraph the view reads uncertainly.
        let view = vanban::check::docx::view_of(&before);
        for x in &applied {
            let fix = x.diagnostic.fix.as_ref().unwrap();
            for e in &fix.edits {
                if let Some(why) = doubt(e, &view, &before) {
                    on_uncertain.push(format!(
                        "{name}: {} «{}» {e:?}: {why}",
                        x.diagnostic.rule, fix.title
                    ));
                }
            }
        }

        // The fixed file reads and checks again, without the findings fixed.
        let again = check_docx(&fixed, &name, &opts).expect("the fixed file checks");
        let left: BTreeSet<_> = again.diagnostics.iter().map(key).collect();
        for x in &applied {
            let k = key(&x.diagnostic);
            if left.contains(&k) {
                problems.push(format!(
                    "{name}: fixed finding still reported: {} đoạn {:?}: {}",
                    k.0, k.1, k.2
                ));
            }
        }
        eprintln!("{name}: {:.1} s", started.elapsed().as_secs_f64());
    }

    println!(
        "real corpus fixes: {} files, {offered} safe fixes offered, {applied_total} applied, \
         {changed_files} files changed, {refused} signed or protected files refused",
        files.len()
    );
    for (rule, n) in &per_rule {
        println!("  {rule}: {n}");
    }
    for u in &on_uncertain {
        println!("  on an uncertain paragraph: {u}");
    }
    problems.extend(on_uncertain);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
