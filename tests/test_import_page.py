"""The upload page driven by Streamlit's AppTest: upload, review, commit, history, revert."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest_helpers import html_frames, open_page
from tests.importkit import CORPUS


@pytest.fixture
def app(empty_db: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    at = open_page(empty_db, monkeypatch, "upload")
    assert not at.exception
    return at


def test_page_renders_with_templates_and_empty_history(app: AppTest) -> None:
    assert app.title[0].value == "数据导入"
    assert any("还没有导入过数据" in c.value for c in app.caption)


def test_upload_gbk_commit_and_revert(app: AppTest, empty_db: Path) -> None:
    data = (CORPUS / "gbk_title_total.csv").read_bytes()
    app.file_uploader[0].set_value(("江苏2024.csv", data, "text/csv")).run()
    assert not app.exception
    assert any("5 个项目行全部通过校验" in s.value for s in app.success)
    [commit] = [b for b in app.button if b.label == "导入"]
    commit.click().run()
    assert not app.exception
    assert any("已导入批次 1" in s.value for s in app.success)
    [view] = [b for b in app.button if b.label.startswith("查看本批次的图表")]
    view.click().run()
    assert not app.exception
    assert app.session_state["batch"] == "1"  # the sidebar's batch filter, on the summary page
    assert app.title[0].value == "总览"
    from tests.apptest_helpers import goto

    goto(app, "upload").run()
    [revert] = [b for b in app.button if b.label == "撤销"]
    assert revert.disabled  # a whole batch goes at one click: confirmed first, as the demo's removal is
    app.checkbox(key="upload_revert_confirm_1").check().run()
    [revert] = [b for b in app.button if b.label == "撤销"]
    assert not revert.disabled
    revert.click().run()
    assert not app.exception
    # it updated no project: the message does not say it restored some
    assert [i.value for i in app.info if "已撤销批次 1" in i.value] == ["已撤销批次 1，删除 5 个项目。"]
    # The app holds the file open: read it through the same process-wide connection.
    from dashboard import appdb

    cur = appdb.connection().cursor()
    assert cur.execute("SELECT status FROM import_batches WHERE batch_id = 1").fetchone() == ("reverted",)
    assert cur.execute("SELECT count(*) FROM projects").fetchone() == (0,)


def test_refused_file_shows_its_reason(app: AppTest) -> None:
    app.file_uploader[0].set_value(("shot.csv", (CORPUS / "binary.csv").read_bytes(), "text/csv")).run()
    assert not app.exception
    assert any("不是文本表格" in e.value for e in app.error)


def test_rejected_rows_block_the_commit(app: AppTest) -> None:
    app.file_uploader[0].set_value(("m.csv", (CORPUS / "messy_amounts.csv").read_bytes(), "text/csv")).run()
    assert not app.exception
    assert any("涉及 4 行" in e.value for e in app.error)
    [commit] = [b for b in app.button if b.label == "导入"]
    assert commit.disabled


@pytest.mark.parametrize(("lang", "whole_row"), [("zh", "整行"), ("en", "whole row")])
def test_problems_without_a_column_show_no_none(empty_db: Path, monkeypatch: pytest.MonkeyPatch, lang: str,
                                                whole_row: str) -> None:
    """A 其中 row's problem has no column, a title's place none either, nor a row: the table showed a grey
    "None" in those cells. A whole row's column now says so, in the page's language; a whole file's cells
    are empty. (The cells' look was checked in Chromium: AppTest sees the values only.)"""
    at = open_page(empty_db, monkeypatch, "upload", lang=lang)
    data = ("徐州市2024年重点项目集中开工计划\n单位：亿元\n序号,项目名称,总投资\n一,新开工项目（2个）,30\n"
            "1,徐州高端装备产业园项目,20\n2,徐州智能传感器项目,10\n,其中：10亿元以上项目1个,10\n").encode("gbk")
    at.file_uploader[0].set_value(("xz.csv", data, "text/csv")).run()
    assert not at.exception
    [table] = [d for d in html_frames(at) if "整行" in d.to_string() or "whole row" in d.to_string()]
    assert table.isna().sum().sum() == 0 and not table.astype(str).isin(["None", "nan", "<NA>"]).any().any()
    by_message = dict(zip(table.iloc[:, 3], zip(table.iloc[:, 0], table.iloc[:, 1], strict=True), strict=True))
    assert sorted(by_message.values()) == sorted([("", ""), ("7", whole_row)])



def test_a_problem_about_no_cell_shows_no_none_value(app: AppTest) -> None:
    """A column's problem (a 类别 column of stage words, read as the stage) names no one cell: its value
    cell showed a grey "None"."""
    app.file_uploader[0].set_value(("s.csv", (CORPUS / "stage_category.csv").read_bytes(), "text/csv")).run()
    assert not app.exception
    [table] = [d for d in html_frames(app) if "类别" in d.to_string() and "说明" in d.columns]
    assert table.isna().sum().sum() == 0 and not table.astype(str).isin(["None", "nan", "<NA>"]).any().any()
    assert list(table.iloc[0, :3]) == ["", "类别", ""]


def test_long_messages_are_shown_whole(app: AppTest) -> None:
    """A message longer than a line of the problem table (the other sheets of a workbook, named) was cut off
    at the column's edge by the data grid; the problems are now a text table, whose cells wrap, and a long
    list scrolls in a box. (The wrapping was checked in Chromium: AppTest sees the table's values only.)"""
    app.file_uploader[0].set_value(("c.xlsx", (CORPUS / "city_sheets.xlsx").read_bytes(),
                                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")).run()
    assert not app.exception
    [table] = [d for d in html_frames(app) if "说明" in d.columns]
    assert max(map(len, table["说明"])) > 48
    assert not [d for d in app.dataframe if "说明" in d.value.columns]


def test_over_long_values_are_shortened(app: AppTest) -> None:
    """A rejected cell of 300 characters is shown shortened to a line or two, in its value cell and in the
    message quoting it (the message quoted all of it)."""
    from dashboard.ingest.plan import QUOTED_CHARS

    amount = "约" + "多" * 300
    data = f"项目名称,建设地点,总投资（万元）\n南京芯片项目,江苏省南京市,{amount}\n".encode()
    app.file_uploader[0].set_value(("h.csv", data, "text/csv")).run()
    assert not app.exception
    [table] = [d for d in html_frames(app) if "说明" in d.columns]
    [shown] = [v for v in table["原值"] if v.startswith("约多")]
    assert len(shown) == QUOTED_CHARS and shown.endswith("…") and amount.startswith(shown[:-1])
    [message] = [m for m in table["说明"] if shown in m]
    assert len(message) < 2 * QUOTED_CHARS


def test_history_names_the_sheets_a_workbook_batch_read(app: AppTest) -> None:
    """A workbook read whole is one batch: the history and the revert picker say which sheets it holds."""
    app.file_uploader[0].set_value(("cities.xlsx", (CORPUS / "sheets_one_import.xlsx").read_bytes(),
                                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")).run()
    [commit] = [b for b in app.button if b.label == "导入"]
    commit.click().run()
    assert not app.exception
    [history] = [d for d in html_frames(app) if "工作表" in d.columns]
    assert history["工作表"].tolist() == ["南京市、杭州市、合肥市"]
    [picker] = [s for s in app.selectbox if s.label == "撤销批次"]
    assert picker.options == ["#1 · cities.xlsx · 南京市、杭州市、合肥市"]


def test_history_has_no_sheet_column_for_text_files(app: AppTest) -> None:
    app.file_uploader[0].set_value(("江苏2024.csv", (CORPUS / "gbk_title_total.csv").read_bytes(), "text/csv")).run()
    [commit] = [b for b in app.button if b.label == "导入"]
    commit.click().run()
    assert not app.exception
    assert all("sheets" not in d.value.columns for d in app.dataframe)
    [picker] = [s for s in app.selectbox if s.label == "撤销批次"]
    assert picker.options == ["#1 · 江苏2024.csv"]


@pytest.mark.parametrize(("lang", "says", "never"), [("zh", "在文件的前 100 行中找不到表头", "工作表"),
                                                     ("en", "No header found in the first 100 rows of the file",
                                                      "sheet")])
def test_a_text_file_without_a_header_is_no_sheet(empty_db: Path, monkeypatch: pytest.MonkeyPatch, lang: str,
                                                  says: str, never: str) -> None:
    """保定's 以工代赈 table of counties (a CSV) has no project header: the refusal named a worksheet
    "lists4_baoding_work_relief" (the file's stem), which a text file does not have. It speaks of the file."""
    at = open_page(empty_db, monkeypatch, "upload", lang=lang)
    name = "lists4_baoding_work_relief.csv"
    at.file_uploader[0].set_value((name, (CORPUS / name).read_bytes(), "text/csv")).run()
    assert not at.exception
    [refusal] = [e.value for e in at.error if "100" in e.value]
    assert says in refusal and never not in refusal and "--map 备注=name" in refusal


@pytest.mark.parametrize(("lang", "read", "valid"), [("zh", "读到 1,200 个项目行", "1,200 个项目行全部通过校验"),
                                                     ("en", "1,200 project rows read",
                                                      "Every project row passed validation (1,200 rows)")])
def test_counts_of_rows_have_thousands_separators(empty_db: Path, monkeypatch: pytest.MonkeyPatch, lang: str,
                                                  read: str, valid: str) -> None:
    """The page wrote "读到 20000 个项目行" and "共 20000 行" beside "40,000 个问题，涉及 20,000 行": every count
    of rows on the page is written with separators, as every other page writes counts."""
    at = open_page(empty_db, monkeypatch, "upload", lang=lang)
    body = "\n".join(f"南京新型显示产业项目{i},江苏省南京市,{1000 + i},2025-2027" for i in range(1200))
    data = ("项目名称,建设地点,总投资（万元）,建设起止年限\n" + body + "\n").encode("utf-8")
    at.file_uploader[0].set_value(("big.csv", data, "text/csv")).run()
    assert not at.exception
    assert any(read in c.value for c in at.caption)
    assert any("1,200" in c.value and "500" in c.value for c in at.caption)  # 只显示前 500 行（共 1,200 行）
    assert any(valid in s.value for s in at.success)


@pytest.mark.parametrize(("lang", "rest"), [("zh", "……另有 30 行存在与第 2 行相同的问题（“总投资（万元）”列），"
                                                   "未逐一列出。"),
                                            ("en", "… and 30 more rows with the same problem as row 2 (column "
                                                   "\"总投资（万元）\"), not listed one by one.")])
def test_the_rest_of_a_kind_is_counted_last_in_words(empty_db: Path, monkeypatch: pytest.MonkeyPatch, lang: str,
                                                     rest: str) -> None:
    """50 rows of junk amounts: 20 listed, the other 30 counted in one line. That line came first, above the rows
    (the note says "the last lines of the table") and named its kind by its code (amount_unparsable), in the
    Chinese page too. It now comes last, names the first row of its kind, and holds no identifier."""
    at = open_page(empty_db, monkeypatch, "upload", lang=lang)
    body = "\n".join(f"南京新型显示产业项目{i},江苏省南京市,一大笔" for i in range(50))
    data = f"项目名称,建设地点,总投资（万元）\n{body}\n".encode()
    at.file_uploader[0].set_value(("junk.csv", data, "text/csv")).run()
    assert not at.exception
    [table] = [d for d in html_frames(at) if rest in d.to_string()]
    messages = table.iloc[:, -1].tolist()
    assert messages[-1] == rest and len(messages) == 21
    assert "amount_unparsable" not in table.to_string()


@pytest.mark.parametrize(("lang", "says"), [("zh", "工作表“重点项目” · 表头在第"),
                                            ("en", "Sheet \"重点项目\" · header on row")])
def test_a_legacy_workbook_is_said_to_be_read_from_its_sheet(empty_db: Path, monkeypatch: pytest.MonkeyPatch,
                                                             lang: str, says: str) -> None:
    """A workbook has no encoding: the line over the mapping said "编码 xlsx" for it, for an .xls too."""
    at = open_page(empty_db, monkeypatch, "upload", lang=lang)
    at.file_uploader[0].set_value(("h.xls", (CORPUS / "legacy_hubei.xls").read_bytes(), "application/vnd.ms-excel"))
    at.run()
    assert not at.exception
    captions = [c.value for c in at.caption]
    assert not any("xlsx" in c for c in captions)
    assert any(says in c for c in captions), captions
