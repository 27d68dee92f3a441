"""What the commands share: the operator the audit trail names, the --db argument, JSON output."""

from __future__ import annotations

import argparse
import math
import os
import sys

from ..auth.accounts import Principal
from ..auth.permissions import Role


def operator_principal() -> Principal:
    """Who runs a command: the operating-system user on this host (the CLI needs the store file,
    so it acts with every right; the audit trail says who it was)."""
    import getpass
    import socket

    try:
        name = getpass.getuser()
    except (KeyError, OSError):
        name = "unknown"
    return Principal(name=name, role=Role.ADMIN, via="cli", source=socket.gethostname())


def audit_event(con: object, action: str, *, outcome: str = "ok", detail: dict | None = None) -> None:
    from ..store import auth as auth_store

    auth_store.record(con, operator_principal(), action, outcome=outcome, detail=detail)  # type: ignore[arg-type]


def db_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", default=None, metavar="STORE",
        help="the store: an embedded store's catalog file, or postgresql://user@host:port/dbname for a "
             "shared one (default: $SEI_DB, else data/sei.ducklake)",
    )
    parser.add_argument(
        "--data-path", default=None, metavar="DIR",
        help="where the data files live: a folder or s3://bucket/prefix (default: $SEI_DATA_PATH, else the "
             "store's own; an embedded store keeps them in <catalog>.files/)",
    )


def open_store(args: argparse.Namespace, *, read_only: bool = False):  # noqa: ANN201 - a DuckDB connection
    """The store ``--db``/``--data-path`` name, opened (and upgraded unless ``read_only``)."""
    from .. import store

    return store.connect(args.db, data_path=args.data_path, read_only=read_only)


def opened_store(args: argparse.Namespace, *, read_only: bool = False):  # noqa: ANN201 - a context manager
    from .. import store

    return store.opened(args.db, data_path=args.data_path, read_only=read_only)


def store_display(args: argparse.Namespace) -> str:
    """The store ``--db``/``--data-path`` name, as shown to people (no password)."""
    from ..store import engine

    return engine.locate(args.db, args.data_path).display


def positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive finite number")
    return value


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive whole number")
    return value


def print_json(payload: dict) -> None:
    import json

    print(json.dumps(payload, ensure_ascii=False, default=str), file=STDOUT[0])


# Where reports go. While a --json command runs, sys.stdout is pointed at stderr so that nothing a
# library prints (xlrd's "WARNING ***", a stray print) lands in front of the one JSON object.
STDOUT = [sys.stdout]


def message_lang(args: argparse.Namespace) -> str:
    """The language of a command's messages: its ``--lang`` (import, revert, bench); else ``$SEI_LANG``;
    else English, the language the housekeeping commands print in."""
    lang = getattr(args, "lang", None) or os.environ.get("SEI_LANG", "").strip() or "en"
    return lang if lang in ("zh", "en") else "en"
