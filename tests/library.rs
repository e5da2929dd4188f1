//! Tests of the SQLite library on real database files.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use chrono::NaiveDateTime;
use vanban::library::{Category, Library, LibraryError, NewClause, SearchQuery, Validity};

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap()
}

/// A library in a temp dir with a clock the test moves.
struct Fixture {
    _dir: tempfile::TempDir,
    path: std::path::PathBuf,
    now: Arc<Mutex<NaiveDateTime>>,
    lib: Library,
}

impl Fixture {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("thu-vien.sqlite3");
        let now = Arc::new(Mutex::new(at("2025-09-01 08:00:00")));
        let clock = now.clone();
        let lib =
            Library::open_with_clock(&path, Arc::new(move || *clock.lock().unwrap())).unwrap();
        Fixture {
            _dir: dir,
            path,
            now,
            lib,
        }
    }

    fn advance(&self, seconds: i64) {
        let mut n = self.now.lock().unwrap();
        *n += chrono::Duration::seconds(seconds);
    }
}

fn clause(title: &str, text: &str, category: Category) -> NewClause {
    NewClause {
        title: title.into(),
        text: text.into(),
        category,
        tags: Vec::new(),
        doc_types: Vec::new(),
        source: None,
        validity: Validity::InForce,
    }
}

fn titles(lib: &Library, q: &SearchQuery) -> Vec<String> {
    lib.search(q)
        .unwrap()
        .into_iter()
        .map(|h| h.clause.fields.title)
        .collect()
}

mod search {
    use super::*;

    #[test]
    fn finds_with_and_without_diacritics_including_d() {
        let mut f = Fixture::new();
        f.lib
            .add_clause(clause(
                "Công tác Dân vận",
                "Tăng cường công tác dân vận chính quyền.",
                Category::NoiDung,
            ))
            .unwrap();
        f.lib
            .add_clause(clause(
                "Cải cách",
                "Đẩy mạnh cải cách thủ tục hành chính.",
                Category::NoiDung,
            ))
            .unwrap();
        for q in ["dan van", "Dân vận", "DAN VAN", "dân van"] {
            assert!(
                titles(&f.lib, &SearchQuery::text(q)).contains(&"Công tác Dân vận".to_string()),
                "{q}"
            );
        }
        for q in ["day manh", "Đẩy mạnh", "đay manh", "đẩy mạnh cải"] {
            let found = titles(&f.lib, &SearchQuery::text(q));
            assert!(found.contains(&"Cải cách".to_string()), "{q}: {found:?}");
            assert!(
                !found.contains(&"Công tác Dân vận".to_string()),
                "{q}: {found:?}"
            );
        }
        assert!(titles(&f.lib, &SearchQuery::text("khong co gi nhu vay")).is_empty());
    }

    #[test]
    fn prefix_matches_as_one_types() {
        let f = Fixture::new();
        // The starter content holds the slogan "Dân biết, dân bàn, ...".
        for q in ["d", "da", "dan b", "dan bie", "dân biết, dân b"] {
            let found = titles(&f.lib, &SearchQuery::text(q));
            assert!(
                found.iter().any(|t| t.contains("Dân biết, dân bàn")),
                "{q}: {found:?}"
            );
        }
        // Every word must match: "dan bix" finds nothing with "bix".
        assert!(titles(&f.lib, &SearchQuery::text("dan biz")).is_empty());
    }

