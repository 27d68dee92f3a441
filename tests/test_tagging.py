"""The automatic sector tagger (dashboard/tagging.py) against exact examples and the labelled set."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from dashboard import tagging, taxonomy
from dashboard.tagging import TagResult

LABELLED = Path(__file__).resolve().parent / "data" / "labelled_projects.csv"


def _labelled() -> list[dict[str, str]]:
    with LABELLED.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize(("name", "sector"), [
    ("年产20GWh动力电池项目", "smart_nev"),
    ("12英寸晶圆制造项目", "info_tech"),
    ("抗体药物产业化基地", "biotech"),
    ("200MW渔光互补光伏发电项目", "new_energy"),
    ("城区污水处理厂提标改造工程", "green_env"),
    ("年产10GWh储能电池项目", "new_energy"),
    ("100MW/200MWh储能电站项目", "new_energy"),
    ("年产5万吨电池级碳酸锂项目", "new_materials"),
    ("年产3万吨氢氧化锂项目", "new_materials"),
    ("锂矿采选及深加工项目", "new_materials"),
    ("华为云数据中心二期", "info_tech"),
    ("某某市算力中心项目", "info_tech"),
    ("中国移动5G基站建设工程", "info_tech"),
    ("新能源汽车充电桩建设项目", "smart_nev"),
    ("50万千瓦风电项目", "new_energy"),
    # a battery with no vehicle and no 动力 named is storage (round 7, the lead's decision: the majority rule of
    # tests/data/README.md, holdout9–holdout11; the labelled set's own label, smart_nev, is a listed label conflict)
    ("年产40GWh锂电池生产基地", "new_energy"),
    ("某某智慧高速公路车路协同改造工程", "smart_nev"),  # a road, but 车路协同 is strong
    ("高速公路服务区充电站建设项目", "smart_nev"),
    ("新能源汽车零部件产业园", "smart_nev"),
    ("年产10万吨锂电池负极材料项目", "new_materials"),  # the head noun decides (confidence lower: contested)
    ("华信创新药研发中心", "biotech"),  # 创新药, not 信创 across the word boundary
])
def test_exact_examples(name: str, sector: str) -> None:
    result = tagging.tag(name)
    assert result.sector == sector, result
    # a contested head noun, and a lone 锂电池 (phones use them too), are likely but less certain
    low = 0.3 if "锂电池负极" in name else 0.5 if name.endswith("锂电池生产基地") else 0.6
    assert low <= result.confidence <= 1.0, result
    assert result.matched
    assert result.subfield in {sf.slug for sf in taxonomy.subfields(sector)}


@pytest.mark.parametrize("name", [
    "国道G318改建工程",
    "某某安置小区建设项目",
    "五星级酒店",
    "五星级酒店建设项目",
    "市人民医院住院楼建设项目",  # 医院 alone is not biotech
    "县中医院综合楼建设项目",
    "汽车4S店建设项目",  # generic car trade is not smart_nev
    "年产50万套汽车零部件项目",
    "某某工业园区标准化厂房建设项目",
    "某某工业园区基础设施建设项目",
    "城乡供水一体化工程",
    "第三中学新建工程",
    "城市商业综合体项目",
    "某某智慧高速建设项目",  # 智慧高速 without a strong keyword stays a road
    "",
])
def test_non_sei_is_unclassified(name: str) -> None:
    assert tagging.tag(name) == TagResult(None, None, 0.0, ())


def test_content_is_used_when_the_name_says_nothing() -> None:
    name = "某某电子科技产业化项目"
    assert tagging.tag(name).sector is None
    result = tagging.tag(name, "建设12英寸晶圆生产线及配套洁净厂房，主要产品为逻辑芯片")
    assert result.sector == "info_tech"
    assert result.subfield == "chips"
    assert set(result.matched) >= {"晶圆", "芯片"}
    wind = tagging.tag("某某能源投资有限公司新建项目", "建设风力发电机组20台，总装机容量10万千瓦")
    assert wind.sector == "new_energy"


def test_name_outweighs_content() -> None:
    result = tagging.tag("年产10GW高效光伏组件项目", "配套建设研发中心，开展工业软件应用")
    assert result.sector == "new_energy"


def test_negative_content_does_not_override_an_sei_name() -> None:
    assert tagging.tag("年产10GW光伏组件项目", "配套建设厂区道路及员工宿舍").sector == "new_energy"
    assert tagging.tag("某某建设开发有限公司项目", "建设住宅楼12栋及配套商业用房").sector is None


def test_matched_keywords_are_reported_without_double_counting() -> None:
    result = tagging.tag("新能源汽车动力电池PACK生产线")
    assert result.sector == "smart_nev"
    # 动力电池 and 电池PACK inside 动力电池PACK: the longest is kept, neither part counts again
    assert result.matched == ("新能源汽车", "动力电池PACK")
    # 动力电池 and 电池包 overlap: the heavier one is kept, the shared 电池 counts once
    assert tagging.tag("某某新能源汽车动力电池包项目").matched == ("新能源汽车", "动力电池包")
    # 光伏发电 is matched as a whole: the 光伏 inside it is not counted again
    assert tagging.tag("200MW渔光互补光伏发电项目").matched == ("渔光互补", "光伏发电")


def test_latin_keywords_need_word_boundaries() -> None:
    assert tagging.tag("PROJECT管理中心").sector is None  # no 'CT' inside PROJECT
    assert tagging.tag("年产10GW光伏组件").sector == "new_energy"
    assert tagging.tag("全ＡＩ大模型训练中心").sector == "info_tech"  # full-width folded


def test_confidence_reflects_strength_and_margin() -> None:
    strong = tagging.tag("年产24万片12英寸晶圆制造项目")
    weak = tagging.tag("某某航空产业园")  # one weak, generic keyword
    mixed = tagging.tag("医用CT及MRI高端医学影像设备产业化项目")
    assert strong.confidence > 0.8
    assert weak.sector == "high_end_equipment" and weak.confidence <= 0.3
    assert 0 < mixed.confidence <= 1
    short = tagging.tag("5G应用")  # one short, ordinary keyword: below one half
    assert short.sector == "info_tech" and short.confidence < 0.5
    two_sectors = tagging.tag("生物医药及集成电路产业园")  # two strong keywords of equal weight
    assert two_sectors.sector is not None and two_sectors.confidence < 0.5
    assert strong.confidence > two_sectors.confidence


def test_tag_many_equals_tag_on_the_labelled_set() -> None:
    rows = _labelled()
    names = [r["name"] for r in rows]
    contents = [r["content"] or None for r in rows]
    assert tagging.tag_many(names, contents) == [tagging.tag(n, c) for n, c in zip(names, contents)]
    assert tagging.tag_many(names) == [tagging.tag(n) for n in names]


def test_tag_many_handles_missing_and_odd_cells() -> None:
    out = tagging.tag_many(["年产20GWh动力电池项目", "", None, "光伏电站"], [None, "晶圆", float("nan"), ""])
    assert [r.sector for r in out] == ["smart_nev", "info_tech", None, "new_energy"]
    with pytest.raises(ValueError):
        tagging.tag_many(["a", "b"], ["c"])


def test_tagging_config_comes_from_the_taxonomy() -> None:
    config = tagging.tagging_config()
    assert {"医院", "酒店", "国道", "安置小区", "标准厂房"} <= set(config["exclude_keywords"])
    keywords = {k for sf in taxonomy.subfields() for k in (*sf.keywords, *sf.strong_keywords)}
    assert not set(config["exclude_keywords"]) & keywords, "a word cannot be both SEI and negative context"
    assert set(config["weak_keywords"]) <= keywords, "weak keywords must be sub-field keywords"


def test_labelled_set_precision_and_recall_per_sector() -> None:
    rows = _labelled()
    results = tagging.tag_many([r["name"] for r in rows], [r["content"] or None for r in rows])
    truth = [r["sector"] or None for r in rows]
    pred = [r.sector for r in results]
    report = {}
    for s in taxonomy.sectors():
        tp = sum(t == s.slug and p == s.slug for t, p in zip(truth, pred))
        n_pred = sum(p == s.slug for p in pred)
        n_true = sum(t == s.slug for t in truth)
        assert n_true > 0
        report[s.slug] = (tp / n_pred if n_pred else 0.0, tp / n_true)
    # smart_nev's recall: 3 of its 28 rows are batteries with no vehicle named (年产40GWh锂电池, 固态电池, 电池Pack),
    # storage since round 7 by the lead's decision (the majority rule of tests/data/README.md): listed label conflicts
    floor = {"smart_nev": (0.90, 0.89)}
    low = {k: v for k, v in report.items()
           if v[0] < floor.get(k, (0.90, 0.90))[0] or v[1] < floor.get(k, (0.90, 0.90))[1]}
    assert not low, f"precision/recall below the floor: {low}"
    # and the non-SEI rows stay unclassified
    none_ok = sum(t is None and p is None for t, p in zip(truth, pred)) / truth.count(None)
    assert none_ok >= 0.90


def test_demo_names_tag_to_the_sector_they_are_filed_under() -> None:
    """Every demo template, filled in, reads as a project of its own sector."""
    from dashboard import taxonomy

    for sf in taxonomy.subfields():
        for template in sf.demo_templates:
            name = template.format(owner="某某科技有限公司", city="某市", n=5, phase="一期")
            assert tagging.tag(name).sector == sf.sector, (sf.slug, name)


def test_held_out_names_score_well() -> None:
    """Names written after the keywords were tuned (tests/data/holdout_projects.csv): the tagger was
    never adjusted to them, so this is the honest estimate of accuracy on new lists."""
    import csv
    from pathlib import Path

    path = Path(__file__).resolve().parent / "data" / "holdout_projects.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    right = sum((tagging.tag(r["name"]).sector or "") == r["sector"] for r in rows)
    assert len(rows) >= 50 and right / len(rows) >= 0.9


def _score_file(name: str) -> tuple[int, int, int, int, int]:
    """(SEI rows, SEI right, SEI filed under a wrong sector, non-SEI rows, non-SEI left unclassified)
    of a held-out file whose rows each cite their public source."""
    path = Path(__file__).resolve().parent / "data" / name
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert all(r["source"].startswith("http") for r in rows)
    got = tagging.tag_many([r["name"] for r in rows])
    sei = [(r["sector"], g.sector) for r, g in zip(rows, got, strict=True) if r["sector"]]
    non_sei = [g.sector for r, g in zip(rows, got, strict=True) if not r["sector"]]
    right = sum(t == p for t, p in sei)
    wrong = sum(p is not None and p != t for t, p in sei)
    return len(sei), right, wrong, len(non_sei), non_sei.count(None)


def test_second_real_set_keeps_its_measured_score() -> None:
    """tests/data/holdout2_projects.csv: 105 real names from public reports, labelled from the guidance
    before the tagger was run on them. 45 of 64 SEI names right (70.3%) when gathered; its misses
    then guided the class fixes of the sector words and technology nouns (so it is no longer held
    out). 三澳核电项目2号机组 was labelled new_energy against the guidance: clause (五) names 核电 only for
    the 数字化、智能化水平 of the plants, and the labelled and holdout sets leave plant construction
    unclassified (某某核电站3、4号机组工程, 华能石岛湾…核电站示范工程), so it is relabelled unclassified.
    Now 58 of 63 SEI names (92.1%; 国药…中国生物…医美 since 生物, the sector's own name, is a bare sector
    word), one filed wrongly (卫蓝新能源…: a battery maker read from its bare 新能源), 42 of 42 non-SEI left
    unclassified. A regression guard, not a target. Round 7 (the lead's decision: a battery with no vehicle and
    no 动力 named is storage, so a bare 电池 counts) files 广汽自主电池项目 (labelled smart_nev: a carmaker's battery,
    unclassified before) under new_energy: 2 filed wrongly. Round 8 (holdout12's classes: 比亚迪, a carmaker
    whose business is new-energy vehicles, as a generic smart_nev word) tags 深汕比亚迪汽车工业园四期: 59 of 63.
    Round 9 (holdout13's classes: a vehicle maker named makes a bare battery a power battery) files 广汽自主电池项目
    under smart_nev again: 60 of 63, 1 filed wrongly."""
    n_sei, right, wrong, n_non, left = _score_file("holdout2_projects.csv")
    assert n_sei == 63 and n_non == 42
    assert right >= 60 and wrong <= 1
    assert left == n_non


def test_third_real_set_keeps_its_measured_score() -> None:
    """tests/data/holdout3_projects.csv: 61 real names from 2021–2025 public reports (each row cites
    its source), labelled from the guidance before the tagger was run on them. Never tuned on until
    its measured 22 of 25 SEI (88.0%) and 35 of 36 non-SEI; its misses then guided three class fixes
    (so it is no longer held out): a traditional industry with only a generic keyword stays
    unclassified (新如新服饰…智能制造基地), 重组人 names a genetically engineered drug, and a film for PV
    (光伏膜) is a material. Now 25 of 25 and 36 of 36. A regression guard, not a target."""
    n_sei, right, wrong, n_non, left = _score_file("holdout3_projects.csv")
    assert n_sei == 25 and n_non == 36
    assert right >= 25 and wrong == 0
    assert left == n_non


def test_fresh_real_set_and_labelled_set_scores() -> None:
    """tests/data/holdout4_projects.csv: 100 real names (59 SEI, 41 not) from public reports of
    2010–2025 (集中开工 and 签约 reports, provincial and city key-project news; each row cites its source,
    a ``note`` says why where the label is not obvious), gathered and labelled from the guidance before
    the tagger was run on them and committed first. Measured fresh at 48 of 59 SEI names right (81.4%),
    2 filed under a wrong sector, 40 of 41 non-SEI left unclassified; its misses then guided the class
    fixes of the next round (so it is no longer held out): PV cells and ingots named without 光伏,
    semiconductor materials and IC substrates read as chips, unmanned systems, film and environmental
    governance vocabulary, a bulk plastic labelled 新材料. Now 57 of 59 (96.6%), none filed wrongly, 41
    of 41; the two left are company names with no technology word (比亚迪济南基地), which stay
    unclassified rather than guessed. A regression guard; the labelled set must stay at 241 of 241 and
    57 of 57. Round 7 (the lead's decisions, the majority rules of tests/data/README.md) moves four of its rows
    against their labels, listed there as label conflicts: a bare 智能制造产业园一期 (unclassified) and three
    batteries with no vehicle named (年产40GWh锂电池, 年产2GWh固态电池, 年产20万套电池Pack: storage): 237 of 241.
    Round 8 (holdout12's classes: 比亚迪 as a generic smart_nev word) tags 比亚迪济南基地: holdout4 58 of 59."""
    rows = _labelled()
    got = tagging.tag_many([r["name"] for r in rows], [r["content"] or None for r in rows])
    lab_sei = [(r["sector"], g.sector) for r, g in zip(rows, got, strict=True) if r["sector"]]
    lab_non = [g.sector for r, g in zip(rows, got, strict=True) if not r["sector"]]
    lab_right = sum(t == p for t, p in lab_sei)
    n_sei, right, wrong, n_non, left = _score_file("holdout4_projects.csv")
    report = (f"labelled: SEI {lab_right}/{len(lab_sei)}, non-SEI {lab_non.count(None)}/{len(lab_non)}; "
              f"fresh: SEI {right}/{n_sei} ({wrong} wrong sector), non-SEI {left}/{n_non}")
    print(report)
    assert (len(lab_sei), len(lab_non)) == (241, 57), report
    assert lab_right >= 237 and lab_non.count(None) == 57, report
    assert (n_sei, n_non) == (59, 41), report
    assert right >= 58 and wrong == 0 and left == 41, report


# The held-out real sets: each row is one file, its counts (SEI, non-SEI, non-SEI names that tell) and
# its floors (SEI right, at most this many under a wrong sector, non-SEI left unclassified, non-SEI names
# that tell left unclassified). Each set was gathered and labelled from the guidance before any tagger ran
# on it and committed first; its history (first fresh score, the class fixes it guided, what is left)
# stands above its row. Floors are only ever raised. Regression guards, not fresh measures.
HELD_OUT_SETS = [
    # tests/data/holdout5_projects.csv: 203 real names (126 SEI, 77 not) read on 48 public pages of 2020–2025
    # (provincial and city 重点项目 lists, 集中开工 and 签约 news from about 20 provinces; each row cites its
    # page, a ``note`` gives the reason from the guidance, tests/data/README.md says how they were taken).
    # Gathered and labelled after the previous round's tagger fixes and committed before the tagger was first
    # run on them. ``name_tells`` = no marks the 23 names (all non-SEI) that say nothing of what is built (a
    # company, a park brand, a lab with no field). First run, all names: 95 of 126 SEI right (75.4%), 2 under a
    # wrong sector, 71 of 77 non-SEI left unclassified (92.2%); names that tell: 95 of 126 SEI, 49 of 54 non-SEI
    # (90.7%). Its misses then guided the class fixes of this round (so it is no longer held out): 数字经济 and
    # 医药 as bare sector words, 药物, quantum information, digital city, intelligent logistics, 锂电 and
    # X基础材料, specialty polymers (PEEK and kin), 新型材料, 低空, remanufacturing as strong, slags, 静脉产业,
    # 环境综合整治, green power, digital copyright, audio-video, smart manufacturing under other names; a
    # traditional industry's label (纸业, 化纤 … 新材料) and a theme park (X主题乐园) stay unclassified, a
    # cruise terminal is no ship, a park's supporting works are infrastructure. Now 115 of 126 (91.3%), 2 under
    # a wrong sector, 75 of 77; names that tell 53 of 54. The non-SEI miss that tells
    # (前沿科技城新能源智能汽车工业园配套基础设施项目) follows holdout2's label of an NEV park's works
    # (两江龙兴…产业园基础设施配套: smart_nev): a strong technology names the park. The SEI misses left name a
    # substance (黄体酮), a company, or a word that names two sectors (数字产业: e游数字产业园 is games). A
    # regression guard, not a fresh measure.
    # Round 7 (the lead's decision: a battery with no vehicle and no 动力 named is storage) moves
    # 万向…年产80吉瓦时锂电池 (labelled smart_nev, a listed label conflict) to new_energy and tags 低温电池生产线
    # (new_energy) by its bare 电池: still 115 of 126, 3 under a wrong sector.
    pytest.param("holdout5_projects.csv", (126, 77, 54), (115, 3, 75, 53), id="holdout5"),
    # tests/data/holdout6_projects.csv: 272 real names (150 SEI, 122 not) read on 82 public pages of 2020–2025
    # from 25 provinces (each row cites its page, a ``note`` gives the reason from the guidance,
    # tests/data/README.md says how they were taken and labelled). Gathered blind after holdout5's class fixes
    # and committed before any tagger ran on it. ``name_tells`` = no marks the 28 names (all non- SEI) that say
    # nothing of what is built. First and only fresh run (the lead, 2026-12-01 10:48 UTC, main e28119b), all
    # names: 110 of 150 SEI right (73.3%), 14 under a wrong sector, 110 of 122 non-SEI left unclassified
    # (90.2%); names that tell: 110 of 150 SEI, 84 of 94 non-SEI (89.4%). Its misses then guided the class fixes
    # of round 2 (so it is no longer held out): display, photoelectric and electronic materials (clause (一)
    # 基础材料), 超高纯, engineering plastics and silicones by substance, hard materials, electrochromic films,
    # fuel-cell membranes as materials, 抽蓄, 能源互联网, DC export lines, 智能电气, polymer cells, a carmaker's
    # 新能源, 新能源混动, 两机, urban O&M equipment, 免疫, precision medicine, 后摩尔, 数字技术 and electronics
    # parks, 环保设备, spoil, water ecology; and for precision 绿色建材 as no keyword, building materials, wood
    # panels, adhesives, chemicals and beauty under a label (新材料, 资源综合利用), a company named alone by its
    # 生物, what is built coming last (生活配套, 人才公寓, 会展中心), car lightweighting as car parts, a
    # material followed by a product (磷酸铁锂电池, 纳米材料高端装备). Now 143 of 150 (95.3%), 6 under a wrong
    # sector, 122 of 122; names that tell 94 of 94. Left: batteries on which the sets' labels disagree (锂电池,
    # 锂电, 固态锂电池 with no vehicle named; 动力及储能电池; a bare 电池工厂), an AI platform for film
    # production (the head noun is AI), and equipment for NEV parts named apart from its equipment word. A
    # regression guard, not a fresh measure.
    # Round 4 (holdout8's classes): 动力及储能电池 with power named first is a power battery (holdout6's own label),
    # so 144 of 150, 5 under a wrong sector.
    # Round 7 (holdout11's classes; the lead's decisions, the majority rules of tests/data/README.md): batteries with no
    # vehicle named are storage, so 航天锂电, 楚能…锂电池, 中科深蓝…固态锂电池 and 宁德时代北京电池工厂 (a bare 电池)
    # are right; a bare 智能制造 base is unclassified, so 小米智能制造产业基地 and 智能制造基地AB区 (labelled
    # high_end_equipment: listed label conflicts) are misses. 146 of 150, 2 under a wrong sector.
    pytest.param("holdout6_projects.csv", (150, 122, 94), (146, 2, 122, 94), id="holdout6"),
    # tests/data/holdout7_projects.csv: 230 real names (118 SEI, 112 not) read on 63 public pages of 2020–2025
    # from 19 provinces (each row cites its page, a ``note`` gives the reason from the guidance,
    # tests/data/README.md says how they were taken and labelled). Gathered blind after holdout6's class fixes
    # and committed before any tagger ran on it. ``name_tells`` = no marks the 21 names (all non- SEI) that say
    # nothing of what is built. First and only fresh run (the lead, 2026-12-01 11:07 UTC, main 7cab0ff), all
    # names: 101 of 118 SEI right (85.6%), 4 under a wrong sector, 99 of 112 non-SEI left unclassified (88.4%);
    # names that tell: 101 of 118 SEI, 84 of 91 non-SEI (92.3%). Its misses then guided the class fixes of round
    # 3 (so it is no longer held out): wind turbines by their parts (整机, 塔筒, 机舱罩) with industrial fans
    # neutral, quartz fibre, electronic glass (clause 一 基础材料), wearables as the product, vehicle sensors,
    # water recycling, lactic acid, 智慧能源, an operator's 信息园区, packaging named alone, CMP consumables,
    # 微电子; and for precision appliances and motorcycles as ordinary products, premises (总部, 服务中心, a
    # developer's brand park) that only 智能制造 names, 高端不锈钢, a wholesale market (农批) that ends a name,
    # forage (饲草), and a label in an owner's name with a place in brackets (某某新材料(山东)有限公司). Now 116
    # of 118 (98.3%), 1 under a wrong sector, 108 of 112 (96.4%); names that tell 90 of 91. Left: labels that
    # disagree with earlier sets (a bare 智能制造基地 and construction machinery: high_end_equipment in earlier
    # sets; a hybrid transmission with no 新能源; a lithium-ion line with no vehicle) and an equipment new town.
    # A regression guard, not a fresh measure.
    # Round 7: 中科瑞能…锂离子电池 right and 利天万世…锂离子电池 (labelled smart_nev: a listed label conflict)
    # new_energy, both by the battery rule; 盛世智能制造基地 unclassified by the 智能制造 rule. 116 of 118, 109 of 112.
    pytest.param("holdout7_projects.csv", (118, 112, 91), (116, 1, 109, 90), id="holdout7"),
    # tests/data/holdout8_projects.csv: 211 real names (106 SEI, 105 not) read on 50 public pages of 2020–2025
    # from 13 provinces (each row cites its page, a ``note`` gives the reason from the guidance,
    # tests/data/README.md says how they were taken and labelled). Gathered blind after holdout7's class fixes
    # and committed before any tagger ran on it. ``name_tells`` = no marks the 27 names (all non- SEI) that say
    # nothing of what is built. First and only fresh run (the lead, 2026-12-01 11:22 UTC, main 97d2449), all
    # names: 79 of 106 SEI right (74.5%), 15 under a wrong sector, 97 of 105 non-SEI left unclassified (92.4%);
    # names that tell: 79 of 106 SEI, 71 of 78 non-SEI (91.0%). Its misses guide the class fixes of round 4 (so
    # it is no longer held out).
    # Round 4's classes: hydrogen and fuel-cell vehicles, power-and-storage batteries, rail-transit parks and
    # traction equipment, intelligent control systems, logistics and lithium-battery equipment, an operator's
    # cloud, computers, electronic circuits, 智能电子, surgical and ablation devices, coal-mine gas use,
    # rare-earth magnet motors as motors, wetland restoration; for precision a bare 综合治理, municipal works, a
    # 双创 service centre and packaging that end a name, a builder's materials company (建工), machine-tool
    # castings and guards. Now 92 of 106 (86.8%), 11 under a wrong sector, 104 of 105 (99.0%); names that tell
    # 78 of 78. Left where its labels lose to earlier sets' (tests/data/README.md): semiconductor materials and
    # wafers (new_materials in holdout4, tuning and the labelled set), permanent-magnet motors (clause 三
    # 节能异步牵引电动机: equipment), 光伏胶膜 (a material by the X材料 rule), a bare 智能制造产业园
    # (high_end_equipment earlier); and names that tell too little (奥迪PPE 电动平台, 世界计算 智谷, a battery
    # maker's 物联网电源 and 5G新能源, 锂能 in a company name, 氢燃料电池及商用车).
    # Round 7: 京北怀来智能制造产业园 unclassified (the 智能制造 rule, the lead's decision): 105 of 105.
    # Round 17: efficient and permanent-magnet motors are energy-saving equipment (clause (七); this set's written
    # label, which holdout19 follows): 96 of 106, 7 under a wrong sector.
    pytest.param("holdout8_projects.csv", (106, 105, 78), (96, 7, 105, 78), id="holdout8"),
    # tests/data/holdout9_projects.csv: 211 real names (87 SEI, 124 not) read on 42 public pages of 2020–2025
    # from 12 provinces (each row cites its page, a ``note`` gives the reason from the guidance,
    # tests/data/README.md says how they were taken and labelled). Gathered blind after holdout8's class fixes
    # and committed before any tagger ran on it. ``name_tells`` = no marks the 35 names (all non-SEI) that say
    # nothing of what is built. First and only fresh run (the lead, 2026-12-01 11:38 UTC, main 4a52871), all
    # names: 60 of 87 SEI right (69.0%), 9 under a wrong sector, 121 of 124 non-SEI left unclassified (97.6%);
    # names that tell: 60 of 87 SEI, 87 of 89 non-SEI (97.8%). Its misses guide the class fixes of round 5 (so
    # it is no longer held out).
    # Round 5's classes: ecological protection and restoration (生态保护修复, 山水林田湖草沙), titanium parks and mill
    # products, rail engineering vehicles, aircraft maintenance and civil-aviation technology, 绿色能源 as a bare
    # sector word, sewage networks, waste-to-energy plants (环保发电), early screening, disease models, medical R&D,
    # molecular sieves, melt-blown nonwovens, hydrogen complete vehicles, power-first and storage-first battery
    # compounds without 及, single-crystal substrates; for precision farm tourism (农文旅融合). Now 78 of 87 (89.7%),
    # 5 under a wrong sector, 122 of 124 (98.4%); names that tell 88 of 89. Every other set unchanged. Left where its
    # labels lose to earlier sets' or the name tells too little (tests/data/README.md): bare lithium batteries (split
    # between sets), electronic materials (clause 一 基础材料 since round 2), 石英半导体 and a PCB beside a substrate,
    # 石化 under a 新材料 label, a bare 智能制造城, a hydrogen park's infrastructure, 欣元环保 alone, 数字产业基地.
    # Round 7: 中航锂电厦门二期 and 中兴派能锂离子电池 right (the battery rule), 万存智能制造城 unclassified (the
    # 智能制造 rule): 80 of 87, 3 under a wrong sector, 123 of 124.
    # Round 8 (holdout12's classes): electronic materials are materials (clause (四) 微电子制造; the majority of
    # the sets' labels), so 蟠龙新区…先进电子材料 is right: 81 of 87, 2 under a wrong sector.
    # Round 17: 环保 ending a name is the company named alone, its sector (tail_words): 82 of 87.
    pytest.param("holdout9_projects.csv", (87, 124, 89), (82, 2, 123, 88), id="holdout9"),
    # tests/data/holdout10_projects.csv: 152 real names (77 SEI, 75 not) read on 42 public pages of 2020–2025
    # from 11 provinces (each row cites its page, a ``note`` gives the reason from the guidance,
    # tests/data/README.md says how they were taken and labelled). Gathered blind after holdout9's class fixes
    # (round 5) and committed before any tagger ran on it. ``name_tells`` = no marks the 25 names (all non-SEI)
    # that say nothing of what is built. First and only fresh run (the lead, 2026-12-01 12:11 UTC, main
    # 35f17d2), all names: 59 of 77 SEI right (76.6%), 7 under a wrong sector, 70 of 75 non-SEI left
    # unclassified (93.3%); names that tell: 59 of 77 SEI, 46 of 50 non-SEI (92.0%). Its misses guide the class
    # fixes of round 6 (so it is no longer held out: tuned on since round 6).
    # Round 6's classes: wind-plus-storage (风储), 环保电厂, southern medicinal herbs (南药), surveying instruments,
    # air and space (空天), rail-transit R&D and test bases, automation parks and equipment, remediation materials,
    # by-product hydrogen recovery, polysilicon as strong PV feedstock, GW-rated wafers, reclaimed wafers, EV-only
    # brands (generic: their head offices stay premises), PV makers named X光能 (weak); for precision a smart
    # greenhouse, a large science facility (重大科技基础设施), a training base (实训基地), 阳光能源. Now 74 of 77
    # (96.1%), 2 under a wrong sector, 73 of 75 (97.3%); names that tell 49 of 50. Every other set unchanged.
    # Left (tests/data/README.md): 汇景智慧物流项目 (earlier sets' majority files 智慧物流 under info_tech), a
    # lithium battery with no vehicle (labels split), automotive chips beside 新能源汽车, a 低空数字 park, and a
    # materials maker's head office (中联新材总部). A regression guard, not a fresh measure.
    # Round 7: 安徽网电通科技新能源锂电池 right (the battery rule): 75 of 77, 1 under a wrong sector.
    # Round 8 (holdout12's classes): 新材, the short form of the 新材料 label, so 中联新材总部 is right: 76 of 77.
    pytest.param("holdout10_projects.csv", (77, 75, 50), (76, 1, 73, 49), id="holdout10"),
    # tests/data/holdout11_projects.csv: 182 real names (89 SEI, 93 not) read on 41 public pages of 2020–2025
    # from 10 provinces (each row cites its page, a ``note`` gives the reason from the guidance,
    # tests/data/README.md says how they were taken and labelled). Gathered blind after holdout10's class fixes
    # (round 6) and committed before any tagger ran on it. ``name_tells`` = no marks the 25 names (all non-SEI)
    # that say nothing of what is built. First and only fresh run (the lead, 2026-12-01 13:22 UTC, main
    # 0afb17b), all names: 70 of 89 SEI right (78.7%), 7 under a wrong sector, 80 of 93 non-SEI left
    # unclassified (86.0%); names that tell: 70 of 89 SEI, 58 of 68 non-SEI (85.3%). Its misses guided the class
    # fixes of round 7 (so it is no longer held out: tuned on since round 7).
    # Round 7's classes: the lead's decisions (batteries with no vehicle or 动力 named are storage, a bare 电池 too;
    # wafers for chips are a material; a bare 智能制造 park or cluster is unclassified; a technology applied to a
    # traditional industry, research buildings and science facilities stay unclassified), two fields joined by 及/和/与
    # (the first named decides), charging guns, PGA, PV with storage (光储), heat pumps, turbine blades, emergency
    # equipment, 医工 and 医疗产业, fintech centres, automotive materials, bio-based new materials; for precision
    # textile goods, masterbatch, agrochemicals and dairy as traditional industries, X应用 and drones for forest fires
    # as uses, a power plant (电厂), an airport zone (航空港), a trading base, a shipyard with no ship type, a company
    # named alone before 项目. Now 87 of 89 (97.8%), 1 under a wrong sector, 93 of 93; names that tell 68 of 68. Left:
    # 同济…自主智能无人系统科学中心 (labelled info_tech; 无人系统 is aerospace in holdout4: a label conflict) and
    # 宁德时代未来能源技术 (a brand with no technology word). A regression guard, not a fresh measure.
    # Round 8 (holdout12's classes): electronic materials are materials (clause (四) 微电子制造 and the majority of
    # the sets' labels, in line with the lead's round-7 decision that semiconductor materials are materials), so
    # 山东齐氟…含氟高端电子材料 (labelled info_tech: a listed label conflict) is filed under new_materials: 86 of 89,
    # 2 under a wrong sector. The one floor lowered, for that listed conflict.
    pytest.param("holdout11_projects.csv", (89, 93, 68), (86, 2, 93, 68), id="holdout11"),
    # tests/data/holdout12_projects.csv: 197 real names (100 SEI, 97 not) read on 51 public pages of 2020–2025
    # from 12 provinces (each row cites its page, a ``note`` gives the reason from the guidance,
    # tests/data/README.md says how they were taken and labelled). Gathered blind after holdout10's class fixes
    # (round 6) and committed before any tagger ran on it; kept sealed through round 7. ``name_tells`` = no
    # marks the 18 names (all non-SEI) that say nothing of what is built. Counted (numbers only, misses not
    # read) on round 6's tagger (main f190a6b): 71 of 100 SEI, 10 under a wrong sector, 89 of 97 non-SEI. First
    # and only fresh run on round 7 (the lead, 2026-12-01 13:38 UTC, main 0505e09): 74 of 100 SEI right
    # (74.0%), 8 under a wrong sector, 90 of 97 non-SEI left unclassified (92.8%); names that tell: 73 of 79
    # non-SEI. Its misses then guided the class fixes of round 8 (so it is no longer held out: tuned on since round 8).
    # Round 8's classes: the lead's decisions (recycling used batteries, lead-acid included, is resource
    # recycling; lead-acid batteries are a traditional product), electronic materials as materials, 新材 as the
    # 新材料 label, a label yielding to the product the name names (X新材料 still a material for X), X-based
    # materials (碳基, 锰基), conductive materials, nylon and polyamide, catalysts, high-end aluminium, semiconductor
    # single-crystal silicon, clean-energy equipment, blades, aerial work platforms, train brake pads, a rail-transit
    # supplier park, satellite constellations, BYD as an NEV-only maker (generic; an R&D centre is premises),
    # high-end drugs, ecological governance, edge computing, IC, a digital-technology park; for precision stainless
    # steel of any grade, a commercial complex, medical and health centres, an industry's infrastructure, daily
    # chemicals, a green-power park. Now 98 of 100 (98.0%), 1 under a wrong sector, 97 of 97; names that tell 79 of
    # 79. Left: 新能源铁路轨道产品 (a brand's 新能源 before rail products) and 沱江流域…段综合治理 (流域 and 综合治理
    # apart). A regression guard, not a fresh measure.
    pytest.param("holdout12_projects.csv", (100, 97, 79), (98, 1, 97, 79), id="holdout12"),
    # tests/data/holdout13_projects.csv: 174 real names (90 SEI, 84 not) read on 41 public pages of 2020–2025
    # from 9 provinces (each row cites its page, a ``note`` gives the reason from the guidance,
    # tests/data/README.md says how they were taken and labelled). Gathered blind after holdout10's class fixes
    # (round 6) and committed before any tagger ran on it; kept sealed through rounds 7 and 8. ``name_tells`` = no
    # marks the 22 names (all non-SEI) that say nothing of what is built. Counted (numbers only, misses not read)
    # on round 6 (main 9a3bf7f): 69 of 90 SEI, 7 under a wrong sector, 77 of 84 non-SEI; on round 7 (main
    # 2a8426b): 70 of 90, 7, 77. First and only fresh run on round 8 (the lead, 2026-12-01 13:49 UTC, main
    # 4ef4255): 72 of 90 SEI right (80.0%), 6 under a wrong sector, 77 of 84 non-SEI left unclassified (91.7%);
    # names that tell: 58 of 62 non-SEI. Its misses then guided the class fixes of round 9 (so it is no longer held
    # out: tuned on since round 9).
    # Round 9's classes: the lead's decisions (a traditional maker's 数字化工厂/黑灯工厂 is an application: the
    # factory words 智能工厂, 数字化工厂, 智慧工厂, 灯塔工厂, 黑灯工厂 are no evidence), a vehicle maker named makes a
    # bare battery a power battery (比亚迪刀片电池, holdout2's 广汽自主电池), 动力及储能 with the battery left out or
    # written 锂电池, diamond wire and X光互补 (PV), single- and multi-crystal silicon material as PV silicon (not the
    # X材料 rule), quartz, base film and superconductors (materials), 增材, excavators, skateboard chassis, 新媒体,
    # 清洁能源 and 数字谷 as bare sector words, recycled aluminium as strong and 再生修复; for precision 新基建 (a
    # policy umbrella) no keyword, CHP plants (热电联产; biomass and straw CHP stay keywords) and aluminium ingots as
    # negative context, quartz stone traditional, worktop boards no display panels. Now 88 of 90 (97.8%), none
    # under a wrong sector, 83 of 84 (98.8%); names that tell 61 of 62. Left (tests/data/README.md):
    # 恒逸…己内酰胺—聚酰胺 (labelled unclassified; holdout12 labels 酰胺及尼龙新材料 new_materials: a label
    # conflict), 九号…智能电动两轮车 (labelled smart_nev; the earlier electric-bicycle label and the 智能 rule say
    # unclassified: a label conflict), 中证环保科技集团…总部 (a bare 环保 inside the owner's name; 环保 as a word
    # would tag six non-SEI 环保包装/纤维/沥青 names). A regression guard, not a fresh measure.
    pytest.param("holdout13_projects.csv", (90, 84, 62), (88, 0, 83, 61), id="holdout13"),
    # tests/data/holdout14_projects.csv: 155 real names (79 SEI, 76 not) read on 64 public pages of 2020–2025
    # from 24 provinces, 40 of them 环评 notices (each row cites its page, a ``note`` gives the reason from the
    # guidance, tests/data/README.md says how they were taken and labelled). Gathered blind after round 7's class
    # fixes and committed before any tagger ran on it; kept sealed through rounds 8 and 9. ``name_tells`` = no
    # marks the 13 names (all non-SEI) that say nothing of what is built. Counted (numbers only, misses not read)
    # on round 7 (main 3d3bd48): 67 of 79 SEI, 3 under a wrong sector, 67 of 76 non-SEI; on round 8 (main
    # 4ef4255): 67, 5, 66. First and only fresh run on round 9 (the lead, 2026-12-01 14:01 UTC, main 702d512):
    # 67 of 79 SEI right (84.8%), 5 under a wrong sector, 66 of 76 non-SEI left unclassified (86.8%); names that
    # tell: 54 of 63 non-SEI. Its misses then guided the class fixes of round 10 (so it is no longer held out:
    # tuned on since round 10).
    # Round 10's classes: the lead's decision (a plant's grid works follow the earlier sets' written majority:
    # ordinary lines and substations unclassified, so a PV plant's 送出线路 and a wind farm's 升压站 are grid works),
    # retired and used batteries named with their chemistry (退役动力锂电池 …: recycling, over a 新能源汽车 beside
    # them), 金属锂, phones as the terminal (strong; a phone's battery, case and stand stay ordinary), PCB words
    # strong (电子电路标准厂房), 智能农业机械, 生命科技 as a bare biotech word, X功能材料 and a compound written back to
    # back before 材料 (半导体芯片材料) as a material for X, the owner's name not counting as another product, the
    # first-named field before a coordinator and a built word (黑臭水体治理及市政基础设施); for precision a project
    # named only by 智能制造 (智能制造示范/试点 kept, clause (三)), warehouses (仓储) as what is built, bridge steel
    # (钢箱梁) negative, building waterproofing and insulation, pipes and continuous casting traditional, 特钢 no
    # keyword. Now 77 of 79 (97.5%), 1 under a wrong sector, 74 of 76 (97.4%); names that tell 61 of 63. Left
    # (tests/data/README.md): 钛酸锶装备制造…锶产业研究院 (a compound named only by its formula), and three label
    # conflicts kept as the earlier sets' majority says (绿地1958文创产业, 汽车零部件、…数控机床, 共享智能助力单车).
    # A regression guard, not a fresh measure.
    pytest.param("holdout14_projects.csv", (79, 76, 63), (77, 1, 74, 61), id="holdout14"),
    # tests/data/holdout15_projects.csv: 162 real names (83 SEI, 79 not) read on 81 public pages of 2020–2025
    # from 25 provinces: 环评 notices, inspection and 观摩 reports, 重点项目 pages (each row cites its page, a
    # ``note`` gives the reason from the guidance, tests/data/README.md says how they were taken and labelled).
    # Gathered blind after round 8's class fixes and committed before any tagger ran on it; kept sealed through
    # rounds 9 and 10 (round 10's helper saw one of its rows by accident, a storage plant's 送出工程, labelled
    # unclassified, which round 10's grid-works rule covers). ``name_tells`` = no marks the 17 names (all
    # non-SEI) that say nothing of what is built. Counted (numbers only, misses not read) on round 8 (main
    # dbdb8f8): 68 of 83 SEI, 6 under a wrong sector, 71 of 79 non-SEI; on round 9 (main 702d512): 69, 6, 71.
    # First and only fresh run on round 10 (the lead, 2026-12-01 14:11 UTC, main 2c07594): 69 of 83 SEI right
    # (83.1%), 6 under a wrong sector, 74 of 79 non-SEI left unclassified (93.7%; 73 of 78 without the row seen);
    # names that tell: 57 of 62 non-SEI. Its misses then guided the class fixes of round 11 (so it is no longer
    # held out: tuned on since round 11).
    # Round 11's classes: a battery followed by one of its component materials (动力储能电池负极材料: the battery is a
    # use), current collectors (复合集流体), 电子专用材料 (GB/T 4754 class 3985) and 专用材料, electrical steel
    # (无取向硅钢), functional films (保护膜), pollution control (污染管控) and tailings (尾砂), 吉利 as a vehicle
    # maker for a bare battery; for precision a plant's or a park's own roads (周边道路, 配套道路 …), substations (UHV
    # ones still count) and warehouses (仓库) as what is built, dyeing, dyes and pigments traditional; precision
    # faults of rounds 9 and 10: natural gas (天然气, 燃气, 煤改气) negative beside a bare 清洁能源, phone trade and
    # services (手机城, 手机银行, 手机信号 …) neutral beside the strong 手机, lithium-metal batteries (金属锂电池)
    # storage, not the 金属锂 material. Now 78 of 83 (94.0%), 2 under a wrong sector, 78 of 79 (98.7%); names that
    # tell 61 of 62. Left (tests/data/README.md): 新型薄膜电阻应变计 (sensors: clause (三) names 专用传感器, the label
    # says info_tech), 招贤新材料产业园标准厂房, 热喷涂粉体材料, 锂电池纳米陶瓷浆料…, 医疗类人工智能生产线制作,
    # 5G智慧钢铁. A regression guard, not a fresh measure.
    # Round 17 (words for weak sub-fields, written by class: 应变计 and other sensing elements, 粉体材料,
    # 热喷涂): 80 of 83.
    pytest.param("holdout15_projects.csv", (83, 79, 62), (80, 2, 78, 61), id="holdout15"),
    # tests/data/holdout16_projects.csv: 156 real names (68 SEI, 88 not) read on 61 public pages of 2020–2025
    # from 25 provinces and one national list: 重点项目 pages, inspection and 观摩 reports, 环评 notices (each row
    # cites its page, a ``note`` gives the reason from the guidance, tests/data/README.md says how they were taken
    # and labelled). Gathered blind after round 10's class fixes and committed before any tagger ran on it; kept
    # sealed through round 11. ``name_tells`` = no marks the 23 names (all non-SEI) that say nothing of what is
    # built. Counted (numbers only) on round 10 (main a5d1972): 48 of 68 SEI, 9 under a wrong sector, 83 of 88
    # non-SEI. First and only fresh run on round 11 (the lead, 2026-12-01 14:22 UTC, main f49a9e6): the same,
    # 48 of 68 SEI right (70.6%), 9 under a wrong sector, 83 of 88 non-SEI left unclassified (94.3%); names
    # that tell: 62 of 65 non-SEI. Its misses then guided the class fixes of round 12 (so it is no longer held out:
    # tuned on since round 12).
    # Round 12's classes: a semiconductor followed by one of its material forms (氮化镓晶体, 半导体前驱体: the written
    # convention, clause (四) and the round-7 decision), electronic gases (电子气体), electronic materials named as the
    # product (电子材料 strong), large-diameter wafers written with their size (大直径硅片, 12英寸硅片), a sensor named
    # with a chip (MEMS传感器) as the chip (the lead's round-12 decision), aluminium-plastic film (铝塑膜) as a battery
    # material, power named first with / or 、 (动力/储能), liquid biofuels; for precision coking (焦化) traditional.
    # Now 56 of 68 (82.4%), 1 under a wrong sector, 84 of 88 (95.5%); names that tell 63 of 65. Left
    # (tests/data/README.md): 智改数转 and 数字工业 centres, 数字科技中心, 药用蜂产品, 原辅料, 作物表型,
    # 重金属治理, 硫酸再生, 锰系列材料综合利用, 金属镓, 风电主梁碳板 (SEI); 汉韦胶膜, 吉林化纤…人造丝,
    # 欧皓新材料, 尿素罐 with a sensor (non-SEI). A regression guard, not a fresh measure.
    # Round 16 (common project-name vocabulary, written from the guidance and the labelling rules, not from this
    # set's misses) also names 智改数转, 数字工业, 重金属治理, 硫酸再生 and 金属镓: 61 of 68, still 1 under a wrong
    # sector, 84 of 88.
    pytest.param("holdout16_projects.csv", (68, 88, 65), (61, 1, 84, 63), id="holdout16"),
    # tests/data/holdout17_projects.csv: 170 real names (78 SEI, 92 not) read on 70 public pages of 2020–2025 from 13
    # provinces: 重点项目 lists and reports, 环评 notices, a 验收 record (each row cites its page, a ``note`` gives the
    # reason from the guidance, tests/data/README.md says how they were taken and labelled). Gathered blind after
    # round 12 and committed before any tagger ran on it. ``name_tells`` = no marks the 21 names (all non-SEI) that
    # say nothing of what is built. First and only fresh run (the lead, 2026-12-01 16:19 UTC, main f73b292, round 12;
    # round 13 counted the same): 64 of 78 SEI right (82.1%), 3 under a wrong sector, 84 of 92 non-SEI left
    # unclassified (91.3%); names that tell: 69 of 71 non-SEI. Its misses then guided the class fixes of round 14 (so
    # it is no longer held out: tuned on since round 14): a battery's binder as a battery material, a research
    # institute after a battery company's registered name as a research building, shingled modules (叠瓦), ultra-pure
    # (超纯) materials, solid waste written out (固体废弃物), the communications industry (通信产业), smart warehousing
    # and 物流智慧 as smart logistics, slag re-use, 蓝色海湾 and ecological seawalls; for precision a switch panel
    # (智能面板) is no display. Now 73 of 78 (93.6%), 2 under a wrong sector, 86 of 92 (93.5%); names that tell 70 of
    # 71. Left: label conflicts where the written majority of earlier sets wins (4 companies named alone as X新材料,
    # 百佳…封装胶膜, 鼎际得石化新材料, 生物可降解塑料: tests/data/README.md, round 14), and 光电材料 in an owner's name,
    # a pepper breeding base (种研), 国产替代晶体 and 增量配电. A regression guard, not a fresh measure.
    pytest.param("holdout17_projects.csv", (78, 92, 71), (73, 2, 86, 70), id="holdout17"),
    # tests/data/holdout18_projects.csv, holdout19_projects.csv and holdout20_projects.csv: 159, 165 and 151 real
    # names (73, 75 and 65 SEI) read on 67, 55 and 44 public pages of 2020–2025 (holdout18 and holdout20 in the
    # southern and western provinces, holdout19 in the northern and eastern ones: 重点项目 lists and reports, work
    # reports, 环评 notices; tests/data/README.md says how they were taken and labelled). Gathered blind after round
    # 12 and committed before any tagger ran on them. SEALED: nobody has read their misses or tuned on them; the lead
    # counted them (numbers only) on round 12 (holdout18) or 13 (holdout19, holdout20), on round 14, and on an n-gram
    # fallback that did not land, 2026-12-01 16:18–16:55 UTC. Rounds 13 (299 NBS 2018 product terms) and 14
    # (holdout17's classes) changed no count:
    # holdout18 58 of 73 SEI right (79.5%), 7 under a wrong sector, 75 of 86 non-SEI left (87.2%), names that tell
    # 63 of 68; holdout19 59 of 75 (78.7%), 2 wrong, 84 of 90 (93.3%), 46 of 51; holdout20 49 of 65 (75.4%), 3 wrong,
    # 83 of 86 (96.5%), 62 of 64. Round 16 (427 common project-name words written ahead of any set), counted by
    # the lead 2026-12-01 19:08 UTC: holdout18 59 of 73, holdout19 61 of 75, holdout20 unchanged; no non-SEI count
    # moved. Not quite blind: its helper saw these floors fail on a first, larger draft and cut ordinary words
    # before they passed (tests/data/README.md, round 16). No longer sealed: on 2026-12-02 (02:36–05:36 UTC) the lead
    # read their misses while weighing the sets' labels (bare X新材料 is labelled new_materials in some rows,
    # unclassified in others); nothing was tuned on them since, and holdout21 below is the fresh measure.
    # Round 17 (words for weak sub-fields by class: RFID tags, data hubs and parks, display terminals, rare metals,
    # borosilicate glass, electrode materials, automation equipment, PV products written with their GW capacity,
    # avionics, efficient motors and drives as energy-saving equipment): holdout18 61 of 73, holdout19 65 of 75,
    # holdout20 56 of 65, 2 under a wrong sector; for precision steel products, drinks and LNG under a bare sector
    # word or label (traditional and negative context) and alloy steel (特种合金钢): holdout19 88 of 90 non-SEI, names
    # that tell 50 of 51.
    # Round 19 (holdout22's classes): a vehicle after a bare 新能源 (爱象新能源电动车) moves holdout18 to 62 of 73, 6
    # under a wrong sector; a company's base after its registered name (某某新能源有限公司基地项目) moves holdout20
    # to 57 of 65.
    pytest.param("holdout18_projects.csv", (73, 86, 68), (62, 6, 75, 63), id="holdout18"),
    pytest.param("holdout19_projects.csv", (75, 90, 51), (65, 2, 88, 50), id="holdout19"),
    pytest.param("holdout20_projects.csv", (65, 86, 64), (57, 2, 83, 62), id="holdout20"),
    # tests/data/holdout21_projects.csv: 142 real names (63 SEI, 79 not) read on 38 public pages of 2020–2025 from
    # the ten provinces least cited by the earlier sets (Shanghai, Tianjin, Hainan, Jiangxi, Jilin, Beijing,
    # Heilongjiang, Guizhou, Qinghai, Tibet; tests/data/README.md says how they were taken and labelled). Gathered
    # blind after round 16 and committed before any tagger ran on it. First and only fresh run (the lead,
    # 2026-12-02 05:53 UTC, main 8453cf6's tagger): 55 of 63 SEI right (87.3%), 1 under a wrong sector, 71 of 79
    # non-SEI left unclassified (89.9%); names that tell 42 of 48. The lead read the eight non-SEI names tagged
    # (not the SEI misses) and tuned nothing on them. A regression guard from here on.
    # Round 17 read all its misses and fixed them by class (civil and land works for a park as what is built, a
    # keyword before 城 as a district, words that cross a keyword, a negated keyword, bare 船舶 no keyword, 环保
    # ending a name, a maker's brand ending a name as the company alone, words for infrared detectors, smart supply
    # chains, launch sites): 61 of 63, 1 under a wrong sector, 79 of 79, names that tell 48 of 48. Tuned on: no
    # longer a fresh measure.
    pytest.param("holdout21_projects.csv", (63, 79, 48), (61, 1, 79, 48), id="holdout21"),
    # tests/data/holdout22_projects.csv: 134 real names (66 SEI, 68 not) read on 38 public pages of 2020–2025 from
    # the ten provinces least cited after holdout21 (Shanghai, Beijing, Tianjin, Yunnan, Ningxia, Hainan, Qinghai,
    # Heilongjiang, Tibet, Guizhou; tests/data/README.md says how they were taken and labelled). Gathered blind
    # while round 17 was written and committed before any tagger ran on it. Counted by the lead (numbers only) on
    # round 16 (main 2a63013) and on round 17 (b77ce81), 2026-12-02 08:27 and 08:58 UTC: the same both times, 49 of
    # 66 SEI right (74.2%), 5 under a wrong sector, 64 of 68 non-SEI left unclassified (94.1%); names that tell 35
    # of 38. Its misses were first read in session 33 (2026-12-03); round 19 recounted 49 of 66 on main 533e851.
    # Round 19 read all its misses and fixed them by class (a vehicle after a bare 新能源, a company named alone or its
    # base with its registered form, biofuels written with 生物, digital health, brain science, building-integrated PV,
    # 数控, 水环境, 秸秆, 节能 as 环保, data exchange; for precision drug trade and car showrooms) and relabelled
    # three rows by the written rules (two biodegradable materials with no bio-based feedstock named: new_materials,
    # the round-14 decision; a digital-medicine incubator: info_tech, clause (一)'s 医疗健康; tests/data/README.md):
    # 64 of 66 (61 of 66 on the labels as first committed, 3 under a wrong sector), none under a wrong sector, 66 of
    # 68 non-SEI, names that tell 37 of 38. Tuned on: no longer a fresh measure.
    pytest.param("holdout22_projects.csv", (66, 68, 38), (64, 0, 66, 37), id="holdout22"),
    # tests/data/holdout23_projects.csv: 126 real names (82 SEI, 44 not) read on 80 public pages of 2020–2025 from
    # the fifteen provinces least cited after holdout22, most from kinds of page earlier sets used little (listed
    # companies' 募投 announcements, 环评 notices; tests/data/README.md). Gathered blind while round 19 was written and
    # committed before any tagger ran on it. Counted once by the lead (numbers only) on round 19 (main 15d712f),
    # 2026-12-03 14:06 UTC: 65 of 82 SEI right (79.3%), 6 under a wrong sector, 41 of 44 non-SEI left unclassified
    # (93.2%), names that tell 32 of 35; on round 18 (533e851) 64 of 82 (78.0%) and 41 of 44. A regression guard.
    pytest.param("holdout23_projects.csv", (82, 44, 35), (65, 6, 41, 32), id="holdout23"),
]


@pytest.mark.parametrize(("file", "counts", "floors"), HELD_OUT_SETS)
def test_held_out_real_set_keeps_its_measured_score(
    file: str, counts: tuple[int, int, int], floors: tuple[int, int, int, int]
) -> None:
    """A held-out real set (see HELD_OUT_SETS for each set's history) keeps its measured score: the row
    counts are those of the file, every SEI name tells, and no floor is crossed."""
    path = Path(__file__).resolve().parent / "data" / file
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert all(r["source"].startswith("http") and r["name_tells"] in ("yes", "no") for r in rows)
    got = [g.sector for g in tagging.tag_many([r["name"] for r in rows])]
    sei = [(r["sector"], g) for r, g in zip(rows, got, strict=True) if r["sector"]]
    non = [(r["name_tells"], g) for r, g in zip(rows, got, strict=True) if not r["sector"]]
    right = sum(t == g for t, g in sei)
    wrong = sum(g is not None and g != t for t, g in sei)
    left = sum(g is None for _, g in non)
    telling = [g for tells, g in non if tells == "yes"]
    report = (f"{file}: SEI {right}/{len(sei)} ({wrong} wrong sector), non-SEI {left}/{len(non)}, "
              f"non-SEI names that tell {telling.count(None)}/{len(telling)}")
    print(report)
    assert (len(sei), len(non), len(telling)) == counts, report
    assert all(r["name_tells"] == "yes" for r in rows if r["sector"])  # SEI scores are the same both ways
    min_right, max_wrong, min_left, min_telling = floors
    assert right >= min_right and wrong <= max_wrong and left >= min_left, report
    assert telling.count(None) >= min_telling, report


def test_own_check_set_keeps_its_measured_score() -> None:
    """tests/data/check_real_projects.csv: 76 real names (38 SEI, 38 not) from public reports of Henan,
    Sichuan, Hunan, Shandong and Fujian (each row cites its source), gathered and labelled from the
    guidance after the tuning set's class fixes and committed before the tagger was run on them: the
    honest estimate of those fixes. Measured then at 33 of 38 SEI (86.8%), 1 filed wrongly, 36 of 38
    non-SEI; its misses guided three more class fixes (a label such as 新材料 inside the owner's name,
    the guidance's 锂 in its compounds, park works), now 36 of 38, none wrong, 38 of 38. The two left
    name only a company (中联, 星邦智能). A regression guard from here on."""
    n_sei, right, wrong, n_non, left = _score_file("check_real_projects.csv")
    assert (n_sei, n_non) == (38, 38)
    assert right >= 36 and wrong == 0 and left == 38


def test_own_tuning_set_keeps_its_measured_score() -> None:
    """tests/data/tuning_real_projects.csv: 101 real names (57 SEI, 44 not) from public reports of
    2013–2025 (集中开工, 签约 and key-project news; each row cites its source, a ``note`` says why where
    the label is not obvious), gathered and labelled from the guidance before the tagger was run on
    them, and committed first; names already in the other sets left out. Measured before the class
    fixes of its round at 41 of 57 SEI (71.9%), 1 filed wrongly, 42 of 44 non-SEI; after them 52 of 57
    (91.2%), none filed wrongly, 43 of 44. The five SEI misses name only a company (特斯拉超级工厂,
    海康威视科技园) and stay unclassified, never guessed; the non-SEI miss is a petrochemical maker named
    卫星. A regression guard: it was looked at while fixing classes, so it is no fresh measure. Round 16's
    vocabulary names Tesla as an NEV-only maker (as 蔚来): 53 of 57."""
    n_sei, right, wrong, n_non, left = _score_file("tuning_real_projects.csv")
    assert (n_sei, n_non) == (57, 44)
    assert right >= 53 and wrong == 0 and left >= 43


# --- recall: bare sector words and generic technology nouns ---------------------------------------

@pytest.mark.parametrize(("name", "sector"), [
    ("某某新能源产业基地", "new_energy"),
    ("某某生物科技产业园项目", "biotech"),
    ("某某高端装备产业园第一批入园项目", "high_end_equipment"),
    ("某某循环经济产业园项目", "green_env"),
])
def test_a_bare_sector_word_tags_weakly_with_no_subfield(name: str, sector: str) -> None:
    result = tagging.tag(name)
    assert result.sector == sector, result
    assert result.subfield is None and result.confidence <= 0.3, result


@pytest.mark.parametrize(("name", "sector", "subfield"), [
    ("某某新能源汽车零部件产业园", "smart_nev", None),  # the longer keyword swallows the sector word
    ("某某新能源5GW光伏组件项目", "new_energy", "wind_solar_hybrid"),  # a technology names the sub-field
    ("某某新能源电池正极材料项目", "new_materials", None),  # the head noun still decides
    ("某某高端服务器产业基地项目", "info_tech", "cloud"),
    ("某某图形处理器研发及产业化项目", "info_tech", "chips"),
    ("某某再生铅生产线项目", "green_env", "env_equipment"),
    ("某某轻合金项目", "new_materials", "superalloys"),
    ("年产10万吨生物饲料项目", "biotech", "synthetic_bio"),  # the longer keyword beats the 饲料 context
])
def test_sector_words_yield_to_specific_keywords(name: str, sector: str, subfield: str | None) -> None:
    result = tagging.tag(name)
    assert result.sector == sector, result
    if subfield:
        assert result.subfield == subfield, result


@pytest.mark.parametrize("name", [
    "某某新能源加油站建设项目",  # negative context still wins over a bare sector word
    "某某生物科技园配套道路工程",
    "某某新能源产业园标准厂房",
    "某某电子信息职业技术学院",  # a college building
    "某某生物科技有限公司饲料生产项目",  # feed is an ordinary industry, whatever the owner's name
])
def test_a_bare_sector_word_does_not_override_negative_context(name: str) -> None:
    assert tagging.tag(name).sector is None, tagging.tag(name)


def test_sector_words_come_from_the_taxonomy_and_add_new_words() -> None:
    words = tagging.sector_words()
    assert set(words) <= {s.slug for s in taxonomy.sectors()}
    assert "新能源" in words["new_energy"] and "生物科技" in words["biotech"]
    keywords = {k for sf in taxonomy.subfields() for k in (*sf.keywords, *sf.strong_keywords)}
    flat = [w for ws in words.values() for w in ws]
    assert len(flat) == len(set(flat)), "a bare sector word names one sector"
    assert not set(flat) & keywords, "a sub-field keyword is not a bare sector word"
    assert not set(flat) & set(tagging.tagging_config()["exclude_keywords"])


# --- precision: each class of fault found by probing, fixed at its root ------------------------

@pytest.mark.parametrize(("name", "sector"), [
    # a keyword inside a compound that means something else (neutral compounds, housing)
    ("某某市数字人民币应用示范项目", None),
    ("某某数字人才公寓建设项目", None),
    ("虚拟数字人直播基地", "digital_creative"),
    # a longer, weaker match crossing a strong one does not swallow it
    ("生物医药产业园标准厂房", "biotech"),
    ("某某生物医药产业园标准厂房建设项目", "biotech"),
    # ordinary materials, farm machinery, straw ploughed back, plain hybrid and fuel cars
    ("年产5万吨不锈钢板材项目", None),
    ("年产10万吨铝合金型材项目", None),
    ("钨钢刀具生产项目", None),
    ("年产3万吨玻璃纤维项目", None),
    ("农机合作社库棚建设项目", None),
    ("年产5000台农机生产项目", None),
    ("秸秆还田机械化项目", None),
    ("年产20万辆混合动力汽车项目", None),
    ("年产30万辆燃油乘用车整车项目", None),
    ("年产5000万只手机锂电池项目", None),
    # … while their SEI counterparts still tag
    ("高性能铝合金材料项目", "new_materials"),
    ("智能农机装备产业化项目", "high_end_equipment"),
    ("秸秆能源化利用项目", "new_energy"),
    ("年产10万辆插电式混合动力汽车项目", "smart_nev"),
    # X用Y: Y is the product
    ("年产5万吨动力电池用铜箔项目", "new_materials"),
    # vocabulary that was missing
    ("文创产业园项目", "digital_creative"),
    ("文化创意产业园", "digital_creative"),
    ("腾讯数字文创产业园项目", "digital_creative"),
    ("隆基绿能年产10GW单晶组件项目", "new_energy"),
    ("年产10万吨硅料项目", "new_energy"),
    # a generic head noun (智能制造) weighs less than a specific technology
    ("禾赛科技激光雷达智能制造中心", "smart_nev"),
    ("某某智能制造示范工厂项目", "high_end_equipment"),  # alone it still decides
    # a traditional industry is not made SEI by how its plant is made, nor by its owner's name …
    ("某某服饰智能制造基地项目", None),
    ("某某纺织数字化车间改造项目", None),
    ("某某家具智能工厂项目", None),
    ("某某汽车零部件智能制造项目", None),  # generic keywords never outweigh negative context
    ("某某生物科技有限公司保健品项目", None),
    # … but a specific technology in its name still counts
    ("某某印染废水集中处理项目", "green_env"),
    ("某某钢铁超低排放改造项目", "green_env"),
    # … nor by the label it gives its product (the label follows what is built: a textile, paper or
    # chemical-fibre maker's 新材料 is its own product)
    ("某某纺织新材料项目", None),
    ("某某纸业新材料基地项目", None),
    # materials for a product are materials; solar wafers are PV, semiconductor wafers materials
    ("年产2亿平方米光伏胶膜项目", "new_materials"),
    ("年产1亿平方米光伏背板项目", "new_materials"),
    ("年产5GW超薄硅片项目", "new_energy"),
    ("年产12英寸大硅片项目", "new_materials"),
    # clause (五): a nuclear plant is not tagged, its digitalisation is
    ("某某核电站5号机组工程", None),
    ("某某核电厂数字化仪控改造项目", "new_energy"),
    # vocabulary from NBS 2018 (marked in the taxonomy)
    ("人血白蛋白生产项目", "biotech"),
    ("某某合同能源管理项目", "green_env"),
    ("某某北斗导航产业园", "high_end_equipment"),
    ("某某光通信产业园", "info_tech"),
])
def test_precision_classes(name: str, sector: str | None) -> None:
    assert tagging.tag(name).sector == sector, tagging.tag(name)


@pytest.mark.parametrize(("name", "sector"), [
    # PV cells, ingots and wafers named without 光伏
    ("年产10GW高效单晶电池项目", "new_energy"),
    ("年产20GW单晶拉棒及切片项目", "new_energy"),
    ("年产5GW晶硅电池项目", "new_energy"),
    ("年产1GW铜铟镓硒薄膜电池项目", "new_energy"),
    ("年产8GW N型TOPCon电池片项目", "new_energy"),
    # semiconductor materials and substrates are materials, chips are chips
    ("8英寸半导体硅单晶材料项目", "new_materials"),
    ("高端IC载板生产线项目", "new_materials"),
    ("年产5万吨动力电池材料项目", "new_materials"),
    ("碳化硅功率模块封装测试项目", "info_tech"),
    # unmanned systems, aero engines, film, digital art, environmental governance, waste
    ("某某无人系统产业园", "high_end_equipment"),
    ("某某涡扇发动机研制基地", "high_end_equipment"),
    ("某某海洋无人艇研发制造项目", "high_end_equipment"),
    ("某某电影工业产业园", "digital_creative"),
    ("某某数字艺术中心项目", "digital_creative"),
    ("某某河流域环境治理项目", "green_env"),
    ("某某市医疗废物集中处置中心", "green_env"),
    ("某某工业固体废物处置工程", "green_env"),
    ("某某国际信息港项目", "info_tech"),
    ("某某高性能复合材料及玻璃纤维基地", "new_materials"),  # the specific material outweighs 玻璃纤维
    ("某某消化内镜创新产业园", "biotech"),
    # … and what stays unclassified: a bulk plastic or plain steel labelled 新材料, a cinema, a
    # warehouse or office whose only SEI word is in the owner's name
    ("年产80万吨食品级PET新材料项目", None),
    ("年产10万吨PVC新材料项目", None),
    ("年产5万吨不锈钢新材料项目", None),
    ("某某影院建设项目", None),
    ("某某生物科技有限公司中转仓储建设项目", None),
    ("某某新能源科技有限公司办公楼项目", None),
    ("某某有机硅新材料项目", "new_materials"),  # a label still counts where nothing says otherwise
    # X材料 is a material for X: OLED, hydrogen storage and PV materials are materials
    ("年产500吨OLED材料项目", "new_materials"),
    ("某某储氢材料产业化项目", "new_materials"),
    ("某某光伏材料产业园", "new_materials"),
    ("某某装饰材料产业园", None),  # no SEI word before 材料: nothing to read
    # resource recycling named by its waste, fuel-cell cars by their fuel, EV parts
    ("某某煤矸石综合利用项目", "green_env"),
    ("某某废轮胎综合利用项目", "green_env"),
    ("某某秸秆综合利用项目", "green_env"),
    ("某某氢能源汽车产业化项目", "smart_nev"),
    ("某某电动汽车零部件产业园", "smart_nev"),
    ("某某卫星城建设项目", None),  # a satellite town is no satellite
    ("某某可降解塑料项目", "new_materials"),
    ("某某智慧水务建设项目", "info_tech"),
    # the guidance's 锂 in its compounds, amorphous alloys, a label or a park's works
    ("年产10万吨锂精矿项目", "new_materials"),
    ("某某锂材加工项目", "new_materials"),
    ("某某非晶合金带材项目", "new_materials"),
    ("某某新材料有限公司年产5亿只瓶盖项目", None),  # 新材料 in the owner's name says nothing
    ("某某化工新材料产业园基础设施项目", None),
    ("某某智能网联汽车产业园基础设施项目", "smart_nev"),  # a strong technology still counts
    # words of the new vocabulary that ordinary projects share stay out of it
    ("年产10万吨铝铸锭项目", None),  # ingots of aluminium, not silicon
    ("某某地下空间综合利用项目", None),
    ("某某航电枢纽工程", None),  # a navigation and hydropower dam, not avionics
    ("某某直升机场建设项目", None),
    ("年产30万吨聚酯切片项目", None),
    ("某某轨道交通车辆段工程", None),  # a depot of a metro line
    # 生物 is the sector's own name: a maker named X生物 is biotech (weakly), the compounds that share it are not
    ("某某生物总部及研发中心项目", "biotech"),
    ("某某生物多样性保护项目", None),
    ("某某古生物化石博物馆", None),
    ("某某生物有限公司仓库项目", None),
    ("年产10万吨生物柴油项目", "new_energy"),
    ("某某轨道交通关键零部件项目", "high_end_equipment"),
    ("某某非晶合金变压器项目", "green_env"),  # an energy-saving transformer, not the alloy
    ("某某智能穿戴设备项目", "info_tech"),
])
def test_vocabulary_classes(name: str, sector: str | None) -> None:
    assert tagging.tag(name).sector == sector, tagging.tag(name)


def test_label_keywords_and_owner_marks_come_from_the_taxonomy() -> None:
    config = tagging.tagging_config()
    keywords = {k for sf in taxonomy.subfields() for k in (*sf.keywords, *sf.strong_keywords)}
    assert "新材料" in config["label_keywords"] and set(config["label_keywords"]) <= keywords
    assert "有限公司" in config["owner_marks"]
    assert config["material_marks"] and tagging._tables().material_keyword in keywords
    # a bare sector word outside the owner's name still counts, and a technology inside it too
    assert tagging.tag("某某新能源产业园项目").sector == "new_energy"
    assert tagging.tag("某某生物科技有限公司疫苗生产项目").sector == "biotech"
    assert tagging.tag("某某光伏科技有限公司建设项目").sector == "new_energy"


def test_a_lone_lithium_battery_is_not_certain() -> None:
    """Phones, tools and e-bikes use lithium batteries too: without a vehicle word it stays below the
    confidence a strong keyword gives."""
    assert tagging.tag("锂电池生产项目").confidence < tagging.tag("动力电池生产项目").confidence


def test_context_lists_are_consistent() -> None:
    config = tagging.tagging_config()
    keywords = {k for sf in taxonomy.subfields() for k in (*sf.keywords, *sf.strong_keywords)}
    assert set(config["generic_keywords"]) <= keywords
    assert not set(config["neutral_keywords"]) & keywords
    assert not set(config["neutral_keywords"]) & set(config["exclude_keywords"])
    traditional = set(config["traditional_keywords"])
    others = keywords | set(config["exclude_keywords"]) | set(config["neutral_keywords"])
    assert traditional and not traditional & others
    # each neutral compound exists to hide a keyword, a bare sector word or a traditional industry inside it
    # (数字化工厂 hides 化工: round 9)
    bare = {w for ws in tagging.sector_words().values() for w in ws}
    assert all(any(k in n for k in keywords | bare | traditional) for n in config["neutral_keywords"])


# --- the matcher: the compiled automaton finds exactly what a plain search finds ----------------

def _all_texts() -> list[str]:
    texts = [r["name"] for r in _labelled()] + [r["content"] for r in _labelled() if r["content"]]
    holdout = Path(__file__).resolve().parent / "data"
    for path in sorted([*holdout.glob("holdout*.csv"), *holdout.glob("*_real_projects.csv")]):
        with path.open(encoding="utf-8", newline="") as f:
            texts += [r["name"] for r in csv.DictReader(f)]
    for sf in taxonomy.subfields():
        texts += [t.format(owner="ＡＢＣ科技（集团）", city="某市", n=5, phase="一期") for t in sf.demo_templates]
    # words glued together, so that occurrences nest and cross
    texts += ["生物医药产业园标准厂房", "华信创新药", "数字人民币数字人才数字人", "5G5G基站AIoTCT", "动力电池用铜箔用",
              "OLED材料", "储氢材料用", "某某生物科技有限公司", "新材料有限公司新材料", "锂电池材料OLED材料"]
    return texts


def test_automaton_finds_every_occurrence_the_plain_search_finds() -> None:
    words = list(tagging._tables().kinds)
    for text in _all_texts():
        norm = tagging._norm(text)
        assert sorted(tagging._occurrences(norm)) == sorted(tagging.occurrences_reference(norm, words)), text


def test_fast_scan_equals_the_reference_scan() -> None:
    """The lean path of the import (automaton, no selection when nothing overlaps) gives the same
    keywords as the plain search followed by the full selection, on every labelled and held-out text."""
    texts = _all_texts()
    assert [tagging._scan(t) for t in texts] == [tagging.scan_reference(t) for t in texts]
    # and tag_many's batch normalisation changes nothing
    assert tagging.tag_many(texts) == [tagging._tag(t.strip(), "") for t in texts]


# --- recall classes found on holdout5 (each a class of names, with its collisions) -----------------

_CLASS_EXAMPLES: list[tuple[str, str | None]] = [
    # an industry word naming the field: 数字经济 (NBS 2021 digital-economy core industries) and 医药, bare
    # sector words (weak, no sub-field); 数字人民币 and drug trade stay out
    ("某某数字经济产业园", "info_tech"),
    ("某某数字经济创新中心建设项目", "info_tech"),
    ("某某数字经济有限公司办公楼项目", None),  # the word in the owner's name says nothing
    ("某某医药健康产业园", "biotech"),
    ("某某医药产业基地项目", "biotech"),
    ("某某医药物流中心建设项目", None),
    ("某某医药连锁总部大楼", None),
    ("某某医药有限公司仓库项目", None),
    # drugs named as 药物 (小分子药物, 靶向药物), like 药品
    ("某某小分子靶向药物产业化项目", "biotech"),
    ("某某抗肿瘤药物研发中心", "biotech"),
    # quantum information, digital city, intelligent logistics (clause (一) 智慧物流)
    ("某某量子信息产业园", "info_tech"),
    ("某某量子计算研发中心", "info_tech"),
    ("某某量子点材料项目", "new_materials"),  # quantum dots stay a material (a display material is info_tech)
    ("某某数字城市运营中心", "info_tech"),
    ("某某智能物流园项目", "info_tech"),
    ("某某电商物流园项目", None),  # a plain logistics park
    # lithium: 锂电 is a lithium battery (with no vehicle named storage since round 7, the lead's decision), its
    # 基础材料/材料 a material, its recycling recycling
    ("某某锂电产业园", "new_energy"),
    ("年产5万吨锂电基础材料项目", "new_materials"),
    ("某某锂电关键材料产业化项目", "new_materials"),
    ("某某锂电回收项目", "green_env"),
    # specialty polymers (PEEK and kin), 新型材料 as a label like 新材料
    ("年产5000吨聚醚醚酮树脂项目", "new_materials"),
    ("某某特种工程塑料产业化项目", "new_materials"),
    ("年产2万吨聚苯硫醚项目", "new_materials"),
    ("某某液晶聚合物薄膜项目", "new_materials"),  # not a display: the longer polymer name wins
    ("某某PEEK复合材料项目", "new_materials"),
    ("某某新型材料产业园", "new_materials"),
    ("某某食品级新型材料包装项目", None),
    # low-altitude flying (clause (三) 航空航天装备)
    ("某某低空飞行服务站建设项目", "high_end_equipment"),
    ("某某低空智联网建设项目", "high_end_equipment"),
    # remanufacturing and waste by-products (clause (七), NBS 2018 group 7)
    ("某某汽车零部件再制造项目", "green_env"),  # strong: not an ordinary car part
    ("某某工程机械再制造产业园", "green_env"),
    ("年产100万套汽车零部件制造项目", None),  # 制造 is no 再制造
    ("某某钢渣综合利用项目", "green_env"),
    ("年产60万吨矿渣微粉项目", "green_env"),
    ("某某电石渣资源化项目", "green_env"),  # the longer 电石渣 is no calcium-carbide plant
    ("年产30万吨电石项目", None),
    ("某某静脉产业园一期", "green_env"),
    ("某某城市矿产示范基地", "green_env"),
    ("某某化工园区循环化改造项目", "green_env"),
    ("某某无废城市建设项目", "green_env"),
    ("某某垃圾发电项目", "green_env"),
    ("某某河水环境综合整治工程", "green_env"),
    ("某某镇人居环境综合整治项目", None),
    ("某某路市容环境综合整治工程", None),
    # green power, the new-type power system, smart cars (clause (六) 智能汽车)
    ("某某绿电制氢项目", "new_energy"),  # round 8: a 绿电产业园 is a park supplied with green power (holdout12's label)
    ("某某园区绿色供电项目", "new_energy"),
    ("某某新型电力系统示范区", "new_energy"),
    ("某某智能汽车产业园", "smart_nev"),
    ("某某智能汽车零部件项目", "smart_nev"),  # strong, so the 汽车零部件 context does not stop it
    # digital copyright and audio-video content (clause (八))
    ("某某数字版权交易中心", "digital_creative"),
    ("某某音视频产业园", "digital_creative"),
    # smart manufacturing under other names (generic: never against an ordinary industry)
    ("某某智慧制造产业园", "high_end_equipment"),
    ("某某智能化生产线技术改造项目", "high_end_equipment"),
    ("某某食品智能化生产线项目", None),
    ("某某服装智慧制造基地", None),
    # rehabilitation aids and instruments in their short forms
    ("某某康复辅具产业园", "biotech"),
    ("某某精密仪器产业化项目", "high_end_equipment"),
]


@pytest.mark.parametrize(("name", "sector"), _CLASS_EXAMPLES)
def test_recall_classes_of_the_fifth_set(name: str, sector: str | None) -> None:
    assert tagging.tag(name).sector == sector, tagging.tag(name)


@pytest.mark.parametrize(("name", "sector"), [
    # a traditional industry's label (paper, chemical fibre): what is built is its own product
    ("某某纸业年产30万吨新材料项目", None),
    ("某某化纤新材料项目", None),
    ("年产20万吨涤纶长丝新材料项目", None),
    ("某某差别化功能性纤维项目", None),
    ("某某食品新材料项目", None),
    ("某某纸业碳纤维复合材料项目", "new_materials"),  # a specific material still counts
    ("某某化纤园区污水处理厂", "green_env"),
    # X主题Y: a theme park is tourism, whatever its theme
    ("某某动漫主题乐园", None),
    ("某某航天主题公园", None),
    ("某某游乐园建设项目", None),
    ("某某动漫产业园", "digital_creative"),  # the same word naming the product still counts
    ("某某航天科技产业园", "high_end_equipment"),
    # a cruise terminal is a port; a cruise ship is still a ship
    ("某某国际邮轮母港", None),
    ("某某邮轮中心建设项目", None),
    ("某某大型邮轮建造项目", "high_end_equipment"),
    # a park's supporting works are infrastructure, unless a strong technology names the park
    ("某某汽车产业园配套基础设施项目", None),
    ("某某新能源产业园配套基础设施项目", None),
    ("某某数据中心配套基础设施项目", "info_tech"),
])
def test_precision_classes_of_the_fifth_set(name: str, sector: str | None) -> None:
    assert tagging.tag(name).sector == sector, tagging.tag(name)


def _agrees_in_a_batch(names: list[str]) -> None:
    """The batch path (one automaton pass over NUL-joined texts) tags ``names`` as one-by-one tagging does,
    with and without content, and the fast scan finds what the reference scan finds."""
    assert tagging.tag_many(names) == [tagging.tag(n) for n in names]
    contents = ["建设" + n for n in reversed(names)]
    assert tagging.tag_many(names, contents) == [tagging.tag(n, c) for n, c in zip(names, contents)]
    texts = [tagging._norm(n) for n in names]
    assert [tagging._scan_norm(t) for t in texts] == [tagging.scan_reference(t) for t in texts]


def test_new_classes_tag_the_same_in_a_batch() -> None:
    """The batch path (one automaton pass over NUL-joined texts) agrees with one-by-one tagging on the
    new classes, with and without content."""
    names = [n for n, _ in _CLASS_EXAMPLES] + ["某某动漫主题乐园", "锂电基础材料锂电回收", "某某纸业新材料"]
    _agrees_in_a_batch(names)


@pytest.mark.parametrize(("name", "sector"), [
    ("年产2亿支注射液生产线项目", "biotech"),  # a dosage form only drugs have
    ("某某大输液产业化项目", "biotech"),
    ("某某保健食品软胶囊项目", None),  # capsules are health food too: not listed
])
def test_drug_dosage_forms(name: str, sector: str | None) -> None:
    assert tagging.tag(name).sector == sector, tagging.tag(name)


@pytest.mark.parametrize(("name", "sector"), [
    # battery electrodes and battery-grade salts are materials, whatever battery they go into
    ("年产10万吨硅碳负极项目", "new_materials"),
    ("年产20万吨锂电池正极项目", "new_materials"),  # the head noun: the electrode, not the battery
    ("年产5万吨电池级硫酸镍项目", "new_materials"),
    # short names of printed circuit boards, touch screens, magnets, liquid hydrogen
    ("某某高端线路板生产项目", "info_tech"),
    ("某某FPC柔性电路板项目", "info_tech"),
    ("某某触摸屏模组项目", "info_tech"),
    ("某某磁材产业园", "new_materials"),
    ("某某液氢工厂建设项目", "new_energy"),
    # 信息技术, the sector's name: a bare sector word, and a college stays a college
    ("某某信息技术产业园", "info_tech"),
    ("某某信息技术职业学院新校区", None),
    # X回收: X is what is recycled
    ("某某废旧线路板回收项目", "green_env"),
    ("某某光伏组件回收利用项目", "green_env"),
    ("某某废钢回收加工项目", "green_env"),
])
def test_short_forms_and_recycling(name: str, sector: str | None) -> None:
    assert tagging.tag(name).sector == sector, tagging.tag(name)


# --- classes found on holdout6 (each a class of names, with its collisions; names written for the class) ---

_SIXTH_RECALL: list[tuple[str, str | None]] = [
    # display, photoelectric and electronic materials: clause (一) 基础材料
    ("某某光电材料产业化项目", "info_tech"),
    ("某某新型显示材料研发中心", "info_tech"),
    ("某某量子点显示材料项目", "info_tech"),
    ("某某电子材料产业园", "new_materials"),  # round 8: electronic materials are materials (clause (四) 微电子制造)
    ("某某超高纯铝靶材项目", "new_materials"),
    ("某某超高纯电子材料生产基地", "new_materials"),
    ("年产500吨OLED材料项目", "new_materials"),
    # chips beyond Moore's law, IT industry words
    ("某某后摩尔芯片创新中心", "info_tech"),
    ("某某后摩尔产业基地", "info_tech"),
    ("某某数字技术创新园", "info_tech"),
    ("某某电子产业园二期", "info_tech"),
    ("某某电子科技产业园", "info_tech"),
    ("某某消费电子产业基地", "info_tech"),
    ("某某华讯电子科技项目", None),  # X电子科技: a company's name
    ("某某消费电子锂电池项目", None),  # a phone's battery is no car battery
    # immunology and precision medicine
    ("某某免疫细胞治疗中心", "biotech"),
    ("某某免疫诊断试剂项目", "biotech"),
    ("某某免疫产业园", "biotech"),
    ("某某增强免疫力保健食品项目", None),
    ("某某精准医疗产业园", "biotech"),
    ("某某精准医学研究院", "biotech"),
    # aero-engines and gas turbines, urban operation and maintenance equipment
    ("某某两机零部件产业化项目", "high_end_equipment"),
    ("某某“两机”专项配套项目", "high_end_equipment"),
    ("某某两机场快线工程", None),
    ("某某两机构共建实验室", None),
    ("某某城市运维装备制造基地", "high_end_equipment"),
    # engineering plastics and silicones by substance, hard materials, electrochromic films
    ("年产10万吨聚碳酸酯项目", "new_materials"),
    ("年产4万吨聚甲醛装置", "new_materials"),
    ("某某有机硅单体项目", "new_materials"),
    ("年产5万吨硅氧烷项目", "new_materials"),
    ("某某高温硅橡胶生产线", "new_materials"),
    ("某某硬质合金刀具项目", "new_materials"),
    ("某某超硬材料产业园", "new_materials"),
    ("某某电致变色玻璃项目", "new_materials"),
    ("年产30万吨EVA项目", None),  # commodity chemicals stay out
    ("年产20万吨BDO项目", None),
    ("某某乙烯裂解项目", None),
    # pumped storage, the energy internet, DC export lines, smart electrical equipment, polymer cells
    ("某某抽蓄电站", "new_energy"),
    ("某某抽蓄项目上水库工程", "new_energy"),
    ("某某能源互联网示范区", "new_energy"),
    ("某某新能源基地直流外送工程", "new_energy"),
    ("某某风光基地电力外送通道", "new_energy"),
    ("某某智能电气产业园", "new_energy"),
    ("某某220千伏输变电工程", None),
    ("某某外送餐配送中心", None),
    ("某某聚合物锂电池生产线", "new_energy"),
    ("某某软包聚合物电池项目", "new_energy"),
    # a carmaker's 新能源, new-energy hybrids
    ("某某一汽新能源整车基地", "smart_nev"),
    ("某某广汽新能源电池项目", "smart_nev"),
    ("某某北汽福田新能源项目", "smart_nev"),
    ("某某长安区新能源项目", "new_energy"),  # a district's name is no carmaker
    ("某某新能源混动变速器项目", "smart_nev"),
    ("某某混动系统项目", None),
    # fuel-cell membranes are materials; their stacks stay fuel cells
    ("某某质子交换膜产业化项目", "new_materials"),
    ("某某燃料电池电堆项目", "new_energy"),
    # environmental equipment, spoil, water ecology
    ("某某环保设备产业园", "green_env"),
    ("某某工业弃渣综合利用项目", "green_env"),
    ("某某河道水生态修复工程", "green_env"),
    ("某某县水系生态治理项目", "green_env"),
    ("某某水系连通工程", None),
    # a material followed by a product: the battery's chemistry, equipment for the material
    ("某某储能公司年产10GWh磷酸铁锂电池项目", "new_energy"),
    ("某某储能磷酸铁锂电芯生产线", "new_energy"),
    ("年产5万吨磷酸铁锂项目", "new_materials"),
    ("某某碳纤维高端装备制造基地", "high_end_equipment"),
    ("某某纳米材料智能装备项目", "high_end_equipment"),
    ("某某光伏组件智能装备基地", "new_energy"),  # equipment for new energy stays new energy (clause (五))
]


_SIXTH_PRECISION: list[tuple[str, str | None]] = [
    # 绿色建材 is a label of ordinary building materials; 绿色建造 and 装配式 remain
    ("某某绿色建材产业园", None),
    ("某某装配式建筑部品部件生产基地", "green_env"),
    # building materials, wood panels, adhesives, chemicals and beauty: their label says nothing
    ("年产50万立方米刨花板新型材料项目", None),
    ("某某OSB板新材料项目", None),
    ("某某胶粘剂新材料产业园", None),
    ("某某绿色建筑材料生产线", None),
    ("某某墙体材料新材料项目", None),
    ("某某化工年产10万吨硫酸资源综合利用项目", None),
    ("某某化工园区循环产业园供热项目", None),
    ("某某化工新材料项目", "new_materials"),  # a named kind of material still counts
    ("某某化工园区污水处理厂", "green_env"),
    ("某某胶粘剂厂碳纤维复合材料项目", "new_materials"),
    ("某某煤矸石资源综合利用项目", "green_env"),
    ("某某资源综合利用项目", "green_env"),
    ("某某美妆生物产业园", None),
    # a company named alone by its 生物 says nothing; a product word or a park still counts
    ("某某生物", None),
    ("某某生物科技", None),
    ("某某生物疫苗项目", "biotech"),
    ("某某生物产业园", "biotech"),
    ("某某医药", "biotech"),
    # what is built when it comes last: living quarters, housing, a convention centre
    ("某某集成电路产业园生活配套项目", None),
    ("某某数据中心人才公寓", None),
    ("某某生物医药产业园职工宿舍", None),
    ("某某数字经济产业园会展中心", None),
    ("某某国际会展中心", None),
    ("某某数据中心配套基础设施项目", "info_tech"),  # a park's infrastructure: unchanged
    ("某某人才公寓数据中心", "info_tech"),  # the head is the data centre
    # car lightweighting and car parts are ordinary car parts; an NEV's are not
    ("某某汽车轻量化智能制造基地", None),
    ("某某汽车部件智能工厂", None),
    ("某某新能源汽车轻量化车身项目", "smart_nev"),
]


# holdout6's class words glued together, so that their occurrences nest and cross (the batch test below)
_SIXTH_COLLISIONS = ["上汽大众新能源", "某某生物美谷生物", "生活配套集成电路生活配套", "两机两机场", "化工新材料化工",
                     "金准生物"]


def test_a_name_ending_on_what_is_built_ignores_content() -> None:
    """Only the name decides that what is built is living quarters: a content that ends on 宿舍 does not
    undo a chip plant's name."""
    assert tagging.tag("某某12英寸晶圆制造项目", "配套建设研发楼和职工宿舍").sector == "info_tech"
    assert tagging.tag("某某集成电路产业园生活配套项目", "建设晶圆厂配套人才公寓").sector is None


# --- classes found on holdout7 (each a class of names, with its collisions; names written for the class) ---

_SEVENTH_RECALL: list[tuple[str, str | None]] = [
    # wind turbines named by their parts (整机, 塔筒, 机舱罩) or a weak bare 风机
    ("某某5兆瓦风机整机总装项目", "new_energy"),
    ("某某年产200套风电塔筒项目", "new_energy"),
    ("某某风机机舱罩生产线", "new_energy"),
    ("某某大兆瓦风机生产基地", "new_energy"),
    # quartz fibre is a high-performance fibre, not glass fibre
    ("某某石英纤维制品项目", "new_materials"),
    ("某某年产千吨石英玻璃纤维布项目", "new_materials"),
    # electronic glass is a basic electronic material (clause 一); cover glass stays a material
    ("某某高铝电子玻璃基板项目", "info_tech"),
    ("某某超薄盖板玻璃二期", "new_materials"),
    # a wearable device is the product even beside content words (two fields joined by 及 are the first-named's
    # since round 7: 某某元宇宙及可穿戴设备 is content)
    ("某某元宇宙可穿戴设备产业园", "info_tech"),
    ("某某元宇宙体验中心", "digital_creative"),
    # vehicle sensors are car electronics; other sensors stay sensors
    ("某某车载传感器生产项目", "smart_nev"),
    ("某某车用传感器产业园", "smart_nev"),
    ("某某压力传感器项目", "high_end_equipment"),
    # water recycling, lactic acid, smart energy, an operator's information park
    ("某某园区水循环利用工程", "green_env"),
    ("某某化工园区废水循环利用项目", "green_env"),
    ("年产10万吨L-乳酸项目", "biotech"),
    ("某某智慧能源综合服务项目", "new_energy"),
    ("某某联通信息园区三期", "info_tech"),
    # packaging named alone is chip and device packaging; packaging materials stay materials
    ("某某先进封装产业化项目", "info_tech"),
    ("某某功率器件特种封装项目", "info_tech"),
    ("某某电子封装材料项目", "new_materials"),
    # CMP consumables are semiconductor materials
    ("某某CMP抛光液生产项目", "new_materials"),
    ("某某晶圆抛光垫项目", "new_materials"),
    # microelectronics, also in a company's name
    ("某某微电子产业园", "info_tech"),
    ("某某微电子(苏州)有限公司扩产项目", "info_tech"),
]

_SEVENTH_PRECISION: list[tuple[str, str | None]] = [
    # an ordinary product's 智能制造 base: appliances, motorcycles (electric ones too)
    ("某某电器智能制造产业园", None),
    ("某某家电智能制造基地项目", None),
    ("某某摩托车智能制造项目", None),
    ("某某电动摩托车智能工厂", None),
    ("某某家电企业光伏屋顶项目", "new_energy"),  # a specific technology still counts
    # a head office, a service centre or a developer's brand park with only 智能制造 names no field
    ("某某智能制造产业化服务中心", None),
    ("某某科技企业总部及智能制造中心项目", None),
    ("联东U谷·某某智能装备产业园", None),
    ("某某生物医药企业总部项目", "biotech"),  # a technology names the head office's field
    ("联东U谷某某新能源产业园", "new_energy"),  # and so does a bare sector word
    ("某某智能制造基地二期", None),  # a bare smart-manufacturing base (the lead's decision of round 7: majority rule)
    # high-end stainless steel is steel; special grades still count
    ("某某高端不锈钢精密带材项目", None),
    ("某某双相不锈钢管材项目", "new_materials"),
    # a wholesale market is a market whatever its brand; the brand word alone stays a technology elsewhere
    ("某某北斗农产品批发市场", None),
    ("某某北斗数字农批中心", None),
    ("某某北斗导航产业园", "high_end_equipment"),
    # forage and pasture are farming
    ("某某牧草生态循环产业园", None),
    ("某某饲草种植加工项目", None),
    ("某某循环产业园", "green_env"),
    # a label in an owner's name with a place in brackets says nothing; a technology there still counts
    ("某某新材料(江苏)有限公司年产5万吨苯酐项目", None),
    ("某某新材料（江苏）有限公司年产3000吨碳纤维项目", "new_materials"),
    ("某某新能源(山东)有限公司仓储中心项目", None),
    # industrial fans and lactic-acid cultures
    ("某某离心风机生产项目", None),
    ("某某矿用通风机项目", None),
    ("某某风机盘管生产线", None),
    ("某某乳酸菌饮料项目", None),
]


# holdout7's class words glued together, so that their occurrences nest and cross (the batch test below)
_SEVENTH_COLLISIONS = ["总部智能制造总部", "新材料(山东)新材料(山东有限公司", "新材料()有限公司", "风机盘管风机整机",
                       "北斗农批北斗", "联东U谷联东·U谷电子信息", "新能源(一二三四五六七八九十)有限公司",
                       "乳酸菌乳酸"]


def test_premises_words_come_from_the_taxonomy() -> None:
    """``premises_keywords`` are context, never keywords, and only a generic keyword yields to them."""
    config = tagging.tagging_config()
    keywords = {k for sf in taxonomy.subfields() for k in (*sf.keywords, *sf.strong_keywords)}
    premises = set(config["premises_keywords"])
    assert {"总部", "服务中心"} <= premises
    assert not premises & (keywords | set(config["exclude_keywords"]) | set(config["neutral_keywords"])
                           | set(config["traditional_keywords"]))
    assert all(tagging._tables().kinds[tagging._norm(w)] == tagging.PREMISES for w in premises)
    assert tagging.tag("某某总部智能工厂项目").sector is None
    assert tagging.tag("某某总部集成电路项目").sector == "info_tech"


# --- classes found on holdout8 (each a class of names, with its collisions; names written for the class) ---

_EIGHTH_RECALL = [
    # hydrogen and fuel-cell vehicles are vehicles (专用 in 氢能专用车 is no use mark); the fuel cell alone stays energy
    ("某某氢能专用车生产基地", "smart_nev"),
    ("年产2000辆燃料电池商用车项目", "smart_nev"),
    ("某某氢燃料电池商用车整车项目", "smart_nev"),
    ("某某燃料电池电堆生产线", "new_energy"),
    # power and storage batteries with power named first (holdout5's battery rule); storage alone stays energy
    ("某某20GWh动力及储能电池基地", "smart_nev"),
    ("某某动力与储能电池生产线二期", "smart_nev"),
    ("某某5GWh储能电池项目", "new_energy"),
    # rail-transit equipment parks and traction equipment; a metro line stays a line
    ("某某轨道交通产业园一期", "high_end_equipment"),
    ("某某轨道交通牵引变流装备项目", "high_end_equipment"),
    ("某某市轨道交通5号线工程", None),
    # intelligent control systems (smart measurement and control)
    ("某某电站智能控制系统研发生产项目", "high_end_equipment"),
    ("某某新能源汽车智能控制系统项目", "smart_nev"),
    # logistics and lithium-battery equipment is equipment; a logistics service stays info_tech
    ("某某智能物流装备制造基地", "high_end_equipment"),
    ("某某锂电设备研发制造项目", "high_end_equipment"),
    ("某某锂电装备产业园", "high_end_equipment"),
    ("某某智能物流园区信息平台", "info_tech"),
    # an operator's cloud, computers and the computing industry; a computer college stays a school
    ("某某移动云数据枢纽项目", "info_tech"),
    ("某某国产计算机整机生产线", "info_tech"),
    ("某某先进计算产业园", "info_tech"),
    ("某某职业技术学院计算机楼", None),
    # electronic circuits, a TV maker's smart electronics
    ("某某电子电路板生产项目", "info_tech"),
    ("某某智能电子产业基地", "info_tech"),
    # surgical instruments and ablation devices are medical devices
    ("年产50万把超声手术刀项目", "biotech"),
    ("某某射频消融导管产业化项目", "biotech"),
    ("某某手术器械生产基地", "biotech"),
    # coal-mine gas use is resource recovery; a coal mine itself stays negative context
    ("某某煤矿瓦斯抽采利用项目", "green_env"),
    ("某某矿井瓦斯发电站", "green_env"),
    ("某某煤矿改扩建工程", None),
    # a rare-earth magnet motor is a motor, energy-saving equipment (clause (七); round 17: clause (三) names only
    # traction motors); the magnet material stays a material
    ("某某稀土永磁同步电机项目", "green_env"),
    ("某某轨道交通牵引电机项目", "high_end_equipment"),
    ("某某稀土永磁材料项目", "new_materials"),
    # wetland restoration is ecological restoration; an environment named still counts
    ("某某湿地保护修复工程", "green_env"),
    ("某某河流域生态综合治理工程", "green_env"),
]

_EIGHTH_PRECISION = [
    # a bare 综合治理 of a river or road section names no environment
    ("某某河城区段综合治理工程", None),
    ("某某路段交通综合治理", None),
    # a town's municipal works whatever the town is named for; the town itself still counts
    ("某某数字创意城配套市政基础设施二期工程", None),
    ("某某集成电路产业园市政基础设施项目", None),
    # a mass-entrepreneurship service centre is a building for start-ups
    ("某某新能源装备产业园双创服务中心", None),
    ("某某人工智能双创中心项目", None),
    # packaging is an ordinary product whatever it packs
    ("某某新能源电池包装制品项目", None),
    # a construction group's materials company; a named material still counts
    ("某某建工新型材料有限公司搅拌站项目", None),
    ("某某建工新型材料", None),
    ("某某建工碳纤维复合材料项目", "new_materials"),
    # a machine tool's castings and guards are ordinary parts; machine tools themselves count
    ("年产3万吨机床铸件项目", None),
    ("某某机床防护罩及钣金件项目", None),
    ("某某数控机床生产基地", "high_end_equipment"),
]


# holdout8's class words glued together, so that their occurrences nest and cross (the batch test below)
_EIGHTH_COLLISIONS = ["氢能专用车专用", "动力及储能电池储能", "机床铸件机床", "市政基础设施VR", "建工新型材料建工",
                      "稀土永磁电机稀土", "瓦斯综合利用煤矿瓦斯", "包装制品智能电气", "双创服务中心服务中心"]


# --- classes found on holdout9 (each a class of names, with its collisions; names written for the class) ---

_NINTH_RECALL = [
    # ecological protection and restoration under its programme names; a plain river works stays unclassified
    ("某某湾海域生态保护修复工程", "green_env"),
    ("某某流域山水林田湖草一体化保护和修复", "green_env"),
    ("某某河城区段综合治理工程", None),
    # titanium parks and mill products are titanium materials; 钒钛 stays a resource material, 钛白粉 is no keyword
    ("某某钛产业园二期", "new_materials"),
    ("年产5000吨钛材深加工项目", "new_materials"),
    ("某某年产10万吨钛白粉项目", None),
    # rail engineering vehicles are rail equipment
    ("某某铁路工程车生产线", "high_end_equipment"),
    ("某某轨道工程车辆维修中心", "high_end_equipment"),
    # aircraft maintenance and civil-aviation technology; an airport alone stays infrastructure
    ("某某航空维修基地项目", "high_end_equipment"),
    ("某某国际机场维修基地二期", "high_end_equipment"),
    ("某某民航科技产业园", "high_end_equipment"),
    ("某某机场改扩建工程", None),
    # green energy as the bare sector word; a carmaker's or a grid word still names its technology
    ("某某绿色能源产业园", "new_energy"),
    # sewage networks and collection; a water-supply network stays water supply
    ("某某镇污水管网建设工程", "green_env"),
    ("某某污水收集管网提升改造", "green_env"),
    ("某某城区供水管网改造工程", None),
    # a waste-to-energy plant under its usual name
    ("某某环保发电厂二期", "green_env"),
    # early screening, disease models and organoids
    ("某某结直肠癌早筛试剂研发项目", "biotech"),
    ("某某类器官疾病模型平台", "biotech"),
    # medical R&D of a company; a hospital's stays unclassified
    ("某某医疗研发生产基地", "biotech"),
    ("某某人民医院医疗研发中心", None),
    # molecular sieves and melt-blown nonwovens are materials; plain weaving stays traditional
    ("年产2万吨沸石分子筛项目", "new_materials"),
    ("某某熔喷布生产线", "new_materials"),
    ("某某纺织织造项目", None),
    # a hydrogen complete vehicle is a vehicle, also in a hydrogen park
    ("某某氢能产业园氢燃料整车项目", "smart_nev"),
    # batteries: power named first is a power battery, storage named first a storage battery
    ("某某动力储能电池生产基地", "smart_nev"),
    ("某某储能及动力电池项目", "new_energy"),
    # a single-crystal substrate at the end of a name is a semiconductor material; a chip stays a chip
    ("某某半导体碳化硅单晶衬底项目", "new_materials"),
    ("某某半导体蓝宝石衬底项目", "new_materials"),
    ("某某半导体芯片封测项目", "info_tech"),
]

_NINTH_PRECISION = [
    # farm tourism is rural tourism, not digital culture-tourism; the digital kind still counts
    ("某某农业科技有限公司农文旅融合示范园", None),
    ("某某村农商文旅融合发展项目", None),
    ("某某数字文旅融合项目", "digital_creative"),
    # a hospital or a medical centre is a building
    ("某某医疗中心门诊楼", None),
]


# holdout9's class words glued together, so that their occurrences nest and cross (the batch test below)
_NINTH_COLLISIONS = ["储能与动力电池储能", "动力储能电池动力", "农文旅融合文旅融合", "单晶衬底半导体",
                     "机场维修基地机场", "污水管网供水管网", "氢能整车氢能"]


# --- classes found on holdout10 (each a class of names, with its collisions; names written for the class) ---

_TENTH_RECALL = [
    # wind power with its storage
    ("某某县50万千瓦风储一体化示范项目", "new_energy"),
    ("某某风储基地二期", "new_energy"),
    # a waste-to-energy plant under its other usual name
    ("某某区环保电厂扩建工程", "green_env"),
    # southern medicinal herbs are Chinese medicinal herbs
    ("某某镇南药种植加工基地", "biotech"),
    # surveying instruments
    ("某某测绘仪器生产项目", "high_end_equipment"),
    ("某某智能测绘装备研发中心", "high_end_equipment"),
    # air and space (空天) is aerospace
    ("某某空天产业园一期", "high_end_equipment"),
    ("某某市空天经济创新中心", "high_end_equipment"),
    # rail-transit R&D and test bases study the equipment; a rail line stays a line
    ("某某轨道交通研发中心项目", "high_end_equipment"),
    ("某某轨道交通试验线及检测基地", "high_end_equipment"),
    ("某某市轨道交通3号线工程", None),
    # automation parks and equipment; a metal-parts maker's 自动化 base says how, not what
    ("某某工业自动化产业园", "high_end_equipment"),
    ("某某自动化装备制造项目", "high_end_equipment"),
    ("某某精密五金自动化生产基地", None),
    # remediation materials are environmental protection, not new materials by the X材料 rule
    ("年产1万吨土壤修复材料项目", "green_env"),
    ("某某环境修复材料生产线", "green_env"),
    # by-product hydrogen recovered is resource recovery; hydrogen made for energy stays new energy
    ("某某化工工业副产氢提纯利用项目", "green_env"),
    ("某某风光制氢一体化项目", "new_energy"),
    # polysilicon in tonnes is PV feedstock, whatever the owner's name says; electronic-grade stays a material
    ("某某半导体年产5万吨多晶硅项目", "new_energy"),
    ("某某电子级多晶硅项目", "new_materials"),
    # wafers rated in gigawatts are PV wafers; wafers in pieces stay semiconductor material
    ("某某年产20GW硅片项目", "new_energy"),
    ("某某年产120万片8英寸硅片项目", "new_materials"),
    # reclaimed wafers are a semiconductor material, not a chip fab
    ("某某再生晶圆生产基地", "new_materials"),
    ("某某12英寸晶圆制造项目", "info_tech"),
    # a brand that makes only new-energy vehicles; only the forms with 汽车 for brands that are ordinary words
    ("某某蔚来ES8整车生产项目", "smart_nev"),
    ("某某理想汽车增程式整车工厂", "smart_nev"),
    ("某某理想家园小区", None),
    # PV makers named X光能
    ("某某光能年产10GW组件项目", "new_energy"),
]

_TENTH_PRECISION = [
    # a farm greenhouse is a farm building; smart agriculture and plant factories still count
    ("某某合作社智能温室大棚建设", None),
    ("某某植物工厂示范项目", "green_env"),
    # a large science facility and a training base, whatever field they serve
    ("某某先进光源重大科技基础设施", None),
    ("某某基因组学重大科技基础设施项目", None),
    ("某某职业技术无人机实训基地", None),
    # an EV brand's head office is premises
    ("某某蔚来华南总部", None),
    # 阳光 is a brand word: 阳光能源 alone names no solar technology
    ("某某阳光能源商务大厦", None),
]


# holdout10's class words glued together, so that their occurrences nest and cross (the batch test below)
_TENTH_COLLISIONS = ["风储风电储能", "GW硅片硅片", "再生晶圆晶圆", "副产氢气氢气", "环境修复材料材料", "蔚来总部蔚来",
                     "阳光能源光能", "空天航空航天", "重大科技基础设施合成生物"]


# --- classes found on holdout11 (round 7; each a class of names, with its collisions; names written for the class) ---

_ELEVENTH_RECALL = [
    # a battery with no vehicle and no 动力 named is storage (the lead's decision of round 7: the majority rule);
    # with 动力 or a vehicle named it is a power battery; a phone's battery stays an ordinary product
    ("某某年产10GWh锂离子电池项目", "new_energy"),
    ("某某固态电池中试线", "new_energy"),
    ("某某电池PACK生产线", "new_energy"),
    ("某某电池生产基地", "new_energy"),
    ("某某磷酸铁锂电池项目", "new_energy"),
    ("某某动力锂电池生产项目", "smart_nev"),
    ("某某车用电池产业园", "smart_nev"),
    ("某某新能源汽车电池包项目", "smart_nev"),
    ("某某手机锂电池项目", None),
    # silicon wafers for chips are a material (the lead's decision); a wafer fab stays chips
    ("某某12英寸集成电路硅片项目", "new_materials"),
    ("某某集成电路晶圆制造项目", "info_tech"),
    # EV charging guns are charging facilities
    ("某某电动汽车充电枪生产项目", "smart_nev"),
    # polyglycolic acid is a degradable polymer
    ("年产10万吨聚乙醇酸项目", "new_materials"),
    ("某某PGA可降解材料项目", "new_materials"),
    # PV with storage; with charging it stays charging
    ("某某100MW光储一体化项目", "new_energy"),
    ("某某光储充一体化电站", "smart_nev"),
    # heat pumps are energy-efficient equipment
    ("某某空气源热泵生产线", "green_env"),
    # turbine blades are aero-engine and gas-turbine parts
    ("某某航空发动机涡轮叶片项目", "high_end_equipment"),
    # emergency equipment is equipment making
    ("某某应急装备产业园", "high_end_equipment"),
    # medical engineering and the medical industry are medical products; health services are not
    ("某某医工融合创新中心", "biotech"),
    ("某某医疗产业园一期", "biotech"),
    ("某某医疗卫生服务中心", None),
    # a bank's fintech centre is its IT centre
    ("某某银行金融科技中心", "info_tech"),
    # a material named by its use is a material; bio-based new materials stay biotech
    ("某某汽车材料产业化项目", "new_materials"),
    ("某某生物基新材料产业园", "biotech"),
    # two fields joined by 及, 和 or 与: the first named is the project's
    ("某某储能系统及充电桩生产项目", "new_energy"),
    ("某某充电桩及储能系统生产项目", "smart_nev"),
    ("某某锂电池负极材料项目", "new_materials"),  # no coordinator: the head comes last
]

_ELEVENTH_PRECISION = [
    # a bare smart-manufacturing park or cluster names how its tenants make things, not what (the lead's decision);
    # a technology beside it still counts, and so does a smart factory
    ("某某智能制造产业园二期", None),
    ("某某智能制造产业集群项目", None),
    ("某某新能源汽车智能制造产业园", "smart_nev"),
    ("某某智能制造示范工厂", "high_end_equipment"),
    # textiles, colour masterbatch and agrochemicals under a 新材料 label; a biopesticide is still biotech
    ("某某家纺新材料项目", None),
    ("某某新材料纺品项目", None),
    ("某某色母粒新材料项目", None),
    ("某某农化新材料产业园", None),
    ("某某生物农药项目", "biotech"),
    # a technology applied to a traditional industry (the lead's decision); applied elsewhere it still counts
    ("某某液态奶工厂人工智能应用项目", None),
    ("某某人工智能应用创新中心", "info_tech"),
    # drones used to fight forest fires; making drones stays equipment
    ("某某无人机森林防火项目", None),
    ("某某无人机生产基地", "high_end_equipment"),
    # a power plant, unless an SEI source is named
    ("某某电厂三期扩建", None),
    ("某某光电产业园", "info_tech"),
    ("某某光伏电厂", "new_energy"),
    # an airport economic zone is no aerospace
    ("某某航空港经济区综合服务中心", None),
    ("某某航空产业园", "high_end_equipment"),
    # a trading base or market trades, whatever it trades
    ("某某汽车电子交易市场", None),
    ("某某汽车电子产业园", "smart_nev"),
    # research buildings and science facilities, whatever field they serve; a research centre takes its field
    ("某某大学人工智能研究院科研楼", None),
    ("某某芯片研发大楼", None),
    ("某某芯片研发中心", "info_tech"),
    ("某某强激光实验装置", None),
    ("某某激光器生产项目", "high_end_equipment"),
    # a shipyard with no ship type named; a ship type still counts
    ("某某造船基地三期", None),
    ("某某LNG船建造项目", "high_end_equipment"),
    # a company named alone, before 项目; a product word still counts
    ("某某生物项目", None),
    ("某某生物医药项目", "biotech"),
]


# holdout11's class words glued together, so that their occurrences nest and cross (the batch test below)
_ELEVENTH_COLLISIONS = ["锂电池动力锂电池", "动力电池PACK电池PACK", "磷酸铁锂电池磷酸铁锂", "智能制造产业园智能制造",
                        "集成电路硅片集成电路", "光储充光储", "芯片研发大楼芯片", "人工智能应用人工智能",
                        "储能及充电桩及储能", "充电桩和储能与光伏", "生物项目生物", "航空港航空", "电厂光电厂",
                        "无人机灭火无人机", "乳业5G应用"]


# --- classes found on holdout12 (round 8; each a class of names, with its collisions; names written for the class) ---

_TWELFTH_RECALL = [
    # electronic materials are materials (clause (四) 微电子制造 materials; the majority of the sets' labels); display
    # materials stay clause (一) 基础材料
    ("某某电子材料产业化项目", "new_materials"),
    ("某某电子信息材料产业园", "new_materials"),
    ("某某新型显示材料项目", "info_tech"),
    # ecological governance
    ("某某湖泊生态治理工程", "green_env"),
    # 新材, the short form of the 新材料 label
    ("某市汽车新材产业园二期", "new_materials"),
    ("某某新材三期项目", "new_materials"),
    # a carmaker that builds only NEVs (generic, like 蔚来: its R&D centre stays premises, see the precision list)
    ("某市比亚迪产业基地", "smart_nev"),
    # train brake pads and a rail-transit supplier park are rail equipment
    ("某某地铁车辆闸片生产线", "high_end_equipment"),
    ("某某轨道交通配套产业园一期", "high_end_equipment"),
    # X-based materials; bio-based materials stay biotech
    ("某某硅基材料项目", "new_materials"),
    ("某某生物基材料项目", "biotech"),
    # clean-energy equipment is new-energy equipment
    ("某某清洁能源装备制造基地", "new_energy"),
    # a 新材料 label yields to the product the name names; X新材料 is a material for X
    ("某某新材料储能电池结构件项目", "new_energy"),
    ("某某航天新材料项目", "new_materials"),
    # high-end drugs
    ("某某高端药产业化项目", "biotech"),
    # nylon and polyamide are engineering plastics, even beside 化工
    ("某某尼龙66工程塑料项目", "new_materials"),
    ("某某化工聚酰胺新材料项目", "new_materials"),
    # high-end aluminium products
    ("某某年产5万吨高端铝箔项目", "new_materials"),
    # aerial work platforms are construction machinery
    ("某某高空作业平台生产项目", "high_end_equipment"),
    # catalysts are functional chemical materials (a specific material beside 石化)
    ("某某石化催化剂项目", "new_materials"),
    # silicon for chips is a material (the lead's decision of round 7); PV wafers stay new energy
    ("某某半导体单晶硅片项目", "new_materials"),
    ("某某光伏单晶硅片项目", "new_energy"),
    # conductive materials (clause (四) 高强高导耐热材料), not the 新能源 they serve
    ("某某新能源导电材料项目", "new_materials"),
    # a digital-technology park
    ("某某数字科技园二期", "info_tech"),
    # IC is integrated circuits
    ("某某IC设计产业园", "info_tech"),
    # blades named alone are wind-turbine blades; an aero engine's turbine blades stay aerospace
    ("某某大型叶片生产基地", "new_energy"),
    ("某某航空发动机涡轮叶片项目", "high_end_equipment"),
    # recycling used batteries is resource recycling (the lead's decision of round 8)
    ("某某废旧锂电池综合利用项目", "green_env"),
    ("某某退役电池梯次利用", "green_env"),
    ("某某废铅蓄电池回收项目", "green_env"),
    # edge computing is cloud computing
    ("某某边缘计算中心", "info_tech"),
    # a satellite constellation
    ("某某星座组网发射项目", "high_end_equipment"),
]

_TWELFTH_PRECISION = [
    # stainless steel under any adjective is ordinary steel
    ("某某高性能不锈钢板项目", None),
    # a commercial complex, a medical or health centre (hospital buildings), an industry's infrastructure
    ("某某文创商业综合项目", None),
    ("某某国际医学中心", None),
    ("某某中医药精神卫生中心", None),
    ("某某新能源产业基础设施项目", None),
    # daily chemicals under a 化工新材料 label; a park supplied with green power
    ("某某日用化工新材料项目", None),
    ("某某绿电产业园", None),
    # lead-acid batteries are a traditional product (the lead's decision of round 8); lead-carbon storage stays storage
    ("某某铅酸蓄电池生产项目", None),
    ("某某铅炭储能电池项目", "new_energy"),
    # an R&D centre named only by a maker's brand; 数字科技 in a company name; ICU is no IC
    ("某某比亚迪研发中心", None),
    ("某某数字科技有限公司仓储项目", None),
    ("某某ICU病房楼", None),
    # textile nylon and plain aluminium profiles
    ("某某锦纶纺丝项目", None),
    ("某某铝型材项目", None),
]


# holdout12's class words glued together, so that their occurrences nest and cross (the batch test below)
_TWELFTH_COLLISIONS = ["新材料锂电池新材料", "航天新材料航天", "废旧铅酸蓄电池铅酸", "半导体单晶硅片单晶硅片半导体",
                       "日用化工新材料化工", "绿电产业园绿电", "比亚迪研发中心比亚迪", "IC装备ICU",
                       "医学中心智慧医疗", "叶片涡轮叶片叶片", "新材新材料新材"]


# --- classes found on holdout13 (round 9; each a class of names, with its collisions; names written for the class) ---

_THIRTEENTH_RECALL = [
    # a vehicle maker named makes a bare battery a power battery (the lead's decision: a vehicle or 动力 named)
    ("某某奇瑞锂电池项目", "smart_nev"),
    ("某市长安汽车电池包工厂", "smart_nev"),
    ("某某比亚迪磷酸铁锂电池基地", "smart_nev"),
    # power named first, the battery written 锂电池 or left out
    ("某某动力及储能锂离子电池项目", "smart_nev"),
    ("某某动力和储能系统生产线", "smart_nev"),
    # diamond wire slices PV silicon; X光互补 PV plants of every kind
    ("某某年产5000万千米金刚线项目", "new_energy"),
    ("某某新材料科技金刚线扩产项目", "new_energy"),
    ("某县200MW林光互补项目", "new_energy"),
    ("某某茶光互补电站", "new_energy"),
    # silicon is itself a material: PV silicon stays PV
    ("某某多晶硅材料二期", "new_energy"),
    # quartz, base film, superconductors
    ("某某高纯石英制品项目", "new_materials"),
    ("某某光学级基膜项目", "new_materials"),
    ("某某超导带材生产线", "new_materials"),
    # 增材 as the short form of 增材制造; excavators are construction machinery; skateboard chassis
    ("某某金属增材零部件基地", "high_end_equipment"),
    ("某某小型挖掘机生产项目", "high_end_equipment"),
    ("某某电动滑板底盘研发项目", "smart_nev"),
    # new media; 清洁能源 and 数字谷 as bare sector words
    ("某报业新媒体中心", "digital_creative"),
    ("某某清洁能源产业基地", "new_energy"),
    ("某区数字谷一期", "info_tech"),
    # recycled aluminium is recycling even beside an ordinary product; restoring used parts for reuse
    ("某某再生铝合金锭项目", "green_env"),
    ("某某光伏组件再生修复项目", "green_env"),
    # biomass and straw CHP stay biomass energy
    ("某某秸秆热电联产项目", "new_energy"),
    ("某某生物质热电联产二期", "new_energy"),
    # what a smart factory makes still counts
    ("某某动力电池智能工厂", "smart_nev"),
]

_THIRTEENTH_PRECISION = [
    # the factory words name how a plant works, not what it makes (the lead's decision of round 9)
    ("某某食品数字化工厂", None),
    ("某某黑灯工厂二期", None),
    ("某某电缆智慧工厂", None),
    # a vehicle maker's storage battery stays storage; a battery with no maker, vehicle or 动力 stays storage
    ("某某长城汽车储能电池项目", "new_energy"),
    ("某某锂电池项目", "new_energy"),
    # 新基建 names no technology
    ("某某新基建产业化基地", None),
    # CHP plants in whatever park; aluminium ingots with their own wind and solar supply
    ("某某新能源产业园热电联产项目", None),
    ("某某铝锭配套风光发电项目", None),
    # quartz-stone worktops
    ("某某石英石台面板项目", None),
]


# holdout13's class words glued together, so that their occurrences nest and cross (the batch test below)
_THIRTEENTH_COLLISIONS = ["比亚迪电池比亚迪", "广汽锂电池广汽埃安", "奇瑞储能电池奇瑞", "动力及储能锂电池动力及储能",
                          "数字化工厂化工", "石英石英石石英", "热电联产生物质热电联产", "再生铝锭铝锭",
                          "光互补渔光互补", "单晶硅材料单晶硅"]


def test_vehicle_makers_and_batteries_come_from_the_taxonomy() -> None:
    """``[tagging] vehicle_makers`` name vehicles and ``vehicle_batteries`` are battery keywords; a maker named
    turns only those into power batteries, and only in the name."""
    config = tagging.tagging_config()
    keywords = {k for sf in taxonomy.subfields() for k in (*sf.keywords, *sf.strong_keywords)}
    assert config["vehicle_makers"] and config["vehicle_batteries"]
    assert set(config["vehicle_batteries"]) <= keywords
    assert tagging.tag("某某宇通电池项目").sector == "smart_nev"
    assert tagging.tag("某某电池项目", "宇通配套").sector == "new_energy"


_FOURTEENTH_RECALL = [
    # retired and used batteries named with their chemistry are recycling, whatever vehicle they came from
    ("某某电动汽车退役锂离子电池综合利用项目", "green_env"),
    ("某某新能源汽车废旧动力锂电池拆解项目", "green_env"),
    # metallic lithium is a strategic-resource material
    ("某某年产500吨金属锂项目", "new_materials"),
    ("某某锂金属负极中试线", "new_materials"),
    # a phone is the terminal itself, whatever else the name says of how it is made
    ("某某智能手机整机制造项目", "info_tech"),
    ("某某手机研发及智能制造基地", "info_tech"),
    # the first-named field decides when what comes after the coordinator is a built word
    ("某某河道黑臭水体治理及市政基础设施配套工程", "green_env"),
    ("某某污水处理厂及配套人才公寓", "green_env"),
    # circuit boards are specific products: a standard building for them is theirs
    ("某某线路板产业标准厂房", "info_tech"),
    # a compound written back to back before 材料 names what the material is for
    ("某某集成电路芯片材料项目", "new_materials"),
    ("某某显示面板材料基地", "new_materials"),
    # X功能材料: a functional material for X, also when the owner's name carries X
    ("某某储能技术有限公司储能功能材料二期", "new_materials"),
    # smart agricultural machinery spelled out; a 生命科技 park; a 智能制造 pilot of clause (三)
    ("某某智能农业机械产业园", "high_end_equipment"),
    ("某市生命科技产业园一期", "biotech"),
    ("某某智能制造试点示范项目", "high_end_equipment"),
]

_FOURTEENTH_PRECISION = [
    # a plant's grid works are grid works (the earlier sets' written majority)
    ("某某100MW光伏电站送出线路工程", None),
    ("某某风电场配套110kV升压站", None),
    ("某某储能电站35kV开关站工程", None),
    # a warehouse stores whatever it stores
    ("某某回收物资仓储中心", None),
    ("某某新能源物资仓储项目", None),
    # bridge steel, building waterproofing and insulation, pipes and continuous casting under whatever label
    ("某某钢箱梁及智能装备生产项目", None),
    ("某某新材建筑防水卷材项目", None),
    ("某某保温材料新材料产业园", None),
    ("某某年产2万吨管材新材料项目", None),
    ("某某特钢连铸连轧技改项目", None),
    # a project named only by how things are made
    ("某某科技智能制造项目", None),
    ("某某智能制造二期", None),
    # a phone's battery and its accessories stay ordinary products
    ("某某手机锂电池生产线", None),
    ("某某手机壳及手机支架项目", None),
    # … while a specific material or product beside the traditional word still counts
    ("某某气凝胶保温材料项目", "new_materials"),
    ("某某碳纤维管材项目", "new_materials"),
    ("某某智能仓储装备项目", "high_end_equipment"),
    ("某某光伏电站及升压站工程", "new_energy"),
]


# holdout14's class words glued together, so that their occurrences nest and cross (the batch test below)
_FOURTEENTH_COLLISIONS = ["退役动力锂电池退役锂电池", "手机锂电池手机", "半导体芯片材料芯片", "储能功能材料储能",
                          "仓储装备仓储", "升压站及光伏升压站", "智能制造示范智能制造", "黑臭水体及市政基础设施及",
                          "线路板标准厂房线路板"]


_FIFTEENTH_RECALL = [
    # a battery followed by one of its component materials names what the material is for
    ("某某年产5万吨动力电池正极材料项目", "new_materials"),
    ("某某动力储能电池隔膜二期", "new_materials"),
    ("某某新能源汽车动力电池电解液项目", "new_materials"),
    # current collectors and composite foils are battery materials
    ("某某年产8亿平方米复合集流体生产线", "new_materials"),
    ("某某锂电池铝集流体项目", "new_materials"),
    # electronic special materials (GB/T 4754 class 3985) and a casing's special material
    ("某某年产3000吨电子专用材料扩建项目", "new_materials"),
    ("某某电机外壳专用材料项目", "new_materials"),
    # electrical steel for motors and transformers
    ("某某年产20万吨高牌号无取向硅钢项目", "new_materials"),
    ("某某取向电工钢技改项目", "new_materials"),
    # protective and release films are functional films
    ("某某光学保护膜及离型膜生产基地", "new_materials"),
    # pollution control of tailings is environmental governance
    ("某县历史遗留铅锌矿尾砂污染管控项目", "green_env"),
    ("某某流域重金属污染防治工程", "green_env"),
    # Geely's own battery brand is a power battery; a UHV substation still counts
    ("某某吉利动力电芯电池项目", "smart_nev"),
    ("某某1000千伏特高压变电站扩建工程", "new_energy"),
    # a test road or a vehicle-road road is still named by its strong technology (道路 stays plain negative context)
    ("某某智能网联汽车测试道路", "smart_nev"),
    # a lithium-metal battery is a battery (round 10's 金属锂 counts as the material only with no 电池 after it)
    ("某某年产2GWh金属锂电池项目", "new_energy"),
    ("某某固态锂金属电池中试线", "new_energy"),
    # biogas and a smart gas network still count beside the new gas words
    ("某某畜禽粪污生物天然气项目", "new_energy"),
]

_FIFTEENTH_PRECISION = [
    # a plant's or a park's own roads, substations and warehouses are what is built
    ("某某200MW光伏电站周边道路硬化工程", None),
    ("某某储能产业园配套道路及管网工程", None),
    ("某某算力中心110kV变电站新建工程", None),
    ("某某碳酸锂成品仓库扩建项目", None),
    # dyeing, dyes and pigments under a 新材料 label
    ("某某纺织染色新材料项目", None),
    ("某某年产1万吨染料及颜料新材料项目", None),
    # a phone's protective film is an accessory; a tailings dam is a dam
    ("某某手机保护膜生产项目", None),
    ("某某尾砂库加高扩容工程", None),
    # natural gas under a 清洁能源 label (a precision fault of round 9's bare word)
    ("某某天然气清洁能源综合站", None),
    ("某某县煤改气清洁能源替代工程", None),
    # selling, repairing or covering phones (a precision fault of round 10's strong 手机)
    ("某某手机城改造提升项目", None),
    ("某某手机维修服务中心", None),
    ("某某高铁沿线手机信号覆盖工程", None),
    # a park's roads even beside a strong technology
    ("某某电子电路产业园道路工程", None),
    # … while a specific material or technology beside them still counts
    ("某某碳纤维染色预浸料项目", "new_materials"),
    ("某某数据中心及智能变电站项目", "info_tech"),
]


# holdout15's class words glued together, so that their occurrences nest and cross (the batch test below)
_FIFTEENTH_COLLISIONS = ["动力储能电池负极材料负极", "电池隔膜隔膜电池", "复合集流体集流体", "电子专用材料专用材料",
                         "无取向硅钢取向硅钢硅钢", "特高压变电站变电站", "周边道路道路周边", "尾砂库尾砂",
                         "吉利电池吉利", "染色新材料染色", "手机保护膜保护膜", "金属锂电池金属锂", "锂金属电池锂金属",
                         "手机城手机", "生物天然气天然气", "产业园道路产业园"]


# Round 12 (holdout16's classes; own names, none copied from any set).
_SIXTEENTH_RECALL = [
    # a semiconductor followed by one of its material forms is the material (clause (四); the round-7 decision)
    ("某某年产5万片氮化镓单晶衬底项目", "new_materials"),
    ("某某6英寸碳化硅晶体生长项目", "new_materials"),
    ("某某第三代半导体晶片及晶棒加工项目", "new_materials"),
    ("某某磷化铟单晶材料产业化项目", "new_materials"),
    ("某某集成电路前驱体及电子气体项目", "new_materials"),
    ("某某半导体特气充装及提纯项目", "new_materials"),
    ("某某年产3000吨高纯电子气体项目", "new_materials"),
    ("某某8英寸半导体硅片及外延片项目", "new_materials"),
    # electronic materials named as the product outweigh a semiconductor owner's word
    ("某某微电子年产500吨电子材料项目", "new_materials"),
    ("某某芯谷电子信息基础材料产业化项目", "new_materials"),
    # large-diameter wafers written with their size
    ("某某12英寸硅片扩产项目", "new_materials"),
    ("某某芯晶大直径硅片二期项目", "new_materials"),
    # a sensor with a chip named is the chip; a bare sensor stays equipment
    ("某某8英寸MEMS压力传感器晶圆项目", "info_tech"),
    ("某某智能传感器芯片设计及封测项目", "info_tech"),
    ("某某农业专用传感器生产线项目", "high_end_equipment"),
    # aluminium-plastic film: a battery's packaging material, like the separator
    ("某某动力电池铝塑膜产业化项目", "new_materials"),
    ("某某储能电池铝塑复合膜生产线", "new_materials"),
    # power named first before storage, written with / or 、
    ("某某年产20GWh动力/储能电芯项目", "smart_nev"),
    ("某某动力、储能锂电池生产基地", "smart_nev"),
    # liquid biofuels
    ("某某年产10万吨生物液体燃料示范项目", "new_energy"),
]
_SIXTEENTH_PRECISION = [
    # a device after the same words is a chip, not the material
    ("某某氮化镓晶体管功率器件项目", "info_tech"),
    ("某某碳化硅功率模块封装项目", "info_tech"),
    # coking is the coal-chemical chain under whatever label
    ("某某新能源焦化技改项目", None),
    ("某某焦化厂煤气综合利用项目", None),
    # a wafer fab stays chips: 制造 is no material form
    ("某某集成电路晶圆制造项目", "info_tech"),
]


# Round 14 (holdout17's classes, the lead's reading of its misses; own names, none copied from any set).
_SEVENTEENTH_RECALL = [
    # a material named for batteries is a material: the battery's binder or conductive agent, like its separator
    ("某某年产5000吨锂电池粘结剂项目", "new_materials"),
    ("某某动力电池导电剂生产线", "new_materials"),
    # shingled PV modules
    ("某某年产3GW叠瓦组件项目", "new_energy"),
    ("某某光能叠瓦三期", "new_energy"),
    # ultra-pure materials, like 超高纯
    ("某某年产500吨超纯氧化镁项目", "new_materials"),
    # solid waste written out, and slag re-use
    ("某某县一般固体废物资源化处置中心", "green_env"),
    ("某某钢铁公司高炉渣综合利用项目", "green_env"),
    ("某某冶炼渣再利用微粉项目", "green_env"),
    # the communications industry
    ("某某通信产业园二期", "info_tech"),
    # smart warehousing and 物流智慧 as smart logistics (clause (一) 智慧物流)
    ("某某冷链智慧仓储中心项目", "info_tech"),
    ("某某港物流智慧园区", "info_tech"),
    # blue-bay ecological restoration and ecological seawalls
    ("某某湾蓝色海湾整治行动项目", "green_env"),
    ("某某岸段生态海堤建设工程", "green_env"),
]
_SEVENTEENTH_PRECISION = [
    # a switch or socket panel is no display panel; ultra-pure water is water treatment
    ("某某年产100万套智能面板及开关插座项目", None),
    ("某某开关面板生产线", None),
    ("某某超纯水站改造工程", None),
    # a research institute after a registered company whose trade is the only keyword: a research building
    ("某某锂电池有限公司某某中央研究院", None),
    ("某某储能科技股份有限公司工程研究所", None),
    # … but one that names its own field keeps it, and a group named as the project's own keeps its trade
    ("某某有限公司氢燃料电池研究院", "new_energy"),
    ("某某机器人集团研究院", "high_end_equipment"),
    # plain warehousing and a logistics park stay unclassified
    ("某某物流园仓储项目", None),
]


# holdout17's class words glued together, so that their occurrences nest and cross (the batch test below)
_SEVENTEENTH_COLLISIONS = ["电池粘结剂电池", "粘接剂电池粘接剂", "叠瓦组件叠瓦", "超纯水超纯", "超高纯超纯",
                           "固体废弃物固体废物", "渣综合利用钢渣", "通信产业信息通信", "智慧仓储智能仓储装备",
                           "物流智慧物流", "蓝色海湾生态海堤", "智能面板显示面板", "电池有限公司研究院研究所"]


# holdout16's class words glued together, so that their occurrences nest and cross (the batch test below)
_SIXTEENTH_COLLISIONS = ["氮化镓晶体管晶体", "半导体前驱体半导体", "碳化硅单晶碳化硅", "晶圆晶片晶圆",
                         "电子气体电子特气", "MEMS传感器传感器", "传感器MEMS", "铝塑膜电池铝塑膜", "动力/储能储能",
                         "动力、储能动力", "英寸硅片硅片", "焦化新能源焦化", "生物液体燃料生物"]


# Round 13: the NBS 2018 product vocabulary (``[[nbs_terms]]`` in data/taxonomy.toml, taken from the classification's
# 重点产品和服务 as parsed by a third party, S1); own names, none copied from any set, each named only by a new term.
_NBS_RECALL = [
    # biotech: bio-manufactured chemicals and enzymes, imaging equipment, ethnic medicines, excipients
    ("某某年产2万吨柠檬酸技改项目", "biotech"),
    ("某某透明质酸原料生产项目", "biotech"),
    ("某某碱性蛋白酶及脂肪酶项目", "biotech"),
    ("某某磁共振成像设备产业化项目", "biotech"),
    ("某某民族药现代化生产基地", "biotech"),
    ("某某药用辅料生产线扩建项目", "biotech"),
    # digital_creative: internet and digital television, digitised relics
    ("某某互联网电视内容运营平台", "digital_creative"),
    ("某某数字电视前端系统升级项目", "digital_creative"),
    ("某某文物数字化保护展示中心", "digital_creative"),
    # green_env: kitchen waste, advanced water treatment, tyre and car recycling, groundwater pollution
    ("某某餐厨废弃物收运项目", "green_env"),
    ("某某厌氧氨氧化脱氮示范工程", "green_env"),
    ("某某轮胎翻新及再生橡胶项目", "green_env"),
    ("某某地下水污染防控工程", "green_env"),
    ("某某报废汽车车身破碎线项目", "green_env"),
    # high_end_equipment: offshore rigs, rail turnouts and track circuits, instruments, smart logistics equipment
    ("某某深水半潜式钻井船建造项目", "high_end_equipment"),
    ("某某铁路道岔及轨道电路生产线", "high_end_equipment"),
    ("某某共聚焦显微成像系统项目", "high_end_equipment"),
    ("某某智能电表及智能水表生产基地", "high_end_equipment"),
    ("某某自动导引车及堆垛机项目", "high_end_equipment"),
    # info_tech: network equipment, basic software, power semiconductors
    ("某某高端路由器及交换机研发生产项目", "info_tech"),
    ("某某中间件及搜索引擎研发中心", "info_tech"),
    ("某某波分复用光传送网设备项目", "info_tech"),
    ("某某快恢复二极管生产项目", "info_tech"),
    # new_energy: flexible DC, hot dry rock, landfill gas, solar thermal, wind
    ("某某柔性直流换流站配套项目", "new_energy"),
    ("某某干热岩发电试验项目", "new_energy"),
    ("某某垃圾填埋气发电项目", "new_energy"),
    ("某某塔式熔融盐集热器项目", "new_energy"),
    ("某某风能开发项目", "new_energy"),
    # new_materials: fluoropolymers, rare-earth magnets, special glass, cathode materials, membranes, composites
    ("某某年产3000吨聚偏氟乙烯项目", "new_materials"),
    ("某某钐钴磁体生产线", "new_materials"),
    ("某某微晶玻璃板生产线", "new_materials"),
    ("某某年产1万吨锰酸锂项目", "new_materials"),
    ("某某反渗透膜及纳滤膜生产项目", "new_materials"),
    ("某某树脂基复合构件项目", "new_materials"),
    # smart_nev: range extenders, steering, hub motors, motor controllers and high-voltage harnesses
    ("某某增程器生产基地", "smart_nev"),
    ("某某电动助力转向系统项目", "smart_nev"),
    ("某某轮毂电机产业化项目", "smart_nev"),
    ("某某电机控制器及高压线束项目", "smart_nev"),
]
_NBS_PRECISION = [
    # terms read from the NBS items and left out on purpose (see the round-13 paragraph of tests/data/README.md)
    ("某某气象雷达站建设项目", None),
    ("某某铁路客车站改造工程", None),
    ("某某维生素保健品项目", None),
    ("某某氨基酸水溶肥项目", None),
    ("某某嵌入式厨电生产项目", None),
    ("某某口腔种植牙中心", None),
    ("某某燃气轮机电站项目", None),
    ("某某地铁牵引供电系统改造", None),
    # NBS items the guidance and the written decisions overrule: steel, building glass and insulation, farm machinery,
    # commodity fibres, resins and alcohols, nuclear forgings, energy-saving appliances, life-saving gear
    ("某某钢化玻璃及中空玻璃项目", None),
    ("某某高强钢丝绳项目", None),
    ("某某大马力拖拉机项目", None),
    ("某某岩棉保温板项目", None),
    ("某某腈纶纤维项目", None),
    ("某某环氧树脂扩产项目", None),
    ("某某乙二醇项目", None),
    ("某某核电主管道锻件项目", None),
    ("某某节能冰箱生产线", None),
    ("某某救生衣生产项目", None),
]
# round 13's terms glued to the words they nest in or cross (the batch test below)
_NBS_COLLISIONS = [
    "交换机交换", "光纤放大器光纤", "柔性直流直流输电", "激光共聚焦共聚焦", "燃气轮机燃气",
    "铁路客车站铁路客车", "低聚糖聚糖", "陶瓷膜陶瓷基板", "无源光网络光网络", "道岔融雪道岔",
    "数字电视数字广播", "聚偏氟乙烯氟树脂氟橡胶", "锰酸锂钴酸锂正极材料", "垃圾填埋气垃圾",
]


@pytest.mark.parametrize(("name", "sector"), _NBS_RECALL + _NBS_PRECISION)
def test_nbs_vocabulary_classes(name: str, sector: str | None) -> None:
    assert tagging.tag(name).sector == sector, tagging.tag(name)


def test_nbs_vocabulary_tags_the_same_in_a_batch() -> None:
    _agrees_in_a_batch([n for n, _ in _NBS_RECALL + _NBS_PRECISION] + _NBS_COLLISIONS)


def test_nbs_terms_come_from_the_taxonomy() -> None:
    """Every ``[[nbs_terms]]`` table names a sub-field, its NBS category (a path under one of the NBS 2018 domains) and
    its source; its keywords are new words, that sub-field's keywords, ordinary (never strong), and positive words for
    the tagger (no context word of ``[tagging]`` overrules them)."""
    from dashboard import taxonomy

    tables = taxonomy._raw()["nbs_terms"]
    domains = {s.nbs_name_zh for s in taxonomy.sectors()}
    assert tables and sum(len(t["keywords"]) for t in tables) >= 200
    kinds = tagging._tables().kinds
    # the NBS tables add only words no sub-field lists itself
    own = {w for sec in taxonomy._raw()["sectors"] for sf in sec["subfields"]
           for w in (*sf["keywords"], *sf.get("strong_keywords", ()))}
    assert not own & {w for table in tables for w in table["keywords"]}
    for table in tables:
        sf = taxonomy.subfield(table["subfield"])
        assert table["source"] == "NBS 2018 (third-party copy: swifthu/industrial_classifi, S1)"
        assert table["category"].split(" > ")[0] in domains, table["category"]
        for word in table["keywords"]:
            assert word in sf.keywords and word not in sf.strong_keywords, (sf.slug, word)
            assert kinds[tagging._norm(word)] == tagging.POSITIVE, word
    assert tagging.tag("某某年产1万吨锰酸锂项目").matched == ("锰酸锂",)


def test_a_sensor_is_a_chip_only_with_a_chip_named() -> None:
    """The lead's round-12 decision: a bare sensor is equipment (clause (三)), a sensor named with a chip keyword
    (MEMS, 芯片, 晶圆) is the chip (clause (一)); the words come from the taxonomy."""
    config = tagging.tagging_config()
    assert "传感器" in config["chip_sensor_words"] and "晶体管" in config["semiconductor_device_marks"]
    assert tagging.tag("某某传感器项目").sector == "high_end_equipment"
    assert tagging.tag("某某MEMS传感器项目").sector == "info_tech"
    assert tagging.tag("某某传感器及晶圆级封装项目").sector == "info_tech"


def test_recycling_a_used_battery_is_no_use() -> None:
    """X回收 names what is recycled (光伏组件回收: the modules are a use, the project recycling); when X is itself a
    recycling keyword (废旧锂电池, 退役动力电池) it is no use, so the tag is recycling with full confidence."""
    for name in ("某某废旧锂电池回收项目", "某某退役锂离子电池回收基地"):
        result = tagging.tag(name)
        assert result.sector == "green_env" and result.confidence > 0.9, result
    assert tagging.tag("某某光伏组件回收项目").sector == "green_env"
    assert tagging.tag("某某光伏组件回收项目").confidence < 0.9


def test_process_keywords_come_from_the_taxonomy() -> None:
    """``[tagging] process_keywords`` (智能制造) are generic keywords; a name with only them is unclassified, even
    with content that says only the same, while content naming a field still counts."""
    config = tagging.tagging_config()
    assert config["process_keywords"] and set(config["process_keywords"]) <= set(config["generic_keywords"])
    assert tagging.tag("某某智能制造项目").sector is None
    assert tagging.tag("某某智能制造项目", "建设智能制造生产线").sector is None
    assert tagging.tag("某某智能制造项目", "建设数控机床生产线").sector == "high_end_equipment"


# Every class example of the rounds after the fifth set (holdout6 to holdout17), recall and precision alike.
_BATCH_ROUNDS = [
    (_SIXTH_RECALL, _SIXTH_PRECISION, _SIXTH_COLLISIONS),
    (_SEVENTH_RECALL, _SEVENTH_PRECISION, _SEVENTH_COLLISIONS),
    (_EIGHTH_RECALL, _EIGHTH_PRECISION, _EIGHTH_COLLISIONS),
    (_NINTH_RECALL, _NINTH_PRECISION, _NINTH_COLLISIONS),
    (_TENTH_RECALL, _TENTH_PRECISION, _TENTH_COLLISIONS),
    (_ELEVENTH_RECALL, _ELEVENTH_PRECISION, _ELEVENTH_COLLISIONS),
    (_TWELFTH_RECALL, _TWELFTH_PRECISION, _TWELFTH_COLLISIONS),
    (_THIRTEENTH_RECALL, _THIRTEENTH_PRECISION, _THIRTEENTH_COLLISIONS),
    (_FOURTEENTH_RECALL, _FOURTEENTH_PRECISION, _FOURTEENTH_COLLISIONS),
    (_FIFTEENTH_RECALL, _FIFTEENTH_PRECISION, _FIFTEENTH_COLLISIONS),
    (_SIXTEENTH_RECALL, _SIXTEENTH_PRECISION, _SIXTEENTH_COLLISIONS),
    (_SEVENTEENTH_RECALL, _SEVENTEENTH_PRECISION, _SEVENTEENTH_COLLISIONS),
]


@pytest.mark.parametrize(("recall", "precision", "collisions"), _BATCH_ROUNDS,
                         ids=[f"holdout{k}" for k in range(6, 6 + len(_BATCH_ROUNDS))])
def test_held_out_classes_tag_the_same_in_a_batch(recall: list, precision: list, collisions: list[str]) -> None:
    """The batch path agrees with one-by-one tagging on each held-out round's class examples and on its class
    words glued together (their occurrences nest and cross), with and without content."""
    _agrees_in_a_batch([n for n, _ in recall + precision] + collisions)


_HELD_OUT_CLASS_EXAMPLES = [*_SIXTH_RECALL, *_SIXTH_PRECISION, *_SEVENTH_RECALL, *_SEVENTH_PRECISION,
                            *_EIGHTH_RECALL, *_EIGHTH_PRECISION, *_NINTH_RECALL, *_NINTH_PRECISION,
                            *_TENTH_RECALL, *_TENTH_PRECISION, *_ELEVENTH_RECALL, *_ELEVENTH_PRECISION,
                            *_TWELFTH_RECALL, *_TWELFTH_PRECISION, *_THIRTEENTH_RECALL, *_THIRTEENTH_PRECISION,
                            *_FOURTEENTH_RECALL, *_FOURTEENTH_PRECISION, *_FIFTEENTH_RECALL,
                            *_FIFTEENTH_PRECISION, *_SIXTEENTH_RECALL, *_SIXTEENTH_PRECISION,
                            *_SEVENTEENTH_RECALL, *_SEVENTEENTH_PRECISION]


@pytest.mark.parametrize(("name", "sector"), _HELD_OUT_CLASS_EXAMPLES)
def test_classes_found_on_held_out_sets(name: str, sector: str | None) -> None:
    assert tagging.tag(name).sector == sector, tagging.tag(name)


# --- round 16: common project-name vocabulary (names written for each class, none from a labelled set) ----------

@pytest.mark.parametrize(("name", "sector"), [
    ("某某10万吨级二氧化碳捕集利用与封存项目", "green_env"),  # CCUS: clause (七) environmental governance
    ("某某CCUS示范工程", "green_env"),
    ("某某矿山生态修复项目", "green_env"),
    ("某某危险废弃物集中处置中心", "green_env"),
    ("某某废硫酸再生项目", "green_env"),
    ("某某钢铁有限公司节能降碳改造项目", "green_env"),  # as 节能改造: energy saving in any plant (clause (七))
    ("某某城市生命线安全工程", "info_tech"),
    ("某某数据标注基地", "info_tech"),
    ("某某“智改数转”赋能中心", "info_tech"),  # a centre for it; a textile plant's own stays unclassified (below)
    ("某某Chiplet先进封装项目", "info_tech"),
    ("某某年产1000万只陶瓷电容项目", "info_tech"),
    ("某某类脑智能研究平台", "info_tech"),
    ("某某脐带血干细胞库", "biotech"),
    ("某某病毒载体CDMO平台", "biotech"),
    ("某某年产2000万支心脏支架项目", "biotech"),
    ("某某具身智能产业园", "high_end_equipment"),
    ("某某风电安装船建造项目", "high_end_equipment"),  # the vessel, not the wind farm
    ("某某航空起落架生产线", "high_end_equipment"),
    ("某某海绵钛项目", "new_materials"),
    ("某某年产5万吨PTFE项目", "new_materials"),
    ("某某光学玻璃生产线", "new_materials"),
    ("某某年产100吨金属镓项目", "new_materials"),
    ("某某绿氨合成项目", "new_energy"),
    ("某某构网型储能电站", "new_energy"),
    ("某某超级电容项目", "new_energy"),
    ("某某BIPV光伏建筑一体化项目", "new_energy"),
    ("某某可持续航空燃料项目", "new_energy"),
    ("某某动力电芯生产基地", "smart_nev"),
    ("某某车路云一体化试点", "smart_nev"),
    ("某某V2G车网互动示范", "smart_nev"),
    ("某某微短剧产业园", "digital_creative"),
    ("某某网红经济产业园", "digital_creative"),
])
def test_round_16_vocabulary_names_its_sector(name: str, sector: str) -> None:
    assert tagging.tag(name).sector == sector, tagging.tag(name)


@pytest.mark.parametrize("name", [
    "某某地铁车辆段工程",  # a depot (地铁车辆 is rolling stock): a neutral compound, as 城轨车辆段
    "某某纺织有限公司智改数转项目",  # a traditional industry's digital transformation: how, not what (generic)
    "某某天然气掺氢示范项目",  # 掺氢 is no keyword: gas stays gas
    "某某港铁水联运码头工程",  # a port terminal: 铁水联运 is no keyword, 码头 negative context
    "某某高速公路智慧高速建设项目",
    "某某乳业智慧牧场项目",
    "某某年产30万吨废纸造纸项目",
    "某某航电枢纽工程",  # navigation and power hubs on a river, no avionics
    "某某轨道交通3号线工程",
    "某某沿海工业园项目",  # 海工 is no keyword: it sits inside 沿海工业
    "某某年产10万吨高镍铁项目",  # nickel pig iron for steel, no cathode
    "某某年产50万只IBC吨桶项目",  # plastic containers, no PV cell
    "某某传统信息化改造项目",  # 统信 only as 统信软件
])
def test_round_16_vocabulary_leaves_ordinary_works_unclassified(name: str) -> None:
    assert tagging.tag(name).sector is None, tagging.tag(name)


def test_the_second_labellings_cover_the_sealed_sets_name_for_name() -> None:
    """tests/data/agreement holds two independent labellings of holdout18–holdout20 (scripts/label_agreement.py
    compares them): every name of those sets once, each with a known sector slug or none and a yes/no."""
    from scripts.label_agreement import labellings

    labels, sure = labellings()
    names = sum(len(_read_csv(Path(__file__).parent / "data" / f"holdout{n}_projects.csv")) for n in (18, 19, 20))
    slugs = {s.slug for s in taxonomy.sectors()} | {""}
    assert len(sure) == names == 475
    assert all(set(labels[who]) <= slugs for who in labels), {who: set(labels[who]) - slugs for who in labels}


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_one_set_of_blanks_for_the_tagger_and_the_import() -> None:
    """The tagger trims and the import strips the same characters: every one str.strip() removes, from one
    module both import (the tagger once rebuilt the import's set itself)."""
    import re
    import sys

    from dashboard import tagging, textchars
    from dashboard.ingest import raw

    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace())
    assert textchars.BLANK_CHARS == every and ("x" + every + "x").strip(every) == ("x" + every + "x")
    assert re.fullmatch(f"[{raw.BLANKS}]+", every)
    assert tagging.BLANK_CHARS is textchars.BLANK_CHARS and not hasattr(tagging, "_whitespace")


# --- round 17: structural precision classes and words for weak sub-fields ----------------------------

@pytest.mark.parametrize(("name", "sector"), [
    # civil and land works built for a park or a plant are what is built, whatever the park makes
    ("某某芯片产业园主干路工程", None),
    ("某某光伏制造基地场地平整工程", None),
    ("某某新能源汽车产业园综合管廊", None),
    ("某某储能电站项目土石方工程", None),
    ("某某卫星产业园城市综合体", None),
    ("某某光伏产业园安置房", None),  # homes and a showroom, whatever they are named after
    ("某某新能源汽车4S店", None),
    ("某某手机配件生产项目", None),
    ("某某芯片产业园", "info_tech"),  # the park itself still takes its field
    ("某某车路协同智慧路网工程", "smart_nev"),  # a connected road network is no plain 路网
])
def test_civil_and_land_works_are_what_is_built(name: str, sector: str | None) -> None:
    assert tagging.tag(name).sector == sector, tagging.tag(name)


@pytest.mark.parametrize(("name", "sector"), [
    # a district named after a field (某某航天城) hosts shops, parks and roads that are not the field
    ("某某航天城商业中心", None),
    ("某某生物城邻里中心", None),
    ("某某航空城市民中心", None),
    ("某某航天城卫星总装测试项目", "high_end_equipment"),  # a field named again elsewhere still counts
    ("某某生物医药城项目", "biotech"),  # the field's own park keeps its field
    ("某某5G城市示范项目", "info_tech"),  # 城市 is no place
])
def test_a_keyword_before_a_place_mark_names_a_district(name: str, sector: str | None) -> None:
    assert tagging.tag(name).sector == sector, tagging.tag(name)


def test_a_keyword_before_a_place_mark_is_never_strong() -> None:
    # the district's name is a use: it counts little, so a lone district name scores low
    assert tagging.tag("某某航天城").confidence < tagging.tag("某某航天装备").confidence


@pytest.mark.parametrize(("name", "sector"), [
    ("某某环保", "green_env"),  # the company named alone takes its sector
    ("某某环保项目", "green_env"),
    ("某某环保包装材料项目", None),  # elsewhere 环保 qualifies a product
    ("年产5万吨环保型涂料项目", None),
    ("某某低碳环保建设项目", None),
    ("某某环保科技有限公司仓储项目", None),  # inside the owner's name it is no evidence
    ("蔚来汽车", None),  # a vehicle maker's brand ending the name is the company named alone
    ("某某小米汽车项目", None),
    ("某某小米汽车工厂二期", "smart_nev"),  # a plant of the maker
])
def test_a_tail_word_counts_only_ending_the_name(name: str, sector: str | None) -> None:
    assert tagging.tag(name).sector == sector, tagging.tag(name)


@pytest.mark.parametrize(("name", "sector"), [
    ("某某阳光电子科技产业园", None),  # 阳光|电子: no 光电
    ("某某光电产业园", "info_tech"),
    ("某某人类器官模型教学装置", None),  # 人类|器官: no 类器官
    ("某某类器官研发平台", "biotech"),
    ("某某非转基因大豆油加工项目", None),  # a negated keyword names what the product is not
])
def test_a_common_word_that_crosses_a_keyword_hides_it(name: str, sector: str | None) -> None:
    assert tagging.tag(name).sector == sector, tagging.tag(name)


@pytest.mark.parametrize(("name", "sector"), [
    # steel, drinks and LNG under a bare sector word or label stay ordinary industries
    ("某某新能源用钢项目", None),
    ("某某新材料带钢生产线", None),
    ("某某特种合金钢项目", None),
    ("某某生物饮料生产线", None),
    ("某某新能源LNG加注站", None),
    ("某某高端电工钢项目", "new_materials"),
])
def test_steel_drinks_and_lng_are_ordinary(name: str, sector: str | None) -> None:
    assert tagging.tag(name).sector == sector, tagging.tag(name)


@pytest.mark.parametrize(("name", "sector"), [
    ("某某船舶制造基地项目", None),  # clause (三) names 高技术船舶, not ships as such
    ("某某绿色智能船舶产业园", "high_end_equipment"),
    ("某某新能源船舶制造项目", "high_end_equipment"),  # no bare 新能源: the ship is the product
    ("某某LNG运输船建造项目", "high_end_equipment"),
])
def test_only_high_tech_ships_are_equipment(name: str, sector: str | None) -> None:
    assert tagging.tag(name).sector == sector, tagging.tag(name)


@pytest.mark.parametrize(("name", "sector"), [
    ("某某红外探测器生产线项目", "info_tech"),
    ("某某射频识别标签产业化项目", "info_tech"),
    ("某某算力枢纽节点项目", "info_tech"),
    ("某某智慧供应链产业基地", "info_tech"),
    ("某某固态硬盘生产项目", "info_tech"),
    ("某某航天发射工位建设项目", "high_end_equipment"),
    ("某某自动化设备研发生产项目", "high_end_equipment"),
    ("某某光掩膜版生产项目", "new_materials"),
    ("某某稀有金属材料产业化项目", "new_materials"),
    ("某某兽用疫苗生产基地", "biotech"),
])
def test_round_17_words_for_weak_sub_fields(name: str, sector: str) -> None:
    assert tagging.tag(name).sector == sector, tagging.tag(name)


# --- round 19: the classes of holdout22's misses (names written for each class, none from a labelled set) ----------

_NINETEENTH_RECALL = [
    # a road vehicle after a bare new-energy word is a new-energy vehicle (clause (六)), whatever the vehicle
    ("某某新能源特种车生产项目", "smart_nev"),
    ("某某新能源组装车项目", "smart_nev"),
    ("某某清洁能源重卡项目", "smart_nev"),
    ("某某新能源自卸车", "smart_nev"),
    # a company named alone with its registered form takes its bare sector word or label, and so does its base
    ("某某医药集团有限公司", "biotech"),
    ("某某医药投资有限公司项目", "biotech"),
    ("某某新材料股份有限公司", "new_materials"),
    ("某某生物科技有限公司生产基地", "biotech"),
    ("某某新能源有限公司基地项目", "new_energy"),
    # biofuels written with 生物 are biomass energy, not biotech
    ("某某生物乙醇项目", "new_energy"),
    ("某某生物燃油项目", "new_energy"),
    # digital health is clause (一)'s 医疗健康, with 智慧医疗
    ("某某数字医疗产业园", "info_tech"),
    ("某某数字健康服务平台", "info_tech"),
    # brain science names the life sciences; a place's 大脑 is a data platform
    ("某某脑科学研究中心", "biotech"),
    ("某某脑智科创基地", "biotech"),
    ("某某交通大脑智能平台", "info_tech"),
    ("某某类脑智能芯片", "info_tech"),
    # building-integrated PV
    ("某某发电建材项目", "new_energy"),
    ("某某碲化镉发电玻璃生产线", "new_energy"),
    ("某某发电幕墙", "new_energy"),
    # CNC machines under their short names
    ("某某精密数控项目", "high_end_equipment"),
    ("某某精雕机生产", "high_end_equipment"),
    # water-environment works and straw put to use
    ("某某水环境提升工程", "green_env"),
    ("某某秸秆精炼项目", "green_env"),
    ("某某秸秆发电", "new_energy"),  # the longer biomass words keep their sector
    # 节能 names its sector as 环保 does (the company named alone); data-exchange platforms
    ("某某节能", "green_env"),
    ("某某节能有限公司", "green_env"),
    ("某某节能改造", "green_env"),
    ("某某电子资料交换平台", "info_tech"),
    ("某某政务数据交换平台", "info_tech"),
    ("某某中药饮片生产项目", "biotech"),
    ("某某沉浸式文旅体验中心", "digital_creative"),  # clause (八)'s experience centres stay
]
_NINETEENTH_PRECISION = [
    ("某某新能源叉车项目", "new_energy"),  # a forklift is no road vehicle: the bare 新能源 as before
    ("某某新能源车间改造", None),  # a workshop
    ("某某生物科技有限公司", None),  # a company named alone by 生物: unclassified in every set
    ("金准生物", None),
    ("某某医药集团有限公司仓储项目", None),  # the owner's 医药 names no warehouse
    ("某某生物科技有限公司改扩建项目", None),  # an upgrade with no product
    ("某某乙醇项目", None),  # ethanol with no feedstock named
    ("某某数字医院", None),  # a hospital
    ("某某秸秆还田", None),
    ("某某秸秆饲料加工", None),
    ("某某节能型门窗", None),  # round 13: 节能型 ordinary products are not SEI
    ("某某节能建材", None),
    ("某某节能区域总部", None),  # elsewhere 节能 qualifies: as 某某环保区域总部
    ("某某藏药药品经营项目", None),  # drug trade: nothing made
    ("某某药品批发中心", None),
    ("某某新能源汽车体验中心", None),  # a car showroom, as a 4S店
    ("某某新能源汽车展厅", None),
]
_NINETEENTH_COLLISIONS = ["新能源特种车新能源", "清洁能源重卡车间", "医药集团股份有限公司医药", "生物乙醇生物",
                          "交通大脑智能脑智", "发电建材建材", "数控机床数控", "秸秆还田秸秆", "节能冰箱节能",
                          "药品经营药品", "汽车体验中心新能源汽车"]


@pytest.mark.parametrize(("name", "sector"), [*_NINETEENTH_RECALL, *_NINETEENTH_PRECISION])
def test_round_19_classes(name: str, sector: str | None) -> None:
    assert tagging.tag(name).sector == sector, tagging.tag(name)


def test_round_19_classes_tag_the_same_in_a_batch() -> None:
    _agrees_in_a_batch([n for n, _ in _NINETEENTH_RECALL + _NINETEENTH_PRECISION] + _NINETEENTH_COLLISIONS)


def test_round_19_lists_come_from_the_taxonomy() -> None:
    """``[tagging] nev_vehicle_words`` make a new-energy vehicle after every bare new-energy word, strong, in the
    sub-field that owns 新能源汽车; ``company_bases`` are a company's base after its registered name."""
    config = tagging.tagging_config()
    assert "特种车" in config["nev_vehicle_words"] and "叉车" not in config["nev_vehicle_words"]
    assert "生产基地" in config["company_bases"]
    t = tagging._tables()
    for word in tagging.sector_words()["new_energy"]:
        for vehicle in config["nev_vehicle_words"]:
            entries = t.positive[tagging._norm(word + vehicle)]  # a compound listed already keeps its listing
            assert [e.sector for e in entries] == ["smart_nev"], word + vehicle
    assert all(e.strong for e in t.positive["新能源特种车"]) and all(e.strong for e in t.positive["清洁能源重卡"])
    assert tagging.tag("某某新能源特种车").confidence > tagging.tag("某某新能源产业园").confidence
    # a company's base after its registered name counts once the name is the company's: never a plain 基地 elsewhere
    assert tagging.tag("某某医药集团有限公司研发中心基地仓库").sector is None
