"""Everything specific to the storage engine: DuckLake on a SQLite catalog (embedded) or a PostgreSQL one (shared).

* Extensions come only from the pip wheels pinned in requirements.txt: each is installed from its
  file in the wheel into a local extension folder and loaded from there. Nothing is downloaded at
  run time (``autoinstall_known_extensions`` off) and signature checks stay on.
* A store is named by ``--db``/``SEI_DB``: a plain path is an embedded store (the SQLite catalog file,
  data files in ``<path>.files/`` unless ``--data-path`` says otherwise); ``postgresql://…`` is a
  shared store whose data files live at ``--data-path``/``SEI_DATA_PATH`` (a folder or ``s3://…``).
* The lake is opened as DuckDB's default database, so every cursor sees its tables unqualified.
* Writers take :func:`writer_lock`: a file lock next to an embedded catalog (SQLite takes one writer
  at a time), a PostgreSQL advisory lock for a shared one (ids are made max+1 inside the write).
"""

from __future__ import annotations

import configparser
import fcntl
import importlib
import os
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import duckdb

from ..config import DEFAULT_DB
from .errors import StoreError

Connection = duckdb.DuckDBPyConnection

DEFAULT_CATALOG = DEFAULT_DB
EXTENSIONS = ("ducklake", "sqlite", "postgres", "httpfs")
_INSTALLED_AS = {"sqlite": "sqlite_scanner", "postgres": "postgres_scanner"}
_SQLITE_MAGIC = b"SQLite format 3\x00"
_DUCKDB_MAGIC = b"DUCK"
# Conflicting commits on a PostgreSQL catalog are retried this often (DuckLake's default is 10).
MAX_RETRY_COUNT = 100


@dataclass(frozen=True)
class Location:
    """Where a store lives: its catalog and the folder (or bucket prefix) of its data files."""

    kind: str  # "embedded" (SQLite catalog) or "shared" (PostgreSQL catalog)
    catalog: str  # absolute file path, or the postgresql:// URL as given
    data_path: str | None  # None: the catalog's own (embedded: <catalog>.files/; shared: recorded at creation)

    @property
    def uri(self) -> str:
        if self.kind == "embedded":
            return f"ducklake:sqlite:{self.catalog}"
        return f"ducklake:postgres:{libpq_string(self.catalog)}"

    @property
    def display(self) -> str:
        """The catalog without any password."""
        if self.kind == "embedded":
            return self.catalog
        parts = urlsplit(self.catalog)
        if parts.password:
            netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
            return parts._replace(netloc=netloc).geturl()
        return self.catalog

    def default_data_path(self) -> str | None:
        return f"{self.catalog}.files/" if self.kind == "embedded" else None


def is_shared(db: str | Path) -> bool:
    return str(db).startswith(("postgresql://", "postgres://"))


def locate(db: str | Path | None = None, data_path: str | Path | None = None) -> Location:
    """The store named by ``db``/``data_path``, falling back to ``$SEI_DB``/``$SEI_DATA_PATH``."""
    if db is None or str(db).strip() == "":
        db = os.environ.get("SEI_DB", "").strip() or DEFAULT_CATALOG
    if data_path is None or str(data_path).strip() == "":
        data_path = os.environ.get("SEI_DATA_PATH", "").strip() or None
    if data_path is not None:
        data_path = str(data_path)
        if not data_path.startswith(("s3://", "gs://", "r2://", "az://", "https://")):
            data_path = str(Path(data_path).expanduser().resolve())
        if not data_path.endswith("/"):
            data_path += "/"
    if is_shared(db):
        return Location("shared", str(db), data_path)
    return Location("embedded", str(Path(db).expanduser().resolve()), data_path)


