//! One truth per fact: every example and every template starter (each template, state and
//! Party, single and joint) goes through the three back ends of the laid-out document (the
//! .docx writer, the HTML preview, the plain text), and each back end's own output is read
//! back: the .docx with the crate's reader, the preview from the data attributes it puts on
//! each paragraph, the plain text line by line. They must agree on the sequence of paragraphs
//! (text, in order, drawn lines included), on each paragraph's size, bold, italic and
//! alignment (.docx and preview), on the length of every drawn line, and on the footnotes.

mod example_corpus;
mod starter_fill;
use example_corpus::{examples_and_starters, fill_empty_fields};
use starter_fill::filled;

use regex::Regex;
use vanban::draft::Draft;
use vanban::model::{plain_text, Document, PLAIN_FOOTNOTE_SEPARATOR, PLAIN_RULE};
use vanban::reader::{read_docx, Alignment, BodyItem, Limits, Paragraph};
use vanban::template::Templates;

/// What a back end shows of one paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Fact {
    /// Visible text, footnote marks as "(n)", line breaks as '\n'; a drawn line is
    /// "<rule>".
    text: String,
    /// Size in half-points, bold, italic of the first run with text; alignment.
    look: Option<(u16, bool, bool, &'static str)>,
    /// Length of a drawn line in twips.
    rule: Option<i32>,
}

const RULE: &str = "<rule>";

/// The examples and the template starters, by name, rendered.
fn corpus() -> Vec<(String, Document)> {
    let templates = Templates::builtin().unwrap();
    examples_and_starters(&templates)
        .into_iter()
        .map(|(name, d)| {
            let doc = d
                .render(&templates)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            (name, doc)
        })
        .collect()
}

fn align(a: Option<Alignment>) -> &'static str {
    match a {
        None | Some(Alignment::Left) => "left",
        Some(Alignment::Center) => "center",
        Some(Alignment::Justify) => "justify",
        Some(Alignment::Right) => "right",
        Some(Alignment::Distribute) => "distribute",
    }
}

/// A .docx paragraph as a fact: `room` is the width it is set in (its cell, or the text).
fn docx_fact(p: &Paragraph, room: i32) -> Option<Fact> {
    let mut text = String::new();
    for r in &p.runs {
        match r.is_footnote_ref {
            Some(id) => text.push_str(&format!("({id})")),
            None => text.push_str(&r.text),
        }
    }
    if text.trim().is_empty() {
        let b = p.border_bottom.as_ref()?;
        assert!(b.is_visible());
        let side = |t: Option<vanban::layout::Twips>| t.map_or(0, |t| t.0);
        return Some(Fact {
            text: RULE.into(),
            look: None,
            rule: Some(room - side(p.indent.left) - side(p.indent.right)),
        });
    }
    let first = p.text_runs().next()?;
    Some(Fact {
        text,
        look: Some((
            first.size.map_or(0, |s| s.0),
            first.bold,
            first.italic,
            align(p.alignment),
        )),
        rule: None,
    })
}

