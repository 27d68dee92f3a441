"""Large files are read in chunks (issue 12): the chunked reader gives exactly what reading the file
whole gives, row numbers included, whichever chunk a row, a bad value, a quoted line break, a wide row,
a traditional character or a 合计 row falls in. Memory is measured by hand (README), not here."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from dashboard import store, tagging
from dashboard.ingest import delimited, encodings, preview, reading, traditional

HEADER = "序号,项目名称,建设地点,总投资,建设起止年限,建设内容"


def _rows(n: int) -> list[str]:
    words = ["集成电路", "光伏组件", "生物医药", "污水处理厂", "道路改造", "动力电池"]
    lines = ["2024年重大项目清单", "单位：万元", HEADER]
    for i in range(1, n + 1):
        name = f"某某{i:05d}{words[i % len(words)]}项目"
        place = "苏州市" if i % 97 else ""  # an empty place every 97 rows: an error with its row number
        amount = str(1000 + i) if i % 89 else "abc"  # a bad amount every 89 rows
        lines.append(f"{i},{name},{place},{amount},2023-2026,建设{words[i % len(words)]}")
    lines.append(",合计,,,,")
    return lines


def _plan(path: Path, db: Path) -> object:
    with store.opened(db) as con:
        return preview(con, path)


def _same(a: object, b: object) -> None:
    assert a.refused == b.refused
    assert a.rows_read == b.rows_read
    pd.testing.assert_frame_equal(a.records, b.records)
    assert [(p.code, p.row, p.column, p.value) for p in a.errors] == [(p.code, p.row, p.column, p.value)
                                                                      for p in b.errors]
    assert [(p.code, p.row, p.column) for p in a.warnings] == [(p.code, p.row, p.column) for p in b.warnings]
    assert a.counts == b.counts


def _both(path: Path, db: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[object, object]:
    whole = _plan(path, db)
    monkeypatch.setattr(delimited, "CHUNK_ROWS", 50)
    monkeypatch.setattr(tagging, "BLOCK", 30)
    monkeypatch.setattr(traditional, "_SLICE", 200)
    return whole, _plan(path, db)


def test_chunks_give_what_the_whole_file_gives(tmp_path: Path, empty_db: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(("\r\n".join(_rows(640)) + "\r\n").encode("gb18030"))
    whole, chunked = _both(path, empty_db, monkeypatch)
    _same(whole, chunked)
    assert chunked.rows_read == 640  # the title, unit line, header and 合计 row are not projects
    # every problem names its line in the file: data row i is line i + 3, whichever chunk it is in
    rows = {code: sorted(p.row for p in chunked.errors if p.code == code)
            for code in ("place_missing", "amount_unparsable")}
    assert rows["place_missing"] == [97 * k + 3 for k in range(1, 7)]
    assert rows["amount_unparsable"] == [89 * k + 3 for k in range(1, 8)]


def test_a_quoted_line_break_in_a_late_chunk(tmp_path: Path, empty_db: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    lines = _rows(300)
    lines[250] = lines[250].replace("建设", '"建设\n第二行', 1) + '"'
    path = tmp_path / "multiline.csv"
    path.write_bytes(("\n".join(lines) + "\n").encode("utf-8"))
    whole, chunked = _both(path, empty_db, monkeypatch)
    _same(whole, chunked)
    assert chunked.rows_read == 300
    assert "\n" in chunked.records.loc[chunked.records["row"] == 251, "content"].iloc[0]
    assert chunked.records["row"].iloc[-1] == 304  # the row after the two-line cell starts a line later


def test_a_wide_row_and_a_traditional_cell_in_a_late_chunk(tmp_path: Path, empty_db: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    lines = _rows(700)
    lines[650] += ",多出的一格,再一格"  # wider than the first 500 lines
    lines[600] = lines[600].replace("建设", "建設", 1)
    path = tmp_path / "wide.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))
    whole, chunked = _both(path, empty_db, monkeypatch)
    _same(whole, chunked)
    assert chunked.rows_read == 700
    assert chunked.records.loc[chunked.records["row"] == 601, "content"].iloc[0].startswith("建设")


def test_reader_pieces_work_a_slice_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(traditional, "_SLICE", 7)
    assert traditional.traditional_and_any("简体" * 50 + "總", "")[0]
    assert not traditional.traditional_and_any("简体字" * 50, "")[0]
    mixed = "名称,地点\n集成电路,苏州\n".encode() + "光伏,无锡\n".encode("gbk")
    assert encodings._utf8_and_other_lines(mixed)
    assert not encodings._utf8_and_other_lines("名称,地点\n集成电路,苏州\n".encode("gbk"))
    text, encoding = encodings.decode(mixed)
    assert encoding == "utf-8+gbk" and "光伏" in text
    # the UTF-8 stream the parser reads is the text, however it is sliced
    monkeypatch.setattr(delimited._Utf8Reader, "_SLICE", 3)
    source = "名称,地点\n集成电路,苏州\n" * 40
    assert delimited._utf8_source(source).read() == source.encode("utf-8")
    with pytest.raises(reading.ReadError):
        reading.read(b"\xef\xbb\xbf \r\n\x00", "blank.csv")


def _line_by_line(data: bytes) -> tuple[bool, bool]:
    """(a UTF-8 line with Chinese in it, a line that is not UTF-8), each line decoded alone."""
    utf8_cjk = other = False
    for line in data.split(b"\n"):
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            other = True
        else:
            utf8_cjk = utf8_cjk or any("\u4e00" <= ch <= "\u9fff" for ch in text)
    return utf8_cjk, other


def test_the_bytes_at_once_check_never_hides_a_utf8_chinese_line() -> None:
    """The check that skips the line-by-line look (a GBK file) says "none" only when no line is UTF-8
    with Chinese in it; on every input the mixed-lines answer is the line-by-line one."""
    rng = np.random.default_rng(7)
    texts = ["中文", "项目", "一", "鿿", "㐀", "é", "\U0001F600", "abc", ",", "\n", "\r\n", "集成电路"]
    skipped = 0
    for _ in range(3000):
        parts = []
        for _ in range(int(rng.integers(0, 12))):
            text, how = texts[int(rng.integers(len(texts)))], rng.random()
            if how < 0.35:
                parts.append(text.encode("utf-8"))
            elif how < 0.6:
                parts.append(text.encode("gbk", errors="replace"))
            elif how < 0.8:
                parts.append(rng.integers(0, 256, int(rng.integers(1, 5)), dtype=np.uint8).tobytes())
            else:  # a character cut short
                parts.append(text.encode("utf-8")[:int(rng.integers(0, 4))])
        data = b"".join(parts)
        utf8_cjk, other = _line_by_line(data)
        if encodings._no_utf8_chinese_line(data):
            skipped += 1
            assert not utf8_cjk, data
        assert encodings._utf8_and_other_lines(data) == (utf8_cjk and other), data
    assert skipped > 1000  # the check does skip most GBK-like inputs
    gbk = ("名称,地点,总投资\n" + "某某001集成电路项目,苏州,15亿元\n" * 50).encode("gbk")
    assert encodings._no_utf8_chinese_line(gbk)
    assert not encodings._no_utf8_chinese_line(gbk + "光伏,无锡\n".encode())


def test_tag_many_in_blocks_equals_one_block(monkeypatch: pytest.MonkeyPatch) -> None:
    names = [f"某某{i}{w}项目" for i in range(200) for w in ("晶圆", "光伏电站", "酒店", "")]
    contents = [None if i % 3 else "建设储能电站" for i in range(len(names))]
    one = tagging.tag_many(names, contents)
    monkeypatch.setattr(tagging, "BLOCK", 7)
    assert tagging.tag_many(names, contents) == one
    assert np.mean([r.sector is not None for r in one]) > 0.5


def test_batch_tagging_equals_tagging_one_by_one() -> None:
    """The batch path (every text of a block searched in one pass, texts summarised from where their
    first keyword starts) gives each project the verdict tagging it alone gives, on every real-name
    set and on names and contents glued so that keywords nest, cross, meet at text edges, carry Latin
    edges, a 用, 材料 or an owner's 有限公司 after them, with odd cells beside."""
    rows = pd.concat([pd.read_csv(f, dtype=str, keep_default_na=False)[["name", "content"]]
                      for f in sorted((Path(__file__).parent / "data").glob("*.csv"))])
    # the sets' empty content cells are left out (the odd cells below stand for them): as the sets grow, they would
    # otherwise outnumber the texts and the glued mixes
    texts = [*(t for t in (*rows["name"], *rows["content"]) if t), "5G5G基站AIoTCT", "动力电池用铜箔用", "储能专用",
             "光伏组件光伏", "某某新材料有限公司易拉盖", "OLED材料", "某某生物科技有限公司"]
    rng = np.random.default_rng(12)
    glued = [texts[a][: rng.integers(0, len(texts[a]) + 1)] + texts[b][rng.integers(0, len(texts[b]) + 1):]
             for a, b in rng.integers(0, len(texts), (3000, 2))]
    names = [*texts, *glued, "", None, float("nan"), " 晶圆 "]
    contents = [*[None] * len(texts), *reversed(glued), "晶圆", "专用", None, "光伏"]
    for names_, contents_ in ((names, contents), ([*names, "光伏\x00电站"], [*contents, ""])):  # a NUL: one by one
        verdicts, index = tagging.tag_codes(names_, contents_)
        assert len(set(verdicts)) == len(verdicts) < len(names_) // 2
        expected = [tagging._decide(*tagging._scan(tagging._clean(n)), *tagging._scan(tagging._clean(c)))
                    for n, c in zip(names_, contents_, strict=True)]
        assert [verdicts[i] for i in index] == expected == tagging.tag_many(names_, contents_)
        assert sum(v.sector is not None for v in expected) > len(expected) // 3


