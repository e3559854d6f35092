package org.caravan.app;

import java.util.ServiceLoader;
import org.caravan.scenario.ErrorCode;
import org.caravan.scenario.UserException;
import org.caravan.study.LocalEngine;
import org.caravan.study.StudyEngine;

/**
 * Finds a study engine by name. {@code local} is built in; any other is looked up with {@link
 * ServiceLoader} only when asked for, so an engine's libraries (Spark: module caravan-spark, about
 * 280 MB of jars) are neither loaded nor scanned by any other command. The launcher puts
 * caravan-spark on the class path for {@code --engine spark}; {@code spark-submit} does it on a
 * cluster (docs/STUDIES.md).
 */
final class StudyEngines {
  private StudyEngines() {}

  static StudyEngine find(String name) {
    if (name.equals(LocalEngine.NAME)) {
      return new LocalEngine();
    }
    for (StudyEngine e : ServiceLoader.load(StudyEngine.class)) {
      if (e.name().equals(name)) {
        return e;
      }
    }
    if (name.equals("spark")) {
      throw new UserException(
          ErrorCode.INVALID_VALUE,
          "engine",
          "the Spark engine is not on the class path: run through ./caravan, which adds module"
              + " caravan-spark for --engine spark, or with spark-submit (docs/STUDIES.md)");
    }
    throw new UserException(
        ErrorCode.INVALID_VALUE, "engine", "{engine} must be local or spark, got '" + name + "'");
  }
}