    #[test]
    fn filters_by_category_tag_and_doc_type() {
        let mut f = Fixture::new();
        let mut a = clause(
            "Căn cứ A dân vận",
            "Căn cứ văn bản A về dân vận;",
            Category::CanCu,
        );
        a.tags = vec!["Dân vận".into()];
        a.doc_types = vec!["ke-hoach".into()];
        f.lib.add_clause(a).unwrap();
        let mut b = clause(
            "Nội dung B dân vận",
            "Làm tốt công tác dân vận.",
            Category::NoiDung,
        );
        b.doc_types = vec!["chi-thi".into()];
        f.lib.add_clause(b).unwrap();
        let c = clause(
            "Nội dung C dân vận",
            "Công tác dân vận cho mọi loại văn bản.",
            Category::NoiDung,
        );
        f.lib.add_clause(c).unwrap();

        let q = |category, tag: Option<&str>, doc: Option<&str>| SearchQuery {
            text: "dan van".into(),
            category,
            tag: tag.map(Into::into),
            doc_type: doc.map(Into::into),
            limit: Some(50),
        };
        let found = titles(&f.lib, &q(Some(Category::CanCu), None, None));
        assert!(found.contains(&"Căn cứ A dân vận".to_string()));
        assert!(!found.iter().any(|t| t.starts_with("Nội dung")));
        // Tags compare without diacritics.
        assert_eq!(
            titles(&f.lib, &q(None, Some("dan van"), Some("ke-hoach")))[0],
            "Căn cứ A dân vận"
        );
        let found = titles(&f.lib, &q(Some(Category::NoiDung), None, Some("chi-thi")));
        assert!(found.contains(&"Nội dung B dân vận".to_string()));
        assert!(
            found.contains(&"Nội dung C dân vận".to_string()),
            "no doc type = suits any"
        );
        let found = titles(&f.lib, &q(Some(Category::NoiDung), None, Some("ke-hoach")));
        assert!(!found.contains(&"Nội dung B dân vận".to_string()));
        // Filters without text browse by usage.
        let browse = SearchQuery {
            category: Some(Category::PhuongCham),
            ..SearchQuery::default()
        };
        let hits = f.lib.search(&browse).unwrap();
        assert!(hits.len() >= 4);
        assert!(hits
            .iter()
            .all(|h| h.clause.fields.category == Category::PhuongCham));
    }

    #[test]
    fn ranks_by_relevance_then_usage() {
        let mut f = Fixture::new();
        // Relevance: a title match beats a passing mention in a long text.
        f.lib
            .add_clause(clause(
                "Bảo vệ môi trường",
                "Thực hiện nhiều nhiệm vụ kinh tế, xã hội, quốc phòng, an ninh, trong đó có quy hoạch đô thị \
                 và nhiều việc khác nữa của địa phương trong năm.",
                Category::NoiDung,
            ))
            .unwrap();
        let strong = f
            .lib
            .add_clause(clause(
                "Quy hoạch đô thị",
                "Quy hoạch đô thị văn minh, quy hoạch bền vững.",
                Category::NoiDung,
            ))
            .unwrap();
        assert_eq!(
            titles(&f.lib, &SearchQuery::text("quy hoach"))[0],
            "Quy hoạch đô thị"
        );
        // Usage: of two equally relevant clauses, the one used more comes first.
        let one = f
            .lib
            .add_clause(clause(
                "Tiếp công dân một",
                "Tổ chức tiếp công dân định kỳ.",
                Category::NoiDung,
            ))
            .unwrap();
        let two = f
            .lib
            .add_clause(clause(
                "Tiếp công dân hai",
                "Tổ chức tiếp công dân định kỳ.",
                Category::NoiDung,
            ))
            .unwrap();
        assert!(one.id < two.id && strong.id < one.id);
        for _ in 0..5 {
            f.lib.use_clause(one.id, &BTreeMap::new()).unwrap();
        }
        let found = titles(&f.lib, &SearchQuery::text("tiep cong dan"));
        assert_eq!(&found[..2], ["Tiếp công dân một", "Tiếp công dân hai"]);
        f.lib.use_clause(two.id, &BTreeMap::new()).unwrap();
        for _ in 0..10 {
            f.lib.use_clause(two.id, &BTreeMap::new()).unwrap();
        }
        let found = titles(&f.lib, &SearchQuery::text("tiep cong dan"));
        assert_eq!(&found[..2], ["Tiếp công dân hai", "Tiếp công dân một"]);
        let c = f.lib.clause(two.id).unwrap();
        assert_eq!(c.use_count, 11);
        assert_eq!(c.last_used.as_deref(), Some("2025-09-01T08:00:00"));
    }

    #[test]
    fn finds_edited_text_and_forgets_the_old() {
        let mut f = Fixture::new();
        let c = f
            .lib
            .add_clause(clause("Tạm", "Nội dung cũ về thủy lợi.", Category::Khac))
            .unwrap();
        let mut fields = c.fields.clone();
        fields.text = "Nội dung mới về giao thông nông thôn.".into();
        f.lib.edit_clause(c.id, fields).unwrap();
        assert!(titles(&f.lib, &SearchQuery::text("thuy loi")).is_empty());
        assert_eq!(titles(&f.lib, &SearchQuery::text("giao thong")), ["Tạm"]);
        f.lib.delete_clause(c.id).unwrap();
        assert!(titles(&f.lib, &SearchQuery::text("giao thong")).is_empty());
    }
}

