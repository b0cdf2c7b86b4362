package org.docmerge.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.docmerge.Docmerge;
import org.docmerge.RealClients;
import org.docmerge.TestReports;
import org.docmerge.diag.Location;
import org.docmerge.model.CellValue;
import org.docmerge.model.ReportData;
import org.docmerge.spec.ReportSpec;
import org.docmerge.tools.SampleData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the PDF looks like, checked the way a reader would: LibreOffice converts the reports (all of them in one
 * soffice run, with the fonts of {@link LibreOfficeFonts}), poppler reads them back.
 *
 * <ul>
 *   <li>Visual regression: the seed report and the large sample, rendered at 36 dpi in grey, match the reviewed
 *       images in {@code src/test/resources/visual/} (see the README there; {@code -Dvisual.update=true}
 *       rewrites them on purpose). A changed page fails with the new image and a diff in {@code target/visual/}.
 *   <li>Geometry from {@code pdftotext -bbox}: every 7-digit number in table 三 stays whole on one line; over 12
 *       lengths of prose that move every page break, no heading or table caption is the last line of a page, and
 *       each caption is on the page of its first row.
 * </ul>
 */
@Tag("slow")
class PdfLayoutTest {
  static final Path REFERENCES = Path.of("src/test/resources/visual");
  static final String SEVEN_DIGITS = "1234567";
  static final int PROSE_LENGTHS = 12;
  static final List<String> HEADINGS = List.of("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
      "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项");
  static final Pattern CAPTION = Pattern.compile("第二十条第（[一二三四五六七八九]）项");

  @TempDir static Path dir;
  static Path pdftotext;
  static Path pdftoppm;
  /** Name → the converted PDF. */
  static final Map<String, Path> pdfs = new LinkedHashMap<>();

