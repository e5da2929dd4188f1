//! Generated bodies through the import round trip: a plan (kế hoạch) and a decision (quyết
//! định) whose fields hold random blocks (Phần, mục, Chương, Mục, numbered items at three levels, headings,
//! điểm, dashes, plus items, paragraphs with bold and italic words, footnotes, tables,
//! articles titled, run-in and bare ("Điều 2." alone), a Phụ lục; a công văn with its addressees) are rendered to .docx, imported and rendered again; the two
//! laid-out documents must be equal; the letters are signed with generated authority chains
//! (none, TM., TM. + KT., TL. + KT., KT., Q.). `PROPTEST_CASES` overrides the default of 72
//! cases a test (216 generated drafts a run).

mod starter_fill;
use starter_fill::filled;

use std::sync::OnceLock;

use proptest::prelude::*;
use proptest::test_runner::Config;

use vanban::docx::write_laid_out;
use vanban::draft::Draft;
use vanban::import::import_docx;
use vanban::laid::lay_out;
use vanban::model::{plain_text_of, Authority, AuthorityLine, System};
use vanban::template::Templates;

fn templates() -> &'static Templates {
    static T: OnceLock<Templates> = OnceLock::new();
    T.get_or_init(|| Templates::builtin().expect("built-in templates load"))
}

const WORDS: &[&str] = &[
    "tăng",
    "cường",
    "công",
    "tác",
    "dân",
    "vận",
    "chính",
    "quyền",
    "các",
    "cấp",
    "triển",
    "khai",
    "thực",
    "hiện",
    "nghị",
    "quyết",
    "năm",
    "2024",
    "“Dân",
    "vận",
    "khéo”",
    "hiệu",
    "quả",
    "(nếu",
    "có)",
    "số",
    "15/KH-UBND",
    "Sở",
    "Nội",
    "vụ",
    "xã,",
    "phường;",
];

