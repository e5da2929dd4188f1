//! Issue 12, "Draft what offices actually sign": every document type Vanban offers, in every
//! system its template declares, starts from `vanban new` (`Draft::starter`), is filled with
//! sample text, renders to .docx and checks with zero errors, through the draft front end and
//! through the .docx front end alike. And there are enough of them: the types of NĐ 30 Điều 7
//! (Phụ lục III) and of HD 36.

use vanban::check::registry::Severity;
use vanban::check::{check_document, check_docx, CheckOptions};
use vanban::docx::write_docx;
use vanban::draft::Draft;
use vanban::model::System;
use vanban::template::{FieldKind, Templates};

mod starter_fill;
use starter_fill::filled;

/// Sample text for a field, as a secretary would type it.
fn sample(kind: FieldKind) -> &'static str {
    match kind {
        FieldKind::Line => "Phòng họp số 2, trụ sở Văn phòng Ủy ban nhân dân tỉnh",
        FieldKind::Markup => {
            "Các cơ quan, đơn vị tổ chức thực hiện nghiêm túc, bảo đảm tiến độ, chất lượng và \
             hiệu quả.\n1. Định kỳ hằng quý báo cáo kết quả về cơ quan thường trực để tổng hợp.\n\
             2. Phối hợp chặt chẽ trong quá trình triển khai.\n- Phòng Tổng hợp theo dõi, đôn đốc."
        }
    }
}

