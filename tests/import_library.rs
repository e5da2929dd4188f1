//! Import's library hooks: a Word document saved as a draft of the library, and its
//! paragraphs offered and saved as clauses ("Lưu thành điều khoản"), from the CLI.

use std::path::Path;
use std::process::Command;

fn vanban(args: &[&std::ffi::OsStr]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn an_imported_plan_is_saved_as_a_draft_and_its_bases_as_clauses() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("thu-vien.db");
    let src = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/real/001-qd-ubnd-lam-dong-bcd-du-lieu.docx");
    let out = dir.path().join("ban-thao.toml");
    let o = vanban(&[
        "import".as_ref(),
        src.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
        "--clauses".as_ref(),
        "--save".as_ref(),
        "--save-clauses".as_ref(),
        "--db".as_ref(),
        db.as_os_str(),
    ]);
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(
        o.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(
        stdout.contains("Đã lưu bản thảo vào thư viện: dự thảo 1"),
        "{stdout}"
    );
    assert!(stdout.contains("[Căn cứ] Căn cứ"), "{stdout}");
    assert!(stdout.contains("điều khoản vào thư viện"), "{stdout}");

    // The draft is in the library, with the document's trích yếu as its title.
    let o = vanban(&[
        "drafts".as_ref(),
        "list".as_ref(),
        "--db".as_ref(),
        db.as_os_str(),
    ]);
    let list = String::from_utf8_lossy(&o.stdout);
    assert!(list.contains("(quyet-dinh)"), "{list}");

    // Its căn cứ are found without diacritics, with the decision as their source.
    let o = vanban(&[
        "clauses".as_ref(),
        "search".as_ref(),
        "can cu luat".as_ref(),
        "--json".as_ref(),
        "--db".as_ref(),
        db.as_os_str(),
    ]);
    let found = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{found}");
    assert!(found.contains("Căn cứ Luật"), "{found}");
    assert!(found.contains("Quyết định"), "{found}");
}
