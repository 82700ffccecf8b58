package io.nuage.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker's zip downloads on a real server on a random loopback port: a finished plan job's
 * SkyPilot tasks and a month's Kueue objects, and the refusals (unknown job, bad or outside month).
 */
class ExportApiTest {
  @TempDir Path folder;

  private static Map<String, String> unzip(RunningServer api, String path) throws Exception {
    HttpResponse<byte[]> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(api.uri(path))
                    .header("Authorization", "Bearer " + api.viewer)
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Disposition").orElse("")).contains(".zip");
    Map<String, String> files = new LinkedHashMap<>();
    try (var zip = new ZipInputStream(new ByteArrayInputStream(r.body()))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry())
        files.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
    }
    return files;
  }

  @Test
  void export_zipsAFinishedPlansTasksAndAMonthsQuotas() throws Exception {
    try (RunningServer api = RunningServer.start(folder)) {
      String scenario =
          api.post("/api/scenarios", api.planner, Examples.microLab(), "application/yaml")
              .json()
              .get("id")
              .asText();
      String plan = PlanApiTest.startPlan(api, scenario);
      JsonNode job = PlanApiTest.awaitFinished(api, plan);
      assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
      JsonNode result = job.get("result");

      var sky = api.get("/api/plans/" + plan + "/export/skypilot", api.viewer);
      assertThat(sky.status()).as(sky.body()).isEqualTo(200);
      assertThat(sky.contentType()).startsWith("application/zip");
      Map<String, String> tasks = unzip(api, "/api/plans/" + plan + "/export/skypilot");
      assertThat(tasks).containsKeys("pretrain-1.yaml", "fleet-chat-us.yaml");
      JsonNode first =
          new YAMLMapper()
              .readTree(tasks.get("pretrain-1.yaml"))
              .get("resources")
              .get("ordered")
              .get(0);
      JsonNode placed = null;
      for (JsonNode p : result.get("placements"))
        if (p.get("workload").asText().equals("pretrain-1")) placed = p;
      assertThat(first.get("infra").asText()).isEqualTo(placed.get("region").asText());

      Map<String, String> kueue = unzip(api, "/api/plans/" + plan + "/export/kueue?month=2027-03");
      long planned = 0;
      for (JsonNode p : result.get("placements"))
        if (p.get("month").asText().equals("2027-03")) planned += p.get("gpus").asLong();
      long quotas = 0;
      for (var e : kueue.entrySet()) {
        assertThat(e.getKey()).startsWith("2027-03/");
        JsonNode o = new YAMLMapper().readTree(e.getValue());
        if (!o.get("kind").asText().equals("ClusterQueue")) continue;
        for (JsonNode f : o.get("spec").get("resourceGroups").get(0).get("flavors"))
          quotas += f.get("resources").get(0).get("nominalQuota").asLong();
      }
      assertThat(quotas).isEqualTo(planned);

      assertThat(api.get("/api/plans/" + plan + "/export/kueue", api.viewer).status())
          .isEqualTo(400);
      var outside = api.get("/api/plans/" + plan + "/export/kueue?month=2029-01", api.viewer);
      assertThat(outside.status()).isEqualTo(400);
      assertThat(outside.body())
          .contains("query parameter month", "2029-01", "outside the plan")
          .doesNotContain("--month");
      assertThat(api.get("/api/plans/plan_nope/export/skypilot", api.viewer).status())
          .isEqualTo(404);
      assertThat(api.get("/api/plans/" + plan + "/export/skypilot", null).status()).isEqualTo(401);

      // the shipped example takes seconds to plan: asked at once, its job has no plan yet
      String busy = PlanApiTest.startPlan(api, PlanApiTest.uploadExample(api));
      var early = api.get("/api/plans/" + busy + "/export/skypilot", api.viewer);
      assertThat(early.status()).as(early.body()).isEqualTo(409);
      assertThat(early.body()).contains(busy, "no plan to export");
      api.delete("/api/plans/" + busy, api.planner);
    }
  }
}
