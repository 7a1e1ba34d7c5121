-- Dashboard sessions, shared by every daemon and Lambda sandbox serving the dashboard. The key is
-- the SHA-256 of the session ID, never the ID: a dump or a backup of the database holds no session
-- anyone could take over.

CREATE TABLE desk_sessions (
  id_sha256 VARCHAR(64) PRIMARY KEY,
  user_name VARCHAR(200),
  csrf VARCHAR(64) NOT NULL,
  language VARCHAR(8) NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);

CREATE INDEX desk_sessions_expires ON desk_sessions (expires_at);

-- Anonymous sessions oldest first: opening one evicts the oldest past the cap.
CREATE INDEX desk_sessions_anonymous ON desk_sessions (created_at) WHERE user_name IS NULL
