"""data/taxonomy.toml against the policy text of 发改高技〔2020〕1409号 (values hard-coded from it)."""

from __future__ import annotations

import re
import string

import pytest

from dashboard import taxonomy

SLUGS = ["info_tech", "biotech", "high_end_equipment", "new_materials", "new_energy", "smart_nev", "green_env",
         "digital_creative"]
CLAUSES = ["一", "二", "三", "四", "五", "六", "七", "八"]
NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六",
            "十七", "十八", "十九", "二十"]

# The sub-field phrases of clauses (一)–(八) as they stand in the policy ((四) as published, not as garbled).
CLAUSE_PHRASES = {
    "info_tech": [
        "5G", "基础材料", "关键芯片", "高端元器件", "新型显示器件", "关键软件", "工业互联网", "人工智能", "物联网",
        "车联网", "大数据", "云计算", "区块链", "新型城市基础设施", "智慧广电", "媒体融合", "5G广播", "智慧水利",
        "智慧港口", "智慧物流", "智慧市政", "智慧社区", "智慧家政", "智慧旅游", "在线消费", "在线教育", "医疗健康",
        "中小企业数字化赋能", "上云用数赋智", "数字乡村", "农村互联网基础设施", "农产品出村进城", "农业农村大数据中心",
    ],
    "biotech": [
        "创新疫苗", "体外诊断与检测试剂", "抗体药物", "生物安全", "生物制品检验检定", "遗传细胞与遗传育种",
        "合成生物", "生物药", "中药", "生物技术惠民工程", "医疗装备",
    ],
    "high_end_equipment": [
        "工业机器人", "特种机器人", "高端仪器仪表", "轨道交通装备", "高档五轴数控机床", "节能异步牵引电动机",
        "高端医疗装备和制药装备", "航空航天装备", "海洋工程装备及高技术船舶", "智能制造", "智能建造", "传感器",
        "智能装备", "自动化系统", "协同制造示范工厂", "工业互联网平台",
    ],
    "new_materials": [
        "光刻胶", "高纯靶材", "高温合金", "高性能纤维材料", "高强高导耐热材料", "耐腐蚀材料", "大尺寸硅片",
        "电子封装材料", "稀土", "钒钛", "钨钼", "锂", "铷铯", "石墨", "石墨烯", "纳米材料", "新材料创新发展行动计划",
    ],
    "new_energy": [
        "新能源装备", "主轴承", "IGBT", "控制系统", "高压直流海底电缆", "风光水储互补", "先进燃料电池", "高效储能",
        "海洋能发电", "智能电网", "微电网", "分布式能源", "新型储能", "制氢加氢设施", "燃料电池系统", "先进燃煤发电",
        "核电", "非常规油气", "综合能源服务", "源网荷储", "秸秆能源化利用",
    ],
    "smart_nev": [
        "公共领域车辆全面电动化", "充/换电站", "智能网联汽车道路测试", "车联网车路协同", "智能汽车特定场景应用",
        "自动驾驶运营大数据中心", "城市信息模型", "车城网", "融合感知体系",
    ],
    "green_env": [
        "城市绿色发展综合示范工程", "城市更新", "城镇老旧小区改造", "建筑节能节水改造", "合同节水管理",
        "节水服务产业", "共用物流集装化体系", "多式联运示范工程", "智慧农业", "生态环境新型治理体系",
        "环境综合治理托管", "生态环境导向的开发", "EOD", "节能环保装备产业", "海水淡化产业", "绿色消费", "绿色出行",
        "绿色商场", "绿色饭店", "绿色电商", "绿色建造", "智能建造与建筑工业化", "钢结构建筑",
    ],
    "digital_creative": [
        "数字创意产业集群", "数字内容", "直播和短视频基地", "电竞中心", "沉浸式产品体验展示中心", "VR旅游", "AR营销",
        "数字文博馆", "创意设计", "智慧广电", "智能体育", "高清电视", "超高清电视", "5G高视频", "网络视听平台",
        "大视听全产业链",
    ],
}

