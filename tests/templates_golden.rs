//! Golden tests of templates and numbering: each example draft rendered through its template
//! and shown as plain text (numbers, punctuation, casing, footnotes, signatures, Nơi nhận),
//! compared with a reviewed insta snapshot.

mod examples_dir;

use vanban::draft::Draft;
use vanban::model::plain_text;
use vanban::template::Templates;

#[test]
fn examples_render_as_reviewed() {
    let templates = Templates::builtin().unwrap();
    for path in examples_dir::example_paths() {
        let draft = Draft::from_toml(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let doc = draft.render(&templates).unwrap();
        let name = path.file_stem().unwrap().to_str().unwrap().to_string();
        insta::assert_snapshot!(name, plain_text(&doc));
    }
}
