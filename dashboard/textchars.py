"""Character sets that more than one layer needs, kept in one place with no imports of the package.

``BLANK_CHARS`` is every character ``str.strip()`` removes (none lies above U+3000): the tagger trims its
texts with them (Arrow's ``utf8_trim``) and the import strips its cells of them (:mod:`dashboard.ingest.raw`
escapes them for its patterns). Both read this module, so neither layer reaches into the other.

``NARROW`` folds full-width ASCII (Ａ, ５, （) to its half-width form: the import's duplicate keys (within a
file) and the store's lookup of stored projects (against the file) both compare names through it, so that a
name typed in another input mode (ＡＢＣ园区（一期） / ABC园区(一期)) is one project on both sides.
``KEY_FOLD`` is the match key's fold: ``NARROW`` with ASCII letters in lower case too (5G基站 / 5g基站 / ５Ｇ基站,
AI产业园 / ai产业园: one project typed twice, migration 013). Only ASCII letters: a name's other letters are kept.
"""

from __future__ import annotations

BLANK_CHARS = "".join(chr(c) for c in range(0x3001) if chr(c).isspace())

# Full-width ASCII U+FF01-U+FF5E and its half-width forms U+0021-U+007E (a str.translate table), and the class
# of the wide forms for a regular expression (Python's or DuckDB's RE2).
NARROW = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
WIDE_CLASS = "[\uff01-\uff5e]"

# The match key's fold (projects.name_key): full-width ASCII to half-width and ASCII letters (either width) to
# lower case, and the class of the characters it changes.
KEY_FOLD = {**NARROW, **{c: c - 0xFEE0 + 0x20 for c in range(0xFF21, 0xFF3B)},
            **{c: c + 0x20 for c in range(0x41, 0x5B)}}
KEY_CLASS = "[A-Z\uff01-\uff5e]"


_BLANKS = {ord(c): None for c in BLANK_CHARS}


def fold_name(text: str) -> str:
    """A name as the match key compares it: without blanks, full-width ASCII half-width, ASCII letters lower case
    (the import's cluster names against the stored clusters: ＡＩ 产业集群 = ai产业集群)."""
    return text.translate(_BLANKS).translate(KEY_FOLD)


# Radicals a PDF's text layer gives for whole characters: the Kangxi radicals (U+2F00-U+2FD5: ⾼ for 高, ⽣ for 生;
# Unicode's compatibility decomposition names the ideograph) and the CJK radicals supplement's forms that are whole
# simplified characters (U+2E80-U+2EF3: ⻓ for 长, ⻔ for 门; no decomposition, the pairs as Unicode's
# EquivalentUnifiedIdeograph.txt gives them, https://www.unicode.org/Public/UCD/latest/ucd/EquivalentUnifiedIdeograph.txt).
# ⻓沙市 read like 长沙市 and was no place; 项⽬名称 was no header.
def _kangxi() -> dict[int, str]:
    import unicodedata

    return {c: unicodedata.normalize("NFKC", chr(c)) for c in range(0x2F00, 0x2FD6)}


RADICAL_FORMS = {**_kangxi(), **{ord(r): c for r, c in zip("⺟⺠⻄⻅⻆⻉⻋⻑⻓⻔⻗⻘⻚⻛⻜⻝⻢⻣⻤⻥⻦⻧⻨⻩⻬⻮⻰⻳",
                                                         "母民西见角贝车長长门雨青页风飞食马骨鬼鱼鸟卤麦黄齐齿龙龟",
                                                         strict=True)}}
RADICAL_CLASS = "[\u2e80-\u2ef3\u2f00-\u2fd5]"


def unify_radicals(text: str) -> str:
    """``text`` with each radical that stands for a whole character (:data:`RADICAL_FORMS`) as that character."""
    return text.translate(RADICAL_FORMS)
