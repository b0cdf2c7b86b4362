package org.docmerge.template;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.docmerge.diag.Diagnostic;
import org.docmerge.diag.Location;
import org.docmerge.diag.Result;
import org.docmerge.diag.Severity;
import org.docmerge.spec.ReportSpec;

/**
 * Remembers a compiled template on disk so that a cold {@code merge} need not start docx4j (about 1.5 s of
 * the 2 s a single merge took). The key is the SHA-256 of the template's bytes, its name, the whole spec (in a
 * form that is the same in every run: {@link #canonical}) and this format's version, so any change to either
 * compiles afresh. Every compiled segment is stored, repeated rows and conditions included. The file carries a
 * SHA-256 of its own content and is ignored when that does not match. Only a compile without errors is stored,
 * with its warnings, so a cache hit reports exactly what the compile reported. Used for the shipped templates
 * only: an office's own {@code --template} always goes through the full docx4j checks. Stateless; thread-safe (a
 * file is written under a temporary name and moved into place).
 */
public final class TemplateCache {
  /** 2: repeats and conditions are stored too (version 1 had neither). */
  private static final int VERSION = 2;
  /** Repeats and conditions nest far less than this in any template; a deeper entry is not trusted. */
  private static final int MAX_NESTING = 64;
  private static final byte[] MAGIC = "DMTPL".getBytes(StandardCharsets.US_ASCII);

  private TemplateCache() {}

  /** The compiled template, from {@code dir} when a valid entry is there, else compiled (and stored when clean). */
  public static Result<PreparedTemplate> compile(byte[] docx, String name, ReportSpec spec, Path dir) {
    String key = key(docx, name, spec);
    Path file = dir.resolve("template-" + key.substring(0, 32) + ".bin");
    Optional<Result<PreparedTemplate>> hit = load(file, key);
    if (hit.isPresent()) {
      return hit.get();
    }
    Result<PreparedTemplate> compiled = TemplateCompiler.compile(docx, name, spec);
    if (compiled.value().isPresent() && !compiled.hasErrors()) {
      store(file, key, compiled);
    }
    return compiled;
  }

  static String key(byte[] docx, String name, ReportSpec spec) {
    MessageDigest md = sha256();
    md.update(("docmerge-template-cache-v" + VERSION + "\0" + name + "\0" + canonical(spec) + "\0")
        .getBytes(StandardCharsets.UTF_8));
    md.update(docx);
    return HexFormat.of().formatHex(md.digest());
  }

  /**
   * Everything a spec says, as text that is the same in every run: records component by component, strings with
   * their length (so no two specs read alike), lists in order, maps and sets sorted. A spec's own {@code toString}
   * would do within one run, but {@code Map.copyOf} iterates in an order that changes from run to run, and the
   * cache is for the next run.
   */
  static String canonical(Object o) {
    StringBuilder sb = new StringBuilder(4096);
    canonical(o, sb);
    return sb.toString();
  }

  private static void canonical(Object o, StringBuilder sb) {
    if (o instanceof Record r) {
      sb.append(r.getClass().getName()).append('(');
      for (RecordComponent c : r.getClass().getRecordComponents()) {
        sb.append(c.getName()).append('=');
        Object value;
        try {
          java.lang.reflect.Method accessor = c.getAccessor();
          accessor.setAccessible(true); // a record the spec package keeps to itself is read all the same
          value = accessor.invoke(r);
        } catch (ReflectiveOperationException | RuntimeException e) {
          value = String.valueOf(r); // still the whole content, if in this run's words: at worst a miss next run
        }
        canonical(value, sb);
        sb.append(';');
      }
      sb.append(')');
    } else if (o instanceof Map<?, ?> m) {
      List<String> entries = new ArrayList<>();
      m.forEach((k, v) -> entries.add(canonical(k) + "=" + canonical(v)));
      Collections.sort(entries);
      sb.append("{").append(String.join(";", entries)).append('}');
    } else if (o instanceof Set<?> s) {
      List<String> items = new ArrayList<>();
      s.forEach(i -> items.add(canonical(i)));
      Collections.sort(items);
      sb.append("<").append(String.join(";", items)).append('>');
    } else if (o instanceof Collection<?> c) {
      sb.append('[');
      c.forEach(i -> {
        canonical(i, sb);
        sb.append(';');
      });
      sb.append(']');
    } else if (o instanceof String s) {
      sb.append(s.length()).append('"').append(s);
    } else {
      sb.append(o);
    }
  }

