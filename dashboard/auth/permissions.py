"""The one table of rights. Roles are ordered: each has every right of the roles before it.

Pages, the CLI and the download module ask :func:`allows`; nothing else decides who may do what.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    VIEWER = "viewer"      # leaders: summary and analysis pages, the meeting export
    ANALYST = "analyst"    # + every download (CSV/XLSX of tables and chart data)
    STEWARD = "steward"    # + import, tag review, batch revert
    ADMIN = "admin"        # + accounts, targets, demo removal, the audit page


ROLES: tuple[Role, ...] = tuple(Role)  # in rising order


class Perm(StrEnum):
    VIEW = "view"                      # the summary and every analysis page, read-only
    MEETING_EXPORT = "meeting_export"  # the summary's HTML/PDF for meetings
    DOWNLOAD = "download"              # project-level tables and chart data as CSV/XLSX
    IMPORT = "import"                  # the import page: upload, map, commit
    TAG_REVIEW = "tag_review"          # change the sector the tagger chose
    REVERT = "revert"                  # take an import batch back out
    DEMO = "demo"                      # remove (or add) the demo dataset
    TARGETS = "targets"                # change the 10/100/1000 target years
    ACCOUNTS = "accounts"              # add, change, disable accounts
    AUDIT = "audit"                    # browse and download the audit trail


# The lowest role holding each right.
MIN_ROLE: dict[Perm, Role] = {
    Perm.VIEW: Role.VIEWER,
    Perm.MEETING_EXPORT: Role.VIEWER,
    Perm.DOWNLOAD: Role.ANALYST,
    Perm.IMPORT: Role.STEWARD,
    Perm.TAG_REVIEW: Role.STEWARD,
    Perm.REVERT: Role.STEWARD,
    Perm.DEMO: Role.ADMIN,
    Perm.TARGETS: Role.ADMIN,
    Perm.ACCOUNTS: Role.ADMIN,
    Perm.AUDIT: Role.ADMIN,
}

# Pages that need more than VIEW, by url slug; every other page needs VIEW.
PAGE_PERM: dict[str, Perm] = {"upload": Perm.IMPORT, "audit": Perm.AUDIT}


# Downloads by the ``what`` name the download module gets (prefix before ':'); anything not named here is
# project-level data (tables, chart data, exports) and needs DOWNLOAD.
DOWNLOAD_PERM: dict[str, Perm] = {
    "summary": Perm.MEETING_EXPORT,   # the HTML/PDF meeting export
    "template": Perm.VIEW,            # blank import templates: no data in them
    "import": Perm.IMPORT,            # an upload's own problem and review lists
    "audit": Perm.AUDIT,
}


def download_perm(what: str) -> Perm:
    return DOWNLOAD_PERM.get(what.split(":", 1)[0], Perm.DOWNLOAD)


def parse_role(text: str) -> Role:
    """A role from its name (any case), or ValueError naming the four."""
    try:
        return Role(text.strip().lower())
    except ValueError:
        raise ValueError(f"unknown role {text!r}; use one of {', '.join(ROLES)}") from None


def allows(role: Role | str | None, perm: Perm) -> bool:
    """Whether ``role`` holds ``perm``; no role holds nothing."""
    if role is None:
        return False
    try:
        r = Role(role)
    except ValueError:
        return False
    return ROLES.index(r) >= ROLES.index(MIN_ROLE[perm])


def page_perm(slug: str) -> Perm:
    return PAGE_PERM.get(slug, Perm.VIEW)


def rights(role: Role | str) -> list[Perm]:
    """Every right of a role, for listings."""
    return [p for p in Perm if allows(role, p)]
