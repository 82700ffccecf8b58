-- Matching bills to contracts and currencies (docs/ledger-drawdown.md, sections 1, 2 and 9).
--
-- billing_daily gains what the matching rules and the currency conversion read: the billing
-- account, the billing currency (sums are never formed across currencies), the region, the service
-- category, the accelerator (SkuPriceDetails' x_AcceleratorType), the consumed unit (a reservation
-- draws GPU-hour rows only, so they are never summed with other rows) and `applied`: the
-- ContractApplied elements' (ContractId, ContractCommitmentId) pairs, distinct and sorted, joined as
-- one text (chr 31 between the two ids, chr 30 between pairs; null when the row has none). It is
-- rebuilt from billing_rows here; DailyAggregate.APPEND computes the same columns for each new
-- ingestion, taking `applied` from contract_applied (below) rather than from the JSON.
ALTER TABLE contract_applied ADD COLUMN row_id BIGINT;   -- the billing row's rowid, at ingest
ALTER TABLE contract_applied ADD COLUMN applied_ids VARCHAR; -- that row's `applied` text

DROP TABLE billing_daily;
CREATE TABLE billing_daily (
  ingestion_id              BIGINT NOT NULL,
  day                       DATE NOT NULL,      -- UTC day of ChargePeriodStart
  ProviderName              VARCHAR,
  BillingAccountId          VARCHAR,
  BillingCurrency           VARCHAR,
  RegionId                  VARCHAR,
  ServiceCategory           VARCHAR,
  accelerator               VARCHAR,            -- SkuPriceDetails x_AcceleratorType
  ConsumedUnit              VARCHAR,
  ChargeCategory            VARCHAR,
  CommitmentDiscountId      VARCHAR,
  CommitmentDiscountStatus  VARCHAR,
  applied                   VARCHAR,            -- ContractApplied ids, see above
  row_count                 BIGINT NOT NULL,
  BilledCost                DECIMAL(38,18) NOT NULL,
  EffectiveCost             DECIMAL(38,18) NOT NULL,
  gpu_hours                 DECIMAL(38,18) NOT NULL, -- ConsumedQuantity of rows in GPU hours
  first_charge_start        TIMESTAMP NOT NULL,
  last_charge_end           TIMESTAMP NOT NULL
);

INSERT INTO billing_daily
SELECT b.ingestion_id, CAST(b.ChargePeriodStart AS DATE), b.ProviderName, b.BillingAccountId,
       b.BillingCurrency, b.RegionId, b.ServiceCategory,
       CASE WHEN b.SkuPriceDetails LIKE '%x_AcceleratorType%'
            THEN json_extract_string(b.SkuPriceDetails, '$.x_AcceleratorType') END,
       b.ConsumedUnit, b.ChargeCategory, b.CommitmentDiscountId, b.CommitmentDiscountStatus,
       CASE WHEN b.ContractApplied IS NOT NULL THEN nullif(array_to_string(list_sort(list_distinct(
         list_transform(json_extract(b.ContractApplied, '$.Elements[*]'), lambda e:
           coalesce(json_extract_string(e, '$.ContractId'), json_extract_string(e, '$.ContractID'), '')
           || chr(31) || coalesce(json_extract_string(e, '$.ContractCommitmentId'),
                                  json_extract_string(e, '$.ContractCommitmentID'))))), chr(30)), '')
       END,
       count(*), coalesce(sum(b.BilledCost), 0), coalesce(sum(b.EffectiveCost), 0),
       coalesce(sum(b.ConsumedQuantity) FILTER (
         WHERE lower(b.ConsumedUnit) IN ('gpu-hours', 'gpu hours', 'gpu-hour', 'gpu hour')), 0),
       min(b.ChargePeriodStart), max(b.ChargePeriodEnd)
FROM billing_rows b
GROUP BY ALL;

DELETE FROM billing_daily_ingestions;
INSERT INTO billing_daily_ingestions SELECT ingestion_id FROM ingestions;

-- The ContractApplied amounts per ingestion, day, provider, currency and element: what rule 1 of
-- the matching draws. From contract_applied, whose amounts the ingest read exactly (Jackson,
-- BigDecimal).
CREATE TABLE contract_applied_daily (
  ingestion_id                   BIGINT NOT NULL,
  day                            DATE NOT NULL,  -- UTC day of the row's ChargePeriodStart
  ProviderName                   VARCHAR,
  BillingCurrency                VARCHAR,
  ContractId                     VARCHAR,
  ContractCommitmentId           VARCHAR NOT NULL,
  ContractCommitmentAppliedUnit  VARCHAR,
  element_count                  BIGINT NOT NULL,
  applied_cost                   DECIMAL(38,18) NOT NULL,
  applied_quantity               DECIMAL(38,18) NOT NULL
);

INSERT INTO contract_applied_daily
SELECT ingestion_id, CAST(ChargePeriodStart AS DATE), ProviderName, BillingCurrency, ContractId,
       ContractCommitmentId, ContractCommitmentAppliedUnit, count(*),
       coalesce(sum(ContractCommitmentAppliedCost), 0),
       coalesce(sum(ContractCommitmentAppliedQuantity), 0)
FROM contract_applied
GROUP BY ALL;