# The 责任部门 line at the end of each clause.
LEAD_DEPARTMENTS = {
    "info_tech": ["发展改革委", "工业和信息化部", "科技部", "教育部", "住房城乡建设部", "交通运输部", "水利部",
                  "农业农村部", "商务部", "卫生健康委", "广电总局", "国铁集团"],
    "biotech": ["发展改革委", "卫生健康委", "科技部", "工业和信息化部", "中医药局", "药监局"],
    "high_end_equipment": ["发展改革委", "工业和信息化部", "住房城乡建设部", "农业农村部", "国铁集团"],
    "new_materials": ["发展改革委", "工业和信息化部"],
    "new_energy": ["发展改革委", "工业和信息化部", "自然资源部", "能源局"],
    "smart_nev": ["发展改革委", "工业和信息化部", "住房城乡建设部", "交通运输部"],
    "green_env": ["发展改革委", "科技部", "工业和信息化部", "自然资源部", "生态环境部", "住房和城乡建设部",
                  "交通运输部", "农业农村部", "商务部", "国铁集团"],
    "digital_creative": ["发展改革委", "教育部", "工业和信息化部", "农业农村部", "文化和旅游部", "广电总局",
                         "体育总局"],
}

# 《战略性新兴产业分类（2018）》 top-level groups 1–8.
NBS_GROUPS = {"info_tech": 1, "high_end_equipment": 2, "new_materials": 3, "biotech": 4, "smart_nev": 5,
              "new_energy": 6, "green_env": 7, "digital_creative": 8}


def test_eight_sectors_in_clause_order() -> None:
    sectors = taxonomy.sectors()
    assert [s.slug for s in sectors] == SLUGS
    assert [s.clause for s in sectors] == CLAUSES
    assert [s.order for s in sectors] == list(range(1, 9))


def test_sector_names() -> None:
    names = {s.slug: s.name_zh for s in taxonomy.sectors()}
    assert names == {"info_tech": "新一代信息技术", "biotech": "生物", "high_end_equipment": "高端装备制造",
                     "new_materials": "新材料", "new_energy": "新能源", "smart_nev": "智能及新能源汽车",
                     "green_env": "节能环保", "digital_creative": "数字创意"}
    for s in taxonomy.sectors():
        for attr in ("name_zh", "name_en", "short_zh", "short_en", "nbs_name_zh", "nbs_name_en"):
            assert getattr(s, attr).strip(), (s.slug, attr)
        assert re.search(r"[A-Za-z]", s.name_en) and not re.search(r"[\u4e00-\u9fff]", s.name_en)


@pytest.mark.parametrize("slug", SLUGS)
def test_every_policy_phrase_is_in_a_clause_phrase_of_its_sector(slug: str) -> None:
    phrases = [p for sf in taxonomy.subfields(slug) for p in sf.clause_phrases]
    missing = [w for w in CLAUSE_PHRASES[slug] if not any(w in p for p in phrases)]
    assert not missing, f"{slug}: not in any clause_phrases: {missing}"


def test_clause_four_is_the_corrected_text() -> None:
    phrases = [p for sf in taxonomy.subfields("new_materials") for p in sf.clause_phrases]
    everything = [p for sf in taxonomy.subfields() for p in (*sf.clause_phrases, sf.name_zh)]
    assert not any("钨钨" in p for p in everything), "the garbled capture of clause (四) leaked in"
    for resource in ("稀土", "钒钛", "钨钼", "锂", "铷铯", "石墨"):
        assert resource in phrases
    assert not any(" and " in p for p in everything), "stray English 'and' from the capture"


def test_subfields() -> None:
    subs = taxonomy.subfields()
    slugs = [sf.slug for sf in subs]
    assert len(slugs) == len(set(slugs)), "sub-field slugs must be unique"
    for sf in subs:
        assert re.fullmatch(r"[a-z0-9]+(_[a-z0-9]+)*", sf.slug), sf.slug
        assert sf.sector in SLUGS
        assert sf.name_zh.strip() and sf.name_en.strip()
        assert sf.clause_phrases, sf.slug
        assert sf.keywords, f"{sf.slug} has no keywords: the tagger could never find it"
        for kw in (*sf.keywords, *sf.strong_keywords):
            assert kw == kw.strip() and kw, (sf.slug, kw)
        for words in (sf.keywords, sf.strong_keywords):  # a word listed twice is an edit that went astray
            assert len(words) == len(set(words)), (sf.slug, sorted({w for w in words if words.count(w) > 1}))
    for s in taxonomy.sectors():
        assert len(s.subfields) >= 2
        assert taxonomy.subfields(s.slug) == s.subfields


def test_no_keyword_points_at_two_sectors() -> None:
    owner: dict[str, str] = {}
    clashes = []
    for sf in taxonomy.subfields():
        for kw in {*sf.keywords, *sf.strong_keywords}:
            if owner.setdefault(kw, sf.sector) != sf.sector:
                clashes.append((kw, owner[kw], sf.sector))
    assert not clashes


