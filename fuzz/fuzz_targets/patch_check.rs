//! The checker on any package that reads, and the patcher with edits derived from fuzzer
//! bytes: the first bytes pick a part and edits, the rest replaces that part of a valid seed.
//! A patched file must read back.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use vanban::check::{check_docx, CheckOptions};
use vanban::layout::{HalfPoints, Twips};
use vanban::reader::{apply_edits, read_docx, Alignment, DocxEdit, Limits, Target};

fn edits(ops: &[u8]) -> Vec<DocxEdit> {
    ops.chunks(4)
        .map(|c| {
            let b = |i: usize| c.get(i).copied().unwrap_or(0);
            let target = if b(1) & 1 == 0 {
                Target::All
            } else {
                Target::Paragraph(usize::from(b(2)))
            };
            match b(0) % 6 {
                0 => DocxEdit::ReplaceText {
                    paragraph: usize::from(b(1)),
                    find: char::from(b(2) % 64 + 32).to_string(),
                    replace: "Đ\u{301}<&>".repeat(usize::from(b(3) % 3)),
                },
                1 => DocxEdit::SetRunProps {
                    target,
                    font: (b(3) & 1 == 1).then(|| "Times New Roman".into()),
                    size: (b(3) & 2 == 2).then_some(HalfPoints(u16::from(b(3)))),
                    bold: Some(b(3) & 4 == 4),
                    italic: (b(3) & 8 == 8).then_some(true),
                    underline: (b(3) & 16 == 16).then_some(false),
                },
                2 => DocxEdit::SetParagraphProps {
                    target,
                    keep_next: Some(b(3) & 1 == 1),
                    keep_lines: (b(3) & 2 == 2).then_some(true),
                    page_break_before: (b(3) & 4 == 4).then_some(false),
                    alignment: Some(match b(3) % 5 {
                        0 => Alignment::Left,
                        1 => Alignment::Center,
                        2 => Alignment::Right,
                        3 => Alignment::Justify,
                        _ => Alignment::Distribute,
                    }),
                },
                3 => DocxEdit::SetMargins {
                    section: (b(1) & 2 == 2).then_some(usize::from(b(2) % 4)),
                    top: Some(Twips(i32::from(b(3)) * 20)),
                    bottom: None,
                    left: Some(Twips(1701)),
                    right: None,
                },
                4 => DocxEdit::SetPageSize {
                    section: (b(1) & 2 == 2).then_some(usize::from(b(2) % 4)),
                    width: Twips(11906),
                    height: Twips(16838),
                },
                _ => DocxEdit::SetTitlePage {
                    section: None,
                    value: b(3) & 1 == 1,
                },
            }
        })
        .collect()
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 2 {
        return;
    }
    let which = data[0];
    let n_ops = usize::from(data[1] % 8);
    let rest = &data[2..];
    let (ops, xml) = rest.split_at((n_ops * 4).min(rest.len()));
    let pkg = if which == 255 {
        common::SEED.to_vec()
    } else {
        let part = common::PARTS[usize::from(which) % common::PARTS.len()];
        common::with_part(common::SEED, part, xml)
    };
    let limits = Limits::default();
    if read_docx(&pkg, &limits).is_err() {
        return;
    }
    let _ = check_docx(&pkg, "fuzz.docx", &CheckOptions::default());
    if let Ok(out) = apply_edits(&pkg, &edits(ops)) {
        read_docx(&out, &limits).expect("a patched file reads back");
    }
});
