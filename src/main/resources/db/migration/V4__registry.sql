-- Current state of each weapon: a projection of its ledger entries, written in the same transaction.
CREATE TABLE weapon (
  id                     UUID PRIMARY KEY,
  weapon_type            TEXT NOT NULL,
  salw_class             TEXT NOT NULL,       -- SMALL_ARM or LIGHT_WEAPON (ITI para 4)
  maker_code             TEXT,                -- reference maker code; null when the maker is unknown
  maker_as_marked        TEXT NOT NULL DEFAULT '',
  model                  TEXT NOT NULL DEFAULT '',
  calibre                TEXT NOT NULL DEFAULT '',
  country_of_manufacture CHAR(2),
  year_of_manufacture    INT,
  serial_as_marked       TEXT NOT NULL DEFAULT '',
  serial_normalised      TEXT NOT NULL DEFAULT '',
  status                 TEXT NOT NULL,
  holder_id              UUID,
  location               TEXT NOT NULL DEFAULT '',
  batch_id               UUID,
  registered_at          TIMESTAMPTZ NOT NULL,
  registered_by          TEXT NOT NULL,
  last_event_at          TIMESTAMPTZ NOT NULL,
  last_event_kind        TEXT NOT NULL,       -- the state machine's memory: last non-voided entry and its date
  last_event_on          DATE
);
CREATE INDEX weapon_serial_idx ON weapon (serial_normalised text_pattern_ops);
CREATE INDEX weapon_status_idx ON weapon (status, registered_at DESC);
CREATE INDEX weapon_type_idx ON weapon (weapon_type, registered_at DESC);
CREATE INDEX weapon_maker_idx ON weapon (maker_code, serial_normalised);
CREATE INDEX weapon_holder_idx ON weapon (holder_id);
CREATE INDEX weapon_registered_idx ON weapon (registered_at DESC, id);
CREATE INDEX weapon_batch_idx ON weapon (batch_id) WHERE batch_id IS NOT NULL;

-- Markings other than the serial (import marks, state-stock marks, national marks). Append-only.
CREATE TABLE weapon_marking (
  id          BIGSERIAL PRIMARY KEY,
  weapon_id   UUID NOT NULL REFERENCES weapon(id),
  kind        TEXT NOT NULL,                 -- IMPORT, STATE_STOCK, NATIONAL, PROOF, OTHER
  text        TEXT NOT NULL,
  country     CHAR(2),
  year        INT,
  ledger_seq  BIGINT NOT NULL,
  recorded_at TIMESTAMPTZ NOT NULL,
  recorded_by TEXT NOT NULL
);
CREATE INDEX weapon_marking_weapon_idx ON weapon_marking (weapon_id);
CREATE INDEX weapon_marking_text_idx ON weapon_marking (kind, text);

CREATE TABLE marking_photo (
  id           UUID PRIMARY KEY,
  weapon_id    UUID NOT NULL REFERENCES weapon(id),
  caption      TEXT NOT NULL DEFAULT '',
  content_type TEXT NOT NULL,
  content      BYTEA NOT NULL,
  sha256       TEXT NOT NULL,
  ledger_seq   BIGINT NOT NULL,
  uploaded_at  TIMESTAMPTZ NOT NULL,
  uploaded_by  TEXT NOT NULL
);
CREATE INDEX marking_photo_weapon_idx ON marking_photo (weapon_id);

