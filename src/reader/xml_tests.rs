//! Tests of the bounded XML tree (parse, limits, write back).

use super::*;

#[test]
fn common_names_are_sorted() {
    assert!(COMMON.windows(2).all(|w| w[0] < w[1]));
    assert!(matches!(
        intern("w:val"),
        std::borrow::Cow::Borrowed("w:val")
    ));
    assert_eq!(intern("w:zzz"), "w:zzz");
}

#[test]
fn resolves_prefixes_and_round_trips() {
    let src = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<x:document xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><x:body><x:p><x:r><x:t xml:space="preserve">A &amp; B &#x1EA0;</x:t></x:r></x:p></x:body></x:document>"#;
    let doc = parse(src.as_bytes(), 64).unwrap();
    assert!(doc.root.is_w("document"));
    let t = &doc.root.children[0];
    let Node::Element(body) = t else {
        panic!("body")
    };
    assert!(body.is_w("body"));
    let again = parse(&write(&doc), 64).unwrap();
    assert_eq!(again.root, doc.root);
    assert!(String::from_utf8(write(&doc))
        .unwrap()
        .contains("A &amp; B Ạ"));
}

#[test]
fn rejects_dtd_unknown_entities_and_deep_nesting() {
    let bomb = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><a>&lol;</a>"#;
    assert!(parse(bomb.as_bytes(), 64)
        .unwrap_err()
        .0
        .contains("DOCTYPE"));
    assert!(parse(b"<a>&lol;</a>", 64).unwrap_err().0.contains("lol"));
    let deep = "<a>".repeat(300) + &"</a>".repeat(300);
    assert!(parse(deep.as_bytes(), 256).unwrap_err().0.contains("256"));
    assert!(parse(b"<a><b></a>", 64).is_err());
    assert!(parse(b"<a>", 64).is_err());
    assert!(parse(b"", 64).is_err());
}
