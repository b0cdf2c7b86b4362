package org.docmerge.report.docx;

import jakarta.xml.bind.JAXBElement;
import java.io.ByteArrayInputStream;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.docx4j.wml.Body;
import org.docx4j.wml.Br;
import org.docx4j.wml.ContentAccessor;
import org.docx4j.wml.P;
import org.docx4j.wml.R;
import org.docx4j.wml.Text;

/**
 * The text a reader sees in part of a WordprocessingML tree: text runs, {@code w:br} as a new line, each
 * paragraph ending in a new line, {@code w:tab} as the given character. Field instructions and tracked
 * deletions hold text too but are not visible, so they are skipped. Used by {@link DocxText} (our own rendered
 * documents, for the golden tests); published reports, as Word and WPS write them, are read by {@link DocxReport}.
 * Stateless; thread-safe.
 */
final class VisibleText {
  private VisibleText() {}

  /**
   * The main document body of a .docx, loaded with docx4j.
   *
   * @throws IllegalArgumentException when docx4j cannot load the bytes or the body is missing
   */
  static Body body(byte[] docx) {
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
    return doc.getBody();
  }

  static void append(Object o, StringBuilder sb, char tab) {
    if (o instanceof JAXBElement<?> el) {
      String local = el.getName().getLocalPart();
      if (local.equals("instrText") || local.equals("delText") || local.equals("delInstrText")) {
        return;
      }
      append(el.getValue(), sb, tab);
    } else if (o instanceof Text t) {
      sb.append(t.getValue());
    } else if (o instanceof Br) {
      sb.append('\n');
    } else if (o instanceof R.Tab) {
      sb.append(tab);
    } else if (o instanceof P p) {
      for (Object c : p.getContent()) {
        append(c, sb, tab);
      }
      sb.append('\n');
    } else if (o instanceof ContentAccessor ca) {
      for (Object c : ca.getContent()) {
        append(c, sb, tab);
      }
    }
  }
}
