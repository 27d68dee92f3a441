"""数据导入 / Import data: file → rows as read → mapping → validation → sector review → commit.

The page only arranges widgets; reading, checking and writing are :mod:`dashboard.ingest`.
"""

from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st

from .. import appdb, chrome, downloads, filters, ingest, sidebar, store, taxonomy, ui
from ..auth import session
from ..auth.permissions import Perm
from ..formatting import count, join_list
from ..i18n import current_lang, relabel, t
from ..ingest import encodings, reading, template
from ..ingest.normalise import CLASS_HINT_PREFIX
from ..ingest.plan import shorten
from .base import page

PREVIEW_ROWS = 500          # rows shown as read; the whole file is still checked
REVIEW_ROWS = 500           # rows offered in the sector review
PROGRESS_FROM_BYTES = 1_000_000   # about 10,000 rows: show a progress bar
NO_FIELD = "—"
# What the uploader takes: the reader's own list (ingest.reading.FORMATS). The importer tells the formats apart
# by content, and answers a file it cannot read (.xlsb, .ods, an archive) with its own message instead of the
# uploader's refusal (which named an .xlsb "application/vnd.ms-excel.sheet.binary.macroEnabled.12", in English,
# in the zh page too).
ACCEPTED = reading.ACCEPTED


def formats_text(lang: str | None = None) -> str:
    """The tables the import reads, grouped and short (表格 CSV/TXT/TSV，Excel XLSX/XLS/…，网页导出 HTML/…), from
    the reader's list: the caption said "CSV、TXT 或 Excel" while some twenty types were taken."""
    lang = lang or current_lang()
    groups = [f"{t(f'upload.formats_{kind}', lang)} {'/'.join(e.upper() for e in exts)}"
              for kind, exts, read in reading.FORMATS if read]
    return ("，" if lang == "zh" else ", ").join(groups)



def _field_label(field: str, lang: str | None = None) -> str:
    lang = lang or current_lang()
    if field == NO_FIELD:
        return t("upload.field_none", lang)
    if field.startswith("funding:"):
        slug = field.split(":", 1)[1]
        return t("upload.field_funding", lang, source=taxonomy.label("funding", slug, lang, short=False))
    return t(f"upload.field_{field}", lang)


def _templates() -> None:
    with st.expander(t("upload.howto_title"), icon=":material/help:"):
        st.markdown(t("upload.howto"))
        c1, c2 = st.columns(2)
        downloads.file_button(t("upload.template_csv"), template.template_csv(), template.CSV_NAME, "text/csv",
                              what="template:csv", key="upload_template_csv", where=c1)
        downloads.file_button(t("upload.template_xlsx"), template.template_xlsx(), template.XLSX_NAME,
                              downloads.MIME["xlsx"], what="template:xlsx", key="upload_template_xlsx", where=c2)


def _preview(data: bytes, name: str, sheet: str | None, overrides: dict[str, str]) -> ingest.ImportPlan:
    """The plan for this file and these choices, kept in the session until one of them changes."""
    key = (hashlib.sha256(data).hexdigest(), name, sheet, tuple(sorted(overrides.items())), current_lang())
    cached = st.session_state.get("upload_plan")
    if cached and cached[0] == key:
        return cached[1]
    bar = st.progress(0.0, text=t("upload.reading")) if len(data) > PROGRESS_FROM_BYTES else None

    def progress(fraction: float, step: str) -> None:
        if bar is not None:
            bar.progress(min(1.0, fraction), text=t("upload.step", step=step))

    with appdb.cursor() as cur:
        plan = ingest.preview(cur, data, name, sheet=sheet, mapping_overrides=overrides, lang=current_lang(),
                              progress=progress)
    if bar is not None:
        bar.empty()
    st.session_state["upload_plan"] = (key, plan)
    return plan


