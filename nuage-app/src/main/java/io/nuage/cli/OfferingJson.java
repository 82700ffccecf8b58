package io.nuage.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nuage.catalog.Accelerator;
import io.nuage.catalog.Offering;
import io.nuage.catalog.imports.AcceleratorMapping;
import io.nuage.catalog.imports.ImportReport;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Offerings as JSON; money is a decimal string so no binary floating point touches it. */
final class OfferingJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private OfferingJson() {}

  static String render(List<Offering> shown, int matching, ImportReport report) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("count", shown.size());
    root.put("matching", matching);
    root.put("unit", "USD per GPU-hour");
    ArrayNode list = root.putArray("offerings");
    for (Offering o : shown) {
      var acc = AcceleratorMapping.byName(o.accelerator());
      ObjectNode node = list.addObject();
      node.put("provider", o.provider());
      node.put("region", o.region());
      node.put("accelerator", o.accelerator());
      node.put("family", acc.map(Accelerator::family).orElse(o.accelerator()));
      node.put("throughput", acc.map(a -> a.throughput().toPlainString()).orElse(""));
      node.put("pricing", o.pricing().label());
      node.put("pricePerGpuHour", o.pricePerGpuHour().toPlainString());
      node.put("instanceType", o.instanceType());
      node.put("source", o.source());
    }
    putReport(root.putObject("report"), report);
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void putReport(ObjectNode node, ImportReport report) {
    node.put("read", report.read());
    node.put("used", report.used());
    putCounts(node.putObject("skipped"), report.skippedByReason());
    ArrayNode files = node.putArray("files");
    for (ImportReport.FileReport f : report.files()) {
      ObjectNode file = files.addObject();
      file.put("file", f.file());
      file.put("format", f.format());
      file.put("provider", f.provider());
      file.put("read", f.read());
      file.put("used", f.used());
      putCounts(file.putObject("skipped"), f.skipped());
      putCounts(file.putObject("notes"), f.notes());
    }
    ArrayNode ignored = node.putArray("ignored");
    for (ImportReport.IgnoredFile f : report.ignored()) {
      ignored.addObject().put("file", f.file()).put("reason", f.reason());
    }
  }

  private static void putCounts(ObjectNode node, Map<String, Integer> counts) {
    counts.forEach(node::put);
  }
}
