//! Which template an imported document is drafted in: the text attached to a decision, the
//! recognised type's template, a decision's that issues a Quy chế or Quy định, or the
//! công văn as a fallback (reported).

use super::report::{EntryKind, ImportReport};
use super::{attached, header, ImportError};
use crate::check::view::View;
use crate::layout::DocTypeTable;
use crate::model::System;
use crate::template::Templates;

/// The template a document whose type has none is imported into.
const FALLBACK_TEMPLATE: &str = "cong-van";

/// The template of a decision issuing the document of the first [`Block::Issued`] in
/// `blocks`, when one exists for that type and `def`'s type; else `def`.
pub(super) fn issuing_template<'t>(
    blocks: &[crate::model::Block],
    def: &'t crate::template::TemplateDef,
    system: System,
    templates: &'t Templates,
) -> &'t crate::template::TemplateDef {
    let issued = blocks.iter().find_map(|b| match b {
        crate::model::Block::Issued { doc_type, .. } => Some(doc_type),
        _ => None,
    });
    issued
        .and_then(|name| DocTypeTable::builtin().by_name(name))
        .and_then(|t| templates.get(&t.slug).ok())
        .filter(|t| t.doc_type.slug == def.doc_type.slug && t.systems.contains(&system))
        .unwrap_or(def)
}

/// The template of the recognised type, or the fallback with a report entry.
pub(super) fn template_for<'t>(
    view: &View,
    system: System,
    templates: &'t Templates,
    report: &mut ImportReport,
) -> Result<&'t crate::template::TemplateDef, ImportError> {
    if let Some(def) = attached::template(view, system, templates) {
        return Ok(def);
    }
    if let Some(t) = &view.doc_type {
        if let Ok(def) = templates.get(&t.slug) {
            if def.systems.contains(&system) || def.systems.is_empty() {
                return Ok(def);
            }
        }
        report.add(
            EntryKind::Review,
            view.parts.ten_loai.map(|i| view.paras[i].index),
            &t.name,
            &format!("chưa có mẫu cho loại \"{}\"; nhập thành công văn", t.name),
        );
    } else {
        let named = view
            .parts
            .ten_loai
            .map(|i| header::line(view, i))
            .and_then(|l| DocTypeTable::builtin().by_name(&l).map(|t| t.slug.clone()));
        if let Some(def) = named.and_then(|s| templates.get(&s).ok()) {
            return Ok(def);
        }
        report.add(
            EntryKind::Review,
            None,
            "",
            "không nhận ra loại văn bản; nhập thành công văn",
        );
    }
    Ok(templates.get(FALLBACK_TEMPLATE)?)
}
