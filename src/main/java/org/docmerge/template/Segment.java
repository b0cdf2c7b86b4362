package org.docmerge.template;

/**
 * A piece of a compiled part: literal XML copied as is, an inline slot (inside an open {@code w:t}) or a block
 * slot (a whole paragraph, repeated once per paragraph of prose). Immutable; thread-safe.
 */
sealed interface Segment {
  /** XML copied unchanged. */
  record Literal(String xml) implements Segment {}

  /** A value written inside an open {@code <w:t xml:space="preserve">}. */
  record Inline(String name) implements Segment {}

  /**
   * One paragraph per line of prose: {@code head + text + tail}. The last paragraph uses {@code lastHead} and
   * {@code lastTail}, which differ only when the tag's paragraph ended a section (its pPr held a w:sectPr).
   */
  record Block(String name, String head, String tail, String lastHead, String lastTail) implements Segment {}

  /** A table row repeated once per row of list {@code name}; its inline slots may name the list's columns. */
  record Repeat(String name, java.util.List<Segment> body) implements Segment {}

  /** Content kept only when value (or list) {@code name} is set. */
  record Condition(String name, java.util.List<Segment> body) implements Segment {}
}
