/**
 * The {@code caravan} command (picocli). Commands are thin: they parse options, call the gateway
 * ({@code org.caravan.app}) and print a table, JSON or GeoJSON. User errors become one line on
 * stderr and exit code 1; internal errors exit with 2. Output formats are documented in {@code
 * docs/CLI.md}.
 *
 * <p>Shared flags are written once: a command that opens the network extends {@link
 * org.caravan.cli.OpensNetwork} (help options, {@code --overlay}, its spec), and takes {@code
 * --json}/{@code --format table|json} from {@link org.caravan.cli.Formats.TableOrJson}, {@code
 * --store} from {@link org.caravan.cli.StoreOption} and {@code --years}/{@code --replications}/
 * {@code --targets} from {@link org.caravan.cli.ScenarioOverrides}.
 */
package org.caravan.cli;
