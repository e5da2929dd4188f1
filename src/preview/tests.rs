use super::*;
use crate::draft::Draft;
use crate::template::Templates;

fn ke_hoach(system: System) -> Draft {
    let t = Templates::builtin().expect("built-in templates load");
    let def = t.get("ke-hoach").expect("ke-hoach exists");
    let mut d = Draft::starter(def, system, false, 2024);
    d.place = "Bắc Kạn".into();
    d.subject = "Triển khai công tác dân vận năm 2024".into();
    for (k, v) in [
        (
            "mo_dau",
            "Thực hiện Kế hoạch số 89/KH-UBND, Văn phòng xây dựng Kế hoạch như sau:",
        ),
        (
            "muc_dich_yeu_cau",
            "## Mục đích\n1. Nâng cao nhận thức.\n## Yêu cầu\n- Bám sát thực tiễn.",
        ),
        (
            "noi_dung",
            "1. Tuyên truyền^[Theo Chỉ thị 03.] **sâu rộng**.\na) Tại cơ sở.",
        ),
        ("to_chuc_thuc_hien", "1. Các phòng triển khai."),
    ] {
        d.fields.insert(k.into(), v.into());
    }
    d
}

fn doc(system: System) -> Document {
    let t = Templates::builtin().unwrap();
    let out = render_lenient(&ke_hoach(system), &t);
    assert!(out.problems.is_empty(), "{:?}", out.problems);
    out.document.unwrap()
}

#[test]
fn state_header_uses_the_layout_sizes_and_case() {
    let p = render(&doc(System::State));
    let l = layout(System::State);
    assert!(p.html.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
    assert!(p.html.contains(&format!(
        "data-el=\"quoc_hieu\" style=\"font-size:{}pt;font-weight:bold",
        l.national_title.size.preferred.as_pt()
    )));
    assert!(p.html.contains("Độc lập - Tự do - Hạnh phúc"));
    assert!(p.html.contains(
        "data-el=\"dia_danh_ngay\" style=\"font-size:13pt;font-weight:normal;font-style:italic"
    ));
    assert!(p.html.contains(">KẾ HOẠCH<"));
    assert!(p.html.contains("Số:"));
    // Margins of the page come from the layout: 20 mm top, 30 mm left.
    assert!(
        p.html.contains("padding:20.0mm 15.0mm 20.0mm 30.0mm"),
        "{}",
        &p.html[..400]
    );
}

#[test]
fn body_is_numbered_and_formatted() {
    let p = render(&doc(System::State));
    assert!(
        p.html.contains(">I. MỤC ĐÍCH, YÊU CẦU</p>"),
        "section label"
    );
    assert!(p.html.contains("II. "));
    assert!(p.html.contains("1. Mục đích"));
    assert!(p.html.contains("<b>sâu rộng</b>"));
    assert!(p.html.contains("a) Tại cơ sở"));
    // The footnote is numbered in the text and printed at the foot of its page.
    assert!(p.html.contains("<sup class=\"vb-fn\">1</sup>"));
    assert!(p.html.contains("Theo Chỉ thị 03."));
    assert!(p.html.contains("Nơi nhận:"));
    assert!(p.html.contains("- Lưu: VT"));
}

#[test]
fn party_documents_get_the_party_header() {
    let p = render(&doc(System::Party));
    assert!(p.html.contains("ĐẢNG CỘNG SẢN VIỆT NAM"));
    assert!(!p.html.contains("CỘNG HÒA XÃ HỘI"));
    assert!(p.html.contains(">*</p>"));
}

#[test]
fn long_bodies_break_into_numbered_pages() {
    let t = Templates::builtin().unwrap();
    let mut d = ke_hoach(System::State);
    let long: Vec<String> = (0..80)
        .map(|i| {
            format!(
                "{}. Nhiệm vụ số {i}: {}",
                1,
                "tổ chức tuyên truyền ".repeat(8)
            )
        })
        .collect();
    d.fields.insert("noi_dung".into(), long.join("\n"));
    let p = render(&render_lenient(&d, &t).document.unwrap());
    assert!(p.pages >= 4, "80 long items fit on {} pages", p.pages);
    assert_eq!(p.html.matches("class=\"vb-page\"").count() as u32, p.pages);
    // No page number on page 1; one on each later page.
    assert_eq!(p.html.matches("vb-page-number").count() as u32, p.pages - 1);
    assert!(!p
        .html
        .split("data-page=\"2\"")
        .next()
        .unwrap()
        .contains("vb-page-number"));
    // A short draft stays on one page.
    assert_eq!(render(&doc(System::State)).pages, 1);
}

#[test]
fn text_is_escaped() {
    let t = Templates::builtin().unwrap();
    let mut d = ke_hoach(System::State);
    d.subject = "<script>alert(1)</script> & \"x\"".into();
    let p = render(&render_lenient(&d, &t).document.unwrap());
    assert!(!p.html.contains("<script>"));
    assert!(p
        .html
        .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"));
}

#[test]
fn missing_values_show_placeholders_and_are_reported() {
    let t = Templates::builtin().unwrap();
    let mut d = ke_hoach(System::State);
    d.fields.insert("noi_dung".into(), String::new());
    d.subject = "  ".into();
    d.signers[0].name.clear();
    let out = render_lenient(&d, &t);
    let fields: Vec<&str> = out.problems.iter().map(|p| p.field.as_str()).collect();
    assert!(fields.contains(&"subject"), "{fields:?}");
    assert!(fields.contains(&"signers[0].name"), "{fields:?}");
    assert!(fields.contains(&"fields.noi_dung"), "{fields:?}");
    assert!(out.problems.iter().all(|p| !p.message.is_empty()));
    let html = render(&out.document.expect("rendered with placeholders")).html;
    assert!(html.contains(PLACEHOLDER));
}

#[test]
fn unrenderable_drafts_report_without_a_document() {
    let t = Templates::builtin().unwrap();
    let mut d = ke_hoach(System::State);
    d.template = "khong-co".into();
    let out = render_lenient(&d, &t);
    assert!(out.document.is_none());
    assert_eq!(out.problems.len(), 1);
}
