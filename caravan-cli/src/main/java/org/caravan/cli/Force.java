package org.caravan.cli;

import picocli.CommandLine.Option;

/**
 * {@code --force}, as a mixin: the one rule for replacing output, taken by every command that
 * writes files ({@code simulate}, {@code network export}, {@code study export}, {@code study
 * report}). Without it an existing target is refused; with it a previous caravan output is
 * replaced, and in a folder only the files its manifest lists. The writers enforce the rule ({@code
 * SafeOutput}, and {@code StudyReport} for its own mark); this is where the flag is spelled and
 * explained.
 */
final class Force {
  @Option(
      names = "--force",
      description =
          "Replace a previous caravan output: an existing output file, or in a folder only the"
              + " files its manifest lists.")
  boolean force;
}