CREATE TABLE holder (
  id                  UUID PRIMARY KEY,
  kind                TEXT NOT NULL,         -- PERSON, COMPANY, STATE_BODY
  name                TEXT NOT NULL,
  country             CHAR(2),
  -- personal data (persons): shown only to roles that need it, and every read is audited
  birth_date          DATE,
  id_document         TEXT NOT NULL DEFAULT '',
  address             TEXT NOT NULL DEFAULT '',
  phone               TEXT NOT NULL DEFAULT '',
  -- companies and state bodies
  registration_number TEXT NOT NULL DEFAULT '',
  role                TEXT NOT NULL DEFAULT '', -- e.g. MANUFACTURER, DEALER, POLICE, ARMED_FORCES, CUSTOMS
  batch_id            UUID,
  created_at          TIMESTAMPTZ NOT NULL,
  created_by          TEXT NOT NULL,
  updated_at          TIMESTAMPTZ NOT NULL,
  updated_by          TEXT NOT NULL
);
CREATE INDEX holder_name_idx ON holder (lower(name) text_pattern_ops);

CREATE TABLE licence (
  id                UUID PRIMARY KEY,
  holder_id         UUID NOT NULL REFERENCES holder(id),
  number            TEXT NOT NULL,
  kind              TEXT NOT NULL,          -- POSSESSION, CARRY, DEALER, MANUFACTURE, COLLECTOR, BROKER
  valid_from        DATE NOT NULL,
  valid_until       DATE,
  issuing_authority TEXT NOT NULL,
  revoked_on        DATE,
  revoked_reason    TEXT,
  created_at        TIMESTAMPTZ NOT NULL,
  created_by        TEXT NOT NULL,
  UNIQUE (issuing_authority, number)
);
CREATE INDEX licence_holder_idx ON licence (holder_id);

-- The ledger: every lifecycle event of every weapon, holder and licence, hash-chained in one sequence.
-- Append-only: the database refuses UPDATE, DELETE and TRUNCATE; a mistake is voided by a later entry.
CREATE TABLE ledger_entry (
  seq                  BIGINT PRIMARY KEY,
  subject_type         TEXT NOT NULL,      -- WEAPON, HOLDER
  subject_id           UUID NOT NULL,
  kind                 TEXT NOT NULL,
  occurred_on          DATE,
  place                TEXT NOT NULL DEFAULT '',
  actor                TEXT NOT NULL DEFAULT '',
  reference            TEXT NOT NULL DEFAULT '',
  notes                TEXT NOT NULL DEFAULT '',
  holder_id            UUID,
  licence_id           UUID,
  country              CHAR(2),
  details              TEXT NOT NULL DEFAULT '',  -- a canonical snapshot (registration, holder, licence, marking)
  voids_seq            BIGINT REFERENCES ledger_entry(seq),
  batch_id             UUID,
  recorded_at          TIMESTAMPTZ NOT NULL,
  recorded_by          TEXT NOT NULL,
  prev_hash            TEXT NOT NULL,
  hash                 TEXT NOT NULL
);
CREATE INDEX ledger_entry_subject_idx ON ledger_entry (subject_id, seq);
CREATE INDEX ledger_entry_voids_idx ON ledger_entry (voids_seq) WHERE voids_seq IS NOT NULL;
CREATE INDEX ledger_entry_recorded_idx ON ledger_entry (recorded_at DESC);
CREATE TRIGGER ledger_entry_append_only BEFORE UPDATE OR DELETE ON ledger_entry
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER ledger_entry_no_truncate BEFORE TRUNCATE ON ledger_entry
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER weapon_marking_append_only BEFORE UPDATE OR DELETE ON weapon_marking
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER marking_photo_append_only BEFORE UPDATE OR DELETE ON marking_photo
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();

-- The head of the chain: the last sequence number and hash. Appends lock this row, so the chain stays one
-- line even with several application instances.
CREATE TABLE ledger_head (
  id   INT PRIMARY KEY CHECK (id = 1),
  seq  BIGINT NOT NULL,
  hash TEXT NOT NULL
);
INSERT INTO ledger_head VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Nothing is deleted from a register (ITI para 12; Firearms Protocol art. 7; ATT art. 12).
CREATE TRIGGER weapon_no_delete BEFORE DELETE ON weapon FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER holder_no_delete BEFORE DELETE ON holder FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER licence_no_delete BEFORE DELETE ON licence FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
