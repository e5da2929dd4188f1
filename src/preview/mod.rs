//! Live preview (xem trước): a document as A4 pages of HTML for the app's preview pane.
//!
//! Laid out from the same facts as the .docx ([`crate::layout`]): fonts, sizes, bold/italic
//! and case per element, margins, header and footer columns, the lines under the tiêu ngữ and
//! the issuing body, computed numbering, footnotes and the page number from page 2 on. Page
//! breaks are approximated by estimating each block's height from its text length; the .docx
//! is the reference. Pure: no IO, no clock. Every text is HTML-escaped.

mod html;

/// Escapes text for HTML element content and attribute values.
pub fn escape_html(s: &str) -> String {
    html::esc(s)
}
mod lenient;

pub use lenient::{render_lenient, DraftProblem, Lenient, PLACEHOLDER};

use crate::layout::{layout, Layout, LineSpacing, TextStyle};
use crate::model::{label_blocks, text, Block, Document, Inline, Span, System};
use html::{esc, Html};
use serde::Serialize;

/// Pages of HTML plus what the preview had to estimate.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Preview {
    /// One `<section class="vb-page">` per page, in order, ready to insert into the pane.
    pub html: String,
    /// Number of pages estimated.
    pub pages: u32,
}

/// Renders `doc` as A4 pages of HTML.
pub fn render(doc: &Document) -> Preview {
    let l = layout(doc.system);
    let mut flow = Flow::new(l);
    header(doc, l, &mut flow);
    title(doc, l, &mut flow);
    body(doc, l, &mut flow);
    footer(doc, l, &mut flow);
    flow.finish()
}

/// One item of the page flow: its HTML, an estimated height in points, and whether it must
/// stay on the page of the item before it (signature and Nơi nhận keep with the body's end).
struct Item {
    html: String,
    height: f64,
    keep_with_previous: bool,
    footnotes: Vec<String>,
}

/// Packs items onto pages of the text height.
struct Flow {
    l: &'static Layout,
    items: Vec<Item>,
    footnote_count: usize,
}

impl Flow {
    fn new(l: &'static Layout) -> Self {
        Self {
            l,
            items: Vec::new(),
            footnote_count: 0,
        }
    }

    fn push(&mut self, html: String, height: f64) {
        self.items.push(Item {
            html,
            height,
            keep_with_previous: false,
            footnotes: Vec::new(),
        });
    }

    fn text_width_pt(&self) -> f64 {
        (self.l.page_width.0 - self.l.margins.left.preferred.0 - self.l.margins.right.preferred.0)
            as f64
            / 20.0
    }

    fn text_height_pt(&self) -> f64 {
        (self.l.page_height.0 - self.l.margins.top.preferred.0 - self.l.margins.bottom.preferred.0)
            as f64
            / 20.0
    }

