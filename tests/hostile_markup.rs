//! Regression tests for body markup inputs found by the `markup` fuzz target
//! (`fuzz/fuzz_targets/markup.rs`): whatever parses writes back to markup that parses to the
//! same blocks. Inputs are in `tests/fixtures/fuzz/`.

use std::path::Path;

use vanban::markup::{parse, to_markup};

fn round_trip(name: &str) {
    let bytes = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/fuzz")
            .join(name),
    )
    .unwrap();
    let source = String::from_utf8(bytes).unwrap();
    let Ok(body) = parse(&source) else {
        return;
    };
    let written = to_markup(&body);
    let again = parse(&written)
        .unwrap_or_else(|e| panic!("{name}: written markup does not parse: {e}\n{written}"));
    if let Some(i) = (0..body.blocks.len().max(again.blocks.len()))
        .find(|&i| body.blocks.get(i) != again.blocks.get(i))
    {
        panic!(
            "{name}: block {i} changed: {:?}\nbecame {:?}",
            body.blocks.get(i),
            again.blocks.get(i)
        );
    }
    assert_eq!(written, to_markup(&again), "{name}: not a fixed point");
}

#[test]
fn emphasis_markers_next_to_each_other_round_trip() {
    round_trip("markup-emphasis-round-trip.txt");
}

#[test]
fn a_paragraph_starting_with_a_space_round_trips() {
    round_trip("markup-leading-space-paragraph.txt");
}

#[test]
fn table_cells_round_trip() {
    round_trip("markup-table-cells.txt");
}

#[test]
fn an_empty_escaped_line_round_trips() {
    round_trip("markup-empty-escaped-line.txt");
}

#[test]
fn a_run_of_backslashes_before_a_numbered_line_round_trips() {
    round_trip("markup-backslash-run.txt");
}

#[test]
fn a_paragraph_that_looks_like_a_table_row_round_trips() {
    round_trip("markup-paragraph-like-a-table-row.txt");
}

#[test]
fn deep_heading_marks_round_trip() {
    round_trip("markup-heading-levels.txt");
}

#[test]
fn merged_cell_marks_round_trip() {
    // "<" and "^" valid and not, escaped, emphasised, in ragged rows and a one-column table.
    round_trip("markup-merged-cells.txt");
}

#[test]
fn landscape_appendix_marks_round_trip() {
    // "(trang ngang)" in and out of place, escaped, doubled, with no title after it.
    round_trip("markup-landscape-appendix.txt");
}
