-- Cooperation and assistance (Secretary-General report on resolutions 76/32 and 76/232, section IV paras 40-73). Nothing is deleted: rows are closed or
-- withdrawn by a status change; progress updates, reviews and match weights are append-only history.

-- Donors, UN entities, regional organisations, civil society and research institutes; states are actors too.
CREATE TABLE asst_actor (
  id          UUID PRIMARY KEY,
  kind        TEXT NOT NULL,            -- ActorKind
  code        TEXT UNIQUE,              -- e.g. UNODA for the 24 UN entities shipped as reference data
  name        TEXT NOT NULL,
  country     TEXT,                     -- ISO 3166-1 alpha-2 (states, and the seat of others)
  status      TEXT NOT NULL DEFAULT 'ACTIVE',
  created_by  TEXT NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE asst_expert (
  id             UUID PRIMARY KEY,
  name           TEXT NOT NULL,
  actor_id       UUID REFERENCES asst_actor(id),
  areas          TEXT NOT NULL,         -- Area names separated by |
  languages      TEXT NOT NULL,         -- ISO 639-1 codes separated by |
  available_from DATE,
  available_to   DATE,
  status         TEXT NOT NULL DEFAULT 'ACTIVE',
  created_by     TEXT NOT NULL,
  created_at     TIMESTAMPTZ NOT NULL
);

-- PoA / ITI national reports (biennial), one section per area (para 42).
CREATE TABLE asst_national_report (
  id          UUID PRIMARY KEY,
  country     TEXT NOT NULL,
  instrument  TEXT NOT NULL,            -- Instrument
  year        INT NOT NULL,
  status      TEXT NOT NULL,            -- DRAFT, SUBMITTED
  created_by  TEXT NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL,
  submitted_by TEXT,
  submitted_at TIMESTAMPTZ,
  UNIQUE (country, instrument, year)
);

CREATE TABLE asst_report_section (
  report_id   UUID NOT NULL REFERENCES asst_national_report(id),
  area        TEXT NOT NULL,
  narrative   TEXT NOT NULL DEFAULT '',
  need        TEXT NOT NULL DEFAULT '',  -- a need stated here becomes an assistance request on submission
  need_cost   NUMERIC(14,2),
  PRIMARY KEY (report_id, area)
);

CREATE TABLE asst_request (
  id             UUID PRIMARY KEY,
  report_id      UUID REFERENCES asst_national_report(id),
  assessment_id  UUID,
  origin         TEXT NOT NULL,         -- RequestOrigin
  country        TEXT NOT NULL,
  area           TEXT NOT NULL,
  description    TEXT NOT NULL,
  beneficiary    TEXT NOT NULL,
  estimated_cost NUMERIC(14,2) NOT NULL,
  start_date     DATE,
  end_date       DATE,
  languages      TEXT NOT NULL DEFAULT '',
  status         TEXT NOT NULL,         -- RequestStatus
  created_by     TEXT NOT NULL,
  created_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX asst_request_status_idx ON asst_request (status, area);

CREATE TABLE asst_offer (
  id           UUID PRIMARY KEY,
  provider_id  UUID NOT NULL REFERENCES asst_actor(id),
  kind         TEXT NOT NULL,           -- OfferKind
  description  TEXT NOT NULL,
  areas        TEXT NOT NULL DEFAULT '',  -- empty: any area
  regions      TEXT NOT NULL DEFAULT '',  -- M49 regions or sub-regions; empty: worldwide
  amount       NUMERIC(14,2),
  available_from DATE,
  available_to   DATE,
  languages    TEXT NOT NULL DEFAULT '',
  status       TEXT NOT NULL,           -- OfferStatus
  created_by   TEXT NOT NULL,
  created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX asst_offer_status_idx ON asst_offer (status);

-- The hub's matching weights; the newest row applies, older rows are the history of who changed them.
CREATE TABLE asst_match_weights (
  id        BIGSERIAL PRIMARY KEY,
  area      INT NOT NULL, region INT NOT NULL, language INT NOT NULL,
  amount    INT NOT NULL, timing INT NOT NULL, history INT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE asst_project (
  id          UUID PRIMARY KEY,
  request_id  UUID NOT NULL REFERENCES asst_request(id),
  offer_id    UUID NOT NULL REFERENCES asst_offer(id),
  title       TEXT NOT NULL,
  budget      NUMERIC(14,2) NOT NULL,
  start_date  DATE,
  end_date    DATE,
  match_score NUMERIC(6,2) NOT NULL,
  status      TEXT NOT NULL,            -- ProjectStatus
  created_by  TEXT NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX asst_project_pair_idx ON asst_project (request_id, offer_id);
CREATE INDEX asst_project_offer_idx ON asst_project (offer_id);

CREATE TABLE asst_milestone (
  id          UUID PRIMARY KEY,
  project_id  UUID NOT NULL REFERENCES asst_project(id),
  title       TEXT NOT NULL,
  due_date    DATE NOT NULL,
  done_by     TEXT,
  done_at     TIMESTAMPTZ,
  created_by  TEXT NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL
);

-- Interim and final reports of projects and of funded proposals. Append-only.
CREATE TABLE asst_progress_report (
  id           UUID PRIMARY KEY,
  subject_type TEXT NOT NULL,           -- PROJECT, PROPOSAL
  subject_id   UUID NOT NULL,
  kind         TEXT NOT NULL,           -- INTERIM, FINAL
  summary      TEXT NOT NULL,
  spent        NUMERIC(14,2),
  created_by   TEXT NOT NULL,
  created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX asst_progress_report_subject_idx ON asst_progress_report (subject_id);

-- Funding calls (UNSCAR, Saving Lives Entity), with the year's priorities (para 41) and balance constraints.
CREATE TABLE asst_call (
  id               UUID PRIMARY KEY,
  mechanism        TEXT NOT NULL,       -- Mechanism
  year             INT NOT NULL,
  title            TEXT NOT NULL,
  budget           NUMERIC(14,2) NOT NULL,
  thematic_priorities   TEXT NOT NULL DEFAULT '',
  geographic_priorities TEXT NOT NULL DEFAULT '',
  max_region_share NUMERIC(4,3) NOT NULL DEFAULT 1,
  status           TEXT NOT NULL,       -- CallStatus
  created_by       TEXT NOT NULL,
  created_at       TIMESTAMPTZ NOT NULL
);

CREATE TABLE asst_call_criterion (
  call_id  UUID NOT NULL REFERENCES asst_call(id),
  code     TEXT NOT NULL,
  weight   INT NOT NULL,
  PRIMARY KEY (call_id, code)
);

CREATE TABLE asst_proposal (
  id                  UUID PRIMARY KEY,
  call_id             UUID NOT NULL REFERENCES asst_call(id),
  applicant_id        UUID NOT NULL REFERENCES asst_actor(id),
  title               TEXT NOT NULL,
  country             TEXT NOT NULL,
  area                TEXT NOT NULL,
  amount              NUMERIC(14,2) NOT NULL,
  duration_months     INT NOT NULL,
  gender_mainstreamed BOOLEAN NOT NULL,
  gender_share        NUMERIC(4,3) NOT NULL DEFAULT 0,
  un_entities         TEXT NOT NULL DEFAULT '',   -- codes of participating UN entities, |
  host_consent        BOOLEAN NOT NULL DEFAULT FALSE,
  resident_coordinator BOOLEAN NOT NULL DEFAULT FALSE,
  status              TEXT NOT NULL,  -- ProposalStatus
  eligibility         TEXT NOT NULL DEFAULT '',   -- failed rule codes, |
  selection_note      TEXT NOT NULL DEFAULT '',
  created_by          TEXT NOT NULL,
  created_at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX asst_proposal_call_idx ON asst_proposal (call_id);

CREATE TABLE asst_review (
  proposal_id UUID NOT NULL REFERENCES asst_proposal(id),
  reviewer    TEXT NOT NULL,
  criterion   TEXT NOT NULL,
  score       INT NOT NULL CHECK (score BETWEEN 0 AND 10),
  created_at  TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (proposal_id, reviewer, criterion)
);

CREATE TABLE asst_selection (
  id          BIGSERIAL PRIMARY KEY,
  call_id     UUID NOT NULL REFERENCES asst_call(id),
  total_value NUMERIC(12,3) NOT NULL,
  total_cost  NUMERIC(14,2) NOT NULL,
  explanation TEXT NOT NULL,
  created_by  TEXT NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL
);

-- Voluntary national and regional targets (paras 48-49) and their semi-annual progress (Western Balkans model).
CREATE TABLE asst_target (
  id             UUID PRIMARY KEY,
  scope          TEXT NOT NULL,         -- NATIONAL, REGIONAL
  owner          TEXT NOT NULL,         -- country code or region name
  roadmap        TEXT NOT NULL,
  goal           TEXT NOT NULL,
  indicator      TEXT NOT NULL,
  baseline_year  INT NOT NULL,
  baseline_value NUMERIC(14,2) NOT NULL,
  target_value   NUMERIC(14,2) NOT NULL,
  target_date    DATE NOT NULL,
  status         TEXT NOT NULL DEFAULT 'ACTIVE',
  created_by     TEXT NOT NULL,
  created_at     TIMESTAMPTZ NOT NULL
);

CREATE TABLE asst_target_progress (
  id         BIGSERIAL PRIMARY KEY,
  target_id  UUID NOT NULL REFERENCES asst_target(id),
  period     TEXT NOT NULL,             -- e.g. 2024-H1
  value      NUMERIC(14,2) NOT NULL,
  note       TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL
);

-- Baseline assessments of weapons and ammunition management (paras 50-51).
CREATE TABLE asst_assessment (
  id          UUID PRIMARY KEY,
  country     TEXT NOT NULL,
  title       TEXT NOT NULL,
  status      TEXT NOT NULL,            -- OPEN, SCORED
  created_by  TEXT NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE asst_assessment_answer (
  assessment_id UUID NOT NULL REFERENCES asst_assessment(id),
  question      TEXT NOT NULL,
  score         INT NOT NULL CHECK (score BETWEEN 0 AND 3),
  answered_by   TEXT NOT NULL,
  answered_at   TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (assessment_id, question)
);

CREATE TRIGGER asst_target_progress_append_only BEFORE UPDATE OR DELETE ON asst_target_progress
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER asst_progress_report_append_only BEFORE UPDATE OR DELETE ON asst_progress_report
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER asst_match_weights_append_only BEFORE UPDATE OR DELETE ON asst_match_weights
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