def _mapping_editor(plan: ingest.ImportPlan) -> dict[str, str]:
    """The mapping as an editable table; returns the overrides the user made."""
    fields = [NO_FIELD, *[f for f in ingest.all_fields() if f not in ("ignore", "seq")]]
    by_label = {_field_label(f): f for f in fields}
    current = pd.DataFrame({
        "column": plan.columns,
        "field": [_field_label(plan.mapping.get(c, NO_FIELD)) for c in plan.columns],
    })
    edited = st.data_editor(
        current, hide_index=True, width="stretch", key=f"upload_map_{plan.sha256[:12]}",
        disabled=["column"],
        column_config={
            "column": st.column_config.TextColumn(t("upload.col_header")),
            "field": st.column_config.SelectboxColumn(t("upload.col_field"), options=list(by_label),
                                                      required=True),
        },
    )
    overrides = dict(st.session_state.get("upload_overrides", {}))
    for column, before, after in zip(current["column"], current["field"], edited["field"], strict=True):
        if before != after:
            field = by_label.get(after, NO_FIELD)
            overrides[column] = "ignore" if field == NO_FIELD else field
    return overrides


HAND_ROWS = 30        # rows of a file with no header shown to map its columns by hand
HAND_OPTIONS = 300    # header cells offered (the picker is searchable)


def header_candidates(top_rows: pd.DataFrame) -> list[str]:
    """The cells of the rows a header is looked for in that could head a column: short text that is no
    number, each once, in reading order (over at most 100 rows; never the file's whole length)."""
    flat = pd.Series(top_rows.drop(columns="row").to_numpy().ravel()).astype(str).str.strip()
    keep = (flat != "") & (flat.str.len() <= 20) & ~flat.str.fullmatch(r"[\d.,%\s()（）+\-]*")
    return list(dict.fromkeys(flat[keep]))[:HAND_OPTIONS]


def _map_by_hand(plan: ingest.ImportPlan, overrides: dict[str, str]) -> None:
    """The mapping when no header was found: the file's first rows as they are, and a pick of the cell that
    heads a column and its field, the page's ``--map 备注=name``. The preview then runs again with the
    mapping (the importer finds the header by the cell mapped to the name); the commit is the same one."""
    st.subheader(t("upload.hand_title"))
    st.caption(t("upload.hand_help"))
    named = [column for column, field in overrides.items() if field == "name"]
    if named:
        st.warning(t("upload.hand_still_none", columns="、".join(named)), icon=":material/warning:")
    shown = plan.top_rows.head(HAND_ROWS)
    st.caption(t("upload.top_rows", rows=len(shown)))
    st.dataframe(shown.rename(columns=lambda c: c if c == "row" else str(c + 1)), hide_index=True, width="stretch",
                 column_config={"row": st.column_config.NumberColumn(t("upload.col_row"), format="%d")})
    fields = [f for f in ingest.all_fields() if f not in ("ignore", "seq")]
    c1, c2, c3 = st.columns([3, 3, 1], vertical_alignment="bottom")
    column = c1.selectbox(t("upload.hand_column"), header_candidates(plan.top_rows), index=None,
                          key="upload_hand_column", placeholder=t("chrome.choose"))
    lang = current_lang()  # bound now: a format function reads no state when the widget's value is set
    relabel("upload_hand_field")
    field = c2.selectbox(t("upload.hand_field"), fields, index=fields.index("name"),
                         format_func=lambda f: _field_label(f, lang), key="upload_hand_field")
    if c3.button(t("upload.hand_add"), disabled=column is None, key="upload_hand_add", icon=":material/link:"):
        st.session_state["upload_overrides"] = {**overrides, column: field}
        st.rerun()
    if overrides:
        pairs = "；".join(f"{c} → {_field_label(f)}" for c, f in overrides.items())
        st.caption(t("upload.hand_current", pairs=pairs))
        if st.button(t("upload.hand_clear"), key="upload_hand_clear", icon=":material/link_off:"):
            st.session_state["upload_overrides"] = {}
            st.rerun()


