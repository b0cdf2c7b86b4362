"""Fills a gov-website-annual workbook made by `docmerge init`, as staff would in Excel.

usage: fill.py IN.xlsx OUT.xlsx ACCOUNTS [label=value ...]
Cells are found by their labels, never by position. ACCOUNTS rows are written to 移动新媒体.
"""
import sys
import openpyxl

COVER = {"网站名称": "某某市人民政府门户网站", "报告年度": 2021, "首页网址": "http://www.example.gov.cn",
         "主办单位": "某某市人民政府办公室", "网站类型": "政府门户网站", "政府网站标识码": "3301000001",
         "ICP备案编号": "浙ICP备05000001号", "公安机关备案号": "浙公网安备33010002000001号",
         "是否发布服务事项目录": "是", "是否使用统一平台": "是", "是否提供智能问答功能": "否",
         "是否建立安全监测预警机制": "是", "是否开展应急演练": "是", "是否明确网站安全责任人": "是",
         "是否有移动新媒体": "是", "发布日期": "2022-01-20"}
NUMBERS = {"独立用户访问总量（单位：个）": 125000, "网站总访问量（单位：次）": 1830000, "总数（单位：条）": 2450,
           "其中：概况类信息更新量": 120, "其中：政务动态信息更新量": 1530, "其中：信息公开目录信息更新量": 800,
           "维护数量（单位：个）": 12, "新开设数量（单位：个）": 3, "解读信息发布/总数（单位：条）": 86,
           "其中：解读材料数量": 40, "其中：解读产品数量": 30, "其中：媒体评论文章数量": 16,
           "回应公众关注热点或重大舆情数量（单位：次）": 5, "注册用户数（单位：个）": 35200,
           "政务服务事项数量（单位：项）": 1260, "可全程在线办理政务服务事项数量（单位：项）": 980,
           "总数": 52000, "自然人": 41000, "法人": 11000, "收到留言数量（单位：条）": 640,
           "办结留言数量（单位：条）": 632, "平均办理时间（单位：天）": 3.5, "公开答复数量（单位：条）": 600,
           "征集调查期数（单位：期）": 8, "收到意见数量（单位：条）": 215, "公布调查结果期数（单位：期）": 6,
           "访谈期数（单位：期）": 4, "网民留言数量（单位：条）": 96, "答复网民提问数量（单位：条）": 90,
           "安全检测评估次数（单位：次）": 12, "发现问题数量（单位：个）": 27, "问题整改数量（单位：个）": 27}
PROSE = "本年度网站完成集约化改版，上线智能搜索。\n开通无障碍浏览和适老化服务。"


def main():
    src, dst, accounts = sys.argv[1], sys.argv[2], int(sys.argv[3])
    overrides = dict(a.split("=", 1) for a in sys.argv[4:])
    wb = openpyxl.load_workbook(src)
    for row in wb["基本信息"].iter_rows(min_row=2):
        if row[0].value in COVER:
            row[1].value = overrides.get(row[0].value, COVER[row[0].value])
    for row in wb["创新发展"].iter_rows():
        if row[0].value == "创新发展":
            row[1].value = PROSE
    ws = wb["统计数据"]
    value_col = None
    group = None
    for row in ws.iter_rows():
        texts = [c.value for c in row]
        if "数量" in texts and value_col is None:
            value_col = texts.index("数量")
        if value_col is None:
            continue
        if texts[0] and texts[0] != "指标":
            group = texts[0]
        for label in (c for c in texts[:value_col] if isinstance(c, str)):
            key = label
            if label == "总数（单位：条）" and group == "解读信息发布":
                key = "解读信息发布/" + label
            if key in NUMBERS and row[value_col].value is None:
                v = overrides.get(key, NUMBERS[key])
                row[value_col].value = float(v) if "." in str(v) else int(v)
    lst = wb["移动新媒体"]
    kinds = ["微博", "微信", "其他"]
    for i in range(accounts):
        lst.append([kinds[i % 3], "某某发布%d" % (i + 1), 100 + i, 1000 * (i + 1)])
    wb.save(dst)


main()
