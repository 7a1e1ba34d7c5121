-- The durable outbox: every message to a receiver is a row until it is sent or refused for good.
-- Rows of one case to one receiver go out in order; claims are leases, so a dead instance's
-- claims expire and another instance sends them.

ALTER TABLE reports ADD COLUMN alerted_at BIGINT;

CREATE TABLE outbox (
  id ${id},
  case_id BIGINT NOT NULL REFERENCES cases (id),
  receiver VARCHAR(64) NOT NULL,
  dedup_key VARCHAR(300) NOT NULL,
  payload TEXT NOT NULL,
  status VARCHAR(10) NOT NULL,
  attempts INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  due_at BIGINT NOT NULL,
  sent_at BIGINT,
  last_error TEXT,
  claimed_by VARCHAR(100),
  claimed_until BIGINT,
  UNIQUE (receiver, dedup_key)
);

CREATE INDEX outbox_due ON outbox (status, due_at);
CREATE INDEX outbox_case ON outbox (case_id, receiver, status);

-- The tool's reference of the first message about a case on a receiver (Slack ts): later
-- messages thread under it.
CREATE TABLE threads (
  case_id BIGINT NOT NULL REFERENCES cases (id),
  receiver VARCHAR(64) NOT NULL,
  ref VARCHAR(300) NOT NULL,
  PRIMARY KEY (case_id, receiver)
);

-- Periodic jobs that must run once per tick across instances (reminders, IMAP polls, the Health
-- API backstop): the instance holding the lease runs them.
CREATE TABLE jobs (
  name VARCHAR(64) PRIMARY KEY,
  owner VARCHAR(100),
  lease_until BIGINT NOT NULL,
  last_run BIGINT
);

-- Where a job left off (the Health API's last lastUpdatedTime, an IMAP folder's UIDVALIDITY and
-- last UID).
CREATE TABLE cursors (
  name VARCHAR(200) PRIMARY KEY,
  cursor_value TEXT NOT NULL,
  updated_at BIGINT NOT NULL
)
