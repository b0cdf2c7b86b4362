package org.docmerge.collect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.docmerge.Multipart;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Takes the office page's screenshot for docs/collect.md: six members, one not submitted, one with errors, one
 * passed, three confirmed (one late).
 * {@code java -cp target/test-classes:target/classes:<test classpath> org.docmerge.collect.CollectScreenshot docs/collect-office.png}
 */
public final class CollectScreenshot {
  private CollectScreenshot() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "docs/collect-office.png").toAbsolutePath();
    Path dir = Files.createTempDirectory("docmerge-collect-shot-");
    try (Server server = new Server(dir.resolve("c"), null, Instant.parse("2023-01-05T02:00:00Z"))) {
      Http office = new Http(server.base());
      office.admin("screenshot-password");
      List<String> names = List.of("区发展和改革局", "区教育局", "区财政局", "区卫生健康局", "区市场监督管理局", "区城市管理局");
      var created = office.post("/collect/api/admin/collections", Map.of("year", "2022", "deadline", "2023-01-20",
          "agency", "某某区人民政府"), new Multipart.FilePart("members", "名单.xlsx", Members.memberList(names))).json();
      Http member = office.anonymous();
      String[] t = new String[6];
      for (int i = 0; i < 6; i++) {
        t[i] = created.path("members").get(i).path("token").asText();
      }
      for (int i = 0; i < 4; i++) {
        JanuarySuite.upload(member, t[i], i == 1 ? Members.broken(800 + i, 2022) : Members.workbook(800 + i, 2022));
      }
      member.post("/collect/api/m/" + t[0] + "/confirm");
      member.post("/collect/api/m/" + t[3] + "/confirm");
      server.clock.advance(Duration.ofDays(20));
      JanuarySuite.upload(member, t[4], Members.workbook(804, 2022));
      member.post("/collect/api/m/" + t[4] + "/confirm");
      ChromeDriver driver = CollectPagesBrowserTest.chromium(Files.createDirectories(dir.resolve("profile")));
      try {
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.get(server.base() + "collect/");
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.findElement(By.id("login")).isDisplayed());
        driver.findElement(By.id("login-password")).sendKeys("screenshot-password");
        driver.findElement(By.id("login-form")).submit();
        new WebDriverWait(driver, Duration.ofSeconds(30))
            .until(d -> d.findElements(By.cssSelector("#members > tbody > tr")).size() == 6);
        driver.findElements(By.cssSelector("#members details.history")).get(1).click();
        Files.write(out, driver.getScreenshotAs(OutputType.BYTES));
      } finally {
        driver.quit();
      }
    }
    System.out.println("wrote " + out);
  }
}
