//! Import (nhập văn bản): open any Word document as a draft.
//!
//! The .docx is read the way the checker reads it ([`crate::reader::read_docx`] →
//! [`crate::check::docx::view_of`]: the checked view with its recognised parts); the parts
//! are mapped onto a [`Draft`]: system, template from the tên loại, issuing bodies, số (the
//! symbol is computed again from type and issuer, so only the number and a công văn's unit
//! are kept), place and date, marks, trích yếu, Kính gửi, the body as markup spread over the
//! template's fields, signers and Nơi nhận. Whatever does not map is kept as a plain
//! paragraph or listed in the [`ImportReport`], never dropped silently.
//!
//! One module per job: [`header`] (header elements), [`footer`] (signatures, Nơi nhận),
//! [`body`] and [`inline`] (body blocks and their inline content), [`fields`] (the body over
//! the template's fields), [`report`] (what did not map).

mod addressees;
mod after;
mod attached;
mod body;
mod changes;
mod choose;
pub mod clauses;
mod closing;
mod fields;
mod footer;
mod header;
mod inline;
mod landscape;
mod normative;
mod quote;
mod recase;
mod report;
mod sequence;
mod table;

pub use footer::NO_RECIPIENTS;
pub use report::{EntryKind, ImportReport, ReportEntry};

use crate::check::docx::view_of;
use crate::check::view::View;
use crate::draft::Draft;
use crate::markup;
use crate::model::{text, Body, System};
use crate::reader::{self, Limits, ReadError};
use crate::template::{BodyContext, TemplateError, Templates};

/// The start of the line that marks electronic sending under Nơi nhận.
const ELECTRONIC_WORDS: &str = "Gửi bản điện tử";

/// A document imported as a draft, with what did not map (bản thảo nhập từ .docx).
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// The draft.
    pub draft: Draft,
    /// What did not map exactly.
    pub report: ImportReport,
}

