package org.docmerge.diag;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A growing list of diagnostics that a stage fills while it works. Not thread-safe: each stage run owns one.
 */
public final class Diagnostics {
  private final List<Diagnostic> list = new ArrayList<>();

  public void add(Diagnostic d) {
    list.add(d);
  }

  public void addAll(Collection<Diagnostic> ds) {
    list.addAll(ds);
  }

  public void error(String code, Location location, String message) {
    add(Diagnostic.error(code, location, message));
  }

  public void warning(String code, Location location, String message) {
    add(Diagnostic.warning(code, location, message));
  }

  public void info(String code, Location location, String message) {
    add(Diagnostic.info(code, location, message));
  }

  public boolean hasErrors() {
    return list.stream().anyMatch(Diagnostic::isError);
  }

  public long errorCount() {
    return list.stream().filter(Diagnostic::isError).count();
  }

  /** A sorted, immutable copy. */
  public List<Diagnostic> sorted() {
    List<Diagnostic> copy = new ArrayList<>(list);
    copy.sort(Diagnostic.ORDER);
    return List.copyOf(copy);
  }

  public List<Diagnostic> asList() {
    return List.copyOf(list);
  }

  public static boolean anyErrors(Collection<Diagnostic> ds) {
    return ds.stream().anyMatch(Diagnostic::isError);
  }
}
