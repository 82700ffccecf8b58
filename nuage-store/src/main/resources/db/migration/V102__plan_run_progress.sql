-- How far a plan or risk job had come when it finished (docs/server.md, "Plan jobs"): 1 for a
-- result, the share reached for a cancelled or failed one; NULL for a job finished before this
-- column (or failed by a server that stopped, whose progress died with it). IF NOT EXISTS keeps the
-- file safe to run twice.
ALTER TABLE plan_runs ADD COLUMN IF NOT EXISTS progress DOUBLE;
