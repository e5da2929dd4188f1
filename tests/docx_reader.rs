//! Reads exported .docx files back with python-docx (an independent reader, see
//! tests/py/inspect_docx.py) and checks them against the layout facts and the rules:
//! page, fonts on every run, size / weight / slant / case of each element, the lines,
//! page numbers from page 2, footnotes, keep-together of the end.

mod docx_support;

use std::process::Command;

use serde_json::Value;
use vanban::docx::{text_width, MOTTO, NATIONAL_TITLE, PARTY_TITLE};
use vanban::layout::{layout, Layout, TextStyle, FONT, RULES};
use vanban::model::{text, Document, System};

fn inspect(stem: &str, doc: &Document) -> Value {
    let dir = docx_support::out_dir("reader");
    let path = docx_support::write(&dir, stem, doc);
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/py/inspect_docx.py");
    let out = docx_support::run(Command::new(docx_support::python()).arg(script).arg(&path));
    serde_json::from_str(&out).unwrap()
}

fn paragraphs(v: &Value) -> &Vec<Value> {
    v["paragraphs"].as_array().unwrap()
}

/// The index of the first paragraph whose text is exactly `text`.
fn find(v: &Value, text: &str) -> usize {
    paragraphs(v)
        .iter()
        .position(|p| p["text"] == text)
        .unwrap_or_else(|| panic!("no paragraph {text:?}"))
}

/// Every run of paragraph `i` has the element's size, bold, italic and underline.
fn assert_style(v: &Value, i: usize, style: &TextStyle, what: &str) {
    let p = &paragraphs(v)[i];
    let runs = p["runs"].as_array().unwrap();
    assert!(!runs.is_empty(), "{what}: no runs");
    for r in runs {
        assert_eq!(
            r["size_pt"].as_f64().unwrap(),
            f64::from(style.size.preferred.as_pt()),
            "{what}: size of {r}"
        );
        assert!(
            style.size.contains(style.size.preferred),
            "{what}: size within the rule's range"
        );
        assert_eq!(r["bold"] == true, style.bold, "{what}: bold of {r}");
        assert_eq!(r["italic"] == true, style.italic, "{what}: italic of {r}");
        assert_eq!(
            r["underline"] == true,
            style.underline,
            "{what}: underline of {r}"
        );
    }
}

fn assert_upper(v: &Value, i: usize, what: &str) {
    let t = paragraphs(v)[i]["text"].as_str().unwrap();
    assert_eq!(t, text::upper(t), "{what} must be IN HOA");
}

fn assert_centred(v: &Value, i: usize, what: &str) {
    assert_eq!(
        paragraphs(v)[i]["alignment"],
        "CENTER (1)",
        "{what} must be centred"
    );
}

/// Width of the bottom-border line of paragraph `i`, which spans `room`.
fn line_width(v: &Value, i: usize, room: i32) -> i32 {
    let p = &paragraphs(v)[i];
    assert_eq!(
        p["border_bottom"], "single",
        "paragraph {i} is a solid line: {p}"
    );
    assert_eq!(
        p["border_sides"],
        serde_json::json!(["bottom"]),
        "a line, not a box: {p}"
    );
    let l = p["left_indent"].as_i64().unwrap_or(0) as i32;
    let r = p["right_indent"].as_i64().unwrap_or(0) as i32;
    room - l - r
}

