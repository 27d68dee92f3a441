"""The browser is asked to load the chart code at the start of a page run: the modules named
must be Streamlit's own, imported by the same URL as its frontend does (else the browser would load
them twice, or not at all)."""

from __future__ import annotations

import asyncio
import gzip
import re
from pathlib import Path

import pytest
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


def _static_imports(name: str) -> set[str]:
    """Every static import of a bundled module (read from the whole file, not only its head)."""
    text = (STATIC_JS / name).read_text(encoding="utf-8")
    return set(re.findall(r'(?:\bfrom|\bimport)\s*"\./([\w.\-]+\.js)"', text))


def test_the_page_names_the_element_modules_and_what_they_import() -> None:
    """The ``modulepreload`` links name, by the URL Streamlit itself imports them by, every module of
    :data:`PRELOAD` (renamed in this Streamlit? the test says so) and every module those import, and
    none of the modules Streamlit's page loads anyway."""
    files = prefetch.preload_files()
    assert [n.split(".")[0] for n in prefetch._files(prefetch.PRELOAD)] == list(prefetch.PRELOAD)
    page = (STATIC_JS.parent.parent / "index.html").read_text(encoding="utf-8")
    entry = re.search(r'src="\./static/js/(index\.[\w\-]+\.js)"', page).group(1)
    own, todo = set(), [entry]
    while todo:
        name = todo.pop()
        if name not in own:
            own.add(name)
            todo.extend(_static_imports(name))
    wanted, todo = set(), list(prefetch._files(prefetch.PRELOAD))
    while todo:
        name = todo.pop()
        if name not in wanted:
            wanted.add(name)
            todo.extend(_static_imports(name))
    assert set(files) == wanted - own and set(prefetch.module_files()) <= set(files)
    assert not set(files) & own and len(files) == len(set(files))
    links = prefetch.preload_links().decode()
    for name in files:
        assert (STATIC_JS / name).is_file()
        assert f'<link rel="modulepreload" crossorigin fetchpriority="low" href="./static/js/{name}">' in links


def _served(body: bytes, headers: list[tuple[bytes, bytes]], method: str = "GET") -> tuple[dict, bytes]:
    """What a client gets through :class:`PreloadModules` from an app answering ``body`` in two parts."""

    async def app(scope: dict, receive: object, send: object) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body[:10], "more_body": True})
        await send({"type": "http.response.body", "body": body[10:]})

    sent: list[dict] = []

    async def send(message: dict) -> None:
        sent.append(message)

    async def receive() -> dict:
        return {"type": "http.request", "body": b""}

    asyncio.run(prefetch.PreloadModules(app)({"type": "http", "method": method, "path": "/"}, receive, send))
    assert sent[0]["type"] == "http.response.start"
    return sent[0], b"".join(m.get("body", b"") for m in sent[1:])


PAGE = b"<!DOCTYPE html><html><head><title>Streamlit</title></head><body></body></html>"
HTML = [(b"content-type", b"text/html; charset=utf-8"), (b"content-length", str(len(PAGE)).encode()),
        (b"etag", b'"abc"'), (b"last-modified", b"Tue, 01 Dec 2026 10:30:00 GMT")]


def test_the_html_page_gets_the_links_before_its_head_ends() -> None:
    start, body = _served(PAGE, HTML)
    assert body == PAGE.replace(b"</head>", prefetch.preload_links() + b"</head>")
    headers = dict(start["headers"])
    assert int(headers[b"content-length"]) == len(body)
    assert b"etag" not in headers and b"last-modified" not in headers  # they describe the file, not this page
    assert headers[b"content-type"].startswith(b"text/html")


def test_a_compressed_page_is_sent_unpacked_with_the_links() -> None:
    """Streamlit compresses the page of a URL other than the root (``/funding``) for a browser that
    accepts gzip."""
    packed = gzip.compress(PAGE)
    start, body = _served(packed, [(b"content-type", b"text/html; charset=utf-8"), (b"content-encoding", b"gzip"),
                                   (b"content-length", str(len(packed)).encode()), (b"vary", b"Accept-Encoding")])
    assert body == PAGE.replace(b"</head>", prefetch.preload_links() + b"</head>")
    headers = dict(start["headers"])
    assert b"content-encoding" not in headers and int(headers[b"content-length"]) == len(body)


@pytest.mark.parametrize("headers, method", [
    ([(b"content-type", b"text/javascript"), (b"content-length", str(len(PAGE)).encode())], "GET"),
    ([*HTML, (b"content-encoding", b"br")], "GET"),
    (HTML, "HEAD"),
])
def test_other_responses_pass_as_they_are(headers: list[tuple[bytes, bytes]], method: str) -> None:
    start, body = _served(PAGE, headers, method)
    assert body == PAGE and start["headers"] == headers