  @BeforeAll
  static void renderAndConvert() throws Exception {
    Path soffice = RealClients.require("soffice");
    pdftotext = RealClients.require("pdftotext");
    pdftoppm = RealClients.require("pdftoppm");
    Docmerge engine = Docmerge.open(SampleData.KIND).get();
    ReportSpec spec = engine.kind().spec();
    Map<String, byte[]> docs = new LinkedHashMap<>();
    docs.put("seed", engine.render(SampleData.gongshu(spec)));
    docs.put("large", engine.render(SampleData.district(spec)));
    docs.put("seven-digits", engine.render(sevenDigits(spec)));
    Docmerge format2019 = Docmerge.open("gov-info-annual-2019").get();
    docs.put("format-2019", format2019.render(SampleData.random(format2019.kind().spec(), 2019)));
    for (int k = 0; k < PROSE_LENGTHS; k++) {
      docs.put(String.format("prose-%02d", k), engine.render(longerOverview(k)));
    }
    List<String> cmd = new ArrayList<>(List.of(soffice.toString(), "--headless", "--norestore", "--nolockcheck",
        "-env:UserInstallation=" + dir.resolve("profile").toUri(), "--convert-to", "pdf", "--outdir", dir.toString()));
    for (var e : docs.entrySet()) {
      Path docx = dir.resolve(e.getKey() + ".docx");
      Files.write(docx, e.getValue());
      cmd.add(docx.toString());
      pdfs.put(e.getKey(), dir.resolve(e.getKey() + ".pdf"));
    }
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("soffice.log").toFile());
    pb.environment().putAll(LibreOfficeFonts.environment());
    Process p = pb.start();
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), "soffice timed out");
    for (Path pdf : pdfs.values()) {
      assertTrue(Files.isRegularFile(pdf), () -> pdf + " missing; soffice said: " + log());
    }
  }

  static String log() {
    try {
      return Files.readString(dir.resolve("soffice.log"));
    } catch (IOException e) {
      return e.toString();
    }
  }

  /** The seed with every table 三 value a seven-digit number. */
  static ReportData sevenDigits(ReportSpec spec) {
    ReportData.Builder b = TestReports.seedBuilder();
    for (String id : TestReports.seed().values().keySet()) {
      if (id.startsWith("t3.")) {
        b.value(id, CellValue.of(new BigDecimal(SEVEN_DIGITS), Location.NONE));
      }
    }
    return b.build();
  }

  /** The seed with {@code k} more two-line paragraphs in part 一: each step moves every later page break. */
  static ReportData longerOverview(int k) {
    List<String> overview = new ArrayList<>(TestReports.seedProse().get("overview"));
    for (int i = 0; i < k; i++) {
      overview.add("本年度持续完善政务公开制度，规范信息发布流程，加强公开内容审核，提升政府信息公开的质量和实效性，回应社会关切。");
    }
    return TestReports.seedWithProse("overview", overview.toArray(String[]::new));
  }

  // ---------------------------------------------------------------- fonts

  @Test
  void pdfSetsBodyInFangSongAndTitleAndHeadingsInOtherFaces() throws Exception {
    // Through the product's own converter, not the batch conversion above.
    Docmerge engine = Docmerge.open(SampleData.KIND).get();
    byte[] docx = engine.render(SampleData.gongshu(engine.kind().spec()));
    byte[] pdf = PdfConverter.fromPath().convert(docx, "seed.docx").value().orElseThrow();
    Path file = dir.resolve("fonts.pdf");
    Files.write(file, pdf);
    List<String> fonts = RealClients.run(List.of(RealClients.require("pdffonts").toString(), file.toString()), dir)
        .stream().skip(2).map(l -> l.split("\\s+")[0].replaceFirst("^[A-Z]{6}\\+", "")).toList();
    assertTrue(fonts.stream().anyMatch(f -> f.contains("Fang")), "a FangSong face for the body: " + fonts);
    assertTrue(fonts.stream().anyMatch(f -> f.contains("Hei")), "a Hei face for the headings: " + fonts);
    assertTrue(fonts.stream().anyMatch(f -> f.contains("Serif") && f.contains("Bold")), "a heavy serif for the title: " + fonts);
  }

  // ---------------------------------------------------------------- visual regression

  @Test
  void seedReportLooksLikeItsReviewedImages() throws Exception {
    compareWithReferences("seed");
  }

  @Test
  void largeSampleLooksLikeItsReviewedImages() throws Exception {
    compareWithReferences("large");
  }

  /** Fraction of pixels that may differ (by more than a quarter of the grey range) before a page counts as changed. */
  static final double TOLERANCE = 0.004;

  static void compareWithReferences(String name) throws Exception {
    Path pages = dir.resolve("png-" + name);
    Files.createDirectories(pages);
    RealClients.run(List.of(pdftoppm.toString(), "-r", "36", "-gray", "-png", pdfs.get(name).toString(),
        pages.resolve(name).toString()), dir);
    List<Path> actual;
    try (Stream<Path> s = Files.list(pages)) {
      actual = s.sorted().toList();
    }
    if (Boolean.getBoolean("visual.update")) {
      Files.createDirectories(REFERENCES);
      try (Stream<Path> old = Files.list(REFERENCES)) {
        for (Path p : old.filter(p -> p.getFileName().toString().startsWith(name + "-")).toList()) {
          Files.delete(p);
        }
      }
      for (Path p : actual) {
        // pdftoppm writes its grey pages as RGB PNGs; stored as 8-bit grey they take a third of the space
        BufferedImage rgb = ImageIO.read(p.toFile());
        BufferedImage grey = new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < rgb.getHeight(); y++) {
          for (int x = 0; x < rgb.getWidth(); x++) {
            grey.getRaster().setSample(x, y, 0, grey(rgb, x, y)); // the level itself, no colour-space conversion
          }
        }
        ImageIO.write(grey, "png", REFERENCES.resolve(p.getFileName()).toFile());
      }
      return;
    }
    List<Path> expected;
    try (Stream<Path> s = Files.list(REFERENCES)) {
      expected = s.filter(p -> p.getFileName().toString().matches(Pattern.quote(name) + "-\\d+\\.png")).sorted().toList();
    }
    assertEquals(expected.stream().map(p -> p.getFileName().toString()).toList(),
        actual.stream().map(p -> p.getFileName().toString()).toList(), name + ": the number of pages changed");
    List<String> changed = new ArrayList<>();
    for (int i = 0; i < actual.size(); i++) {
      double d = difference(ImageIO.read(expected.get(i).toFile()), ImageIO.read(actual.get(i).toFile()), actual.get(i));
      if (d > TOLERANCE) {
        changed.add(actual.get(i).getFileName() + String.format(" (%.2f%% of pixels)", 100 * d));
      }
    }
    if (!changed.isEmpty()) {
      fail("pages differ from src/test/resources/visual: " + changed + "; new images and diffs in target/visual/. "
          + "If the change is intended, look at them and rerun with -Dvisual.update=true");
    }
  }

  /** The fraction of differing pixels; a changed page is saved with a diff image in target/visual/. */
  static double difference(BufferedImage a, BufferedImage b, Path actual) throws IOException {
    if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
      save(actual, null);
      return 1;
    }
    BufferedImage diff = new BufferedImage(a.getWidth(), a.getHeight(), BufferedImage.TYPE_INT_RGB);
    long differing = 0;
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        int ga = grey(a, x, y);
        int gb = grey(b, x, y);
        boolean differs = Math.abs(ga - gb) > 64;
        differing += differs ? 1 : 0;
        diff.setRGB(x, y, differs ? 0xff0000 : (gb << 16 | gb << 8 | gb) | 0x404040);
      }
    }
    double fraction = (double) differing / ((long) a.getWidth() * a.getHeight());
    if (fraction > TOLERANCE) {
      save(actual, diff);
    }
    return fraction;
  }

  /** A pixel's grey level, 0–255, from a grey PNG (the references) or an RGB one (pdftoppm's). */
  static int grey(BufferedImage image, int x, int y) {
    return image.getType() == BufferedImage.TYPE_BYTE_GRAY ? image.getRaster().getSample(x, y, 0) : image.getRGB(x, y) & 0xff;
  }

  static void save(Path actual, BufferedImage diff) throws IOException {
    Path out = Path.of("target/visual");
    Files.createDirectories(out);
    Files.copy(actual, out.resolve(actual.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    if (diff != null) {
      ImageIO.write(diff, "png", out.resolve("diff-" + actual.getFileName()).toFile());
    }
  }

  // ---------------------------------------------------------------- geometry

  /** A word as pdftotext -bbox places it. */
  record Word(int page, double x, double y, String text) {}

  /** A line: the words of one page at one height, left to right. */
  record Line(int page, double y, String text) {}

  static final Pattern PAGE = Pattern.compile("<page width=\"[\\d.]+\" height=\"([\\d.]+)\">");
  static final Pattern WORD =
      Pattern.compile("<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"[\\d.]+\" yMax=\"[\\d.]+\">([^<]*)</word>");

  static List<Word> words(String name) throws Exception {
    Path html = dir.resolve(name + ".bbox.html");
    if (!Files.exists(html)) {
      RealClients.run(List.of(pdftotext.toString(), "-bbox", pdfs.get(name).toString(), html.toString()), dir);
    }
    List<Word> out = new ArrayList<>();
    int page = 0;
    for (String line : Files.readAllLines(html, StandardCharsets.UTF_8)) {
      if (PAGE.matcher(line).find()) {
        page++;
      }
      Matcher m = WORD.matcher(line);
      if (m.find()) {
        out.add(new Word(page, Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), unescape(m.group(3))));
      }
    }
    return out;
  }

  static String unescape(String s) {
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
  }

  /** Words grouped into lines (same page, tops within 3 pt), in reading order; page footers left out. */
  static List<Line> lines(String name) throws Exception {
    Map<String, List<Word>> byLine = new LinkedHashMap<>();
    List<Word> ws = new ArrayList<>(words(name));
    ws.sort(Comparator.comparingInt(Word::page).thenComparingDouble(Word::y).thenComparingDouble(Word::x));
    List<Line> out = new ArrayList<>();
    List<Word> current = new ArrayList<>();
    for (Word w : ws) {
      if (!current.isEmpty() && (current.get(0).page() != w.page() || w.y() - current.get(0).y() > 3)) {
        out.add(line(current));
        current = new ArrayList<>();
      }
      current.add(w);
    }
    if (!current.isEmpty()) {
      out.add(line(current));
    }
    return out.stream().filter(l -> !l.text().matches("-\\s*\\d+\\s*-")).toList();
  }

  static Line line(List<Word> ws) {
    List<Word> sorted = ws.stream().sorted(Comparator.comparingDouble(Word::x)).toList();
    return new Line(ws.get(0).page(), ws.get(0).y(), sorted.stream().map(Word::text).collect(Collectors.joining(" ")));
  }

  @Test
  void sevenDigitNumbersInTableThreeStayWholeOnOneLine() throws Exception {
    List<Word> ws = words("seven-digits");
    long whole = ws.stream().filter(w -> w.text().equals(SEVEN_DIGITS)).count();
    List<String> pieces = ws.stream().map(Word::text)
        .filter(t -> t.matches("\\d+") && !t.equals(SEVEN_DIGITS) && (SEVEN_DIGITS.startsWith(t) || SEVEN_DIGITS.endsWith(t)))
        .distinct().toList();
    // The document prints exactly 175 of them (25 rows × 7 columns): one split in two makes the count fall short.
    assertEquals(25 * 7, whole, "every table 三 value whole; digit groups found: " + pieces);
  }

  @Test
  void noHeadingOrCaptionEndsAPageOverTwelveProseLengths() throws Exception {
    Set<String> breaks = new HashSet<>();
    List<String> problems = new ArrayList<>();
    for (String name : pdfs.keySet()) {
      List<Line> ls = lines(name);
      int pages = ls.get(ls.size() - 1).page();
      for (int page = 1; page < pages; page++) {
        int p = page;
        Line last = ls.stream().filter(l -> l.page() == p).reduce((a, b) -> b).orElseThrow();
        if (HEADINGS.contains(last.text()) || CAPTION.matcher(last.text()).matches()) {
          problems.add(name + " page " + page + " ends with 「" + last.text() + "」");
        }
        if (name.startsWith("prose-")) {
          breaks.add(page + ":" + last.text());
        }
      }
    }
    assertEquals(List.of(), problems);
    // The prose lengths really did move the breaks: many different last lines.
    assertTrue(breaks.size() >= 2 * PROSE_LENGTHS, "page breaks barely moved: " + breaks);
  }

  @Test
  void eachTableTwoCaptionIsOnThePageOfItsFirstRow() throws Exception {
    List<String> problems = new ArrayList<>();
    for (String name : pdfs.keySet()) {
      List<Line> ls = lines(name);
      for (int i = 0; i < ls.size(); i++) {
        if (CAPTION.matcher(ls.get(i).text()).matches()) {
          // caption, then 信息内容 header, then the first data row
          assertTrue(i + 2 < ls.size(), name);
          Line header = ls.get(i + 1);
          assertTrue(header.text().startsWith("信息内容"), () -> "unexpected line after a caption: " + header);
          if (ls.get(i + 2).page() != ls.get(i).page()) {
            problems.add(name + ": 「" + ls.get(i).text() + "」 on page " + ls.get(i).page() + ", its first row on "
                + ls.get(i + 2).page());
          }
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void tableThreeIsOnOnePageWithItsHeading() throws Exception {
    for (String name : pdfs.keySet()) {
      List<Line> ls = lines(name);
      Line heading = ls.stream().filter(l -> l.text().equals(HEADINGS.get(2))).findFirst().orElseThrow();
      Line last = ls.stream().filter(l -> l.text().startsWith("四、结转下年度继续办理")).findFirst().orElseThrow();
      assertEquals(heading.page(), last.page(), name + ": table 三 runs over a page break");
    }
  }
}
