package org.docmerge.serve;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Takes the page's screenshot for docs/ and the README: the broken sample dropped, its faults on the tables.
 * {@code java -cp target/test-classes:target/classes:<test classpath> org.docmerge.serve.ServeScreenshot docs/serve-page.png}
 */
public final class ServeScreenshot {
  private ServeScreenshot() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "docs/serve-page.png").toAbsolutePath();
    Path profile = Files.createTempDirectory("docmerge-shot-");
    Path downloads = Files.createTempDirectory("docmerge-shot-dl-");
    try (ApiClient server = new ApiClient()) {
      ChromeDriver driver = ServePageBrowserTest.chromium(profile, downloads);
      try {
        driver.manage().window().setSize(new Dimension(1200, 2000));
        driver.get(server.base().toString());
        new WebDriverWait(driver, Duration.ofSeconds(30))
            .until(d -> d.findElement(By.id("about")).getText().contains("上限"));
        driver.findElement(By.id("check-file"))
            .sendKeys(Path.of("input-samples/broken-2021.xlsx").toAbsolutePath().toString());
        new WebDriverWait(driver, Duration.ofSeconds(30))
            .until(d -> !d.findElements(By.cssSelector("#check-result td.bad")).isEmpty());
        driver.executeScript("document.getElementById('check').scrollIntoView();");
        Files.write(out, driver.getScreenshotAs(OutputType.BYTES));
      } finally {
        driver.quit();
      }
    }
    System.out.println("wrote " + out);
  }
}
