package org.docmerge.report.docx;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.docmerge.report.PublishedReport;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads a published .docx into the neutral {@link PublishedReport}: body paragraphs (a manual line break starts a
 * new paragraph, as readers see it) and tables with their merges, reading {@code word/document.xml} as Word and
 * WPS write it, element by element, so that every wrapper is looked through in the same way wherever it stands:
 *
 * <ul>
 *   <li>what a reader does not see is not read: deleted and moved-away text ({@code w:del}, {@code w:moveFrom}),
 *       deleted table rows, hidden text ({@code w:vanish}), field codes ({@code w:instrText}: the field's result is
 *       read), footnote marks, headers and footers (not in the body); a table of contents (a {@code TOC} field's
 *       result, a content control of the 「Table of Contents」 gallery) is navigation, not read;</li>
 *   <li>wrappers are looked through at block, row, cell and run level: inserted and moved-here text ({@code w:ins},
 *       {@code w:moveTo}), content controls ({@code w:sdt}), {@code w:customXml}, {@code w:smartTag}, {@code
 *       w:hyperlink}, {@code w:fldSimple}, {@code w:dir}, {@code w:bdo};</li>
 *   <li>text boxes are read once (of {@code mc:AlternateContent}, the {@code mc:Choice}; its {@code mc:Fallback} is
 *       the same text again), before the paragraph they are anchored in;</li>
 *   <li>tables: {@code w:gridSpan} and old Word's {@code w:hMerge} → colspan, {@code w:vMerge} restart/continue →
 *       rowspan, a row starting late ({@code w:gridBefore}) starts with a blank cell that wide so that its cells stay
 *       in their columns; a table inside a cell is a table of its own after the outer one (a one-cell frame around
 *       tables is just its content);</li>
 *   <li>a {@code w:altChunk} (a web page, text or .docx imported whole) is read in its place;</li>
 *   <li>{@code w:tab} → space, {@code w:br}/{@code w:cr} → new line, {@code w:noBreakHyphen} → 「-」, soft hyphens
 *       and symbol-font characters ({@code w:sym}, text in U+F000–F0FF) → nothing.</li>
 * </ul>
 *
 * Stateless; each call has its own walk.
 */
public final class DocxReport {
  /** WordprocessingML, transitional and strict. */
  private static final Set<String> W = Set.of("http://schemas.openxmlformats.org/wordprocessingml/2006/main",
      "http://purl.oclc.org/ooxml/wordprocessingml/main");

  private static final String MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";
  private static final String MATH = "http://schemas.openxmlformats.org/officeDocument/2006/math";
  /** Deeper than any real document nests tables, text boxes and content controls. */
  private static final int MAX_DEPTH = 60;
  private static final long MAX_XML = 200L << 20;

  private DocxReport() {}

  /** @throws IllegalArgumentException when the bytes are not a .docx with a readable main document */
  public static PublishedReport read(byte[] docx, String source) {
    return read(docx, source, chunk -> List.of());
  }

  /**
   * As {@link #read(byte[], String)}; a {@code w:altChunk} (a web page, text or another .docx imported whole, as
   * some web editors export their documents) is read in its place: a .docx chunk here, any other by {@code
   * chunks} (given its bytes; blocks back, none when it cannot be read).
   */
  public static PublishedReport read(byte[] docx, String source,
      java.util.function.Function<byte[], List<PublishedReport.Block>> chunks) {
    Map<String, byte[]> parts = parts(docx);
    Element body = body(parts.get("word/document.xml"));
    List<PublishedReport.Block> blocks = new ArrayList<>();
    Walk walk = new Walk();
    walk.chunk = id -> {
      byte[] rels = parts.get("word/_rels/document.xml.rels");
      String target = rels == null ? null : target(rels, id);
      byte[] chunk = target == null ? null : parts.get(target);
      if (chunk == null) {
        return List.of();
      }
      if (chunk.length >= 2 && chunk[0] == 'P' && chunk[1] == 'K') {
        try {
          return read(chunk, source).blocks();
        } catch (IllegalArgumentException e) {
          return List.of();
        }
      }
      return chunks.apply(chunk);
    };
    walk.blocks(body, blocks, 0);
    return new PublishedReport(source, "docx", blocks);
  }

