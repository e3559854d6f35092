/**
 * The {@code caravan} command (picocli). Commands are thin: they parse options, call the gateway
 * ({@code org.caravan.app}) and print a table, JSON or GeoJSON. User errors become one line on
 * stderr and exit code 1; internal errors exit with 2. Output formats are documented in {@code
 * docs/CLI.md}.
 *
 * <p>Shared flags are written once: a command that opens the network extends {@link
 * org.caravan.cli.OpensNetwork} (help options, {@code --overlay}, its spec), and takes {@code
 * --json}/{@code --format table|json} from {@link org.caravan.cli.Formats.Output} (with a format of
 * its own where a command has one: {@code route}'s GeoJSON, {@code emissions}' CSV), {@code
 * --store} from {@link org.caravan.cli.StoreOption} and {@code --years}/{@code --replications}/
 * {@code --targets} from {@link org.caravan.cli.ScenarioOverrides}, {@code --force} (one rule for
 * replacing output) from {@link org.caravan.cli.Force}. The {@code study} command declares the help
 * options once for its subcommands ({@code scope = INHERIT}). A command with many flags groups them
 * by concept into mixins that also turn them into the gateway's types: {@link
 * org.caravan.cli.RouteOptions} (cargo, departure, limits, search of {@code route}), {@code
 * ServeCommand.Listen} and {@link org.caravan.cli.ServeTokens.Options} ({@code serve}). Where
 * several flags of one kind differ only in their words (the route's list limits, the output
 * formats, the study engines' options, the knobs of the simulated tracking shipments in {@link
 * org.caravan.cli.TrackKnobs}), a parameterised mixin or a table declares them once with picocli's
 * programmatic model ({@code OptionSpec}), adding them to the command from its {@code @Spec(MIXEE)}
 * injection so they keep their place in the help.
 */
package org.caravan.cli;
