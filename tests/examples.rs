//! Real documents re-created as draft files under `examples/`: the five of `shared/examples/`
//! (Kế hoạch, Chỉ thị, Báo cáo; state, Party, joint) and three office files of
//! `tests/fixtures/real/` (Quyết định, Công văn; stacked TM./KT. and TL./KT. signatures), and a
//! Giấy mời published by UBND tỉnh Hải Dương (numbered "Thành phần mời / Thời gian / Địa
//! điểm") and a Party Nghị quyết of a chi bộ (prose, no articles: the Mẫu 13-KNĐ form a
//! university chi bộ publishes) and a Biên bản form of the same university (thư ký and chủ tọa
//! side by side). Each one must load, render with the built-in templates and keep the facts of the original: số ký hiệu, date, signers, Nơi nhận,
//! the outline with its computed numbering, and, for the Báo cáo, its 23 footnotes.

use std::path::{Path, PathBuf};

use vanban::draft::Draft;
use vanban::model::{label_blocks, Block, Document, Span, System};
use vanban::template::Templates;

/// The examples, by file stem.
const EXAMPLES: [&str; 11] = [
    "bao-cao-tong-ket-dan-van-2019",
    "bien-ban-hop-lop-dhkt-da-nang",
    "chi-thi-03-dan-van-xuan-loc-2023",
    "cong-van-trien-khai-3653-vpcp-lam-dong-2026",
    "giay-moi-tet-trong-cay-hai-duong-2018",
    "ke-hoach-dan-van-kheo-bac-kan-2024",
    "ke-hoach-phoi-hop-dan-van-kien-giang-2021",
    "ke-hoach-phoi-hop-dan-van-tay-son-2022",
    "nghi-quyet-chi-bo-sinh-vien-dhkt-da-nang",
    "quyet-dinh-ban-chi-dao-du-lieu-lam-dong-2026",
    "quyet-dinh-bao-ve-moi-truong-ha-tinh-2018",
];

fn examples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")
}

fn load(stem: &str) -> (Draft, Document) {
    let path = examples_dir().join(format!("{stem}.toml"));
    let source =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let draft = Draft::from_toml(&source).unwrap_or_else(|e| panic!("{stem}: {e}"));
    let templates = Templates::builtin().expect("built-in templates load");
    let doc = draft
        .render(&templates)
        .unwrap_or_else(|e| panic!("{stem}: {e}"));
    (draft, doc)
}

/// Plain text of a block (title or content, without footnotes); empty for a table.
fn text(block: &Block) -> String {
    block.inline().map(|i| i.plain_text()).unwrap_or_default()
}

/// The computed label and the text of every block that `keep` selects, as "label text".
fn outline(doc: &Document, keep: impl Fn(&Block) -> bool) -> Vec<String> {
    let labels = label_blocks(&doc.body.blocks, doc.system);
    doc.body
        .blocks
        .iter()
        .zip(labels)
        .filter(|(b, _)| keep(b))
        .map(|(b, l)| match l {
            Some(l) => format!("{l} {}", text(b)),
            None => text(b),
        })
        .collect()
}

fn labels(doc: &Document, keep: impl Fn(&Block) -> bool) -> Vec<String> {
    outline(doc, keep)
        .into_iter()
        .map(|s| s.split(' ').next().unwrap_or_default().to_string())
        .collect()
}

fn is_section(b: &Block) -> bool {
    matches!(b, Block::Section { .. })
}
fn is_heading(b: &Block) -> bool {
    matches!(b, Block::Heading { level: 1, .. })
}
fn is_numbered(level: u8) -> impl Fn(&Block) -> bool {
    move |b| matches!(b, Block::Numbered { level: l, .. } if *l == level)
}
fn is_dash(b: &Block) -> bool {
    matches!(b, Block::Dash { .. })
}
fn is_paragraph(b: &Block) -> bool {
    matches!(b, Block::Paragraph { .. })
}

/// The signer's upper lines as printed ("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC").
fn signer_lines(doc: &Document, i: usize) -> Vec<String> {
    doc.signers[i]
        .title_lines(doc.system)
        .into_iter()
        .map(|(line, _)| line)
        .collect()
}

/// Italic runs of the body, in order.
fn italic_runs(doc: &Document) -> Vec<String> {
    doc.body
        .blocks
        .iter()
        .filter_map(Block::inline)
        .flat_map(|i| i.0.iter())
        .filter_map(|s| match s {
            Span::Text {
                text, italic: true, ..
            } => Some(text.clone()),
            _ => None,
        })
        .collect()
}