/// A few words, the first with a capital, some bold or italic.
fn words(min: usize, max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec((0..WORDS.len(), 0u8..8), min..max).prop_map(|ws| {
        ws.iter()
            .enumerate()
            .map(|(k, (w, style))| {
                let mut w = WORDS[*w].to_string();
                if k == 0 {
                    let mut c = w.chars();
                    w = c
                        .next()
                        .map(|f| f.to_uppercase().collect::<String>())
                        .unwrap_or_default()
                        + c.as_str();
                }
                // Emphasis on words after the first only, so a whole line is never bold.
                match style {
                    0 if k > 0 => format!("**{w}**"),
                    1 if k > 0 => format!("*{w}*"),
                    _ => w,
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    })
}

fn plain_words(min: usize, max: usize) -> impl Strategy<Value = String> {
    words(min, max).prop_map(|s| s.replace('*', ""))
}

/// One line of body markup.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        words(3, 12),
        words(3, 12).prop_map(|s| format!("1. {s}")),
        words(3, 12).prop_map(|s| format!("1.1. {s}")),
        words(3, 12).prop_map(|s| format!("1.1.1. {s}")),
        plain_words(2, 6).prop_map(|s| format!("## {s}")),
        plain_words(2, 6).prop_map(|s| format!("### {s}")),
        words(3, 12).prop_map(|s| format!("a) {s}")),
        words(3, 12).prop_map(|s| format!("- {s}")),
        words(3, 12).prop_map(|s| format!("+ {s}")),
        plain_words(2, 6).prop_map(|s| format!("# {s}")),
        plain_words(2, 6).prop_map(|s| format!("= {s}")),
        (words(3, 8), plain_words(2, 6)).prop_map(|(s, n)| format!("{s}^[{n}.] tiếp theo.")),
        (
            plain_words(1, 3),
            plain_words(1, 3),
            plain_words(1, 3),
            plain_words(1, 3)
        )
            .prop_map(|(a, b, c, d)| format!("| {a} | {b} |\n|---|---|\n| {c} | {d} |\n")),
    ]
}

fn lines(min: usize, max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(line(), min..max).prop_map(|v| v.join("\n"))
}

fn article() -> impl Strategy<Value = String> {
    (plain_words(2, 6), words(3, 10), lines(0, 4), 0..3u8).prop_map(|(title, text, body, kind)| {
        match kind {
            0 => format!("Điều 1: {text}\n{body}"),
            1 => format!("Điều 1. {title}\n{body}"),
            // "Điều 1." alone, its khoản under it.
            _ => format!("Điều 1.\n1. {text}\n{body}"),
        }
    })
}

fn chapter_or_division() -> impl Strategy<Value = String> {
    prop_oneof![
        plain_words(2, 5).prop_map(|s| format!("Chương I. {s}")),
        plain_words(2, 5).prop_map(|s| format!("Mục 1. {s}")),
    ]
}

fn round_trip(d: &Draft) -> Result<(), String> {
    let t = templates();
    let doc = d.render(t).map_err(|e| format!("original render: {e}"))?;
    let laid = lay_out(&doc);
    let bytes = write_laid_out(&laid).map_err(|e| e.to_string())?;
    let imported = import_docx(&bytes, t).map_err(|e| e.to_string())?;
    let again = imported
        .draft
        .render(t)
        .map_err(|e| format!("{e}\n{}", imported.draft.to_toml()))?;
    let laid_again = lay_out(&again);
    if laid_again == laid {
        return Ok(());
    }
    let (a, b) = (plain_text_of(&laid), plain_text_of(&laid_again));
    let first = a
        .lines()
        .zip(b.lines())
        .find(|(x, y)| x != y)
        .map(|(x, y)| format!("original: {x}\nimported: {y}"))
        .unwrap_or_else(|| {
            let (x, y) = (format!("{laid:#?}"), format!("{laid_again:#?}"));
            let at = x
                .lines()
                .zip(y.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(0);
            let around = |s: &str| {
                s.lines()
                    .skip(at.saturating_sub(10))
                    .take(14)
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            format!(
                "same text, different layout\n{}\n---\n{}",
                around(&x),
                around(&y)
            )
        });
    Err(format!(
        "{first}\n--- original draft\n{}\n--- imported\n{}",
        d.to_toml(),
        imported.draft.to_toml()
    ))
}

fn config() -> Config {
    Config {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(72),
        failure_persistence: None,
        ..Config::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn generated_plans_round_trip(
        party in any::<bool>(),
        joint in any::<bool>(),
        mo_dau in words(4, 14),
        muc_dich in lines(1, 5),
        noi_dung in lines(1, 8),
        to_chuc in lines(1, 5),
    ) {
        let t = templates();
        let system = if party { System::Party } else { System::State };
        let mut d = Draft::starter(t.get("ke-hoach").unwrap(), system, joint, 2024);
        filled(&mut d);
        d.fields.insert("mo_dau".into(), mo_dau);
        d.fields.insert("muc_dich_yeu_cau".into(), muc_dich);
        d.fields.insert("tieu_de_noi_dung".into(), "Nội dung".into());
        d.fields.insert("noi_dung".into(), noi_dung);
        d.fields.insert("to_chuc_thuc_hien".into(), to_chuc);
        if let Err(e) = round_trip(&d) {
            prop_assert!(false, "{e}");
        }
    }

    #[test]
    fn generated_decisions_round_trip(
        party in any::<bool>(),
        chapters in prop::collection::vec(prop::option::of(chapter_or_division()), 1..5),
        articles in prop::collection::vec(article(), 1..5),
        hieu_luc in words(4, 10),
        trach_nhiem in words(4, 10),
        appendix in prop::option::of((plain_words(2, 5), lines(1, 4))),
    ) {
        let t = templates();
        let system = if party { System::Party } else { System::State };
        let mut d = Draft::starter(t.get("quyet-dinh").unwrap(), system, false, 2024);
        filled(&mut d);
        let body: Vec<String> = articles
            .iter()
            .zip(chapters.iter().chain(std::iter::repeat(&None)))
            .map(|(a, c)| match c {
                Some(c) => format!("{c}\n{a}"),
                None => a.clone(),
            })
            .collect();
        d.fields.insert("cac_dieu".into(), body.join("\n"));
        if let Some((title, content)) = appendix {
            d.fields.insert("phu_luc_ten".into(), title);
            d.fields.insert("phu_luc".into(), content);
        }
        d.fields.insert("hieu_luc".into(), hieu_luc);
        d.fields.insert("trach_nhiem".into(), trach_nhiem);
        if let Err(e) = round_trip(&d) {
            prop_assert!(false, "{e}");
        }
    }

    #[test]
    fn generated_letters_round_trip(
        party in any::<bool>(),
        addressees in prop::collection::vec(plain_words(2, 6), 0..4),
        body in lines(1, 8),
        closing in prop::option::of(words(3, 8)),
        chain in 0usize..6,
    ) {
        let t = templates();
        let system = if party { System::Party } else { System::State };
        let mut d = Draft::starter(t.get("cong-van").unwrap(), system, false, 2024);
        filled(&mut d);
        sign_with_chain(&mut d.signers[0], chain);
        d.addressees = addressees;
        d.fields.insert("noi_dung".into(), body);
        if let Some(c) = closing {
            d.fields.insert("ket_thuc".into(), c);
        }
        if let Err(e) = round_trip(&d) {
            prop_assert!(false, "{e}");
        }
    }

    #[test]
    fn generated_minutes_round_trip(
        party in any::<bool>(),
        signers in 1usize..=3,
        noi_dung in lines(1, 6),
        third_role in 0usize..THIRD_ROLES.len(),
    ) {
        let t = templates();
        let system = if party { System::Party } else { System::State };
        let mut d = Draft::starter(t.get("bien-ban").unwrap(), system, false, 2024);
        filled(&mut d);
        d.signers = MINUTES_SIGNERS[..signers]
            .iter()
            .map(|(position, name)| vanban::model::Signer {
                position: (*position).into(),
                name: (*name).into(),
                ..Default::default()
            })
            .collect();
        if let Some(third) = d.signers.get_mut(2) {
            third.position = THIRD_ROLES[third_role].into();
        }
        d.fields.insert("noi_dung".into(), noi_dung);
        if let Err(e) = round_trip(&d) {
            prop_assert!(false, "{e}");
        }
    }
}

/// The people of one body who sign a Biên bản side by side: the chủ tọa, the thư ký and
/// perhaps a third, each named in capitals by role, as the template's starter does.
const MINUTES_SIGNERS: [(&str, &str); 3] = [
    ("CHỦ TỌA", "Nguyễn Văn An"),
    ("THƯ KÝ", "Trần Thị Bình"),
    ("GIẢNG VIÊN CHỦ NHIỆM", "Lê Hoàng Cường"),
];

/// Roles of a third signer beside the chủ tọa and the thư ký, short and long enough to wrap
/// in a third of the text width.
const THIRD_ROLES: [&str; 4] = [
    "GIẢNG VIÊN CHỦ NHIỆM LỚP",
    "ĐẠI DIỆN CÔNG ĐOÀN",
    "NGƯỜI GHI",
    "ĐẠI DIỆN BAN CHẤP HÀNH ĐOÀN TRƯỜNG",
];

/// Signs with authority chain number `chain`: none, TM., TM. + KT., TL. + KT., KT., Q.
fn sign_with_chain(s: &mut vanban::model::Signer, chain: usize) {
    let line = |authority, on_behalf: &str| AuthorityLine {
        authority,
        on_behalf: on_behalf.to_string(),
    };
    let (authority, on_behalf, stacked, position) = match chain {
        0 => (None, None, vec![], "CHỦ TỊCH"),
        1 => (
            Some(Authority::Tm),
            Some("ỦY BAN NHÂN DÂN"),
            vec![],
            "CHỦ TỊCH",
        ),
        2 => (
            Some(Authority::Tm),
            Some("ỦY BAN NHÂN DÂN"),
            vec![line(Authority::Kt, "CHỦ TỊCH")],
            "PHÓ CHỦ TỊCH",
        ),
        3 => (
            Some(Authority::Tl),
            Some("CHỦ TỊCH"),
            vec![line(Authority::Kt, "CHÁNH VĂN PHÒNG")],
            "PHÓ CHÁNH VĂN PHÒNG",
        ),
        4 => (
            Some(Authority::Kt),
            Some("GIÁM ĐỐC"),
            vec![],
            "PHÓ GIÁM ĐỐC",
        ),
        _ => (Some(Authority::Q), None, vec![], "GIÁM ĐỐC"),
    };
    s.authority = authority;
    s.on_behalf = on_behalf.map(str::to_string);
    s.stacked = stacked;
    s.position = position.to_string();
}

/// Found by `generated_letters_round_trip`: a công văn whose body opens with a Phần titled
/// with a type's name ("NGHỊ QUYẾT TĂNG", centred in capitals right under the V/v and Kính
/// gửi) was read as a Nghị quyết with a long tên loại.
#[test]
fn a_letter_whose_first_part_starts_with_a_type_name_stays_a_letter() {
    let t = templates();
    for system in [System::State, System::Party] {
        let mut d = Draft::starter(t.get("cong-van").unwrap(), system, false, 2024);
        filled(&mut d);
        d.fields.insert(
            "noi_dung".into(),
            "= Nghị quyết tăng\nNội dung thứ nhất.".into(),
        );
        if let Err(e) = round_trip(&d) {
            panic!("{system:?}: {e}");
        }
    }
}
