package org.docmerge.tools;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.docmerge.FuzzZips;

/**
 * Writes the shipped template with a table nested {@code depth} deep at the start of its body (issue 15: 5,000
 * deep is a 10 KB file that once ran 15 minutes). For {@code bench/deep-template.sh}.
 * Usage: {@code java -cp … org.docmerge.tools.DeepTemplate out.docx 5000}
 */
public final class DeepTemplate {
  private DeepTemplate() {}

  public static void main(String[] args) throws Exception {
    byte[] t = FuzzZips.resource("/templates/gov-info-annual-2021/template.docx");
    String doc = new String(FuzzZips.entry(t, "word/document.xml"), StandardCharsets.UTF_8);
    int depth = Integer.parseInt(args[1]);
    String nested = "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>层</w:t></w:r></w:p>".repeat(depth) + "<w:p><w:r><w:t>深处</w:t></w:r></w:p>"
        + "</w:tc></w:tr></w:tbl>".repeat(depth);
    int body = doc.indexOf("<w:body>") + "<w:body>".length();
    String changed = doc.substring(0, body) + nested + doc.substring(body);
    Files.write(Path.of(args[0]), FuzzZips.replace(t, "word/document.xml", changed.getBytes(StandardCharsets.UTF_8)));
  }
}
