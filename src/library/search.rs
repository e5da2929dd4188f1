//! Clause search (tìm điều khoản): diacritics-insensitive, prefix matching as one types,
//! filters by category / tag / document type, ranked by relevance then usage and recency.
//!
//! The FTS5 index holds folded text (see [`super::fold`]), and queries are folded the same
//! way, so "dan van" finds "Dân vận" and "day manh" finds "Đẩy mạnh". Every query word is a
//! prefix ("dan v" finds "Dân vận"); the index has a prefix index for every length a folded
//! syllable can have (1–7 letters), so no prefix makes FTS5 merge posting lists first.
//!
//! Ranking every match of a common word with FTS5's bm25 costs tens of milliseconds over
//! 100,000 clauses (bm25 also scans whole doclists for its statistics), so the search ranks
//! a capped candidate set instead: the newest [`CANDIDATES`] matches (FTS5 walks its
//! doclists in rowid order, no sort) plus the [`POPULAR`] most used clauses that match,
//! scored in Rust by [`relevance`] and usage. Category and tag filters are facet tokens in
//! the MATCH expression; the document type ("this type or any type") is checked on each
//! candidate's facet tokens, and asked of the index only when that leaves too few.
//!
//! `cargo bench --bench library_search` measures it over 100,000 generated clauses.