fn common_checks(v: &Value, doc: &Document) {
    let l = layout(doc.system);
    // A4 portrait, margins per the layout and within the rule's ranges.
    let page = &v["page"];
    assert_eq!(page["width"], 11906);
    assert_eq!(page["height"], 16838);
    for (key, m) in [
        ("top", l.margins.top),
        ("bottom", l.margins.bottom),
        ("left", l.margins.left),
        ("right", l.margins.right),
    ] {
        let got = page[key].as_i64().unwrap() as i32;
        assert_eq!(got, m.preferred.0, "margin {key}");
        assert!(m.min.0 <= got && got <= m.max.0, "margin {key} in range");
    }
    // Times New Roman on all four slots of every run, and in the defaults.
    for p in paragraphs(v) {
        for r in p["runs"].as_array().unwrap() {
            for slot in ["ascii", "hAnsi", "eastAsia", "cs"] {
                assert_eq!(r["fonts"][slot], FONT, "{slot} of run {r} in {}", p["text"]);
            }
            assert!(r["size_pt"].is_number(), "run without size: {r}");
        }
    }
    for slot in ["ascii", "hAnsi", "eastAsia", "cs"] {
        assert_eq!(v["defaults"]["fonts"][slot], FONT);
    }
    assert_eq!(v["defaults"]["lang"], "vi-VN");
    // Page number: a PAGE field in the header of pages 2+, nothing on page 1.
    assert_eq!(page["different_first_page"], true);
    assert_eq!(v["header"]["has_page_field"], true);
    assert_eq!(v["first_page_header"]["text"], "");
    assert_eq!(v["first_page_header"]["has_page_field"], false);

    // Header: issuing bodies, số, date.
    for issuer in &doc.issuers {
        let name = text::upper(issuer.name.trim());
        let i = paragraphs(v)
            .iter()
            // A name too wide for its column is broken before its administrative unit.
            .position(|p| {
                p["text"]
                    .as_str()
                    .unwrap()
                    .replace('\n', " ")
                    .starts_with(&name)
            })
            .unwrap();
        assert_style(v, i, &l.issuing_body, "tên cơ quan ban hành");
        assert_upper(v, i, "tên cơ quan ban hành");
        if let Some(sup) = &issuer.superior {
            let sup = text::upper(sup);
            let j = paragraphs(v)
                .iter()
                .position(|p| p["text"].as_str().unwrap().replace('\n', " ") == sup)
                .unwrap_or_else(|| panic!("no paragraph {sup:?}"));
            assert_style(v, j, &l.superior_body, "cơ quan chủ quản");
        }
    }
    let i = find(v, &doc.number_line());
    assert_style(v, i, &l.number, "số ký hiệu");
    assert_centred(v, i, "số ký hiệu");
    let i = find(v, &doc.place_date.render(doc.system));
    assert_style(v, i, &l.place_date, "địa danh, ngày tháng");

    // Tên loại and trích yếu.
    if !doc.doc_type.is_cong_van() {
        let i = find(v, &doc.type_line());
        assert_style(v, i, &l.doc_type_name, "tên loại");
        assert_upper(v, i, "tên loại");
        assert_centred(v, i, "tên loại");
        let subject = &paragraphs(v)[i + 1];
        assert_eq!(
            subject["text"].as_str().unwrap().replace('\n', " "),
            doc.subject.replace('\n', " ")
        );
        assert_style(v, i + 1, &l.subject, "trích yếu");
        assert_centred(v, i + 1, "trích yếu");
        check_subject_rule(v, i + 2, doc, l);
    }

    // Body: justified, first-line indent, spacing after; ends with "./.".
    let first_body = paragraphs(v)
        .iter()
        .position(|p| p["alignment"] == "JUSTIFY (3)" && p["first_line_indent"].as_i64() > Some(0))
        .unwrap();
    let p = &paragraphs(v)[first_body];
    assert_eq!(p["alignment"], "JUSTIFY (3)");
    assert_eq!(
        p["first_line_indent"].as_i64().unwrap() as i32,
        l.body_layout.first_line_indent.preferred.0
    );
    assert_eq!(
        p["space_after"].as_i64().unwrap() as i32,
        l.body_layout.paragraph_spacing.preferred.0
    );
    // The last body paragraph before the footer (a document issued with its Quy định has
    // more body after the signature, on a page of its own).
    let footer = find(v, "Nơi nhận:");
    let last_body = paragraphs(v)[..footer]
        .iter()
        .rposition(|p| p["alignment"] == "JUSTIFY (3)" && p["first_line_indent"].as_i64() > Some(0))
        .unwrap();
    let last = &paragraphs(v)[last_body];
    if doc.closing_mark {
        assert!(last["text"].as_str().unwrap().ends_with("./."), "{last}");
    }
    assert_eq!(
        last["keep_with_next"], true,
        "the end keeps with the signature"
    );

    // Nơi nhận.
    let i = find(v, "Nơi nhận:");
    assert_style(v, i, &l.recipients_heading, "Nơi nhận");
    let lines = doc.recipients.lines(doc.system);
    for line in &lines {
        let j = find(v, line);
        assert_style(v, j, &l.recipients_item, "dòng nơi nhận");
        assert_eq!(paragraphs(v)[j]["alignment"], "LEFT (0)");
    }
    assert!(lines.last().unwrap().starts_with("- Lưu"));

    // Signature blocks: authority line bold upper, position, name bold.
    for signer in &doc.signers {
        for (line, is_authority) in signer.title_lines(doc.system) {
            let j = find(v, &line);
            let style = if is_authority {
                &l.signer_authority
            } else {
                &l.signer_position
            };
            assert_style(v, j, style, "quyền hạn, chức vụ");
            assert_upper(v, j, "quyền hạn, chức vụ");
        }
        let j = find(v, signer.name.trim());
        assert_style(v, j, &l.signer_name, "họ tên người ký");
    }
    // The signature table never splits across pages.
    let last_table = v["tables"].as_array().unwrap().last().unwrap();
    assert_eq!(last_table["cant_split"][0], true);
}

