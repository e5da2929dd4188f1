use super::*;
use crate::draft::Draft;
use crate::template::Templates;

fn example(stem: &str) -> Document {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(format!("{stem}.toml"));
    let d = Draft::from_toml(&std::fs::read_to_string(path).unwrap()).unwrap();
    d.render(&Templates::builtin().unwrap()).unwrap()
}

/// The first body table (bảng số liệu) of `laid`.
fn data_table(laid: &LaidOut) -> &Grid {
    laid.blocks
        .iter()
        .find_map(|b| match b {
            Item::Grid(g) if g.kind == GridKind::Data => Some(g),
            _ => None,
        })
        .expect("the table")
}

#[test]
fn the_header_is_one_grid_of_two_columns_side_by_side() {
    let laid = lay_out(&example("ke-hoach-phoi-hop-dan-van-tay-son-2022"));
    let Some(Item::Grid(g)) = laid.blocks.first() else {
        panic!("the header grid comes first");
    };
    assert_eq!(g.kind, GridKind::Header);
    assert_eq!(g.columns.len(), 2);
    let left: Vec<String> = g.rows[0].cells[0].paras.iter().map(Para::text).collect();
    let right: Vec<String> = g.rows[0].cells[1].paras.iter().map(Para::text).collect();
    // Too wide for its column, the name breaks before its administrative unit.
    assert!(
        left.contains(&"ỦY BAN NHÂN DÂN\nHUYỆN TÂY SƠN".to_string()),
        "{left:?}"
    );
    assert!(left.contains(&"BAN DÂN VẬN".to_string()), "{left:?}");
    assert_eq!(right[0], crate::layout::NATIONAL_TITLE);
    assert_eq!(right[1], crate::layout::MOTTO);
    assert!(g.rows[0].cells[1].paras[2].rule.is_some());
}

#[test]
fn joint_signatures_sit_side_by_side_with_the_lead_on_the_right() {
    let doc = example("ke-hoach-phoi-hop-dan-van-kien-giang-2021");
    let laid = lay_out(&doc);
    let Some(Item::Grid(g)) = laid.blocks.last() else {
        panic!("the footer grid comes last");
    };
    assert_eq!(g.kind, GridKind::Footer);
    // Titles in the first row, names in the second: a title that wraps in one column
    // cannot set that column's name lower than the other's.
    let last_lines = |row: usize| -> Vec<String> {
        g.rows[row]
            .cells
            .iter()
            .map(|c| c.paras.last().unwrap().text())
            .collect()
    };
    assert_eq!(
        last_lines(1),
        vec![doc.signers[1].name.clone(), doc.signers[0].name.clone()]
    );
    let positions = |s: &crate::model::Signer| {
        s.title_lines(doc.system)
            .last()
            .map(|(t, _)| t.clone())
            .unwrap()
    };
    assert_eq!(
        last_lines(0),
        vec![positions(&doc.signers[1]), positions(&doc.signers[0])]
    );
    assert_eq!(g.rows.len(), 3, "titles, names, Nơi nhận");
    assert!(g.rows.iter().all(|r| r.cant_split));
    assert!(g.rows[..2]
        .iter()
        .flat_map(|r| &r.cells)
        .flat_map(|c| &c.paras)
        .all(|p| p.keep_next));
}

#[test]
fn footnotes_are_numbered_in_order() {
    let laid = lay_out(&example("bao-cao-tong-ket-dan-van-2019"));
    assert_eq!(laid.footnotes.len(), 23);
    let refs: Vec<usize> = laid
        .paragraphs()
        .flat_map(|p| p.runs.iter())
        .filter_map(|r| match r.kind {
            RunKind::FootnoteRef(n) => Some(n),
            _ => None,
        })
        .collect();
    assert_eq!(refs, (1..=23).collect::<Vec<_>>());
}