def _problem_table(problems: list[ingest.Problem], lang: str) -> pd.DataFrame:
    """The problems as the page and the problem list show them. A problem of a whole row (a skipped group
    row, a 其中 row) has no column: its column cell says so; one of the whole file has neither a row nor
    a column, and both cells are left empty, as is the value of a problem about no one cell (a missing
    value would show as a grey "None")."""
    table = pd.DataFrame([p.as_dict(lang) for p in problems])
    if "column" in table.columns:
        whole_row = table["column"].isna() & table["row"].notna()
        table["column"] = table["column"].where(~whole_row, t("upload.whole_row")).fillna("")
        table["row"] = ["" if pd.isna(r) else str(int(r)) for r in table["row"]]
        table["value"] = table["value"].fillna("")
    # The sheet of each problem, in an import of several sheets (a row number alone would be ambiguous).
    drop = ["code", "more"] + (["sheet"] if "sheet" in table.columns and table["sheet"].isna().all() else [])
    if "sheet" in table.columns:
        table["sheet"] = table["sheet"].fillna("")
    return table.drop(columns=[c for c in drop if c in table.columns]).rename(columns={
        "sheet": t("upload.sheet"), "row": t("upload.col_row"), "column": t("upload.col_column"),
        "value": t("upload.col_value"), "message": t("upload.col_message")})


# Problem rows shown before the table scrolls within a box of :data:`_SCROLL_PX` (the list is bounded: at
# most MAX_LISTED problems of each kind, and the download has them all).
_ROWS_UNBOXED = 12
_SCROLL_PX = 520


def _show_problems(problems: list[ingest.Problem], lang: str) -> None:
    """The problem table, drawn as text so that every message wraps whole in either language (the data grid
    cut long messages off, and never wrapped an English one quoting a Chinese value); row numbers aligned
    right, over-long values shortened, a long list scrolled in a box."""
    table = _problem_table(problems, lang)
    value = t("upload.col_value")
    if value in table.columns:
        table[value] = table[value].astype(str).map(shorten)
    right = (t("upload.col_row"),) if t("upload.col_row") in table.columns else ()
    with st.container(height=_SCROLL_PX if len(table) > _ROWS_UNBOXED else "content"):
        ui.text_table(table, right=right)


def _how_many(problems: list[ingest.Problem]) -> int:
    """Problems listed plus those only counted (a summary entry stands for the rest of its kind)."""
    return sum(len(p.more_rows) if p.is_summary else 1 for p in problems)


def _problems(plan: ingest.ImportPlan) -> None:
    lang = current_lang()
    blocking = plan.blocking()
    if blocking is not None and blocking.code != "has_errors":
        # What stops the file as a whole comes first, not "0 rows failed validation".
        st.error(blocking.message(lang), icon=":material/block:")
    if plan.usd_rows:
        st.info(t("upload.usd_rate", rate=plan.usd_rate, rows=f"{plan.usd_rows:,}"),
                icon=":material/currency_exchange:")
    if any(p.is_summary for p in [*plan.errors, *plan.warnings]):
        st.caption(t("upload.bounded", limit=ingest.MAX_LISTED))
    row_errors = [p for p in plan.errors if p.row is not None or p.is_summary]
    if row_errors:
        st.error(t("upload.errors", count=f"{_how_many(row_errors):,}", rows=f"{plan.rows_rejected:,}"),
                 icon=":material/error:")
        _show_problems(plan.errors, lang)
    if plan.warnings:
        with st.expander(t("upload.warnings", count=f"{_how_many(plan.warnings):,}"), icon=":material/warning:",
                         expanded=not plan.errors):
            _show_problems(plan.warnings, lang)
    if plan.errors or plan.warnings:
        kinds = [t("upload.kind_error")] * len(plan.errors) + [t("upload.kind_warning")] * len(plan.warnings)
        table = _problem_table([*plan.errors, *plan.warnings], lang)
        table.insert(0, t("upload.col_kind"), kinds)
        stem = f"{plan.file_name.rsplit('.', 1)[0]}-problems"
        downloads.button(t("upload.download_problems"), table, stem, kind="csv", what="import:problems",
                         filters={"file": plan.file_name, "sha256": plan.sha256}, key="upload_problems_download")
    if not plan.errors:
        st.success(t("upload.valid", rows=f"{plan.rows_read:,}"), icon=":material/check_circle:")


