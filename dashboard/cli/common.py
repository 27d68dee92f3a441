"""What the commands share: the operator the audit trail names, the --db argument, JSON output."""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

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
        "--db", type=Path, default=None, metavar="PATH",
        help="the DuckDB file (default: $SEI_DB, else data/sei.duckdb)",
    )


def positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive finite number")
    return value


def print_json(payload: dict) -> None:
    import json

    print(json.dumps(payload, ensure_ascii=False, default=str), file=STDOUT[0])


# Where reports go. While a --json command runs, sys.stdout is pointed at stderr so that nothing a
# library prints (xlrd's "WARNING ***", a stray print) lands in front of the one JSON object.
STDOUT = [sys.stdout]
