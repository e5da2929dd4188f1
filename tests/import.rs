//! Import (`vanban import`): a Word document opened as a draft.
//!
//! Round trip: every example and every template starter (each template, each system it
//! declares, single and joint) is rendered to .docx, imported, rendered again; the two
//! laid-out documents must be equal, and so their plain texts. The cases that cannot
//! round-trip yet are listed by name with the reason, and the test fails if one of them
//! starts to pass (so the list stays honest) or if any other fails.
//!
//! Real files: every .docx of `tests/fixtures/real/` is imported; the counts of files that
//! import, whose draft renders, and whose rendered draft checks with zero errors are held
//! at least where they are now, and the body-text agreement is measured.

mod example_corpus;
mod starter_fill;
use example_corpus::examples_and_starters;

use std::collections::BTreeMap;
use std::path::Path;

use vanban::check::{check_docx, registry::Severity, CheckOptions};
use vanban::docx::write_laid_out;
use vanban::draft::Draft;
use vanban::import::{import_docx, EntryKind};
use vanban::laid::lay_out;
use vanban::model::{plain_text_of, text, Document};
use vanban::template::Templates;

/// Cases that do not round-trip yet, with why. Each must still fail: one that passes is
/// taken off this list.
const KNOWN_DIFFERENT: &[(&str, &str)] = &[];

/// Renders, writes, imports and renders again; `Err` says what differs.
fn round_trip(templates: &Templates, draft: &Draft) -> Result<(), String> {
    let doc: Document = draft.render(templates).map_err(|e| e.to_string())?;
    let laid = lay_out(&doc);
    let bytes = write_laid_out(&laid).map_err(|e| e.to_string())?;
    let imported = import_docx(&bytes, templates).map_err(|e| format!("import: {e}"))?;
    let again = imported.draft.render(templates).map_err(|e| {
        format!(
            "render of the imported draft: {e}\n{}",
            imported.draft.to_toml()
        )
    })?;
    // Facts the draft form spells one way only come back as they were. The text attached to
    // a decision (`issued_by`) prints no place: Mẫu 1.3 cites the decision by number, date
    // and issuer only.
    let got = &imported.draft;
    let prints_place = !templates
        .get(&draft.template)
        .is_ok_and(|t| t.issued_by.is_some());
    let same = [
        ("template", got.template == draft.template),
        ("system", got.system == draft.system),
        ("number", got.number == draft.number),
        ("unit", got.unit == draft.unit),
        ("place", got.place == draft.place || !prints_place),
        ("date", got.date == draft.date),
        ("urgency", got.urgency == draft.urgency),
        ("secrecy", got.secrecy == draft.secrecy),
        (
            "issuers",
            got.issuers.len() == draft.issuers.len()
                && got
                    .issuers
                    .iter()
                    .zip(&draft.issuers)
                    .all(|(a, b)| a.abbr == b.abbr && a.name == b.name),
        ),
        ("signers", got.signers.len() == draft.signers.len()),
        (
            "signer names",
            got.signers
                .iter()
                .zip(&draft.signers)
                .all(|(a, b)| a.name == b.name && a.authority == b.authority),
        ),
        (
            "electronic",
            got.recipients.electronic == draft.recipients.electronic,
        ),
    ];
    if let Some((what, _)) = same.iter().find(|(_, ok)| !ok) {
        return Err(format!("the draft's {what} differs\n{}", got.to_toml()));
    }
    let laid_again = lay_out(&again);
    if laid_again == laid {
        return Ok(());
    }
    let (a, b) = (plain_text_of(&laid), plain_text_of(&laid_again));
    if a == b {
        let (x, y) = (format!("{laid:#?}"), format!("{laid_again:#?}"));
        let at = x
            .lines()
            .zip(y.lines())
            .enumerate()
            .find(|(_, (a, b))| a != b)
            .map(|(k, _)| k)
            .unwrap_or(0);
        let around = |s: &str| {
            s.lines()
                .skip(at.saturating_sub(12))
                .take(16)
                .collect::<Vec<_>>()
                .join("\n")
        };
        return Err(format!(
            "same text, different layout\n{}\n---\n{}\n{}",
            around(&x),
            around(&y),
            imported.draft.to_toml()
        ));
    }
    let first = a
        .lines()
        .zip(b.lines())
        .find(|(x, y)| x != y)
        .map(|(x, y)| format!("original: {x}\nimported: {y}"))
        .unwrap_or_else(|| "one text is longer".into());
    Err(format!(
        "{first}\nreport:\n{}\n{}",
        imported.report.to_text(),
        imported.draft.to_toml()
    ))
}

