package io.nuage.plan;

/**
 * A complete placement in the model's terms: the option chosen for each training run (index into
 * {@link PlanData#options}) and the GPU-hours each fleet demand row takes from each of its cells.
 */
record Assignment(int[] optionOfRun, double[][] fleetHours) {

  static Assignment empty(PlanData data) {
    double[][] hours = new double[data.demands.size()][];
    for (FleetDemand d : data.demands) hours[d.index()] = new double[d.cells().size()];
    int[] chosen = new int[data.runs.size()];
    java.util.Arrays.fill(chosen, -1);
    return new Assignment(chosen, hours);
  }

  /** The options taken, as a mask over {@link PlanData#options}. */
  boolean[] options(PlanData data) {
    boolean[] taken = new boolean[data.options.size()];
    for (int o : optionOfRun) if (o >= 0) taken[o] = true;
    return taken;
  }

  /** GPU-hours used per cell and month. */
  double[][] usage(PlanData data) {
    double[][] used = new double[data.cells.size()][data.monthCount()];
    for (int j = 0; j < optionOfRun.length; j++) {
      if (optionOfRun[j] < 0) continue;
      GangOption o = data.options.get(optionOfRun[j]);
      int n = data.runs.get(j).gpus();
      for (int i = 0; i < o.months(); i++) {
        used[o.cell().index()][o.start() + i] += n * o.wallHours()[i].doubleValue();
      }
    }
    for (FleetDemand d : data.demands) {
      for (int k = 0; k < d.cells().size(); k++)
        used[d.cells().get(k).index()][d.month()] += fleetHours[d.index()][k];
    }
    return used;
  }
}
