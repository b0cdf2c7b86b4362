package org.docmerge.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * What a reader sees of Word's fields: a code is hidden and its result shown, a table of contents is not content,
 * a phonetic guide written as Word 97–2003 does (an EQ field without a result) shows its base text, and a field
 * left open by a damaged file hides no more than its paragraph.
 */
class FieldsTest {
  @Test
  void aCodeIsHiddenItsResultShown() {
    Fields f = new Fields();
    f.begin();
    f.code(" =SUM(LEFT) ");
    assertTrue(f.hidden());
    f.separate();
    assertFalse(f.hidden());
    assertEquals("", f.end());
  }

  @Test
  void aTableOfContentsIsHiddenAcrossParagraphs() {
    Fields f = new Fields();
    f.begin();
    f.code(" TOC \\o \"1-3\" \\h \\z \\u ");
    f.separate();
    f.paragraphEnd();
    f.paragraphEnd();
    assertTrue(f.hidden(), "the headings and page numbers of 目录");
    f.end();
    assertFalse(f.hidden());
    assertTrue(Fields.contentsHeading("目　　录"));
    assertFalse(Fields.contentsHeading("目录管理"));
  }

  @Test
  void aPhoneticGuideShowsItsBaseText() {
    Fields f = new Fields();
    f.begin();
    f.code(" EQ \\* jc2 \\* \"Font:宋体\" \\* hps10 \\o\\ad(\\s\\up 9(zhèng wù),政务)");
    assertEquals("政务", f.end());
  }

  @Test
  void aFieldLeftOpenHidesNoMoreThanItsParagraph() {
    Fields f = new Fields();
    f.begin();
    f.code(" MERGEFIELD 单位 ");
    f.paragraphEnd();
    assertFalse(f.hidden());
  }
}