use std::collections::{HashMap, HashSet};

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
        // The filters as SQL over `clauses` (browsing, the popular set); category and tag
        // also as facet tokens in the MATCH expression (the index answers them without
        // lookups), the document type on each candidate (see below).
        let mut filters = String::new();
        let mut facets: Vec<String> = Vec::new();
        let mut args: Vec<Value> = Vec::new();
        if let Some(c) = q.category {
            args.push(Value::Text(c.slug().to_owned()));
            // `+` keeps the planner off the category index: browsing walks the usage index
            // in order and stops at the limit instead of sorting a whole category.
            filters.push_str(&format!(" AND +c.category = ?{}", args.len()));
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
        let doc_type = q
            .doc_type
            .as_deref()
            .map(str::trim)
            .filter(|d| !d.is_empty());
        if let Some(d) = doc_type {
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
        let folded = fold(&q.text);
        let terms: Vec<&str> = words(&folded).take(MAX_TERMS).collect();
        let mut expr = format!("{{title body extra}} : ({expr})");
        for f in &facets {
            expr.push_str(" AND ");
            expr.push_str(f);
        }
        // The document type is checked on each candidate's facet tokens rather than in the
        // MATCH expression: "this type OR any type" makes FTS5 walk two long posting lists.
        let type_facets = doc_type.map(|d| [facet("type", d), facet("type", "any")]);
        let mut ranking = Ranking {
            terms: &terms,
            type_facets: type_facets.as_ref(),
            seen: HashSet::new(),
            scored: Vec::new(),
        };
        // The newest matches, in the index's own rowid order (no sort, no bm25 statistics).
        let newest = format!(
            "SELECT c.id, f.title, f.body, f.extra, c.use_count, c.last_used, f.facets
             FROM clause_fts f JOIN clauses c ON c.id = f.rowid
             WHERE clause_fts MATCH ?1
             ORDER BY f.rowid DESC LIMIT {CANDIDATES}"
        );
        let (fetched, kept) =
            self.rank_rows(&newest, &[Value::Text(expr.clone())], &mut ranking)?;
        if let Some([this, any]) = &type_facets {
            if fetched == CANDIDATES && kept < limit {
                // The type filter left too few of the newest matches: ask the index itself.
                let expr = format!("{expr} AND facets : (\"{this}\" OR \"{any}\")");
                self.rank_rows(&newest, &[Value::Text(expr)], &mut ranking)?;
            }
        }
        // The most used clauses, matched in Rust (an FTS lookup per row would rescan doclists).
        // CROSS JOIN fixes the join order: the planner would otherwise start from a filter
        // (a whole category) and test every row of it.
        let popular = format!(
            "SELECT c.id, f.title, f.body, f.extra, c.use_count, c.last_used, NULL
             FROM (SELECT id FROM clauses WHERE use_count > 0
                   ORDER BY use_count DESC, last_used DESC LIMIT {POPULAR}) p
             CROSS JOIN clauses c ON c.id = p.id
             CROSS JOIN clause_fts f ON f.rowid = p.id
             WHERE 1 = 1{filters}"
        );
        self.rank_rows(&popular, &args, &mut ranking)?;
        let mut scored = ranking.scored;
        scored.sort_by(|a, b| {
            b.1.total_cmp(&a.1)
                .then_with(|| b.2.cmp(&a.2))
                .then_with(|| b.0.cmp(&a.0))
        });
        scored.truncate(limit);
        self.hits(scored.into_iter().map(|(id, score, _)| (id, score)))
    }

    /// Scores the candidate rows of `sql` (id, folded title, body, extra, use count, last
    /// use, facet tokens or NULL when the SQL filtered already) into `ranking`; returns how
    /// many rows the query gave and how many of them were kept.
    fn rank_rows(
        &self,
        sql: &str,
        params: &[Value],
        ranking: &mut Ranking<'_>,
    ) -> Result<(usize, usize)> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let mut rows = stmt.query(params_from_iter(params.iter()))?;
        let (mut fetched, mut kept) = (0, 0);
        while let Some(r) = rows.next()? {
            fetched += 1;
            let id: i64 = r.get(0)?;
            if ranking.seen.contains(&id) {
                continue;
            }
            if let (Some(wanted), Some(facets)) =
                (ranking.type_facets, r.get::<_, Option<String>>(6)?)
            {
                if !facets.split(' ').any(|t| wanted.iter().any(|w| w == t)) {
                    continue;
                }
            }
            let title: String = r.get(1)?;
            let body: String = r.get(2)?;
            let extra: String = r.get(3)?;
            let Some(rel) = relevance(ranking.terms, &title, &body, &extra) else {
                continue;
            };
            ranking.seen.insert(id);
            kept += 1;
            let uses: i64 = r.get(4)?;
            ranking.scored.push((id, boost(rel, uses), r.get(5)?));
        }
        Ok((fetched, kept))
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
        let (ids, scores): (Vec<i64>, Vec<f64>) = ids.unzip();
        let score_of: HashMap<i64, f64> = ids.iter().copied().zip(scores).collect();
        Ok(clauses::load_many(&self.conn, &ids)?
            .into_iter()
            .map(|clause| SearchHit {
                score: score_of[&clause.id],
                clause,
            })
            .collect())
    }

    /// The stored tags whose facet token is `token` ("Dân vận" and "dan van" share one).
    fn tag_variants(&self, token: &str) -> Result<Vec<String>> {
        // A skip scan of the tag index: one probe per distinct tag, where DISTINCT would
        // read every (clause, tag) pair (4.5 ms at 100,000 clauses).
        let mut stmt = self.conn.prepare_cached(
            "WITH RECURSIVE t (tag) AS (
                 SELECT min(tag) FROM clause_tags
                 UNION ALL
                 SELECT (SELECT min(tag) FROM clause_tags WHERE tag > t.tag) FROM t
                 WHERE t.tag IS NOT NULL)
             SELECT tag FROM t WHERE tag IS NOT NULL",
        )?;
        let tags = stmt
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(tags
            .into_iter()
            .filter(|t| facet("tag", t) == token)
            .collect())
    }
}

/// The candidates of one search being scored.
struct Ranking<'a> {
    /// The folded query words.
    terms: &'a [&'a str],
    /// The facet tokens of the wanted document type and of "any type", when filtering.
    type_facets: Option<&'a [String; 2]>,
    /// Clause ids already scored (the newest and the popular sets overlap).
    seen: HashSet<i64>,
    /// (id, score, last use) of every candidate that matches.
    scored: Vec<(i64, f64, Option<String>)>,
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
