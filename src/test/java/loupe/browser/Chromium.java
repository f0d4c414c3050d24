package loupe.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Starts the Debian Chromium in headless mode through its own chromedriver, or skips the calling
 * test when either is missing. Both paths are given explicitly so Selenium Manager never goes to the
 * network to look for a browser or a driver.
 */
final class Chromium {

  static final Path BINARY = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private Chromium() {}

  /** Aborts the current test (reported as skipped) unless Chromium and its driver are installed. */
  static void assumeInstalled() {
    if (!Files.isExecutable(BINARY) || !Files.isExecutable(DRIVER)) {
      Assumptions.abort(
          "Chromium not installed: install the Debian packages chromium and chromium-driver"
              + " (apt-get install chromium chromium-driver) to run browser tests");
    }
  }

  /**
   * Starts a headless browser with a 1280×900 window and a fresh profile.
   *
   * @param userDataDir an empty directory for the profile, so no state leaks between runs
   */
  static ChromeDriver start(Path userDataDir) {
    assumeInstalled();
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            // Chromium on Linux takes its locale from the environment; --lang alone is not enough.
            .withEnvironment(Map.of("LANGUAGE", "fr", "LANG", "fr_FR.UTF-8"))
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BINARY.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,900",
        // A French reader's browser: date inputs read jj/mm/aaaa, not mm/dd/yyyy.
        "--lang=fr-FR",
        "--accept-lang=fr-FR,fr",
        "--user-data-dir=" + userDataDir.toAbsolutePath());
    // Console messages let a test notice script errors and Content-Security-Policy violations.
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    return new ChromeDriver(service, options);
  }

  /** Console errors logged since the last call (script errors, CSP violations, failed loads). */
  static List<String> consoleErrors(ChromeDriver driver) {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .distinct()
        .toList();
  }
}
