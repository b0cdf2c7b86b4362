"""Variants of a merged report .docx, as agencies' tools make them, for make.sh (see README.md here).

  python3 make.py fonts IN.docx OUT.docx FONT   every font of the report set to FONT
  python3 make.py landscape IN.docx OUT.docx    table 三 in a landscape section of its own (Word/LibreOffice page style)
  python3 make.py kangxi IN.docx OUT.docx       ideographs that have a Kangxi radical or CJK compatibility twin
                                                written as that twin (what some Word fonts put in a PDF's text layer)
  python3 make.py latex IN.docx OUT.tex         the report as a ctex (XeLaTeX) document, tables with \\multicolumn, merged rows unruled between
"""
import re
import sys
import unicodedata
import zipfile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def rewrite(src, dst, change):
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("word/") and item.filename.endswith(".xml"):
                data = change(item.filename, data.decode("utf-8")).encode("utf-8")
            zout.writestr(item, data)


def fonts(src, dst, font):
    def change(name, xml):
        return re.sub(r'(<w:rFonts\b[^>]*>)',
                      lambda m: re.sub(r'w:(ascii|hAnsi|eastAsia|cs)="[^"]*"', lambda a: 'w:%s="%s"' % (a.group(1), font),
                                       m.group(1)), xml)
    rewrite(src, dst, change)


def landscape(src, dst):
    def change(name, xml):
        if name != "word/document.xml":
            return xml
        body_sect = re.search(r"<w:sectPr\b.*?</w:sectPr>", xml, re.S).group(0)
        portrait = body_sect
        size = re.search(r'<w:pgSz\b[^>]*/>', body_sect).group(0)
        w = re.search(r'w:w="(\d+)"', size).group(1)
        h = re.search(r'w:h="(\d+)"', size).group(1)
        land = body_sect.replace(size, '<w:pgSz w:w="%s" w:h="%s" w:orient="landscape"/>' % (h, w))
        land = re.sub(r'<w:pgNumType\b[^>]*/>', '', land)
        # the paragraph before table 三's heading ends the portrait section; the paragraph after the table the
        # landscape one
        heading = xml.index("三、收到和处理政府信息公开申请情况")
        p_start = xml.rindex("<w:p>", 0, heading) if xml.rfind("<w:p>", 0, heading) > xml.rfind("<w:p ", 0, heading) \
            else xml.rindex("<w:p ", 0, heading)
        table_end = xml.index("</w:tbl>", heading) + len("</w:tbl>")
        after = '<w:p><w:pPr>%s</w:pPr></w:p>' % land
        before = '<w:p><w:pPr>%s</w:pPr></w:p>' % portrait
        return xml[:p_start] + before + xml[p_start:table_end] + after + xml[table_end:]
    rewrite(src, dst, change)


def twins():
    out = {}
    for cp in list(range(0x2F00, 0x2FD6)) + list(range(0x2E80, 0x2EF4)) + list(range(0xF900, 0xFADA)):
        ch = chr(cp)
        n = unicodedata.normalize("NFKC", ch)
        if n != ch and len(n) == 1 and n not in out:
            out[n] = ch
    return out


def kangxi(src, dst):
    table = twins()

    def change(name, xml):
        if name != "word/document.xml":
            return xml
        return re.sub(r'(<w:t(?: [^>]*)?>)([^<]*)(</w:t>)',
                      lambda m: m.group(1) + "".join(table.get(c, c) for c in m.group(2)) + m.group(3), xml)
    rewrite(src, dst, change)


def tex_escape(s):
    return re.sub(r'([#$%&_{}])', r'\\\1', s).replace("~", r"\textasciitilde{}").replace("^", r"\textasciicircum{}")


def latex(src, dst):
    import docx  # python3-docx
    from docx.oxml.ns import qn
    d = docx.Document(src)
    out = [r"\documentclass[UTF8,zihao=5]{ctexart}", r"\usepackage[a4paper,margin=2cm]{geometry}",
           r"\usepackage{array}", r"\setlength{\parindent}{2em}", r"\begin{document}", r"\pagestyle{plain}"]
    for el in d.element.body.iterchildren():
        if el.tag == qn("w:p"):
            text = "".join(t.text or "" for t in el.iter(qn("w:t")))
            out.append((tex_escape(text) if text.strip() else "") + "\n")
        elif el.tag == qn("w:tbl"):
            out.append(table(el, qn))
    out.append(r"\end{document}")
    with open(dst, "w", encoding="utf-8") as f:
        f.write("\n".join(out))


def table(tbl, qn):
    widths = [int(g.get(qn("w:w"))) for g in tbl.iter(qn("w:gridCol"))]
    total = sum(widths)
    n = len(widths)
    rows = []  # per row: list of (start col, span, text, vmerge) with vmerge None/'restart'/'continue'
    for tr in tbl.iterchildren(qn("w:tr")):
        col = 0
        row = []
        before = tr.find(qn("w:trPr") + "/" + qn("w:gridBefore"))
        if before is not None:
            col += int(before.get(qn("w:val")))
        for tc in tr.iterchildren(qn("w:tc")):
            pr = tc.find(qn("w:tcPr"))
            span = 1
            vm = None
            if pr is not None:
                gs = pr.find(qn("w:gridSpan"))
                if gs is not None:
                    span = int(gs.get(qn("w:val")))
                v = pr.find(qn("w:vMerge"))
                if v is not None:
                    vm = "restart" if v.get(qn("w:val")) == "restart" else "continue"
            text = "\n".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in tc.iterchildren(qn("w:p")))
            row.append([col, span, text.strip(), vm])
            col += span
        rows.append(row)
    # rowspans of vertical merges
    for r, row in enumerate(rows):
        for cell in row:
            if cell[3] == "restart":
                k = 1
                while r + k < len(rows) and any(c[0] == cell[0] and c[3] == "continue" for c in rows[r + k]):
                    k += 1
                cell.append(k)
    def width(start, span):
        return "\\dimexpr %.4f\\linewidth-4.5pt\\relax" % (0.99 * sum(widths[start:start + span]) / total)
    spec = "|" + "|".join("p{%s}" % width(i, 1) for i in range(n)) + "|"
    lines = [r"{\scriptsize\setlength{\tabcolsep}{2pt}", r"\noindent\begin{tabular}{%s}\hline" % spec]
    for r, row in enumerate(rows):
        parts = []
        for cell in row:
            start, span, text, vm = cell[:4]
            body = tex_escape(text).replace("\n", r"\newline ")
            if vm == "continue":
                body = ""  # a merged cell's text stands in its first row, which grows to hold it (\multirow would not)
            left = "|" if start == 0 else ""
            parts.append(r"\multicolumn{%d}{%sp{%s}|}{%s}" % (span, left, width(start, span), body))
        lines.append(" & ".join(parts) + r" \\")
        # rules under the row, except under cells merged with the row below
        nxt = rows[r + 1] if r + 1 < len(rows) else []
        cont = set()
        for c in nxt:
            if c[3] == "continue":
                cont.update(range(c[0], c[0] + c[1]))
        ranges = []
        for i in range(n):
            if i not in cont:
                if ranges and ranges[-1][1] == i - 1:
                    ranges[-1][1] = i
                else:
                    ranges.append([i, i])
        lines.append(" ".join(r"\cline{%d-%d}" % (a + 1, b + 1) for a, b in ranges))
    lines.append(r"\end{tabular}}" + "\n")
    return "\n".join(lines)


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    {"fonts": fonts, "landscape": landscape, "kangxi": kangxi, "latex": latex}[cmd](*args)
