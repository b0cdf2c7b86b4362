package org.docmerge.tools;

import static org.docmerge.tools.BuildAnnualTemplate2021.p;
import static org.docmerge.tools.BuildAnnualTemplate2021.tag;
import static org.docmerge.tools.BuildAnnualTemplate2021.tbl;
import static org.docmerge.tools.BuildAnnualTemplate2021.tr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.docmerge.spec.ReportSpec;
import org.docmerge.spec.SpecReader;

/**
 * Writes {@code templates/gov-website-annual/template.docx}, 《政府网站工作年度报表》, from the kind's own
 * {@code spec.json}: every label comes from the spec, so the template cannot drift from it. Styles, fonts and page
 * come from the annual generator. Byte-stable. Usage: {@code main(<output path>)}, run from the project root.
 */
public final class BuildWebsiteTemplate {
  static final Path KIND = Path.of("templates", "gov-website-annual");
  /** The page's text width: A4 less the annual template's margins (1587 + 1474 twips). */
  static final int TEXT_WIDTH = 11906 - 1587 - 1474;
  /**
   * The value column holds at least a 32-character home-page address or a 16-character agency name on one line
   * (「http://www.example.gov.cn」, 「某某市人民政府办公室」); when the labels leave more, it takes it all.
   */
  static final int VALUE_MIN = oneLine("http://www.example-city.gov.cn/x");
  static final String LEFT = "<w:jc w:val=\"left\"/>";
  static final String CENTER = "<w:jc w:val=\"center\"/>";

  /** The yes/no fields shown at the top ({@code true}) or bottom of a block. */
  static final Map<String, List<String>> FIELDS_FIRST = Map.of(
      "办事服务", List.of("serviceCatalog"), "互动交流", List.of("unifiedPlatform"));
  static final Map<String, List<String>> FIELDS_LAST = Map.of(
      "互动交流", List.of("smartQA"), "安全防护", List.of("monitoring", "drills", "securityOfficer"));

