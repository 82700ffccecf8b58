package io.nuage.broker.launch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nuage.broker.KueueMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;

/**
 * The Kueue objects (kueue.x-k8s.io/v1beta2) of one month, one per file under {@code YYYY-MM/}:
 * ResourceFlavors, a ClusterQueue and a LocalQueue per geography, and with several clusters the
 * MultiKueue objects (an AdmissionCheck, a MultiKueueConfig and a MultiKueueCluster per cluster).
 */
final class KueueManifests {
  static final String API = "kueue.x-k8s.io/v1beta2";
  static final String GPU = "nvidia.com/gpu";
  static final String MULTIKUEUE = "nuage-multikueue";
  static final String LABEL = "nuage.io/";

  /** The comment block of the MultiKueueConfig: what the cost order decides across clusters. */
  static final List<String> MULTIKUEUE_NOTE =
      List.of(
          "Nuage broker: MultiKueue across clusters (docs/broker.md, section 4).",
          "The ClusterQueues' flavor order (least marginal cost first) decides which flavor's",
          "quota on this manager a job is counted against, not which cluster runs it: the job",
          "runs on the first worker whose own Kueue admits it. No worker-side objects are",
          "exported: each worker needs the namespace, a LocalQueue of the same name and a",
          "ClusterQueue of its own, created by the lab.");

  private KueueManifests() {}

  /** The file of the MultiKueueConfig of a month, if it has one. */
  static boolean isMultiKueueConfig(String file) {
    return file.endsWith("/multikueueconfig-" + MULTIKUEUE + ".yaml");
  }

  /** The objects by file name ({@code YYYY-MM/kind-name.yaml}). */
  static SequencedMap<String, ObjectNode> documents(
      KueueMonth m, String namespace, String scenario) {
    SequencedMap<String, ObjectNode> out = new LinkedHashMap<>();
    String dir = m.month() + "/";
    boolean multi = m.clusters().size() > 1;
    for (KueueMonth.Flavor f : m.flavors())
      out.put(dir + "resourceflavor-" + f.name() + ".yaml", flavor(m, f, scenario));
    for (KueueMonth.Queue q : m.queues()) {
      out.put(dir + "clusterqueue-" + q.name() + ".yaml", clusterQueue(m, q, multi, scenario));
      out.put(dir + "localqueue-" + q.name() + ".yaml", localQueue(q, namespace));
    }
    if (multi) {
      out.put(dir + "admissioncheck-" + MULTIKUEUE + ".yaml", admissionCheck());
      out.put(dir + "multikueueconfig-" + MULTIKUEUE + ".yaml", multiKueueConfig(m));
      for (String c : m.clusters()) out.put(dir + "multikueuecluster-" + c + ".yaml", cluster(c));
    }
    return out;
  }

  private static ObjectNode object(String kind, String name) {
    ObjectNode o = LaunchYaml.object();
    o.put("apiVersion", API);
    o.put("kind", kind);
    o.putObject("metadata").put("name", name);
    return o;
  }

  private static ObjectNode flavor(KueueMonth m, KueueMonth.Flavor f, String scenario) {
    ObjectNode o = object("ResourceFlavor", f.name());
    ObjectNode meta = (ObjectNode) o.get("metadata");
    ObjectNode labels = meta.putObject("labels");
    String provider = f.region().substring(0, f.region().indexOf('/'));
    labels.put(LABEL + "cluster", f.cluster());
    labels.put(LABEL + "provider", provider);
    labels.put(LABEL + "region", f.region().substring(f.region().indexOf('/') + 1));
    labels.put(LABEL + "accelerator", f.accelerator());
    labels.put(LABEL + "capacity", f.kind().label());
    ObjectNode notes = meta.putObject("annotations");
    notes.put(LABEL + "scenario", scenario);
    notes.put(LABEL + "month", m.month().toString());
    notes.put(LABEL + "region", f.region());
    notes.put(LABEL + "marginal-cost-per-reference-gpu-hour", f.perReferenceHour().toPlainString());
    notes.put(LABEL + "rate-per-reference-gpu-hour", f.ratePerReferenceHour().toPlainString());
    ObjectNode nodeLabels = o.putObject("spec").putObject("nodeLabels");
    nodeLabels.put(LABEL + "accelerator", f.accelerator());
    nodeLabels.put(LABEL + "capacity", f.kind().label());
    return o;
  }

  private static ObjectNode clusterQueue(
      KueueMonth m, KueueMonth.Queue q, boolean multi, String scenario) {
    ObjectNode o = object("ClusterQueue", q.name());
    ObjectNode notes = ((ObjectNode) o.get("metadata")).putObject("annotations");
    notes.put(LABEL + "scenario", scenario);
    notes.put(LABEL + "month", m.month().toString());
    notes.put(LABEL + "geography", q.geography());
    ObjectNode spec = o.putObject("spec");
    spec.putObject("namespaceSelector");
    ObjectNode group = spec.putArray("resourceGroups").addObject();
    group.putArray("coveredResources").add(GPU);
    ArrayNode flavors = group.putArray("flavors");
    for (KueueMonth.Quota quota : q.quotas()) {
      ObjectNode f = flavors.addObject();
      f.put("name", quota.flavor().name());
      ObjectNode r = f.putArray("resources").addObject();
      r.put("name", GPU);
      r.put("nominalQuota", quota.gpus());
    }
    if (multi)
      spec.putObject("admissionChecksStrategy")
          .putArray("admissionChecks")
          .addObject()
          .put("name", MULTIKUEUE);
    return o;
  }

  private static ObjectNode localQueue(KueueMonth.Queue q, String namespace) {
    ObjectNode o = object("LocalQueue", q.name());
    ((ObjectNode) o.get("metadata")).put("namespace", namespace);
    o.putObject("spec").put("clusterQueue", q.name());
    return o;
  }

  private static ObjectNode admissionCheck() {
    ObjectNode o = object("AdmissionCheck", MULTIKUEUE);
    ObjectNode spec = o.putObject("spec");
    spec.put("controllerName", "kueue.x-k8s.io/multikueue");
    spec.putObject("parameters")
        .put("apiGroup", "kueue.x-k8s.io")
        .put("kind", "MultiKueueConfig")
        .put("name", MULTIKUEUE);
    return o;
  }

  private static ObjectNode multiKueueConfig(KueueMonth m) {
    ObjectNode o = object("MultiKueueConfig", MULTIKUEUE);
    ArrayNode clusters = o.putObject("spec").putArray("clusters");
    m.clusters().forEach(clusters::add);
    return o;
  }

  private static ObjectNode cluster(String name) {
    ObjectNode o = object("MultiKueueCluster", name);
    o.putObject("spec")
        .putObject("clusterSource")
        .putObject("kubeConfig")
        .put("locationType", "Secret")
        .put("location", name + "-kubeconfig");
    return o;
  }
}
