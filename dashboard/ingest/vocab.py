"""The words a list uses for coded values (stage, ownership, funding channel, sector) and their slugs."""

from __future__ import annotations

import re
from functools import cache

import numpy as np
import pandas as pd

from .. import tagging, taxonomy
from . import values


def funding_aliases() -> dict[str, str]:
    """Each funding channel's names and aliases, as written, to its slug (for header matching)."""
    return {name: s.slug for s in taxonomy.funding_sources() for name in (s.name_zh, s.name_en, *s.aliases) if name}


@cache
def construction_kinds() -> frozenset[str]:
    """The kinds of construction (新建, 改扩建, 技改), folded as a stage's: no stage on their own."""
    return frozenset(values.stage_key(k) for k in taxonomy.construction_kinds())


def stage_aliases() -> dict[str, str | None]:
    """Every spelling of a stage (as :func:`values.stage_key` folds it) to its slug, and every word no stage holds
    (taxonomy ``[stage_outside]``: 缓建, 在谈) to None, so that such a word inside a cell (暂缓开工) wins over a
    shorter stage word in it (开工) and the stage is left empty (see :func:`stage_outside`)."""
    return {**{values.stage_key(k): None for k in taxonomy.stage_outside()},
            **{values.stage_key(k): v for k, v in taxonomy.stage_aliases().items()}}


def stage_names(lang: str) -> list[str]:
    """The stages' names in ``lang``, in the taxonomy's order (前期/计划, 在建, 竣工, 取消)."""
    return [t.name_zh if lang == "zh" else t.name_en for t in taxonomy.stage_terms()]


@cache
def stage_outside() -> dict[str, str]:
    """The words no stage holds, folded as a stage's, → their kind (deferred, lead)."""
    return {values.stage_key(k): v for k, v in taxonomy.stage_outside().items()}


def ownership_aliases() -> dict[str, str]:
    """Every spelling of an ownership type (folded as a stage's) to its slug."""
    return {values.stage_key(k): v for k, v in taxonomy.ownership_aliases().items()}


def sector_from_name(text: str) -> str | None:
    """The sector a cell or heading names: any zh/en name or alias exactly, else an English wording of
    a sector's or sub-field's English name (Intelligent and new energy vehicles, NEV industry)."""
    text = (text or "").strip()
    if not text:
        return None
    return (taxonomy.sector_from_name(text) or _sector_from_english(text) or _sector_inside(text)
            or _sector_from_nbs_code(text))


@cache
def industry_class_sectors() -> dict[str, str | None]:
    """GB/T 4754-2017 class (four digits) → the SEI sector (a taxonomy key) of ``data/nbs_sei_crosswalk.csv``, or
    None for a class the NBS 2018 classification lists under several sectors (not used: no one sector is its)."""
    import csv

    from ..config import DATA_DIR

    keys = {s.slug for s in taxonomy.sectors()}
    with (DATA_DIR / "nbs_sei_crosswalk.csv").open(encoding="utf-8", newline="") as f:
        return {r["gbt4754_code"]: (r["sector"] if r["sector"] in keys else None) for r in csv.DictReader(f)}


# A code of the NBS 2018 classification 《战略性新兴产业分类（2018）》 (1.1.1, 3.1.2 先进钢铁材料, 5.1): its first
# number is the NBS group each sector of the taxonomy names (nbs_group). At least one point: a bare 4 is no code.
_NBS_CODE = re.compile(r"^\s*0?([1-9])(?:\.[0-9]{1,3}){1,3}(?![0-9.])")


def _sector_from_nbs_code(text: str) -> str | None:
    m = _NBS_CODE.match(text)
    if not m:
        return None
    group = int(m.group(1))
    return next((s.slug for s in taxonomy.sectors() if s.nbs_group == group), None)


@cache
def _chinese_names() -> list[tuple[str, str]]:
    """(name, slug) for every Chinese sector name and alias of three characters or more, longest first."""
    names = set()
    for s in taxonomy.sectors():
        for name in (s.name_zh, s.short_zh, s.nbs_name_zh, *s.aliases):
            if name and len(name) >= 3 and re.search(r"[\u4e00-\u9fff]", name):
                names.add((name, s.slug))
    return sorted(names, key=lambda n: -len(n[0]))