#[test]
fn examples_and_starters_round_trip() {
    let templates = Templates::builtin().unwrap();
    let mut failures = Vec::new();
    let mut passed = 0;
    let mut stale = Vec::new();
    let cases = examples_and_starters(&templates);
    for (name, draft) in &cases {
        let known = KNOWN_DIFFERENT.iter().find(|(n, _)| n == name);
        match (round_trip(&templates, draft), known) {
            (Ok(()), None) => passed += 1,
            (Ok(()), Some(_)) => stale.push(name.clone()),
            (Err(_), Some(_)) => {}
            (Err(e), None) => failures.push(format!("== {name}: {e}")),
        }
    }
    eprintln!(
        "round trip: {passed} of {} pass, {} known different",
        cases.len(),
        KNOWN_DIFFERENT.len()
    );
    assert!(
        stale.is_empty(),
        "these now round-trip; take them off KNOWN_DIFFERENT: {stale:?}"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn importing_an_example_keeps_its_header_facts() {
    let templates = Templates::builtin().unwrap();
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/cong-van-trien-khai-3653-vpcp-lam-dong-2026.toml");
    let d = Draft::from_toml(&std::fs::read_to_string(path).unwrap()).unwrap();
    let bytes = vanban::docx::write_docx(&d.render(&templates).unwrap()).unwrap();
    let got = import_docx(&bytes, &templates).unwrap().draft;
    assert_eq!(got.template, d.template);
    assert_eq!(got.system, d.system);
    assert_eq!(got.number, d.number);
    assert_eq!(got.unit, d.unit);
    assert_eq!(got.place, d.place);
    assert_eq!(got.date, d.date);
    assert_eq!(got.subject, d.subject);
    assert_eq!(got.issuers, d.issuers);
    // Titles print in capitals: the draft may spell them either way.
    let upper = |s: &[vanban::model::Signer]| -> Vec<vanban::model::Signer> {
        s.iter()
            .map(|s| vanban::model::Signer {
                on_behalf: s.on_behalf.as_deref().map(text::upper),
                stacked: s
                    .stacked
                    .iter()
                    .map(|l| vanban::model::AuthorityLine {
                        authority: l.authority,
                        on_behalf: text::upper(&l.on_behalf),
                    })
                    .collect(),
                position: text::upper(&s.position),
                ..s.clone()
            })
            .collect()
    };
    assert_eq!(upper(&got.signers), upper(&d.signers));
    assert_eq!(got.addressees, d.addressees);
    assert_eq!(got.recipients.archive, d.recipients.archive);
}

/// Body text of a laid-out or read document: NFC, whitespace folded, one string.
fn folded(s: &str) -> String {
    text::squash_spaces(&text::nfc(s))
}

/// The body paragraphs of a .docx as the checker's view finds them.
fn body_paras(bytes: &[u8]) -> Vec<String> {
    let doc = vanban::reader::read_docx(bytes, &vanban::reader::Limits::default()).unwrap();
    let view = vanban::check::docx::view_of(&doc);
    view.parts
        .noi_dung
        .iter()
        .map(|&i| view.paras[i].text.clone())
        .collect()
}

/// The body paragraphs outside tables of a .docx, with their paragraph index, folded.
fn body_lines(bytes: &[u8]) -> Vec<(usize, String)> {
    let doc = vanban::reader::read_docx(bytes, &vanban::reader::Limits::default()).unwrap();
    let view = vanban::check::docx::view_of(&doc);
    view.parts
        .noi_dung
        .iter()
        .map(|&i| &view.paras[i])
        .filter(|p| p.cell.is_none())
        .map(|p| (p.index, folded(&p.text).trim().to_string()))
        .filter(|(_, t)| !t.is_empty())
        .collect()
}

/// The paragraphs of the original printed with another text in the output (set side by side
/// where a diff of the two lists replaces as many paragraphs as it removes) that no report
/// entry names: a change the user was not told of.
fn silent_changes(
    original: &[(usize, String)],
    output: &[(usize, String)],
    reported: &[usize],
) -> Vec<String> {
    let a: Vec<&str> = original.iter().map(|(_, t)| t.as_str()).collect();
    let b: Vec<&str> = output.iter().map(|(_, t)| t.as_str()).collect();
    let mut silent = Vec::new();
    for op in similar::capture_diff_slices(similar::Algorithm::Myers, &a, &b) {
        if let similar::DiffOp::Replace {
            old_index,
            old_len,
            new_index,
            new_len,
        } = op
        {
            if old_len != new_len {
                continue;
            }
            for k in 0..old_len {
                let (index, was) = &original[old_index + k];
                if !reported.contains(index) {
                    silent.push(format!("đoạn {index}: «{was}» → «{}»", b[new_index + k]));
                }
            }
        }
    }
    silent
}

/// The body text, folded: NFC, whitespace folded, one string.
fn body_text(paras: &[String]) -> String {
    folded(&paras.join(" "))
}

/// The words of the body without what Vanban computes: each paragraph's typed label ("Phần
/// thứ nhất", "Chương I", "Điều 3.", "I.", "1.2.", "a)", "-"), punctuation, and case; what
/// is left is the sequence of words (letters and digits), which an import must keep.
fn body_words(paras: &[String]) -> String {
    let label = regex::Regex::new(
        r"^(?i:(phần\s+(thứ\s+)?\S+|chương\s+[IVXLC\d]+|mục\s+\d+|điều\s+\d+|kính gửi)\s*[.:]?|[IVXLC]+\s*[.\-–]|\d+(\.\d+)*\.?|[a-zđ]\)|[-–+])\s*",
    )
    .unwrap();
    paras
        .iter()
        .map(|p| folded(p))
        .map(|p| label.replace(&p, "").to_uppercase())
        .flat_map(|p| {
            p.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[derive(Debug, Default)]
struct RealCounts {
    files: usize,
    imported: usize,
    rendered: usize,
    zero_errors: usize,
    body_equal: usize,
    /// The same words in the same order (labels, punctuation and case aside).
    words_equal: usize,
    /// Files with a body paragraph printed otherwise than the original without a report
    /// entry saying so.
    silent: usize,
}

#[test]
fn real_files_import() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real");
    let templates = Templates::builtin().unwrap();
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "docx"))
        .collect();
    paths.sort();
    let mut c = RealCounts::default();
    let mut lines = BTreeMap::new();
    for p in &paths {
        c.files += 1;
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(p).unwrap();
        let imported = match import_docx(&bytes, &templates) {
            Ok(i) => i,
            Err(e) => {
                lines.insert(name, format!("import error: {e}"));
                continue;
            }
        };
        c.imported += 1;
        let doc = match imported.draft.render(&templates) {
            Ok(d) => d,
            Err(e) => {
                lines.insert(name, format!("render error: {e}"));
                continue;
            }
        };
        c.rendered += 1;
        let out = vanban::docx::write_docx(&doc).unwrap();
        let r = check_docx(&out, &name, &CheckOptions::default()).unwrap();
        let errors: Vec<&str> = r
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error && !d.needs_review)
            .map(|d| d.rule.as_str())
            .collect();
        if errors.is_empty() {
            c.zero_errors += 1;
        }
        let (orig_paras, back_paras) = (body_paras(&bytes), body_paras(&out));
        let (before, after) = (body_text(&orig_paras), body_text(&back_paras));
        let equal = before == after;
        let (wa, wb) = (body_words(&orig_paras), body_words(&back_paras));
        if wa == wb {
            c.words_equal += 1;
        } else if std::env::var_os("VANBAN_IMPORT_WORDS").is_some() {
            let k = wa
                .chars()
                .zip(wb.chars())
                .take_while(|(a, b)| a == b)
                .count();
            let show = |s: &str| {
                s.chars()
                    .skip(k.saturating_sub(30))
                    .take(100)
                    .collect::<String>()
            };
            eprintln!("WORDS {name}\n  orig: {}\n  back: {}", show(&wa), show(&wb));
        }
        if !equal && std::env::var_os("VANBAN_IMPORT_DIFF").is_some() {
            let k = before
                .chars()
                .zip(after.chars())
                .take_while(|(a, b)| a == b)
                .count();
            let show = |s: &str| {
                s.chars()
                    .skip(k.saturating_sub(40))
                    .take(120)
                    .collect::<String>()
            };
            eprintln!(
                "DIFF {name}\n  orig: {}\n  back: {}",
                show(&before),
                show(&after)
            );
        }
        if equal {
            c.body_equal += 1;
        }
        let reported: Vec<usize> = imported
            .report
            .entries
            .iter()
            .filter_map(|e| e.paragraph)
            .collect();
        let silent = silent_changes(&body_lines(&bytes), &body_lines(&out), &reported);
        if !silent.is_empty() {
            c.silent += 1;
            eprintln!("SILENT {name}\n  {}", silent.join("\n  "));
        }
        lines.insert(
            name,
            format!(
                "{} errors {:?}, body text {}, {} report entries",
                imported.draft.template,
                errors,
                if equal { "equal" } else { "differs" },
                imported.report.entries.len()
            ),
        );
    }
    for (n, l) in &lines {
        eprintln!("{n}: {l}");
    }
    eprintln!("{c:?}");
    // Held where they are now (110 files: 110 import, 110 render, 107 check with 0 errors,
    // 78 bodies equal exactly, 98 with the same words in the same order): a regression fails
    // here; raise the numbers when they improve. An error is what the checker reports as
    // one, not a "xem lại" (098's "TS." at a university). Two with errors keep a labelled
    // true fault of the original that only a person can fix: 095, whose signature names the
    // two units and no signer; 114's ký hiệu "/BCĐ" without the drafting unit a công văn
    // needs. The third, 107, is a Đoàn TNCS document (outside both rule sets), drafted as a
    // state công văn. (094 and 096 have no Nơi nhận and 100's Lưu line lacks "VT": the draft
    // prints the văn thư's "- Lưu: VT" and reports it; 021's "TTr-CAT(PC04)" is written
    // "TTr-CAT-PC04" and 115's "HSSV-KHCN TT" "HSSV-KHCNTT", reported.)
    assert_eq!(c.files, 110);
    assert!(c.imported >= 110, "{c:?}");
    assert!(c.rendered >= 110, "{c:?}");
    assert!(c.zero_errors >= 107, "{c:?}");
    assert!(c.body_equal >= 78, "{c:?}");
    assert!(c.words_equal >= 98, "{c:?}");
    // Every paragraph the draft prints otherwise is in the report.
    assert_eq!(c.silent, 0, "{c:?}");
}

/// Runs the `vanban` binary.
fn vanban(args: &[&std::ffi::OsStr]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(args)
        .env_remove("VANBAN_TEMPLATES")
        .output()
        .expect("vanban runs")
}

#[test]
fn cli_imports_writes_the_draft_and_reports_in_vietnamese() {
    let dir = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/real/002-qd-ubnd-lam-dong-hd-atvsld.docx");
    let input = dir.path().join("goc.docx");
    std::fs::copy(&src, &input).unwrap();
    let out = dir.path().join("ban-thao.toml");
    let o = vanban(&[
        "import".as_ref(),
        input.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
        "--report".as_ref(),
    ]);
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(stdout.contains("Mẫu: quyet-dinh"), "{stdout}");
    // The responsibility typed as an unnumbered paragraph under the effect article is held
    // as such (the template's switch), so nothing is left to report.
    assert!(stdout.contains("Nhập trọn vẹn"), "{stdout}");
    let draft = Draft::from_toml(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(draft.template, "quyet-dinh");
    assert_eq!(draft.fields["trach_nhiem_lien"], "có");
    draft.render(&Templates::builtin().unwrap()).unwrap();
    // The input is untouched.
    assert_eq!(std::fs::read(&input).unwrap(), std::fs::read(&src).unwrap());
}

#[test]
fn cli_refuses_to_write_over_its_input() {
    let dir = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/real/010-cv-ubnd-binh-thuan-3083.docx");
    let input = dir.path().join("goc.docx");
    std::fs::copy(&src, &input).unwrap();
    let o = vanban(&[
        "import".as_ref(),
        input.as_os_str(),
        "-o".as_ref(),
        input.as_os_str(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("không ghi đè"));
    assert_eq!(std::fs::read(&input).unwrap(), std::fs::read(&src).unwrap());
    // Not a .docx: a Vietnamese error, exit 2.
    let junk = dir.path().join("x.docx");
    std::fs::write(&junk, b"not a zip").unwrap();
    let o = vanban(&["import".as_ref(), junk.as_os_str()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("không đọc được"));
}

#[test]
fn nothing_is_dropped_silently_from_a_body_with_a_picture() {
    // A real file whose body holds a drawing: the report lists it with its paragraph.
    let templates = Templates::builtin().unwrap();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real");
    let mut found = false;
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_none_or(|x| x != "docx") {
            continue;
        }
        let imported = import_docx(&std::fs::read(&p).unwrap(), &templates).unwrap();
        for entry in &imported.report.entries {
            if entry.note.contains("hình ảnh") {
                assert!(entry.paragraph.is_some(), "{entry:?}");
                found = true;
            }
        }
    }
    assert!(found, "one real file at least has a picture in its body");
}

#[test]
fn every_fixture_docx_imports_or_fails_with_a_message() {
    // Hand-built, malformed and real files alike: an import never panics, and a draft it
    // returns renders.
    fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "docx") {
                out.push(p);
            }
        }
    }
    let mut files = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"),
        &mut files,
    );
    assert!(files.len() > 100, "{}", files.len());
    let templates = Templates::builtin().unwrap();
    let mut failed_render = Vec::new();
    for p in &files {
        let bytes = std::fs::read(p).unwrap();
        match import_docx(&bytes, &templates) {
            Ok(i) => {
                if let Err(e) = i.draft.render(&templates) {
                    failed_render.push(format!("{}: {e}", p.display()));
                }
            }
            Err(e) => assert!(!e.to_string().is_empty()),
        }
    }
    assert!(failed_render.is_empty(), "{}", failed_render.join("\n"));
}

