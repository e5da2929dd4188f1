use super::*;
use crate::model::Inline;

/// A block and its origin from a typed line: the label read as `kind` ("n" numbered level 1,
/// "l" lettered, "p" paragraph).
fn typed(kind: &str, line: &str, index: usize) -> (Block, Option<Origin>) {
    let rest = line.split_once(' ').map_or("", |(_, r)| r);
    let content = Inline::plain(rest);
    let block = match kind {
        "n" => Block::Numbered { level: 1, content },
        "l" => Block::Lettered { content },
        _ => Block::Paragraph {
            content: Inline::plain(line),
        },
    };
    let origin = Origin {
        index,
        text: line.to_string(),
        pieces: line.chars().map(|c| Piece::Char(c, false, false)).collect(),
        quoted: false,
    };
    (block, (kind != "p").then_some(origin))
}

/// The blocks and origins of typed lines, in order.
fn typed_lines(lines: &[(&str, &str)]) -> (Vec<Block>, Vec<Option<Origin>>) {
    lines
        .iter()
        .enumerate()
        .map(|(i, (k, l))| typed(k, l, i))
        .unzip()
}

fn run(lines: &[(&str, &str)]) -> (Vec<Block>, ImportReport) {
    let (mut blocks, origins) = typed_lines(lines);
    let mut report = ImportReport::default();
    reconcile(&mut blocks, &origins, &mut report);
    (blocks, report)
}

#[test]
fn labels_read_from_typed_text_and_computed_labels() {
    assert_eq!(Label::read("1.2. Nội dung"), Some(Label::Num(vec![1, 2])));
    assert_eq!(Label::read("3 Nội dung"), Some(Label::Num(vec![3])));
    assert_eq!(Label::read("đ) x"), Some(Label::Letter("đ".into())));
    assert_eq!(Label::read("Điều 12."), Some(Label::Article(12)));
    assert_eq!(Label::read("Nội dung"), None);
    assert!(Label::read("a)").unwrap().is_first());
    assert!(Label::Letter("đ".into()).follows(&Label::Letter("d".into())));
    assert!(!Label::Letter("e".into()).follows(&Label::Letter("d".into())));
    assert_eq!(Label::Num(vec![1, 2]).shown(), "1.2.");
}

#[test]
fn an_e_right_after_d_is_corrected_and_reported() {
    let (blocks, report) = run(&[
        ("l", "a) một"),
        ("l", "b) hai"),
        ("l", "c) ba"),
        ("l", "d) bốn"),
        ("l", "e) năm"),
        ("l", "g) sáu"),
    ]);
    assert!(blocks.iter().all(|b| matches!(b, Block::Lettered { .. })));
    assert_eq!(report.entries.len(), 1, "{report:?}");
    let e = &report.entries[0];
    assert_eq!(e.kind, EntryKind::Changed);
    assert_eq!(e.paragraph, Some(4));
    assert!(e.note.contains("«đ)»"), "{}", e.note);
}

#[test]
fn a_skipped_number_is_renumbered_once_and_its_points_agree() {
    let (blocks, report) = run(&[
        ("n", "5. năm"),
        ("n", "7. bảy"),
        ("l", "a) một"),
        ("n", "8. tám"),
    ]);
    // The first "5." is itself a slip (Vanban computes "1."), reported; "7." follows no
    // typed number and is reported too; "8." follows "7.", renumbered silently.
    assert!(blocks.iter().all(|b| !matches!(b, Block::Paragraph { .. })));
    let changed: Vec<_> = report
        .entries
        .iter()
        .filter(|e| e.kind == EntryKind::Changed)
        .map(|e| e.paragraph)
        .collect();
    assert_eq!(changed, vec![Some(0), Some(1)]);
}

#[test]
fn a_list_numbered_afresh_keeps_its_typed_text() {
    let (blocks, report) = run(&[
        ("n", "1. Người khởi kiện"),
        ("n", "2. Người bị kiện"),
        ("p", "Yêu cầu Tòa án giải quyết những vấn đề sau:"),
        ("n", "1. Về quan hệ hôn nhân"),
        ("l", "a) con"),
        ("n", "2. Về con chung"),
        ("n", "3. Về tài sản chung"),
    ]);
    let text: Vec<String> = blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph { content } => format!("p {}", content.plain_text()),
            Block::Numbered { .. } => "n".into(),
            Block::Lettered { .. } => "l".into(),
            _ => "?".into(),
        })
        .collect();
    assert_eq!(
        text,
        [
            "n",
            "n",
            "p Yêu cầu Tòa án giải quyết những vấn đề sau:",
            "p 1. Về quan hệ hôn nhân",
            // Its point is "a)" under the kept "1.", computed "a)" under "2.": agreed.
            "l",
            "p 2. Về con chung",
            "p 3. Về tài sản chung",
        ]
    );
    let kept: Vec<_> = report
        .entries
        .iter()
        .map(|e| (e.kind, e.paragraph))
        .collect();
    assert_eq!(kept, vec![(EntryKind::Kept, Some(3))]);
}

#[test]
fn a_quoted_label_vanban_would_number_otherwise_is_kept_as_typed() {
    let lines = [
        ("p", "“a) Trong thời hạn 60 ngày"),
        ("l", "b) Hội báo cáo kết quả đại hội”."),
        ("l", "a) Điểm của văn bản này"),
    ];
    let (mut blocks, mut origins) = typed_lines(&lines);
    origins[1].as_mut().unwrap().quoted = true;
    let mut report = ImportReport::default();
    reconcile(&mut blocks, &origins, &mut report);
    assert!(
        matches!(&blocks[1], Block::Paragraph { content } if content.plain_text() == "b) Hội báo cáo kết quả đại hội”."),
        "{blocks:?}"
    );
    assert!(matches!(blocks[2], Block::Lettered { .. }));
    assert_eq!(report.entries.len(), 1);
    assert_eq!(report.entries[0].kind, EntryKind::Kept);
    assert_eq!(report.entries[0].paragraph, Some(1));
    // A quoted label Vanban numbers the same (a draft Vanban printed) stays as it is.
    let (mut blocks, mut origins) = typed_lines(&[("p", "“Dân tăng"), ("l", "a) Tăng tăng”")]);
    origins[1].as_mut().unwrap().quoted = true;
    let mut report = ImportReport::default();
    reconcile(&mut blocks, &origins, &mut report);
    assert!(matches!(blocks[1], Block::Lettered { .. }));
    assert!(report.entries.is_empty());
}
