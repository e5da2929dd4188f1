//! The body markup parser and its inverse: whatever parses writes back to markup that parses
//! to the same blocks (markup → blocks → markup is stable).
#![no_main]

use libfuzzer_sys::fuzz_target;
use vanban::markup::{parse, to_markup};

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(body) = parse(source) else {
        return;
    };
    let written = to_markup(&body);
    let again = parse(&written)
        .unwrap_or_else(|e| panic!("written markup does not parse: {e}\n{written:?}"));
    assert_eq!(
        body, again,
        "round trip changed the blocks\nwritten: {written:?}"
    );
    assert_eq!(written, to_markup(&again), "markup is not a fixed point");
});
