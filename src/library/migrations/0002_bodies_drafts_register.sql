-- Schema version 2: the search index also covers tags and source; issuing bodies,
-- signers, Nơi nhận lists, drafts with version history and the outgoing register.
DROP TABLE clause_fts;
CREATE VIRTUAL TABLE clause_fts USING fts5 (
    title, body, extra,
    tokenize = 'unicode61 remove_diacritics 0',
    prefix = '1 2 3'
);

CREATE TABLE bodies (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
    abbreviation TEXT NOT NULL CHECK (length(trim(abbreviation)) > 0),
    superior_id  INTEGER REFERENCES bodies (id) ON DELETE SET NULL,
    place        TEXT,
    system       TEXT NOT NULL CHECK (system IN ('state', 'party')),
    abolished_on TEXT,
    note         TEXT
);
CREATE UNIQUE INDEX bodies_unique_name ON bodies (name, ifnull(superior_id, 0));

CREATE TABLE signers (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL CHECK (length(trim(name)) > 0),
    body_id INTEGER REFERENCES bodies (id) ON DELETE SET NULL,
    forms   TEXT NOT NULL  -- JSON array of SigningForm
);
CREATE UNIQUE INDEX signers_unique ON signers (name, ifnull(body_id, 0));

CREATE TABLE recipient_lists (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    body_id    INTEGER REFERENCES bodies (id) ON DELETE SET NULL,
    electronic INTEGER NOT NULL DEFAULT 0,
    items      TEXT NOT NULL,  -- JSON array of lines without the leading "- "
    archive    TEXT NOT NULL   -- "VT, NV" for the final "- Lưu: VT, NV."
);

CREATE TABLE drafts (
    id              INTEGER PRIMARY KEY,
    title           TEXT NOT NULL,
    template        TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    current_version INTEGER NOT NULL DEFAULT 0,
    locked_version  INTEGER
);
CREATE TABLE draft_versions (
    draft_id INTEGER NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
    version  INTEGER NOT NULL,
    content  TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    -- 'autosave' versions may be refreshed in place while typing; others are kept as they are.
    kind     TEXT NOT NULL DEFAULT 'autosave'
             CHECK (kind IN ('autosave', 'checkpoint', 'restore', 'import', 'issued')),
    PRIMARY KEY (draft_id, version)
);

-- Last number handed out per body and year: numbers are never reused.
CREATE TABLE register_counters (
    body_id     INTEGER NOT NULL REFERENCES bodies (id),
    year        INTEGER NOT NULL,
    last_number INTEGER NOT NULL,
    PRIMARY KEY (body_id, year)
) WITHOUT ROWID;
CREATE TABLE register (
    id              INTEGER PRIMARY KEY,
    body_id         INTEGER NOT NULL REFERENCES bodies (id),
    year            INTEGER NOT NULL,
    number          INTEGER NOT NULL CHECK (number > 0),
    expected_number INTEGER,
    doc_type        TEXT NOT NULL,
    symbol          TEXT NOT NULL,
    issued_on       TEXT NOT NULL,
    summary         TEXT NOT NULL,
    signer          TEXT NOT NULL,
    draft_id        INTEGER REFERENCES drafts (id),
    draft_version   INTEGER,
    recorded_at     TEXT NOT NULL,
    UNIQUE (body_id, year, number)
);
