CREATE TABLE country (
  alpha2            CHAR(2) PRIMARY KEY,
  alpha3            CHAR(3) NOT NULL,
  m49               CHAR(3) NOT NULL,
  name              TEXT NOT NULL,
  region            TEXT,
  sub_region        TEXT,
  intermediate_region TEXT,
  region_code       TEXT,
  sub_region_code   TEXT
);

CREATE TABLE maker (
  code          TEXT PRIMARY KEY,
  name          TEXT NOT NULL,
  country       CHAR(2),
  aliases       TEXT NOT NULL DEFAULT '',   -- '|' separated
  former_names  TEXT NOT NULL DEFAULT '',
  factory_codes TEXT NOT NULL DEFAULT '',
  marking_notes TEXT NOT NULL DEFAULT '',
  source        TEXT NOT NULL DEFAULT '',
  edited_by     TEXT,                        -- null while the row is as shipped
  edited_at     TIMESTAMPTZ
);

CREATE TABLE model (
  id            BIGSERIAL PRIMARY KEY,
  maker_code    TEXT NOT NULL REFERENCES maker(code),
  name          TEXT NOT NULL,
  weapon_type   TEXT NOT NULL,
  calibre       TEXT NOT NULL DEFAULT '',
  serial_format TEXT NOT NULL DEFAULT '',
  source        TEXT NOT NULL DEFAULT '',
  edited_by     TEXT,
  edited_at     TIMESTAMPTZ,
  UNIQUE (maker_code, name)
);
