-- Schema version 6: the outgoing register is keyed by an explicit number series instead of
-- the year. State bodies keep one series per calendar year ("2026", Nghị định 30/2020
-- Điều 15); Party bodies number each document type from 1 through a whole nhiệm kỳ cấp ủy
-- ("KH@2025-10-16": type abbreviation @ first day of the term, Hướng dẫn 36-HD/VPTW
-- §1.3.1 a), so Party bodies get the start date of their current term.
--
-- Existing rows and counters keep their year as their series: lossless for state bodies;
-- for Party bodies the old rows stay in the year series they were issued in, and the code
-- continues a term series after the highest number already issued with the same ký hiệu
-- in that term, so no printed number repeats.
ALTER TABLE bodies ADD COLUMN term_started_on TEXT;

CREATE TABLE register_counters_v6 (
    body_id     INTEGER NOT NULL REFERENCES bodies (id),
    series      TEXT NOT NULL CHECK (length(series) > 0),
    last_number INTEGER NOT NULL,
    PRIMARY KEY (body_id, series)
) WITHOUT ROWID;
INSERT INTO register_counters_v6 (body_id, series, last_number)
    SELECT body_id, CAST(year AS TEXT), last_number FROM register_counters;
DROP TABLE register_counters;
ALTER TABLE register_counters_v6 RENAME TO register_counters;

CREATE TABLE register_v6 (
    id              INTEGER PRIMARY KEY,
    body_id         INTEGER NOT NULL REFERENCES bodies (id),
    year            INTEGER NOT NULL,  -- year of issue, for listing
    series          TEXT NOT NULL CHECK (length(series) > 0),
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
    UNIQUE (body_id, series, number)
);
INSERT INTO register_v6 (id, body_id, year, series, number, expected_number, doc_type, symbol,
                         issued_on, summary, signer, draft_id, draft_version, recorded_at)
    SELECT id, body_id, year, CAST(year AS TEXT), number, expected_number, doc_type, symbol,
           issued_on, summary, signer, draft_id, draft_version, recorded_at
    FROM register;
DROP TABLE register;
ALTER TABLE register_v6 RENAME TO register;
CREATE INDEX register_by_draft ON register (draft_id) WHERE draft_id IS NOT NULL;
