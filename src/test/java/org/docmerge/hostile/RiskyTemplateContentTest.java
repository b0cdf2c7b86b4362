package org.docmerge.hostile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.docmerge.diag.Diagnostic;
import org.docmerge.diag.Result;
import org.docmerge.template.PreparedTemplate;
import org.docmerge.template.TemplateCompiler;
import org.junit.jupiter.api.Test;

/** H46: what a template would pass on to every published report. */
class RiskyTemplateContentTest {
  static List<String> codes(byte[] docx) {
    Result<PreparedTemplate> r = TemplateCompiler.compile(docx, "模板.docx", HostileCases.SPEC);
    return r.diagnostics().stream().map(Diagnostic::code).toList();
  }

  @Test
  void theShippedTemplateHasNoneOfThem() {
    List<String> c = codes(HostileCases.TEMPLATE);
    assertFalse(c.contains("TEMPLATE.TRACKED_CHANGES") || c.contains("TEMPLATE.COMMENTS") || c.contains("TEMPLATE.EXTERNAL_FIELD"), c.toString());
  }

  @Test
  void trackedChangesAreWarned() {
    List<String> c = codes(HostileCases.templateBody(
        "<w:p><w:ins w:id=\"1\" w:author=\"a\" w:date=\"2022-01-01T00:00:00Z\"><w:r><w:t>新增</w:t></w:r></w:ins></w:p>"));
    assertTrue(c.contains("TEMPLATE.TRACKED_CHANGES"), c.toString());
  }

  @Test
  void commentsAreWarned() {
    byte[] t = HostileCases.text(HostileCases.entryText(HostileCases.TEMPLATE, "word/_rels/document.xml.rels").replace("</Relationships>",
        "<Relationship Id=\"rIdC\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments\" Target=\"comments.xml\"/></Relationships>"),
        HostileCases.TEMPLATE, "word/_rels/document.xml.rels");
    t = HostileCases.text(HostileCases.entryText(t, "[Content_Types].xml").replace("</Types>",
        "<Override PartName=\"/word/comments.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml\"/></Types>"),
        t, "[Content_Types].xml");
    t = HostileCases.text("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:comments xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
        + "<w:comment w:id=\"0\" w:author=\"a\"><w:p><w:r><w:t>请核对</w:t></w:r></w:p></w:comment></w:comments>", t, "word/comments.xml");
    List<String> c = codes(t);
    assertTrue(c.contains("TEMPLATE.COMMENTS"), c.toString());
  }

  @Test
  void includeTextInASimpleFieldIsRefused() {
    List<String> c = codes(HostileCases.templateBody(
        "<w:p><w:fldSimple w:instr=\" INCLUDETEXT &quot;C:\\\\secret.docx&quot; \"><w:r><w:t>x</w:t></w:r></w:fldSimple></w:p>"));
    assertTrue(c.contains("TEMPLATE.EXTERNAL_FIELD"), c.toString());
  }

  @Test
  void aSplitIncludeTextInFootnotesIsRefusedToo() {
    byte[] t = HostileCases.text("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:footnotes xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
        + "<w:footnote w:id=\"1\"><w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> INCLU</w:instrText></w:r>"
        + "<w:r><w:instrText>DETEXT \"file:///etc/passwd\" </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p></w:footnote></w:footnotes>",
        HostileCases.TEMPLATE, "word/footnotes.xml");
    List<String> c = codes(t);
    assertTrue(c.contains("TEMPLATE.EXTERNAL_FIELD"), c.toString());
  }

  @Test
  void aNestedFieldIsJudgedOnItsOwnAndAFieldResultIsNotAnInstruction() {
    // { IF 1 = 1 "{ INCLUDETEXT x }" } : the inner field is refused; an ordinary PAGE field with "LINK" as its shown result is not
    List<String> nested = codes(HostileCases.templateBody("<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> IF 1 = 1 \"</w:instrText></w:r>"
        + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> INCLUDE</w:instrText></w:r><w:r><w:instrText>TEXT x </w:instrText></w:r>"
        + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r><w:r><w:instrText>\" </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>"));
    assertTrue(nested.contains("TEMPLATE.EXTERNAL_FIELD"), nested.toString());
    List<String> page = codes(HostileCases.templateBody("<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>"
        + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:instrText>LINK</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>"));
    assertFalse(page.contains("TEMPLATE.EXTERNAL_FIELD"), page.toString());
  }
}
