-- Lines imported from elsewhere (a Slack export, a chat log, a git repository, another
-- responder's timeline) remember which line of their source they were, so importing the
-- same source again adds nothing. Lines typed into Debrief have no key.

ALTER TABLE entries ADD COLUMN source_key TEXT;

CREATE UNIQUE INDEX entries_by_source_key ON entries (incident_id, source_key) WHERE source_key IS NOT NULL;
