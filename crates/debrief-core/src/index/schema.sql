-- The browse index: derived from the shared repository, rebuilt whenever its
-- schema changes or it cannot be trusted. Never the only copy of anything.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE documents (
    doc_id     INTEGER PRIMARY KEY, -- also the rowid of the document in documents_fts
    path       TEXT NOT NULL UNIQUE,
    id         TEXT NOT NULL,
    title      TEXT NOT NULL,
    date       TEXT, -- YYYY-MM-DD: the start, else the date in the file name, else when it was added
    kind       TEXT,
    severity   TEXT,
    status     TEXT,
    owner      TEXT,
    started    TEXT, -- RFC 3339
    detected   TEXT,
    mitigated  TEXT,
    resolved   TEXT,
    -- How long it took in seconds, as a post-mortem written by hand states it ("Time to repair: 2h").
    stated_detect_s   INTEGER,
    stated_mitigate_s INTEGER,
    stated_resolve_s  INTEGER,
    structured INTEGER NOT NULL, -- 1 when it has Debrief's front matter
    -- The post-mortem written by hand this one, published by Debrief, takes the place of.
    replaces   TEXT,
    -- 1 when a post-mortem Debrief published takes this one's place: it is left out of what
    -- browsing shows (searches, action items, trends), as the two are one incident.
    replaced   INTEGER NOT NULL DEFAULT 0
) STRICT;
-- Browsing without words lists the newest first; a search can narrow its matches by severity.
CREATE INDEX documents_by_date ON documents (date DESC, path);
CREATE INDEX documents_by_severity ON documents (severity);
CREATE INDEX documents_replaced ON documents (doc_id) WHERE replaced = 1;

CREATE TABLE labels (
    doc_id INTEGER NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    kind   TEXT NOT NULL, -- service | tag
    value  TEXT NOT NULL COLLATE NOCASE
) STRICT;
CREATE INDEX labels_by_value ON labels (kind, value, doc_id);
CREATE INDEX labels_by_document ON labels (doc_id);

CREATE TABLE actions (
    doc_id INTEGER NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    text   TEXT NOT NULL,
    owner  TEXT,
    due    TEXT,
    type   TEXT,
    ticket TEXT,
    status TEXT NOT NULL, -- open | done | wont-do
    reason TEXT -- why a won't-do item will not be done
) STRICT;
CREATE INDEX actions_by_document ON actions (doc_id);

-- The contributing factors a post-mortem's front matter lists, in its order.
CREATE TABLE factors (
    doc_id   INTEGER NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text     TEXT NOT NULL,
    theme    TEXT -- in its one form (`knowledge-and-handover`), whether or not the team lists it
) STRICT;
CREATE INDEX factors_by_document ON factors (doc_id);
CREATE INDEX factors_by_theme ON factors (theme);

CREATE VIRTUAL TABLE documents_fts USING fts5 (
    title,
    name, -- the words of the file name, which often say what happened
    body,
    -- debrief_cjk: Chinese, Japanese and Korean a character at a time (index/cjk.rs).
    tokenize = 'porter debrief_cjk unicode61 remove_diacritics 2'
);
-- Indexing everything at once keeps 16 MiB of new entries in memory rather than 1 MiB: written out
-- a sixth as often, the pieces of the index then need no merging while it is built.
INSERT INTO documents_fts (documents_fts, rank) VALUES ('hashsize', 16777216);

-- "Seen before": each post-mortem's telling terms (word stems and two-word phrases joined by
-- `_`, from its title, timeline and contributing factors), once each. Only which documents use
-- a term is needed, so no positions and no copy of the text are kept.
CREATE VIRTUAL TABLE similar_terms USING fts5 (
    terms,
    tokenize = "ascii tokenchars '_'",
    detail = none,
    content = '',
    contentless_delete = 1
);
-- How many post-mortems use each term.
CREATE VIRTUAL TABLE similar_vocab USING fts5vocab (similar_terms, row);

CREATE TABLE profiles (
    doc_id INTEGER PRIMARY KEY REFERENCES documents (doc_id) ON DELETE CASCADE,
    terms  INTEGER NOT NULL -- how many distinct terms: long write-ups share more words by length alone
) STRICT;
