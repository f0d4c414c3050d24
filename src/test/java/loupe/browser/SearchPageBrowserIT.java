package loupe.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The search page in headless Chromium against a real server over a real index: typing, facets,
 * the URL as the single source of state, the keyboard, and article text that tries to be markup.
 *
 * <p>An integration test because it needs the whole stack (index, entity extraction, HTTP API,
 * static files) plus a browser; it is skipped where Chromium is not installed.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchPageBrowserIT {

  private static final Duration PATIENCE = Duration.ofSeconds(15);

  private Loupe loupe;
  private LoupeServer server;
  private ChromeDriver driver;
  private String base;

  @BeforeAll
  void startServerAndBrowser(@TempDir Path tmp) throws Exception {
    Chromium.assumeInstalled();
    loupe = Loupe.open(tmp.resolve("index"));
    loupe.index(articles());
    server = LoupeServer.start(loupe, new ServerConfig("127.0.0.1", 0, List.of(), null));
    base = "http://127.0.0.1:" + server.port();
    driver = Chromium.start(Files.createDirectories(tmp.resolve("chromium-profile")));
  }

  @AfterAll
  void stop() throws Exception {
    if (driver != null) {
      driver.quit();
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
    // Script errors and Content-Security-Policy violations both land in the console.
    assertEquals(List.of(), Chromium.consoleErrors(driver), "console errors");
  }

  /** Six articles with distinct people and countries, one hostile article, and ten weather briefs for paging. */
  private static List<Article> articles() {
    List<Article> articles = new ArrayList<>();
    articles.add(article("macron", "Emmanuel Macron défend sa réforme des retraites",
        "Le président Emmanuel Macron a défendu mardi à Paris sa réforme des retraites devant les"
            + " syndicats. La France doit, selon lui, « travailler plus longtemps ». Les"
            + " manifestations se poursuivent dans tout le pays.",
        "2024-03-12", "https://www.example.fr/politique/macron-retraites", "Le Quotidien de Paris", "politique"));
    articles.add(article("poutine", "Vladimir Poutine promet de renforcer l’armée",
        "Le président Vladimir Poutine a promis jeudi à Moscou de renforcer l’armée. La Russie"
            + " augmentera encore ses dépenses militaires l’an prochain, a-t-il déclaré devant les"
            + " généraux.",
        "2024-05-09", "https://www.example.fr/monde/poutine-armee", "L’Écho du monde", "monde"));
    articles.add(article("zelensky", "Volodymyr Zelensky demande davantage de défense aérienne",
        "Le président Volodymyr Zelensky a demandé lundi à ses alliés davantage de systèmes de"
            + " défense aérienne. L’Ukraine subit depuis des semaines des frappes sur ses centrales"
            + " électriques.",
        "2024-06-17", "https://www.example.fr/monde/zelensky-defense", "L’Écho du monde", "monde"));
    articles.add(article("scholz", "Le budget d’Olaf Scholz adopté de justesse",
        "Le chancelier Olaf Scholz a obtenu vendredi l’adoption du budget par le Bundestag."
            + " L’Allemagne réduira ses subventions à l’industrie automobile.",
        "2024-07-05", "https://www.example.fr/europe/scholz-budget", "Le Quotidien de Paris"));
    articles.add(article("gazprom", "Gazprom annonce une baisse de ses exportations",
        "Le géant gazier Gazprom exportera moins de gaz vers l’Europe cette année. La Russie"
            + " cherche de nouveaux clients en Asie, notamment en Chine.",
        "2024-02-20", "https://www.example.fr/economie/gazprom", "L’Écho du monde"));
    articles.add(article("piege", "Piratage : <img src=x onerror=alert(1)> dans un titre",
        "Ce piratage glisse <script>alert(2)</script> et <img src=x onerror=alert(3)> dans le"
            + " texte, qui doit s’afficher tel quel.",
        null, "javascript:alert(4)", "<b>Source</b>"));
    IntStream.rangeClosed(1, 10).forEach(i -> articles.add(article("meteo-" + i,
        "Bulletin météo n° " + i,
        "Le temps sera ensoleillé dans le sud, avec des orages en fin de journée.",
        "2024-01-%02d".formatted(i), "https://www.example.fr/meteo/" + i, "Météo locale")));
    return articles;
  }

  private static Article article(String id, String title, String body, String date, String url, String source) {
    return article(id, title, body, date, url, source, null);
  }

  private static Article article(String id, String title, String body, String date, String url, String source,
      String section) {
    OffsetDateTime when = date == null ? null : LocalDate.parse(date).atStartOfDay().atOffset(ZoneOffset.UTC);
    return new Article(id, title, body, when, url, source, section);
  }

  @Test
  void typingShowsHighlightedResultsAndLiveCount() {
    open("/");
    waitForCount("16 résultats");
    q().sendKeys("président");

    waitForCount("3 résultats");
    assertEquals("polite", driver.findElement(By.id("count")).getAttribute("aria-live"));
    assertEquals(3, hits().size());
    assertEquals(List.of("président"), urlParams("q"));
    List<String> marked = driver.findElements(By.cssSelector("#hits .snippet mark")).stream()
        .map(mark -> mark.getText().toLowerCase()).distinct().toList();
    assertEquals(List.of("président"), marked);
    WebElement link = driver.findElement(By.linkText("Emmanuel Macron défend sa réforme des retraites"));
    assertTrue(link.getAttribute("href").startsWith(base + "/?q=pr%C3%A9sident&article=macron"), "opens inside Loupe: " + link.getAttribute("href"));
    assertEquals("https://www.example.fr/politique/macron-retraites",
        link.findElement(By.xpath("ancestor::article")).findElement(By.cssSelector("a.hit-source")).getAttribute("href"),
        "the source links to the publisher");
    assertTrue(hitTexts().stream().anyMatch(text -> text.contains("12 mars 2024")), "French date");
  }

  @Test
  void tickingCountriesFiltersResultsWithOrWithinFacetAndKeepsThemInUrl() {
    open("/?q=président");
    waitForCount("3 résultats");
    Map<String, Integer> countries = facetCounts("country");
    for (String country : List.of("France", "Russie", "Ukraine")) {
      assertEquals(1, countries.get(country), country + " in " + countries);
    }

    facetBox("country", "Russie").click();
    waitForCount("1 résultat");
    assertEquals(List.of("Russie"), urlParams("country"));
    assertEquals(List.of("Vladimir Poutine promet de renforcer l’armée"), hitTitles());
    // Person counts follow the country filter; country counts ignore their own selection.
    waitUntil("person facet narrowed to Poutine", d -> facetCounts("person").containsKey("Vladimir Poutine")
        && !facetCounts("person").containsKey("Emmanuel Macron"));
    assertEquals(1, facetCounts("country").get("France"));

    facetBox("country", "Ukraine").click();
    waitForCount("2 résultats");
    assertEquals(List.of("Russie", "Ukraine"), urlParams("country"));
    assertTrue(facetBox("country", "Russie").isSelected());
    assertTrue(facetBox("country", "Ukraine").isSelected());
  }

  @Test
  void tickingAnOrganisationFiltersResultsAndKeepsItInUrl() {
    // Issue 17: organisations are a third facet, ticked like persons and countries.
    open("/");
    waitForCount("16 résultats");
    Map<String, Integer> organizations = facetCounts("organization");
    assertEquals(1, organizations.get("Gazprom"), organizations.toString());
    assertEquals(1, organizations.get("Bundestag"), organizations.toString());

    facetBox("organization", "Gazprom").click();
    waitForCount("1 résultat");
    assertEquals(List.of("Gazprom"), urlParams("organization"));
    assertEquals(List.of("Gazprom annonce une baisse de ses exportations"), hitTitles());
    assertEquals(1, facetCounts("organization").get("Bundestag"), "own selection ignored");
  }

  @Test
  void reloadRestoresQueryAndFacets() {
    open("/");
    waitForCount("16 résultats");
    q().sendKeys("président");
    waitForCount("3 résultats");
    facetBox("country", "Russie").click();
    waitForCount("1 résultat");
    String url = driver.getCurrentUrl();

    driver.navigate().refresh();
    waitForCount("1 résultat");
    assertEquals(url, driver.getCurrentUrl());
    assertEquals("président", q().getDomProperty("value"));
    assertTrue(facetBox("country", "Russie").isSelected());
    assertEquals(List.of("Vladimir Poutine promet de renforcer l’armée"), hitTitles());
  }

  @Test
  void backAndForwardRestorePreviousStates() {
    open("/");
    waitForCount("16 résultats");
    q().sendKeys("président");
    waitForCount("3 résultats");
    facetBox("country", "Russie").click();
    waitForCount("1 résultat");

    driver.navigate().back();
    waitForCount("3 résultats");
    assertEquals(List.of(), urlParams("country"));
    assertFalse(facetBox("country", "Russie").isSelected());
    assertEquals("président", q().getDomProperty("value"));

    // Typing a word is one history entry, not one per keystroke.
    driver.navigate().back();
    waitForCount("16 résultats");
    assertEquals("", q().getDomProperty("value"));

    driver.navigate().forward();
    waitForCount("3 résultats");
    assertEquals("président", q().getDomProperty("value"));
  }

  @Test
  void tabReachesFacetCheckboxAndSpaceTicksIt() {
    open("/?q=président");
    waitForCount("3 résultats");
    assertEquals("q", active().getAttribute("id"), "search box has the focus on load");

    WebElement box = null;
    for (int i = 0; i < 25 && box == null; i++) {
      new Actions(driver).sendKeys(Keys.TAB).perform();
      WebElement focused = active();
      if ("checkbox".equals(focused.getAttribute("type")) && "country".equals(focused.getAttribute("name"))) {
        box = focused;
      }
    }
    assertTrue(box != null, "Tab never reached a country checkbox");
    String value = box.getAttribute("value");
    assertEquals("solid", box.getCssValue("outline-style"), "visible focus");
    int count = facetCounts("country").get(value);

    new Actions(driver).sendKeys(Keys.SPACE).perform();
    waitForCount(count == 1 ? "1 résultat" : count + " résultats");
    assertEquals(List.of(value), urlParams("country"));
    // The facet list is re-rendered with the answer; the focus stays on the ticked value.
    waitUntil("focus back on the ticked checkbox",
        d -> value.equals(active().getAttribute("value")) && active().isSelected());
  }

  @Test
  void articleMarkupIsShownAsTextAndJavascriptUrlIsNotALink() {
    open("/?q=piratage");
    waitForCount("1 résultat");

    WebElement hit = hits().get(0);
    assertEquals("Piratage : <img src=x onerror=alert(1)> dans un titre",
        hit.findElement(By.cssSelector(".hit-title")).getText());
    String text = hit.getDomProperty("textContent");
    assertTrue(text.contains("<script>alert(2)</script>"), text);
    assertTrue(text.contains("<b>Source</b>"), text);
    assertEquals(List.of(), driver.findElements(By.cssSelector("main img, main script, main b")));
    assertEquals(List.of(), externalLinks(hit), "javascript: url must not be a link");
    assertThrows(NoAlertPresentException.class, () -> driver.switchTo().alert());
  }

  @Test
  void markupInHighlightsIsTextEvenIfTheServerForgotToEscapeIt() {
    open("/?q=président");
    waitForCount("3 résultats");
    // Stands in for a broken server: the next search answers raw tags around the <mark>s.
    driver.executeScript("""
        const body = {total: 1, from: 0, size: 10, relaxed: false, facets: {country: [], person: []},
          hits: [{id: 'evil', title: 'x', title_highlighted: '<img src=x onerror=alert(1)><mark>T</mark>',
                  url: ' javascript:alert(2)', source: '<b>s</b>', date: '2024-06-19',
                  snippets: ['<mark>ok</mark> <img src=x onerror=alert(3)><script>alert(4)</script> &lt;mark&gt;']}]};
        window.fetch = async () => new Response(JSON.stringify(body),
            {headers: {'Content-Type': 'application/json'}});""");
    q().sendKeys(" évil");
    waitForCount("1 résultat");

    WebElement hit = hits().get(0);
    assertEquals(List.of(), driver.findElements(By.cssSelector("main img, main script, main b")));
    assertEquals(List.of("T", "ok"), hit.findElements(By.tagName("mark")).stream().map(WebElement::getText).toList());
    assertEquals("<img src=x onerror=alert(1)>T", hit.findElement(By.cssSelector(".hit-title")).getText());
    assertEquals("ok <img src=x onerror=alert(3)><script>alert(4)</script> <mark>",
        hit.findElement(By.cssSelector(".snippet")).getText());
    assertEquals(List.of(), externalLinks(hit));
    assertThrows(NoAlertPresentException.class, () -> driver.switchTo().alert());
  }

  @Test
  void noArticleWithEveryWordSaysResultsAreApproximate() {
    open("/?q=Poutine%20Scholz");
    waitForCount("2 résultats");
    WebElement notice = driver.findElement(By.id("relaxed"));
    assertTrue(notice.isDisplayed());
    assertEquals("Aucun article ne contient tous les mots ; résultats approchants.", notice.getText());

    q().sendKeys(Keys.chord(Keys.CONTROL, "a"), "Poutine");
    waitForCount("1 résultat");
    assertFalse(driver.findElement(By.id("relaxed")).isDisplayed());
  }

  @Test
  void misspeltQueryShowsResultsForTheCorrectionWithAWayBack() {
    open("/?q=Zelenski");
    waitForCount("1 résultat");
    WebElement line = driver.findElement(By.id("correction"));
    assertTrue(line.isDisplayed());
    assertEquals("Résultats pour « Zelensky ». Rechercher plutôt « Zelenski ».", line.getText());

    line.findElements(By.tagName("a")).get(1).click();
    waitUntil("search instead for what was typed", d -> urlParams("exact").equals(List.of("1")));
    waitUntil("no correction line", d -> !d.findElement(By.id("correction")).isDisplayed());
    assertEquals("Zelenski", q().getAttribute("value"));

    driver.navigate().back();
    waitUntil("correction line again", d -> d.findElement(By.id("correction")).isDisplayed());
  }

  @Test
  void suggestionsCompleteNamesAndArePickedWithTheKeyboard() {
    open("/");
    q().sendKeys("zel");
    waitUntil("suggestions shown", d -> d.findElement(By.id("suggestions")).isDisplayed());
    List<String> options = driver.findElements(By.cssSelector("#suggestions [role=option] .suggestion-text"))
        .stream().map(WebElement::getText).toList();
    assertTrue(options.contains("Volodymyr Zelensky"), options.toString());
    assertEquals("true", q().getAttribute("aria-expanded"));

    int index = options.indexOf("Volodymyr Zelensky");
    for (int i = 0; i <= index; i++) {
      q().sendKeys(Keys.ARROW_DOWN);
    }
    assertEquals("suggestion-" + index, q().getAttribute("aria-activedescendant"));
    String shownCount = driver.findElements(By.cssSelector("#suggestions [role=option] .suggestion-count")).get(index).getText();
    q().sendKeys(Keys.ENTER);
    waitUntil("picking a person ticks it", d -> urlParams("person").equals(List.of("Volodymyr Zelensky")));
    assertEquals(List.of(), urlParams("q"), "the name typed is now a ticked filter, not words");
    waitForCount(shownCount + " résultat");
    assertFalse(driver.findElement(By.id("suggestions")).isDisplayed());

    q().sendKeys(Keys.chord(Keys.CONTROL, "a"), "pou");
    waitUntil("suggestions shown", d -> d.findElement(By.id("suggestions")).isDisplayed());
    q().sendKeys(Keys.ESCAPE);
    waitUntil("Escape closes the list", d -> !d.findElement(By.id("suggestions")).isDisplayed());
  }

  @Test
  void theWordBeingTypedMatchesAsAPrefixAndIsNeverCorrected() {
    open("/");
    waitForCount("16 résultats");
    q().sendKeys("Pout");
    waitForCount("1 résultat");
    assertEquals(List.of("Vladimir Poutine promet de renforcer l’armée"), hitTitles());
    assertFalse(driver.findElement(By.id("correction")).isDisplayed(), "no correction of a word being typed");
    q().sendKeys(Keys.chord(Keys.CONTROL, "a"), "électri");
    waitUntil("prefix of « électriques »", d -> hitTitles().equals(
        List.of("Volodymyr Zelensky demande davantage de défense aérienne")));
  }

  @Test
  void chipsShowTheActiveFiltersAndAResultsEntitiesFilterOnClick() {
    open("/?q=président");
    waitForCount("3 résultats");
    assertFalse(driver.findElement(By.id("active-filters")).isDisplayed());
    WebElement russia = new WebDriverWait(driver, PATIENCE).until(d -> d.findElements(
        By.cssSelector("#hits .hit-entities .chip")).stream().filter(c -> c.getText().equals("Russie")).findFirst().orElse(null));
    russia.click();
    waitUntil("the chip ticked Russie", d -> urlParams("country").equals(List.of("Russie")));
    waitForCount("1 résultat");
    List<String> active = driver.findElements(By.cssSelector("#filter-chips .chip")).stream().map(WebElement::getText).toList();
    assertEquals(List.of("Pays : Russie ×"), active);

    open("/?q=président&country=Russie&country=Ukraine");
    waitForCount("2 résultats");
    driver.findElement(By.cssSelector("#filter-chips .chip[data-value='Russie']")).click();
    waitUntil("Russie removed", d -> urlParams("country").equals(List.of("Ukraine")));
    waitForCount("1 résultat");
    driver.findElement(By.id("clear-all")).click();
    waitForCount("3 résultats");
    assertEquals(List.of("président"), urlParams("q"), "« Tout effacer » clears the filters, not the query");
    assertFalse(driver.findElement(By.id("active-filters")).isDisplayed());
  }

  @Test
  void theTitleOpensTheArticleInsideLoupeWithTheQueryAndEntitiesMarked() {
    open("/?q=armée");
    waitForCount("1 résultat");
    driver.findElement(By.cssSelector("#hits .hit-title a")).click();
    waitUntil("article shown", d -> d.findElement(By.id("article-title")).getText()
        .equals("Vladimir Poutine promet de renforcer l’armée"));
    assertEquals(List.of("poutine"), urlParams("article"));
    assertFalse(driver.findElement(By.id("hits")).isDisplayed(), "the results make way for the article");
    List<String> marked = driver.findElements(By.cssSelector("#article-body mark")).stream().map(WebElement::getText).toList();
    assertEquals(List.of("armée"), marked);
    List<String> entities = driver.findElements(By.cssSelector("#article-body .entity")).stream().map(WebElement::getText).toList();
    assertTrue(entities.contains("Vladimir Poutine") && entities.contains("Russie"), entities.toString());
    assertEquals("https://www.example.fr/monde/poutine-armee",
        driver.findElement(By.cssSelector("#article-meta .source-link")).getAttribute("href"));
    waitUntil("related articles listed", d -> !d.findElements(By.cssSelector("#article-related li")).isEmpty());

    driver.navigate().back();
    waitUntil("back to the results", d -> d.findElement(By.id("hits")).isDisplayed());
    waitForCount("1 résultat");
    assertFalse(driver.findElement(By.id("article-view")).isDisplayed());
  }

  @Test
  void aPageBeyondTheReachableOnesLandsOnTheLastOneWithoutAnError() {
    open("/?page=5000");
    waitForCount("16 résultats");
    waitUntil("last page", d -> urlParams("page").equals(List.of("2")));
    assertFalse(driver.findElement(By.id("error")).isDisplayed());
    assertEquals("page 2 sur 2", driver.findElement(By.id("page-info")).getText());
  }

  @Test
  void theTimelineFiltersTheSpanClickedOrDraggedAndZoomsIn() {
    open("/");
    waitForCount("16 résultats");
    waitUntil("a bar per month, January to July", d -> bars().size() == 7);
    assertEquals("janvier 2024 : 10 articles", bars().get(0).getAttribute("aria-label"));
    bars().get(0).click();
    waitForCount("10 résultats");
    assertEquals(List.of("2024-01-01"), urlParams("date_from"));
    assertEquals(List.of("2024-01-31"), urlParams("date_to"));
    assertEquals("2024-01-01", driver.findElement(By.id("date-from")).getDomProperty("value"));
    waitUntil("zoomed to the days of January", d -> bars().size() == 31);
    assertEquals(List.of("Période : 1 janvier 2024 – 31 janvier 2024 ×"),
        driver.findElements(By.cssSelector("#filter-chips .chip")).stream().map(WebElement::getText).toList());

    open("/");
    waitUntil("a bar per month", d -> bars().size() == 7);
    new Actions(driver).clickAndHold(bars().get(2)).moveToElement(bars().get(5)).release().perform();
    waitForCount("3 résultats");
    assertEquals(List.of("2024-03-01"), urlParams("date_from"));
    assertEquals(List.of("2024-06-30"), urlParams("date_to"));
  }

  @Test
  void dateInputsAndOldestFirstOrderTheReading() {
    open("/?sort=oldest");
    waitForCount("16 résultats");
    assertEquals("Bulletin météo n° 1", hitTitles().get(0));
    assertEquals("oldest", driver.findElement(By.id("sort")).getDomProperty("value"));
    driver.executeScript("const input = document.getElementById('date-from');"
        + " input.value = '2024-05-01'; input.dispatchEvent(new Event('change', {bubbles: true}));");
    waitForCount("3 résultats");
    assertEquals(List.of("2024-05-01"), urlParams("date_from"));
    assertEquals("Vladimir Poutine promet de renforcer l’armée", hitTitles().get(0));
  }

  private List<WebElement> bars() {
    return driver.findElements(By.cssSelector("#timeline-bars .bar"));
  }

  @Test
  void onAPhoneTheResultsComeFirstAndTheFiltersWaitInADrawerWithABadge() {
    Dimension desktop = driver.manage().window().getSize();
    driver.manage().window().setSize(new Dimension(390, 844));
    try {
      open("/?q=président&country=Russie&country=Ukraine");
      waitForCount("2 résultats");
      int viewport = ((Number) driver.executeScript("return window.innerHeight")).intValue();
      assertTrue(hits().get(0).getRect().getY() < viewport, "the first result is on the first screen: "
          + hits().get(0).getRect().getY() + " px of " + viewport);
      WebElement toggle = driver.findElement(By.id("filters-toggle"));
      assertTrue(toggle.isDisplayed());
      assertEquals("2", driver.findElement(By.id("filters-badge")).getText());
      assertFalse(driver.findElement(By.id("facet-country")).isDisplayed(), "filters wait in the drawer");

      toggle.click();
      waitUntil("drawer open", d -> d.findElement(By.id("facet-country")).isDisplayed());
      assertEquals("true", toggle.getAttribute("aria-expanded"));
      facetBox("country", "Ukraine").click();
      waitForCount("1 résultat");
      assertEquals("1", driver.findElement(By.id("filters-badge")).getText());
      driver.findElement(By.id("filters-close")).click();
      waitUntil("drawer closed", d -> !d.findElement(By.id("facet-country")).isDisplayed());
    } finally {
      driver.manage().window().setSize(desktop);
    }
  }

  @Test
  void tousRequiresEveryTickedValueOfAFacet() {
    open("/?country=Russie&country=Chine");
    waitForCount("2 résultats");
    WebElement all = new WebDriverWait(driver, PATIENCE).until(d -> d.findElements(
        By.cssSelector("#facet-country .facet-op input[value=and]")).stream().findFirst().orElse(null));
    assertEquals("true", driver.findElement(By.cssSelector("#facet-country .facet-op input[value=or]")).getDomProperty("checked"));
    all.click();
    waitForCount("1 résultat");
    assertEquals(List.of("and"), urlParams("country_op"));
    assertEquals(List.of("Gazprom annonce une baisse de ses exportations"), hitTitles());
    waitUntil("counts over the hits", d -> facetCounts("country").equals(Map.of("Russie", 1, "Chine", 1)));
  }

  @Test
  void theSourceFacetFiltersByPublisher() {
    open("/?q=pr%C3%A9sident");
    waitForCount("3 résultats");
    waitUntil("sources counted", d -> facetCounts("source").equals(Map.of("L’Écho du monde", 2, "Le Quotidien de Paris", 1)));
    facetBox("source", "L’Écho du monde").click();
    waitForCount("2 résultats");
    assertEquals(List.of("L’Écho du monde"), urlParams("source"));
    assertEquals(List.of("Source : L’Écho du monde ×"),
        driver.findElements(By.cssSelector("#filter-chips .chip")).stream().map(WebElement::getText).toList());
  }

  /** Issue 18: the section (rubrique) facet shows when articles have one, and filters like the others. */
  @Test
  void theSectionFacetShowsWhenPresentAndFiltersByRubrique() {
    open("/?q=m%C3%A9t%C3%A9o");
    waitForCount("10 résultats");
    waitUntil("no section among the weather briefs: no section facet",
        d -> !d.findElement(By.id("facet-section")).isDisplayed());
    open("/?q=pr%C3%A9sident");
    waitForCount("3 résultats");
    waitUntil("sections counted", d -> facetCounts("section").equals(Map.of("monde", 2, "politique", 1)));
    WebElement politique = facetBox("section", "politique");
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", politique); // last facet, below the fold
    politique.click();
    waitForCount("1 résultat");
    assertEquals(List.of("politique"), urlParams("section"));
    assertEquals(List.of("Rubrique : politique ×"),
        driver.findElements(By.cssSelector("#filter-chips .chip")).stream().map(WebElement::getText).toList());
    assertTrue(hitTexts().get(0).contains("POLITIQUE") || hitTexts().get(0).contains("politique"), hitTexts().toString());
  }

  @Test
  void facetValuesAreFilteredByTheirFilterBox() {
    open("/");
    waitUntil("persons listed", d -> facetCounts("person").size() > 1);
    driver.findElement(By.cssSelector(".facet-filter[data-facet=person]")).sendKeys("vlad");
    waitUntil("only matching persons", d -> facetCounts("person").keySet().equals(java.util.Set.of("Vladimir Poutine")));
  }

  @Test
  void relatedArticlesOpenUnderAHit() {
    open("/?q=Poutine");
    waitForCount("1 résultat");
    WebElement toggle = driver.findElement(By.cssSelector("#hits .related-toggle"));
    toggle.click();
    assertEquals("true", toggle.getAttribute("aria-expanded"));
    waitUntil("related list filled", d -> !d.findElements(By.cssSelector("#hits .related-list li a")).isEmpty());
    List<String> related = driver.findElements(By.cssSelector("#hits .related-list li a")).stream().map(WebElement::getText).toList();
    assertTrue(related.contains("Gazprom annonce une baisse de ses exportations"), related.toString());
  }

  @Test
  void noMatchShowsEmptyState() {
    open("/?q=zxqwvjk");
    waitForCount("Aucun résultat");
    assertTrue(driver.findElement(By.id("empty")).isDisplayed());
    assertEquals(List.of(), hits());
  }

  @Test
  void pagerMovesBetweenPagesAndRecordsThePage() {
    open("/");
    waitForCount("16 résultats");
    assertEquals("page 1 sur 2", driver.findElement(By.id("page-info")).getText());
    assertEquals(10, hits().size());
    assertEquals(null, driver.findElement(By.id("prev")).getAttribute("href"));

    driver.findElement(By.id("next")).click();
    waitUntil("page 2", d -> "page 2 sur 2".equals(d.findElement(By.id("page-info")).getText()));
    assertEquals(List.of("2"), urlParams("page"));
    waitUntil("6 hits on page 2", d -> hits().size() == 6);
    assertEquals("results-heading", active().getAttribute("id"), "focus moves to the new page");

    driver.findElement(By.id("prev")).click();
    waitUntil("page 1", d -> "page 1 sur 2".equals(d.findElement(By.id("page-info")).getText()));
    assertEquals(List.of(), urlParams("page"));
  }

  @Test
  void sortingByDatePutsNewestFirst() {
    open("/?q=président");
    waitForCount("3 résultats");
    new Select(driver.findElement(By.id("sort"))).selectByValue("date");
    waitUntil("sort=date in the URL", d -> urlParams("sort").equals(List.of("date")));
    waitUntil("newest first", d -> hitTitles().equals(List.of(
        "Volodymyr Zelensky demande davantage de défense aérienne",
        "Vladimir Poutine promet de renforcer l’armée",
        "Emmanuel Macron défend sa réforme des retraites")));
  }

  @Test
  void unreachableServerIsReportedInTheAlertRegion() {
    open("/?q=président");
    waitForCount("3 résultats");
    ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
    offline.setOffline(true);
    driver.setNetworkConditions(offline);
    try {
      q().sendKeys(" Macron");
      WebElement alert = driver.findElement(By.id("error"));
      waitUntil("alert shown", d -> alert.isDisplayed());
      assertEquals("alert", alert.getAttribute("role"));
      assertTrue(alert.getText().contains("Le serveur ne répond pas"), alert.getText());
      assertEquals(List.of(), driver.findElements(By.cssSelector("#facet-country .facet-option")),
          "the counts of the last answer are not left beside empty results");
    } finally {
      driver.deleteNetworkConditions();
    }
    driver.findElement(By.cssSelector("#error button")).click();
    waitForCount("1 résultat");
    assertFalse(driver.findElement(By.id("error")).isDisplayed());
    Chromium.consoleErrors(driver); // the failed request was logged on purpose
  }

  @Test
  void pageIsServedWithStrictContentSecurityPolicy() throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> page = http.send(
          HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, page.statusCode());
      String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
      assertTrue(csp.contains("script-src 'self'"), csp);
      assertTrue(csp.contains("style-src 'self'"), csp);
      HttpResponse<String> script = http.send(
          HttpRequest.newBuilder(URI.create(base + "/app.js")).build(), HttpResponse.BodyHandlers.ofString());
      assertTrue(script.headers().firstValue("Content-Type").orElse("").contains("javascript"),
          "module scripts need a JavaScript MIME type");
    }
  }

  /**
   * Takes the README's screenshot: into target/ by default, so a test run leaves the sources alone;
   * {@code -Dloupe.screenshot=docs/screenshot.png} refreshes the README's copy.
   */
  @Test
  void screenshotOfSearchWithTickedFacets() throws IOException {
    open("/?q=président&country=Russie&country=Ukraine");
    waitForCount("2 résultats");
    waitUntil("search finished", d -> !d.findElement(By.tagName("body")).getDomProperty("className").contains("is-loading"));
    Path target = Path.of(System.getProperty("loupe.screenshot", "target/screenshot.png"));
    Files.createDirectories(target.toAbsolutePath().getParent());
    Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
    assertTrue(Files.size(target) > 10_000);
    // The same search on a phone (390 × 844), beside it: screenshot-phone.png.
    Dimension desktop = driver.manage().window().getSize();
    driver.manage().window().setSize(new Dimension(390, 844));
    try {
      driver.navigate().refresh();
      waitForCount("2 résultats");
      waitUntil("search finished", d -> !d.findElement(By.tagName("body")).getDomProperty("className").contains("is-loading"));
      Path phone = target.resolveSibling(target.getFileName().toString().replace(".png", "-phone.png"));
      Files.write(phone, driver.getScreenshotAs(OutputType.BYTES));
      assertTrue(Files.size(phone) > 10_000);
    } finally {
      driver.manage().window().setSize(desktop);
    }
  }

  // -------------------------------------------------------------------------------------------

  private void open(String path) {
    driver.get(base + path);
  }

  private WebElement q() {
    return driver.findElement(By.id("q"));
  }

  /** Links of an element that leave Loupe. */
  private List<String> externalLinks(WebElement element) {
    return element.findElements(By.tagName("a")).stream().map(a -> a.getAttribute("href"))
        .filter(href -> href == null || !href.startsWith(base)).toList();
  }

  private WebElement active() {
    return driver.switchTo().activeElement();
  }

  private List<WebElement> hits() {
    return driver.findElements(By.cssSelector("#hits > li"));
  }

  private List<String> hitTitles() {
    return driver.findElements(By.cssSelector("#hits .hit-title")).stream().map(WebElement::getText).toList();
  }

  private List<String> hitTexts() {
    return hits().stream().map(WebElement::getText).toList();
  }

  private WebElement facetBox(String facet, String value) {
    return new WebDriverWait(driver, PATIENCE).until(d -> d.findElements(By.cssSelector(
            "#facet-" + facet + " input[type=checkbox]")).stream()
        .filter(box -> value.equals(box.getAttribute("value")))
        .findFirst().orElse(null));
  }

  /** Facet values shown with a positive count, as the page displays them. */
  private Map<String, Integer> facetCounts(String facet) {
    return driver.findElements(By.cssSelector("#facet-" + facet + " .facet-option")).stream()
        .collect(Collectors.toMap(
            option -> option.findElement(By.className("facet-value")).getText(),
            option -> Integer.parseInt(option.findElement(By.className("facet-count")).getText()
                .replaceAll("\\D", ""))))
        .entrySet().stream().filter(e -> e.getValue() > 0)
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private List<String> urlParams(String name) {
    String query = URI.create(driver.getCurrentUrl()).getRawQuery();
    if (query == null) {
      return List.of();
    }
    return Arrays.stream(query.split("&"))
        .map(pair -> pair.split("=", 2))
        .filter(pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8).equals(name))
        .map(pair -> pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : "")
        .toList();
  }

  private void waitForCount(String text) {
    waitUntil("count « " + text + " »", d -> text.equals(d.findElement(By.id("count")).getText()));
  }

  private void waitUntil(String what, Function<WebDriver, Boolean> condition) {
    // The page re-renders lists when an answer arrives, so an element read a moment ago may be gone.
    new WebDriverWait(driver, PATIENCE)
        .ignoring(StaleElementReferenceException.class)
        .withMessage(() -> what + "; " + pageSummary())
        .until(condition);
  }

  private String pageSummary() {
    try {
      return "page shows count « " + driver.findElement(By.id("count")).getText() + " », alert « "
          + driver.findElement(By.id("error")).getText() + " », url " + driver.getCurrentUrl();
    } catch (RuntimeException e) {
      return "page unreadable: " + e.getMessage();
    }
  }
}
