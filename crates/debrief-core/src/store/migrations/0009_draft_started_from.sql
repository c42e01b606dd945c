-- The template body a draft was started from, so that choosing another template can tell a
-- draft nobody has written in (started again from the new one) from one holding writing (kept
-- as it is). NULL for drafts started before this was recorded and for drafts read from a file.
ALTER TABLE drafts ADD COLUMN started_from TEXT;
