package io.nuage.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.nuage.core.NuageException;
import java.util.Map;
import java.util.Set;

/**
 * {@code nuage plan SCENARIO --server URL}: a plan job on the server ({@code POST /api/plans}),
 * polled until it ends, then its plan JSON as {@code nuage plan --format json} writes it. The
 * server solves with its own {@code --time-limit}; the wait is bounded all the same.
 */
final class ServerPlan {
  private static final Set<String> WAITING = Set.of("QUEUED", "RUNNING");
  private static final long POLL_MILLIS = 500;

  private ServerPlan() {}

  static int run(PlanCommand command) {
    if (command.spec.commandLine().getParseResult().hasMatchedOption("--format")
        && command.format != PlanCommand.Format.json) {
      throw new NuageException(
          "--format "
              + command.format
              + ": not with --server (the server answers the plan JSON; leave --format"
              + " out or give --format json)");
    }
    if (command.mps != null) {
      throw new NuageException("--export-mps: not with --server (the model stays on the server)");
    }
    ServerClient client = command.server.client(null);
    String scenario = ServerScenarios.id(client, command.scenario);
    JsonNode job = client.postJson("api/plans", Map.of("scenario", scenario));
    String id = job.path("id").asText();
    // the server's time limit is its own: wait for several of ours and a queue, then give up
    long deadline = System.nanoTime() + (long) ((Math.max(command.timeLimit, 60) * 10 + 600) * 1e9);
    while (WAITING.contains(job.path("status").asText())) {
      if (System.nanoTime() > deadline) {
        throw new NuageException(
            "--server: the plan job "
                + id
                + " has not finished; its result will be at GET /api/plans/"
                + id);
      }
      sleep();
      job = client.get("api/plans/" + ServerClient.segment(id));
    }
    return finish(command, id, job);
  }

  private static int finish(PlanCommand command, String id, JsonNode job) {
    String status = job.path("status").asText();
    JsonNode plan = job.path("result");
    if (!(status.equals("SUCCEEDED") || status.equals("INFEASIBLE")) || !plan.isObject()) {
      String error = job.path("error").asText("");
      throw new NuageException(
          "nuage plan: the server's plan job "
              + id
              + " ended "
              + status
              + (error.isEmpty() ? "" : ": " + error));
    }
    String text;
    try {
      text = ServerClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(plan) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the plan JSON", e);
    }
    var err = command.spec.commandLine().getErr();
    if (command.out != null) OutputFile.write("--out", command.out, text);
    else command.spec.commandLine().getOut().print(text);
    command.spec.commandLine().getOut().flush();
    if (status.equals("INFEASIBLE")) {
      err.println("nuage plan: " + command.scenario + " has no feasible plan:");
      plan.path("infeasibility").forEach(r -> err.println("  " + r.path("message").asText()));
      return PlanCommand.INFEASIBLE;
    }
    return 0;
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NuageException("nuage plan: interrupted while waiting for the server");
    }
  }
}
