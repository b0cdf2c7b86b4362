package org.docmerge.website;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.docmerge.Docmerge;
import org.docmerge.RealClients;
import org.docmerge.render.LibreOfficeFonts;
import org.docmerge.validate.Validator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The website report as LibreOffice prints it: the value column is wide enough that the sample's home-page address,
 * site name and 主办单位 each stay on the line of their label (they wrapped in a 2300-twip column).
 */
@Tag("slow")
class WebsitePdfLayoutTest {

  @Test
  void addressNameAndSponsorStayOnTheLineOfTheirLabel(@TempDir Path dir) throws Exception {
    Path soffice = RealClients.require("soffice");
    Path pdftotext = RealClients.require("pdftotext");
    Docmerge engine = Docmerge.open("gov-website-annual").get();
    var data = engine.check(WebsiteKindTest.SAMPLE, Validator.Options.DEFAULT).data().orElseThrow();
    Path docx = dir.resolve("website.docx");
    Files.write(docx, engine.render(data));
    ProcessBuilder pb = new ProcessBuilder(soffice.toString(), "--headless", "--norestore", "--nolockcheck",
        "-env:UserInstallation=" + dir.resolve("profile").toUri(), "--convert-to", "pdf", "--outdir", dir.toString(),
        docx.toString()).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("soffice.log").toFile());
    pb.environment().putAll(LibreOfficeFonts.environment());
    Process p = pb.start();
    assertTrue(p.waitFor(180, TimeUnit.SECONDS), "soffice timed out");
    List<String> lines = RealClients.run(List.of(pdftotext.toString(), "-layout", dir.resolve("website.pdf").toString(), "-"), dir);
    for (String[] pair : new String[][] {{"首页网址", data.fields().get("homepage")}, {"网站名称", data.fields().get("agency")},
        {"主办单位", data.fields().get("sponsor")}}) {
      assertTrue(lines.stream().anyMatch(l -> l.contains(pair[0]) && l.contains(pair[1])),
          () -> "「" + pair[1] + "」 is not on the line of 「" + pair[0] + "」:\n" + String.join("\n", lines.subList(0, 14)));
    }
  }
}