#[test]
fn a_bare_article_prints_its_label_alone_in_bold() {
    let mut doc = example("ke-hoach-phoi-hop-dan-van-tay-son-2022");
    doc.body = crate::markup::parse("Điều 1. Phạm vi\nĐiều 2.\n1. Khoản một").unwrap();
    let laid = lay_out(&doc);
    let paras: Vec<&Para> = laid
        .blocks
        .iter()
        .filter_map(|i| match i {
            Item::Para(p) => Some(p),
            _ => None,
        })
        .collect();
    let bare = paras
        .iter()
        .find(|p| p.text() == "Điều 2.")
        .expect("the bare article is printed as its label");
    assert_eq!(bare.runs.len(), 1);
    assert!(bare.runs[0].look.bold);
    assert!(bare.keep_next);
    assert!(paras.iter().any(|p| p.text().starts_with("1. Khoản một")));
}

#[test]
fn a_body_table_gives_each_column_room_for_its_words_and_shares_the_rest_by_length() {
    // Lào Cai's report: "TT" and short figures beside a column of long sentences. Equal
    // shares broke "Thương" and "STT" in two and left the sentences one word a line.
    let mut doc = example("ke-hoach-dan-van-kheo-bac-kan-2024");
    let cell = crate::model::Inline::plain;
    let long = "Tìm kiếm, thăm dò, khai thác khoáng sản trên đất liền";
    doc.body
        .blocks
        .push(crate::model::Block::Table(crate::model::Table {
            header_rows: 1,
            rows: vec![
                vec![
                    cell("STT"),
                    cell("Loại hình hoạt động"),
                    cell("Bộ Công Thương"),
                ],
                vec![cell("1"), cell(long), cell("11")],
            ],
            merged: Vec::new(),
        }));
    let laid = lay_out(&doc);
    let g = data_table(&laid);
    let w: Vec<i32> = g.columns.iter().map(|t| t.0).collect();
    assert_eq!(w.iter().sum::<i32>(), laid.page().text_width().0, "{w:?}");
    // "STT" in capitals (3 × 1.5 + 1 letters of 7 pt, and the margins) fits on one line.
    assert!(w[0] >= 5 * 140 + 216, "{w:?}");
    assert!(w[0] < w[2] && w[2] < w[1], "{w:?}");
    // Every cell of a column has the column's width.
    for row in &g.rows {
        let cw: Vec<i32> = row.cells.iter().map(|c| c.width.0).collect();
        assert_eq!(cw, w);
    }
}

#[test]
fn a_merged_cell_spans_its_columns_and_rows() {
    // "Cơ quan cấp phép" over three columns, "TT" down two rows: one cell each, as wide as
    // the columns it covers, and the long heading is not charged to its first column.
    let mut doc = example("ke-hoach-dan-van-kheo-bac-kan-2024");
    let body = crate::markup::parse(
        "| TT | Cơ quan cấp phép hoạt động vật liệu nổ công nghiệp | < | < |\n|---|---|---|---|\n| ^ | Bộ | Sở | Huyện |\n| 1 | 2 | 3 | 4 |\n",
    )
    .unwrap();
    doc.body.blocks.extend(body.blocks);
    let laid = lay_out(&doc);
    let g = data_table(&laid);
    let w: Vec<i32> = g.columns.iter().map(|t| t.0).collect();
    let head = &g.rows[0].cells;
    assert_eq!(head.len(), 2);
    assert_eq!((head[1].span, head[1].width.0), (3, w[1] + w[2] + w[3]));
    assert_eq!(head[0].vmerge, Some(super::VMerge::Restart));
    assert_eq!(head[0].rows, 2);
    let under = &g.rows[1].cells[0];
    assert_eq!(under.vmerge, Some(super::VMerge::Continue));
    assert!(under.paras.is_empty());
    // The three columns under the heading share it: none takes it alone.
    assert!(w[1] < 2 * w[2] && w[1] < 2 * w[3], "{w:?}");
}