def test_lead_departments() -> None:
    for s in taxonomy.sectors():
        assert list(s.lead_departments) == LEAD_DEPARTMENTS[s.slug], s.slug
        assert len(s.lead_departments) == len(s.lead_departments_en), s.slug
        assert all(d.strip() for d in s.lead_departments_en)
        assert len(set(s.lead_departments)) == len(s.lead_departments)


def test_nbs_groups_one_to_eight_each_once() -> None:
    groups = {s.slug: s.nbs_group for s in taxonomy.sectors()}
    assert groups == NBS_GROUPS
    assert sorted(groups.values()) == list(range(1, 9))


def test_tiers_and_targets() -> None:
    tiers = taxonomy.tiers()
    assert [(t.slug, t.target_count) for t in tiers] == [("base", 10), ("cluster", 100), ("ecosystem", 1000)]
    assert {t.clause for t in tiers} == {"九"}
    assert all(t.name_zh and t.name_en and t.short_zh and t.short_en for t in tiers)


def test_programmes() -> None:
    progs = taxonomy.programmes()
    assert [(p.slug, p.clause) for p in progs] == [
        ("innovation_capability", "十"), ("industry_city", "十一"), ("application_scenarios", "十二"),
        ("public_service", "十三"),
    ]
    assert all(p.name_zh and p.name_en and p.summary_zh and p.summary_en for p in progs)


def test_twenty_measures_and_what_tracks_them() -> None:
    measures = taxonomy.measures()
    assert [m.number for m in measures] == list(range(1, 21))
    assert [m.clause for m in measures] == NUMERALS
    tracked = [m.tracked_by for m in measures]
    assert tracked[:8] == [f"sector:{slug}" for slug in SLUGS]
    assert tracked[8] == "targets"
    assert tracked[9:13] == [f"programme:{p.slug}" for p in taxonomy.programmes()]
    assert tracked[13:16] == ["funding"] * 3
    assert tracked[16:20] == ["none"] * 4
    for m in measures:
        assert m.title_zh and m.title_en and m.section_zh and m.section_en and m.lead_departments
        if m.tracked_by == "none":
            assert m.note_zh.strip() and m.note_en.strip(), m.number
    by_sector = {s.slug: s for s in taxonomy.sectors()}
    for m in measures[:8]:
        sector = by_sector[m.tracked_by.removeprefix("sector:")]
        assert m.lead_departments == sector.lead_departments
        assert m.clause == sector.clause


# Where the text names each channel it names ((十一), (十四)–(十六), quoted); the others are common
# channels of provincial project lists that the text does not name, marked named_in_text = false.
NAMED_CHANNELS = {
    "gov_industry_fund": "政府出资产业投资基金",
    "bank_loans": "鼓励银行探索建立新兴产业金融服务中心或事业部",
    "insurance_long_term": "保险等中长期资金",
    "corporate_bonds": "企业(公司)债券",
    "equity_vc_pe": "支持创业投资、私募基金等投资战略性新兴产业",
    "infra_reits": "不动产投资信托基金（REITs）",
    "foreign_capital": "外商投资",
}
NOT_NAMED = {"central_budget", "local_special_bonds", "self_raised"}


def test_funding_sources() -> None:
    sources = taxonomy.funding_sources()
    assert len(sources) == 10
    assert len({f.slug for f in sources}) == 10
    assert {f.slug for f in sources if f.named_in_text} == set(NAMED_CHANNELS)
    assert {f.slug for f in sources if not f.named_in_text} == NOT_NAMED
    from dashboard.ingest import headers, vocab

    assert vocab.funding_aliases()["保险资金"] == "insurance_long_term"
    assert headers.field_of("保险资金（万元）") == "funding:insurance_long_term"
    assert len({f.color for f in sources}) == len(sources)
    assert {f.kind for f in sources} == {"government", "market"}
    assert {f.clause for f in sources} <= {"十一", "十四", "十五", "十六"}
    assert all(f.name_zh and f.name_en and f.aliases for f in sources)


@pytest.mark.parametrize(("text", "slug"), [
    ("信息技术", "info_tech"),
    ("New-gen IT", "info_tech"),
    ("新一代 信息技术（产业）", "info_tech"),
    ("生物医药", "biotech"),
    ("新能源汽车", "smart_nev"),
    ("节能环保产业", "green_env"),
    ("NEW ENERGY", "new_energy"),
    ("ＮＥＷ　ＥＮＥＲＧＹ", "new_energy"),
    ("新能源", "new_energy"),
    (" 新 材 料 ", "new_materials"),
    ("高端装备", "high_end_equipment"),
    ("数字创意产业", "digital_creative"),
    ("info_tech", "info_tech"),
])
def test_sector_from_name_maps_aliases(text: str, slug: str) -> None:
    assert taxonomy.sector_from_name(text) == slug


