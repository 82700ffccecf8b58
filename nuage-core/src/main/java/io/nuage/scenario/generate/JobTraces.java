package io.nuage.scenario.generate;

import io.nuage.core.NuageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The job-size distributions read from the traces (docs/generate.md): GPU demand of multi-GPU pods,
 * Philly run times, GPU-type constraints, and GPU instances per DLRM inference service. Rows are
 * kept in file order so draws are reproducible.
 */
record JobTraces(
    List<Integer> podGpuMilli,
    List<Double> runtimeSeconds,
    List<String> gpuSpecs,
    List<Integer> serviceInstances) {

  static JobTraces read(Path traces) {
    try {
      return readRows(traces);
    } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
      throw new NuageException(
          traces
              + ": a trace row is not in the format of gpu_traces/PROVENANCE.md (got "
              + e.getMessage()
              + ")");
    }
  }

  private static JobTraces readRows(Path traces) {
    var pods = new ArrayList<Integer>();
    for (String[] row :
        rows(traces.resolve("alibaba_gpu_v2023_openb/openb_pod_list_multigpu50.csv"))) {
      int gpus = Integer.parseInt(row[3]);
      if (gpus > 0) pods.add(gpus * Integer.parseInt(row[4]));
    }
    var specs = new ArrayList<String>();
    for (String[] row :
        rows(traces.resolve("alibaba_gpu_v2023_openb/openb_pod_list_gpuspec33.csv"))) {
      if (Integer.parseInt(row[3]) > 0) specs.add(row[5]);
    }
    var runtimes = new ArrayList<Double>();
    for (String[] row : rows(traces.resolve("alibaba_gpu_v2020_pai/philly_runtime.csv"))) {
      double r = Double.parseDouble(row[0]);
      if (r > 0) runtimes.add(r);
    }
    var instances = new TreeMap<String, Integer>();
    for (String[] row :
        rows(traces.resolve("alibaba_gpu_v2025_dlrm/disaggregated_DLRM_trace.csv"))) {
      if (row[1].equals("HN") && !row[5].isEmpty() && Double.parseDouble(row[5]) > 0) {
        instances.merge(row[2], 1, Integer::sum);
      }
    }
    if (pods.isEmpty() || runtimes.isEmpty() || specs.isEmpty() || instances.isEmpty()) {
      throw new NuageException("trace files under " + traces + " hold no usable rows");
    }
    return new JobTraces(pods, runtimes, specs, List.copyOf(instances.values()));
  }

  /** Data rows split on commas (these trace files quote nothing), header dropped. */
  private static List<String[]> rows(Path file) {
    try {
      var lines = Files.readAllLines(file);
      return lines.stream().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", -1)).toList();
    } catch (IOException e) {
      throw new NuageException(
          file
              + ": cannot read trace file (got "
              + e.getMessage()
              + ", expected the file of "
              + "shared/data/gpu_traces, see its PROVENANCE.md)");
    }
  }
}