/// Why a .docx cannot be imported (lỗi nhập văn bản).
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file cannot be read as a .docx.
    #[error("không đọc được tệp .docx: {0}")]
    Read(#[from] ReadError),
    /// The file has no text at all.
    #[error("tệp không có chữ nào để nhập")]
    NoText,
    /// No template to import into.
    #[error("không có mẫu để nhập văn bản: {0}")]
    Template(#[from] TemplateError),
}

/// Imports the .docx `bytes` as a draft of one of `templates`.
pub fn import_docx(bytes: &[u8], templates: &Templates) -> Result<Imported, ImportError> {
    let doc = reader::read_docx(bytes, &Limits::default())?;
    let view = view_of(&doc);
    if view.paras.iter().all(|p| p.is_blank()) {
        return Err(ImportError::NoText);
    }
    let mut report = ImportReport::default();
    let system = match view.system {
        Some(s) => s,
        None => {
            report.add(
                EntryKind::Review,
                None,
                "",
                "không nhận ra hệ thể thức (không có quốc hiệu hay tiêu đề Đảng); nhập theo văn bản hành chính",
            );
            System::State
        }
    };
    if let Some(title) = crate::check::scope::youth_union_title(&view) {
        report.add(
            EntryKind::Review,
            None,
            title,
            "văn bản của Đoàn, Đội: Vanban soạn theo NĐ 30 hoặc HD 36, nên bản thảo có đầu văn bản \
             của văn bản hành chính; tiêu đề Đoàn được giữ thành đoạn văn",
        );
    }
    let def = choose::template_for(&view, system, templates, &mut report)?;
    let system = if def.systems.contains(&system) {
        system
    } else {
        let s = def.systems.first().copied().unwrap_or(System::State);
        report.add(
            EntryKind::Review,
            None,
            "",
            &format!(
                "mẫu \"{}\" không dùng cho hệ thể thức này; nhập theo {}",
                def.slug,
                s.label()
            ),
        );
        s
    };
    report.template = def.slug.clone();
    let parts = &view.parts;
    let n = view.paras.len();

    // Header.
    let mut issuers = header::issuers(&view, &mut report);
    // The text attached to a decision: its number and date are the decision's, cited under
    // its title.
    let cited = def
        .issued_by
        .as_ref()
        .and_then(|_| attached::note_text(&view))
        .map(|note| attached::citation(&note));
    let (number_line, cited_date) = match cited {
        Some((number, date)) => (number, date),
        None => (
            parts
                .so_ky_hieu
                .map(|i| header::number_line(&header::line(&view, i)))
                .unwrap_or_default(),
            None,
        ),
    };
    let type_abbr = def
        .issued_by
        .as_ref()
        .unwrap_or(&def.doc_type)
        .abbreviation(system)
        .unwrap_or_default();
    let (abbrs, unit) = header::symbol_parts(&number_line.symbol, system, type_abbr, issuers.len());
    for (k, issuer) in issuers.iter_mut().enumerate() {
        match abbrs.get(k) {
            Some(a) => issuer.abbr = text::nfc(a),
            None => match header::guess_abbr(&issuer.name) {
                Some(guess) => {
                    report.add(
                        EntryKind::Review,
                        parts.so_ky_hieu.map(|i| view.paras[i].index),
                        &number_line.symbol,
                        &format!(
                            "số ký hiệu không cho chữ viết tắt của \"{}\"; đã đoán \"{guess}\" từ tên cơ quan",
                            issuer.name
                        ),
                    );
                    issuer.abbr = guess;
                }
                None => {
                    report.add(
                        EntryKind::Missing,
                        parts.so_ky_hieu.map(|i| view.paras[i].index),
                        &number_line.symbol,
                        &format!(
                            "không đọc được chữ viết tắt của \"{}\" từ số ký hiệu; đã điền \"...\"",
                            issuer.name
                        ),
                    );
                    issuer.abbr = "...".into();
                }
            },
        }
    }
    if view.mixed && issuers.len() == 2 {
        issuers[1].system = Some(match system {
            System::State => System::Party,
            System::Party => System::State,
        });
    }
    let (place, date, foot_date) = header::place_and_date(&view, cited_date, &mut report);
    let mut subject = header::subject(&view, def.doc_type.is_cong_van());
    // A công văn's "V/v" running on in the lines under it, in the same column, which
    // recognition may leave unnamed.
    let mut subject_more = Vec::new();
    if let Some(&last) = parts
        .trich_yeu
        .last()
        .filter(|_| def.doc_type.is_cong_van())
    {
        let column = |i: usize| view.paras[i].cell.map(|c| (c.table, c.col));
        let mut j = last + 1;
        while j < n
            && parts.element_of(j).is_none()
            && !view.paras[j].is_blank()
            && column(j) == column(last)
            && column(j).is_some()
        {
            subject.push(' ');
            subject.push_str(&header::line(&view, j));
            subject_more.push(j);
            j += 1;
        }
    }

    // A V/v typed as several paragraphs is one line of the draft: worth a look.
    let vv_paras: Vec<usize> = parts
        .trich_yeu
        .iter()
        .copied()
        .filter(|&i| Some(i) != parts.trich_yeu_mark)
        .chain(subject_more.iter().copied())
        .collect();
    if def.doc_type.is_cong_van() && vv_paras.len() > 1 {
        report.add(
            EntryKind::Review,
            Some(view.paras[vv_paras[0]].index),
            "",
            &format!(
                "trích yếu gõ thành {} đoạn; đã nối thành một dòng",
                vv_paras.len()
            ),
        );
    }

    // Which paragraphs the header and footer took.
    let mut claimed = vec![false; n];
    let mark = |v: &mut Vec<bool>, i: usize| {
        if let Some(c) = v.get_mut(i) {
            *c = true;
        }
    };
    for i in [
        parts.quoc_hieu,
        parts.tieu_ngu,
        parts.dang,
        parts.star,
        parts.so_ky_hieu,
        parts.dia_danh_ngay,
        foot_date,
        parts.ten_loai,
        parts.trich_yeu_mark,
        parts.noi_nhan,
        parts.attachment,
        attached::continuation(&view),
    ]
    .into_iter()
    .flatten()
    .chain(parts.chu_quan.iter().copied())
    .chain(parts.ban_hanh.iter().copied())
    .chain(parts.trich_yeu.iter().copied())
    .chain(parts.chu_ky.iter().flatten().copied())
    .chain(parts.noi_nhan_items.iter().copied())
    .chain(subject_more)
    {
        mark(&mut claimed, i);
    }
    // "Gửi bản điện tử:" under Nơi nhận, which recognition leaves unnamed.
    let electronic = (0..n).find(|&i| {
        !claimed[i]
            && parts.noi_nhan.is_some_and(|h| i > h)
            && header::line(&view, i).starts_with(ELECTRONIC_WORDS)
    });
    if let Some(i) = electronic {
        mark(&mut claimed, i);
    }
    let attached = def.issued_by.is_some();
    let most = crate::draft::max_signers(def, issuers.len());
    let (signers, read) = footer::signers(&view, &claimed, attached, most, &mut report);
    for i in read {
        mark(&mut claimed, i);
    }
    let mut recipients = footer::recipients(&view, system, attached, &mut report);
    recipients.electronic |= electronic.is_some();

    if let Some(i) = attached
        .then(|| attached::unsigned_tail(&view, &claimed))
        .flatten()
    {
        mark(&mut claimed, i);
        let p = &view.paras[i];
        report.add(
            EntryKind::Omitted,
            Some(p.index),
            &p.text,
            attached::UNSIGNED_TAIL,
        );
    }
    omitted_elsewhere(&doc, &view, &claimed, attached, &mut report);
    for (element, why) in &parts.unsure {
        report.add(
            EntryKind::Review,
            None,
            "",
            &format!("{} nhận ra nhờ dấu hiệu yếu ({why})", element.label()),
        );
    }

    // Marks and the paragraphs no part took.
    let mut urgency = None;
    let mut secrecy = None;
    let body_start = parts.noi_dung.first().copied().unwrap_or(n);
    let mut body_positions = Vec::new();
    let mut in_appendix = false;
    // The header tables printed again over an issued text, reported once each.
    let mut header_tables: Vec<Option<usize>> = Vec::new();
    let mut in_body = vec![false; n];
    for &i in &parts.noi_dung {
        mark(&mut in_body, i);
    }
    // (first and last place in body_positions, count, view position of the first).
    let mut kept: Vec<(usize, usize, usize, usize)> = Vec::new();
    for (i, p) in view.paras.iter().enumerate() {
        if claimed[i] || p.is_blank() {
            continue;
        }
        let t = header::line(&view, i);
        if i < body_start && header::is_typed_rule(&t) {
            report.add(
                EntryKind::Omitted,
                Some(p.index),
                &t,
                "đường kẻ gõ bằng ký tự ở phần đầu văn bản; Vanban tự kẻ các đường theo thể thức",
            );
            continue;
        }
        if i < body_start {
            if let Some(u) = header::urgency(&t) {
                urgency = Some(u);
                continue;
            }
            if let Some(s) = header::secrecy(&t) {
                secrecy = Some(s);
                continue;
            }
            if header::is_draft_mark(&t) {
                report.add(
                    EntryKind::Omitted,
                    Some(p.index),
                    &t,
                    "dấu dự thảo ở phần đầu văn bản không in trong bản thảo; Vanban giữ văn bản là dự thảo cho đến khi phát hành",
                );
                continue;
            }
        }
        if i < body_start && after::above_title(&view, i) {
            report.add(
                EntryKind::Omitted,
                Some(p.index),
                &t,
                "dòng chữ đặt giữa phần đầu và tên loại không thuộc thành phần thể thức nào và không phải nội dung; bản thảo không có chỗ cho nó, không in lại",
            );
            continue;
        }
        if !in_body[i] && after::issued_text_header(&view, i) {
            let table = p.cell.map(|c| c.table);
            if header_tables.last() != Some(&table) {
                header_tables.push(table);
                // The text under it is the issued one, no paragraph kept outside the form.
                in_appendix = true;
                report.add(
                    EntryKind::Omitted,
                    Some(p.index),
                    &t,
                    "phần đầu (tên cơ quan, quốc hiệu, tiêu ngữ) in lại trên văn bản ban hành kèm theo; bản thảo in văn bản kèm theo sau chữ ký, dưới tên loại và tiêu đề của nó",
                );
            }
            continue;
        }
        if !in_body[i] {
            if i > body_start
                && (t.starts_with("Phụ lục")
                    || t.starts_with("PHỤ LỤC")
                    || after::unheaded_appendix(&view, i).is_some())
            {
                in_appendix = true;
            }
            if !in_appendix {
                // Runs of such paragraphs make one entry.
                match kept.last_mut() {
                    Some((_, last, count, _)) if *last + 1 == body_positions.len() => {
                        *last = body_positions.len();
                        *count += 1;
                    }
                    _ => kept.push((body_positions.len(), body_positions.len(), 1, i)),
                }
            }
        }
        body_positions.push(i);
    }
    for (_, _, count, first) in kept {
        let p = &view.paras[first];
        let note = if count == 1 {
            "đoạn không thuộc thành phần thể thức nào, được giữ thành đoạn văn trong nội dung"
                .to_string()
        } else {
            format!(
                "{count} đoạn liền nhau từ đoạn này không thuộc thành phần thể thức nào, được giữ thành đoạn văn trong nội dung"
            )
        };
        report.add(EntryKind::Kept, Some(p.index), &p.text, &note);
    }
    let body = body::convert(&view, &doc, &body_positions, &mut report);
    // A Quyết định that issues a Quy chế or Quy định is drafted in that template ("quy-che",
    // "quy-dinh"), which prints the decision's articles around it, when the body fits it.
    let issuing = choose::issuing_template(&body.blocks, def, system, templates);
    let body_markup = markup::to_markup(&Body {
        blocks: body.blocks,
    });
    // A trích yếu typed in capitals is set in lower case (NĐ 30: "in thường"), with the
    // capitals the document's own text gives its names.
    let subject = match recase::recase_capitals(&subject, &body_markup) {
        Some(recased) => {
            report.add(
                EntryKind::Review,
                parts.trich_yeu.first().map(|&i| view.paras[i].index),
                &subject,
                "trích yếu gõ IN HOA; đã chuyển sang chữ thường, giữ chữ hoa của tên riêng như trong nội dung: xem lại tên riêng",
            );
            recased
        }
        None => subject,
    };
    let lead = &issuers[0];
    let ctx = BodyContext {
        fields: Default::default(),
        loai: def.doc_type.name.clone(),
        he_thong: match system {
            System::State => "state".into(),
            System::Party => "party".into(),
        },
        co_quan: lead.name.clone(),
        co_quan_viet_tat: lead.abbr.clone(),
        dia_danh: place.clone(),
        nam: date.year,
        ngay: date.phrase(),
        trich_yeu: subject.clone(),
    };
    let mut trial = ImportReport::default();
    let fitted = (!std::ptr::eq(issuing, def))
        .then(|| fields::spread(templates, issuing, &ctx, &body_markup, &mut trial))
        .filter(|s| s.fitted);
    let (def, spread) = match fitted {
        Some(s) => {
            report.entries.extend(trial.entries);
            (issuing, s)
        }
        None => (
            def,
            fields::spread(templates, def, &ctx, &body_markup, &mut report),
        ),
    };
    report.template = def.slug.clone();
    let subject = if subject.is_empty() && def.slug != "cong-van" {
        report.add(
            EntryKind::Missing,
            None,
            "",
            "không tìm thấy trích yếu; đã điền \"...\"",
        );
        "...".to_string()
    } else {
        subject
    };
    // A văn bản quy phạm pháp luật's number carries its year; the draft prints the year of
    // its date there, so a different year is worth a look.
    header::report_dotted(
        &number_line,
        parts.so_ky_hieu.map(|i| view.paras[i].index),
        &mut report,
    );
    header::report_tidied(
        &number_line,
        parts.so_ky_hieu.map(|i| view.paras[i].index),
        &mut report,
    );
    let number_with_year = number_line.year.is_some() && system == System::State;
    if let Some(y) = number_line.year.filter(|&y| y != date.year) {
        report.add(
            EntryKind::Review,
            parts.so_ky_hieu.map(|i| view.paras[i].index),
            "",
            &format!(
                "năm trong số ký hiệu ({y}) khác năm ban hành ({}); bản thảo in năm ban hành",
                date.year
            ),
        );
    }
    // The office's words for the decision in the line under an attached text's title.
    let decision = def.issued_by.as_ref().zip(attached::note_text(&view));
    let decision = decision.and_then(|(by, note)| {
        let computed = crate::model::sentence_case(&issuers[0].name, &place);
        attached::wording(&note, &by.name, &computed)
    });
    let draft = Draft {
        template: def.slug.clone(),
        system,
        number: number_line.number,
        number_with_year,
        unit: unit.filter(|_| type_abbr.is_empty() && system == System::State),
        place,
        date,
        urgency,
        secrecy,
        subject,
        addressees: body.addressees,
        closing_mark: (body.closing != def.closing_mark).then_some(body.closing),
        decision,
        issuers,
        fields: spread.fields,
        signers,
        recipients,
    };
    changes::report_changes(&view, &body_positions, &draft, templates, &mut report);
    Ok(Imported { draft, report })
}

/// Report entries for what the header, footer and page margins hold that a draft does not:
/// the "(Kèm theo …)" line of a document issued with a decision (recomputed when `attached`,
/// the document drafted as the text attached to its decision), pictures (a scanned
/// signature or seal) in the header or footer blocks, text in the page header or footer.
fn omitted_elsewhere(
    doc: &reader::DocxFile,
    view: &View,
    claimed: &[bool],
    attached: bool,
    report: &mut ImportReport,
) {
    attached::report_note(view, attached, report);
    for (i, p) in view.paras.iter().enumerate() {
        if claimed[i] && p.has_drawing && p.line_shapes == 0 {
            report.add(
                EntryKind::Omitted,
                Some(p.index),
                &p.text,
                "hình ảnh (chữ ký, con dấu, hình vẽ) ở phần đầu hoặc phần cuối văn bản không nhập được",
            );
        }
    }
    for (place, parts) in [("đầu trang", &doc.headers), ("chân trang", &doc.footers)] {
        let mut seen: Vec<&str> = Vec::new();
        let mut said: Vec<String> = Vec::new();
        for hf in parts.iter() {
            if seen.contains(&hf.part.as_str()) {
                continue;
            }
            seen.push(&hf.part);
            for p in hf.paragraphs() {
                let t = p.text();
                let shown: String = p
                    .runs
                    .iter()
                    .filter(|r| r.field.is_none())
                    .map(|r| r.text.as_str())
                    .collect();
                // The same line in the first-page and the other pages' parts is one entry.
                if !shown.trim().is_empty() && !said.contains(&t) {
                    report.add(
                        EntryKind::Omitted,
                        None,
                        &t,
                        &format!("chữ ở {place} (header/footer của trang) không nhập vào bản thảo"),
                    );
                    said.push(t);
                }
            }
        }
    }
}
