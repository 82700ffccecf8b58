package io.nuage.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/**
 * A Nuage session's configuration: a {@code spark.*} property given ({@code --conf} of
 * spark-submit, {@code -D}) wins over Nuage's defaults, except the settings its answers depend on
 * ({@link SparkScaleOut#FORCED}), which Nuage sets whatever is given (docs/scale-out.md).
 */
class SparkScaleOutTest {
  private static final Map<String, String> GIVEN =
      Map.of(
          "spark.ui.enabled", "true",
          "spark.ui.showConsoleProgress", "true",
          "spark.app.name", "lab-ledger",
          "spark.driver.host", "127.0.0.2",
          "spark.sql.debug.maxToStringFields", "25",
          "spark.sql.session.timeZone", "Europe/Paris",
          "spark.sql.decimalOperations.allowPrecisionLoss", "true",
          "spark.serializer", "org.apache.spark.serializer.KryoSerializer");

  @Test
  void conf_aSettingGiven_winsOverNuagesDefault_butNotOverWhatTheAnswersNeed() {
    SparkConf conf;
    GIVEN.forEach(System::setProperty);
    try {
      conf = SparkScaleOut.conf("local[2]");
    } finally {
      GIVEN.keySet().forEach(System::clearProperty);
    }
    for (String yielded :
        new String[] {
          "spark.ui.enabled",
          "spark.ui.showConsoleProgress",
          "spark.app.name",
          "spark.driver.host",
          "spark.sql.debug.maxToStringFields"
        }) assertThat(conf.get(yielded)).as(yielded).isEqualTo(GIVEN.get(yielded));
    assertThat(conf.get("spark.sql.session.timeZone")).isEqualTo("UTC");
    assertThat(conf.get("spark.sql.decimalOperations.allowPrecisionLoss")).isEqualTo("false");
    assertThat(conf.get("spark.serializer"))
        .isEqualTo("org.apache.spark.serializer.JavaSerializer");
  }

  @Test
  void conf_nothingGiven_takesNuagesDefaults() {
    SparkConf conf = SparkScaleOut.conf("local[2]");
    assertThat(conf.get("spark.ui.enabled")).isEqualTo("false");
    assertThat(conf.get("spark.app.name")).isEqualTo("nuage");
    assertThat(conf.get("spark.driver.host")).isEqualTo("127.0.0.1");
    for (String forced : SparkScaleOut.FORCED)
      assertThat(conf.contains(forced)).as(forced).isTrue();
  }
}