    fn finish(self) -> Preview {
        let full = self.text_height_pt();
        // Group items into pages; an item that keeps with its previous one moves with it.
        let mut pages: Vec<Vec<Item>> = vec![Vec::new()];
        let mut used = 0.0;
        for item in self.items {
            let footnote_h: f64 = item.footnotes.len() as f64 * 14.0;
            let h = item.height + footnote_h;
            if used + h > full && !pages.last().is_some_and(Vec::is_empty) {
                let mut carried = Vec::new();
                if item.keep_with_previous {
                    // Carry back the previous item too (e.g. the body's last paragraph).
                    if let Some(prev) = pages.last_mut().and_then(Vec::pop) {
                        carried.push(prev);
                    }
                }
                used = carried.iter().map(|i: &Item| i.height).sum();
                pages.push(carried);
            }
            used += h;
            pages.last_mut().expect("at least one page").push(item);
        }
        let l = self.l;
        let mut out = String::new();
        let count = pages.len();
        let mut note_no = 0usize;
        for (i, page) in pages.into_iter().enumerate() {
            let mut h = Html::new(&mut out);
            h.open(
                "section",
                &[
                    ("class", "vb-page".into()),
                    ("data-page", (i + 1).to_string()),
                    (
                        "style",
                        format!(
                            "width:{:.1}mm;height:{:.1}mm;padding:{:.1}mm {:.1}mm {:.1}mm {:.1}mm;font-family:'Times New Roman','Liberation Serif',serif",
                            l.page_width.as_mm(),
                            l.page_height.as_mm(),
                            l.margins.top.preferred.as_mm(),
                            l.margins.right.preferred.as_mm(),
                            l.margins.bottom.preferred.as_mm(),
                            l.margins.left.preferred.as_mm()
                        ),
                    ),
                ],
            );
            if i > 0 {
                h.raw(&format!(
                    "<div class=\"vb-page-number\" data-el=\"so_trang\" style=\"{}\">{}</div>",
                    css(&l.page_number, "center"),
                    i + 1
                ));
            }
            let mut notes = Vec::new();
            for item in &page {
                h.raw(&item.html);
                notes.extend(item.footnotes.iter().cloned());
            }
            if !notes.is_empty() {
                h.raw("<div class=\"vb-footnotes\">");
                for n in notes {
                    note_no += 1;
                    h.raw(&format!(
                        "<p style=\"{}\"><sup>{note_no}</sup> {}</p>",
                        css(&l.footnote, "justify"),
                        esc(&n)
                    ));
                }
                h.raw("</div>");
            }
            h.close("section");
        }
        Preview {
            html: out,
            pages: count as u32,
        }
    }
}

/// Inline CSS for a layout text style.
fn css(s: &TextStyle, align: &str) -> String {
    format!(
        "font-size:{}pt;font-weight:{};font-style:{};text-decoration:{};text-align:{align};margin:0",
        s.size.preferred.as_pt(),
        if s.bold { "bold" } else { "normal" },
        if s.italic { "italic" } else { "normal" },
        if s.underline { "underline" } else { "none" },
    )
}

/// The text as printed in a style (upper case where the style says IN HOA).
fn cased(s: &TextStyle, t: &str) -> String {
    match s.case {
        crate::layout::Case::Upper => text::upper(t),
        crate::layout::Case::AsTyped => t.to_owned(),
    }
}

/// Line height in points for a style under the body's line spacing.
fn line_height(l: &Layout, s: &TextStyle) -> f64 {
    let size = f64::from(s.size.preferred.as_pt());
    match l.body_layout.line_spacing {
        LineSpacing::Auto(v) => size * 1.15 * f64::from(v) / 240.0,
        LineSpacing::Exact(tw) => f64::from(tw) / 20.0,
    }
}

/// Estimated lines for `chars` characters in `width_pt` at `s` (Times averages ~0.47 em).
fn lines(chars: usize, width_pt: f64, s: &TextStyle) -> f64 {
    let per_line = (width_pt / (f64::from(s.size.preferred.as_pt()) * 0.47)).max(1.0);
    ((chars.max(1) as f64) / per_line).ceil()
}

/// A centred one-line paragraph of a style, with a data-el marker for diagnostics.
fn line(s: &TextStyle, el: &str, t: &str) -> String {
    format!(
        "<p data-el=\"{el}\" style=\"{}\">{}</p>",
        css(s, "center"),
        esc(&cased(s, t))
    )
}

/// A short centred rule under a line, `frac` of the text's estimated width.
fn rule(width_pt: f64) -> String {
    format!(
        "<div class=\"vb-rule\" style=\"width:{width_pt:.0}pt;margin:1pt auto 0;border-top:0.75pt solid #000\"></div>"
    )
}

fn text_width(s: &TextStyle, t: &str) -> f64 {
    t.chars().count() as f64 * f64::from(s.size.preferred.as_pt()) * 0.5
}

