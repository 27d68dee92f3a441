"""Process-wide settings the package makes when it is imported (dashboard/__init__.py)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

PROBE = "import dashboard, numpy._core.multiarray as m; print(m._get_madvise_hugepage())"


def _hugepage(env_value: str | None) -> str:
    env = {k: v for k, v in os.environ.items() if k != "NUMPY_MADVISE_HUGEPAGE"}
    if env_value is not None:
        env["NUMPY_MADVISE_HUGEPAGE"] = env_value
    done = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True)
    return done.stdout.strip()


@pytest.mark.parametrize(("env_value", "expected"), [(None, "False"), ("1", "True"), ("0", "False")])
def test_numpy_huge_pages_are_off_unless_the_environment_asks(env_value: str | None, expected: str) -> None:
    # NumPy reads the setting once, when it is first imported: the package sets it before any of its modules does
    assert _hugepage(env_value) == expected
