"""Fills a gov-info-annual-2019 workbook made by `docmerge init` with a real 2019-format report, as staff would in Excel.

usage: fill.py IN.xlsx OUT.xlsx

The report: 岳阳市南湖新区 (yynanhu.yueyang.gov.cn), a bureau that calls itself 「我局」, 2019 report, as the search
tool's stored copy of https://yynanhu.yueyang.gov.cn/29509/29510/55038/55040/55223/55306/content_1649246.html gives
it (yueyang-nanhu-2019.txt beside this script). The copy is an excerpt: it runs from 「一、总体情况」 to the third
row of 表三. What is filled, and from where (README.md beside this script says the same):
- prose: the four paragraphs of 一、总体情况, character for character, with the page's half-width punctuation
  (the stored copy is NFKC-folded) written back full-width as the report has it; sections the copy does not reach
  (导语, 一（三）–（五）, 五, 六) stay empty — nothing is made up, the checker warns (R16) that they are empty;
- 表二: every cell as the copy shows it (all 0);
- 表三: the cells the copy shows (新收 3 / 3, 上年结转 0 / 0, 予以公开 3 / 3, 部分公开 0); every other cell follows
  from them: the copy leaves the legal-person columns blank and the 总计 equals 自然人, so those columns are 0; the
  results add up to 第一项 + 第二项 = 3 and 予以公开 is already 3, so every other result row and 第四项 are 0;
- 表四: not in the copy; 0 (an assumption, said in README.md).
Cells are found by their labels, never by position.
"""
import sys
import openpyxl

URL = "https://yynanhu.yueyang.gov.cn/29509/29510/55038/55040/55223/55306/content_1649246.html"
COVER = {"机关名称": "岳阳市南湖新区某局", "报告年度": 2019, "单位类型": "部门", "网址": URL}
PROSE = {
    "一、总体情况（概述）": [
        "2019年我局政府信息公开工作运行良好，政府信息公开咨询、申请以及答复工作均得到了顺利开展。",
        "1、强化组织领导。为进一步深化和规范政府信息公开工作，由局分管副局长具体指导、监督全局信息公开工作，"
        "各股（室）按职责要求分工落实政府信息公开各项工作，办公室负责政务公开日常工作。",
    ],
    "一（一）主动公开": ["2、主动公开信息情况。全年我局主动公开信息25条。"],
    "一（二）依申请公开": ["3、依申请公开信息情况。全年收到依申请公开信息3条，答复率100%。"],
}
# 表三: row label -> 自然人 count; every other applicant column is 0 (see above).
T3_NATURAL = {"一、本年新收政府信息公开申请数量": 3, "（一）予以公开": 3}


def fill_cover(ws):
    for row in ws.iter_rows(min_row=2):
        if row[0].value in COVER:
            row[1].value = COVER[row[0].value]


def fill_prose(ws):
    rows = list(ws.iter_rows(min_row=3))
    for i, row in enumerate(rows):
        paragraphs = PROSE.get(row[0].value)
        if not paragraphs:
            continue
        row[1].value = "\n".join(paragraphs)


def fill_t2_exact(ws):
    # the value cells of 表二 are those under a header cell of the block above
    block_columns = 0
    for row in ws.iter_rows(min_row=3):
        first = row[0].value
        if first == "信息内容":
            block_columns = sum(1 for c in row[1:] if c.value)
        elif first and not str(first).startswith("第二十条") and block_columns:
            for c in row[1:1 + block_columns]:
                c.value = 0


def fill_t3(ws):
    label_row = {}
    for row in ws.iter_rows(min_row=6, max_row=28):
        label = next((c.value for c in row[:3][::-1] if c.value), None)
        label_row[label] = row
    for label, row in label_row.items():
        natural = T3_NATURAL.get(label, 0)
        cells = row[3:9]  # 自然人 … 其他, left of the 总计 formula
        if label == "（七）总计":
            continue
        for i, c in enumerate(cells):
            c.value = natural if i == 0 else 0


def fill_t4(ws):
    for row in ws.iter_rows(min_row=6, max_row=6):
        for c in row[1:]:
            if c.value is None and c.column < 17:
                c.value = 0


def main():
    src, dst = sys.argv[1], sys.argv[2]
    wb = openpyxl.load_workbook(src)
    fill_cover(wb["封面"])
    fill_prose(wb["正文"])
    fill_t2_exact(wb["表二"])
    fill_t3(wb["表三"])
    fill_t4(wb["表四"])
    wb.save(dst)


main()
