-- What a post-mortem adds to an incident: its owner and review status, the
-- services and tags it concerns, links to tickets, chat logs and customer forum
-- posts, the action items (countermeasures), and the draft's prose.

ALTER TABLE incidents ADD COLUMN owner TEXT;
ALTER TABLE incidents ADD COLUMN postmortem_status TEXT NOT NULL DEFAULT 'draft'
    CHECK (postmortem_status IN ('draft', 'review', 'final'));

CREATE TABLE incident_labels (
    incident_id TEXT NOT NULL REFERENCES incidents (id),
    kind        TEXT NOT NULL CHECK (kind IN ('service', 'tag')),
    value       TEXT NOT NULL,
    PRIMARY KEY (incident_id, kind, value)
) STRICT;

CREATE TABLE incident_links (
    incident_id TEXT NOT NULL REFERENCES incidents (id),
    kind        TEXT NOT NULL CHECK (kind IN ('ticket', 'chat', 'forum')),
    target      TEXT NOT NULL, -- a URL, or a ticket reference such as INC-123
    PRIMARY KEY (incident_id, kind, target)
) STRICT;

CREATE TABLE action_items (
    incident_id TEXT NOT NULL REFERENCES incidents (id),
    seq         INTEGER NOT NULL, -- the number people see (#1, #2, ...)
    text        TEXT NOT NULL,
    owner       TEXT,
    due         TEXT, -- YYYY-MM-DD
    type        TEXT CHECK (type IN ('detective', 'preventive', 'corrective', 'learning')),
    ticket      TEXT,
    status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
    PRIMARY KEY (incident_id, seq)
) STRICT;

-- The draft's working copy: its prose with markers where generated tables go,
-- and any front matter Debrief does not know, kept verbatim.
CREATE TABLE drafts (
    incident_id        TEXT PRIMARY KEY REFERENCES incidents (id),
    body               TEXT NOT NULL,
    extra_front_matter TEXT NOT NULL DEFAULT '',
    updated_at         TEXT NOT NULL
) STRICT;
