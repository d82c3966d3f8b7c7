-- Tracing (issue 5, ITI section V): requests this node sent and requests it received, the thread of each, and
-- every step of their life. A request row holds the current state; its history is in trace_step (append-only).
CREATE TABLE trace_request (
  id                     UUID PRIMARY KEY,
  direction              TEXT NOT NULL CHECK (direction IN ('OUTGOING', 'INCOMING')),
  -- The requesting node's request id: the conversation on the network, the same on both nodes.
  conversation_id        UUID NOT NULL,
  reference              TEXT NOT NULL,
  counterpart_node       TEXT,
  counterpart_country    TEXT,
  counterpart_name       TEXT,
  state                  TEXT NOT NULL,
  weapon_id              UUID,
  recovery_kind          TEXT,
  recovered_on           DATE,
  recovered_place        TEXT,
  circumstances          TEXT,
  illicit_nature         TEXT,
  legal_basis            TEXT,
  intended_use           TEXT,
  weapon_type            TEXT,
  maker                  TEXT,
  model                  TEXT,
  calibre                TEXT,
  serial                 TEXT,
  country_of_manufacture TEXT,
  year_of_manufacture    INT,
  markings               TEXT NOT NULL DEFAULT '[]',
  answer                 TEXT,
  answer_outcome         TEXT,
  origin_established     BOOLEAN,
  due_on                 DATE,
  reminded_at            TIMESTAMPTZ,
  undeliverable          TEXT,
  created_at             TIMESTAMPTZ NOT NULL,
  created_by             TEXT NOT NULL,
  updated_at             TIMESTAMPTZ NOT NULL,
  UNIQUE (direction, conversation_id)
);
CREATE INDEX trace_request_list ON trace_request (direction, updated_at DESC);
CREATE INDEX trace_request_weapon ON trace_request (weapon_id) WHERE weapon_id IS NOT NULL;

-- Photos of the markings sent with a request (copied from the register or received from the requester).
CREATE TABLE trace_photo (
  id           UUID PRIMARY KEY,
  request_id   UUID NOT NULL REFERENCES trace_request (id),
  caption      TEXT,
  content_type TEXT NOT NULL,
  content      BYTEA NOT NULL
);
CREATE INDEX trace_photo_request ON trace_photo (request_id);

-- Every step: drafted, sent, delivered, received, acknowledged, answered, messages, reminders, closed.
CREATE TABLE trace_step (
  id         BIGSERIAL PRIMARY KEY,
  request_id UUID NOT NULL REFERENCES trace_request (id),
  step       TEXT NOT NULL,
  at         TIMESTAMPTZ NOT NULL,
  username   TEXT NOT NULL,
  body       TEXT,
  message_id UUID
);
CREATE INDEX trace_step_request ON trace_step (request_id, id);
CREATE TRIGGER trace_step_append_only BEFORE UPDATE OR DELETE ON trace_step
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER trace_step_no_truncate BEFORE TRUNCATE ON trace_step
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();

-- Network messages already processed: a message delivered twice is processed once.
CREATE TABLE trace_message_seen (
  message_id UUID PRIMARY KEY,
  seen_at    TIMESTAMPTZ NOT NULL
);

-- Weapons seized, found or surrendered, as recorded in the register (SDG 16.4.2 denominator); a projection of
-- registry events, rebuilt per weapon when its history changes.
CREATE TABLE trace_recovery (
  weapon_id    UUID NOT NULL,
  seq          BIGINT NOT NULL,
  kind         TEXT NOT NULL,
  recovered_on DATE NOT NULL,
  weapon_type  TEXT NOT NULL,
  has_serial   BOOLEAN NOT NULL,
  -- The register knew the weapon legally before it was recovered: its point of diversion is on record.
  known_before BOOLEAN NOT NULL,
  PRIMARY KEY (weapon_id, seq)
);
CREATE INDEX trace_recovery_on ON trace_recovery (recovered_on);

-- When the SDG projection was first filled from the register as it stood (once; events keep it current after).
CREATE TABLE trace_recovery_backfill (
  id      INT PRIMARY KEY CHECK (id = 1),
  done_at TIMESTAMPTZ NOT NULL
);
