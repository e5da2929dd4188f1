-- Schema version 1: reusable clauses (điều khoản mẫu) with tags, document types,
-- edit history and a full-text index over a diacritics-folded copy of the text.
CREATE TABLE clauses (
    id          INTEGER PRIMARY KEY,
    title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
    text        TEXT NOT NULL CHECK (length(trim(text)) > 0),
    category    TEXT NOT NULL,
    source      TEXT,
    validity    TEXT NOT NULL DEFAULT 'in_force'
                CHECK (validity IN ('in_force', 'replaced', 'expired')),
    replaced_by TEXT,
    use_count   INTEGER NOT NULL DEFAULT 0,
    last_used   TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX clauses_category ON clauses (category);
CREATE INDEX clauses_usage ON clauses (use_count DESC, last_used DESC);

CREATE TABLE clause_tags (
    clause_id INTEGER NOT NULL REFERENCES clauses (id) ON DELETE CASCADE,
    tag       TEXT NOT NULL,
    PRIMARY KEY (clause_id, tag)
) WITHOUT ROWID;
CREATE INDEX clause_tags_by_tag ON clause_tags (tag, clause_id);

CREATE TABLE clause_doc_types (
    clause_id INTEGER NOT NULL REFERENCES clauses (id) ON DELETE CASCADE,
    doc_type  TEXT NOT NULL,
    PRIMARY KEY (clause_id, doc_type)
) WITHOUT ROWID;
CREATE INDEX clause_doc_types_by_type ON clause_doc_types (doc_type, clause_id);

-- Old versions of a clause, written before each edit.
CREATE TABLE clause_versions (
    clause_id   INTEGER NOT NULL REFERENCES clauses (id) ON DELETE CASCADE,
    version     INTEGER NOT NULL,
    title       TEXT NOT NULL,
    text        TEXT NOT NULL,
    category    TEXT NOT NULL,
    source      TEXT,
    validity    TEXT NOT NULL,
    replaced_by TEXT,
    tags        TEXT NOT NULL,
    doc_types   TEXT NOT NULL,
    saved_at    TEXT NOT NULL,
    PRIMARY KEY (clause_id, version)
);

-- rowid = clauses.id; columns hold folded text (see library::fold).
CREATE VIRTUAL TABLE clause_fts USING fts5 (
    title, body,
    tokenize = 'unicode61 remove_diacritics 0',
    prefix = '1 2 3'
);
