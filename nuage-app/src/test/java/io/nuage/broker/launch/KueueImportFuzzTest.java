package io.nuage.broker.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.core.NuageException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nuage import kueue} on seeded mutations of a real export: it reads the folder or throws
 * its one documented exception ({@link NuageException}), never anything else.
 */
class KueueImportFuzzTest {
  static final String FLAVOR =
      """
      apiVersion: kueue.x-k8s.io/v1beta2
      kind: ResourceFlavor
      metadata:
        name: oci-us-phoenix-1-b200-committed
        labels: {nuage.io/provider: oci, nuage.io/region: us-phoenix-1, nuage.io/accelerator: B200}
        annotations: {nuage.io/region: oci/us-phoenix-1, nuage.io/month: 2027-06}
      """;
  static final String QUEUE =
      """
      apiVersion: kueue.x-k8s.io/v1beta2
      kind: ClusterQueue
      metadata: {name: us, annotations: {nuage.io/month: 2027-06}}
      spec:
        resourceGroups:
          - coveredResources: [nvidia.com/gpu]
            flavors:
              - name: oci-us-phoenix-1-b200-committed
                resources: [{name: nvidia.com/gpu, nominalQuota: 200001}]
      """;

  @Test
  void mutatedManifests_readOrRefuseWithNuageException(@TempDir Path dir) throws Exception {
    Random random = new Random(16);
    String alphabet = "{}[]:,-# \n'\"0123456789abcAZ/.&*!|>";
    for (int trial = 0; trial < 400; trial++) {
      Path folder = Files.createDirectories(dir.resolve("t" + trial));
      for (var f : Map.of("flavor.yaml", FLAVOR, "queue.yaml", QUEUE).entrySet()) {
        StringBuilder text = new StringBuilder(f.getValue());
        for (int k = 0; k < 1 + random.nextInt(4); k++) {
          int at = random.nextInt(text.length());
          switch (random.nextInt(3)) {
            case 0 -> text.deleteCharAt(at);
            case 1 -> text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
            default -> text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
          }
        }
        Files.writeString(folder.resolve(f.getKey()), text, StandardCharsets.UTF_8);
      }
      try {
        assertThat(KueueImport.read(folder, null)).isNotNull();
      } catch (NuageException expected) {
        assertThat(expected.getMessage()).isNotBlank();
      }
    }
  }

  @Test
  void quotaBeyondAnInt_isRefusedByName(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("flavor.yaml"), FLAVOR);
    Files.writeString(dir.resolve("queue.yaml"), QUEUE.replace("200001", "99999999999"));
    try {
      KueueImport.read(dir, null);
      throw new AssertionError("a quota beyond an int was read");
    } catch (NuageException e) {
      assertThat(e.getMessage()).contains("oci-us-phoenix-1-b200-committed", "99999999999");
    }
  }
}
