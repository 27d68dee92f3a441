"""Store housekeeping on the command line: info, check, snapshots, maintain, backup, restore, export."""

from __future__ import annotations

import argparse
from pathlib import Path

from .. import store
from ..store import engine
from .common import db_arg, positive_float, print_json
from .common import open_store as _open
from .common import store_display as _display

EPILOG_INFO = """examples:
  python -m dashboard info
  python -m dashboard info --json
  SEI_DB=/tmp/x.ducklake python -m dashboard info
"""



def cmd_info(args: argparse.Namespace) -> int:
    con = _open(args, read_only=True)
    try:
        demo = store.demo_batches(con)
        counts = store.table_counts(con)
        info = {
            "schema_version": store.schema_version(con),
            "latest_schema_version": store.LATEST_VERSION,
            "data_version": store.data_version(con),
            "demo": bool(demo),
            "demo_batches": demo,
            "store": store.location(con),
            "counts": counts,
        }
    finally:
        con.close()
    if args.json:
        print_json(info)
        return 0
    where = info["store"]
    print(f"store           {where['kind']}: {where['catalog']}")
    print(f"data files      {where['data_path']}")
    print(f"schema version  {info['schema_version']} (latest {store.LATEST_VERSION})")
    print(f"data version    {info['data_version']} (the newest snapshot)")
    print(f"demo data       {'yes, batch ' + ', '.join(map(str, demo)) if demo else 'no'}")
    for table, count in counts.items():
        print(f"{table:<22}{count:>12,}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    con = _open(args, read_only=True)
    try:
        problems = store.check(con)
        version = store.data_version(con)
    finally:
        con.close()
    if problems:
        print(f"{_display(args)} (data version {version}): {len(problems)} integrity rule(s) broken:")
        for p in problems:
            print(f"  - {p}")
        return 1
    print(f"{_display(args)} (data version {version}): all {len(store.integrity.rules())} integrity rules hold.")
    return 0


def cmd_snapshots(args: argparse.Namespace) -> int:
    import pandas as pd

    con = _open(args, read_only=True)
    try:
        snaps = store.snapshots(con)
    finally:
        con.close()
    if args.limit:
        snaps = snaps.tail(args.limit)
    if args.json:
        print_json({"snapshots": snaps.astype(object).where(snaps.notna(), None).to_dict(orient="records")})
        return 0
    print(f"{'snapshot':>8}  {'time (UTC)':<19}  {'batch':>5}  {'by':<10}  what")
    for s in snaps.itertuples():
        batch = "" if pd.isna(s.batch_id) else str(int(s.batch_id))
        what = s.commit_message if isinstance(s.commit_message, str) else s.changes
        author = s.author if isinstance(s.author, str) else ""
        print(f"{s.snapshot_id:>8}  {str(s.snapshot_time)[:19]:<19}  {batch:>5}  {author[:10]:<10}  {what}")
    return 0


def _human(n: int) -> str:
    value = float(n)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:,.1f} {unit}" if unit != "B" else f"{int(value):,} B"
        value /= 1024
    return str(n)


def cmd_maintain(args: argparse.Namespace) -> int:
    con = _open(args)
    try:
        report = store.maintain(con, keep_days=args.keep_days, rebuild=args.rollups)
    finally:
        con.close()
    if args.json:
        print_json(report)
        return 0
    b, a = report["before"], report["after"]
    print(f"files the newest snapshot reads: {b['live_files']:,} ({_human(b['live_bytes'])}) → "
          f"{a['live_files']:,} ({_human(a['live_bytes'])})")
    if "disk_files" in b:
        print(f"files kept on disk:              {b['disk_files']:,} ({_human(b['disk_bytes'])}) → "
              f"{a['disk_files']:,} ({_human(a['disk_bytes'])})")
    kept = "all snapshots kept" if args.keep_days is None else f"snapshots older than {args.keep_days:g} days expired"
    print(f"{'Rollups rebuilt; s' if args.rollups else 'S'}mall files merged; {kept}.")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    import duckdb

    path = engine.locate(args.db, args.data_path)
    if path.kind == "embedded" and engine.is_duckdb_file(Path(path.catalog)):
        con = duckdb.connect(path.catalog, read_only=True)  # a single-file store of an earlier version
    else:
        con = _open(args, read_only=True)
    try:
        manifest = store.backup(con, args.folder, source=path.display)
    finally:
        con.close()
    total = sum(t["rows"] for t in manifest["tables"].values())
    print(f"Backed up {len(manifest['tables'])} tables ({total:,} rows, schema version "
          f"{manifest['schema_version']}) to {args.folder}.")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    store.read_manifest(args.folder)  # refuse a damaged backup before creating anything
    con = _open(args)
    try:
        counts = store.restore(con, args.folder, replace=args.replace)
        problems = store.check(con)
    finally:
        con.close()
    print(f"Restored {sum(counts.values()):,} rows in {len(counts)} tables into {_display(args)}.")
    for p in problems:
        print(f"  - {p}")
    return 1 if problems else 0


