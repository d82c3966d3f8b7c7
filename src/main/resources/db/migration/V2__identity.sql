CREATE TABLE app_user (
  id            UUID PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE,
  display_name  TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  roles         TEXT NOT NULL,           -- comma-separated Role names
  locale        TEXT NOT NULL DEFAULT 'en',
  enabled       BOOLEAN NOT NULL DEFAULT TRUE,
  created_at    TIMESTAMPTZ NOT NULL,
  created_by    TEXT NOT NULL,
  updated_at    TIMESTAMPTZ NOT NULL,
  updated_by    TEXT NOT NULL
);

CREATE TABLE api_token (
  id          UUID PRIMARY KEY,
  user_id     UUID NOT NULL REFERENCES app_user(id),
  name        TEXT NOT NULL,
  token_hash  TEXT NOT NULL UNIQUE,      -- SHA-256 of the token; the token itself is shown once
  created_at  TIMESTAMPTZ NOT NULL,
  last_used_at TIMESTAMPTZ,
  revoked_at  TIMESTAMPTZ,
  revoked_by  TEXT
);

-- The audit trail: every write and every read of personal data, with who did it. Append-only.
CREATE TABLE audit_entry (
  id           BIGSERIAL PRIMARY KEY,
  at           TIMESTAMPTZ NOT NULL,
  username     TEXT NOT NULL,
  kind         TEXT NOT NULL,             -- WRITE, PERSONAL_DATA_READ, LOGIN, LOGIN_FAILED, EXPORT
  action       TEXT NOT NULL,
  subject_type TEXT,
  subject_id   TEXT,
  detail       TEXT,
  remote_addr  TEXT
);
CREATE INDEX audit_entry_at_idx ON audit_entry (at DESC);
CREATE INDEX audit_entry_user_idx ON audit_entry (username, at DESC);
CREATE INDEX audit_entry_subject_idx ON audit_entry (subject_id);
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();
