//! The import's acceptance point on the real corpus: every administrative file of
//! `tests/fixtures/real/` is imported and its draft's header facts are compared with the
//! facts labelled by hand in `manifest.toml` (read from the page, never from the importer):
//! issuer, number, date, type, trích yếu, signer names and the Nơi nhận count.
//!
//! The test prints a table of the facts each file gets wrong and the share of files with every
//! fact right; that share is held by a ratchet ([`ALL_RIGHT_MIN`]) that is only ever raised.
//! `cargo test --test import_header_facts -- --nocapture` shows the table.

mod real_corpus;

use unicode_normalization::UnicodeNormalization;
use vanban::draft::Draft;
use vanban::import::{import_docx, Imported, NO_RECIPIENTS};
use vanban::template::Templates;

/// Administrative files whose header facts all come back right. Only ever raised.
const ALL_RIGHT_MIN: usize = 99;

/// NFC, runs of whitespace folded to one space, trimmed.
fn fold(s: &str) -> String {
    let s: String = s.nfc().collect();
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The number of a "Số: 1424/QĐ-UBND" label: the digits right after "Số:"; none when blank
/// ("Số:      /2025/TT-BTC" is a blank number with its year) or when it is no number of
/// the register ("Số: 24.4/TTr-TCG", a day and month: the draft leaves it to the văn thư).
fn label_number(s: &str) -> Option<u32> {
    let rest = s.trim_start().strip_prefix("Số").unwrap_or(s);
    let rest = rest.trim_start_matches(|c: char| c == ':' || c.is_whitespace());
    let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
    let dotted = rest[digits.len()..]
        .strip_prefix('.')
        .is_some_and(|t| t.starts_with(|c: char| c.is_ascii_digit()));
    digits.parse().ok().filter(|_| !dotted)
}

/// The label's vocabulary where it names a type by another word than the type table:
/// a thông cáo báo chí is a thông cáo (NĐ 30 Phụ lục III).
fn label_type(s: &str) -> &str {
    match s {
        "thong-cao-bao-chi" => "thong-cao",
        other => other,
    }
}

/// The issuers as the manifest labels them: superior and name joined by a space, bodies of a
/// joint document joined by " - ".
fn issuers_of(d: &Draft) -> String {
    let bodies: Vec<String> = d
        .issuers
        .iter()
        .map(|i| {
            let mut s = i.superior.clone().unwrap_or_default();
            s.push(' ');
            s.push_str(&i.name);
            fold(&s)
        })
        .collect();
    fold(&bodies.join(" - ")).to_uppercase()
}

/// The date as the manifest labels it: "YYYY-MM-DD" when day and month are printed, "" else.
fn date_of(d: &Draft) -> String {
    match (d.date.day, d.date.month) {
        (Some(day), Some(month)) => format!("{:04}-{month:02}-{day:02}", d.date.year),
        _ => String::new(),
    }
}

/// Case-insensitive first letter, the rest as printed. A label printed wholly in capitals is
/// compared without case: the importer sets such a trích yếu in lower case (NĐ 30 wants it "in
/// thường"), keeping the names' capitals.
fn subject_key(s: &str, label: &str) -> String {
    let s = fold(s);
    if !label.chars().any(char::is_lowercase) {
        return s.to_lowercase();
    }
    let mut cs = s.chars();
    match cs.next() {
        Some(c) => c.to_lowercase().chain(cs).collect(),
        None => s,
    }
}

/// What the importer fills in for a value the original lacks (`docs/import.md`): blank.
const MISSING: &str = "...";

/// A value as the original printed it: none when blank or filled in as [`MISSING`].
fn printed(s: &str) -> Option<String> {
    let s = fold(s);
    (!s.is_empty() && s != MISSING).then_some(s)
}

/// Nơi nhận lines: the items, the "Lưu" line and the "Gửi bản điện tử" line when printed;
/// none when the original has no Nơi nhận (the draft then holds only filled-in blanks and the
/// văn thư's "Lưu: VT", which the report says Vanban added).
fn recipient_lines(i: &Imported) -> usize {
    if i.report
        .entries
        .iter()
        .any(|e| e.note.starts_with(NO_RECIPIENTS))
    {
        return 0;
    }
    let r = &i.draft.recipients;
    let items = r.items.iter().filter(|i| printed(i).is_some()).count();
    let archive = usize::from(printed(&r.archive).is_some());
    if items + archive == 0 {
        return 0;
    }
    items + archive + usize::from(r.electronic)
}

#[test]
fn real_files_header_facts() {
    let dir = real_corpus::dir();
    let m = real_corpus::entries();
    let templates = Templates::builtin().unwrap();
    let mut files = 0;
    let mut all_right = 0;
    let mut wrong_by_fact: std::collections::BTreeMap<&str, usize> = Default::default();
    let mut rows = Vec::new();
    for e in m.iter().filter(|e| e.administrative) {
        files += 1;
        let (subject, signers, recipients) = match (&e.subject, &e.signers, e.recipients) {
            (Some(s), Some(g), Some(r)) => (s, g, r),
            _ => panic!(
                "{}: administrative file without subject, signers, recipients labels",
                e.name
            ),
        };
        let bytes = std::fs::read(dir.join(&e.name)).unwrap();
        let imported = match import_docx(&bytes, &templates) {
            Ok(i) => i,
            Err(err) => {
                rows.push(format!("{:<48} import error: {err}", e.name));
                *wrong_by_fact.entry("import").or_default() += 1;
                continue;
            }
        };
        let d = &imported.draft;
        let mut wrong = Vec::new();
        let got_issuer = issuers_of(d);
        if got_issuer != fold(&e.issuer).to_uppercase() {
            wrong.push(("issuer", got_issuer));
        }
        if d.number != label_number(&e.number) {
            wrong.push(("number", format!("{:?}", d.number)));
        }
        let got_date = date_of(d);
        if got_date != e.date {
            wrong.push(("date", got_date));
        }
        let got_type = templates
            .get(&d.template)
            .map(|t| t.doc_type.slug.clone())
            .unwrap_or_else(|_| format!("?{}", d.template));
        if got_type != label_type(&e.doc_type) {
            wrong.push(("type", got_type));
        }
        if subject_key(&d.subject, subject) != subject_key(subject, subject) {
            wrong.push(("subject", fold(&d.subject)));
        }
        let got_signers: Vec<String> = d.signers.iter().filter_map(|s| printed(&s.name)).collect();
        let want_signers: Vec<String> = signers.iter().filter_map(|s| printed(s)).collect();
        if got_signers != want_signers {
            wrong.push(("signers", format!("{got_signers:?}")));
        }
        let got_lines = recipient_lines(&imported);
        if got_lines != recipients {
            wrong.push(("recipients", format!("{got_lines} (want {recipients})")));
        }
        if wrong.is_empty() {
            all_right += 1;
        } else {
            for (fact, _) in &wrong {
                *wrong_by_fact.entry(fact).or_default() += 1;
            }
            let detail: Vec<String> = wrong
                .iter()
                .map(|(fact, got)| {
                    let got: String = got.chars().take(70).collect();
                    format!("{fact}={got}")
                })
                .collect();
            rows.push(format!("{:<48} {}", e.name, detail.join(" | ")));
        }
    }
    println!("header facts wrong, by file:");
    // Files whose every fact a draft can hold: a type with a template, no more signers than
    // a draft of it holds (two; three side by side for a Biên bản).
    let holdable = m
        .iter()
        .filter(|e| e.administrative)
        .filter(|e| {
            let ty = label_type(&e.doc_type);
            let bodies = e.issuer.split(" - ").count();
            templates.list().iter().any(|t| {
                t.doc_type.slug == ty
                    && e.signers
                        .as_ref()
                        .is_some_and(|s| s.len() <= vanban::draft::max_signers(t, bodies))
            })
        })
        .count();
    for r in &rows {
        println!("  {r}");
    }
    println!("wrong, by fact: {wrong_by_fact:?}");
    println!(
        "header facts: {all_right} of {files} administrative files with every fact right ({:.1} %)",
        100.0 * all_right as f64 / files as f64
    );
    // Every file with all facts right is one of those: its type matched a template's.
    println!(
        "  {holdable} of the {files} have a type with a template and no more signers than its \
         draft holds (all a draft can hold): {all_right} of those {holdable} right ({:.1} %)",
        100.0 * all_right as f64 / holdable as f64
    );
    assert!(
        all_right >= ALL_RIGHT_MIN,
        "{all_right} files with every header fact right, fewer than the ratchet {ALL_RIGHT_MIN}"
    );
}

fn import_real(name: &str) -> Draft {
    let bytes = std::fs::read(real_corpus::dir().join(name)).unwrap();
    import_docx(&bytes, &Templates::builtin().unwrap())
        .unwrap()
        .draft
}

#[test]
fn vv_of_several_paragraphs_in_its_own_cell() {
    // "V/v triển khai thực hiện Công văn" / "số 3653/VPCP-CĐS" / "của Văn phòng Chính phủ",
    // three paragraphs of the header's third row, which recognition reads as the body.
    let d = import_real("014-cv-ubnd-lam-dong-3653.docx");
    assert_eq!(
        d.subject,
        "triển khai thực hiện Công văn số 3653/VPCP-CĐS của Văn phòng Chính phủ"
    );
    assert!(!d.fields.values().any(|v| v.contains("số 3653/VPCP-CĐS\n")));
}

#[test]
fn trich_yeu_stops_at_the_authority_line() {
    // No rule typed under the trích yếu: the centred capitals line under it is the
    // authority of the Quyết định, not its last line.
    let d = import_real("006-qd-ubnd-lam-dong-hd-xet-duyet.docx");
    assert!(
        d.subject.ends_with("địa bàn cấp tỉnh không ma túy"),
        "{}",
        d.subject
    );
    // A trích yếu centred with typed spaces.
    let d = import_real("042-qd-ubnd-ha-tinh-11-2018.docx");
    assert_eq!(
        d.subject,
        "Ban hành Quy định bảo vệ môi trường trên địa bàn tỉnh Hà Tĩnh"
    );
}

#[test]
fn recipient_lines_that_wrap_or_hang_belong_to_their_item() {
    // "- Các bộ, cơ quan ngang bộ," / "cơ quan thuộc Chính phủ;": one item.
    let d = import_real("051-nd-30-2020-chinh-phu.docx");
    assert!(d
        .recipients
        .items
        .contains(&"Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ".to_string()));
    // "- Gửi:" with its "+ Bản giấy: …" and "+ Bản điện tử: …" lines: one item.
    let d = import_real("041-ubnd-ha-tinh-de50.docx");
    assert!(d
        .recipients
        .items
        .last()
        .unwrap()
        .starts_with("Gửi: Bản giấy"));
}

#[test]
fn recipients_under_a_heading_laid_out_with_tabs() {
    // "Nơi nhận:⇥⇥⇥VĂN PHÒNG UBND TỈNH HÀ TĨNH", then the lines, typed without tabs.
    let d = import_real("045-lich-cong-tac-vp-ubnd-ha-tinh-2018.docx");
    assert_eq!(d.recipients.items.len(), 7, "{:?}", d.recipients);
    assert_eq!(d.recipients.archive, "VT, TKCT");
}

#[test]
fn a_title_in_capitals_that_runs_on_gives_the_trich_yeu() {
    // "CHƯƠNG TRÌNH CÔNG TÁC THÁNG 3 NĂM 2018" / "CỦA UỶ BAN NHÂN DÂN TỈNH", set under the
    // header after a few blank lines.
    let d = import_real("045-lich-cong-tac-vp-ubnd-ha-tinh-2018.docx");
    assert_eq!(d.template, "chuong-trinh");
    // Typed in capitals, the trích yếu is set in lower case (NĐ 30: "in thường"), the body's
    // name "Uỷ ban nhân dân" capitalised as Phụ lục II writes it.
    assert_eq!(
        d.subject,
        "Công tác tháng 3 năm 2018 của Uỷ ban nhân dân tỉnh"
    );
    // "THÔNG CÁO BÁO CHÍ" over a trích yếu in sentence case: the words name the document.
    let d = import_real("044-ubnd-ha-tinh-95c9.docx");
    assert_eq!(
        d.subject,
        "Về khắc phục hậu quả bão số 10 trên địa bàn tỉnh Hà Tĩnh"
    );
}

#[test]
fn no_recipients_in_the_original_adds_only_the_van_thu_and_says_so() {
    // A thông cáo with no Nơi nhận: no recipient is made up; the văn thư, who keeps every
    // state original, is the one line the draft prints, and the report asks for the rest.
    let bytes = std::fs::read(real_corpus::dir().join("044-ubnd-ha-tinh-95c9.docx")).unwrap();
    let i = import_docx(&bytes, &Templates::builtin().unwrap()).unwrap();
    assert!(i.draft.recipients.items.is_empty());
    assert_eq!(i.draft.recipients.archive, "VT");
    assert!(i
        .report
        .entries
        .iter()
        .any(|e| e.note.starts_with(NO_RECIPIENTS) && e.note.contains("cần bổ sung nơi nhận")));
}

#[test]
fn signatures_side_by_side_put_the_right_hand_one_first() {
    // A joint circular: the lead ministry (printed first in the header) signs on the right.
    let d = import_real("049-ttlt-17-2016-bgddt-btttt.docx");
    let names: Vec<&str> = d.signers.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Nguyễn Vinh Hiển", "Nguyễn Thành Hưng"]);
}

#[test]
fn a_sentence_that_starts_with_noi_nhan_is_not_the_heading() {
    // HD 36 explains "Nơi nhận văn bản xác định …" in its body, and shows signature blocks as
    // examples in tables; its own Nơi nhận and signature come after.
    let d = import_real("038-hd-36-vptw.docx");
    assert_eq!(d.recipients.items.len(), 4, "{:?}", d.recipients);
    let names: Vec<&str> = d.signers.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Bùi Văn Thạch"]);
}

#[test]
fn the_issued_with_line_may_read_ban_hanh_theo() {
    // "(Ban hành theo Quyết định số … của Trưởng Ban Quản trị …)" under a Quy chế's title
    // is not part of its trích yếu.
    let d = import_real("050-quy-che-stttt-ha-tinh-tmdt.docx");
    assert_eq!(
        d.subject,
        "Hoạt động của Sàn giao dịch thương mại điện tử tỉnh Hà Tĩnh"
    );
}

#[test]
fn legal_normative_documents_import_into_their_templates() {
    // A Thông tư, a Thông tư liên tịch and a Nghị định: the type from the tên loại, the
    // number with its year, the enacting line as its own field, the two ministries of the
    // joint circular as two issuers (the first one's name typed with " -" at its end).
    let d = import_real("046-du-thao-thong-tu-btc.docx");
    assert_eq!((d.template.as_str(), d.number), ("thong-tu", None));
    assert!(d.number_with_year);
    assert!(d.fields["dong_ban_hanh"].starts_with("Bộ trưởng Bộ Tài chính ban hành Thông tư"));
    assert!(
        !d.fields["can_cu"].contains("DỰ THẢO"),
        "{}",
        d.fields["can_cu"]
    );
    let d = import_real("049-ttlt-17-2016-bgddt-btttt.docx");
    assert_eq!(d.template, "thong-tu-lien-tich");
    let bodies: Vec<(&str, &str)> = d
        .issuers
        .iter()
        .map(|i| (i.name.as_str(), i.abbr.as_str()))
        .collect();
    assert_eq!(
        bodies,
        [
            ("BỘ GIÁO DỤC VÀ ĐÀO TẠO", "BGDĐT"),
            ("BỘ THÔNG TIN VÀ TRUYỀN THÔNG", "BTTTT")
        ]
    );
    let d = import_real("051-nd-30-2020-chinh-phu.docx");
    assert_eq!((d.template.as_str(), d.number), ("nghi-dinh", Some(30)));
    assert_eq!(
        d.fields["dong_ban_hanh"],
        "Chính phủ ban hành Nghị định về công tác văn thư"
    );
    assert!(d.fields["cac_dieu"].starts_with("Chương I. QUY ĐỊNH CHUNG"));
}

#[test]
fn vv_of_several_centred_paragraphs_outside_tables() {
    // A header typed with spaces and a tab, no table: "V/v triển khai thực hiện" / "Công văn
    // số 427/BCA-C04" / "của Bộ Công an", three centred 13 pt paragraphs alike, then "Kính
    // gửi: Công an tỉnh" placed by leading spaces. The two lines under the V/v are the
    // trích yếu, not body, and the Kính gửi is read as the addressee.
    let d = import_real("112-cv-ubnd-lam-dong-427-bca-tab-header.docx");
    assert_eq!(
        d.subject,
        "triển khai thực hiện Công văn số 427/BCA-C04 của Bộ Công an"
    );
    assert_eq!(d.addressees, ["Công an tỉnh"]);
    let body: String = d.fields.values().cloned().collect::<Vec<_>>().join("\n");
    assert!(
        !body.contains("của Bộ Công an\n") && !body.contains("Kính gửi"),
        "{body}"
    );
    assert!(body.starts_with("Ủy ban nhân dân tỉnh nhận được"), "{body}");
}

#[test]
fn a_title_line_under_the_room_to_sign_is_not_the_position() {
    // "TM. BAN CHỈ ĐẠO" / "PHÓ TRƯỞNG BAN" / six blank lines / "PHÓ CHỦ TỊCH UBND TỈNH" /
    // "Nguyễn Ngọc Phúc", in a footer table of two rows. The position is the line above the
    // room to sign; the signer's post in another body, under it, has no line in a draft's
    // signature block and is listed for review, not joined to the authority line.
    let bytes =
        std::fs::read(real_corpus::dir().join("114-cv-bcd-de-an-06-lam-dong-nhiem-vu-02-cap.docx"))
            .unwrap();
    let i = import_docx(&bytes, &Templates::builtin().unwrap()).unwrap();
    let s = &i.draft.signers[0];
    assert_eq!(s.authority, Some(vanban::model::Authority::Tm));
    assert_eq!(s.on_behalf.as_deref(), Some("BAN CHỈ ĐẠO"));
    assert!(s.stacked.is_empty(), "{s:?}");
    assert_eq!(s.position, "PHÓ TRƯỞNG BAN");
    assert_eq!(s.name, "Nguyễn Ngọc Phúc");
    let e = i
        .report
        .entries
        .iter()
        .find(|e| e.text_start == "PHÓ CHỦ TỊCH UBND TỈNH")
        .expect("the second title line is listed in the report");
    assert_eq!(e.kind, vanban::import::EntryKind::Review);
    assert!(e.note.contains("chỗ ký"), "{}", e.note);
}
