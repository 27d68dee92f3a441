"""The command line: ``python -m dashboard COMMAND``.

A thin layer over the library: each command opens the store, calls one function and prints.
Exit status: 0 success, 1 failure (the store is unchanged), 2 usage error.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from .. import store, taxonomy
from ..store import engine
from . import accounts, maintenance
from .common import (
    STDOUT,
    audit_event,
    db_arg,
    message_lang,
    operator_principal,
    positive_float,
    positive_int,
    print_json,
)
from .common import opened_store as _opened
from .common import store_display as _display

EPILOG_INIT = """examples:
  python -m dashboard init --demo                 create data/sei.ducklake with the demo dataset
  python -m dashboard init --db /tmp/x.ducklake   create or upgrade another embedded store
  python -m dashboard init --db postgresql://sei@db1:5432/sei --data-path /mnt/share/sei
                                                  create a shared store (PostgreSQL catalog)
  python -m dashboard init --demo --scale 333     about 1M demo projects, for benchmarks
"""
EPILOG_TARGETS = """examples:
  python -m dashboard targets                     the three tiers, their counts and target years
  python -m dashboard targets --year 2027         give every tier until 2027
  python -m dashboard targets --year 2030 --tier ecosystem
"""
EPILOG_BENCH = """examples:
  python -m dashboard bench                       ~1M demo projects (built once in the temp folder)
  python -m dashboard bench --scale 3330 --db /work/bench/sei-3330.ducklake --json
  python -m dashboard bench --db data/sei.ducklake --skip import   an existing store, pages only
  python -m dashboard bench --only import --json   the 100k-row import against raw DuckDB only
  python -m dashboard bench --db postgresql://sei@db1/sei --data-path /mnt/share/sei --only pages

targets (issue 10): slowest page uncached <= 150 ms at ~1M projects and <= 1,000 ms at ~10M;
first page after a cold start <= 3 s and app peak RSS <= 1 GB at ~10M; import <= 10x raw DuckDB.
"""
def cmd_init(args: argparse.Namespace) -> int:
    from .. import demo

    with _opened(args) as con:
        print(f"{_display(args)}: schema version {store.schema_version(con)}")
        loaded = store.reload_public_lists(con)
        print(f"Public lists (data/public_lists/, apart from demo and imported data): "
              f"{loaded['public_clusters']} clusters on {loaded['public_lists']} lists, "
              f"{loaded['public_statistics']} national statistics.")
        if args.demo:
            if store.demo_batches(con) and not args.force:
                print("Demo data is already present; use --force to add another demo batch.")
                return 0
            started = time.perf_counter()
            batch_id = demo.generate(con, scale=args.scale, seed=args.seed)
            count = store.batches.project_count(con, batch_id)
            audit_event(con, "demo_add", detail={"batch_id": batch_id, "projects": count, "scale": args.scale})
            print(f"Added demo batch {batch_id}: {count:,} projects in {time.perf_counter() - started:.1f} s.")
    return 0


EPILOG_IMPORT = """examples:
  python -m dashboard import 江苏2024重大项目.csv                 import (projects already stored are updated)
  python -m dashboard import list.xlsx --sheet 项目清单 --dry-run    check a workbook's sheet, write nothing
  python -m dashboard import list.csv --map '项目名称（全称）=name' --map '备注=ignore'
  python -m dashboard import list.csv --skip-invalid --json        import the valid rows, print one JSON object

fields for --map: name, place, province, city, district, total_investment, annual_plan, stage, years,
  start_year, end_year, owner, ownership, sector, cluster, content, seq, funding:<source>, ignore
exit status: 0 committed (or a clean dry run), 1 rows rejected or file refused (store unchanged), 2 usage error
"""
EPILOG_BATCHES = """examples:
  python -m dashboard batches
  python -m dashboard revert 7