fn check_subject_rule(v: &Value, i: usize, doc: &Document, l: &Layout) {
    let text_area = l.columns.left.0 + l.columns.right.0;
    match doc.system {
        System::State => {
            let widest = doc
                .subject
                .lines()
                .map(|s| text_width(s, l.subject.size.preferred, true, false).0)
                .max()
                .unwrap()
                .min(text_area);
            let w = line_width(v, i, text_area);
            assert!(
                w * 100 >= widest * i32::from(RULES.short_percent.min) - 100
                    && w * 100 <= widest * i32::from(RULES.short_percent.max) + 100,
                "line under the trích yếu is 1/3 to 1/2 of the text: {w} of {widest}"
            );
        }
        System::Party => assert_eq!(paragraphs(v)[i]["text"], "-----"),
    }
}

fn check_state_header(v: &Value, l: &Layout) {
    let i = find(v, NATIONAL_TITLE);
    assert_style(v, i, &l.national_title, "quốc hiệu");
    assert_upper(v, i, "quốc hiệu");
    // On one line: its measured width fits the right column.
    let w = text_width(NATIONAL_TITLE, l.national_title.size.preferred, true, false);
    assert!(w < l.columns.right, "quốc hiệu fits on one line");
    let i = find(v, MOTTO);
    assert_style(v, i, &l.motto, "tiêu ngữ");
    // A solid line under the tiêu ngữ, as long as the text (within 2 %).
    let expect = text_width(MOTTO, l.motto.size.preferred, true, false).0;
    let got = line_width(v, i + 1, l.columns.right.0);
    assert!((got - expect).abs() * 50 <= expect, "{got} vs {expect}");
}

fn check_party_header(v: &Value, l: &Layout) {
    let i = find(v, PARTY_TITLE);
    assert_style(v, i, &l.national_title, "tiêu đề ĐẢNG CỘNG SẢN VIỆT NAM");
    let expect = text_width(PARTY_TITLE, l.national_title.size.preferred, true, false).0;
    let got = line_width(v, i + 1, l.columns.right.0);
    assert!((got - expect).abs() * 50 <= expect, "{got} vs {expect}");
    assert!(
        paragraphs(v).iter().any(|p| p["text"] == "*"),
        "a * under the issuing body"
    );
    assert!(
        paragraphs(v).iter().all(|p| p["text"] != NATIONAL_TITLE),
        "no quốc hiệu in a Party document"
    );
}

