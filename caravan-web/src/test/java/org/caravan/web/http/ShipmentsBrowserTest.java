package org.caravan.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.caravan.app.CaravanApp;
import org.caravan.web.auth.ApiTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The shipments page in headless Chromium: events posted to the API show up as a row with an ETA
 * band and a marker on the map; a click shows the legs and the event timeline. Skipped, with the
 * reason, when Chromium or the built web app is missing.
 */
class ShipmentsBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SHOTS = Path.of("target", "screenshots");
  private static CaravanServer server;
  private static WebDriver driver;
  private static Path dir;

  @BeforeAll
  static void start() throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
        "headless Chromium is not installed (scripts/setup-browser); skipping the browser test");
    Assumptions.assumeTrue(
        CaravanServer.class.getResource("/web/shipments.html") != null,
        "the web app was not built (-Dcaravan.web.skipNpm); skipping the browser test");
    dir = Files.createTempDirectory("caravan-shipments");
    server =
        CaravanServer.start(
            CaravanApp.openDefault(),
            "127.0.0.1",
            0,
            ApiTokens.of(List.of(HttpApiTest.TOKEN)),
            true,
            Optional.of(dir.resolve("store.duckdb").toString()));
    HttpResponse<String> in =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(server.url() + "api/events"))
                    .header("Authorization", "Bearer " + HttpApiTest.TOKEN)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(TrackingApiTest.BATCH))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(in.statusCode()).as(in.body()).isEqualTo(200);
    ChromeOptions o = new ChromeOptions();
    o.setBinary(CHROMIUM.toFile());
    o.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-dev-shm-usage",
        "--window-size=1400,900",
        "--user-data-dir=" + dir.resolve("profile"));
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

  @Test
  void shows_positions_eta_bands_and_the_timeline() throws Exception {
    driver.get(server.url() + "shipments.html");
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    wait.until(d -> "1".equals(d.findElement(By.tagName("body")).getAttribute("data-shipments")));
    var row = driver.findElement(By.cssSelector("#shipments tbody tr"));
    assertThat(row.getText()).contains("API-1").contains("CSQU3054383").contains("in transit");
    assertThat(row.findElements(By.cssSelector(".band .range"))).hasSize(1);
    assertThat(driver.findElements(By.cssSelector("#map path.leaflet-interactive, #map canvas")))
        .isNotEmpty();
    row.click();
    wait.until(d -> "API-1".equals(d.findElement(By.tagName("body")).getAttribute("data-detail")));
    assertThat(driver.findElements(By.cssSelector("#timeline tbody tr"))).hasSize(2);
    assertThat(driver.findElement(By.id("legs")).getText()).contains("current");
    File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(f.toPath(), SHOTS.resolve("shipments.png"), StandardCopyOption.REPLACE_EXISTING);
  }
}
