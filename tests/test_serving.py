"""The app server's connections send small responses at once (dashboard.serving)."""

from __future__ import annotations

import asyncio
import socket

from dashboard import serving


def _accepted_nodelay(listener: socket.socket) -> int:
    """TCP_NODELAY of a connection accepted by asyncio (as uvicorn accepts them) on ``listener``."""

    async def main() -> int:
        seen: asyncio.Future[int] = asyncio.get_running_loop().create_future()

        class Probe(asyncio.Protocol):
            def connection_made(self, transport: asyncio.BaseTransport) -> None:
                sock = transport.get_extra_info("socket")
                seen.set_result(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
                transport.close()

        server = await asyncio.get_running_loop().create_server(Probe, sock=listener)
        try:
            _reader, writer = await asyncio.open_connection(*listener.getsockname()[:2])
            value = await asyncio.wait_for(seen, 10)
            writer.close()
            return value
        finally:
            server.close()

    return asyncio.run(main())


def _listener() -> socket.socket:
    """A listening socket made the way ``streamlit run`` makes its own (protocol 0)."""
    sock = socket.socket(family=socket.AF_INET)
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    sock.setblocking(False)
    return sock


def test_streamlit_style_listener_leaves_nagle_on() -> None:
    """The premise: asyncio does not set TCP_NODELAY on connections of a protocol-0 listener."""
    assert _accepted_nodelay(_listener()) == 0


def test_no_delay_reaches_accepted_connections() -> None:
    listener = _listener()
    assert listener.fileno() in serving.listening_tcp_fds()
    assert serving.no_delay() >= 1
    assert _accepted_nodelay(listener) != 0


def test_no_delay_leaves_other_sockets_alone() -> None:
    """Connected (not listening) TCP sockets and UDP sockets are not touched."""
    listener = _listener()
    client = socket.create_connection(listener.getsockname())
    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        fds = serving.listening_tcp_fds()
        assert client.fileno() not in fds and udp.fileno() not in fds
        serving.no_delay()
        assert client.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 0
    finally:
        client.close()
        udp.close()
        listener.close()


def test_server_start_skips_the_component_scan(monkeypatch) -> None:
    """At server start the app makes Streamlit's scan of every installed package's metadata for custom
    components a no-op (dashboard.warmup.skip_component_scan): the Runtime it makes then reads no package
    metadata; the app itself uses no custom component, so the scan had nothing to find for it."""
    from pathlib import Path

    from streamlit.components.v2 import component_manager, manifest_scanner

    from dashboard import warmup

    cls = component_manager.BidiComponentManager
    monkeypatch.setattr(cls, "discover_and_register_components", cls.discover_and_register_components)
    scans = []
    monkeypatch.setattr(manifest_scanner, "scan_component_manifests", lambda *a, **k: scans.append(1) or [])
    cls().discover_and_register_components(start_file_watching=False)
    assert scans == [1]  # Streamlit's own: scans
    assert warmup.skip_component_scan()
    cls().discover_and_register_components(start_file_watching=False)
    assert scans == [1]  # skipped
    sources = Path(warmup.__file__).parent.rglob("*.py")
    assert not [p for p in sources if "components.v" in p.read_text(encoding="utf-8").replace(
        "streamlit.components.v2.component_manager", "")]