/// A real file of the corpus imported, and the plain text of its draft rendered again.
/// A real file of `tests/fixtures/real/` imported: the draft and the report.
fn real_imported(name: &str) -> vanban::import::Imported {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/real")
        .join(name);
    import_docx(
        &std::fs::read(path).unwrap(),
        &Templates::builtin().unwrap(),
    )
    .unwrap()
}

fn real_import(name: &str) -> (Draft, String) {
    let templates = Templates::builtin().unwrap();
    let draft = real_imported(name).draft;
    let doc = draft.render(&templates).unwrap();
    let plain = folded(&vanban::model::plain_text(&doc));
    (draft, plain)
}

#[test]
fn an_attached_text_keeps_who_issued_its_decision() {
    // 035: "(Kèm theo Quyết định số /QĐ-UBND ngày tháng 12 năm 2025 / của Chủ tịch Ủy ban
    // nhân dân tỉnh Lâm Đồng)", Mẫu 1.3's own lead words, signed by the Chủ tịch.
    let (d, plain) = real_import("035-dieu-le-bong-ban-lam-dong.docx");
    let w = d.decision.as_ref().expect("the office's words are kept");
    assert_eq!(w.lead.as_deref(), Some("Kèm theo"));
    assert_eq!(
        w.by.as_deref(),
        Some("Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng")
    );
    assert!(
        plain.contains("(Kèm theo Quyết định số")
            && plain.contains("tháng 12 năm 2025 của Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng)"),
        "{plain}"
    );
    // 050: "(Ban hành theo Quyết định số /QĐ-BQTSGD … của Trưởng Ban Quản trị Sàn giao dịch
    // thương mại điện tử tỉnh Hà Tĩnh)".
    let (d, plain) = real_import("050-quy-che-stttt-ha-tinh-tmdt.docx");
    assert_eq!((d.number, d.date.year), (None, 2015));
    assert!(
        plain.contains("(Ban hành theo Quyết định số ")
            && plain.contains(
                "năm 2015 của Trưởng Ban Quản trị Sàn giao dịch thương mại điện tử tỉnh Hà Tĩnh)"
            ),
        "{plain}"
    );
    // The draft carries the words: render → import → render gives them back.
    let templates = Templates::builtin().unwrap();
    round_trip(&templates, &d).unwrap();
}

