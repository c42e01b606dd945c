-- Where each incident's post-mortem was last published: the file, the branch,
-- and the commit in the managed repository that holds what this laptop last
-- published (the common ancestor for merging later edits by others).

CREATE TABLE publications (
    incident_id  TEXT PRIMARY KEY REFERENCES incidents (id),
    path         TEXT NOT NULL,
    branch       TEXT NOT NULL,
    commit_id    TEXT NOT NULL,
    published_at TEXT NOT NULL
) STRICT;
