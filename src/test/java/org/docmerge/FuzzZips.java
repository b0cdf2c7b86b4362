package org.docmerge;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Zip plumbing for the structure-aware fuzz targets and the hostile-file builders. Stateless. */
public final class FuzzZips {
  private FuzzZips() {}

  /** A copy of {@code zip} where entry {@code name} holds {@code content} (added when missing). */
  public static byte[] replace(byte[] zip, String name, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    boolean done = false;
    try (ZipOutputStream z = new ZipOutputStream(out); ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        byte[] data = in.readAllBytes();
        z.putNextEntry(new ZipEntry(e.getName()));
        if (e.getName().equals(name)) {
          data = content;
          done = true;
        }
        z.write(data);
        z.closeEntry();
      }
      if (!done) {
        z.putNextEntry(new ZipEntry(name));
        z.write(content);
        z.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The bytes of entry {@code name}, or null. */
  public static byte[] entry(byte[] zip, String name) {
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        if (e.getName().equals(name)) {
          return in.readAllBytes();
        }
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A classpath resource's bytes. */
  public static byte[] resource(String path) {
    try (InputStream in = FuzzZips.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
