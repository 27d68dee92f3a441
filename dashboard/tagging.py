"""Automatic sector tagging of a project from its name and 建设内容 text.

Every keyword of ``data/taxonomy.toml`` (sub-field ``keywords`` and ``strong_keywords``) and the
words of its ``[tagging]`` table are compiled once into one Aho–Corasick automaton (ahocorasick-rs),
so one pass over a text finds every occurrence of every word, overlapping ones included. Which
occurrences count (:func:`_select`):

* a word inside a longer word found at the same place is not counted (光伏 inside 光伏发电, 数字人
  inside the neutral compound 数字人民币, 道路 inside 智慧道路);
* where two keywords cross (生物医药|医药产业园, 信创|创新药) the heavier one wins, so a long but
  weak match never swallows a strong one;
* Latin keywords (5G, AI, CT …) must not sit inside a longer Latin word or number.

Scoring (:func:`_decide`): each distinct keyword counts once per text, weighted by length, by
strength (``strong_keywords``, and any keyword that contains one), down-weighted when listed in
``weak_keywords`` or ``generic_keywords`` (智能制造, 智能工厂: how a thing is made, not what it is),
counted more in the name than in the content, and a little more when it is the head of the name (the
last specific keyword: 锂电池负极材料 is a material; where two fields are joined by 及, 和 or 与, the
last specific keyword before the coordinator: 某某储能PACK及充电桩 is storage, the first-named
field). Bare sector words (``[tagging.sector_words]``: 新能源, 生物科技, 高端装备 — the sector named
with no technology) are weak evidence naming no sub-field: they tag a project only when nothing more
specific does, and with low confidence; inside the owner's name (某某生物科技有限公司中转仓储项目,
某某新材料有限公司易拉盖项目, 某某新材料(山东)有限公司…: the word followed by ``owner_marks``,
perhaps after a place in brackets) they and the labels below are no evidence at all, and so is a
``company_words`` word that ends the name, perhaps before 项目 (金准生物, 某某生物项目: a company
named alone); so is a vehicle maker's brand that ends the name (小米汽车, 某某蔚来汽车项目), while a ``tail_words``
word (环保) is evidence only there (光大环保: the company named alone takes its sector; 环保包装 is a
qualifier). 新能源 right after a carmaker's name (``carmakers``: 上汽新能源) is its NEVs, a strong keyword; so is a
vehicle right after a bare new-energy word (``nev_vehicle_words``: 新能源特种车, 清洁能源重卡).
A keyword followed by 用 (动力电池用铜箔) names the use, not the product; one followed by 主题
(动漫主题乐园, 航天主题公园) names a theme, one followed by 回收 (光伏组件回收) what is recycled (unless it is a
recycling keyword itself: 废旧锂电池回收 is recycling), and
one followed by a ``use_marks`` word (人工智能应用, 无人机森林灭火) a technology applied, one followed by a
``place_marks`` word (某某航天城, 生物城: 城市 excepted) a district named after the field: each counts
little and is never strong; so does a material followed by a product (``product_marks``:
磷酸铁锂电池 names the battery's chemistry, 纳米材料高端装备 equipment for the material).
Followed by 材料 or 基础材料 (OLED材料, 锂电基础材料: ``material_marks``) it names what a material
is for, so it is a use and the project counts as a material (``material_keyword``, 新材料) — the same rule
that makes 光伏胶膜 a material; so is every keyword of a compound written back to back before it (半导体芯片材料),
and a keyword that names the product elsewhere only inside the owner's name (某某储能科技有限公司…储能功能材料) is
still only a use there.
Confidence combines the winning score with its margin over the runner-up, so ties and a lone weak or
short keyword score low. Negative context (``exclude_keywords``: roads, housing, hotels, schools,
colleges, hospital buildings, water supply, generic park works, and ordinary industries such as 不锈钢,
农机, 燃油车, 秸秆还田, 饲料) leaves a project unclassified unless a strong, non-generic SEI keyword is
present too; a sector named only as a label (``label_keywords``: 新材料) is not strong enough for that
(食品级PET…新材料 stays unclassified), and it yields to a product the name names (某某新材料锂电池结构件 is
batteries: the label is the maker's; 航空新材料, X新材料, is still a material for X). A traditional industry
(``traditional_keywords``: 服饰, 食品, 白酒,
保健品, 纸业, 涤纶 …) stays unclassified when its only evidence is generic (智能制造), a bare sector word or a
label (某某纸业新材料基地); a specific technology still counts, unless the name's last technology is
only applied (某某乳业5G…人工智能应用示范). Premises (``premises_keywords``: 总部, 服务中心, an
industrial-property developer's brand park) stay unclassified when their only evidence is generic: 智能制造
names no field for a head office (a bare sector word or a technology still does). A name that ends on what is
built (``built_keywords``: 生活配套, 人才公寓, 会展中心, 批发市场 after every keyword) is unclassified even with a
strong keyword; when a coordinator joins the keywords before it to that word (某某黑臭水体治理及市政基础设施) the
first-named field is the project's and the built word is no context. A project named only by how things are made
(``process_keywords``: 智能制造) names no field and is unclassified.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import chain

import ahocorasick_rs
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from . import taxonomy
from .textchars import BLANK_CHARS

NAME_WEIGHT = 1.0
CONTENT_WEIGHT = 0.5
STRONG_FACTOR = 3.0
WEAK_FACTOR = 0.3
GENERIC_FACTOR = 0.4  # 智能制造, 智能工厂 …: weigh less than a specific technology
MODIFIER_FACTOR = 0.3  # a keyword naming the use (动力电池用铜箔)
HEAD_FACTOR = 1.25  # the last specific keyword of a name with several
STRENGTH_SCALE = 1.5  # score at which strength reaches 1 - 1/e
# X用Y: Y made for X; X主题Y: Y themed on X (动漫主题乐园); X回收: the recycling of X (线路板回收). The
# taxonomy's ``[tagging] use_marks`` add more (X应用: X applied to something else).
CHIPS = "chips"  # the sub-field whose keywords make a sensor a chip (MEMS传感器: the lead's round-12 decision)
MODIFIER_MARKS = ("用", "专用", "主题", "回收")
RECYCLE_MARK = "回收"  # … but the recycling of what only the recycling sector names (废旧锂电池回收) is recycling


@dataclass(frozen=True)
class TagResult:
    """The tagger's verdict: sector and sub-field slugs (None when unclassified), a confidence in 0–1
    and the keywords that support the sector, in the order found (name first, then content)."""

    sector: str | None
    subfield: str | None
    confidence: float
    matched: tuple[str, ...]


UNCLASSIFIED = TagResult(None, None, 0.0, ())

POSITIVE, NEGATIVE, NEUTRAL, TRADITIONAL, PREMISES, MAKER = 0, 1, 2, 3, 4, 5
NEG_FLAG, TRAD_FLAG, BUILT_FLAG, PREM_FLAG, MAKER_FLAG = 1, 2, 4, 8, 16  # the context flags of a scan
# Set when a research institute (``research_keywords``) is named and every positive keyword of the scan ends a
# registered company's name (某某电池有限公司…工程研究院): the owner's trade, not the institute's field.
OWNED_FLAG = 32
# What marks a registered company's name among the owner marks (有限公司, 股份有限公司, 科技有限…: the two forms of
# company law), as against a group (集团, 控股) that a name may present as the project's own.
REGISTERED_FORMS = ("有限", "股份", "公司")
# A scan's flags also carry, from this bit up, how many of its keywords come before a coordinator (及, 和, 与) that
# has keywords after it too: the first-named field of 某某储能PACK及充电桩 (0: no such coordinator).
SPLIT_SHIFT = 6
COORDINATORS = ("及", "和", "与")
_COORDINATOR = re.compile("|".join(COORDINATORS))
# What may follow a company word that ends a name and still leave the company named alone (某某生物项目)
PROJECT_ENDS = ("", "项目", "工程", "建设项目")
# … and what may follow a ``tail_words`` word for it to name the company alone (光大环保; in 某某低碳环保建设项目
# it is a qualifier)
COMPANY_ENDS = ("", "项目")


@dataclass(frozen=True)
class _Entry:
    sector: str
    subfield: str
    strong: bool
    weight: float  # length, strength, weakness and genericity already applied


@dataclass(frozen=True)
class _Tables:
    automaton: ahocorasick_rs.AhoCorasick  # over ``words``
    words: tuple[tuple[str, int, bool], ...]  # pattern index -> (word, kind, Latin edge)
    kinds: dict[str, int]  # word -> POSITIVE, NEGATIVE, NEUTRAL, TRADITIONAL, PREMISES or MAKER
    weights: dict[str, float]  # word -> weight used when crossing matches compete
    positive: dict[str, tuple[_Entry, ...]]  # normalised keyword -> sectors it supports
    negative: frozenset[str]  # normalised exclude keywords
    weak: frozenset[str]
    generic: frozenset[str]
    bare: frozenset[str]  # bare sector words (新能源, 生物科技)
    label: frozenset[str]  # the sector named as a label (新材料): never strong against negative context
    materials: frozenset[str]  # keywords that already name a material (X材料 is then no use)
    built: frozenset[str]  # negative words naming what is built (生活配套, 人才公寓): decisive when they come last
    owner_marks: tuple[str, ...]  # what follows a word inside the owner's name (有限公司, 集团)
    owner_words: frozenset[str]  # bare sector words and labels: no evidence inside the owner's name
    company_words: frozenset[str]  # bare sector words that, ending a name, name a company (金准生物)
    tail_words: frozenset[str]  # bare sector words that count only ending a name (光大环保); elsewhere qualifiers
    brands: frozenset[str]  # vehicle makers that are generic keywords (小米汽车): ending a name, the company alone
    material_marks: tuple[str, ...]  # X材料: a material for X
    product_marks: tuple[str, ...]  # a material followed by a product names what it is made of or for (磷酸铁锂电池)
    modifier_marks: tuple[str, ...]  # what follows a keyword that names a use (用, 主题, 回收, 应用 …)
    place_marks: tuple[str, ...]  # what makes a keyword a place's name (航天城, 药谷): a use, too
    place_exceptions: tuple[str, ...]  # … unless the mark begins a longer word (城市: 5G城市 is no place)
    material_keyword: str  # the keyword a material for X counts as (新材料)
    makers: frozenset[str]  # vehicle makers that are keywords themselves (比亚迪): a vehicle is named
    vehicle_batteries: dict[str, tuple[_Entry, ...]]  # bare battery keyword -> its sectors when a maker is named
    process: frozenset[str]  # how a plant makes things (智能制造): a project named by these alone names no field
    recycled: frozenset[str]  # keywords of the recycling sector only (废旧锂电池): X回收 is still recycling, no use
    spelling: dict[str, str]  # normalised keyword -> spelling as written in the taxonomy
    order: dict[str, int]  # sector slug -> clause order (tie-break)
    ascii_edged: frozenset[str]  # words that begin or end with a Latin letter or digit
    semiconductors: frozenset[str]  # keywords naming a semiconductor (半导体, 氮化镓): X晶体, X前驱体 is a material
    semiconductor_marks: tuple[str, ...]  # a semiconductor's material forms (晶体, 单晶, 前驱体, 电子气体 …)
    device_marks: tuple[str, ...]  # … except where a device follows (晶体管)
    chip_words: frozenset[str]  # keywords of the chips sub-field (MEMS, 芯片, 晶圆)
    sensor_words: frozenset[str]  # a bare sensor: equipment, unless the name names a chip (MEMS传感器)
    marks: tuple[str, ...]  # material_marks and product_marks: a single keyword followed by one needs the full scan
    research: frozenset[str]  # research institutes (研究院): no field when only the owner's trade names one
    company_marks: tuple[str, ...]  # the owner marks of a registered company (有限公司, 科技股份: REGISTERED_FORMS)
    company_bases: frozenset[str]  # a base after a registered company's name (生产基地): the company's sector


def tagging_config() -> dict[str, tuple[str, ...]]:
    """The ``[tagging]`` table of the taxonomy: ``exclude_keywords`` (negative context),
    ``neutral_keywords`` (数字人民币: no evidence), ``weak_``, ``generic_``, ``traditional_`` and
    ``label_keywords``, ``owner_marks`` (有限公司: the end of an owner's name), ``material_marks`` (X材料),
    ``built_keywords`` (生活配套: what is built, when it comes last), ``carmakers`` (上汽: its 新能源 is NEV),
    ``nev_vehicle_words`` (特种车: after 新能源, a new-energy vehicle), ``company_bases`` (生产基地: after a registered
    company's name, the company's base, named by the company's sector word) and
    ``company_words`` (生物: ending a name, a company's name), ``tail_words`` (环保: evidence only ending a name, the
    company named alone: 光大环保; elsewhere a qualifier: 环保包装, 环保型), ``product_marks`` (a material's 电池 or
    装备: the material is a use) and ``premises_keywords`` (总部, 服务中心, a developer's park brand: how things
    are made names no field for them), ``research_keywords`` (研究院: premises that, after a company's registered
    name, name only that company's trade), ``use_marks`` (X应用: the keyword is applied, a use like X用),
    ``place_marks`` (航天城, 生物城: the keyword names a district, a use too; ``place_exceptions``: 城市 is no
    place) and
    ``process_keywords`` (智能制造: how a plant makes things; a project named by them alone names no field)."""
    raw = taxonomy._raw().get("tagging", {})
    return {key: tuple(raw.get(key, ())) for key in
            ("exclude_keywords", "neutral_keywords", "weak_keywords", "generic_keywords", "traditional_keywords",
             "label_keywords", "owner_marks", "material_marks", "built_keywords", "carmakers",
             "company_words", "tail_words", "product_marks", "premises_keywords", "use_marks", "place_marks",
             "place_exceptions", "vehicle_makers", "nev_vehicle_words", "company_bases",
             "vehicle_batteries", "process_keywords", "semiconductor_words", "semiconductor_material_marks",
             "semiconductor_device_marks", "chip_sensor_words", "research_keywords")}


def sector_words() -> dict[str, tuple[str, ...]]:
    """``[tagging.sector_words]``: sector slug -> the bare words that name the sector without a
    technology (新能源, 生物科技, 高端装备). Weak evidence for the sector, with no sub-field."""
    raw = taxonomy._raw().get("tagging", {}).get("sector_words", {})
    return {slug: tuple(words) for slug, words in raw.items()}


def _norm(text: str) -> str:
    """NFKC (full width to half width) and lower case; Chinese text is unchanged."""
    return unicodedata.normalize("NFKC", text).lower()


def _length_weight(keyword: str) -> float:
    """Longer keywords are more specific: 1 for two characters, +0.25 a character up to six."""
    return 1.0 + (min(len(keyword), 6) - 2) * 0.25


def _ascii_ok(text: str, start: int, end: int) -> bool:
    """Latin keywords (5G, AI, CT, VR …) must not sit inside a longer Latin word or number."""
    first, last = text[start], text[end - 1]
    if first.isascii() and first.isalnum() and start > 0:
        before = text[start - 1]
        if before.isascii() and (before.isalpha() or (first.isdigit() and before.isdigit())):
            return False
    if last.isascii() and last.isalnum() and end < len(text):
        after = text[end]
        if after.isascii() and (after.isalpha() or (last.isdigit() and after.isdigit())):
            return False
    return True


def _edge_is_ascii(word: str) -> bool:
    return any(ch.isascii() and ch.isalnum() for ch in (word[0], word[-1]))


@cache
def _tables() -> _Tables:
    """Compile the keyword tables and the automaton (once per process)."""
    config = tagging_config()
    weak = frozenset(_norm(w) for w in config["weak_keywords"])
    generic = frozenset(_norm(w) for w in config["generic_keywords"])
    negative = frozenset(_norm(w) for w in config["exclude_keywords"])
    neutral = frozenset(_norm(w) for w in config["neutral_keywords"])
    traditional = frozenset(_norm(w) for w in config["traditional_keywords"])
    label = frozenset(_norm(w) for w in config["label_keywords"])
    owner_marks = tuple(_norm(w) for w in config["owner_marks"])
    material_marks = tuple(_norm(w) for w in config["material_marks"])
    material_keyword = _norm(taxonomy._raw().get("tagging", {}).get("material_keyword", ""))
    spelling: dict[str, str] = {}
    strong_all: set[str] = set()
    rows: list[tuple[str, str, str, bool]] = []
    for sf in taxonomy.subfields():
        strong = {_norm(k) for k in sf.strong_keywords}
        strong_all |= strong
        for kw in dict.fromkeys((*sf.keywords, *sf.strong_keywords)):
            key = _norm(kw).strip()
            if key:
                spelling.setdefault(key, kw)
                rows.append((key, sf.sector, sf.slug, key in strong))

    # A bare sector word (新能源产业基地) supports its sector weakly and names no sub-field; a word that
    # is already a sub-field keyword keeps its sub-field.
    listed = {key for key, *_ in rows}
    bare: dict[str, str] = {}
    for sector, ws in sector_words().items():
        for w in ws:
            bare[_norm(w).strip()] = sector
            spelling.setdefault(_norm(w).strip(), w)
    bare = {k: sector for k, sector in bare.items() if k and k not in listed}
    rows += [(k, sector, "", False) for k, sector in bare.items()]
    # A carmaker's 新能源 (上汽新能源, 上汽大众新能源) is its new-energy vehicles: the compound is a strong keyword
    # of the sub-field that owns 新能源汽车.
    nev = next((sf for sf in taxonomy.subfields() if _norm("新能源汽车") in {_norm(k) for k in sf.keywords}), None)
    if nev is not None:
        for maker in config["carmakers"]:
            for word in (w for w, sector in bare.items() if sector == "new_energy"):
                key = _norm(maker).strip() + word
                spelling.setdefault(key, maker + spelling[word])
                rows.append((key, nev.sector, nev.slug, True))
        # … and a vehicle written after a bare new-energy word (新能源特种车, 清洁能源重卡) is a new-energy vehicle
        for word in (w for w, sector in bare.items() if sector == "new_energy"):
            for vehicle in config["nev_vehicle_words"]:
                key = word + _norm(vehicle).strip()
                spelling.setdefault(key, spelling[word] + vehicle)
                rows.append((key, nev.sector, nev.slug, True))
    weak = weak | frozenset(bare)
    # A keyword that contains a strong keyword is at least as specific, so it is strong too.
    found: dict[str, dict[str, _Entry]] = {}
    for key, sector, sub, strong in rows:
        strong = strong or any(s in key for s in strong_all if len(s) < len(key))
        weight = (_length_weight(key) * (STRONG_FACTOR if strong else 1.0) * (WEAK_FACTOR if key in weak else 1.0)
                  * (GENERIC_FACTOR if key in generic else 1.0))
        per_sector = found.setdefault(key, {})
        if sector not in per_sector:  # the first sub-field of a sector that lists the keyword owns it
            per_sector[sector] = _Entry(sector, sub, strong, weight)
    positive: dict[str, tuple[_Entry, ...]] = {}
    for key, per_sector in found.items():
        share = len(per_sector)  # a keyword listed in several sectors splits its weight among them
        positive[key] = tuple(_Entry(e.sector, e.subfield, e.strong, e.weight / share) for e in per_sector.values())
    negative = frozenset(k for k in negative if k and k not in positive)
    built = frozenset(_norm(w) for w in config["built_keywords"]) & negative
    neutral = frozenset(k for k in neutral if k and k not in positive and k not in negative)
    traditional = frozenset(k for k in traditional if k and k not in positive and k not in negative
                            and k not in neutral)
    premises = frozenset(k for k in (_norm(w) for w in config["premises_keywords"])
                         if k and k not in positive and k not in negative and k not in neutral and k not in traditional)
    # A vehicle maker named (广汽, 比亚迪) makes a bare battery a power battery: the entry of the sub-field that owns
    # 动力电池, as strong and as heavy as the battery keyword was.
    makers_all = frozenset(k for k in (_norm(w).strip() for w in config["vehicle_makers"]) if k)
    makers = makers_all - set(positive) - negative - neutral - traditional - premises
    power = next((sf for sf in taxonomy.subfields() if _norm("动力电池") in {_norm(k) for k in sf.keywords}), None)
    vehicle_batteries: dict[str, tuple[_Entry, ...]] = {}
    if power is not None:
        for k in (_norm(w).strip() for w in config["vehicle_batteries"]):
            if k in positive:
                weight = max(e.weight for e in positive[k])
                vehicle_batteries[k] = (_Entry(power.sector, power.slug, any(e.strong for e in positive[k]), weight),)
    kinds = {**{k: MAKER for k in makers}, **{k: PREMISES for k in premises}, **{k: TRADITIONAL for k in traditional},
             **{k: NEUTRAL for k in neutral}, **{k: NEGATIVE for k in negative}, **{k: POSITIVE for k in positive}}
    # Crossing matches compete by weight; a neutral compound outweighs any keyword it crosses.
    context_weight = 1.0 + max((e.weight for es in positive.values() for e in es), default=1.0)
    weights = {k: (max(e.weight for e in positive[k]) if kind == POSITIVE else context_weight)
               for k, kind in kinds.items()}
    order = {s.slug: s.order for s in taxonomy.sectors()}
    ascii_edged = frozenset(w for w in kinds if _edge_is_ascii(w))
    words = tuple((w, kind, w in ascii_edged) for w, kind in kinds.items())
    automaton = ahocorasick_rs.AhoCorasick([w for w, _k, _l in words], matchkind=ahocorasick_rs.MatchKind.Standard)
    if material_keyword not in positive:
        raise ValueError(f"[tagging] material_keyword {material_keyword!r} is not a sub-field keyword")
    material_sectors = {e.sector for e in positive[material_keyword]}
    materials = frozenset(k for k, es in positive.items() if any(e.sector in material_sectors for e in es))
    company = frozenset(_norm(w) for w in config["company_words"]) & frozenset(bare)
    tail = frozenset(_norm(w) for w in config["tail_words"]) & frozenset(bare)
    recycling = {e.sector for e in positive.get(RECYCLE_MARK, ())}  # the sector that owns 回收 (green_env)
    return _Tables(automaton, words, kinds, weights, positive, negative, weak, generic, frozenset(bare), label,
                   materials, built, owner_marks, frozenset(bare) | label, company, tail,
                   frozenset(makers_all & set(positive) & generic), material_marks,
                   tuple(_norm(w) for w in config["product_marks"]),
                   tuple(dict.fromkeys((*MODIFIER_MARKS, *(_norm(w) for w in config["use_marks"])))),
                   tuple(_norm(w) for w in config["place_marks"]), tuple(_norm(w) for w in config["place_exceptions"]),
                   material_keyword,
                   frozenset(makers_all & set(positive)), vehicle_batteries,
                   frozenset(_norm(w) for w in config["process_keywords"]) & generic,
                   frozenset(k for k, es in positive.items() if {e.sector for e in es} <= recycling),
                   spelling, order, ascii_edged,
                   frozenset(_norm(w) for w in config["semiconductor_words"]) & frozenset(positive),
                   tuple(_norm(w) for w in config["semiconductor_material_marks"]),
                   tuple(_norm(w) for w in config["semiconductor_device_marks"]),
                   frozenset(k for k, es in positive.items() if any(e.subfield == CHIPS for e in es)),
                   frozenset(_norm(w) for w in config["chip_sensor_words"]) & frozenset(positive),
                   (*material_marks, *(_norm(w) for w in config["product_marks"])),
                   frozenset(_norm(w) for w in config["research_keywords"]) & premises,
                   tuple(m for m in owner_marks if any(_norm(f) in m for f in REGISTERED_FORMS)),
                   frozenset(_norm(w) for w in config["company_bases"]))


Occurrence = tuple[int, int, str]  # start, end, word
_CONTEXT = (NEGATIVE, TRADITIONAL, PREMISES, MAKER)  # kinds that stand whatever they cross


def _occurrences(norm: str) -> list[Occurrence]:
    """Every occurrence of every taxonomy word in ``norm``, overlapping ones included (Aho–Corasick),
    in order of their end."""
    t = _tables()
    return [(s, e, t.words[i][0]) for i, s, e in t.automaton.find_matches_as_indexes(norm, overlapping=True)]


def occurrences_reference(norm: str, words: Iterable[str]) -> list[Occurrence]:
    """The same occurrences found the plain way (every word looked for from every position it starts at):
    the reference the tests hold the automaton to. In text order, words at one position in ``words``'
    order; each word's positions found by ``str.find`` (the same list as trying every word at every
    position with ``startswith``, ten times faster on the tests' 4,000 texts)."""
    words = list(words)
    found = []
    for k, w in enumerate(words):
        i = norm.find(w)
        while 0 <= i < len(norm):
            found.append((i, k))
            i = norm.find(w, i + 1)
    found.sort()
    return [(i, i + len(words[k]), words[k]) for i, k in found]


def _select(norm: str, found: list[Occurrence]) -> list[Occurrence]:
    """The occurrences that count, in text order (see the module docstring)."""
    t = _tables()
    if t.ascii_edged:
        found = [o for o in found if o[2] not in t.ascii_edged or _ascii_ok(norm, o[0], o[1])]
    if len(found) < 2:
        return found
    # A word inside a longer word found around it is that word's part, not a match of its own. Sorted
    # by start and then longest first, a word is inside another exactly when an earlier one reaches
    # at least as far.
    found = sorted(found, key=lambda o: (o[0], -o[1]))
    kept: list[Occurrence] = []
    reach = -1
    for o in found:
        if o[1] > reach:
            kept.append(o)
            reach = o[1]
    # Sorted by start, the survivors' ends increase too, so neighbours tell whether any two cross.
    if all(kept[i][1] <= kept[i + 1][0] for i in range(len(kept) - 1)):
        return kept
    # Negative context stands whatever it crosses (新能源汽车|汽车零部件: both are read). Keywords and
    # neutral compounds that cross: keep the heaviest set of non-overlapping ones (weighted interval
    # scheduling), ties to the longer words, then to the earlier ones.
    context = [o for o in kept if t.kinds[o[2]] in _CONTEXT]
    by_end = sorted((o for o in kept if t.kinds[o[2]] not in _CONTEXT), key=lambda o: (o[1], o[0]))
    best: list[tuple[float, int, list[Occurrence]]] = [(0.0, 0, [])]  # after the first i occurrences
    ends = [o[1] for o in by_end]
    for i, (s, e, w) in enumerate(by_end):
        j = i  # occurrences before i that end at or before s
        while j > 0 and ends[j - 1] > s:
            j -= 1
        score, chars, chosen = best[j]
        take = (score + t.weights[w], chars + e - s, [*chosen, (s, e, w)])
        best.append(max(best[i], take, key=lambda b: (round(b[0], 9), b[1], [-o[0] for o in b[2]])))
    return sorted([*best[-1][2], *context])


Scan = tuple[tuple[str, ...], tuple[str, ...], int]  # keywords, those naming a use, context flags
_NOTHING: Scan = ((), (), 0)
_FLAGS = {NEGATIVE: NEG_FLAG, TRADITIONAL: TRAD_FLAG, PREMISES: PREM_FLAG, MAKER: MAKER_FLAG}


def _summarise(norm: str, chosen: list[Occurrence]) -> Scan:
    """(distinct positive keywords in order, those that only name a use, context flags: NEG_FLAG when
    negative context was found, TRAD_FLAG when a traditional industry was)."""
    t = _tables()
    kinds = t.kinds
    count: dict[str, int] = {}  # positive keyword -> occurrences (dicts keep the order found)
    used: dict[str, int] = {}  # … of which are followed by 用
    owned: dict[str, int] = {}  # … of which end the owner's name (某某储能科技有限公司)
    registered = 0  # positive keywords that end a registered company's name (某某电池有限公司)
    research = False  # a research institute (研究院) was named
    flags = 0
    material = False  # a keyword followed by 材料 was found
    built_last = False  # a word naming what is built (生活配套) comes after every keyword so far
    last_end = -1  # where the last positive keyword ends
    run: list[str] = []  # positive keywords written back to back up to here (半导体|芯片)
    for s, e, w in chosen:
        kind = kinds[w]
        if kind == POSITIVE and _owners(t, norm, w, e):
            continue  # a bare sector word or label inside the owner's name (某某生物科技有限公司, 金准生物)
        if kind == POSITIVE:
            built_last = False
            count[w] = count.get(w, 0) + 1
            if norm.startswith(t.owner_marks, e):
                owned[w] = owned.get(w, 0) + 1
                registered += norm.startswith(t.company_marks, e)
            run = [*run, w] if s == last_end else [w]
            last_end = e
            if _names_use(t, norm, w, e) or (w in t.materials and norm.startswith(t.product_marks, e)):
                used[w] = used.get(w, 0) + 1
            elif w not in t.materials and (norm.startswith(t.material_marks, e) or (
                    w in t.semiconductors and _semiconductor_material(t, norm, w, e))):
                # OLED材料: a material for OLED; so for every keyword of a compound written back to back before
                # 材料 (半导体芯片材料: a material for semiconductor chips)
                for k in run:
                    if k not in t.materials:
                        used[k] = used.get(k, 0) + 1
                material = True
        elif w in t.built and last_end >= 0 and _joins(norm, last_end, s):
            continue  # 某某黑臭水体治理及市政基础设施: two things built, the first named is the project's
        else:
            flags |= _FLAGS.get(kind, 0)
            built_last = built_last or w in t.built
            research = research or w in t.research
    if built_last:
        flags |= BUILT_FLAG
    if research and not material and count and registered == sum(count.values()):
        flags |= OWNED_FLAG  # 某某电池有限公司…工程研究院: every keyword is the registered owner's trade
    if len(count) > 1 and _COORDINATOR.search(norm) is not None:  # most names have no coordinator
        flags |= _first_named(t, norm, chosen) << SPLIT_SHIFT
    if material:
        count.setdefault(t.material_keyword, 1)  # … counts as a material, the head of its compound
    # a keyword that also names the product elsewhere in the text is not only a use; the owner's name (某某储能科技
    # 有限公司…储能功能材料) names the company's trade, not another product
    return tuple(count), tuple(k for k in count if used.get(k) and used[k] == count[k] - owned.get(k, 0)), flags


def _semiconductor_material(t: _Tables, norm: str, word: str, end: int) -> bool:
    """Whether a semiconductor (``word``, ending at ``end``) is followed by one of its material forms (氮化镓晶体,
    半导体前驱体, 碳化硅单晶) and not by a device (氮化镓晶体管): the project makes the material, not the chip."""
    return (word in t.semiconductors and norm.startswith(t.semiconductor_marks, end)
            and not norm.startswith(t.device_marks, end))


def _names_use(t: _Tables, norm: str, word: str, end: int) -> bool:
    """Whether ``word`` (ending at ``end``) is followed by a modifier mark (用, 主题, 回收, 应用 …) and so names a use;
    a used battery or other waste followed by 回收 (退役锂电池回收) is what the recycling sector recycles, no use.
    So does a keyword followed by a place mark (航天城, 生物城, 航空新城: a district named after the field; 城市 is
    no place): the district's park may still take the field (某某生物医药城, 某某光电城), its shops and roads do not."""
    if norm.startswith(t.place_marks, end) and not norm.startswith(t.place_exceptions, end):
        return True
    return norm.startswith(t.modifier_marks, end) and not (word in t.recycled and norm.startswith(RECYCLE_MARK, end))


_SEPARATORS = re.compile("[、,;]")  # normalised: ， and ； are , and ;


def _joins(norm: str, start: int, end: int) -> bool:
    """Whether a coordinator (及, 和, 与) between ``start`` and ``end`` joins what comes before it to the word at
    ``end`` (某某黑臭水体治理及市政基础设施): no list separator (、 ,) stands between the last such coordinator and
    the word (生物与医学科技融合大楼、3号科研楼: the 与 joins 生物 and 医学, not the research building)."""
    found = [m.end() for m in _COORDINATOR.finditer(norm, start, end)]
    return bool(found) and _SEPARATORS.search(norm, found[-1], end) is None


def _first_named(t: _Tables, norm: str, chosen: list[Occurrence]) -> int:
    """How many of the distinct keywords of ``chosen`` come before the first coordinator (及, 和, 与) that has
    keywords on both sides (某某储能PACK生产及充电桩制造: 1, the first-named field's); 0 when there is none."""
    firsts: list[int] = []  # where each distinct keyword (as :func:`_summarise` counts them) is first found
    seen: set[str] = set()
    for s, e, w in chosen:
        if t.kinds[w] == POSITIVE and w not in seen and not _owners(t, norm, w, e):
            seen.add(w)
            firsts.append(s)
    found = _COORDINATOR.search(norm, firsts[0], firsts[-1]) if len(firsts) > 1 else None
    return 0 if found is None else sum(1 for at in firsts if at < found.start())


_PLACE_MAX = 8  # characters of a place in brackets inside an owner's name (山东, 临沂, 上海自贸区 …)


def _owners(t: _Tables, norm: str, word: str, end: int) -> bool:
    """Whether ``word`` (ending at ``end``) is a bare sector word or label inside the owner's name: followed
    by 有限公司 and the like (a place in brackets may come between: 某某新材料(山东)有限公司), or a bare sector
    word that ends the text, perhaps before 项目 (金准生物, 某某生物项目: a company named alone); or a ``tail_words``
    word that does not end the text (环保包装, 环保型纤维: a qualifier of the product; 光大环保, the company named
    alone, is the sector's); or a vehicle maker's brand that ends the text (小米汽车: the company named alone, which the
    labelling rules leave unclassified; 小米汽车工厂 names a plant). Not when the owner's name is the whole name, or
    the whole name but the company's base (:func:`_company_alone`: 九州通医药集团股份有限公司 takes its 医药)."""
    if word in t.brands:  # a maker's brand ending the name (某某小米汽车, 蔚来汽车项目): the company named alone
        return norm[end:] in COMPANY_ENDS
    if word not in t.owner_words:
        return False
    after = end
    if norm.startswith("(", end):  # 某某新材料(山东)有限公司: a place in brackets inside the owner's name
        close = norm.find(")", end, end + _PLACE_MAX + 2)
        if close > end + 1:
            after = close + 1
    owned = norm.startswith(t.owner_marks, after)
    if owned:
        alone = _company_alone(t, norm, after)
        if alone == 2 or (alone == 1 and word not in t.company_words):
            # 九州通医药集团股份有限公司: a company named alone by the sector's word takes the sector; so does its base
            # (某某生物科技有限公司生产总部基地, 某某新能源有限公司基地项目), a company word (生物科技) too
            return False
    if word in t.tail_words and norm[end:] not in COMPANY_ENDS:
        return True
    return owned or (word in t.company_words and len(norm) - after <= 4 and norm[after:] in PROJECT_ENDS)


def _company_alone(t: _Tables, norm: str, end: int) -> int:
    """Whether the text from ``end`` on is only a registered company's form (集团股份有限公司, 投资有限公司:
    owner marks written one after another), perhaps before 项目 (1: the name is the company's alone), or that
    form and the company's base (``company_bases``: 某某有限公司生产总部基地, 某某有限公司基地项目; 2); else 0.
    A bare sector word or label right before the form then names the company's sector: tests/data/README.md,
    a company named with a bare 医药, 新材料, 半导体, 新能源 or 环保 takes its sector (the majority of the sets),
    and so does a company's base named by it (holdout20's 某某新能源有限公司基地项目, holdout22's
    某某生物科技有限公司生产总部基地); 某某医药集团有限公司某某仓储项目 names a warehouse, and its owner's 医药
    stays no evidence. A ``company_words`` word (生物) names no sector for the company alone (金准生物,
    某某生物科技有限公司: unclassified in every set)."""
    rest, stripped = norm[end:], False
    while mark := max((m for m in t.owner_marks if rest.startswith(m)), key=len, default=""):
        rest, stripped = rest[len(mark):], True
    if not stripped:
        return 0
    if rest in COMPANY_ENDS:
        return 1
    for ending in PROJECT_ENDS[1:]:
        rest = rest.removesuffix(ending)
    return 2 if rest in t.company_bases else 0


def _scan_norm(norm: str) -> Scan:
    """:func:`_scan` of a normalised text (the hot loop of an import: kept lean)."""
    t = _tables()
    hits = t.automaton.find_matches_as_indexes(norm, overlapping=True)  # [(pattern, start, end)] by end
    if not hits:
        return _NOTHING
    words = t.words
    # The common case needs no selection: no two occurrences overlap and none has a Latin edge.
    last = -1
    for i, s, e in hits:
        if s < last or words[i][2]:
            return _summarise(norm, _select(norm, [(s, e, words[i][0]) for i, s, e in hits]))
        last = e
    if len(hits) == 1:
        i, s, e = hits[0]
        word, kind, _latin = words[i]
        if kind == POSITIVE and _owners(t, norm, word, e):
            return _NOTHING  # a bare sector word or label inside the owner's name
        if kind == POSITIVE and (norm.startswith(t.marks, e)
                                 or (word in t.semiconductors and _semiconductor_material(t, norm, word, e))):
            return _summarise(norm, [(s, e, word)])  # OLED材料
        if kind == POSITIVE:
            return (word,), ((word,) if _names_use(t, norm, word, e) else ()), False
        return (), (), _FLAGS.get(kind, 0) | (BUILT_FLAG if word in t.built else 0)
    return _summarise(norm, [(s, e, words[i][0]) for i, s, e in hits])


def _scan(text: str) -> Scan:
    """The distinct positive keywords in ``text`` (normalised, in order of appearance), those of them
    that name a use (followed by 用), and the context flags (negative context, traditional industry)."""
    return _scan_norm(_norm(text)) if text else _NOTHING


def scan_reference(text: str) -> Scan:
    """:func:`_scan` with the plain occurrence finder and the full selection: the tests' reference."""
    norm = _norm(text)
    found = occurrences_reference(norm, _tables().kinds)
    return _summarise(norm, _select(norm, found)) if found else _NOTHING


def _clean(text: object) -> str:
    if text is None or not isinstance(text, str):
        return ""  # None, NaN and other non-text cells say nothing
    return text.strip()


@lru_cache(maxsize=65536)
def _decide(name_hits: tuple[str, ...], name_uses: tuple[str, ...], name_flags: int,
            content_hits: tuple[str, ...], content_uses: tuple[str, ...], content_flags: int) -> TagResult:
    """Score the sectors supported by the keywords found (cached: many names share their keywords)."""
    t = _tables()
    fields = [(name_hits, name_uses, NAME_WEIGHT)]
    if content_hits:
        fields.append((content_hits, content_uses, CONTENT_WEIGHT))
    # The context that counts: the name's, or the content's when the name names no keyword.
    context = name_flags | (content_flags if not name_hits else 0)
    if name_flags & BUILT_FLAG:
        return UNCLASSIFIED  # the name ends on what is built: living quarters, housing, a convention centre

    # How a thing is made (智能制造) is never strong enough to outweigh negative context.
    # Nor is the sector named as a label (新材料) with nothing specific.
    has_strong = any(e.strong for hits, uses, _ in fields for k in hits
                     if k not in uses and k not in t.generic and k not in t.label for e in t.positive[k])
    if all(k in t.process for hits, _uses, _w in fields for k in hits):
        # a project named only by how things are made (某某智能制造, 某某智能制造项目), in its name and its content: no
        # field (the lead's decision of round 7 for 智能制造 parks; the sets label such projects unclassified)
        return UNCLASSIFIED
    if not has_strong and context & NEG_FLAG:
        return UNCLASSIFIED  # a road, a school, housing, an ordinary industry … with no strong SEI keyword
    if context & TRAD_FLAG and all(k in t.generic or k in t.owner_words or k in uses
                                   for hits, uses, _w in fields for k in hits):
        # a clothing maker's 智能制造基地, a 生物科技 company's health food, a paper maker's 新材料, a board maker's
        # 绿色建筑材料 (a use: 绿色建筑 only says what the boards are for)
        return UNCLASSIFIED
    applied = [k for k in name_hits if k not in t.generic][-1:]  # the name's last technology, if only applied
    if name_flags & TRAD_FLAG and applied and applied[0] in name_uses:
        # a traditional industry whose last technology is only applied (某某乳业5G…人工智能应用示范): the technologies
        # say how the plant works, the industry what it makes
        return UNCLASSIFIED
    if context & PREM_FLAG and all(k in t.generic or k in uses for hits, uses, _w in fields for k in hits):
        # a head office, a service centre or a developer's brand park whose only field is how things are made
        # (某某智能制造服务中心, 联东U谷·某某智能制造产业园); a bare sector word still names one (联东U谷电子信息产业园)
        return UNCLASSIFIED
    if name_flags & OWNED_FLAG:
        # a research institute whose only keywords name its registered owner's trade
        # (某某电池有限公司某某工程研究院): a research building with no field of its own, unclassified (the lead's
        # round-7 decision: research buildings stay unclassified; a centre that names its field still takes it)
        return UNCLASSIFIED

    # In a Chinese compound the head comes last: 锂电池负极材料 is a material, not a battery. The head is
    # the last specific keyword: not a generic one (智能制造) and not one that names a use.
    # Two fields joined by 及, 和 or 与: the first named is the project's (某某储能PACK及充电桩制造 is
    # storage), its head the last specific keyword before the coordinator.
    specific = [k for k in name_hits if k not in t.generic and k not in name_uses]
    first = [k for k in name_hits[:name_flags >> SPLIT_SHIFT] if k in specific]
    head = (first or specific)[-1] if len(name_hits) > 1 and specific else None
    # A sector named as a label (新材料) yields to a product the name names (某某新材料锂电池结构件 is batteries:
    # the label is the maker's, the product is the project's); a bare sector word or a use is no product.
    if any(k in t.label for k in name_hits) and any(k not in t.label and k not in t.bare for k in specific):
        name_hits = tuple(k for k in name_hits if k not in t.label)
        fields[0] = (name_hits, name_uses, NAME_WEIGHT)
    # A vehicle maker named (广汽自主电池, 比亚迪刀片电池) names the vehicle a bare battery is for: a power battery
    # (the lead's decision: a battery with a vehicle or 动力 named is smart_nev).
    # A sensor with a chip named (MEMS传感器, 传感器芯片) is the chip (clause (一) 关键芯片); a bare sensor stays
    # equipment (clause (三) 传感器): the lead's round-12 decision.
    if t.sensor_words.intersection(name_hits) and t.chip_words.intersection(name_hits):
        name_hits = tuple(k for k in name_hits if k not in t.sensor_words)
        fields[0] = (name_hits, name_uses, NAME_WEIGHT)
    vehicle = bool(name_flags & MAKER_FLAG) or any(k in t.makers for k in name_hits)
    scores: dict[str, float] = {}
    strong_weak: dict[str, list[int]] = {}  # sector -> [strong hits, non-weak hits]
    sub_scores: dict[tuple[str, str], float] = {}
    matched: dict[str, list[str]] = {}
    for field_no, (hits, uses, field_weight) in enumerate(fields):
        for key in hits:
            factor = field_weight * (HEAD_FACTOR if field_no == 0 and key == head else 1.0)
            use = key in uses  # a use counts little and is never strong
            entries = t.vehicle_batteries.get(key, t.positive[key]) if vehicle and field_no == 0 else t.positive[key]
            for e in entries:
                w = e.weight * factor * (MODIFIER_FACTOR / (STRONG_FACTOR if e.strong else 1.0) if use else 1.0)
                scores[e.sector] = scores.get(e.sector, 0.0) + w
                sub_scores[(e.sector, e.subfield)] = sub_scores.get((e.sector, e.subfield), 0.0) + w
                counts = strong_weak.setdefault(e.sector, [0, 0])
                counts[0] += e.strong and not use
                counts[1] += key not in t.weak
                spelled = t.spelling[key]
                if spelled not in matched.setdefault(e.sector, []):
                    matched[e.sector].append(spelled)
    if not scores:
        return UNCLASSIFIED

    ranked = sorted(scores, key=lambda s: (-scores[s], -strong_weak[s][0], t.order[s]))
    best = ranked[0]
    top = scores[best]
    second = scores[ranked[1]] if len(ranked) > 1 else 0.0
    margin = (top - second) / top
    strength = 1.0 - math.exp(-top / STRENGTH_SCALE)
    confidence = strength * (0.2 + 0.8 * margin)
    if strong_weak[best][1] == 0:  # only weak, generic words: a guess
        confidence = min(confidence, 0.3)
    subs = [sub for (sec, sub) in sub_scores if sec == best and sub]  # "": a bare sector word
    subfield = max(subs, key=lambda sub: sub_scores[(best, sub)]) if subs else None
    return TagResult(best, subfield, round(confidence, 3), tuple(matched[best]))


def _tag(name: str, content: str) -> TagResult:
    return _decide(*_scan(name), *_scan(content))


@lru_cache(maxsize=65536)
def _tag_cached(name: str, content: str) -> TagResult:
    return _tag(name, content)


def tag(name: str, content: str | None = None) -> TagResult:
    """Tag one project from its name and (optional) 建设内容 text."""
    return _tag_cached(_clean(name), _clean(content))


BLOCK = 20_000  # names tagged at a time: the normalised texts of a large file are never all in memory


def tag_many(names: Texts, contents: Texts | None = None) -> list[TagResult]:
    """Tag many projects at once, :data:`BLOCK` at a time; identical (name, content) pairs are tagged once."""
    verdicts, index = tag_codes(names, contents)
    return [verdicts[i] for i in index.tolist()]


# Names and contents: Python values (a text, or None / NaN / anything else for none) or an Arrow column
# of strings (null for none); the Arrow form is cleaned and numbered by Arrow's kernels, not cell by cell.
Texts = Sequence[object] | pa.Array | pa.ChunkedArray


def tag_codes(names: Texts, contents: Texts | None = None) -> tuple[list[TagResult], np.ndarray]:
    """:func:`tag_many` as its distinct verdicts and, per project, the index of its verdict: a column
    of 100,000 projects is then built from a few hundred verdicts, never one object per project."""
    if contents is None:
        contents = [None] * len(names)
    if len(contents) != len(names):
        raise ValueError(f"{len(names)} names but {len(contents)} contents")
    _tables()
    verdicts: list[TagResult] = []
    numbered: dict[TagResult, int] = {}
    parts: list[np.ndarray] = [np.zeros(0, dtype=np.int64)]
    for at in range(0, len(names), BLOCK):
        block, index = _tag_block(names[at:at + BLOCK], contents[at:at + BLOCK])
        codes = np.array([numbered.setdefault(v, len(numbered)) for v in block], dtype=np.int64)
        parts.append(codes[index])
    verdicts = list(numbered)
    return verdicts, np.concatenate(parts)


def _numbered(names: Texts, contents: Texts) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """The distinct cleaned texts (:func:`_clean`) of names and contents, the empty text first and the
    others in order of first appearance (names, then contents), and each name's and content's number
    among them."""
    if _is_arrow(names) and _is_arrow(contents):
        return _numbered_arrow(names, contents)
    names, contents = (t.to_pylist() if _is_arrow(t) else t for t in (names, contents))
    # _clean, inlined: a column of 100,000 cells costs a call per cell otherwise.
    clean_names = [n.strip() if isinstance(n, str) else "" for n in names]
    clean_contents = [c.strip() if isinstance(c, str) else "" for c in contents]
    number = {"": 0}  # text -> its position in ``texts``; the empty text first
    name_no = np.array([number.setdefault(t, len(number)) for t in clean_names], dtype=np.int64)
    content_no = np.array([number.setdefault(t, len(number)) for t in clean_contents], dtype=np.int64)
    return name_no, content_no, list(number)


def _is_arrow(texts: Texts) -> bool:
    return isinstance(texts, (pa.Array, pa.ChunkedArray))


def _numbered_arrow(names: pa.Array | pa.ChunkedArray, contents: pa.Array | pa.ChunkedArray
                    ) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """:func:`_numbered` of two Arrow columns of strings: a null is no text, the blanks str.strip() removes
    are trimmed, and Arrow's dictionary encoding numbers the texts in order of first appearance."""
    parts = [pa.array([""], type=pa.large_string())]
    for column in (names, contents):
        column = pc.utf8_trim(pc.fill_null(column.cast(pa.large_string()), ""), characters=BLANK_CHARS)
        parts += column.chunks if isinstance(column, pa.ChunkedArray) else [column]
    encoded = pc.dictionary_encode(pa.concat_arrays(parts))
    numbers = encoded.indices.to_numpy().astype(np.int64)
    return numbers[1:1 + len(names)], numbers[1 + len(names):], encoded.dictionary.to_pylist()


def _tag_block(names: Texts, contents: Texts) -> tuple[list[TagResult], np.ndarray]:
    """The distinct verdicts of a block and each project's index into them.

    Each distinct text is scanned once and each distinct pair of scans decided once. The texts are
    normalised and searched in one pass over all of them joined by NUL (no keyword holds a NUL, so no
    occurrence spans two texts and the automaton starts every text afresh); see :func:`_scan_joined`."""
    name_no, content_no, texts = _numbered(names, contents)
    joined = _norm("\x00".join(texts))  # one NFKC pass for the lot
    normed = joined.split("\x00")
    if len(normed) == len(texts):
        scan_no, scans = _scan_joined(joined, normed)
    else:  # a NUL inside a text: normalise and scan one by one
        scans = list(dict.fromkeys(_scan_norm(_norm(text)) if text else _NOTHING for text in texts))
        place = {scan: i for i, scan in enumerate(scans)}
        scan_no = np.array([place[_scan_norm(_norm(text)) if text else _NOTHING] for text in texts],
                           dtype=np.int64)
    pairs = scan_no[name_no] * len(scans) + scan_no[content_no]
    distinct, index = np.unique(pairs, return_inverse=True)
    verdicts = [_decide(*scans[p // len(scans)], *scans[p % len(scans)]) for p in distinct.tolist()]
    return verdicts, index.reshape(-1)


def _scan_joined(joined: str, normed: list[str]) -> tuple[np.ndarray, list[Scan]]:
    """Per text (of ``joined``, the NUL-joined ``normed`` texts), the number of its scan in the list
    of distinct scans returned; scan 0 is the empty one. The same scans as :func:`_scan_norm` of each
    text, from one automaton pass over all of them:

    * a text none of whose occurrences has a Latin edge and whose occurrences, once the words inside
      a longer word found around them are set aside (the first rule of :func:`_select`), do not cross
      is given to :func:`_summarise` with those occurrences, as :func:`_select` would give it; and
      since what a scan reads lies from its first occurrence on (the words and what follows them),
      texts that agree from there (某某001光伏组件项目, 某某002光伏组件项目) are summarised once;
    * the others (a Latin edge, crossing words) are scanned whole by :func:`_scan_norm`."""
    t = _tables()
    latin_of = _latin_words(t.words)
    place: dict[Scan, int] = {_NOTHING: 0}
    scan_no = np.zeros(len(normed), dtype=np.int64)
    hits = t.automaton.find_matches_as_indexes(joined, overlapping=True)
    if not hits:
        return scan_no, list(place)
    found = np.fromiter(chain.from_iterable(hits), dtype=np.int64, count=3 * len(hits)).reshape(-1, 3)
    order = np.lexsort((-found[:, 2], found[:, 1]))  # by start, longest first (texts follow one another)
    word, start, end = found[order, 0], found[order, 1], found[order, 2]
    lengths = np.fromiter(map(len, normed), dtype=np.int64, count=len(normed))
    offsets = np.concatenate(([0], np.cumsum(lengths + 1)[:-1]))
    text = np.searchsorted(offsets, start, side="right") - 1
    # A word inside a longer word found around it: an earlier occurrence (by start, longest first)
    # reaches at least as far. Positions run on across texts, so the reach never leaks into the next.
    reach = np.concatenate(([-1], np.maximum.accumulate(end)[:-1]))
    kept = end > reach
    word, start, end, text = word[kept], start[kept], end[kept], text[kept]
    same = text[1:] == text[:-1]
    careful = np.zeros(len(normed), dtype=bool)
    careful[text[latin_of[word]]] = True
    careful[text[1:][same & (end[:-1] > start[1:])]] = True  # two occurrences cross
    for i in np.flatnonzero(careful).tolist():
        scan_no[i] = place.setdefault(_scan_norm(normed[i]), len(place))
    plain = ~careful[text]
    word, start, end, text = word[plain], start[plain], end[plain], text[plain]
    if not len(word):
        return scan_no, list(place)
    first = np.flatnonzero(np.concatenate(([True], text[1:] != text[:-1])))  # each text's first occurrence
    texts = text[first]
    # Each text's tail (from its first occurrence on) and the number of that tail among the distinct ones,
    # numbered in order of first appearance by Arrow (the texts' code points, UTF-32, compared whole).
    tail_no = _numbered_spans(joined, start[first], offsets[texts] + lengths[texts])
    _tails, at_first = np.unique(tail_no, return_index=True)  # numbered in order: 0, 1, 2 …
    # Per distinct tail, its first text's occurrences: those from the text's first one to the next text's.
    stops = np.append(first[1:], len(word))[at_first].tolist()
    firsts, inside = first[at_first].tolist(), texts[at_first].tolist()
    begins = (start[first[at_first]] - offsets[texts[at_first]]).tolist()  # where each lies in its text
    words = t.words
    numbers = []
    for b, stop, i, begin in zip(firsts, stops, inside, begins, strict=True):
        at = int(start[b])  # the tail's start in ``joined`` (Python ints: a loop pays for every NumPy scalar)
        chosen = [(s - at, e - at, words[w][0]) for s, e, w
                  in zip(start[b:stop].tolist(), end[b:stop].tolist(), word[b:stop].tolist(), strict=True)]
        numbers.append(place.setdefault(_summarise(normed[i][begin:], chosen), len(place)))
    scan_no[texts] = np.array(numbers, dtype=np.int64)[tail_no]
    return scan_no, list(place)


def _numbered_spans(text: str, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """For each span ``text[starts[i]:ends[i]]`` (spans in order, none overlapping the next), the number
    of its text among the distinct ones, in order of first appearance: Arrow's dictionary encoding of
    the spans, cut from the UTF-32 code units of ``text`` (a lone surrogate passed through as it is)."""
    units = text.encode("utf-32-le", "surrogatepass")
    bounds = np.empty(2 * len(starts), dtype=np.int64)
    bounds[0::2], bounds[1::2] = starts * 4, ends * 4  # span, gap to the next span, span …
    spans = pa.LargeBinaryArray.from_buffers(pa.large_binary(), len(bounds) - 1,
                                             [None, pa.py_buffer(bounds), pa.py_buffer(units)])
    encoded = pc.dictionary_encode(spans.take(pa.array(np.arange(0, len(bounds) - 1, 2))))
    return encoded.indices.to_numpy().astype(np.int64)


@lru_cache(maxsize=2)
def _latin_words(words: tuple[tuple[str, int, bool], ...]) -> np.ndarray:
    """Per automaton word: whether it has a Latin edge (keyed by the words, so never stale)."""
    return np.array([latin for _w, _k, latin in words], dtype=bool)
