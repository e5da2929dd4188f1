use super::*;

fn templates() -> Templates {
    Templates::builtin().unwrap()
}

#[test]
fn starter_drafts_render_for_every_template_and_system() {
    let t = templates();
    for def in t.list() {
        for &system in &def.systems {
            let mut d = Draft::starter(def, system, false, 2026);
            for f in &def.fields {
                d.fields
                    .insert(f.name.clone(), format!("Nội dung {}.", f.label));
            }
            let toml = d.to_toml();
            let back = Draft::from_toml(&toml).unwrap();
            assert_eq!(back, d);
            let doc = back
                .render(&t)
                .unwrap_or_else(|e| panic!("{} {system:?}: {e}", def.slug));
            assert!(!doc.body.blocks.is_empty());
        }
    }
}

#[test]
fn malformed_toml_names_the_line() {
    let e = Draft::from_toml("template = \"ke-hoach\"\nsystem = \"state\nplace = 1\n").unwrap_err();
    assert!(e.to_string().contains("dòng 2"), "{e}");
    let e = Draft::from_toml("template = \"ke-hoach\"\nsystem = \"nha-nuoc\"\n").unwrap_err();
    assert!(
        e.to_string().contains("dòng 2") && e.to_string().contains("nha-nuoc"),
        "{e}"
    );
}

#[test]
fn missing_required_field_is_named() {
    let t = templates();
    let def = t.get("ke-hoach").unwrap();
    let mut d = Draft::starter(def, System::State, false, 2026);
    let required = def.fields.iter().find(|f| f.required).unwrap();
    d.fields.insert(required.name.clone(), "  ".into());
    let e = d.render(&t).unwrap_err();
    assert!(
        e.to_string().contains(&format!("fields.{}", required.name)),
        "{e}"
    );
    let mut d = Draft::starter(def, System::State, false, 2026);
    d.signers[0].name.clear();
    assert!(d
        .render(&t)
        .unwrap_err()
        .to_string()
        .contains("signers[0].name"));
}

#[test]
fn unknown_template_lists_the_available_ones() {
    let t = templates();
    let mut d = Draft::starter(t.get("ke-hoach").unwrap(), System::State, false, 2026);
    d.template = "phap-lenh".into();
    let e = d.render(&t).unwrap_err().to_string();
    assert!(e.contains("phap-lenh") && e.contains("ke-hoach"), "{e}");
}

#[test]
fn markup_errors_point_into_the_field() {
    let t = templates();
    let def = t.get("ke-hoach").unwrap();
    let mut d = Draft::starter(def, System::State, false, 2026);
    let field = def
        .fields
        .iter()
        .find(|f| f.kind == FieldKind::Markup)
        .unwrap();
    d.fields
        .insert(field.name.clone(), "Dòng một.\nDòng **hai.".into());
    let e = d.render(&t).unwrap_err().to_string();
    assert!(
        e.contains(&format!("fields.{}", field.name)) && e.contains("dòng 2"),
        "{e}"
    );
}
