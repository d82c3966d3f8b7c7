-- Tracing: follow-up messages (a question, a reminder, a closing) processed before their request was stored. A
-- conversation's messages are sent in order, but each is processed on its own after the inbox has taken it, so a
-- closing may be processed while its request is still being stored. It waits here and is taken in, in the order it was
-- sent, in the transaction that stores the request, which deletes its row; the audit trail records both (actions
-- tracing.parked and tracing.parked.replayed). A message whose request never comes stays here, logged and audited when
-- it was parked.
CREATE TABLE trace_parked (
  message_id      UUID PRIMARY KEY,
  sender          TEXT NOT NULL,
  -- the request id the message names: its conversation
  conversation_id UUID NOT NULL,
  type            TEXT NOT NULL,
  payload         TEXT NOT NULL,
  -- when the sender queued it (its order in the conversation)
  sent_at         TIMESTAMPTZ,
  received_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX trace_parked_conversation ON trace_parked (conversation_id);
