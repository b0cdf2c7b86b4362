package org.docmerge.spec;

import java.text.Normalizer;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How a label typed in a workbook or printed in a published report is compared with the spec's official label.
 * Every reader uses this one rule. Stateless; thread-safe.
 *
 * <ul>
 *   <li>{@link #norm}: NFKC (full-width and half-width forms alike, so 「（一）」 and 「(一)」), every kind of white
 *       space and line break removed (「商业 企业」, 「商业\n企业」), quotation marks dropped (「“三安全一稳定”」 as
 *       「"三安全一稳定"」), 「1、」 numbering as 「1.」, and traditional characters of the label vocabulary as
 *       simplified ones (mirror sites republish reports in 繁體: 「申請人情況」 is 「申请人情况」).</li>
 *   <li>{@link #matches}: the same comparison form, or a printed label that is a shortened official label (at least
 *       four characters: 「（二）部分公开」 for 「（二）部分公开（区分处理的，…）」, a label cut by a line wrap), an
 *       official label followed by a bracketed note, or the official label with its bracketed note worded
 *       otherwise.</li>
 *   <li>{@link #find}: as {@link #matches}, and, when nothing else matches, a long label (8 characters or more)
 *       with one character mistyped, when only one official label is that close.</li>
 * </ul>
 */
public final class Labels {
  private Labels() {}

  /**
   * Traditional characters that occur in the official labels, headings, titles and the claims the prose rules
   * read, each followed by its simplified form. Not a general converter: only this vocabulary is compared.
   */
  private static final String PAIRS =
      "業业為为舉举會会體体關关內内決决況况減减製制辦办務务動动區区單单廳厅發发髮发後后員员國国處处復复複复"
          + "審审對对導导屬属佈布廢废開开強强當当總总執执護护報报據据數数無无時时機机權权條条來来構构現现沒没"
          + "監监確确稱称穩稳類类係系糾纠納纳組组織织經经結结繼继續续維维繳缴網网罰罚範范獲获補补規规計计認认"
          + "議议許许訟讼設设訪访訴诉詢询語语請请購购費费轉转過过這这進进採采問问間间項项題题額额萬万與与專专"
          + "兩两個个於于產产億亿從从準准幾几劃划衛卫歷历縣县變变號号啟启響响團团圍围圖图場场聲声備备頭头實实"
          + "寧宁將将層层歲岁幣币師师帶带幫帮廣广應应慶庆異异張张歸归錄录徵征態态戶户擴扩擔担擇择擬拟損损換换"
          + "敵敌斷断舊旧顯显術术雜杂極极標标樣样檔档檢检樓楼匯汇彙汇溝沟濟济測测瀏浏灣湾災灾點点熱热狀状環环"
          + "電电畫画療疗蓋盖離离種种積积筆笔簡简紙纸線线練练細细終终統统績绩綜综編编羅罗職职聯联肅肃節节薦荐"
          + "營营視视覽览觀观觸触訂订讓让記记講讲論论證证評评識识診诊詞词試试話话該该詳详說说讀读課课調调談谈"
          + "貫贯責责質质資资賠赔較较軌轨輯辑輸输轄辖邊边達达遷迁運运還还遠远違违連连選选遞递郵邮鄰邻錢钱鐵铁"
          + "銀银鏈链錯错長长門门閉闭聞闻閱阅階阶際际陸陆險险隨随難难頁页順顺須须預预領领頻频風风驗验齊齐龍龙"
          + "廳厅區区鎮镇鄉乡街街縣县傳传據据訊讯協协調调產产僅仅獨独屆届級级紀纪參参與与總总覽览歸归纔才盡尽"
          + "維维護护徑径邏逻輯辑週周東东陽阳漢汉蘇苏遼辽貴贵雲云鄭郑嶺岭濱滨灣湾豐丰慶庆麗丽澤泽華华寧宁"
          + "陝陕贛赣閩闽蘭兰鄂鄂黃黄淪沦瀋沈烏乌魯鲁齊齐滬沪嶽岳謝谢瑯琅鐘钟錦锦閣阁";

  private static final Map<Integer, Integer> SIMPLE = new HashMap<>();

  static {
    for (int i = 0; i + 1 < PAIRS.length(); i += 2) {
      SIMPLE.putIfAbsent((int) PAIRS.charAt(i), (int) PAIRS.charAt(i + 1));
    }
  }

  /** The text with the label vocabulary's traditional characters as simplified ones; nothing else changes. */
  public static String simplify(String s) {
    if (s == null) {
      return "";
    }
    if (s.indexOf('檔') >= 0 || s.indexOf('資') >= 0) {
      // Mirror sites convert words too (zh-TW): 「規範性檔案」 is 「规范性文件」, 「資訊」 is 「信息」.
      s = s.replace("檔案", "文件").replace("資訊", "信息");
    }
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> sb.appendCodePoint(SIMPLE.getOrDefault(cp, cp)));
    return sb.toString();
  }

  /** The comparison form of a label. */
  public static String norm(String s) {
    if (s == null) {
      return "";
    }
    String n = Normalizer.normalize(simplify(s), Normalizer.Form.NFKC);
    StringBuilder sb = new StringBuilder(n.length());
    n.codePoints()
        .filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp) && cp != 0x0B && cp != 0xFEFF)
        .filter(cp -> !(cp >= 0x200B && cp <= 0x200F) && cp != 0x2060 && cp != 0x00AD) // zero-width, soft hyphen
        .filter(cp -> cp != '"' && cp != '\'' && cp != 0x201C && cp != 0x201D && cp != 0x2018 && cp != 0x2019
            && cp != 0x300C && cp != 0x300D && cp != 0x300E && cp != 0x300F)
        .forEach(sb::appendCodePoint);
    String out = sb.toString();
    // 「1、属于国家秘密」 and 「1．」 are 「1.属于国家秘密」
    if (out.length() > 2 && Character.isDigit(out.charAt(0)) && out.charAt(1) == '、') {
      out = out.charAt(0) + "." + out.substring(2);
    }
    return out;
  }

  /**
   * Whether a printed block caption is this official caption. Besides {@link #norm}, the 「第」 before the bracket may
   * be left out: 「第二十条（六）项」 is 「第二十条第（六）项」 (both are printed).
   */
  public static boolean sameCaption(String printed, String official) {
    String p = norm(printed);
    return !p.isEmpty() && p.replace("第", "").equals(norm(official).replace("第", ""));
  }

  /** Whether a printed label is this official label: see the class comment. */
  public static boolean matches(String printed, String official) {
    return matchesNorm(norm(printed), norm(official));
  }

  /** {@link #matches} on labels already in their comparison form. */
  public static boolean matchesNorm(String p, String o) {
    if (p.isEmpty() || o.isEmpty()) {
      return false;
    }
    if (p.equals(o)) {
      return true;
    }
    if (p.length() >= 4 && o.startsWith(p)) {
      return true;
    }
    if (o.length() >= 2 && p.startsWith(o) && p.charAt(o.length()) == '(') {
      return true;
    }
    // The 2019 format's shorter name for a row in the 2021 table: 「规范性文件」 for 「行政规范性文件」 (a printed label
    // that is the official one without a short leading qualifier)
    if (p.length() >= 4 && o.endsWith(p) && o.length() - p.length() <= 2) {
      return true;
    }
    // The same label with another wording of its bracketed note (「只计这一情况」 for 「只计这一情形」).
    int bp = p.indexOf('(', 3);
    int bo = o.indexOf('(', 3);
    return bp >= 4 && bp == bo && p.regionMatches(0, o, 0, bp);
  }

  /**
   * The official label among {@code officials} (comparison forms) that a printed label is: an exact match first,
   * else the only one it {@link #matches}; empty when none or several.
   */
  public static Optional<String> find(String printed, Collection<String> officials) {
    String p = norm(printed);
    if (p.isEmpty()) {
      return Optional.empty();
    }
    if (officials.contains(p)) {
      return Optional.of(p);
    }
    String hit = null;
    for (String o : officials) {
      if (matchesNorm(p, o)) {
        if (hit != null && !hit.equals(o)) {
          return Optional.empty();
        }
        hit = o;
      }
    }
    if (hit == null && p.length() >= 8) {
      // A known kind of variant: one character mistyped in a long label (「5.属于三类内容事务信息」).
      for (String o : officials) {
        if (o.length() == p.length() && differences(o, p) == 1) {
          if (hit != null) {
            return Optional.empty();
          }
          hit = o;
        }
      }
    }
    return Optional.ofNullable(hit);
  }

  private static int differences(String a, String b) {
    int n = 0;
    for (int i = 0; i < a.length() && n < 2; i++) {
      n += a.charAt(i) == b.charAt(i) ? 0 : 1;
    }
    return n;
  }
}