#[test]
fn a_body_ending_in_a_table_closes_under_the_table() {
    // Bệnh viện Đa khoa Đồng Nai's biên bản ends with its work table: "./." used to be put on
    // the sentence above the table ("… công việc sau:./."), in the middle of the page.
    let mut doc = example("ke-hoach-dan-van-kheo-bac-kan-2024");
    doc.closing_mark = true;
    let cell = crate::model::Inline::plain;
    doc.body
        .blocks
        .push(crate::model::Block::Table(crate::model::Table {
            header_rows: 1,
            rows: vec![
                vec![cell("STT"), cell("Công việc")],
                vec![cell("01"), cell("Cấp số")],
            ],
            merged: Vec::new(),
        }));
    let laid = lay_out(&doc);
    let body: Vec<&Item> = laid
        .blocks
        .iter()
        .filter(|b| match b {
            Item::Grid(g) => g.kind == GridKind::Data,
            Item::Para(p) => p.el == El::Body,
        })
        .collect();
    let n = body.len();
    assert!(matches!(body[n - 2], Item::Grid(_)));
    let Item::Para(last) = body[n - 1] else {
        panic!("the last body item is a paragraph")
    };
    assert_eq!(last.text(), crate::layout::CLOSING_MARK);
    let before: Vec<String> = body[..n - 2]
        .iter()
        .filter_map(|b| match b {
            Item::Para(p) => Some(p.text()),
            Item::Grid(_) => None,
        })
        .collect();
    assert!(before.iter().all(|t| !t.ends_with("/.")), "{before:?}");
}

#[test]
fn a_header_of_two_rows_is_bold_centred_and_repeated_and_short_columns_are_centred() {
    // Lào Cai's report: "Cơ quan cấp phép" over two sub-headings, "TT" and "Loại hình" merged
    // down both header rows; a column of counts under them and one of long sentences.
    use crate::model::{Block, Inline, Merge, Merged, Table};
    let mut doc = example("ke-hoach-dan-van-kheo-bac-kan-2024");
    let cell = Inline::plain;
    let long = "Tìm kiếm, thăm dò, khai thác khoáng sản trên đất liền";
    doc.body.blocks.push(Block::Table(Table {
        header_rows: 2,
        rows: vec![
            vec![
                cell("TT"),
                cell("Loại hình"),
                cell("Cơ quan cấp phép"),
                Inline::default(),
            ],
            vec![
                Inline::default(),
                Inline::default(),
                cell("Bộ Công Thương"),
                cell("Bộ Quốc phòng"),
            ],
            vec![cell("1"), cell(long), cell("11"), cell("00")],
            vec![cell("2"), cell("Thi công"), cell("21"), cell("0")],
        ],
        merged: vec![
            Merged {
                row: 0,
                col: 3,
                merge: Merge::Left,
            },
            Merged {
                row: 1,
                col: 0,
                merge: Merge::Up,
            },
            Merged {
                row: 1,
                col: 1,
                merge: Merge::Up,
            },
        ],
    }));
    let laid = lay_out(&doc);
    let g = data_table(&laid);
    let header: Vec<bool> = g.rows.iter().map(|r| r.header).collect();
    assert_eq!(header, [true, true, false, false]);
    for row in &g.rows[..2] {
        assert!(row.cant_split);
        for c in row.cells.iter().filter(|c| !c.paras.is_empty()) {
            assert!(c.middle);
            assert_eq!(c.paras[0].align, Some(Align::Center), "{c:?}");
            assert!(c.paras[0].runs.iter().all(|r| r.look.bold), "{c:?}");
        }
    }
    let body = &g.rows[2].cells;
    let aligns: Vec<Option<Align>> = body.iter().map(|c| c.paras[0].align).collect();
    // TT and the counts centred, the sentences left.
    assert_eq!(
        aligns,
        [
            Some(Align::Center),
            Some(Align::Left),
            Some(Align::Center),
            Some(Align::Center)
        ]
    );
    assert!(body.iter().all(|c| !c.middle));
    assert!(body[0].paras[0].runs.iter().all(|r| !r.look.bold));
}
