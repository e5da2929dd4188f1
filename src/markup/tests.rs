use super::*;

fn t(text: &str) -> Span {
    Span::Text {
        text: text.into(),
        bold: false,
        italic: false,
    }
}

#[test]
fn block_kinds() {
    let body = parse(
        "= BÁO CÁO TỔNG KẾT\n# MỤC ĐÍCH, YÊU CẦU\n## Mục đích\n1. Một\n1.1. Hai\n1.1.1. Ba\na) điểm\nđ) điểm\n- gạch\n+ cộng\nĐoạn văn.\n\\1. không phải số\n",
    )
    .unwrap();
    let kinds: Vec<&str> = body
        .blocks
        .iter()
        .map(|b| match b {
            Block::Part { .. } => "part",
            Block::Section { .. } => "section",
            Block::Heading { .. } => "heading",
            Block::Numbered { level: 1, .. } => "n1",
            Block::Numbered { level: 2, .. } => "n2",
            Block::Numbered { level: 3, .. } => "n3",
            Block::Lettered { .. } => "letter",
            Block::Dash { .. } => "dash",
            Block::Plus { .. } => "plus",
            Block::Paragraph { .. } => "para",
            _ => "other",
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "part", "section", "heading", "n1", "n2", "n3", "letter", "letter", "dash", "plus",
            "para", "para"
        ]
    );
    assert_eq!(
        body.blocks[11].inline().unwrap().plain_text(),
        "1. không phải số"
    );
}

#[test]
fn inline_bold_italic_and_footnotes() {
    let i =
        parse_inline("Có **đậm**, *nghiêng* và chú thích^[Xảy ra tại 712/957 ấp.] xong").unwrap();
    assert_eq!(
        i.0,
        vec![
            t("Có "),
            Span::Text {
                text: "đậm".into(),
                bold: true,
                italic: false
            },
            t(", "),
            Span::Text {
                text: "nghiêng".into(),
                bold: false,
                italic: true
            },
            t(" và chú thích"),
            Span::Footnote {
                text: "Xảy ra tại 712/957 ấp.".into()
            },
            t(" xong"),
        ]
    );
}

#[test]
fn errors_name_the_line() {
    let e = parse("Đoạn một\nĐoạn **hai\n").unwrap_err();
    assert_eq!(e.line, 2);
    assert!(e.message.contains("chưa đóng"), "{e}");
    let e = parse("x ^[chú thích chưa đóng").unwrap_err();
    assert_eq!(e.line, 1);
    assert!(parse("1.1.1.1. quá sâu").is_err());
}

#[test]
fn tables_with_header() {
    let body =
        parse("| Chỉ tiêu | Kết quả |\n|---|---|\n| Hộ nghèo | 2,69% |\nSau bảng\n").unwrap();
    match &body.blocks[0] {
        Block::Table(t) => {
            assert_eq!(t.header_rows, 1);
            assert_eq!(t.rows.len(), 2);
            assert_eq!(t.rows[1][1].plain_text(), "2,69%");
        }
        other => panic!("expected a table, got {other:?}"),
    }
    assert!(matches!(body.blocks[1], Block::Paragraph { .. }));
}

#[test]
fn a_header_of_two_rows_round_trips_and_a_late_separator_is_an_error() {
    // A group heading over two sub-headings, as offices set them: the separator after row 2.
    let src = "| TT | Nội dung | Kết quả | < |\n| ^ | ^ | Đạt | Chưa đạt |\n|---|---|---|---|\n| 1 | Cấp xã | 12 | 3 |\n";
    let body = parse(src).unwrap();
    match &body.blocks[0] {
        Block::Table(t) => {
            assert_eq!(t.header_rows, 2);
            assert_eq!(t.rows.len(), 3);
        }
        other => panic!("expected a table, got {other:?}"),
    }
    assert_eq!(to_markup(&body), src);
    assert_eq!(parse(&to_markup(&body)).unwrap(), body);
    // Three header rows at most, one separator, never before the first row.
    let row = "| a | b |\n";
    let sep = "|---|---|\n";
    assert!(parse(&format!("{}{sep}{row}", row.repeat(3))).is_ok());
    let e = parse(&format!("{}{sep}{row}", row.repeat(4))).unwrap_err();
    assert_eq!(e.line, 5);
    assert!(parse(&format!("{row}{sep}{row}{sep}{row}")).is_err());
    assert!(parse(&format!("{sep}{row}")).is_err());
}