def _with_sheet(plan: ingest.ImportPlan, frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with its row keys as the rows seen in each sheet, and, for several sheets, a sheet column
    first, named so that no header of a file is likely to clash with it."""
    sheets, lines = plan.where(frame["row"])
    out = frame.assign(row=lines)
    if plan.sheets_read:
        out.insert(0, "__sheet__", sheets)
    return out


def _sheets_read(plan: ingest.ImportPlan) -> None:
    """Each sheet read in an import of several: its header row and its rows read, rejected and valid."""
    table = pd.DataFrame(plan.rows_by_sheet())
    st.dataframe(table[["sheet", "header_row", "rows_read", "rows_rejected", "rows_valid"]], hide_index=True,
                 column_config={"sheet": t("upload.sheet"), "header_row": t("upload.col_header_row"),
                                "rows_read": t("upload.col_rows_read"), "rows_rejected": t("upload.col_rejected"),
                                "rows_valid": t("upload.col_rows_valid")})


def _rows_as_read(plan: ingest.ImportPlan) -> None:
    rejected = plan.rejected_rows
    bad = plan.raw["row"].head(PREVIEW_ROWS).isin(rejected).to_numpy() if rejected else None
    shown = _with_sheet(plan, plan.raw.head(PREVIEW_ROWS))
    config = {"row": st.column_config.NumberColumn(t("upload.col_row"), format="%d",
                                                   help=t("upload.col_row_help")),
              "__sheet__": st.column_config.TextColumn(t("upload.sheet"))}
    if rejected:
        styled = shown.style.apply(
            lambda r: ["background-color: #fde2e1" if bad[r.name] else "" for _ in r], axis=1)
        st.dataframe(styled, hide_index=True, width="stretch", column_config=config)
    else:
        st.dataframe(shown, hide_index=True, width="stretch", column_config=config)
    if len(plan.raw) > PREVIEW_ROWS:
        st.caption(t("upload.shown", shown=f"{PREVIEW_ROWS:,}", total=f"{len(plan.raw):,}"))


def basis(keywords: object, column: str) -> str:
    """What a row of the sector review was tagged from, in the page's language: the words its name matched, or
    the industry class (GB/T 4754) of the file's sector column; empty for an unclassified row."""
    if not isinstance(keywords, str) or not keywords:
        return ""
    if keywords.startswith(CLASS_HINT_PREFIX):
        return t("upload.basis_class", cls=keywords.removeprefix(CLASS_HINT_PREFIX), column=column)
    return t("upload.basis_words", words=keywords)


def _sector_review(plan: ingest.ImportPlan) -> dict[int, str | None]:
    review = plan.review_rows()
    if review.empty:
        st.caption(t("upload.review_none"))
        return {}
    lang = current_lang()
    st.caption(t("upload.review_help", count=f"{len(review):,}"))
    column = next((h for h, f in plan.mapping.items() if f == "sector"), "")
    from_class = review["sector_keywords"].fillna("").str.startswith(CLASS_HINT_PREFIX)
    if from_class.any():  # a class says what a plant makes, not what the project builds: said, not only scored
        st.caption(t("upload.review_class_help", count=f"{int(from_class.sum()):,}", column=column))
    slugs = [s.slug for s in taxonomy.sectors()]
    labels = {taxonomy.label("sector", s, lang): s for s in slugs}
    unclassified = t("upload.unclassified")
    table = review.head(REVIEW_ROWS).copy()
    keys = table["row"].to_numpy()  # the rows' keys (a sheet's rows of several are keyed by sheet)
    table = _with_sheet(plan, table)
    table["sector_keywords"] = [basis(k, column) for k in table["sector_keywords"]]
    table["choice"] = [taxonomy.label("sector", s, lang) if isinstance(s, str) else unclassified
                       for s in table["sector"]]
    where = ["__sheet__"] if plan.sheets_read else []
    edited = st.data_editor(
        table[[*where, "row", "name", "sector_keywords", "sector_confidence", "choice"]], hide_index=True,
        width="stretch", key=f"upload_review_{plan.sha256[:12]}",
        disabled=[*where, "row", "name", "sector_keywords", "sector_confidence"],
        column_config={
            "__sheet__": st.column_config.TextColumn(t("upload.sheet")),
            "row": st.column_config.NumberColumn(t("upload.col_row"), format="%d"),
            "name": st.column_config.TextColumn(t("upload.col_name")),
            # sized, not to its text: a long basis pushed the sector, the column to edit, out of view
            "sector_keywords": st.column_config.TextColumn(t("upload.col_keywords"), width="medium"),
            "sector_confidence": st.column_config.ProgressColumn(t("upload.col_confidence"), min_value=0,
                                                                 max_value=1, format="%.2f"),
            "choice": st.column_config.SelectboxColumn(t("upload.col_sector"), width="medium",
                                                       options=[unclassified, *labels], required=True),
        },
    )
    full = _with_sheet(plan, review[["row", "name", "sector", "sector_confidence", "sector_keywords"]]).assign(
        sector=[taxonomy.label("sector", v, lang) if isinstance(v, str) else unclassified for v in review["sector"]],
        sector_keywords=[basis(k, column) for k in review["sector_keywords"]])
    full.columns = [*([t("upload.sheet")] if plan.sheets_read else []), t("upload.col_row"), t("upload.col_name"),
                    t("upload.col_sector"), t("upload.col_confidence"), t("upload.col_keywords")]
    downloads.button(t("upload.download_review"), full, f"{plan.file_name.rsplit('.', 1)[0]}-review",
                     kind="csv", what="import:review", filters={"file": plan.file_name, "sha256": plan.sha256},
                     key="upload_review_download")
    manual: dict[int, str | None] = {}
    for row, before, after in zip(keys, table["choice"], edited["choice"], strict=True):
        if before != after:
            manual[int(row)] = labels.get(after)
    return manual


def _commit(plan: ingest.ImportPlan, manual: dict[int, str | None]) -> None:
    c1, c2, c3 = st.columns(3)
    lang = current_lang()
    on_duplicate = c1.radio(t("upload.on_duplicate"), ["update", "skip"], horizontal=True,
                            format_func=lambda v: t(f"upload.dup_{v}", lang),
                            help=t("upload.dup_help", count=f"{len(plan.duplicates):,}"))
    skip_invalid = c2.checkbox(t("upload.skip_invalid"), disabled=not plan.errors)
    force = c3.checkbox(t("upload.force"), help=t("upload.force_help"))
    blocked = bool(plan.errors) and not skip_invalid
    if st.button(t("upload.commit"), type="primary", disabled=blocked or plan.rows_valid == 0,
                 icon=":material/database_upload:"):
        if not session.require(Perm.IMPORT, "import") or (manual and not session.require(Perm.TAG_REVIEW, "tags")):
            return
        who = session.current()
        waiting = st.empty()
        try:
            with appdb.cursor() as cur:
                result = ingest.commit(cur, plan, on_duplicate=on_duplicate, skip_invalid=skip_invalid, force=force,
                                       imported_by=who.name if who else "app", manual_sectors=manual,
                                       on_wait=lambda _what: waiting.info(t("upload.waiting"),
                                                                          icon=":material/hourglass_top:"))
        except store.StoreError as exc:  # another writer held on too long, a rule refused the write …
            st.error(exc.message(current_lang()), icon=":material/block:")
            session.audit("import", outcome="refused", detail={"file": plan.file_name, "reason": str(exc)})
            return
        finally:
            waiting.empty()
        session.audit("import", outcome="ok" if result.committed else "refused", detail={
            "file": plan.file_name, "sha256": plan.sha256, "batch_id": result.batch_id,
            "rows_imported": result.rows_imported, "rows_updated": result.rows_updated,
            "rows_rejected": plan.rows_rejected, "sectors_changed_by_hand": len(manual)})
        if result.committed:
            st.session_state["upload_done"] = (result.batch_id, result.rows_imported, result.rows_updated)
            for key in ("upload_plan", "upload_overrides"):
                st.session_state.pop(key, None)
            st.session_state["upload_nonce"] = st.session_state.get("upload_nonce", 0) + 1
            st.rerun()
        else:
            st.error(result.refused.message(current_lang()), icon=":material/block:")


def _done_banner() -> None:
    done = st.session_state.get("upload_done")
    if not done:
        return
    batch_id, imported, updated = done
    st.success(t("upload.committed", batch=batch_id, rows=f"{imported:,}", updated=f"{updated:,}"),
               icon=":material/done_all:")
    # A button, not a link: within a session the sidebar's own state wins over URL parameters,
    # so the filter is set in session state before switching pages.
    if st.button(t("upload.view_charts"), icon=":material/bar_chart:", key="upload_view_batch",
                 on_click=sidebar.set_filters, kwargs={filters.KEY_BATCH: str(batch_id)}):
        # the batch in the summary's address at once: one history entry (Back returns here), not two
        st.switch_page(page("summary"), query_params=sidebar.link_params(**{filters.KEY_BATCH: [str(batch_id)]}))


def _history() -> None:
    st.subheader(t("upload.history"))
    reverted = st.session_state.pop("upload_reverted", None)
    if reverted:  # "and the projects it updated restored" only when it updated some
        batch, rows, updated = reverted
        st.info(t("upload.reverted_restored" if updated else "upload.reverted", batch=batch, rows=f"{rows:,}",
                  updated=f"{updated:,}"))
    with appdb.cursor() as cur:
        batches = ingest.list_batches(cur)
    if batches.empty:
        st.caption(t("upload.history_none"))
        return
    shown = history_table(batches, current_lang())
    counts = tuple(t(f"upload.col_{k}") for k in ("imported", "updated", "rejected", "projects"))
    # A plain table (one HTML element), whose cells wrap: the data grid sized its columns to their longest text,
    # and at 1,280 px (1,400 px in English) its last column ("Projects now") scrolled out of view. Past a
    # screenful of batches it scrolls within its own box. Only the names wrap (file, importer, sheets), a long
    # one with no break in it (项目清单_final_v3_2024.xlsx) anywhere: the headers, numbers, statuses and times
    # stay on one line (批次 over two lines as 批 / 次, 2026-12- over 03 08:01 otherwise).
    wrapping = (t("upload.col_file"), t("upload.col_who"), t("upload.col_sheets"))
    with st.container(height=520 if len(shown) > HISTORY_ROWS else "content", border=False, key="upload_history"):
        ui.text_table(shown, right=(t("upload.col_batch"), *counts), wrap=wrapping)
    live = batches[batches["status"] == "committed"]
    if live.empty:
        return
    c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
    batch_id = c1.selectbox(t("upload.revert_pick"), live["batch_id"].tolist(),
                            format_func=lambda b: _batch_label(live.set_index("batch_id").loc[b]),
                            placeholder=t("chrome.choose"))
    # a revert takes a whole batch out at one click: confirmed first, as removing the demo data is (the
    # latest batch is the one picked). A box per batch: the next batch's starts unticked.
    confirmed = c1.checkbox(t("upload.revert_confirm"), key=f"upload_revert_confirm_{batch_id}",
                            disabled=not session.can(Perm.REVERT))
    if c2.button(t("upload.revert"), icon=":material/undo:", disabled=not (confirmed and session.can(Perm.REVERT))):
        if not session.require(Perm.REVERT, "revert"):
            return
        with appdb.cursor() as cur:
            try:
                removed = ingest.revert(cur, int(batch_id), lang=current_lang())
            except ingest.RevertError as exc:
                st.error(str(exc))
                session.audit("revert", outcome="refused", detail={"batch_id": int(batch_id), "reason": str(exc)})
                return
        session.audit("revert", detail={"batch_id": int(batch_id), "projects_removed": removed})
        updated = live.set_index("batch_id").loc[batch_id, "rows_updated"]
        updated = 0 if pd.isna(updated) else int(updated)
        st.session_state["upload_reverted"] = (int(batch_id), removed, updated)
        st.rerun()


HISTORY_ROWS = 12  # batches shown before the history scrolls in its box


def history_table(batches: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The import history as shown: the status beside the batch number, counts with thousands separators (3,000,
    as every other page writes them), and the sheets a workbook's batch read only when there are some."""
    shown = pd.DataFrame({
        t("upload.col_batch", lang): batches["batch_id"].astype(int).astype(str),
        t("upload.col_status", lang): [t(f"upload.status_{s}", lang) for s in batches["status"]],
        t("upload.col_file", lang): [batch_file(name, demo) for name, demo in zip(batches["file_name"],
                                                                                 batches["is_demo"], strict=True)],
        t("upload.col_when", lang): [ui.MISSING if pd.isna(w) else pd.Timestamp(w).strftime("%Y-%m-%d %H:%M")
                                     for w in batches["imported_at"]],
        t("upload.col_who", lang): [operator_name(who) for who in batches["imported_by"]],
        **{t(f"upload.col_{k}", lang): [ui.MISSING if pd.isna(n) else count(int(n), lang) for n in batches[c]]
           for c, k in (("rows_imported", "imported"), ("rows_updated", "updated"), ("rows_rejected", "rejected"),
                        ("projects", "projects"))},
    })
    if batches["sheets"].map(len).any():
        shown[t("upload.col_sheets", lang)] = [join_list(s, lang) for s in batches["sheets"]]
    return shown


def _batch_label(batch: pd.Series) -> str:
    """A batch in the revert picker: its number, file and, for a workbook, the sheets it read."""
    sheets = f" · {join_list(batch['sheets'], current_lang())}" if len(batch["sheets"]) else ""
    return f"#{batch.name} · {batch_file(batch['file_name'], batch['is_demo'])}{sheets}"


# Names the app, not a person, writes as a batch's importer: the demo generator, the single-user mode's local
# administrator (auth.session.LOCAL_NAME) and an import with no one signed in; shown in the page's language.
OPERATORS = {"demo": "upload.who_demo", session.LOCAL_NAME: "upload.who_local", "app": "upload.who_app"}


def batch_file(file_name: str, is_demo: object) -> str:
    """A batch's file as the history shows it: the demo batch's name in the page's language (it is stored
    in both, 演示数据（虚构）Demo dataset (synthetic)), a real file's name as it was."""
    return t("upload.demo_batch") if bool(is_demo) else file_name


def operator_name(name: object) -> str:
    """Who imported a batch: a person's account name as it is, the app's own names in the page's words."""
    return t(OPERATORS[name]) if name in OPERATORS else str(name or "—")


def _demo_removal() -> None:
    """While demo data is in the store, offer to take it out in one action."""
    with appdb.cursor() as cur:
        demo = store.demo_batches(cur)
    removed = st.session_state.pop("upload_demo_removed", None)
    if removed is not None:
        st.success(t("upload.demo_removed", rows=removed), icon=":material/delete_sweep:")
    if not demo or not session.can(Perm.DEMO):
        return
    with st.container(border=True):
        st.markdown(t("upload.demo_present"))
        sure = st.checkbox(t("upload.demo_confirm"), key="upload_demo_sure")
        if st.button(t("upload.demo_remove"), disabled=not sure, icon=":material/delete:", key="upload_demo_rm"):
            if not session.require(Perm.DEMO, "demo_remove"):
                return
            with appdb.cursor() as cur:
                removed = store.remove_demo(cur)
            st.session_state["upload_demo_removed"] = removed
            session.audit("demo_remove", detail={"batches": demo, "projects_removed": removed})
            st.session_state.pop("upload_demo_sure", None)
            st.rerun()


def render() -> None:
    st.title(t("nav.upload"))
    limit = chrome.upload_megabytes()
    st.caption(t("upload.intro", types=formats_text(), size=chrome.size_text(limit)))
    _demo_removal()
    _templates()
    _done_banner()
    nonce = st.session_state.get("upload_nonce", 0)
    uploaded = chrome.file_uploader(t("upload.pick"), ACCEPTED, key=f"upload_file_{nonce}", megabytes=limit,
                                    listed=formats_text())
    if uploaded is not None:
        st.session_state.pop("upload_done", None)
        data = uploaded.getvalue()
        digest = hashlib.sha256(data).hexdigest()
        if st.session_state.get("upload_sha") != digest:
            st.session_state["upload_sha"] = digest
            st.session_state["upload_overrides"] = {}
            st.session_state.pop("upload_sheet", None)
        overrides = st.session_state.get("upload_overrides", {})
        sheet = st.session_state.get("upload_sheet")
        try:
            plan = _preview(data, uploaded.name, sheet, overrides)
        except ingest.MappingError as exc:
            st.session_state["upload_overrides"] = {}
            st.error(exc.message(current_lang()), icon=":material/block:")
            return
        except store.StoreError as exc:
            st.error(exc.message(current_lang()), icon=":material/block:")
            return
        except Exception as exc:  # noqa: BLE001 - never a traceback for a file: say what happened, write nothing
            st.error(t("upload.internal_error", kind=type(exc).__name__), icon=":material/block:")
            return
        if len(plan.sheets) > 1:
            # Every sheet with a project table of one layout, as one import (the default), or one sheet.
            options: list[str | None] = [None, *plan.sheets]
            chosen = st.selectbox(t("upload.sheet"), options, index=options.index(sheet) if sheet in options else 0,
                                  format_func=lambda o: t("upload.all_sheets") if o is None else o,
                                  placeholder=t("chrome.choose"))
            if chosen != sheet:
                st.session_state["upload_sheet"] = chosen
                st.rerun()
        if plan.refused and not plan.columns:
            st.error(plan.refused.message(current_lang()), icon=":material/block:")
            if not plan.top_rows.empty:  # no header found: the columns can still be mapped by hand
                _map_by_hand(plan, overrides)
        else:
            if plan.sheets_read:
                st.caption(t("upload.read_info_sheets", sheets=len(plan.sheets_read), rows=f"{plan.rows_read:,}"))
                _sheets_read(plan)
            elif plan.encoding:  # a text file (or a web page's table): the encoding it was read in
                st.caption(t("upload.read_info", encoding=encodings.display_name(plan.encoding),
                             header=plan.header_row or "—", rows=f"{plan.rows_read:,}"))
            else:  # a workbook has no encoding (an .xls was said to be "encoding xlsx"): the sheet read
                st.caption(t("upload.read_info_sheet", sheet=plan.sheet or "—", header=plan.header_row or "—",
                              rows=f"{plan.rows_read:,}"))
            st.subheader(t("upload.step_mapping"))
            if plan.unmapped:
                st.info(t("upload.unmapped", columns=join_list(plan.unmapped, current_lang())))
            new_overrides = _mapping_editor(plan)
            if new_overrides != overrides:
                st.session_state["upload_overrides"] = new_overrides
                st.rerun()
            if plan.refused:
                st.error(plan.refused.message(current_lang()), icon=":material/block:")
            else:
                st.subheader(t("upload.step_rows"))
                _rows_as_read(plan)
                st.subheader(t("upload.step_validation"))
                _problems(plan)
                st.subheader(t("upload.step_review"))
                manual = _sector_review(plan)
                st.subheader(t("upload.step_commit"))
                _commit(plan, manual)
    st.divider()
    _history()