/// Asserts that `line` is `prefix`, a blank left for the văn thư (non-breaking spaces), `suffix`.
fn assert_blank_between(line: &str, prefix: &str, suffix: &str) {
    let middle = line
        .strip_prefix(prefix)
        .and_then(|r| r.strip_suffix(suffix))
        .unwrap_or_else(|| panic!("{line:?} is not {prefix:?} … {suffix:?}"));
    assert!(
        !middle.is_empty() && middle.chars().all(char::is_whitespace),
        "{line:?}: the blank between {prefix:?} and {suffix:?} is {middle:?}"
    );
}

#[test]
fn the_examples_directory_holds_the_eleven_documents() {
    let mut stems: Vec<String> = std::fs::read_dir(examples_dir())
        .expect("examples/ exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    stems.sort();
    assert_eq!(stems, EXAMPLES);
}

#[test]
fn every_example_renders_round_trips_and_is_free_of_scan_noise() {
    const NOISE: [&str; 13] = [
        "/s/",
        "Thuyh",
        "ZRH",
        "~~",
        "*",
        "}",
        "#",
        "SỞ THÔNG TIN",
        "ĐẾN Ngày",
        "Số và ký hiệu HS",
        "Chuẩn:",
        "⁽",
        "./.",
    ];
    for stem in EXAMPLES {
        let (draft, doc) = load(stem);
        assert_eq!(
            Draft::from_toml(&draft.to_toml()).expect("re-reads"),
            draft,
            "{stem}: the draft survives a save and reload"
        );
        assert!(
            doc.closing_mark,
            "{stem}: the writer ends the body with ./."
        );

        let mut texts: Vec<String> = vec![doc.subject.clone(), doc.recipients.archive.clone()];
        texts.extend(doc.recipients.items.iter().cloned());
        texts.extend(doc.body.footnotes().iter().map(|f| f.to_string()));
        for s in &doc.signers {
            texts.extend([s.position.clone(), s.name.clone()]);
            texts.extend(s.on_behalf.clone());
        }
        for i in &doc.issuers {
            texts.extend([i.name.clone(), i.abbr.clone()]);
            texts.extend(i.superior.clone());
        }
        for block in &doc.body.blocks {
            let t = text(block);
            // A half of a paragraph split by a page break starts in lower case or ends
            // mid-sentence; every block of the originals starts with a capital, a digit, a
            // quote or a bracket, and every paragraph ends with punctuation.
            let first = t.chars().next().expect("no empty block");
            assert!(
                first.is_uppercase() || first.is_ascii_digit() || "“\"(".contains(first),
                "{stem}: block starts mid-sentence: {t:?}"
            );
            if !matches!(
                block,
                Block::Part { .. }
                    | Block::Section { .. }
                    | Block::Heading { .. }
                    | Block::Article { run_in: false, .. }
                    | Block::Action { .. }
                    | Block::Basis { .. }
                    | Block::Issued { .. }
                    | Block::Chapter { .. }
            ) {
                let last = t.chars().last().unwrap();
                assert!(
                    ".;:,”".contains(last),
                    "{stem}: block ends mid-sentence: {t:?}"
                );
            }
            texts.push(t);
        }
        for t in &texts {
            for noise in NOISE {
                assert!(!t.contains(noise), "{stem}: {noise:?} left in {t:?}");
            }
        }
    }
}

#[test]
fn ke_hoach_bac_kan_is_a_state_draft_with_blank_number_and_day() {
    let (draft, doc) = load("ke-hoach-dan-van-kheo-bac-kan-2024");
    assert_eq!(doc.system, System::State);
    assert_eq!(doc.type_line(), "KẾ HOẠCH");
    assert_blank_between(&doc.number_line(), "Số:", "/KH-VP");
    assert_eq!((draft.date.day, draft.date.month), (None, Some(2)));
    assert_blank_between(
        &doc.place_date.render(doc.system),
        "Bắc Kạn, ngày",
        "tháng 02 năm 2024",
    );
    assert_eq!(doc.subject, "Thực hiện phong trào “Dân vận khéo” năm 2024");
    assert_eq!(doc.issuers.len(), 1);
    assert_eq!(
        doc.issuers[0].superior.as_deref(),
        Some("UBND TỈNH BẮC KẠN")
    );
    assert_eq!(doc.issuers[0].name, "VĂN PHÒNG");
    assert_eq!(doc.signers.len(), 1);
    assert_eq!(signer_lines(&doc, 0), ["CHÁNH VĂN PHÒNG"]);
    assert_eq!(doc.signers[0].name, "Vũ Đức Chính");
    assert!(doc.recipients.electronic, "Nơi nhận: Gửi bản điện tử:");
    assert_eq!(
        doc.recipients.lines(doc.system),
        [
            "- LĐVP;",
            "- Các phòng, ban, đơn vị trực thuộc VP;",
            "- Lưu: VT, HCTC-QTTV."
        ]
    );

    assert_eq!(
        outline(&doc, is_section),
        [
            "I. MỤC ĐÍCH, YÊU CẦU",
            "II. NỘI DUNG VÀ GIẢI PHÁP THỰC HIỆN",
            "III. TỔ CHỨC THỰC HIỆN"
        ]
    );
    assert_eq!(outline(&doc, is_heading), ["1. Mục đích", "2. Yêu cầu"]);
    assert_eq!(
        labels(&doc, is_numbered(1)),
        ["1.", "2.", "3.", "4.", "5.", "6.", "7.", "8.", "1.", "2."]
    );
    assert_eq!(doc.body.blocks.iter().filter(|b| is_dash(b)).count(), 3);
    // (1)..(4) stay plain paragraphs inside item 6; "Duy trì ..." closes the item.
    let paragraphs = outline(&doc, is_paragraph);
    let listed: Vec<&String> = paragraphs.iter().filter(|p| p.starts_with('(')).collect();
    assert_eq!(listed.len(), 4);
    assert!(listed[3].starts_with("(4) Dân vận khéo trong giữ gìn"));
    let items = outline(&doc, is_numbered(1));
    assert!(items[0].contains("công tác dân vận gắn với thực hiện hiệu quả Nghị quyết 25-NQ/TW"));
    assert!(items[6].starts_with("7. Thường xuyên chỉ đạo"));

    let first = &doc.body.blocks[0];
    assert!(is_paragraph(first));
    assert!(text(first).starts_with("Thực hiện Kế hoạch số 89/KH-UBND ngày 20/02/2024"));
    let last = doc.body.blocks.last().unwrap();
    assert!(is_paragraph(last));
    assert_eq!(
        text(last),
        "Trên đây là Kế hoạch thực hiện phong trào “Dân vận khéo” năm 2024 của Văn phòng UBND tỉnh Bắc Kạn."
    );
}

#[test]
fn chi_thi_xuan_loc_keeps_its_seven_points() {
    let (_, doc) = load("chi-thi-03-dan-van-xuan-loc-2023");
    assert_eq!(doc.system, System::State);
    assert_eq!(doc.type_line(), "CHỈ THỊ");
    assert_eq!(doc.number_line(), "Số: 03/CT-UBND");
    assert_eq!(
        doc.place_date.render(doc.system),
        "Xuân Lộc, ngày 12 tháng 7 năm 2023"
    );
    assert!(doc
        .subject
        .starts_with("Về tiếp tục tăng cường và đổi mới công tác dân vận"));
    assert_eq!(doc.issuers.len(), 1);
    assert_eq!(doc.issuers[0].superior, None);
    assert_eq!(doc.issuers[0].name, "ỦY BAN NHÂN DÂN HUYỆN XUÂN LỘC");
    assert_eq!(doc.signers.len(), 1);
    assert_eq!(signer_lines(&doc, 0), ["CHỦ TỊCH"]);
    assert_eq!(doc.signers[0].name, "Nguyễn Thị Cát Tiên");
    let lines = doc.recipients.lines(doc.system);
    assert_eq!(lines.len(), 10);
    assert_eq!(lines[0], "- UBND tỉnh Đồng Nai;");
    assert_eq!(lines[2], "- TT. Huyện ủy; TT. HĐND huyện;");
    assert_eq!(lines[9], "- Lưu: VT, NV.");
    assert!(!doc.recipients.electronic);

    assert!(outline(&doc, is_section).is_empty());
    let items = outline(&doc, is_numbered(1));
    assert_eq!(
        labels(&doc, is_numbered(1)),
        ["1.", "2.", "3.", "4.", "5.", "6.", "7."]
    );
    assert!(items[0].starts_with("1. Tổ chức quán triệt"));
    assert!(
        items[0].contains("hiệu quả việc thực hiện quy chế dân chủ ở cơ sở giai đoạn 2021-2025")
    );
    assert!(items[4].contains("công tác dân vận và quy chế dân chủ. Kịp thời biểu dương"));
    // Preamble (2), the second paragraph of item 6, the closing sentence.
    let paragraphs = outline(&doc, is_paragraph);
    assert_eq!(paragraphs.len(), 4);
    assert!(paragraphs[2].starts_with("Tăng cường đối thoại, tiếp xúc trực tiếp"));

    assert!(text(&doc.body.blocks[0]).starts_with("Thực hiện Chỉ thị số 05/CT-UBND ngày 21/6/2023"));
    let last = doc.body.blocks.last().unwrap();
    assert!(is_paragraph(last));
    assert!(text(last).starts_with("Thủ trưởng các cơ quan chuyên môn"));
    assert!(text(last).ends_with("chịu trách nhiệm thực hiện Chỉ thị này."));
}

#[test]
fn bao_cao_kien_giang_has_two_parts_and_its_23_footnotes() {
    let (draft, doc) = load("bao-cao-tong-ket-dan-van-2019");
    assert_eq!(doc.system, System::Party);
    assert_eq!(doc.type_line(), "BÁO CÁO");
    assert_blank_between(&doc.number_line(), "Số", "-BC/TU");
    assert_eq!((draft.date.day, draft.date.month), (None, None));
    let date = doc.place_date.render(doc.system);
    assert!(
        date.starts_with("Kiên Giang, ngày") && date.ends_with("năm 2019"),
        "{date}"
    );
    assert_eq!(
        doc.subject,
        "tổng kết công tác dân vận năm 2019 và chương trình chỉ đạo năm 2020"
    );
    assert_eq!(doc.issuers.len(), 1);
    assert_eq!(doc.issuers[0].name, "TỈNH ỦY KIÊN GIANG");
    assert_eq!(doc.signers.len(), 1);
    assert_eq!(
        signer_lines(&doc, 0),
        ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC"]
    );
    assert_eq!(doc.signers[0].name, "Đặng Tuyết Em");
    let lines = doc.recipients.lines(doc.system);
    assert_eq!(lines.len(), 7);
    assert_eq!(lines[0], "- Ban Dân vận TW, Văn phòng TW (HN),");
    assert_eq!(lines[4], "- Các huyện, thành ủy, ĐUTT,");
    assert_eq!(lines[6], "- Lưu Văn phòng Tỉnh ủy.");

    let parts = outline(&doc, |b| matches!(b, Block::Part { .. }));
    assert_eq!(
        parts,
        [
            "Phần thứ nhất BÁO CÁO TỔNG KẾT CÔNG TÁC DÂN VẬN NĂM 2019",
            "Phần thứ hai CHƯƠNG TRÌNH CÔNG TÁC DÂN VẬN NĂM 2020"
        ]
    );
    assert_eq!(
        outline(&doc, is_section),
        [
            "I- KẾT QUẢ CÔNG TÁC DÂN VẬN CỦA HỆ THỐNG CHÍNH TRỊ",
            "II- NHẬN XÉT CHUNG",
            "I- PHƯƠNG HƯỚNG CHUNG",
            "II- NHIỆM VỤ, GIẢI PHÁP CỤ THỂ",
            "III- TỔ CHỨC THỰC HIỆN"
        ]
    );
    let headings = outline(&doc, is_heading);
    assert_eq!(headings.len(), 12);
    assert_eq!(headings[0], "1. Sự lãnh đạo, chỉ đạo của cấp ủy đảng");
    assert_eq!(headings[5], "6. Hoạt động của ban dân vận cấp ủy");
    assert_eq!(
        headings[6],
        "1. Tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận"
    );
    assert_eq!(headings[11], "6. Hoạt động của ban dân vận cấp ủy");
    assert_eq!(labels(&doc, is_numbered(1)), ["1.", "2.", "3.", "4."]);
    assert_eq!(doc.body.blocks.iter().filter(|b| is_dash(b)).count(), 50);

    let notes = doc.body.footnotes();
    assert_eq!(notes.len(), 23);
    assert_eq!(
        notes[0],
        "Xảy ra tại 712/957 ấp, thuộc địa bàn 128/145 xã, phường, 15/15 huyện, thành phố, có 3.730 hộ nuôi lợn bị dịch bệnh, tiêu hủy là 48.630 con, tương đương hơn 2.700 tấn (chiếm 13% tổng đàn lợn của tỉnh). Tỉnh đã chi ngân sách hỗ trợ hơn 75 tỷ đồng."
    );
    // Footnotes 2 and 4 ran over a page break in the scan: rejoined.
    assert!(notes[1].starts_with("Trong năm 2019, ảnh hưởng của mưa, bão"));
    assert!(notes[1].contains("tốc mái 161 căn, ngập cục bộ 12.378 căn; nhiều tuyến đường"));
    assert!(notes[1].ends_with("ước tổng thiệt hại 184 tỷ đồng."));
    assert!(notes[3].contains(
        "Nghị quyết số 25-NQ/TW, ngày 03-6-2013 của Ban Chấp hành Trung ương khóa XI về tăng cường"
    ));
    assert!(notes[3].ends_with("Đại hội đại biểu Đảng bộ tỉnh lần thứ XI;..."));
    assert_eq!(
        notes[6],
        "Đã tiếp nhận và giải quyết được 340/436 đơn khiếu nại, tố cáo đạt 77,98%."
    );
    assert_eq!(
        notes[20],
        "Năm 2019, xảy ra 12 trường hợp, giảm 02 trường hợp so năm 2018."
    );
    assert!(notes[22].starts_with("Tổng kết 20 năm thực hiện Chỉ thị số 59-CT/TW"));
    assert!(notes[22].ends_with("theo yêu cầu chỉ đạo của Trung ương."));

    // Footnote 1 is anchored where its marker was: after "gây hậu quả nghiêm trọng".
    let anchor = doc
        .body
        .blocks
        .iter()
        .filter_map(Block::inline)
        .find(|i| i.footnotes().next().is_some())
        .expect("a block with a footnote");
    let at = anchor
        .0
        .iter()
        .position(|s| matches!(s, Span::Footnote { .. }))
        .unwrap();
    match &anchor.0[at - 1] {
        Span::Text { text, .. } => assert!(text.ends_with("gây hậu quả nghiêm trọng"), "{text}"),
        other => panic!("{other:?}"),
    }
    assert!(
        matches!(&anchor.0[at + 1], Span::Text { text, .. } if text.starts_with(". Thời tiết"))
    );

    let italics = italic_runs(&doc);
    assert_eq!(italics.len(), 5);
    assert_eq!(italics[1], "Năm Dân vận khéo");
    assert!(italics[0].starts_with("Thực trạng và giải pháp nâng cao hiệu quả công tác dân vận"));

    let first = &doc.body.blocks[0];
    assert!(matches!(first, Block::Part { .. }));
    assert_eq!(
        text(&doc.body.blocks[1]).split(',').next(),
        Some("Năm 2019")
    );
    let last = outline(&doc, |_| true).pop().unwrap();
    assert!(last.starts_with("4. Giao Ban Dân vận Tỉnh ủy chủ trì"));
    assert!(last.ends_with("tổng kết vào cuối năm 2020."));
}

#[test]
fn ke_hoach_kien_giang_is_a_joint_party_plan_with_two_signers() {
    let (_, doc) = load("ke-hoach-phoi-hop-dan-van-kien-giang-2021");
    assert_eq!(doc.system, System::Party);
    assert!(doc.is_joint() && !doc.is_mixed_joint());
    assert_eq!(doc.number_line(), "Số 415-KH/BDVTU-BCSĐUBND");
    assert_eq!(
        doc.place_date.render(doc.system),
        "Kiên Giang, ngày 15 tháng 4 năm 2021"
    );
    assert_eq!(
        doc.subject,
        "phối hợp thực hiện công tác dân vận chính quyền năm 2021"
    );
    let names: Vec<&str> = doc.issuers.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, ["BAN DÂN VẬN TỈNH ỦY", "BAN CÁN SỰ ĐẢNG UBND TỈNH"]);
    assert!(doc
        .issuers
        .iter()
        .all(|i| i.superior.as_deref() == Some("TỈNH ỦY KIÊN GIANG")));
    assert_eq!(doc.signers.len(), 2);
    assert_eq!(signer_lines(&doc, 0), ["BAN DÂN VẬN TỈNH ỦY", "TRƯỞNG BAN"]);
    assert_eq!(doc.signers[0].name, "Nguyễn Văn Phích");
    assert_eq!(signer_lines(&doc, 1), ["T/M BAN CÁN SỰ ĐẢNG", "BÍ THƯ"]);
    assert_eq!(doc.signers[1].name, "Lâm Minh Thành");
    let lines = doc.recipients.lines(doc.system);
    assert_eq!(lines.len(), 15);
    assert_eq!(lines[0], "- Ban Dân vận TW (HN, T78),");
    assert_eq!(lines[12], "- LĐVP; P.KGVX,");
    assert_eq!(lines[14], "- Lưu BDVTU, BCSĐUBND.");

    assert_eq!(
        outline(&doc, is_section),
        [
            "I- MỤC ĐÍCH, YÊU CẦU",
            "II- NỘI DUNG PHỐI HỢP",
            "III- TỔ CHỨC THỰC HIỆN"
        ]
    );
    assert_eq!(
        outline(&doc, is_heading),
        [
            "1. Ban Cán sự Đảng Ủy ban nhân dân tỉnh",
            "2. Ban Dân vận Tỉnh ủy"
        ]
    );
    assert_eq!(
        labels(&doc, is_numbered(2)),
        ["1.1.", "1.2.", "1.3.", "1.4.", "1.5.", "1.6.", "2.1.", "2.2.", "2.3.", "2.4."]
    );
    assert_eq!(
        labels(&doc, is_numbered(1)),
        ["1.", "2.", "3.", "1.", "2.", "3.", "4."]
    );
    let items = outline(&doc, is_numbered(2));
    assert!(items[4].contains("các đơn vị sự nghiệp công lập; Kế hoạch số 173-KH/TU"));
    assert!(items[7].contains("nắm tình hình khiếu nại, tố cáo trên địa bàn"));
    let paragraphs = outline(&doc, is_paragraph);
    assert!(paragraphs
        .iter()
        .any(|p| p.contains("cần phối hợp chặt chẽ với dân vận, mặt trận")));

    let italics = italic_runs(&doc);
    assert_eq!(italics.len(), 2);
    assert!(italics[0].starts_with("Chính quyền các cấp phân công đồng chí Chủ tịch"));
    assert!(italics[1].starts_with("các sở, ban, ngành cấp tỉnh, Ủy ban nhân dân các huyện"));
    assert!(italics[1].ends_with("trước ngày 30-11-2021"));

    assert!(text(&doc.body.blocks[0])
        .starts_with("Căn cứ Chương trình chỉ đạo công tác dân vận năm 2021"));
    let last = doc.body.blocks.last().unwrap();
    assert!(is_paragraph(last));
    assert!(
        text(last).starts_with("Báo cáo kết quả tổng kết công tác dân vận chính quyền năm 2021")
    );
    assert!(text(last).ends_with(") để tổng hợp, báo cáo."));
}