#[test]
fn every_type_in_every_system_renders_and_checks_clean() {
    let templates = Templates::builtin().unwrap();
    let opts = CheckOptions::default();
    let mut problems = Vec::new();
    let (mut state, mut party) = (0, 0);
    for def in templates.list() {
        for &system in &def.systems {
            // The Quy chế, Quy định and Điều lệ sent on their own (`issued_by`) are counted
            // with the decision that issues them: no new type of NĐ 30 Điều 7 or HD 36.
            match system {
                _ if def.issued_by.is_some() => {}
                System::State => state += 1,
                System::Party => party += 1,
            }
            let name = format!("{} ({system:?})", def.slug);
            let mut d = Draft::starter(def, system, false, 2024);
            filled(&mut d);
            for f in &def.fields {
                let v = d.fields.entry(f.name.clone()).or_default();
                if f.required && v.trim().is_empty() {
                    *v = sample(f.kind).to_string();
                }
                *v = v.replace("...", "tỉnh Bắc Kạn");
            }
            let doc = match d.render(&templates) {
                Ok(doc) => doc,
                Err(e) => {
                    problems.push(format!("{name}: không dựng được: {e}"));
                    continue;
                }
            };
            let r = check_document(&doc, &name, &opts).expect("draft check runs");
            for x in r
                .diagnostics
                .iter()
                .filter(|x| x.severity == Severity::Error)
            {
                problems.push(format!("{name} (draft): {} {}", x.rule, x.message));
            }
            let bytes = write_docx(&doc).expect("writer");
            let r = check_docx(&bytes, &name, &opts).expect("docx check runs");
            for x in r
                .diagnostics
                .iter()
                .filter(|x| x.severity == Severity::Error)
            {
                problems.push(format!(
                    "{name} (docx): {} {} @{:?}",
                    x.rule, x.message, x.location.paragraph
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // Issue 12: at least 27 state types (NĐ 30 Điều 7 has 29: Quy chế and Quy định come as
    // documents issued with a Quyết định, templates quy-che and quy-dinh; thư công has no Phụ
    // lục III form) and at least 12 Party types (HD 36).
    assert!(state >= 27, "only {state} state types");
    assert!(party >= 12, "only {party} Party types");
}

#[test]
fn every_abbreviation_a_template_uses_is_in_the_table() {
    // Templates name their type by slug, so the số ký hiệu takes Phụ lục III's (or HD 36's)
    // abbreviation from `src/layout/doc_types.toml`; a system a template declares must have one.
    // The text attached to a decision (`issued_by`: an Điều lệ has no abbreviation, being
    // none of NĐ 30's types) prints the decision's số, so the decision's type must have one.
    let templates = Templates::builtin().unwrap();
    for def in templates.list() {
        for &system in &def.systems {
            let numbered = def.issued_by.as_ref().unwrap_or(&def.doc_type);
            assert!(
                numbered.abbreviation(system).is_some(),
                "{} declares {system:?} but the table has no abbreviation for it",
                def.slug
            );
        }
    }
}

#[test]
fn hints_describe_in_words_without_markup() {
    // A secretary reads the hint under a field: it says what to write, not which markup to type.
    let templates = Templates::builtin().unwrap();
    for def in templates.list() {
        for f in &def.fields {
            for bad in ["#", "^[", "**", "“=", "| ", "“> ", "“! "] {
                assert!(
                    !f.hint.contains(bad),
                    "{} / {}: hint uses markup {bad:?}: {}",
                    def.slug,
                    f.name,
                    f.hint
                );
            }
        }
    }
}

#[test]
fn a_cong_dien_starts_with_its_urgency_mark() {
    // Mẫu 1.6: a công điện carries KHẨN, THƯỢNG KHẨN or HỎA TỐC; the template sets the start.
    let templates = Templates::builtin().unwrap();
    let def = templates.get("cong-dien").unwrap();
    let mut d = Draft::starter(def, System::State, false, 2024);
    assert_eq!(d.urgency, Some(vanban::model::Urgency::Khan));
    filled(&mut d);
    for f in &def.fields {
        d.fields.insert(f.name.clone(), sample(f.kind).to_string());
    }
    let doc = d.render(&templates).unwrap();
    let text = vanban::model::plain_text(&doc);
    assert!(text.contains("KHẨN"), "{text}");
}

#[test]
fn a_bien_ban_starts_with_two_signers_of_one_body_and_checks_clean() {
    // Mẫu 1.9: the thư ký signs on the left, the chủ tọa on the right, both of the one body
    // that keeps the minutes; the checker reads the pair back from the .docx without an error.
    let templates = Templates::builtin().unwrap();
    let def = templates.get("bien-ban").unwrap();
    assert_eq!(def.signer_roles, ["THƯ KÝ", "CHỦ TỌA"]);
    let opts = CheckOptions::default();
    for &system in &def.systems {
        let mut d = Draft::starter(def, system, false, 2024);
        assert_eq!(d.issuers.len(), 1);
        let positions: Vec<&str> = d.signers.iter().map(|s| s.position.as_str()).collect();
        assert_eq!(
            positions,
            ["CHỦ TỌA", "THƯ KÝ"],
            "the one who presides first"
        );
        filled(&mut d);
        d.signers[1].name = "Trần Thị Bình".into();
        for f in &def.fields {
            let v = d.fields.entry(f.name.clone()).or_default();
            if v.trim().is_empty() {
                *v = sample(f.kind).to_string();
            }
        }
        let doc = d.render(&templates).unwrap();
        let text = vanban::model::plain_text(&doc);
        let (thu_ky, chu_toa) = (
            text.find("THƯ KÝ\n").unwrap(),
            text.find("CHỦ TỌA").unwrap(),
        );
        assert!(thu_ky < chu_toa, "left cell first in reading order: {text}");
        assert!(text.find("Nơi nhận:").unwrap() > text.find("Trần Thị Bình").unwrap());
        let bytes = write_docx(&doc).expect("writer");
        let r = check_docx(&bytes, "bien-ban", &opts).expect("docx check runs");
        let signature: Vec<_> = r
            .diagnostics
            .iter()
            .filter(|x| x.rule.contains("-60") || x.severity == Severity::Error)
            .map(|x| format!("{} {}", x.rule, x.message))
            .collect();
        assert!(signature.is_empty(), "{system:?}: {signature:?}");
    }
}

#[test]
fn giay_gioi_thieu_and_giay_nghi_phep_have_no_trich_yeu() {
    // NĐ 30 Phụ lục III, Mẫu 1.8 and 1.10: the tên loại is followed by the body. The starter
    // leaves the trích yếu empty, the draft renders without one, nothing is printed under the
    // tên loại and the checker asks for none, on the draft and on the .docx alike.
    let templates = Templates::builtin().unwrap();
    let opts = CheckOptions::default();
    for slug in ["giay-gioi-thieu", "giay-nghi-phep"] {
        let def = templates.get(slug).unwrap();
        assert!(def.doc_type.no_subject, "{slug}");
        for &system in &def.systems {
            let mut d = Draft::starter(def, system, false, 2024);
            assert_eq!(d.subject, "", "{slug}");
            filled(&mut d);
            d.subject.clear();
            for f in &def.fields {
                let v = d.fields.entry(f.name.clone()).or_default();
                if v.trim().is_empty() {
                    *v = sample(f.kind).to_string();
                }
                *v = v.replace("...", "tỉnh Bắc Kạn");
            }
            let doc = d
                .render(&templates)
                .unwrap_or_else(|e| panic!("{slug}: {e}"));
            let laid = vanban::laid::lay_out(&doc);
            let subject_paras = laid
                .blocks
                .iter()
                .filter(|b| matches!(b, vanban::laid::Item::Para(p) if p.el == vanban::laid::El::Subject))
                .count();
            assert_eq!(subject_paras, 0, "{slug}: nothing under the tên loại");
            let r = check_document(&doc, slug, &opts).unwrap();
            let r2 = check_docx(&write_docx(&doc).unwrap(), slug, &opts).unwrap();
            for x in r.diagnostics.iter().chain(&r2.diagnostics) {
                assert!(
                    x.severity != Severity::Error && !x.rule.ends_with("-411"),
                    "{slug} {system:?}: {} {}",
                    x.rule,
                    x.message
                );
            }
        }
    }
    // A type with a trích yếu still needs one: the draft says so, and so does the checker.
    let def = templates.get("giay-moi").unwrap();
    assert!(!def.doc_type.no_subject);
    let mut d = Draft::starter(def, System::State, false, 2024);
    filled(&mut d);
    d.subject.clear();
    let e = d.render(&templates).unwrap_err().to_string();
    assert!(e.contains("subject"), "{e}");
}

#[test]
fn a_normative_decision_carries_the_year_in_its_number() {
    // A Quyết định or Nghị quyết that is a văn bản quy phạm pháp luật is numbered
    // "Số: 11/2018/QĐ-UBND" (as the real 042-qd-ubnd-ha-tinh-11-2018.docx is): the draft says
    // so with `number_with_year`, the line and the Phụ lục note carry the year, and the
    // checker reads it back without a finding on the số.
    let templates = Templates::builtin().unwrap();
    let opts = CheckOptions::default();
    for slug in ["quyet-dinh", "nghi-quyet"] {
        let def = templates.get(slug).unwrap();
        let mut d = Draft::starter(def, System::State, false, 2024);
        filled(&mut d);
        d.number = Some(11);
        d.number_with_year = true;
        for f in &def.fields {
            let v = d.fields.entry(f.name.clone()).or_default();
            if f.required && v.trim().is_empty() {
                *v = sample(f.kind).to_string();
            }
            *v = v.replace("...", "tỉnh Bắc Kạn");
        }
        let back = Draft::from_toml(&d.to_toml()).unwrap();
        assert!(d.to_toml().contains("number_with_year = true"));
        assert_eq!(back, d);
        let doc = d.render(&templates).unwrap();
        let abbr = def.doc_type.abbreviation(System::State).unwrap();
        assert_eq!(doc.number_line(), format!("Số: 11/2024/{abbr}-VP"));
        assert!(
            doc.attached_note()
                .contains(&format!("số 11/2024/{abbr}-VP ngày")),
            "{}",
            doc.attached_note()
        );
        let text = vanban::model::plain_text(&doc);
        assert!(text.contains(&format!("Số: 11/2024/{abbr}-VP")), "{text}");
        let r = check_document(&doc, slug, &opts).unwrap();
        let r2 = check_docx(&write_docx(&doc).unwrap(), slug, &opts).unwrap();
        let bad: Vec<String> = r
            .diagnostics
            .iter()
            .chain(&r2.diagnostics)
            .filter(|x| x.severity == Severity::Error || x.rule.contains("-30"))
            .map(|x| format!("{} {}", x.rule, x.message))
            .collect();
        assert!(bad.is_empty(), "{slug}: {bad:?}");
        // Blank in a draft, the year still shows: "Số:       /2024/QĐ-VP".
        d.number = None;
        let doc = d.render(&templates).unwrap();
        assert!(doc.number_line().ends_with(&format!("/2024/{abbr}-VP")));
        let r2 = check_docx(&write_docx(&doc).unwrap(), slug, &opts).unwrap();
        assert!(
            !r2.diagnostics.iter().any(|x| x.severity == Severity::Error),
            "{slug} blank: {:?}",
            r2.diagnostics
        );
    }
    // Without the flag the administrative form stays; a Party draft cannot take the year.
    let def = templates.get("quyet-dinh").unwrap();
    let mut d = Draft::starter(def, System::State, false, 2024);
    filled(&mut d);
    for f in &def.fields {
        let v = d.fields.entry(f.name.clone()).or_default();
        if f.required && v.trim().is_empty() {
            *v = sample(f.kind).to_string();
        }
    }
    assert_eq!(d.render(&templates).unwrap().number_line(), "Số: 07/QĐ-VP");
    let mut p = Draft::starter(def, System::Party, false, 2024);
    filled(&mut p);
    p.number_with_year = true;
    let e = p.render(&templates).unwrap_err().to_string();
    assert!(e.contains("number_with_year"), "{e}");
}

#[test]
fn a_quy_che_is_issued_with_its_decision_on_a_new_page() {
    // Phụ lục III, Mẫu 1.3: the Quyết định with its articles and signature, then on a new page
    // "QUY CHẾ", the title and "(Ban hành kèm theo Quyết định số … ngày … của …)", then the
    // Quy chế's own chương and điều, numbered from 1 again.
    let templates = Templates::builtin().unwrap();
    let opts = CheckOptions::default();
    for (slug, word) in [("quy-che", "QUY CHẾ"), ("quy-dinh", "QUY ĐỊNH")] {
        let def = templates.get(slug).unwrap();
        assert_eq!(def.doc_type.slug, "quyet-dinh");
        for &system in &def.systems {
            let mut d = Draft::starter(def, system, false, 2024);
            filled(&mut d);
            d.fields
                .insert("ten_van_ban".into(), "Làm việc của Văn phòng".into());
            d.fields.insert(
                "trach_nhiem".into(),
                "Các phòng chịu trách nhiệm thi hành.".into(),
            );
            let doc = d.render(&templates).unwrap();
            let laid = vanban::laid::lay_out(&doc);
            let paras: Vec<&vanban::laid::Para> = laid
                .blocks
                .iter()
                .filter_map(|b| match b {
                    vanban::laid::Item::Para(p) => Some(p),
                    _ => None,
                })
                .collect();
            let text =
                |p: &vanban::laid::Para| p.runs.iter().map(|r| r.text.as_str()).collect::<String>();
            let head = paras
                .iter()
                .position(|p| text(p) == word)
                .unwrap_or_else(|| panic!("{slug} {system:?}: no {word} heading"));
            assert!(paras[head].page_break_before, "{slug}: on a new page");
            assert_eq!(text(paras[head + 1]), "Làm việc của Văn phòng");
            assert!(paras[head + 1].runs.iter().all(|r| r.look.bold));
            let note = text(paras[head + 2]);
            let number = match system {
                System::State => "07/QĐ-VP",
                System::Party => "07-QĐ/BDVTU",
            };
            assert!(
                note.starts_with(&format!(
                    "(Ban hành kèm theo Quyết định số {number} ngày 05 tháng 02 năm 2024 của "
                )),
                "{note}"
            );
            assert!(paras[head + 2].runs.iter().all(|r| r.look.italic));
            // The footer grid (signature) comes before the heading.
            let grid = laid
                .blocks
                .iter()
                .position(|b| matches!(b, vanban::laid::Item::Grid(g) if g.kind == vanban::laid::GridKind::Footer))
                .unwrap();
            let head_at = laid
                .blocks
                .iter()
                .position(|b| matches!(b, vanban::laid::Item::Para(p) if text(p) == word))
                .unwrap();
            assert!(grid < head_at);
            let plain = vanban::model::plain_text(&doc);
            let lower = word.chars().next().unwrap().to_string()
                + &word.chars().skip(1).collect::<String>().to_lowercase();
            assert!(
                plain.contains(&format!(
                    "Ban hành kèm theo Quyết định này {lower} làm việc của Văn phòng."
                )),
                "{plain}"
            );
            let after = &plain[plain.find(&note).unwrap()..];
            assert!(after.contains("Điều 1."), "articles restart: {after}");
            for r in [
                check_document(&doc, slug, &opts).unwrap(),
                check_docx(&write_docx(&doc).unwrap(), slug, &opts).unwrap(),
            ] {
                let errors: Vec<_> = r
                    .diagnostics
                    .iter()
                    .filter(|x| x.severity == Severity::Error)
                    .map(|x| format!("{} {}", x.rule, x.message))
                    .collect();
                assert!(errors.is_empty(), "{slug} {system:?}: {errors:?}");
            }
        }
    }
}
