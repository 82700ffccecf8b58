-- FOCUS 1.3 providers, and the bound on what a charge draws (docs/ledger.md "Providers",
-- docs/ledger-drawdown.md sections 1 and 9).
--
-- 1. The ledger's ProviderName of a 1.3 row is its ServiceProviderName (the ingest now reads it
--    so even when the file has the deprecated column): rows ingested before keep the file's
--    ProviderName, so they are set here, their daily aggregate rebuilt (with the SELECT of V007,
--    reading the ContractApplied ids from the JSON) and the stored row_hash values, which cover
--    ProviderName, marked stale for the next ingest to recompute, as after V003 and V006.
CREATE TEMP TABLE v008_changed AS
  SELECT DISTINCT ingestion_id FROM billing_rows
  WHERE ServiceProviderName IS NOT NULL AND ProviderName IS DISTINCT FROM ServiceProviderName;

UPDATE ledger_settings SET value = 'none'
WHERE name = 'row_hash_engine' AND EXISTS (SELECT 1 FROM v008_changed);

UPDATE billing_rows SET ProviderName = ServiceProviderName
WHERE ServiceProviderName IS NOT NULL AND ProviderName IS DISTINCT FROM ServiceProviderName;

DELETE FROM billing_daily WHERE ingestion_id IN (SELECT ingestion_id FROM v008_changed);

INSERT INTO billing_daily
SELECT b.ingestion_id, CAST(b.ChargePeriodStart AS DATE), b.ProviderName, b.BillingAccountId,
       b.BillingCurrency, b.RegionId, b.ServiceCategory,
       CASE WHEN b.SkuPriceDetails LIKE '%x_AcceleratorType%'
            THEN json_extract_string(b.SkuPriceDetails, '$.x_AcceleratorType') END,
       b.ConsumedUnit, b.PricingCategory, b.ChargeCategory, b.CommitmentDiscountId,
       b.CommitmentDiscountStatus,
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
WHERE b.ingestion_id IN (SELECT ingestion_id FROM v008_changed)
GROUP BY ALL;

DROP TABLE v008_changed;

-- 2. contract_applied_daily keeps apart, one by one, the charges whose applied costs could pass
--    the charge's cost (a cost of the other sign than its EffectiveCost, or costs adding up to
--    more than it): the draw-down holds what such a charge draws from a contract between 0 and its
--    cost. For every other charge no subset of its elements can pass it, so their sums stay
--    exact. Rebuilt here with the SELECT of DailyAggregate.APPEND_APPLIED.
ALTER TABLE contract_applied_daily ADD COLUMN charge BIGINT;              -- contract_applied.charge
ALTER TABLE contract_applied_daily ADD COLUMN charge_cost DECIMAL(38,18); -- its EffectiveCost

DELETE FROM contract_applied_daily;

INSERT INTO contract_applied_daily
SELECT a.ingestion_id, CAST(a.ChargePeriodStart AS DATE), a.ProviderName, a.BillingCurrency,
       a.ContractId, a.ContractCommitmentId, a.ContractCommitmentAppliedUnit, count(*),
       coalesce(sum(a.ContractCommitmentAppliedCost), 0),
       coalesce(sum(a.ContractCommitmentAppliedQuantity), 0),
       CASE WHEN c.within THEN NULL ELSE a.charge END,
       CASE WHEN c.within THEN NULL ELSE c.cost END
FROM contract_applied a
JOIN (SELECT ingestion_id, charge, coalesce(any_value(EffectiveCost), 0) AS cost,
             bool_and(coalesce(ContractCommitmentAppliedCost, 0) = 0
                      OR sign(ContractCommitmentAppliedCost) = sign(coalesce(EffectiveCost, 0)))
               AND abs(coalesce(sum(ContractCommitmentAppliedCost), 0))
                   <= abs(coalesce(any_value(EffectiveCost), 0)) AS within
      FROM contract_applied
      GROUP BY ingestion_id, charge) c
  ON a.ingestion_id = c.ingestion_id AND a.charge = c.charge
GROUP BY ALL;
