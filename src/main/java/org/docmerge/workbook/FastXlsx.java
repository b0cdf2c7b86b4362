package org.docmerge.workbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.apache.poi.hssf.usermodel.HSSFCell;
import org.apache.poi.hssf.usermodel.HSSFCellStyle;
import org.apache.poi.hssf.usermodel.HSSFRichTextString;
import org.apache.poi.hssf.usermodel.HSSFRow;
import org.apache.poi.hssf.usermodel.HSSFSheet;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A fast way into an {@code .xlsx} for the reader: the parts are parsed with a plain SAX parser (no XMLBeans,
 * which is most of what POI's XSSF costs) into an in-memory {@link HSSFWorkbook} that holds the same sheets,
 * visibility, values, formulas with their cached results, merges and date formats. The reader then runs
 * unchanged on it, and POI's formula evaluator re-evaluates the formulas exactly as it does for XSSF.
 *
 * <p>Whenever the workbook holds anything this path does not reproduce exactly, {@link #open} returns empty and
 * the caller uses POI's XSSF: a formula without a cached result (HSSF cannot represent "no cache", and the
 * stale-formula check needs to know), shared or array formulas, a formula the HSSF parser does not accept
 * (functions newer than Excel 2003, structured references), ISO-date cells, {@code _xHHHH_} escapes, cells
 * without a reference or beyond the .xls grid (65,536 rows, 256 columns), a 1904 date system, a DOCTYPE, or
 * any parse error. So nothing is ever read differently: the fast path either reproduces the workbook or steps
 * aside. Stateless; thread-safe.
 */
final class FastXlsx {
  private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  private static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

  private static final SAXParserFactory FACTORY = factory();
  /** Sheets longer than this go through the full XSSF path and its limits. */
  static final int MAX_FAST_ROWS = 2000;
  private static final ThreadLocal<SAXParser> PARSER = ThreadLocal.withInitial(() -> {
    try {
      return FACTORY.newSAXParser();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  });

  private FastXlsx() {}

  /** Thrown inside the handlers when the fast path must step aside. */
  private static final class Unsupported extends RuntimeException {
    Unsupported(String why) {
      super(why, null, false, false);
    }
  }

  private static SAXParserFactory factory() {
    SAXParserFactory f = SAXParserFactory.newInstance();
    f.setNamespaceAware(true);
    try {
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    } catch (Exception e) {
      // a parser without these features: open() then fails on a DOCTYPE and POI takes over
    }
    return f;
  }

  /** The workbook, or empty when POI's XSSF must read it. */
  static Optional<HSSFWorkbook> open(byte[] xlsx) {
    try {
      Map<String, byte[]> parts = unzip(xlsx);
      byte[] workbook = parts.get("xl/workbook.xml");
      byte[] rels = parts.get("xl/_rels/workbook.xml.rels");
      if (workbook == null || rels == null) {
        return Optional.empty();
      }
      Map<String, String> targets = new HashMap<>();
      parse(rels, new DefaultHandler() {
        @Override
        public void startElement(String uri, String local, String q, Attributes a) {
          if (local.equals("Relationship") && !"External".equals(a.getValue("TargetMode"))) {
            String t = a.getValue("Target");
            targets.put(a.getValue("Id"), t.startsWith("/") ? t.substring(1) : "xl/" + t);
          }
        }
      });
      List<String[]> sheets = new ArrayList<>(); // name, part, state
      parse(workbook, new DefaultHandler() {
        @Override
        public void startElement(String uri, String local, String q, Attributes a) {
          if (local.equals("sheet")) {
            sheets.add(new String[] {a.getValue("name"), targets.get(a.getValue(REL, "id")), a.getValue("state")});
          } else if (local.equals("workbookPr")) {
            String d = a.getValue("date1904");
            if ("1".equals(d) || "true".equals(d)) {
              throw new Unsupported("date1904");
            }
          }
        }
      });
      List<String> strings = sharedStrings(parts.get("xl/sharedStrings.xml"));
      List<String> dateFormats = dateFormats(parts.get("xl/styles.xml"));

      HSSFWorkbook wb = new HSSFWorkbook();
      try {
        for (String[] s : sheets) {
          if (s[1] == null || !parts.containsKey(s[1])) {
            throw new Unsupported("sheet part missing");
          }
          HSSFSheet sh = wb.createSheet(s[0]);
          if ("hidden".equals(s[2])) {
            wb.setSheetVisibility(wb.getSheetIndex(sh), SheetVisibility.HIDDEN);
          } else if ("veryHidden".equals(s[2])) {
            wb.setSheetVisibility(wb.getSheetIndex(sh), SheetVisibility.VERY_HIDDEN);
          }
        }
        Map<String, HSSFCellStyle> styles = new HashMap<>();
        List<HSSFCell> formulas = new ArrayList<>();
        List<String> formulaTexts = new ArrayList<>();
        for (int i = 0; i < sheets.size(); i++) {
          parse(parts.get(sheets.get(i)[1]), new SheetHandler(wb, wb.getSheetAt(i), strings, dateFormats, styles, formulas, formulaTexts));
        }
        // Formulas last, once every sheet exists, so references between sheets resolve.
        for (int i = 0; i < formulas.size(); i++) {
          setFormula(formulas.get(i), formulaTexts.get(i));
        }
        return Optional.of(wb);
      } catch (RuntimeException | Error e) {
        wb.close();
        throw e;
      }
    } catch (Exception | StackOverflowError e) {
      return Optional.empty();
    }
  }

  /** Sets the formula and keeps the cached result the handler stored. */
  private static void setFormula(HSSFCell c, String formula) {
    switch (c.getCellType()) {
      case NUMERIC -> {
        double v = c.getNumericCellValue();
        c.setCellFormula(formula);
        c.setCellValue(v);
      }
      case STRING -> {
        String v = c.getStringCellValue();
        c.setCellFormula(formula);
        c.setCellValue(new HSSFRichTextString(v));
      }
      case BOOLEAN -> {
        boolean v = c.getBooleanCellValue();
        c.setCellFormula(formula);
        c.setCellValue(v);
      }
      case ERROR -> {
        byte v = c.getErrorCellValue();
        c.setCellFormula(formula);
        c.setCellErrorValue(FormulaError.forInt(v));
      }
      default -> throw new Unsupported("formula without cached result");
    }
  }

  private static Map<String, byte[]> unzip(byte[] xlsx) throws IOException {
    Map<String, byte[]> parts = new HashMap<>();
    try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
      for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
        String n = e.getName();
        if (n.startsWith("/")) {
          n = n.substring(1);
        }
        if (n.equals("xl/workbook.xml") || n.equals("xl/_rels/workbook.xml.rels") || n.equals("xl/sharedStrings.xml")
            || n.equals("xl/styles.xml") || n.startsWith("xl/worksheets/") && n.endsWith(".xml")) {
          if (parts.put(n, z.readAllBytes()) != null) {
            throw new Unsupported("duplicate entry");
          }
        }
      }
    }
    return parts;
  }

  private static void parse(byte[] xml, DefaultHandler h) throws Exception {
    SAXParser p = PARSER.get();
    p.reset();
    p.parse(new ByteArrayInputStream(xml), h);
  }

  private static List<String> sharedStrings(byte[] xml) throws Exception {
    List<String> out = new ArrayList<>();
    if (xml == null) {
      return out;
    }
    parse(xml, new DefaultHandler() {
      final StringBuilder sb = new StringBuilder();
      boolean inT;
      int phonetic;

      @Override
      public void startElement(String uri, String local, String q, Attributes a) {
        switch (local) {
          case "si" -> sb.setLength(0);
          case "rPh" -> phonetic++;
          case "t" -> inT = phonetic == 0;
          default -> { }
        }
      }

      @Override
      public void endElement(String uri, String local, String q) {
        switch (local) {
          case "si" -> out.add(checked(sb.toString()));
          case "rPh" -> phonetic--;
          case "t" -> inT = false;
          default -> { }
        }
      }

      @Override
      public void characters(char[] ch, int start, int length) {
        if (inT) {
          sb.append(ch, start, length);
        }
      }
    });
    return out;
  }

  /** Strings with {@code _xHHHH_} escapes are decoded by POI; rather than copy that, step aside. */
  private static String checked(String s) {
    if (s.contains("_x")) {
      throw new Unsupported("escaped characters");
    }
    return s;
  }

  /** For each cellXfs index: its number format string when that is a date format, else null. */
  private static List<String> dateFormats(byte[] xml) throws Exception {
    List<String> out = new ArrayList<>();
    if (xml == null) {
      return out;
    }
    Map<Integer, String> custom = new HashMap<>();
    parse(xml, new DefaultHandler() {
      boolean inCellXfs;

      @Override
      public void startElement(String uri, String local, String q, Attributes a) {
        if (local.equals("numFmt")) {
          custom.put(Integer.parseInt(a.getValue("numFmtId")), a.getValue("formatCode"));
        } else if (local.equals("cellXfs")) {
          inCellXfs = true;
        } else if (local.equals("xf") && inCellXfs) {
          String id = a.getValue("numFmtId");
          int fmt = id == null ? 0 : Integer.parseInt(id);
          String code = custom.containsKey(fmt) ? custom.get(fmt) : BuiltinFormats.getBuiltinFormat(fmt);
          out.add(code != null && DateUtil.isADateFormat(fmt, code) ? code : null);
        }
      }

      @Override
      public void endElement(String uri, String local, String q) {
        if (local.equals("cellXfs")) {
          inCellXfs = false;
        }
      }
    });
    return out;
  }

  /** One worksheet's cells and merges. */
  private static final class SheetHandler extends DefaultHandler {
    private final HSSFWorkbook wb;
    private final HSSFSheet sheet;
    private final List<String> strings;
    private final List<String> dateFormats;
    private final Map<String, HSSFCellStyle> styles;
    private final List<HSSFCell> formulas;
    private final List<String> formulaTexts;
    private final StringBuilder text = new StringBuilder();
    private boolean collect;
    private int phonetic;
    private String ref;
    private String type;
    private String style;
    private String value;
    private String formula;
    private String inline;
    private HSSFRow row;
    private int rows;

    SheetHandler(HSSFWorkbook wb, HSSFSheet sheet, List<String> strings, List<String> dateFormats,
        Map<String, HSSFCellStyle> styles, List<HSSFCell> formulas, List<String> formulaTexts) {
      this.wb = wb;
      this.sheet = sheet;
      this.strings = strings;
      this.dateFormats = dateFormats;
      this.styles = styles;
      this.formulas = formulas;
      this.formulaTexts = formulaTexts;
    }

    @Override
    public void startElement(String uri, String local, String q, Attributes a) {
      switch (local) {
        case "c" -> {
          ref = a.getValue("r");
          type = a.getValue("t");
          style = a.getValue("s");
          value = null;
          formula = null;
          inline = null;
          if (ref == null) {
            throw new Unsupported("cell without reference");
          }
        }
        case "v" -> start();
        case "f" -> {
          if (a.getValue("t") != null && !"normal".equals(a.getValue("t"))) {
            throw new Unsupported("shared or array formula");
          }
          start();
        }
        case "is" -> inline = "";
        case "rPh" -> phonetic++;
        case "t" -> {
          if (inline != null && phonetic == 0) {
            start();
          }
        }
        case "mergeCell" -> sheet.addMergedRegionUnsafe(CellRangeAddress.valueOf(a.getValue("ref")));
        case "row" -> {
          // A report sheet has a few dozen rows; anything larger takes the full path, which applies the row
          // limit (WB.TOO_MANY_ROWS) and counts formatting-only rows as Excel does.
          if (++rows > MAX_FAST_ROWS) {
            throw new Unsupported("more than " + MAX_FAST_ROWS + " rows");
          }
        }
        default -> { }
      }
    }

    private void start() {
      text.setLength(0);
      collect = true;
    }

    @Override
    public void endElement(String uri, String local, String q) {
      switch (local) {
        case "v" -> {
          value = text.toString();
          collect = false;
        }
        case "f" -> {
          formula = text.toString();
          collect = false;
        }
        case "t" -> {
          if (inline != null && collect) {
            inline = inline + text;
            text.setLength(0);
          }
          collect = false;
        }
        case "rPh" -> phonetic--;
        case "c" -> cell();
        default -> { }
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (collect) {
        text.append(ch, start, length);
      }
    }

    private void cell() {
      CellReference r = new CellReference(ref);
      int rowIx = r.getRow();
      int colIx = r.getCol();
      if (rowIx < 0 || colIx < 0 || rowIx > SpreadsheetVersion.EXCEL97.getLastRowIndex()
          || colIx > SpreadsheetVersion.EXCEL97.getLastColumnIndex()) {
        throw new Unsupported("beyond the .xls grid");
      }
      boolean isFormula = formula != null && !formula.isEmpty();
      String t = type == null ? "n" : type;
      if (value == null && inline == null && isFormula && "str".equals(t)) {
        value = ""; // a formula whose result is the empty string (a check cell before its inputs are filled)
      }
      if (value == null && inline == null) {
        if (isFormula) {
          throw new Unsupported("formula without cached result");
        }
        return; // blank: the reader treats a missing cell and a blank one alike
      }
      if (row == null || row.getRowNum() != rowIx) {
        row = sheet.getRow(rowIx);
        if (row == null) {
          row = sheet.createRow(rowIx);
        }
      }
      if (row.getCell(colIx) != null) {
        throw new Unsupported("cell given twice");
      }
      HSSFCell c = row.createCell(colIx);
      switch (t) {
        case "n" -> {
          double v = Double.parseDouble(value);
          if (!Double.isFinite(v)) {
            throw new Unsupported("NaN or infinity"); // the full path reports it as one bad cell
          }
          c.setCellValue(v);
          dateStyle(c);
        }
        case "s" -> c.setCellValue(new HSSFRichTextString(strings.get(Integer.parseInt(value.strip()))));
        case "str" -> c.setCellValue(new HSSFRichTextString(checked(value == null ? "" : value)));
        case "inlineStr" -> c.setCellValue(new HSSFRichTextString(checked(inline == null ? value : inline)));
        case "b" -> c.setCellValue("1".equals(value.strip()) || "true".equalsIgnoreCase(value.strip()));
        case "e" -> c.setCellErrorValue(FormulaError.forString(value.strip()));
        default -> throw new Unsupported("cell type " + t);
      }
      if (isFormula) {
        formulas.add(c);
        formulaTexts.add(formula);
      }
    }

    private void dateStyle(HSSFCell c) {
      if (style == null || dateFormats.isEmpty()) {
        return;
      }
      int s = Integer.parseInt(style);
      String fmt = s >= 0 && s < dateFormats.size() ? dateFormats.get(s) : null;
      if (fmt != null) {
        c.setCellStyle(styles.computeIfAbsent(fmt, f -> {
          HSSFCellStyle st = wb.createCellStyle();
          st.setDataFormat(wb.createDataFormat().getFormat(f));
          return st;
        }));
      }
    }
  }
}
