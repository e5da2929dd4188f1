//! Clause search (tìm điều khoản): diacritics-insensitive, prefix matching as one types,
//! filters by category / tag / document type, ranked by relevance then usage and recency.
//!
//! The FTS5 index holds folded text (see [`super::fold`]), and queries are folded the same
//! way, so "dan van" finds "Dân vận" and "day manh" finds "Đẩy mạnh". Every query word is a
//! prefix ("dan v" finds "Dân vận"). Ranking every match of a common word with FTS5's bm25
//! costs tens of milliseconds over 100,000 clauses (bm25 also scans whole doclists for its
//! statistics), so the search ranks a capped candidate set instead: the newest
//! [`CANDIDATES`] matches (FTS5 walks its doclists in rowid order, no sort) plus the
//! [`POPULAR`] most used clauses that match, scored in Rust by [`relevance`] and usage.

use rusqlite::params_from_iter;
use rusqlite::types::Value;
use serde::{Deserialize, Serialize};

use super::clauses::{self, facet, Category, Clause};
use super::error::Result;
use super::fold::{fold, words};
use super::Library;

/// How many matching clauses are scored at most (newest first).
pub const CANDIDATES: usize = 120;
/// How many of the most used clauses are always considered as well.
pub const POPULAR: usize = 200;

/// A search request.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SearchQuery {
    /// What the user typed; empty lists clauses by usage and recency.
    pub text: String,
    /// Only this category.
    #[serde(default)]
    pub category: Option<Category>,
    /// Only clauses with this tag (compared without diacritics or case).
    #[serde(default)]
    pub tag: Option<String>,
    /// Only clauses suited to this document type (template slug), or suited to any type.
    #[serde(default)]
    pub doc_type: Option<String>,
    /// Maximum hits (default 20).
    #[serde(default)]
    pub limit: Option<usize>,
}

impl SearchQuery {
    /// A query for `text` with no filters.
    pub fn text(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            ..Self::default()
        }
    }
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SearchHit {
    /// The clause.
    pub clause: Clause,
    /// Higher is better: [`relevance`] boosted by usage.
    pub score: f64,
}

/// Builds the FTS5 MATCH expression: each folded word as a quoted prefix, all required.
pub fn match_expression(text: &str) -> Option<String> {
    let folded = fold(text);
    let terms: Vec<String> = words(&folded)
        .take(12)
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

impl Library {
    /// Searches clauses; see the module documentation for matching and ranking.
    pub fn search(&self, q: &SearchQuery) -> Result<Vec<SearchHit>> {
        let limit = q.limit.unwrap_or(20).clamp(1, 500);
        // The same filters twice: as SQL over `clauses` (browsing, the popular set) and as
        // facet tokens in the MATCH expression (the index answers them without lookups).
        let mut filters = String::new();
        let mut facets: Vec<String> = Vec::new();
        let mut args: Vec<Value> = Vec::new();
        if let Some(c) = q.category {
            args.push(Value::Text(c.slug().to_owned()));
            filters.push_str(&format!(" AND c.category = ?{}", args.len()));
            facets.push(format!("facets : \"{}\"", facet("cat", c.slug())));
        }
        if let Some(tag) = q.tag.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            let token = facet("tag", tag);
            let variants = self.tag_variants(&token)?;
            if variants.is_empty() {
                return Ok(Vec::new());
            }
            let marks: Vec<String> = variants
                .into_iter()
                .map(|t| {
                    args.push(Value::Text(t));
                    format!("?{}", args.len())
                })
                .collect();
            filters.push_str(&format!(
                " AND EXISTS (SELECT 1 FROM clause_tags t WHERE t.clause_id = c.id AND t.tag IN ({}))",
                marks.join(", ")
            ));
            facets.push(format!("facets : \"{token}\""));
        }
        if let Some(d) = q
            .doc_type
            .as_deref()
            .map(str::trim)
            .filter(|d| !d.is_empty())
        {
            args.push(Value::Text(d.to_owned()));
            filters.push_str(&format!(
                " AND (EXISTS (SELECT 1 FROM clause_doc_types d WHERE d.clause_id = c.id AND d.doc_type = ?{n})
                   OR NOT EXISTS (SELECT 1 FROM clause_doc_types d WHERE d.clause_id = c.id))",
                n = args.len()
            ));
            facets.push(format!(
                "facets : (\"{}\" OR \"{}\")",
                facet("type", d),
                facet("type", "any")
            ));
        }

        let Some(expr) = match_expression(&q.text) else {
            return self.browse(&filters, args, limit);
        };
        let folded = fold(&q.text);
        let terms: Vec<&str> = words(&folded).take(MAX_TERMS).collect();
        let mut expr = format!("{{title body extra}} : ({expr})");
        for f in &facets {
            expr.push_str(" AND ");
            expr.push_str(f);
        }
        // The newest matches, in the index's own rowid order (no sort, no bm25 statistics);
        // the filters are part of the MATCH expression.
        let newest = format!(
            "SELECT c.id, f.title, f.body, f.extra, c.use_count, c.last_used
             FROM clause_fts f JOIN clauses c ON c.id = f.rowid
             WHERE clause_fts MATCH ?1
             ORDER BY f.rowid DESC LIMIT {CANDIDATES}"
        );
        // The most used clauses, matched in Rust (an FTS lookup per row would rescan doclists).
        let popular = format!(
            "SELECT c.id, f.title, f.body, f.extra, c.use_count, c.last_used
             FROM (SELECT id FROM clauses WHERE use_count > 0
                   ORDER BY use_count DESC, last_used DESC LIMIT {POPULAR}) p
             JOIN clauses c ON c.id = p.id
             JOIN clause_fts f ON f.rowid = p.id
             WHERE 1 = 1{filters}"
        );
        let mut scored: Vec<(i64, f64, Option<String>)> = Vec::new();
        let newest_args = [Value::Text(expr)];
        for (sql, params) in [(&newest, &newest_args[..]), (&popular, &args[..])] {
            let mut stmt = self.conn.prepare_cached(sql)?;
            let mut rows = stmt.query(params_from_iter(params.iter()))?;
            while let Some(r) = rows.next()? {
                let id: i64 = r.get(0)?;
                if scored.iter().any(|s| s.0 == id) {
                    continue;
                }
                let title: String = r.get(1)?;
                let body: String = r.get(2)?;
                let extra: String = r.get(3)?;
                let Some(rel) = relevance(&terms, &title, &body, &extra) else {
                    continue;
                };
                let uses: i64 = r.get(4)?;
                scored.push((id, boost(rel, uses), r.get(5)?));
            }
        }
        scored.sort_by(|a, b| {
            b.1.total_cmp(&a.1)
                .then_with(|| b.2.cmp(&a.2))
                .then_with(|| b.0.cmp(&a.0))
        });
        scored.truncate(limit);
        self.hits(scored.into_iter().map(|(id, score, _)| (id, score)))
    }

    fn browse(&self, filters: &str, args: Vec<Value>, limit: usize) -> Result<Vec<SearchHit>> {
        let sql = format!(
            "SELECT c.id, c.use_count FROM clauses c WHERE 1 = 1{filters}
             ORDER BY c.use_count DESC, c.last_used DESC, c.id DESC LIMIT {limit}"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows: Vec<(i64, f64)> = stmt
            .query_map(params_from_iter(args.iter()), |r| {
                Ok((r.get(0)?, r.get::<_, i64>(1)? as f64))
            })?
            .collect::<rusqlite::Result<_>>()?;
        self.hits(rows.into_iter())
    }

    fn hits(&self, ids: impl Iterator<Item = (i64, f64)>) -> Result<Vec<SearchHit>> {
        ids.filter_map(|(id, score)| match clauses::load(&self.conn, id) {
            Ok(Some(clause)) => Some(Ok(SearchHit { clause, score })),
            Ok(None) => None,
            Err(e) => Some(Err(e)),
        })
        .collect()
    }

    /// The stored tags whose facet token is `token` ("Dân vận" and "dan van" share one).
    fn tag_variants(&self, token: &str) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT DISTINCT tag FROM clause_tags")?;
        let tags = stmt
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(tags
            .into_iter()
            .filter(|t| facet("tag", t) == token)
            .collect())
    }
}

