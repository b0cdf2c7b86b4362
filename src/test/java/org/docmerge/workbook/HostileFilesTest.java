package org.docmerge.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.docmerge.FuzzZips;
import org.docmerge.diag.Diagnostic;
import org.docmerge.diag.Result;
import org.docmerge.model.ReportData;
import org.docmerge.spec.ReportSpec;
import org.docmerge.tools.SampleData;
import org.junit.jupiter.api.Test;

/**
 * Files that are not what they claim (hostile-inputs.md B1), all built in code. Each is rejected with one stable
 * code and a Chinese message, never with an exception.
 */
class HostileFilesTest {

  static final ReportSpec SPEC = TestWorkbooks.spec();
  static final byte[] XLSX = WorkbookWriter.write(SPEC, SampleData.gongshu(SPEC));

  @Test
  void emptyFile() {
    assertRejected("WB.EMPTY", new byte[0], "年报.xlsx");
  }

  @Test
  void textCsvAndHtmlRenamedXlsx() {
    Diagnostic csv = assertRejected("WB.NOT_EXCEL", "项目,数量\n规章,0\n".getBytes(StandardCharsets.UTF_8), "年报.xlsx");
    assertTrue(csv.message().contains("另存为 .xlsx"), csv.message());
    Diagnostic html = assertRejected("WB.NOT_EXCEL",
        "<html><body><table><tr><td>表三</td></tr></table></body></html>".getBytes(StandardCharsets.UTF_8), "年报.xls");
    assertTrue(html.message().contains("HTML"), html.message());
  }

  @Test
  void truncatedXlsx() {
    assertRejected("WB.CORRUPT", Arrays.copyOf(XLSX, XLSX.length / 2), "年报.xlsx");
  }

  @Test
  void truncatedXls() {
    byte[] xls = TestWorkbooks.toXls(XLSX);
    Diagnostic d = assertRejected("WB.CORRUPT", Arrays.copyOf(xls, xls.length / 2), "年报.xls");
    assertTrue(d.message().contains("Exception") || d.message().contains("Error"), "names the failure: " + d.message());
  }

  @Test
  void encryptedAgile() {
    assertRejected("WB.ENCRYPTED", TestWorkbooks.encrypted(XLSX, "123456"), "年报.xlsx");
  }

