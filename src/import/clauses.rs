//! Lưu thành điều khoản: the paragraphs of an imported document offered as clauses of the
//! library, so the căn cứ, the opening sentence or a well-worded task of last year's plan is
//! one search away when drafting this year's.
//!
//! Offered: every căn cứ (category Căn cứ), the paragraphs before the first heading (Mở đầu),
//! the closing sentence ("Trên đây là …", Kết thúc) and the other body paragraphs and items of
//! at least [`MIN_WORDS`] words (Nội dung). Each carries the document it comes from as its
//! source ("Kế hoạch số 03/KH-UBND") and suits the document's type.

use crate::library::{Category, NewClause, Validity};
use crate::model::{text, Block, Document, Inline};

/// Shortest paragraph offered as a clause of the body, in words: shorter lines are headings
/// or list fragments, not reusable wording.
pub const MIN_WORDS: usize = 20;

/// Words of a clause's title (tiêu đề) taken from its start.
const TITLE_WORDS: usize = 10;

/// Clause candidates (điều khoản đề xuất) from `doc`, a document drafted in template `slug`.
pub fn candidates(doc: &Document, slug: &str) -> Vec<NewClause> {
    let source = source_of(doc);
    let first_heading = doc.body.blocks.iter().position(is_heading);
    let main = &doc.body.blocks[..doc.body.main_len()];
    let mut out = Vec::new();
    for (i, block) in main.iter().enumerate() {
        let (content, category) = match block {
            Block::Basis { content } => (content, Category::CanCu),
            Block::Paragraph { content }
            | Block::Numbered { content, .. }
            | Block::Lettered { content }
            | Block::Dash { content }
            | Block::Plus { content } => {
                let category = if first_heading.is_none_or(|h| i < h)
                    && matches!(block, Block::Paragraph { .. })
                {
                    Category::MoDau
                } else if plain(content).starts_with("Trên đây") {
                    Category::KetThuc
                } else {
                    Category::NoiDung
                };
                (content, category)
            }
            _ => continue,
        };
        let body = plain(content);
        if category != Category::CanCu && body.split_whitespace().count() < MIN_WORDS {
            continue;
        }
        if out.iter().any(|c: &NewClause| c.text == body) {
            continue;
        }
        out.push(NewClause {
            title: title_of(&body),
            text: body,
            category,
            tags: Vec::new(),
            doc_types: vec![slug.to_string()],
            source: source.clone(),
            validity: Validity::default(),
        });
    }
    out
}

/// Whether a block starts a section of the body (the opening ends there).
fn is_heading(b: &Block) -> bool {
    matches!(
        b,
        Block::Part { .. }
            | Block::Section { .. }
            | Block::Heading { .. }
            | Block::Chapter { .. }
            | Block::Article { .. }
            | Block::Action { .. }
    )
}

/// The text of a clause: plain, NFC, spaces folded, without the end punctuation a list
/// computes (";" or "." after a căn cứ).
fn plain(content: &Inline) -> String {
    text::squash_spaces(&text::nfc(&content.plain_text()))
        .trim()
        .to_string()
}

/// The first words of `body`, with "…" when cut.
fn title_of(body: &str) -> String {
    let words: Vec<&str> = body.split_whitespace().collect();
    let mut t = words
        .iter()
        .take(TITLE_WORDS)
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    t = t.trim_end_matches([',', ';', ':', '.']).to_string();
    if words.len() > TITLE_WORDS {
        t.push('…');
    }
    t
}

/// "Kế hoạch số 03/KH-UBND" (or "Kế hoạch của …" when the number is blank).
fn source_of(doc: &Document) -> Option<String> {
    let number = doc.number.number.map(|_| {
        doc.number_line()
            .trim_start_matches("Số")
            .trim_start_matches(':')
            .trim()
            .to_string()
    });
    let issuer = doc.issuers.first().map(|i| i.name.clone());
    match (number, issuer) {
        (Some(n), _) => Some(format!("{} số {n}", doc.doc_type.name)),
        (None, Some(i)) => Some(format!("{} của {}", doc.doc_type.name, i)),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::Draft;
    use crate::template::Templates;

    #[test]
    fn a_decision_offers_its_bases_and_long_paragraphs() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/quyet-dinh-ban-chi-dao-du-lieu-lam-dong-2026.toml"
        );
        let draft = Draft::from_toml(&std::fs::read_to_string(path).unwrap()).unwrap();
        let doc = draft.render(&Templates::builtin().unwrap()).unwrap();
        let c = candidates(&doc, &draft.template);
        let bases: Vec<&NewClause> = c.iter().filter(|c| c.category == Category::CanCu).collect();
        assert_eq!(bases.len(), 4, "{c:#?}");
        assert!(bases[0].text.starts_with("Căn cứ"));
        assert!(c.iter().all(|c| c.doc_types == ["quyet-dinh"]));
        assert!(c.iter().all(|c| c
            .source
            .as_deref()
            .is_some_and(|s| s.starts_with("Quyết định"))));
        assert!(c
            .iter()
            .all(|c| !c.title.is_empty() && c.title.len() < c.text.len() + 2));
    }
}
