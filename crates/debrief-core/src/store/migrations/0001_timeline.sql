-- The incident timeline: incidents, who took part, every line typed, and every correction.
-- Key times (detected, mitigated, resolved) are not columns: they are mark entries on the
-- timeline, so correcting a mark's time corrects the key time, with its history kept.

PRAGMA application_id = 1145197126; -- 'DBRF': lets Debrief recognise its own database files

CREATE TABLE incidents (
    id             TEXT PRIMARY KEY,
    title          TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('unscheduled', 'scheduled', 'game-day')),
    severity       TEXT,
    commander      TEXT,
    started_at     TEXT NOT NULL,    -- RFC 3339 with the offset it was given in
    started_at_utc INTEGER NOT NULL, -- microseconds since the Unix epoch, for ordering
    created_at     TEXT NOT NULL
) STRICT;

CREATE TABLE participants (
    incident_id TEXT NOT NULL REFERENCES incidents (id),
    name        TEXT NOT NULL,
    role        TEXT NOT NULL,
    PRIMARY KEY (incident_id, name)
) STRICT;

CREATE TABLE entries (
    entry_key   INTEGER PRIMARY KEY,
    incident_id TEXT NOT NULL REFERENCES incidents (id),
    seq         INTEGER NOT NULL, -- the number people see (#1, #2, ...), in recording order
    at          TEXT NOT NULL,
    at_utc      INTEGER NOT NULL,
    recorded_at TEXT NOT NULL,
    who         TEXT,
    kind        TEXT NOT NULL,
    text        TEXT NOT NULL,
    source      TEXT NOT NULL,
    UNIQUE (incident_id, seq)
) STRICT;

CREATE INDEX entries_in_time_order ON entries (incident_id, at_utc, seq);
CREATE INDEX entries_by_kind ON entries (incident_id, kind, seq);

CREATE TABLE entry_edits (
    entry_key INTEGER NOT NULL REFERENCES entries (entry_key),
    edited_at TEXT NOT NULL,
    field     TEXT NOT NULL CHECK (field IN ('text', 'at')),
    old_value TEXT NOT NULL,
    new_value TEXT NOT NULL
) STRICT;

CREATE INDEX entry_edits_by_entry ON entry_edits (entry_key);
