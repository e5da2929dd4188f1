use super::*;

fn write(dir: &Path, slug: &str, def: &str, body: &str) {
    let d = dir.join(slug);
    std::fs::create_dir_all(&d).unwrap();
    std::fs::write(d.join("template.toml"), def).unwrap();
    std::fs::write(d.join("body.tera"), body).unwrap();
}

#[test]
fn builtin_templates_load_and_cover_the_three_required_types() {
    let t = Templates::builtin().unwrap();
    for slug in ["ke-hoach", "chi-thi", "bao-cao"] {
        let def = t.get(slug).unwrap();
        assert!(!def.fields.is_empty(), "{slug}");
    }
}

#[test]
fn only_loads_the_one_type_a_render_needs() {
    let one = Templates::only("chi-thi", None).unwrap();
    assert_eq!(one.list().len(), 1);
    assert_eq!(one.get("chi-thi").unwrap().slug, "chi-thi");
    // An office folder's own version of the type wins, as with `with_dir`.
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "chi-thi",
        "type = { slug = \"chi-thi\", name = \"Chỉ thị\", state = \"CT\", party = \"CT\" }\n[[fields]]\nname = \"noi_dung\"\nlabel = \"Nội dung\"\nrequired = true\n",
        "{{ noi_dung }}\n",
    );
    let office = Templates::only("chi-thi", Some(dir.path())).unwrap();
    assert_eq!(office.get("chi-thi").unwrap().fields.len(), 1);
    // An unknown type loads everything, so the error names the types that exist.
    let all = Templates::only("khong-co", None).unwrap();
    let err = all.get("khong-co").unwrap_err().to_string();
    assert!(err.contains("ke-hoach"), "{err}");
}

#[test]
fn a_new_type_is_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "thong-bao-ket-luan",
        "type = { slug = \"thong-bao-ket-luan\", name = \"Thông báo kết luận\", state = \"TB\", party = \"TB\" }\n[[fields]]\nname = \"noi_dung\"\nlabel = \"Nội dung\"\nrequired = true\n",
        "# KẾT LUẬN\n{{ noi_dung }}\n",
    );
    let t = Templates::with_dir(dir.path()).unwrap();
    let def = t.get("thong-bao-ket-luan").unwrap();
    assert_eq!(def.doc_type.state.as_deref(), Some("TB"));
    let ctx = BodyContext {
        fields: [("noi_dung".to_string(), "Đoạn một.".to_string())].into(),
        ..BodyContext::default()
    };
    assert_eq!(
        t.render_body("thong-bao-ket-luan", &ctx).unwrap(),
        "# KẾT LUẬN\nĐoạn một.\n"
    );
    assert!(t.get("ke-hoach").is_ok(), "built-in types stay available");
}

#[test]
fn a_tera_syntax_error_names_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "hong",
        "type = \"ke-hoach\"\n",
        "dòng một\n{{ noi_dung \n",
    );
    let e = Templates::only_dir(dir.path()).unwrap_err();
    match &e {
        TemplateError::Syntax { line, path, .. } => {
            assert_eq!(*line, 2);
            assert!(path.ends_with("hong/body.tera"), "{path}");
        }
        other => panic!("expected a syntax error, got {other:?}"),
    }
    assert!(e.to_string().contains("dòng 2"), "{e}");
}

#[test]
fn an_undeclared_variable_is_refused_at_load() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "sai",
        "type = \"ke-hoach\"\n[[fields]]\nname = \"muc_dich\"\nlabel = \"Mục đích\"\n",
        "{{ muc_dic }}\n",
    );
    let e = Templates::only_dir(dir.path()).unwrap_err();
    assert!(
        matches!(e, TemplateError::UndeclaredVariable { ref variable, .. } if variable == "muc_dic"),
        "{e}"
    );
}

#[test]
fn unknown_type_and_bad_definition() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "x", "type = \"khong-co\"\n", "");
    assert!(Templates::only_dir(dir.path())
        .unwrap_err()
        .to_string()
        .contains("khong-co"));
    let t = Templates::builtin().unwrap();
    let e = t.get("khong-co").unwrap_err().to_string();
    assert!(e.contains("ke-hoach"), "{e}");
}
