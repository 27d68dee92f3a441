"""The words a list uses for coded values (stage, ownership, funding channel, sector) and their slugs."""

from __future__ import annotations

import pandas as pd

from .. import tagging, taxonomy
from . import values


def funding_aliases() -> dict[str, str]:
    """Each funding channel's names and aliases, as written, to its slug (for header matching)."""
    return {name: s.slug for s in taxonomy.funding_sources() for name in (s.name_zh, s.name_en, *s.aliases) if name}


def stage_aliases() -> dict[str, str]:
    """Every spelling of a stage (as :func:`values.stage_key` folds it) to its slug."""
    return {values.stage_key(k): v for k, v in taxonomy.stage_aliases().items()}


def ownership_aliases() -> dict[str, str]:
    """Every spelling of an ownership type (folded as a stage's) to its slug."""
    return {values.stage_key(k): v for k, v in taxonomy.ownership_aliases().items()}


def sector_from_name(text: str) -> str | None:
    text = (text or "").strip()
    if not text:
        return None
    return taxonomy.sector_from_name(text)


def tag(names: list[str], contents: list[str | None]) -> pd.DataFrame:
    """The tagger's verdicts as columns sector, subfield, confidence, matched ('、'-joined)."""
    results = tagging.tag_many(names, contents)
    # Columns straight from the results; each distinct verdict's keywords are joined once.
    joined: dict[int, str | None] = {}
    matched = []
    for r in results:
        key = id(r)
        if key not in joined:
            joined[key] = _joined(r.matched)
        matched.append(joined[key])
    out = pd.DataFrame({"sector": [r.sector for r in results], "subfield": [r.subfield for r in results],
                        "confidence": [r.confidence for r in results], "matched": matched},
                       columns=["sector", "subfield", "confidence", "matched"])
    out["confidence"] = pd.to_numeric(out["confidence"], errors="coerce")
    return out.reset_index(drop=True)


def _joined(m: object) -> str | None:
    if m is None or (not isinstance(m, str) and len(m) == 0):
        return None
    return m if isinstance(m, str) else "、".join(map(str, m))
