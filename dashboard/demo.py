"""A seeded, deterministic demo dataset, clearly labelled as such.

Numbers are drawn with numpy in chunks (no Python loop per project) and strings are assembled
inside DuckDB from small word tables, so ``scale=1000`` (3M projects) builds in well under a
minute. Every row belongs to one import batch flagged ``is_demo``, so one action removes it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import duckdb
import numpy as np
import pandas as pd

from . import store, tagging, taxonomy

DEMO_FILE_NAME = "演示数据（虚构）Demo dataset (synthetic)"
BASE_PROJECTS = 3000
FIRST_YEAR, AS_OF_YEAR = 2018, 2025
CHUNK = 500_000

# Rough shape of where SEI investment goes: coastal and central hubs heavier, every province present.
PROVINCE_WEIGHTS = {
    "440000": 10, "320000": 10, "330000": 7.5, "370000": 6.5, "310000": 5.5, "110000": 5,
    "340000": 5, "420000": 5, "510000": 4.5, "410000": 4, "350000": 4, "430000": 3.5,
    "610000": 3, "500000": 3, "360000": 2.5, "130000": 2.5, "120000": 2, "210000": 2,
    "450000": 1.8, "530000": 1.5, "520000": 1.5, "140000": 1.3, "150000": 1.3, "220000": 1,
    "230000": 1, "650000": 1, "620000": 0.9, "460000": 0.8, "640000": 0.5, "630000": 0.5,
    "540000": 0.3,
}
# Sub-provincial and other large cities draw more projects than the rest of their province.
HUB_CITIES = {
    "440300": 5, "440100": 4, "320500": 4, "320100": 3, "330100": 4, "330200": 2.5, "370200": 3,
    "370100": 2.5, "350200": 2.5, "350100": 2, "210200": 2.5, "210100": 2, "420100": 5, "510100": 5,
    "340100": 5, "430100": 4, "610100": 5, "410100": 4, "360100": 3, "130100": 2, "220100": 2.5,
    "230100": 2.5, "450100": 2.5, "530100": 3, "520100": 3, "140100": 3, "150100": 2, "650100": 3,
    "620100": 3, "640100": 3, "630100": 3, "540100": 3, "460100": 2.5, "320200": 2, "441900": 2,
    "440600": 2,
}
SECTOR_WEIGHTS = {
    "info_tech": 0.22, "biotech": 0.12, "high_end_equipment": 0.14, "new_materials": 0.12,
    "new_energy": 0.16, "smart_nev": 0.12, "green_env": 0.08, "digital_creative": 0.04,
}
# Yearly growth in project starts: new energy and vehicles outpace the rest, as they have.
SECTOR_GROWTH = {
    "info_tech": 0.25, "biotech": 0.20, "high_end_equipment": 0.15, "new_materials": 0.18,
    "new_energy": 0.55, "smart_nev": 0.65, "green_env": 0.08, "digital_creative": 0.30,
}
# Median total investment by sector, 万元.
SECTOR_MEDIAN_WAN = {
    "info_tech": 90_000, "biotech": 45_000, "high_end_equipment": 55_000, "new_materials": 60_000,
    "new_energy": 110_000, "smart_nev": 120_000, "green_env": 30_000, "digital_creative": 20_000,
}
OWNERSHIP = tuple((o.slug, o.demo_share) for o in taxonomy.ownership_terms())
PROGRAMMES = (
    (None, 0.64), ("innovation_capability", 0.12), ("industry_city", 0.10),
    ("application_scenarios", 0.08), ("public_service", 0.06),
)
FUNDING = tuple(s.slug for s in taxonomy.funding_sources())
# Dirichlet weights of each funding channel by ownership (same order as FUNDING).
FUNDING_ALPHA = {o: tuple(s.demo_weights[o] for s in taxonomy.funding_sources()) for o, _ in OWNERSHIP}

BRAND_WORDS = (
    "华芯 中科 恒信 天合 国瑞 宏图 长江 海创 东方 新锐 鼎盛 联创 博远 晶合 启明 蓝海 卓越 "
    "通达 永信 中盛 瑞丰 正泰 星河 金诚 华联 汇川 睿智 远景 昆仑 明阳 国泰 华晨 创维 中航 "
    "兴业 天马 紫光 中电 青山 凯赛"
).split()
SECTOR_WORDS = {
    "info_tech": ["电子", "半导体", "微电子", "信息", "智能科技", "数据科技", "光电"],
    "biotech": ["生物", "医药", "药业", "生物科技", "医疗器械", "基因"],
    "high_end_equipment": ["智能装备", "精密机械", "重工", "机器人", "航空", "装备制造"],
    "new_materials": ["新材料", "材料科技", "稀土", "合金", "硅业", "碳纤维"],
    "new_energy": ["新能源", "能源", "光伏", "风电", "电力", "氢能"],
    "smart_nev": ["新能源汽车", "汽车", "动力电池", "智能汽车", "锂电"],
    "green_env": ["环保", "环境科技", "节能", "水务", "再生资源"],
    "digital_creative": ["文化传媒", "数字科技", "影视", "互动娱乐", "创意"],
}
COMPANY_SUFFIX = ("有限公司", "股份有限公司", "集团有限公司", "科技有限公司")


def _pick(rng: np.random.Generator, weights: np.ndarray, n: int) -> np.ndarray:
    p = np.asarray(weights, dtype=float)
    return rng.choice(len(p), size=n, p=p / p.sum())


def _reference_tables() -> dict[str, pd.DataFrame]:
    """Small lookup tables the SQL assembly joins against."""
    sectors = [s for s in taxonomy.sectors()]
    sub_rows, tpl_rows = [], []
    for s_idx, sector in enumerate(sectors):
        for sub in sector.subfields:
            sub_idx = len(sub_rows)
            sub_rows.append((sub_idx, s_idx, sector.slug, sub.slug, sub.name_zh))
            for t_idx, tpl in enumerate(sub.demo_templates):
                tpl_rows.append((sub_idx, t_idx, tpl))
    subs = pd.DataFrame(sub_rows, columns=["sub_idx", "sector_idx", "sector", "subfield", "sub_name"])
    templates = pd.DataFrame(tpl_rows, columns=["sub_idx", "tpl_idx", "template"])
    subs["n_templates"] = subs["sub_idx"].map(templates.groupby("sub_idx").size())
    words = pd.DataFrame(
        [(slug, i, w) for slug, ws in SECTOR_WORDS.items() for i, w in enumerate(ws)],
        columns=["sector", "word_idx", "word"],
    )
    words["n_words"] = words["sector"].map(words.groupby("sector").size())
    return {"subs": subs, "templates": templates, "words": words}


def _places(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every (province, city) a demo project may sit in, with its drawing weight."""
    places = store.demo.places(con, list(PROVINCE_WEIGHTS))
    per_city = places.groupby("province_code")["city_code"].transform("size")
    city_w = places["city_code"].map(HUB_CITIES).fillna(1.0)
    city_share = city_w / city_w.groupby(places["province_code"]).transform("sum")
    places["weight"] = places["province_code"].map(PROVINCE_WEIGHTS) * city_share
    places["n_cities"] = per_city
    return places.reset_index(drop=True)