#[test]
fn a_table_stored_with_the_old_header_flag_loads_as_one_header_row() {
    let t: crate::model::Table =
        serde_json::from_str(r#"{"header":true,"rows":[[[]],[[]]]}"#).unwrap();
    assert_eq!(t.header_rows, 1);
    let t: crate::model::Table = serde_json::from_str(r#"{"header":false,"rows":[[[]]]}"#).unwrap();
    assert_eq!(t.header_rows, 0);
    let t: crate::model::Table = serde_json::from_str(r#"{"header_rows":2,"rows":[]}"#).unwrap();
    assert_eq!(t.header_rows, 2);
    let t: crate::model::Table = serde_json::from_str(r#"{"rows":[]}"#).unwrap();
    assert_eq!(t.header_rows, 0);
}

#[test]
fn a_document_issued_with_the_decision_parses_and_round_trips() {
    let src = "Điều 1: Ban hành kèm theo Quyết định này Quy chế làm việc.\nQuy chế kèm theo. Làm việc của **Ủy ban**\nChương I. QUY ĐỊNH CHUNG\nĐiều 1. Phạm vi\nquy định kèm theo. Về con dấu\n";
    let body = parse(src).unwrap();
    match &body.blocks[1] {
        Block::Issued { doc_type, title } => {
            assert_eq!(doc_type, "Quy chế");
            assert_eq!(title.plain_text(), "Làm việc của Ủy ban");
        }
        other => panic!("expected Issued, got {other:?}"),
    }
    // Any case of the tên loại; written back as the type table spells it.
    assert!(matches!(&body.blocks[4], Block::Issued { doc_type, .. } if doc_type == "Quy định"));
    assert_eq!(body.main_len(), 1);
    let again = parse(&to_markup(&body)).unwrap();
    assert_eq!(body, again);
    // Not a tên loại, or công văn, or no title: a paragraph, or an error that says what.
    assert!(matches!(
        parse("Tài liệu kèm theo. Danh sách").unwrap().blocks[0],
        Block::Paragraph { .. }
    ));
    assert!(matches!(
        parse("Công văn kèm theo. Số 12").unwrap().blocks[0],
        Block::Paragraph { .. }
    ));
    assert!(
        parse("Quy chế kèm theo. ").is_ok_and(|b| matches!(b.blocks[0], Block::Paragraph { .. }))
    );
    // A paragraph that reads like one is written behind the escape.
    let para = Body {
        blocks: vec![Block::Paragraph {
            content: parse_inline("Quy chế kèm theo. Không phải tiêu đề").unwrap(),
        }],
    };
    let written = to_markup(&para);
    assert!(written.starts_with('\\'), "{written}");
    assert_eq!(parse(&written).unwrap(), para);
}

#[test]
fn markup_round_trips() {
    let src = "= Phần\n# MỤC\n## Tiêu đề\n1.1. Khoản *nghiêng* và \\*sao\\*^[ghi \\] chú]\na) Điểm\n- Gạch\n+ Cộng\n\\2020. Năm\nĐoạn **đậm**\n| A | B |\n|---|---|\n| 1 | 2 |\n";
    let body = parse(src).unwrap();
    let again = parse(&to_markup(&body)).unwrap();
    assert_eq!(body, again);
}

#[test]
fn normative_blocks_parse_and_round_trip() {
    let src = "> Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n> Theo đề nghị của Giám đốc Sở Nội vụ.\n! QUYẾT ĐỊNH:\nChương I. QUY ĐỊNH CHUNG\nMục 1. PHẠM VI\nĐiều 1. Phạm vi điều chỉnh\n1. Khoản một\na) Điểm\nĐiều 7: Quyết định này có hiệu lực kể từ ngày ký.\nChương IV. TỔ CHỨC THỰC HIỆN\n\\Điều 1. không phải điều\n";
    let body = parse(src).unwrap();
    let kinds: Vec<&str> = body
        .blocks
        .iter()
        .map(|b| match b {
            Block::Basis { .. } => "basis",
            Block::Action { .. } => "action",
            Block::Chapter { .. } => "chapter",
            Block::Division { .. } => "division",
            Block::Article { .. } => "article",
            Block::Numbered { .. } => "khoan",
            Block::Lettered { .. } => "diem",
            Block::Paragraph { .. } => "para",
            _ => "other",
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "basis", "basis", "action", "chapter", "division", "article", "khoan", "diem",
            "article", "chapter", "para"
        ]
    );
    assert_eq!(
        body.blocks[5].inline().unwrap().plain_text(),
        "Phạm vi điều chỉnh"
    );
    let again = parse(&to_markup(&body)).unwrap();
    assert_eq!(body, again);
    // "Điều 1." with no title, or words that merely start the same, stay paragraphs.
    assert!(matches!(
        parse("Điều này áp dụng.").unwrap().blocks[0],
        Block::Paragraph { .. }
    ));
    assert!(matches!(
        parse("Mục tiêu chung. Nâng cao").unwrap().blocks[0],
        Block::Paragraph { .. }
    ));
    let labels = crate::model::label_blocks(&body.blocks, crate::model::System::State);
    assert_eq!(labels[3].as_deref(), Some("Chương I"));
    assert_eq!(labels[4].as_deref(), Some("Mục 1"));
    assert_eq!(labels[5].as_deref(), Some("Điều 1."));
    assert_eq!(labels[6].as_deref(), Some("1."));
    assert_eq!(labels[7].as_deref(), Some("a)"));
    assert_eq!(labels[8].as_deref(), Some("Điều 2."));
    assert_eq!(labels[9].as_deref(), Some("Chương II"));
}

#[test]
fn decomposed_input_is_normalised() {
    let body = parse("Ke\u{302}\u{301} hoa\u{323}ch").unwrap();
    assert_eq!(body.blocks[0].inline().unwrap().plain_text(), "Kế hoạch");
}

#[test]
fn a_bare_article_line_is_an_article_without_a_title() {
    let body = parse("Điều 1. Phạm vi\nĐiều 2.\n1. Khoản một\nĐiều 3: Hiệu lực.").unwrap();
    assert_eq!(
        body.blocks[1],
        Block::Article {
            title: Inline::default(),
            run_in: false
        }
    );
    assert!(matches!(body.blocks[2], Block::Numbered { level: 1, .. }));
    let markup = to_markup(&body);
    assert_eq!(
        markup,
        "Điều 1. Phạm vi\nĐiều 1.\n1. Khoản một\nĐiều 1: Hiệu lực.\n"
    );
    assert_eq!(parse(&markup).unwrap(), body);
    // "Chương I." alone is no chương: a paragraph, as before.
    assert!(matches!(
        parse("Chương I.").unwrap().blocks[0],
        Block::Paragraph { .. }
    ));
}

#[test]
fn paragraphs_that_look_like_labels_round_trip_behind_the_escape() {
    let para = |s: &str| Block::Paragraph {
        content: Inline(vec![t(s)]),
    };
    let body = Body {
        blocks: vec![
            para("b) Hội báo cáo kết quả đại hội”."),
            para("2. Việc sáp nhập"),
            para("Điều 2."),
            para("- gạch"),
        ],
    };
    let markup = to_markup(&body);
    assert_eq!(
        markup,
        "\\b) Hội báo cáo kết quả đại hội”.\n\\2. Việc sáp nhập\n\\Điều 2.\n\\- gạch\n"
    );
    assert_eq!(parse(&markup).unwrap(), body);
}

#[test]
fn merged_cells_read_and_write_as_lt_and_caret() {
    use crate::model::{Merge, Merged};
    let src = "| TT | Nội dung | Kết quả | < |\n|---|---|---|---|\n| ^ | ^ | Đạt | Chưa đạt |\n";
    let body = parse(src).unwrap();
    let Block::Table(t) = &body.blocks[0] else {
        panic!("{body:?}")
    };
    assert_eq!(
        t.merged,
        [
            Merged {
                row: 0,
                col: 3,
                merge: Merge::Left
            },
            Merged {
                row: 1,
                col: 0,
                merge: Merge::Up
            },
            Merged {
                row: 1,
                col: 1,
                merge: Merge::Up
            },
        ]
    );
    assert!(t.rows[0][3].is_empty() && t.rows[1][0].is_empty());
    assert_eq!(to_markup(&body), src);
}

#[test]
fn merges_that_cannot_hold_read_as_their_characters() {
    // "<" in the first column, "^" in the first row, "^" under a cell of another span.
    let src = "| < | ^ | a |\n| b | < | c |\n| ^ | d | e |\n| x | ^ | < |\n";
    let body = parse(src).unwrap();
    let Block::Table(t) = &body.blocks[0] else {
        panic!("{body:?}")
    };
    assert_eq!(t.rows[0][0].plain_text(), "<");
    assert_eq!(t.rows[0][1].plain_text(), "^");
    // Row 2's "^" continues "b", which spans two columns: it is a literal.
    assert_eq!(t.rows[2][0].plain_text(), "^");
    // Row 3's "^ | <" spans two columns under "d" and "e": a literal too.
    assert_eq!(t.rows[3][1].plain_text(), "^");
    assert_eq!(t.merged.len(), 2, "{:?}", t.merged);
    let written = to_markup(&body);
    assert_eq!(
        written,
        "| \\< | \\^ | a |\n| b | < | c |\n| \\^ | d | e |\n| x | \\^ | < |\n"
    );
    assert_eq!(parse(&written).unwrap(), body);
}

#[test]
fn a_landscape_appendix_parses_and_round_trips() {
    let src = "Điều 1: Ban hành.\nPhụ lục I. DANH SÁCH\nPhụ lục II (trang ngang). BẢNG TỔNG HỢP KINH PHÍ\n| TT | Nội dung |\n|---|---|\n| 1 | Một |\n";
    let body = parse(src).unwrap();
    assert!(matches!(
        body.blocks[1],
        Block::Appendix {
            landscape: false,
            ..
        }
    ));
    let Block::Appendix { title, landscape } = &body.blocks[2] else {
        panic!("{body:?}")
    };
    assert!(landscape);
    assert_eq!(title.plain_text(), "BẢNG TỔNG HỢP KINH PHÍ");
    let markup = to_markup(&body);
    assert!(
        markup.contains("Phụ lục I (trang ngang). BẢNG TỔNG HỢP KINH PHÍ\n"),
        "{markup}"
    );
    assert_eq!(parse(&markup).unwrap(), body);
    // The mark in the wrong place, or a paragraph that reads like one, is no landscape
    // appendix: the paragraph keeps its text behind the escape.
    for s in [
        "Phụ lục I. (trang ngang) BẢNG",
        "Phụ lục I (trang ngang).",
        "Phụ lục I (trang dọc). BẢNG",
    ] {
        let b = parse(s).unwrap();
        assert!(
            !matches!(
                b.blocks[0],
                Block::Appendix {
                    landscape: true,
                    ..
                }
            ),
            "{s}: {b:?}"
        );
        assert_eq!(parse(&to_markup(&b)).unwrap(), b, "{s}");
    }
    let para = Body {
        blocks: vec![Block::Paragraph {
            content: Inline(vec![t("Phụ lục I (trang ngang). không phải phụ lục")]),
        }],
    };
    assert_eq!(parse(&to_markup(&para)).unwrap(), para);
}
