//! The draft front end: builds the checked view of a [`Document`] without recognition.
//!
//! Elements are known, so each paragraph is tagged with the draft field it shows
//! (`location.field`). Formatting is what the DOCX writer applies: the preferred values of
//! the layout facts ([`crate::layout`]). Text is what the model renders (số ký hiệu,
//! date phrase, recipient punctuation), so text rules judge exactly what will be printed.

use super::view::{Align, CellPos, Detected, PageSetup, Para, Parts, Run, Spacing, View};
use crate::layout::{self, LineSpacing, TextStyle, FONT};
use crate::model::{basis_end, label_blocks, text, Block, Document, System};

struct Builder {
    paras: Vec<Para>,
}

impl Builder {
    fn push(
        &mut self,
        text: &str,
        style: &TextStyle,
        align: Align,
        cell: Option<CellPos>,
        field: &str,
    ) -> usize {
        let i = self.paras.len();
        let shown = match style.case {
            layout::Case::Upper => text::upper(text),
            layout::Case::AsTyped => text.to_string(),
        };
        let mut p = Para::with_run(
            i,
            &shown,
            Run {
                font: Some(FONT.to_string()),
                size: Some(style.size.preferred),
                bold: style.bold,
                italic: style.italic,
                underline: style.underline,
                ..Run::default()
            },
        );
        p.align = align;
        p.cell = cell;
        p.field = Some(field.to_string());
        self.paras.push(p);
        i
    }
}

fn cell(table: usize, row: usize, col: usize) -> Option<CellPos> {
    Some(CellPos { table, row, col })
}

