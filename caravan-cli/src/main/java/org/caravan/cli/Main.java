package org.caravan.cli;

/** Entry point of the {@code caravan} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(CaravanCommand.execute(args));
  }
}
