//! Typed labels against computed ones on real office files (`tests/fixtures/real/`): a
//! quotation keeps the labels of the text it quotes, a bare "Điều 2." is an article whose
//! khoản number from 1, a list the original numbers afresh keeps its typed text, and an "e)"
//! typed right after "d)" is corrected and reported.

use std::path::Path;

use vanban::import::{import_docx, EntryKind, Imported};
use vanban::template::Templates;

/// Imports one real fixture.
fn import(name: &str) -> Imported {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/real")
        .join(name);
    import_docx(
        &std::fs::read(path).unwrap(),
        &Templates::builtin().unwrap(),
    )
    .unwrap()
}

/// Every line of the draft's body markup, all fields together.
fn markup_lines(imported: &Imported) -> Vec<String> {
    imported
        .draft
        .fields
        .values()
        .flat_map(|v| v.lines().map(str::to_string).collect::<Vec<_>>())
        .collect()
}

/// The imported draft rendered and laid out, as plain text.
fn rendered_text(imported: &Imported) -> String {
    let doc = imported
        .draft
        .render(&Templates::builtin().unwrap())
        .unwrap();
    vanban::model::plain_text_of(&vanban::laid::lay_out(&doc))
}

#[test]
fn a_quotation_keeps_the_labels_of_the_text_it_quotes() {
    let imported = import("012-cv-snv-lam-dong.docx");
    let lines = markup_lines(&imported);
    // The quoted "b)" is a plain paragraph kept as typed (behind the escape), not an "a)".
    assert!(
        lines.iter().any(|l| l.starts_with("\\*b) Hội báo cáo")
            || l.starts_with("\\b) *Hội báo cáo")
            || l.starts_with("*b) Hội báo cáo")),
        "{lines:#?}"
    );
    assert!(!lines.iter().any(|l| l.starts_with("a) *Hội báo cáo")));
    assert!(imported
        .report
        .entries
        .iter()
        .any(|e| e.kind == EntryKind::Kept && e.note.contains("trích dẫn")));
    let imported = import("016-cv-ubnd-lam-dong-ubmttq.docx");
    let text = rendered_text(&imported);
    assert!(text.contains("2. Việc sáp nhập, hợp nhất"), "{text}");
}

#[test]
fn a_bare_article_line_is_an_article_and_its_clauses_number_from_one() {
    let imported = import("003-qd-ubnd-lam-dong-ban-vstbpn.docx");
    let text = rendered_text(&imported);
    assert!(
        text.contains("Điều 2.\n1. Các thành viên Ban Vì sự tiến bộ"),
        "{text}"
    );
    assert!(!imported
        .report
        .entries
        .iter()
        .any(|e| e.note.contains("điều không có tên")));
}

#[test]
fn a_list_numbered_afresh_keeps_its_typed_text() {
    let imported = import("057-don-khoi-kien-wps.docx");
    let lines = markup_lines(&imported);
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("**1. Về quan hệ hôn nhân:**")),
        "{lines:#?}"
    );
    let kept: Vec<_> = imported
        .report
        .entries
        .iter()
        .filter(|e| e.note.contains("bắt đầu lại danh sách"))
        .collect();
    assert_eq!(kept.len(), 1, "{kept:#?}");
    assert_eq!(kept[0].kind, EntryKind::Kept);
}

#[test]
fn an_e_right_after_d_is_corrected_and_reported() {
    for name in [
        "025-bc-bcd-lam-dong-de-an-06.docx",
        "029-kh-ubnd-lam-dong-tuyen-truyen.docx",
    ] {
        let imported = import(name);
        let changed: Vec<_> = imported
            .report
            .entries
            .iter()
            .filter(|e| e.kind == EntryKind::Changed)
            .collect();
        assert!(!changed.is_empty(), "{name}");
        assert!(
            changed
                .iter()
                .all(|e| e.note.contains("«đ)»") && e.text_start.starts_with("e)")),
            "{name}: {changed:#?}"
        );
    }
    // A skipped number (the original's "7." after "5.") is renumbered and reported.
    let imported = import("032-tb-ubnd-lam-dong-ket-luan.docx");
    assert!(imported
        .report
        .entries
        .iter()
        .any(|e| e.kind == EntryKind::Changed && e.text_start.starts_with("7. Trách nhiệm")));
}

#[test]
fn a_label_typed_without_its_space_or_with_a_slip_in_dieu_still_counts() {
    // "6.1.Công tác …" (no space after the label) is item 6.1, so the typed "6.2." agrees.
    let imported = import("026-bc-ubnd-lam-dong-ma-tuy.docx");
    assert!(
        !imported
            .report
            .entries
            .iter()
            .any(|e| e.text_start.starts_with("6.2.")),
        "{:#?}",
        imported.report.entries
    );
    // "Điểu 18." is article 18 (reported), so "Điều 19." agrees.
    let imported = import("042-qd-ubnd-ha-tinh-11-2018.docx");
    let notes: Vec<(&str, EntryKind)> = imported
        .report
        .entries
        .iter()
        .map(|e| (e.text_start.as_str(), e.kind))
        .collect();
    assert!(
        notes
            .iter()
            .any(|(t, k)| t.starts_with("Điểu 18.") && *k == EntryKind::Changed),
        "{notes:#?}"
    );
    assert!(!notes.iter().any(|(t, _)| t.starts_with("Điều 19.")));
}
