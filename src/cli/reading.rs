//! `vanban reading`: shows how the checker reads a .docx, paragraph by paragraph: the number
//! the text report of `vanban check` cites ("đoạn 12", counted from 1), the element it was
//! recognised as, its table cell, and the text. For a reviewer who wants to see why a finding
//! points where it does.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::{fail, read_input};
use vanban::check::docx::view_of;
use vanban::check::view::Detected;
use vanban::reader::{read_docx, Limits};

/// Arguments of `vanban reading`.
#[derive(Debug, Args)]
pub struct ReadingArgs {
    /// Tệp .docx.
    #[arg(value_name = "TỆP")]
    pub file: PathBuf,
}

/// Prints the checker's reading of a .docx.
pub fn run(args: &ReadingArgs) -> ExitCode {
    let name = args.file.display();
    let bytes = match read_input(&args.file) {
        Ok(b) => b,
        Err(code) => return code,
    };
    let doc = match read_docx(&bytes, &Limits::default()) {
        Ok(d) => d,
        Err(e) => return fail(format!("{name}: {e}"), 2),
    };
    let view = view_of(&doc);
    let system = match view.detected {
        Detected::State => "nhà nước (NĐ 30)",
        Detected::Party => "Đảng (HD 36)",
        Detected::Joint => "liên tịch",
        Detected::Unknown => "không nhận ra quốc hiệu / tiêu đề Đảng",
    };
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "Tệp: {name}\nHệ thể thức: {system}");
    if let Some(t) = &view.doc_type {
        let _ = writeln!(out, "Loại văn bản: {}", t.name);
    }
    for (i, p) in view.paras.iter().enumerate() {
        if p.is_blank() {
            continue;
        }
        let element = view.parts.element_of(i).map_or("", |e| e.key());
        // Columns laid out with tabs or spaces have no table number of their own.
        let cell = p
            .cell
            .map_or(String::new(), |c| match c.table.checked_add(1) {
                Some(t) if c.table < usize::MAX - 1 => format!("b{t}:{}:{}", c.row + 1, c.col + 1),
                _ => format!("cột {}", c.col + 1),
            });
        let text: String = p.text.trim().chars().take(100).collect();
        // A closed pipe (`| head`) ends the listing quietly.
        // Numbered from 1, as the text report of `vanban check` cites paragraphs.
        if writeln!(
            out,
            "đoạn {:<4} {element:<17} {cell:<9} {text}",
            p.index + 1
        )
        .is_err()
        {
            break;
        }
    }
    ExitCode::SUCCESS
}