"""


def _mapping(items: Sequence[str] | None) -> dict[str, str]:
    out = {}
    for item in items or ():
        header, sep, target = item.partition("=")
        if not sep or not header.strip():
            raise argparse.ArgumentTypeError(f"--map {item!r}: use HEADER=field")
        out[header.strip()] = target.strip()
    return out


def _fail(args: argparse.Namespace, error: str, message: str, status: int) -> int:
    """Report a failure: one JSON object on stdout with --json, else the message on stderr."""
    if getattr(args, "json", False):
        print_json({"batch_id": None, "error": error, "message": message, "exit_status": status,
                     "file_name": Path(args.file).name if getattr(args, "file", None) else None})
    else:
        print(f"error: {message}", file=sys.stderr)
    return status


def cmd_import(args: argparse.Namespace) -> int:
    from .. import ingest
    from ..i18n import t

    lang = args.lang
    path = Path(args.file)
    if not path.exists():
        return _fail(args, "file_missing", t("importer.cli_no_file", lang, file=path), 2)
    if not path.is_file():
        return _fail(args, "not_a_file", t("importer.cli_not_a_file", lang, file=path), 2)
    try:
        overrides = _mapping(args.map)
    except argparse.ArgumentTypeError as exc:
        return _fail(args, "usage", str(exc), 2)
    with _opened(args) as con:
        try:
            plan = ingest.preview(con, path, path.name, sheet=args.sheet, mapping_overrides=overrides, lang=lang,
                                  usd_rate=args.usd_rate)
        except ingest.MappingError as exc:
            return _fail(args, "mapping", exc.message(lang), 2)
        result = None
        if not args.dry_run:
            result = ingest.commit(con, plan, on_duplicate=args.on_duplicate, skip_invalid=args.skip_invalid,
                                   force=args.force, imported_by=args.user or operator_principal().name,
                                   on_wait=_waiting(lang))
            audit_event(con, "import", outcome="ok" if result.committed else "refused", detail={
                "file": plan.file_name, "sha256": plan.sha256, "batch_id": result.batch_id,
                "rows_imported": result.rows_imported, "rows_updated": result.rows_updated,
                "rows_rejected": plan.rows_rejected, "recorded_as": args.user})
        # The headline is what really stops the file (no place column), not "0 rows failed validation".
        refused = result.refused if result else plan.blocking()
        ok = (result is not None and result.committed) or (args.dry_run and refused is None)
        try:
            report = plan.report(lang)
        except Exception as exc:  # noqa: BLE001 - said with what was written: the batch stays (revert undoes it)
            if result is None or not result.committed:
                raise
            return _fail(args, "report_failed", t("importer.cli_report_failed", lang, batch=result.batch_id,
                                                  kind=type(exc).__name__, reason=exc), 1)
        payload = {
            "batch_id": result.batch_id if result else None,
            "dry_run": args.dry_run,
            "file_name": plan.file_name,
            "sha256": plan.sha256,
            "sheet": report["sheet"],
            "sheets_read": report["sheets_read"],
            "sheet_rows": report["sheet_rows"],
            "encoding": plan.encoding,
            "rows_read": plan.rows_read,
            "rows_imported": result.rows_imported if result else 0,
            "rows_updated": result.rows_updated if result else 0,
            "rows_unchanged": result.rows_unchanged if result else 0,
            "rows_skipped": result.rows_skipped if result else 0,
            "rows_rejected": plan.rows_rejected,
            "duplicates_in_store": int(len(plan.duplicates)),
            "errors": report["errors"],
            "warnings": report["warnings"],
            "problem_counts": report["problem_counts"],
            "mapping": plan.mapping,
            "unmapped": plan.unmapped,
            "usd_rate": plan.usd_rate,
            "usd_rows": plan.usd_rows,
            "error": refused.code if refused else None,
            "message": refused.message(lang) if refused else None,
        }
        if args.json:
            print_json(payload)
        else:
            _print_import(payload, lang, t)
        return 0 if ok else 1


def _waiting(lang: str):  # noqa: ANN202 - the callback
    def say(what: str) -> None:
        text = {"zh": "正在等待另一个导入完成…", "en": "waiting for another import to finish…"}[lang]
        if what != "import":
            text = {"zh": f"正在等待另一个写入（{what}）完成…", "en": f"waiting for another {what} to finish…"}[lang]
        print(text, file=sys.stderr, flush=True)
    return say


def _print_import(p: dict, lang: str, t) -> None:  # noqa: ANN001 - the i18n function
    """The human-readable report, in the --lang language (problems already are)."""
    # A text file has an encoding and no sheet (its "sheet" is the file's stem); a workbook the reverse, and a
    # workbook read sheet by sheet no one sheet (each is listed below): neither is printed as "None".
    head = [p["file_name"]]
    if p["encoding"]:
        from ..ingest.encodings import display_name

        head.append(t("importer.cli_encoding", lang, encoding=display_name(p["encoding"])))
    elif p["sheet"]:
        head.append(t("importer.cli_sheet_name", lang, sheet=p["sheet"]))
    print("  ".join(head))
    print(t("importer.cli_mapping", lang) + ", ".join(f"{h} → {f}" for h, f in p["mapping"].items()))
    if p["unmapped"]:
        print(t("importer.cli_extra", lang) + ", ".join(p["unmapped"]))
    for s in p["sheet_rows"]:  # a workbook read sheet by sheet as one import
        print(t("importer.cli_sheet_rows", lang, sheet=s["sheet"], header=s["header_row"], read=s["rows_read"],
                rejected=s["rows_rejected"]))

    def sheet(problem: dict) -> str:  # a problem of one of several sheets names it first
        return t("importer.cli_sheet", lang, sheet=problem["sheet"]) + " " if problem.get("sheet") else ""

    for e in p["errors"]:
        if e["row"] is None:  # a problem with the whole file, or the count of those not listed
            print("  " + sheet(e) + t("importer.cli_file_error", lang, message=e["message"]))
            continue
        print("  " + sheet(e) + t("importer.cli_error", lang, row=e["row"], column=e["column"] or "-",
                                  message=e["message"]))
    for w in p["warnings"]:
        where = t("importer.cli_row", lang, row=w["row"]) if w["row"] else t("importer.cli_whole_file", lang)
        if w.get("sheet"):
            where = t("importer.cli_sheet", lang, sheet=w["sheet"]) + (" " + where if w["row"] else "")
        print("  " + t("importer.cli_warning", lang, where=where, message=w["message"]))
    print(t("importer.cli_counts", lang, read=p["rows_read"], imported=p["rows_imported"],
            updated=p["rows_updated"], skipped=p["rows_skipped"], rejected=p["rows_rejected"]))
    if p["usd_rows"]:
        print(t("importer.cli_usd_rate", lang, rate=p["usd_rate"], rows=p["usd_rows"]))
    if p["batch_id"]:
        print(t("importer.cli_committed", lang, batch=p["batch_id"]))
    if p["message"]:
        print(p["message"], file=sys.stderr)


def cmd_batches(args: argparse.Namespace) -> int:
    from .. import ingest

    with _opened(args) as con:
        batches = ingest.list_batches(con)
    if args.json:
        print_json({"batches": batches.to_dict(orient="records")})
        return 0
    print(f"{'batch':>5}  {'status':<9}  {'imported at':<19}  {'rows':>8}  {'updated':>7}  {'projects':>8}  file")
    for b in batches.itertuples():
        print(f"{b.batch_id:>5}  {b.status:<9}  {str(b.imported_at)[:19]:<19}  {b.rows_imported:>8,}  "
              f"{b.rows_updated or 0:>7,}  {b.projects:>8,}  {b.file_name}{_sheets(b.sheets)}"
              f"{'  (demo)' if b.is_demo else ''}")
    return 0


def _sheets(sheets: list[str]) -> str:
    """A workbook batch's sheets after its file name in ``batches``: ``  [sheets: 甲, 乙]``."""
    return f"  [sheets: {', '.join(sheets)}]" if len(sheets) else ""


