//! Benchmark: read a generated 50-page .docx (and check it) and print the median time.
//!
//! Run: `cargo bench --bench read_docx`. The document is written here, not committed: an
//! administrative header table, 1 800 body paragraphs of Vietnamese text with mixed run
//! formatting (about 50 A4 pages at 14 pt), numbered headings, footnotes, a PAGE field in the
//! header, styles with basedOn chains and theme fonts. The checker's target is < 50 ms for the
//! whole check of a 50-page file.

use std::hint::black_box;
use std::io::{Cursor, Write};
use std::time::{Duration, Instant};

use vanban::check::{docx::check_docx, CheckOptions};
use vanban::reader::{read_docx, Limits};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;

const SENTENCES: &[&str] = &[
    "Thực hiện Nghị định số 30/2020/NĐ-CP ngày 05 tháng 03 năm 2020 của Chính phủ về công tác văn thư, ",
    "Ủy ban nhân dân huyện ban hành Kế hoạch triển khai công tác dân vận năm 2024 như sau: ",
    "nâng cao nhận thức, trách nhiệm của các cấp ủy, chính quyền, Mặt trận Tổ quốc và các đoàn thể; ",
    "phát huy vai trò của Nhân dân trong xây dựng nông thôn mới, đô thị văn minh; ",
    "bảo đảm tiến độ, chất lượng, hiệu quả, tránh hình thức, lãng phí. ",
];

fn run(text: &str, bold: bool, italic: bool) -> String {
    let mut rpr = String::new();
    if bold {
        rpr.push_str("<w:b/>");
    }
    if italic {
        rpr.push_str("<w:i/>");
    }
    format!(
        r#"<w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>{rpr}<w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN"/></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>"#
    )
}

fn cell(text: &str, width: u32, bold: bool) -> String {
    format!(
        r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr><w:p><w:pPr><w:jc w:val="center"/><w:spacing w:after="0"/></w:pPr>{}</w:p></w:tc>"#,
        run(text, bold, false)
    )
}

fn document_xml(paragraphs: usize) -> String {
    let mut body = String::with_capacity(paragraphs * 1400);
    // Header table (quốc hiệu / cơ quan ban hành), borderless.
    body.push_str(r#"<w:tbl><w:tblPr><w:tblW w:w="9356" w:type="dxa"/><w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders></w:tblPr><w:tblGrid><w:gridCol w:w="3500"/><w:gridCol w:w="5856"/></w:tblGrid><w:tr>"#);
    body.push_str(&cell("ỦY BAN NHÂN DÂN HUYỆN KHÉO", 3500, true));
    body.push_str(&cell("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 5856, true));
    body.push_str("</w:tr><w:tr>");
    body.push_str(&cell("Số: 03/KH-UBND", 3500, false));
    body.push_str(&cell("Độc lập - Tự do - Hạnh phúc", 5856, true));
    body.push_str("</w:tr></w:tbl>");
    body.push_str(&format!(
        r#"<w:p><w:pPr><w:pStyle w:val="TenLoai"/></w:pPr>{}</w:p>"#,
        run("KẾ HOẠCH", true, false)
    ));
    let mut note = 1;
    for i in 0..paragraphs {
        if i % 40 == 0 {
            body.push_str(&format!(
                r#"<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:keepNext/></w:pPr>{}</w:p>"#,
                run(&format!("Mục {}", i / 40 + 1), true, false)
            ));
            continue;
        }
        body.push_str(r#"<w:p><w:pPr><w:pStyle w:val="VanBan"/><w:spacing w:before="60" w:after="60" w:line="300" w:lineRule="auto"/><w:ind w:firstLine="567"/><w:jc w:val="both"/></w:pPr>"#);
        for k in 0..3 {
            let s = SENTENCES[(i + k) % SENTENCES.len()];
            body.push_str(&run(s, k == 1 && i % 3 == 0, k == 2 && i % 5 == 0));
        }
        if i % 50 == 7 {
            body.push_str(&format!(r#"<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="{note}"/></w:r>"#));
            note += 1;
        }
        body.push_str("</w:p>");
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}<w:sectPr><w:headerReference w:type="default" r:id="rIdH1"/><w:headerReference w:type="first" r:id="rIdH2"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="567" w:footer="567" w:gutter="0"/><w:titlePg/></w:sectPr></w:body></w:document>"#
    )
}

fn styles_xml() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {W}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi" w:eastAsiaTheme="minorEastAsia" w:cstheme="minorBidi"/><w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="VanBan"><w:name w:val="Van ban"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="both"/></w:pPr><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="28"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="TenLoai"><w:name w:val="Ten loai"/><w:basedOn w:val="VanBan"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:b/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="VanBan"/><w:pPr><w:keepNext/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style><w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/></w:style></w:styles>"#
    )
}

fn package(paragraphs: usize) -> Vec<u8> {
    let mut footnotes = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"#
    );
    for id in 1..=paragraphs / 50 + 1 {
        footnotes.push_str(&format!(
            r#"<w:footnote w:id="{id}"><w:p>{}</w:p></w:footnote>"#,
            run("Chú thích của văn bản.", false, false)
        ));
    }
    footnotes.push_str("</w:footnotes>");
    let header = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr {W}><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>{}<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>"#,
        run("2", false, false)
    );
    let first = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr {W}><w:p/></w:hdr>"#
    );
    let numbering = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering {W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#
    );
    let theme = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office"><a:themeElements><a:fontScheme name="Office"><a:majorFont><a:latin typeface="Calibri Light"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme></a:themeElements></a:theme>"#;
    let settings = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings {W}><w:defaultTabStop w:val="720"/></w:settings>"#
    );
    let content_types = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/></Types>"#;
    let rels = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
    let doc_rels = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/><Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/><Relationship Id="rIdH1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rIdH2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/></Relationships>"#;
    let parts: Vec<(&str, String)> = vec![
        ("[Content_Types].xml", content_types.to_string()),
        ("_rels/.rels", rels.to_string()),
        ("word/_rels/document.xml.rels", doc_rels.to_string()),
        ("word/document.xml", document_xml(paragraphs)),
        ("word/styles.xml", styles_xml()),
        ("word/settings.xml", settings),
        ("word/numbering.xml", numbering),
        ("word/footnotes.xml", footnotes),
        ("word/header1.xml", header),
        ("word/header2.xml", first),
        ("word/theme/theme1.xml", theme.to_string()),
    ];
    let mut w = ZipWriter::new(Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (name, data) in parts {
        w.start_file(name, opts).expect("zip entry");
        w.write_all(data.as_bytes()).expect("zip write");
    }
    w.finish().expect("zip finish").into_inner()
}