#[test]
fn ke_hoach_tay_son_is_a_mixed_joint_plan_led_by_the_ubnd() {
    let (draft, doc) = load("ke-hoach-phoi-hop-dan-van-tay-son-2022");
    assert_eq!(doc.system, System::State);
    assert!(doc.is_joint() && doc.is_mixed_joint());
    assert_eq!(draft.number, None);
    assert_blank_between(&doc.number_line(), "Số:", "/KH-UBND-BDVHU");
    assert_eq!(
        doc.place_date.render(doc.system),
        "Tây Sơn, ngày 20 tháng 5 năm 2022"
    );
    assert_eq!(doc.subject, "Phối hợp thực hiện công tác dân vận năm 2022");
    assert_eq!(doc.issuers[0].name, "ỦY BAN NHÂN DÂN HUYỆN TÂY SƠN");
    assert_eq!(doc.issuers[1].superior.as_deref(), Some("HUYỆN ỦY TÂY SƠN"));
    assert_eq!(doc.issuers[1].system, Some(System::Party));
    assert_eq!(doc.signers.len(), 2);
    assert_eq!(signer_lines(&doc, 0), ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]);
    assert_eq!(doc.signers[0].name, "Phan Chí Hùng");
    assert_eq!(
        signer_lines(&doc, 1),
        ["BAN DÂN VẬN HUYỆN ỦY", "TRƯỞNG BAN"]
    );
    assert_eq!(doc.signers[1].name, "Nguyễn Thanh Tùng");
    let lines = doc.recipients.lines(doc.system);
    assert_eq!(lines.len(), 10);
    assert_eq!(lines[1], "- Ủy ban nhân dân Tỉnh;");
    assert_eq!(lines[9], "- Lưu: VT, BDVHU.");

    assert_eq!(
        outline(&doc, is_section),
        [
            "I. MỤC ĐÍCH, YÊU CẦU",
            "II. NỘI DUNG",
            "III. PHÂN CÔNG TRÁCH NHIỆM",
            "IV. TỔ CHỨC THỰC HIỆN"
        ]
    );
    assert_eq!(doc.body.blocks.iter().filter(|b| is_dash(b)).count(), 3);
    assert_eq!(
        outline(&doc, is_heading),
        [
            "1. Trách nhiệm của Ủy ban nhân dân huyện",
            "2. Trách nhiệm của Ban Dân vận Huyện ủy"
        ]
    );
    let level2 = labels(&doc, is_numbered(2));
    assert_eq!(level2.len(), 15);
    assert_eq!(level2[9], "1.10.");
    assert_eq!(level2[14], "2.5.");
    // Section II: three dashes and an item typed "4." in the original, all numbered here.
    let items = outline(&doc, is_numbered(1));
    assert_eq!(
        labels(&doc, is_numbered(1)),
        ["1.", "2.", "3.", "4.", "1.", "2.", "3."]
    );
    assert!(items[3].starts_with("4. Tiếp tục đẩy mạnh cải cách hành chính"));

    assert!(text(&doc.body.blocks[0])
        .starts_with("Thực hiện Chương trình phối hợp số 01/CTrPH-UBND-BDVHU"));
    let last = outline(&doc, |_| true).pop().unwrap();
    assert!(last.starts_with("3. Căn cứ Kế hoạch này, Đảng ủy các xã, thị trấn"));
    assert!(last.ends_with("và Ban Dân vận Tỉnh ủy."));
}

