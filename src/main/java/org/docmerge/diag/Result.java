package org.docmerge.diag;

import java.util.List;
import java.util.Optional;

/**
 * What a stage returns: its value (absent when the stage could not produce one) and every diagnostic it found.
 * Immutable when {@code T} is.
 */
public record Result<T>(Optional<T> value, List<Diagnostic> diagnostics) {

  public Result {
    diagnostics = List.copyOf(diagnostics);
  }

  public static <T> Result<T> of(T value, List<Diagnostic> diagnostics) {
    return new Result<>(Optional.ofNullable(value), diagnostics);
  }

  public static <T> Result<T> failed(List<Diagnostic> diagnostics) {
    return new Result<>(Optional.empty(), diagnostics);
  }

  public static <T> Result<T> failed(Diagnostic diagnostic) {
    return new Result<>(Optional.empty(), List.of(diagnostic));
  }

  public boolean hasErrors() {
    return Diagnostics.anyErrors(diagnostics);
  }

  public T get() {
    return value.orElseThrow(() -> new IllegalStateException("no value: " + diagnostics));
  }
}
