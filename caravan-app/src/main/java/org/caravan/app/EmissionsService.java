package org.caravan.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.caravan.emissions.ChainElement;
import org.caravan.emissions.ChainFileReader;
import org.caravan.emissions.ChainResult;
import org.caravan.emissions.DistanceResolver;
import org.caravan.emissions.EmissionCalculator;
import org.caravan.emissions.EmissionFactors;
import org.caravan.emissions.EmissionsException;
import org.caravan.emissions.EmissionsReport;
import org.caravan.emissions.PrimaryData;
import org.caravan.scenario.Caravan;
import org.caravan.scenario.ErrorCode;
import org.caravan.scenario.NetworkDistanceResolver;
import org.caravan.scenario.UserException;

/**
 * ISO 14083 emissions of a transport chain. Legs given by {@code from}/{@code to} are resolved on
 * the network (shortest distance by the leg's mode, with kilometres per country). Every problem
 * with the chain is a {@link UserException} whose message names the file, line or leg and field;
 * for a JSON chain its field is the path of the leg or field at fault ({@code legs[1].toc}).
 * Thread-safe.
 */
public final class EmissionsService {
  /** How to read a chain file: by extension ({@code .json} is JSON), or as CSV or JSON. */
  public enum InputFormat {
    AUTO(ChainFileReader.Format.AUTO),
    CSV(ChainFileReader.Format.CSV),
    JSON(ChainFileReader.Format.JSON);

    private final ChainFileReader.Format format;

    InputFormat(ChainFileReader.Format format) {
      this.format = format;
    }
  }

  /**
   * A computed chain in the shapes the front ends print.
   *
   * @param answer per element and totals in kg (the HTTP API's document)
   * @param table the fixed-width table of {@code caravan emissions}
   * @param csv one row per element, then a total row
   * @param json {@code elements} and {@code total} as {@code caravan emissions --json} prints them
   */
  public record ChainReport(
      EmissionsAnswer answer, String table, String csv, Map<String, Object> json) {}

  private final EmissionCalculator calculator;
  private final ChainFileReader chains;

  EmissionsService(Caravan caravan) {
    this(caravan.emissions(), new NetworkDistanceResolver(caravan));
  }

  private EmissionsService(EmissionCalculator calculator, DistanceResolver resolver) {
    this.calculator = calculator;
    this.chains = new ChainFileReader(calculator.factors(), Optional.of(resolver));
  }

  /**
   * The service on the built-in network, loaded only when a leg given by {@code from}/{@code to}
   * needs it (most chain files give distances, and the command line should not wait for the network
   * then).
   */
  public static EmissionsService onDefaultNetwork() {
    DistanceResolver lazy =
        (from, to, toc) ->
            new NetworkDistanceResolver(Caravan.openDefault()).resolve(from, to, toc);
    return new EmissionsService(EmissionCalculator.withDefaults(), lazy);
  }

  /**
   * Emissions of a chain given as JSON text (an array of legs or an object with a {@code legs}
   * array).
   */
  public ChainReport computeJson(String json, String name) {
    return guarded(() -> report(calculator.compute(chains.readJson(new StringReader(json), name))));
  }

  /**
   * Emissions of a chain file.
   *
   * @param primary carriers' primary data (intensity or fuel use per TOC), overriding defaults on
   *     the legs it covers
   */
  public ChainReport computeFile(Path file, InputFormat format, Optional<Path> primary) {
    return guarded(
        () -> {
          EmissionFactors factors = calculator.factors();
          PrimaryData primaryData =
              primary.map(p -> PrimaryData.load(p, factors)).orElse(PrimaryData.none());
          List<ChainElement> chain = chains.read(file, format.format);
          return report(new EmissionCalculator(factors, primaryData).compute(chain));
        });
  }

  private static ChainReport report(ChainResult r) {
    return new ChainReport(
        EmissionsMapping.toAnswer(r),
        EmissionsReport.table(r),
        EmissionsReport.csv(r),
        Map.of("elements", EmissionsReport.rows(r), "total", EmissionsReport.totals(r)));
  }

  private interface Computation {
    ChainReport run();
  }

  private static ChainReport guarded(Computation c) {
    try {
      return c.run();
    } catch (EmissionsException e) {
      ErrorCode code =
          e.getCause() instanceof JsonProcessingException
              ? ErrorCode.MALFORMED_JSON
              : ErrorCode.INVALID_CHAIN;
      throw new UserException(code, e.field(), firstLine(e));
    } catch (IllegalArgumentException | UncheckedIOException e) {
      throw new UserException(ErrorCode.UNCOMPUTABLE_CHAIN, firstLine(e));
    }
  }

  private static String firstLine(RuntimeException e) {
    return Optional.ofNullable(e.getMessage())
        .orElse("invalid chain")
        .lines()
        .findFirst()
        .orElse("");
  }
}