#[test]
fn state_chi_thi_reads_back_per_nd30() {
    let doc = docx_support::state_chi_thi();
    let v = inspect("state-chi-thi", &doc);
    common_checks(&v, &doc);
    let l = layout(System::State);
    check_state_header(&v, l);
    // State: the short line under the issuing body is 1/3 to 1/2 of the name's width.
    // The name as printed: "ỦY BAN NHÂN DÂN" / "HUYỆN XUÂN LỘC", broken before the unit
    // when it is too wide for its column; the line goes by the wider of the two.
    let name = text::upper(&doc.issuers[0].name);
    let i = paragraphs(&v)
        .iter()
        .position(|p| p["text"].as_str().unwrap().replace('\n', " ") == name)
        .unwrap();
    let widest = paragraphs(&v)[i]["text"]
        .as_str()
        .unwrap()
        .lines()
        .map(|line| text_width(line, l.issuing_body.size.preferred, true, false).0)
        .max()
        .unwrap()
        .min(l.columns.left.0);
    let w = line_width(&v, i + 1, l.columns.left.0);
    assert!(
        w * 3 >= widest - 30 && w * 2 <= widest + 30,
        "{w} of {widest}"
    );
    assert_eq!(find(&v, "Số: 03/CT-UBND"), find(&v, &doc.number_line()));
    assert!(find(&v, "Xuân Lộc, ngày 12 tháng 7 năm 2023") > 0);
    assert_eq!(v["footnotes"].as_array().unwrap().len(), 0);
}

#[test]
fn party_bao_cao_has_real_footnotes_and_parts() {
    let doc = docx_support::party_bao_cao();
    let v = inspect("party-bao-cao", &doc);
    common_checks(&v, &doc);
    let l = layout(System::Party);
    check_party_header(&v, l);
    assert!(find(&v, "Số 245-BC/TU") > 0);
    // Footnotes: one footnotes.xml entry per Span::Footnote, numbered, and referenced.
    let expected = doc.body.footnotes();
    let notes = v["footnotes"].as_array().unwrap();
    assert_eq!(notes.len(), expected.len());
    assert!(notes.len() >= 3);
    for (n, text) in notes.iter().zip(&expected) {
        assert_eq!(n["has_number"], true);
        assert_eq!(n["text"].as_str().unwrap().trim(), text.trim());
    }
    assert_eq!(
        v["footnote_references"].as_u64().unwrap() as usize,
        notes.len()
    );
    // Parts and sections: labels computed, sections upper case and bold.
    let i = find(&v, "Phần thứ nhất");
    assert_style(&v, i, &l.part_label, "Phần");
    assert!(find(&v, "Phần thứ hai") > i);
    let j = find(&v, "I- KẾT QUẢ CÔNG TÁC DÂN VẬN CỦA HỆ THỐNG CHÍNH TRỊ");
    assert_style(&v, j, &l.section, "mục");
    let k = find(&v, "1. Sự lãnh đạo, chỉ đạo của cấp ủy đảng");
    assert_style(&v, k, &l.heading, "khoản có tiêu đề");
    // Inline italics survive.
    let quoted = paragraphs(&v)
        .iter()
        .flat_map(|p| p["runs"].as_array().unwrap())
        .find(|r| r["text"] == "“Dân vận khéo”")
        .unwrap();
    assert_eq!(quoted["italic"], true);
}