def _project_chunk(
    rng: np.random.Generator, start_id: int, n: int, places: pd.DataFrame, subs: pd.DataFrame,
    sector_slugs: list[str], force_provinces: bool,
) -> pd.DataFrame:
    place_idx = _pick(rng, places["weight"].to_numpy(), n)
    if force_provinces:  # the first rows visit every province once
        firsts = places.groupby("province_code").head(1).index.to_numpy()
        place_idx[: len(firsts)] = firsts[: n]
    sector_idx = _pick(rng, np.array([SECTOR_WEIGHTS[s] for s in sector_slugs]), n)
    # Sub-field: uniform within the sector.
    counts = subs.groupby("sector_idx").size().reindex(range(len(sector_slugs))).to_numpy()
    offsets = np.concatenate([[0], np.cumsum(counts)[:-1]])
    sub_idx = offsets[sector_idx] + (rng.random(n) * counts[sector_idx]).astype(int)
    # Start year grows at a sector's own pace.
    years = np.arange(FIRST_YEAR, AS_OF_YEAR + 1)
    growth = np.array([SECTOR_GROWTH[s] for s in sector_slugs])
    year_p = (1 + growth[:, None]) ** (years - FIRST_YEAR)[None, :]
    year_cdf = np.cumsum(year_p / year_p.sum(axis=1, keepdims=True), axis=1)
    u = rng.random(n)
    start = FIRST_YEAR + (u[:, None] > year_cdf[sector_idx]).sum(axis=1)
    duration = _pick(rng, np.array([0.12, 0.34, 0.30, 0.16, 0.08]), n) + 1
    end = start + duration - 1
    median = np.array([SECTOR_MEDIAN_WAN[s] for s in sector_slugs])[sector_idx]
    total = np.clip(median * rng.lognormal(0.0, 1.05, n), 300, 6_000_000)
    total = np.where(total > 10_000, np.round(total, -2), np.round(total))
    has_amount = rng.random(n) > 0.04  # a few projects come without a published figure
    # Stage from the years: overdue projects (the watch list) are a small, realistic share.
    r = rng.random(n)
    stage = np.where(
        end < AS_OF_YEAR,
        np.where(r < 0.88, "completed", np.where(r < 0.96, "under_construction", "cancelled")),
        np.where(
            start == AS_OF_YEAR,
            np.where(r < 0.1, "planned", "under_construction"),
            np.where(r < 0.06, "planned", np.where(r < 0.98, "under_construction", "cancelled")),
        ),
    )
    ownership = np.array([o for o, _ in OWNERSHIP])[_pick(rng, np.array([w for _, w in OWNERSHIP]), n)]
    programme = np.array([p for p, _ in PROGRAMMES], dtype=object)[
        _pick(rng, np.array([w for _, w in PROGRAMMES]), n)
    ]
    return pd.DataFrame(
        {
            "project_id": np.arange(start_id, start_id + n, dtype=np.int64),
            "place_idx": place_idx,
            "sub_idx": sub_idx,
            "tpl_u": rng.random(n),
            "brand_idx": rng.integers(0, len(BRAND_WORDS), n),
            "word_u": rng.random(n),
            "suffix_idx": rng.integers(0, len(COMPANY_SUFFIX), n),
            "n_value": rng.choice([1, 2, 3, 5, 6, 8, 10, 12, 15, 20, 30, 50, 100, 200], n),
            "phase": rng.choice(["一期", "二期", "三期", ""], n, p=[0.3, 0.2, 0.05, 0.45]),
            "ownership": ownership,
            "stage": stage,
            "programme": programme,
            "start_year": start,
            "end_year": end,
            "total_investment_wan": np.where(has_amount, total, np.nan),
            "confidence": np.round(0.55 + 0.45 * rng.random(n), 2),
        }
    )


