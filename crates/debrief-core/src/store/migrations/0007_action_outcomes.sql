-- An action item can be closed without being done: won't-do, with the reason why, so a
-- decision not to do it is recorded rather than left open for years. SQLite cannot change a
-- CHECK constraint in place, so the table is made anew and its rows copied over.

CREATE TABLE action_items_with_outcomes (
    incident_id TEXT NOT NULL REFERENCES incidents (id),
    seq         INTEGER NOT NULL, -- the number people see (#1, #2, ...)
    text        TEXT NOT NULL,
    owner       TEXT,
    due         TEXT, -- YYYY-MM-DD
    type        TEXT CHECK (type IN ('detective', 'preventive', 'corrective', 'learning')),
    ticket      TEXT,
    status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'wont-do')),
    reason      TEXT, -- why a won't-do item will not be done
    PRIMARY KEY (incident_id, seq)
) STRICT;

INSERT INTO action_items_with_outcomes (incident_id, seq, text, owner, due, type, ticket, status)
    SELECT incident_id, seq, text, owner, due, type, ticket, status FROM action_items;

DROP TABLE action_items;

ALTER TABLE action_items_with_outcomes RENAME TO action_items;