  private BuildWebsiteTemplate() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: BuildWebsiteTemplate <output.docx>");
    }
    Files.write(Path.of(args[0]), build());
  }

  public static byte[] build() throws IOException {
    ReportSpec spec = SpecReader.load(KIND.toString()).get().spec();
    return BuildAnnualTemplate2021.build(document(spec));
  }

  /** A cell's width that holds the text on one line, margins and the line-breaking model's slack included. */
  static int oneLine(String text) {
    int w = 0;
    for (char c : text.toCharArray()) {
      w += BuildAnnualTemplate2021.charWidth(c);
    }
    return w + 2 * BuildAnnualTemplate2021.CELL_MARGIN + BuildAnnualTemplate2021.SLACK;
  }

  /**
   * The three columns (group label, label, value), computed from the spec's labels within the text width: the group
   * column holds its longest label on one line, the label columns together hold every label on one line, and the
   * value column gets the rest (at least {@link #VALUE_MIN}, the labels wrapping when they would leave less), so an
   * address or an agency name is not broken across lines.
   */
  static int[] grid(ReportSpec spec) {
    ReportSpec.Table w = spec.tables().get(0);
    int group = 0;
    int label = 0;
    int span = 0;
    for (ReportSpec.Field f : spec.fields()) {
      span = Math.max(span, oneLine(f.label()));
    }
    for (ReportSpec.Block b : w.blocks()) {
      for (ReportSpec.Line r : b.rows()) {
        if (r.label().size() == 1) {
          span = Math.max(span, oneLine(r.label().get(0)));
        } else {
          group = Math.max(group, oneLine(r.label().get(0)));
          label = Math.max(label, oneLine(r.label().get(1)));
        }
      }
    }
    span = Math.min(Math.max(span, group + label), TEXT_WIDTH - VALUE_MIN);
    return new int[] {group, span - group, TEXT_WIDTH - span};
  }

  static String cell(int width, int span, String vMerge, String text, String jc) {
    return BuildAnnualTemplate2021.tc(width, span, vMerge, text, "", jc);
  }

  static String fieldRow(ReportSpec spec, int[] grid, String id) {
    ReportSpec.Field f = spec.field(id).orElseThrow();
    return tr(false, cell(grid[0] + grid[1], 2, null, f.label(), LEFT) + cell(grid[2], 1, null, tag(id), CENTER));
  }

  static String document(ReportSpec spec) {
    int[] cols = grid(spec);
    StringBuilder body = new StringBuilder();
    body.append(p("Title", "{{agency}}"));
    body.append(p("Title", "政府网站工作年度报表（{{year}}年度）"));
    ReportSpec.Table w = spec.tables().get(0);
    for (ReportSpec.Block b : w.blocks()) {
      body.append(p("Heading1", b.caption()));
      StringBuilder rows = new StringBuilder();
      if (b.caption().equals("基本信息")) {
        for (String id : List.of("agency", "homepage", "sponsor", "siteType", "siteCode", "icp", "police")) {
          rows.append(fieldRow(spec, cols, id));
        }
      }
      FIELDS_FIRST.getOrDefault(b.caption(), List.of()).forEach(id -> rows.append(fieldRow(spec, cols, id)));
      String group = null;
      for (ReportSpec.Line r : b.rows()) {
        String value = tag(ReportSpec.cellId(w.id(), r.id(), "n") + ("money".equals(r.type()) ? "|0.0" : "|#,##0"));
        if (r.label().size() == 1) {
          group = null;
          rows.append(tr(false, cell(cols[0] + cols[1], 2, null, r.label().get(0), LEFT) + cell(cols[2], 1, null, value, CENTER)));
        } else {
          String merge = r.label().get(0).equals(group) ? "continue" : "restart";
          group = r.label().get(0);
          rows.append(tr(false, cell(cols[0], 1, merge, r.label().get(0), CENTER) + cell(cols[1], 1, null, r.label().get(1), LEFT)
              + cell(cols[2], 1, null, value, CENTER)));
        }
      }
      FIELDS_LAST.getOrDefault(b.caption(), List.of()).forEach(id -> rows.append(fieldRow(spec, cols, id)));
      body.append(tbl(cols, rows.toString()));
    }
    body.append(p("Heading1", "移动新媒体"));
    body.append(tbl(cols, fieldRow(spec, cols, "hasMobile")));
    ReportSpec.ListSheet accounts = spec.list("accounts").orElseThrow();
    int[] g = {1500, TEXT_WIDTH - 5100, 1800, 1800};
    StringBuilder rows = new StringBuilder();
    StringBuilder head = new StringBuilder();
    StringBuilder repeat = new StringBuilder();
    for (int i = 0; i < accounts.columns().size(); i++) {
      ReportSpec.ListColumn c = accounts.columns().get(i);
      head.append(cell(g[i], 1, null, c.label(), CENTER));
      String v = tag("accounts." + c.id() + (c.numeric() ? "|#,##0" : ""));
      if (i == 0) {
        v = "{{#accounts}}" + v;
      }
      if (i == accounts.columns().size() - 1) {
        v = v + "{{/accounts}}";
      }
      repeat.append(cell(g[i], 1, null, v, c.numeric() ? CENTER : LEFT));
    }
    rows.append(tr(true, head.toString())).append(tr(false, repeat.toString()));
    rows.append(tr(false, cell(g[0] + g[1], 2, null, "合计", CENTER) + cell(g[2], 1, null, "{{accountsPosts|#,##0}}", CENTER)
        + cell(g[3], 1, null, "{{accountsFollowers|#,##0}}", CENTER)));
    body.append(p("Normal", "{{?accounts}}"));
    body.append(tbl(g, rows.toString()));
    body.append(p("Normal", "{{/accounts}}"));
    body.append(p("Heading1", "创新发展"));
    body.append(p("Normal", "{{innovation}}"));
    body.append(p("Normal", "{{?published}}发布日期：{{published|yyyy年M月d日}}{{/published}}"));
    body.append("<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId3\"/>"
        + "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
        + "<w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1587\" w:header=\"851\" w:footer=\"1304\" w:gutter=\"0\"/>"
        + "<w:cols w:space=\"425\"/><w:docGrid w:type=\"lines\" w:linePitch=\"560\"/></w:sectPr>");
    return BuildAnnualTemplate2021.XML_DECL + "<w:document xmlns:w=\"" + BuildAnnualTemplate2021.W + "\" xmlns:r=\""
        + BuildAnnualTemplate2021.R + "\"><w:body>" + body + "</w:body></w:document>";
  }
}
