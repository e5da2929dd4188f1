//! LibreOffice opens the exported files and lays them out as intended: each fixture
//! converts to PDF with `soffice --headless`; page 1 and page 2 of the long documents are
//! rendered to PNG with `pdftoppm` (kept under the target directory for a person to look
//! at) and must not be blank; the page number shows on page 2 and not on page 1; the quốc
//! hiệu stays on one line.

mod docx_support;

use std::path::{Path, PathBuf};
use std::process::Command;

fn to_pdf(docx: &Path, dir: &Path) -> PathBuf {
    // A private profile so parallel test binaries do not fight over one.
    let profile = dir.join("lo-profile");
    docx_support::run(
        Command::new("soffice")
            .arg(format!(
                "-env:UserInstallation=file://{}",
                profile.display()
            ))
            .args(["--headless", "--convert-to", "pdf", "--outdir"])
            .arg(dir)
            .arg(docx),
    );
    let pdf = docx.with_extension("pdf");
    assert!(pdf.exists(), "no PDF for {}", docx.display());
    pdf
}

fn pages(pdf: &Path) -> u32 {
    let info = docx_support::run(Command::new("pdfinfo").arg(pdf));
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

fn page_text(pdf: &Path, page: u32) -> String {
    docx_support::run(
        Command::new("pdftotext")
            .args(["-layout", "-f", &page.to_string(), "-l", &page.to_string()])
            .arg(pdf)
            .arg("-"),
    )
}

/// Renders one page to PNG (to look at) and to grey PGM (to measure); returns the share
/// of dark pixels.
fn render_page(pdf: &Path, page: u32) -> f64 {
    let stem = pdf.with_extension("");
    let prefix = format!("{}-p{page}", stem.display());
    let p = page.to_string();
    docx_support::run(
        Command::new("pdftoppm")
            .args(["-png", "-r", "80", "-singlefile", "-f", &p, "-l", &p])
            .arg(pdf)
            .arg(&prefix),
    );
    let png = PathBuf::from(format!("{prefix}.png"));
    assert!(
        std::fs::metadata(&png).unwrap().len() > 1000,
        "{}",
        png.display()
    );
    docx_support::run(
        Command::new("pdftoppm")
            .args(["-gray", "-r", "40", "-singlefile", "-f", &p, "-l", &p])
            .arg(pdf)
            .arg(&prefix),
    );
    let pgm = std::fs::read(format!("{prefix}.pgm")).unwrap();
    dark_share(&pgm)
}

/// Share of pixels darker than mid-grey in a binary PGM (P5, 8-bit).
fn dark_share(pgm: &[u8]) -> f64 {
    // Header: "P5" width height maxval, separated by white space, then one byte per pixel.
    let mut fields = Vec::new();
    let mut i = 0;
    while fields.len() < 4 {
        while pgm[i].is_ascii_whitespace() {
            i += 1;
        }
        let start = i;
        while !pgm[i].is_ascii_whitespace() {
            i += 1;
        }
        fields.push(std::str::from_utf8(&pgm[start..i]).unwrap().to_string());
    }
    assert_eq!(fields[0], "P5");
    let w: usize = fields[1].parse().unwrap();
    let h: usize = fields[2].parse().unwrap();
    let pixels = &pgm[i + 1..i + 1 + w * h];
    pixels.iter().filter(|p| **p < 128).count() as f64 / (w * h) as f64
}

fn check_rendering(dir: &Path, stem: &str, doc: &vanban::model::Document) {
    {
        let docx = docx_support::write(dir, stem, doc);
        let pdf = to_pdf(&docx, dir);
        let n = pages(&pdf);
        assert!(n >= 1);
        let first = page_text(&pdf, 1);
        // No page number on page 1: its first line is the header, not a number.
        let top = first.lines().find(|l| !l.trim().is_empty()).unwrap();
        assert!(
            top.trim().parse::<u32>().is_err(),
            "{stem}: page 1 starts {top:?}"
        );
        if doc.system == vanban::model::System::State {
            assert!(
                first
                    .lines()
                    .any(|l| l.contains(vanban::docx::NATIONAL_TITLE)),
                "{stem}: the quốc hiệu is on one line"
            );
        }
        assert!(
            first.contains(&doc.number_line().replace('\u{a0}', " ").trim().to_string())
                || doc.number.number.is_none()
        );
        let dark = render_page(&pdf, 1);
        assert!(dark > 0.01, "{stem}: page 1 looks blank ({dark})");
        if n >= 2 {
            let second = page_text(&pdf, 2);
            let top = second.lines().find(|l| !l.trim().is_empty()).unwrap();
            assert_eq!(top.trim(), "2", "{stem}: page number at the top of page 2");
            let dark = render_page(&pdf, 2);
            assert!(dark > 0.002, "{stem}: page 2 looks blank ({dark})");
        }
    }
}

#[test]
fn libreoffice_lays_out_every_fixture() {
    let dir = docx_support::out_dir("render");
    for (stem, doc) in docx_support::all() {
        check_rendering(&dir, stem, &doc);
    }
}

#[test]
fn libreoffice_lays_out_the_examples() {
    let dir = docx_support::out_dir("render-examples");
    for (stem, doc) in docx_support::examples() {
        check_rendering(&dir, &stem, &doc);
    }
}

#[test]
fn the_long_documents_run_onto_a_second_page() {
    let dir = docx_support::out_dir("render-long");
    for (stem, doc) in [
        ("state-chi-thi", docx_support::state_chi_thi()),
        ("party-bao-cao", docx_support::party_bao_cao()),
    ] {
        let docx = docx_support::write(&dir, stem, &doc);
        let pdf = to_pdf(&docx, &dir);
        assert!(pages(&pdf) >= 2, "{stem}");
        // The signature block lands with the last body lines: the signer's name and the
        // final "./." are on the same page.
        let last = pages(&pdf);
        let text = page_text(&pdf, last);
        assert!(text.contains(doc.signers[0].name.trim()), "{stem}");
        assert!(text.contains("/."), "{stem}");
    }
}
