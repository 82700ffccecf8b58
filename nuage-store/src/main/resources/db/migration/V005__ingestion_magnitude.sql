-- The magnitude bound (docs/ledger.md, "Magnitude bound"). Rows that each fit DECIMAL(38,18) can
-- still add up past it, and then every SUM over the ledger fails. So each ingestion records an
-- upper bound of what it adds in absolute value: for each decimal column, the sum over its rows of
-- |value| rounded up to a whole unit, and of those the largest. The ingest refuses a file that would
-- bring the sum over all ingestions above 10^18: any sum over any rows of any one column is then at
-- most 10^18, a hundredth of what DECIMAL(38,18) holds. HUGEINT: these sums cannot overflow.
CREATE TABLE ingestion_magnitudes (
  ingestion_id BIGINT PRIMARY KEY,
  magnitude    HUGEINT NOT NULL
);

-- Stores ingested before this version: measure what is there.
INSERT INTO ingestion_magnitudes
SELECT ingestion_id, greatest(
  coalesce(sum(abs(BilledCost)::HUGEINT + 1), 0),
  coalesce(sum(abs(ContractedCost)::HUGEINT + 1), 0),
  coalesce(sum(abs(ContractedUnitPrice)::HUGEINT + 1), 0),
  coalesce(sum(abs(EffectiveCost)::HUGEINT + 1), 0),
  coalesce(sum(abs(ListCost)::HUGEINT + 1), 0),
  coalesce(sum(abs(ListUnitPrice)::HUGEINT + 1), 0),
  coalesce(sum(abs(PricingCurrencyContractedUnitPrice)::HUGEINT + 1), 0),
  coalesce(sum(abs(PricingCurrencyEffectiveCost)::HUGEINT + 1), 0),
  coalesce(sum(abs(PricingCurrencyListUnitPrice)::HUGEINT + 1), 0),
  coalesce(sum(abs(PricingQuantity)::HUGEINT + 1), 0),
  coalesce(sum(abs(ConsumedQuantity)::HUGEINT + 1), 0),
  coalesce(sum(abs(CommitmentDiscountQuantity)::HUGEINT + 1), 0))
FROM billing_rows GROUP BY ingestion_id;
INSERT INTO ingestion_magnitudes
SELECT ingestion_id, 0 FROM ingestions
WHERE ingestion_id NOT IN (SELECT ingestion_id FROM ingestion_magnitudes);
