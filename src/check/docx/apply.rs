//! Applying fixes to a .docx (sửa tệp .docx): the checker's edits become the reader's
//! patch edits.

use crate::check::fix::Edit;
use crate::check::registry::FixSafety;
use crate::check::report::Report;
use crate::reader::{self, DocxEdit, Target};

/// Why fixes could not be applied.
#[derive(Debug, thiserror::Error)]
pub enum FixError {
    /// The file is signed or protected: it is never changed.
    #[error("tệp đã ký số hoặc được bảo vệ: chỉ kiểm tra, không sửa")]
    Protected,
    /// The patcher refused.
    #[error(transparent)]
    Patch(#[from] reader::PatchError),
}

fn to_docx_edit(e: &Edit) -> DocxEdit {
    match e.clone() {
        Edit::ReplaceText {
            paragraph,
            find,
            replace,
        } => DocxEdit::ReplaceText {
            paragraph,
            find,
            replace,
        },
        Edit::RunProps {
            paragraph,
            font,
            size,
            bold,
            italic,
            underline,
        } => DocxEdit::SetRunProps {
            target: Target::Paragraph(paragraph),
            font,
            size,
            bold,
            italic,
            underline,
        },
        Edit::KeepNext { paragraph } => DocxEdit::SetParagraphProps {
            target: Target::Paragraph(paragraph),
            keep_next: Some(true),
            keep_lines: None,
            page_break_before: None,
            alignment: None,
        },
        Edit::Margins {
            top,
            bottom,
            left,
            right,
        } => DocxEdit::SetMargins {
            section: None,
            top,
            bottom,
            left,
            right,
        },
        Edit::PageSize { width, height } => DocxEdit::SetPageSize {
            section: None,
            width,
            height,
        },
        Edit::TitlePage => DocxEdit::SetTitlePage {
            section: None,
            value: true,
        },
    }
}

/// Applies the fixes of `report` that are safe (and guarded ones when `guarded`), returning
/// the new file and the ids of the rules whose fixes were applied. Text edits that no longer
/// find their text (an earlier edit changed it) are skipped, never forced.
pub fn apply_fixes(
    bytes: &[u8],
    report: &Report,
    guarded: bool,
) -> Result<(Vec<u8>, Vec<String>), FixError> {
    if report.protected || report.signed {
        return Err(FixError::Protected);
    }
    let chosen: Vec<(&str, Vec<DocxEdit>)> = report
        .diagnostics
        .iter()
        .filter_map(|d| {
            let fix = d.fix.as_ref()?;
            let ok = match fix.safety {
                FixSafety::Safe => true,
                FixSafety::Guarded => guarded,
                _ => false,
            };
            (ok && !fix.edits.is_empty()).then(|| {
                (
                    d.rule.as_str(),
                    fix.edits.iter().map(to_docx_edit).collect(),
                )
            })
        })
        .collect();
    if chosen.is_empty() {
        return Ok((bytes.to_vec(), Vec::new()));
    }
    let groups: Vec<&[DocxEdit]> = chosen.iter().map(|(_, e)| e.as_slice()).collect();
    let (fixed, done) = reader::apply_edit_groups(bytes, &groups, false)?;
    let mut applied: Vec<String> = Vec::new();
    for ((rule, _), ok) in chosen.iter().zip(done) {
        if ok && !applied.iter().any(|r| r == rule) {
            applied.push(rule.to_string());
        }
    }
    Ok((fixed, applied))
}
