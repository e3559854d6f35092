/**
 * The {@code caravan} command (picocli). Commands are thin: they parse options, call the scenario
 * module and print a table, JSON or GeoJSON. User errors become one line on stderr and exit code 1;
 * internal errors exit with 2. Output formats are documented in {@code docs/CLI.md}.
 */
package org.caravan.cli;
