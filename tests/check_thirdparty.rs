//! Shapes other tools write (Word, WPS, LibreOffice, form generators) that the checker must
//! read as a reader sees them. Each test rewrites `word/document.xml` of a clean python-docx
//! file (tests/fixtures/check/clean-state-pydocx.docx, not made by Vanban) into one shape
//! met in third-party files, then checks what is recognised and what is reported.

mod docx_edit;

use std::io::{Cursor, Read, Write};

use docx_edit::{replace_once, rewrite_part};

use vanban::check::docx::view_of;
use vanban::check::registry::{FixSafety, Severity};
use vanban::check::report::Report;
use vanban::check::scope::ScopeStatus;
use vanban::check::view::View;
use vanban::check::{check_docx, CheckOptions};
use vanban::reader::{read_docx, Limits};

const CLEAN: &[u8] = include_bytes!("fixtures/check/clean-state-pydocx.docx");

/// The clean file with its `word/document.xml` passed through `edit`.
fn rewrite(edit: impl Fn(&str) -> String) -> Vec<u8> {
    rewrite_part(CLEAN, "word/document.xml", edit)
}

/// The paragraph (`<w:p>…</w:p>`) whose text contains `text`.
fn paragraph_with<'a>(xml: &'a str, text: &str) -> &'a str {
    let at = xml
        .find(&format!(">{text}<"))
        .expect("text in the document");
    let start = xml[..at].rfind("<w:p>").unwrap();
    let end = at + xml[at..].find("</w:p>").unwrap() + "</w:p>".len();
    &xml[start..end]
}

/// A run with size (half-points), bold and text.
fn run(size: u32, bold: bool, text: &str) -> String {
    let b = if bold {
        "<w:b/>"
    } else {
        r#"<w:b w:val="0"/>"#
    };
    format!(
        r#"<w:r><w:rPr>{b}<w:i w:val="0"/><w:sz w:val="{size}"/></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>"#
    )
}

/// A centred paragraph of runs.
fn para(runs: &str) -> String {
    format!(r#"<w:p><w:pPr><w:spacing w:after="0"/><w:jc w:val="center"/></w:pPr>{runs}</w:p>"#)
}

const BREAK: &str = "<w:r><w:br/></w:r>";

fn view(bytes: &[u8]) -> View {
    view_of(&read_docx(bytes, &Limits::default()).unwrap())
}

fn check(bytes: &[u8]) -> Report {
    check_docx(bytes, "t.docx", &CheckOptions::default()).unwrap()
}

fn errors(r: &Report) -> Vec<String> {
    r.diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error && !d.needs_review)
        .map(|d| format!("{} {}", d.rule, d.message))
        .collect()
}

#[test]
fn the_base_file_is_clean() {
    assert_eq!(errors(&check(CLEAN)), Vec::<String>::new());
}

