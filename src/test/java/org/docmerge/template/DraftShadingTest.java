package org.docmerge.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How a draft shades the cell of a faulty value, whatever shape the template's cell properties have. */
class DraftShadingTest {
  static final String SHD = "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"FFC7CE\"/>";
  static final String M = Extra.FAULTY;

  @Test
  void shadingGoesBeforeVerticalAlignmentAsTheSchemaOrders() {
    assertEquals("<w:tc><w:tcPr><w:tcW w:w=\"9\"/>" + SHD + "<w:vAlign w:val=\"center\"/></w:tcPr><w:p><w:r><w:t>5</w:t></w:r></w:p></w:tc>",
        Extra.shadeFaultyCells("<w:tc><w:tcPr><w:tcW w:w=\"9\"/><w:vAlign w:val=\"center\"/></w:tcPr><w:p><w:r><w:t>" + M + "5</w:t></w:r></w:p></w:tc>"));
  }

  @Test
  void cellsWithoutPropertiesOrWithEmptyOnesGetThem() {
    assertEquals("<w:tc><w:tcPr>" + SHD + "</w:tcPr><w:p><w:r><w:t>5</w:t></w:r></w:p></w:tc>",
        Extra.shadeFaultyCells("<w:tc><w:p><w:r><w:t>" + M + "5</w:t></w:r></w:p></w:tc>"));
    assertEquals("<w:tc><w:tcPr>" + SHD + "</w:tcPr><w:p><w:r><w:t>5</w:t></w:r></w:p></w:tc>",
        Extra.shadeFaultyCells("<w:tc><w:tcPr/><w:p><w:r><w:t>" + M + "5</w:t></w:r></w:p></w:tc>"));
  }

  @Test
  void theTemplatesOwnShadingIsReplacedAndAValueOutsideATableIsLeftAlone() {
    assertEquals("<w:tc><w:tcPr>" + SHD + "</w:tcPr><w:p><w:r><w:t>5</w:t></w:r></w:p></w:tc>",
        Extra.shadeFaultyCells("<w:tc><w:tcPr><w:shd w:val=\"clear\" w:fill=\"EEEEEE\"/></w:tcPr><w:p><w:r><w:t>" + M + "5</w:t></w:r></w:p></w:tc>"));
    String prose = "<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl><w:p><w:r><w:t>共 " + M + "5 件</w:t></w:r></w:p>";
    assertEquals(prose.replace(M, ""), Extra.shadeFaultyCells(prose));
  }
}
