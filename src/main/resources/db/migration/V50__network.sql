-- Network (issue 5): messages waiting to be delivered to peers. Rows are kept after delivery as the record of
-- what was sent.
CREATE TABLE network_outbox (
  id              UUID PRIMARY KEY,
  recipient       TEXT NOT NULL,
  conversation_id TEXT NOT NULL,
  type            TEXT NOT NULL,
  payload         TEXT NOT NULL,
  created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX network_outbox_conversation ON network_outbox (recipient, conversation_id, created_at);