def libpq_string(url: str) -> str:
    """``postgresql://user:pw@host:port/db?sslmode=x`` as libpq ``key=value`` pairs."""
    parts = urlsplit(url)
    pairs = {
        "dbname": unquote(parts.path.lstrip("/")) or None,
        "host": parts.hostname,
        "port": str(parts.port) if parts.port else None,
        "user": unquote(parts.username) if parts.username else None,
        "password": unquote(parts.password) if parts.password else None,
    }
    for item in filter(None, parts.query.split("&")):
        key, _, value = item.partition("=")
        pairs[unquote(key)] = unquote(value)
    if not pairs["dbname"]:
        raise StoreError("pg_no_dbname", url=url)

    def quote(v: str) -> str:
        return v if v and not any(c in v for c in " '\\") else "'" + v.replace("\\", "\\\\").replace("'", "\\'") + "'"

    return " ".join(f"{k}={quote(v)}" for k, v in pairs.items() if v is not None)


# ------------------------------------------------------------------------------------------ extensions

def extension_directory() -> Path:
    """Where DuckDB keeps installed extensions: ``$SEI_EXTENSION_DIR``, else a cache folder of the user."""
    env = os.environ.get("SEI_EXTENSION_DIR", "").strip()
    if env:
        return Path(env)
    home = Path.home() / ".cache" / "sei-dashboard" / "duckdb-extensions"
    try:
        home.mkdir(parents=True, exist_ok=True)
        if os.access(home, os.W_OK):
            return home
    except OSError:
        pass
    return Path(tempfile.gettempdir()) / f"sei-duckdb-extensions-{os.getuid()}"


def engine_config() -> dict[str, object]:
    """DuckDB settings of every connection: no downloads, signed extensions only; ``SEI_DB_THREADS``
    worker threads if set (see :func:`threads`)."""
    config: dict[str, object] = {
        "autoinstall_known_extensions": False,
        "autoload_known_extensions": True,
        "allow_unsigned_extensions": False,
        "extension_directory": str(extension_directory()),
    }
    n = threads()
    if n is not None:
        config["threads"] = n
    return config


def threads() -> int | None:
    """DuckDB's threads per process from ``SEI_DB_THREADS`` (a whole number from 1), or None when unset
    or empty: DuckDB's default, one per core. On a machine shared with other work (or the test suite,
    which runs a process per core and sets 1), more threads than cores cost CPU waiting for each other."""
    value = os.environ.get("SEI_DB_THREADS", "").strip()
    if not value:
        return None
    if not value.isdigit() or int(value) < 1:
        raise StoreError("threads_invalid", value=value)
    return int(value)