fn header(doc: &Document, l: &Layout, flow: &mut Flow) {
    let left_w = l.columns.left.as_pt();
    let right_w = l.columns.right.as_pt();
    let mut left = String::new();
    for issuer in &doc.issuers {
        if let Some(sup) = issuer.superior.as_deref().filter(|s| !s.trim().is_empty()) {
            left.push_str(&line(&l.superior_body, "co_quan_chu_quan", sup));
        }
        left.push_str(&line(&l.issuing_body, "co_quan_ban_hanh", &issuer.name));
        if doc.system == System::Party {
            left.push_str(&format!(
                "<p style=\"{}\">*</p>",
                css(&l.issuing_body, "center")
            ));
        } else {
            let w = text_width(&l.issuing_body, &issuer.name).min(left_w) * 0.4;
            left.push_str(&rule(w));
        }
    }
    left.push_str(&line(&l.number, "so_ky_hieu", &doc.number_line()));
    if doc.doc_type.is_cong_van() && !doc.subject.trim().is_empty() {
        left.push_str(&format!(
            "<p data-el=\"trich_yeu\" style=\"{}\">V/v {}</p>",
            css(
                &TextStyle {
                    bold: false,
                    ..l.number
                },
                "center"
            ),
            esc(&doc.subject)
        ));
    }
    for mark in [
        doc.urgency.map(|u| u.label()),
        doc.secrecy.map(|s| s.label()),
    ]
    .into_iter()
    .flatten()
    {
        left.push_str(&format!(
            "<p class=\"vb-mark\" style=\"{};border:1pt solid #c00;color:#c00;display:inline-block;padding:0 6pt;margin-top:6pt\">{}</p>",
            css(&l.doc_type_name, "center"),
            esc(mark)
        ));
    }
    let mut right = String::new();
    match doc.system {
        System::State => {
            right.push_str(&line(
                &l.national_title,
                "quoc_hieu",
                "Cộng hòa xã hội chủ nghĩa Việt Nam",
            ));
            let motto = "Độc lập - Tự do - Hạnh phúc";
            right.push_str(&line(&l.motto, "tieu_ngu", motto));
            right.push_str(&rule(text_width(&l.motto, motto) * 0.9));
        }
        System::Party => {
            right.push_str(&line(&l.national_title, "dang", "Đảng Cộng sản Việt Nam"));
            right.push_str(&rule(
                text_width(&l.national_title, "Đảng Cộng sản Việt Nam") * 0.9,
            ));
        }
    }
    right.push_str(&format!(
        "<p data-el=\"dia_danh_ngay\" style=\"{};margin-top:6pt\">{}</p>",
        css(&l.place_date, "center"),
        esc(&doc.place_date.render(doc.system))
    ));
    let html = format!(
        "<table class=\"vb-header\" style=\"width:100%;border-collapse:collapse\"><tr><td style=\"width:{left_w:.0}pt;vertical-align:top;padding:0\">{left}</td><td style=\"width:{right_w:.0}pt;vertical-align:top;padding:0\">{right}</td></tr></table>"
    );
    let rows =
        3 + 2 * doc.issuers.len() + usize::from(doc.urgency.is_some() || doc.secrecy.is_some());
    flow.push(html, rows as f64 * line_height(l, &l.number));
}

fn title(doc: &Document, l: &Layout, flow: &mut Flow) {
    let tl = doc.type_line();
    if tl.is_empty() {
        return;
    }
    let mut html = format!(
        "<div class=\"vb-title\" style=\"margin-top:18pt\">{}",
        line(&l.doc_type_name, "ten_loai", &tl)
    );
    let mut h = 18.0 + line_height(l, &l.doc_type_name);
    if !doc.subject.trim().is_empty() {
        html.push_str(&line(&l.subject, "trich_yeu", &doc.subject));
        html.push_str(&rule(flow.text_width_pt() * 0.3));
        h += lines(
            doc.subject.chars().count(),
            flow.text_width_pt(),
            &l.subject,
        ) * line_height(l, &l.subject);
    }
    html.push_str("</div>");
    flow.push(html, h + 12.0);
}

