package org.docmerge.tools;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.docmerge.diag.Location;
import org.docmerge.model.CellValue;
import org.docmerge.model.ReportData;
import org.docmerge.spec.ReportSpec;

/**
 * The data behind the input samples and the round-trip tests, as {@link ReportData}. The seed report's prose is
 * embedded character for character (from {@code shared/seeds/000_cd5e5db85dce9461.txt}, 拱墅区投资促进局 2021)
 * so that building the samples does not depend on files outside the repository. Stateless; thread-safe.
 */
public final class SampleData {

  public static final String KIND = "gov-info-annual-2021";

  private SampleData() {}

  /** The seed report's prose, section id → paragraphs. U+FF65 (･ in “杭州･拱墅”) is kept as published. */
  public static Map<String, List<String>> gongshuProse() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("intro", List.of(
        "本年度报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求，按照2021年杭州市拱墅区投资促进局工作编制而成。本年报由总体情况、行政机关主动公开政府信息情况、行政机关收到和处理政府信息公开申请情况、因政府信息公开工作被申请行政复议及提起行政诉讼情况、政府信息公开工作存在的主要问题及改进情况概述、其他需要报告的事项等六个部分组成。本年度报告中所列数据的统计期限从2021年1月1日到12月31日止。本年度报告的电子版可以从“杭州\uff65拱墅”政府门户网站（http://www.gongshu.gov.cn/col/col1229486972/index.html）政务公开专栏下载。"));
    m.put("overview", List.of(
        "2021年，拱墅区投资促进局以习近平新时代中国特色社会主义思想为指导，认真落实党中央、国务院关于推进新时代政务公开工作的决策部署,严格对标本区政务公开工作要点明确的目标任务，推进政务公开标准化、规范化，为高水平打造时尚之都数字新城运河明珠奋力开创拱墅新时代高质量发展共同富裕示范新局面贡献投促力量。"));
    m.put("active", List.of(
        "（一）主动公开方面。今年以来，我局高度重视政府信息公开工作，结合产业投资促进工作开展情况，扩大政府信息公开的范围、力度，积极推进政务公开的常态化运行。我局主动公开的信息主要包括：机构设置及职能、人事任免、财务信息、规划计划、重点项目、投促动态等。2021年，我局公开政府信息数17条，内容涉及机构职能、政策文件、总结计划、年度财政预决算、人事任免等多方面内容。其中机构设置类3条，政策文件类3条，规划计划类3条，资金信息类2条，人事信息类1条，应急管理类1条，行政执法公开类4条。"));
    m.put("request", List.of(
        "（二）依申请公开方面。2021年度，我局共受理依申请公开1件,其中本年新收1件，上年结转0件，结转至下年办理0件，未发生因有关政府信息公开而引发的行政复议案和行政诉讼案，未收到各类有关本单位政府信息公开事务的申诉案。"));
    m.put("management", List.of(
        "（三）信息管理方面。一是严格信息发布审核流程。建立信息发布审核机制、严格执行“分级审核、先审后发、授权发布”程序，未经审核的信息一律不得发布，确保内容准确。二是加强政务新媒体信息管理，制定相关文件，进一步规范新媒体内容、监督管理、舆情报送等日常管理工作。"));
    m.put("platform", List.of(
        "（四）平台建设方面。一是不断完善政务公开栏目设置。我局依托区政府门户网站，按照政务公开相关要求，及时完善政务公开栏目设置，扩大政策知晓面，提高政策宣传效果。发布并实时更新法定主动公开内容，不断丰富政务信息内容。二是充分发挥网站宣传阵地作用，紧密结合招商引资工作实际和有关要求，积极上传全区产业投资促进动态，及时更新全区招商引资情况，促进经济高质量发展。"));
    m.put("supervision", List.of(
        "（五）监督保障方面。一是保障高效监管，每月进行一次政府网站和政务新媒体互查工作，并按时上报互查报告；认真落实区政务公开办要求，公开发布网站工作年报及图解版；确保互动交流渠道畅通，各类信件答复率100%，答复满意度较高。二是明确工作职责，指定专人负责信息更新，及时回复网友咨询、更新动态信息以及主动公开政府信息等工作，方便群众查询、获取信息。2021年，本单位未发生政府信息公开工作责任追究结果情况。"));
    m.put("problems", List.of(
        "2021年是全市区划调整后新拱墅成立的开局之年，我局政府信息公开工作虽取得了新的进展，但也还存在一些问题：如，部分栏目内容不够丰富；信息更新还不够及时高效；推动政务公开和政府信息公开的力度不够；公开内容不具体，重点不突出；公开形式的便民性不足、覆盖面不广；信息发布的积极性和主动性不够等。结合以上不足，我局将采取以下措施完善信息公开工作：",
        "1.提高认识，加强领导。进一步提高对政务公开和信息公开工作重要性的认识。继续加强对政务公开和信息公开工作的领导，将政务信息公开工作纳入全局总体工作，一并抓好、落实好。",
        "2.规范形式，注重实效。依照国家法规和政策，建立科学合理、行之有效、具体明确、易于运行操作的运行体系，全面规范政务公开工作，深入实际，办实事、重实效。完善政府信息公开制度，加强各种监督，重视服务性和实效性。对在政务公开工作中造成不良影响的行为，依据有关规定追究责任人的相关责任。",
        "3.做好宣教，优化能力。要进一步加强干部队伍的思想政治教育和业务知识培训，不断提高干部队伍的思想政治素质和业务能力水平，增强广大干部的责任意识和服务意识，树立良好的单位形象，确保政务公开工作顺利开展。"));
    m.put("other", List.of(
        "2021年，区投促局未收取政府信息公开相关费用。"));
    return m;
  }

  /** Exactly the seed report: every count 0 except one request from a 自然人, answered 予以公开. */
  public static ReportData gongshu(ReportSpec spec) {
    ReportData.Builder b = new ReportData.Builder(KIND, "gongshu-investment-2021.xlsx");
    b.field("agency", "拱墅区投资促进局", Location.NONE);
    b.field("year", "2021", Location.NONE);
    b.field("unitType", "部门", Location.NONE);
    b.field("url", "http://www.gongshu.gov.cn/col/col1229486972/index.html", Location.NONE);
    gongshuProse().forEach((k, v) -> b.prose(k, v, Location.NONE));
    Map<String, Long> ones = Map.of(
        "t3.new.natural", 1L, "t3.new.total", 1L,
        "t3.open.natural", 1L, "t3.open.total", 1L,
        "t3.total.natural", 1L, "t3.total.total", 1L);
    for (String id : spec.cells().keySet()) {
      b.value(id, CellValue.of(ones.getOrDefault(id, 0L)));
    }
    return b.build();
  }

  /**
   * Consistent random table values: sub-rows and sub-columns are drawn, every total is computed, so every
   * identity of the spec holds. {@code scale} bounds each drawn count.
   */
  public static Map<String, BigDecimal> consistentValues(ReportSpec spec, long seed, int scale) {
    Random rnd = new Random(seed);
    Map<String, BigDecimal> v = new LinkedHashMap<>();
    for (String id : spec.cells().keySet()) {
      v.put(id, BigDecimal.valueOf(rnd.nextInt(scale + 1)));
    }
    v.put("t2.fees.amount", new BigDecimal(rnd.nextInt(1_000_000)).movePointLeft(4));
    String[] applicants = {"natural", "commercial", "research", "nonprofit", "legal", "other"};
    ReportSpec.Table t3 = spec.table("t3").orElseThrow();
    List<String> results = new ArrayList<>();
    for (ReportSpec.Line r : t3.blocks().get(0).rows()) {
      if (r.label().size() > 1 && !r.id().equals("total")) {
        results.add(r.id());
      }
    }
    for (String a : applicants) {
      BigDecimal total = BigDecimal.ZERO;
      for (String r : results) {
        total = total.add(v.get("t3." + r + "." + a));
      }
      v.put("t3.total." + a, total);
      // 一 + 二 = （七）总计 + 四: draw 二 and 四 no larger than what the total allows, then set 一.
      BigDecimal carried = BigDecimal.valueOf(rnd.nextInt(total.intValue() / 3 + 1));
      BigDecimal carryover = BigDecimal.valueOf(rnd.nextInt(scale / 2 + 1));
      v.put("t3.carried." + a, carried);
      v.put("t3.carryover." + a, carryover);
      v.put("t3.new." + a, total.add(carryover).subtract(carried));
    }
    for (ReportSpec.Line r : t3.blocks().get(0).rows()) {
      BigDecimal sum = BigDecimal.ZERO;
      for (String a : applicants) {
        sum = sum.add(v.get("t3." + r.id() + "." + a));
      }
      v.put("t3." + r.id() + ".total", sum);
    }
    for (String g : new String[] {"review", "direct", "after"}) {
      BigDecimal sum = BigDecimal.ZERO;
      for (String k : new String[] {"upheld", "corrected", "other", "pending"}) {
        sum = sum.add(v.get("t4.count." + g + "_" + k));
      }
      v.put("t4.count." + g + "_total", sum);
    }
    return v;
  }

  /** A report with consistent random values and short prose; used by round-trip tests. */
  public static ReportData random(ReportSpec spec, long seed) {
    ReportData.Builder b = new ReportData.Builder(KIND, "random-" + seed + ".xlsx");
    b.field("agency", "测试机关" + seed, Location.NONE);
    b.field("year", "2022", Location.NONE);
    b.field("unitType", seed % 2 == 0 ? "部门" : "本级政府", Location.NONE);
    b.field("url", "https://example.gov.cn/" + seed, Location.NONE);
    b.field("published", "2023-01-20", Location.NONE);
    Random rnd = new Random(seed);
    for (ReportSpec.Section s : spec.sections()) {
      List<String> paras = new ArrayList<>();
      int n = 1 + rnd.nextInt(3);
      for (int i = 0; i < n; i++) {
        paras.add(s.label() + " 第" + (i + 1) + "段：数字 " + rnd.nextInt(1000) + "，符号 & < > \" ' ${x}。");
      }
      b.prose(s.id(), paras, Location.NONE);
    }
    consistentValues(spec, seed, 40).forEach((k, v) -> b.value(k, CellValue.of(v, Location.NONE)));
    return b.build();
  }

  /**
   * A fictitious district government's report: hundreds of applications, every result row of 表三 used,
   * all identities satisfied, a decimal fee, nonzero 表四, and prose that states the same counts.
   */
  public static ReportData district(ReportSpec spec) {
    Random rnd = new Random(2021);
    Map<String, BigDecimal> v = new LinkedHashMap<>();
    long[][] t2 = {{2, 1, 15}, {12, 5, 86}};
    String[] t2cols = {"issued", "repealed", "valid"};
    for (int i = 0; i < 3; i++) {
      v.put("t2.rules." + t2cols[i], BigDecimal.valueOf(t2[0][i]));
      v.put("t2.normative." + t2cols[i], BigDecimal.valueOf(t2[1][i]));
    }
    v.put("t2.license.decisions", BigDecimal.valueOf(1234));
    v.put("t2.penalty.decisions", BigDecimal.valueOf(356));
    v.put("t2.coercion.decisions", BigDecimal.valueOf(27));
    v.put("t2.fees.amount", new BigDecimal("12.3456"));
    String[] applicants = {"natural", "commercial", "research", "nonprofit", "legal", "other"};
    int[] scale = {40, 8, 2, 2, 4, 3};
    ReportSpec.Table t3 = spec.table("t3").orElseThrow();
    for (int a = 0; a < applicants.length; a++) {
      BigDecimal total = BigDecimal.ZERO;
      for (ReportSpec.Line r : t3.blocks().get(0).rows()) {
        if (r.label().size() > 1 && !r.id().equals("total")) {
          // 自然人 at least 1 in every result row, so every row of the table is used.
          int n = a == 0 ? 1 + rnd.nextInt(scale[a]) : rnd.nextInt(scale[a] + 1);
          v.put("t3." + r.id() + "." + applicants[a], BigDecimal.valueOf(n));
          total = total.add(BigDecimal.valueOf(n));
        }
      }
      v.put("t3.total." + applicants[a], total);
      BigDecimal carried = BigDecimal.valueOf(rnd.nextInt(total.intValue() / 10 + 1));
      BigDecimal carryover = BigDecimal.valueOf(rnd.nextInt(total.intValue() / 8 + 1));
      v.put("t3.carried." + applicants[a], carried);
      v.put("t3.carryover." + applicants[a], carryover);
      v.put("t3.new." + applicants[a], total.add(carryover).subtract(carried));
    }
    for (ReportSpec.Line r : t3.blocks().get(0).rows()) {
      BigDecimal sum = BigDecimal.ZERO;
      for (String a : applicants) {
        sum = sum.add(v.get("t3." + r.id() + "." + a));
      }
      v.put("t3." + r.id() + ".total", sum);
    }
    long[][] t4 = {{5, 2, 1, 1}, {3, 1, 0, 1}, {2, 0, 1, 0}};
    String[] groups = {"review", "direct", "after"};
    String[] kinds = {"upheld", "corrected", "other", "pending"};
    for (int g = 0; g < 3; g++) {
      long sum = 0;
      for (int k = 0; k < 4; k++) {
        v.put("t4.count." + groups[g] + "_" + kinds[k], BigDecimal.valueOf(t4[g][k]));
        sum += t4[g][k];
      }
      v.put("t4.count." + groups[g] + "_total", BigDecimal.valueOf(sum));
    }

    ReportData.Builder b = new ReportData.Builder(KIND, "district-large-2021.xlsx");
    b.field("agency", "某某区人民政府办公室", Location.NONE);
    b.field("year", "2021", Location.NONE);
    b.field("unitType", "本级政府", Location.NONE);
    b.field("url", "https://www.example-district.gov.cn/zwgk/ndbg/", Location.NONE);
    b.field("published", "2022-03-25", Location.NONE);
    long n = v.get("t3.new.total").longValue();
    long m = v.get("t3.carried.total").longValue();
    long k = v.get("t3.carryover.total").longValue();
    long done = v.get("t3.total.total").longValue();
    long open = v.get("t3.open.total").longValue();
    long partial = v.get("t3.partial.total").longValue();
    long review = v.get("t4.count.review_total").longValue();
    long suits = v.get("t4.count.direct_total").longValue() + v.get("t4.count.after_total").longValue();
    b.prose("intro", List.of(
        "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和国务院办公厅政府信息与政务公开办公室有关要求，"
            + "由某某区人民政府办公室编制。全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、"
            + "政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。"
            + "本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。本报告电子版可在某某区人民政府门户网站"
            + "（https://www.example-district.gov.cn/zwgk/ndbg/）下载。"), Location.NONE);
    b.prose("overview", List.of(
        "2021年，某某区深入贯彻落实《条例》和上级政务公开工作部署，围绕全区中心工作，持续推进决策、执行、管理、服务、"
            + "结果公开，政府信息公开工作取得新成效。"), Location.NONE);
    b.prose("active", List.of(
        "（一）主动公开方面。全年制发规章" + t2[0][0] + "件、行政规范性文件" + t2[1][0] + "件，废止行政规范性文件"
            + t2[1][1] + "件，现行有效行政规范性文件" + t2[1][2] + "件。",
        "全年公开行政许可决定" + 1234 + "件、行政处罚决定" + 356 + "件、行政强制决定" + 27
            + "件，行政事业性收费12.3456万元。"), Location.NONE);
    b.prose("request", List.of(
        "（二）依申请公开方面。2021年，全区共受理政府信息公开申请" + (n + m) + "件，其中本年新收政府信息公开申请" + n
            + "件，上年结转" + m + "件。",
        "本年度办结" + done + "件，其中予以公开" + open + "件，部分公开" + partial + "件，其余依法作出不予公开、无法提供、"
            + "不予处理或其他处理决定；结转下年继续办理" + k + "件。",
        "全年因政府信息公开工作被申请行政复议" + review + "件，被提起行政诉讼" + suits + "件。"), Location.NONE);
    b.prose("management", List.of(
        "（三）政府信息管理方面。严格执行政府信息公开审查制度，落实“先审后发”，动态调整主动公开基本目录，"
            + "全年清理行政规范性文件" + t2[1][1] + "件。"), Location.NONE);
    b.prose("platform", List.of(
        "（四）政府信息公开平台建设方面。优化区政府门户网站政府信息公开专栏，统一各部门、各街道栏目设置，"
            + "完善依申请公开在线受理功能。"), Location.NONE);
    b.prose("supervision", List.of(
        "（五）监督保障方面。将政务公开纳入年度绩效考核，组织全区政务公开业务培训2次，开展季度检查4次，"
            + "全年未发生政府信息公开工作责任追究情况。"), Location.NONE);
    b.prose("problems", List.of(
        "2021年，我区政府信息公开工作仍存在一些不足：一是部分部门主动公开的及时性有待提高；二是依申请公开答复的规范性有待加强。",
        "2022年，我区将重点做好以下工作：一是加强对各部门的业务指导和督促检查；二是规范依申请公开办理流程，提高答复质量。"),
        Location.NONE);
    b.prose("other", List.of(
        "2021年，我区未收取政府信息公开信息处理费。"), Location.NONE);
    v.forEach((id, value) -> b.value(id, CellValue.of(value, Location.NONE)));
    return b.build();
  }
}
