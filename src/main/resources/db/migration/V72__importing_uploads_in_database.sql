-- Uploaded files are kept in the database, not on one instance's disk: any instance behind the load balancer can show
-- the mapping step, start, restart and follow an import. The file's content is released after a retention period;
-- its name, size and SHA-256 stay with every batch read from it.
CREATE TABLE import_upload (
  id                  UUID PRIMARY KEY,
  file_name           TEXT NOT NULL,
  file_sha256         TEXT NOT NULL,
  file_bytes          BIGINT NOT NULL,
  format              TEXT NOT NULL,            -- CSV or XLSX
  headers             TEXT NOT NULL,            -- the header line as read, one CSV record
  delimiter           TEXT,                     -- the header line's delimiter (CSV)
  encoding            TEXT NOT NULL,
  local_path          TEXT,                     -- command line: read where it lies by that process, not copied
  uploaded_at         TIMESTAMPTZ NOT NULL,
  uploaded_by         TEXT NOT NULL,
  content_released_at TIMESTAMPTZ               -- after the retention period: the content is gone, the record stays
);
CREATE INDEX import_upload_uploaded_idx ON import_upload (uploaded_at);

-- The content, in pieces of 1 MB, in order.
CREATE TABLE import_upload_chunk (
  upload_id UUID NOT NULL REFERENCES import_upload(id),
  n         INT NOT NULL,
  content   BYTEA NOT NULL,
  PRIMARY KEY (upload_id, n)
);

-- What the batch was read from and with, so it can be read again (restart); its progress and a cancellation
-- request are in the row, so every instance sees the one and the reading instance sees the other.
ALTER TABLE import_batch
  ADD COLUMN upload_id           UUID REFERENCES import_upload(id),
  ADD COLUMN encoding            TEXT,
  ADD COLUMN delimiter           TEXT,
  ADD COLUMN date_format         TEXT,
  ADD COLUMN mapping             TEXT NOT NULL DEFAULT '',   -- column=Header lines, as stated
  ADD COLUMN bytes_read          BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN cancel_requested_at TIMESTAMPTZ,
  ADD COLUMN cancel_requested_by TEXT,
  ADD COLUMN read_again_as       UUID;
CREATE INDEX import_batch_upload_idx ON import_batch (upload_id);
