"""Chinese-first UI text: ``t(key, lang, **values)``, or ``t(key, **values)`` in the page's language.

Messages live in ``dashboard/locales/*.toml``, one file per area (common, summary, upload, ...),
each with a ``[zh]`` and an ``[en]`` table of keys. Keys are ``file.key`` (``upload.title``).
A word that follows a count is written ``{count#row|rows}`` (singular|plural, chosen by the value of
``count``), so English reads "1 row" and "2 rows"; Chinese needs no such form.
The same function serves the pages and library code such as the importer's row errors.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from . import tomlcache

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"
LOCALES = Path(__file__).resolve().parent / "locales"


def _flatten(prefix: str, table: dict) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in table.items():
        full = f"{prefix}.{key}"
        if isinstance(value, dict):
            out.update(_flatten(full, value))
        else:
            out[full] = str(value)
    return out


@cache
def messages() -> dict[str, dict[str, str]]:
    """{lang: {key: text}} merged from every locale file."""
    merged: dict[str, dict[str, str]] = {lang: {} for lang in LANGS}
    for path in sorted(LOCALES.glob("*.toml")):
        data = tomlcache.load(path)
        for lang in LANGS:
            merged[lang].update(_flatten(path.stem, data.get(lang, {})))
    return merged


def normalise_lang(lang: str | None) -> str:
    return lang if lang in LANGS else DEFAULT_LANG


LANG_LABELS = {"中文": "zh", "English": "en"}  # the switch's options; the URL carries ?lang=English


def current_lang() -> str:
    """The page's language, from the sidebar switch (``?lang=English`` in a shared link)."""
    import streamlit as st

    value = st.session_state.get("lang")
    return LANG_LABELS.get(value, normalise_lang(value))  # type: ignore[arg-type]


_DRAWN = "_lang_drawn"          # session key: the language the session's previous run drew its widgets in
_SWITCHED = "_lang_switched"    # session key: this run is the first after a language switch


def note_switch() -> bool:
    """Record the page's language for this run; True when it differs from the previous run's (the
    language switch was just used). Called once per run, by the switch."""
    import streamlit as st

    lang = current_lang()
    switched = st.session_state.get(_DRAWN, lang) != lang
    st.session_state[_DRAWN] = lang
    st.session_state[_SWITCHED] = switched
    return switched


def relabel(*keys: str) -> None:
    """In the first run after a language switch, hand the widgets ``keys`` their chosen value again
    (call it before drawing them). The browser keeps showing a keyed select box's or multiselect's chosen
    options in the labels it was sent when they were chosen (a sector filter stayed 新能源 on the English
    page), and a widget bound to the URL keeps those labels in the link, which the other language then
    reads as no choice at all; a value set through the session state is sent again with its new labels."""
    import streamlit as st

    if not st.session_state.get(_SWITCHED):
        return
    for key in keys:
        value = st.session_state.get(key)
        if value is not None and not (isinstance(value, list | tuple) and not value):
            st.session_state[key] = value


_PLURAL = re.compile(r"\{(\w+)#([^|{}]*)\|([^{}]*)\}")


def _is_one(value: object) -> bool:
    """Whether a count reads as exactly one (counts may come formatted: "1", "1,000")."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return value == 1
    return str(value).strip() == "1"


def _plurals(text: str, values: dict[str, object]) -> str:
    """``{name#one|other}`` replaced by ``one`` when ``values[name]`` is one, else by ``other``."""
    return _PLURAL.sub(lambda m: m[2] if _is_one(values.get(m[1])) else m[3], text)


def t(key: str, lang: str | None = None, /, **values: object) -> str:
    """The text for ``key`` in ``lang`` (falling back to Chinese, then to the key itself); without
    ``lang``, in the current page's language (only inside a Streamlit script run)."""
    table = messages()
    text = table[normalise_lang(lang or current_lang())].get(key) or table[DEFAULT_LANG].get(key) or key
    return _plurals(text, values).format(**values) if values else text
