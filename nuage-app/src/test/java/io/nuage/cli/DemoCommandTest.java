package io.nuage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.testing.Repo;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class DemoCommandTest {
  @Test
  void demo_validatesTheExampleAndShowsCatalogAndContractTotals() {
    String before = System.getProperty("nuage.home");
    System.setProperty("nuage.home", Repo.root().toString());
    try {
      var out = new StringWriter();
      var err = new StringWriter();
      int code = Main.run(new String[] {"demo"}, new PrintWriter(out), new PrintWriter(err));
      assertThat(code).isZero();
      assertThat(err.toString()).isEmpty();
      assertThat(out.toString())
          .contains("valid: 5 providers, 15 regions")
          .contains("H100           2.95  at nebius/eu-north1")
          .contains("oci-committed-300b")
          .contains("total 300,000,000,000.00")
          .contains("2027: 20,000,000,000.00")
          .contains("2031: 105,000,000,000.00")
          // 20,000 GPUs x 8,760 hours x $2.45 in 2027
          .contains("2027: 429,240,000.00");
    } finally {
      if (before == null) System.clearProperty("nuage.home");
      else System.setProperty("nuage.home", before);
    }
  }
}
