-- Row identity (docs/ledger.md): row_hash is now DuckDB's 64-bit hash() of the identity columns,
-- a locator only (a duplicate is proven by comparing every identity column). hash() may change
-- with the DuckDB version, so the version that computed the stored values is kept here; the
-- ingest recomputes every row_hash, in its transaction, when it differs. 'none' makes the first
-- ingest after this migration recompute the hashes of rows stored before it.
CREATE TABLE ledger_settings (
  name  VARCHAR PRIMARY KEY,
  value VARCHAR NOT NULL
);
INSERT INTO ledger_settings VALUES ('row_hash_engine', 'none');