/// Inline content as HTML: bold/italic runs, footnote marks numbered in order.
fn inline(content: &Inline, flow: &mut Flow, notes: &mut Vec<String>) -> String {
    let mut out = String::new();
    for span in &content.0 {
        match span {
            Span::Text { text, bold, italic } => {
                let t = esc(text);
                out.push_str(&match (bold, italic) {
                    (true, true) => format!("<b><i>{t}</i></b>"),
                    (true, false) => format!("<b>{t}</b>"),
                    (false, true) => format!("<i>{t}</i>"),
                    (false, false) => t,
                });
            }
            Span::Footnote { text } => {
                flow.footnote_count += 1;
                notes.push(text.clone());
                out.push_str(&format!(
                    "<sup class=\"vb-fn\">{}</sup>",
                    flow.footnote_count
                ));
            }
        }
    }
    out
}

fn body(doc: &Document, l: &Layout, flow: &mut Flow) {
    let labels = label_blocks(&doc.body.blocks, doc.system);
    let width = flow.text_width_pt();
    let indent = l.body_layout.first_line_indent.preferred.as_pt();
    let after = l.body_layout.paragraph_spacing.preferred.as_pt();
    let n = doc.body.blocks.len();
    for (i, (block, label)) in doc.body.blocks.iter().zip(labels).enumerate() {
        let last = i + 1 == n;
        let mut notes = Vec::new();
        // "./." closes the body; a final full stop becomes part of it ("... này./.").
        let ends_with_stop = block
            .inline()
            .is_some_and(|i| i.plain_text().trim_end().ends_with('.'));
        let closing = match (last && doc.closing_mark, ends_with_stop) {
            (false, _) => "",
            (true, true) => "/.",
            (true, false) => "./.",
        };
        let para = |style: &TextStyle, align: &str, extra: &str| {
            format!(
                "{};text-indent:{indent:.1}pt;margin-bottom:{after:.1}pt;line-height:{:.1}pt{extra}",
                css(style, align),
                line_height(l, style)
            )
        };
        let (html, chars, style) = match block {
            Block::Part { title } => {
                let t = inline(title, flow, &mut notes);
                (
                    format!(
                        "<p style=\"{}\">{}</p><p style=\"{}\">{}</p>",
                        para(&l.part_label, "center", ";text-indent:0"),
                        esc(label.as_deref().unwrap_or_default()),
                        para(
                            &l.section,
                            "center",
                            ";text-indent:0;text-transform:uppercase"
                        ),
                        t
                    ),
                    title.plain_text().chars().count() + 40,
                    &l.section,
                )
            }
            Block::Section { title } => {
                let t = inline(title, flow, &mut notes);
                (
                    format!(
                        "<p data-el=\"noi_dung\" style=\"{}\">{} {t}{closing}</p>",
                        para(&l.section, "justify", ";text-transform:uppercase"),
                        esc(label.as_deref().unwrap_or_default())
                    ),
                    title.plain_text().chars().count() + 4,
                    &l.section,
                )
            }
            Block::Heading { title, .. } => {
                let t = inline(title, flow, &mut notes);
                (
                    format!(
                        "<p data-el=\"noi_dung\" style=\"{}\">{} {t}{closing}</p>",
                        para(&l.heading, "justify", ""),
                        esc(label.as_deref().unwrap_or_default())
                    ),
                    title.plain_text().chars().count() + 6,
                    &l.heading,
                )
            }
            Block::Numbered { content, .. }
            | Block::Lettered { content }
            | Block::Dash { content }
            | Block::Plus { content }
            | Block::Paragraph { content } => {
                let t = inline(content, flow, &mut notes);
                let prefix = label.map(|s| format!("{} ", esc(&s))).unwrap_or_default();
                (
                    format!(
                        "<p data-el=\"noi_dung\" style=\"{}\">{prefix}{t}{closing}</p>",
                        para(&l.body, "justify", "")
                    ),
                    content.plain_text().chars().count() + 8,
                    &l.body,
                )
            }
            Block::Table(t) => {
                let mut html = String::from(
                    "<table class=\"vb-table\" style=\"width:100%;border-collapse:collapse;margin-bottom:6pt\">",
                );
                for (r, row) in t.rows.iter().enumerate() {
                    html.push_str("<tr>");
                    for cell in row {
                        let c = inline(cell, flow, &mut notes);
                        let bold = if t.header && r == 0 {
                            "font-weight:bold;"
                        } else {
                            ""
                        };
                        html.push_str(&format!(
                            "<td style=\"border:0.75pt solid #000;padding:2pt 4pt;{bold}font-size:{}pt\">{c}</td>",
                            l.body.size.preferred.as_pt() - 1.0
                        ));
                    }
                    html.push_str("</tr>");
                }
                html.push_str("</table>");
                let h = t.rows.len() as f64 * line_height(l, &l.body) * 1.3;
                flow.items.push(Item {
                    html,
                    height: h,
                    keep_with_previous: false,
                    footnotes: notes,
                });
                continue;
            }
        };
        let h = lines(chars + 4, width, style) * line_height(l, style) + after;
        flow.items.push(Item {
            html,
            height: h,
            keep_with_previous: false,
            footnotes: notes,
        });
    }
}

