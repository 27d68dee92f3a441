"""Helpers for the store tests: project lists of any size, the CLI, a throwaway PostgreSQL per session."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
CITIES = ["江苏省苏州市", "浙江省杭州市", "广东省深圳市", "湖北省武汉市", "四川省成都市", "安徽省合肥市",
          "陕西省西安市", "山东省济南市", "北京市海淀区", "上海市浦东新区"]
WORDS = ["12英寸集成电路生产线", "创新药研发及产业化", "光伏组件制造基地", "动力电池二期", "工业机器人产业园",
         "碳纤维复合材料", "数据中心"]
STAGES = ["新建", "续建", "竣工", "前期"]


def write_projects_csv(path: Path, n: int, *, tag: str = "甲", seed: int = 1409) -> Path:
    """A GBK project list of ``n`` distinct projects named after ``tag`` (two tags never collide)."""
    rng = np.random.default_rng(seed)
    city = rng.integers(0, len(CITIES), n)
    word = rng.integers(0, len(WORDS), n)
    stage = rng.integers(0, len(STAGES), n)
    amount = rng.integers(500, 2_000_000, n)
    start = rng.integers(2018, 2026, n)
    lines = ["2024年重大项目清单", "单位：万元",
             "序号,项目名称,建设地点,总投资,年度计划投资,建设性质,建设起止年限,项目单位"]
    lines += [f"{i + 1},{tag}{i:07d}{WORDS[word[i]]}项目,{CITIES[city[i]]},{amount[i]},{amount[i] // 5},"
              f"{STAGES[stage[i]]},{start[i]}-{start[i] + 2},{tag}{i % 997}有限公司" for i in range(n)]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("gb18030"))
    return path


def cli_args(db: str, data_path: str | None) -> list[str]:
    return ["--db", db] + (["--data-path", data_path] if data_path else [])


def cli(*args: str, env: dict[str, str] | None = None, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "dashboard", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, **(env or {})})


def cli_popen(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "dashboard", *args], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def info(db: str, data_path: str | None = None) -> dict:
    done = cli("info", "--json", *cli_args(db, data_path))
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def run(capsys, *args: str) -> tuple[int, str, str]:
    """The command line run in-process (dashboard.cli's main, the entry point `python -m dashboard` calls):
    (exit status, stdout, stderr). For tests not about the process: a start-up costs ~1.8 CPU-s."""
    from dashboard.cli import main

    capsys.readouterr()
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def info_here(capsys, db: str, data_path: str | None = None) -> dict:
    """:func:`info` in-process."""
    code, out, err = run(capsys, "info", "--json", *cli_args(db, data_path))
    assert code == 0, err
    return json.loads(out)
