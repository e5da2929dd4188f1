//! Import of what a decision prints outside its header, body and footer, on real files: an
//! appendix after the signature typed without a "Phụ lục" line (006), the header printed
//! again over the Quy định the decision issues (042), a greeting set between the header and
//! the tên loại (072). Each must land where the original has it, or be listed in the report.

use std::path::Path;

use vanban::import::{import_docx, EntryKind, Imported};
use vanban::reader::{read_docx, Limits};
use vanban::template::Templates;

/// The real fixture `name` imported.
fn import(name: &str) -> Imported {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/real")
        .join(name);
    import_docx(&std::fs::read(p).unwrap(), &Templates::builtin().unwrap()).unwrap()
}

/// The imported draft rendered to .docx.
fn rendered(i: &Imported) -> Vec<u8> {
    let doc = i.draft.render(&Templates::builtin().unwrap()).unwrap();
    vanban::docx::write_docx(&doc).unwrap()
}

/// The checker's view of a .docx: the text of the body (nội dung) paragraphs, and of every
/// paragraph after the last footer paragraph (signature, Nơi nhận).
fn body_and_after(bytes: &[u8]) -> (String, String) {
    let doc = read_docx(bytes, &Limits::default()).unwrap();
    let view = vanban::check::docx::view_of(&doc);
    let body: Vec<&str> = view
        .parts
        .noi_dung
        .iter()
        .map(|&i| view.paras[i].text.as_str())
        .collect();
    let footer_end = view
        .parts
        .chu_ky
        .iter()
        .flatten()
        .chain(view.parts.noi_nhan_items.iter())
        .copied()
        .max()
        .unwrap();
    let after: Vec<&str> = view.paras[footer_end + 1..]
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    (body.join("\n"), after.join("\n"))
}

#[test]
fn an_appendix_after_the_signature_without_its_label_stays_after_it() {
    let i = import("006-qd-ubnd-lam-dong-hd-xet-duyet.docx");
    let f = &i.draft.fields;
    assert!(
        f["phu_luc_ten"].starts_with("DANH SÁCH Hội đồng cấp tỉnh"),
        "{f:?}"
    );
    assert!(f["phu_luc"].contains("| 1 | Nguyễn Minh |"), "{f:?}");
    // The closing articles are the original's, not left empty.
    assert!(
        f["hieu_luc"].starts_with("Quyết định này có hiệu lực"),
        "{f:?}"
    );
    assert!(!f["cac_dieu"].contains("DANH SÁCH"), "{f:?}");
    assert!(i.report.entries.iter().any(|e| e.kind == EntryKind::Review
        && e.text_start == "DANH SÁCH"
        && e.note.contains("Phụ lục")));
    // In the re-render the list follows the signature, outside the body.
    let (body, after) = body_and_after(&rendered(&i));
    assert!(!body.contains("DANH SÁCH"), "{body}");
    assert!(body.contains("Điều 4."), "{body}");
    assert!(!body.contains("Điều 5."), "{body}");
    // Printed as NĐ 30 prints a Phụ lục: its label, the title in capitals, "(Kèm theo …)".
    assert!(
        after.contains("Phụ lục\nDANH SÁCH HỘI ĐỒNG CẤP TỈNH"),
        "{after}"
    );
    assert!(after.contains("Hoàng Văn Thanh"), "{after}");
}

#[test]
fn a_kem_theo_line_of_something_else_is_not_an_appendix() {
    // 040's forms carry "(Kèm theo hồ sơ đề nghị cấp giấy phép …)"; 007's appendices have a
    // "Phụ lục I" line over a title of several lines; 038's a "PHỤ LỤC 1" line.
    for name in [
        "040-ubnd-ha-tinh-e228.docx",
        "007-qd-ubnd-lam-dong-cong-bo-chi-so.docx",
        "038-hd-36-vptw.docx",
    ] {
        let i = import(name);
        assert!(
            !i.report
                .entries
                .iter()
                .any(|e| e.note.contains("không có dòng \"Phụ lục\"")),
            "{name}: {:?}",
            i.report.entries
        );
    }
}

