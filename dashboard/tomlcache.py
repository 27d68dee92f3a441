"""TOML files read through a parsed copy kept as JSON, so that a process does not parse them again.

Python's ``tomllib`` is pure Python: the taxonomy (``data/taxonomy.toml``, ~360 KB) and the locales
(``dashboard/locales/*.toml``, ~190 KB) took ~65 ms of CPU to parse in every process that reads them (the
app's first page after a start, every command); the same data read back from JSON takes ~7 ms. The TOML
file stays the only source: a copy is named by the SHA-256 of the file's bytes, so an edited file is
parsed afresh (and its older copy removed), and a copy is kept only when it reads back equal to what was
parsed (TOML dates, which JSON cannot hold, are never kept). The copies live in the user's cache folder
(``$XDG_CACHE_HOME/sei-dashboard/toml``, else ``~/.cache/...``); when it cannot be written, files are
parsed every time, as before. Reading a copy runs no code, whoever wrote it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tomllib
from pathlib import Path
from typing import Any

from .config import cache_dir

log = logging.getLogger(__name__)


def folder() -> Path:
    return cache_dir() / "toml"


def _names(path: Path, digest: str) -> tuple[str, str]:
    """The copy's file name, and the prefix every copy of ``path`` (any content) starts with."""
    prefix = f"{path.stem}-{hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:12]}-"
    return prefix, f"{prefix}{digest}.json"


def load(path: Path) -> dict[str, Any]:
    """The TOML file at ``path`` parsed, as ``tomllib.loads`` gives it."""
    data = path.read_bytes()
    prefix, name = _names(path, hashlib.sha256(data).hexdigest())
    kept = folder() / name
    try:
        parsed = json.loads(kept.read_bytes())
        if isinstance(parsed, dict):
            return parsed
    except (OSError, ValueError):  # no copy yet, or one that is not JSON: parse the file
        pass
    parsed = tomllib.loads(data.decode("utf-8"))
    _keep(kept, prefix, parsed)
    return parsed


def _keep(kept: Path, prefix: str, parsed: dict[str, Any]) -> None:
    """Write ``parsed`` as the copy ``kept`` (replacing any older copy of the same file), if JSON holds it
    as it is."""
    try:
        text = json.dumps(parsed, ensure_ascii=False)
        if json.loads(text) != parsed:
            return
    except (TypeError, ValueError):  # a TOML date or time: parsed every time
        return
    try:
        kept.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        partial = kept.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(text, encoding="utf-8")
        partial.replace(kept)
        for older in kept.parent.glob(f"{prefix}*.json"):
            if older != kept:
                older.unlink(missing_ok=True)
    except OSError as exc:
        log.debug("Could not keep a parsed copy of %s: %s", kept.name, exc)