/// The paragraphs and footnotes of the .docx, read back with the crate's reader.
fn docx_facts(bytes: &[u8]) -> (Vec<Fact>, Vec<String>) {
    let file = read_docx(bytes, &Limits::default()).unwrap();
    let s = &file.sections[0];
    let text_width = s.page_width.0 - s.margins.left.0 - s.margins.right.0;
    let mut out = Vec::new();
    for b in &file.blocks {
        match b {
            BodyItem::Paragraph(p) => out.extend(docx_fact(p, text_width)),
            BodyItem::Table(t) => {
                for cell in t.rows.iter().flat_map(|r| r.cells.iter()) {
                    let room = cell.width.map_or(0, |w| w.value);
                    for p in cell.paragraphs() {
                        out.extend(docx_fact(p, room));
                    }
                }
            }
        }
    }
    let notes = file
        .footnotes
        .iter()
        .map(|f| f.text().trim().to_string())
        .collect();
    (out, notes)
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The paragraphs and footnotes of the preview, from the data attributes of each `<p>` and
/// each drawn line.
fn html_facts(html: &str) -> (Vec<Fact>, Vec<String>) {
    let item = Regex::new(
        r#"<p data-el="([a-z_]+)" data-sz="(\d+)" data-b="([01])" data-i="([01])" data-al="([a-z]+)" style="[^"]*">(.*?)</p>|<div class="vb-rule" data-el="[a-z_]+" data-w="(-?\d+)""#,
    )
    .unwrap();
    let fn_mark = Regex::new(r#"<sup class="vb-fn">(\d+)</sup>"#).unwrap();
    let own_mark = Regex::new(r"^<sup>\d+</sup>").unwrap();
    let tag = Regex::new(r"<[^>]+>").unwrap();
    let mut out = Vec::new();
    let mut notes = Vec::new();
    for c in item.captures_iter(html) {
        if let Some(w) = c.get(7) {
            out.push(Fact {
                text: RULE.into(),
                look: None,
                rule: Some(w.as_str().parse().unwrap()),
            });
            continue;
        }
        let el = &c[1];
        let inner = c[6].replace("<br>", "\n");
        if el == "chu_thich" {
            let inner = own_mark.replace(&inner, "");
            notes.push(unescape(&tag.replace_all(&inner, "")).trim().to_string());
            continue;
        }
        if el == "so_trang" {
            continue;
        }
        let inner = fn_mark.replace_all(&inner, "($1)");
        let text = unescape(&tag.replace_all(&inner, ""));
        if text.trim().is_empty() {
            continue;
        }
        let al: &'static str = match &c[5] {
            "left" => "left",
            "center" => "center",
            "justify" => "justify",
            other => panic!("unknown alignment {other}"),
        };
        out.push(Fact {
            text,
            look: Some((c[2].parse().unwrap(), &c[3] == "1", &c[4] == "1", al)),
            rule: None,
        });
    }
    (out, notes)
}

/// The plain text's lines and footnotes: a drawn line is `PLAIN_RULE`, the footnotes follow
/// `PLAIN_FOOTNOTE_SEPARATOR` as "(n) text".
fn plain_facts(text: &str) -> (Vec<String>, Vec<String>) {
    let mut lines = Vec::new();
    let mut notes = Vec::new();
    let mut in_notes = false;
    let note = Regex::new(r"^\((\d+)\)(.*)$").unwrap();
    for line in text.lines() {
        if line == PLAIN_FOOTNOTE_SEPARATOR {
            in_notes = true;
            continue;
        }
        if in_notes {
            if let Some(c) = note.captures(line) {
                notes.push(c[2].trim().to_string());
                continue;
            }
            in_notes = false;
        }
        if line.trim().is_empty() {
            continue;
        }
        lines.push(if line == PLAIN_RULE { RULE } else { line }.to_string());
    }
    (lines, notes)
}

/// Lines of a sequence of facts, as plain text shows them.
fn lines_of(facts: &[Fact]) -> Vec<String> {
    facts
        .iter()
        .flat_map(|f| f.text.split('\n').map(str::to_string).collect::<Vec<_>>())
        .collect()
}

/// The first difference between two sequences, for a readable failure.
fn first_difference<T: std::fmt::Debug + PartialEq>(a: &[T], b: &[T]) -> Option<String> {
    let i = a.iter().zip(b).position(|(x, y)| x != y);
    match i {
        Some(i) => Some(format!(
            "item {i}:\n  docx: {:?}\n  other: {:?}",
            a[i], b[i]
        )),
        None if a.len() != b.len() => Some(format!(
            "lengths {} and {}; extra: {:?}",
            a.len(),
            b.len(),
            if a.len() > b.len() {
                format!("{:?}", &a[b.len()..])
            } else {
                format!("{:?}", &b[a.len()..])
            }
        )),
        None => None,
    }
}

#[test]
fn docx_preview_and_plain_text_agree_on_every_paragraph() {
    let corpus = corpus();
    assert!(corpus.len() >= 5 + 6 * 4, "{} documents", corpus.len());
    let mut failures = Vec::new();
    for (name, doc) in &corpus {
        failures.extend(disagreements(name, doc));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Where the three back ends disagree on one document, as messages.
fn disagreements(name: &str, doc: &Document) -> Vec<String> {
    let mut failures = Vec::new();
    let bytes = vanban::docx::write_docx(doc).unwrap();
    let (docx, docx_notes) = docx_facts(&bytes);
    let (html, html_notes) = html_facts(&vanban::preview::render(doc).html);
    let (plain, plain_notes) = plain_facts(&plain_text(doc));
    assert!(
        docx.len() > 10,
        "{name}: {} paragraphs read back",
        docx.len()
    );
    if let Some(d) = first_difference(&docx, &html) {
        failures.push(format!("{name}: .docx and preview differ at {d}"));
    }
    if let Some(d) = first_difference(&lines_of(&docx), &plain) {
        failures.push(format!("{name}: .docx and plain text differ at {d}"));
    }
    if let Some(d) = first_difference(&docx_notes, &html_notes) {
        failures.push(format!(
            "{name}: footnotes of .docx and preview differ at {d}"
        ));
    }
    if let Some(d) = first_difference(&docx_notes, &plain_notes) {
        failures.push(format!(
            "{name}: footnotes of .docx and plain text differ at {d}"
        ));
    }
    failures
}

/// A table with merged cells (ô gộp): a heading over two columns, headings and a group
/// name down several rows, in a report and a decision, state and Party.
#[test]
fn a_table_with_merged_cells_agrees_across_back_ends() {
    let table = vanban::markup::parse(
        "| TT | Nội dung | Kết quả | < |\n|---|---|---|---|\n| ^ | ^ | Đạt | Chưa đạt |\n| Nhóm A | Cấp xã^[Số liệu đến ngày 15/12.] | 12 | 3 |\n| ^ | Cấp huyện | 4 | 1 |\n",
    )
    .unwrap();
    let mut failures = Vec::new();
    let mut seen = 0;
    for (name, mut doc) in corpus() {
        if ![
            "bao-cao-tong-ket-dan-van-2019",
            "quyet-dinh-bao-ve-moi-truong-ha-tinh-2018",
        ]
        .contains(&name.as_str())
        {
            continue;
        }
        seen += 1;
        doc.body.blocks.splice(0..0, table.blocks.iter().cloned());
        failures.extend(disagreements(&name, &doc));
        let bytes = vanban::docx::write_docx(&doc).unwrap();
        let file = read_docx(&bytes, &Limits::default()).unwrap();
        let merged: Vec<(u32, Option<bool>)> = file
            .blocks
            .iter()
            .filter_map(|b| match b {
                BodyItem::Table(t) if t.rows.len() == 4 => Some(t),
                _ => None,
            })
            .flat_map(|t| t.rows.iter().flat_map(|r| r.cells.iter()))
            .map(|c| (c.grid_span, c.v_merge))
            .collect();
        // Row by row: TT, Nội dung down; Kết quả over two; TT, Nội dung continuing; Nhóm A down;
        // its continuation.
        assert_eq!(
            merged,
            [
                (1, Some(true)),
                (1, Some(true)),
                (2, None),
                (1, Some(false)),
                (1, Some(false)),
                (1, None),
                (1, None),
                (1, Some(true)),
                (1, None),
                (1, None),
                (1, None),
                (1, Some(false)),
                (1, None),
                (1, None),
                (1, None),
            ],
            "{name}"
        );
        let html = vanban::preview::render(&doc).html;
        assert!(html.contains("colspan=\"2\""), "{name}");
        assert_eq!(html.matches("rowspan=\"2\"").count(), 3, "{name}");
        // A merged cell is printed once.
        let plain = plain_text(&doc);
        assert_eq!(plain.matches("Cấp xã").count(), 1, "{name}");
        assert_eq!(plain.matches("Nhóm A").count(), 1, "{name}");
    }
    assert_eq!(seen, 2);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A Phụ lục on landscape pages (trang ngang) between two upright ones: the section breaks
/// the layout pass adds print nothing, and the three back ends still agree paragraph by
/// paragraph, state and Party.
#[test]
fn a_landscape_appendix_agrees_across_back_ends() {
    let appendix = vanban::markup::parse(
        "Phụ lục I. DANH SÁCH\n1. Một.\nPhụ lục I (trang ngang). BẢNG TỔNG HỢP^[Số liệu đến ngày 15/12.]\n| TT | Đơn vị | Nhiệm vụ | Kinh phí | Nguồn | Tiến độ | Ghi chú |\n|---|---|---|---|---|---|---|\n| 1 | Sở Nội vụ | Cải cách hành chính | 1.250.000.000 | Ngân sách | Đang làm | Không |\nPhụ lục I. DANH MỤC\n- Một văn bản.\n",
    )
    .unwrap();
    let mut failures = Vec::new();
    let mut seen = 0;
    for (name, mut doc) in corpus() {
        if !name.starts_with("quyet-dinh") && !name.starts_with("bao-cao") {
            continue;
        }
        seen += 1;
        let main = doc.body.main_len();
        doc.body.blocks.truncate(main);
        doc.body.blocks.extend(appendix.blocks.iter().cloned());
        failures.extend(disagreements(&name, &doc));
        let plain = plain_text(&doc);
        assert_eq!(plain.matches("BẢNG TỔNG HỢP").count(), 1, "{name}");
    }
    assert!(seen >= 4, "{seen}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Two tables with nothing between them are one table to Word and LibreOffice (a body table
/// under a công văn's header grid took the header into its borders): the laid-out document
/// never puts two grids next to each other, for every example and template starter, with a
/// body that opens or ends with a table.
#[test]
fn no_two_tables_touch() {
    let templates = Templates::builtin().unwrap();
    let mut docs = corpus();
    for slug in ["cong-van", "bao-cao"] {
        let def = templates.get(slug).unwrap();
        let mut d = Draft::starter(def, vanban::model::System::State, false, 2024);
        filled(&mut d);
        let first = def
            .fields
            .iter()
            .find(|f| f.kind == vanban::template::FieldKind::Markup)
            .unwrap();
        fill_empty_fields(&mut d, def);
        d.fields.insert(
            first.name.clone(),
            "| Đơn vị | Số lượng |\n|---|---|\n| Xã | 12 |".into(),
        );
        docs.push((
            format!("{slug} opening with a table"),
            d.render(&templates).unwrap(),
        ));
    }
    for (name, doc) in docs {
        let laid = vanban::laid::lay_out(&doc);
        let kinds: Vec<bool> = laid
            .blocks
            .iter()
            .map(|i| matches!(i, vanban::laid::Item::Grid(_)))
            .collect();
        assert!(
            !kinds.windows(2).any(|w| w[0] && w[1]),
            "{name}: two grids touch"
        );
        let bytes = vanban::docx::write_docx(&doc).unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
            .unwrap();
        assert!(
            !xml.contains("</w:tbl><w:tbl>"),
            "{name}: adjacent tables in the .docx"
        );
    }
}
