-- The one-pass ingest (docs/ledger.md, "Ingest, one file at a time"). It inserts straight from the
-- file, in parallel, in one statement, so it cannot number records cheaply and must not rewrite
-- the rows it has just written (an UPDATE or DELETE there costs more than the insert itself):
-- * source_line goes: no report read it; a row's file is its ingestion_id;
-- * occurrence goes: a row's multiplicity is now counted (the ledger keeps, per set of identity
--   values, as many copies as the most any single file had), not stored on each copy;
-- * case_fixed keeps, per row, which allowed values were rewritten to the spec's spelling (bit i
--   = the i-th column in COLUMNS.md order), so the report counts them from the rows. Rows
--   ingested before this version count as not fixed.
ALTER TABLE billing_rows DROP COLUMN source_line;
ALTER TABLE billing_rows DROP COLUMN occurrence;
ALTER TABLE billing_rows ADD COLUMN case_fixed UBIGINT DEFAULT 0;
