-- Customer notices: one row per contact of a case's account told about the case, with the
-- customer's own deadline, the reminders and the answer. link_id is bound into the signed response
-- link; a new one (on re-send) makes the old link stop working. Times are epoch milliseconds (UTC).

CREATE TABLE customer_notices (
  id ${id},
  case_id BIGINT NOT NULL REFERENCES cases (id),
  account_id VARCHAR(12) NOT NULL,
  email VARCHAR(254) NOT NULL,
  language VARCHAR(8) NOT NULL,
  link_id VARCHAR(64) NOT NULL UNIQUE,
  notified_at BIGINT NOT NULL,
  deadline BIGINT NOT NULL,
  last_reminded_at BIGINT,
  revoked_at BIGINT,
  verdict VARCHAR(20),
  stopped TEXT,
  changed TEXT,
  more_time_because TEXT,
  answer_name VARCHAR(200),
  answered_at BIGINT,
  late_told_at BIGINT,
  UNIQUE (case_id, email)
);

-- The notices still waiting for an answer, by deadline: reminders and lateness read these.
CREATE INDEX customer_notices_waiting ON customer_notices (deadline)
  WHERE answered_at IS NULL AND revoked_at IS NULL;

-- The history's new event types (customer_link_reissued) are longer than 20 characters, and a
-- customer's address (the actor of an answer) may be longer than 200; SQLite does not enforce
-- VARCHAR lengths.
${widen_case_events}