#[test]
fn the_header_over_an_issued_quy_dinh_is_reported_not_put_in_the_body() {
    let i = import("042-qd-ubnd-ha-tinh-11-2018.docx");
    assert_eq!(i.draft.template, "quy-dinh");
    let f = &i.draft.fields;
    assert_eq!(
        f["ten_van_ban"],
        "Bảo vệ môi trường trên địa bàn tỉnh Hà Tĩnh"
    );
    assert!(
        f["noi_dung"].starts_with("Chương I. NHỮNG QUY ĐỊNH CHUNG"),
        "{f:?}"
    );
    assert!(!f.values().any(|v| v.contains("CỘNG HÒA XÃ HỘI")), "{f:?}");
    let header = i
        .report
        .entries
        .iter()
        .filter(|e| e.kind == EntryKind::Omitted && e.note.contains("quốc hiệu"))
        .collect::<Vec<_>>();
    assert_eq!(header.len(), 1, "{:?}", i.report.entries);
    assert_eq!(header[0].paragraph, Some(71));
    // No run of paragraphs is said to be kept outside the form: the Quy định is the
    // template's.
    assert!(
        !i.report.entries.iter().any(|e| e.kind == EntryKind::Kept),
        "{:?}",
        i.report.entries
    );
    let (body, after) = body_and_after(&rendered(&i));
    assert!(!body.contains("CỘNG HÒA"), "{body}");
    assert!(!body.contains("Chương I"), "{body}");
    assert!(after.contains("Chương I"), "{after}");
}

#[test]
fn a_greeting_between_header_and_title_is_reported_not_made_body_text() {
    let i = import("072-lich-cong-tac-vp-ubnd-ha-tinh-11c9.docx");
    assert!(
        !i.draft
            .fields
            .values()
            .any(|v| v.contains("CHÚC MỪNG NĂM MỚI")),
        "{:?}",
        i.draft.fields
    );
    let e = i
        .report
        .entries
        .iter()
        .find(|e| e.text_start == "CHÚC MỪNG NĂM MỚI")
        .expect("listed in the report");
    assert_eq!(e.kind, EntryKind::Omitted);
    assert_eq!(e.paragraph, Some(10));
    assert!(e.note.contains("giữa phần đầu và tên loại"), "{}", e.note);
    let (body, _) = body_and_after(&rendered(&i));
    assert!(
        body.trim_start()
            .starts_with("1. Các công việc cần tập trung chỉ đạo"),
        "{body}"
    );
}

#[test]
fn lists_issued_with_the_decision_after_the_signature_are_its_appendices() {
    // Three "DANH SÁCH" / title / "(Ban hành kèm theo Quyết định số …/QĐ-UBND …" / "của Chủ
    // tịch UBND tỉnh Lâm Đồng)" blocks after the signature table and ~25 empty paragraphs:
    // each is a Phụ lục of the draft, printed after the signature; the body before it stays
    // the decision.
    let i = import("113-qd-ubnd-lam-dong-phe-duyet-tuyen-511.docx");
    assert!(
        !i.report
            .entries
            .iter()
            .any(|e| e.kind == EntryKind::Kept && e.note.contains("đoạn liền nhau")),
        "{:?}",
        i.report.entries
    );
    let appendices = i
        .report
        .entries
        .iter()
        .filter(|e| e.text_start == "DANH SÁCH" && e.note.contains("phụ lục sau chữ ký"))
        .count();
    assert_eq!(appendices, 3, "{:?}", i.report.entries);
    let (body, after) = body_and_after(&rendered(&i));
    assert!(!body.contains("DANH SÁCH"), "{body}");
    assert!(!body.contains("Phường Xuân Trường"), "{body}");
    assert!(
        body.trim_end()
            .ends_with("chịu trách nhiệm thi hành Quyết định này./."),
        "{body}"
    );
    for (label, title) in [
        (
            "Phụ lục I",
            "DANH SÁCH TUYẾN NỘI TỈNH TRỌNG ĐIỂM PHỨC TẠP VỀ MA TÚY",
        ),
        (
            "Phụ lục II",
            "DANH SÁCH XÃ, PHƯỜNG TRỌNG ĐIỂM, PHỨC TẠP VỀ MA TÚY NĂM 2025",
        ),
        (
            "Phụ lục III",
            "DANH SÁCH XÃ, PHƯỜNG, ĐẶC KHU KHÔNG MA TÚY NĂM 2025",
        ),
    ] {
        assert!(
            after.contains(&format!("{label}\n{title}\n(Kèm theo Quyết định số")),
            "{label}: {after}"
        );
    }
    assert!(after.contains("Phường Xuân Trường - Đà Lạt"), "{after}");
}
