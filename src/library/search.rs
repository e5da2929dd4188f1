//! Clause search (tìm điều khoản): diacritics-insensitive, prefix matching as one types,
//! filters by category / tag / document type, ranked by relevance then usage and recency.
//!
//! The FTS5 index holds folded text (see [`super::fold`]), and queries are folded the same
//! way, so "dan van" finds "Dân vận" and "day manh" finds "Đẩy mạnh". Every query word is a
//! prefix ("dan v" finds "Dân vận"). Ranking all matches of a common word with bm25 costs
//! tens of milliseconds over 100,000 clauses, so the search ranks a capped candidate set:
//! the newest [`CANDIDATES`] matches (FTS5 walks its doclists in rowid order without
//! sorting) plus the most used clauses that match, then scores those in Rust.

use rusqlite::params_from_iter;
use rusqlite::types::Value;
use serde::{Deserialize, Serialize};

use super::clauses::{self, Category, Clause};
use super::error::Result;
use super::fold::{fold, words};
use super::Library;

/// How many matching clauses are scored at most (newest first).
pub const CANDIDATES: usize = 300;
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
    /// Higher is better: bm25 relevance boosted by usage and recency.
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
        let mut filters = String::new();
        let mut args: Vec<Value> = Vec::new();
        if let Some(c) = q.category {
            args.push(Value::Text(c.slug().to_owned()));
            filters.push_str(&format!(" AND c.category = ?{}", args.len()));
        }
        if let Some(tag) = q.tag.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            // Tags are few per clause: compare folded in Rust-free SQL by exact or folded form.
            let ids = self.tag_variants(tag)?;
            if ids.is_empty() {
                return Ok(Vec::new());
            }
            let marks: Vec<String> = ids
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
        }

        let Some(expr) = match_expression(&q.text) else {
            return self.browse(&filters, args, limit);
        };
        args.push(Value::Text(expr));
        let m = args.len();
        // Two capped candidate sets: the newest matches and the most used matches.
        let sql = format!(
            "SELECT id, score, use_count, last_used FROM (
                 SELECT c.id, bm25(clause_fts, 10.0, 1.0, 3.0) AS score, c.use_count, c.last_used
                 FROM clause_fts JOIN clauses c ON c.id = clause_fts.rowid
                 WHERE clause_fts MATCH ?{m}{filters}
                 ORDER BY clause_fts.rowid DESC LIMIT {CANDIDATES})
             UNION
             SELECT id, score, use_count, last_used FROM (
                 SELECT c.id, bm25(clause_fts, 10.0, 1.0, 3.0) AS score, c.use_count, c.last_used
                 FROM (SELECT id FROM clauses WHERE use_count > 0
                       ORDER BY use_count DESC, last_used DESC LIMIT {POPULAR}) p
                 JOIN clauses c ON c.id = p.id
                 JOIN clause_fts ON clause_fts.rowid = c.id
                 WHERE clause_fts MATCH ?{m}{filters})"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut scored: Vec<(i64, f64, Option<String>)> = stmt
            .query_map(params_from_iter(args.iter()), |r| {
                let bm25: f64 = r.get(1)?;
                let uses: i64 = r.get(2)?;
                Ok((r.get(0)?, combine(bm25, uses), r.get(3)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        scored.sort_by(|a, b| {
            b.1.total_cmp(&a.1)
                .then_with(|| b.2.cmp(&a.2))
                .then_with(|| b.0.cmp(&a.0))
        });
        scored.dedup_by_key(|s| s.0);
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

    /// The stored tags that equal `tag` once folded ("Dân vận" matches "dan van").
    fn tag_variants(&self, tag: &str) -> Result<Vec<String>> {
        let want = fold(tag);
        let mut stmt = self
            .conn
            .prepare_cached("SELECT DISTINCT tag FROM clause_tags")?;
        let tags = stmt
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(tags.into_iter().filter(|t| fold(t) == want).collect())
    }
}

/// Relevance first (bm25 is negative, lower is better), then a mild boost for usage.
fn combine(bm25: f64, uses: i64) -> f64 {
    -bm25 * (1.0 + 0.15 * (1.0 + uses.max(0) as f64).ln())
}