def _sector_inside(text: str) -> str | None:
    """The sector a short Chinese cell names inside a longer wording (新能源汽车零部件, 属新材料领域):
    the longest sector name it contains, if only one sector has a name that long."""
    s = re.sub(r"\s+", "", text)
    if len(s) > 16 or not re.search(r"[\u4e00-\u9fff]", s):
        return None
    found = [(len(name), slug) for name, slug in _chinese_names() if name in s]
    if not found:
        return None
    longest = found[0][0]
    slugs = {slug for n, slug in found if n == longest}
    return slugs.pop() if len(slugs) == 1 else None


_EN_STOP = {"and", "the", "of", "industry", "industries", "sector", "sectors", "field", "fields", "for", "in",
            "related", "other", "emerging", "strategic", "&"}
_EN_SAME = {"intelligent": "smart", "connected": "smart", "electric": "newenergy", "hi": "high", "advanced": "high",
            "biological": "biotechnology", "bio": "biotechnology", "environment": "environmental",
            "nextgeneration": "newgeneration"}


def _en_tokens(text: str) -> frozenset[str]:
    text = re.sub(r"new[\s-]+energy", "newenergy", text.lower())
    text = re.sub(r"(next|new)[\s-]+generation", "newgeneration", text)
    words = [w[:-1] if len(w) > 3 and w.endswith("s") else w for w in re.findall(r"[a-z0-9]+", text)]
    return frozenset(_EN_SAME.get(w, w) for w in words if w not in _EN_STOP)


@cache
def _english_names() -> list[tuple[frozenset[str], str]]:
    names: list[tuple[frozenset[str], str]] = []
    for s in taxonomy.sectors():
        for name in (s.name_en, s.short_en, s.nbs_name_en, *s.aliases):
            if name and name.isascii():
                names.append((_en_tokens(name), s.slug))
    for sub in taxonomy.subfields():
        if sub.name_en:
            names.append((_en_tokens(sub.name_en), sub.sector))
    return [(t, slug) for t, slug in names if t]


def _sector_from_english(text: str) -> str | None:
    """The sector whose English name's words the cell contains (the most words wins; a tie between
    two sectors is no answer), else the one whose name contains all the cell's words (two or more),
    else the one sharing most of its words with the cell (at least 2/3)."""
    if not re.search(r"[a-zA-Z]", text) or re.search(r"[\u4e00-\u9fff]", text):
        return None
    words = _en_tokens(text)
    if not words:
        return None
    contained = [(len(t), slug) for t, slug in _english_names() if t <= words]
    if contained:
        most = max(n for n, _ in contained)
        best = {slug for n, slug in contained if n == most}
        return best.pop() if len(best) == 1 else None
    inside = {slug for t, slug in _english_names() if len(words) >= 2 and words <= t}
    if inside:
        return inside.pop() if len(inside) == 1 else None
    scored = [(len(t & words) / len(t | words), slug) for t, slug in _english_names()]
    top = max(score for score, _ in scored)
    best = {slug for score, slug in scored if score == top}
    return best.pop() if top >= 2 / 3 and len(best) == 1 else None


def tag(names: tagging.Texts, contents: tagging.Texts) -> pd.DataFrame:
    """The tagger's verdicts as columns sector, subfield, confidence, matched ('、'-joined)."""
    verdicts, index = tagging.tag_codes(names, contents)

    def text(values: list[str | None]) -> pd.Series:
        # Each column taken from the few distinct verdicts by each row's verdict number, as the object
        # column of text that pandas would infer (missing: NaN) without inferring it cell by cell.
        return pd.Series(np.array([np.nan if v is None else v for v in values], dtype=object)[index], dtype=object)

    return pd.DataFrame({
        "sector": text([v.sector for v in verdicts]),
        "subfield": text([v.subfield for v in verdicts]),
        "confidence": np.array([v.confidence for v in verdicts], dtype=float)[index],
        "matched": text([_joined(v.matched) for v in verdicts]),
    }, columns=["sector", "subfield", "confidence", "matched"])


def _joined(m: object) -> str | None:
    if m is None or (not isinstance(m, str) and len(m) == 0):
        return None
    return m if isinstance(m, str) else "、".join(map(str, m))