def test_arrow_columns_are_tagged_as_their_python_values(monkeypatch: pytest.MonkeyPatch) -> None:
    """The import hands the tagger Arrow columns, cleaned (nulls, the blanks str.strip() removes) and
    numbered by Arrow's kernels: the same distinct verdicts in the same order, and the same index, as the
    same cells given as Python values; on every real-name set, on names wrapped in each blank (inside
    ones kept), repeats, nulls, a NUL (scanned one by one), as one array or in chunks, in one block or many."""
    rows = pd.concat([pd.read_csv(f, dtype=str, keep_default_na=False)[["name", "content"]]
                      for f in sorted((Path(__file__).parent / "data").glob("*.csv"))])
    blanks = [chr(c) for c in range(0x3001) if chr(c).isspace()]
    real = [*rows["name"], *rows["content"]]
    wrapped = [f"{b}{real[i * 7 % len(real)]}{b}{blanks[(i + 3) % len(blanks)]}" for i, b in enumerate(blanks)]
    inner = [f"光伏{b}组件" for b in blanks]
    # a company word that ends the name is the company alone (no evidence); a blank left after it would make it one
    wrapped += [f"{b}金准生物{b}" for b in blanks]
    names = [*rows["name"], *wrapped, *inner, *rows["name"][:50], "", None, " ", "　晶圆 ", None, "光伏\x00电站"]
    contents = [*rows["content"], *reversed(wrapped), *inner, *[None] * 50, None, "晶圆", "\u3000", None, " ", ""]
    assert len(names) == len(contents)
    for block in (tagging.BLOCK, 97):
        monkeypatch.setattr(tagging, "BLOCK", block)
        expected = tagging.tag_codes(names, contents)
        for pieces in (1, 3):
            cut = np.linspace(0, len(names), pieces + 1).astype(int)
            arrow = [pa.chunked_array([pa.array(cells[a:b], type=pa.string()) for a, b in zip(cut, cut[1:])])
                     for cells in (names, contents)]
            got = tagging.tag_codes(*(a.combine_chunks() if pieces == 1 else a for a in arrow))
            assert got[0] == expected[0] and got[1].tolist() == expected[1].tolist()
    assert sum(v.sector is not None for v in expected[0]) > 10
    assert tagging.tag_many(["\u3000金准生物\x1c"]) == [tagging.UNCLASSIFIED] != [tagging._tag("金准生物\x1c", "")]


