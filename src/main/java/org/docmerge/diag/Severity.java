package org.docmerge.diag;

/** How bad a diagnostic is. Errors block a document; warnings and notes never do. */
public enum Severity {
  ERROR("错误"),
  WARNING("警告"),
  INFO("提示");

  private final String chinese;

  Severity(String chinese) {
    this.chinese = chinese;
  }

  /** The word staff read in the CLI output. */
  public String chinese() {
    return chinese;
  }
}