/// Query words beyond this many are ignored.
const MAX_TERMS: usize = 12;

/// Field weights (title, body, tags and source) and BM25 constants.
const FIELDS: [(f64, f64); 3] = [(10.0, 8.0), (1.0, 40.0), (3.0, 6.0)];
const K1: f64 = 1.2;
const B: f64 = 0.75;

/// BM25-style relevance of one clause (its folded title, body and tags/source) for the
/// query words, each a prefix: term frequency with saturation, length normalisation per
/// field, exact words above mere prefixes, and a bonus when the words appear in order.
/// `None` when some word matches nowhere (the clause is not a match).
pub fn relevance(terms: &[&str], title: &str, body: &str, extra: &str) -> Option<f64> {
    if terms.is_empty() {
        return None;
    }
    let fields: [Vec<&str>; 3] = [
        words(title).collect(),
        words(body).collect(),
        words(extra).collect(),
    ];
    let mut score = 0.0;
    for term in terms {
        let mut found = false;
        for (tokens, (weight, avg)) in fields.iter().zip(FIELDS) {
            let tf: f64 = tokens
                .iter()
                .map(|t| match t.strip_prefix(term) {
                    Some("") => 1.0,
                    Some(_) => 0.6,
                    None => 0.0,
                })
                .sum();
            if tf > 0.0 {
                found = true;
                let norm = 1.0 - B + B * tokens.len() as f64 / avg;
                score += weight * tf * (K1 + 1.0) / (tf + K1 * norm);
            }
        }
        if !found {
            return None;
        }
    }
    if terms.len() > 1 {
        for (tokens, bonus) in [(&fields[0], 0.5), (&fields[1], 0.25)] {
            let in_order = tokens
                .windows(terms.len())
                .any(|w| w.iter().zip(terms).all(|(t, q)| t.starts_with(q)));
            if in_order {
                score *= 1.0 + bonus;
            }
        }
    }
    Some(score)
}

/// Relevance first, then a mild boost for clauses people use often.
fn boost(relevance: f64, uses: i64) -> f64 {
    relevance * (1.0 + 0.15 * (1.0 + uses.max(0) as f64).ln())
}