mod clauses {
    use super::*;

    #[test]
    fn history_keeps_every_old_version() {
        let mut f = Fixture::new();
        let c = f
            .lib
            .add_clause(clause(
                "Căn cứ X",
                "Căn cứ Nghị định số 110/2004/NĐ-CP;",
                Category::CanCu,
            ))
            .unwrap();
        assert_eq!(c.version, 1);
        f.advance(60);
        let mut v2 = c.fields.clone();
        v2.text = "Căn cứ Nghị định số 30/2020/NĐ-CP;".into();
        let c2 = f.lib.edit_clause(c.id, v2.clone()).unwrap();
        assert_eq!(c2.version, 2);
        // Same content again: no new version.
        assert_eq!(f.lib.edit_clause(c.id, v2).unwrap().version, 2);
        f.advance(60);
        let c3 = f
            .lib
            .set_validity(
                c.id,
                Validity::Replaced {
                    by: "Nghị định Y".into(),
                },
            )
            .unwrap();
        assert_eq!(c3.version, 3);
        assert_eq!(c3.updated_at, "2025-09-01T08:02:00");
        let h = f.lib.clause_history(c.id).unwrap();
        assert_eq!(h.iter().map(|v| v.version).collect::<Vec<_>>(), [2, 1]);
        assert_eq!(h[1].fields.text, "Căn cứ Nghị định số 110/2004/NĐ-CP;");
        assert_eq!(h[0].fields.text, "Căn cứ Nghị định số 30/2020/NĐ-CP;");
        assert_eq!(h[0].fields.validity, Validity::InForce);
        assert_eq!(h[0].saved_at, "2025-09-01T08:02:00");
    }

    #[test]
    fn fills_tera_variables_at_insertion() {
        let mut f = Fixture::new();
        let c = f
            .lib
            .add_clause(clause(
                "Kết thúc",
                "Trên đây là Kế hoạch năm {{ nam }} của {{ co_quan }}./.",
                Category::KetThuc,
            ))
            .unwrap();
        let mut values = BTreeMap::new();
        values.insert("nam".to_string(), "2026".to_string());
        let err = f.lib.use_clause(c.id, &values).unwrap_err();
        assert!(
            err.to_string().contains("thiếu giá trị cho biến co_quan"),
            "{err}"
        );
        assert_eq!(
            f.lib.clause(c.id).unwrap().use_count,
            0,
            "a failed fill is not a use"
        );
        values.insert("co_quan".to_string(), "Văn phòng <UBND> & Sở".to_string());
        assert_eq!(
            f.lib.use_clause(c.id, &values).unwrap(),
            "Trên đây là Kế hoạch năm 2026 của Văn phòng <UBND> & Sở./."
        );
        // A Tera syntax error is refused when the clause is saved.
        let err = f
            .lib
            .add_clause(clause("Hỏng", "năm {{ nam ", Category::Khac))
            .unwrap_err();
        assert!(
            matches!(err, LibraryError::Invalid { ref field, .. } if field == "text"),
            "{err}"
        );
    }

    #[test]
    fn rejects_empty_fields() {
        let mut f = Fixture::new();
        let err = f
            .lib
            .add_clause(clause("  ", "x", Category::Khac))
            .unwrap_err();
        assert!(err.to_string().contains("tiêu đề"), "{err}");
        let mut c = clause("T", "x", Category::CanCu);
        c.validity = Validity::Replaced { by: " ".into() };
        assert!(f.lib.add_clause(c).is_err());
    }
}

mod starter {
    use super::*;

