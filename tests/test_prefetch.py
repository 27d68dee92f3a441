"""The browser is asked to load the chart and table code at the start of a page run: the modules named
must be Streamlit's own, imported by the same URL as its frontend does (else the browser would load
them twice, or not at all)."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from dashboard import prefetch

STATIC_JS = Path(st.__file__).parent / "static" / "static" / "js"


def test_the_modules_are_the_ones_streamlits_frontend_imports() -> None:
    names = prefetch.module_files()
    assert [n.split(".")[0] for n in names] == list(prefetch.MODULES), "renamed in this Streamlit?"
    index = "".join(p.read_text(encoding="utf-8") for p in STATIC_JS.glob("index.*.js"))
    for name in names:
        # Streamlit's index module imports each element's module relative to itself; so does the script
        assert f"import(`./{name}`)" in index, name
        assert name in prefetch.script()
    assert "./'+n,i.src" in prefetch.script()
