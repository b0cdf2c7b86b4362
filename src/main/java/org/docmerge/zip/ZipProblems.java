package org.docmerge.zip;

/**
 * The one place that says, in words staff read, why a zip was refused by {@link ZipPreScan}: one switch from a
 * {@link ZipPreScan.Problem} to a Chinese message, parameterised by what the file is ({@link Input}: the message
 * names the program that saves it and tells how to save it again) and by the stage's own {@link CodeFamily}, so
 * the workbook keeps its {@code WB.*} codes and the template its {@code TEMPLATE.*} codes. Stateless; thread-safe.
 */
public final class ZipProblems {
  private ZipProblems() {}

  /** What the zip is meant to be, as a message says it. */
  public enum Input {
    /** A filled .xlsx workbook. */
    WORKBOOK("文件", "Excel", "工作簿", "请重新复制或下载原文件。", "请在 Excel 中打开后另存为 .xlsx（Excel 工作簿）再试。"),
    /** A .docx template. */
    TEMPLATE("模板", "Word", "Word 文档", "请重新获取模板，或在 Word 中重新保存。", "请在 Word 中重新保存。");

    private final String noun;
    private final String app;
    private final String document;
    private final String damagedAdvice;
    private final String resaveAdvice;

    Input(String noun, String app, String document, String damagedAdvice, String resaveAdvice) {
      this.noun = noun;
      this.app = app;
      this.document = document;
      this.damagedAdvice = damagedAdvice;
      this.resaveAdvice = resaveAdvice;
    }
  }

  /**
   * A stage's codes for a refused zip. Which family a problem belongs to is decided here, once: a cut or
   * misplaced directory is {@code damaged}; duplicate or hostile names, too many entries and zip bombs are
   * {@code suspicious}; compression methods and encryption no Office program writes are {@code unsupported};
   * ZIP64 is {@code zip64} (a workbook calls it suspicious since none is that big, a template unsupported).
   */
  public record CodeFamily(String damaged, String suspicious, String unsupported, String zip64) {}

  /** A refusal: the stage's code and the whole message, advice included. */
  public record Refusal(String code, String message) {}

  /**
   * Why {@code o} (not {@link ZipPreScan.Outcome#ok()}) was refused, in the stage's code and in words.
   *
   * @param limits the limits the scan ran with (named in the message)
   */
  public static Refusal refusal(ZipPreScan.Outcome o, ZipPreScan.Limits limits, Input input, CodeFamily codes) {
    if (o.ok()) {
      throw new IllegalArgumentException("the zip was not refused");
    }
    String e = o.entry();
    return switch (o.problem()) {
      case TRUNCATED -> damaged(input, codes, "文件不完整（压缩包缺少目录，可能下载或复制时被截断）");
      case CORRUPT -> damaged(input, codes, e == null ? "压缩包目录已损坏" : "压缩包条目「" + e + "」的位置不正确，文件已损坏");
      case ZIP64 -> refused(input, codes.zip64(), "文件使用了 ZIP64 格式，" + input.document + "不应这么大");
      case TOO_MANY_ENTRIES -> refused(input, codes.suspicious(),
          "压缩包内有 " + o.detail() + " 个条目，超过上限 " + limits.maxEntries());
      case DUPLICATE_NAME -> refused(input, codes.suspicious(), "压缩包内有重名条目「" + e + "」，不同软件会读到不同内容");
      case BAD_NAME -> refused(input, codes.suspicious(),
          "压缩包条目名「" + e + "」含有“..”、绝对路径或反斜杠，" + input.app + " 不会这样保存，文件可能被篡改");
      case UNSUPPORTED_METHOD -> refused(input, codes.unsupported(),
          "压缩包条目「" + e + "」使用了不支持的压缩方式（" + o.detail() + "），" + input.app + " 本身不会这样保存");
      case ENCRYPTED -> refused(input, codes.unsupported(),
          "压缩包条目「" + e + "」被单独加密（ZIP 密码），" + input.app + " 本身不会这样保存");
      case TOO_LARGE -> refused(input, codes.suspicious(),
          "解压后超过 " + Sniff.megabytes(limits.maxUncompressed()) + " MB，可能是“压缩炸弹”");
      case BAD_RATIO -> refused(input, codes.suspicious(),
          "压缩包条目「" + e + "」的压缩比异常（超过 " + o.detail() + " 倍），可能是“压缩炸弹”");
    };
  }

  private static Refusal damaged(Input input, CodeFamily codes, String reason) {
    return new Refusal(codes.damaged(), input.noun + "无法读取：" + reason + "。" + input.damagedAdvice);
  }

  private static Refusal refused(Input input, String code, String reason) {
    return new Refusal(code, input.noun + "无法读取：" + reason + "。" + input.resaveAdvice);
  }
}