  /** The parts of the package but its media, by name. */
  private static Map<String, byte[]> parts(byte[] docx) {
    Map<String, byte[]> parts = new HashMap<>();
    try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(docx))) {
      ZipEntry e;
      while ((e = z.getNextEntry()) != null) {
        String n = e.getName();
        if (n.startsWith("word/") && !n.startsWith("word/media/") && !n.startsWith("word/embeddings/")) {
          parts.put(n, readCapped(z));
        }
      }
    } catch (IOException | RuntimeException e) {
      if (!parts.containsKey("word/document.xml")) {
        throw new IllegalArgumentException("not a readable .docx: " + e.getMessage(), e);
      }
    }
    if (!parts.containsKey("word/document.xml")) {
      throw new IllegalArgumentException("the .docx has no word/document.xml");
    }
    return parts;
  }

  /** The part a relationship of the main document points to, as a name in the package. */
  private static String target(byte[] rels, String id) {
    Document d;
    try {
      d = parse(rels);
    } catch (IllegalArgumentException e) {
      return null;
    }
    for (Element r : kids(d.getDocumentElement())) {
      if (id.equals(r.getAttribute("Id")) && !"External".equalsIgnoreCase(r.getAttribute("TargetMode"))) {
        String t = r.getAttribute("Target");
        String path = t.startsWith("/") ? t.substring(1) : "word/" + t;
        return java.net.URI.create("x:/" + path.replace(" ", "%20")).normalize().getPath().substring(1)
            .replace("%20", " ");
      }
    }
    return null;
  }

  /** The {@code w:body} of {@code word/document.xml}, parsed without DTDs or external entities. */
  static Element body(byte[] xml) {
    Document doc = parse(xml);
    for (Node n = doc.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element el && is(el, "body")) {
        return el;
      }
    }
    throw new IllegalArgumentException("the .docx has no body");
  }

  private static Document parse(byte[] xml) {
    Document doc;
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      var builder = f.newDocumentBuilder();
      builder.setErrorHandler(null);
      doc = builder.parse(new ByteArrayInputStream(xml));
    } catch (Exception e) {
      throw new IllegalArgumentException("not readable XML: " + e.getMessage(), e);
    }
    return doc;
  }

  private static byte[] readCapped(InputStream in) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    byte[] buf = new byte[65536];
    int n;
    while ((n = in.read(buf)) > 0) {
      out.write(buf, 0, n);
      if (out.size() > MAX_XML) {
        throw new IOException("word/document.xml is over " + (MAX_XML >> 20) + " MB");
      }
    }
    return out.toByteArray();
  }

  static boolean is(Element e, String local) {
    return W.contains(e.getNamespaceURI()) && local.equals(e.getLocalName());
  }

  static boolean isW(Element e) {
    return W.contains(e.getNamespaceURI());
  }

  static List<Element> kids(Element e) {
    List<Element> out = new ArrayList<>();
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c) {
        out.add(c);
      }
    }
    return out;
  }

  static Element kid(Element e, String local) {
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c && is(c, local)) {
        return c;
      }
    }
    return null;
  }

  static String val(Element e) {
    if (e == null) {
      return null;
    }
    for (String ns : W) {
      if (e.hasAttributeNS(ns, "val")) {
        return e.getAttributeNS(ns, "val");
      }
    }
    return e.hasAttribute("w:val") ? e.getAttribute("w:val") : null;
  }

  /** An on/off property: present and not switched off. */
  static boolean on(Element e) {
    if (e == null) {
      return false;
    }
    String v = val(e);
    return v == null || !(v.equals("0") || v.equals("false") || v.equals("off"));
  }

  static int intVal(Element e, int otherwise) {
    String v = val(e);
    if (v == null) {
      return otherwise;
    }
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException x) {
      return otherwise;
    }
  }

  /** Of an {@code mc:AlternateContent}, the one branch read: the first Choice, else the Fallback. */
  static Element branch(Element ac) {
    Element fallback = null;
    for (Element c : kids(ac)) {
      if (MC.equals(c.getNamespaceURI()) && "Choice".equals(c.getLocalName())) {
        return c;
      }
      if (MC.equals(c.getNamespaceURI()) && "Fallback".equals(c.getLocalName())) {
        fallback = c;
      }
    }
    return fallback;
  }

  static boolean isAlternate(Element e) {
    return MC.equals(e.getNamespaceURI()) && "AlternateContent".equals(e.getLocalName());
  }

  /** A content control holding Word's table of contents (「目录」): navigation, not content. */
  static boolean contents(Element sdt) {
    Element pr = kid(sdt, "sdtPr");
    Element part = pr == null ? null : kid(pr, "docPartObj");
    Element gallery = part == null ? null : kid(part, "docPartGallery");
    return gallery != null && "Table of Contents".equalsIgnoreCase(String.valueOf(val(gallery)).strip());
  }

  private static final class MutableCell {
    final StringBuilder text = new StringBuilder();
    int colspan;
    int rowspan = 1;

    MutableCell(int colspan) {
      this.colspan = colspan;
    }
  }

  /** One walk over a body: the state of complex fields runs across paragraphs. */
  private static final class Walk {
    /** The open complex fields. */
    private final org.docmerge.report.Fields fields = new org.docmerge.report.Fields();
    /** An altChunk's blocks by its relationship id. */
    java.util.function.Function<String, List<PublishedReport.Block>> chunk = id -> List.of();

    private boolean inCode() {
      return fields.hidden();
    }

    /** Block content (body, cell, text box, content control): paragraphs and tables in reading order. */
    void blocks(Element parent, List<PublishedReport.Block> out, int depth) {
      if (depth > MAX_DEPTH) {
        return;
      }
      for (Element e : kids(parent)) {
        if (isAlternate(e)) {
          Element b = branch(e);
          if (b != null) {
            blocks(b, out, depth + 1);
          }
        } else if (!isW(e)) {
          continue;
        } else if (is(e, "p")) {
          paragraph(e, out, depth);
        } else if (is(e, "tbl")) {
          table(e, out, depth);
        } else if (is(e, "sdt")) {
          Element c = kid(e, "sdtContent");
          if (c != null && !contents(e)) {
            blocks(c, out, depth + 1);
          }
        } else if (is(e, "customXml") || is(e, "ins") || is(e, "moveTo")) {
          blocks(e, out, depth + 1);
        } else if (is(e, "altChunk")) {
          String id = e.getAttributeNS("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "id");
          if (!id.isEmpty()) {
            out.addAll(chunk.apply(id));
          }
        }
      }
    }

    void paragraph(Element p, List<PublishedReport.Block> out, int depth) {
      StringBuilder sb = new StringBuilder();
      List<PublishedReport.Block> boxes = new ArrayList<>();
      inline(p, sb, boxes, depth);
      // a field code never runs past its paragraph: a field left open (a damaged document) hides no more text
      fields.paragraphEnd();
      out.addAll(boxes);
      for (String line : sb.toString().split("\n")) {
        String s = line.strip();
        if (!s.isEmpty() && !org.docmerge.report.Fields.contentsHeading(s)) {
          out.add(new PublishedReport.Paragraph(s));
        }
      }
    }

    /** Inline content: the visible text into {@code sb}; text boxes met on the way into {@code boxes}. */
    void inline(Element parent, StringBuilder sb, List<PublishedReport.Block> boxes, int depth) {
      if (depth > MAX_DEPTH) {
        return;
      }
      for (Element e : kids(parent)) {
        if (isAlternate(e)) {
          Element b = branch(e);
          if (b != null) {
            inline(b, sb, boxes, depth + 1);
          }
          continue;
        }
        if (MATH.equals(e.getNamespaceURI())) {
          if ("t".equals(e.getLocalName())) {
            if (!inCode()) {
              sb.append(e.getTextContent());
            }
          } else {
            inline(e, sb, boxes, depth + 1);
          }
          continue;
        }
        if (!isW(e)) {
          // DrawingML and VML around a text box: look for its w:txbxContent
          textBoxes(e, boxes, depth + 1);
          continue;
        }
        switch (e.getLocalName()) {
          case "r" -> run(e, sb, boxes, depth);
          case "del", "moveFrom" -> fieldCharsOnly(e);
          case "ins", "moveTo", "smartTag", "customXml", "hyperlink", "fldSimple", "dir", "bdo" ->
              inline(e, sb, boxes, depth + 1);
          case "sdt" -> {
            Element c = kid(e, "sdtContent");
            if (c != null) {
              inline(c, sb, boxes, depth + 1);
            }
          }
          case "ruby" -> {
            Element base = kid(e, "rubyBase"); // the text; its phonetic guide (w:rt) is not
            if (base != null) {
              inline(base, sb, boxes, depth + 1);
            }
          }
          default -> { } // pPr, bookmarks, proofing marks, comments, permissions
        }
      }
    }

    /** Deleted content shows no text, but a field it ends or begins still counts. */
    void fieldCharsOnly(Element e) {
      for (Element c : kids(e)) {
        if (is(c, "r")) {
          for (Element k : kids(c)) {
            if (is(k, "fldChar")) {
              fieldChar(k);
            }
          }
        }
      }
    }

    void fieldChar(Element k) {
      fieldChar(k, null);
    }

    /** A field mark; a field ending without a result that still shows text (a phonetic guide) adds it to {@code sb}. */
    void fieldChar(Element k, StringBuilder sb) {
      String type = null;
      for (String ns : W) {
        if (k.hasAttributeNS(ns, "fldCharType")) {
          type = k.getAttributeNS(ns, "fldCharType");
        }
      }
      if ("begin".equals(type)) {
        fields.begin();
      } else if ("separate".equals(type)) {
        fields.separate();
      } else if ("end".equals(type)) {
        String shown = fields.end();
        if (sb != null) {
          sb.append(shown);
        }
      }
    }

    void run(Element r, StringBuilder sb, List<PublishedReport.Block> boxes, int depth) {
      Element rPr = kid(r, "rPr");
      boolean hidden = rPr != null && (on(kid(rPr, "vanish")) || on(kid(rPr, "specVanish")));
      for (Element k : kids(r)) {
        if (isAlternate(k)) {
          Element b = branch(k);
          if (b != null) {
            textBoxes(b, boxes, depth + 1);
          }
          continue;
        }
        if (!isW(k)) {
          continue;
        }
        String local = k.getLocalName();
        if (local.equals("fldChar")) {
          fieldChar(k, hidden ? null : sb);
          continue;
        }
        if (local.equals("instrText")) {
          fields.code(k.getTextContent());
          continue;
        }
        if (local.equals("drawing") || local.equals("pict") || local.equals("object")) {
          if (!hidden) {
            textBoxes(k, boxes, depth + 1);
          }
          continue;
        }
        if (hidden || inCode()) {
          continue;
        }
        switch (local) {
          case "t" -> k.getTextContent().chars().filter(ch -> ch < 0xF000 || ch > 0xF0FF)
              .forEach(ch -> sb.append((char) ch)); // symbol-font glyphs (✓ in Wingdings) are no text
          case "tab", "ptab" -> sb.append(' ');
          case "br", "cr" -> sb.append('\n');
          case "noBreakHyphen" -> sb.append('-');
          case "sym" -> {
            String c = null;
            for (String ns : W) {
              if (k.hasAttributeNS(ns, "char")) {
                c = k.getAttributeNS(ns, "char");
              }
            }
            try {
              int code = c == null ? 0 : Integer.parseInt(c, 16);
              if (code >= 0x20 && code < 0xE000 && !Character.isSurrogate((char) code)) {
                sb.append((char) code); // a real character; symbol-font codes (F0xx) have none
              }
            } catch (NumberFormatException x) {
              // not a character
            }
          }
          default -> { } // instrText, delText, softHyphen, footnote marks, page numbers' placeholders
        }
      }
    }

    /** The {@code w:txbxContent} anywhere inside a drawing or VML shape, each as blocks. */
    void textBoxes(Element e, List<PublishedReport.Block> boxes, int depth) {
      if (depth > MAX_DEPTH) {
        return;
      }
      for (Element k : kids(e)) {
        if (is(k, "txbxContent")) {
          blocks(k, boxes, depth + 1);
        } else if (isAlternate(k)) {
          Element b = branch(k);
          if (b != null) {
            textBoxes(b, boxes, depth + 1);
          }
        } else {
          textBoxes(k, boxes, depth + 1);
        }
      }
    }

    /** The {@code w:tr} (or {@code w:tc}) children of a table (or row), looking through content controls and custom XML. */
    void children(Element parent, String tag, List<Element> out, int depth) {
      for (Element e : kids(parent)) {
        if (is(e, tag)) {
          out.add(e);
        } else if (depth < MAX_DEPTH && is(e, "sdt") && kid(e, "sdtContent") != null) {
          children(kid(e, "sdtContent"), tag, out, depth + 1);
        } else if (depth < MAX_DEPTH && is(e, "customXml")) {
          children(e, tag, out, depth + 1);
        }
      }
    }

    void table(Element tbl, List<PublishedReport.Block> out, int depth) {
      if (depth > MAX_DEPTH) {
        return;
      }
      List<Element> trs = new ArrayList<>();
      children(tbl, "tr", trs, 0);
      List<List<MutableCell>> rows = new ArrayList<>();
      List<PublishedReport.Block> inner = new ArrayList<>();
      Map<Integer, MutableCell> openMerges = new HashMap<>();
      for (Element tr : trs) {
        Element trPr = kid(tr, "trPr");
        if (trPr != null && (kid(trPr, "del") != null)) {
          continue; // a deleted row
        }
        List<MutableCell> row = new ArrayList<>();
        int col = 0;
        int before = trPr == null ? 0 : Math.max(0, intVal(kid(trPr, "gridBefore"), 0));
        if (before > 0) {
          MutableCell lead = new MutableCell(Math.min(before, 64));
          row.add(lead);
          col += lead.colspan;
        }
        List<Element> tcs = new ArrayList<>();
        children(tr, "tc", tcs, 0);
        MutableCell hOpen = null;
        boolean hSkip = false;
        for (Element tc : tcs) {
          Element pr = kid(tc, "tcPr");
          int span = pr == null ? 1 : Math.min(64, Math.max(1, intVal(kid(pr, "gridSpan"), 1)));
          Element h = pr == null ? null : kid(pr, "hMerge");
          Element v = pr == null ? null : kid(pr, "vMerge");
          String vmerge = v == null ? null : val(v) == null ? "continue" : val(v);
          boolean hContinue = h != null && !"restart".equals(val(h));
          if (hContinue && hOpen != null) {
            hOpen.colspan += span; // old Word's horizontal merge: this cell is part of the one on its left
            col += span;
            continue;
          }
          if (hContinue && hSkip) {
            col += span; // part of a merged cell that goes on from the row above
            continue;
          }
          hOpen = null;
          hSkip = false;
          if ("continue".equals(vmerge) && openMerges.containsKey(col)) {
            openMerges.get(col).rowspan++;
            hSkip = h != null;
            col += span;
            continue;
          }
          MutableCell c = new MutableCell(span);
          cellText(tc, c.text, inner, depth + 1);
          row.add(c);
          hOpen = h != null ? c : null;
          int start = col;
          col += span;
          if ("restart".equals(vmerge)) {
            openMerges.put(start, c);
          } else {
            openMerges.remove(start);
          }
        }
        rows.add(row);
      }
      List<List<PublishedReport.Cell>> cells = new ArrayList<>();
      for (List<MutableCell> r : rows) {
        cells.add(r.stream().map(c -> new PublishedReport.Cell(c.text.toString(), c.colspan, c.rowspan)).toList());
      }
      PublishedReport.addWordTable(cells, inner, out); // a one-cell frame around tables: its text and tables
    }

    /** A cell's lines: its paragraphs' text; tables inside it (and text boxes) go to {@code inner}. */
    void cellText(Element tc, StringBuilder sb, List<PublishedReport.Block> inner, int depth) {
      List<PublishedReport.Block> blocks = new ArrayList<>();
      blocks(tc, blocks, depth);
      sb.append(PublishedReport.cellLines(blocks, inner));
    }
  }
}