/// Builds the view of a document as the writer will lay it out.
pub fn view_of(doc: &Document) -> View {
    let system = doc.system;
    let l = layout::layout(system);
    let mut b = Builder { paras: Vec::new() };
    let mut parts = Parts::default();
    let left = cell(0, 0, 0);
    let right = cell(0, 0, 1);

    // Ô 2 and 3: issuing bodies, mark, số ký hiệu (and a công văn's V/v).
    for (k, issuer) in doc.issuers.iter().enumerate() {
        if let Some(sup) = issuer.superior.as_deref().filter(|s| !s.trim().is_empty()) {
            if k == 0 || doc.issuers[0].superior.as_deref() != Some(sup) {
                let i = b.push(
                    sup,
                    &l.superior_body,
                    Align::Center,
                    left,
                    &format!("issuers[{k}].superior"),
                );
                parts.chu_quan.push(i);
            }
        }
        let i = b.push(
            &issuer.name,
            &l.issuing_body,
            Align::Center,
            left,
            &format!("issuers[{k}].name"),
        );
        parts.ban_hanh.push(i);
    }
    if let Some(&last) = parts.ban_hanh.last() {
        match system {
            System::State => b.paras[last].bottom_border = true,
            System::Party => {
                let i = b.push("*", &l.issuing_body, Align::Center, left, "issuers");
                parts.star = Some(i);
            }
        }
    }
    // The text attached to a decision prints no số and no date of its own (Mẫu 1.3).
    if !doc.is_attached() {
        parts.so_ky_hieu =
            Some(b.push(&doc.number_line(), &l.number, Align::Center, left, "number"));
    }
    if doc.doc_type.is_cong_van() {
        let line = match system {
            System::State => format!("V/v {}", doc.subject.trim()),
            System::Party => doc.subject.trim().to_string(),
        };
        parts
            .trich_yeu
            .push(b.push(&line, &l.number, Align::Center, left, "subject"));
    }

    // Ô 1 and 4.
    match system {
        System::State => {
            let q = b.push(
                super::rules::QUOC_HIEU,
                &l.national_title,
                Align::Center,
                right,
                "system",
            );
            parts.quoc_hieu = Some(q);
            let t = b.push(
                super::rules::TIEU_NGU,
                &l.motto,
                Align::Center,
                right,
                "system",
            );
            b.paras[t].bottom_border = true;
            parts.tieu_ngu = Some(t);
        }
        System::Party => {
            let d = b.push(
                super::rules::DANG,
                &l.national_title,
                Align::Center,
                right,
                "system",
            );
            b.paras[d].bottom_border = true;
            parts.dang = Some(d);
        }
    }
    if !doc.is_attached() {
        let date = doc.place_date.render(system);
        parts.dia_danh_ngay = Some(b.push(&date, &l.place_date, Align::Center, right, "date"));
    }

    // Ô 5: tên loại and trích yếu.
    if !doc.doc_type.is_cong_van() {
        parts.ten_loai = Some(b.push(
            &doc.type_line(),
            &l.doc_type_name,
            Align::Center,
            None,
            "template",
        ));
        let s = b.push(
            doc.subject.trim(),
            &l.subject,
            Align::Center,
            None,
            "subject",
        );
        parts.trich_yeu.push(s);
        // "(Ban hành kèm theo Quyết định số …)" under it, with the line under that.
        let s = if doc.is_attached() {
            let a = b.push(
                &doc.issued_note(),
                &l.appendix_note,
                Align::Center,
                None,
                "number",
            );
            parts.attachment = Some(a);
            a
        } else {
            s
        };
        match system {
            System::State => b.paras[s].bottom_border = true,
            System::Party => {
                parts.trich_yeu_mark =
                    Some(b.push("-----", &l.subject, Align::Center, None, "subject"));
            }
        }
    }

    // Ô 6: Kính gửi and the body.
    let body_start = b.paras.len();
    for (k, a) in doc.addressees.iter().enumerate() {
        b.push(
            &format!("Kính gửi: {}", a.trim()),
            &l.body,
            Align::Center,
            None,
            &format!("addressees[{k}]"),
        );
    }
    // The Phụ lục after the signature are not part of the nội dung the rules judge.
    let main = &doc.body.blocks[..doc.body.main_len()];
    let labels = label_blocks(main, system);
    for (k, (block, label)) in main.iter().zip(labels).enumerate() {
        let field = format!("body.blocks[{k}]");
        match block {
            Block::Table(t) => {
                for (r, row) in t.rows.iter().enumerate() {
                    for (c, inline) in row.iter().enumerate() {
                        b.push(
                            &inline.plain_text(),
                            &l.body,
                            Align::Left,
                            cell(1 + k, r, c),
                            &field,
                        );
                    }
                }
            }
            other => {
                let content = match other {
                    Block::Basis { content } => {
                        content.with_end(basis_end(main, k, system)).plain_text()
                    }
                    _ => other.inline().map(|i| i.plain_text()).unwrap_or_default(),
                };
                let (style, align) = match other {
                    Block::Part { .. } => (&l.part_label, Align::Center),
                    Block::Chapter { .. } | Block::Division { .. } => {
                        (&l.chapter_label, Align::Center)
                    }
                    Block::Section { .. } => (&l.section, Align::Justify),
                    Block::Heading { .. } => (&l.heading, Align::Justify),
                    Block::Article { run_in: false, .. } => (&l.article, Align::Justify),
                    Block::Basis { .. } => (&l.basis, Align::Justify),
                    Block::Action { .. } => (&l.action, Align::Center),
                    _ => (&l.body, Align::Justify),
                };
                let centred_head = matches!(
                    other,
                    Block::Part { .. } | Block::Chapter { .. } | Block::Division { .. }
                );
                let shown = match (&label, centred_head) {
                    (Some(lbl), true) => {
                        b.push(lbl, style, Align::Center, None, &field);
                        content.clone()
                    }
                    (Some(lbl), false) if content.is_empty() => lbl.clone(),
                    (Some(lbl), false) => format!("{lbl} {content}"),
                    (None, _) => content.clone(),
                };
                let style = if centred_head { &l.section } else { style };
                let i = b.push(&shown, style, align, None, &field);
                let p = &mut b.paras[i];
                p.first_line_indent = Some(l.body_layout.first_line_indent.preferred.0);
                p.space_after = Some(l.body_layout.paragraph_spacing.preferred.0 as u32);
                p.line = Some(match l.body_layout.line_spacing {
                    LineSpacing::Auto(v) => Spacing::Auto(u32::from(v)),
                    LineSpacing::Exact(v) => Spacing::Exact(u32::from(v)),
                });
            }
        }
    }
    if doc.closing_mark {
        if let Some(p) = b.paras[body_start..]
            .iter_mut()
            .rev()
            .find(|p| p.cell.is_none())
        {
            let t = format!("{}./.", p.text.trim_end().trim_end_matches('.'));
            p.text = t.clone();
            if let Some(r) = p.runs.last_mut() {
                r.text = t;
            }
        }
    }
    if let Some(p) = b.paras[body_start..]
        .iter_mut()
        .rev()
        .find(|p| p.cell.is_none())
    {
        // The writer keeps the last body paragraph with the signature block.
        p.keep_next = true;
    }
    parts.noi_dung = (body_start..b.paras.len()).collect();

    // Ô 9b and 7: Nơi nhận on the left, signatures on the right.
    let foot = 1 + doc.body.blocks.len();
    let nn_cell = cell(foot, 0, 0);
    if doc.has_recipients() {
        parts.noi_nhan = Some(b.push(
            "Nơi nhận:",
            &l.recipients_heading,
            Align::Left,
            nn_cell,
            "recipients",
        ));
    }
    let lines = if doc.has_recipients() {
        doc.recipients.lines(system)
    } else {
        Vec::new()
    };
    let n_lines = lines.len();
    for (k, line) in lines.iter().enumerate() {
        let field = if k + 1 == n_lines {
            "recipients.archive".to_string()
        } else {
            format!("recipients.items[{k}]")
        };
        parts
            .noi_nhan_items
            .push(b.push(line, &l.recipients_item, Align::Left, nn_cell, &field));
    }
    for (k, s) in doc.signers.iter().enumerate() {
        let sig_cell = cell(foot, 0, k + 1);
        let mut block = Vec::new();
        for (line, is_authority) in s.title_lines(system) {
            let style = if is_authority {
                &l.signer_authority
            } else {
                &l.signer_position
            };
            block.push(b.push(
                &line,
                style,
                Align::Center,
                sig_cell,
                &format!("signers[{k}].position"),
            ));
        }
        block.push(b.push(
            &s.name,
            &l.signer_name,
            Align::Center,
            sig_cell,
            &format!("signers[{k}].name"),
        ));
        parts.chu_ky.push(block);
    }

    let page = PageSetup {
        width: Some(l.page_width),
        height: Some(l.page_height),
        top: Some(l.margins.top.preferred),
        bottom: Some(l.margins.bottom.preferred),
        left: Some(l.margins.left.preferred),
        right: Some(l.margins.right.preferred),
        title_page: true,
        page_field_in_header: true,
        page_number_even_only: false,
        page_field_in_first_header: false,
        page_field_in_footer: false,
        page_number_size: Some(l.page_number.size.preferred),
        page_number_font: Some(crate::layout::FONT.to_string()),
        page_number_align: Some(Align::Center),
        saved_pages: None,
        // A draft's later sections (a Phụ lục on the page turned) take the same paper from
        // the layout facts, turned: nothing else to judge.
        later_papers: Vec::new(),
    };
    let detected = if doc.is_joint() {
        Detected::Joint
    } else {
        match system {
            System::State => Detected::State,
            System::Party => Detected::Party,
        }
    };
    View {
        origin: super::view::Origin::Draft,
        paras: b.paras,
        page: Some(page),
        parts,
        detected,
        system: Some(system),
        mixed: doc.is_mixed_joint(),
        doc_type: Some(doc.doc_type.clone()),
        protected: false,
        signed: false,
    }
}
