package org.docmerge.template;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Hardened DOM parsing and serialisation of template parts, and the WordprocessingML element helpers the
 * repair and compile steps share. DOCTYPEs are refused outright (no XXE, no entity expansion). Stateless;
 * thread-safe (a new factory per call; compile runs once per process, so the cost does not matter).
 */
final class Xml {
  static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

  private Xml() {}

  static Document parse(byte[] bytes) throws Exception {
    // The JDK's own parsers: docx4j puts other JAXP implementations on the class path.
    DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setXIncludeAware(false);
    f.setExpandEntityReferences(false);
    DocumentBuilder b = f.newDocumentBuilder();
    b.setErrorHandler(null);
    return b.parse(new ByteArrayInputStream(bytes));
  }

  static String serialize(Node node) throws Exception {
    TransformerFactory tf = TransformerFactory.newDefaultInstance();
    tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
    Transformer t = tf.newTransformer();
    t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
    t.setOutputProperty(OutputKeys.INDENT, "no");
    if (node instanceof Document doc) {
      doc.setXmlStandalone(true);
    } else {
      t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
    }
    StringWriter out = new StringWriter();
    t.transform(new DOMSource(node), new StreamResult(out));
    return out.toString();
  }

  static boolean isW(Node n, String local) {
    return n instanceof Element && W.equals(n.getNamespaceURI()) && local.equals(n.getLocalName());
  }

  /** Every {@code w:<local>} element under root, in document order. */
  static List<Element> all(Node root, String local) {
    NodeList list = root instanceof Document d ? d.getElementsByTagNameNS(W, local) : ((Element) root).getElementsByTagNameNS(W, local);
    List<Element> out = new ArrayList<>(list.getLength());
    for (int i = 0; i < list.getLength(); i++) {
      out.add((Element) list.item(i));
    }
    return out;
  }

  /** The nearest ancestor {@code w:<local>} of n, or null. */
  static Element ancestor(Node n, String local) {
    for (Node a = n.getParentNode(); a != null; a = a.getParentNode()) {
      if (isW(a, local)) {
        return (Element) a;
      }
    }
    return null;
  }

  /** The first child element {@code w:<local>}, or null. */
  static Element child(Element e, String local) {
    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (isW(c, local)) {
        return (Element) c;
      }
    }
    return null;
  }

  /**
   * The {@code w:t} elements that belong to paragraph p itself, in order: not those of paragraphs nested in a
   * text box inside p, which are paragraphs of their own.
   */
  static List<Element> ownTexts(Element p) {
    List<Element> out = new ArrayList<>();
    for (Element t : all(p, "t")) {
      if (ancestor(t, "p") == p) {
        out.add(t);
      }
    }
    return out;
  }

  /** The visible text of paragraph p (its own w:t only). */
  static String text(Element p) {
    StringBuilder sb = new StringBuilder();
    for (Element t : ownTexts(p)) {
      sb.append(t.getTextContent());
    }
    return sb.toString();
  }
}
