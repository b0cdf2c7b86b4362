package org.docmerge.template;

import java.util.ArrayList;
import java.util.List;
import org.docmerge.diag.Diagnostic;
import org.docmerge.diag.Location;
import org.docmerge.diag.Result;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The tags of a Word document read without a spec, for {@code docmerge kind new}: each with its grammar, where
 * it is, whether it stands alone in its paragraph and which list's repeated row holds it. Stateless.
 */
public final class TagScan {
  private TagScan() {}

  /**
   * One tag found.
   *
   * @param syntax the parsed tag
   * @param alone whether it is the whole text of its paragraph
   * @param inTable whether it is in a table cell
   * @param location where it is, as {@link TagUse#location()}
   */
  public record Found(TagSyntax syntax, boolean alone, boolean inTable, String location) {}

  /** Every tag of the main document, in document order; fails on a file that is not a readable .docx. */
  public static Result<List<Found>> scan(byte[] docx, String name) {
    Result<ZipScan.Contents> zip = ZipScan.scan(docx, name);
    if (zip.value().isEmpty()) {
      return Result.failed(zip.diagnostics());
    }
    byte[] main = zip.get().bytes().get("word/document.xml");
    if (main == null) {
      return Result.failed(Diagnostic.error(TemplateCodes.CORRUPT, Location.file(name), "模板缺少正文部分 word/document.xml。请在 Word 中重新保存。"));
    }
    List<Found> out = new ArrayList<>();
    List<Diagnostic> problems = new ArrayList<>();
    try {
      Document dom = Xml.parse(main);
      TemplateCompiler.Places places = new TemplateCompiler.Places(dom, "正文");
      for (Element p : Xml.all(dom, "p")) {
        String where = places.of(p);
        SplitTagRepair.Outcome o = SplitTagRepair.repair(p);
        o.syntaxErrors().forEach(e -> problems.add(Diagnostic.error(TemplateCodes.SYNTAX, Location.detail(name, where),
            "模板标签写法有误：" + e + "。位置：" + where)));
        String whole = Xml.text(p).strip();
        for (SplitTagRepair.Found f : o.tags()) {
          out.add(new Found(TagSyntax.parse(f.name()), whole.equals("{{" + f.name() + "}}") && o.tags().size() == 1,
              Xml.ancestor(p, "tc") != null, where));
        }
      }
    } catch (Exception e) {
      return Result.failed(Diagnostic.error(TemplateCodes.CORRUPT, Location.file(name),
          "模板的正文无法解析。请在 Word 中打开并重新保存。" + org.docmerge.diag.Technical.of(e)));
    }
    return Result.of(out, problems);
  }
}
