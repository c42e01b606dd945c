-- The contributing factors of an incident: the conditions that together allowed it, each a
-- sentence with the theme a team sorts it under (`.debrief/factors.toml` in the shared
-- repository lists the team's themes; a theme it does not list is kept as written). Kept in
-- the order written: `position` is the number people see (#1, #2, ...), and removing one
-- moves the ones after it up.

CREATE TABLE contributing_factors (
    incident_id TEXT NOT NULL REFERENCES incidents (id),
    position    INTEGER NOT NULL CHECK (position > 0),
    text        TEXT NOT NULL,
    theme       TEXT,
    PRIMARY KEY (incident_id, position)
) STRICT;