  @Test
  void duplicateZipEntry() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream z = new ZipArchiveOutputStream(out);
        ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(XLSX))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        byte[] data = in.readAllBytes();
        int copies = e.getName().equals("xl/worksheets/sheet4.xml") ? 2 : 1;
        for (int i = 0; i < copies; i++) {
          z.putArchiveEntry(new ZipArchiveEntry(e.getName()));
          z.write(data);
          z.closeArchiveEntry();
        }
      }
    }
    Diagnostic d = assertRejected("WB.SUSPICIOUS_ZIP", out.toByteArray(), "年报.xlsx");
    assertTrue(d.message().contains("重名"), d.message());
  }

  @Test
  void zstdCompressionMethodIsRejectedBeforePoiSeesIt() {
    // Patch the first entry's method (local header and central directory) to 20, as the fuzzer's crash file.
    byte[] b = XLSX.clone();
    assertEquals(0x04034b50, le32(b, 0));
    b[8] = 20;
    b[9] = 0;
    int eocd = b.length - 22;
    while (le32(b, eocd) != 0x06054b50) {
      eocd--;
    }
    int central = le32(b, eocd + 16);
    assertEquals(0x02014b50, le32(b, central));
    b[central + 10] = 20;
    b[central + 11] = 0;
    Diagnostic d = assertRejected("WB.UNSUPPORTED_ZIP", b, "年报.xlsx");
    assertTrue(d.message().contains("20"), d.message());
  }

  @Test
  void xlsContentNamedXlsxIsReadWithANote() {
    Result<ReportData> r = WorkbookReader.read(TestWorkbooks.toXls(XLSX), "年报.xlsx", SPEC);
    assertFalse(r.hasErrors(), r.diagnostics().toString());
    assertTrue(r.diagnostics().stream().anyMatch(d -> d.code().equals("WB.EXTENSION_MISMATCH") && !d.isError()));
    assertEquals(1, r.get().number("t3.new.natural").orElseThrow().intValue());
  }

  @Test
  void macrosAreNotedAndXlsbAndWordAreRejected() throws Exception {
    Result<ReportData> macro = WorkbookReader.read(withEntry(XLSX, "xl/vbaProject.bin"), "年报.xlsm", SPEC);
    assertTrue(macro.value().isPresent(), macro.diagnostics().toString());
    assertTrue(macro.diagnostics().stream().anyMatch(d -> d.code().equals("WB.MACROS")));
    assertRejected("WB.XLSB", withEntry(XLSX, "xl/workbook.bin"), "年报.xlsb");
  }

  @Test
  void oversizedFileIsRejectedBeforeParsing() {
    var r = WorkbookReader.read(XLSX, "年报.xlsx", SPEC, new WorkbookReader.Limits(1000, 1000, 100L << 20, 10L << 20));
    assertEquals(List.of("WB.TOO_LARGE"), r.diagnostics().stream().map(Diagnostic::code).toList());
  }

  @Test
  void otherOle2FilesGetTheirOwnReason() throws Exception {
    Diagnostic doc = assertRejected("WB.NOT_EXCEL", TestWorkbooks.ole2("WordDocument", 600), "年报.xls");
    assertTrue(doc.message().contains("Word"), doc.message());
    assertRejected("WB.OLD_EXCEL", TestWorkbooks.ole2("Book", 600), "年报.xls");
  }

  @Test
  void aHugeSheetIsRefusedBeforePoiBuildsIt() {
    // 11 MB of sheet XML compresses to a few hundred KB (an honest ratio, not a zip bomb): the file limit alone
    // would let it through to an OOM.
    String sheet = new String(FuzzZips.entry(XLSX, "xl/worksheets/sheet4.xml"), StandardCharsets.UTF_8);
    byte[] huge = FuzzZips.replace(XLSX, "xl/worksheets/sheet4.xml",
        TestWorkbooks.hugeSheet(sheet).getBytes(StandardCharsets.UTF_8));
    assertTrue(huge.length < WorkbookReader.Limits.DEFAULT.maxFileBytes());
    assertRejected("WB.SHEET_TOO_LARGE", huge, "年报.xlsx");
  }

  /** A copy of {@code zip} with the entry {@code name} added (3 bytes) and .bin declared in [Content_Types].xml. */
  static byte[] withEntry(byte[] zip, String name) {
    // A part without a content type is itself invalid: declare .bin as Excel does for vbaProject.bin.
    String types = new String(FuzzZips.entry(zip, "[Content_Types].xml"), StandardCharsets.UTF_8)
        .replaceFirst("(<Types[^>]*>)", "$1<Default Extension=\"bin\" ContentType=\"application/vnd.ms-office.vbaProject\"/>");
    return FuzzZips.replace(FuzzZips.replace(zip, "[Content_Types].xml", types.getBytes(StandardCharsets.UTF_8)),
        name, new byte[] {1, 2, 3});
  }

  static int le32(byte[] b, int i) {
    return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff) << 16 | (b[i + 3] & 0xff) << 24;
  }

  static Diagnostic assertRejected(String code, byte[] bytes, String name) {
    Result<ReportData> r = WorkbookReader.read(bytes, name, SPEC);
    assertFalse(r.value().isPresent(), "must be rejected: " + r.diagnostics());
    List<Diagnostic> errors = r.diagnostics().stream().filter(Diagnostic::isError).toList();
    assertEquals(List.of(code), errors.stream().map(Diagnostic::code).toList(), errors.toString());
    assertEquals(name, errors.get(0).location().file());
    return errors.get(0);
  }
}
