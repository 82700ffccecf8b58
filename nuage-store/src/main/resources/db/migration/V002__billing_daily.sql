-- Sums per ingestion, provider, charge day and commitment discount, appended in the ingesting
-- transaction (or caught up before a query): the draw-down, spend, shares and the commitment
-- balance check read these instead of scanning billing_rows (docs/ledger-drawdown.md, section 7).
-- Sum over ingestion_id to get the ledger's figure.
CREATE TABLE billing_daily (
  ingestion_id              BIGINT NOT NULL,
  day                       DATE NOT NULL,      -- UTC day of ChargePeriodStart
  ProviderName              VARCHAR,
  ChargeCategory            VARCHAR,
  CommitmentDiscountId      VARCHAR,
  CommitmentDiscountStatus  VARCHAR,
  row_count                 BIGINT NOT NULL,
  BilledCost                DECIMAL(38,18) NOT NULL,
  EffectiveCost             DECIMAL(38,18) NOT NULL,
  gpu_hours                 DECIMAL(38,18) NOT NULL, -- ConsumedQuantity of rows in GPU hours
  first_charge_start        TIMESTAMP NOT NULL,
  last_charge_end           TIMESTAMP NOT NULL
);

-- The ingestions billing_daily already holds: an ingestion is aggregated exactly once.
CREATE TABLE billing_daily_ingestions (
  ingestion_id BIGINT PRIMARY KEY
);

-- Stores ingested before this version: aggregate what is there.
INSERT INTO billing_daily
SELECT ingestion_id, CAST(ChargePeriodStart AS DATE), ProviderName, ChargeCategory,
       CommitmentDiscountId, CommitmentDiscountStatus, count(*),
       coalesce(sum(BilledCost), 0), coalesce(sum(EffectiveCost), 0),
       coalesce(sum(ConsumedQuantity) FILTER (
         WHERE lower(ConsumedUnit) IN ('gpu-hours', 'gpu hours', 'gpu-hour', 'gpu hour')), 0),
       min(ChargePeriodStart), max(ChargePeriodEnd)
FROM billing_rows
GROUP BY ALL;

INSERT INTO billing_daily_ingestions SELECT ingestion_id FROM ingestions;
