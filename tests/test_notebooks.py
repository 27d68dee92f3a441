"""Every notebook runs top to bottom on a fresh demo store, as an analyst would open it."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import nbformat
import pytest
from conftest import copy_store
from nbclient import NotebookClient

from dashboard import formatting, store

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_there_are_notebooks() -> None:
    names = [p.name for p in NOTEBOOKS]
    assert names == ["01-investment-review.ipynb", "02-targets-progress.ipynb", "03-data-quality.ipynb"]


def execute(path: Path, db: Path, monkeypatch: pytest.MonkeyPatch) -> nbformat.NotebookNode:
    nb = nbformat.read(path, as_version=4)
    monkeypatch.setenv("SEI_DB", str(db))
    # The kernel imports this checkout's package (as `pip install -e .` would make it), not another copy.
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    client = NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()  # raises CellExecutionError on the first failing cell
    return nb


def plain_outputs(nb: nbformat.NotebookNode) -> str:
    return "\n".join(o["data"]["text/plain"] for c in nb.cells for o in c.get("outputs", [])
                     if "text/plain" in o.get("data", {}))


@pytest.fixture(scope="module")
def notebook_db(demo_db_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One copy of the demo store for the module: the notebooks only read it (``read_only=True``)."""
    return copy_store(demo_db_template, tmp_path_factory.mktemp("notebooks") / "demo.ducklake")


@pytest.fixture(scope="module")
def executed(notebook_db: Path) -> Iterator[Callable[[Path], nbformat.NotebookNode]]:
    """Each notebook run top to bottom once per module (a run starts a kernel: seconds of CPU), its
    outputs shared by the tests that read them."""
    done: dict[Path, nbformat.NotebookNode] = {}

    def run(path: Path) -> nbformat.NotebookNode:
        if path not in done:
            with pytest.MonkeyPatch.context() as mp:
                done[path] = execute(path, notebook_db, mp)
        return done[path]

    yield run


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
@pytest.mark.slow  # a kernel per notebook
def test_notebook_runs_clean(path: Path, executed: Callable[[Path], nbformat.NotebookNode]) -> None:
    raw = nbformat.read(path, as_version=4)
    assert any("parameters" in c.metadata.get("tags", []) for c in raw.cells), "needs a parameters cell"
    assert all(not c.get("outputs") for c in raw.cells if c.cell_type == "code"), "commit without outputs"
    nb = executed(path)
    shown = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") in ("execute_result",
                                                                                         "display_data")]
    assert shown, "the notebook shows no table or figure"
    figures = [o for o in shown if "application/vnd.plotly.v1+json" in o.get("data", {})]
    assert figures, "the notebook draws no chart"


def test_review_notebook_reproduces_the_headline_figures(
        notebook_db: Path, executed: Callable[[Path], nbformat.NotebookNode]) -> None:
    """The figures notebook 01 prints are the ones a direct query of the same store gives (its run in
    ``test_notebook_runs_clean``, shared: the same notebook on the same store)."""
    con = store.connect(notebook_db, read_only=True)
    projects, total_wan = con.execute("SELECT count(*), sum(total_investment_wan) FROM projects").fetchall()[0]
    designated = dict(con.execute(
        "SELECT tier, count(*) FROM clusters WHERE status = 'designated' GROUP BY ALL").fetchall())
    con.close()
    text = plain_outputs(executed(NOTEBOOKS[0]))
    assert f"项目数          {projects:,}" in text
    assert formatting.money(float(total_wan) / formatting.WAN_PER_YI) in text
    assert f"{designated['base']} / {designated['cluster']} / {designated['ecosystem']}" in text
