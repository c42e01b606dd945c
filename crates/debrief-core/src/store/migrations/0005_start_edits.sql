-- Changes of an incident's start, kept like corrections of timeline entries: the old value, the
-- new one, when, and why (`set` by a person, read from a `post-mortem` file, or moved back to
-- a key time marked before it: `detected`, `mitigated` or `resolved`).

CREATE TABLE start_edits (
    incident_id TEXT NOT NULL REFERENCES incidents (id),
    edited_at   TEXT NOT NULL,
    old_value   TEXT NOT NULL,
    new_value   TEXT NOT NULL,
    cause       TEXT NOT NULL CHECK (cause IN ('set', 'post-mortem', 'detected', 'mitigated', 'resolved'))
) STRICT;

CREATE INDEX start_edits_by_incident ON start_edits (incident_id);

-- An incident cannot be detected, mitigated or resolved before it started. Databases written
-- before this rule may hold a key time earlier than the start: the start moves back to the
-- earliest such mark, with the old start kept above.
CREATE TEMP TABLE earliest_marks AS
    SELECT i.id AS incident_id, i.started_at AS old_value, e.at AS new_value, e.at_utc AS new_utc, e.kind AS cause
    FROM incidents i
    JOIN entries e ON e.entry_key = (
        SELECT m.entry_key FROM entries m
        WHERE m.incident_id = i.id AND m.kind IN ('detected', 'mitigated', 'resolved')
        ORDER BY m.at_utc, m.seq LIMIT 1
    )
    WHERE e.at_utc < i.started_at_utc;

INSERT INTO start_edits (incident_id, edited_at, old_value, new_value, cause)
    SELECT incident_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), old_value, new_value, cause FROM earliest_marks;

UPDATE incidents SET started_at = moved.new_value, started_at_utc = moved.new_utc
    FROM earliest_marks AS moved WHERE moved.incident_id = incidents.id;

DROP TABLE earliest_marks;