#[test]
fn one_addressee_keeps_its_full_stop() {
    // "Kính gửi: Sở Khoa học và Công nghệ." NĐ 30 (Phụ lục I, Ô 9a) sets the punctuation of
    // a list of addressees only; one on the label's line keeps the office's.
    for name in [
        "010-cv-ubnd-binh-thuan-3083.docx",
        "014-cv-ubnd-lam-dong-3653.docx",
        "066-cv-snv-lam-dong-hoi.docx",
    ] {
        let (d, plain) = real_import(name);
        assert_eq!(d.addressees.len(), 1, "{name}: {:?}", d.addressees);
        let a = &d.addressees[0];
        assert!(a.ends_with('.') && !a.ends_with(".."), "{name}: {a}");
        assert!(plain.contains(&format!("Kính gửi: {a}")), "{name}: {plain}");
    }
    // Without a stop it prints none; a list computes ";" and "." whatever is typed.
    let templates = Templates::builtin().unwrap();
    let def = templates.get("cong-van").unwrap();
    let mut d = Draft::starter(def, vanban::model::System::State, false, 2024);
    starter_fill::filled(&mut d);
    example_corpus::fill_empty_fields(&mut d, def);
    for (given, printed) in [
        (vec!["Sở Nội vụ."], "Kính gửi: Sở Nội vụ."),
        (vec!["Sở Nội vụ"], "Kính gửi: Sở Nội vụ"),
        (
            vec!["Sở Nội vụ.", "Sở Tài chính."],
            "- Sở Nội vụ; - Sở Tài chính.",
        ),
    ] {
        d.addressees = given.iter().map(|s| s.to_string()).collect();
        let plain = folded(&vanban::model::plain_text(&d.render(&templates).unwrap()));
        assert!(plain.contains(printed), "{given:?}: {plain}");
        let stop = given.len() == 1 && given[0].ends_with('.');
        assert_eq!(plain.contains("Kính gửi: Sở Nội vụ."), stop, "{plain}");
        round_trip(&templates, &d).unwrap();
    }
}