#[test]
fn joint_party_plan_stacks_issuers_and_puts_two_signers_side_by_side() {
    let doc = docx_support::joint_party_ke_hoach();
    let v = inspect("joint-party-ke-hoach", &doc);
    common_checks(&v, &doc);
    check_party_header(&v, layout(System::Party));
    // The shared superior is printed once.
    let sup = text::upper("Tỉnh ủy Kiên Giang");
    assert_eq!(
        paragraphs(&v).iter().filter(|p| p["text"] == sup).count(),
        1
    );
    assert!(find(&v, "Số 415-KH/BDVTU-BCSĐUBND") > 0);
    // Two signature blocks side by side, their names in one row under the titles' row,
    // Nơi nhận in the row below, at the left.
    let a = &paragraphs(&v)[find(&v, "Lâm Minh Thành")]["where"];
    let b = &paragraphs(&v)[find(&v, "Nguyễn Văn Phích")]["where"];
    let n = &paragraphs(&v)[find(&v, "Nơi nhận:")]["where"];
    let cell = |w: &Value| -> (String, u32, u32) {
        let s = w.as_str().unwrap();
        let mut it = s.split(':');
        let t = it.next().unwrap().to_string();
        (
            t,
            it.next().unwrap().parse().unwrap(),
            it.next().unwrap().parse().unwrap(),
        )
    };
    let (ta, ra, ca) = cell(a);
    let (tb, rb, cb) = cell(b);
    let (tn, rn, cn) = cell(n);
    assert!(ta == tb && tb == tn);
    assert_eq!((ra, rb, rn), (1, 1, 2));
    assert_eq!((ca, cb, cn), (0, 1, 0));
    // T/M with a slash; position not bold (HD 36).
    assert!(find(&v, "T/M BAN CÁN SỰ ĐẢNG") > 0);
}

/// Where a paragraph sits: (table, row, column).
fn cell_of(v: &Value, text: &str) -> (String, u32, u32) {
    let w = paragraphs(v)[find(v, text)]["where"]
        .as_str()
        .unwrap()
        .to_string();
    let mut it = w.split(':');
    (
        it.next().unwrap().to_string(),
        it.next().unwrap().parse().unwrap(),
        it.next().unwrap().parse().unwrap(),
    )
}

#[test]
fn bien_ban_has_the_thu_ky_left_and_the_chu_toa_right_of_one_body() {
    // NĐ 30 Phụ lục III Mẫu 1.9 (and a Party biên bản): one issuing body, two signatures side
    // by side, THƯ KÝ on the left, CHỦ TỌA on the right, each with its name; Nơi nhận below.
    for system in [System::State, System::Party] {
        let mut doc = match system {
            System::State => docx_support::state_chi_thi(),
            System::Party => docx_support::party_bao_cao(),
        };
        doc.doc_type = vanban::layout::DocTypeTable::builtin()
            .by_slug("bien-ban")
            .unwrap()
            .clone();
        doc.signers = vec![
            vanban::model::Signer {
                position: "Chủ tọa".into(),
                name: "Lê Văn Chủ".into(),
                ..Default::default()
            },
            vanban::model::Signer {
                position: "Thư ký".into(),
                name: "Phạm Thị Ghi".into(),
                ..Default::default()
            },
        ];
        assert_eq!(doc.issuers.len(), 1);
        let v = inspect(&format!("bien-ban-{system:?}"), &doc);
        common_checks(&v, &doc);
        let (t1, r1, c1) = cell_of(&v, "THƯ KÝ");
        let (t2, r2, c2) = cell_of(&v, "Phạm Thị Ghi");
        let (t3, r3, c3) = cell_of(&v, "CHỦ TỌA");
        let (t4, r4, c4) = cell_of(&v, "Lê Văn Chủ");
        let (t5, r5, c5) = cell_of(&v, "Nơi nhận:");
        assert!(t1 == t2 && t2 == t3 && t3 == t4 && t4 == t5, "one grid");
        // Titles in row 0, names in row 1 so they line up, Nơi nhận in row 2.
        assert_eq!((r1, r2, r3, r4, r5), (0, 1, 0, 1, 2), "{system:?}");
        assert_eq!((c1, c2, c3, c4, c5), (0, 0, 1, 1, 0), "{system:?}");
        for title in ["THƯ KÝ", "CHỦ TỌA"] {
            assert_centred(&v, find(&v, title), title);
        }
    }
}