EPILOG_CLUSTERS = """lists:
  ndrc_sei_clusters_2019   NDRC, first batch of national SEI clusters (clause (九) counts these)
  miit_amc_2022, miit_amc_2024   MIIT national advanced manufacturing clusters (a different programme)
  public | miit | demo | import | import:<batch>   every public list, both MIIT lists, demo or imported clusters

examples:
  python -m dashboard clusters                               every cluster, public lists first
  python -m dashboard clusters --list ndrc_sei_clusters_2019 the real national SEI designations
  python -m dashboard clusters --list miit --json            MIIT's lists as one JSON object
"""
CLUSTER_FIELDS = ("name", "tier", "status", "province", "city", "sector", "designated_year", "list", "source")


def cmd_clusters(args: argparse.Namespace) -> int:
    from ..filters import Filters
    from ..queries import public_lists

    with _opened(args, read_only=True) as con:
        rows = public_lists.all_clusters(con.cursor(), Filters(), list_name=args.list)
        known = public_lists.lists(con.cursor(), Filters())["list_slug"].tolist()
    if args.list and rows.empty:
        return _fail(args, "unknown_list", f"no cluster on a list named {args.list!r}; public lists: "
                     f"{', '.join(known)}, or public, demo, import, import:<batch>.", 2)
    rows = rows.astype(object).where(rows.notna(), None)
    if args.json:
        print_json({"clusters": [{k: r[k] for k in CLUSTER_FIELDS} for r in rows.to_dict(orient="records")]})
        return 0
    print("\t".join(CLUSTER_FIELDS))
    for r in rows.to_dict(orient="records"):
        print("\t".join("-" if r[k] is None else str(r[k]) for k in CLUSTER_FIELDS))
    public = int((rows["kind"] == "public").sum())
    print(f"{len(rows):,} clusters ({public:,} from public lists, each with its source; "
          f"{len(rows) - public:,} demo or imported).", file=sys.stderr)
    return 0


