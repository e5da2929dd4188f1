//! Spreading the body markup over the template's form fields (điền các trường của mẫu).
//!
//! The template's `body.tera` is rendered with a marker in each field, which gives the
//! pattern the body follows: fixed lines ("# MỤC ĐÍCH, YÊU CẦU"), lines that are one field,
//! fields within a line ("**Tới dự:** {{ noi_dung }}"). The imported body's markup lines are
//! matched against it by dynamic programming, at the least cost: an exact match costs
//! nothing; a fixed line the original lacks (the template will add it) or a required field
//! left empty costs one each and is reported. Optional fields are tried present and absent.

use std::collections::BTreeMap;

use crate::markup;
use crate::model::text;
use crate::template::{BodyContext, FieldKind, TemplateDef, Templates};

use super::report::{EntryKind, ImportReport};

/// Marker characters around a field's number in the pattern (private use area).
const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

/// One line of the pattern.
#[derive(Debug, Clone, PartialEq)]
enum Item {
    /// A fixed line of the template.
    Literal(String),
    /// A field on lines of its own: a markup field takes any number, a line field one.
    Field { field: usize, multi: bool },
    /// A field inside a line, between fixed text.
    Inline {
        field: usize,
        prefix: String,
        suffix: String,
    },
}

/// The fields of `def` with values, and the report entries of the match.
#[derive(Debug, Default)]
pub(super) struct Spread {
    /// Field values by name.
    pub fields: BTreeMap<String, String>,
    /// Whether the body fitted the template's layout with every required field found (no
    /// "..." filled in, nothing dumped into the first field).
    pub fitted: bool,
}

/// The value of a switch field that is on (bật): any non-empty text turns it on.
const SWITCH_ON: &str = "có";
/// Cost of one departure from the pattern.
const STEP: u32 = 1;
/// No match.
const NEVER: u32 = u32::MAX / 4;
/// How many optional fields (the first, in the template's order) are tried present and
/// absent; the others stay present. Six: the quyet-dinh template's tham_quyen, hieu_luc,
/// trach_nhiem_lien, phu_luc_ten, phu_luc_ngang and phu_luc all vary in real decisions.
const MAX_TRIED_OPTIONAL: usize = 6;
/// The choice of an inline item that takes its line without the text around the field.
const BARE: usize = usize::MAX - 1;

fn canonical(line: &str) -> String {
    let line = line.trim();
    let canon = match markup::parse(line) {
        Ok(body) if body.blocks.len() == 1 => markup::to_markup(&body).trim().to_string(),
        _ => line.to_string(),
    };
    text::upper(&canon)
}

/// The pattern of `def` with the fields in `present` filled.
fn pattern(
    templates: &Templates,
    def: &TemplateDef,
    ctx: &BodyContext,
    present: &[bool],
) -> Option<Vec<Item>> {
    let mut ctx = ctx.clone();
    ctx.fields = def
        .fields
        .iter()
        .enumerate()
        .map(|(k, f)| {
            let v = if present[k] {
                format!("{OPEN}{k}{CLOSE}")
            } else {
                String::new()
            };
            (f.name.clone(), v)
        })
        .collect();
    let rendered = templates.render_body(&def.slug, &ctx).ok()?;
    let mut items = Vec::new();
    for raw in rendered.lines() {
        let l = raw.trim();
        if l.is_empty() {
            continue;
        }
        let opens: Vec<usize> = l.match_indices(OPEN).map(|(i, _)| i).collect();
        match opens.as_slice() {
            [] => items.push(Item::Literal(canonical(l))),
            [start] => {
                let close = l[*start..].find(CLOSE)? + start;
                let field: usize = l[start + OPEN.len_utf8()..close].parse().ok()?;
                let prefix = l[..*start].to_string();
                let suffix = l[close + CLOSE.len_utf8()..].to_string();
                if prefix.is_empty() && suffix.is_empty() {
                    let multi = def.fields.get(field)?.kind == FieldKind::Markup;
                    items.push(Item::Field { field, multi });
                } else {
                    items.push(Item::Inline {
                        field,
                        prefix,
                        suffix,
                    });
                }
            }
            _ => return None,
        }
    }
    Some(items)
}

/// A match of the pattern: for each field, the range of lines or the inline value; and the
/// departures.
#[derive(Debug, Default)]
struct Matched {
    values: BTreeMap<usize, String>,
    skipped: Vec<String>,
    bare: Vec<String>,
    empty_required: Vec<usize>,
}