#[test]
fn quyet_dinh_lam_dong_keeps_its_basis_and_eight_articles() {
    let (_, doc) = load("quyet-dinh-ban-chi-dao-du-lieu-lam-dong-2026");
    assert_eq!(doc.system, System::State);
    assert_eq!(doc.number.number, None);
    let basis: Vec<&Block> = doc
        .body
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Basis { .. }))
        .collect();
    assert_eq!(basis.len(), 4);
    let actions = outline(&doc, |b| matches!(b, Block::Action { .. }));
    assert_eq!(
        actions,
        ["CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "QUYẾT ĐỊNH:"]
    );
    let articles = labels(&doc, |b| matches!(b, Block::Article { .. }));
    assert_eq!(
        articles,
        ["Điều", "Điều", "Điều", "Điều", "Điều", "Điều", "Điều", "Điều"]
    );
    let articles = outline(&doc, |b| matches!(b, Block::Article { .. }));
    assert_eq!(articles[1], "Điều 2. Chức năng của Ban Chỉ đạo");
    assert!(articles[6].starts_with("Điều 7. Quyết định này có hiệu lực"));
    assert!(articles[7].starts_with("Điều 8. Chánh Văn phòng UBND tỉnh"));
    assert_eq!(labels(&doc, is_numbered(1)).len(), 13);
    assert_eq!(labels(&doc, is_dash).len(), 22);
    assert_eq!(doc.recipients.items[0], "Như Điều 8");
}

