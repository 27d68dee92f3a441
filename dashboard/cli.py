"""The command line: ``python -m dashboard COMMAND``.

A thin layer over the library: each command opens the store, calls one function and prints.
Exit status: 0 success, 1 failure (the store is unchanged), 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from . import store
from .config import default_db_path

EPILOG_INIT = """examples:
  python -m dashboard init --demo                 create data/sei.duckdb with the demo dataset
  python -m dashboard init --db /tmp/x.duckdb     create or upgrade another file
  python -m dashboard init --demo --scale 333     about 1M demo projects, for benchmarks
"""
EPILOG_INFO = """examples:
  python -m dashboard info
  SEI_DB=/tmp/x.duckdb python -m dashboard info
"""


def _db_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", type=Path, default=None, metavar="PATH",
        help="the DuckDB file (default: $SEI_DB, else data/sei.duckdb)",
    )


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if value <= 0:
        raise argparse.ArgumentTypeError("must be greater than 0")
    return value


def cmd_init(args: argparse.Namespace) -> int:
    from . import demo

    path = args.db or default_db_path()
    con = store.connect(path)
    try:
        print(f"{path}: schema version {store.schema_version(con)}")
        if args.demo:
            if store.demo_batches(con) and not args.force:
                print("Demo data is already present; use --force to add another demo batch.")
                return 0
            started = time.perf_counter()
            batch_id = demo.generate(con, scale=args.scale, seed=args.seed)
            count = store.scalar(con, "SELECT count(*) FROM projects WHERE batch_id = ?", [batch_id])
            print(f"Added demo batch {batch_id}: {count:,} projects in {time.perf_counter() - started:.1f} s.")
    finally:
        con.close()
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    path = args.db or default_db_path()
    if not Path(path).exists():
        print(f"{path} does not exist; create it with `python -m dashboard init --db {path}`.", file=sys.stderr)
        return 1
    con = store.connect(path, read_only=True)
    try:
        print(f"database        {path}")
        print(f"schema version  {store.schema_version(con)} (latest {store.LATEST_VERSION})")
        print(f"data version    {store.data_version(con)}")
        demo = store.demo_batches(con)
        print(f"demo data       {'yes, batch ' + ', '.join(map(str, demo)) if demo else 'no'}")
        for table, count in store.table_counts(con).items():
            print(f"{table:<22}{count:>12,}")
    finally:
        con.close()
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m dashboard",
        description="SEI investment dashboard: manage the DuckDB store behind the app.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("init", help="create or upgrade the store, optionally with demo data",
                       epilog=EPILOG_INIT, formatter_class=argparse.RawDescriptionHelpFormatter)
    _db_arg(p)
    p.add_argument("--demo", action="store_true", help="add the clearly-labelled demo dataset")
    p.add_argument("--scale", type=_positive_float, default=1.0,
                   help="demo size as a multiple of about 3,000 projects (default 1)")
    p.add_argument("--seed", type=int, default=1409, help="random seed of the demo data (default 1409)")
    p.add_argument("--force", action="store_true", help="add demo data even if some is present")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("info", help="schema version, row counts, whether demo data is present",
                       epilog=EPILOG_INFO, formatter_class=argparse.RawDescriptionHelpFormatter)
    _db_arg(p)
    p.set_defaults(func=cmd_info)

    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except store.StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted; nothing was written.", file=sys.stderr)
        return 1