/// Matches `lines` against `items` at the least cost (dynamic programming over pattern item
/// and line position); `None` when no match exists.
fn best_match(items: &[Item], lines: &[String], def: &TemplateDef) -> Option<(u32, Matched)> {
    let n = lines.len();
    let p = items.len();
    let required = |f: usize| def.fields.get(f).is_some_and(|d| d.required);
    let blank_from: Vec<bool> = {
        let mut v = vec![true; n + 1];
        for i in (0..n).rev() {
            v[i] = v[i + 1] && lines[i].trim().is_empty();
        }
        v
    };
    let upper: Vec<String> = lines.iter().map(|l| text::upper(l.trim())).collect();
    // cost[q][i]: the least cost of matching items[q..] with lines[i..].
    let mut cost = vec![vec![NEVER; n + 1]; p + 1];
    // choice[q][i]: lines the item at q takes (usize::MAX: skipped).
    let mut choice = vec![vec![0usize; n + 1]; p + 1];
    for i in 0..=n {
        cost[p][i] = if blank_from[i] { 0 } else { NEVER };
    }
    for q in (0..p).rev() {
        // For a multi-line field: the best over every end, from the right.
        let mut best_end = (NEVER, n);
        for i in (0..=n).rev() {
            let mut here = (NEVER, 0usize);
            match &items[q] {
                Item::Literal(l) => {
                    if i < n && upper[i] == *l {
                        here = (cost[q + 1][i + 1], 1);
                    }
                    let skip = cost[q + 1][i].saturating_add(STEP);
                    if skip < here.0 {
                        here = (skip, usize::MAX);
                    }
                }
                Item::Field { field, multi } => {
                    if *multi {
                        // best_end holds the best end among e > i (the largest on ties).
                        // On a tie a field takes the lines when it is required or follows a
                        // fixed heading (the section that heading opens, printed with it).
                        let opt = !required(*field);
                        let none = cost[q + 1][i].saturating_add(if opt { 0 } else { STEP });
                        let take = best_end.0;
                        let heads = q > 0 && matches!(items[q - 1], Item::Literal(_));
                        here = if take < none || take == none && (!opt || heads) && take < NEVER {
                            (take, best_end.1 - i)
                        } else {
                            (none, 0)
                        };
                        if cost[q + 1][i] < best_end.0 {
                            best_end = (cost[q + 1][i], i);
                        }
                    } else {
                        if i < n && !lines[i].trim().is_empty() {
                            here = (cost[q + 1][i + 1], 1);
                        }
                        let none =
                            cost[q + 1][i].saturating_add(if required(*field) { STEP } else { 0 });
                        if none < here.0 {
                            here = (none, 0);
                        }
                    }
                }
                Item::Inline {
                    field,
                    prefix,
                    suffix,
                } => {
                    let l = lines.get(i).map(|l| l.trim()).unwrap_or("");
                    if i < n
                        && l.starts_with(prefix.trim_start())
                        && l.ends_with(suffix.trim_end())
                        && l.len() >= prefix.trim_start().len() + suffix.trim_end().len()
                    {
                        here = (cost[q + 1][i + 1], 1);
                    } else if i < n && !l.is_empty() && required(*field) {
                        // The line is a required field's value without the template's text
                        // around it (a closing article typed without "Điều n."): the template
                        // adds it.
                        let bare = cost[q + 1][i + 1].saturating_add(STEP);
                        if bare < here.0 {
                            here = (bare, BARE);
                        }
                    }
                    let skip = cost[q + 1][i].saturating_add(STEP);
                    if skip < here.0 {
                        here = (skip, usize::MAX);
                    }
                }
            }
            cost[q][i] = here.0;
            choice[q][i] = here.1;
        }
    }
    if cost[0][0] >= NEVER {
        return None;
    }
    // Walk the choices.
    let mut m = Matched::default();
    let mut i = 0;
    for (q, item) in items.iter().enumerate() {
        let take = choice[q][i];
        match item {
            Item::Literal(l) => {
                if take == usize::MAX {
                    m.skipped.push(l.clone());
                } else {
                    i += 1;
                }
            }
            Item::Field { field, .. } => {
                let value = lines[i..i + take].join("\n");
                let value = value.trim_matches('\n').to_string();
                if value.trim().is_empty() && required(*field) {
                    m.empty_required.push(*field);
                }
                m.values.insert(*field, value);
                i += take;
            }
            Item::Inline {
                field,
                prefix,
                suffix,
            } => {
                if take == usize::MAX {
                    m.skipped.push(format!("{prefix}…{suffix}"));
                    if required(*field) {
                        m.empty_required.push(*field);
                    }
                } else if take == BARE {
                    m.bare.push(format!("{prefix}{}", lines[i].trim()));
                    m.values.insert(*field, lines[i].trim().to_string());
                    i += 1;
                } else {
                    let l = lines[i].trim();
                    let v = &l[prefix.trim_start().len()..l.len() - suffix.trim_end().len()];
                    m.values.insert(*field, v.trim().to_string());
                    if v.trim().is_empty() && required(*field) {
                        m.empty_required.push(*field);
                    }
                    i += 1;
                }
            }
        }
    }
    Some((cost[0][0], m))
}

