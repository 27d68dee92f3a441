"""Writes the import test corpus: project lists shaped like the ones provinces and cities publish.

Run ``python tests/corpus/make_corpus.py`` after changing it; the generated files are committed so
that the tests read real bytes (GBK, UTF-16, xlsx, xls) rather than strings made at test time.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

HERE = Path(__file__).resolve().parent

GBK_TITLE_TOTAL = """江苏省2024年重大产业项目投资计划表
单位：万元
序号,项目名称,建设地点,总投资,2024年计划投资,建设性质,建设起止年限,项目单位,建设内容,备注
一、新开工项目,,,,,,,,,
1,苏州晶圆级先进封装测试项目,苏州市工业园区,150000,50000,,2024-2026,苏州华芯微电子有限公司,建设12英寸晶圆级封装测试生产线,
2,南京生物医药创新中心,南京市江北新区,80000,20000,,2024-2027,南京药谷生物科技有限公司,建设创新药研发平台及中试基地,省重点
小计,,,230000,70000,,,,,
二、续建项目,,,,,,,,,
3,无锡风电装备制造基地,无锡市,200000,60000,,2022-2025,无锡海创重工有限公司,年产风电机组200台套,
4,常州动力电池二期项目,常州市金坛区,300000,100000,竣工,2021-2024,常州新锐锂电有限公司,年产20GWh动力电池,
5,徐州市民服务中心配套道路工程,徐州市,12000,5000,,2023-2025,徐州市城建集团,道路及配套管网,
,,,,,,,,,
合计,,,742000,235000,,,,,
"""

UTF8_BOM_ENGLISH = """\
No.,Project name,Location,Total investment (100 million CNY),Stage,Construction period,Developer,Sector,\
Description
1,Hefei 12-inch DRAM wafer fab phase II,"Hefei, Anhui",120,Under construction,2023-2026,Changxin Memory,\
New-generation IT,DRAM production line
2,Baotou rare-earth permanent magnet project,Inner Mongolia,25.5,New,2024-2025,Baotou Rare Earth Co,New materials,
3,Suzhou biomedicine park,"Suzhou, Jiangsu",8,Planned,2025-2027,Suzhou BioBay,Biotech,
4,Shenzhen hydrogen fuel cell plant,Shenzhen,15,completed,2021-2023,Shenzhen Hydrogen Co,New energy,
"""

UTF16_TAB = [
    ["项目名称", "所在地", "计划总投资（万元）", "年度计划投资（万元）", "中央预算内投资（万元）",
     "银行贷款（万元）", "自筹资金（万元）", "项目阶段", "开工年份", "竣工年份", "所属领域", "所属集群"],
    ["合肥新型显示模组项目", "安徽省合肥市", "50000", "10000", "5000", "30000", "15000", "在建", "2023", "2025",
     "新一代信息技术", ""],
    ["武汉光谷基因检测平台", "湖北省武汉市东湖新技术开发区", "20000", "8000", "", "10000", "10000", "续建", "2022",
     "2025", "生物", "武汉市光谷生物产业集群"],
    ["西安航空发动机叶片项目", "陕西省西安市", "35000", "", "", "", "35000", "前期", "2025", "2027",
     "高端装备制造", ""],
]

MESSY_AMOUNTS = """项目名称,建设地点,总投资,年度计划投资,建设起止年限
甲数据中心项目,北京市海淀区,"1,250,000",,2023-2026
乙集成电路项目,上海,1.2亿,,2023年—2026年
丙光伏组件项目,广东省深圳市,3000万,,2023.3-2025.12
丁储能电站项目,浙江杭州,约5亿元,,2024年3月
戊生物制药项目,湖北武汉,超10亿元,,2024
己新材料项目,四川成都,2000多万元,,2022-2024
庚机器人项目,陕西西安,总投资 3 亿元,,2023-2025
辛锂电池项目,安徽合肥,１２３４５,,2024-2026
壬氢能项目,湖南长沙,30亿元至50亿元,,2024-2028
癸外资芯片项目,天津,1.5亿美元,,2024-2026
子动漫产业园项目,重庆,"3,000",800,2025-2027
丑未知金额项目,河南郑州,一大笔,,2024-2025
寅负数项目,山东济南,-500,,2024-2025
卯单位错误项目,福建福州,500000000,,2024
辰年份颠倒项目,江西南昌,2000,,2026-2024
巳待定项目,河北石家庄,待定,,2024
"""

UNKNOWN_PLACES = """序号,项目名称,建设地点,总投资（万元）
1,甲项目,江苏省南京市,1000
2,乙项目,火星基地,2000
3,丙项目,鼓楼区,3000
4,丁项目,,4000
5,戊项目,Atlantis,100
6,,江苏苏州,100
7,己项目,Jiangsu,500
"""

HEADER_ONLY = "序号,项目名称,建设地点,总投资（万元）,建设性质\r\n"

NO_NAME_COLUMN = """序号,建设地点,总投资（万元）,建设性质
1,江苏省南京市,1000,新建
2,浙江省杭州市,2000,续建
"""

# A PNG's first bytes, then noise: what a mis-named screenshot looks like.
BINARY = bytes.fromhex("89504e470d0a1a0a0000000d49484452") + bytes(range(256)) * 8


def write_xlsx(path: Path) -> None:
    import openpyxl
    from openpyxl.styles import Alignment, Font

    book = openpyxl.Workbook()
    notes = book.active
    notes.title = "填報說明"
    for i, line in enumerate(["1. 本表由各市發展改革委填報。", "2. 金額單位為億元。", "3. 請勿修改表頭。"], 1):
        notes.cell(i, 1, line)
    ws = book.create_sheet("項目清單")
    ws.merge_cells("A1:H1")
    ws["A1"] = "2024年浙江省重點項目清單"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A1"].alignment = Alignment(horizontal="center")
    header = ["序號", "項目名稱", "建設地點", "總投資（億元）", "建設性質", "開工時間", "竣工時間", "所屬領域"]
    for col, text in enumerate(header, 1):
        ws.cell(2, col, text)
    rows = [
        [1, "杭州智能網聯汽車測試基地", "杭州市", 12.5, "新建", dt.datetime(2024, 3, 1), "2026年12月", "新能源汽車"],
        [2, "寧波石墨烯材料產業園", "寧波市北侖區", 8, "續建", dt.datetime(2023, 6, 15), "2025年6月", "新材料"],
        [3, "溫州數字文化創意園", "溫州市", 3.2, "新建", dt.datetime(2024, 1, 10), "2025年12月", "數字創意"],
    ]
    for r, row in enumerate(rows, 3):
        for col, value in enumerate(row, 1):
            ws.cell(r, col, value)
    ws.cell(6, 2, "合計")
    ws.cell(6, 4, 25)  # the rows add up to 23.7: the total row is wrong, which is a warning
    book.save(path)


def write_xls(path: Path) -> None:
    """A legacy .xls (BIFF8) as older systems still export: title row merged, amounts in 亿元.

    Needs ``pip install xlwt`` (only to regenerate; the tests read the committed file with xlrd).
    """
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("重点项目")
    sheet.write_merge(0, 0, 0, 4, "湖北省2025年省级重点项目清单")
    for col, head in enumerate(["序号", "项目名称", "建设地点", "总投资（亿元）", "建设起止年限"]):
        sheet.write(1, col, head)
    rows = [
        (1, "武汉新型显示面板产业化项目", "武汉市东湖新技术开发区", 120.5, "2025-2028"),
        (2, "襄阳新能源汽车动力电池项目", "襄阳市", 45, "2024-2026"),
        (3, "宜昌磷酸铁锂正极材料项目", "宜昌市", 30.2, "2025-2027"),
    ]
    for r, row in enumerate(rows, start=2):
        for col, value in enumerate(row):
            sheet.write(r, col, value)
    sheet.write(5, 0, "合计")
    sheet.write(5, 3, 195.7)
    book.save(str(path))


def write_all() -> None:
    (HERE / "gbk_title_total.csv").write_bytes(GBK_TITLE_TOTAL.replace("\n", "\r\n").encode("gbk"))
    (HERE / "utf8_bom_english.csv").write_bytes(b"\xef\xbb\xbf" + UTF8_BOM_ENGLISH.encode("utf-8"))
    text = "\r\n".join("\t".join(r) for r in UTF16_TAB) + "\r\n"
    (HERE / "utf16_tab.txt").write_bytes(text.encode("utf-16"))  # with BOM, as Excel writes it
    (HERE / "messy_amounts.csv").write_bytes(MESSY_AMOUNTS.encode("utf-8"))
    (HERE / "unknown_places.csv").write_bytes(UNKNOWN_PLACES.encode("gb18030"))
    (HERE / "empty.csv").write_bytes(b"")
    (HERE / "header_only.csv").write_bytes(HEADER_ONLY.encode("utf-8"))
    (HERE / "no_name_column.csv").write_bytes(NO_NAME_COLUMN.encode("utf-8"))
    (HERE / "binary.csv").write_bytes(BINARY)
    write_xlsx(HERE / "notes_sheet_merged_title.xlsx")
    write_xls(HERE / "legacy_hubei.xls")


if __name__ == "__main__":
    write_all()
    for path in sorted(HERE.iterdir()):
        if path.suffix != ".py":
            print(f"{path.name:<32}{path.stat().st_size:>8} bytes")
