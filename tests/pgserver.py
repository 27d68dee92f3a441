"""A throwaway PostgreSQL server for the store tests: initdb into a temp folder, pg_ctl on a free port.

Run as root (CI), the server runs as the ``postgres`` user, which must own its folder. Messages are
English (``lc_messages=C``): DuckLake's conflict retries match English error text.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


def pg_bin() -> Path | None:
    """The folder of Debian's PostgreSQL server programs (newest version), or None if not installed."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(Path(p).parts[-3]))
    if found:
        return Path(found[-1]).parent
    ctl = shutil.which("pg_ctl")
    return Path(ctl).parent if ctl else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class PgServer:
    folder: Path
    port: int
    user: str
    bin: Path

    def url(self, dbname: str) -> str:
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/{dbname}"

    def _run(self, *cmd: str) -> subprocess.CompletedProcess:
        if os.geteuid() == 0:
            cmd = ("runuser", "-u", "postgres", "--", *cmd)
        return subprocess.run(cmd, check=True, capture_output=True, text=True, timeout=120)

    def createdb(self, name: str) -> str:
        self._run(str(self.bin / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", self.user, name)
        return self.url(name)

    def stop(self) -> None:
        try:
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "immediate", "stop")
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(self.folder, ignore_errors=True)


def start() -> PgServer:
    """initdb + pg_ctl start on 127.0.0.1 and a free port; the caller stops it."""
    binary = pg_bin()
    if binary is None:
        raise RuntimeError("PostgreSQL is not installed (Debian package 'postgresql'); .ci/run installs it")
    folder = Path(tempfile.mkdtemp(prefix="sei-pg-"))
    root = os.geteuid() == 0
    user = "postgres" if root else os.environ.get("USER") or "postgres"
    if root:
        shutil.chown(folder, "postgres")
        os.chmod(folder, 0o700)
    server = PgServer(folder, _free_port(), user, binary)
    data = folder / "data"
    server._run(str(binary / "initdb"), "-D", str(data), "-U", user, "--auth=trust", "--encoding=UTF8",
                "--locale=C", "--lc-messages=C")
    opts = (f"-c listen_addresses=127.0.0.1 -c port={server.port} -c unix_socket_directories={folder} "
            "-c lc_messages=C -c fsync=off -c max_connections=100")
    server._run(str(binary / "pg_ctl"), "-D", str(data), "-o", opts, "-l", str(folder / "log"), "-w", "-t", "60",
                "start")
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", server.port), timeout=1):
                return server
        except OSError:
            time.sleep(0.2)
    server.stop()
    raise RuntimeError(f"PostgreSQL did not start; see {folder / 'log'}")