    #[test]
    fn new_library_holds_the_starter_set() {
        let f = Fixture::new();
        let found = titles(&f.lib, &SearchQuery::text("dan biet dan ban"));
        assert!(found[0]
            .contains("Dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng"));
        let bases = f
            .lib
            .search(&SearchQuery {
                category: Some(Category::CanCu),
                limit: Some(100),
                ..SearchQuery::default()
            })
            .unwrap();
        assert!(bases.len() >= 8);
        assert!(bases
            .iter()
            .any(|h| matches!(h.clause.fields.validity, Validity::Replaced { .. })));
        let bodies = f.lib.bodies().unwrap();
        let bdv = bodies
            .iter()
            .find(|b| b.fields.abbreviation == "BDVTU")
            .unwrap();
        assert_eq!(bdv.fields.superior.as_deref(), Some("TỈNH ỦY KIÊN GIANG"));
        assert!(f
            .lib
            .signers()
            .unwrap()
            .iter()
            .any(|s| s.fields.name == "Nguyễn Thị Cát Tiên"));
        let lists = f.lib.recipient_lists().unwrap();
        let xl = lists.iter().find(|l| l.archive == "VT, NV").unwrap();
        assert_eq!(xl.lines().last().unwrap(), "- Lưu: VT, NV.");
        assert_eq!(xl.lines()[0], "- UBND tỉnh Đồng Nai;");
        assert!(lists.iter().any(|l| l.electronic));
    }
}

mod schema {
    use super::*;

    const V1: &str = include_str!("fixtures/library/schema-v1.sql");

    #[test]
    fn upgrades_a_version_1_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cu.sqlite3");
        {
            let conn = rusqlite::Connection::open(&path).unwrap();
            conn.execute_batch(V1).unwrap();
        }
        let lib = Library::open(&path).unwrap();
        assert_eq!(
            lib.schema_version().unwrap(),
            vanban::library::schema::SCHEMA_VERSION
        );
        // Old rows survive with their history and are found through the rebuilt index,
        // including by tag (a column version 1 did not index).
        let c = lib.clause(1).unwrap();
        assert_eq!(c.fields.title, "Căn cứ Luật Cán bộ, công chức");
        assert_eq!(c.use_count, 7);
        assert_eq!(lib.clause_history(1).unwrap().len(), 1);
        assert_eq!(
            titles(&lib, &SearchQuery::text("luat can bo")),
            ["Căn cứ Luật Cán bộ, công chức"]
        );
        assert_eq!(
            titles(&lib, &SearchQuery::text("nhan su"))[0],
            "Căn cứ Luật Cán bộ, công chức"
        );
        // Version 2 and 3 parts exist: bodies and the starter set.
        assert!(!lib.bodies().unwrap().is_empty());
        lib.integrity_check().unwrap();
        drop(lib);
        // Opening again is a no-op.
        let lib = Library::open(&path).unwrap();
        assert_eq!(
            lib.all_clauses()
                .unwrap()
                .iter()
                .filter(|c| c.fields.title == "Căn cứ Luật Cán bộ, công chức")
                .count(),
            1
        );
    }

    #[test]
    fn refuses_a_newer_file_and_leaves_it_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("moi.sqlite3");
        {
            let conn = rusqlite::Connection::open(&path).unwrap();
            conn.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 99;")
                .unwrap();
        }
        let before = std::fs::read(&path).unwrap();
        let err = Library::open(&path).unwrap_err();
        assert!(
            matches!(err, LibraryError::NewerSchema { found: 99, .. }),
            "{err:?}"
        );
        assert!(
            err.to_string().contains("phiên bản Vanban mới hơn"),
            "{err}"
        );
        assert_eq!(err.exit_code(), 2);
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }

    #[test]
    fn a_file_that_is_not_a_database_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("rac.sqlite3");
        std::fs::write(&path, vec![0x42u8; 8192]).unwrap();
        let err = Library::open(&path).unwrap_err();
        assert_eq!(err.exit_code(), 2);
        assert!(err.to_string().contains("rac.sqlite3"), "{err}");
    }

    #[test]
    fn backup_is_a_consistent_copy() {
        let mut f = Fixture::new();
        f.lib
            .add_clause(clause("Sao lưu", "Nội dung cần sao lưu.", Category::Khac))
            .unwrap();
        let dest = f.path.with_file_name("sao-luu").join("ban-sao.sqlite3");
        f.lib.backup_to(&dest).unwrap();
        let copy = Library::open(&dest).unwrap();
        copy.integrity_check().unwrap();
        assert_eq!(titles(&copy, &SearchQuery::text("sao luu")), ["Sao lưu"]);
    }
}