def test_arrow_reader_gives_the_cells_pandas_gives() -> None:
    """Arrow's CSV reader (the usual file) gives exactly the cells, and rows, of pandas' C parser, or
    declines: quotes closed mid-cell, doubled, left open (also on the last line), blank and short rows,
    rows wider than the first ones, line breaks in cells, CR or CRLF endings, every delimiter."""
    cases = ["标题\n单位：万元\na,b,c\n1,2,3\n注：说明\n", 'a,b,c\n"ab"cd,x,y\n', 'a,b,c\nab"cd,x,y\n',
             'a,b,c\n"a""b",x\n', 'a,b,c\n "ab",x,y\n', 'a,b,c\n\n\nx,y,z\r\n\r\n', "a,b,c\rx,y,z\r", "a,b,c\nx,y,z",
             "a,b,c\n   \nx,y\n", 'a,b,c\nx,y,z,\n', 'a,b,c\n"x\ny",1,2\n', 'a,b,c\n"unclosed,1,2\nq,r,s\n',
             'a,b,c\nq,r,"s', 'a,b,c\nx,y,"z\n', 'a,b,c\n\t""", ""', 'a;b;c\n1;"2;3";4\n']
    rng = np.random.default_rng(5)
    pieces = np.array(['a', '"', ',', '\n', '\r', ' ', '项', '\t', ';', '""', '\r\n'])
    cases += ["a,b,c\n" + "".join(rng.choice(pieces, rng.integers(1, 60))) for _ in range(400)]
    fast = 0
    for text in cases:
        for d in (",", "\t", ";"):
            width = max(len(r) for r in delimited.csv.reader(text.splitlines()[:500], delimiter=d))
            arrow = delimited._read_arrow(text, d, width)
            if arrow is None:
                continue
            fast += 1
            chunks = delimited._read_chunks(text, d, width)
            assert chunks is not None and arrow.equals(chunks) and (arrow.dtypes == chunks.dtypes).all(), (text, d)
            assert list(arrow.columns) == list(chunks.columns) == list(range(width))
    assert fast > 300
    assert delimited._read_arrow(cases[0], ",", 3) is not None  # title, unit and note rows: short, padded


def test_gbk_text_is_the_gb18030_text() -> None:
    """A GBK file is decoded once, as GBK: GB18030 reads every byte sequence GBK reads as the same text."""
    pairs = [bytes([hi, lo]) for hi in range(0x81, 0xFF) for lo in range(0x40, 0xFF)]
    read = 0
    for pair in pairs:
        try:
            text = pair.decode("gbk")
        except UnicodeDecodeError:
            continue
        read += 1
        assert pair.decode("gb18030") == text, pair
    assert read > 20_000 and all(bytes([b]).decode("gbk", errors="replace") == "\ufffd" or b < 0x80 for b in range(256))
    assert encodings.decode("名称,地点\n集成电路,苏州\n".encode("gbk"))[1] == "gbk"
    assert encodings.decode("名称,地点\n集成电路,苏州€\n".encode("gb18030"))[1] == "gb18030"
