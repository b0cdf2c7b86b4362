package org.docmerge.spec;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.docmerge.diag.Diagnostic;
import org.docmerge.diag.Diagnostics;
import org.docmerge.diag.Location;
import org.docmerge.diag.Result;

/**
 * Finds report kinds and reads their specs. A kind is looked up first as a folder (a path given by the user, or
 * {@code templates/<kind>} under the working directory), then in the copy packed in the jar. Thread-safe.
 */
public final class SpecReader {
  /** The kind used when the user names none. */
  public static final String DEFAULT_KIND = "gov-info-annual-2021";

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  /**
   * Every kind shipped with docmerge, newest first (by the first year it applies to): the folders under {@code
   * templates/} packed with docmerge that hold a {@code spec.json}. Adding a kind is adding a folder.
   */
  public static final List<String> SHIPPED = discover();

  private static List<String> discover() {
    java.net.URL root = SpecReader.class.getClassLoader().getResource("templates");
    if (root == null) {
      return List.of();
    }
    try {
      java.net.URI uri = root.toURI();
      if ("jar".equals(uri.getScheme())) {
        java.nio.file.FileSystem fs;
        try {
          fs = java.nio.file.FileSystems.newFileSystem(uri, java.util.Map.of());
        } catch (java.nio.file.FileSystemAlreadyExistsException e) {
          fs = java.nio.file.FileSystems.getFileSystem(uri);
        }
        return kindsIn(fs.getPath("templates"));
      }
      return kindsIn(Path.of(uri));
    } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
      return List.of();
    }
  }

  private static List<String> kindsIn(Path templates) throws IOException {
    record Found(String id, int from) {}
    List<Found> found = new ArrayList<>();
    try (var folders = Files.list(templates)) {
      for (Path folder : folders.toList()) {
        Path spec = folder.resolve("spec.json");
        String id = folder.getFileName().toString().replace("/", "");
        if (id.matches("[a-z0-9-]+") && Files.isRegularFile(spec)) {
          found.add(new Found(id, JSON.readTree(Files.readAllBytes(spec)).path("years").path("from").asInt(0)));
        }
      }
    }
    found.sort(java.util.Comparator.comparingInt(Found::from).reversed().thenComparing(Found::id));
    return found.stream().map(Found::id).toList();
  }

  /** The specs of every shipped kind that loads, in {@link #SHIPPED} order. */
  public static List<ReportSpec> shippedSpecs() {
    return SHIPPED.stream().map(SpecReader::load).flatMap(r -> r.value().stream()).map(ReportKind::spec).toList();
  }

  private SpecReader() {}

  /** Loads a kind by id (a shipped kind) or by folder path. */
  public static Result<ReportKind> load(String kindOrFolder) {
    Path folder = Path.of(kindOrFolder);
    if (Files.isDirectory(folder)) {
      return loadFolder(folder);
    }
    Path local = Path.of("templates", kindOrFolder);
    if (kindOrFolder.matches("[a-z0-9-]+") && Files.isDirectory(local) && Files.exists(local.resolve("spec.json"))) {
      return loadFolder(local);
    }
    String base = "templates/" + kindOrFolder + "/";
    try (InputStream in = SpecReader.class.getClassLoader().getResourceAsStream(base + "spec.json")) {
      if (in == null || !kindOrFolder.matches("[a-z0-9-]+")) {
        return Result.failed(
            Diagnostic.error(
                "SPEC.UNKNOWN_KIND",
                Location.NONE,
                "没有名为「" + kindOrFolder + "」的报告类型。可用的类型：" + String.join("、", SHIPPED)));
      }
      return parse(in.readAllBytes(), "jar:" + base, spec -> ReportKind.resource(base + spec.template()));
    } catch (IOException e) {
      return Result.failed(
          Diagnostic.error("SPEC.UNREADABLE", Location.NONE, "无法读取报告类型「" + kindOrFolder + "」" + org.docmerge.diag.Technical.of(e)));
    }
  }

  private static Result<ReportKind> loadFolder(Path folder) {
    Path specFile = folder.resolve("spec.json");
    try {
      byte[] bytes = Files.readAllBytes(specFile);
      return parse(bytes, folder.toString(), spec -> ReportKind.file(folder.resolve(spec.template())));
    } catch (IOException e) {
      return Result.failed(
          Diagnostic.error("SPEC.UNREADABLE", Location.file(specFile.toString()), "无法读取规格文件" + org.docmerge.diag.Technical.of(e)));
    }
  }

  private static Result<ReportKind> parse(
      byte[] bytes, String origin, Function<ReportSpec, ReportKind.TemplateSource> templateOf) {
    ReportSpec spec;
    try {
      spec = JSON.readValue(bytes, ReportSpec.class);
    } catch (IOException e) {
      return Result.failed(
          Diagnostic.error("SPEC.SYNTAX", Location.file(origin + "/spec.json"), "规格文件格式有误（不是有效的 JSON 或字段不对），加 --verbose 可看具体位置" + org.docmerge.diag.Technical.of(e)));
    }
    List<Diagnostic> problems = check(spec, origin);
    if (Diagnostics.anyErrors(problems)) {
      return Result.failed(problems);
    }
    return Result.of(new ReportKind(spec, origin, templateOf.apply(spec)), problems);
  }

  /** The spec's own consistency: unique ids, identities that name existing rows and columns. */
  static List<Diagnostic> check(ReportSpec spec, String origin) {
    Diagnostics d = new Diagnostics();
    Location where = Location.file(origin + "/spec.json");
    Set<String> ids = new HashSet<>();
    for (ReportSpec.Field f : spec.fields()) {
      unique(d, where, ids, "field " + f.id());
    }
    for (ReportSpec.Section s : spec.sections()) {
      unique(d, where, ids, "section " + s.id());
    }
    Set<String> cells = new HashSet<>();
    for (ReportSpec.Table t : spec.tables()) {
      for (ReportSpec.CellSpec c : t.cells()) {
        unique(d, where, cells, c.id());
      }
    }
    Set<String> cellIds = spec.cells().keySet();
    for (ReportSpec.ListSheet l : spec.lists()) {
      unique(d, where, ids, "list " + l.id());
      Set<String> cols = new HashSet<>();
      for (ReportSpec.ListColumn c : l.columns()) {
        unique(d, where, cols, l.id() + "." + c.id());
      }
    }
    for (ReportSpec.Computed c : spec.computed()) {
      unique(d, where, ids, "computed " + c.id());
      for (String term : c.sum()) {
        if (!cellIds.contains(term) && !isListColumn(spec, term)) {
          d.error("SPEC.BAD_IDENTITY", where, "计算值 " + c.id() + " 引用了不存在的单元格或列表列 " + term);
        }
      }
    }
    for (ReportSpec.Bound b : spec.bounds()) {
      List<String> terms = new ArrayList<>(b.left());
      terms.addAll(b.right());
      for (String term : terms) {
        if (!cellIds.contains(term)) {
          d.error("SPEC.BAD_IDENTITY", where, b.rule() + " 引用了不存在的单元格 " + term);
        }
      }
    }
    for (ReportSpec.Identity i : spec.identities()) {
      var table = spec.table(i.table());
      if (table.isEmpty()) {
        d.error("SPEC.BAD_IDENTITY", where, i.rule() + " 引用了不存在的表 " + i.table());
        continue;
      }
      List<String> names = new ArrayList<>(i.left());
      names.addAll(i.right());
      for (String n : names) {
        boolean found = i.alongRows() ? table.get().column(n).isPresent() : table.get().row(n).isPresent();
        if (!found) {
          d.error("SPEC.BAD_IDENTITY", where, i.rule() + " 引用了表 " + i.table() + " 中不存在的 " + n);
        }
      }
    }
    return d.asList();
  }

  /** Whether {@code list.column} names a numeric column of a list. */
  static boolean isListColumn(ReportSpec spec, String term) {
    int dot = term.indexOf('.');
    return dot > 0 && spec.list(term.substring(0, dot)).flatMap(l -> l.column(term.substring(dot + 1)))
        .map(ReportSpec.ListColumn::numeric).orElse(false);
  }

  private static void unique(Diagnostics d, Location where, Set<String> seen, String id) {
    if (!seen.add(id)) {
      d.error("SPEC.DUPLICATE_ID", where, "规格中的编号重复：" + id);
    }
  }
}