#[test]
fn bien_ban_of_three_signers_puts_them_side_by_side_in_thirds() {
    // A class's minutes (the 054 form): the giảng viên chủ nhiệm left, the thư ký in the
    // middle, the chủ tọa right, each with its name, in three equal columns; Nơi nhận below
    // at the left.
    let mut doc = docx_support::state_chi_thi();
    doc.doc_type = vanban::layout::DocTypeTable::builtin()
        .by_slug("bien-ban")
        .unwrap()
        .clone();
    let signer = |position: &str, name: &str| vanban::model::Signer {
        position: position.into(),
        name: name.into(),
        ..Default::default()
    };
    doc.signers = vec![
        signer("Chủ tọa", "Lê Văn Chủ"),
        signer("Thư ký", "Phạm Thị Ghi"),
        signer("Giảng viên chủ nhiệm", "Đỗ Minh Giảng"),
    ];
    let v = inspect("bien-ban-three", &doc);
    common_checks(&v, &doc);
    let cells: Vec<_> = [
        "GIẢNG VIÊN CHỦ NHIỆM",
        "Đỗ Minh Giảng",
        "THƯ KÝ",
        "Phạm Thị Ghi",
        "CHỦ TỌA",
        "Lê Văn Chủ",
        "Nơi nhận:",
    ]
    .iter()
    .map(|t| cell_of(&v, t))
    .collect();
    assert!(
        cells.iter().all(|c| c.0 == cells[0].0),
        "one grid: {cells:?}"
    );
    let rows: Vec<_> = cells.iter().map(|c| c.1).collect();
    let cols: Vec<_> = cells.iter().map(|c| c.2).collect();
    assert_eq!(rows, [0, 1, 0, 1, 0, 1, 2]);
    assert_eq!(cols, [0, 0, 1, 1, 2, 2, 0]);
    for title in ["GIẢNG VIÊN CHỦ NHIỆM", "THƯ KÝ", "CHỦ TỌA"] {
        assert_centred(&v, find(&v, title), title);
    }
}

#[test]
fn state_draft_keeps_blanks_for_the_van_thu() {
    let doc = docx_support::state_draft();
    let v = inspect("state-draft", &doc);
    common_checks(&v, &doc);
    check_state_header(&v, layout(System::State));
    let nbsp = '\u{a0}';
    let number = &paragraphs(&v)[find(&v, &doc.number_line())];
    let t = number["text"].as_str().unwrap();
    assert!(
        t.starts_with("Số:") && t.ends_with("/KH-VP") && t.contains(nbsp),
        "{t}"
    );
    let i = find(&v, &doc.place_date.render(System::State));
    let t = paragraphs(&v)[i]["text"].as_str().unwrap();
    assert!(t.contains(&format!("ngày {nbsp}")) && t.ends_with("tháng 02 năm 2024"));
    assert!(find(&v, "Gửi bản điện tử:") > find(&v, "Nơi nhận:"));
    // The table of figures has borders and a bold header row.
    assert!(find(&v, "Nội dung") > 0);
    let header_cell = &paragraphs(&v)[find(&v, "Nội dung")];
    assert_eq!(header_cell["runs"][0]["bold"], true);
}

