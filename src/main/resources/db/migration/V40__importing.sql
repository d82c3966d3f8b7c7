-- Imports of legacy registers. A batch is read into import_row (staging, owned by this module) and reaches the
-- register only when a registrar confirms it, in one transaction; until then it can be voided. Nothing is deleted.
CREATE TABLE import_batch (
  id              UUID PRIMARY KEY,
  file_name       TEXT NOT NULL,
  file_sha256     TEXT NOT NULL,
  file_bytes      BIGINT NOT NULL,
  format          TEXT NOT NULL,            -- CSV or XLSX
  options         TEXT NOT NULL,            -- encoding, delimiter, date format and column mapping, as stated
  status          TEXT NOT NULL,            -- RUNNING, LOADED, CONFIRMED, CANCELLED, INTERRUPTED, FAILED, VOIDED
  rows_read       BIGINT NOT NULL DEFAULT 0,
  rows_accepted   BIGINT NOT NULL DEFAULT 0,
  rows_rejected   BIGINT NOT NULL DEFAULT 0,
  rows_flagged    BIGINT NOT NULL DEFAULT 0,
  rows_already    BIGINT NOT NULL DEFAULT 0,  -- rows identical to rows of an earlier confirmed import
  weapons_registered BIGINT NOT NULL DEFAULT 0,
  holders_registered BIGINT NOT NULL DEFAULT 0,
  message         TEXT NOT NULL DEFAULT '',
  timings         TEXT NOT NULL DEFAULT '',  -- where the time went (reading, COPY, look-ups, confirmation)
  started_at      TIMESTAMPTZ NOT NULL,
  started_by      TEXT NOT NULL,
  heartbeat_at    TIMESTAMPTZ NOT NULL,
  finished_at     TIMESTAMPTZ,
  confirmed_at    TIMESTAMPTZ,
  confirmed_by    TEXT,
  voided_at       TIMESTAMPTZ,
  voided_by       TEXT,
  void_reason     TEXT
);
-- The same file is imported once: a second upload is refused while a batch of it is open or confirmed.
CREATE UNIQUE INDEX import_batch_file_idx ON import_batch (file_sha256) WHERE status IN ('RUNNING', 'LOADED', 'CONFIRMED');
CREATE INDEX import_batch_started_idx ON import_batch (started_at DESC);

-- Every change of a batch's status, with who, when and why. Append-only.
CREATE TABLE import_batch_history (
  id        BIGSERIAL PRIMARY KEY,
  batch_id  UUID NOT NULL REFERENCES import_batch(id),
  status    TEXT NOT NULL,
  at        TIMESTAMPTZ NOT NULL,
  by_user   TEXT NOT NULL,
  reason    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX import_batch_history_batch_idx ON import_batch_history (batch_id, id);
CREATE TRIGGER import_batch_history_append_only BEFORE UPDATE OR DELETE ON import_batch_history
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();

-- Rows read and accepted by the checks, waiting for confirmation. status: ACCEPTED, FLAGGED (suspected duplicate,
-- for a person to decide), DUPLICATE (confirmed duplicate: not registered), DISTINCT (suspicion rejected: registered),
-- ALREADY (identical to a row of an earlier confirmed import: nothing new is created).
CREATE TABLE import_row (
  batch_id        UUID NOT NULL,
  line            BIGINT NOT NULL,
  status          TEXT NOT NULL,
  weapon_id       UUID NOT NULL,          -- the id the weapon gets in the register
  row_key         TEXT NOT NULL,          -- SHA-256 of the row's normalised content (idempotence across files)
  weapon_type     TEXT NOT NULL,
  maker_code      TEXT,
  maker_as_marked TEXT NOT NULL,
  model           TEXT NOT NULL,
  calibre         TEXT NOT NULL,
  country         TEXT,
  year            INT,
  serial          TEXT NOT NULL,
  serial_norm     TEXT NOT NULL,
  national_mark   TEXT NOT NULL,
  import_mark     TEXT NOT NULL,
  location        TEXT NOT NULL,
  holder_id       UUID,
  holder_kind     TEXT,
  holder_name     TEXT NOT NULL,
  holder_country  TEXT,
  holder_document TEXT NOT NULL,
  origin_kind     TEXT,
  origin_date     DATE,
  origin_country  TEXT,
  origin_place    TEXT NOT NULL,
  event_kind      TEXT,
  event_date      DATE,
  event_country   TEXT,
  event_place     TEXT NOT NULL,
  flag_reason     TEXT NOT NULL DEFAULT '',
  matched_weapon  UUID,
  reviewed_by     TEXT,
  reviewed_at     TIMESTAMPTZ,
  PRIMARY KEY (batch_id, line)
);
CREATE INDEX import_row_flagged_idx ON import_row (batch_id, line) WHERE status = 'FLAGGED';
CREATE INDEX import_row_key_idx ON import_row (weapon_id);

-- Rejected rows: line, column and reason (the downloadable error report).
CREATE TABLE import_error (
  batch_id    UUID NOT NULL,
  line        BIGINT NOT NULL,
  column_name TEXT NOT NULL,
  reason      TEXT NOT NULL,
  value       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX import_error_batch_idx ON import_error (batch_id, line);
