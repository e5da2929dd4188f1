//! The block editor's view of a markup field, computed by the core: kinds, depths and the
//! labels the document prints (Phần, I., 1.1., đ)), so the UI never re-parses markup.

use vanban::markup::{self, LineShape, MarkupLine};
use vanban::model::System;

/// Splits a markup field into labelled lines.
#[tauri::command]
pub fn markup_lines(markup: String, system: System) -> Vec<MarkupLine> {
    markup::lines(&markup, system)
}

/// The labels of a field's lines while they are edited (from their kinds and depths only).
#[tauri::command]
pub fn label_lines(shapes: Vec<LineShape>, system: System) -> Vec<Option<String>> {
    markup::label_lines(&shapes, system)
}