#[test]
fn kinh_gui_set_in_a_table_and_wrapped_by_hand_reads_as_its_addressees() {
    // Lào Cai sets "Kính gửi:" in a borderless table, the addressees in the next cell, and
    // breaks a long one onto a second line by hand ("- Các Sở: Công Thương, Tài chính, Xây
    // dựng," / "Nông nghiệp và Môi trường;").
    let templates = Templates::builtin().unwrap();
    let imported = real_imported("082-cv-ubnd-lao-cai-di-doi-ccn.docx");
    assert_eq!(
        imported.draft.addressees,
        [
            "Các Sở: Công Thương, Tài chính, Xây dựng, Nông nghiệp và Môi trường",
            "UBND các phường: Yên Bái, Văn Phú, Âu Lâu",
        ]
    );
    // Its export checks clean: a long Kính gửi line is not running text of the body.
    let doc = imported.draft.render(&templates).unwrap();
    let out = vanban::docx::write_docx(&doc).unwrap();
    let r = check_docx(&out, "082", &CheckOptions::default()).unwrap();
    let errors: Vec<_> = r
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error && !d.needs_review)
        .map(|d| format!("{} {}", d.rule, d.message))
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    // The giấy mời's footnote on an addressee cannot follow it into the draft: reported,
    // with its text.
    let imported = real_imported("074-giay-moi-ubnd-lao-cai-ccn.docx");
    assert_eq!(imported.draft.addressees.len(), 4);
    assert!(imported.report.entries.iter().any(
        |e| e.kind == vanban::import::EntryKind::Omitted && e.note.contains("Gia Phú, Văn Bàn")
    ));
}

