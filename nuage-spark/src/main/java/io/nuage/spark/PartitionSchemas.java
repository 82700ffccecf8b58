package io.nuage.spark;

import io.nuage.core.NuageException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.apache.spark.sql.SparkSession;

/**
 * Checks that every Parquet file of an export has the columns the draw-down and the reconciliation
 * read, of the types an export writes: Spark reads one file's schema and would take a partition
 * whose column is missing as NULLs, or fail deep inside a task. Each footer's row count must be the
 * one the manifest lists for the file. The footers are read on the driver (a few KB a file).
 */
final class PartitionSchemas {
  private enum Kind {
    MONEY("DECIMAL(38,18)"),
    TEXT("a string"),
    TIME("a timestamp"),
    WHOLE("a 64-bit integer");

    final String expected;

    Kind(String expected) {
      this.expected = expected;
    }
  }

  /**
   * In the order the messages name them (Map.ofEntries' order changes from one JVM to the next).
   */
  private static final Map<String, Kind> COLUMNS =
      inOrder(
          Map.entry("ProviderName", Kind.TEXT),
          Map.entry("ChargePeriodStart", Kind.TIME),
          Map.entry("ChargePeriodEnd", Kind.TIME),
          Map.entry("ChargeCategory", Kind.TEXT),
          Map.entry("CommitmentDiscountId", Kind.TEXT),
          Map.entry("CommitmentDiscountStatus", Kind.TEXT),
          Map.entry("BilledCost", Kind.MONEY),
          Map.entry("EffectiveCost", Kind.MONEY),
          Map.entry("ConsumedQuantity", Kind.MONEY),
          Map.entry("ConsumedUnit", Kind.TEXT),
          Map.entry("BillingAccountId", Kind.TEXT),
          Map.entry("BillingCurrency", Kind.TEXT),
          Map.entry("RegionId", Kind.TEXT),
          Map.entry("ServiceCategory", Kind.TEXT),
          Map.entry("SkuPriceDetails", Kind.TEXT),
          Map.entry("applied_ids", Kind.TEXT),
          Map.entry("accelerator", Kind.TEXT),
          Map.entry("PricingCategory", Kind.TEXT),
          // the reconciliation's
          Map.entry("ListCost", Kind.MONEY),
          Map.entry("PricingQuantity", Kind.MONEY),
          Map.entry("PricingUnit", Kind.TEXT),
          Map.entry("ServiceName", Kind.TEXT),
          Map.entry("SkuId", Kind.TEXT),
          Map.entry("ResourceId", Kind.TEXT),
          Map.entry("ledger_row", Kind.WHOLE));

  @SafeVarargs
  private static Map<String, Kind> inOrder(Map.Entry<String, Kind>... columns) {
    Map<String, Kind> m = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, Kind> c : columns) m.put(c.getKey(), c.getValue());
    return java.util.Collections.unmodifiableMap(m);
  }

  private final SparkSession spark;
  private final LedgerExport export;

  PartitionSchemas(SparkSession spark, LedgerExport export) {
    this.spark = spark;
    this.export = export;
  }

  /**
   * Checks every file the manifests list, which are exactly the files Spark is given ({@link
   * SparkCharges}) and exactly the files on disk ({@link LedgerExport#open}).
   */
  void check() {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    for (Map<Path, Long> files : export.files().values())
      for (Map.Entry<Path, Long> f : files.entrySet()) check(f.getKey(), f.getValue(), conf);
  }

  private void check(Path file, long rows, Configuration conf) {
    MessageType schema;
    long footerRows;
    try (ParquetFileReader r =
        ParquetFileReader.open(
            HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()), conf))) {
      schema = r.getFooter().getFileMetaData().getSchema();
      footerRows = r.getRecordCount();
    } catch (IOException | RuntimeException e) {
      throw wrong(file, "not a readable Parquet file (" + e.getMessage() + ")");
    }
    if (footerRows != rows)
      throw new NuageException(
          "--parquet "
              + export.dir()
              + ": partition "
              + export.partition(file.getParent())
              + ": "
              + file.getFileName()
              + " holds "
              + footerRows
              + " rows, the manifest says "
              + rows
              + " (the file was replaced or rewritten after the export); export the store again");
    java.util.List<String> wrong = wrongColumns(schema);
    if (!wrong.isEmpty()) throw wrong(file, String.join("; ", wrong));
  }

  /** What {@code schema} lacks or holds of another type, every column, in the same order. */
  static java.util.List<String> wrongColumns(MessageType schema) {
    java.util.List<String> wrong = new java.util.ArrayList<>();
    for (Map.Entry<String, Kind> c : COLUMNS.entrySet()) {
      if (!schema.containsField(c.getKey())) {
        wrong.add("no column " + c.getKey() + " (" + c.getValue().expected + ")");
        continue;
      }
      Type t = schema.getType(c.getKey());
      if (!t.isPrimitive() || !is(t.asPrimitiveType(), c.getValue()))
        wrong.add(
            "column " + c.getKey() + " is " + describe(t) + ", expected " + c.getValue().expected);
    }
    return wrong;
  }

  private static boolean is(PrimitiveType t, Kind kind) {
    LogicalTypeAnnotation a = t.getLogicalTypeAnnotation();
    return switch (kind) {
      case MONEY ->
          a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d
              && d.getPrecision() == 38
              && d.getScale() == 18;
      case TEXT -> a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation;
      case TIME -> a instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
      case WHOLE ->
          t.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT64
              && (a == null
                  || a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i
                      && i.getBitWidth() == 64
                      && i.isSigned());
    };
  }

  private static String describe(Type t) {
    if (!t.isPrimitive()) return "a group";
    PrimitiveType p = t.asPrimitiveType();
    LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
    return p.getPrimitiveTypeName().name().toLowerCase(java.util.Locale.ROOT)
        + (a != null ? " " + a : "");
  }

  private NuageException wrong(Path file, String what) {
    String partition = export.partition(file.getParent());
    return new NuageException(
        "--parquet "
            + export.dir()
            + ": partition "
            + partition
            + " has a wrong schema ("
            + file.getFileName()
            + ": "
            + what
            + ")");
  }

  /** A failure of Spark reading the export, said as the export's. */
  static NuageException named(LedgerExport export, Exception e) {
    String m = e.getMessage() != null ? e.getMessage().lines().findFirst().orElse("") : "";
    return new NuageException(
        "--parquet " + export.dir() + ": Spark cannot read the export (" + m + ")");
  }
}
