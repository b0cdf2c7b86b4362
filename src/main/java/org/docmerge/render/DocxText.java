package org.docmerge.render;

import jakarta.xml.bind.JAXBElement;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.docx4j.wml.Br;
import org.docx4j.wml.ContentAccessor;
import org.docx4j.wml.P;
import org.docx4j.wml.R;
import org.docx4j.wml.Text;

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
    WordprocessingMLPackage pkg;
    try {
      pkg = WordprocessingMLPackage.load(new ByteArrayInputStream(docx));
    } catch (Exception e) {
      throw new IllegalArgumentException("not a readable .docx: " + e.getMessage(), e);
    }
    var doc = pkg.getMainDocumentPart().getJaxbElement();
    if (doc == null || doc.getBody() == null) {
      throw new IllegalArgumentException("the .docx has no readable body");
    }
    StringBuilder sb = new StringBuilder();
    for (Object o : doc.getBody().getContent()) {
      visit(o, sb);
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

  private static void visit(Object o, StringBuilder sb) {
    if (o instanceof JAXBElement<?> el) {
      String local = el.getName().getLocalPart();
      // instrText (field codes) and delText (tracked deletions) hold Text too, but are not visible.
      if (local.equals("instrText") || local.equals("delText") || local.equals("delInstrText")) {
        return;
      }
      visit(el.getValue(), sb);
    } else if (o instanceof Text t) {
      sb.append(t.getValue());
    } else if (o instanceof Br) {
      sb.append('\n');
    } else if (o instanceof R.Tab) {
      sb.append('\t');
    } else if (o instanceof P p) {
      for (Object c : p.getContent()) {
        visit(c, sb);
      }
      sb.append('\n');
    } else if (o instanceof ContentAccessor ca) {
      for (Object c : ca.getContent()) {
        visit(c, sb);
      }
    }
  }
}