#[test]
fn a_cell_spanning_columns_keeps_every_value_under_its_heading() {
    // Lào Cai's report: "Cơ quan cấp phép" spans three columns over "Bộ Công Thương", "Bộ
    // Quốc phòng" and "UBND tỉnh/Sở Công Thương", beside four headings merged down two rows.
    // Placed by cell index, the second row slid under "TT" and the figures under the wrong
    // bodies; placed on the grid, each figure stays under its heading.
    let imported = real_imported("084-bc-ubnd-lao-cai-vlncn-2025.docx");
    let body: String = imported.draft.fields.values().cloned().collect();
    let row = |start: &str| {
        body.lines()
            .find(|l| l.starts_with(start))
            .unwrap_or_else(|| panic!("no row {start}: {body}"))
            .split('|')
            .map(|c| c.trim().trim_matches('*').to_string())
            .collect::<Vec<_>>()
    };
    let head = row("| TT |");
    // The sub-headings are bold too: the header is two rows, the separator after the second.
    let second = row("| ^ | ^ | ^ | ^ | Bộ Công Thương");
    let after_second = body
        .lines()
        .skip_while(|l| !l.starts_with("| ^ | ^ | ^ | ^ | Bộ Công Thương"))
        .nth(1);
    assert!(
        after_second.is_some_and(|l| l.starts_with("|---|")),
        "{after_second:?}\n{body}"
    );
    let after_first = body.lines().skip_while(|l| !l.starts_with("| TT |")).nth(1);
    assert!(
        after_first.is_some_and(|l| l.starts_with("| ^ |")),
        "{after_first:?}"
    );
    let first_data = row("| 1 |");
    assert_eq!(head.len(), 9, "{head:?}"); // seven cells between the outer bars
    assert_eq!(head[5..8], ["Cơ quan cấp phép", "<", "<"]);
    assert_eq!(
        second[5..8],
        [
            "Bộ Công Thương",
            "Bộ Quốc phòng",
            "UBND tỉnh/Sở Công Thương"
        ]
    );
    assert_eq!(first_data[5..8], ["11", "00", "39"]);
    // The merges are kept, not blanked: nothing to report.
    assert!(
        !imported
            .report
            .entries
            .iter()
            .any(|e| e.note.contains("ô gộp")),
        "{}",
        imported.report.to_text()
    );
}

