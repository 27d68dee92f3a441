"""UI text: counts agree with their words in English, and every message formats."""

from __future__ import annotations

import re
import string

import pytest

from dashboard.i18n import LANGS, messages, t

CJK = re.compile(r"[\u4e00-\u9fff]")

PLACEHOLDER = re.compile(r"\{(\w+)[^{}]*\}")


@pytest.mark.parametrize(("count", "rows", "expected"), [
    (1, 1, "1 problem in 1 row (highlighted)."),
    (2, 1, "2 problems in 1 row (highlighted)."),
    ("1,024", 3, "1,024 problems in 3 rows (highlighted)."),
    (0, 0, "0 problems in 0 rows (highlighted)."),
])
def test_english_counts_take_singular_or_plural(count: object, rows: object, expected: str) -> None:
    assert t("upload.errors", "en", count=count, rows=rows) == expected


def test_chinese_is_unchanged_by_counts() -> None:
    assert t("upload.errors", "zh", count=1, rows=1) == "1 个问题，涉及 1 行（标红的行）。"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("value", [1, 2])
def test_every_message_formats_with_its_placeholders(lang: str, value: int) -> None:
    """Each message, given a value for each name it uses, formats without error (an unreplaced
    plural marker would not); a plural marker names a placeholder the message also prints."""
    for key, text in messages()[lang].items():
        names = {m[1] for m in PLACEHOLDER.finditer(text)}
        printed = {f for _, f, _, _ in string.Formatter().parse(re.sub(r"\{\w+#[^{}]*\}", "", text)) if f}
        plural = set(re.findall(r"\{(\w+)#", text))
        assert plural <= {p.split(":")[0].split("!")[0] for p in printed}, key
        t(key, lang, **dict.fromkeys(names, value))  # a marker left unreplaced is a KeyError here


def test_streamlits_own_words_have_ours_in_both_languages() -> None:
    """Every word dashboard/chrome.py swaps in has a Chinese and an English text, and each lands in the style
    sheet of its language as a CSS string (quotes and backslashes escaped, no way out of the <style>)."""
    from dashboard import chrome

    keys = {key for key, _, _ in chrome.SWAPS} | {key for key, _ in chrome.TIPS} | set(chrome.PLOTLY_WORDS.values())
    for lang in LANGS:
        table = messages()[lang]
        assert {f"chrome.{k}" for k in keys} <= set(table), lang
        sheet = chrome.css(lang)
        for key in {key for key, _, _ in chrome.SWAPS}:
            assert f"content:{chrome.css_string(table[f'chrome.{key}'])}" in sheet
        assert "</" not in sheet
    assert t("chrome.upload_button", "zh") != t("chrome.upload_button", "en")
    assert chrome.css_string('a"b\\c</style>') == '"a\\"b\\\\c\\3C /style>"'
    assert [chrome.size_text(mb) for mb in (200, 1024, 1536, 2048)] == ["200 MB", "1 GB", "1.5 GB", "2 GB"]


def test_column_menu_words_are_streamlits_in_english_and_ours_in_chinese() -> None:
    """The column menu's script carries one word of ours per Streamlit word in Chinese and none in English
    (the English words are Streamlit's own), and its dictionary cannot end the script."""
    from dashboard import chrome

    for lang in LANGS:
        assert {f"chrome.{k}" for k in chrome.MENU_WORDS.values()} <= set(messages()[lang]), lang
    assert chrome.menu_words("en") == {}
    zh = chrome.menu_words("zh")
    assert set(zh) == set(chrome.MENU_WORDS) and all(CJK.search(w) for w in zh.values())
    script = chrome.menu_script("zh")
    assert script.count("</") == 1 and script.endswith("</script>")
    assert t("chrome.calendar_year", "zh", year=2026) == "2026年"
    assert t("chrome.calendar_year", "en", year=2026) == "2026"
