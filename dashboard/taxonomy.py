"""The policy taxonomy, read once from ``data/taxonomy.toml`` (the only place it is written down)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import cache

from . import tomlcache
from .config import DATA_DIR

TAXONOMY_FILE = DATA_DIR / "taxonomy.toml"


@dataclass(frozen=True)
class Subfield:
    slug: str
    sector: str
    name_zh: str
    name_en: str
    clause_phrases: tuple[str, ...]
    keywords: tuple[str, ...]
    strong_keywords: tuple[str, ...] = ()
    demo_templates: tuple[str, ...] = ()
    note_zh: str = ""  # what in this sub-field is not in the text, and where it comes from
    note_en: str = ""


@dataclass(frozen=True)
class Sector:
    slug: str
    clause: str
    order: int
    name_zh: str
    name_en: str
    short_zh: str
    short_en: str
    aliases: tuple[str, ...]
    lead_departments: tuple[str, ...]
    lead_departments_en: tuple[str, ...]
    nbs_group: int
    nbs_name_zh: str
    nbs_name_en: str
    color: str
    subfields: tuple[Subfield, ...] = field(default=())


@dataclass(frozen=True)
class Tier:
    slug: str
    clause: str
    name_zh: str
    short_zh: str
    name_en: str
    short_en: str
    target_count: int
    color: str
    status_zh: tuple[str, ...] = ("已认定", "培育中", "后备")  # designated, cultivating, reserve
    status_en: tuple[str, ...] = ("designated", "cultivating", "reserve")


@dataclass(frozen=True)
class Programme:
    slug: str
    clause: str
    name_zh: str
    name_en: str
    short_zh: str
    short_en: str
    summary_zh: str
    summary_en: str


@dataclass(frozen=True)
class FundingSource:
    slug: str
    clause: str
    kind: str  # 'government' or 'market'
    name_zh: str
    name_en: str
    aliases: tuple[str, ...]
    color: str
    header_pattern: str                      # a regular expression a column header of this channel matches
    demo_weights: dict[str, float]           # ownership slug -> the demo's Dirichlet weight
    demo_programme_weights: dict[str, float] = field(default_factory=dict)  # programme -> weight instead
    named_in_text: bool = True  # False: a common channel the guidance does not name (added by this tool)


@dataclass(frozen=True)
class Term:
    """A coded value with names, a colour and the spellings that map to it (ownership, stage, region group)."""

    slug: str
    name_zh: str
    name_en: str
    color: str
    aliases: tuple[str, ...] = ()
    demo_share: float = 0.0                  # ownership: the demo's share of projects
    chart_rank: int = 0                      # stage: position in stacked charts
    key: str = ""                            # region group: the ASCII value links carry (the slug is stored)


@dataclass(frozen=True)
class Measure:
    clause: str
    number: int
    section_zh: str
    section_en: str
    title_zh: str
    title_en: str
    tracked_by: str  # 'sector:<slug>', 'targets', 'programme:<slug>', 'funding' or 'none'
    lead_departments: tuple[str, ...]
    note_zh: str = ""
    note_en: str = ""


@dataclass(frozen=True)
class Department:
    name_zh: str  # as the 责任部门 lines spell it
    abbr_en: str
    name_en: str


def _tuples(row: dict) -> dict:
    return {k: tuple(v) if isinstance(v, list) else v for k, v in row.items()}


@cache
def _raw() -> dict:
    return tomlcache.load(TAXONOMY_FILE)


@cache
def sectors() -> tuple[Sector, ...]:
    """The eight sectors of clauses (一)–(八), in clause order."""
    out = []
    extra = nbs_keywords()
    for row in _raw()["sectors"]:
        row = dict(row)
        subs = tuple(_with_nbs_terms(Subfield(sector=row["slug"], **_tuples(s)), extra) for s in row.pop("subfields"))
        out.append(Sector(subfields=subs, **_tuples(row)))
    return tuple(sorted(out, key=lambda s: s.order))


@cache
def nbs_keywords() -> dict[str, tuple[str, ...]]:
    """Sub-field slug -> the keywords of the ``[[nbs_terms]]`` tables: product terms taken from the NBS 2018
    classification's 重点产品和服务 (each table names its sub-field, its NBS category and its source)."""
    out: dict[str, list[str]] = {}
    for table in _raw().get("nbs_terms", ()):
        out.setdefault(table["subfield"], []).extend(table["keywords"])
    return {slug: tuple(words) for slug, words in out.items()}


def _with_nbs_terms(sf: Subfield, extra: dict[str, tuple[str, ...]]) -> Subfield:
    """The sub-field with its NBS terms after its own keywords (a term it already lists is not added twice)."""
    words = tuple(w for w in extra.get(sf.slug, ()) if w not in sf.keywords and w not in sf.strong_keywords)
    return replace(sf, keywords=(*sf.keywords, *dict.fromkeys(words))) if words else sf


def sector(slug: str) -> Sector:
    for s in sectors():
        if s.slug == slug:
            return s
    raise KeyError(slug)


def subfields(sector_slug: str | None = None) -> tuple[Subfield, ...]:
    return tuple(sf for s in sectors() if sector_slug in (None, s.slug) for sf in s.subfields)


@cache
def subfield(slug: str) -> Subfield:
    for sf in subfields():
        if sf.slug == slug:
            return sf
    raise KeyError(slug)


@cache
def tiers() -> tuple[Tier, ...]:
    return tuple(Tier(**_tuples(r)) for r in _raw()["tiers"])


STATUSES = ("designated", "cultivating", "reserve")


