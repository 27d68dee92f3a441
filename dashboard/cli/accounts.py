"""Accounts and the audit trail on the command line: ``python -m dashboard users …`` and ``audit``."""

from __future__ import annotations

import argparse
import sys

from .common import audit_event, db_arg, opened_store, operator_principal, print_json

EPILOG_USERS = """examples:
  python -m dashboard users add wang --role admin              the first admin (asks for a password twice)
  echo "$PW" | python -m dashboard users add li --role analyst --province 320000 --province 330000
  python -m dashboard users list --json
  python -m dashboard users set-role li steward
  python -m dashboard users set-provinces li 440000            (or --all for every province)
  python -m dashboard users disable li                         (enable undoes it)
  python -m dashboard users reset-password li                  new password from stdin or the terminal
  python -m dashboard users unlock li                          end a lock after 5 failed sign-ins

roles: viewer < analyst < steward < admin (each has every right of the roles before it)
  viewer   summary and analysis pages, the meeting export
  analyst  + every download (CSV/XLSX of tables and chart data)
  steward  + import, tag review, batch revert
  admin    + accounts, targets, demo removal, the audit page
passwords: at least 8 characters; read as one line from standard input, or prompted on a terminal;
  stored only as an argon2id hash, never printed or exported
"""
EPILOG_AUDIT = """examples:
  python -m dashboard audit                          the last 200 events
  python -m dashboard audit --since 2026-11-01 --json
  python -m dashboard audit --user li --action download
"""


def _read_password(prompt: str = "Password: ") -> str:
    """One line from standard input, or (on a terminal) asked twice without echo."""
    import getpass

    from ..auth.accounts import check_password

    if sys.stdin.isatty():
        first = getpass.getpass(prompt)
        if getpass.getpass("Again: ") != first:
            raise ValueError("the two passwords differ")
        return check_password(first)
    line = sys.stdin.readline()
    return check_password(line.rstrip("\r\n"))