def _flows(rng: np.random.Generator, chunk: pd.DataFrame) -> pd.DataFrame:
    """Yearly planned and completed investment; each never adds up to more than the total."""
    dur = (chunk["end_year"] - chunk["start_year"] + 1).to_numpy()
    owner = np.repeat(np.arange(len(chunk)), dur)
    offset = np.arange(len(owner)) - np.repeat(np.cumsum(dur) - dur, dur)
    year = chunk["start_year"].to_numpy()[owner] + offset
    weight = 0.5 + rng.random(len(owner))
    share = weight / np.bincount(owner, weights=weight)[owner]
    total = chunk["total_investment_wan"].fillna(0).to_numpy()[owner]
    planned = np.floor(total * share * 0.98 * 100) / 100
    stage = chunk["stage"].to_numpy()[owner]
    rate = np.where(
        stage == "completed", 0.95 + 0.05 * rng.random(len(owner)),
        # the as-of year is a finished year, though projects still running in it lag a little
        np.where(year < AS_OF_YEAR, 0.65 + 0.35 * rng.random(len(owner)),
                 0.55 + 0.4 * rng.random(len(owner))),
    )
    completed = np.floor(planned * rate * 100) / 100
    completed = np.where((stage == "planned") | (stage == "cancelled") & (offset > 0), 0.0, completed)
    completed = np.where(year > AS_OF_YEAR, np.nan, completed)
    flows = pd.DataFrame(
        {
            "project_id": chunk["project_id"].to_numpy()[owner],
            "year": year,
            "planned_wan": planned,
            "completed_wan": completed,
        }
    )
    return flows[chunk["total_investment_wan"].notna().to_numpy()[owner]]


def _funding(rng: np.random.Generator, chunk: pd.DataFrame) -> pd.DataFrame:
    """A funding mix per project that depends on who owns it; shares never exceed the total."""
    alpha = np.array([FUNDING_ALPHA[o] for o in FUNDING_ALPHA])
    own_idx = pd.Categorical(chunk["ownership"], categories=list(FUNDING_ALPHA)).codes
    a = alpha[own_idx].copy()
    for col, source in enumerate(taxonomy.funding_sources()):  # a channel some programmes lean on
        for programme, weight in source.demo_programme_weights.items():
            a[:, col] = np.where(chunk["programme"].to_numpy() == programme, weight, a[:, col])
    g = rng.gamma(a)
    w = g / g.sum(axis=1, keepdims=True)
    w = np.where(w < 0.06, 0.0, w)
    w = w / w.sum(axis=1, keepdims=True)
    total = chunk["total_investment_wan"].to_numpy()
    amount = np.floor(total[:, None] * w * 100) / 100
    rows, cols = np.nonzero((amount > 0) & ~np.isnan(amount))
    return pd.DataFrame(
        {
            "project_id": chunk["project_id"].to_numpy()[rows],
            "source": np.array(FUNDING)[cols],
            "amount_wan": amount[rows, cols],
        }
    )


