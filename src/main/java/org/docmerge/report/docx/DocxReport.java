package org.docmerge.report.docx;

import jakarta.xml.bind.JAXBElement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.docmerge.report.PublishedReport;
import org.docx4j.wml.ContentAccessor;
import org.docx4j.wml.P;
import org.docx4j.wml.Tbl;
import org.docx4j.wml.Tc;
import org.docx4j.wml.TcPr;
import org.docx4j.wml.Tr;

/**
 * Reads a published .docx into the neutral {@link PublishedReport}: body paragraphs (a manual line break starts a
 * new paragraph, as readers see it) and tables with their merges ({@code w:gridSpan} → colspan, {@code w:vMerge}
 * restart/continue → rowspan). Field codes and deleted text are skipped, as in {@link DocxText}. Stateless.
 */
public final class DocxReport {
  private DocxReport() {}

  /** @throws IllegalArgumentException when docx4j cannot load the bytes */
  public static PublishedReport read(byte[] docx, String source) {
    List<PublishedReport.Block> blocks = new ArrayList<>();
    body(VisibleText.body(docx).getContent(), blocks);
    return new PublishedReport(source, "docx", blocks);
  }

  private static void body(List<Object> content, List<PublishedReport.Block> blocks) {
    for (Object o : content) {
      Object v = o instanceof JAXBElement<?> el ? el.getValue() : o;
      if (v instanceof P p) {
        for (String line : text(p).split("\n")) {
          String s = line.strip();
          if (!s.isEmpty()) {
            blocks.add(new PublishedReport.Paragraph(s));
          }
        }
      } else if (v instanceof Tbl t) {
        blocks.add(table(t));
      } else if (v instanceof ContentAccessor ca) {
        body(ca.getContent(), blocks); // content controls and the like
      }
    }
  }

  /** A paragraph's visible text; {@code w:br} → {@code \n}, {@code w:tab} → space. */
  static String text(Object o) {
    StringBuilder sb = new StringBuilder();
    VisibleText.append(o, sb, ' ');
    return sb.toString();
  }

  private static final class MutableCell {
    final String text;
    final int colspan;
    int rowspan = 1;

    MutableCell(String text, int colspan) {
      this.text = text;
      this.colspan = colspan;
    }
  }

  private static PublishedReport.Table table(Tbl tbl) {
    List<List<MutableCell>> rows = new ArrayList<>();
    Map<Integer, MutableCell> openMerges = new HashMap<>();
    for (Object ro : tbl.getContent()) {
      Object rv = ro instanceof JAXBElement<?> el ? el.getValue() : ro;
      if (!(rv instanceof Tr tr)) {
        continue;
      }
      List<MutableCell> row = new ArrayList<>();
      int col = 0;
      for (Object co : tr.getContent()) {
        Object cv = co instanceof JAXBElement<?> el ? el.getValue() : co;
        if (!(cv instanceof Tc tc)) {
          continue;
        }
        TcPr pr = tc.getTcPr();
        int span = pr != null && pr.getGridSpan() != null && pr.getGridSpan().getVal() != null
            ? Math.max(1, pr.getGridSpan().getVal().intValue()) : 1;
        String vmerge = null;
        if (pr != null && pr.getVMerge() != null) {
          vmerge = pr.getVMerge().getVal() == null ? "continue" : pr.getVMerge().getVal();
        }
        if ("continue".equals(vmerge) && openMerges.containsKey(col)) {
          openMerges.get(col).rowspan++;
        } else {
          MutableCell c = new MutableCell(cellText(tc), span);
          row.add(c);
          if ("restart".equals(vmerge)) {
            openMerges.put(col, c);
          } else {
            openMerges.remove(col);
          }
        }
        col += span;
      }
      rows.add(row);
    }
    List<List<PublishedReport.Cell>> out = new ArrayList<>();
    for (List<MutableCell> r : rows) {
      out.add(r.stream().map(c -> new PublishedReport.Cell(c.text, c.colspan, c.rowspan)).toList());
    }
    return new PublishedReport.Table(out, true);
  }

  private static String cellText(Tc tc) {
    List<String> lines = new ArrayList<>();
    for (Object o : tc.getContent()) {
      for (String line : text(o).split("\n")) {
        if (!line.isBlank()) {
          lines.add(line.strip());
        }
      }
    }
    return String.join("\n", lines);
  }
}
