package org.docmerge.template;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.docmerge.diag.SafeText;

/**
 * A checked, repaired and compiled template, ready to render any number of documents. Rendering is string
 * assembly plus zip: no XML parsing and no JAXB per document, so it takes about a millisecond. Immutable and
 * thread-safe: render may be called from many threads at once.
 *
 * <p>Values are written as text, never as markup: {@code & < > " '} are escaped, C0 control characters are
 * removed by {@link SafeText} (they make the .docx unreadable), {@code \n} and U+000B (Word's Shift+Enter) become line breaks,
 * {@code \t} a tab, and a {@code {{} in a value appears literally, because values are never scanned for tags.
 */
public final class PreparedTemplate {
  /** Fixed entry time: rendering the same data twice gives byte-identical files. */
  private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

  private static final String BREAK = "</w:t><w:br/><w:t xml:space=\"preserve\">";
  private static final String TAB = "</w:t><w:tab/><w:t xml:space=\"preserve\">";

  private final String name;
  private final List<TagUse> tags;
  private final Set<String> names;
  private final List<String> entries;
  private final Map<String, byte[]> raw;
  private final Map<String, List<Segment>> compiled;
  private final Map<String, String> emptyText;

  PreparedTemplate(
      String name,
      List<TagUse> tags,
      List<String> entries,
      Map<String, byte[]> raw,
      Map<String, List<Segment>> compiled,
      Map<String, String> emptyText) {
    this.name = name;
    this.tags = List.copyOf(tags);
    Set<String> n = new LinkedHashSet<>();
    tags.forEach(t -> n.add(t.name()));
    this.names = Collections.unmodifiableSet(n);
    this.entries = List.copyOf(entries);
    // The byte arrays are never handed out, so sharing them between threads is safe.
    this.raw = Collections.unmodifiableMap(new LinkedHashMap<>(raw));
    this.compiled = Collections.unmodifiableMap(new LinkedHashMap<>(compiled));
    this.emptyText = Map.copyOf(emptyText);
  }

  List<String> entries() {
    return entries;
  }

  Map<String, byte[]> raw() {
    return raw;
  }

  Map<String, List<Segment>> compiled() {
    return compiled;
  }

  Map<String, String> emptyText() {
    return emptyText;
  }

  /** The template's file name, as given to the compiler. */
  public String name() {
    return name;
  }

  /** Every tag use in document order (main document, then headers and footers). */
  public List<TagUse> tags() {
    return tags;
  }

  /** The distinct tag names the template uses. */
  public Set<String> names() {
    return names;
  }

  /**
   * Renders a document.
   *
   * <p>A block value is a list of paragraphs, each written with the pPr of the tag's paragraph and the rPr of
   * the tag's run. An empty list prints the section's {@code empty} text from the spec when it has one (such as
   * 「无」), and otherwise one empty paragraph: the paragraph is kept rather than dropped so that the spacing
   * between headings stays what the template designer set.
   *
   * @param inline values of inline tags (fields and cells) by name
   * @param blocks paragraphs of block tags (sections) by name
   * @return the .docx bytes
   * @throws IllegalArgumentException when a tag the template uses has no value; the caller guarantees
   *     completeness, and a report with a missing value must never be written
   */
  public byte[] render(Map<String, String> inline, Map<String, List<String>> blocks) {
    return render(inline, blocks, Extras.NONE);
  }

  /**
   * What a document carries beyond its tags.
   *
   * @param title the document title (docProps/core.xml {@code dc:title}), or null to keep the template's
   * @param author the author ({@code dc:creator}: the 机关名称), or null to keep the template's
   * @param draftProblems when non-null, the document is a draft: every page's footer and the first page say
   *     「草稿」 and these lines are appended at the end, for internal review only
   * @param faultyTags in a draft, the inline tags whose values have errors: their table cells are shaded
   */
  public record Extras(String title, String author, List<String> draftProblems, Set<String> faultyTags) {
    public static final Extras NONE = new Extras(null, null, null);

    public Extras {
      faultyTags = faultyTags == null ? Set.of() : Set.copyOf(faultyTags);
    }

    public Extras(String title, String author, List<String> draftProblems) {
      this(title, author, draftProblems, Set.of());
    }
  }

  /** As {@link #render(Map, Map)}, with document properties and, for a draft, its marks and problem list. */
  public byte[] render(Map<String, String> inline, Map<String, List<String>> blocks, Extras extras) {
    return render(inline, blocks, Map.of(), extras);
  }

