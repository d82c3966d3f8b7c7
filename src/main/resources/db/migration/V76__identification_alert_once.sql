-- Identification: each instance keeps the imported lost/stolen lists in memory and follows the entries imported by the
-- other instances by this number (those after the last it has). Imports lock the table for writing until they commit
-- (WatchListStore.lockForImport), so entries become visible in the order of their numbers and none is skipped.
-- Alerts need no change to be raised once: their ids are derived from what raised them (WatchListChecker).
ALTER TABLE ident_watch_entry ADD COLUMN seq BIGSERIAL;
CREATE UNIQUE INDEX ident_watch_entry_seq ON ident_watch_entry (seq);