# The bases of clause (九) are regional; each demo base sits in the provinces of its region.
BASE_REGIONS = (
    ("长三角", ("310000", "320000", "330000", "340000")), ("粤港澳大湾区", ("440000",)),
    ("京津冀", ("110000", "120000", "130000")), ("成渝", ("510000", "500000")),
    ("长江中游", ("420000", "430000", "360000")), ("关中平原", ("610000",)), ("山东半岛", ("370000",)),
    ("海峡西岸", ("350000",)), ("中原", ("410000",)), ("北部湾", ("450000",)),
)


def cluster_words(subs: pd.DataFrame) -> dict[str, str]:
    """The word each sub-field gives its clusters' names (上海市<word>产业集群), from the sub-field's own entry in
    data/taxonomy.toml: its name without the bracket, else the first of its clause phrases and keywords that the
    app's own tagger reads back as the sub-field's sector. A name read as another sector, or as none, told a
    reader the opposite of the sector the cluster is filed under: 上海市基础材料产业集群 under 新一代信息技术
    (a materials cluster, by its name), 车联网 under it too (智能及新能源汽车 by the tagger), 工业互联网平台
    under 高端装备. Each sub-field's word is its own (no two alike), so the names are told apart as before."""
    by_slug = {sf.slug: sf for s in taxonomy.sectors() for sf in s.subfields}
    words: dict[str, str] = {}
    for r in subs.itertuples():
        sf = by_slug[r.subfield]
        short = re.sub(r"（.*?）", "", sf.name_zh)  # 特种机器人（建筑、医疗等） → 特种机器人
        for word in dict.fromkeys([short, *sf.clause_phrases, *sf.keywords]):
            if (len(word) <= 8 and not re.search("与|和|、", word) and word not in words.values()
                    and tagging.tag(f"{word}产业集群").sector == r.sector):
                words[r.subfield] = word
                break
        else:
            words[r.subfield] = short
    return words


