-- FOCUS 1.3 (docs/ledger.md, "FOCUS 1.3").
--
-- The Cost and Usage columns 1.3 added that the ledger keeps. They join the row identity, so the
-- stored row_hash values (computed over the 57 columns of 1.2) are stale: 'none' makes the next
-- ingest recompute them in its transaction, as after V003.
ALTER TABLE billing_rows ADD COLUMN ContractApplied VARCHAR;     -- JSON text, as the file has it
ALTER TABLE billing_rows ADD COLUMN HostProviderName VARCHAR;
ALTER TABLE billing_rows ADD COLUMN ServiceProviderName VARCHAR;
UPDATE ledger_settings SET value = 'none' WHERE name = 'row_hash_engine';

-- Which FOCUS dataset a file was: CostAndUsage (billing_rows) or ContractCommitment.
ALTER TABLE ingestions ADD COLUMN dataset VARCHAR DEFAULT 'CostAndUsage';

-- The Contract Commitment dataset: one row per commitment (its 13 columns, names verbatim).
-- Identity: ContractCommitmentId, unique in the ledger; the ingest checks it (a commitment
-- restated with other terms is refused, the same terms again are a duplicate).
CREATE TABLE contract_commitments (
  BillingCurrency                VARCHAR,
  ContractCommitmentCategory     VARCHAR NOT NULL,    -- Spend or Usage
  ContractCommitmentCost         DECIMAL(38,18),
  ContractCommitmentDescription  VARCHAR,
  ContractCommitmentId           VARCHAR NOT NULL,
  ContractCommitmentPeriodEnd    TIMESTAMP NOT NULL,  -- exclusive, UTC
  ContractCommitmentPeriodStart  TIMESTAMP NOT NULL,  -- inclusive, UTC
  ContractCommitmentQuantity     DECIMAL(38,18),
  ContractCommitmentType         VARCHAR NOT NULL,
  ContractCommitmentUnit         VARCHAR,
  ContractId                     VARCHAR NOT NULL,
  ContractPeriodEnd              TIMESTAMP NOT NULL,  -- exclusive, UTC
  ContractPeriodStart            TIMESTAMP NOT NULL,  -- inclusive, UTC
  ingestion_id                   BIGINT NOT NULL
);

-- ContractApplied, one row per element of a billing row's Elements array, exactly (parsed with
-- Jackson as BigDecimal; DuckDB's JSON functions read numbers as doubles). Written in the ingest's
-- transaction for the rows that ingestion added, so it follows billing_rows' identity: a duplicate
-- row adds nothing here either. The row's own figures are copied so that a reader groups by
-- (ingestion_id, charge) without a key on billing_rows.
CREATE TABLE contract_applied (
  ingestion_id                       BIGINT NOT NULL,
  charge                             BIGINT NOT NULL,  -- the billing row, numbered within its ingestion
  element                            INTEGER NOT NULL, -- position in Elements, from 1
  ContractId                         VARCHAR,
  ContractCommitmentId               VARCHAR NOT NULL,
  ContractCommitmentAppliedCost      DECIMAL(38,18),
  ContractCommitmentAppliedQuantity  DECIMAL(38,18),
  ContractCommitmentAppliedUnit      VARCHAR,
  ProviderName                       VARCHAR,
  BillingAccountId                   VARCHAR,
  BillingCurrency                    VARCHAR,
  ChargeCategory                     VARCHAR,
  ChargePeriodStart                  TIMESTAMP,
  ChargePeriodEnd                    TIMESTAMP,
  ServiceName                        VARCHAR,
  SkuId                              VARCHAR,
  ResourceId                         VARCHAR,
  BilledCost                         DECIMAL(38,18),
  EffectiveCost                      DECIMAL(38,18)
);
