-- Tables owned by the server (docs/server.md). Versions V100+ are the server's, so that they
-- never collide with the ledger's V001.. files. IF NOT EXISTS keeps the file safe to run twice.

-- API tokens: only a salted SHA-256 of the secret is kept (hex), never the secret.
CREATE TABLE IF NOT EXISTS api_tokens (
  id          VARCHAR PRIMARY KEY,
  name        VARCHAR NOT NULL,
  role        VARCHAR NOT NULL,
  salt        VARCHAR NOT NULL,
  hash        VARCHAR NOT NULL,
  created_at  TIMESTAMP NOT NULL,
  revoked_at  TIMESTAMP
);

-- Scenarios uploaded through the API: the YAML as sent, and a JSON summary of the parsed file.
CREATE TABLE IF NOT EXISTS stored_scenarios (
  id          VARCHAR PRIMARY KEY,
  name        VARCHAR NOT NULL,
  file_name   VARCHAR NOT NULL,
  yaml        VARCHAR NOT NULL,
  summary     VARCHAR NOT NULL,
  uploaded_at TIMESTAMP NOT NULL
);

-- Plan jobs and, once finished, their plan JSON (docs/plan-json.md).
CREATE TABLE IF NOT EXISTS plan_runs (
  id          VARCHAR PRIMARY KEY,
  scenario_id VARCHAR NOT NULL,
  status      VARCHAR NOT NULL,
  created_at  TIMESTAMP NOT NULL,
  started_at  TIMESTAMP,
  finished_at TIMESTAMP,
  result_json VARCHAR,
  error       VARCHAR
);
