-- Plans kept per scenario (docs/replan.md, "Stored plans"): `nuage plan --db` and `nuage replan`
-- store each plan JSON with the scenario's name, path and content hash; the latest of a scenario
-- is the plan being followed. Server range (V100+), beside the ledger's V001..; IF NOT EXISTS keeps
-- the file safe to run twice.
CREATE SEQUENCE IF NOT EXISTS plans_seq START 1;

CREATE TABLE IF NOT EXISTS plans (
  id            VARCHAR PRIMARY KEY,
  seq           BIGINT NOT NULL,
  scenario_name VARCHAR NOT NULL,
  scenario_path VARCHAR NOT NULL,
  scenario_hash VARCHAR NOT NULL,
  kind          VARCHAR NOT NULL,
  as_of         DATE,
  status        VARCHAR NOT NULL,
  total_cost    DECIMAL(38, 2),
  stored_at     TIMESTAMP NOT NULL,
  plan_json     VARCHAR NOT NULL
);
