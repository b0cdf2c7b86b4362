package org.docmerge.extract;

import java.util.List;
import org.docmerge.report.PublishedReport;
import org.docmerge.spec.ReportSpec;

/**
 * Which report kind (format year) a published report is written in, told from the labels its visible parts show,
 * else from the year in its title. Stateless.
 */
public final class ReportFormat {
  private ReportFormat() {}

  /**
   * The spec the report is written in when its visible parts tell: the one spec with the most labels that no
   * other of {@code specs} has (2019 「本年新制作数量」「第二十条第（九）项」 against 2021 「本年制发件数」「（六）其他处理
   * / 1.申请人无正当理由…」). Empty when what is visible is the same in several (an excerpt showing only the top of
   * table 三 or table 四).
   */
  public static java.util.Optional<ReportSpec> tell(PublishedReport report, List<ReportSpec> specs) {
    java.util.Set<String> texts = visibleLabels(report);
    ReportSpec best = null;
    long bestHits = 0;
    boolean tie = false;
    for (ReportSpec s : specs) {
      java.util.Set<String> own = new java.util.HashSet<>();
      s.tables().forEach(t -> own.addAll(Tables.labels(t)));
      for (ReportSpec other : specs) {
        if (other != s) {
          other.tables().forEach(t -> own.removeAll(Tables.labels(t)));
        }
      }
      long hits = own.stream().filter(texts::contains).count();
      if (hits > bestHits) {
        best = s;
        bestHits = hits;
        tie = false;
      } else if (hits == bestHits && hits > 0) {
        tie = true;
      }
    }
    return tie ? java.util.Optional.empty() : java.util.Optional.ofNullable(best);
  }

  /**
   * The spec for a report: the one its labels tell ({@link #tell}); else the one for the year in its title; else
   * the one whose table labels it uses most; the first spec on a tie.
   */
  public static ReportSpec detect(PublishedReport report, List<ReportSpec> specs) {
    java.util.Optional<ReportSpec> told = tell(report, specs);
    if (told.isPresent()) {
      return told.get();
    }
    java.util.Optional<Integer> year = Extractor.titleYear(report);
    if (year.isPresent()) {
      for (ReportSpec s : specs) {
        if (s.years().contains(year.get())) {
          return s;
        }
      }
    }
    java.util.Set<String> texts = visibleLabels(report);
    ReportSpec best = specs.get(0);
    double bestShare = -1;
    for (ReportSpec s : specs) {
      java.util.Set<String> labels = new java.util.HashSet<>();
      s.tables().forEach(t -> labels.addAll(Tables.labels(t)));
      double share = labels.stream().filter(texts::contains).count() / (double) Math.max(1, labels.size());
      if (share > bestShare + 1e-9) {
        best = s;
        bestShare = share;
      }
    }
    return best;
  }

  /** Table cells and short paragraphs (a caption copied as a line of its own), in comparison form. */
  private static java.util.Set<String> visibleLabels(PublishedReport report) {
    java.util.Set<String> texts = new java.util.HashSet<>();
    for (PublishedReport.Block b : report.blocks()) {
      if (b instanceof PublishedReport.Table t) {
        t.rows().forEach(r -> r.forEach(c -> texts.add(CellText.norm(c.text()))));
      } else if (b instanceof PublishedReport.Paragraph p && p.text().length() <= 60) {
        texts.add(CellText.norm(p.text()));
      }
    }
    return texts;
  }
}
