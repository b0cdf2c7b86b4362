package org.docmerge.report.docx;

import java.util.ArrayList;
import java.util.List;

/**
 * The visible text of a .docx body in reading order, as lines: each paragraph's text ({@code w:br} → new line,
 * {@code w:tab} → tab), table cells row by row with each cell's paragraphs, then split on new lines, trimmed,
 * blank lines dropped. Field instructions and deleted text are not visible, so they are skipped. Headers,
 * footers and text boxes are not part of the body. Stateless; thread-safe.
 */
public final class DocxText {
  private DocxText() {}

  /**
   * The lines of the main document body.
   *
   * @throws IllegalArgumentException when docx4j cannot load the bytes
   */
  public static List<String> lines(byte[] docx) {
    StringBuilder sb = new StringBuilder();
    for (Object o : VisibleText.body(docx).getContent()) {
      VisibleText.append(o, sb, '\t');
    }
    List<String> out = new ArrayList<>();
    for (String line : sb.toString().split("\n")) {
      String s = line.strip();
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }
}
