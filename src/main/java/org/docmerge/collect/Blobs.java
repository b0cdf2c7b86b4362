package org.docmerge.collect;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The collection's files, stored by content: {@code files/ab/abcdef…} named by their SHA-256, written once and never
 * changed. A file is written to {@code files/tmp/}, forced to disk, then renamed atomically into place (and the
 * folder forced), so a file under its hash name is always complete; a crash leaves at most a stray temp file, which
 * the next start removes. The same content stored twice is one file. Thread-safe.
 */
final class Blobs {
  private static final Pattern SHA = Pattern.compile("[0-9a-f]{64}");
  private final Path root;
  private final Path tmp;

  Blobs(Path root) throws IOException {
    this.root = root;
    this.tmp = root.resolve("tmp");
    Files.createDirectories(tmp);
    try (var stale = Files.list(tmp)) {
      for (Path p : (Iterable<Path>) stale::iterator) {
        Files.deleteIfExists(p); // half-written by a process that died: never referenced by the database
      }
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Stores the bytes (if not already there) and returns their SHA-256; the file is on disk when this returns. */
  String put(byte[] bytes) throws IOException {
    String sha = sha256(bytes);
    Path target = path(sha);
    if (Files.isRegularFile(target) && Files.size(target) == bytes.length) {
      return sha;
    }
    Files.createDirectories(target.getParent());
    Path t = tmp.resolve(UUID.randomUUID() + ".part");
    try (FileChannel ch = FileChannel.open(t, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      while (b.hasRemaining()) {
        ch.write(b);
      }
      ch.force(true);
    }
    try {
      Files.move(t, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
      Files.deleteIfExists(t);
      throw e;
    }
    forceDir(target.getParent());
    return sha;
  }

  /** The stored bytes, checked against their name; empty when missing or damaged. */
  Optional<byte[]> get(String sha) throws IOException {
    if (sha == null || !SHA.matcher(sha).matches()) {
      return Optional.empty();
    }
    Path p = path(sha);
    if (!Files.isRegularFile(p)) {
      return Optional.empty();
    }
    byte[] b = Files.readAllBytes(p);
    return sha256(b).equals(sha) ? Optional.of(b) : Optional.empty();
  }

  private Path path(String sha) {
    if (!SHA.matcher(sha).matches()) {
      throw new IllegalArgumentException("not a SHA-256");
    }
    return root.resolve(sha.substring(0, 2)).resolve(sha);
  }

  private static void forceDir(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // some file systems cannot open a folder; the rename itself is atomic
    }
  }
}
