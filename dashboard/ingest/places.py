"""Place strings into (province_code, city_code) using the store's ``regions`` table.

``江苏`` / ``江苏省`` / ``Jiangsu`` → 320000; ``苏州`` / ``苏州市工业园区`` → 320000 + 320500; a district
resolves to its city through ``parent_code``. Names are matched from the start of the string, longest
name first, each level narrowing the next (so ``鼓楼区`` after ``南京市`` is Nanjing's, not Fuzhou's).
A name that several regions share with no context to decide (``鼓楼区`` alone) stays unresolved.

Province-level abbreviations (简称: 苏, 沪, 川/蜀; ``data/region_abbreviations.csv``, from the State
Council's administrative divisions, not from the 1409 guidance) are read only at the start of a place and
only where the whole place is the abbreviation (``苏``, ``沪市``) or the abbreviation is followed by a
place the index knows (``苏·无锡``, ``苏 无锡``, ``苏/鼓楼区``): then the place reads as it would with the
province's full name. Followed by a place of another province (``苏/杭州``) the place is kept and the
mismatch returned for the import to say (:attr:`Found.other_province`). A name always wins over an
abbreviation (``苏州`` is Suzhou, never 江苏 + 州), and nothing else is read from one character (``苏北``,
``京津冀`` stay unresolved).

Former prefecture-level names (``data/region_former_names.csv``: 襄樊市 → 襄阳市, 思茅市 → 普洱市, 莱芜市 merged
into 济南市, each with its year and source) read as their successor, and one split among several cities
(巢湖市, 2011) as its province; :attr:`Found.former` says which, for the import to warn by row. Development
zones, parks and new areas (``data/development_zones.csv``: 苏州工业园区, 两江新区, 卤阳湖现代产业开发区, each with
its province, its prefecture-level city where the source gives one, and the source) read the same way, as
the place they lie in, by their names as written and, where the index knows no other place by it, by the
zone's own word before any zone word (卤阳湖开发区, 杨凌示范区, 张江高科技园区); :attr:`Found.zone` says which.
English and
pinyin places are read in their parts (``Suzhou, Jiangsu``) and, within a part, as runs of words
(``Jiangsu Suzhou``, ``Inner Mongolia Ordos``, ``Jiangsu-Suzhou``).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

import duckdb
import pandas as pd

from ..config import DATA_DIR
from .values import halfwidth

# English names in common use beside the pinyin in regions.csv (Harbin for Haerbin, Tibet / Xizang, Macau).
EN_VARIANTS = DATA_DIR / "region_names_en.csv"
# Province-level abbreviations (苏, 沪, 川 and 蜀), each with its source.
ABBREVIATIONS = DATA_DIR / "region_abbreviations.csv"
# The words lists write for a project in no one city (全省, 省本级, 跨市: the list's province) or in no one province
# (全国, 跨省: refused, the store keeps one province a project), each with its source.
AREAS = DATA_DIR / "region_areas.csv"
# Development zones, parks and new areas by name (GB/T 37028-2018, the national list of economic function zones,
# and a few from other public pages): province, prefecture-level city where known, level and source.
ZONES = DATA_DIR / "development_zones.csv"
# Former names of prefecture-level cities (襄樊市 → 襄阳市 in 2010, 思茅市 → 普洱市, 莱芜市 merged into 济南市,
# 巢湖市 split in 2011), each with its successor, the year and the source: read as the successor (a split
# one as its province), and said.
FORMER = DATA_DIR / "region_former_names.csv"
# Cities a province has that the division codes do not list (台湾's 台北市, 台中市): read as the province, no city.
UNCODED = DATA_DIR / "region_uncoded_cities.csv"
_SEPARATORS = "/、·-—,，|>→»\\"
# Between two places of a list (南京市、徐州市), not between the levels of one (江苏·苏州, 江苏-苏州).
_LIST_SEPARATORS = "/、,，;；|"
_SPACE_BETWEEN_NAMES = re.compile(r"(?<=\S\S)\s+(?=\S\S)")

_LEVEL_RANK = {"province": 0, "city": 1, "district": 2}
_EN_NOISE = re.compile(
    r"\b(autonomous region|autonomous prefecture|special administrative region|prefecture-level|province|city|"
    r"municipality|sar|prefecture|district|county|china|p\.?r\.?c\.?|zhuang|hui|uygur|uyghur|uighur|league|"
    r"new area|area|shi|sheng)\b", re.I,
)


@dataclass(frozen=True)
class Region:
    code: str
    level: str
    province: str
    city: str | None


class Found(NamedTuple):
    """What one place string resolves to."""

    province: str | None
    city: str | None
    ambiguous: bool            # a name several regions share, with nothing to decide between them
    lost_city: bool            # a city named after the province was not recognised (湖北省襄樊市)
    # A province abbreviation followed by a place of another province (苏/杭州): (abbreviation, its province
    # code); the place is read as written, and the caller says so.
    other_province: tuple[str, str] | None = None
    # A list of places (南京市、徐州市): "cities" when they are cities of one province (the province is kept,
    # the city left empty), "provinces" when another province is named (the first place is kept).
    several: str | None = None
    # A former name read as its successor (襄樊市 → 襄阳市) or, for a city since split, as its province.
    former: Former | None = None
    # A development zone, park or new area the place was read from (卤阳湖开发区 → 渭南市).
    zone: Zone | None = None


class Former(NamedTuple):
    """A former prefecture-level name of ``data/region_former_names.csv``."""

    name: str
    kind: str                  # renamed, merged (into another city), split (among several) or uncoded (a city
    #                            the division codes do not list: data/region_uncoded_cities.csv)
    code: str                  # the region it is read as: the successor, or the province of a split one
    year: str


class Zone(NamedTuple):
    """A development zone, park or new area of ``data/development_zones.csv``."""

    name: str                  # its name as the source lists it (苏州工业园区, 陕西西咸新区)
    code: str                  # the region it is read as: its city, else its province
    level: str                 # national or provincial


@dataclass
class PlaceIndex:
    """Names → regions, built once per import from the regions table."""

    by_name: dict[str, list[Region]] = field(default_factory=dict)
    english: dict[str, list[Region]] = field(default_factory=dict)
    max_len: int = 0
    municipal_city: dict[str, str] = field(default_factory=dict)  # 310000 -> 310100
    # County-level cities, counties and banners by their short name (义乌, 长兴), where no other region
    # has it: matched only as the whole rest of a place (义乌, 浙江义乌), never inside a longer text.
    county_short: dict[str, Region] = field(default_factory=dict)
    province_names: dict[str, str] = field(default_factory=dict)  # code -> 江苏省
    abbreviations: dict[str, str] = field(default_factory=dict)   # 苏 -> 320000
    province_en: dict[str, str] = field(default_factory=dict)     # code -> Jiangsu
    city_names: dict[str, tuple[str, str]] = field(default_factory=dict)  # code -> (苏州市, Suzhou)
    # Full names of provinces and cities (江苏省, 徐州市): what a title may name after other words.
    full_names: set[str] = field(default_factory=set)
    # A place written as the whole province or across its cities (全省, 省本级, 跨市): no city.
    province_wide: frozenset[str] = frozenset()
    # Former names (襄樊市, 巢湖市) by the name as written, and by their folded English name (Xiangfan).
    former: dict[str, Former] = field(default_factory=dict)
    # Zones by a name as written (苏州工业园区, 两江新区), and by their own word (卤阳湖, 杨凌, 张江): the latter
    # read only when a zone word follows (卤阳湖开发区, 杨凌示范区), as a county's short name is.
    zones: dict[str, Zone] = field(default_factory=dict)
    zone_words: dict[str, Zone] = field(default_factory=dict)
    # Words a project spanning provinces is placed with (全国, 跨省): no one province.
    nationwide: frozenset[str] = frozenset()
    # Regions' names (苏锡常, 珠三角; 长三角, 京津冀) → the provinces they lie in: one (the province is stored, no
    # city) or several (the row is refused: a project is stored in one province).
    regions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Districts and counties by their folded English name (pudong, binhai), each with the level its Chinese name
    # ends in (新区, 区, 县, 市, 旗): read only where a part of an English place names no province or city (Pudong
    # New Area, Shanghai; Binhai New Area), the level word written deciding between namesakes.
    english_districts: dict[str, list[tuple[Region, str]]] = field(default_factory=dict)
    by_code: dict[str, Region] = field(default_factory=dict)

    @classmethod
    def load(cls, con: duckdb.DuckDBPyConnection) -> PlaceIndex:
        rows = con.execute(
            "SELECT code, name, short_name, name_en, level, parent_code FROM regions"
        ).fetchall()
        info = {r[0]: r for r in rows}

        def province_of(code: str) -> str:
            while info[code][5]:
                code = info[code][5]
            return code

        def city_of(code: str) -> str | None:
            level = info[code][4]
            if level == "city":
                return code
            if level == "district":
                parent = info[code][5]
                return parent if parent and info[parent][4] == "city" else None
            return None

        index = cls()
        for code, name, short, name_en, level, _parent in rows:
            region = Region(code, level, province_of(code), city_of(code))
            names = {name}
            # District short names (鼓楼, 城区) are too loose on their own; full names only.
            if level != "district" and len(short) >= 2:
                names.add(short)
            for n in names:
                bucket = index.by_name.setdefault(n, [])
                if region not in bucket:
                    bucket.append(region)
            index.by_code[code] = region
            if level != "district":
                key = _en_key(name_en)
                bucket = index.english.setdefault(key, [])
                if region not in bucket:
                    bucket.append(region)
            elif name_en:
                kind = next((k for k in ("新区", "区", "县", "市", "旗") if name.endswith(k)), "")
                index.english_districts.setdefault(_en_key(name_en), []).append((region, kind))
            if level == "province":
                index.province_names[code] = name
                index.province_en[code] = name_en
            if level == "city":
                index.city_names[code] = (name, name_en)
            if level != "district":
                index.full_names.add(name)
        with EN_VARIANTS.open(encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f):
                if r["code"] not in info:
                    continue
                code = r["code"]
                region = Region(code, info[code][4], province_of(code), city_of(code))
                bucket = index.english.setdefault(_en_key(r["name_en"]), [])
                if region not in bucket:
                    bucket.append(region)
        with ABBREVIATIONS.open(encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f):
                if r["code"] in index.province_names and len(r["abbreviation"]) == 1:
                    index.abbreviations[r["abbreviation"]] = r["code"]
        with AREAS.open(encoding="utf-8", newline="") as f:
            areas = list(csv.DictReader(f))
        index.province_wide = frozenset(r["name"] for r in areas if r["kind"] == "province_wide")
        index.nationwide = frozenset(r["name"] for r in areas if r["kind"] == "nationwide")
        index.regions = {r["name"]: tuple(r["province_code"].split()) for r in areas
                         if r["kind"] in ("region_in_province", "region_across")}
        with FORMER.open(encoding="utf-8", newline="") as f, UNCODED.open(encoding="utf-8", newline="") as g:
            uncoded = [{**r, "kind": "uncoded", "successor_code": "", "year": ""} for r in csv.DictReader(g)]
            for r in [*csv.DictReader(f), *uncoded]:
                code = r["successor_code"] or r["province_code"]
                if code not in info:
                    continue
                former = Former(r["name"], r["kind"], code, r["year"])
                region = Region(code, info[code][4], province_of(code), city_of(code))
                # A split city's name that a county-level city bears today (巢湖市, Hefei's) keeps that
                # region beside the province: a city named before it (合肥市巢湖市) still decides.
                bucket = index.by_name.setdefault(r["name"], [])
                if region not in bucket:
                    bucket.append(region)
                index.former[r["name"]] = former
                if r["name_en"]:
                    key = _en_key(r["name_en"])
                    index.english.setdefault(key, []).append(region)
                    index.former[key] = former
        for code, name, _short, _en, level, parent in rows:
            if level == "city" and parent in index.province_names and index.province_names[parent] == name:
                index.municipal_city[parent] = code
        shorts: dict[str, list[str]] = {}
        for code, name, short, _en, level, _parent in rows:
            if level == "district" and name.endswith(("市", "县", "旗")) and len(short) >= 2 and short != name:
                shorts.setdefault(short, []).append(code)
        for short, codes in shorts.items():
            if len(codes) == 1 and short not in index.by_name:
                code = codes[0]
                index.county_short[short] = Region(code, "district", province_of(code), city_of(code))
        index.max_len = max(len(n) for n in index.by_name)
        index._load_zones(info, province_of, city_of, hash(tuple(rows)))
        index.max_len = max(len(n) for n in index.by_name)
        return index

    def _load_zones(self, info: dict, province_of: Callable[[str], str], city_of: Callable[[str], str | None],
                    regions: int) -> None:
        """The zones of ``data/development_zones.csv`` into the index, as former names are: each name as
        written into :attr:`by_name` (read as the zone's city, else its province) unless a place is known by
        it (滨海新区 is Tianjin's district) or it is only places' names (天津滨海新区); each zone's own word
        (卤阳湖 of 卤阳湖现代产业开发区) into :attr:`zone_words`. A name or word two zones in different places
        share is left out: it decides nothing. What the table adds depends on the regions alone (``regions``:
        their rows' hash), so it is worked out once a process for each set of regions (0.09 CPU s)."""
        cached = _ZONES_READ.get(regions)
        if cached is None:
            cached = _ZONES_READ[regions] = self._read_zones(info, province_of, city_of)
        names, self.zone_words = cached
        for name, region, zone in names:
            self.by_name[name] = [region]
            self.zones[name] = zone

    def _read_zones(self, info: dict, province_of: Callable[[str], str], city_of: Callable[[str], str | None]
                    ) -> tuple[list[tuple[str, Region, Zone]], dict[str, Zone]]:
        """(each zone name the index reads with its region and zone, the zones by their own word)."""
        with ZONES.open(encoding="utf-8", newline="") as f:
            table = [r for r in csv.DictReader(f) if r["province_code"] in self.province_names]
        by_name: dict[str, list[Zone]] = {}
        by_word: dict[str, list[Zone]] = {}
        for r in table:
            city = r["city_code"] if r["city_code"] in self.city_names else ""
            zone = Zone(r["name"], city or r["province_code"], r["level"])
            province_name = self.province_names[r["province_code"]]
            prefixes = [province_name, province_name[:3 if province_name.startswith(("内蒙古", "黑龙江")) else 2],
                        *((self.city_names[city][0], self.city_names[city][0][:-1]) if city else ())]
            for name in dict.fromkeys([r["name"], *(n for n in r["short_names"].split("|") if n)]):
                word = _zone_word(name)
                if word is None:  # only zone words (经济技术开发区, 园区): no one zone's name
                    continue
                by_name.setdefault(name, []).append(zone)
                for prefix in sorted(prefixes, key=len, reverse=True):
                    if word.startswith(prefix) and len(word) > len(prefix):
                        word = word[len(prefix):]
                        break
                word = _ZONE_GENERIC.sub("", word)
                if len(word) >= 2:
                    by_word.setdefault(word, []).append(zone)
        names: list[tuple[str, Region, Zone]] = []
        for name, zones in by_name.items():
            zone = _one_place(zones)
            if zone is None or name in self.by_name or self.only_places(name):
                continue
            names.append((name, Region(zone.code, info[zone.code][4], province_of(zone.code), city_of(zone.code)),
                          zone))
        words: dict[str, Zone] = {}
        for word, zones in by_word.items():
            zone = _one_place(zones)
            if (zone is not None and word not in self.by_name and word not in self.county_short
                    and not _NOT_A_ZONE_WORD.search(word) and word not in _COMMON_WORDS):
                words[word] = zone
        return names, words

    def _pick(self, candidates: list[Region], province: str | None, city: str | None) -> Region | None:
        if province:
            candidates = [c for c in candidates if c.province == province]
        if city:
            inside = [c for c in candidates if c.city == city]
            candidates = inside or candidates
        if not candidates:
            return None
        best = min(_LEVEL_RANK[c.level] for c in candidates)
        top = [c for c in candidates if _LEVEL_RANK[c.level] == best]
        # The same city under two names (北京市 the province and the city) is one answer.
        if len({(c.province, c.city) for c in top}) == 1:
            return top[0]
        if len({c.province for c in top}) == 1:
            return Region(top[0].province, "province", top[0].province, None)
        return None

    def resolve(self, text: str, hint_province: str | None = None, *, scan: bool = True
                ) -> tuple[str | None, str | None, bool]:
        """(province_code, city_code, ambiguous) for one place string."""
        return self.resolve_detail(text, hint_province, scan=scan)[:3]

    def resolve_detail(self, text: str, hint_province: str | None = None, *, scan: bool = True,
                       hint_city: str | None = None) -> Found:
        """:meth:`resolve`, whether a city named after the province was not recognised (湖北省襄樊市:
        an old or misspelt name), so that only the province is known, and a province abbreviation that
        names another province than the place after it (苏/杭州).

        ``hint_city`` (the city a list's title names) decides between same-named districts (鼓楼区 under
        徐州市 is Xuzhou's, not Nanjing's) as long as the text names no other province; a place the text
        names outside that city still wins.

        A second place after a list separator (南京市、徐州市, 北京市/天津市) makes the text a list of places
        (:attr:`Found.several`); without one, a city's name further on is a street's or a site's (杭州市
        湖州街) and the first city stands."""
        # A space between names is a separator (南京 徐州 lists two places; 江苏 南京 names one at two levels);
        # one beside a single character pads a name to a table's width (北  京, 南 京 市) and goes.
        s = re.sub(r"\s+", "", _SPACE_BETWEEN_NAMES.sub("|", halfwidth(text or "").strip()))
        if not s:
            return Found(None, None, False, False)
        if not _HAN.search(s) and re.search(r"[A-Za-z\uff21-\uff3a\uff41-\uff5a]", s):
            # full-width letters too (ＪＩＡＮＧＳＵ　ＳＵＺＨＯＵ, typed with a Chinese input method)
            return self._resolve_english(unicodedata.normalize("NFKC", text), hint_province)
        # GB/T 2260: a city's first two digits are its province's.
        city_province = hint_city[:2] + "0000" if hint_city else None
        province = city = several = former = zone = None
        ambiguous = listed = elsewhere = False
        pos = 0
        while pos < len(s):
            for length in range(min(self.max_len, len(s) - pos), 1, -1):
                candidates = self.by_name.get(s[pos:pos + length])
                if not candidates or (s[pos + length - 1] == "区" and s.startswith("域", pos + length)):
                    # 区域 is "area", not a district's 区: 新七号桥以西区域 names no 西区 (攀枝花's), 城东区域
                    # no 城东区 (西宁's)
                    continue
                near = city or (hint_city if province in (None, city_province) else None)
                region = self._pick(candidates, province or (hint_province if pos == 0 else None), near)
                if region is None and pos == 0 and hint_province:
                    region = self._pick(candidates, None, None)
                prefecture = s.startswith(("州", "盟", "地区"), pos + length)
                if region is not None and region.level == "province" and prefecture:
                    # 海南州 is Qinghai's prefecture (海南藏族自治州), not Hainan province: a short name followed by
                    # 州 / 盟 / 地区 names the prefecture that bears it. After another province's name (海南省海南州)
                    # only the province stands, its city said lost.
                    cities = [c for c in candidates if c.level == "city" and province in (None, c.province)]
                    if len(cities) == 1:
                        region = cities[0]
                    elif province is not None and any(c.level == "city" for c in candidates):
                        elsewhere = True
                if region is None:
                    if province is None:
                        ambiguous = True
                        if length >= 3 and s[pos + length - 1] in "区县市旗":
                            # 朝阳区 (Beijing's or Changchun's) is no 朝阳市 (Liaoning's): a full name with its
                            # level that several places bear is ambiguous, not its short name's place
                            pos = len(s)
                            break
                    elif listed and self._pick(candidates, None, None) is not None:
                        several = "provinces"  # 北京市、天津市: the first stands
                    elif length >= 3 and s[pos + length - 1] in "市州盟":
                        # a city of another province after this one's name (海南省海南州: Qinghai's 海南州; 江苏省
                        # 杭州市): only the province stands, its city said lost (海南州 was then read as 海南 + 州)
                        elsewhere = True
                    continue
                if city and region.city and region.city != city:
                    if listed:
                        several = several or "cities"
                    pos += length  # the first city stands (as a list's first, or against a street's name)
                    break
                province = region.province
                city = region.city or city
                read = self.former.get(s[pos:pos + length])
                if read is not None and region.code == read.code:
                    former = read
                named = self.zones.get(s[pos:pos + length])
                if named is not None and region.code == named.code:
                    zone = named
                pos += length
                break
            else:
                # A zone after a short name only where the text starts with it or a known place came
                # first: scanning inside a longer text, 慈溪滨海经济开发区 must not be read as 滨海县's.
                county = self._county_short_at(s[pos:], zones=scan or province is not None)
                if county is not None and (province is None or county.province == province):
                    province, city, pos = county.province, county.city or city, len(s)
                elif scan or province is not None:
                    # A zone by its own word and a zone word (卤阳湖开发区, 渭南市卤阳湖开发区), where the text starts
                    # with it or a known place came first, as a county's short name above; a city the text
                    # names stands (西安市杨凌示范区 stays Xi'an's, the zone said).
                    named = self._zone_word_at(s[pos:])
                    if named is not None and (province is None or named.code[:2] == province[:2]):
                        province, pos, zone = named.code[:2] + "0000", len(s), named
                        city = city or (named.code if named.code in self.city_names else None)
                break
            # Separators between levels: 江苏省/苏州市, 江苏·苏州, 江苏-苏州
            listed = False
            while pos < len(s) and s[pos] in _SEPARATORS + "省市":
                listed = listed or s[pos] in _LIST_SEPARATORS
                pos += 1
        if province is None and not ambiguous and scan and s[0] in self.abbreviations:
            abbreviated = self._abbreviated(s, hint_city)
            if abbreviated is not None:
                return abbreviated
        if province is None and not ambiguous and scan:
            # A name further in: 位于苏州市, (江苏)苏州.
            for start in range(1, len(s) - 1):
                found = self.resolve_detail(s[start:], hint_province, scan=False, hint_city=hint_city)
                if found.province:
                    return Found(found.province, found.city, False, found.lost_city, several=found.several,
                                 former=found.former, zone=found.zone)
                if found.ambiguous:
                    ambiguous = True
                    break
        lost_city = bool(province and not city and (elsewhere or _CITY_LIKE.match(s[pos:])))
        if several == "cities":
            city = None
        if province and not city:
            city = self.municipal_city.get(province)
        return Found(province, city, ambiguous and province is None, lost_city and city is None and not several,
                     several=several, former=former, zone=zone)

    def only_places(self, text: str) -> bool:
        """Whether ``text`` is nothing but names of places one after another (天津市滨海新区, 江苏省南京市); a
        zone's name (苏州工业园区) is no such place: a project may bear it."""
        pos = 0
        while pos < len(text):
            for length in range(min(self.max_len, len(text) - pos), 1, -1):
                if text[pos:pos + length] in self.by_name and text[pos:pos + length] not in self.zones:
                    pos += length
                    break
            else:
                return False
        return pos > 0

    def _county_short_at(self, rest: str, zones: bool = True) -> Region | None:
        """The county a place's rest names by its short name: the whole rest (义乌), or followed by a
        development zone, park or the county's own suffix (江华高新区, 东海经济开发区, 江华县 for
        江华瑶族自治县), as published lists write a project's site."""
        county = self.county_short.get(rest)
        if county is not None or not zones:
            return county
        for length in range(2, min(len(rest), 5)):
            county = self.county_short.get(rest[:length])
            if county is not None and _ZONE_TAIL.match(rest, length):
                return county
        return None

    def _zone_word_at(self, rest: str) -> Zone | None:
        """The zone ``rest`` names by its own word followed by a zone word (卤阳湖开发区, 杨凌示范区, 宁东基地)."""
        for length in range(min(len(rest) - 1, 8), 1, -1):
            named = self.zone_words.get(rest[:length])
            if named is not None and _ZONE_AFTER_WORD.match(rest, length):
                return named
        return None

    def _abbreviated(self, s: str, hint_city: str | None = None) -> Found | None:
        """A place starting with a province's abbreviation, read in that province, when
        the abbreviation is all there is (苏, 苏省, 沪市) or is followed by a place of that province the
        index knows at once (苏·无锡, 苏/鼓楼区); followed by a place of another province (苏/杭州, 浙·苏州,
        京石家庄) that place, with the abbreviation's province said (``other_province``); else None (苏北,
        苏某某园区: read as before)."""
        code = self.abbreviations[s[0]]
        rest = s[1:]
        # The level word the full name ends with may follow: 苏省, 沪市 (not 新市: 新疆 is no 市).
        if rest[:1] and self.province_names[code].endswith(rest[0]) and rest[0] in "省市":
            rest = rest[1:]
        rest = rest.lstrip(_SEPARATORS)
        if not rest:
            return Found(code, self.municipal_city.get(code), False, False)
        # Read with the province as context (苏/鼓楼区: Jiangsu's). A place of another province after it
        # (苏/杭州) is kept, since the place names more than the one character does, and the mismatch is
        # said; a text that names no place at once (苏北, 苏某某园区) is no abbreviation.
        found = self.resolve_detail(rest, code, scan=False, hint_city=hint_city)
        if found.province is None or found.province == code:
            return found if found.province == code else None
        return found._replace(other_province=(s[0], code))

    def _resolve_english(self, text: str, hint_province: str | None) -> Found:
        """An English or pinyin place: its parts split at commas, slashes and the like, and a part the
        index does not know as a whole split at its spaces into the longest runs of words it knows
        (Jiangsu Suzhou, Inner Mongolia Ordos, Suzhou Jiangsu: one place at two levels)."""
        parts = [p for p in re.split(r"[,/;·]|\s-\s", text) if p.strip()]
        keys: list[str] = []
        for part in parts:
            key = _en_key(part)
            keys += [key] if key in self.english else self._english_runs(part) or [key]
        province = city = former = None
        shared = False  # a name several places bear (Suzhou: 苏州市 and 宿州市) with nothing to decide between them
        # Provinces first, so that "Suzhou, Jiangsu" picks Jiangsu's Suzhou, not Anhui's.
        for key in sorted(keys, key=lambda k: not any(r.level == "province" for r in self.english.get(k, []))):
            candidates = self.english.get(key)
            if not candidates:
                continue
            region = self._pick(candidates, province or hint_province, None) or self._pick(candidates, None, None)
            if region:
                province, city = region.province, region.city or city
                read = self.former.get(key)
                if read is not None and region.code == read.code:
                    former = read
            else:
                shared = True
        for part in parts:  # a district or county by its English name (Pudong New Area, Binhai New Area)
            key = _en_key(part)
            if key in self.english or key not in self.english_districts:
                continue
            region = self._english_district(part, key, province or hint_province, city)
            if region is None:
                shared = shared or province is None
                continue
            province, city = region.province, region.city or city
        if province and not city:
            city = self.municipal_city.get(province)
        return Found(province, city, shared and province is None, False, former=former)

    def _english_district(self, part: str, key: str, province: str | None, city: str | None) -> Region | None:
        """The district or county an English part names, the level word it writes (New Area, District, County)
        and the province or city read so far deciding between namesakes; None where several remain."""
        words = part.lower()
        kind = ("新区" if re.search(r"new\s*area|new\s*district|xinqu", words) else
                "区" if re.search(r"district|\bqu\b", words) else "县" if re.search(r"county|\bxian\b", words) else
                "旗" if "banner" in words else "市" if re.search(r"county-level city", words) else None)
        candidates = [r for r, k in self.english_districts[key] if kind is None or k == kind]
        if province:
            candidates = [r for r in candidates if r.province == province]
        if city:
            candidates = [r for r in candidates if r.city == city] or candidates
        return candidates[0] if len({(r.province, r.city) for r in candidates}) == 1 else None

    def by_name_of(self, region: Region) -> str:
        """A district's or county's own Chinese name (朝阳区), for a message."""
        if not hasattr(self, "_names_of"):
            self._names_of = {r.code: n for n, rs in self.by_name.items() for r in rs
                              if n.endswith(("区", "县", "旗", "市"))}
        return self._names_of.get(region.code, "")

    def namesakes(self, text: str) -> list[Region]:
        """The places a name several bear may be (Suzhou: 苏州市, 宿州市; 朝阳区: Beijing's and Changchun's), at most
        six, for a message; [] when the text is not one such name."""
        s = re.sub(r"\s+", "", halfwidth(text or "").strip())
        if not _HAN.search(s):
            key = _en_key(unicodedata.normalize("NFKC", text))
            found = list(self.english.get(key, [])) or [r for r, _k in self.english_districts.get(key, [])]
        else:
            found = list(self.by_name.get(s, []))
        return found[:6] if len(found) > 1 else []

    def _english_runs(self, part: str) -> list[str] | None:
        """The folded names of ``part``'s words taken as the longest runs the index knows, left to right;
        None unless every word that is not a level word (City, Province) falls in one."""
        words = [w for w in re.split(r"[\s\-]+", part.strip()) if w]  # Jiangsu Suzhou, Jiangsu-Suzhou
        if len(words) < 2:
            return None
        keys, i = [], 0
        while i < len(words):
            for j in range(len(words), i, -1):
                key = _en_key(" ".join(words[i:j]))
                if key in self.english:
                    keys.append(key)
                    i = j
                    break
            else:
                if _en_key(words[i]):  # a word that is no place and no level word: not a place of two levels
                    return None
                i += 1
        return keys or None


_HAN = re.compile(r"[\u4e00-\u9fff]")
# What follows a county's short name in a site: its own suffix, a development zone or a park.
_ZONE_TAIL = re.compile(r"(县|市|旗)?(经济技术开发区|经济开发区|高新技术产业开发区|高新技术开发区|高新区|经开区|"
                        r"开发区|工业园区|工业园|工业集中区|产业园|产业集聚区|园区|新区|$)")
_CITY_LIKE = re.compile(r"^[\u4e00-\u9fff]{2,8}(市|地区|州|盟)|^[\u4e00-\u9fff]{1,8}(县|旗)")
# The words a zone's name ends with, longest first: what is left before them is the zone's own (卤阳湖 of
# 卤阳湖现代产业开发区 once 现代产业 goes too; 苏州 of 苏州工业园区).
_ZONE_KINDS = ("经济技术开发区|高新技术产业开发区|高新技术产业示范区|高新技术产业园区|高新技术开发区|高新技术园区|"
               "高科技园区|国家自主创新示范区|自主创新示范区|重点开发开放试验区|自由贸易试验区|边境经济合作区|"
               "跨境经济合作区|新兴技术开发区|综合保税区|保税物流园区|保税港区|出口加工区|保税区|产业集聚区|"
               "工业集中区|经济开发区|工业园区|产业园区|科技园区|高新区|经开区|工业区|产业园|工业园|科技园|开发区|"
               "园区|新区|示范区|试验区|基地|生态城|度假区|投资区|合作区")
_ZONE_KIND = re.compile(f"({_ZONE_KINDS})$")
_GENERIC_WORDS = "国家|现代|农业|产业|工业|经济|科技|能源化工|循环经济|生态|国际|综合|特色|新材料|高新技术"
_ZONE_GENERIC = re.compile(f"({_GENERIC_WORDS})+$")
# After a zone's own word in a place: generic words, then a zone word (卤阳湖开发区, 张江高科技园区, 宁东能源化工基地).
_ZONE_AFTER_WORD = re.compile(f"({_GENERIC_WORDS})*({_ZONE_KINDS})")


# A zone's word that names an industry, a kind of zone or a direction (新能源, 装备制造, 产业转移, 航空港, 台商投资,
# 江北, 高新) is no one zone's, whatever the list holds: 新能源产业园 or 江南工业园 could be anywhere. Only words
# that are a zone's own name (卤阳湖, 漕河泾, 杨凌, 张江, 曹妃甸) are read before a zone word.
_NOT_A_ZONE_WORD = re.compile("产业|工业|能源|汽车|装备|制造|化工|航空|空港|港|商贸|金融|台商|投资|转移|示范|循环|经济|"
                              "科技|技术|高新|新区|园|国家|旅游|现代|生态|材料|医药|药|物流|电子|专用|清洁|绿色|招商|"
                              "综合|保税|开发|试验|集中|发展|基地|合作|贸易|加工|资源|煤|石化|精细|都市|片|及|"
                              "钢|计算|产品|轴承|五金|针织|经编|石材|慈善|就业|新型|矿|有色|化学|轻工|生物|外包|"
                              "[（(—－·]")
_COMMON_WORDS = frozenset("江北 江南 江东 河西 河东 城东 城西 城南 城北 西郊 东郊 南郊 北郊 老城 新城 滨江 "
                          "滨海 沿海 沿江 "
                          "临港 临空 北方 南方 半岛 群岛 中北 中新 首府 经开 环保 纺织 陶瓷 皮革 稀土 白酒 电源 铝业 "
                          "钒钛 胜利 星火 大桥 华润 安居 永乐 福兴 龙湖 钱江 运河 海港 县县".split())


# What data/development_zones.csv adds to an index, by the hash of the regions' rows it was worked out for.
_ZONES_READ: dict[int, tuple[list[tuple[str, Region, Zone]], dict[str, Zone]]] = {}


def _one_place(zones: list[Zone]) -> Zone | None:
    """The zone a name or word shared by ``zones`` is read as: the first, where all lie in one place; read as
    their province where they lie in one province but not all in one city (曹妃甸: a zone of 唐山市 and one
    whose city the source does not give); None where they lie in several provinces."""
    if len({z.code for z in zones}) == 1:
        return zones[0]
    if len({z.code[:2] for z in zones}) == 1:
        return zones[0]._replace(code=zones[0].code[:2] + "0000")
    return None


def _zone_word(name: str) -> str | None:
    """What a zone's name says before its zone word (苏州 of 苏州工业园区, 宁夏宁东能源化工 of 宁夏宁东能源化工基地;
    the whole name where it ends in none), or None where nothing is (经济技术开发区, 园区: no one zone)."""
    m = _ZONE_KIND.search(name)
    word = name[:m.start()] if m else name
    return word if len(word) >= 2 else None


def _en_key(name: str) -> str:
    """An English place name folded for look-up: no accents, case, spaces, punctuation or 'City', 'Province'."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return re.sub(r"[^a-z]", "", _EN_NOISE.sub("", plain.lower()))


# What follows a region's name and adds nothing to it (苏锡常地区, 长三角区域, 珠三角城市群, 成渝地区双城经济圈).
_REGION_TAIL = re.compile(r"(?:地区|区域|一带|城市群|经济圈|经济区|片区|各市|一体化示范区)+$")


def region_named(index: PlaceIndex, text: str) -> tuple[str, ...] | None:
    """The provinces of the region a place's whole text names (苏锡常 → (320000,), 长三角 → four), or None."""
    s = re.sub(r"\s+", "", halfwidth(text or ""))
    if not s or not index.regions:
        return None
    found = _region_of(index, s)
    if found is None:
        # 江苏省苏锡常地区, 江苏苏南: the province the region lies in, named before it
        for code, name in index.province_names.items():
            for prefix in (name, name.removesuffix("省")):
                if len(prefix) >= 2 and s.startswith(prefix) and len(s) > len(prefix):
                    inner = _region_of(index, s[len(prefix):].lstrip("·/-"))
                    if inner is not None and code in inner:
                        return inner
    return found


def _region_of(index: PlaceIndex, s: str) -> tuple[str, ...] | None:
    s = re.sub(r"[—–\-－‐]", "", s)  # 兰州—西宁城市群: the plan's dash between its cities' names
    return index.regions.get(s) or index.regions.get(_REGION_TAIL.sub("", s)) or index.regions.get(
        s.replace("地区", ""))


def _one_off(a: str, b: str) -> bool:
    """Whether two names of one length differ by one character (苏洲, 苏州)."""
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def likely_cities(index: PlaceIndex, text: str, province: str | None) -> list[str]:
    """The cities a place most likely means where only its province was read (江苏剩苏州市: 苏州市 after a typo in
    the province's 省; 江苏省苏洲市: 苏州市, one character off) or none was (苏洲: 苏州市 or 株洲市). With a province:
    the one city of it whose full name stands in the text, else those whose name is one character off what
    follows the province's name. Without: those whose name is one character off the whole text. At most three;
    [] when none is or more are (a site's name, 苏某某园区, is no typo of a city)."""
    s = re.sub(r"\s+", "", halfwidth(text or ""))
    cities = [(code, name) for code, (name, _en) in index.city_names.items()
              if province is None or code[:2] == province[:2]]
    rests = {s}
    if province is not None:
        inside = sorted({code for code, name in cities if len(name) >= 3 and name in s})
        if inside:
            return inside if len(inside) == 1 else []
        full = index.province_names.get(province, "")
        for prefix in (full, full.removesuffix("省"), full[:2]):
            if prefix and s.startswith(prefix):
                rests.add(s[len(prefix):].lstrip(_SEPARATORS + "省"))
    rests = {r.removesuffix("市") for r in rests if r}
    near = sorted({code for code, name in cities for r in rests
                   if len(name.removesuffix("市")) >= 2 and _one_off(r, name.removesuffix("市"))})
    return near if len(near) <= 3 else []


_BRACKETED_PLACE = re.compile(r"[(（]([^()（）]{2,12})[)）]")


def bracket_other(index: PlaceIndex, text: str, province: str | None, city: str | None) -> str | None:
    """The code of another place a bracket in a place names (苏州（宿州）: 宿州市, not 苏州市), or None."""
    for m in _BRACKETED_PLACE.finditer(halfwidth(text or "")):
        found = index.resolve_detail(m.group(1), scan=False)
        if found.province is None or found.ambiguous:
            continue
        if found.province != province or (found.city and city and found.city != city):
            return found.city or found.province
    return None


def resolve_column(index: PlaceIndex, cells: pd.Series, hint_province: str | None = None,
                   hint_city: str | None = None
                   ) -> tuple[pd.Series, pd.Series, pd.Series, pd.Series, pd.Series, pd.Series, pd.Series, pd.Series]:
    """(province_code, city_code, ambiguous, city not recognised, abbreviation of another province, a list
    of places: :attr:`Found.several`, a former name: :attr:`Found.former`, a zone: :attr:`Found.zone`) per
    row; each distinct string is resolved once."""
    cells = cells.fillna("").astype(str)
    # The cells factorized once for all eight columns (each a map_distinct: the same values and dtypes).
    which, distinct = pd.factorize(cells)
    found = {u: index.resolve_detail(u, hint_province, hint_city=hint_city) for u in distinct}
    each = pd.Series(distinct)

    def per_row(attr: str) -> pd.Series:
        return pd.Series(each.map(lambda v: getattr(found[v], attr)).array.take(which), index=cells.index,
                         name=cells.name)

    return tuple(per_row(a) for a in ("province", "city", "ambiguous", "lost_city", "other_province", "several",
                                      "former", "zone"))


def province_in_title(index: PlaceIndex, text: str) -> str | None:
    """The province a list's title names (江苏省2024年重大项目清单), used as context for short names."""
    s = _CHINA_BRACKET.sub(r"\1", re.sub(r"\s+", "", text or ""))
    for code, name in index.province_names.items():
        short = name[:3] if name.startswith(("内蒙古", "黑龙江")) else name[:2]
        if name in s or s.startswith(short):
            return code
    # An English list's title (Key Projects of Jiangsu Province in 2024): the one province it names by its
    # English name, as a word (Shanxi is not Shaanxi). Its short names (Suzhou, also Anhui's 宿州) were unknown.
    if text and re.search(r"[A-Za-z]{4}", text):
        folded = " " + re.sub(r"[^a-z]+", " ", text.lower()) + " "
        named = {code for code, en in index.province_en.items()
                 if en and f" {re.sub(r'[^a-z]+', ' ', en.lower()).strip()} " in folded}
        if len(named) == 1:
            return named.pop()
    return None


_LEADING_YEAR = re.compile(r"^(关于)?((19|20)\d{2}\s*年?度?|[（(](19|20)\d{2}[)）])")
# 中国（上海）自由贸易试验区…, 中国(江苏)自贸试验区南京片区: the place is the bracketed name after 中国.
_CHINA_BRACKET = re.compile(r"^中国[（(]([^()（）]{2,8})[)）]")


def place_in_title(index: PlaceIndex, lines: list[str]) -> tuple[str, str | None, str] | None:
    """(province code, city code, the place's text) of the place a list's title names, for a list without a
    location column (county and city lists name their place once, in the title) and as the context of
    its short place names: a place the title starts with (阜阳市2023年重大项目…, 2024年江苏省…), else the
    one place it names further in by a province's or city's full name (关于印发2024年徐州市重大项目清单的
    通知: short names and district names inside a title's other words are never read as a place), if
    it names only one. A title starting with a list of cities of one province (南京市、徐州市…) names
    their province; one listing provinces (北京市、天津市…), no place."""
    for line in lines:
        s = _LEADING_YEAR.sub("", re.sub(r"\s+", "", halfwidth(line or "")))
        s = _CHINA_BRACKET.sub(r"\1", s)
        if not s:
            continue
        found = index.resolve_detail(s, scan=False)
        if found.several == "provinces":  # 北京市、天津市…: no one place
            continue
        if found.several == "cities":  # 南京市、徐州市…: their province
            return found.province, found.city, index.province_names.get(found.province, "")
        if found.province and not found.ambiguous:
            return found.province, found.city, _place_prefix(index, s)
        later = _place_further_in(index, s)
        if later is not None:
            return later
    return None


# A title naming a town, township or subdistrict only (黄圃镇2024年重点项目, 某某街道重大项目清单): the place index
# goes down to counties (data/regions.csv), so such a list cannot be placed by its title. The town word must
# head the title and be followed by what a list's title goes on with (a year, 人民政府, 重点…), so that 美丽乡村
# or 乡村振兴 are never read as one.
_TOWN_TITLE = re.compile(r"^([\u4e00-\u9fff]{1,8}?(?:镇|乡|街道|苏木))"
                         r"(?=[0-9（(“]|人民政府|党委|政府|重点|重大|项目|招商|年度|开工|签约|投资)")


def town_in_title(lines: list[str]) -> str | None:
    """The town a list's title names at its head, when it names no county or city (see ``_TOWN_TITLE``)."""
    for line in lines:
        s = _LEADING_YEAR.sub("", re.sub(r"\s+", "", halfwidth(line or "")))
        m = _TOWN_TITLE.match(s)
        if m:
            return m.group(1)
    return None


def _place_further_in(index: PlaceIndex, s: str) -> tuple[str, str | None, str] | None:
    """The place a title names after other words, by a province's or city's full name; None where it
    names none, or two that are not one place (南京市、徐州市)."""
    places: list[tuple[str, str | None, str]] = []
    start = 1
    while start < len(s) - 1:
        if not any(s[start:start + n] in index.full_names for n in range(2, min(index.max_len, len(s) - start) + 1)):
            start += 1
            continue
        # The run of names at this point alone (南京市 of 南京市、徐州市: a list of places is no one place).
        text = _place_prefix(index, s[start:])
        found = index.resolve_detail(text, scan=False)
        if found.province and not found.ambiguous:
            places.append((found.province, found.city, text))
        start += max(len(text), 1)
    if not places or len({(p, c) for p, c, _ in places}) > 1:
        return None
    return places[0]


def _place_prefix(index: PlaceIndex, s: str) -> str:
    """The leading run of ``s`` made of place names (阜阳市, 厦门海沧区): the text the place was read from."""
    pos = 0
    while pos < len(s):
        for length in range(min(index.max_len, len(s) - pos), 1, -1):
            if s[pos:pos + length] in index.by_name or s[pos:pos + length] in index.county_short:
                pos += length
                break
        else:
            break
    return s[:pos] or s[:10]
