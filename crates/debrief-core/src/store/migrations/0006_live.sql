-- Live incidents: several responders, each on their own laptop, share one timeline through the
-- team's repository. Each responder's lines travel as an append-only log of their own; every
-- line has a stable identity (the responder who wrote it and their number for it), so however
-- often a log is pushed or fetched, a line is stored once.

ALTER TABLE incidents ADD COLUMN live INTEGER NOT NULL DEFAULT 0 CHECK (live IN (0, 1));

-- Who this laptop is to the others: made once, on first use of a live incident.
CREATE TABLE live_self (
    one       INTEGER PRIMARY KEY CHECK (one = 1),
    responder TEXT NOT NULL,
    name      TEXT NOT NULL
) STRICT;

-- Which responder's log a line came from, and its number there.
ALTER TABLE entries ADD COLUMN origin TEXT;
ALTER TABLE entries ADD COLUMN origin_seq INTEGER;

CREATE UNIQUE INDEX entries_by_origin ON entries (incident_id, origin, origin_seq) WHERE origin IS NOT NULL;

-- A key time marked by a responder other than the commander arrives as a proposal: on the
-- timeline, not a key time until the commander accepts it (by marking it themselves).
ALTER TABLE entries ADD COLUMN proposed INTEGER NOT NULL DEFAULT 0 CHECK (proposed IN (0, 1));

-- What this laptop has written to its log and not pushed yet, in order. An event is written in
-- the same transaction as the line or correction it carries.
CREATE TABLE live_outbox (
    incident_id TEXT NOT NULL REFERENCES incidents (id),
    seq         INTEGER NOT NULL,
    event       TEXT NOT NULL,
    pushed      INTEGER NOT NULL DEFAULT 0 CHECK (pushed IN (0, 1)),
    PRIMARY KEY (incident_id, seq)
) STRICT;

-- The other responders of each live incident, and how far their logs are applied here.
CREATE TABLE live_responders (
    incident_id   TEXT NOT NULL REFERENCES incidents (id),
    responder     TEXT NOT NULL,
    name          TEXT NOT NULL,
    last_heard_at TEXT,
    applied_tip   TEXT,
    PRIMARY KEY (incident_id, responder)
) STRICT;

-- Corrections of lines not here yet (their responder's log has not arrived): applied when the
-- line arrives.
CREATE TABLE live_pending_corrections (
    incident_id TEXT NOT NULL REFERENCES incidents (id),
    responder   TEXT NOT NULL,
    line        INTEGER NOT NULL,
    corrector   TEXT NOT NULL,
    event       TEXT NOT NULL
) STRICT;

CREATE INDEX live_pending_by_line ON live_pending_corrections (incident_id, responder, line);

-- Corrections arriving from several laptops: the latest by when it was made wins, and every one
-- stays in the entry's history. Remembering the winning moment per field makes that order-free.
ALTER TABLE entry_edits ADD COLUMN origin TEXT;