def _clusters(rng: np.random.Generator, districts: pd.DataFrame, places: pd.DataFrame,
              subs: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Bases, clusters and ecosystems: below (bases), at (clusters) and near (ecosystems) target."""
    # (tier, status, designation batch, year, count)
    plan = [
        ("base", "designated", "第一批", 2022, 4), ("base", "cultivating", None, None, 3),
        ("base", "reserve", None, None, 3),
        ("cluster", "designated", "第一批", 2019, 66), ("cluster", "designated", "第二批", 2022, 20),
        ("cluster", "designated", "第三批", 2024, 14), ("cluster", "cultivating", None, None, 12),
        ("ecosystem", "designated", "2020年", 2020, 90), ("ecosystem", "designated", "2021年", 2021, 140),
        ("ecosystem", "designated", "2022年", 2022, 170), ("ecosystem", "designated", "2023年", 2023, 180),
        ("ecosystem", "designated", "2024年", 2024, 170), ("ecosystem", "designated", "2025年", 2025, 112),
        ("ecosystem", "cultivating", None, None, 90), ("ecosystem", "reserve", None, None, 150),
    ]
    district_by_city = districts.groupby("city_code")["short_name"].apply(list).to_dict()
    place_w = places["weight"].to_numpy() ** 1.3
    in_region = {name: places["province_code"].isin(codes).to_numpy() for name, codes in BASE_REGIONS}
    # Name clusters after sub-fields with short names (集成电路, 储能), as real designations read.
    short = subs["sub_name"].str.replace(r"（.*?）", "", regex=True)
    subs = subs[(short.str.len() <= 8) & ~short.str.contains("与|和|、|行动|融合")].reset_index(drop=True)
    words = cluster_words(subs)
    rows, seen = [], set()
    cluster_id = 0
    for tier, status, batch, year, count in plan:
        made = 0
        while made < count:
            sub = subs.iloc[int(rng.integers(0, len(subs)))]
            sub_name = words[sub.subfield]
            if tier == "base":  # a base sits in the economic region it is named after
                region = BASE_REGIONS[cluster_id % len(BASE_REGIONS)][0]
                place = places.iloc[_pick(rng, place_w * in_region[region], 1)[0]]
                name = f"{region}{sub_name}战略性新兴产业基地"
                core = f"{place.city_name}核心区"
            else:
                place = places.iloc[_pick(rng, place_w, 1)[0]]
            if tier == "cluster":
                name = f"{place.city_name}{sub_name}产业集群"
                core = f"{place.city_name}高新技术产业开发区"
            elif tier == "ecosystem":
                options = district_by_city.get(place.city_code) or [place.city_short]
                district = options[int(rng.integers(0, len(options)))]
                # a city without districts is its own "district" (东莞东莞…产业生态): named once
                name = f"{place.city_short if district != place.city_short else ''}{district}{sub_name}产业生态"
                if tagging.tag(name).sector != sub.sector:  # a district's name run into the word: 略阳 + 光电材料
                    name = f"{place.city_short}{sub_name}产业生态"
                core = f"{district}产业园"
            if name in seen:
                continue
            seen.add(name)
            cluster_id += 1
            made += 1
            leads = "、".join(
                f"{place.city_short}{BRAND_WORDS[int(i)]}{SECTOR_WORDS[sub.sector][0]}"
                for i in rng.choice(len(BRAND_WORDS), 2, replace=False)
            )
            rows.append((cluster_id, name, tier, status, sub.sector, sub.subfield, place.province_code,
                         place.city_code, batch, year, leads, core))
    clusters = pd.DataFrame(rows, columns=[
        "cluster_id", "name", "tier", "status", "sector", "subfield", "province_code", "city_code",
        "batch", "designated_year", "lead_enterprises", "core_zone"])
    clusters["designated_year"] = clusters["designated_year"].astype("Int64")
    scale = {"base": 8.0, "cluster": 2.0, "ecosystem": 0.3}
    metric_rows = []
    for c in clusters.itertuples():
        first = (AS_OF_YEAR - 1 if pd.isna(c.designated_year) else int(c.designated_year)) - 1
        size = scale[c.tier] * float(rng.lognormal(0, 0.4))
        growth = 1.05 + 0.12 * float(rng.random())
        for year in range(max(FIRST_YEAR, first), AS_OF_YEAR + 1):
            k = growth ** (year - FIRST_YEAR)
            metric_rows.append((
                c.cluster_id, year, round(size * 150_000 * k, 2), round(size * 600_000 * k, 2),
                int(size * 60 * k), int(size * 6 * k),
            ))
    metrics = pd.DataFrame(metric_rows, columns=[
        "cluster_id", "year", "investment_wan", "output_value_wan", "enterprises", "innovation_platforms"])
    return clusters, metrics


# Real lists mix in projects that are not SEI at all; the tagger leaves them unclassified.
NON_SEI_NAMES = ("标准厂房及配套基础设施项目", "产业园区道路及管网工程", "人才公寓建设项目", "物流仓储中心项目",
                 "城市综合体建设项目", "安置小区建设工程")
NON_SEI_EVERY = 67  # about 1.5% of projects


def generate(con: duckdb.DuckDBPyConnection, *, scale: float = 1.0, seed: int = 1409) -> int:
    """Add the demo batch in one transaction and return its batch id."""
    if scale <= 0:
        raise ValueError("scale must be positive")
    n_total = max(31, round(BASE_PROJECTS * scale))
    rng = np.random.default_rng(seed)
    ref = _reference_tables()
    sector_slugs = [s.slug for s in taxonomy.sectors()]
    places = _places(con)
    clusters, metrics = _clusters(rng, store.demo.districts(con), places, ref["subs"])

    def chunks(first_id: int) -> Iterator[tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]]:
        made = 0
        while made < n_total:
            n = min(CHUNK, n_total - made)
            chunk = _project_chunk(rng, first_id + made, n, places, ref["subs"], sector_slugs, made == 0)
            yield chunk, _flows(rng, chunk), _funding(rng, chunk)
            made += n

    words = store.demo.DemoWords(places, ref["subs"], ref["templates"], ref["words"], BRAND_WORDS,
                                 COMPANY_SUFFIX, NON_SEI_NAMES, NON_SEI_EVERY)
    return store.demo.insert(con, DEMO_FILE_NAME, words, clusters, metrics, chunks, n_total)
