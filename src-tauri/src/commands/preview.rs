//! Live preview and checking of the draft being edited.

use serde::Serialize;
use tauri::State;
use vanban::draft::Draft;
use vanban::model::{Block, Document};
use vanban::preview::{self, DraftProblem, Preview};
use vanban::template::FieldKind;

use super::check::{check_view, CheckView};
use crate::state::AppState;

/// What the preview pane and the checking panel show for the current draft.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct PreviewResult {
    /// A4 pages of HTML; `None` if the draft cannot be rendered at all.
    pub preview: Option<Preview>,
    /// Missing or wrong values, each tied to its field.
    pub problems: Vec<DraftProblem>,
    /// The checker's findings on the rendered document (`None` if it could not render, or
    /// while problems remain, or when the checker failed).
    pub check: Option<CheckView>,
    /// Why the checker failed on a rendered, complete draft (Vietnamese); the UI shows it
    /// instead of "no errors".
    pub check_error: Option<String>,
}

/// Renders the draft for the preview (missing values shown as "…") and lists its problems.
#[tauri::command]
pub fn preview_draft(state: State<'_, AppState>, draft: Draft) -> PreviewResult {
    let out = preview::render_lenient(&draft, &state.templates);
    // Check only a complete draft: placeholders would be reported as faults of their own.
    let checked = out
        .document
        .as_ref()
        .filter(|_| out.problems.is_empty())
        .map(|doc| {
            vanban::check::check_document(doc, "bản thảo", &vanban::check::CheckOptions::default())
        });
    let (check, check_error) = match checked {
        Some(Ok(r)) => {
            let mut view = check_view(&r);
            if let Some(doc) = &out.document {
                name_body_fields(&mut view, &draft, &state.templates, doc);
            }
            (Some(view), None)
        }
        Some(Err(e)) => (None, Some(format!("Không kiểm tra được thể thức: {e}"))),
        None => (None, None),
    };
    PreviewResult {
        preview: out.document.as_ref().map(preview::render),
        problems: out.problems,
        check,
        check_error,
    }
}

/// Which markup field of the form each body block came from: each field's blocks, in the
/// template's order, found as a run in the rendered body (a field's text is inserted whole).
fn block_fields(
    draft: &Draft,
    templates: &vanban::template::Templates,
    doc: &Document,
) -> Vec<Option<String>> {
    let body: &[Block] = &doc.body.blocks;
    let mut owner = vec![None; body.len()];
    let Ok(def) = templates.get(&draft.template) else {
        return owner;
    };
    let mut from = 0;
    for f in def.fields.iter().filter(|f| f.kind == FieldKind::Markup) {
        let Some(value) = draft.fields.get(&f.name) else {
            continue;
        };
        let Ok(parsed) = vanban::markup::parse(value) else {
            continue;
        };
        let run = parsed.blocks;
        if run.is_empty() || run.len() > body.len() {
            continue;
        }
        let find = |start: usize| {
            (start..=body.len() - run.len()).find(|&p| body[p..p + run.len()] == run[..])
        };
        if let Some(p) = find(from.min(body.len())).or_else(|| find(0)) {
            for o in &mut owner[p..p + run.len()] {
                o.get_or_insert_with(|| format!("fields.{}", f.name));
            }
            from = p + run.len();
        }
    }
    owner
}

/// Names the form field of findings on body blocks (`body.blocks[3]` → `fields.noi_dung`), so
/// a fix is applied to that field and nowhere else.
fn name_body_fields(
    view: &mut CheckView,
    draft: &Draft,
    templates: &vanban::template::Templates,
    doc: &Document,
) {
    let owner = block_fields(draft, templates, doc);
    let rename = |field: &mut Option<String>| {
        let k = field
            .as_deref()
            .and_then(|f| f.strip_prefix("body.blocks["))
            .and_then(|f| f.strip_suffix(']'))
            .and_then(|k| k.parse::<usize>().ok());
        if let Some(name) = k.and_then(|k| owner.get(k).cloned().flatten()) {
            *field = Some(name);
        }
    };
    for d in &mut view.diagnostics {
        rename(&mut d.field);
    }
    for g in &mut view.groups {
        for d in &mut g.diagnostics {
            rename(&mut d.field);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use vanban::model::System;
    use vanban::template::Templates;

    #[test]
    fn body_blocks_map_to_their_form_field() {
        let t = Templates::builtin().unwrap();
        let mut d = Draft::starter(t.get("ke-hoach").unwrap(), System::State, false, 2024);
        d.place = "Bắc Kạn".into();
        d.subject = "Triển khai".into();
        d.recipients.archive = "VT, VP".into();
        for (k, v) in [
            ("mo_dau", "Thực hiện Kế hoạch số 89/KH-UBND,  như sau:"),
            (
                "muc_dich_yeu_cau",
                "- Nâng cao nhận thức.\n- Gắn với nhiệm vụ.",
            ),
            ("noi_dung", "Tuyên truyền."),
            ("to_chuc_thuc_hien", "Các phòng thực hiện."),
        ] {
            d.fields.insert(k.into(), v.into());
        }
        let doc = d.render(&t).unwrap();
        let owner = block_fields(&d, &t, &doc);
        let named: Vec<&str> = owner.iter().flatten().map(String::as_str).collect();
        assert_eq!(
            named,
            [
                "fields.mo_dau",
                "fields.muc_dich_yeu_cau",
                "fields.muc_dich_yeu_cau",
                "fields.noi_dung",
                "fields.to_chuc_thuc_hien"
            ]
        );
        let r = vanban::check::check_document(&doc, "bản thảo", &Default::default()).unwrap();
        let mut view = check_view(&r);
        name_body_fields(&mut view, &d, &t, &doc);
        let spaces = view
            .diagnostics
            .iter()
            .find(|d| {
                d.fix
                    .as_ref()
                    .and_then(|f| f.before.as_deref())
                    .is_some_and(|b| b.contains(",  "))
            })
            .expect("the double space is reported with a fix");
        assert_eq!(spaces.field.as_deref(), Some("fields.mo_dau"));
    }
}