#[test]
fn a_bold_section_row_under_a_one_row_heading_stays_in_the_body() {
    // Lâm Đồng's plan: "STT | Nhiệm vụ | …" in bold, then "I | Cải cách thể chế" in bold
    // with blank cells beside it: a group of tasks, not a sub-heading row.
    let body: String = real_imported("030-kh-ubnd-lam-dong-cchc-2026.docx")
        .draft
        .fields
        .values()
        .cloned()
        .collect();
    let mut lines = body
        .lines()
        .skip_while(|l| !l.starts_with("| STT | Nhiệm vụ |"));
    assert!(lines.next().is_some(), "{body}");
    assert!(
        lines.next().is_some_and(|l| l.starts_with("|---|")),
        "{body}"
    );
    assert!(
        lines.next().is_some_and(|l| l.starts_with("| **I** |")),
        "{body}"
    );
}

/// A table with a heading over two columns, two headings merged down two rows and a group
/// name down three rows, as offices set them.
const MERGED_TABLE: &str = "\n| TT | Nội dung | Kết quả | < |\n|---|---|---|---|\n| ^ | ^ | Đạt | Chưa đạt |\n| 1 | Cấp xã | 12 | 3 |\n| ^ | Cấp huyện | 4 | 1 |\n| ^ | Cấp tỉnh | \\< | \\^ |\n";

#[test]
fn a_merged_table_round_trips_through_docx() {
    let templates = Templates::builtin().unwrap();
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/bao-cao-tong-ket-dan-van-2019.toml");
    let mut draft = Draft::from_toml(&std::fs::read_to_string(path).unwrap()).unwrap();
    draft
        .fields
        .get_mut("noi_dung")
        .unwrap()
        .push_str(MERGED_TABLE);
    round_trip(&templates, &draft).unwrap();
    // The imported draft writes the same merges.
    let doc = draft.render(&templates).unwrap();
    let bytes = vanban::docx::write_docx(&doc).unwrap();
    let imported = import_docx(&bytes, &templates).unwrap();
    let body: String = imported.draft.fields.values().cloned().collect();
    for row in [
        "| TT | Nội dung | Kết quả | < |",
        "| ^ | ^ | Đạt | Chưa đạt |",
        "| ^ | Cấp huyện | 4 | 1 |",
        "| ^ | Cấp tỉnh | \\< | \\^ |",
    ] {
        assert!(body.contains(row), "no row {row}:\n{body}");
    }
}

