-- Network (issue 5): keys, peers, delivery state, inbox and refusals.

-- This node's own key pairs (private parts included): 'sig' signs (ES256), 'enc' decrypts (ECDH-ES+A256KW).
-- The newest non-retired key of each use is current; older ones stay usable until retire_at (rotation).
CREATE TABLE network_key (
  kid         TEXT PRIMARY KEY,
  use         TEXT NOT NULL CHECK (use IN ('sig', 'enc')),
  jwk         TEXT NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL,
  retire_at   TIMESTAMPTZ
);

-- Peers this node trusts explicitly. via: the hub through which the peer is reached (null: direct).
CREATE TABLE network_peer (
  id               TEXT PRIMARY KEY,
  role             TEXT NOT NULL CHECK (role IN ('NATIONAL', 'HUB')),
  country          TEXT,
  name             TEXT NOT NULL,
  endpoint         TEXT NOT NULL,
  via              TEXT,
  source           TEXT NOT NULL CHECK (source IN ('CONFIG', 'ADMIN')),
  last_contact_at  TIMESTAMPTZ,
  created_at       TIMESTAMPTZ NOT NULL,
  updated_at       TIMESTAMPTZ NOT NULL
);

-- A peer's public keys; several at once during a rotation. A key is accepted until retire_at.
CREATE TABLE network_peer_key (
  peer_id    TEXT NOT NULL REFERENCES network_peer (id) ON DELETE CASCADE,
  kid        TEXT NOT NULL,
  use        TEXT NOT NULL CHECK (use IN ('sig', 'enc')),
  jwk        TEXT NOT NULL,
  added_at   TIMESTAMPTZ NOT NULL,
  retire_at  TIMESTAMPTZ,
  PRIMARY KEY (peer_id, kid)
);

-- Delivery state of the outbox. seq orders messages of one (recipient, conversation); a relayed row carries
-- the sender's sealed message (inner) that this node cannot read, and origin, the node that wrote it.
ALTER TABLE network_outbox
  ADD COLUMN seq              BIGSERIAL,
  ADD COLUMN status           TEXT NOT NULL DEFAULT 'QUEUED' CHECK (status IN ('QUEUED', 'DELIVERED', 'UNDELIVERABLE')),
  ADD COLUMN attempts         INT NOT NULL DEFAULT 0,
  ADD COLUMN next_attempt_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  ADD COLUMN claimed_until    TIMESTAMPTZ,
  ADD COLUMN last_error       TEXT,
  ADD COLUMN last_attempt_at  TIMESTAMPTZ,
  ADD COLUMN delivered_at     TIMESTAMPTZ,
  ADD COLUMN origin           TEXT,
  ADD COLUMN inner_jwe        TEXT;
ALTER TABLE network_outbox ADD CONSTRAINT network_outbox_seq UNIQUE (seq);
DROP INDEX network_outbox_conversation;
CREATE INDEX network_outbox_pending ON network_outbox (recipient, conversation_id, seq) WHERE status <> 'DELIVERED';
CREATE INDEX network_outbox_due ON network_outbox (next_attempt_at) WHERE status = 'QUEUED';

-- Messages received, keyed by message id: a message delivered twice is processed once.
CREATE TABLE network_inbox (
  id               UUID PRIMARY KEY,
  sender           TEXT NOT NULL,
  via              TEXT,
  conversation_id  TEXT NOT NULL,
  type             TEXT NOT NULL,
  payload          TEXT NOT NULL,
  sent_at          TIMESTAMPTZ NOT NULL,
  received_at      TIMESTAMPTZ NOT NULL,
  deliveries       INT NOT NULL DEFAULT 1
);
CREATE INDEX network_inbox_type ON network_inbox (type, received_at);

-- Messages refused at the inbox (unsigned, tampered, unknown peer, misaddressed), for a person to look at.
CREATE TABLE network_refusal (
  id           BIGSERIAL PRIMARY KEY,
  at           TIMESTAMPTZ NOT NULL,
  remote_addr  TEXT,
  claimed_sender TEXT,
  reason       TEXT NOT NULL,
  detail       TEXT
);

-- Test messages ('network.ping') as processed, one row per processing: more rows than ids would be a duplicate.
CREATE TABLE network_ping (
  message_id   UUID NOT NULL,
  sender       TEXT NOT NULL,
  sent_at      TIMESTAMPTZ NOT NULL,
  processed_at TIMESTAMPTZ NOT NULL
);
