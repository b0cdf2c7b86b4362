package org.docmerge.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The January against the embedded default: H2 in the collection folder. */
class CollectH2Test extends JanuarySuite {
  @Override
  String jdbcUrl() {
    return null;
  }

  /**
   * A member who picks a huge file by mistake gets the Chinese 413 message, not a connection reset: the collection
   * reads the whole body before answering (a part a little over the limit, and a request over the request cap),
   * and the link keeps working for the right file. Run on H2 only: it is about HTTP, not the database.
   */
  @Test
  void anOverLargeUploadIsAnsweredInChineseAndTheLinkKeepsWorking() throws Exception {
    JsonNode created = create(1, "2023-01-20");
    String token = created.path("members").get(0).path("token").asText();
    Http member = office.anonymous();
    java.util.Random random = new java.util.Random(7);
    for (int mb : new int[] {21, 45}) {
      byte[] big = new byte[mb << 20];
      random.nextBytes(big);
      Http.Answer a = upload(member, token, big);
      assertEquals(413, a.status(), mb + " MB: " + a.text());
      assertEquals("UPLOAD.TOO_LARGE", a.json().path("code").asText());
      assertTrue(a.json().path("message").asText().contains("文件太大"), a.text());
    }
    Http.Answer ok = upload(member, token, Members.workbook(2001, YEAR));
    assertEquals(200, ok.status(), ok.text());
  }
}
