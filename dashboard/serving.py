"""Socket options of the app server: small responses go out at once (TCP_NODELAY).

``streamlit run`` binds the server's listening socket itself (``socket.socket(family)``, protocol 0)
and hands it to uvicorn. asyncio turns Nagle's algorithm off only on connections whose socket says
protocol ``IPPROTO_TCP``, so on this server it stays on: a response written as headers, then body
(every static file, Streamlit's JavaScript included) waits for the browser's delayed acknowledgement
of the headers, ~40 ms on Linux, before the body leaves. A first visit fetches ~60 such files over
six connections, and the websocket's messages wait the same way. Measured on this machine: 61 static
files one after the other over one keep-alive connection took 2.6 s, and 80 ms with the option set.

Connections inherit the option from the listening socket (Linux, the BSDs), so :func:`no_delay`
sets it there, once, when the app module is imported at server start: before uvicorn accepts any
connection. A connection the kernel completed before that (a browser knocking in the few
milliseconds between ``listen`` and the import) keeps Nagle on; it still works, only slower.
"""

from __future__ import annotations

import logging
import os
import socket
import stat

log = logging.getLogger(__name__)

FD_FOLDERS = ("/proc/self/fd", "/dev/fd")


def listening_tcp_fds() -> list[int]:
    """File descriptors of this process's listening TCP sockets (IPv4 or IPv6)."""
    folder = next((f for f in FD_FOLDERS if os.path.isdir(f)), None)
    if folder is None:
        return []
    found = []
    for name in os.listdir(folder):
        if not name.isdigit():
            continue
        fd = int(name)
        try:
            if not stat.S_ISSOCK(os.fstat(fd).st_mode):
                continue
            with socket.socket(fileno=os.dup(fd)) as sock:
                if (sock.family in (socket.AF_INET, socket.AF_INET6) and sock.type == socket.SOCK_STREAM
                        and sock.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN)):
                    found.append(fd)
        except OSError:  # closed meanwhile, or not a socket this platform can wrap
            continue
    return found


def no_delay() -> int:
    """Turn Nagle's algorithm off on every listening TCP socket of the process (the app server's);
    return how many. Never raises: a server without the option is slower, not broken."""
    done = 0
    for fd in listening_tcp_fds():
        try:
            with socket.socket(fileno=os.dup(fd)) as sock:
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            done += 1
        except OSError as exc:
            log.debug("TCP_NODELAY not set on fd %s: %s", fd, exc)
    return done
