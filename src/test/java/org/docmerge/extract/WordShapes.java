package org.docmerge.extract;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The ways Word and WPS really write a report's body, applied to a plain .docx (ours, or a real report's values
 * rendered in the official layout) without changing what a reader sees: tracked changes, content controls, text
 * boxes in {@code mc:AlternateContent}, hidden text, fields, smart tags, custom XML, old horizontal merges, rows
 * that start late or end early, repeated header rows and tables split by a page break, nested tables, symbols,
 * tabs, breaks and hyphens. Each shape is a change of {@code word/document.xml}; test code only.
 */
final class WordShapes {
  static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  static final String MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";
  static final String WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape";
  static final String WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
  static final String A = "http://schemas.openxmlformats.org/drawingml/2006/main";
  static final String V = "urn:schemas-microsoft-com:vml";

  private WordShapes() {}

  /** One way of writing: a name and the change it makes. */
  record Shape(String name, Consumer<Document> change) {}

  static final List<Shape> SHAPES = List.of(
      new Shape("runs split letter by letter with proofing marks and bookmarks", WordShapes::splitRuns),
      new Shape("tracked changes (w:ins read, w:del and a deleted row not)", WordShapes::tracked),
      new Shape("moved text (w:moveFrom not read, w:moveTo read)", WordShapes::moved),
      new Shape("hidden text (w:vanish)", WordShapes::hidden),
      new Shape("fields (complex fields: code not read, result read)", WordShapes::fields),
      new Shape("simple fields (w:fldSimple: its result read)", WordShapes::simpleFields),
      new Shape("content controls (block, row, cell, run)", WordShapes::contentControls),
      new Shape("smart tags and custom XML (block, row, cell, run)", WordShapes::smartTags),
      new Shape("w:dir and w:bdo", WordShapes::bidi),
      new Shape("title in a text box (mc:AlternateContent Choice and Fallback)", WordShapes::titleInTextBox),
      new Shape("old horizontal merges (w:hMerge) next to w:gridSpan", WordShapes::hMerge),
      new Shape("rows starting late, ending early (w:gridBefore, w:gridAfter)", WordShapes::gridBeforeAfter),
      new Shape("rows starting under a merged cell (w:gridBefore for a removed w:vMerge)", WordShapes::startLate),
      new Shape("header rows repeated, tables split by a page break", d -> splitTables(d, false)),
      new Shape("tables split by a page break, header rows copied above the second part", d -> splitTables(d, true)),
      new Shape("tables inside a frame table (nested)", WordShapes::nested),
      new Shape("a small table inside a label cell (nested)", WordShapes::tableInCell),
      new Shape("symbols, tabs, breaks, soft and no-break hyphens", WordShapes::marks),
      new Shape("a phonetic guide (w:ruby)", WordShapes::phonetic),
      new Shape("a table of contents (TOC field in a w:sdt) before the body", WordShapes::contents));

  // --- the document ------------------------------------------------------------------------------------------

