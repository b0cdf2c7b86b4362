package org.docmerge.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChineseNumbersTest {
  @ParameterizedTest
  @CsvSource({"一,1", "两,2", "十,10", "十七,17", "二十,20", "一百零五,105", "三千二百,3200", "二十万,200000",
      "零,0", "〇,0", "17,17", "'1,234',1234", "１２３,123", "0,0", "一万二千,12000"})
  void readsNumbers(String text, long expected) {
    assertEquals(expected, ChineseNumbers.parse(text).getAsLong());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "件", "abc", "1a", "1234567890123456"})
  void rejectsNonNumbers(String text) {
    assertTrue(ChineseNumbers.parse(text).isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"三四", "十十", "百十", "三零", "零五", "一万二", "三千二", "一万万", "一百零"})
  void refusesMalformedChineseNumerals(String text) {
    assertTrue(ChineseNumbers.parse(text).isEmpty(), text);
  }
}