def cmd_revert(args: argparse.Namespace) -> int:
    from .. import ingest

    with _opened(args) as con:
        try:
            removed = ingest.revert(con, args.batch_id, lang=args.lang)
        except ingest.RevertError as exc:
            audit_event(con, "revert", outcome="refused", detail={"batch_id": args.batch_id, "reason": str(exc)})
            print(f"error: {exc}", file=sys.stderr)
            return 1
        audit_event(con, "revert", detail={"batch_id": args.batch_id, "projects_removed": removed})
    print(f"Reverted batch {args.batch_id}: {removed:,} projects removed, the projects it updated restored.")
    return 0


def cmd_targets(args: argparse.Namespace) -> int:
    with _opened(args) as con:
        if args.year is not None:
            store.set_target_year(con, args.year, args.tier)
            audit_event(con, "targets", detail={"year": args.year, "tier": args.tier or "all"})
        for tier, count, year, clause in store.targets.listed(con):
            print(f"{tier:<10}{count:>6,}  (clause {clause})  target year {year}: assumed by this tool")
        print("Clause （九） sets no deadline; the target year is this tool's assumption "
              "(change it with --year).")
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from .. import bench

    return bench.run(scale=args.scale, db=args.db, data_path=args.data_path, as_json=args.json,
                     repeat=args.repeat, import_rows=args.rows, lang=args.lang, skip=tuple(args.skip or ()),
                     only=tuple(args.only or ()), starts=args.starts, emit=print_json)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m dashboard",
        description="SEI investment dashboard: manage the store (DuckLake) behind the app.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("init", help="create or upgrade the store, optionally with demo data",
                       epilog=EPILOG_INIT, formatter_class=argparse.RawDescriptionHelpFormatter)
    db_arg(p)
    p.add_argument("--demo", action="store_true", help="add the clearly-labelled demo dataset")
    p.add_argument("--scale", type=positive_float, default=1.0,
                   help="demo size as a multiple of about 3,000 projects (default 1)")
    p.add_argument("--seed", type=int, default=1409, help="random seed of the demo data (default 1409)")
    p.add_argument("--force", action="store_true", help="add demo data even if some is present")
    p.set_defaults(func=cmd_init)

    maintenance.add_parsers(sub)

    p = sub.add_parser("targets", help="show the 10/100/1000 targets, or change their target year",
                       epilog=EPILOG_TARGETS, formatter_class=argparse.RawDescriptionHelpFormatter)
    db_arg(p)
    p.add_argument("--year", type=int, help="set the target year (the guidance itself sets none)")
    p.add_argument("--tier", choices=[t.slug for t in taxonomy.tiers()], help="only this tier (default: all)")
    p.set_defaults(func=cmd_targets)

    p = sub.add_parser("import", help="import a project list (.csv, .txt, .xlsx, .xls) as one batch",
                       epilog=EPILOG_IMPORT, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("file", metavar="FILE", help="the project list")
    db_arg(p)
    p.add_argument("--sheet", metavar="NAME", help="read this workbook sheet only (default: every sheet with a "
                   "project table of the first one's layout, as one import)")
    p.add_argument("--map", action="append", metavar="HEADER=FIELD", help="set a column's field (repeatable)")
    p.add_argument("--on-duplicate", choices=("update", "skip"), default="update",
                   help="a project already stored (same name, province, start year): update it (default) or skip")
    p.add_argument("--dry-run", action="store_true", help="check and report; write nothing")
    p.add_argument("--skip-invalid", action="store_true", help="import the valid rows even if some are rejected")
    p.add_argument("--force", action="store_true", help="import a file even if the same file was imported before")
    p.add_argument("--usd-rate", type=positive_float, default=7.1, help="CNY per US dollar (default 7.1)")
    p.add_argument("--user", default=None, help="who imports (recorded with the batch)")
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of messages (default zh)")
    p.add_argument("--json", action="store_true", help="print exactly one JSON object")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("batches", help="list import batches", epilog=EPILOG_BATCHES,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    db_arg(p)
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=cmd_batches)

    p = sub.add_parser("clusters", help="list clusters: the real public lists (with sources), demo and imported",
                       epilog=EPILOG_CLUSTERS, formatter_class=argparse.RawDescriptionHelpFormatter)
    db_arg(p)
    p.add_argument("--list", metavar="NAME", help="only this list (see below)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=cmd_clusters)

    p = sub.add_parser("revert", help="remove an import batch and restore the projects it updated",
                       epilog=EPILOG_BATCHES, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("batch_id", type=int, metavar="BATCH_ID")
    db_arg(p)
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of messages (default zh)")
    p.set_defaults(func=cmd_revert)

    p = sub.add_parser("bench", help="measure page, start-up, memory and import speed on a large demo store",
                       epilog=EPILOG_BENCH, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--scale", type=positive_float, default=333,
                   help="demo scale when the store is built (333 = about 1M projects, 3330 = about 10M)")
    p.add_argument("--db", default=None, metavar="STORE",
                   help="the store the pages are measured on (a catalog file or postgresql://...); demo data at "
                        "--scale is added if it holds no projects (default: one per scale in the temp folder)")
    p.add_argument("--data-path", default=None, metavar="DIR",
                   help="where that store's data files live (default: $SEI_DATA_PATH, else the store's own)")
    p.add_argument("--json", action="store_true", help="print exactly one JSON object")
    p.add_argument("--repeat", type=int, default=3,
                   help="uncached runs per page, and imports of each kind; the best is kept (default 3)")
    p.add_argument("--starts", type=positive_int, default=3,
                   help="cold starts of the app, each timed to its first page; the median is kept (default 3)")
    p.add_argument("--rows", type=int, default=100_000, help="rows of the generated import file (default 100,000)")
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="page language (default zh)")
    p.add_argument("--skip", action="append", choices=("server", "pages", "import"),
                   help="leave a measure out (repeatable)")
    p.add_argument("--only", action="append", choices=("server", "pages", "import"),
                   help="take only this measure (repeatable); --only import builds no large store")
    p.set_defaults(func=cmd_bench)

    accounts.add_parsers(sub)

    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; never a traceback: every failure is a message (one JSON object with --json), in
    the command's language (:func:`message_lang`)."""
    import duckdb

    from ..i18n import t

    parser = build_parser()
    args = parser.parse_args(argv)
    lang = message_lang(args)
    try:
        db = engine.locate(getattr(args, "db", None), getattr(args, "data_path", None)).display
    except store.StoreError:
        db = args.db
    STDOUT[0] = sys.stdout
    redirect = contextlib.redirect_stdout(sys.stderr) if getattr(args, "json", False) else contextlib.nullcontext()
    try:
        with redirect:
            return args.func(args)
    except store.StoreError as exc:
        return _fail(args, "store", exc.message(lang), 1)
    except duckdb.Error as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return _fail(args, "store_damaged", t("store.damaged", lang, store=db, reason=first), 1)
    except BrokenPipeError:  # output piped into `head` and the like: stop quietly
        sys.stderr.close()
        return 0
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        return _fail(args, "io", t("store.io_error", lang, reason=exc.strerror or exc, where=where), 1)
    except MemoryError:
        return _fail(args, "memory", t("store.out_of_memory", lang), 1)
    except KeyboardInterrupt:
        return _fail(args, "interrupted", t("store.interrupted", lang), 1)
    except Exception as exc:  # noqa: BLE001 - the last line of defence: a message, not a traceback
        return _fail(args, "internal", t("store.internal", lang, kind=type(exc).__name__, reason=exc), 1)