#[test]
fn state_cong_van_has_vv_under_the_number_and_kinh_gui() {
    let doc = docx_support::state_cong_van();
    let v = inspect("state-cong-van", &doc);
    common_checks(&v, &doc);
    let l = layout(System::State);
    let number = find(&v, "Số: 125/UBND-NV");
    let vv = find(&v, &format!("V/v {}", doc.subject));
    assert_eq!(vv, number + 1, "V/v right under the số");
    assert_style(&v, vv, &l.cong_van_subject, "trích yếu công văn");
    assert!(
        paragraphs(&v).iter().all(|p| p["text"] != "CÔNG VĂN"),
        "no tên loại for a công văn"
    );
    let khan = find(&v, "KHẨN");
    assert_style(&v, khan, &l.mark, "dấu khẩn");
    let kg = paragraphs(&v)
        .iter()
        .find(|p| p["text"].as_str().unwrap().starts_with("Kính gửi:"))
        .unwrap();
    let t = kg["text"].as_str().unwrap();
    assert!(
        t.contains("- Các cơ quan chuyên môn thuộc UBND huyện;"),
        "{t}"
    );
    assert!(t.ends_with("- UBND các xã, thị trấn."), "{t}");
}

#[test]
fn the_examples_read_back_per_their_rules() {
    for (stem, doc) in docx_support::examples() {
        let v = inspect(&stem, &doc);
        common_checks(&v, &doc);
        let l = layout(doc.system);
        match doc.system {
            System::State => check_state_header(&v, l),
            System::Party => check_party_header(&v, l),
        }
        let expected = doc.body.footnotes().len();
        assert_eq!(v["footnotes"].as_array().unwrap().len(), expected, "{stem}");
        assert_eq!(
            v["footnote_references"].as_u64().unwrap() as usize,
            expected,
            "{stem}"
        );
    }
}

/// A Quyết định with every normative block, in either system: authority and action lines,
/// căn cứ, Chương, Mục, Điều with and without a title, khoản and điểm.
fn quyet_dinh(system: System) -> Document {
    let mut doc = match system {
        System::State => docx_support::state_chi_thi(),
        System::Party => docx_support::party_bao_cao(),
    };
    doc.doc_type = vanban::layout::DocTypeTable::builtin()
        .by_slug("quyet-dinh")
        .unwrap()
        .clone();
    doc.body = vanban::markup::parse(
        "! CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\n\
         > Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025\n\
         > Theo đề nghị của Giám đốc Sở Nội vụ.\n\
         ! QUYẾT ĐỊNH:\n\
         Chương I. QUY ĐỊNH CHUNG\n\
         Mục 1. PHẠM VI\n\
         Điều 1. Phạm vi điều chỉnh\n\
         1. Quy chế này quy định việc soạn thảo văn bản.\n\
         a) Văn bản hành chính;\n\
         Điều 1: Quyết định này có hiệu lực kể từ ngày ký.\n",
    )
    .unwrap();
    doc
}

#[test]
fn quyet_dinh_blocks_read_back_per_the_spec() {
    for system in [System::State, System::Party] {
        let doc = quyet_dinh(system);
        let v = inspect(&format!("quyet-dinh-{system:?}"), &doc);
        common_checks(&v, &doc);
        let l = layout(system);
        let last_end = if system == System::State { "." } else { "," };

        let i = find(&v, "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG");
        assert_style(&v, i, &l.action, "authority line");
        assert_centred(&v, i, "authority line");

        // Căn cứ: state italic, Party upright; ";" after each but the last.
        let i = find(
            &v,
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
        );
        assert_style(&v, i, &l.basis, "căn cứ");
        assert_eq!(l.basis.italic, system == System::State);
        let i = find(
            &v,
            &format!("Theo đề nghị của Giám đốc Sở Nội vụ{last_end}"),
        );
        assert_style(&v, i, &l.basis, "last căn cứ");

        let i = find(&v, "QUYẾT ĐỊNH:");
        assert_style(&v, i, &l.action, "action line");
        assert_centred(&v, i, "action line");
        assert_upper(&v, i, "action line");

        let i = find(&v, "Chương I");
        assert_style(&v, i, &l.chapter_label, "Chương");
        assert_centred(&v, i, "Chương");
        assert_style(&v, i + 1, &l.section, "Chương title");
        assert_centred(&v, i + 1, "Chương title");
        assert_upper(&v, i + 1, "Chương title");
        let i = find(&v, "Mục 1");
        assert_style(&v, i, &l.chapter_label, "Mục");
        assert_centred(&v, i, "Mục");

        let i = find(&v, "Điều 1. Phạm vi điều chỉnh");
        assert_style(&v, i, &l.article, "Điều");
        assert!(l.article.bold && l.article.size.preferred == l.body.size.preferred);
        assert_eq!(
            paragraphs(&v)[i]["first_line_indent"].as_i64().unwrap(),
            i64::from(l.body_layout.first_line_indent.preferred.0),
            "Điều indent"
        );
        let i = find(&v, "1. Quy chế này quy định việc soạn thảo văn bản.");
        assert_style(&v, i, &l.body, "khoản");
        let i = find(&v, "a) Văn bản hành chính;");
        assert_style(&v, i, &l.body, "điểm");

        // An Điều without a title: only "Điều 2." is bold.
        let p = &paragraphs(&v)[find(&v, "Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.")];
        let runs = p["runs"].as_array().unwrap();
        assert_eq!(runs[0]["text"], "Điều 2.");
        assert_eq!(runs[0]["bold"], true);
        assert!(runs[1..].iter().all(|r| r["bold"] != true), "{p}");
    }
}

