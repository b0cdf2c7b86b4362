package org.docmerge.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.docmerge.RealClients;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The office's and a member's pages in Debian's headless chromium (Selenium, driver by path): set the password,
 * create a collection from a member list, open a member's link, upload a broken workbook and see its errors, upload
 * the fixed one, confirm, and see 已确认 on the office's page. No console errors (the CSP allows no inline script).
 */
@Tag("browser")
class CollectPagesBrowserTest {
  @TempDir
  Path dir;

  ChromeDriver driver;

  /** The serve page tests' headless chromium, its downloads kept beside the profile. */
  static ChromeDriver chromium(Path profile) throws java.io.IOException {
    return org.docmerge.serve.ServePageBrowserTest.chromium(profile,
        Files.createDirectories(profile.resolveSibling(profile.getFileName() + "-downloads")));
  }

  void waitFor(java.util.function.BooleanSupplier ok) {
    new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> ok.getAsBoolean());
  }

  WebElement id(String id) {
    return driver.findElement(By.id(id));
  }

  @Test
  void officeAndMemberMainFlow() throws Exception {
    RealClients.require("/usr/bin/chromium");
    RealClients.require("/usr/bin/chromedriver");
    Path list = dir.resolve("members.xlsx");
    Files.write(list, Members.memberList(List.of("浏览器甲局", "浏览器乙局", "浏览器丙局")));
    Path broken = dir.resolve("broken.xlsx");
    Files.write(broken, Members.broken(700, 2022));
    Path good = dir.resolve("fixed.xlsx");
    Files.write(good, Members.workbook(700, 2022));
    try (Server server = new Server(dir.resolve("collect"), null, Instant.parse("2023-01-05T02:00:00Z"))) {
      driver = chromium(Files.createDirectories(dir.resolve("profile")));
      try {
        String base = server.base().toString();
        driver.get(base + "collect/");
        waitFor(() -> id("setup").isDisplayed());
        id("setup-password").sendKeys("浏览器测试密码123");
        id("setup-form").submit();
        waitFor(() -> id("main").isDisplayed());

        id("create-box").findElement(By.tagName("summary")).click();
        id("create-year").sendKeys("2022");
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = '2023-01-20'", id("create-deadline"));
        id("create-agency").sendKeys("浏览器区人民政府");
        id("create-members").sendKeys(list.toString());
        id("create-form").submit();
        waitFor(() -> driver.findElements(By.cssSelector("#members > tbody > tr")).size() == 3);
        assertTrue(id("detail-counts").getText().contains("未提交 3"), id("detail-counts").getText());
        String link = driver.findElements(By.cssSelector("#members > tbody > tr code.link")).get(0).getText();
        assertTrue(link.startsWith(base + "collect/m/"), link);

        // The member's page, through its link.
        driver.get(link);
        waitFor(() -> id("member").isDisplayed());
        assertTrue(id("title").getText().contains("浏览器甲局"), id("title").getText());
        assertTrue(id("blank").getAttribute("href").endsWith("/blank"));
        id("upload-file").sendKeys(broken.toString());
        id("upload-form").submit();
        waitFor(() -> id("state").getText().contains("有错误"));
        List<WebElement> bad = driver.findElements(By.cssSelector("#findings tr.bad"));
        assertTrue(bad.stream().anyMatch(r -> r.getText().contains("R01") && r.getText().contains("表三!")), id("findings").getText());
        assertTrue(!id("confirm").isEnabled());
        id("upload-file").sendKeys(good.toString());
        id("upload-form").submit();
        waitFor(() -> id("state").getText().contains("已通过"));
        assertTrue(id("findings").getText().contains("检查通过"));
        id("confirm").click();
        waitFor(() -> id("state").getText().contains("已确认"));
        assertEquals(2, driver.findElements(By.cssSelector("#history tbody tr")).size());

        // Back on the office's page (still logged in): 已确认, with the history.
        driver.get(base + "collect/");
        try {
          waitFor(() -> driver.findElements(By.cssSelector("#members > tbody > tr")).size() == 3);
        } catch (org.openqa.selenium.TimeoutException e) {
          throw new AssertionError(driver.findElement(By.tagName("body")).getAttribute("innerHTML") + driver.manage().logs().get(LogType.BROWSER).getAll(), e);
        }
        WebElement row = driver.findElements(By.cssSelector("#members > tbody > tr")).get(0);
        assertEquals("已确认", row.findElement(By.className("state-CONFIRMED")).getText());
        assertTrue(row.getText().contains("2 次提交"), row.getText());
        assertTrue(id("detail-counts").getText().contains("已确认 1"), id("detail-counts").getText());

        List<String> severe = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
          if (e.getLevel().intValue() >= Level.SEVERE.intValue() && !e.getMessage().contains("favicon")) {
            severe.add(e.getMessage());
          }
        }
        assertEquals(List.of(), severe, "console errors");
      } finally {
        driver.quit();
      }
    }
  }
}
