package org.docmerge.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Word splits tags over runs; the repair must make each tag whole in its first run and keep the rest. */
class SplitTagRepairTest {

  static Element paragraph(String runs) throws Exception {
    Document d = Xml.parse(("<w:p " + MiniDocx.NS + ">" + runs + "</w:p>").getBytes(StandardCharsets.UTF_8));
    return d.getDocumentElement();
  }

  static String xml(Element p) throws Exception {
    return Xml.serialize(p).replaceAll(" xmlns:\\w+=\"[^\"]*\"", "");
  }

  @Test
  void tagSplitOverThreeRunsMovesIntoTheFirstRunAndKeepsItsFormatting() throws Exception {
    Element p = paragraph("<w:r><w:rPr><w:b/></w:rPr><w:t>前{{</w:t></w:r>"
        + "<w:r><w:rPr><w:i/></w:rPr><w:t>t3.new.</w:t></w:r>"
        + "<w:r><w:rPr><w:u w:val=\"single\"/></w:rPr><w:t>natural}}后</w:t></w:r>");
    SplitTagRepair.Outcome out = SplitTagRepair.repair(p);
    assertEquals(List.of(new SplitTagRepair.Found("t3.new.natural")), out.tags());
    assertEquals(List.of(), out.syntaxErrors());
    assertEquals("<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">前{{t3.new.natural}}</w:t></w:r>"
        + "<w:r><w:rPr><w:u w:val=\"single\"/></w:rPr><w:t xml:space=\"preserve\">后</w:t></w:r></w:p>", xml(p));
  }

  @Test
  void bracesSplitOneByOneAndSpacesInsideAreTrimmed() throws Exception {
    Element p = paragraph("<w:r><w:t>{</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>{ agency </w:t></w:r>"
        + "<w:r><w:t>}</w:t></w:r><w:r><w:t>}</w:t></w:r>");
    SplitTagRepair.Outcome out = SplitTagRepair.repair(p);
    assertEquals(List.of(new SplitTagRepair.Found("agency")), out.tags());
    assertEquals("<w:p><w:r><w:t xml:space=\"preserve\">{{agency}}</w:t></w:r></w:p>", xml(p));
  }

  @Test
  void twoSplitTagsInOneParagraphAreBothRepaired() throws Exception {
    Element p = paragraph("<w:r><w:t>{{ye</w:t></w:r><w:r><w:t>ar}}年（{{</w:t></w:r><w:r><w:t>agency}}）</w:t></w:r>");
    SplitTagRepair.Outcome out = SplitTagRepair.repair(p);
    assertEquals(List.of(new SplitTagRepair.Found("year"), new SplitTagRepair.Found("agency")), out.tags());
    assertEquals("{{year}}年（{{agency}}）", Xml.text(p));
    assertTrue(xml(p).startsWith("<w:p><w:r><w:t xml:space=\"preserve\">{{year}}</w:t></w:r>"), xml(p));
  }

  @Test
  void unclosedAndLoneBracesAreSyntaxErrors() throws Exception {
    assertEquals(1, SplitTagRepair.repair(paragraph("<w:r><w:t>（{{agency）</w:t></w:r>")).syntaxErrors().size());
    assertEquals(1, SplitTagRepair.repair(paragraph("<w:r><w:t>agency}}</w:t></w:r>")).syntaxErrors().size());
    assertEquals(1, SplitTagRepair.repair(paragraph("<w:r><w:t>{{ }}</w:t></w:r>")).syntaxErrors().size());
    // {{a {{b}}: the first {{ never closes.
    SplitTagRepair.Outcome o = SplitTagRepair.repair(paragraph("<w:r><w:t>{{a {{b}}</w:t></w:r>"));
    assertEquals(1, o.syntaxErrors().size());
    assertEquals(List.of(new SplitTagRepair.Found("b")), o.tags());
  }

  @Test
  void textOfParagraphsInsideATextBoxBelongsToThemNotToTheOuterParagraph() throws Exception {
    Element p = paragraph("<w:r><w:t>外</w:t></w:r><w:r><w:pict><v:shape><v:textbox><w:txbxContent>"
        + "<w:p><w:r><w:t>{{agency}}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>");
    assertEquals(List.of(), SplitTagRepair.repair(p).tags());
    assertEquals("外", Xml.text(p));
  }
}