fn median(mut v: Vec<Duration>) -> (Duration, Duration, Duration) {
    v.sort();
    (v[0], v[v.len() / 2], v[v.len() * 95 / 100])
}

/// CPU time this thread has used (user + system), from /proc (Linux; `None` elsewhere).
/// Wall-clock medians on a loaded machine overstate the cost; CPU time does not.
fn thread_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?;
    // USER_HZ is 100 on Linux.
    Some(Duration::from_millis(ticks * 10))
}

fn measure(label: &str, iters: usize, mut f: impl FnMut()) {
    for _ in 0..3 {
        f();
    }
    let cpu_start = thread_cpu();
    let times: Vec<Duration> = (0..iters)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    let cpu = match (cpu_start, thread_cpu()) {
        (Some(a), Some(b)) => format!(", CPU time {:.1?} per run", (b - a) / iters as u32),
        _ => String::new(),
    };
    let (min, med, p95) = median(times);
    println!("{label}: median {med:.2?} (min {min:.2?}, p95 {p95:.2?}, {iters} runs{cpu})");
}

fn main() {
    // 1 800 body paragraphs of ~250 characters at 14 pt: about 50 A4 pages.
    let bytes = package(1800);
    let doc = read_docx(&bytes, &Limits::default()).expect("the generated file reads");
    let chars: usize = doc
        .paragraphs()
        .iter()
        .map(|p| p.text().chars().count())
        .sum();
    println!(
        "generated .docx: {} KB compressed, {} paragraphs, {} characters (about {} pages)",
        bytes.len() / 1024,
        doc.paragraph_count,
        chars,
        chars / 9_000
    );
    measure("read_docx (50 pages)", 100, || {
        black_box(read_docx(black_box(&bytes), &Limits::default()).expect("reads"));
    });
    let opts = CheckOptions::default();
    measure(
        "check_docx (read + recognise + rules, 50 pages)",
        50,
        || {
            black_box(check_docx(black_box(&bytes), "bench.docx", &opts).expect("checks"));
        },
    );
}
