package io.nuage.scaleout;

import io.nuage.core.NuageException;
import java.util.ServiceLoader;

/** Finds the engine {@code --engine} names among those on the class path. */
public final class Engines {
  private Engines() {}

  /** A session of engine {@code name} on {@code master}. */
  public static ScaleOut connect(String name, String master) {
    for (ScaleOutEngine e : ServiceLoader.load(ScaleOutEngine.class))
      if (e.name().equals(name)) return e.connect(master);
    throw new NuageException(
        "--engine "
            + name
            + ": the engine is not on the class path (./nuage adds nuage-spark for --engine spark;"
            + " from a jar of your own, put nuage-spark and its dependencies beside it)");
  }
}
