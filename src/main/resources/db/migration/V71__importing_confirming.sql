-- Confirmations run in the background with the status CONFIRMING: the same file stays refused meanwhile.
DROP INDEX import_batch_file_idx;
CREATE UNIQUE INDEX import_batch_file_idx ON import_batch (file_sha256) WHERE status IN ('RUNNING', 'LOADED', 'CONFIRMING', 'CONFIRMED');