  static byte[] apply(byte[] docx, Consumer<Document> change) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx));
          ZipOutputStream z = new ZipOutputStream(out)) {
        ZipEntry e;
        while ((e = in.getNextEntry()) != null) {
          byte[] b = in.readAllBytes();
          if (e.getName().equals("word/document.xml")) {
            Document d = parse(b);
            change.accept(d);
            b = serialize(d);
          }
          z.putNextEntry(new ZipEntry(e.getName()));
          z.write(b);
          z.closeEntry();
        }
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Document parse(byte[] xml) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] serialize(Document d) {
    try {
      var t = TransformerFactory.newInstance().newTransformer();
      t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      t.transform(new DOMSource(d), new StreamResult(out));
      return out.toByteArray();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Element> all(Node in, String local) {
    List<Element> out = new ArrayList<>();
    var list = in instanceof Document d ? d.getElementsByTagNameNS(W, local) : ((Element) in).getElementsByTagNameNS(W, local);
    for (int i = 0; i < list.getLength(); i++) {
      out.add((Element) list.item(i));
    }
    return out;
  }

  static List<Element> children(Element e, String local) {
    List<Element> out = new ArrayList<>();
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c && W.equals(c.getNamespaceURI()) && c.getLocalName().equals(local)) {
        out.add(c);
      }
    }
    return out;
  }

  static Element w(Document d, String local, String... attrs) {
    Element e = d.createElementNS(W, "w:" + local);
    for (int i = 0; i + 1 < attrs.length; i += 2) {
      e.setAttributeNS(W, "w:" + attrs[i], attrs[i + 1]);
    }
    return e;
  }

  static Element run(Document d, String textElement, String text) {
    Element r = w(d, "r");
    Element t = w(d, textElement);
    t.setAttributeNS("http://www.w3.org/XML/1998/namespace", "xml:space", "preserve");
    t.setTextContent(text);
    r.appendChild(t);
    return r;
  }

  static Element wrap(Element target, Element wrapper) {
    target.getParentNode().replaceChild(wrapper, target);
    wrapper.appendChild(target);
    return wrapper;
  }

  /** The runs whose text is all digits (the table's numbers). */
  static List<Element> numberRuns(Document d) {
    return all(d, "r").stream().filter(r -> text(r).strip().matches("\\d+")).toList();
  }

  /** The runs with text that are not in a table. */
  static List<Element> bodyRuns(Document d) {
    return all(d, "r").stream().filter(r -> !text(r).isEmpty() && !inTable(r)).toList();
  }

  static boolean inTable(Node n) {
    for (Node p = n.getParentNode(); p != null; p = p.getParentNode()) {
      if (p instanceof Element e && e.getLocalName().equals("tc")) {
        return true;
      }
    }
    return false;
  }

  static String text(Element r) {
    StringBuilder sb = new StringBuilder();
    children(r, "t").forEach(t -> sb.append(t.getTextContent()));
    return sb.toString();
  }

  static int ids = 9000;

  static String id() {
    return Integer.toString(ids++);
  }

  // --- the shapes --------------------------------------------------------------------------------------------

  static void splitRuns(Document d) {
    for (Element r : all(d, "r")) {
      String s = text(r);
      if (s.length() < 2 || children(r, "t").size() != 1) {
        continue;
      }
      Node parent = r.getParentNode();
      for (int i = 0; i < s.length(); i++) {
        Element piece = run(d, "t", s.substring(i, i + 1));
        piece.setAttributeNS(W, "w:rsidR", "00A1B2C" + (i % 10));
        if (i == 1) {
          parent.insertBefore(w(d, "proofErr", "type", "spellStart"), r);
          parent.insertBefore(w(d, "bookmarkStart", "id", id(), "name", "_GoBack"), r);
        }
        parent.insertBefore(piece, r);
        if (i == 1) {
          parent.insertBefore(w(d, "proofErr", "type", "spellEnd"), r);
          parent.insertBefore(w(d, "bookmarkEnd", "id", Integer.toString(ids - 1)), r);
        }
      }
      parent.removeChild(r);
    }
  }

  static Element del(Document d, String kind) {
    return w(d, kind, "id", id(), "author", "办公室", "date", "2022-01-20T10:00:00Z");
  }

  static void tracked(Document d) {
    for (Element r : numberRuns(d)) {
      Element dl = del(d, "del");
      dl.appendChild(run(d, "delText", "9" + text(r).strip()));
      r.getParentNode().insertBefore(dl, r);
      wrap(r, del(d, "ins"));
    }
    for (Element r : bodyRuns(d)) {
      Element dl = del(d, "del");
      dl.appendChild(run(d, "delText", "2019年度 "));
      r.getParentNode().insertBefore(dl, r);
    }
    // a paragraph deleted whole (its mark too) before the title
    Element body = all(d, "body").get(0);
    Element p = w(d, "p");
    Element ppr = w(d, "pPr");
    Element rpr = w(d, "rPr");
    rpr.appendChild(del(d, "del"));
    ppr.appendChild(rpr);
    p.appendChild(ppr);
    Element dl = del(d, "del");
    dl.appendChild(run(d, "delText", "2018年政府信息公开工作年度报告"));
    p.appendChild(dl);
    body.insertBefore(p, body.getFirstChild());
    // a deleted row in each table: a copy of its last row, every text deleted
    for (Element tbl : all(d, "tbl")) {
      List<Element> rows = children(tbl, "tr");
      Element copy = (Element) rows.get(rows.size() - 1).cloneNode(true);
      Element trPr = children(copy, "trPr").isEmpty() ? w(d, "trPr") : children(copy, "trPr").get(0);
      trPr.appendChild(del(d, "del"));
      if (trPr.getParentNode() == null) {
        copy.insertBefore(trPr, copy.getFirstChild());
      }
      for (Element r : all(copy, "r")) {
        String s = text(r);
        children(r, "t").forEach(r::removeChild);
        r.appendChild(run(d, "delText", s.matches("\\d+") ? "7" + s : s).getFirstChild());
        wrap(r, del(d, "del"));
      }
      tbl.appendChild(copy);
    }
  }

  static void moved(Document d) {
    for (Element r : numberRuns(d)) {
      String name = "move" + id();
      Node parent = r.getParentNode();
      parent.insertBefore(w(d, "moveFromRangeStart", "id", id(), "name", name, "author", "办公室"), r);
      Element from = del(d, "moveFrom");
      from.appendChild(run(d, "t", "6" + text(r).strip()));
      parent.insertBefore(from, r);
      parent.insertBefore(w(d, "moveFromRangeEnd", "id", Integer.toString(ids - 2)), r);
      parent.insertBefore(w(d, "moveToRangeStart", "id", id(), "name", name, "author", "办公室"), r);
      Element to = del(d, "moveTo");
      wrap(r, to);
      parent.insertBefore(w(d, "moveToRangeEnd", "id", Integer.toString(ids - 2)), to.getNextSibling());
    }
  }

  static Element hiddenRun(Document d, String text) {
    Element r = run(d, "t", text);
    Element rpr = w(d, "rPr");
    rpr.appendChild(w(d, "vanish"));
    r.insertBefore(rpr, r.getFirstChild());
    return r;
  }

  static void hidden(Document d) {
    for (Element r : numberRuns(d)) {
      r.getParentNode().insertBefore(hiddenRun(d, "8"), r);
    }
    for (Element r : bodyRuns(d)) {
      r.getParentNode().insertBefore(hiddenRun(d, "（隐藏的批注）"), r);
    }
    Element body = all(d, "body").get(0);
    Element p = w(d, "p");
    p.appendChild(hiddenRun(d, "2018年政府信息公开工作年度报告"));
    body.insertBefore(p, body.getFirstChild());
  }

  static Element fldChar(Document d, String type) {
    Element r = w(d, "r");
    r.appendChild(w(d, "fldChar", "fldCharType", type));
    return r;
  }

  static void fields(Document d) {
    for (Element r : numberRuns(d)) {
      Node parent = r.getParentNode();
      parent.insertBefore(fldChar(d, "begin"), r);
      parent.insertBefore(run(d, "instrText", " =SUM(LEFT) 12 \\* MERGEFORMAT "), r);
      parent.insertBefore(fldChar(d, "separate"), r);
      parent.insertBefore(fldChar(d, "end"), r.getNextSibling());
    }
  }

  /** LibreOffice evaluates a DOCPROPERTY field again when it saves, so this one is not saved as .doc. */
  static void simpleFields(Document d) {
    for (Element r : bodyRuns(d)) {
      Element f = w(d, "fldSimple", "instr", " DOCPROPERTY  Title  \\* MERGEFORMAT ");
      wrap(r, f);
    }
  }

  static Element sdt(Document d, Element content) {
    Element sdt = w(d, "sdt");
    Element pr = w(d, "sdtPr");
    pr.appendChild(w(d, "alias", "val", "填报内容"));
    pr.appendChild(w(d, "tag", "val", "t" + id()));
    pr.appendChild(w(d, "id", "val", id()));
    sdt.appendChild(pr);
    sdt.appendChild(w(d, "sdtEndPr"));
    Element c = w(d, "sdtContent");
    sdt.appendChild(c);
    content.getParentNode().replaceChild(sdt, content);
    c.appendChild(content);
    return sdt;
  }

  static void contentControls(Document d) {
    int i = 0;
    for (Element r : all(d, "r")) {
      if (!text(r).isEmpty() && i++ % 2 == 0) {
        sdt(d, r);
      }
    }
    i = 0;
    for (Element tc : all(d, "tc")) {
      if (i++ % 3 == 1) {
        sdt(d, tc);
      }
    }
    i = 0;
    for (Element tr : all(d, "tr")) {
      if (i++ % 4 == 2) {
        sdt(d, tr);
      }
    }
    Element body = all(d, "body").get(0);
    for (Node n = body.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && (e.getLocalName().equals("tbl") || e.getLocalName().equals("p") && i++ % 2 == 0)) {
        n = sdt(d, e);
      }
    }
  }

  static Element customXml(Document d, Element content) {
    Element c = w(d, "customXml", "uri", "http://example.gov.cn/report", "element", "cell");
    return wrap(content, c);
  }

  static void smartTags(Document d) {
    for (Element r : numberRuns(d)) {
      Element tag = w(d, "smartTag", "uri", "urn:schemas-microsoft-com:office:smarttags", "element", "chmetcnv");
      Element pr = w(d, "smartTagPr");
      pr.appendChild(w(d, "attr", "name", "UnitName", "val", "件"));
      tag.appendChild(pr);
      r.getParentNode().replaceChild(tag, r);
      tag.appendChild(r);
    }
    int i = 0;
    for (Element r : bodyRuns(d)) {
      if (i++ % 2 == 0) {
        customXml(d, r);
      }
    }
    i = 0;
    for (Element tc : all(d, "tc")) {
      if (i++ % 5 == 2) {
        customXml(d, tc);
      }
    }
    i = 0;
    for (Element tr : all(d, "tr")) {
      if (i++ % 6 == 3) {
        customXml(d, tr);
      }
    }
    Element body = all(d, "body").get(0);
    for (Node n = body.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && (e.getLocalName().equals("p") || e.getLocalName().equals("tbl")) && i++ % 3 == 0) {
        n = customXml(d, e);
      }
    }
  }

  static void bidi(Document d) {
    int i = 0;
    for (Element r : all(d, "r")) {
      if (!text(r).isEmpty()) {
        wrap(r, w(d, i++ % 2 == 0 ? "dir" : "bdo", "val", "ltr"));
      }
    }
  }

  /** The first paragraph (the title) moved into a text box: Word writes it twice, as DrawingML and as VML. */
  static void titleInTextBox(Document d) {
    Element root = d.getDocumentElement();
    for (String[] ns : new String[][] {{"mc", MC}, {"wps", WPS}, {"wp", WP}, {"a", A}, {"v", V}}) {
      root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:" + ns[0], ns[1]);
    }
    Element body = all(d, "body").get(0);
    Element title = children(body, "p").get(0);
    Element p = w(d, "p");
    body.insertBefore(p, title);
    body.removeChild(title);
    Element r = w(d, "r");
    p.appendChild(r);
    Element ac = d.createElementNS(MC, "mc:AlternateContent");
    r.appendChild(ac);
    Element choice = d.createElementNS(MC, "mc:Choice");
    choice.setAttribute("Requires", "wps");
    ac.appendChild(choice);
    Element drawing = w(d, "drawing");
    choice.appendChild(drawing);
    Element anchor = d.createElementNS(WP, "wp:anchor");
    drawing.appendChild(anchor);
    Element extent = d.createElementNS(WP, "wp:extent");
    extent.setAttribute("cx", "5400000");
    extent.setAttribute("cy", "600000");
    anchor.appendChild(extent);
    Element docPr = d.createElementNS(WP, "wp:docPr");
    docPr.setAttribute("id", id());
    docPr.setAttribute("name", "文本框 1");
    anchor.appendChild(docPr);
    Element graphic = d.createElementNS(A, "a:graphic");
    anchor.appendChild(graphic);
    Element data = d.createElementNS(A, "a:graphicData");
    data.setAttribute("uri", WPS);
    graphic.appendChild(data);
    Element wsp = d.createElementNS(WPS, "wps:wsp");
    data.appendChild(wsp);
    Element txbx = d.createElementNS(WPS, "wps:txbx");
    wsp.appendChild(txbx);
    Element content = w(d, "txbxContent");
    txbx.appendChild(content);
    content.appendChild(title.cloneNode(true));
    wsp.appendChild(d.createElementNS(WPS, "wps:bodyPr"));
    Element fallback = d.createElementNS(MC, "mc:Fallback");
    ac.appendChild(fallback);
    Element pict = w(d, "pict");
    fallback.appendChild(pict);
    Element shape = d.createElementNS(V, "v:shape");
    shape.setAttribute("id", "文本框 1");
    shape.setAttribute("type", "#_x0000_t202");
    pict.appendChild(shape);
    Element textbox = d.createElementNS(V, "v:textbox");
    shape.appendChild(textbox);
    Element content2 = w(d, "txbxContent");
    textbox.appendChild(content2);
    content2.appendChild(title.cloneNode(true));
  }

  static int gridSpan(Element tc) {
    for (Element pr : children(tc, "tcPr")) {
      for (Element g : children(pr, "gridSpan")) {
        return Integer.parseInt(g.getAttributeNS(W, "val"));
      }
    }
    return 1;
  }

  static Element tcPr(Document d, Element tc) {
    List<Element> prs = children(tc, "tcPr");
    if (!prs.isEmpty()) {
      return prs.get(0);
    }
    Element pr = w(d, "tcPr");
    tc.insertBefore(pr, tc.getFirstChild());
    return pr;
  }

  static void setSpan(Document d, Element tc, int span) {
    Element pr = tcPr(d, tc);
    children(pr, "gridSpan").forEach(pr::removeChild);
    if (span > 1) {
      pr.appendChild(w(d, "gridSpan", "val", Integer.toString(span)));
    }
  }

  /** Every other merged cell written with old Word's w:hMerge, the rest with w:gridSpan: both in one table. */
  static void hMerge(Document d) {
    int merged = 0;
    for (Element tc : all(d, "tc")) {
      int span = gridSpan(tc);
      if (span < 2 || merged++ % 2 == 1) {
        continue;
      }
      setSpan(d, tc, 1);
      tcPr(d, tc).appendChild(w(d, "hMerge", "val", "restart"));
      Node next = tc.getNextSibling();
      for (int k = 1; k < span; k++) {
        Element c = w(d, "tc");
        Element pr = w(d, "tcPr");
        pr.appendChild(w(d, "hMerge"));
        for (Element vm : children(tcPr(d, tc), "vMerge")) {
          pr.appendChild(vm.cloneNode(true)); // the whole merged block is merged down
        }
        c.appendChild(pr);
        c.appendChild(w(d, "p"));
        tc.getParentNode().insertBefore(c, next);
      }
    }
  }

  static Element trPr(Document d, Element tr) {
    List<Element> prs = children(tr, "trPr");
    if (!prs.isEmpty()) {
      return prs.get(0);
    }
    Element pr = w(d, "trPr");
    tr.insertBefore(pr, tr.getFirstChild());
    return pr;
  }

  /**
   * A column added before and after every table's grid: the header rows start one column late and the rows
   * below reach into it with a wider first cell; every other row ends one column early (w:gridAfter), the rest
   * reach into the added last column with a wider last cell.
   */
  static void gridBeforeAfter(Document d) {
    for (Element tbl : all(d, "tbl")) {
      Element grid = children(tbl, "tblGrid").get(0);
      grid.insertBefore(w(d, "gridCol", "w", "300"), grid.getFirstChild());
      grid.appendChild(w(d, "gridCol", "w", "300"));
      List<Element> rows = children(tbl, "tr");
      for (int i = 0; i < rows.size(); i++) {
        Element tr = rows.get(i);
        List<Element> cells = children(tr, "tc");
        if (cells.isEmpty()) {
          continue;
        }
        Element pr = trPr(d, tr);
        if (i < 2) {
          pr.insertBefore(w(d, "gridBefore", "val", "1"), pr.getFirstChild());
        } else {
          setSpan(d, cells.get(0), gridSpan(cells.get(0)) + 1);
        }
        if (i % 2 == 0) {
          pr.insertBefore(w(d, "gridAfter", "val", "1"), pr.getFirstChild());
        } else {
          Element last = cells.get(cells.size() - 1);
          setSpan(d, last, gridSpan(last) + 1);
        }
      }
    }
  }

  /** Word writes a row that starts late where the cells under a merged cell were deleted. */
  static void startLate(Document d) {
    for (Element tr : all(d, "tr")) {
      List<Element> cells = children(tr, "tc");
      if (cells.isEmpty()) {
        continue;
      }
      Element first = cells.get(0);
      boolean cont = children(first, "tcPr").stream().flatMap(p -> children(p, "vMerge").stream())
          .anyMatch(v -> !"restart".equals(v.getAttributeNS(W, "val")));
      if (cont) {
        int span = gridSpan(first);
        tr.removeChild(first);
        trPr(d, tr).insertBefore(w(d, "gridBefore", "val", Integer.toString(span)), trPr(d, tr).getFirstChild());
      }
    }
  }

  static boolean continues(Element tr) {
    for (Element tc : children(tr, "tc")) {
      for (Element pr : children(tc, "tcPr")) {
        for (Element vm : children(pr, "vMerge")) {
          if (!"restart".equals(vm.getAttributeNS(W, "val"))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** First rows marked as repeated headers; a table of 8 rows or more split where no merge goes on. */
  static void splitTables(Document d, boolean copyHeader) {
    for (Element tbl : all(d, "tbl")) {
      List<Element> rows = children(tbl, "tr");
      trPr(d, rows.get(0)).appendChild(w(d, "tblHeader"));
      if (rows.size() < 8) {
        continue;
      }
      int cut = -1;
      for (int i = rows.size() / 2; i < rows.size() - 1; i++) {
        if (!continues(rows.get(i))) {
          cut = i;
          break;
        }
      }
      if (cut < 0) {
        continue;
      }
      Element second = w(d, "tbl");
      children(tbl, "tblPr").forEach(x -> second.appendChild(x.cloneNode(true)));
      children(tbl, "tblGrid").forEach(x -> second.appendChild(x.cloneNode(true)));
      if (copyHeader) {
        for (int i = 0; i < 2 && i < cut && !continues(rows.get(i + 1)); i++) {
          second.appendChild(rows.get(i).cloneNode(true)); // the first header row(s), as far as no merge goes on
        }
      }
      for (int i = cut; i < rows.size(); i++) {
        second.appendChild(rows.get(i));
      }
      Element p = w(d, "p");
      Element r = w(d, "r");
      r.appendChild(w(d, "br", "type", "page"));
      p.appendChild(r);
      tbl.getParentNode().insertBefore(p, tbl.getNextSibling());
      tbl.getParentNode().insertBefore(second, p.getNextSibling());
    }
  }

  static void nested(Document d) {
    for (Element tbl : all(d, "tbl")) {
      if (!(tbl.getParentNode() instanceof Element parent) || !parent.getLocalName().equals("body")) {
        continue;
      }
      Element outer = w(d, "tbl");
      Element pr = w(d, "tblPr");
      pr.appendChild(w(d, "tblW", "w", "0", "type", "auto"));
      outer.appendChild(pr);
      Element grid = w(d, "tblGrid");
      grid.appendChild(w(d, "gridCol", "w", "9000"));
      outer.appendChild(grid);
      Element tr = w(d, "tr");
      Element tc = w(d, "tc");
      outer.appendChild(tr);
      tr.appendChild(tc);
      parent.replaceChild(outer, tbl);
      tc.appendChild(tbl);
      tc.appendChild(w(d, "p")); // a cell ends with a paragraph
    }
  }

  /** A two-cell note table put into the first cell of each table (its top-left label cell). */
  static void tableInCell(Document d) {
    for (Element tbl : all(d, "tbl")) {
      Element tc = all(tbl, "tc").get(0);
      Element inner = w(d, "tbl");
      inner.appendChild(w(d, "tblPr"));
      Element grid = w(d, "tblGrid");
      grid.appendChild(w(d, "gridCol", "w", "600"));
      grid.appendChild(w(d, "gridCol", "w", "600"));
      inner.appendChild(grid);
      Element tr = w(d, "tr");
      for (String text : new String[] {"注", "见说明"}) {
        Element c = w(d, "tc");
        Element p = w(d, "p");
        p.appendChild(run(d, "t", text));
        c.appendChild(p);
        tr.appendChild(c);
      }
      inner.appendChild(tr);
      tc.appendChild(inner);
      tc.appendChild(w(d, "p")); // a cell ends with a paragraph
    }
  }

  /** Word's 「目录」: the section headings with their page numbers, as a TOC field's result in a content control. */
  static void contents(Document d) {
    Element body = all(d, "body").get(0);
    List<String> headings = new ArrayList<>();
    for (Element p : children(body, "p")) {
      StringBuilder sb = new StringBuilder();
      all(p, "t").forEach(t -> sb.append(t.getTextContent()));
      if (sb.toString().matches("[一二三四五六七八九十]+、.{2,40}")) {
        headings.add(sb.toString());
      }
    }
    Element sdt = w(d, "sdt");
    Element pr = w(d, "sdtPr");
    Element part = w(d, "docPartObj");
    part.appendChild(w(d, "docPartGallery", "val", "Table of Contents"));
    part.appendChild(w(d, "docPartUnique"));
    pr.appendChild(part);
    sdt.appendChild(pr);
    Element content = w(d, "sdtContent");
    sdt.appendChild(content);
    Element title = w(d, "p");
    title.appendChild(run(d, "t", "目  录"));
    content.appendChild(title);
    for (int i = 0; i < headings.size(); i++) {
      Element p = w(d, "p");
      Element ppr = w(d, "pPr");
      ppr.appendChild(w(d, "pStyle", "val", "TOC1"));
      p.appendChild(ppr);
      if (i == 0) {
        p.appendChild(fldChar(d, "begin"));
        p.appendChild(run(d, "instrText", " TOC \\o \"1-3\" \\h \\z \\u "));
        p.appendChild(fldChar(d, "separate"));
      }
      p.appendChild(run(d, "t", headings.get(i)));
      Element tab = w(d, "r");
      tab.appendChild(w(d, "tab"));
      p.appendChild(tab);
      p.appendChild(run(d, "t", Integer.toString(i + 1)));
      if (i == headings.size() - 1) {
        p.appendChild(fldChar(d, "end"));
      }
      content.appendChild(p);
    }
    Element after = children(body, "p").get(2); // after the two title lines
    body.insertBefore(sdt, after);
  }

  static void marks(Document d) {
    for (Element r : numberRuns(d)) {
      Element t = children(r, "t").get(0);
      r.insertBefore(w(d, "tab"), t); // numbers pushed right with a tab
    }
    for (Element r : all(d, "r")) {
      String s = text(r);
      if (!inTable(r) || s.length() < 6 || !s.matches("[\\p{IsHan}（）、]+")) {
        continue;
      }
      // a long label broken by hand, with a soft hyphen in it
      Element t = children(r, "t").get(0);
      int half = s.length() / 2;
      t.setTextContent(s.substring(0, half));
      r.appendChild(w(d, "softHyphen"));
      r.appendChild(w(d, "br"));
      Element t2 = (Element) t.cloneNode(false);
      t2.setTextContent(s.substring(half));
      r.appendChild(t2);
    }
    for (Element r : bodyRuns(d)) {
      String s = text(r);
      if (s.contains("-")) {
        Element t = children(r, "t").get(0);
        String[] parts = s.split("-", -1);
        t.setTextContent(parts[0]);
        for (int i = 1; i < parts.length; i++) {
          r.appendChild(w(d, "noBreakHyphen"));
          Element more = (Element) t.cloneNode(false);
          more.setTextContent(parts[i]);
          r.appendChild(more);
        }
      }
    }
    symbol(d);
  }

  /** A phonetic guide over a run of the body text: the guide is not read (LibreOffice drops such a paragraph in .doc). */
  static void phonetic(Document d) {
    Element first = bodyRuns(d).get(2);
    Element ruby = w(d, "ruby");
    ruby.appendChild(w(d, "rubyPr"));
    Element rt = w(d, "rt");
    rt.appendChild(run(d, "t", "zhèng wù gōng kāi"));
    ruby.appendChild(rt);
    Element base = w(d, "rubyBase");
    first.getParentNode().replaceChild(ruby, first);
    base.appendChild(first);
    ruby.appendChild(base);
  }

  static void symbol(Document d) {
    Element body = all(d, "body").get(0);
    Element p = w(d, "p");
    Element r = w(d, "r");
    r.appendChild(w(d, "sym", "font", "Wingdings", "char", "F0FC"));
    p.appendChild(r);
    body.insertBefore(p, children(body, "sectPr").stream().findFirst().orElse(null));
  }
}
