package org.docmerge.batch;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Locale;
import org.docmerge.output.SafeNames;

/**
 * The names of a batch's reports: {@code <机关名称><年度>年<the kind's title words>.docx} made one safe path
 * segment by {@link SafeNames} (hostile-inputs.md H54–H55) within {@value #MAX_BYTES} UTF-8 bytes, the keys
 * that find two inputs claiming one name (H56), and the final check that a name stays inside its folder.
 * Stateless; thread-safe.
 */
public final class OutputNames {
  /** Upper bound of a whole name in UTF-8 bytes, leaving room for the hidden temporary name around it. */
  public static final int MAX_BYTES = 200;

  private OutputNames() {}

  /**
   * {@code <机关名称><年度>年<titleWords>.docx}, made safe; {@code titleWords} is the kind's
   * ({@link org.docmerge.spec.ReportSpec#titleWords()}).
   */
  public static String report(String agency, String year, String titleWords) {
    String y = year == null ? "" : year.strip();
    return safe(agency + (y.isEmpty() ? "" : y + "年") + titleWords, ".docx");
  }

  /** {@code base + extension} as one safe segment within {@link #MAX_BYTES}: see {@link SafeNames}. */
  public static String safe(String base, String extension) {
    return SafeNames.segment(base, extension, MAX_BYTES);
  }

  /** Names that the same file on Windows or macOS would share: NFC, then case-folded. */
  public static String collisionKey(String name) {
    return Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
  }

  /**
   * {@code dir/name}, asserting that it stays directly inside {@code dir}. A name from {@link #safe} always does;
   * the check is the last line of defence against a bug there.
   */
  public static Path inside(Path dir, String name) {
    Path base = dir.toAbsolutePath().normalize();
    Path p = base.resolve(name).normalize();
    if (!base.equals(p.getParent()) || name.contains("/") || name.contains("\\")) {
      throw new IllegalArgumentException("output name escapes its folder: " + name);
    }
    return p;
  }
}
