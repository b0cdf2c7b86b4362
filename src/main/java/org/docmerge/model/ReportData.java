package org.docmerge.model;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.docmerge.diag.Location;

/**
 * The data of one report of a given kind. Immutable and thread-safe once built.
 *
 * @param kind the report kind's id
 * @param source the file it was read from, as the user named it
 * @param fields cover fields by field id (text as typed, trimmed); a missing field is absent
 * @param fieldLocations where each field was read
 * @param prose prose sections by section id: the paragraphs in order, never blank ones
 * @param proseLocations where each section was read
 * @param values table values by cell id; a cell that was not found at all is absent
 * @param lists rows of each list sheet by list id: each row maps column id to its value (with its cell)
 */
public record ReportData(
    String kind,
    String source,
    Map<String, String> fields,
    Map<String, Location> fieldLocations,
    Map<String, List<String>> prose,
    Map<String, Location> proseLocations,
    Map<String, CellValue> values,
    Map<String, List<Map<String, CellValue>>> lists) {

  /** A report without lists. */
  public ReportData(String kind, String source, Map<String, String> fields, Map<String, Location> fieldLocations,
      Map<String, List<String>> prose, Map<String, Location> proseLocations, Map<String, CellValue> values) {
    this(kind, source, fields, fieldLocations, prose, proseLocations, values, Map.of());
  }

  public ReportData {
    fields = Map.copyOf(fields);
    fieldLocations = Map.copyOf(fieldLocations);
    prose = copyProse(prose);
    proseLocations = Map.copyOf(proseLocations);
    values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    Map<String, List<Map<String, CellValue>>> ls = new LinkedHashMap<>();
    if (lists != null) {
      lists.forEach((k, rows) -> ls.put(k, rows.stream()
          .map(r -> java.util.Collections.unmodifiableMap(new LinkedHashMap<>(r))).toList()));
    }
    lists = java.util.Collections.unmodifiableMap(ls);
  }

  /** The rows of a list, empty when the list was not read. */
  public List<Map<String, CellValue>> rows(String listId) {
    return lists.getOrDefault(listId, List.of());
  }

  private static Map<String, List<String>> copyProse(Map<String, List<String>> prose) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    prose.forEach((k, v) -> out.put(k, List.copyOf(v)));
    return java.util.Collections.unmodifiableMap(out);
  }

  public String field(String id) {
    return fields.getOrDefault(id, "");
  }

  public Location fieldLocation(String id) {
    return fieldLocations.getOrDefault(id, Location.file(source));
  }

  public List<String> paragraphs(String sectionId) {
    return prose.getOrDefault(sectionId, List.of());
  }

  public Location proseLocation(String sectionId) {
    return proseLocations.getOrDefault(sectionId, Location.file(source));
  }

  public Optional<CellValue> value(String cellId) {
    return Optional.ofNullable(values.get(cellId));
  }

  /** The number in a cell, or empty when the cell is absent or not a number. */
  public Optional<BigDecimal> number(String cellId) {
    CellValue v = values.get(cellId);
    return v == null ? Optional.empty() : Optional.ofNullable(v.number());
  }

  /** The report year from the cover, or empty when it is not a four-digit year. */
  public Optional<Integer> year() {
    String y = field("year").replaceAll("\\s|年|年度", "");
    return y.matches("\\d{4}") ? Optional.of(Integer.parseInt(y)) : Optional.empty();
  }

  /** A mutable builder, used by the readers. Not thread-safe. */
  public static final class Builder {
    private final String kind;
    private final String source;
    private final Map<String, String> fields = new LinkedHashMap<>();
    private final Map<String, Location> fieldLocations = new LinkedHashMap<>();
    private final Map<String, List<String>> prose = new LinkedHashMap<>();
    private final Map<String, Location> proseLocations = new LinkedHashMap<>();
    private final Map<String, CellValue> values = new LinkedHashMap<>();
    private final Map<String, List<Map<String, CellValue>>> lists = new LinkedHashMap<>();

    public Builder(String kind, String source) {
      this.kind = kind;
      this.source = source;
    }

    public Builder field(String id, String value, Location where) {
      fields.put(id, value);
      fieldLocations.put(id, where);
      return this;
    }

    public Builder prose(String id, List<String> paragraphs, Location where) {
      prose.put(id, paragraphs);
      proseLocations.put(id, where);
      return this;
    }

    public Builder value(String cellId, CellValue value) {
      values.put(cellId, value);
      return this;
    }

    public Builder list(String listId, List<Map<String, CellValue>> rows) {
      lists.put(listId, rows);
      return this;
    }

    public ReportData build() {
      return new ReportData(kind, source, fields, fieldLocations, prose, proseLocations, values, lists);
    }
  }
}