#[test]
fn cong_van_lam_dong_is_signed_by_the_office_for_the_chairman() {
    let (draft, doc) = load("cong-van-trien-khai-3653-vpcp-lam-dong-2026");
    assert_eq!(doc.system, System::State);
    assert_blank_between(&doc.number_line(), "Số:", "/UBND-NC");
    assert_eq!((draft.date.day, draft.date.month), (None, Some(4)));
    assert_eq!(
        doc.subject,
        "triển khai thực hiện Công văn số 3653/VPCP-CĐS của Văn phòng Chính phủ"
    );
    assert_eq!(doc.signers.len(), 1);
    assert_eq!(
        signer_lines(&doc, 0),
        ["TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"]
    );
    assert_eq!(doc.signers[0].name, "Trịnh Ngọc Duệ");
    assert_eq!(
        doc.recipients.lines(doc.system),
        [
            "- Như trên;",
            "- Công an tỉnh;",
            "- Chủ tịch UBND tỉnh;",
            "- Lưu: VT, NC."
        ]
    );
    assert_eq!(outline(&doc, is_paragraph).len(), 2);
    assert_eq!(italic_runs(&doc), ["(Công văn số 3653/VPCP-CĐS kèm theo)"]);
}

#[test]
fn quyet_dinh_ha_tinh_is_signed_for_the_committee_by_a_vice_chairman() {
    let (draft, doc) = load("quyet-dinh-bao-ve-moi-truong-ha-tinh-2018");
    assert_eq!(doc.system, System::State);
    // A văn bản quy phạm pháp luật: the number carries its year.
    assert_eq!(draft.number, Some(11));
    assert_eq!(doc.number_line(), "Số: 11/2018/QĐ-UBND");
    assert_eq!(
        doc.place_date.render(doc.system),
        "Hà Tĩnh, ngày 11 tháng 4 năm 2018"
    );
    assert_eq!(
        signer_lines(&doc, 0),
        ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    );
    assert_eq!(doc.signers[0].name, "Đặng Ngọc Sơn");
    let basis = doc
        .body
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Basis { .. }))
        .count();
    assert_eq!(basis, 6);
    assert_eq!(
        outline(&doc, |b| matches!(b, Block::Action { .. })),
        ["ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH", "QUYẾT ĐỊNH:"]
    );
    let articles = outline(&doc, |b| matches!(b, Block::Article { .. }));
    // Three articles of the decision, then the 35 of the Quy định it issues (the original
    // numbers them to 37, skipping 32 and 33), numbered afresh; "Điểu 18." is article 18.
    assert_eq!(articles.len(), 3 + 35);
    assert!(articles[3].starts_with("Điều 1. Phạm vi điều chỉnh"));
    assert!(articles[20].starts_with("Điều 18. Bảo vệ môi trường trong nuôi trồng"));
    assert!(articles[37].starts_with("Điều 35. Tổ chức thực hiện"));
    assert_eq!(
        doc.body
            .blocks
            .iter()
            .filter(|b| matches!(b, Block::Issued { .. }))
            .count(),
        1
    );
    assert_eq!(
        outline(&doc, |b| matches!(b, Block::Chapter { .. })).len(),
        9
    );
    assert!(articles[0].starts_with("Điều 1. Ban hành kèm theo Quyết định này Quy định"));
    assert!(articles[1].starts_with("Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày 25"));
    assert!(articles[2].starts_with("Điều 3. Chánh Văn phòng UBND tỉnh"));
    let lines = doc.recipients.lines(doc.system);
    assert_eq!(lines.len(), 13);
    assert_eq!(lines[0], "- Như Điều 3;");
    assert_eq!(lines[12], "- Lưu: VT, NL2.");
}

