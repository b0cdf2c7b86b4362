package org.docmerge.report.doc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.OldWordFileFormatException;
import org.apache.poi.hwpf.usermodel.CharacterRun;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.hwpf.usermodel.Table;
import org.apache.poi.hwpf.usermodel.TableCell;
import org.apache.poi.hwpf.usermodel.TableRow;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.docmerge.report.PublishedReport;

/**
 * Reads a published Word 97–2003 document (.doc, and WPS's .wps, which is the same format inside) into the neutral
 * {@link PublishedReport} with Apache POI HWPF: the main text only (headers, footers, footnotes, comments and text
 * boxes are other stories), paragraphs and tables in reading order. What a reader does not see is not read: deleted
 * revisions, hidden text, field codes (the field's result is read; a table of contents, a {@code TOC} field, is
 * navigation and not read), pictures' and footnotes' marks. Table cells are
 * placed by their edges, so a row that starts late or has wider cells keeps its cells in their columns; vertical
 * merges ({@code fVertMerge}/{@code fVertRestart}) become rowspans, old horizontal merges ({@code fMerged}) colspans.
 * A table inside a cell is a table of its own after the outer one (a one-cell frame around tables is just its
 * content). Stateless.
 */
public final class DocReport {
  /** What an OLE2 compound file holds, by its streams. */
  public enum Kind { WORD, WORKBOOK, ENCRYPTED_OOXML, OTHER_OFFICE, DAMAGED }

  /** Why a .doc could not be read. */
  public static final class Unreadable extends Exception {
    private final boolean encrypted;
    private final boolean oldFormat;

    Unreadable(String message, Throwable cause, boolean encrypted, boolean oldFormat) {
      super(message, cause);
      this.encrypted = encrypted;
      this.oldFormat = oldFormat;
    }

    /** Opening needs a password. */
    public boolean encrypted() {
      return encrypted;
    }

    /** Word 6.0/95 or older, which HWPF does not read. */
    public boolean oldFormat() {
      return oldFormat;
    }
  }

  /** Edges closer than this (in twips, 1/20 pt) are one column boundary: hand-drawn tables are rarely exact. */
  private static final int EDGE_SLACK = 20;
  private static final int MAX_DEPTH = 8;

  private DocReport() {}

