package loupe.browser;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import loupe.Loupe;
import loupe.ingest.Article;
import loupe.server.LoupeServer;
import loupe.server.ServerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The {@code <loupe-search>} web component embedded in a page of another site, in headless Chromium:
 * search as you type, highlights, facets, suggestions, article text that tries to be markup, and a
 * server that refuses the site's origin.
 *
 * <p>An integration test because it needs two origins: a real Loupe server on a loopback port that
 * serves the component and lists the site in its CORS origins, and a tiny JDK HTTP server playing the
 * third-party site. A second Loupe server over the same index, without CORS, stands for a server the
 * site is not allowed to query. Skipped where Chromium is not installed.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbedBrowserIT {

  private static final Duration PATIENCE = Duration.ofSeconds(15);
  private static final String ACCENT = "rgb(11, 95, 138)";

  private Loupe loupe;
  private HttpServer site;
  private LoupeServer server;
  private LoupeServer closedServer;
  private ChromeDriver driver;
  private String siteBase;
  private String serverBase;
  private String closedBase;

  @BeforeAll
  void startServersAndBrowser(@TempDir Path tmp) throws Exception {
    Chromium.assumeInstalled();
    loupe = Loupe.open(tmp.resolve("index"));
    loupe.index(articles());
    // The site is bound first: its origin goes into the server's CORS list.
    site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    siteBase = "http://127.0.0.1:" + site.getAddress().getPort();
    server = LoupeServer.start(loupe, new ServerConfig("127.0.0.1", 0, List.of(siteBase), null));
    serverBase = "http://127.0.0.1:" + server.port();
    closedServer = LoupeServer.start(loupe, new ServerConfig("127.0.0.1", 0, List.of(), null));
    closedBase = "http://127.0.0.1:" + closedServer.port();
    site.createContext("/", this::serveSitePage);
    site.start();
    driver = Chromium.start(Files.createDirectories(tmp.resolve("chromium-profile")));
  }

  @AfterAll
  void stop() throws Exception {
    if (driver != null) {
      driver.quit();
    }
    if (site != null) {
      site.stop(0);
    }
    if (closedServer != null) {
      closedServer.close();
    }
    if (server != null) {
      server.close();
    }
    if (loupe != null) {
      loupe.close();
    }
  }

  @AfterEach
  void pageLoggedNoErrors() {
    if (driver == null) {
      return;
    }
    // Script errors, refused requests and Content-Security-Policy violations all land in the console.
    assertEquals(List.of(), Chromium.consoleErrors(driver), "console errors");
  }

  /** Four articles with distinct people and countries, and one hostile article. */
  private static List<Article> articles() {
    return List.of(
        article("macron", "Emmanuel Macron défend sa réforme des retraites",
            "Le président Emmanuel Macron a défendu mardi à Paris sa réforme des retraites devant les"
                + " syndicats. La France doit, selon lui, « travailler plus longtemps ».",
            "2024-03-12", "https://www.example.fr/politique/macron-retraites", "Le Quotidien de Paris", "politique"),
        article("poutine", "Vladimir Poutine promet de renforcer l’armée",
            "Le président Vladimir Poutine a promis jeudi à Moscou de renforcer l’armée. La Russie"
                + " augmentera encore ses dépenses militaires l’an prochain.",
            "2024-05-09", "https://www.example.fr/monde/poutine-armee", "L’Écho du monde", "monde"),
        article("zelensky", "Volodymyr Zelensky demande davantage de défense aérienne",
            "Le président Volodymyr Zelensky a demandé lundi à ses alliés davantage de systèmes de"
                + " défense aérienne. L’Ukraine subit des frappes sur ses centrales électriques.",
            "2024-06-17", "https://www.example.fr/monde/zelensky-defense", "L’Écho du monde", "monde"),
        article("gazprom", "Gazprom annonce une baisse de ses exportations",
            "Le géant gazier Gazprom exportera moins de gaz vers l’Europe cette année. La Russie"
                + " cherche de nouveaux clients en Asie, notamment en Chine.",
            "2024-02-20", "https://www.example.fr/economie/gazprom", "L’Écho du monde"),
        article("piege", "Piratage : <img src=x onerror=alert(1)> dans un titre",
            "Ce piratage glisse <script>alert(2)</script> et <img src=x onerror=alert(3)> dans le"
                + " texte, qui doit s’afficher tel quel.",
            null, "javascript:alert(4)", "<b>Source</b>"));
  }

  private static Article article(String id, String title, String body, String date, String url, String source) {
    return article(id, title, body, date, url, source, null);
  }

  private static Article article(String id, String title, String body, String date, String url, String source,
      String section) {
    OffsetDateTime when = date == null ? null : LocalDate.parse(date).atStartOfDay().atOffset(ZoneOffset.UTC);
    return new Article(id, title, body, when, url, source, section);
  }

  /**
   * The third-party site: a page with its own font and accent colour that loads the component from
   * the Loupe server and points it at the closed server ({@code ?server=closed}) or the Loupe server,
   * with {@code ?lang=en} and {@code ?size=2} as attributes when asked, and every facet (no
   * {@code facets} attribute) with {@code ?facets=all}.
   */
  private void serveSitePage(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"/".equals(exchange.getRequestURI().getPath())) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      String query = String.valueOf(exchange.getRequestURI().getQuery());
      String endpoint = query.contains("server=closed") ? closedBase : serverBase;
      String lang = query.contains("lang=en") ? "en" : "fr";
      String size = query.contains("size=2") ? "2" : "5";
      String facets = query.contains("facets=all") ? "" : "facets=\"country,person\"";
      byte[] page = """
          <!doctype html>
          <html lang="fr">
          <head>
            <meta charset="utf-8">
            <title>Le Blog d’Ailleurs</title>
            <link rel="icon" href="data:,">
            <style>
              body { font-family: Georgia, serif; }
              loupe-search { --loupe-accent: %s; }
            </style>
            <script type="module" src="%s/embed/loupe-search.js"></script>
          </head>
          <body>
            <h1>Le Blog d’Ailleurs</h1>
            <loupe-search endpoint="%s" %s size="%s" lang="%s"></loupe-search>
          </body>
          </html>
          """.formatted(ACCENT, serverBase, endpoint, facets, size, lang).getBytes(UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, page.length);
      exchange.getResponseBody().write(page);
    }
  }

  @Test
  void typingShowsHighlightedResultsInsideTheShadowRoot() {
    openSite("");
    input().sendKeys("président");

    waitForStatus("3 résultats");
    assertEquals(3, hits().size());
    List<String> marked = shadow().findElements(By.cssSelector(".hits mark")).stream()
        .map(mark -> mark.getText().toLowerCase()).distinct().toList();
    assertEquals(List.of("président"), marked);
    WebElement link = hitLink("Emmanuel Macron défend sa réforme des retraites");
    assertEquals("https://www.example.fr/politique/macron-retraites", link.getAttribute("href"));
    assertTrue(hitTexts().stream().anyMatch(text -> text.contains("12 mars 2024")), "French date");
    // The shadow root keeps its markup and styles to itself, and takes the page's font and accent.
    assertEquals(List.of(), driver.findElements(By.cssSelector("mark, .hits")));
    assertEquals(driver.findElement(By.tagName("body")).getCssValue("font-family"), input().getCssValue("font-family"));
    assertEquals(ACCENT, link.getCssValue("color").replace("rgba", "rgb").replace(", 1)", ")"));
  }

  @Test
  void tickingCountriesFiltersResultsWithOrWithinTheFacet() {
    openSite("");
    input().sendKeys("président");
    waitForStatus("3 résultats");
    assertEquals("1", facetCount("country", "Russie"));

    facetBox("country", "Russie").click();
    waitForStatus("1 résultat");
    assertEquals(List.of("Vladimir Poutine promet de renforcer l’armée"), hitTitles());

    facetBox("country", "Ukraine").click();
    waitForStatus("2 résultats");
    assertEquals(List.of("Vladimir Poutine promet de renforcer l’armée",
        "Volodymyr Zelensky demande davantage de défense aérienne"), hitTitles().stream().sorted().toList());
    assertTrue(facetBox("country", "Russie").isSelected());
    assertTrue(facetBox("country", "Ukraine").isSelected());
  }

  @Test
  void moreResultsAppendsTheNextPage() {
    openSite("?size=2");
    input().sendKeys("président");
    waitForStatus("3 résultats");
    assertEquals(2, hits().size());

    WebElement more = shadow().findElement(By.cssSelector(".more"));
    assertEquals("Plus de résultats", more.getText());
    more.click();
    waitUntil("third hit appended", d -> hits().size() == 3);
    assertEquals(3, hitTitles().stream().distinct().count());
    waitUntil("button gone at the end", d -> !shadow().findElement(By.cssSelector(".more")).isDisplayed());
  }

  @Test
  void articleMarkupIsShownAsTextAndJavascriptUrlIsNotALink() {
    openSite("");
    input().sendKeys("piratage");
    waitForStatus("1 résultat");

    WebElement hit = hits().get(0);
    assertEquals("Piratage : <img src=x onerror=alert(1)> dans un titre",
        hit.findElement(By.cssSelector(".hit-title")).getText());
    String text = hit.getDomProperty("textContent");
    assertTrue(text.contains("<script>alert(2)</script>"), text);
    assertTrue(text.contains("<b>Source</b>"), text);
    assertEquals(List.of(), shadow().findElements(By.cssSelector("img, script, b")));
    assertEquals(List.of(), driver.findElements(By.cssSelector("img, b")));
    assertEquals(List.of(), hit.findElements(By.tagName("a")), "javascript: url must not be a link");
    assertThrows(NoAlertPresentException.class, () -> driver.switchTo().alert());
  }

  @Test
  void suggestionIsChosenWithArrowAndEnterAndEscapeClosesTheList() {
    openSite("");
    input().sendKeys("pou");
    waitUntil("a suggestion for « pou »", d -> suggestions().contains("Vladimir Poutine"));
    assertEquals("true", input().getAttribute("aria-expanded"));

    // Keys go to the focused element: WebElement.sendKeys would blur and refocus the box first.
    int position = suggestions().indexOf("Vladimir Poutine");
    for (int i = 0; i <= position; i++) {
      press(Keys.ARROW_DOWN);
    }
    WebElement chosen = shadow().findElements(By.cssSelector("[role=option]")).get(position);
    assertEquals("true", chosen.getAttribute("aria-selected"));
    assertEquals(chosen.getAttribute("id"), input().getAttribute("aria-activedescendant"));

    String shownCount = shadow().findElements(By.cssSelector("[role=option] .suggestion-type")).get(position).getText()
        .replaceAll("\\D", "");
    press(Keys.ENTER);
    // Issue 18: a picked name ticks its facet value, as on the search page, and the count is the one offered.
    waitForStatus(shownCount + " résultat");
    assertEquals("", input().getDomProperty("value"), "the name typed is now a ticked filter, not words");
    assertTrue(facetBox("person", "Vladimir Poutine").isSelected());
    assertEquals(List.of("Personne : Vladimir Poutine ×"), chips());
    assertFalse(suggestionList().isDisplayed());
    assertEquals(List.of("Vladimir Poutine promet de renforcer l’armée"), hitTitles());

    input().sendKeys(Keys.chord(Keys.CONTROL, "a"), "zel");
    waitUntil("a suggestion for « zel »", d -> suggestions().contains("Volodymyr Zelensky"));
    press(Keys.ESCAPE);
    waitUntil("list closed", d -> !suggestionList().isDisplayed());
    assertEquals("zel", input().getDomProperty("value"), "Escape closes the list and keeps the text");
  }

  /** Issue 18: as on the search page, the word being typed matches as a prefix and is never corrected. */
  @Test
  void theWordBeingTypedMatchesAsAPrefix() {
    openSite("");
    input().sendKeys("Pout");
    waitForStatus("1 résultat");
    assertEquals(List.of("Vladimir Poutine promet de renforcer l’armée"), hitTitles());
    input().sendKeys(Keys.chord(Keys.CONTROL, "a"), "électri");
    waitUntil("prefix of « électriques »", d -> hitTitles().equals(
        List.of("Volodymyr Zelensky demande davantage de défense aérienne")));
  }

  /** Issue 18: every facet of the page (sources, sections, organisations) and the chips of the ticked values. */
  @Test
  void everyFacetIsOfferedByDefaultAndTickedValuesShowAsRemovableChips() {
    openSite("?facets=all");
    input().sendKeys("président");
    waitForStatus("3 résultats");
    List<String> legends = shadow().findElements(By.cssSelector("legend")).stream().map(WebElement::getText).toList();
    assertTrue(legends.containsAll(List.of("Pays", "Personnes", "Sources", "Rubriques")), legends.toString());
    assertTrue(hitTexts().stream().anyMatch(text -> text.contains("politique")), "a result shows its section");

    facetBox("section", "monde").click();
    waitForStatus("2 résultats");
    assertEquals(List.of("Rubrique : monde ×"), chips());
    facetBox("source", "L’Écho du monde").click();
    waitUntil("two chips and « Tout effacer »", d -> chips().size() == 2
        && shadow().findElement(By.cssSelector(".chips")).getText().contains("Tout effacer"));
    waitForStatus("2 résultats");

    shadow().findElements(By.cssSelector(".chips button")).stream()
        .filter(b -> b.getText().equals("Tout effacer")).findFirst().orElseThrow().click();
    waitForStatus("3 résultats");
    assertEquals(List.of(), chips());
    assertFalse(facetBox("section", "monde").isSelected());

    facetBox("section", "politique").click();
    waitForStatus("1 résultat");
    chip("Rubrique : politique ×").click();
    waitForStatus("3 résultats");
    assertEquals(List.of(), chips());
    assertEquals("président", input().getDomProperty("value"), "« Tout effacer » clears the filters, not the query");
  }

  @Test
  void langEnSwitchesTheInterfaceToEnglish() {
    openSite("?lang=en");
    assertEquals("A topic, a person, a country…", input().getAttribute("placeholder"));
    input().sendKeys("président");
    waitForStatus("3 results");
    assertEquals(List.of("Countries", "People"), shadow().findElements(By.cssSelector("legend")).stream()
        .map(WebElement::getText).toList());
    assertTrue(hitTexts().stream().anyMatch(text -> text.contains("12 March 2024")), "English date");
  }

  @Test
  void serverThatRefusesTheSitesOriginIsReportedAsUnreachable() {
    openSite("?server=closed");
    input().sendKeys("président");

    WebElement error = shadow().findElement(By.cssSelector(".error"));
    waitUntil("error shown and no search pending", d -> error.isDisplayed() && host().getAttribute("aria-busy") == null);
    assertEquals("alert", error.getAttribute("role"));
    assertTrue(error.getText().contains("Le serveur de recherche est injoignable"), error.getText());
    assertEquals(List.of(), hits());
    // The retry button is there, and the component still takes input. The health check and the
    // search may each show the error, and the second replaces the first one's button: look it up anew.
    waitUntil("a retry button", d -> "Réessayer".equals(error.findElement(By.tagName("button")).getText()));
    assertTrue(input().isEnabled());
    // Leaving the page stops pending suggestions; the refused requests were logged on purpose.
    driver.get("about:blank");
    Chromium.consoleErrors(driver);
  }

  @Test
  void demoPageWorksUnderLoupesContentSecurityPolicy() throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(closedBase + "/embed/demo.html")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, page.statusCode());
      assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("style-src 'self'"));
      assertTrue(page.body().contains("/embed/loupe-search.js"), "the snippet to copy");
    }
    // A server without CORS origins: with some, its own module scripts get 400 (see the disabled test).
    driver.get(closedBase + "/embed/demo.html");
    input().sendKeys("président");
    waitForStatus("3 résultats");
    // The constructed stylesheet applies although style-src 'self' forbids <style> elements.
    assertEquals("none", shadow().findElement(By.cssSelector(".hits")).getCssValue("list-style-type"));
    assertEquals(3, hits().size());
  }

  // Regression (#7): with Javalin's CORS plugin, a listed origin made Loupe answer 400 to its own
  // module scripts, which Chromium fetches with the page's Origin header.
  @Test
  void demoPageWorksOnAServerWithCorsOrigins() {
    driver.get(serverBase + "/embed/demo.html");
    input().sendKeys("président");
    waitForStatus("3 résultats");
  }

  // -------------------------------------------------------------------------------------------

  private void openSite(String query) {
    driver.get(siteBase + "/" + query);
  }

  private void press(Keys key) {
    new Actions(driver).sendKeys(key).perform();
  }

  private WebElement host() {
    return driver.findElement(By.cssSelector("loupe-search"));
  }

  /** The first component's shadow root, once the module has defined the element. */
  private SearchContext shadow() {
    return new WebDriverWait(driver, PATIENCE)
        .ignoring(NoSuchElementException.class)
        .withMessage("<loupe-search> never got a shadow root: the module did not load")
        .until(d -> host().getShadowRoot());
  }

  private WebElement input() {
    return shadow().findElement(By.cssSelector("input[type=search]"));
  }

  private List<WebElement> hits() {
    return shadow().findElements(By.cssSelector(".hits > li"));
  }

  private List<String> hitTitles() {
    return shadow().findElements(By.cssSelector(".hits .hit-title")).stream().map(WebElement::getText).toList();
  }

  private List<String> hitTexts() {
    return hits().stream().map(WebElement::getText).toList();
  }

  private WebElement hitLink(String title) {
    return shadow().findElements(By.cssSelector(".hit-title a")).stream()
        .filter(link -> title.equals(link.getText())).findFirst().orElseThrow();
  }

  private List<String> chips() {
    return shadow().findElements(By.cssSelector(".chips .chip")).stream().map(WebElement::getText).toList();
  }

  private WebElement chip(String text) {
    return shadow().findElements(By.cssSelector(".chips .chip")).stream()
        .filter(c -> c.getText().equals(text)).findFirst().orElseThrow();
  }

  private WebElement suggestionList() {
    return shadow().findElement(By.cssSelector("[role=listbox]"));
  }

  private List<String> suggestions() {
    return shadow().findElements(By.cssSelector("[role=option] > span:first-child")).stream()
        .map(WebElement::getText).toList();
  }

  private WebElement facetBox(String facet, String value) {
    return new WebDriverWait(driver, PATIENCE)
        .ignoring(StaleElementReferenceException.class)
        .until(d -> shadow().findElements(By.cssSelector("input[type=checkbox][name=" + facet + "]")).stream()
            .filter(box -> value.equals(box.getAttribute("value")))
            .findFirst().orElse(null));
  }

  /** The count shown next to a facet value, digits only. */
  private String facetCount(String facet, String value) {
    return shadow().findElements(By.cssSelector("fieldset[data-facet=" + facet + "] .facet-option")).stream()
        .filter(option -> value.equals(option.findElement(By.cssSelector(".facet-value")).getText()))
        .map(option -> option.findElement(By.cssSelector(".facet-count")).getText().replaceAll("\\D", ""))
        .findFirst().orElse("absent");
  }

  private void waitForStatus(String text) {
    waitUntil("status « " + text + " »", d -> text.equals(shadow().findElement(By.cssSelector(".status")).getText()));
  }

  private void waitUntil(String what, Function<WebDriver, Boolean> condition) {
    // The component re-renders lists when an answer arrives, so an element read a moment ago may be gone.
    new WebDriverWait(driver, PATIENCE)
        .ignoring(StaleElementReferenceException.class)
        .withMessage(() -> what + "; " + componentSummary())
        .until(condition);
  }

  private String componentSummary() {
    try {
      SearchContext root = host().getShadowRoot();
      return "component shows status « " + root.findElement(By.cssSelector(".status")).getText() + " », error « "
          + root.findElement(By.cssSelector(".error")).getText() + " », console " + Chromium.consoleErrors(driver);
    } catch (RuntimeException e) {
      return "component unreadable: " + e.getMessage();
    }
  }
}