def cmd_users(args: argparse.Namespace) -> int:
    from ..auth import accounts
    from ..auth.permissions import parse_role
    from ..store import auth as auth_store

    me = operator_principal()
    with opened_store(args) as con:
        try:
            if args.action == "list":
                rows = auth_store.accounts(con)
                if args.json:
                    print_json({"users": [{
                        "username": a.username, "role": a.role.value, "provinces": list(a.provinces),
                        "email": a.email, "disabled": a.disabled, "password": a.has_password,
                        "created_at": a.created_at, "updated_at": a.updated_at} for a in rows]})
                    return 0
                if not rows:
                    print("No accounts: the app runs in single-user mode (this machine only). "
                          "Add the first admin with `python -m dashboard users add NAME --role admin`.")
                for a in rows:
                    print(f"{a.username:<20} {a.role.value:<8} {','.join(a.provinces) or 'all provinces':<24} "
                          f"{a.email or '-':<28} {'disabled' if a.disabled else 'active'}")
                return 0
            name = accounts.check_name(args.name)
            if args.action == "add":
                role = parse_role(args.role)
                provinces = accounts.parse_provinces(args.province or (), auth_store.province_codes(con))
                if auth_store.find(con, name) is not None:
                    raise auth_store.AccountError(f"an account named {name!r} exists already")
                digest = None if args.no_password else accounts.hash_password(_read_password())
                a = auth_store.add_account(con, me, name, role, provinces, digest, email=args.email)
                print(f"Added {a.username} ({a.role.value}, "
                      f"{'provinces ' + ','.join(a.provinces) if a.provinces else 'all provinces'}).")
            elif args.action == "set-role":
                a = auth_store.update_account(con, me, name, "user_set_role", role=parse_role(args.role))
                print(f"{a.username} is now {a.role.value}.")
            elif args.action == "set-provinces":
                codes = () if args.all else accounts.parse_provinces(args.province or (),
                                                                     auth_store.province_codes(con))
                if not codes and not args.all:
                    raise ValueError("name provinces with --province CODE, or --all")
                a = auth_store.update_account(con, me, name, "user_set_provinces", provinces=codes)
                print(f"{a.username} sees {','.join(a.provinces) or 'all provinces'}.")
            elif args.action == "set-email":
                a = auth_store.update_account(con, me, name, "user_set_email", email=args.email or None)
                print(f"{a.username}: e-mail {a.email or '-'}.")
            elif args.action in ("disable", "enable"):
                a = auth_store.update_account(con, me, name, f"user_{args.action}",
                                              disabled=args.action == "disable")
                print(f"{a.username} is {'disabled' if a.disabled else 'active'}.")
            elif args.action == "reset-password":
                if auth_store.find(con, name) is None:
                    raise auth_store.AccountError(f"no account named {name!r}")
                digest = accounts.hash_password(_read_password("New password: "))
                a = auth_store.update_account(con, me, name, "user_reset_password", password_hash=digest)
                print(f"New password set for {a.username}; any lock on it is lifted.")
            elif args.action == "unlock":
                if auth_store.find(con, name) is None:
                    raise auth_store.AccountError(f"no account named {name!r}")
                audit_event(con, "user_unlock", detail={"user": name})
                print(f"{name} may sign in again.")
        except (ValueError, EOFError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    import datetime as dt

    from ..store import auth as auth_store

    since = None
    if args.since:
        try:
            since = dt.datetime.fromisoformat(args.since)
        except ValueError:
            print(f"error: --since {args.since!r}: use YYYY-MM-DD or YYYY-MM-DDTHH:MM", file=sys.stderr)
            return 2
    with opened_store(args) as con:
        events = auth_store.events(con, since=since, actor=args.user, action=args.action,
                                   limit=None if args.since else args.limit)
    events = events.iloc[::-1]  # oldest first, as a log reads
    if args.json:
        import json

        rows = []
        for r in events.to_dict(orient="records"):
            r["detail"] = json.loads(r["detail"]) if r["detail"] else None
            rows.append(r)
        print_json({"events": rows})
        return 0
    for r in events.itertuples():
        print(f"{str(r.happened_at)[:19]}  {r.actor or '-':<16} {r.via:<5} {r.source or '-':<15} "
              f"{r.action:<20} {r.outcome:<8} {r.detail or ''}")
    return 0



def add_parsers(sub: argparse._SubParsersAction) -> None:
    """The users and audit commands."""
    p = sub.add_parser("users", help="accounts: add, list, set-role, set-provinces, disable, reset-password, unlock",
                       epilog=EPILOG_USERS, formatter_class=argparse.RawDescriptionHelpFormatter)
    users = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    u = users.add_parser("add", help="add an account (password from stdin, or asked on a terminal)")
    u.add_argument("name", metavar="NAME")
    u.add_argument("--role", required=True, help="viewer, analyst, steward or admin")
    u.add_argument("--province", action="append", metavar="CODE",
                   help="limit the account to a province (GB/T 2260, e.g. 320000); repeatable; default all")
    u.add_argument("--email", help="e-mail, for single sign-on to find this account")
    u.add_argument("--no-password", action="store_true", help="single sign-on only: no password sign-in")
    u = users.add_parser("list", help="every account (never a password)")
    u.add_argument("--json", action="store_true", help="print one JSON object")
    u = users.add_parser("set-role", help="change an account's role")
    u.add_argument("name", metavar="NAME")
    u.add_argument("role", metavar="ROLE")
    u = users.add_parser("set-provinces", help="change an account's province scope")
    u.add_argument("name", metavar="NAME")
    u.add_argument("--province", action="append", metavar="CODE")
    u.add_argument("--all", action="store_true", help="every province")
    u = users.add_parser("set-email", help="change (or with no --email, clear) an account's e-mail")
    u.add_argument("name", metavar="NAME")
    u.add_argument("--email")
    for action, text in (("disable", "stop an account signing in (its sessions end on their next click)"),
                         ("enable", "let a disabled account sign in again"),
                         ("reset-password", "set a new password (stdin or terminal); lifts a lock"),
                         ("unlock", "lift the lock after 5 failed sign-ins")):
        u = users.add_parser(action, help=text)
        u.add_argument("name", metavar="NAME")
    for u in users.choices.values():
        db_arg(u)
    p.set_defaults(func=cmd_users)

    p = sub.add_parser("audit", help="print the audit trail (who did what, when, from where)",
                       epilog=EPILOG_AUDIT, formatter_class=argparse.RawDescriptionHelpFormatter)
    db_arg(p)
    p.add_argument("--since", metavar="DATE", help="from this date or time (UTC), e.g. 2026-11-01")
    p.add_argument("--user", help="only this user's events")
    p.add_argument("--action", help="only this action (sign_in, import, revert, download, ...)")
    p.add_argument("--limit", type=int, default=200, help="without --since: the last N events (default 200)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=cmd_audit)
