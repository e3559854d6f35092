package org.caravan.emissions;

/**
 * Gross-to-net ratio of a container block train (or of loaded wagons on a rail ferry), the
 * EcoTransIT capacity-utilisation logic (emissions-method.md F7) written per TEU slot: the train
 * hauls the wagon tare of every slot, the container tare and cargo of the loaded slots ({@code
 * loadFactor}), and on the share of the return run that goes back empty ({@code emptyReturn}) the
 * wagons with the empty boxes. Energy measured per gross tonne-km times this ratio is energy per
 * net (cargo) tonne-km. Pure functions; no state.
 */
public final class ContainerTrain {
  private ContainerTrain() {}

  /**
   * Gross tonne-km hauled per net tonne-km of cargo.
   *
   * @param wagonTare_t wagon tare per TEU slot
   * @param containerTare_t empty container per TEU
   * @param cargo_t cargo per loaded TEU
   * @param loadFactor share of slots loaded, in (0, 1]
   * @param emptyReturn share of the return run that goes back empty, in [0, 1]
   */
  public static double grossPerNet(
      double wagonTare_t,
      double containerTare_t,
      double cargo_t,
      double loadFactor,
      double emptyReturn) {
    if (!(loadFactor > 0 && loadFactor <= 1)
        || !(emptyReturn >= 0 && emptyReturn <= 1)
        || !(cargo_t > 0)) {
      throw new EmissionsException(
          "container train: load factor must be in (0, 1], empty return in [0, 1] and "
              + "cargo > 0; were "
              + loadFactor
              + ", "
              + emptyReturn
              + ", "
              + cargo_t);
    }
    double loaded = wagonTare_t + loadFactor * (containerTare_t + cargo_t);
    double back = emptyReturn * (wagonTare_t + loadFactor * containerTare_t);
    return (loaded + back) / (loadFactor * cargo_t);
  }
}
