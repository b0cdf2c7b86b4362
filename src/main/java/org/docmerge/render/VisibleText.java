package org.docmerge.render;

import jakarta.xml.bind.JAXBElement;
import org.docx4j.wml.Br;
import org.docx4j.wml.ContentAccessor;
import org.docx4j.wml.P;
import org.docx4j.wml.R;
import org.docx4j.wml.Text;

/**
 * The text a reader sees in part of a WordprocessingML tree: text runs, {@code w:br} as a new line, each
 * paragraph ending in a new line, {@code w:tab} as the given character. Field instructions and tracked
 * deletions hold text too but are not visible, so they are skipped. Shared by {@link DocxText} and
 * {@link DocxReport} so both read a document the same way. Stateless; thread-safe.
 */
final class VisibleText {
  private VisibleText() {}

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
