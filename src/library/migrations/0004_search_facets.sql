-- Schema version 4: category, document types and tags also go into the index as facet
-- tokens ("catnoidung", "typekehoach", "typeany", "tagdanvan"), so filtered searches are
-- answered by the index alone instead of a lookup per matching row.
DROP TABLE clause_fts;
CREATE VIRTUAL TABLE clause_fts USING fts5 (
    title, body, extra, facets,
    tokenize = 'unicode61 remove_diacritics 0',
    prefix = '1 2 3'
);
