package org.docmerge.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.docmerge.RealClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in a real browser: Debian's chromium, headless, driven through Debian's chromedriver by Selenium (both
 * given by path, so Selenium Manager downloads nothing). Skipped without them locally, failed in CI ({@link
 * RealClients}); {@code .ci/run} installs them.
 */
@Tag("browser")
public class ServePageBrowserTest {
  static final Path SAMPLES = Path.of("input-samples").toAbsolutePath();
  static ApiClient server;
  static ChromeDriver driver;
  static Path profile;
  static Path downloads;
  static String base;

  /** A headless chromium with its own profile, downloading into {@code downloads}, keeping console and network logs. */
  public static ChromeDriver chromium(Path profile, Path downloads) {
    Path browser = RealClients.require("/usr/bin/chromium");
    Path chromedriver = RealClients.require("/usr/bin/chromedriver");
    ChromeOptions o = new ChromeOptions();
    o.setBinary(browser.toFile());
    o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
        "--disable-default-apps", "--disable-extensions", "--lang=zh-CN", "--window-size=1280,1600",
        "--user-data-dir=" + profile);
    Map<String, Object> prefs = new HashMap<>();
    prefs.put("download.default_directory", downloads.toString());
    prefs.put("download.prompt_for_download", false);
    o.setExperimentalOption("prefs", prefs);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    logs.enable(LogType.PERFORMANCE, Level.ALL);
    o.setCapability("goog:loggingPrefs", logs);
    prefs.put("intl.accept_languages", "zh-CN,zh");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort()
        .withEnvironment(Map.of("LANGUAGE", "zh_CN", "LANG", "zh_CN.UTF-8", "LC_ALL", "C.UTF-8")).build(); // UTF-8 file names even where only the C locales exist
    ChromeDriver d = new ChromeDriver(service, o);
    d.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    return d;
  }

  @BeforeAll
  static void start() throws Exception {
    RealClients.require("/usr/bin/chromium");
    RealClients.require("/usr/bin/chromedriver");
    server = new ApiClient();
    base = server.base().toString();
    profile = Files.createTempDirectory("docmerge-chromium-");
    downloads = Files.createTempDirectory("docmerge-downloads-");
    driver = chromium(profile, downloads);
  }

  @AfterAll
  static void stop() throws Exception {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.close();
    }
    for (Path p : new Path[] {profile, downloads}) {
      if (p != null) {
        try (Stream<Path> all = Files.walk(p)) {
          all.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
      }
    }
  }

  @BeforeEach
  void load() {
    driver.get(base);
    waitFor(() -> driver.findElement(By.id("about")).getText().contains("上限"));
  }

  static void waitFor(java.util.function.BooleanSupplier ok) {
    new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> ok.getAsBoolean());
  }

  static Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  @Test
  void thePageLoadsWithNoConsoleErrorAndNoRequestLeaving127001() {
    List<String> severe = new ArrayList<>();
    for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
      if (e.getLevel().intValue() >= Level.WARNING.intValue()) {
        severe.add(e.getMessage());
      }
    }
    assertEquals(List.of(), severe, "console errors");
    List<String> requested = new ArrayList<>();
    for (LogEntry e : driver.manage().logs().get(LogType.PERFORMANCE)) {
      String m = e.getMessage();
      int i = m.indexOf("\"Network.requestWillBeSent\"");
      if (i >= 0) {
        java.util.regex.Matcher u = java.util.regex.Pattern.compile("\"url\":\"([^\"]+)\"").matcher(m);
        while (u.find()) {
          requested.add(u.group(1));
        }
      }
    }
    @SuppressWarnings("unchecked")
    List<String> resources = (List<String>) js(
        "return performance.getEntriesByType('resource').map(function (e) { return e.name; })"
            + ".concat(performance.getEntriesByType('navigation').map(function (e) { return e.name; }));");
    requested.addAll(resources);
    assertTrue(requested.stream().anyMatch(u -> u.endsWith("/app.js")), requested.toString());
    assertTrue(requested.stream().anyMatch(u -> u.endsWith("/api/about")), requested.toString());
    // chrome:// and about: pages are the browser's own (its start page), not network requests
    for (String u : requested) {
      if (u.matches("(?i)(https?|wss?|ftp):.*") || u.matches("(?i)blob:.*")) {
        assertTrue(u.startsWith("http://127.0.0.1:") || u.startsWith("blob:http://127.0.0.1:"),
            "a request left 127.0.0.1: " + u);
      }
    }
  }

  @Test
  void theBrokenSampleShowsItsRedCellsWithTheirMessages() {
    driver.findElement(By.id("check-file")).sendKeys(SAMPLES.resolve("broken-2021.xlsx").toString());
    waitFor(() -> !driver.findElements(By.cssSelector("#check-result td.bad")).isEmpty());
    List<WebElement> bad = driver.findElements(By.cssSelector("#check-result td.bad"));
    assertEquals(7, bad.size(), "the seven faulty cells of the three tables");
    WebElement b6 = driver.findElement(By.cssSelector("#check-result td.bad[title='表四!B6']"));
    assertTrue(b6.getText().contains("-1") && b6.getText().contains("R01") && b6.getText().contains("为负数"), b6.getText());
    String red = b6.getCssValue("background-color");
    assertEquals("rgba(253, 231, 229, 1)", red);
    assertTrue(driver.findElement(By.cssSelector("#check-result .summary")).getText().contains("发现 9 个错误"));
    // the prose findings quote their paragraph
    List<WebElement> quotes = driver.findElements(By.cssSelector("#check-result blockquote"));
    assertEquals(2, quotes.size());
    assertTrue(quotes.get(0).getText().contains("上年结转0件"));
    assertEquals(3, driver.findElements(By.cssSelector("#check-result table.official")).size());
  }

  @Test
  void fixedInExcelAndChosenAgainTheWorkbookIsCheckedAfresh() throws Exception {
    Path workbook = downloads.resolve("年报数据.xlsx");
    Files.copy(SAMPLES.resolve("broken-2021.xlsx"), workbook, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    try {
      driver.findElement(By.id("check-file")).sendKeys(workbook.toString());
      waitFor(() -> driver.findElements(By.cssSelector("#check-result td.bad")).size() == 7);
      // staff fix the cells in Excel and save over the same file, then press 检查 again: the browser cannot read its
      // old selection any more, and the page says to choose the file again (never a stale result or a network error)
      Files.copy(SAMPLES.resolve("gongshu-investment-2021.xlsx"), workbook, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      driver.findElement(By.cssSelector("#check-form button[type=submit]")).click();
      waitFor(() -> driver.findElement(By.id("status")).getText().contains("重新选择")
          || driver.findElement(By.id("check-result")).getText().contains("检查通过"));
      assertFalse(driver.findElement(By.id("status")).getText().contains("无法连接"));
      // choosing it again (opening the picker empties it, so the same file counts as a new choice) checks it afresh
      js("document.getElementById('check-file').dispatchEvent(new MouseEvent('click'));");
      driver.findElement(By.id("check-file")).sendKeys(workbook.toString());
      waitFor(() -> driver.findElement(By.id("check-result")).getText().contains("检查通过"));
      assertEquals(0, driver.findElements(By.cssSelector("#check-result td.bad")).size());
    } finally {
      Files.deleteIfExists(workbook);
    }
  }

  @Test
  void aWorkbookDroppedOnTheDropZoneIsChecked() throws Exception {
    // what the browser does when a file is dragged from the desktop onto the zone: a drop event with a DataTransfer
    String b64 = java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(SAMPLES.resolve("broken-2021.xlsx")));
    js("var bytes = Uint8Array.from(atob(arguments[0]), function (c) { return c.charCodeAt(0); });"
        + "var dt = new DataTransfer(); dt.items.add(new File([bytes], 'broken-2021.xlsx'));"
        + "var zone = document.getElementById('drop');"
        + "zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));"
        + "zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));", b64);
    waitFor(() -> !driver.findElements(By.cssSelector("#check-result td.bad")).isEmpty());
    assertEquals(7, driver.findElements(By.cssSelector("#check-result td.bad")).size());
    assertTrue(driver.findElement(By.cssSelector("#check-result .file")).getText().contains("broken-2021.xlsx"));
  }

  @Test
  void theDocxDownloadsUnderItsChineseNameAndPythonDocxOpensIt() throws Exception {
    driver.findElement(By.id("check-file")).sendKeys(SAMPLES.resolve("gongshu-investment-2021.xlsx").toString());
    waitFor(() -> driver.findElement(By.id("check-result")).getText().contains("检查通过"));
    driver.findElement(By.id("merge-docx")).click();
    Path docx = downloaded("拱墅区投资促进局2021年政府信息公开工作年度报告.docx");
    List<String> out = RealClients.run(List.of(RealClients.python().toString(), "-c",
        "import docx, sys; d = docx.Document(sys.argv[1]); print(len(d.tables)); "
            + "print(any('拱墅区投资促进局' in p.text for p in d.paragraphs))", docx.toString()), downloads);
    assertTrue(Integer.parseInt(out.get(0).strip()) >= 3, out.toString());
    assertEquals("True", out.get(1).strip());
  }

  private static Path downloaded(String name) {
    Path p = downloads.resolve(name);
    waitFor(() -> Files.isRegularFile(p) && !Files.exists(downloads.resolve(name + ".crdownload")));
    return p;
  }

  @Test
  void everyControlHasALabelAndTheKeyboardAloneGetsABlankWorkbook() {
    @SuppressWarnings("unchecked")
    List<String> unlabelled = (List<String>) js(
        "return Array.from(document.querySelectorAll('input, select, button')).filter(function (e) {"
            + " return !(e.labels && e.labels.length) && !e.textContent.trim() && !e.getAttribute('aria-label'); })"
            + ".map(function (e) { return e.outerHTML; });");
    assertEquals(List.of(), unlabelled);

    // Tab from the top: the skip link first, then every step's controls in order
    List<String> order = new ArrayList<>();
    Actions keys = new Actions(driver);
    for (int i = 0; i < 14; i++) {
      keys.sendKeys(Keys.TAB).perform();
      order.add(String.valueOf(js("var e = document.activeElement; return e.id || e.tagName + ':' + e.textContent.trim();")));
    }
    assertTrue(order.get(0).contains("跳到"), order.toString());
    int kind = order.indexOf("init-kind");
    int year = order.indexOf("init-year");
    int check = order.indexOf("check-file");
    assertTrue(kind >= 0 && year > kind && check > year, order.toString());

    // keyboard only: Tab to the year, type it, Enter submits the form and the workbook downloads
    driver.get(base);
    waitFor(() -> driver.findElement(By.id("about")).getText().contains("上限"));
    Actions k = new Actions(driver);
    for (int i = 0; i <= year; i++) {
      k.sendKeys(Keys.TAB);
    }
    k.perform();
    assertEquals("init-year", js("return document.activeElement.id;"));
    new Actions(driver).sendKeys("2022").sendKeys(Keys.ENTER).perform();
    Path xlsx = downloaded("2022年度政府信息公开年报数据.xlsx");
    assertTrue(Optional.of(xlsx).map(p -> p.toFile().length()).orElse(0L) > 1000);
    assertTrue(driver.findElement(By.id("status")).getText().contains("已下载"));
  }

  @Test
  void aPublishedReportWhoseTablesWereNotReadIsNotShownAsPassed() {
    driver.findElement(By.id("published-file")).sendKeys(
        java.nio.file.Path.of("src/test/resources/html/tables-as-pictures-2023.html").toAbsolutePath().toString());
    driver.findElement(By.cssSelector("#published-form button[type=submit]")).click();
    waitFor(() -> driver.findElement(By.id("published-result")).getText().contains("一个也没有读到"));
    String shown = driver.findElement(By.id("published-result")).getText();
    assertFalse(shown.contains("检查通过"), shown);
    assertTrue(shown.contains("没有读到表三"), shown);
  }

  @Test
  void aFileAboveTheLimitIsRefusedWithAChineseMessage() throws Exception {
    Path big = downloads.resolve("大文件.xlsx");
    try (var f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(30L << 20);
    }
    try {
      driver.findElement(By.id("check-file")).sendKeys(big.toString());
      waitFor(() -> driver.findElement(By.id("status")).getText().contains("上限"));
      assertTrue(driver.findElement(By.id("status")).getText().contains("超过了 20 MB 的上限"));
      assertFalse(driver.findElement(By.id("check-result")).getText().contains("检查通过"));
    } finally {
      Files.delete(big);
    }
  }
}
