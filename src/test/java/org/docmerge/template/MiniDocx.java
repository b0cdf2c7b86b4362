package org.docmerge.template;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small .docx files written as raw OOXML, for tests that need one odd feature each. Test helper. */
final class MiniDocx {
  static final String NS = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
      + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
      + " xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\"";
  static final String MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

  String mainType = MAIN;
  String documentXml;
  String footerBody;
  String stylesXml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
      + "<w:styles " + NS + "><w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style></w:styles>";

  static MiniDocx body(String bodyXml) {
    MiniDocx m = new MiniDocx();
    m.documentXml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document " + NS + "><w:body>" + bodyXml
        + "<w:sectPr>" + "%FOOTER%" + "<w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr></w:body></w:document>";
    return m;
  }

  MiniDocx footer(String footerBodyXml) {
    this.footerBody = footerBodyXml;
    return this;
  }

  MiniDocx styles(String xml) {
    this.stylesXml = xml;
    return this;
  }

  MiniDocx mainType(String type) {
    this.mainType = type;
    return this;
  }

  Map<String, String> parts() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"/word/document.xml\" ContentType=\"" + mainType + "\"/>"
        + "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
        + (footerBody == null ? "" : "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>")
        + "</Types>");
    p.put("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
        + "</Relationships>");
    p.put("word/document.xml", documentXml.replace("%FOOTER%",
        footerBody == null ? "" : "<w:footerReference w:type=\"default\" r:id=\"rId2\"/>"));
    p.put("word/_rels/document.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        + (footerBody == null ? "" : "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>")
        + "</Relationships>");
    p.put("word/styles.xml", stylesXml);
    if (footerBody != null) {
      p.put("word/footer1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:ftr " + NS + ">" + footerBody + "</w:ftr>");
    }
    return p;
  }

  byte[] bytes() {
    return zip(parts());
  }

  static byte[] zip(Map<String, String> parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      for (var e : parts.entrySet()) {
        ZipEntry entry = new ZipEntry(e.getKey());
        entry.setTimeLocal(LocalDateTime.of(2021, 1, 1, 0, 0));
        z.putNextEntry(entry);
        z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A paragraph with one plain run. */
  static String p(String text) {
    return "<w:p><w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>";
  }

  /**
   * Patches every local header and central-directory record of the entry: a same-length new name, or a new
   * compression method when method >= 0. For fixtures ZipOutputStream refuses to write (duplicates, method 12).
   */
  static byte[] patch(byte[] zip, String name, String newName, int method) {
    byte[] z = zip.clone();
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    byte[] nn = newName == null ? n : newName.getBytes(StandardCharsets.UTF_8);
    if (nn.length != n.length) {
      throw new IllegalArgumentException("same length only");
    }
    for (int i = 0; i + 4 < z.length; i++) {
      int sig = (z[i] & 0xff) | (z[i + 1] & 0xff) << 8 | (z[i + 2] & 0xff) << 16 | (z[i + 3] & 0xff) << 24;
      int nameAt;
      int methodAt;
      if (sig == 0x04034b50) {
        nameAt = i + 30;
        methodAt = i + 8;
      } else if (sig == 0x02014b50) {
        nameAt = i + 46;
        methodAt = i + 10;
      } else {
        continue;
      }
      if (nameAt + n.length > z.length || !java.util.Arrays.equals(z, nameAt, nameAt + n.length, n, 0, n.length)) {
        continue;
      }
      System.arraycopy(nn, 0, z, nameAt, nn.length);
      if (method >= 0) {
        z[methodAt] = (byte) method;
        z[methodAt + 1] = 0;
      }
    }
    return z;
  }
}
