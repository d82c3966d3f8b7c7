-- Identification (issue 4): weapons reported lost or stolen elsewhere (imported lists, e.g. an iARMS export) and the
-- alerts raised when a recovered weapon matches a lost or stolen one. Entries and alerts are never deleted.

CREATE TABLE ident_watch_entry (
  id            UUID PRIMARY KEY,
  source        TEXT NOT NULL,            -- the list it came from, e.g. "iARMS 2026-11"
  reference     TEXT NOT NULL,            -- the entry's reference in that list
  serial        TEXT NOT NULL,            -- as listed
  maker         TEXT NOT NULL DEFAULT '',
  model         TEXT NOT NULL DEFAULT '',
  calibre       TEXT NOT NULL DEFAULT '',
  weapon_type   TEXT,                     -- WeaponType, when the list says
  reported_by   TEXT NOT NULL DEFAULT '', -- reporting country or body
  report_kind   TEXT NOT NULL,            -- LOST or STOLEN
  reported_on   DATE,
  imported_by   TEXT NOT NULL,
  imported_at   TIMESTAMPTZ NOT NULL,
  UNIQUE (source, reference)
);

CREATE TABLE ident_alert (
  id               UUID PRIMARY KEY,
  weapon_id        UUID NOT NULL,         -- the recovered weapon (registry id; no foreign key across modules)
  recovered_serial TEXT NOT NULL,
  origin           TEXT NOT NULL,         -- REGISTER (a lost/stolen record here) or IMPORTED (an imported list)
  matched_weapon_id UUID,
  matched_entry_id UUID REFERENCES ident_watch_entry(id),
  matched_serial   TEXT NOT NULL,
  score            INT NOT NULL,
  evidence         TEXT NOT NULL,
  raised_at        TIMESTAMPTZ NOT NULL,
  acknowledged_by  TEXT,
  acknowledged_at  TIMESTAMPTZ
);
CREATE INDEX ident_alert_open ON ident_alert (raised_at DESC) WHERE acknowledged_at IS NULL;
