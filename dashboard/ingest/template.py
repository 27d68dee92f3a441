"""The downloadable import template: one list of Chinese headers and an example row, as CSV and xlsx.

``python -m dashboard.ingest.template`` rewrites data/templates/ from this list.
"""

from __future__ import annotations

import csv
import io

from ..config import DATA_DIR

HEADERS = ("序号", "项目名称", "建设地点", "总投资（万元）", "年度计划投资（万元）", "建设性质", "建设起止年限",
           "项目单位", "所属领域", "所属集群", "建设内容")
EXAMPLE = ("1", "某某12英寸集成电路封装测试项目", "江苏省苏州市工业园区", "150000", "50000", "新建", "2024-2026",
           "某某微电子有限公司", "新一代信息技术", "", "建设12英寸晶圆级封装测试生产线，年产能20万片")
TITLE = "某省2024年战略性新兴产业重点项目清单"
TEMPLATE_DIR = DATA_DIR / "templates"
CSV_NAME = "project_list_template.csv"
XLSX_NAME = "project_list_template.xlsx"


def template_csv() -> bytes:
    """UTF-8 with BOM, so that Excel opens it with the Chinese intact."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(HEADERS)
    writer.writerow(EXAMPLE)
    return b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8")


def template_xlsx() -> bytes:
    import openpyxl
    from openpyxl.styles import Font

    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "项目清单"
    ws.append([TITLE])
    ws.append(list(HEADERS))
    ws.append([int(EXAMPLE[0]), *EXAMPLE[1:3], float(EXAMPLE[3]), float(EXAMPLE[4]), *EXAMPLE[5:]])
    ws["A1"].font = Font(bold=True, size=13)
    for cell in ws[2]:
        cell.font = Font(bold=True)
    for col, width in zip("ABCDEFGHIJK", (6, 34, 22, 14, 18, 10, 14, 22, 16, 16, 40), strict=True):
        ws.column_dimensions[col].width = width
    book.properties.creator = "sei-dashboard"
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def write_templates() -> None:
    TEMPLATE_DIR.mkdir(parents=True, exist_ok=True)
    (TEMPLATE_DIR / CSV_NAME).write_bytes(template_csv())
    (TEMPLATE_DIR / XLSX_NAME).write_bytes(template_xlsx())


if __name__ == "__main__":
    write_templates()
