-- Cases, the reports they hold, the keys that join reports into cases, and the audit history.
-- Times are epoch milliseconds (UTC).

CREATE TABLE cases (
  id ${id},
  status VARCHAR(20) NOT NULL,
  category VARCHAR(30) NOT NULL,
  opened_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  deadline BIGINT,
  acknowledged_by VARCHAR(200),
  acknowledged_at BIGINT,
  replied_at BIGINT,
  aws_closed_at BIGINT,
  last_request_at BIGINT
);

CREATE INDEX cases_status ON cases (status, deadline);

CREATE TABLE reports (
  id ${id},
  case_id BIGINT REFERENCES cases (id),
  spool_id VARCHAR(100) NOT NULL UNIQUE,
  intake VARCHAR(20) NOT NULL,
  channel VARCHAR(10) NOT NULL,
  kind VARCHAR(20) NOT NULL,
  category VARCHAR(30),
  received_at BIGINT NOT NULL,
  effective_at BIGINT NOT NULL,
  deadline BIGINT,
  recorded_at BIGINT NOT NULL,
  sha256 VARCHAR(64) NOT NULL,
  parsed TEXT NOT NULL,
  raw ${blob} NOT NULL
);

CREATE INDEX reports_case ON reports (case_id);

-- Keys that recognise a re-delivery (same bytes, same Message-ID from the same sender, same
-- Health event update and page) and the shared key of the pages of one Health event.
CREATE TABLE report_keys (
  key_value VARCHAR(1000) PRIMARY KEY,
  report_id BIGINT NOT NULL REFERENCES reports (id)
);

-- What a case is known by: AWS case numbers, mail Message-IDs, Health event ARNs, account and
-- resource pairs (joined within a time window), accounts and regions (listed).
CREATE TABLE case_keys (
  kind VARCHAR(16) NOT NULL,
  key_value VARCHAR(1000) NOT NULL,
  case_id BIGINT NOT NULL REFERENCES cases (id),
  first_seen BIGINT NOT NULL,
  last_seen BIGINT NOT NULL,
  PRIMARY KEY (kind, key_value, case_id)
);

CREATE INDEX case_keys_case ON case_keys (case_id);

CREATE TABLE case_events (
  id ${id},
  case_id BIGINT NOT NULL REFERENCES cases (id),
  at BIGINT NOT NULL,
  actor VARCHAR(200) NOT NULL,
  type VARCHAR(20) NOT NULL,
  from_status VARCHAR(20),
  to_status VARCHAR(20),
  report_id BIGINT,
  note TEXT NOT NULL
);

CREATE INDEX case_events_case ON case_events (case_id, at);
