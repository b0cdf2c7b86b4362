package org.docmerge.template;

/**
 * One use of a tag in a template. Immutable and thread-safe.
 *
 * @param name the tag's name without braces, e.g. {@code t3.new.natural}
 * @param kind INLINE (replaced inside its run) or BLOCK (its paragraph becomes one paragraph per line of prose)
 * @param location where it is, in words staff can follow: {@code 正文 表3 第4行 第2格}, {@code 页脚(footer1.xml) 第1段}
 */
public record TagUse(String name, Kind kind, String location) {
  /** How a tag is replaced. */
  public enum Kind {
    INLINE,
    BLOCK,
    /** {@code {{#list}}}: its table row is repeated per list row. */
    REPEAT,
    /** {@code {{?name}}}: what follows up to {@code {{/name}}} is kept only when the value is set. */
    CONDITION
  }
}
