package org.caravan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The root command builds only the subcommand a command line names (start-up time). */
class CaravanCommandTest {
  /** Every subcommand, in usage order: a new command is added here and to the root's table. */
  private static final List<String> ALL =
      List.of(
          "route",
          "emissions",
          "network",
          "places",
          "simulate",
          "validate",
          "calibrate",
          "study",
          "crm",
          "track",
          "serve",
          "bench",
          "aot-train",
          "help");

  private static String name(Object command) {
    return command.getClass().getAnnotation(CommandLine.Command.class).name();
  }

  @Test
  void a_named_subcommand_is_built_alone_under_its_own_name() {
    List<Object> all = CaravanCommand.subcommandsFor("--help");
    assertThat(all.stream().map(CaravanCommandTest::name).toList()).isEqualTo(ALL);
    for (Object command : all) {
      List<Object> one = CaravanCommand.subcommandsFor(name(command), "x");
      assertThat(one).hasSize(name(command).equals("help") ? ALL.size() : 1);
      if (!name(command).equals("help")) {
        assertThat(name(one.getFirst())).isEqualTo(name(command));
      }
    }
  }

  @Test
  void anything_else_gets_every_subcommand_so_usage_and_suggestions_stay_whole() {
    assertThat(CaravanCommand.subcommandsFor()).hasSize(ALL.size());
    assertThat(CaravanCommand.subcommandsFor("plases", "Baku")).hasSize(ALL.size());
    Cli typo = Cli.run("plases", "Baku");
    assertThat(typo.code()).isEqualTo(1);
    assertThat(typo.err()).contains("places");
    Cli usage = Cli.run("--help");
    assertThat(usage.out()).contains("route", "places", "simulate", "serve", "crm", "study");
    Cli places = Cli.run("places", "Baku");
    assertThat(places.code()).isZero();
    assertThat(places.out()).contains("AZBAK");
  }
}