  static Optional<Result<PreparedTemplate>> load(Path file, String key) {
    try {
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      byte[] all = Files.readAllBytes(file);
      if (all.length < 32) {
        return Optional.empty();
      }
      byte[] body = Arrays.copyOf(all, all.length - 32);
      if (!Arrays.equals(sha256().digest(body), Arrays.copyOfRange(all, all.length - 32, all.length))) {
        return Optional.empty();
      }
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(body));
      byte[] magic = in.readNBytes(MAGIC.length);
      if (!Arrays.equals(magic, MAGIC) || in.readInt() != VERSION || !str(in).equals(key)) {
        return Optional.empty();
      }
      String name = str(in);
      int n = in.readInt();
      List<TagUse> tags = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        tags.add(new TagUse(str(in), TagUse.Kind.values()[in.readByte()], str(in)));
      }
      n = in.readInt();
      List<String> entries = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        entries.add(str(in));
      }
      n = in.readInt();
      Map<String, byte[]> raw = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        raw.put(str(in), bytes(in));
      }
      n = in.readInt();
      Map<String, List<Segment>> compiled = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        String part = str(in);
        compiled.put(part, segments(in, 0));
      }
      n = in.readInt();
      Map<String, String> empty = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        empty.put(str(in), str(in));
      }
      n = in.readInt();
      List<Diagnostic> diags = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        Severity sev = Severity.values()[in.readByte()];
        String code = str(in);
        Location loc = new Location(str(in), str(in), in.readInt(), in.readInt(), str(in));
        diags.add(new Diagnostic(sev, code, loc, str(in)));
      }
      return Optional.of(Result.of(new PreparedTemplate(name, tags, entries, raw, compiled, empty), diags));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // a damaged entry is recompiled and rewritten
    }
  }

  static void store(Path file, String key, Result<PreparedTemplate> result) {
    PreparedTemplate t = result.get();
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 * 1024);
      DataOutputStream out = new DataOutputStream(bytes);
      out.write(MAGIC);
      out.writeInt(VERSION);
      str(out, key);
      str(out, t.name());
      out.writeInt(t.tags().size());
      for (TagUse u : t.tags()) {
        str(out, u.name());
        out.writeByte(u.kind().ordinal());
        str(out, u.location());
      }
      out.writeInt(t.entries().size());
      for (String e : t.entries()) {
        str(out, e);
      }
      out.writeInt(t.raw().size());
      for (Map.Entry<String, byte[]> e : t.raw().entrySet()) {
        str(out, e.getKey());
        out.writeInt(e.getValue().length);
        out.write(e.getValue());
      }
      out.writeInt(t.compiled().size());
      for (Map.Entry<String, List<Segment>> e : t.compiled().entrySet()) {
        str(out, e.getKey());
        segments(out, e.getValue());
      }
      out.writeInt(t.emptyText().size());
      for (Map.Entry<String, String> e : t.emptyText().entrySet()) {
        str(out, e.getKey());
        str(out, e.getValue());
      }
      out.writeInt(result.diagnostics().size());
      for (Diagnostic d : result.diagnostics()) {
        out.writeByte(d.severity().ordinal());
        str(out, d.code());
        str(out, d.location().file());
        str(out, d.location().sheet());
        out.writeInt(d.location().row());
        out.writeInt(d.location().column());
        str(out, d.location().detail());
        str(out, d.message());
      }
      out.flush();
      byte[] body = bytes.toByteArray();
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), ".template-", ".tmp");
      try {
        Files.write(tmp, body);
        Files.write(tmp, sha256().digest(body), java.nio.file.StandardOpenOption.APPEND);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException | RuntimeException e) {
      // best effort: without a cache entry the next run compiles again
    }
  }

  /** A list of segments; a repeat's or a condition's body is a nested list. */
  private static void segments(DataOutputStream out, List<Segment> segs) throws IOException {
    out.writeInt(segs.size());
    for (Segment s : segs) {
      if (s instanceof Segment.Literal l) {
        out.writeByte(0);
        str(out, l.xml());
      } else if (s instanceof Segment.Inline in) {
        out.writeByte(1);
        str(out, in.name());
      } else if (s instanceof Segment.Block b) {
        out.writeByte(2);
        str(out, b.name());
        str(out, b.head());
        str(out, b.tail());
        str(out, b.lastHead());
        str(out, b.lastTail());
      } else if (s instanceof Segment.Repeat r) {
        out.writeByte(3);
        str(out, r.name());
        segments(out, r.body());
      } else if (s instanceof Segment.Condition c) {
        out.writeByte(4);
        str(out, c.name());
        segments(out, c.body());
      } else {
        throw new IOException("unknown segment " + s); // a new kind of segment must be added here first
      }
    }
  }

  /** Reads what {@link #segments(DataOutputStream, List)} wrote; nesting deeper than any template is refused. */
  private static List<Segment> segments(DataInputStream in, int depth) throws IOException {
    if (depth > MAX_NESTING) {
      throw new IOException("nested too deep");
    }
    int m = in.readInt();
    if (m < 0) {
      throw new IOException("bad count");
    }
    List<Segment> segs = new ArrayList<>(Math.min(m, 1 << 16));
    for (int j = 0; j < m; j++) {
      byte type = in.readByte();
      segs.add(switch (type) {
        case 0 -> new Segment.Literal(str(in));
        case 1 -> new Segment.Inline(str(in));
        case 2 -> new Segment.Block(str(in), str(in), str(in), str(in), str(in));
        case 3 -> new Segment.Repeat(str(in), segments(in, depth + 1));
        case 4 -> new Segment.Condition(str(in), segments(in, depth + 1));
        default -> throw new IOException("unknown segment " + type);
      });
    }
    return List.copyOf(segs);
  }

  private static void str(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String str(DataInputStream in) throws IOException {
    return new String(bytes(in), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > (64 << 20)) {
      throw new IOException("bad length");
    }
    byte[] b = in.readNBytes(n);
    if (b.length != n) {
      throw new IOException("truncated");
    }
    return b;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
