package org.docmerge.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.docmerge.diag.Location;
import org.docmerge.extract.CellText;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A number typed as text means the same in a workbook and in a published report. */
class TextNumberTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"12|12", "１２|12", "1,234|1234", "1，234|1234", "1 234|1234",
      "12件|12", "+19|19", "-3|-3", "0.50|0.5", "' 7 '|7", "1 234 567|1234567"})
  void readsANumberAndTheReportReaderAgrees(String text, String expected) {
    assertEquals(new BigDecimal(expected), TextNumber.read(text).orElseThrow().value());
    assertEquals(new BigDecimal(expected), CellText.value(text, Location.NONE).number());
  }

  @ParameterizedTest
  @ValueSource(strings = {"①", "1,23", "/", "—", "无", "十", "1.2.3", "", "1..2"})
  void refusesWhatIsNotExactlyOneNumberInBoth(String text) {
    assertTrue(TextNumber.read(text).isEmpty(), text);
    assertTrue(!CellText.value(text, Location.NONE).isNumber(), text);
  }

  /** In a workbook a typed 「1 2」 is two numbers or a typo; a PDF's text layer spaces out glyphs of one number. */
  @ParameterizedTest
  @ValueSource(strings = {"1 2", "12 34"})
  void spacedDigitsAreTextInAWorkbook(String text) {
    assertTrue(TextNumber.read(text).isEmpty(), text);
  }
}