#[test]
fn a_real_file_with_merged_cells_reimports_to_the_same_draft() {
    // Hà Tĩnh's programme: headings over two rows, "Số tiết" over two columns, a note
    // merged down fourteen rows. Imported, written and imported again, the draft is the same.
    let templates = Templates::builtin().unwrap();
    for name in [
        "048-ct-ttcntt-ha-tinh-2017.docx",
        "084-bc-ubnd-lao-cai-vlncn-2025.docx",
    ] {
        let first = real_imported(name).draft;
        let bytes = vanban::docx::write_docx(&first.render(&templates).unwrap()).unwrap();
        let again = import_docx(&bytes, &templates).unwrap().draft;
        let tables = |d: &Draft| -> Vec<String> {
            d.fields
                .values()
                .flat_map(|v| v.lines())
                .filter(|l| l.starts_with('|'))
                .map(str::to_string)
                .collect()
        };
        let (a, b) = (tables(&first), tables(&again));
        assert!(a.iter().any(|l| l.contains("| ^ |")), "{name}: {a:?}");
        assert_eq!(a, b, "{name}");
    }
}

#[test]
fn a_plan_without_purpose_gains_no_purpose_heading() {
    // 030 goes from its opening to "I. NỘI DUNG …": no "MỤC ĐÍCH, YÊU CẦU".
    let (d, plain) = real_import("030-kh-ubnd-lam-dong-cchc-2026.docx");
    assert_eq!(d.template, "ke-hoach");
    assert!(!d.fields.contains_key("muc_dich_yeu_cau"), "{:?}", d.fields);
    assert!(!plain.contains("MỤC ĐÍCH, YÊU CẦU"), "{plain}");
}

#[test]
fn a_decision_ends_with_an_unnumbered_responsibility_as_the_original() {
    // "Điều 5. Quyết định này có hiệu lực kể từ ngày ký ban hành." then "Chánh Văn phòng …
    // chịu trách nhiệm thi hành Quyết định này./.", no "Điều 6.".
    for name in [
        "002-qd-ubnd-lam-dong-hd-atvsld.docx",
        "065-qd-ubnd-lam-dong-doi-ucsc.docx",
    ] {
        let (d, plain) = real_import(name);
        assert_eq!(d.template, "quyet-dinh", "{name}");
        assert_eq!(
            d.fields.get("trach_nhiem_lien").map(String::as_str),
            Some("có"),
            "{name}"
        );
        let effect = plain.rfind("có hiệu lực").expect("effect article");
        let article = &plain[plain[..effect].rfind("Điều ").unwrap() + "Điều ".len()..];
        let n: u32 = article[..article.find('.').unwrap()].parse().unwrap();
        assert!(
            plain.rfind("chịu trách nhiệm thi hành").unwrap() > effect,
            "{name}"
        );
        assert!(
            !plain.contains(&format!("Điều {}.", n + 1)),
            "{name}: {plain}"
        );
    }
}

#[test]
fn the_van_thu_keeps_the_original_of_every_state_document() {
    // 100: "- Lưu: Ban TĐKT." without the văn thư: the draft prints "VT" first and says so.
    let i = real_imported("100-hd-hdtdkt-hung-yen-cum-khoi-thi-dua.docx");
    assert_eq!(i.draft.recipients.archive, "VT, Ban TĐKT");
    let e = i
        .report
        .entries
        .iter()
        .find(|e| e.note.contains("văn thư lưu bản gốc"))
        .expect("the added VT is reported");
    assert_eq!(e.kind, EntryKind::Changed);
    assert_eq!(e.text_start, "Ban TĐKT");
    // 094: no Nơi nhận at all. The văn thư's line is printed; the recipients and the drafting
    // unit are for a person, and the report asks for them.
    let i = real_imported("094-bc-tuan-phong-vhxh-phu-my-bac.docx");
    assert_eq!(i.draft.recipients.archive, "VT");
    assert!(i.draft.recipients.items.is_empty());
    assert!(i
        .report
        .entries
        .iter()
        .any(|e| e.kind == EntryKind::Missing && e.note.contains("cần bổ sung nơi nhận")));
    let (_, plain) = real_import("094-bc-tuan-phong-vhxh-phu-my-bac.docx");
    assert!(plain.contains("- Lưu: VT."), "{plain}");
    // A Lưu line that already names the văn thư is left as typed.
    let i = real_imported("014-cv-ubnd-lam-dong-3653.docx");
    assert!(i.draft.recipients.archive.starts_with("VT"));
    assert!(!i.report.entries.iter().any(|e| e.note.contains("văn thư")));
}
