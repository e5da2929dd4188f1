use super::*;
use crate::draft::Draft;
use crate::layout::layout;
use crate::model::System;
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
        "data-el=\"quoc_hieu\" data-sz=\"{}\" data-b=\"1\" data-i=\"0\" data-al=\"center\" style=\"font-size:{}pt;font-weight:bold",
        l.national_title.size.preferred.0,
        l.national_title.size.preferred.as_pt()
    )));
    assert!(p.html.contains("Độc lập - Tự do - Hạnh phúc"));
    assert!(p.html.contains(
        "data-el=\"dia_danh_ngay\" data-sz=\"26\" data-b=\"0\" data-i=\"1\" data-al=\"center\" style=\"font-size:13pt;font-weight:normal;font-style:italic"
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
    assert!(p
        .html
        .contains("<span style=\"font-size:14pt;font-weight:bold;font-style:normal;text-decoration:none\">sâu rộng</span>"));
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

#[test]
fn the_title_sits_12_pt_below_the_header_as_in_the_docx() {
    let p = render(&doc(System::State));
    let title = p
        .html
        .split("data-el=\"ten_loai\"")
        .nth(1)
        .expect("the tên loại");
    let gap = crate::layout::GAPS.before_title.as_pt();
    assert_eq!(gap, 12.0);
    assert!(
        title.contains(&format!("margin:{gap:.1}pt 0.0pt 0.0pt 0.0pt")),
        "{}",
        &title[..300]
    );
}

#[test]
fn lines_have_the_lengths_the_layout_pass_gave_them() {
    for system in [System::State, System::Party] {
        let d = doc(system);
        let laid = crate::laid::lay_out(&d);
        let widths: Vec<String> = laid
            .paragraphs()
            .filter_map(|p| p.rule)
            .map(|w| format!("data-w=\"{}\"", w.0))
            .collect();
        let html = render(&d).html;
        assert_eq!(html.matches("class=\"vb-rule\"").count(), widths.len());
        for w in &widths {
            assert!(html.contains(w.as_str()), "{system:?}: {w}");
        }
    }
}

#[test]
fn the_party_subject_is_followed_by_five_hyphens_not_a_line() {
    let html = render(&doc(System::Party)).html;
    assert!(html.contains(&format!(">{}</p>", crate::layout::PARTY_SUBJECT_RULE)));
    assert!(!html.contains("class=\"vb-rule\" data-el=\"trich_yeu\""));
    let state = render(&doc(System::State)).html;
    assert!(state.contains("class=\"vb-rule\" data-el=\"trich_yeu\""));
}

#[test]
fn joint_signatures_sit_side_by_side_in_the_writers_order() {
    let t = Templates::builtin().unwrap();
    let def = t.get("ke-hoach").unwrap();
    let mut d = Draft::starter(def, System::Party, true, 2024);
    d.signers[0].name = "Người Chủ Trì".into();
    d.signers[1].name = "Người Phối Hợp".into();
    d.fields.insert("noi_dung".into(), "1. Nội dung.".into());
    let out = render_lenient(&d, &t);
    let html = render(&out.document.unwrap()).html;
    let footer = html.split("class=\"vb-footer\"").nth(1).expect("footer");
    // Row 1 holds the titles, row 2 the names, side by side.
    let names_row = footer.split("</tr>").nth(1).unwrap();
    let co = names_row
        .find("Người Phối Hợp")
        .expect("co-issuer in row 2");
    let lead = names_row.find("Người Chủ Trì").expect("lead in row 2");
    assert!(co < lead, "the lead body signs on the right");
    // The header's two columns are one row of one table, side by side.
    let header = html.split("class=\"vb-header\"").nth(1).unwrap();
    let row = header.split("</tr>").next().unwrap();
    assert_eq!(row.matches("<td").count(), 2);
    assert!(row.contains(crate::layout::PARTY_TITLE));
}

#[test]
fn a_phu_luc_starts_a_new_page_of_the_preview() {
    let mut d = doc(System::State);
    let short = d.body.blocks.len();
    d.body.blocks.extend(
        crate::markup::parse("Phụ lục I. DANH SÁCH\n| STT | Họ và tên |\n|---|---|\n| 1 | An |\n")
            .unwrap()
            .blocks,
    );
    let p = render(&d);
    assert_eq!(
        p.pages, 2,
        "{short} body blocks fit one page; the Phụ lục takes the second"
    );
    let second = p.html.split("data-page=\"2\"").nth(1).unwrap();
    assert!(second.contains(">Phụ lục<"), "{second}");
    assert!(second.contains("(Kèm theo Kế hoạch số"), "{second}");
    let first = p.html.split("data-page=\"2\"").next().unwrap();
    assert!(!first.contains("DANH SÁCH"));
}
