-- The feed sends each row's current state (entity_row.data) instead of a copy of the row per
-- change: every pushed row's JSON was written twice (entity_row and change_log.row_state), and
-- that second copy was most of the push's time inside PostgreSQL. A device that pulls an older
-- entry and gets a newer state converges all the same (it keeps the latest state per row and
-- later entries for the row send it again). row_state stays for the entries written before.
--
-- sends_row: whether the entry sends its row at all (false for duplicates and for rejected
-- changes to a row the server never had; before this migration: row_state IS NOT NULL).
-- verbatim: the server's row after this change is exactly what the writing device sent, so
-- that device already holds it and the feed need not echo it back to it. Safe only because
-- the feed sends the current state: an older entry for the row by another device, pulled
-- later, brings the current state too, never an older one.
ALTER TABLE change_log ADD COLUMN sends_row boolean NOT NULL DEFAULT true;
UPDATE change_log SET sends_row = false WHERE row_state IS NULL;
ALTER TABLE change_log ALTER COLUMN sends_row DROP DEFAULT;
ALTER TABLE change_log ADD COLUMN verbatim boolean NOT NULL DEFAULT false;