@pytest.mark.parametrize("text", [None, "", "房地产", "交通运输", "unknown sector"])
def test_sector_from_name_unknown_is_none(text: str | None) -> None:
    assert taxonomy.sector_from_name(text) is None


def test_aliases_do_not_collide_across_sectors() -> None:
    seen: dict[str, str] = {}
    for s in taxonomy.sectors():
        for alias in (s.name_zh, s.name_en, s.short_zh, s.short_en, *s.aliases):
            key = taxonomy.normalise_key(alias)
            assert seen.setdefault(key, s.slug) == s.slug, (alias, seen[key], s.slug)


def test_demo_templates_use_only_known_placeholders() -> None:
    allowed = {"owner", "city", "n", "phase"}
    for sf in taxonomy.subfields():
        for template in sf.demo_templates:
            fields = {f for _, f, _, _ in string.Formatter().parse(template) if f is not None}
            assert fields <= allowed, (sf.slug, template)
            # the demo fills templates with SQL replace(): plain {name} fields only, no escapes or formats
            values = {"owner": "某某公司", "city": "合肥市", "n": "3", "phase": "一期"}
            replaced = template
            for key, value in values.items():
                replaced = replaced.replace("{" + key + "}", value)
            assert replaced == template.format(**values) and "{" not in replaced and "}" not in replaced


def test_label_names_every_form_of_no_sector_alike() -> None:
    """None, a pandas NaN and the filter's 'unclassified' pseudo-slug all read as unclassified."""
    for missing in (None, float("nan"), "unclassified"):
        assert taxonomy.label("sector", missing, "zh") == "未分类"
        assert taxonomy.label("sector", missing, "en") == "Unclassified"
    assert taxonomy.label("sector", "smart_nev", "zh") == "智能及新能源汽车"


def test_every_responsible_department_has_an_english_name() -> None:
    named = {d.name_zh for d in taxonomy.departments()}
    used = {d for s in taxonomy.sectors() for d in s.lead_departments}
    used |= {d for m in taxonomy.measures() for d in m.lead_departments}
    assert used <= named, used - named
    for zh in ("财政部", "人民银行", "证监会", "银保监会", "国资委", "中科院", "知识产权局", "市场监管总局",
               "人力资源社会保障部", "发展改革委牵头，各部门按职责分工负责"):
        en = taxonomy.department_name(zh, "en")
        assert en != zh and en.isascii(), zh


def test_what_is_not_in_the_text_is_marked_with_its_source() -> None:
    notes = {sf.slug: sf.note_zh for sf in taxonomy.subfields() if sf.note_zh}
    assert "战略性新兴产业分类（2018）" in notes["nev_manufacturing"]
    for slug, word in (("sensors_agri_equipment", "盾构机"), ("smart_applications", "一网通办"),
                       ("genetic_breeding", "细胞治疗")):
        assert word in notes[slug] and "本工具" in notes[slug]
    assert all(taxonomy.subfield(s).note_en for s in notes)


def test_clause_5_tags_the_digitalisation_not_the_plant() -> None:
    from dashboard import tagging

    for name in ("某核电站3、4号机组工程", "页岩气勘探开发项目", "某煤层气开发利用项目"):
        assert tagging.tag(name).sector is None, name
    for name in ("某核电站数字化仪控系统改造项目", "涪陵页岩气田智慧油气田建设项目", "某燃煤电厂智慧电厂改造项目"):
        assert tagging.tag(name).sector == "new_energy", name


def test_tier_statuses_follow_the_text() -> None:
    assert taxonomy.status_label("cluster", "designated") == "已认定"
    assert taxonomy.status_label("base", "designated") == "已打造"
    assert taxonomy.status_label("ecosystem", "designated") == "已形成"
    assert taxonomy.status_label("ecosystem", "reserve", "en") == "in reserve"
    assert taxonomy.pace_start_year() == 2019
    # one status across the tiers, each in its own words (培育和打造 bases and clusters, 引导和储备 ecosystems)
    assert taxonomy.status_phrase("designated") == "产业基地已打造 · 产业集群已认定 · 产业生态已形成"
    assert taxonomy.status_phrase("cultivating", sep="、") == "产业基地培育中、产业集群培育中、产业生态引导中"
    assert taxonomy.status_phrase("reserve", "en") == "Bases: reserve · Clusters: reserve · Ecosystems: in reserve"
