"""Automatic sector tagging of a project from its name and 建设内容 text.

Every keyword of ``data/taxonomy.toml`` (sub-field ``keywords`` and ``strong_keywords``) and the
negative-context words of its ``[tagging]`` table are compiled once into a single prefix-trie regex
(longest keyword first), so one ``findall`` pass per text finds the keywords; a keyword inside a
longer matched keyword is never counted twice, and where two matches overlap the longer one wins.
Each distinct keyword counts once per text, weighted by length, by strength (``strong_keywords``, and
any keyword that contains one), down-weighted when listed in ``weak_keywords``, counted more in the
name than in the content, and a little more when it is the last of several in the name (the head of a
Chinese compound: 锂电池负极材料 is a material). Confidence combines the winning score with its
margin over the runner-up, so ties and a lone weak or short keyword score low. Negative context
(``exclude_keywords``: roads, housing, hotels, schools, hospital buildings, water supply, generic
industrial-park works) leaves a project unclassified unless a strong SEI keyword is present too.

Only the standard library is used at run time.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from . import taxonomy

NAME_WEIGHT = 1.0
CONTENT_WEIGHT = 0.5
STRONG_FACTOR = 3.0
WEAK_FACTOR = 0.3
HEAD_FACTOR = 1.25  # the last keyword of a name with several
STRENGTH_SCALE = 1.5  # score at which strength reaches 1 - 1/e


@dataclass(frozen=True)
class TagResult:
    """The tagger's verdict: sector and sub-field slugs (None when unclassified), a confidence in 0–1
    and the keywords that support the sector, in the order found (name first, then content)."""

    sector: str | None
    subfield: str | None
    confidence: float
    matched: tuple[str, ...]


UNCLASSIFIED = TagResult(None, None, 0.0, ())


@dataclass(frozen=True)
class _Entry:
    sector: str
    subfield: str
    strong: bool
    weight: float  # length, strength and weakness already applied


@dataclass(frozen=True)
class _Tables:
    regex: re.Pattern[str]
    positive: dict[str, tuple[_Entry, ...]]  # normalised keyword -> sectors it supports
    negative: frozenset[str]  # normalised exclude keywords
    weak: frozenset[str]
    spelling: dict[str, str]  # normalised keyword -> spelling as written in the taxonomy
    order: dict[str, int]  # sector slug -> clause order (tie-break)
    ascii_edged: frozenset[str]  # keywords that begin or end with a Latin letter or digit
    inner_starts: dict[str, tuple[int, ...]]  # keyword -> offsets where a longer keyword could start
    special: frozenset[str]  # keywords that need the slow path of _scan


def tagging_config() -> dict[str, tuple[str, ...]]:
    """The ``[tagging]`` table of the taxonomy: ``exclude_keywords`` and ``weak_keywords``."""
    raw = taxonomy._raw().get("tagging", {})
    return {
        "exclude_keywords": tuple(raw.get("exclude_keywords", ())),
        "weak_keywords": tuple(raw.get("weak_keywords", ())),
    }


def _norm(text: str) -> str:
    """NFKC (full width to half width) and lower case; Chinese text is unchanged."""
    return unicodedata.normalize("NFKC", text).lower()


def _length_weight(keyword: str) -> float:
    """Longer keywords are more specific: 1 for two characters, +0.25 a character up to six."""
    return 1.0 + (min(len(keyword), 6) - 2) * 0.25


def _trie_pattern(words: Sequence[str]) -> str:
    """A regex matching any of ``words``, the longest first at each position, built as a prefix trie
    so that matching does not try every alternative at every character."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        end = "" in node
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if end else body

    return build(trie)


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
    """Compile the keyword tables and the one big regex (once per process)."""
    config = tagging_config()
    weak = frozenset(_norm(w) for w in config["weak_keywords"])
    negative = frozenset(_norm(w) for w in config["exclude_keywords"])
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

    # A keyword that contains a strong keyword is at least as specific, so it is strong too.
    found: dict[str, dict[str, _Entry]] = {}
    for key, sector, sub, strong in rows:
        strong = strong or any(s in key for s in strong_all if len(s) < len(key))
        weight = _length_weight(key) * (STRONG_FACTOR if strong else 1.0) * (WEAK_FACTOR if key in weak else 1.0)
        per_sector = found.setdefault(key, {})
        if sector not in per_sector:  # the first sub-field of a sector that lists the keyword owns it
            per_sector[sector] = _Entry(sector, sub, strong, weight)
    positive: dict[str, tuple[_Entry, ...]] = {}
    for key, per_sector in found.items():
        share = len(per_sector)  # a keyword listed in several sectors splits its weight among them
        positive[key] = tuple(_Entry(e.sector, e.subfield, e.strong, e.weight / share) for e in per_sector.values())
    negative = frozenset(k for k in negative if k and k not in positive)
    words = sorted({*positive, *negative}, key=lambda w: (-len(w), w))
    order = {s.slug: s.order for s in taxonomy.sectors()}
    ascii_edged = frozenset(w for w in words if _edge_is_ascii(w))
    longest_from: dict[str, int] = {}  # prefix -> length of the longest keyword that begins with it
    for w in words:
        for i in range(1, len(w) + 1):
            longest_from[w[:i]] = max(longest_from.get(w[:i], 0), len(w))
    inner_starts = {}
    for w in words:
        offsets = tuple(p for p in range(1, len(w)) if longest_from.get(w[p:], 0) > len(w))
        if offsets:
            inner_starts[w] = offsets
    special = ascii_edged | frozenset(inner_starts)
    return _Tables(re.compile(_trie_pattern(words)), positive, negative, weak, spelling, order, ascii_edged,
                   inner_starts, special)


