package org.caravan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import org.caravan.app.CaravanApp;
import org.caravan.app.EmissionsValidation;
import org.caravan.scenario.UserException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code caravan emissions validate}: the comparison of Caravan's emissions with hand calculations
 * and published figures ({@link EmissionsValidation}), as Markdown on stdout or into a file. A file
 * is only replaced when it is a document this command wrote (its first line is the marker), and it
 * is written whole or not at all.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Compare Caravan's CO2e with a DESNZ hand calculation, the published Zhengzhou -> Hamburg example,",
      "the published intensity bands and the figures in the emissions notes (Markdown)."
    })
final class EmissionsValidateCommand implements Callable<Integer> {
  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write the report here (e.g. docs/EMISSIONS-VALIDATION.md).")
  Path out;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    String md = new EmissionsValidation(CaravanApp.openDefault()).markdown();
    if (out == null) {
      PrintWriter w = spec.commandLine().getOut();
      w.print(md);
      w.flush();
      return 0;
    }
    if (Files.exists(out)) {
      String first =
          Files.readAllLines(out, StandardCharsets.UTF_8).stream().findFirst().orElse("");
      if (!first.equals(EmissionsValidation.MARKER)) {
        throw new UserException(
            "out",
            "--out "
                + out
                + ": the file exists and was not written by this command;"
                + " not overwriting it");
      }
    }
    Path dir = out.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, ".emissions-validation", ".md");
    try {
      Files.writeString(tmp, md, StandardCharsets.UTF_8);
      Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
    spec.commandLine().getOut().println("wrote " + out);
    return 0;
  }
}
