package org.caravan.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.caravan.app.CaravanApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * End to end in headless Chromium (Debian's chromium and chromium-driver, installed by {@code
 * scripts/setup-browser} when missing): the map shows the network, the planner finds Xi'an →
 * Duisburg routes avoiding Russia and Belarus, draws them, and shows a route's legs on click; the
 * simulation page runs the default scenario and draws its charts; the raw-materials page draws the
 * CRM flows and what a Caspian closure strands. Screenshots go to {@code target/screenshots}.
 * Skipped, with the reason, when Chromium cannot be installed.
 */
class PlannerBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SHOTS = Path.of("target", "screenshots");

  private static CaravanServer server;
  private static WebDriver driver;
  private static Path profile;

  @BeforeAll
  static void start() throws Exception {
    Assumptions.assumeTrue(
        browserAvailable(),
        "headless Chromium is not available and scripts/setup-browser could not "
            + "install it (needs root and Debian's package mirrors); skipping the browser test");
    server = CaravanServer.start(CaravanApp.openDefault(), "127.0.0.1", 0);
    profile = Files.createTempDirectory("caravan-chromium");
    ChromeOptions o = new ChromeOptions();
    o.setBinary(CHROMIUM.toFile());
    o.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--enable-unsafe-swiftshader",
        "--window-size=1400,900",
        "--user-data-dir=" + profile);
    driver =
        new ChromeDriver(
            new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build(), o);
    Files.createDirectories(SHOTS);
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  private static boolean browserAvailable() throws Exception {
    if (Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER)) {
      return true;
    }
    Path script = Path.of(System.getProperty("caravan.repo", ".."), "scripts", "setup-browser");
    if (!Files.isExecutable(script)) {
      return false;
    }
    Process p = new ProcessBuilder(script.toString()).inheritIO().start();
    return p.waitFor() == 0 && Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
  }

  private static Object js(String script) {
    return ((JavascriptExecutor) driver).executeScript(script);
  }

  private static long number(String script) {
    Object v = js(script);
    return v == null ? 0 : ((Number) v).longValue();
  }

  private static void shot(String name) throws Exception {
    File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(f.toPath(), SHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }

  private static void pickPlace(String inputId, String typed, String expectedId) {
    WebElement input = driver.findElement(By.id(inputId));
    input.clear();
    input.sendKeys(typed);
    By first = By.cssSelector("#" + inputId + "-suggest li[data-id='" + expectedId + "']");
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(first).isEmpty());
    driver.findElement(first).click();
    assertThat(input.getAttribute("data-id")).isEqualTo(expectedId);
  }

  @Test
  void plans_xian_to_duisburg_around_russia_and_belarus_and_draws_the_routes() throws Exception {
    driver.get(server.url());
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(d -> number("return window.caravan ? window.caravan.networkLayerCount() : 0") > 100);
    assertThat(number("return window.caravan.networkFeatureCount()")).isGreaterThan(250);
    shot("network.png");

    pickPlace("from", "Xian", "CNXIA");
    pickPlace("to", "Duisb", "DEDUI");
    driver.findElement(By.id("avoid-countries")).sendKeys("RU, BY");
    driver.findElement(By.id("plan")).click();

    By rows = By.cssSelector("#routes tbody tr");
    new WebDriverWait(driver, Duration.ofSeconds(90)).until(d -> d.findElements(rows).size() >= 2);
    List<WebElement> found = driver.findElements(rows);
    for (WebElement row : found) {
      String countries = row.findElements(By.tagName("td")).get(8).getText();
      assertThat(countries.split(" ")).contains("CN", "DE").doesNotContain("RU", "BY");
    }
    assertThat(number("return window.caravan.routeCount()")).isEqualTo(found.size());
    // The CO2e chart: one bar per route, WTT + TTW inside the route's low-high range, drawn on a
    // canvas.
    assertThat(driver.findElement(By.id("co2e-chart")).isDisplayed()).isTrue();
    assertThat(driver.findElements(By.cssSelector("#co2e-chart canvas"))).isNotEmpty();
    assertThat(number("return window.caravan.co2eBars().length")).isEqualTo(found.size());
    assertThat(
            number(
                "return window.caravan.co2eBars().filter(b => b.wtt > 0 && b.ttw > 0"
                    + " && b.low <= b.wtt + b.ttw + 0.1 && b.wtt + b.ttw <= b.high + 0.1).length"))
        .isEqualTo(found.size());
    assertThat(found.get(0).findElements(By.tagName("td")).get(4).getText()).contains("–");
    assertThat(driver.findElement(By.id("status")).getText()).contains("CNXIA", "DEDUI");
    shot("planner.png");

    driver.findElement(By.cssSelector("#routes th[data-key='cost_usd']")).click();
    List<Double> costs =
        driver.findElements(By.cssSelector("#routes tbody tr td:nth-child(4)")).stream()
            .map(td -> Double.parseDouble(td.getText().replace(",", "")))
            .toList();
    assertThat(costs).isSorted();

    driver.findElements(rows).get(0).click();
    WebElement legs = driver.findElement(By.id("legs"));
    new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> legs.isDisplayed());
    assertThat(legs.findElements(By.cssSelector("table.legs tbody tr"))).isNotEmpty();
    assertThat(legs.getText())
        .contains("rail", "g/tkm", "WTT", "TTW", "origin", "destination")
        .contains("running h", "transfer h", "stops h");
    assertThat(legs.findElements(By.cssSelector("table.hubs tbody tr")).size())
        .isGreaterThanOrEqualTo(2);
    assertThat(number("return window.caravan.selectedRoute()")).isPositive();
    // Beside the route, the published figures for Xi'an -> Duisburg, each with its kind and source.
    assertThat(number("return window.caravan.publishedRows()")).isGreaterThanOrEqualTo(5);
    assertThat(legs.findElement(By.cssSelector("table.published")).getText())
        .contains("T14", "guidance", "NAVIS25", "one block train");
    shot("route-legs.png");
    js("document.querySelector('table.published').scrollIntoView()");
    shot("published.png");
    js("document.getElementById('co2e-chart').scrollIntoView()");
    shot("co2e-chart.png");
  }

  /** The planner page, loaded, with Xi'an and Duisburg picked and no country avoided. */
  private void openXianToDuisburg() {
    driver.get(server.url());
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(d -> number("return window.caravan ? window.caravan.networkLayerCount() : 0") > 100);
    pickPlace("from", "Xian", "CNXIA");
    pickPlace("to", "Duisb", "DEDUI");
    driver.findElement(By.id("avoid-countries")).clear();
  }

  /** Plans and waits for the first route row; the rows' selector. */
  private By plan() {
    driver.findElement(By.id("plan")).click();
    By rows = By.cssSelector("#routes tbody tr");
    new WebDriverWait(driver, Duration.ofSeconds(90)).until(d -> !d.findElements(rows).isEmpty());
    return rows;
  }

  @Test
  void a_corridor_picked_in_the_form_gives_only_its_routes() {
    openXianToDuisburg();
    js("document.getElementById('corridor').value = 'middle'");
    By rows = plan();
    for (WebElement row : driver.findElements(rows)) {
      List<WebElement> cells = row.findElements(By.tagName("td"));
      assertThat(cells.get(1).getText()).isEqualTo("middle");
      assertThat(cells.get(8).getText().split(" ")).contains("KZ", "AZ").doesNotContain("RU");
    }
    js("document.getElementById('corridor').value = ''");
  }

  @Test
  void places_to_pass_typed_in_the_form_give_the_route_through_them() {
    openXianToDuisburg();
    driver.findElement(By.id("via")).sendKeys("Aktau, Poti");
    By rows = plan();
    assertThat(driver.findElements(rows)).hasSize(1);
    assertThat(driver.findElements(rows).get(0).findElements(By.tagName("td")).get(1).getText())
        .isEqualTo("middle");
    driver.findElements(rows).get(0).click();
    WebElement legs = driver.findElement(By.id("legs"));
    new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> legs.isDisplayed());
    assertThat(legs.getText()).contains("Aktau").contains("Poti");
    driver.findElement(By.id("via")).clear();
  }

  @Test
  void a_dated_route_panel_names_the_border_episode_that_held_it() {
    openXianToDuisburg();
    // 20 April 2024: the train meets the CN-KZ border congestion of April-May 2024 (RF-CONG24).
    js("document.getElementById('depart').value = '2024-04-20'");
    By rows = plan();
    driver.findElements(rows).get(0).click();
    WebElement legs = driver.findElement(By.id("legs"));
    new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> legs.isDisplayed());
    assertThat(legs.findElement(By.cssSelector("p.episodes")).getText())
        .contains("Held 204.0 h at dated border episodes")
        .contains("CN-KZ-CONGESTION-2024")
        .contains("RF-CONG24");
    // The waits charged are those the simulation measured in the departure's season.
    assertThat(legs.findElement(By.cssSelector("p.waits")).getText())
        .contains("measured them in spring");
  }

  @Test
  void api_docs_page_lists_the_operations() {
    driver.get(server.url() + "api-docs");
    new WebDriverWait(driver, Duration.ofSeconds(15))
        .until(d -> !d.findElements(By.cssSelector("section.op")).isEmpty());
    String text = driver.findElement(By.id("doc")).getText();
    assertThat(text).contains("/api/routes", "/api/emissions", "Problem types", "RouteRequest");
  }

  @Test
  void simulation_page_runs_the_default_scenario_and_draws_the_charts() throws Exception {
    // Tall enough that the screenshot (docs/img/simulation.png) shows every chart and the ranking.
    driver.manage().window().setSize(new Dimension(1400, 1250));
    driver.get(server.url() + "simulation");
    WebElement replications = driver.findElement(By.id("replications"));
    replications.clear();
    replications.sendKeys("3");
    WebElement years = driver.findElement(By.id("years"));
    years.clear();
    years.sendKeys("1");
    driver.findElement(By.id("run")).click();
    new WebDriverWait(driver, Duration.ofSeconds(90))
        .until(d -> "rendered".equals(js("return document.body.dataset.simStatus")));

    assertThat(number("return document.querySelectorAll('#charts canvas').length"))
        .isGreaterThanOrEqualTo(3);
    for (String chart : List.of("transit", "utilisation", "queues")) {
      assertThat(number("return window.caravanSim.chartSeries('" + chart + "')"))
          .as(chart)
          .isPositive();
      assertThat(number("return window.caravanSim.chartPoints('" + chart + "')"))
          .as(chart)
          .isGreaterThan(3);
    }
    assertThat(number("return window.caravanSim.chartSeries('transit')")).isGreaterThanOrEqualTo(2);
    assertThat(number("return window.caravanSim.bottleneckRows()")).isPositive();
    assertThat(driver.findElement(By.id("status")).getText())
        .contains("Done", "default-2024", "3 replications");
    assertThat(driver.findElement(By.id("kpis")).getText()).contains("middle");
    shot("simulation.png");
    driver.manage().window().setSize(new Dimension(1400, 900));
  }

  /**
   * The studies page: uploads a small study (more ferries, and the Poland-Belarus border closed),
   * watches its progress, and draws the comparison: a forest plot row per variant, the bottleneck
   * table, the routes the closure moves, the closed nodes on the map and the download links.
   */
  @Test
  void studies_page_runs_an_uploaded_study_and_draws_the_comparison() throws Exception {
    Path study = Files.createTempFile("caravan-study", ".yaml");
    Files.writeString(study, StudyApiTest.SMALL_STUDY.replace("web-small", "browser-small"));
    try {
      driver.manage().window().setSize(new Dimension(1400, 1250));
      driver.get(server.url() + "studies");
      new WebDriverWait(driver, Duration.ofSeconds(15))
          .until(d -> "true".equals(js("return document.body.dataset.ready")));
      assertThat(driver.findElement(By.id("shipped")).getText()).contains("middle-corridor-2030");
      driver.findElement(By.id("source-upload")).click();
      driver.findElement(By.id("study-file")).sendKeys(study.toString());
      driver.findElement(By.id("run")).click();
      new WebDriverWait(driver, Duration.ofSeconds(480))
          .until(d -> "browser-small".equals(js("return document.body.dataset.comparison")));
      assertThat(js("return document.body.dataset.runStatus")).isEqualTo("done");
      assertThat(driver.findElement(By.id("status")).getText()).contains("6 / 6", "done");
      assertThat(number("return document.querySelectorAll('#forest circle.diff').length"))
          .isEqualTo(2);
      assertThat(driver.findElement(By.id("bottlenecks")).getText())
          .contains("baseline", "more-ferries", "pl-by-closed");
      new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("variant")))
          .selectByVisibleText("pl-by-closed");
      new WebDriverWait(driver, Duration.ofSeconds(15))
          .until(d -> "2".equals(js("return document.body.dataset.highlighted")));
      assertThat(driver.findElement(By.id("csv")).getAttribute("href"))
          .endsWith("/api/studies/browser-small/export?format=csv");
      assertThat(driver.findElement(By.id("parquet")).getAttribute("href"))
          .endsWith("/api/studies/browser-small/export?format=parquet");
      shot("studies.png");
    } finally {
      Files.deleteIfExists(study);
      driver.manage().window().setSize(new Dimension(1400, 900));
    }
  }

  @Test
  void raw_materials_page_draws_the_flows_and_the_flows_a_caspian_closure_strands()
      throws Exception {
    driver.manage().window().setSize(new Dimension(1400, 1300));
    driver.get(server.url() + "raw-materials");
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    wait.until(d -> "rendered".equals(js("return document.body.dataset.crmStatus")));
    assertThat(number("return window.caravanCrm.lineCount()")).isGreaterThan(5);
    // Every material is listed, and its chokepoint-set split sums to its flow.
    List<WebElement> rows = driver.findElements(By.cssSelector("#chokepoints tbody tr"));
    assertThat(rows).hasSize(6);
    for (WebElement row : rows) {
      assertThat(Double.parseDouble(row.getAttribute("data-sum")))
          .isEqualTo(Double.parseDouble(row.getAttribute("data-tonnes")));
    }
    assertThat(driver.findElement(By.id("chokepoints")).getText()).contains("russia-transit");
    assertThat(driver.findElement(By.id("flows")).getText()).contains("Constanța", "middle");
    assertThat(driver.findElement(By.id("stranded-card")).isDisplayed()).isFalse();
    // The routes sail round the sea-lane switches in force on the reference day, as the planner's.
    assertThat(driver.findElement(By.id("lanes-note")).getText())
        .contains("RED-SEA", "avoids suez, babelmandeb");
    shot("raw-materials.png");

    new Select(driver.findElement(By.id("disruption"))).selectByValue("caspian-closure");
    wait.until(
        d ->
            "rendered".equals(js("return document.body.dataset.crmStatus"))
                && driver.findElement(By.id("stranded-card")).isDisplayed());
    String stranded = driver.findElement(By.id("stranded")).getText();
    assertThat(stranded).contains("u-kz-eu", "mn-kz-eu", "none allowed", "conditional");
    assertThat(
            driver
                .findElement(By.cssSelector("#stranded tr[data-flow='mn-kz-eu']"))
                .findElements(By.tagName("td"))
                .get(5)
                .getText())
        .matches("[+-]?[0-9.,]+");
    assertThat(driver.findElement(By.id("status")).getText()).contains("2 stranded");
    shot("raw-materials-caspian-closure.png");
    driver.manage().window().setSize(new Dimension(1400, 900));
  }
}