def cmd_export(args: argparse.Namespace) -> int:
    con = _open(args, read_only=True)
    try:
        as_of = store.snapshot_for(con, snapshot=args.snapshot) if args.snapshot is not None else None
        rows = store.export_table(con, args.table, args.output, as_of=as_of)
    finally:
        con.close()
    print(f"Wrote {rows:,} rows of {args.table} to {args.output}.")
    return 0


def add_parsers(sub: argparse._SubParsersAction) -> None:
    """The housekeeping commands."""
    p = sub.add_parser("info", help="schema version, row counts, whether demo data is present",
                       epilog=EPILOG_INFO, formatter_class=argparse.RawDescriptionHelpFormatter)
    db_arg(p)
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=cmd_info)

    p = sub.add_parser("check", help="verify the integrity rules (exit 1 with a report if one is broken)",
                       epilog="examples:\n  python -m dashboard check\n",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    db_arg(p)
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("snapshots", help="list the store's snapshots (every import, revert and change)",
                       epilog="examples:\n  python -m dashboard snapshots\n  python -m dashboard snapshots --limit 20"
                              " --json\n", formatter_class=argparse.RawDescriptionHelpFormatter)
    db_arg(p)
    p.add_argument("--limit", type=int, default=None, help="only the newest N")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=cmd_snapshots)

    p = sub.add_parser("maintain", help="merge small files, expire old snapshots, report files before/after",
                       epilog="examples:\n  python -m dashboard maintain                 merge files, keep every "
                              "snapshot\n  python -m dashboard maintain --keep-days 90  also forget snapshots "
                              "older than 90 days\n  python -m dashboard maintain --rollups    also rebuild the "
                              "rollups from the base tables\n", formatter_class=argparse.RawDescriptionHelpFormatter)
    db_arg(p)
    p.add_argument("--keep-days", type=positive_float, default=None,
                   help="expire snapshots older than this many days (default: keep all)")
    p.add_argument("--rollups", action="store_true",
                   help="also rebuild the rollups from the base tables (a repair: every write keeps them)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=cmd_maintain)

    p = sub.add_parser("backup", help="write every table as Parquet plus a manifest into a folder",
                       epilog="examples:\n  python -m dashboard backup backups/2026-03-01\n"
                              "  python -m dashboard backup old --db data/sei.duckdb   a store of an earlier "
                              "version\n", formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("folder", type=Path, metavar="DIR")
    db_arg(p)
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", help="rebuild a store from a backup folder (also: move embedded → shared)",
                       epilog="examples:\n  python -m dashboard restore backups/2026-03-01 --db /tmp/copy.ducklake\n"
                              "  python -m dashboard restore backups/x --db postgresql://sei@db1/sei "
                              "--data-path s3://bucket/sei\n", formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("folder", type=Path, metavar="DIR")
    db_arg(p)
    p.add_argument("--replace", action="store_true", help="replace the data of a store that has some")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("export", help="write one table as .parquet, .csv or .xlsx (by extension)",
                       epilog="examples:\n  python -m dashboard export --table projects -o projects.parquet\n"
                              "  python -m dashboard export --table import_batches -o batches.xlsx --snapshot 12\n",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--table", required=True, help="the table (see `info`)")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE")
    p.add_argument("--snapshot", type=int, default=None, help="as of this snapshot (default: the newest)")
    db_arg(p)
    p.set_defaults(func=cmd_export)