/// Whether rendering `def` with the matched values prints every line of the body, in order
/// (the template may add its fixed lines): a field inside a false `{% if %}` would not be.
fn keeps_everything(
    templates: &Templates,
    def: &TemplateDef,
    ctx: &BodyContext,
    m: &Matched,
    lines: &[String],
) -> bool {
    let mut ctx = ctx.clone();
    ctx.fields = def
        .fields
        .iter()
        .enumerate()
        .map(|(k, f)| {
            let v = if m.empty_required.contains(&k) {
                "...".to_string()
            } else {
                m.values.get(&k).cloned().unwrap_or_default()
            };
            (f.name.clone(), v)
        })
        .collect();
    let Ok(rendered) = templates.render_body(&def.slug, &ctx) else {
        return false;
    };
    let mut out = rendered.lines().map(str::trim);
    lines
        .iter()
        .flat_map(|l| l.lines())
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .all(|l| out.any(|r| r.contains(l)))
}

/// Spreads `body_markup` over the fields of `def`. `ctx` gives the header facts a template
/// may print. Departures from the template are reported.
pub(super) fn spread(
    templates: &Templates,
    def: &TemplateDef,
    ctx: &BodyContext,
    body_markup: &str,
    report: &mut ImportReport,
) -> Spread {
    // A table's rows stay together: one unit of lines, never split between two fields.
    let mut lines: Vec<String> = Vec::new();
    let is_row = |l: &str| l.starts_with('|') && l.ends_with('|');
    let mut in_table = false;
    for l in body_markup.lines() {
        let row = is_row(l.trim());
        match lines.last_mut() {
            Some(last) if row && in_table => {
                last.push('\n');
                last.push_str(l);
            }
            _ => lines.push(l.to_string()),
        }
        in_table = row;
    }
    let optional: Vec<usize> = (0..def.fields.len())
        .filter(|&k| !def.fields[k].required)
        .collect();
    // A switch: an optional field the template tests but never prints (the quyet-dinh
    // template's "trach_nhiem_lien"), tried off first and set to SWITCH_ON when on.
    let shown = pattern(templates, def, ctx, &vec![true; def.fields.len()]);
    let switch = |k: usize| {
        shown.as_ref().is_some_and(|items| {
            !items.iter().any(|item| {
                matches!(item, Item::Field { field, .. } | Item::Inline { field, .. } if *field == k)
            })
        })
    };
    // Subsets of the optional fields, all present (switches off) first; at most
    // 2^MAX_TRIED_OPTIONAL tries.
    let tried = optional.len().min(MAX_TRIED_OPTIONAL);
    // Each candidate with its cost and how many optional fields it sets otherwise than the
    // template's own form (present, switches off): at equal cost the reading closest to the
    // form wins, so one switch turned on (a Phụ lục on landscape pages) beats two fields
    // dropped.
    let mut candidates: Vec<(u32, u32, Matched)> = Vec::new();
    for mask in 0u32..(1 << tried) {
        let mut present = vec![true; def.fields.len()];
        for (bit, &k) in optional.iter().take(tried).enumerate() {
            present[k] = (mask & (1 << bit) != 0) == switch(k);
        }
        let Some(items) = pattern(templates, def, ctx, &present) else {
            continue;
        };
        if let Some((c, mut m)) = best_match(&items, &lines, def) {
            for &k in optional.iter().filter(|&&k| present[k] && switch(k)) {
                m.values.entry(k).or_insert_with(|| SWITCH_ON.to_string());
            }
            let exact = c == 0;
            candidates.push((c, mask.count_ones(), m));
            if exact
                && keeps_everything(
                    templates,
                    def,
                    ctx,
                    &candidates[candidates.len() - 1].2,
                    &lines,
                )
            {
                break;
            }
        }
    }
    candidates.sort_by_key(|(c, departures, _)| (*c, *departures));
    let best = candidates
        .into_iter()
        .map(|(c, _, m)| (c, m))
        .find(|(_, m)| keeps_everything(templates, def, ctx, m, &lines));
    let mut out = Spread::default();
    match best {
        Some((_, m)) => {
            out.fitted = m.empty_required.is_empty();
            for l in &m.bare {
                report.add(
                    EntryKind::Review,
                    None,
                    l,
                    "đoạn này được đặt vào trường của mẫu; bản thảo sẽ in thêm phần chữ cố định của mẫu quanh nó",
                );
            }
            for l in &m.skipped {
                report.add(
                    EntryKind::Review,
                    None,
                    l,
                    "mẫu có dòng này nhưng bản gốc không có; bản thảo sẽ in thêm dòng này",
                );
            }
            for (k, f) in def.fields.iter().enumerate() {
                let v = m.values.get(&k).cloned().unwrap_or_default();
                out.fields.insert(f.name.clone(), v);
            }
            for k in m.empty_required {
                let f = &def.fields[k];
                report.add(
                    EntryKind::Missing,
                    None,
                    "",
                    &format!(
                        "bản gốc không có phần \"{}\" của mẫu; đã điền \"...\"",
                        f.label
                    ),
                );
                out.fields.insert(f.name.clone(), "...".into());
            }
        }
        None => {
            // Whole body in the first markup field; the other required fields "...".
            let main = def
                .fields
                .iter()
                .position(|f| f.kind == FieldKind::Markup)
                .unwrap_or(0);
            report.add(
                EntryKind::Review,
                None,
                "",
                "nội dung không theo bố cục của mẫu; toàn bộ được đưa vào trường đầu tiên",
            );
            for (k, f) in def.fields.iter().enumerate() {
                let v = if k == main {
                    body_markup.trim().to_string()
                } else if f.required {
                    report.add(
                        EntryKind::Missing,
                        None,
                        "",
                        &format!("đã điền \"...\" vào trường bắt buộc \"{}\"", f.label),
                    );
                    "...".into()
                } else {
                    String::new()
                };
                out.fields.insert(f.name.clone(), v);
            }
        }
    }
    out.fields.retain(|_, v| !v.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spread_into(slug: &str, body: &str) -> (BTreeMap<String, String>, ImportReport) {
        let t = Templates::builtin().unwrap();
        let def = t.get(slug).unwrap();
        let mut report = ImportReport::default();
        let s = spread(&t, def, &BodyContext::default(), body, &mut report);
        (s.fields, report)
    }

    #[test]
    fn fixed_headings_anchor_the_fields_of_a_plan() {
        let body = "Mở đầu.\n# MỤC ĐÍCH, YÊU CẦU\n1. Mục đích.\n# NỘI DUNG\n1. Việc một.\n# TỔ CHỨC THỰC HIỆN\nCác sở thực hiện.\n";
        let (f, report) = spread_into("ke-hoach", body);
        assert_eq!(f["mo_dau"], "Mở đầu.");
        assert_eq!(f["muc_dich_yeu_cau"], "1. Mục đích.");
        assert_eq!(f["tieu_de_noi_dung"], "NỘI DUNG");
        assert_eq!(f["noi_dung"], "1. Việc một.");
        assert_eq!(f["to_chuc_thuc_hien"], "Các sở thực hiện.");
        assert!(report.entries.is_empty(), "{report:?}");
    }

    #[test]
    fn an_effect_article_among_the_others_leaves_the_effect_field_out() {
        // Trung tâm Điều độ HTĐ miền Nam (087): "Điều 2. Quyết định này có hiệu lực …" stands
        // between two other articles, the third has its own items, and the last article is the
        // responsibility one: no field of the template can hold the third but the articles.
        // The import writes every article "Điều 1: " (numbers are computed).
        let body = "> Căn cứ Luật A\n! QUYẾT ĐỊNH:\nĐiều 1: Ban hành sơ đồ.\nĐiều 1: Quyết định này có hiệu lực kể từ ngày ký.\nĐiều 1: Phân cấp quyền điều khiển như sau:\n1. Thiết bị của A2.\n1. Thiết bị của Công ty.\nĐiều 1: Các ông Giám đốc thi hành Quyết định này.\n";
        let (f, report) = spread_into("quyet-dinh", body);
        assert_eq!(f.get("hieu_luc").map(String::as_str), None, "{f:?}");
        assert!(f["cac_dieu"].contains("có hiệu lực"), "{f:?}");
        assert!(f["cac_dieu"].contains("Phân cấp"), "{f:?}");
        assert_eq!(
            f["trach_nhiem"],
            "Các ông Giám đốc thi hành Quyết định này."
        );
        assert!(report.entries.is_empty(), "{report:?}");
        // In the usual place the effect article still fills its field.
        let usual = "> Căn cứ Luật A\n! QUYẾT ĐỊNH:\nĐiều 1: Ban hành sơ đồ.\nĐiều 1: Quyết định này có hiệu lực kể từ ngày ký.\nĐiều 1: Các ông Giám đốc thi hành Quyết định này.\n";
        let (f, _) = spread_into("quyet-dinh", usual);
        assert_eq!(f["hieu_luc"], "Quyết định này có hiệu lực kể từ ngày ký.");
    }

    #[test]
    fn a_missing_fixed_heading_is_reported_not_lost() {
        let (f, report) = spread_into(
            "phuong-an",
            "Mở đầu.\n# NỘI DUNG PHƯƠNG ÁN\n1. Việc một.\n# TỔ CHỨC THỰC HIỆN\nCác sở thực hiện.\n",
        );
        let all: String = f.values().cloned().collect::<Vec<_>>().join("\n");
        for l in ["Mở đầu.", "1. Việc một.", "Các sở thực hiện."] {
            assert!(all.contains(l), "{l} lost: {f:?}");
        }
        assert!(
            report
                .entries
                .iter()
                .any(|e| e.text_start.contains("MỤC ĐÍCH, YÊU CẦU")),
            "{report:?}"
        );
    }

    #[test]
    fn a_plan_without_its_purpose_gains_no_heading() {
        // A Kế hoạch prints "MỤC ĐÍCH, YÊU CẦU" only when that section is filled.
        let (f, report) = spread_into(
            "ke-hoach",
            "Mở đầu.\n# NỘI DUNG\n1. Việc một.\n# TỔ CHỨC THỰC HIỆN\nCác sở thực hiện.\n",
        );
        assert_eq!(f.get("muc_dich_yeu_cau"), None, "{f:?}");
        assert_eq!(f["noi_dung"], "1. Việc một.");
        assert_eq!(f["to_chuc_thuc_hien"], "Các sở thực hiện.");
        assert!(report.entries.is_empty(), "{report:?}");
    }

    #[test]
    fn a_switch_is_turned_on_only_when_the_body_needs_it() {
        // The responsibility as an unnumbered paragraph under the effect article turns on the
        // quyet-dinh template's switch; as an article of its own it leaves it off.
        let head = "> Căn cứ Luật A\n! QUYẾT ĐỊNH:\nĐiều 1. Thành lập Tổ\n";
        let effect = "Điều 1: Quyết định này có hiệu lực kể từ ngày ký.\n";
        let duty = "Chánh Văn phòng chịu trách nhiệm thi hành Quyết định này.\n";
        let (f, report) = spread_into("quyet-dinh", &format!("{head}{effect}{duty}"));
        assert_eq!(f["trach_nhiem_lien"], SWITCH_ON);
        assert_eq!(f["trach_nhiem"], duty.trim());
        assert!(report.entries.is_empty(), "{report:?}");
        let (f, report) = spread_into("quyet-dinh", &format!("{head}{effect}Điều 1: {duty}"));
        assert_eq!(f.get("trach_nhiem_lien"), None, "{f:?}");
        assert_eq!(f["trach_nhiem"], duty.trim());
        assert!(report.entries.is_empty(), "{report:?}");
    }

    #[test]
    fn a_to_trinh_in_one_run_of_prose_gains_no_heading() {
        // Its headings print only when their section is filled.
        let (f, report) = spread_into("to-trinh", "Lý do.\nĐề nghị.\nKính trình xem xét.\n");
        let all: String = f.values().cloned().collect::<Vec<_>>().join("\n");
        for l in ["Lý do.", "Đề nghị.", "Kính trình xem xét."] {
            assert!(all.contains(l), "{l} lost: {f:?}");
        }
        assert!(report.entries.is_empty(), "{report:?}");
    }

    #[test]
    fn a_table_stays_in_one_field() {
        let (f, _) = spread_into("bao-cao", "| a | b |\n|---|---|\n| 1 | 2 |\n");
        assert_eq!(f["noi_dung"], "| a | b |\n|---|---|\n| 1 | 2 |");
    }
}