/// The XML of `word/document.xml`.
fn document_xml(doc: &Document) -> String {
    use std::io::Read;
    let bytes = vanban::docx::write_docx(doc).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

#[test]
fn an_appendix_starts_a_page_after_the_signature_with_its_note_and_header_row() {
    for system in [System::State, System::Party] {
        let mut doc = quyet_dinh(system);
        doc.number.number = Some(12);
        let mut extra = vanban::markup::parse(
            "Phụ lục I. DANH SÁCH THÀNH VIÊN\n\
             | STT | Họ và tên |\n|---|---|\n| 1 | Nguyễn Minh |\n\
             Phụ lục II. QUY CHẾ LÀM VIỆC\n\
             Chương I. QUY ĐỊNH CHUNG\n\
             Điều 1. Phạm vi điều chỉnh\n\
             Quy chế này quy định việc làm việc của Hội đồng.\n",
        )
        .unwrap();
        doc.body.blocks.append(&mut extra.blocks);
        let v = inspect(&format!("quyet-dinh-phu-luc-{system:?}"), &doc);
        let l = layout(system);

        let signer = find(&v, &text::upper(&doc.signers[0].position));
        let i = find(&v, "Phụ lục I");
        assert!(i > signer, "the appendix follows the signature");
        assert_style(&v, i, &l.appendix_label, "Phụ lục");
        assert_centred(&v, i, "Phụ lục");
        assert_style(&v, i + 1, &l.section, "Phụ lục title");
        assert_eq!(paragraphs(&v)[i + 1]["text"], "DANH SÁCH THÀNH VIÊN");
        let note = paragraphs(&v)[i + 2]["text"].as_str().unwrap().to_string();
        let number = match system {
            System::State => "số 12/QĐ-",
            System::Party => "số 12-QĐ/",
        };
        assert!(
            note.starts_with(&format!("(Kèm theo Quyết định {number}")) && note.ends_with(')'),
            "{note}"
        );
        assert!(note.contains(&doc.place_date.date.phrase()), "{note}");
        assert_style(&v, i + 2, &l.appendix_note, "Kèm theo line");
        assert_centred(&v, i + 2, "Kèm theo line");
        // Articles number afresh in the second appendix.
        assert!(find(&v, "Phụ lục II") > i);
        let last = paragraphs(&v)
            .iter()
            .rposition(|p| p["text"] == "Điều 1. Phạm vi điều chỉnh")
            .unwrap();
        assert!(last > find(&v, "Phụ lục II"));

        let xml = document_xml(&doc);
        assert_eq!(xml.matches("<w:pageBreakBefore").count(), 2, "{system:?}");
        assert_eq!(xml.matches("<w:tblHeader").count(), 1, "{system:?}");
    }
}