def status_label(tier: str, status: str, lang: str = "zh") -> str:
    """A cluster status in the words of its tier: 已认定 for clusters, 已打造 for bases, 已形成 for ecosystems."""
    for t in tiers():
        if t.slug == tier and status in STATUSES:
            names = t.status_zh if lang == "zh" else t.status_en
            return names[STATUSES.index(status)]
    return status


def status_phrase(status: str, lang: str = "zh", sep: str = " · ") -> str:
    """One status across the three tiers, each in its own words (the text asks to 培育和打造 bases and
    clusters and to 引导和储备 ecosystems): 产业基地已打造 · 产业集群已认定 · 产业生态已形成 for
    ``designated``, what counts towards the targets."""
    if lang == "zh":
        return sep.join(f"{t.short_zh}{status_label(t.slug, status, 'zh')}" for t in tiers())
    return sep.join(f"{t.short_en}: {status_label(t.slug, status, 'en')}" for t in tiers())


def pace_start_year() -> int:
    """The year the pace line towards the targets starts (the first national batch of SEI clusters)."""
    return int(_raw()["pace"]["start_year"])


@cache
def programmes() -> tuple[Programme, ...]:
    return tuple(Programme(**_tuples(r)) for r in _raw()["programmes"])


@cache
def funding_sources() -> tuple[FundingSource, ...]:
    return tuple(FundingSource(**_tuples(r)) for r in _raw()["funding_sources"])


@cache
def ownership_terms() -> tuple[Term, ...]:
    return tuple(Term(**_tuples(r)) for r in _raw()["ownership"])


@cache
def stage_terms() -> tuple[Term, ...]:
    return tuple(Term(**_tuples(r)) for r in _raw()["stages"])


@cache
def region_groups() -> tuple[Term, ...]:
    """东部 / 中部 / 西部 / 东北 in display order; the slug is the value the regions table stores."""
    return tuple(Term(**_tuples(r)) for r in _raw()["region_groups"])


def colors(kind: str) -> dict[str, str]:
    """slug -> colour for sector, tier, funding, ownership, stage or region_group; sectors add
    'unclassified' and ownership 'unknown' (the colours of a missing value)."""
    out = {item.slug: item.color for item in _KINDS[kind]()}
    extra = {"sector": "unclassified", "ownership": "unknown"}.get(kind)
    if extra:
        out[extra] = _raw()["colors"][extra]
    return out


@cache
def measures() -> tuple[Measure, ...]:
    return tuple(sorted((Measure(**_tuples(r)) for r in _raw()["measures"]), key=lambda m: m.number))


@cache
def departments() -> tuple[Department, ...]:
    return tuple(Department(**r) for r in _raw()["departments"])


def department_name(name_zh: str, lang: str = "zh") -> str:
    """A department of the 责任部门 lines in the chosen language (zh: as the text spells it)."""
    if lang == "zh":
        return name_zh
    for d in departments():
        if d.name_zh == name_zh:
            return d.name_en
    return name_zh


def normalise_key(text: str) -> str:
    """Fold width, case, spaces and punctuation so '新一代 信息技术（产业）' meets its alias."""
    text = unicodedata.normalize("NFKC", str(text)).lower()
    return re.sub(r"[\s·•/&＆、,，.。()（）\-_]+", "", text)


def _alias_index(items: tuple, extra: tuple[str, ...] = ()) -> dict[str, str]:
    index: dict[str, str] = {}
    for item in items:
        names = [item.slug, item.name_zh, item.name_en, *getattr(item, "aliases", ())]
        names += [getattr(item, a) for a in extra if getattr(item, a, None)]
        for name in names:
            index.setdefault(normalise_key(name), item.slug)
    return index


@cache
def _sector_index() -> dict[str, str]:
    index = _alias_index(sectors(), ("short_zh", "short_en", "nbs_name_zh", "nbs_name_en"))
    for s in sectors():  # '新能源产业' and '新能源' both map, as do clause numbers such as '（五）'
        index.setdefault(normalise_key(s.name_zh + "产业"), s.slug)
    return index


def sector_from_name(text: str | None) -> str | None:
    """Map a given sector cell (any zh/en name, short form or alias) to its slug, else None."""
    if text is None:
        return None
    return _sector_index().get(normalise_key(text))


def construction_kinds() -> tuple[str, ...]:
    """The words for the kind of construction (新建, 改扩建, 技改): not a stage (``[construction_kinds]``)."""
    return tuple(_raw()["construction_kinds"]["words"])


def stage_outside() -> dict[str, str]:
    """Stage words no stage holds (``[stage_outside]``: 缓建, 在谈) → their kind (deferred, lead)."""
    return {word: kind for kind, words in _raw()["stage_outside"].items() for word in words}


def stage_aliases() -> dict[str, str]:
    """Normalised spelling → stage slug."""
    return _alias_index(stage_terms())


def ownership_aliases() -> dict[str, str]:
    """Normalised spelling → ownership slug."""
    return _alias_index(ownership_terms())


def label(kind: str, slug: object, lang: str = "zh", *, short: bool = True) -> str:
    """The display name of a coded value: kind is sector, subfield, tier, programme, funding,
    ownership, stage or region_group."""
    if not isinstance(slug, str) or slug == "unclassified":  # None, NaN from pandas, the filter's pseudo-slug
        return "未分类" if lang == "zh" else "Unclassified"
    for item in _KINDS[kind]():
        if item.slug == slug:
            if short and hasattr(item, "short_zh"):
                return item.short_zh if lang == "zh" else item.short_en
            return item.name_zh if lang == "zh" else item.name_en
    return slug


_KINDS = {
    "sector": sectors, "subfield": subfields, "tier": tiers, "programme": programmes,
    "funding": funding_sources, "ownership": ownership_terms, "stage": stage_terms, "region_group": region_groups,
}