#[test]
fn giay_moi_hai_duong_keeps_its_numbered_items_and_blank_number() {
    let (draft, doc) = load("giay-moi-tet-trong-cay-hai-duong-2018");
    assert_eq!(draft.number, None, "the number is not published");
    assert_eq!(doc.number.number, None);
    // "1. Thành phần mời:", "2. Thời gian: …", "3. Địa điểm: …": numbers computed.
    assert_eq!(
        outline(&doc, is_numbered(1)),
        [
            "1. Thành phần mời:",
            "2. Thời gian: ½ ngày, từ 7h30 -9h00, Thứ ba, ngày 06/02/2018.",
            "3. Địa điểm: Tại Văn Miếu Mao Điền, huyện Cẩm Giàng."
        ]
    );
    assert_eq!(outline(&doc, is_dash).len(), 11, "eleven invited groups");
    let last = doc.body.blocks.last().map(text).unwrap_or_default();
    assert_eq!(
        last,
        "Kính mời các đại biểu về dự để buổi Lễ thành công tốt đẹp."
    );
}

#[test]
fn nghi_quyet_chi_bo_is_a_party_resolution_in_prose() {
    let (draft, doc) = load("nghi-quyet-chi-bo-sinh-vien-dhkt-da-nang");
    assert_eq!(draft.system, System::Party);
    assert_eq!(doc.number.number, None);
    // One căn cứ, no "NGHỊ QUYẾT:" line and no article: the chi bộ's resolution is prose.
    assert_eq!(
        doc.body
            .blocks
            .iter()
            .filter(|b| matches!(b, Block::Basis { .. }))
            .count(),
        1
    );
    assert!(!doc
        .body
        .blocks
        .iter()
        .any(|b| matches!(b, Block::Action { .. } | Block::Article { .. })));
    assert_eq!(outline(&doc, is_dash).len(), 5, "the five points");
    assert_eq!(signer_lines(&doc, 0)[..2], ["T/M CHI BỘ", "BÍ THƯ"]);
}

#[test]
fn bien_ban_dhkt_is_signed_by_the_chu_toa_the_thu_ky_and_the_lecturer_of_one_body() {
    let (draft, doc) = load("bien-ban-hop-lop-dhkt-da-nang");
    assert_eq!(draft.issuers.len(), 1, "one body");
    assert_eq!(doc.signers.len(), 3, "three signatures, as on the form");
    assert_eq!(signer_lines(&doc, 0), ["CHỦ TỌA"]);
    assert_eq!(signer_lines(&doc, 1), ["THƯ KÝ"]);
    assert_eq!(signer_lines(&doc, 2), ["GIẢNG VIÊN CHỦ NHIỆM LỚP"]);
    assert_eq!(
        outline(&doc, is_section),
        ["I. THÀNH PHẦN THAM DỰ", "II. NỘI DUNG CUỘC HỌP"]
    );
    // Numbering restarts under each section: four members, then Ưu điểm and Khuyết điểm.
    assert_eq!(
        labels(&doc, is_numbered(1)),
        ["1.", "2.", "3.", "4.", "1.", "2."]
    );
    assert_eq!(outline(&doc, is_dash).len(), 6);
}
