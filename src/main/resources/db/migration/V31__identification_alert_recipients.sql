-- Identification (issue 4): each watch-list alert is delivered to the users responsible (by role, at the time it is
-- raised); each recipient sees it as new until they open the alerts. Rows are never deleted.
CREATE TABLE ident_alert_recipient (
  alert_id     UUID NOT NULL REFERENCES ident_alert(id),
  username     TEXT NOT NULL,
  delivered_at TIMESTAMPTZ NOT NULL,
  read_at      TIMESTAMPTZ,
  PRIMARY KEY (alert_id, username)
);
CREATE INDEX ident_alert_recipient_unread ON ident_alert_recipient (username) WHERE read_at IS NULL;
