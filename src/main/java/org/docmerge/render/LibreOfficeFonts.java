package org.docmerge.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The fonts LibreOffice sets the report in. The .docx keeps the official font names (仿宋_GB2312, 方正小标宋简体,
 * 黑体, 楷体_GB2312, 宋体); on a machine without them LibreOffice would set everything in one CJK sans. Rather than
 * rewrite the document, the soffice process gets our fontconfig file ({@code fonts.conf} beside this class), which
 * maps each official name to a free face of the same style from Debian packages: FandolFang for 仿宋, Noto Serif
 * CJK SC Bold for the 小标宋 title, FandolHei for 黑体, FandolKai for 楷体 (texlive-lang-chinese, fonts-noto-cjk).
 * A machine that has the official fonts keeps using them.
 *
 * <p>The file is written once per content to a private folder under the system temp folder (owner-only, reused by
 * every run, never in a user's folder). Thread-safe: concurrent first writes race on an atomic rename of the same
 * bytes.
 */
public final class LibreOfficeFonts {
  static final String RESOURCE = "fonts.conf";

  private static volatile Path written;

  private LibreOfficeFonts() {}

  /**
   * The environment entries to add to an soffice process: {@code FONTCONFIG_FILE} naming our configuration. Empty
   * when the file cannot be written (soffice then uses the system's font choice, as before).
   */
  public static Map<String, String> environment() {
    try {
      return Map.of("FONTCONFIG_FILE", configFile().toString());
    } catch (IOException | UncheckedIOException e) {
      return Map.of();
    }
  }

  /** The path of our fontconfig file, writing it on first use. */
  static Path configFile() throws IOException {
    Path p = written;
    if (p != null && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
      return p;
    }
    Path file = writeIn(Path.of(System.getProperty("java.io.tmpdir")));
    written = file;
    return file;
  }

  /** Writes our configuration (unless there already) to a private folder in {@code tmp}; returns its path. */
  static Path writeIn(Path tmp) throws IOException {
    byte[] conf = config();
    Path dir = tmp.resolve("docmerge-fonts-" + System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_"));
    boolean fresh = false;
    try {
      privateFolder(dir);
    } catch (IOException e) {
      // Someone else's folder under that name: a fresh one of our own for this run, removed when it ends.
      dir = Files.createTempDirectory("docmerge-fonts-");
      dir.toFile().deleteOnExit();
      fresh = true;
    }
    Path file = dir.resolve("fonts-" + HexFormat.of().formatHex(sha256(conf), 0, 8) + ".conf");
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      if (fresh) {
        file.toFile().deleteOnExit(); // the shared folder's file stays: other runs may be using it
      }
      Path part = Files.createTempFile(dir, "fonts-", ".tmp");
      Files.write(part, conf);
      try {
        Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return file;
  }

  /** Creates {@code dir} readable by its owner only; refuses one that is a link or belongs to someone else. */
  private static void privateFolder(Path dir) throws IOException {
    try {
      Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (FileAlreadyExistsException e) {
      // Reused from an earlier run: checked below.
    } catch (UnsupportedOperationException e) {
      Files.createDirectories(dir);
    }
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException("not a folder: " + dir);
    }
    try {
      // Compared with the owner of a file we create, not with user.name: in a container the two can differ.
      Path probe = Files.createTempFile(dir, "owner-", ".tmp");
      try {
        if (!Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).equals(Files.getOwner(probe))) {
          throw new IOException("folder belongs to another user: " + dir);
        }
      } finally {
        Files.deleteIfExists(probe);
      }
    } catch (UnsupportedOperationException e) {
      // No owners on this file system: nothing to check.
    }
  }

  static byte[] config() {
    try (InputStream in = LibreOfficeFonts.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new UncheckedIOException(new IOException("missing resource " + RESOURCE));
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] sha256(byte[] b) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(b);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
