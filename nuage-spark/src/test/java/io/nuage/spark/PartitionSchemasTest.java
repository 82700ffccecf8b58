package io.nuage.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;

/**
 * A wrong schema is named the same way on every run: each column it lacks or holds of another type,
 * in the order the check lists them (a {@code Map.ofEntries} named whichever column its order,
 * which changes from one JVM to the next, reached first).
 */
class PartitionSchemasTest {
  /** Every column the check reads, as an export writes it, but those {@code left} out. */
  private static MessageType schema(String listCost, String... left) {
    String all =
        """
        message export {
          optional binary ProviderName (STRING);
          optional int64 ChargePeriodStart (TIMESTAMP(MICROS,true));
          optional int64 ChargePeriodEnd (TIMESTAMP(MICROS,true));
          optional binary ChargeCategory (STRING);
          optional binary CommitmentDiscountId (STRING);
          optional binary CommitmentDiscountStatus (STRING);
          optional fixed_len_byte_array(16) BilledCost (DECIMAL(38,18));
          optional fixed_len_byte_array(16) EffectiveCost (DECIMAL(38,18));
          optional fixed_len_byte_array(16) ConsumedQuantity (DECIMAL(38,18));
          optional binary ConsumedUnit (STRING);
          optional binary BillingAccountId (STRING);
          optional binary BillingCurrency (STRING);
          optional binary RegionId (STRING);
          optional binary ServiceCategory (STRING);
          optional binary SkuPriceDetails (STRING);
          optional binary applied_ids (STRING);
          optional binary accelerator (STRING);
          optional binary PricingCategory (STRING);
          optional LIST_COST;
          optional fixed_len_byte_array(16) PricingQuantity (DECIMAL(38,18));
          optional binary PricingUnit (STRING);
          optional binary ServiceName (STRING);
          optional binary SkuId (STRING);
          optional binary ResourceId (STRING);
          optional int64 ledger_row;
        }
        """
            .replace("LIST_COST", listCost);
    StringBuilder kept = new StringBuilder();
    for (String line : all.lines().toList()) {
      boolean drop = false;
      for (String column : left) drop |= line.contains(" " + column + " ");
      if (!drop) kept.append(line).append('\n');
    }
    return MessageTypeParser.parseMessageType(kept.toString());
  }

  private static final String DECIMAL = "fixed_len_byte_array(16) ListCost (DECIMAL(38,18))";

  @Test
  void wrongColumns_ofAnExportsSchema_isEmpty_andOfAnEmptyOne_namesAll25() {
    assertThat(PartitionSchemas.wrongColumns(new MessageType("empty"))).hasSize(25);
    assertThat(PartitionSchemas.wrongColumns(schema(DECIMAL))).isEmpty();
  }

  @Test
  void wrongColumns_namesEveryMissingAndMistypedColumn_inTheCheckOrder() {
    MessageType wrong = schema("double ListCost", "SkuId", "BilledCost");
    assertThat(PartitionSchemas.wrongColumns(wrong))
        .containsExactly(
            "no column BilledCost (DECIMAL(38,18))",
            "column ListCost is double, expected DECIMAL(38,18)",
            "no column SkuId (a string)");
  }
}