fn footer(doc: &Document, l: &Layout, flow: &mut Flow) {
    let mut recipients = format!(
        "<p data-el=\"noi_nhan\" style=\"{}\">{}</p>",
        css(&l.recipients_heading, "left"),
        esc(crate::model::Recipients::HEADING)
    );
    if doc.recipients.electronic {
        recipients.push_str(&format!(
            "<p style=\"{}\">{}</p>",
            css(&l.recipients_item, "left"),
            esc(crate::model::Recipients::ELECTRONIC)
        ));
    }
    let lines_r = doc.recipients.lines(doc.system);
    for r in &lines_r {
        recipients.push_str(&format!(
            "<p data-el=\"noi_nhan\" style=\"{}\">{}</p>",
            css(&l.recipients_item, "left"),
            esc(r)
        ));
    }
    let gap = f64::from(l.signature_gap_lines) * line_height(l, &l.signer_name);
    let signer_html = |s: &crate::model::Signer| {
        let mut out = String::new();
        for (t, is_authority) in s.title_lines(doc.system) {
            let style = if is_authority {
                &l.signer_authority
            } else {
                &l.signer_position
            };
            out.push_str(&line(style, "chu_ky", &t));
        }
        out.push_str(&format!("<div style=\"height:{gap:.0}pt\"></div>"));
        out.push_str(&line(&l.signer_name, "chu_ky", &s.name));
        out
    };
    let html = match doc.signers.as_slice() {
        [one] => format!(
            "<table class=\"vb-footer\" style=\"width:100%;border-collapse:collapse;margin-top:6pt\"><tr><td style=\"width:{:.0}pt;vertical-align:top;padding:0\">{recipients}</td><td style=\"vertical-align:top;padding:0\">{}</td></tr></table>",
            l.columns.left.as_pt(),
            signer_html(one)
        ),
        many => {
            let cells: String = many
                .iter()
                .map(|s| format!("<td style=\"vertical-align:top;padding:0\">{}</td>", signer_html(s)))
                .collect();
            format!(
                "<table class=\"vb-footer\" style=\"width:100%;border-collapse:collapse;margin-top:6pt\"><tr>{cells}</tr></table><div style=\"width:{:.0}pt\">{recipients}</div>",
                l.columns.left.as_pt()
            )
        }
    };
    let height = gap + (lines_r.len() as f64 + 4.0) * line_height(l, &l.recipients_item);
    flow.items.push(Item {
        html,
        height,
        keep_with_previous: true,
        footnotes: Vec::new(),
    });
}

#[cfg(test)]
mod tests;
