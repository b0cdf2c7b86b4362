import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads each PDF given REPEAT times per round, ROUNDS rounds; prints milliseconds per file read (bench/pdf-read.sh). */
public class PdfReadBench {
  public static void main(String[] args) throws Exception {
    int rounds = Integer.getInteger("rounds", 3);
    int repeat = Integer.getInteger("repeat", 5);
    List<byte[]> files = new ArrayList<>();
    for (String f : args) {
      files.add(Files.readAllBytes(Path.of(f)));
    }
    for (int round = 0; round < rounds; round++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < repeat; i++) {
        for (byte[] b : files) {
          org.docmerge.report.pdf.PdfReport.read(b, "bench.pdf");
        }
      }
      System.out.printf("%.1f%n", (System.nanoTime() - t0) / 1e6 / (repeat * files.size()));
    }
  }
}
