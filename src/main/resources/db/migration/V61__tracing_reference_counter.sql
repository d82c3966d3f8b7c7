-- Tracing: request references (TR-node-year-number) from a counter per year, so two drafts saved at once never get
-- the same number (a count of the year's requests did), and the database refuses a repeated one.
CREATE TABLE trace_reference_counter (
  year INT PRIMARY KEY,
  last INT NOT NULL
);
INSERT INTO trace_reference_counter (year, last)
  SELECT EXTRACT(YEAR FROM created_at)::INT, count(*) FROM trace_request WHERE direction = 'OUTGOING' GROUP BY 1;
CREATE UNIQUE INDEX trace_request_outgoing_reference ON trace_request (reference) WHERE direction = 'OUTGOING';