/// Word users often type the quốc hiệu and tiêu ngữ, or the cơ quan chủ quản and the cơ
/// quan ban hành, as one paragraph with a soft line break (Shift+Enter).
fn merged_header(motto_size: u32) -> Vec<u8> {
    rewrite(|xml| {
        let qh = paragraph_with(xml, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        let tn = paragraph_with(xml, "Độc lập - Tự do - Hạnh phúc");
        let both = format!("{qh}{tn}");
        let xml = replace_once(
            xml,
            &both,
            &para(&format!(
                "{}{BREAK}{}",
                run(24, true, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                run(motto_size, true, "Độc lập - Tự do - Hạnh phúc")
            )),
        );
        let sup = paragraph_with(&xml, "UBND TỈNH BẮC KẠN");
        let iss = paragraph_with(&xml, "VĂN PHÒNG");
        let both = format!("{sup}{iss}");
        replace_once(
            &xml,
            &both,
            &para(&format!(
                "{}{BREAK}{}",
                run(24, false, "UBND TỈNH BẮC KẠN"),
                run(24, true, "VĂN PHÒNG")
            )),
        )
    })
}

#[test]
fn lines_joined_by_soft_breaks_are_recognised_one_by_one() {
    let bytes = merged_header(26);
    let v = view(&bytes);
    let qh = v.parts.quoc_hieu.expect("quốc hiệu");
    let tn = v.parts.tieu_ngu.expect("tiêu ngữ");
    assert_ne!(qh, tn);
    assert_eq!(v.paras[qh].text, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    assert_eq!(v.paras[tn].text, "Độc lập - Tự do - Hạnh phúc");
    // Both lines come from the same paragraph of the file.
    assert_eq!(v.paras[qh].index, v.paras[tn].index);
    let issuer: Vec<&str> = v
        .parts
        .ban_hanh
        .iter()
        .map(|&i| v.paras[i].text.as_str())
        .collect();
    let superior: Vec<&str> = v
        .parts
        .chu_quan
        .iter()
        .map(|&i| v.paras[i].text.as_str())
        .collect();
    assert_eq!(issuer, ["VĂN PHÒNG"]);
    assert_eq!(superior, ["UBND TỈNH BẮC KẠN"]);
    // Nothing about the quốc hiệu, tiêu ngữ or issuer is wrong.
    assert_eq!(errors(&check(&bytes)), Vec::<String>::new());
}

#[test]
fn a_fault_on_one_line_of_a_broken_paragraph_is_not_fixed_on_the_whole_paragraph() {
    // Tiêu ngữ at 12 pt on the second line of the quốc hiệu paragraph: the fault is
    // reported, but setting the size of the whole paragraph would change the quốc hiệu.
    let r = check(&merged_header(24));
    let d = r
        .diagnostics
        .iter()
        .find(|d| d.rule == "ND30-213")
        .expect("tiêu ngữ size reported");
    let fix = d.fix.as_ref().expect("a fix is proposed");
    assert_eq!(fix.safety, FixSafety::Suggest);
    assert!(fix.edits.is_empty());
    assert_eq!(errors(&r).len(), 1, "{:?}", errors(&r));
}

#[test]
fn text_in_capitals_by_formatting_is_read_as_capitals() {
    // The issuer typed "Văn phòng" and shown as "VĂN PHÒNG" by w:caps (a style or direct
    // formatting many templates use).
    let bytes = rewrite(|xml| {
        replace_once(
            xml,
            r#"<w:sz w:val="24"/><w:u w:val="none"/></w:rPr><w:t>VĂN PHÒNG"#,
            r#"<w:caps/><w:sz w:val="24"/><w:u w:val="none"/></w:rPr><w:t>Văn phòng"#,
        )
    });
    let v = view(&bytes);
    let issuer: Vec<&str> = v
        .parts
        .ban_hanh
        .iter()
        .map(|&i| v.paras[i].text.as_str())
        .collect();
    assert_eq!(issuer, ["VĂN PHÒNG"]);
    assert_eq!(errors(&check(&bytes)), Vec::<String>::new());
}

#[test]
fn a_form_title_under_the_national_title_is_not_an_issuer() {
    // A form (tờ khai, đơn) written as plain paragraphs: quốc hiệu, tiêu ngữ, a rule, then
    // its title in capitals. There is no số and no issuing body.
    let bytes = rewrite(|xml| {
        let start = xml.find("<w:body>").unwrap() + "<w:body>".len();
        let end = xml.find("<w:sectPr").unwrap();
        let body = [
            para(&run(26, true, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")),
            para(&run(26, true, "Độc lập - Tự do - Hạnh phúc")),
            para(&run(20, false, "────────────────────────")),
            para(&run(28, true, "TỜ KHAI ĐĂNG KÝ KHAI SINH")),
            // A table of the form's fields, its labels in capitals.
            format!(
                r#"<w:tbl><w:tblGrid><w:gridCol w:w="3000"/><w:gridCol w:w="6000"/></w:tblGrid><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr></w:tbl>"#,
                para(&run(26, true, "NGƯỜI YÊU CẦU")),
                para(&run(26, false, "Ông ………………………………"))
            ),
            para(&run(
                26,
                false,
                "2. Sinh ngày …… tháng …… năm ………… Nơi sinh: ……………………",
            )),
            para(&run(
                28,
                false,
                "Kính gửi: Ủy ban nhân dân xã Tân Lập, huyện Chợ Đồn, tỉnh Bắc Kạn.",
            )),
        ]
        .concat();
        format!("{}{body}{}", &xml[..start], &xml[end..])
    });
    let v = view(&bytes);
    assert!(v.parts.quoc_hieu.is_some());
    assert!(v.parts.tieu_ngu.is_some());
    assert_eq!(v.parts.ban_hanh, Vec::<usize>::new());
    assert_eq!(v.parts.chu_quan, Vec::<usize>::new());
    // A numbered form field is not the date line.
    assert_eq!(v.parts.dia_danh_ngay, None);
    let r = check(&bytes);
    for d in &r.diagnostics {
        // The "────" row is a drawn line, not a 10 pt body paragraph.
        assert_ne!(d.rule, "ND30-501", "{}", d.message);
        assert!(
            !["ND30-222", "ND30-223", "ND30-224"].contains(&d.rule.as_str()),
            "the title was judged as an issuer: {} {}",
            d.rule,
            d.message
        );
    }
}

/// A shape drawn in a run, as Word writes it: DrawingML in `mc:Choice`, VML in
/// `mc:Fallback`. `geometry` is the preset ("straightConnector1" for a line, "rect" for a
/// box) and `height` its height in EMU.
fn shape_run(geometry: &str, height: u32) -> String {
    let vml = if geometry == "rect" {
        r#"<v:rect style="width:150pt;height:20pt"/>"#
    } else {
        r##"<v:shape type="#_x0000_t32" style="width:150pt;height:0pt"/>"##
    };
    format!(
        r#"<w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="margin"><wp:posOffset>1922145</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>27305</wp:posOffset></wp:positionV><wp:extent cx="1952625" cy="{height}"/><wp:wrapNone/><wp:docPr id="2" name="Shape 2"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1952625" cy="{height}"/></a:xfrm><a:prstGeom prst="{geometry}"><a:avLst/></a:prstGeom></wps:spPr><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict xmlns:v="urn:schemas-microsoft-com:vml">{vml}</w:pict></mc:Fallback></mc:AlternateContent></w:r>"#
    )
}

/// A plain-paragraph header (no table) whose line under the tiêu ngữ is a shape anchored
/// to the next paragraph, the date, as in forms typed in Word or WPS.
fn motto_line_on_next_paragraph(geometry: &str, height: u32) -> Vec<u8> {
    rewrite(|xml| {
        let start = xml.find("<w:body>").unwrap() + "<w:body>".len();
        let end = xml.find("<w:sectPr").unwrap();
        let date = format!(
            r#"<w:p><w:pPr><w:jc w:val="right"/></w:pPr>{}<w:r><w:rPr><w:i/><w:sz w:val="26"/></w:rPr><w:t>Bắc Kạn, ngày 05 tháng 02 năm 2024</w:t></w:r></w:p>"#,
            shape_run(geometry, height)
        );
        let body = [
            para(&run(24, true, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")),
            para(&run(26, true, "Độc lập - Tự do - Hạnh phúc")),
            date,
            para(&run(28, true, "ĐƠN ĐỀ NGHỊ")),
        ]
        .concat();
        format!("{}{body}{}", &xml[..start], &xml[end..])
    })
}

#[test]
fn a_line_shape_anchored_to_the_next_paragraph_is_the_line_under_the_motto() {
    let bytes = motto_line_on_next_paragraph("straightConnector1", 0);
    let v = view(&bytes);
    assert!(v.parts.tieu_ngu.is_some());
    let date = v.parts.dia_danh_ngay.expect("date");
    assert!(v.paras[date].line_shapes > 0);
    let r = check(&bytes);
    assert!(!r.fired().contains(&"ND30-214"), "{:?}", errors(&r));
}

#[test]
fn a_picture_on_the_next_paragraph_is_not_a_line() {
    // The same header with a box instead of a line: the tiêu ngữ has no line under it.
    let bytes = motto_line_on_next_paragraph("rect", 254_000);
    let v = view(&bytes);
    let date = v.parts.dia_danh_ngay.expect("date");
    assert!(v.paras[date].has_drawing);
    assert_eq!(v.paras[date].line_shapes, 0);
    // An application form (ĐƠN ĐỀ NGHỊ) is outside NĐ 30 unless the rule set is chosen.
    assert_eq!(check(&bytes).scope.status, ScopeStatus::NotAdministrative);
    let forced = CheckOptions {
        ruleset: Some("ND30-2020".into()),
        ..CheckOptions::default()
    };
    let r = check_docx(&bytes, "t.docx", &forced).unwrap();
    assert!(r.fired().contains(&"ND30-214"));
}

#[test]
fn a_line_shape_anchored_to_the_quoc_hieu_is_the_line_under_the_motto() {
    // The table header with the bordered paragraph under the tiêu ngữ removed and a line
    // shape anchored to the quốc hiệu paragraph instead.
    let bytes = rewrite(|xml| {
        let xml = replace_once(
            xml,
            r#"<w:p><w:pPr><w:spacing w:after="0"/><w:ind w:left="567" w:right="567"/><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr></w:pPr></w:p>"#,
            "",
        );
        let qh = paragraph_with(&xml, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").to_string();
        let with_line = qh.replace("</w:pPr>", &format!("</w:pPr>{}", shape_run("line", 0)));
        replace_once(&xml, &qh, &with_line)
    });
    assert_eq!(errors(&check(&bytes)), Vec::<String>::new());
}

#[test]
fn a_row_of_box_drawing_rules_is_a_solid_line() {
    // "────" (U+2500) under the tiêu ngữ prints as a solid line; "-----" would be dashed.
    let bytes = rewrite(|xml| {
        replace_once(
            xml,
            r#"<w:p><w:pPr><w:spacing w:after="0"/><w:ind w:left="567" w:right="567"/><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr></w:pPr></w:p>"#,
            &para(&run(20, false, "──────────────────")),
        )
    });
    assert_eq!(errors(&check(&bytes)), Vec::<String>::new());
    let dashed = rewrite(|xml| {
        replace_once(
            xml,
            r#"<w:p><w:pPr><w:spacing w:after="0"/><w:ind w:left="567" w:right="567"/><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr></w:pPr></w:p>"#,
            &para(&run(20, false, "------------------")),
        )
    });
    assert!(check(&dashed).fired().contains(&"ND30-214"));
}

#[test]
fn an_unfilled_date_is_reported_as_unfilled() {
    let bytes = rewrite(|xml| {
        replace_once(
            xml,
            "Bắc Kạn, ngày 05 tháng 02 năm 2024",
            "..............., ngày .... tháng .... năm ........",
        )
    });
    let r = check(&bytes);
    let d = r
        .diagnostics
        .iter()
        .find(|d| d.rule == "ND30-312")
        .expect("the date is reported");
    assert!(d.message.contains("còn để trống"), "{}", d.message);
}

#[test]
fn a_body_without_the_closing_mark_says_it_is_missing() {
    let bytes = rewrite(|xml| replace_once(xml, "để tổng hợp./.", "để tổng hợp."));
    let r = check(&bytes);
    let d = r
        .diagnostics
        .iter()
        .find(|d| d.rule == "ND30-506")
        .expect("the closing mark is reported");
    assert!(
        d.message.contains("chưa kết thúc bằng dấu «./.»"),
        "{}",
        d.message
    );
}

/// A left-aligned paragraph of runs separated by tabs.
/// `xml` with its first table (the header of the base files) replaced by `with`.
fn replace_first_table(xml: &str, with: &str) -> String {
    let start = xml.find("<w:tbl>").unwrap();
    let end = xml.find("</w:tbl>").unwrap() + "</w:tbl>".len();
    format!("{}{with}{}", &xml[..start], &xml[end..])
}

/// `xml` with its last table (the Nơi nhận and signature of the base files) replaced.
fn replace_last_table(xml: &str, with: &str) -> String {
    let start = xml.rfind("<w:tbl>").unwrap();
    let end = xml.rfind("</w:tbl>").unwrap() + "</w:tbl>".len();
    format!("{}{with}{}", &xml[..start], &xml[end..])
}

fn tab_row(pieces: &[String]) -> String {
    let runs = pieces.join("<w:r><w:tab/></w:r>");
    format!(
        r#"<w:p><w:pPr><w:spacing w:after="0"/><w:tabs><w:tab w:val="center" w:pos="2268"/><w:tab w:val="center" w:pos="6804"/></w:tabs></w:pPr>{runs}</w:p>"#
    )
}

/// The header table replaced by tab-separated paragraphs, as older Word files and WPS
/// lay it out: issuer ⇥ quốc hiệu, issuer ⇥ tiêu ngữ, rules, số ⇥ date.
fn tab_header(number: &str) -> Vec<u8> {
    let number = number.to_string();
    rewrite(move |xml| {
        let header = [
            tab_row(&[
                String::new(),
                run(24, false, "UBND TỈNH BẮC KẠN"),
                run(24, true, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            ]),
            tab_row(&[
                String::new(),
                run(24, true, "VĂN PHÒNG"),
                run(26, true, "Độc lập - Tự do - Hạnh phúc"),
            ]),
            tab_row(&[
                String::new(),
                run(24, false, "_______"),
                run(26, false, "___________________"),
            ]),
            tab_row(&[
                String::new(),
                run(26, false, &number),
                r#"<w:r><w:rPr><w:i/><w:sz w:val="26"/></w:rPr><w:t>Bắc Kạn, ngày 05 tháng 02 năm 2024</w:t></w:r>"#
                    .to_string(),
            ]),
        ]
        .concat();
        replace_first_table(xml, &header)
    })
}

#[test]
fn a_header_laid_out_with_tabs_is_read_as_two_columns() {
    let bytes = tab_header("Số: 12/KH-VP");
    let v = view(&bytes);
    let text = |i: Option<usize>| i.map(|i| v.paras[i].text.as_str());
    assert_eq!(
        text(v.parts.quoc_hieu),
        Some("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    );
    assert_eq!(text(v.parts.tieu_ngu), Some("Độc lập - Tự do - Hạnh phúc"));
    assert_eq!(text(v.parts.so_ky_hieu), Some("Số: 12/KH-VP"));
    assert_eq!(
        text(v.parts.dia_danh_ngay),
        Some("Bắc Kạn, ngày 05 tháng 02 năm 2024")
    );
    let issuer: Vec<&str> = v
        .parts
        .ban_hanh
        .iter()
        .map(|&i| v.paras[i].text.as_str())
        .collect();
    assert_eq!(issuer, ["VĂN PHÒNG"]);
    assert_eq!(errors(&check(&bytes)), Vec::<String>::new());
    // A fault in one column is still found, on its own text.
    let r = check(&tab_header("Số 12/KH-VP"));
    assert_eq!(r.fired(), ["ND30-302"], "{:?}", errors(&r));
}

/// The tab header with its second row set as one piece: "⇥VĂN PHÒNG" and the tiêu ngữ
/// pushed right by a run of spaces, the tiêu ngữ at 12 pt (as a school's notice of 2012
/// in the real corpus writes it).
fn tab_header_spaced_motto(date: &str) -> Vec<u8> {
    let date = format!(
        r#"<w:r><w:rPr><w:i/><w:sz w:val="26"/></w:rPr><w:t>Bắc Kạn, {date} năm 2024</w:t></w:r>"#
    );
    rewrite(move |xml| {
        let header = [
            tab_row(&[
                String::new(),
                run(24, false, "UBND TỈNH BẮC KẠN"),
                run(24, true, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            ]),
            tab_row(&[
                String::new(),
                [
                    run(24, true, "VĂN PHÒNG"),
                    run(24, true, "                    "),
                    run(24, true, "Độc lập - Tự do - Hạnh phúc"),
                ]
                .concat(),
            ]),
            tab_row(&[String::new(), run(26, false, "Số: 12/KH-VP"), date.clone()]),
        ]
        .concat();
        replace_first_table(xml, &header)
    })
}

#[test]
fn no_fix_is_safe_on_a_paragraph_laid_out_as_columns() {
    // The issuer and the tiêu ngữ share one paragraph, set apart by spaces after a leading
    // tab: the view reads that gap as the column break, as it reads a tab, so collapsing it
    // (which would join the two columns) is never offered; setting the size of the paragraph
    // would resize the issuer too, so that fix stays a suggestion.
    let bytes = tab_header_spaced_motto("ngày 05 tháng 02");
    let v = view(&bytes);
    let p = v
        .paras
        .iter()
        .find(|p| p.text.contains("Độc lập"))
        .expect("the tiêu ngữ row is read");
    assert!(p.columns, "the row is laid out as columns: {:?}", p.text);
    let r = check(&bytes);
    let on_row: Vec<_> = r
        .diagnostics
        .iter()
        .filter(|d| d.location.paragraph == Some(p.index))
        .filter_map(|d| d.fix.as_ref().map(|f| (d.rule.as_str(), f)))
        .collect();
    let styled: Vec<_> = on_row
        .iter()
        .filter(|(_, f)| f.title.starts_with("đặt cỡ chữ"))
        .collect();
    assert!(
        !styled.is_empty(),
        "the 12 pt tiêu ngữ is reported: {on_row:?}"
    );
    let spaces: Vec<_> = on_row
        .iter()
        .filter(|(_, f)| f.title.contains("dấu cách"))
        .collect();
    assert!(
        spaces.is_empty(),
        "the gap between the columns is not a typed double space: {on_row:?}"
    );
    for (rule, f) in styled.iter().chain(&spaces) {
        assert_eq!(f.safety, FixSafety::Suggest, "{rule}: {}", f.title);
        assert!(f.edits.is_empty(), "{rule}");
    }
    // A text replacement inside one column stays safe: the day of the date beside the số.
    let r = check(&tab_header_spaced_motto("ngày 5 tháng 02"));
    let day = r
        .diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .find(|f| f.after.as_deref().is_some_and(|a| a.contains("ngày 05")))
        .expect("the day is reported with a fix");
    assert_eq!(day.safety, FixSafety::Safe, "{}", day.title);
}

#[test]
fn tabs_in_a_body_without_national_title_beside_stay_one_paragraph() {
    // A numbered body line "1.⇥..." near the top of a file without a tab header.
    let bytes = rewrite(|xml| {
        replace_once(
            xml,
            "<w:t>Thực hiện Kế hoạch số 89/KH-UBND",
            "<w:t>1.</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>Thực hiện Kế hoạch số 89/KH-UBND",
        )
    });
    let v = view(&bytes);
    assert!(v
        .paras
        .iter()
        .any(|p| p.text.starts_with("1.\tThực hiện Kế hoạch") && p.cell.is_none()));
}

#[test]
fn a_no_break_space_in_noi_nhan_is_not_a_fault() {
    // Word writes U+00A0 for Ctrl+Shift+Space; on paper it is a space.
    let bytes = rewrite(|xml| replace_once(xml, ">Nơi nhận:<", ">Nơi\u{a0}nhận:<"));
    assert_eq!(errors(&check(&bytes)), Vec::<String>::new());
    // Without the colon it is still a fault.
    let bytes = rewrite(|xml| replace_once(xml, ">Nơi nhận:<", ">Nơi\u{a0}nhận<"));
    assert!(check(&bytes).fired().contains(&"ND30-702"));
}

/// The footer table replaced by tab-separated paragraphs: Nơi nhận on the left, the
/// signature block after a center tab on the right.
fn tab_footer(first_item: &str) -> Vec<u8> {
    let first_item = first_item.to_string();
    rewrite(move |xml| {
        let italic_bold =
            r#"<w:r><w:rPr><w:b/><w:i/><w:sz w:val="24"/></w:rPr><w:t>Nơi nhận:</w:t></w:r>"#;
        let footer = [
            tab_row(&[
                italic_bold.to_string(),
                run(28, true, "KT. CHÁNH VĂN PHÒNG"),
            ]),
            tab_row(&[
                run(22, false, &first_item),
                run(28, true, "PHÓ CHÁNH VĂN PHÒNG"),
            ]),
            tab_row(&[run(22, false, "- Lãnh đạo Văn phòng;")]),
            tab_row(&[run(22, false, "- Lưu: VT, HCTC.")]),
            tab_row(&[]),
            tab_row(&[String::new(), run(28, true, "Nguyễn Văn An")]),
        ]
        .concat();
        replace_last_table(xml, &footer)
    })
}

#[test]
fn a_footer_laid_out_with_tabs_is_read_as_two_columns() {
    let bytes = tab_footer("- Ủy ban nhân dân tỉnh;");
    let v = view(&bytes);
    let items: Vec<&str> = v
        .parts
        .noi_nhan_items
        .iter()
        .map(|&i| v.paras[i].text.as_str())
        .collect();
    assert_eq!(
        items,
        [
            "- Ủy ban nhân dân tỉnh;",
            "- Lãnh đạo Văn phòng;",
            "- Lưu: VT, HCTC."
        ]
    );
    assert_eq!(v.parts.chu_ky.len(), 1);
    let sig: Vec<&str> = v.parts.chu_ky[0]
        .iter()
        .map(|&i| v.paras[i].text.as_str())
        .filter(|t| !t.trim().is_empty())
        .collect();
    assert_eq!(
        sig,
        [
            "KT. CHÁNH VĂN PHÒNG",
            "PHÓ CHÁNH VĂN PHÒNG",
            "Nguyễn Văn An"
        ]
    );
    assert_eq!(errors(&check(&bytes)), Vec::<String>::new());
    // A fault in the left column is found on its own line.
    let r = check(&tab_footer("- Ủy ban nhân dân tỉnh"));
    assert_eq!(r.fired(), ["ND30-703"], "{:?}", errors(&r));
}

/// A plain paragraph of `runs` (no tab stops): columns set apart by typed spaces.
fn spaced_row(runs: &[String]) -> String {
    format!(
        r#"<w:p><w:pPr><w:spacing w:after="0"/></w:pPr>{}</w:p>"#,
        runs.concat()
    )
}

/// The footer as an EVN unit's quyết định of 2024 (real corpus 087) lays it out, with no
/// table and no tab stop: "Nơi nhận:" and the authority line in one paragraph, set apart by
/// spaces that straddle two runs and followed by a stray tab; the first item and the title
/// likewise; the name pushed right by a hundred spaces.
fn spaced_footer(first_item: &str) -> Vec<u8> {
    let first_item = first_item.to_string();
    rewrite(move |xml| {
        let italic_bold = r#"<w:r><w:rPr><w:b/><w:i/><w:sz w:val="24"/></w:rPr><w:t xml:space="preserve">Nơi nhận:  </w:t></w:r>"#;
        let gap = " ".repeat(60);
        let footer = [
            spaced_row(&[
                italic_bold.to_string(),
                run(24, false, &gap),
                run(28, true, "KT. CHÁNH VĂN PHÒNG"),
                "<w:r><w:tab/></w:r>".to_string(),
            ]),
            spaced_row(&[
                run(22, false, &first_item),
                run(22, false, &gap),
                run(28, true, "PHÓ CHÁNH VĂN PHÒNG"),
            ]),
            spaced_row(&[run(22, false, "- Lãnh đạo Văn phòng;")]),
            spaced_row(&[run(22, false, "- Lưu: VT, HCTC.")]),
            spaced_row(&[]),
            spaced_row(&[run(28, true, &format!("{}Nguyễn Văn An", " ".repeat(100)))]),
        ]
        .concat();
        replace_last_table(xml, &footer)
    })
}

#[test]
fn a_footer_laid_out_with_spaces_is_read_as_two_columns() {
    let bytes = spaced_footer("- Ủy ban nhân dân tỉnh;");
    let v = view(&bytes);
    let items: Vec<&str> = v
        .parts
        .noi_nhan_items
        .iter()
        .map(|&i| v.paras[i].text.trim())
        .collect();
    assert_eq!(
        items,
        [
            "- Ủy ban nhân dân tỉnh;",
            "- Lãnh đạo Văn phòng;",
            "- Lưu: VT, HCTC."
        ]
    );
    assert_eq!(v.parts.chu_ky.len(), 1);
    let sig: Vec<&str> = v.parts.chu_ky[0]
        .iter()
        .map(|&i| v.paras[i].text.trim())
        .filter(|t| !t.is_empty())
        .collect();
    assert_eq!(
        sig,
        [
            "KT. CHÁNH VĂN PHÒNG",
            "PHÓ CHÁNH VĂN PHÒNG",
            "Nguyễn Văn An"
        ]
    );
    assert_eq!(errors(&check(&bytes)), Vec::<String>::new());
    let r = check(&spaced_footer("- Ủy ban nhân dân tỉnh"));
    assert_eq!(r.fired(), ["ND30-703"], "{:?}", errors(&r));
}

/// The header's last row set apart by spaces, as a railway branch's quyết định of 2023
/// writes it: "Số:" with its number left blank by spaces, the date with blank day and
/// month, all one paragraph.
fn spaced_number_row(number_gap: usize) -> Vec<u8> {
    rewrite(move |xml| {
        let header = [
            tab_row(&[
                String::new(),
                run(24, false, "UBND TỈNH BẮC KẠN"),
                run(24, true, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            ]),
            tab_row(&[
                String::new(),
                run(24, true, "VĂN PHÒNG"),
                run(26, true, "Độc lập - Tự do - Hạnh phúc"),
            ]),
            spaced_row(&[
                run(26, false, &format!("Số:{}/KH-VP", " ".repeat(number_gap))),
                run(26, false, &" ".repeat(20)),
                r#"<w:r><w:rPr><w:i/><w:sz w:val="26"/></w:rPr><w:t xml:space="preserve">Bắc Kạn, ngày     tháng 02 năm 2024</w:t></w:r>"#
                    .to_string(),
            ]),
        ]
        .concat();
        replace_first_table(xml, &header)
    })
}

#[test]
fn a_blank_number_or_day_is_no_gap_between_columns() {
    let v = view(&spaced_number_row(12));
    let text = |i: Option<usize>| i.map(|i| v.paras[i].text.trim().to_string());
    assert_eq!(
        text(v.parts.so_ky_hieu).as_deref(),
        Some(format!("Số:{}/KH-VP", " ".repeat(12)).as_str())
    );
    assert_eq!(
        text(v.parts.dia_danh_ngay).as_deref(),
        Some("Bắc Kạn, ngày     tháng 02 năm 2024")
    );
}

/// The body paragraph "Nâng cao nhận thức..." numbered by Word's list numbering instead
/// of a typed label, its direct first-line indent removed: the list level's `w:ind`
/// (`level_ind`) is what places its first line.
fn auto_numbered(level_ind: &str) -> Vec<u8> {
    let doc = rewrite(|xml| {
        let p = paragraph_with(xml, "Nâng cao nhận thức, trách nhiệm của cán bộ, công chức, viên chức và người lao động về thực hiện phong trào “Dân vận khéo” năm 2024, góp phần thực hiện thắng lợi nhiệm vụ chính trị của cơ quan.");
        let numbered = p.replace(
            r#"<w:ind w:firstLine="720"/>"#,
            r#"<w:numPr><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>"#,
        );
        replace_once(xml, p, &numbered)
    });
    let level_ind = level_ind.to_string();
    rewrite_part(&doc, "word/numbering.xml", move |xml| {
        let list = format!(
            r#"<w:abstractNum w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr>{level_ind}</w:pPr></w:lvl></w:abstractNum>"#
        );
        let num = r#"<w:num w:numId="90"><w:abstractNumId w:val="90"/></w:num>"#;
        // abstractNum elements come before num elements.
        let at = xml.find("<w:num ").unwrap();
        let xml = format!("{}{list}{}", &xml[..at], &xml[at..]);
        replace_once(&xml, "</w:numbering>", &format!("{num}</w:numbering>"))
    })
}

#[test]
fn a_list_level_places_the_first_line_of_a_numbered_paragraph() {
    // Word's list level indents the number 1.27 cm: the body indent is right.
    let r = check(&auto_numbered(r#"<w:ind w:left="0" w:firstLine="720"/>"#));
    assert_eq!(errors(&r), Vec::<String>::new());
    // Word's list with its number at 1 cm: left 1.64 cm, hanging 0.64 cm. The first
    // line starts 1 cm from the margin, as ND 30 asks.
    let r = check(&auto_numbered(r#"<w:ind w:left="927" w:hanging="360"/>"#));
    assert_eq!(errors(&r), Vec::<String>::new());
    // A list level hanging at the margin puts the first line at 0 cm.
    let r = check(&auto_numbered(r#"<w:ind w:left="360" w:hanging="360"/>"#));
    assert_eq!(r.fired(), ["ND30-502"], "{:?}", errors(&r));
}

#[test]
fn hidden_text_is_not_read() {
    // A template's tag left hidden (w:vanish) after the quốc hiệu.
    let bytes = rewrite(|xml| {
        replace_once(
            xml,
            "<w:t>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</w:t></w:r>",
            "<w:t>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>{{ ghi_chu }}</w:t></w:r>",
        )
    });
    let v = view(&bytes);
    let qh = v.parts.quoc_hieu.expect("quốc hiệu");
    assert_eq!(v.paras[qh].text, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    assert_eq!(errors(&check(&bytes)), Vec::<String>::new());
}

/// The Nơi nhận items of the clean file typed without their dash and bulleted by list
/// numbering whose level shows `level_text`.
fn bulleted_recipients(level_text: &str) -> Vec<u8> {
    let doc = rewrite(|xml| {
        let mut xml = xml.to_string();
        for item in [
            "Ủy ban nhân dân tỉnh;",
            "Lãnh đạo Văn phòng;",
            "Các phòng, đơn vị;",
            "Lưu: VT, HCTC.",
        ] {
            let p = paragraph_with(&xml, &format!("- {item}")).to_string();
            let bulleted = p
                .replace(
                    "<w:pPr>",
                    r#"<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="91"/></w:numPr>"#,
                )
                .replace(&format!(">- {item}<"), &format!(">{item}<"));
            xml = replace_once(&xml, &p, &bulleted);
        }
        xml
    });
    let level_text = level_text.to_string();
    rewrite_part(&doc, "word/numbering.xml", move |xml| {
        let list = format!(
            r#"<w:abstractNum w:abstractNumId="91"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="{level_text}"/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum>"#
        );
        let at = xml.find("<w:num ").unwrap();
        let xml = format!("{}{list}{}", &xml[..at], &xml[at..]);
        replace_once(
            &xml,
            "</w:numbering>",
            r#"<w:num w:numId="91"><w:abstractNumId w:val="91"/></w:num></w:numbering>"#,
        )
    })
}

#[test]
fn a_dash_bullet_of_list_numbering_is_the_recipients_dash() {
    let bytes = bulleted_recipients("-");
    let v = view(&bytes);
    let items: Vec<&str> = v
        .parts
        .noi_nhan_items
        .iter()
        .map(|&i| v.paras[i].text.as_str())
        .collect();
    assert_eq!(items.first(), Some(&"- Ủy ban nhân dân tỉnh;"));
    assert_eq!(errors(&check(&bytes)), Vec::<String>::new());
    // A round bullet is not the dash ND 30 asks for.
    assert!(check(&bulleted_recipients("•"))
        .fired()
        .contains(&"ND30-703"));
}

/// The content of the last table cell holding `text`, from its `<w:tc>` to `</w:tc>`.
fn cell_with<'a>(xml: &'a str, text: &str) -> &'a str {
    let at = xml.rfind(text).expect("text in the document");
    let start = xml[..at].rfind("<w:tc>").unwrap();
    let end = at + xml[at..].find("</w:tc>").unwrap() + "</w:tc>".len();
    &xml[start..end]
}

#[test]
fn a_footer_typed_with_soft_breaks_is_recognised() {
    // Nơi nhận and the signature block each typed as one paragraph with Shift+Enter.
    let bytes = rewrite(|xml| {
        let cell_open = r#"<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="4677"/></w:tcPr>"#;
        let items = [
            "- Ủy ban nhân dân tỉnh;",
            "- Lãnh đạo Văn phòng;",
            "- Các phòng, đơn vị;",
            "- Lưu: VT, HCTC.",
        ];
        let nn = format!(
            r#"{cell_open}<w:p><w:pPr><w:spacing w:after="0"/></w:pPr><w:r><w:rPr><w:b/><w:i/><w:sz w:val="24"/></w:rPr><w:t>Nơi nhận:</w:t></w:r>{}</w:p></w:tc>"#,
            items
                .iter()
                .map(|t| format!("{BREAK}{}", run(22, false, t)))
                .collect::<String>()
        );
        let sig = format!(
            "{cell_open}{}</w:tc>",
            para(
                &[
                    run(28, true, "KT. CHÁNH VĂN PHÒNG"),
                    run(28, true, "PHÓ CHÁNH VĂN PHÒNG"),
                    String::new(),
                    String::new(),
                    run(28, true, "Nguyễn Văn An"),
                ]
                .join(BREAK)
            )
        );
        let xml = replace_once(xml, cell_with(xml, "Nơi nhận:"), &nn);
        replace_once(&xml, cell_with(&xml, "Nguyễn Văn An"), &sig)
    });
    let v = view(&bytes);
    assert_eq!(v.parts.noi_nhan_items.len(), 4);
    assert_eq!(v.parts.chu_ky.len(), 1);
    let last = *v.parts.chu_ky[0].last().unwrap();
    assert_eq!(v.paras[last].text, "Nguyễn Văn An");
    assert_eq!(errors(&check(&bytes)), Vec::<String>::new());
}

/// A text box holding `paras`, as Word writes it: DrawingML text box in `mc:Choice`, the
/// same content in a VML text box in `mc:Fallback`.
fn text_box_run(paras: &str) -> String {
    format!(
        r#"<w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="margin"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="2743200" cy="914400"/><wp:wrapNone/><wp:docPr id="3" name="Text Box 3"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr><wps:txbx><w:txbxContent>{paras}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict xmlns:v="urn:schemas-microsoft-com:vml"><v:shape style="width:216pt;height:72pt"><v:textbox><w:txbxContent>{paras}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"#
    )
}

#[test]
fn a_header_in_text_boxes_is_read_once_and_never_edited() {
    // OCR converters and some templates put the two header columns in text boxes
    // anchored to the first paragraph.
    let bytes = rewrite(|xml| {
        let line = r#"<w:p><w:pPr><w:spacing w:after="0"/><w:ind w:left="1417" w:right="1417"/><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr></w:pPr></w:p>"#;
        let left = [
            para(&run(24, false, "UBND TỈNH BẮC KẠN")),
            para(&run(24, true, "VĂN PHÒNG")),
            line.to_string(),
            para(&run(26, false, "Số: 12/KH-VP")),
        ]
        .concat();
        let right = [
            para(&run(24, true, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")),
            para(&run(26, true, "Độc lập - Tự do - Hạnh phúc")),
            line.to_string(),
            para(r#"<w:r><w:rPr><w:i/><w:sz w:val="26"/></w:rPr><w:t>Bắc Kạn, ngày 05 tháng 02 năm 2024</w:t></w:r>"#),
        ]
        .concat();
        let anchor = para(&format!("{}{}", text_box_run(&left), text_box_run(&right)));
        replace_first_table(xml, &anchor)
    });
    let doc = read_docx(&bytes, &Limits::default()).unwrap();
    let v = view_of(&doc);
    let text = |i: Option<usize>| i.map(|i| v.paras[i].text.as_str());
    assert_eq!(
        text(v.parts.quoc_hieu),
        Some("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    );
    assert_eq!(text(v.parts.so_ky_hieu), Some("Số: 12/KH-VP"));
    assert_eq!(
        text(v.parts.dia_danh_ngay),
        Some("Bắc Kạn, ngày 05 tháng 02 năm 2024")
    );
    let issuer: Vec<&str> = v
        .parts
        .ban_hanh
        .iter()
        .map(|&i| v.paras[i].text.as_str())
        .collect();
    assert_eq!(issuer, ["VĂN PHÒNG"]);
    // The box is written twice (DrawingML and its VML fallback) and read once.
    let n = v
        .paras
        .iter()
        .filter(|p| p.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        .count();
    assert_eq!(n, 1);
    // Box paragraphs are not indexed paragraphs: they carry the anchor's index.
    let qh = v.parts.quoc_hieu.unwrap();
    assert!(v.paras[qh].index < doc.paragraph_count);
    assert_eq!(errors(&check(&bytes)), Vec::<String>::new());
    // A fault in a box is reported; its fix is only a suggestion.
    let faulty = rewrite_part(&bytes, "word/document.xml", |xml| {
        xml.replace(">Số: 12/KH-VP<", ">Số: 3/KH-VP<")
    });
    let r = check(&faulty);
    let d = r
        .diagnostics
        .iter()
        .find(|d| d.rule == "ND30-303")
        .expect("the number without its zero is reported");
    assert!(d.fix.as_ref().is_none_or(|f| f.edits.is_empty()));
}

#[test]
fn invisible_characters_do_not_hide_the_quoc_hieu() {
    // OCR output and text pasted from the web carry zero-width spaces and soft hyphens.
    let bytes = rewrite(|xml| {
        replace_once(
            xml,
            ">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<",
            ">CỘNG HÒA XÃ\u{200B} HỘI CHỦ NGHĨ\u{AD}A VIỆT NAM<",
        )
    });
    let v = view(&bytes);
    assert!(v.parts.quoc_hieu.is_some());
    assert_eq!(errors(&check(&bytes)), Vec::<String>::new());
}

/// The clean file with its Nơi nhận cell replaced by a second signature block (a
/// "người lập biểu", the other party of a contract), the superior's line bold or not.
fn two_signatures(superior_bold: bool) -> Vec<u8> {
    rewrite(move |xml| {
        let cell = cell_with(xml, "Nơi nhận:");
        let second = format!(
            r#"<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="4677"/></w:tcPr>{}</w:tc>"#,
            [
                para(&run(28, true, "NGƯỜI LẬP BIỂU")),
                para(""),
                para(""),
                para(&run(28, true, "Trần Thị Bình")),
            ]
            .concat()
        );
        let xml = replace_once(xml, cell, &second);
        if superior_bold {
            let p = paragraph_with(&xml, "UBND TỈNH BẮC KẠN");
            replace_once(
                &xml,
                p,
                &para(&run(24, true, "ỦY BAN NHÂN DÂN TỈNH BẮC KẠN")),
            )
        } else {
            xml
        }
    })
}

#[test]
fn two_signatures_under_one_issuer_are_not_a_joint_document() {
    let v = view(&two_signatures(false));
    assert_eq!(v.parts.chu_ky.len(), 2);
    assert_eq!(v.detected, vanban::check::view::Detected::State);
    // A superior typed in bold over the issuing body is still one issuer (its weight is the
    // fault, ND30-223), not a second issuing body: two signers do not make it liên tịch.
    let bytes = two_signatures(true);
    let v = view(&bytes);
    assert_eq!(v.parts.ban_hanh.len(), 1);
    assert_eq!(v.parts.chu_quan.len(), 1);
    assert_eq!(v.detected, vanban::check::view::Detected::State);
    let e = errors(&check(&bytes));
    assert!(e.iter().any(|m| m.starts_with("ND30-223")), "{e:?}");
}

#[test]
fn a_header_laid_out_with_spaces_is_read_as_two_columns() {
    // The columns set apart by a run of spaces instead of a tab.
    let gap = run(24, false, "            ");
    let bytes = rewrite(|xml| {
        let row = |left: String, right: String| {
            format!(r#"<w:p><w:pPr><w:spacing w:after="0"/></w:pPr>{left}{gap}{right}</w:p>"#)
        };
        let header = [
            row(
                run(24, false, "UBND TỈNH BẮC KẠN"),
                run(24, true, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            ),
            row(
                run(24, true, "VĂN PHÒNG"),
                run(26, true, "Độc lập - Tự do - Hạnh phúc"),
            ),
            row(run(24, false, "_______"), run(26, false, "___________________")),
            row(
                run(26, false, "Số: 12/KH-VP"),
                r#"<w:r><w:rPr><w:i/><w:sz w:val="26"/></w:rPr><w:t>Bắc Kạn, ngày 05 tháng 02 năm 2024</w:t></w:r>"#
                    .to_string(),
            ),
        ]
        .concat();
        replace_first_table(xml, &header)
    });
    let v = view(&bytes);
    let text = |i: Option<usize>| i.map(|i| v.paras[i].text.as_str());
    assert_eq!(
        text(v.parts.quoc_hieu),
        Some("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    );
    assert_eq!(text(v.parts.so_ky_hieu), Some("Số: 12/KH-VP"));
    assert_eq!(errors(&check(&bytes)), Vec::<String>::new());
}

const PARTY: &[u8] = include_bytes!("fixtures/check/clean-party-pydocx.docx");

#[test]
fn a_party_header_laid_out_with_tabs_is_a_party_document() {
    // HD 36 header without a table: cấp ủy ⇥ ĐẢNG CỘNG SẢN VIỆT NAM, then the issuing
    // body, its star, and số ⇥ date.
    let bytes = rewrite_part(PARTY, "word/document.xml", |xml| {
        let date = r#"<w:r><w:rPr><w:i/><w:sz w:val="28"/></w:rPr><w:t>Kiên Giang, ngày 15 tháng 4 năm 2021</w:t></w:r>"#;
        let header = [
            tab_row(&[
                String::new(),
                run(28, false, "TỈNH ỦY KIÊN GIANG"),
                run(30, true, "ĐẢNG CỘNG SẢN VIỆT NAM"),
            ]),
            // The line under the Party's title: two tabs, the right column.
            tab_row(&[
                String::new(),
                String::new(),
                run(28, false, "____________________"),
            ]),
            tab_row(&[String::new(), run(28, true, "BAN DÂN VẬN")]),
            tab_row(&[String::new(), run(28, false, "*")]),
            tab_row(&[
                String::new(),
                run(28, false, "Số 05-KH/BDVTU"),
                date.to_string(),
            ]),
        ]
        .concat();
        replace_first_table(xml, &header)
    });
    let v = view(&bytes);
    assert_eq!(v.detected, vanban::check::view::Detected::Party);
    assert!(v.parts.dang.is_some());
    let issuer: Vec<&str> = v
        .parts
        .ban_hanh
        .iter()
        .map(|&i| v.paras[i].text.as_str())
        .collect();
    assert_eq!(issuer, ["BAN DÂN VẬN"]);
    assert!(v.parts.star.is_some());
    let r = check(&bytes);
    assert_eq!(r.system, vanban::check::view::Detected::Party);
    assert_eq!(errors(&r), Vec::<String>::new());
}

/// A table cell holding paragraphs of `runs`, centred.
fn cell_of(paras: &[String]) -> String {
    let body: String = paras.iter().map(|r| para(r)).collect();
    format!(r#"<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1500"/></w:tcPr>{body}</w:tc>"#)
}

/// A table of rows of cells.
fn table_of(rows: &[Vec<String>]) -> String {
    let rows: String = rows
        .iter()
        .map(|cells| format!("<w:tr>{}</w:tr>", cells.concat()))
        .collect();
    format!(r#"<w:tbl><w:tblPr><w:tblW w:type="auto" w:w="0"/></w:tblPr>{rows}</w:tbl>"#)
}

/// An appendix after the signature: a data table whose capitals cells ("STT", "XẾP LOẠI",
/// "TỐT") have the shape of a signature block. Real provincial reports and quyết định carry
/// such annexes; they are content, not signatures, and the document is not joint.
#[test]
fn an_appendix_table_after_the_signature_is_not_a_signature() {
    let bytes = rewrite(|xml| {
        let row = |a: &str, b: &str, c: &str| {
            vec![
                cell_of(&[run(26, true, a)]),
                cell_of(&[run(26, false, b)]),
                cell_of(&[run(26, true, c)]),
            ]
        };
        let annex = [
            para(&run(28, true, "Phụ lục")),
            para(&run(28, true, "KẾT QUẢ XẾP LOẠI NĂM 2025")),
            table_of(&[
                row("STT", "ĐƠN VỊ", "XẾP LOẠI"),
                row("1", "Sở Tư pháp", "TỐT"),
                row("2", "Sở Nội vụ", "KHÁ"),
                row("3", "Sở Tài chính", "TỐT"),
                row("4", "Sở Y tế", "TRUNG BÌNH"),
            ]),
        ]
        .concat();
        replace_once(xml, "<w:sectPr", &format!("{annex}<w:sectPr"))
    });
    let v = view(&bytes);
    assert_eq!(
        v.parts.chu_ky.len(),
        1,
        "one signature, in the footer table"
    );
    assert_eq!(v.detected, vanban::check::view::Detected::State);
    assert_eq!(errors(&check(&bytes)), Vec::<String>::new());
}

/// A biên bản signed by its secretary and its chair, two blocks in one footer table, under
/// an issuing body whose name runs over two bold lines ("ỦY BAN NHÂN DÂN" / "TỈNH …"): one
/// issuer, so not a joint (liên tịch) document.
#[test]
fn two_signers_under_a_two_line_issuer_are_not_a_joint_document() {
    let bytes = rewrite(|xml| {
        let xml = replace_once(
            xml,
            paragraph_with(xml, "UBND TỈNH BẮC KẠN"),
            &para(&run(24, true, "ỦY BAN NHÂN DÂN")),
        );
        let xml = replace_once(
            &xml,
            paragraph_with(&xml, "VĂN PHÒNG"),
            &para(&run(24, true, "TỈNH BẮC KẠN")),
        );
        let block = |role: &str, name: &str| {
            cell_of(&[
                run(28, true, role),
                String::new(),
                String::new(),
                run(28, true, name),
            ])
        };
        replace_last_table(
            &xml,
            &table_of(&[vec![
                block("THƯ KÝ", "Trần Thị Bình"),
                block("CHỦ TRÌ", "Nguyễn Văn An"),
            ]]),
        )
    });
    let v = view(&bytes);
    assert_eq!(v.parts.ban_hanh.len(), 2, "two lines of one issuer");
    assert_eq!(v.parts.chu_ky.len(), 2, "two signature blocks");
    assert_eq!(v.detected, vanban::check::view::Detected::State);
}

/// A form title under a header table ("PHIẾU GHI Ý KIẾN" of a vote among UBND members, with
/// no số and no date) is the title zone, not a second issuing body.
#[test]
fn capitals_after_the_header_table_are_not_an_issuer() {
    let bytes = rewrite(|xml| {
        // The header table's second row (số | date) goes.
        let at = xml.find(">Số: 12/KH-VP<").unwrap();
        let start = xml[..at].rfind("<w:tr>").unwrap();
        let end = at + xml[at..].find("</w:tr>").unwrap() + "</w:tr>".len();
        let xml = format!("{}{}", &xml[..start], &xml[end..]);
        replace_once(&xml, ">KẾ HOẠCH<", ">PHIẾU GHI Ý KIẾN<")
    });
    let v = view(&bytes);
    let issuer: Vec<&str> = v
        .parts
        .ban_hanh
        .iter()
        .map(|&i| v.paras[i].text.as_str())
        .collect();
    assert_eq!(issuer, ["VĂN PHÒNG"]);
}

/// "BIÊN BẢN HỌP HỘI ĐỒNG", "THÔNG CÁO BÁO CHÍ": the tên loại line goes on with the first
/// words of the trích yếu; the type is still read, and the "(Kèm theo …)" line of an
/// attachment is never the date.
#[test]
fn a_title_that_goes_on_past_the_type_name_is_the_ten_loai() {
    let bytes = rewrite(|xml| {
        let xml = replace_once(xml, ">KẾ HOẠCH<", ">BIÊN BẢN HỌP HỘI ĐỒNG<");
        replace_once(
            &xml,
            ">Bắc Kạn, ngày 05 tháng 02 năm 2024<",
            ">(Kèm theo Quyết định số 12/QĐ-VP ngày 05 tháng 02 năm 2024)<",
        )
    });
    let v = view(&bytes);
    assert_eq!(
        v.doc_type.as_ref().map(|t| t.slug.as_str()),
        Some("bien-ban")
    );
    assert!(v.parts.ten_loai.is_some());
    assert_eq!(v.parts.dia_danh_ngay, None);
}

// ---- Habits of real office files (tests/fixtures/real), one test per reading. ----

/// Rule ids of the errors in `r`.
fn error_rules(r: &Report) -> Vec<String> {
    r.diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error && !d.needs_review)
        .map(|d| d.rule.clone())
        .collect()
}

/// `bytes` with a new part `name` holding `xml`, related from the document as `rel_type`
/// under id `id`.
fn add_part(bytes: &[u8], name: &str, xml: &str, id: &str, rel_type: &str) -> Vec<u8> {
    let target = name.trim_start_matches("word/");
    let with_rel = rewrite_part(bytes, "word/_rels/document.xml.rels", |rels| {
        replace_once(
            rels,
            "</Relationships>",
            &format!(
                r#"<Relationship Id="{id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{rel_type}" Target="{target}"/></Relationships>"#
            ),
        )
    });
    let mut zin = zip::ZipArchive::new(Cursor::new(with_rel)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..zin.len() {
        let mut f = zin.by_index(i).unwrap();
        let n = f.name().to_string();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        out.start_file(n, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&data).unwrap();
    }
    out.start_file(name, zip::write::SimpleFileOptions::default())
        .unwrap();
    out.write_all(xml.as_bytes()).unwrap();
    out.finish().unwrap().into_inner()
}

const W_NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;

/// A footer part whose one paragraph holds a PAGE field, right-aligned.
fn page_footer() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr {W_NS}><w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>"#
    )
}

/// An even-page footer prints only when the settings say "different odd and even pages";
/// without it, the page number that prints is the header's, and the footer's is no fault.
#[test]
fn an_even_page_footer_prints_only_with_even_and_odd_headers() {
    let base = add_part(CLEAN, "word/footer9.xml", &page_footer(), "rId99", "footer");
    let bytes = rewrite_part(&base, "word/document.xml", |xml| {
        replace_once(
            xml,
            r#"<w:headerReference w:type="default" r:id="rId9"/>"#,
            r#"<w:headerReference w:type="default" r:id="rId9"/><w:footerReference w:type="even" r:id="rId99"/>"#,
        )
    });
    assert!(!error_rules(&check(&bytes)).contains(&"ND30-802".to_string()));
    // With the setting on, the even pages print the number at the foot: a fault.
    let even = rewrite_part(&bytes, "word/settings.xml", |s| {
        let at = s
            .find("<w:defaultTabStop")
            .expect("settings has defaultTabStop");
        format!("{}<w:evenAndOddHeaders/>{}", &s[..at], &s[at..])
    });
    assert!(error_rules(&check(&even)).contains(&"ND30-802".to_string()));
}

/// `docProps/app.xml` with Word's statistics.
fn with_app_stats(bytes: &[u8], pages: u32, words: u32) -> Vec<u8> {
    rewrite_part(bytes, "docProps/app.xml", |app| {
        let app = regex_replace(app, "<Pages>", "</Pages>", &pages.to_string());
        regex_replace(&app, "<Words>", "</Words>", &words.to_string())
    })
}

/// Replaces the text between `open` and `close` (once).
fn regex_replace(xml: &str, open: &str, close: &str, with: &str) -> String {
    let a = xml.find(open).unwrap() + open.len();
    let b = a + xml[a..].find(close).unwrap();
    format!("{}{with}{}", &xml[..a], &xml[b..])
}

/// Word saves its page count; a generator copies a template's stale "1 page, 0 words".
/// Without a page number, a file Word counted as three pages is faulted; one whose
/// statistics are stale is judged by the estimate (this short text: one page).
#[test]
fn words_saved_page_count_decides_a_multi_page_document() {
    let no_number = rewrite_part(CLEAN, "word/document.xml", |xml| {
        replace_once(
            xml,
            r#"<w:headerReference w:type="default" r:id="rId9"/>"#,
            "",
        )
    });
    let three = with_app_stats(&no_number, 3, 900);
    assert!(error_rules(&check(&three)).contains(&"ND30-802".to_string()));
    let stale = with_app_stats(&no_number, 3, 0);
    assert!(!error_rules(&check(&stale)).contains(&"ND30-802".to_string()));
}

/// "Nơi nhận" in bold italic 12 pt with its ":" left in another run of 14 pt regular: the
/// words are right, and a reader judges the words.
#[test]
fn a_punctuation_run_does_not_set_the_style_of_a_line() {
    let bytes = rewrite(|xml| {
        replace_once(
            xml,
            "<w:t>Nơi nhận:</w:t></w:r>",
            r#"<w:t>Nơi nhận</w:t></w:r><w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:t>:</w:t></w:r>"#,
        )
    });
    assert!(!error_rules(&check(&bytes)).contains(&"ND30-706".to_string()));
}

/// The Lưu line ends with the drafter's initials in small print (ký hiệu người soạn thảo):
/// its size is not the line's, but the final "." still comes after it.
#[test]
fn the_drafter_tag_of_the_luu_line_is_small_print() {
    let tagged = |end: &str| {
        rewrite(move |xml| {
            replace_once(
                xml,
                "<w:t>- Lưu: VT, HCTC.</w:t></w:r>",
                &format!(
                    r#"<w:t>- Lưu: VT, HCTC</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="subscript"/><w:sz w:val="18"/></w:rPr><w:t>.Châu</w:t></w:r>{end}"#
                ),
            )
        })
    };
    let ended = tagged(r#"<w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t>.</w:t></w:r>"#);
    assert!(!error_rules(&check(&ended)).contains(&"ND30-706".to_string()));
    assert!(!error_rules(&check(&ended)).contains(&"ND30-704".to_string()));
    let open = tagged("");
    assert!(error_rules(&check(&open)).contains(&"ND30-704".to_string()));
    assert!(!error_rules(&check(&open)).contains(&"ND30-706".to_string()));
}

/// A body paragraph indented by typing a tab (no w:ind): it starts at the default tab
/// stop, 1.27 cm, on paper.
#[test]
fn a_first_line_indented_with_a_tab_is_indented() {
    let bytes = rewrite(|xml| {
        let at = xml.find(">Nâng cao nhận thức").unwrap();
        let start = xml[..at].rfind("<w:p>").unwrap();
        let end = at + xml[at..].find("</w:p>").unwrap();
        let p = xml[start..end].to_string();
        let fixed = p.replacen(r#"<w:ind w:firstLine="720"/>"#, "", 1).replacen(
            "<w:r>",
            "<w:r><w:tab/></w:r><w:r>",
            1,
        );
        replace_once(xml, &p, &fixed)
    });
    let v = view(&bytes);
    let i = v
        .paras
        .iter()
        .position(|p| p.text.contains("Nâng cao nhận thức"))
        .unwrap();
    assert_eq!(v.paras[i].first_line_indent, Some(720));
    assert!(!error_rules(&check(&bytes)).contains(&"ND30-502".to_string()));
}

/// "Times New Roman Bold" in w:rFonts is the bold face of Times New Roman, not another font.
#[test]
fn a_font_named_by_its_bold_face_is_its_family() {
    let bytes = rewrite(|xml| {
        replace_once(
            xml,
            r#"<w:b/><w:i w:val="0"/><w:sz w:val="28"/><w:u w:val="none"/></w:rPr><w:t>KẾ HOẠCH</w:t>"#,
            r#"<w:rFonts w:ascii="Times New Roman Bold" w:hAnsi="Times New Roman Bold"/><w:b/><w:i w:val="0"/><w:sz w:val="28"/><w:u w:val="none"/></w:rPr><w:t>KẾ HOẠCH</w:t>"#,
        )
    });
    assert!(!error_rules(&check(&bytes)).contains(&"ND30-110".to_string()));
    // Another family is still a fault.
    let arial = rewrite(|xml| {
        replace_once(
            xml,
            r#"<w:b/><w:i w:val="0"/><w:sz w:val="28"/><w:u w:val="none"/></w:rPr><w:t>KẾ HOẠCH</w:t>"#,
            r#"<w:rFonts w:ascii="Arial Bold" w:hAnsi="Arial Bold"/><w:b/><w:i w:val="0"/><w:sz w:val="28"/><w:u w:val="none"/></w:rPr><w:t>KẾ HOẠCH</w:t>"#,
        )
    });
    assert!(error_rules(&check(&arial)).contains(&"ND30-110".to_string()));
}

/// An office wraps the whole footer (Nơi nhận | chữ ký) in a one-cell layout table: the
/// inner table is read with its own columns.
#[test]
fn a_footer_table_nested_in_a_layout_table_keeps_its_columns() {
    let bytes = rewrite(|xml| {
        let start = xml.rfind("<w:tbl>").unwrap();
        let end = xml.rfind("</w:tbl>").unwrap() + "</w:tbl>".len();
        let inner = &xml[start..end];
        let outer = format!(
            r#"<w:tbl><w:tblPr><w:tblW w:type="auto" w:w="0"/></w:tblPr><w:tr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="9354"/></w:tcPr>{inner}<w:p/></w:tc></w:tr></w:tbl>"#
        );
        replace_last_table(xml, &outer)
    });
    let v = view(&bytes);
    assert_eq!(v.parts.chu_ky.len(), 1);
    assert_eq!(v.parts.noi_nhan_items.len(), 4);
    assert_eq!(errors(&check(&bytes)), Vec::<String>::new());
}

/// A Quy chế issued with a decision (Phụ lục III, Mẫu 1.3): title, then "(Kèm theo Quyết định
/// số … ngày …)"; no số, date, signature or Nơi nhận of its own.
#[test]
fn a_document_issued_with_a_decision_has_no_number_date_or_footer_of_its_own() {
    let bytes = rewrite(|xml| {
        let xml = replace_once(xml, ">Số: 12/KH-VP<", "><");
        let xml = replace_once(&xml, ">Bắc Kạn, ngày 05 tháng 02 năm 2024<", "><");
        let xml = replace_once(&xml, ">KẾ HOẠCH<", ">QUY CHẾ<");
        let subject =
            paragraph_with(&xml, "Thực hiện phong trào “Dân vận khéo” năm 2024").to_string();
        let attached = para(&run(
            28,
            false,
            "(Kèm theo Quyết định số 12/QĐ-VP ngày 05/02/2024 của Chánh Văn phòng)",
        ));
        let xml = replace_once(&xml, &subject, &format!("{subject}{attached}"));
        replace_last_table(&xml, "")
    });
    let v = view(&bytes);
    assert!(v.parts.attachment.is_some());
    let fired = error_rules(&check(&bytes));
    for rule in ["ND30-301", "ND30-311", "ND30-601", "ND30-701"] {
        assert!(!fired.contains(&rule.to_string()), "{rule} in {fired:?}");
    }
}

/// A title set in the middle with tabs ("⇥⇥KẾ HOẠCH" reaching a centre tab stop) is centred.
#[test]
fn a_title_on_a_centre_tab_stop_is_centred() {
    let bytes = rewrite(|xml| {
        let p = paragraph_with(xml, "KẾ HOẠCH").to_string();
        let tabbed = p
            .replacen(
                r#"<w:jc w:val="center"/>"#,
                r#"<w:tabs><w:tab w:val="left" w:pos="1500"/><w:tab w:val="center" w:pos="4677"/></w:tabs><w:jc w:val="left"/>"#,
                1,
            )
            .replacen("<w:r>", "<w:r><w:tab/><w:tab/></w:r><w:r>", 1);
        replace_once(xml, &p, &tabbed)
    });
    let v = view(&bytes);
    assert!(v.parts.ten_loai.is_some());
    assert!(!error_rules(&check(&bytes)).contains(&"ND30-402".to_string()));
}

/// The short rules under the issuing body and the tiêu ngữ drawn as line shapes that Word
/// anchored in the số and date paragraphs of the header table's second row.
#[test]
fn line_shapes_anchored_in_the_header_rows_below_are_the_rules() {
    let line =
        r#"<w:r><w:pict><v:line from="0,0" to="120pt,0" strokeweight=".5pt"/></w:pict></w:r>"#;
    let bytes = rewrite(|xml| {
        let mut xml = xml.to_string();
        for ind in [
            r#"<w:ind w:left="1417" w:right="1417"/><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>"#,
            r#"<w:ind w:left="567" w:right="567"/><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>"#,
        ] {
            xml = replace_once(&xml, ind, "");
        }
        for text in [">Số: 12/KH-VP<", ">Bắc Kạn, ngày 05 tháng 02 năm 2024<"] {
            let at = xml.find(text).unwrap();
            let run = xml[..at].rfind("<w:r>").unwrap();
            xml = format!("{}{line}{}", &xml[..run], &xml[run..]);
        }
        xml
    });
    let fired = error_rules(&check(&bytes));
    assert!(!fired.contains(&"ND30-214".to_string()), "{fired:?}");
    assert!(!fired.contains(&"ND30-224".to_string()), "{fired:?}");
}

/// The line under the issuing body drawn as the top border of the empty paragraph below it.
#[test]
fn the_top_border_of_the_next_empty_paragraph_is_a_line() {
    let bytes = rewrite(|xml| {
        replace_once(
            xml,
            r#"<w:ind w:left="1417" w:right="1417"/><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>"#,
            r#"<w:ind w:left="1417" w:right="1417"/><w:pBdr><w:top w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>"#,
        )
    });
    assert!(!error_rules(&check(&bytes)).contains(&"ND30-224".to_string()));
}

/// What prints between two paragraphs is the first one's space after plus the next one's
/// space before: 0 + 6 pt is the 6 pt the rule asks for.
#[test]
fn paragraph_spacing_adds_the_next_paragraphs_space_before() {
    let spaced = |next_before: u32| {
        rewrite(move |xml| {
            let nang = r#"<w:spacing w:after="120" w:line="276" w:lineRule="auto"/><w:ind w:firstLine="720"/><w:jc w:val="both"/></w:pPr><w:r><w:rPr><w:b w:val="0"/><w:i w:val="0"/><w:sz w:val="28"/><w:u w:val="none"/></w:rPr><w:t>Nâng cao"#;
            let xml = replace_once(
                xml,
                nang,
                &nang.replacen(r#"w:after="120""#, r#"w:after="0""#, 1),
            );
            let viec = r#"<w:spacing w:after="120" w:line="276" w:lineRule="auto"/><w:ind w:firstLine="720"/><w:jc w:val="both"/></w:pPr><w:r><w:rPr><w:b w:val="0"/><w:i w:val="0"/><w:sz w:val="28"/><w:u w:val="none"/></w:rPr><w:t>Việc thực hiện"#;
            replace_once(
                &xml,
                viec,
                &viec.replacen(
                    r#"w:after="120""#,
                    &format!(r#"w:before="{next_before}" w:after="120""#),
                    1,
                ),
            )
        })
    };
    assert!(error_rules(&check(&spaced(0))).contains(&"ND30-503".to_string()));
    assert!(!error_rules(&check(&spaced(120))).contains(&"ND30-503".to_string()));
}

/// An empty paragraph between two paragraphs prints a blank line: offices space the căn cứ
/// from "QUYẾT ĐỊNH:" and the body from the signature so. A spacer set exactly to 1 pt does
/// not count.
#[test]
fn an_empty_paragraph_between_is_spacing_enough() {
    let nang = r#"<w:spacing w:after="120" w:line="276" w:lineRule="auto"/><w:ind w:firstLine="720"/><w:jc w:val="both"/></w:pPr><w:r><w:rPr><w:b w:val="0"/><w:i w:val="0"/><w:sz w:val="28"/><w:u w:val="none"/></w:rPr><w:t>Nâng cao"#;
    let between = |spacer: &'static str| {
        rewrite(move |xml| {
            let xml = replace_once(
                xml,
                nang,
                &nang.replacen(r#"w:after="120""#, r#"w:after="0""#, 1),
            );
            let at = xml.find("Nâng cao").unwrap();
            let end = at + xml[at..].find("</w:p>").unwrap() + "</w:p>".len();
            format!("{}{spacer}{}", &xml[..end], &xml[end..])
        })
    };
    assert!(!error_rules(&check(&between("<w:p/>"))).contains(&"ND30-503".to_string()));
    let hairline =
        r#"<w:p><w:pPr><w:spacing w:after="0" w:line="20" w:lineRule="exact"/></w:pPr></w:p>"#;
    assert!(error_rules(&check(&between(hairline))).contains(&"ND30-503".to_string()));
}

/// Documents NĐ 30 does not govern, though they carry an office header: a legal normative
/// document (its layout follows the law on legal documents) and an internal phiếu trình.
#[test]
fn legal_documents_and_internal_slips_are_outside_the_rule_set() {
    for title in ["NGHỊ ĐỊNH", "PHIẾU TRÌNH"] {
        let bytes = rewrite(|xml| replace_once(xml, ">KẾ HOẠCH<", &format!(">{title}<")));
        let r = check(&bytes);
        assert_eq!(
            r.scope.status,
            vanban::check::scope::ScopeStatus::NotAdministrative,
            "{title}"
        );
        assert_eq!(errors(&r), Vec::<String>::new(), "{title}");
    }
}

/// A quốc hiệu typed with a wrong tone ("CÔNG HÒA") is still read as the quốc hiệu, so the
/// document is recognised, and its wrong text is reported.
#[test]
fn a_quoc_hieu_with_a_mistyped_tone_is_still_the_quoc_hieu() {
    let bytes = rewrite(|xml| {
        replace_once(
            xml,
            ">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<",
            ">CÔNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<",
        )
    });
    let v = view(&bytes);
    assert!(v.parts.quoc_hieu.is_some());
    assert_eq!(v.detected, vanban::check::view::Detected::State);
}

/// The date set on the số line after a tab (no date line of its own) still dates the
/// document for the effective-date gate.
#[test]
fn a_date_on_the_so_line_dates_the_document() {
    let bytes = rewrite(|xml| {
        let xml = replace_once(xml, ">Bắc Kạn, ngày 05 tháng 02 năm 2024<", "><");
        replace_once(
            &xml,
            "<w:t>Số: 12/KH-VP</w:t></w:r>",
            "<w:t>Số: 12/KH-VP</w:t></w:r><w:r><w:tab/><w:t>Bắc Kạn, ngày 05 tháng 02 năm 2019</w:t></w:r>",
        )
    });
    let r = check(&bytes);
    assert_eq!(
        r.scope.status,
        vanban::check::scope::ScopeStatus::BeforeRuleset
    );
}

/// A last table with a capitals line and nothing else (no Nơi nhận, no TM./KT., no name):
/// it may be the signature, or a table of the body. What the signature rules find there is
/// said as "cần người kiểm tra", never as an error, and nothing is fixed automatically.
#[test]
fn a_signature_found_only_by_its_place_needs_review() {
    let bytes = rewrite(|xml| {
        replace_last_table(
            xml,
            &table_of(&[vec![cell_of(&[run(24, false, "GIÁM ĐỐC")])]]),
        )
    });
    let r = check(&bytes);
    let sig: Vec<_> = r
        .diagnostics
        .iter()
        .filter(|d| d.rule.starts_with("ND30-60"))
        .collect();
    assert!(!sig.is_empty(), "the signature rules still speak");
    for d in sig {
        assert!(d.needs_review, "{} {}", d.rule, d.message);
        assert!(d.message.contains("Cần xem lại"), "{}", d.message);
        assert!(d
            .fix
            .as_ref()
            .is_none_or(|f| f.safety == FixSafety::Suggest));
    }
    assert!(error_rules(&r).iter().all(|id| !id.starts_with("ND30-60")));
}

/// A footer table of two rows: "Nơi nhận:" | "KT. CHÁNH VĂN PHÒNG" in row 1, the recipient
/// lines | "PHÓ CHÁNH VĂN PHÒNG" and the name in row 2. Each column is one block, and the
/// last recipient line is still judged (here it lacks its final ".").
#[test]
fn a_footer_table_over_two_rows_is_read_by_column() {
    let bytes = rewrite(|xml| {
        let cell = |lines: &[(&str, bool)]| {
            cell_of(
                &lines
                    .iter()
                    .map(|(t, b)| run(if *b { 28 } else { 22 }, *b, t))
                    .collect::<Vec<_>>(),
            )
        };
        replace_last_table(
            xml,
            &table_of(&[
                vec![
                    cell(&[("Nơi nhận:", true)]),
                    cell(&[("KT. CHÁNH VĂN PHÒNG", true)]),
                ],
                vec![
                    cell(&[
                        ("- Ủy ban nhân dân tỉnh;", false),
                        ("- Lưu: VT, HCTC", false),
                    ]),
                    cell(&[
                        ("PHÓ CHÁNH VĂN PHÒNG", true),
                        ("", false),
                        ("Nguyễn Văn An", true),
                    ]),
                ],
            ]),
        )
    });
    let v = view(&bytes);
    assert_eq!(v.parts.noi_nhan_items.len(), 2);
    assert_eq!(v.parts.chu_ky.len(), 1);
    let fired = error_rules(&check(&bytes));
    assert!(fired.contains(&"ND30-704".to_string()), "{fired:?}");
    assert!(!fired.contains(&"ND30-603".to_string()), "{fired:?}");
}

/// "Điều 1: …" with a colon is a fault (NĐ 30: a dot after the article's number), with a
/// safe fix; "Điều 1. …" is right.
#[test]
fn an_article_number_takes_a_dot() {
    let article = |text: &'static str| {
        rewrite(move |xml| replace_once(xml, ">I. MỤC ĐÍCH, YÊU CẦU<", &format!(">{text}<")))
    };
    let r = check(&article("Điều 1: Mục đích, yêu cầu"));
    let d = r
        .diagnostics
        .iter()
        .find(|d| d.rule == "ND30-507")
        .expect("ND30-507 fires");
    assert_eq!(
        d.fix.as_ref().and_then(|f| f.after.as_deref()),
        Some("Điều 1.")
    );
    assert!(!error_rules(&check(&article("Điều 1. Mục đích, yêu cầu")))
        .contains(&"ND30-507".to_string()));
}

/// A trích yếu typed in capitals is a fault (in thường); the fix is only suggested.
#[test]
fn a_subject_in_capitals_is_reported() {
    let bytes = rewrite(|xml| {
        replace_once(
            xml,
            ">Thực hiện phong trào “Dân vận khéo” năm 2024<",
            ">THỰC HIỆN PHONG TRÀO “DÂN VẬN KHÉO” NĂM 2024<",
        )
    });
    let r = check(&bytes);
    let d = r
        .diagnostics
        .iter()
        .find(|d| d.rule == "ND30-412" && d.message.contains("IN HOA"))
        .expect("the capitals are reported");
    assert_eq!(d.fix.as_ref().map(|f| f.safety), Some(FixSafety::Suggest));
}

/// Line spacing "at least 12 pt" on 14 pt text prints single-spaced (Word takes the larger):
/// not a spacing below single. "Exactly 12 pt" squeezes the lines: a fault.
#[test]
fn at_least_line_spacing_below_single_prints_single() {
    let spaced = |rule: &'static str| {
        rewrite(move |xml| {
            xml.replace(
                r#"<w:spacing w:after="120" w:line="276" w:lineRule="auto"/>"#,
                &format!(r#"<w:spacing w:after="120" w:line="240" w:lineRule="{rule}"/>"#),
            )
        })
    };
    assert!(!error_rules(&check(&spaced("atLeast"))).contains(&"ND30-504".to_string()));
    assert!(error_rules(&check(&spaced("exact"))).contains(&"ND30-504".to_string()));
}

#[test]
fn keeping_the_body_with_the_signature_keeps_the_blank_lines_before_it_too() {
    // The last body line is kept with the next, the blank line after it is not: the
    // signature may still go to a page of its own. The fix keeps both, and the file it
    // writes passes the rule.
    let bytes = rewrite(|xml| {
        let at = xml.rfind("<w:tbl>").unwrap();
        format!(
            r#"{}<w:p><w:pPr><w:spacing w:after="0"/></w:pPr></w:p>{}"#,
            &xml[..at],
            &xml[at..]
        )
    });
    let r = check(&bytes);
    assert_eq!(r.fired(), ["ND30-901"], "{:?}", errors(&r));
    let (fixed, applied) = vanban::check::apply_fixes(&bytes, &r, false).unwrap();
    assert_eq!(applied, ["ND30-901"]);
    let again = check(&fixed);
    assert!(again.fired().is_empty(), "{:?}", again.fired());
}

/// The clean file with its last body paragraph set in `font`.
fn last_body_paragraph_in(font: &str) -> Vec<u8> {
    let fonts = format!(r#"<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}"/>"#);
    rewrite(move |xml| {
        let at = xml.find(">Các phòng, đơn vị thuộc Văn phòng").unwrap();
        let rpr = xml[..at].rfind("<w:rPr>").unwrap() + "<w:rPr>".len();
        format!("{}{fonts}{}", &xml[..rpr], &xml[rpr..])
    })
}

#[test]
fn the_font_of_text_in_an_eight_bit_encoding_is_not_set_by_a_safe_fix() {
    // Text typed in .VnTime (TCVN3) is stored in that font's own encoding: in Times New
    // Roman "Chủ tịch" would print as "Chñ tÞch". The fix is a suggestion; Arial, a
    // Unicode font, is still replaced safely.
    let font_fix = |bytes: &[u8]| {
        check(bytes)
            .diagnostics
            .into_iter()
            .find(|d| d.rule == "ND30-110")
            .and_then(|d| d.fix)
            .expect("the font is reported with a fix")
    };
    let legacy = font_fix(&last_body_paragraph_in(".VnTime"));
    assert_eq!(legacy.safety, FixSafety::Suggest, "{}", legacy.title);
    assert!(legacy.edits.is_empty());
    assert_eq!(
        font_fix(&last_body_paragraph_in("Arial")).safety,
        FixSafety::Safe
    );
}

/// A spacer word typed in white inside the signature cell (to push the name down) does not
/// show on paper: the block is still the authority, the title and the name.
#[test]
fn white_text_does_not_show_on_paper() {
    let bytes = rewrite(|xml| {
        replace_once(
            xml,
            "<w:t>Nguyễn Văn An</w:t></w:r></w:p>",
            r#"<w:t>Nguyễn Văn An</w:t></w:r></w:p><w:p><w:r><w:rPr><w:color w:val="FFFFFF"/><w:sz w:val="22"/></w:rPr><w:t>Hdfđ</w:t></w:r></w:p>"#,
        )
    });
    let v = view(&bytes);
    assert!(v.paras.iter().all(|p| !p.text.contains("Hdfđ")));
    assert_eq!(errors(&check(&bytes)), Vec::<String>::new());
}

/// A recipient line with a side note after a tab ("- Sở Nội vụ;⇥để phối hợp") ends, for the
/// Nơi nhận rules, where the recipient ends.
#[test]
fn a_side_note_after_a_tab_is_not_part_of_the_recipient() {
    let bytes = rewrite(|xml| {
        replace_once(
            xml,
            "<w:t>- Lãnh đạo Văn phòng;</w:t></w:r>",
            "<w:t>- Lãnh đạo Văn phòng;</w:t></w:r><w:r><w:tab/><w:t>để chỉ đạo</w:t></w:r>",
        )
    });
    assert!(!error_rules(&check(&bytes)).contains(&"ND30-703".to_string()));
}
