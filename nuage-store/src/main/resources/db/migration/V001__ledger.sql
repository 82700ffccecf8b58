-- The ledger: FOCUS rows exactly as billed, one row per charge (see docs/ledger.md).

CREATE SEQUENCE ingestion_ids START 1;

-- One row per committed file. A file that was rejected leaves no row.
CREATE TABLE ingestions (
  ingestion_id    BIGINT PRIMARY KEY,
  source          VARCHAR NOT NULL,   -- the path as the user gave it
  file_bytes      BIGINT NOT NULL,
  format          VARCHAR NOT NULL,   -- csv, csv.gz, parquet
  focus_version   VARCHAR NOT NULL,   -- 1.0, 1.1, 1.2 (inferred from the columns)
  ingested_at     TIMESTAMP NOT NULL, -- UTC
  rows_read       BIGINT NOT NULL,
  rows_accepted   BIGINT NOT NULL,    -- new rows added to billing_rows
  rows_duplicate  BIGINT NOT NULL,    -- rows already in the ledger
  rows_rejected   BIGINT NOT NULL,    -- only non-zero with --skip-bad-rows
  report          VARCHAR NOT NULL    -- the full report as JSON (reasons, normalisations)
);

-- The 57 FOCUS 1.2 columns (names verbatim, COLUMNS.md order), then the ledger's own columns.
CREATE TABLE billing_rows (
  AvailabilityZone                     VARCHAR,
  BilledCost                           DECIMAL(38,18),
  BillingAccountId                     VARCHAR,
  BillingAccountName                   VARCHAR,
  BillingAccountType                   VARCHAR,
  BillingCurrency                      VARCHAR,
  BillingPeriodEnd                     TIMESTAMP,
  BillingPeriodStart                   TIMESTAMP,
  CapacityReservationId                VARCHAR,
  CapacityReservationStatus            VARCHAR,
  ChargeCategory                       VARCHAR,
  ChargeClass                          VARCHAR,
  ChargeDescription                    VARCHAR,
  ChargeFrequency                      VARCHAR,
  ChargePeriodEnd                      TIMESTAMP,
  ChargePeriodStart                    TIMESTAMP,
  CommitmentDiscountCategory           VARCHAR,
  CommitmentDiscountId                 VARCHAR,
  CommitmentDiscountName               VARCHAR,
  CommitmentDiscountQuantity           DECIMAL(38,18),
  CommitmentDiscountStatus             VARCHAR,
  CommitmentDiscountType               VARCHAR,
  CommitmentDiscountUnit               VARCHAR,
  ConsumedQuantity                     DECIMAL(38,18),
  ConsumedUnit                         VARCHAR,
  ContractedCost                       DECIMAL(38,18),
  ContractedUnitPrice                  DECIMAL(38,18),
  EffectiveCost                        DECIMAL(38,18),
  InvoiceId                            VARCHAR,
  InvoiceIssuerName                    VARCHAR,
  ListCost                             DECIMAL(38,18),
  ListUnitPrice                        DECIMAL(38,18),
  PricingCategory                      VARCHAR,
  PricingCurrency                      VARCHAR,
  PricingCurrencyContractedUnitPrice   DECIMAL(38,18),
  PricingCurrencyEffectiveCost         DECIMAL(38,18),
  PricingCurrencyListUnitPrice         DECIMAL(38,18),
  PricingQuantity                      DECIMAL(38,18),
  PricingUnit                          VARCHAR,
  ProviderName                         VARCHAR,
  PublisherName                        VARCHAR,
  RegionId                             VARCHAR,
  RegionName                           VARCHAR,
  ResourceId                           VARCHAR,
  ResourceName                         VARCHAR,
  ResourceType                         VARCHAR,
  ServiceCategory                      VARCHAR,
  ServiceName                          VARCHAR,
  ServiceSubcategory                   VARCHAR,
  SkuId                                VARCHAR,
  SkuMeter                             VARCHAR,
  SkuPriceDetails                      VARCHAR,
  SkuPriceId                           VARCHAR,
  SubAccountId                         VARCHAR,
  SubAccountName                       VARCHAR,
  SubAccountType                       VARCHAR,
  Tags                                 VARCHAR,
  row_hash      UHUGEINT NOT NULL,  -- md5 of the normalised FOCUS values (identity, part 1)
  occurrence    INTEGER NOT NULL,   -- n-th identical row within its file (identity, part 2)
  ingestion_id  BIGINT NOT NULL,
  source_line   BIGINT NOT NULL     -- line (CSV) or row (Parquet) in the source file
);

-- Sums per ingestion and month, appended in the ingesting transaction: the draw-down reads these
-- instead of scanning billing_rows. Sum over ingestion_id to get the ledger's figure.
CREATE TABLE billing_monthly (
  ingestion_id               BIGINT NOT NULL,
  month                      DATE NOT NULL,     -- first day of the month of ChargePeriodStart
  BillingCurrency            VARCHAR,
  ProviderName               VARCHAR,
  InvoiceIssuerName          VARCHAR,
  BillingAccountId           VARCHAR,
  RegionId                   VARCHAR,
  ServiceCategory            VARCHAR,
  ServiceName                VARCHAR,
  SkuId                      VARCHAR,
  ChargeCategory             VARCHAR,
  ChargeClass                VARCHAR,
  ChargeFrequency            VARCHAR,
  PricingCategory            VARCHAR,
  PricingUnit                VARCHAR,
  ConsumedUnit               VARCHAR,
  CommitmentDiscountId       VARCHAR,
  CommitmentDiscountType     VARCHAR,
  CommitmentDiscountCategory VARCHAR,
  CommitmentDiscountStatus   VARCHAR,
  row_count                  BIGINT NOT NULL,
  BilledCost                 DECIMAL(38,18),
  EffectiveCost              DECIMAL(38,18),
  ListCost                   DECIMAL(38,18),
  ContractedCost             DECIMAL(38,18),
  PricingQuantity            DECIMAL(38,18),
  ConsumedQuantity           DECIMAL(38,18),
  CommitmentDiscountQuantity DECIMAL(38,18),
  first_charge_start         TIMESTAMP,
  last_charge_end            TIMESTAMP
);