  /** Which Office file an OLE2 container is: a Word document, a workbook (or encrypted OOXML), or other. */
  public static Kind kind(byte[] b) {
    try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(b))) {
      DirectoryNode root = fs.getRoot();
      if (root.hasEntryCaseInsensitive("WordDocument")) {
        return Kind.WORD;
      }
      if (root.hasEntryCaseInsensitive("Workbook") || root.hasEntryCaseInsensitive("Book")) {
        return Kind.WORKBOOK;
      }
      if (root.hasEntryCaseInsensitive("EncryptionInfo") || root.hasEntryCaseInsensitive("EncryptedPackage")) {
        return Kind.ENCRYPTED_OOXML; // a .xlsx or .docx with a password to open: only its name tells which
      }
      return Kind.OTHER_OFFICE;
    } catch (IOException | RuntimeException e) {
      return Kind.DAMAGED; // truncated or corrupt: its directory cannot be read
    }
  }

  /** @throws Unreadable when HWPF cannot open it: damaged, encrypted (also a .docx with a password), Word 6.0/95 */
  public static PublishedReport read(byte[] doc, String source) throws Unreadable {
    if (kind(doc) == Kind.ENCRYPTED_OOXML) {
      throw new Unreadable("encrypted .docx", null, true, false);
    }
    HWPFDocument d;
    try {
      d = new HWPFDocument(new ByteArrayInputStream(doc));
    } catch (EncryptedDocumentException e) {
      throw new Unreadable("encrypted", e, true, false);
    } catch (OldWordFileFormatException e) {
      throw new Unreadable("Word 6.0/95", e, false, true);
    } catch (IOException | RuntimeException e) {
      throw new Unreadable("not a readable .doc: " + e.getMessage(), e, false, false);
    }
    List<PublishedReport.Block> blocks = new ArrayList<>();
    try {
      new Walk().range(d.getRange(), 0, blocks, 0);
    } catch (RuntimeException e) {
      throw new Unreadable("damaged .doc: " + e.getMessage(), e, false, false);
    }
    return new PublishedReport(source, "doc", blocks);
  }

  private static final class MutableCell {
    final String text;
    int colspan;
    int rowspan = 1;

    MutableCell(String text, int colspan) {
      this.text = text;
      this.colspan = colspan;
    }
  }

  private static final class Walk {
    /** The open fields. */
    private final org.docmerge.report.Fields fields = new org.docmerge.report.Fields();

    private boolean inCode() {
      return fields.hidden();
    }

    /** The paragraphs and tables of {@code range} at table level {@code level}. */
    void range(Range range, int level, List<PublishedReport.Block> out, int depth) {
      int n = range.numParagraphs();
      for (int i = 0; i < n; i++) {
        Paragraph p = range.getParagraph(i);
        if (p.isInTable() && p.getTableLevel() > level && depth < MAX_DEPTH) {
          Table t = null;
          try {
            t = range.getTable(p);
          } catch (RuntimeException e) {
            // not the start of a table HWPF can read: its paragraphs are read as text
          }
          if (t != null && t.numParagraphs() > 0) {
            table(t, p.getTableLevel(), out, depth + 1);
            i += t.numParagraphs() - 1;
            continue;
          }
        }
        paragraph(p, out);
      }
    }

    void paragraph(Paragraph p, List<PublishedReport.Block> out) {
      String text = text(p);
      for (String line : text.split("\n")) {
        String s = line.strip();
        if (!s.isEmpty() && !org.docmerge.report.Fields.contentsHeading(s)) {
          out.add(new PublishedReport.Paragraph(s));
        }
      }
    }

    /** A paragraph's visible text: line breaks as {@code \n}, tabs as spaces. */
    String text(Paragraph p) {
      StringBuilder sb = new StringBuilder();
      int runs = p.numCharacterRuns();
      for (int k = 0; k < runs; k++) {
        CharacterRun cr = p.getCharacterRun(k);
        boolean hidden = cr.isMarkedDeleted() || cr.isVanished();
        String t = cr.text();
        if (cr.isSymbol() && !hidden && !inCode()) {
          char c = cr.getSymbolCharacter();
          if (c >= 0x20 && c < 0xE000) {
            sb.append(c); // symbol-font codes (F0xx) are no character
          }
          continue;
        }
        boolean special = cr.isSpecialCharacter();
        for (int i = 0; i < t.length(); i++) {
          char c = t.charAt(i);
          switch (c) {
            case 0x13 -> fields.begin();
            case 0x14 -> fields.separate();
            case 0x15 -> {
              String shown = fields.end();
              if (!hidden) {
                sb.append(shown);
              }
            }
            default -> {
              fields.code(String.valueOf(c));
              if (hidden || inCode()) {
                continue;
              }
              if (c == '\t') {
                sb.append(' ');
              } else if (c == 0x0B || c == 0x0C || c == 0x0E) {
                sb.append('\n'); // line, page and column breaks
              } else if (c == 0x1E) {
                sb.append('-'); // non-breaking hyphen
              } else if (c == '\r' || c == 0x07 || c == 0x1F || c < 0x20 || special && c < 0x30
                  || c >= 0xF000 && c <= 0xF0FF) {
                // paragraph and cell marks, soft hyphens, pictures', footnotes' and objects' anchors; symbol-font
                // glyphs (✓ in Wingdings) are no text
              } else {
                sb.append(c);
              }
            }
          }
        }
      }
      fields.paragraphEnd();
      return sb.toString();
    }

    void table(Table t, int level, List<PublishedReport.Block> out, int depth) {
      // column boundaries: every cell edge of the table, near ones taken as one
      TreeSet<Integer> raw = new TreeSet<>();
      int rows = t.numRows();
      for (int r = 0; r < rows; r++) {
        TableRow row = t.getRow(r);
        for (int c = 0; c < row.numCells(); c++) {
          TableCell cell = row.getCell(c);
          raw.add(cell.getLeftEdge());
          raw.add(cell.getLeftEdge() + Math.max(0, cell.getWidth()));
        }
      }
      List<Integer> edges = new ArrayList<>();
      for (int e : raw) {
        if (edges.isEmpty() || e - edges.get(edges.size() - 1) > EDGE_SLACK) {
          edges.add(e);
        }
      }
      List<List<MutableCell>> grid = new ArrayList<>();
      List<PublishedReport.Block> inner = new ArrayList<>();
      Map<Integer, MutableCell> openMerges = new HashMap<>();
      for (int r = 0; r < rows; r++) {
        TableRow row = t.getRow(r);
        List<MutableCell> cells = new ArrayList<>();
        MutableCell last = null;
        int col = 0;
        for (int c = 0; c < row.numCells(); c++) {
          TableCell cell = row.getCell(c);
          int from = column(edges, cell.getLeftEdge());
          int to = Math.max(from + 1, column(edges, cell.getLeftEdge() + Math.max(0, cell.getWidth())));
          if (from > col && cells.isEmpty()) {
            MutableCell lead = new MutableCell("", from - col); // the row starts late
            cells.add(lead);
          }
          col = Math.max(col, from);
          int span = Math.max(1, to - col);
          if (cell.isMerged() && !cell.isFirstMerged() && last != null) {
            last.colspan += span; // old horizontal merge: part of the cell on its left
            col += span;
            continue;
          }
          if (cell.isVerticallyMerged() && !cell.isFirstVerticallyMerged() && openMerges.containsKey(col)) {
            openMerges.get(col).rowspan++;
            last = null;
            col += span;
            continue;
          }
          MutableCell m = new MutableCell(cellText(cell, level, inner, depth), span);
          cells.add(m);
          last = m;
          if (cell.isFirstVerticallyMerged()) {
            openMerges.put(col, m);
          } else {
            openMerges.remove(col);
          }
          col += span;
        }
        grid.add(cells);
      }
      List<List<PublishedReport.Cell>> cells = new ArrayList<>();
      for (List<MutableCell> r : grid) {
        cells.add(r.stream().map(c -> new PublishedReport.Cell(c.text, c.colspan, c.rowspan)).toList());
      }
      PublishedReport.addWordTable(cells, inner, out);
    }

    static int column(List<Integer> edges, int x) {
      int best = 0;
      for (int i = 0; i < edges.size(); i++) {
        if (Math.abs(edges.get(i) - x) < Math.abs(edges.get(best) - x)) {
          best = i;
        }
      }
      return best;
    }

    String cellText(TableCell cell, int level, List<PublishedReport.Block> inner, int depth) {
      List<PublishedReport.Block> blocks = new ArrayList<>();
      range(cell, level, blocks, depth);
      return PublishedReport.cellLines(blocks, inner);
    }
  }
}