@contextmanager
def one_thread(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """Run the block's statements, on every cursor of ``con``'s database, each on the thread that asks for
    it: DuckDB's threads set to one for the block, then back to :func:`threads` (else DuckDB's default).

    For a job of many small statements (an import): while a worker thread runs a statement's last task,
    DuckDB's Python client loops on the asking thread, taking the interpreter's lock at each turn to
    look for Ctrl-C, so a second thread cost an import about as much CPU as the work it took over, and
    the interpreter's lock away from the job's Python threads. Blocks that overlap in one process may
    end each other's single thread early (never leave it on): each puts back the configured number."""
    configured = threads()
    if configured == 1:
        yield
        return
    con.execute("SET threads = 1")
    try:
        yield
    finally:
        with suppress(duckdb.Error):  # a connection closed meanwhile: nothing to put back
            con.execute(f"SET threads = {configured}" if configured is not None else "RESET threads")


def wheel_file(name: str) -> Path:
    """The extension binary inside its pip wheel, for the running DuckDB version."""
    try:
        module = importlib.import_module(f"duckdb_extension_{name}")
    except ImportError:
        raise StoreError("extension_missing", name=name, duckdb=duckdb.__version__) from None
    path = Path(module.__file__).parent / "extensions" / f"v{duckdb.__version__}" / f"{name}.duckdb_extension"
    if not path.is_file():
        raise StoreError("extension_no_build", name=name, duckdb=duckdb.__version__)
    return path


_installed = False
_install_lock = threading.Lock()


def install_extensions() -> None:
    """Install the wheels' extension files into the extension folder (once per process).

    The folder is per DuckDB version (``v1.5.5/…``) and the wheels carry the official signed builds, so
    an extension installed there once (by any environment of this user) is the one a wheel would give.
    """
    global _installed
    with _install_lock:
        if _installed:
            return
        folder = extension_directory()
        folder.mkdir(parents=True, exist_ok=True)
        with open(folder / ".install.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            con = duckdb.connect(config=engine_config())
            try:
                have = {r[0] for r in con.execute(
                    "SELECT extension_name FROM duckdb_extensions() WHERE installed").fetchall()}
                for name in EXTENSIONS:
                    source = wheel_file(name)  # checked even when installed: the wheels must be there
                    if _INSTALLED_AS.get(name, name) not in have:
                        con.execute(f"INSTALL '{source}'")
            finally:
                con.close()
        _installed = True


# ----------------------------------------------------------------------------------------------- S3

def s3_secret_sql(env: dict[str, str] | None = None) -> str | None:
    """``CREATE SECRET`` for S3 from the usual AWS variables or ``~/.aws`` files, or None if none set.

    Read: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, AWS_REGION/AWS_DEFAULT_REGION,
    AWS_ENDPOINT_URL (S3-compatible storage), AWS_PROFILE, AWS_SHARED_CREDENTIALS_FILE, AWS_CONFIG_FILE.
    """
    env = dict(os.environ) if env is None else env
    profile = env.get("AWS_PROFILE", "default")
    creds = configparser.ConfigParser()
    creds.read(env.get("AWS_SHARED_CREDENTIALS_FILE", str(Path.home() / ".aws" / "credentials")))
    conf = configparser.ConfigParser()
    conf.read(env.get("AWS_CONFIG_FILE", str(Path.home() / ".aws" / "config")))
    conf_section = profile if profile == "default" else f"profile {profile}"

    def pick(var: str, key: str) -> str | None:
        if env.get(var):
            return env[var]
        for parser, section in ((creds, profile), (conf, conf_section)):
            if parser.has_option(section, key):
                return parser.get(section, key)
        return None

    key_id = pick("AWS_ACCESS_KEY_ID", "aws_access_key_id")
    secret = pick("AWS_SECRET_ACCESS_KEY", "aws_secret_access_key")
    if not key_id or not secret:
        return None
    options = {"KEY_ID": key_id, "SECRET": secret, "SESSION_TOKEN": pick("AWS_SESSION_TOKEN", "aws_session_token"),
               "REGION": env.get("AWS_REGION") or pick("AWS_DEFAULT_REGION", "region")}
    endpoint = pick("AWS_ENDPOINT_URL", "endpoint_url")
    if endpoint:
        parts = urlsplit(endpoint if "://" in endpoint else f"https://{endpoint}")
        options.update(ENDPOINT=parts.netloc, URL_STYLE="path", USE_SSL=str(parts.scheme == "https").lower())

    def lit(v: str) -> str:
        return v if v in ("true", "false") else "'" + v.replace("'", "''") + "'"

    body = ", ".join(f"{k} {lit(v)}" for k, v in options.items() if v)
    return f"CREATE OR REPLACE SECRET sei_s3 (TYPE s3, {body})"


# --------------------------------------------------------------------------------------------- opening

def _check_catalog_file(path: Path, *, create: bool) -> None:
    if not path.exists():
        if not create:
            raise StoreError("catalog_missing", path=path)
        if not path.parent.exists():
            raise StoreError("folder_missing", path=path, folder=path.parent)
        return
    if path.is_dir():
        raise StoreError("catalog_is_folder", path=path)
    with path.open("rb") as f:
        head = f.read(16)
    if len(head) == 0:
        raise StoreError("catalog_empty", path=path)
    if head[8:12] == _DUCKDB_MAGIC:
        raise StoreError("old_duckdb_file", path=path)
    if head != _SQLITE_MAGIC:
        raise StoreError("not_a_catalog", path=path)


def is_duckdb_file(path: Path) -> bool:
    """A single-file DuckDB store (what earlier versions of the tool wrote)."""
    try:
        with path.open("rb") as f:
            return f.read(16)[8:12] == _DUCKDB_MAGIC
    except OSError:
        return False


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def open_lake(loc: Location, *, create: bool = True) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection whose default database is the lake (created if new and ``create``)."""
    install_extensions()
    config = engine_config()
    if loc.kind == "embedded":
        path = Path(loc.catalog)
        _check_catalog_file(path, create=create)
        is_new = not path.exists()
    else:
        is_new = None  # known after trying
    secret = s3_secret_sql() if (loc.data_path or "").startswith("s3://") else None
    try:
        if is_new:
            _bootstrap(loc, config, secret)
        try:
            con = duckdb.connect(loc.uri, config=config)
        except duckdb.Error as exc:
            if not (loc.kind == "shared" and create and "data_path is not set" in str(exc)):
                raise
            is_new = True
            _bootstrap(loc, config, secret)
            con = duckdb.connect(loc.uri, config=config)
    except duckdb.Error as exc:
        text = str(exc)
        if "does not match existing data path" in text:
            raise StoreError("data_path_elsewhere", store=loc.display, data_path=loc.data_path) from None
        if "data_path is not set" in text:
            raise StoreError("no_store_yet", store=loc.display) from None
        raise StoreError("cannot_open", store=loc.display, reason=_first_line(exc)) from None
    try:
        if secret:
            con.execute(secret)
        if loc.data_path and not is_new:
            stored = stored_data_path(con)
            if stored and stored.rstrip("/") != loc.data_path.rstrip("/"):
                raise StoreError("data_path_mismatch", store=loc.display, stored=stored, data_path=loc.data_path)
        if loc.kind == "shared":
            con.execute(f"SET ducklake_max_retry_count = {MAX_RETRY_COUNT}")
    except BaseException:
        con.close()
        raise
    return con


def _bootstrap(loc: Location, config: dict, secret: str | None) -> None:
    """Create the catalog with its data path (DuckDB cannot name the path when opening a lake directly)."""
    data_path = loc.data_path or loc.default_data_path()
    if data_path is None:
        raise StoreError("new_store_needs_data_path", store=loc.display)
    con = duckdb.connect(config=config)
    try:
        if secret:
            con.execute(secret)
        if not data_path.startswith(("s3://", "gs://", "r2://", "az://", "https://")):
            Path(data_path).mkdir(parents=True, exist_ok=True)
        con.execute(f"ATTACH '{_sql_text(loc.uri)}' AS boot (DATA_PATH '{_sql_text(data_path)}')")
    finally:
        con.close()


def _sql_text(text: str) -> str:
    return text.replace("'", "''")


def quoted(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def catalog_name(con: duckdb.DuckDBPyConnection) -> str:
    """The lake's name inside DuckDB (the default database)."""
    return con.execute("SELECT current_database()").fetchall()[0][0]


def catalog_path(con: duckdb.DuckDBPyConnection) -> tuple[str, str]:
    """(kind, connection text) of the lake the connection has open: ('sqlite', path) or ('postgres', dsn)."""
    path = con.execute(
        "SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchall()[0][0]
    kind, _, rest = path.partition(":")
    return kind, rest


def stored_data_path(con: duckdb.DuckDBPyConnection) -> str | None:
    try:
        rows = con.execute(
            "SELECT value FROM ducklake_options(current_database()) WHERE option_name = 'data_path'").fetchall()
    except duckdb.Error:
        return None
    return rows[0][0] if rows else None


def snapshot_id(con: duckdb.DuckDBPyConnection) -> int:
    """The lake's newest snapshot: every commit, by any process, makes a new one."""
    return int(con.execute("SELECT id FROM current_snapshot()").fetchall()[0][0])


def head(con: duckdb.DuckDBPyConnection, lake: str | None = None) -> tuple[int, str]:
    """The lake's newest snapshot and when it was committed, in one statement (~7 ms of CPU at ~1M
    projects against ~15 for a read of a lake table such as store_meta: it reads DuckLake's own snapshot
    row, no table's stats or files). The pair names the snapshot across stores: a store made again or
    restored at the same place restarts its ids, not at the same microsecond. ``lake``: the lake's name
    (:func:`catalog_name`, a statement of its own: a caller that knows it passes it)."""
    meta = quoted(f"__ducklake_metadata_{lake or catalog_name(con)}")  # the catalog database DuckLake attaches
    row = con.execute(f"SELECT s.id, t.snapshot_time::VARCHAR FROM current_snapshot() s "
                      f"JOIN {meta}.ducklake_snapshot t ON t.snapshot_id = s.id").fetchall()[0]
    return int(row[0]), str(row[1])
