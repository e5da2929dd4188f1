//! Stacked signing authority (quyền hạn ký xếp chồng): "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH /
//! PHÓ CHỦ TỊCH" and "TL. CHỦ TỊCH / KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG", as most state
//! documents are signed: the draft, the .docx on paper and the checker on both.

use vanban::check::registry::Severity;
use vanban::check::{check_document, check_docx, CheckOptions};
use vanban::docx::write_docx;
use vanban::draft::{Draft, DraftError};
use vanban::reader::{read_docx, Limits};
use vanban::template::Templates;

/// The Chỉ thị example signed by a deputy on behalf of the People's Committee.
fn stacked_draft(system: &str, chain: &str) -> Draft {
    let text = std::fs::read_to_string("examples/chi-thi-03-dan-van-xuan-loc-2023.toml")
        .unwrap()
        .replace(
            "[[signers]]\nposition = \"CHỦ TỊCH\"",
            &format!("[[signers]]\n{chain}\nposition = \"Phó Chủ tịch\""),
        )
        .replace("system = \"state\"", &format!("system = \"{system}\""));
    Draft::from_toml(&text).unwrap()
}

const TM_KT: &str =
    "authority = \"tm\"\non_behalf = \"Ủy ban nhân dân\"\nstacked = [{ authority = \"kt\", on_behalf = \"Chủ tịch\" }]";

fn errors(d: &Draft) -> Vec<String> {
    let t = Templates::builtin().unwrap();
    let doc = d.render(&t).unwrap();
    let opts = CheckOptions::default();
    let mut out: Vec<String> = check_document(&doc, "draft", &opts)
        .unwrap()
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| format!("draft {} {}", d.rule, d.message))
        .collect();
    let bytes = write_docx(&doc).unwrap();
    out.extend(
        check_docx(&bytes, "docx", &opts)
            .unwrap()
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| format!("docx {} {}", d.rule, d.message)),
    );
    out
}

#[test]
fn a_stacked_block_prints_every_line_bold_in_order_and_checks_clean() {
    let d = stacked_draft("state", TM_KT);
    let t = Templates::builtin().unwrap();
    let bytes = write_docx(&d.render(&t).unwrap()).unwrap();
    let file = read_docx(&bytes, &Limits::default()).unwrap();
    let paras = file.paragraphs();
    let at = |text: &str| {
        paras
            .iter()
            .position(|p| p.text().trim() == text)
            .unwrap_or_else(|| panic!("no paragraph «{text}»"))
    };
    let (tm, kt, pct, name) = (
        at("TM. ỦY BAN NHÂN DÂN"),
        at("KT. CHỦ TỊCH"),
        at("PHÓ CHỦ TỊCH"),
        at("Nguyễn Thị Cát Tiên"),
    );
    assert!(tm < kt && kt < pct && pct < name, "{tm} {kt} {pct} {name}");
    for i in [tm, kt, pct, name] {
        assert!(
            paras[i].text_runs().all(|r| r.props.bold),
            "«{}» is bold on paper (Ô 7a, 7b)",
            paras[i].text()
        );
    }
    assert_eq!(errors(&d), Vec::<String>::new());
}

#[test]
fn an_office_signing_for_the_chairman_stacks_tl_over_kt() {
    let d = stacked_draft(
        "state",
        "authority = \"tl\"\non_behalf = \"Chủ tịch\"\nstacked = [{ authority = \"kt\", on_behalf = \"Chánh Văn phòng\" }]",
    );
    let lines: Vec<String> = d.signers[0]
        .title_lines(d.system)
        .into_iter()
        .map(|l| l.0)
        .collect();
    assert_eq!(
        lines,
        ["TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHỦ TỊCH"]
    );
    assert_eq!(errors(&d), Vec::<String>::new());
}

#[test]
fn a_party_block_may_not_stack_tuq() {
    let d = stacked_draft(
        "party",
        "authority = \"tm\"\non_behalf = \"Ban Thường vụ\"\nstacked = [{ authority = \"tuq\", on_behalf = \"Bí thư\" }]",
    );
    let errs = errors(&d);
    assert!(
        errs.iter()
            .any(|e| e.starts_with("draft HD36-602") && e.contains("TUQ.")),
        "{errs:#?}"
    );
    assert!(
        errs.iter()
            .any(|e| e.starts_with("docx HD36-602") && e.contains("TUQ.")),
        "the same finding on the .docx: {errs:#?}"
    );
}

#[test]
fn stacked_lines_need_a_first_authority_line() {
    let d = stacked_draft(
        "state",
        "stacked = [{ authority = \"kt\", on_behalf = \"Chủ tịch\" }]",
    );
    let err = d.render(&Templates::builtin().unwrap()).unwrap_err();
    assert!(
        matches!(&err, DraftError::Invalid { field, .. } if field == "signers[0].stacked"),
        "{err:?}"
    );
    assert!(err.to_string().contains("TM. ỦY BAN NHÂN DÂN"), "{err}");
}

#[test]
fn a_draft_keeps_its_stacked_lines_through_toml() {
    let d = stacked_draft("state", TM_KT);
    let again = Draft::from_toml(&d.to_toml()).unwrap();
    assert_eq!(again.signers, d.signers);
    assert!(d.to_toml().contains("stacked"), "{}", d.to_toml());
}