_NOTHING: tuple[tuple[str, ...], bool] = ((), False)


def _scan(text: str) -> tuple[tuple[str, ...], bool]:
    """The distinct positive keywords in ``text`` (normalised, in order of appearance) and whether a
    negative-context keyword was found. Where two matches overlap the longer wins, so in '华信创新药'
    the keyword is 创新药, not 信创."""
    if not text:
        return _NOTHING
    t = _tables()
    norm = _norm(text)
    keys = t.regex.findall(norm)
    if not keys:
        return _NOTHING
    if not t.special.isdisjoint(keys):  # rare: a Latin keyword, or one a longer keyword may overlap
        keys = _resolve(norm, t)
    negative = not t.negative.isdisjoint(keys)
    if negative:
        keys = [k for k in keys if k not in t.negative]
    return tuple(dict.fromkeys(keys)), negative


def _resolve(norm: str, t: _Tables) -> list[str]:
    """The slow path of ``_scan``: check Latin word boundaries and let a longer keyword that starts
    inside a match (信创 | 创新药) win over it."""
    rx = t.regex
    spans: list[tuple[int, int]] = []
    overlapping = False
    for m in rx.finditer(norm):
        s, e = m.span()
        spans.append((s, e))
        for p in t.inner_starts.get(m.group(), ()):
            inner = rx.match(norm, s + p)
            if inner is not None and inner.end() - inner.start() > e - s:
                spans.append(inner.span())
                overlapping = True
    spans = [(s, e) for s, e in spans if norm[s:e] not in t.ascii_edged or _ascii_ok(norm, s, e)]
    if overlapping:
        taken: list[tuple[int, int]] = []
        for s, e in sorted(spans, key=lambda se: (se[0] - se[1], se[0])):
            if all(e <= s2 or s >= e2 for s2, e2 in taken):
                taken.append((s, e))
        spans = sorted(taken)
    return [norm[s:e] for s, e in spans]


def _clean(text: object) -> str:
    if text is None or not isinstance(text, str):
        return ""  # None, NaN and other non-text cells say nothing
    return text.strip()


@lru_cache(maxsize=65536)
def _decide(name_hits: tuple[str, ...], name_neg: bool, content_hits: tuple[str, ...], content_neg: bool) -> TagResult:
    """Score the sectors supported by the keywords found (cached: many names share their keywords)."""
    t = _tables()
    fields = [(name_hits, NAME_WEIGHT)]
    if content_hits:
        fields.append((content_hits, CONTENT_WEIGHT))

    has_strong = any(e.strong for hits, _ in fields for k in hits for e in t.positive[k])
    if not has_strong and (name_neg or (content_neg and not name_hits)):
        return UNCLASSIFIED  # a road, a school, housing … with no strong SEI keyword

    scores: dict[str, float] = {}
    strong_weak: dict[str, list[int]] = {}  # sector -> [strong hits, non-weak hits]
    sub_scores: dict[tuple[str, str], float] = {}
    matched: dict[str, list[str]] = {}
    for field_no, (hits, field_weight) in enumerate(fields):
        for i, key in enumerate(hits):
            # In a Chinese compound the head comes last: 锂电池负极材料 is a material, not a battery.
            head = HEAD_FACTOR if field_no == 0 and i == len(hits) - 1 and i else 1.0
            for e in t.positive[key]:
                w = e.weight * field_weight * head
                scores[e.sector] = scores.get(e.sector, 0.0) + w
                sub_scores[(e.sector, e.subfield)] = sub_scores.get((e.sector, e.subfield), 0.0) + w
                counts = strong_weak.setdefault(e.sector, [0, 0])
                counts[0] += e.strong
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
    subfield = max((sub for (sec, sub) in sub_scores if sec == best), key=lambda sub: sub_scores[(best, sub)])
    return TagResult(best, subfield, round(confidence, 3), tuple(matched[best]))


def _tag(name: str, content: str) -> TagResult:
    return _decide(*_scan(name), *_scan(content))


@lru_cache(maxsize=65536)
def _tag_cached(name: str, content: str) -> TagResult:
    return _tag(name, content)


def tag(name: str, content: str | None = None) -> TagResult:
    """Tag one project from its name and (optional) 建设内容 text."""
    return _tag_cached(_clean(name), _clean(content))


def tag_many(names: Sequence[str], contents: Sequence[str | None] | None = None) -> list[TagResult]:
    """Tag many projects at once; identical (name, content) pairs are tagged once."""
    if contents is None:
        contents = [None] * len(names)
    if len(contents) != len(names):
        raise ValueError(f"{len(names)} names but {len(contents)} contents")
    _tables()
    # _clean, inlined: a column of 100,000 cells costs a call per cell otherwise.
    clean_names = [n.strip() if isinstance(n, str) else "" for n in names]
    clean_contents = [c.strip() if isinstance(c, str) else "" for c in contents]
    scans = {text: _scan(text) for text in dict.fromkeys([*clean_names, *clean_contents])}  # each text once
    seen: dict[tuple[str, str], TagResult] = {}
    out: list[TagResult] = []
    for key in zip(clean_names, clean_contents, strict=True):
        result = seen.get(key)
        if result is None:
            result = seen[key] = _decide(*scans[key[0]], *scans[key[1]])
        out.append(result)
    return out
