package io.nuage.scenario.generate;

import java.time.YearMonth;
import java.util.List;

/**
 * The generator's own placement of every workload, which proves the scenario feasible: capacity is
 * sized over it (docs/generate.md, Capacity). Loads are GPUs per slot and month; a gang counts its
 * whole size in every month it touches.
 */
final class ReferencePlacement {
  final List<Slot> slots;
  final GenerateSpec spec;

  /** GPUs per slot per month. */
  final double[][] gpus;

  /** GPU-hours per slot per month (what would be billed). */
  final double[][] gpuHours;

  ReferencePlacement(GenerateSpec spec, List<Slot> slots) {
    this.spec = spec;
    this.slots = slots;
    this.gpus = new double[slots.size()][spec.months()];
    this.gpuHours = new double[slots.size()][spec.months()];
  }

  static double hours(YearMonth month) {
    return 24.0 * month.lengthOfMonth();
  }

  YearMonth month(int t) {
    return GenerateSpec.START.plusMonths(t);
  }

  int index(YearMonth month) {
    return (int) java.time.temporal.ChronoUnit.MONTHS.between(GenerateSpec.START, month);
  }

  /** Puts a run on the allowed slot whose peak over the run's months stays lowest. */
  void placeRun(Draws.Run run) {
    int best = -1;
    double bestPeak = Double.MAX_VALUE;
    for (int s = 0; s < slots.size(); s++) {
      Slot slot = slots.get(s);
      if (!run.families().contains(slot.family())) continue;
      double[] fill = fill(run, slot);
      double peak = 0;
      int start = index(run.earliestStart());
      for (int k = 0; k < fill.length; k++) peak = Math.max(peak, gpus[s][start + k] + run.gpus());
      if (peak < bestPeak) {
        bestPeak = peak;
        best = s;
      }
    }
    if (best < 0) {
      throw new IllegalStateException("no kept offering serves families " + run.families());
    }
    double[] fill = fill(run, slots.get(best));
    int start = index(run.earliestStart());
    for (int k = 0; k < fill.length; k++) {
      gpus[best][start + k] += run.gpus();
      gpuHours[best][start + k] += run.gpus() * fill[k];
    }
  }

  /** Wall-clock hours per month of a run started at its earliest start on the slot. */
  double[] fill(Draws.Run run, Slot slot) {
    double left = run.referenceHours() / slot.throughput().doubleValue();
    int start = index(run.earliestStart());
    var hours = new java.util.ArrayList<Double>();
    for (int t = start; left > 1e-9 && t < spec.months(); t++) {
      double w = Math.min(left, hours(month(t)));
      hours.add(w);
      left -= w;
    }
    return hours.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** Spreads reference GPU-hours of a geography evenly over its slots. */
  void placeDemand(String geography, int t, double referenceGpuHours) {
    var here = slots.stream().filter(s -> s.geography().equals(geography)).toList();
    for (Slot slot : here) {
      int s = slots.indexOf(slot);
      double h = referenceGpuHours / here.size() / slot.throughput().doubleValue();
      gpuHours[s][t] += h;
      gpus[s][t] += h / hours(month(t));
    }
  }

  /** Capacity level: 25% over the peak so far, in steps of 256 GPUs, at least 256. */
  int[] levels(int s) {
    int[] levels = new int[spec.months()];
    double peak = 0;
    for (int t = 0; t < spec.months(); t++) {
      peak = Math.max(peak, gpus[s][t]);
      levels[t] = Math.max(256, 256 * (int) Math.ceil(1.25 * peak / 256));
    }
    return levels;
  }
}
