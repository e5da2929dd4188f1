//! The drafts every back-end and round-trip test runs over: the examples of `examples/` and
//! every template starter in each system it declares, single and joint, filled as a
//! secretary would fill them (`starter_fill`) with a sentence in every empty field.

use vanban::draft::Draft;
use vanban::template::{TemplateDef, Templates};

use super::starter_fill::filled;

#[path = "../examples_dir/mod.rs"]
mod examples_dir;

/// The examples and the filled template starters, by name ("ke-hoach-State-joint=false").
pub fn examples_and_starters(templates: &Templates) -> Vec<(String, Draft)> {
    let mut out = Vec::new();
    for p in examples_dir::example_paths() {
        let d = Draft::from_toml(&std::fs::read_to_string(&p).unwrap()).unwrap();
        out.push((p.file_stem().unwrap().to_string_lossy().into_owned(), d));
    }
    for def in templates.list() {
        for &system in &def.systems {
            for joint in [false, true] {
                let mut d = Draft::starter(def, system, joint, 2024);
                filled(&mut d);
                fill_empty_fields(&mut d, def);
                out.push((format!("{}-{system:?}-joint={joint}", def.slug), d));
            }
        }
    }
    out
}

/// Puts a sentence into every form field of `def` that `d` leaves empty.
pub fn fill_empty_fields(d: &mut Draft, def: &TemplateDef) {
    for f in &def.fields {
        let v = d.fields.entry(f.name.clone()).or_default();
        if v.trim().is_empty() {
            *v = "Các cơ quan, đơn vị tổ chức thực hiện nghiêm túc.".into();
        }
    }
}