  /**
   * As {@link #render(Map, Map, Extras)}, with the rows of each list: a row repeated by {@code {{#list}}} is
   * written once per row (none for an empty list), its {@code {{list.column}}} tags taking that row's values.
   */
  public byte[] render(Map<String, String> inline, Map<String, List<String>> blocks,
      Map<String, List<Map<String, String>>> lists, Extras extras) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (String entry : entries) {
        List<Segment> segs = compiled.get(entry);
        Set<String> faulty = extras.draftProblems() == null ? Set.of() : extras.faultyTags();
        String xml = null;
        if (segs != null) {
          StringBuilder sb = new StringBuilder(256 * 1024);
          assemble(sb, segs, inline, Map.of(), blocks, lists, faulty);
          xml = sb.toString();
        }
        byte[] data = Extra.apply(entry, xml, raw.get(entry), extras);
        ZipEntry e = new ZipEntry(entry);
        e.setTimeLocal(ENTRY_TIME);
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
    }
    return bytes.toByteArray();
  }

  private void assemble(StringBuilder sb, List<Segment> segs, Map<String, String> inline, Map<String, String> row,
      Map<String, List<String>> blocks, Map<String, List<Map<String, String>>> lists, Set<String> faulty) {
    for (Segment s : segs) {
      if (s instanceof Segment.Literal l) {
        sb.append(l.xml());
      } else if (s instanceof Segment.Inline in) {
        TagSyntax tag = TagSyntax.parse(in.name());
        String v = row.containsKey(tag.name()) ? row.get(tag.name()) : inline.get(tag.name());
        if (v == null) {
          throw new IllegalArgumentException("no value for tag {{" + in.name() + "}} in template " + name);
        }
        if (faulty.contains(tag.name())) {
          sb.append(Extra.FAULTY); // Extra shades the cell around it
        }
        appendText(sb, TagSyntax.apply(v, tag.format()));
      } else if (s instanceof Segment.Repeat r) {
        List<Map<String, String>> rows = lists.get(r.name());
        if (rows == null) {
          throw new IllegalArgumentException("no rows for list {{#" + r.name() + "}} in template " + name);
        }
        for (Map<String, String> item : rows) {
          Map<String, String> scope = new java.util.HashMap<>(row);
          item.forEach((k, v) -> scope.put(r.name() + "." + k, v));
          assemble(sb, r.body(), inline, scope, blocks, lists, faulty);
        }
      } else if (s instanceof Segment.Condition c) {
        boolean set;
        if (lists.containsKey(c.name())) {
          set = !lists.get(c.name()).isEmpty();
        } else {
          set = TagSyntax.truthy(row.containsKey(c.name()) ? row.get(c.name()) : inline.get(c.name()));
        }
        if (set) {
          assemble(sb, c.body(), inline, row, blocks, lists, faulty);
        }
      } else if (s instanceof Segment.Block b) {
        List<String> paras = blocks.get(b.name());
        if (paras == null) {
          throw new IllegalArgumentException("no paragraphs for tag {{" + b.name() + "}} in template " + name);
        }
        if (paras.isEmpty()) {
          paras = List.of(emptyText.getOrDefault(b.name(), ""));
        }
        for (int i = 0; i < paras.size(); i++) {
          boolean last = i == paras.size() - 1;
          sb.append(last ? b.lastHead() : b.head());
          appendText(sb, paras.get(i));
          sb.append(last ? b.lastTail() : b.tail());
        }
      }
    }
  }

  /** Appends a value as the content of an open {@code w:t}, cleaned by {@link SafeText#clean}. */
  static void appendText(StringBuilder sb, String value) {
    String v = SafeText.clean(value);
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      switch (c) {
        case '\n' -> sb.append(BREAK);
        case '\t' -> sb.append(TAB);
        case '\r' -> {
          // CRLF is one break; a lone CR (old Mac text) is a break too.
          if (i + 1 >= v.length() || v.charAt(i + 1) != '\n') {
            sb.append(BREAK);
          }
        }
        default -> escape(sb, c);
      }
    }
  }

  /** Appends a value as the text of a one-line property: {@link SafeText#oneLine}, escaped, no markup. */
  static void appendOneLine(StringBuilder sb, String value) {
    String v = SafeText.oneLine(value);
    for (int i = 0; i < v.length(); i++) {
      escape(sb, v.charAt(i));
    }
  }

  private static void escape(StringBuilder sb, char c) {
    switch (c) {
      case '&' -> sb.append("&amp;");
      case '<' -> sb.append("&lt;");
      case '>' -> sb.append("&gt;");
      case '"' -> sb.append("&quot;");
      case '\'' -> sb.append("&apos;");
      default -> sb.append(c);
    }
  }
}
