package org.docmerge.tools;

import static org.docmerge.tools.BuildAnnualTemplate2021.sum;
import static org.docmerge.tools.BuildAnnualTemplate2021.tag;
import static org.docmerge.tools.BuildAnnualTemplate2021.tbl;
import static org.docmerge.tools.BuildAnnualTemplate2021.tc;
import static org.docmerge.tools.BuildAnnualTemplate2021.tr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code templates/gov-info-annual-2019/template.docx}: the format of 国办公开办函〔2019〕60号, used for the
 * reports of 2019 and 2020. Everything but table 二 and the single 「（六）其他处理」 row of table 三 is the 2021
 * generator's (styles, layout, table 四, the six parts), so both templates look the same. Byte-stable. Usage:
 * {@code main(<output path>)}.
 */
public final class BuildAnnualTemplate2019 {
  private BuildAnnualTemplate2019() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: BuildAnnualTemplate2019 <output.docx>");
    }
    Files.write(Path.of(args[0]), build());
  }

  public static byte[] build() throws IOException {
    return BuildAnnualTemplate2021.build(BuildAnnualTemplate2021.document(table2(), BuildAnnualTemplate2021.table3(false)));
  }

  /** Table 二 of the 2019 format: five blocks; 本年增/减 is signed. */
  static String table2() {
    int[] g = BuildAnnualTemplate2021.table2Grid();
    int all = sum(g, 0, 4);
    int lastTwo = sum(g, 2, 4);
    StringBuilder rows = new StringBuilder();
    Object[][] threeColumnBlocks = {
      {"第二十条第（一）项", new String[] {"本年新制作数量", "本年新公开数量", "对外公开总数量"},
        new String[] {"made", "published", "total_public"}, new String[][] {{"rules", "规章"}, {"normative", "规范性文件"}}},
      {"第二十条第（五）项", new String[] {"上一年项目数量", "本年增/减", "处理决定数量"},
        new String[] {"prev_items", "change", "decisions"},
        new String[][] {{"license", "行政许可"}, {"other_services", "其他对外管理服务事项"}}},
      {"第二十条第（六）项", new String[] {"上一年项目数量", "本年增/减", "处理决定数量"},
        new String[] {"prev_items", "change", "decisions"}, new String[][] {{"penalty", "行政处罚"}, {"coercion", "行政强制"}}},
    };
    for (Object[] b : threeColumnBlocks) {
      String[] heads = (String[]) b[1];
      String[] ids = (String[]) b[2];
      // Each block keeps together, as in the 2021 table 二.
      rows.append(tr(false, true, tc(all, 4, null, (String) b[0])));
      rows.append(tr(false, true, tc(g[0], 1, null, "信息内容") + tc(g[1], 1, null, heads[0]) + tc(g[2], 1, null, heads[1])
          + tc(g[3], 1, null, heads[2])));
      String[][] rs = (String[][]) b[3];
      for (String[] r : rs) {
        rows.append(tr(false, r != rs[rs.length - 1], tc(g[0], 1, null, r[1]) + tc(g[1], 1, null, tag("t2." + r[0] + "." + ids[0]))
            + tc(g[2], 1, null, tag("t2." + r[0] + "." + ids[1])) + tc(g[3], 1, null, tag("t2." + r[0] + "." + ids[2]))));
      }
    }
    // Blocks （八） and （九）: two value columns, the second spanning two grid columns.
    Object[][] twoColumnBlocks = {
      {"第二十条第（八）项", "上一年项目数量", "本年增/减", "fees", "行政事业性收费", "prev_items", "change"},
      {"第二十条第（九）项", "采购项目数量", "采购总金额", "procurement", "政府集中采购", "items", "amount"},
    };
    for (Object[] b : twoColumnBlocks) {
      rows.append(tr(false, true, tc(all, 4, null, (String) b[0])));
      rows.append(tr(false, true, tc(g[0], 1, null, "信息内容") + tc(g[1], 1, null, (String) b[1])
          + tc(lastTwo, 2, null, (String) b[2])));
      rows.append(tr(false, tc(g[0], 1, null, (String) b[4]) + tc(g[1], 1, null, tag("t2." + b[3] + "." + b[5]))
          + tc(lastTwo, 2, null, tag("t2." + b[3] + "." + b[6]))));
    }
    return tbl(g, BuildAnnualTemplate2021.roomy(rows.toString()));
  }
}
