//! A plain-text rendition of a document, element by element: what the .docx says without its
//! typography. Used by `vanban render --text` and by the golden tests of the templates.

use std::fmt::Write;

use super::{label_blocks, text, Block, Document, Inline, Span, System};

/// Renders `doc` as plain text: header, title, numbered body with footnote markers, footnotes,
/// signatures and Nơi nhận.
pub fn plain_text(doc: &Document) -> String {
    let mut out = String::new();
    let system = doc.system;
    let mut superiors: Vec<String> = Vec::new();
    for issuer in &doc.issuers {
        if let Some(s) = issuer.superior.as_deref() {
            let s = text::upper(s);
            if !superiors.contains(&s) {
                superiors.push(s);
            }
        }
    }
    for s in &superiors {
        line(&mut out, s);
    }
    for issuer in &doc.issuers {
        line(&mut out, &text::upper(&issuer.name));
    }
    line(&mut out, if system == System::Party { "*" } else { "____" });
    line(&mut out, &doc.number_line());
    match system {
        System::State => {
            line(&mut out, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
            line(&mut out, "Độc lập - Tự do - Hạnh phúc");
        }
        System::Party => line(&mut out, "ĐẢNG CỘNG SẢN VIỆT NAM"),
    }
    line(&mut out, &doc.place_date.render(system));
    for mark in [
        doc.urgency.map(|u| u.label()),
        doc.secrecy.map(|s| s.label()),
    ]
    .into_iter()
    .flatten()
    {
        line(&mut out, mark);
    }
    out.push('\n');
    if doc.doc_type.is_cong_van() {
        line(&mut out, &format!("V/v {}", doc.subject));
    } else {
        line(&mut out, &doc.type_line());
        line(&mut out, &doc.subject);
    }
    if !doc.addressees.is_empty() {
        line(
            &mut out,
            &format!("Kính gửi: {}", doc.addressees.join("; ")),
        );
    }
    out.push('\n');

    let labels = label_blocks(&doc.body.blocks, system);
    let mut footnote = 0usize;
    let mut notes = Vec::new();
    let last = doc.body.blocks.len().saturating_sub(1);
    for (i, (block, label)) in doc.body.blocks.iter().zip(labels).enumerate() {
        let mut body = match block {
            Block::Table(t) => t
                .rows
                .iter()
                .map(|r| {
                    let cells: Vec<String> = r
                        .iter()
                        .map(|c| inline(c, &mut footnote, &mut notes))
                        .collect();
                    format!("| {} |", cells.join(" | "))
                })
                .collect::<Vec<_>>()
                .join("\n"),
            Block::Part { title } => {
                format!(
                    "{}\n{}",
                    label.unwrap_or_default(),
                    text::upper(&inline(title, &mut footnote, &mut notes))
                )
            }
            Block::Section { title } => {
                format!(
                    "{} {}",
                    label.unwrap_or_default(),
                    text::upper(&inline(title, &mut footnote, &mut notes))
                )
            }
            other => {
                let content = other
                    .inline()
                    .map(|c| inline(c, &mut footnote, &mut notes))
                    .unwrap_or_default();
                match label {
                    Some(l) => format!("{l} {content}"),
                    None => content,
                }
            }
        };
        if i == last && doc.closing_mark {
            body.push_str(if body.ends_with('.') { "/." } else { "./." });
        }
        line(&mut out, &body);
    }
    if !notes.is_empty() {
        line(&mut out, "----------");
        for (n, note) in notes.iter().enumerate() {
            line(&mut out, &format!("({}) {note}", n + 1));
        }
    }
    out.push('\n');
    for signer in &doc.signers {
        for (l, _) in signer.title_lines(system) {
            line(&mut out, &l);
        }
        line(&mut out, &signer.name);
    }
    out.push('\n');
    line(&mut out, super::Recipients::HEADING);
    if doc.recipients.electronic {
        line(&mut out, super::Recipients::ELECTRONIC);
    }
    for l in doc.recipients.lines(system) {
        line(&mut out, &l);
    }
    out
}

fn line(out: &mut String, s: &str) {
    let _ = writeln!(out, "{s}");
}

fn inline(i: &Inline, footnote: &mut usize, notes: &mut Vec<String>) -> String {
    let mut s = String::new();
    for span in &i.0 {
        match span {
            Span::Text { text, .. } => s.push_str(text),
            Span::Footnote { text } => {
                *footnote += 1;
                let _ = write!(s, "({footnote})");
                notes.push(text.clone());
            }
        }
    }
    s
}
