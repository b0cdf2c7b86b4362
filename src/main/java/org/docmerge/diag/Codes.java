package org.docmerge.diag;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every diagnostic code docmerge emits, with its exit class and a one-line documentation: the one registry the CLI's
 * exit codes and the documentation come from. A code never changes meaning once released. Rule codes R04–R06, R08
 * and R11–R15 are named in the kinds' spec.json ({@code identities}, {@code prose}, {@code carryForward}); every
 * other code is a literal in the Java sources, and {@code CodesTest} makes sure each is registered here.
 * Immutable; thread-safe.
 */
public final class Codes {
  private Codes() {}

  /** What an error with this code makes the CLI exit with. */
  public enum Exit {
    /** 1: the input has errors staff can correct. */
    INPUT(1),
    /** 2: a file could not be read or written at all, or the command was used wrongly. */
    UNREADABLE(2),
    /** 3: a fault of docmerge itself. */
    INTERNAL(3);

    private final int status;

    Exit(int status) {
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  /** One registered code. */
  public record Code(String code, Exit exit, String doc) {}

  private static final Map<String, Code> ALL = new LinkedHashMap<>();

  static {
    input("R01", "件数不是非负整数（或不是数字）");
    input("R02", "带小数的数量不是非负数：收费金额以万元计，其他数量以规格标明的单位计（如平均办理时间以天计）");
    input("R03", "表格的勾稽关系：一行的总计等于各分项之和");
    input("R04", "表格的勾稽关系：办理结果的合计等于各项之和");
    input("R05", "表格的勾稽关系：收到的申请 = 办理结果 + 结转下年");
    input("R06", "表格的勾稽关系：各类案件的总计等于各结果之和");
    input("R07", "逐年结转的数与上年报告不符，或上年报告不是上一年度的");
    input("R08", "以上年为起点的累计数与上年数、本年增减不符");
    input("R09", "正文中的年度与报告年度不一致");
    input("R10", "发布日期晚于发布期限");
    input("R11", "正文所述申请件数与表格不符");
    input("R12", "正文所述案件数与表格不符");
    input("R13", "正文所述件数不是表格对应行中的任何一个数");
    input("R14", "正文中「其中」所列各项之和不等于总数");
    input("R15", "表格表明须说明的事项（如信息处理费）正文没有说明");
    input("R16", "正文某部分没有内容");
    input("R17", "必须写明的部分为空或只写了「无」");
    // Rule R18 of annual-report-format.md has two halves with two codes: the format matches the year (R18, from
    // the validator), and no invented subtotal rows or columns (R18.EXTRA_SUBTOTAL, from reading a published report).
    input("R18", "所用格式与报告年度不相符（如 2021 年及以后的报告用了 2019 年版格式）");
    input("R18.EXTRA_SUBTOTAL", "表中有官方格式没有的「小计」「合计」行或列，其中的数字没有读取（R18 的后半条）");
    input("R19", "正文与上年报告大量雷同");
    input("CHECK.NOT_RUN", "提示：哪些规则因缺少数据或本格式不支持而没有运行，以及原因");
    input("FIELD.MISSING", "封面必填信息没有填写或没有读到");
    input("FIELD.INVALID", "封面信息格式不对（年度、日期、选项）");
    unreadable("WB.EMPTY", "工作簿文件是空的");
    unreadable("WB.NOT_EXCEL", "文件不是 Excel 工作簿");
    unreadable("WB.CORRUPT", "工作簿已损坏，无法打开");
    unreadable("WB.ENCRYPTED", "工作簿设了打开密码");
    unreadable("WB.OLD_EXCEL", "旧版 .xls 工作簿，需另存为 .xlsx");
    unreadable("WB.TOO_LARGE", "文件超过大小上限，不像一份年报工作簿");
    unreadable("WB.SUSPICIOUS_ZIP", "工作簿的压缩结构可疑（压缩炸弹等），拒绝读取");
    unreadable("WB.UNSUPPORTED_ZIP", "工作簿使用了不支持的压缩方式");
    unreadable("WB.UNREADABLE", "无法读取文件（不存在、无权限或被独占）");
    unreadable("WB.XLSB", "二进制工作簿 .xlsb，需另存为 .xlsx");
    unreadable("WB.SHEET_TOO_LARGE", "某张表大得不像年报，拒绝读取");
    unreadable("WB.TOO_MANY_ROWS", "行数超过上限，拒绝读取");
    unreadable("WB.CHANGED_DURING_READ", "读取期间文件被改动");
    unreadable("WB.STRICT_OOXML", "Strict Open XML 格式，需另存为普通 .xlsx");
    input("WB.EXTENSION_MISMATCH", "文件扩展名与内容不符");
    input("WB.CELL_TOO_LONG", "单元格文字过长");
    input("WB.FORMULA_ERROR", "公式的结果是错误值");
    input("WB.LABEL_DUPLICATE", "同一标题在表中出现了不止一次");
    input("WB.LABEL_MISSING", "找不到官方标题，对应的数字无法读取");
    input("WB.MACROS", "工作簿含有宏（不会运行）");
    input("WB.MERGED_DATA", "合并单元格盖住了数字");
    input("WB.NUMBER_OUT_OF_RANGE", "数字大得不合理");
    input("WB.PROSE_UNKNOWN_LABEL", "「正文」表中有不认识的部分名称");
    input("WB.SHEET_HIDDEN", "有隐藏的工作表");
    input("WB.SHEET_MISSING", "缺少必需的工作表");
    input("WB.SHEET_NAME_TRIMMED", "工作表名称前后有空格");
    input("WB.STALE_FORMULA", "公式没有重新计算，存的结果可能已过时");
    input("WB.TEXT_NUMBER", "数字以文本形式填写");
    unreadable("TEMPLATE.EMPTY", "模板文件是空的");
    unreadable("TEMPLATE.NOT_DOCX", "模板不是 .docx 文件");
    unreadable("TEMPLATE.CORRUPT", "模板已损坏");
    unreadable("TEMPLATE.SUSPICIOUS_ZIP", "模板的压缩结构可疑，拒绝读取");
    unreadable("TEMPLATE.UNSUPPORTED_ZIP", "模板使用了不支持的压缩方式");
    unreadable("TEMPLATE.UNREADABLE", "无法读取模板文件");
    unreadable("TEMPLATE.TOO_LARGE", "模板文件超过大小上限");
    input("TEMPLATE.TOO_DEEP", "模板嵌套深得不像真实文档，拒绝");
    input("LIST.REQUIRED", "列表工作表的必填格为空");
    input("LIST.CHOICE", "列表工作表的格不是可选的取值之一");
    input("LIST.NUMBER", "列表工作表的格应为数字或不小于 0 的整数");
    input("LIST.RANGE", "列表工作表的数字超出规定范围");
    input("LIST.TOO_MANY", "列表工作表的行数超过上限");
    unreadable("KIND.NO_SPEC", "报告类型文件夹中没有 spec.json");
    input("KIND.NAME", "spec.json 的 kind 与文件夹名不一致");
    input("KIND.NO_SAMPLE", "报告类型没有样例工作簿，样例合并未检查");
    input("KIND.SAMPLE", "报告类型的样例工作簿不能生成报告");
    input("KIND.TODO_LABEL", "spec.json 中还有待填写正式名称的标签");
    input("KIND.IDENTITY", "勾稽关系、界限或计算值写法有误");
    input("KIND.UNREACHABLE", "spec.json 中的项目在模板中没有标签，永远不会出现在报告里");
    input("TEMPLATE.STYLE_CYCLE", "模板的样式相互继承成环");
    input("TEMPLATE.SYNTAX", "模板标记写法有误");
    input("TEMPLATE.UNKNOWN_TAG", "模板标记不对应规格中的任何字段、部分或单元格");
    input("TEMPLATE.BLOCK_NOT_ALONE", "部分标记与其他文字同在一段");
    input("TEMPLATE.MISSING_CELL", "官方表格中有单元格没有任何模板标记输出");
    input("TEMPLATE.UNUSED", "某部分或封面字段没有模板标记使用");
    input("TEMPLATE.EXTERNAL_FIELD", "模板含有会读取外部内容的域（DDE、INCLUDETEXT 等），拒绝");
    input("TEMPLATE.EXTERNAL_RESOURCE", "模板含有打开时会联网获取的资源，拒绝");
    input("TEMPLATE.TRACKED_CHANGES", "模板含有修订标记");
    input("TEMPLATE.COMMENTS", "模板含有批注");
    unreadable("EXTRACT.UNREADABLE", "无法读取已发布的报告");
    unreadable("EXTRACT.TOO_LARGE", "报告文件超过大小上限");
    unreadable("EXTRACT.NOT_REPORT", "文件不是年度报告");
    input("EXTRACT.DRAFT", "报告是草稿（带草稿标记）");
    input("EXTRACT.FORMAT_UNKNOWN", "看得到的部分各格式相同，按年度选了格式");
    input("EXTRACT.GUESSED", "某些数字是推断出来的，请核对");
    input("EXTRACT.IMAGE_PAGES", "PDF 中有的页是图片（扫描件），其内容没有读取");
    input("EXTRACT.NO_TITLE", "没有读到报告标题");
    input("EXTRACT.PARAGRAPH_SPLIT", "段落被拆开或合并，已尽量复原");
    input("EXTRACT.SECTION_MISSING", "报告缺少某一部分");
    input("EXTRACT.TABLE_INCOMPLETE", "某张表不完整");
    input("EXTRACT.TABLE_MISSING", "报告缺少某张表");
    input("EXTRACT.TABLE_TWICE", "网页中同一张表出现两次而数字不同，两张都没有读取");
    input("EXTRACT.TRUNCATED", "报告文件在中途截断，只读了截断之前的部分");
    unreadable("SPEC.BAD_IDENTITY", "规格中的勾稽关系引用了不存在的表、行或列");
    unreadable("SPEC.DUPLICATE_ID", "规格中有重复的编号");
    unreadable("SPEC.SYNTAX", "规格文件不是有效的 JSON 或字段不对");
    unreadable("SPEC.UNKNOWN_KIND", "没有这种报告类型");
    unreadable("SPEC.UNREADABLE", "无法读取规格文件");
    unreadable("FILE.NOT_FOUND", "文件不存在");
    unreadable("FILE.NOT_FOLDER", "应当是文件夹的路径不是文件夹");
    unreadable("FILE.UNREADABLE", "无法读取文件");
    unreadable("OUT.EXISTS", "输出文件已存在（加 --overwrite 才覆盖）");
    unreadable("OUT.INSIDE_INPUT", "输出文件夹在输入文件夹之内");
    unreadable("OUT.IS_FOLDER", "输出路径是文件夹");
    unreadable("OUT.LOCKED", "输出文件夹正被另一次运行使用");
    unreadable("OUT.NAME_TOO_LONG", "输出文件名过长");
    unreadable("OUT.NOT_FOLDER", "输出文件夹不是文件夹");
    unreadable("OUT.NOT_WRITABLE", "输出位置不可写");
    unreadable("OUT.NO_FOLDER", "输出文件夹不存在");
    unreadable("OUT.SAME_AS_INPUT", "输出文件就是输入文件");
    unreadable("OUT.SYMLINK", "输出路径是符号链接，拒绝写入");
    unreadable("OUT.WRITE_FAILED", "写入失败（磁盘已满等），没有留下不完整的文件");
    unreadable("RENDER.NO_LIBREOFFICE", "没有安装 LibreOffice，无法生成 PDF");
    unreadable("RENDER.PDF_FAILED", "PDF 转换失败");
    unreadable("RENDER.PDF_TIMEOUT", "PDF 转换超时");
    input("BATCH.INTERRUPTED", "批量生成被中断");
    internal("BATCH.INTERNAL", "批量生成或汇总时处理某个文件出现内部错误（docmerge 的问题，请把该文件发给维护人员）");
    input("BATCH.SAME_OUTPUT", "两份工作簿会生成同名的报告");
    input("AGG.DUPLICATE", "同一单位有不止一份工作簿");
    input("AGG.MEMBER_ERRORS", "成员单位的工作簿有错误，没有计入");
    input("AGG.MEMBER_MISSING", "成员单位名单中的单位没有交工作簿");
    input("AGG.MEMBER_UNREADABLE", "成员单位的工作簿无法读取");
    input("AGG.NO_MEMBERS", "文件夹中没有可汇总的工作簿");
    input("AGG.NO_YEAR", "工作簿没有报告年度");
    input("AGG.OTHER_YEAR", "工作簿的年度与汇总年度不同");
    input("AGG.YEAR_UNCLEAR", "看不出汇总哪一年");
    input("MEMBERS.DUPLICATE", "成员单位名单中有重复的单位");
    input("MEMBERS.EMPTY", "成员单位名单是空的");
    input("MEMBERS.NAME", "成员单位名称不合格");
    input("MEMBERS.UNREADABLE", "无法读取成员单位名单");
    input("COLLECT.AGGREGATE_REFUSED", "收集：还不能汇总");
    input("COLLECT.DEADLINE", "收集：已过截止时间");
    input("COLLECT.FILE_DAMAGED", "收集：保存的文件已损坏");
    input("COLLECT.HAS_ERRORS", "收集：提交的工作簿有错误");
    input("COLLECT.KIND", "收集：没有这种报告类型");
    input("COLLECT.LINK_INVALID", "收集：提交链接无效");
    input("COLLECT.MEMBERS", "收集：成员单位名单有误");
    input("COLLECT.NEWER", "收集：已有更新的提交");
    input("COLLECT.NOTHING", "收集：没有任何提交");
    input("COLLECT.NOT_FOUND", "收集：找不到这次收集或这份提交");
    input("COLLECT.NOT_WORKBOOK", "收集：提交的不是工作簿");
    input("COLLECT.PREVIOUS_UNREADABLE", "收集：上年报告无法读取");
    input("COLLECT.RATE", "收集：提交过于频繁");
    input("COLLECT.YEAR", "收集：年度不对");
    input("ADMIN.ALREADY_SET", "管理：管理密码已经设置过");
    input("ADMIN.CSRF", "管理：请求来源不可信");
    input("ADMIN.LOGIN", "管理：需要登录");
    input("ADMIN.NOT_SET", "管理：还没有设置管理密码");
    input("ADMIN.RATE", "管理：登录尝试过于频繁");
    input("ADMIN.WEAK_PASSWORD", "管理：密码太弱");
    input("ADMIN.WRONG_PASSWORD", "管理：密码错误");
    input("REQUEST.BAD_FORM", "HTTP：表单字段有误");
    input("REQUEST.BAD_QUERY", "HTTP：查询参数有误");
    input("REQUEST.BAD_UPLOAD", "HTTP：上传内容有误");
    input("REQUEST.DEADLINE", "HTTP：发布期限写法有误");
    input("REQUEST.FORMAT", "HTTP：不支持的输出格式");
    input("REQUEST.HOST", "HTTP：Host 不被允许");
    input("REQUEST.KIND", "HTTP：没有这种报告类型");
    input("REQUEST.METHOD", "HTTP：不支持的请求方法");
    input("REQUEST.NOT_FOUND", "HTTP：没有这个地址");
    input("REQUEST.NOT_MULTIPART", "HTTP：上传须为 multipart/form-data");
    input("REQUEST.NO_FILE", "HTTP：请求中没有文件");
    input("REQUEST.ORIGIN", "HTTP：请求来源不被允许");
    input("REQUEST.YEAR", "HTTP：年度写法有误");
    input("SERVER.BUSY", "HTTP：服务器正忙，请稍后再试");
    input("SERVER.STOPPING", "HTTP：服务器正在停止");
    input("UPLOAD.MISSING", "HTTP：没有上传文件");
    input("UPLOAD.TOO_LARGE", "HTTP：上传文件超过大小上限");
  }

  private static void input(String code, String doc) {
    ALL.put(code, new Code(code, Exit.INPUT, doc));
  }

  private static void internal(String code, String doc) {
    ALL.put(code, new Code(code, Exit.INTERNAL, doc));
  }

  private static void unreadable(String code, String doc) {
    ALL.put(code, new Code(code, Exit.UNREADABLE, doc));
  }

  /** The registered code, or empty. */
  public static Optional<Code> of(String code) {
    return Optional.ofNullable(ALL.get(code));
  }

  /** Every registered code, in the order of the documentation. */
  public static Collection<Code> all() {
    return Collections.unmodifiableCollection(ALL.values());
  }

  /** The exit class of an error with this code; {@link Exit#INPUT} for a code not registered. */
  public static Exit exit(String code) {
    Code c = ALL.get(code);
    return c == null ? Exit.INPUT : c.exit();
  }
}
