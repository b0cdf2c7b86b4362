package org.docmerge.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.docmerge.RealClients;
import org.docmerge.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 item 5: a template must not make a report (or LibreOffice converting it) fetch anything. A remote
 * image is refused before any conversion; a listener on 127.0.0.1 sees no request. A plain external hyperlink
 * is only a link (nothing is fetched) and stays allowed.
 */
class ExternalResourcesTest {
  @TempDir Path tmp;

  @Test
  @Timeout(180)
  void pdfOfATemplateWithARemoteImageMakesNoNetworkRequest() throws Exception {
    RealClients.require("soffice");
    AtomicInteger requests = new AtomicInteger();
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      server.setSoTimeout(200);
      Thread listener = new Thread(() -> {
        while (!server.isClosed()) {
          try (Socket s = server.accept()) {
            requests.incrementAndGet();
          } catch (SocketTimeoutException idle) {
            // keep listening
          } catch (Exception closed) {
            return;
          }
        }
      });
      listener.setDaemon(true);
      listener.start();
      Path wb = HostileCases.write(tmp, "年报.xlsx", HostileCases.GOOD);
      Path t = HostileCases.write(tmp, "模板.docx",
          HostileCases.remoteImage("http://127.0.0.1:" + server.getLocalPort() + "/x.png"));
      Path out = tmp.resolve("输出");
      Files.createDirectories(out);
      ByteArrayOutputStream o = new ByteArrayOutputStream();
      PrintStream p = new PrintStream(o, true, StandardCharsets.UTF_8);
      int exit = Main.run(new String[] {"merge", wb.toString(), "-t", t.toString(), "-o", out.resolve("报告.docx").toString(), "--pdf"}, p, p);
      String shown = o.toString(StandardCharsets.UTF_8);
      Thread.sleep(500); // a fetch started by a converter would have connected by now
      assertEquals(0, requests.get(), "a request reached 127.0.0.1:" + server.getLocalPort() + "\n" + shown);
      assertEquals(1, exit, shown);
      assertTrue(shown.contains("TEMPLATE.EXTERNAL_RESOURCE"), shown);
      assertTrue(shown.contains("127.0.0.1:" + server.getLocalPort()), "the finding names the address: " + shown);
      assertEquals(List.of(), Files.list(out).map(Path::toString).filter(n -> !n.endsWith(".docmerge.lock")).toList());
    }
  }

  @Test
  void anExternalHyperlinkIsOnlyALinkAndStaysAllowed() throws Exception {
    byte[] t = HostileCases.withRelationship(HostileCases.TEMPLATE, "word/_rels/document.xml.rels",
        "<Relationship Id=\"rIdH\" Type=\"" + HostileCases.REL + "hyperlink\" Target=\"https://www.gov.cn/\" TargetMode=\"External\"/>");
    String doc = HostileCases.entryText(t, "word/document.xml");
    int body = doc.indexOf("<w:body>") + "<w:body>".length();
    t = HostileCases.text(doc.substring(0, body) + "<w:p><w:hyperlink r:id=\"rIdH\"><w:r><w:t>中国政府网</w:t></w:r></w:hyperlink></w:p>"
        + doc.substring(body), t, "word/document.xml");
    List<String> codes = RiskyTemplateContentTest.codes(t);
    assertFalse(codes.contains("TEMPLATE.EXTERNAL_RESOURCE"), codes.toString());
    assertFalse(codes.stream().anyMatch(c -> c.equals("TEMPLATE.CORRUPT")), codes.toString());
  }
}
