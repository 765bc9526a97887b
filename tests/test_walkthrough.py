"""docs/walkthrough.md runs: its marked blocks are executed in order, in a scratch folder, with a
virtual environment layered over the project's (so `pip install -e` of a scaffolded plugin is real
but leaves the project's environment untouched).

Markers (HTML comments, invisible when the page is rendered) before a fenced block:
``<!-- doc-test: run -->`` runs each command of a ``sh`` block (exit 0 expected);
``<!-- doc-test: append PATH -->`` appends a ``python`` block to a file;
``<!-- doc-test: write PATH -->`` writes a block to a new file.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import sysconfig
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "walkthrough.md"
BLOCK = re.compile(r"<!-- doc-test: (\w+)(?: (\S+))? -->\n```\w*\n(.*?)```", re.DOTALL)


def marked_blocks(text: str) -> list[tuple[str, str | None, str]]:
    return [(action, target, body) for action, target, body in BLOCK.findall(text)]


def commands(body: str) -> list[str]:
    """The commands of a sh block: continuation lines joined, comments and blank lines dropped."""
    joined = body.replace("\\\n", " ")
    return [line for line in joined.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def layered_venv(folder: Path) -> Path:
    """A venv whose interpreter also sees the project's site-packages; its own installs stay in it."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(folder)], check=True)
    site = next((folder / "lib").glob("python*/site-packages"))
    (site / "zz_project.pth").write_text(f"import site; site.addsitedir({sysconfig.get_paths()['purelib']!r})\n")
    python = folder / "bin" / "python"
    run = {
        "pip": "-m pip",
        "pytest": "-m pytest",
        "zhengming": "-c 'import sys; from zhengming.cli.main import main; sys.argv[0] = \"zhengming\"; main()'",
    }
    for name, how in run.items():
        shim = folder / "bin" / name
        shim.write_text(f'#!/bin/sh\nexec "{python}" {how} "$@"\n')
        shim.chmod(0o755)
    return folder / "bin"


def test_the_walkthrough_marks_the_province_path():
    blocks = marked_blocks(DOC.read_text(encoding="utf-8"))
    assert any("plugin new hubei --parent core" in body for _, _, body in blocks)
    assert any(action == "append" for action, _, _ in blocks) and any(a == "write" for a, _, _ in blocks)


@pytest.mark.slow
def test_the_walkthrough_runs(tmp_path):
    bin_dir = layered_venv(tmp_path / "venv")
    work = tmp_path / "work"
    work.mkdir()
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    env.pop("PYTHONPATH", None)
    said = []
    for action, target, body in marked_blocks(DOC.read_text(encoding="utf-8")):
        if action == "run":
            for command in commands(body):
                done = subprocess.run(
                    command, shell=True, cwd=work, env=env, capture_output=True, text=True, timeout=300
                )
                assert done.returncode == 0, f"$ {command}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
                said.append(done.stdout)
        elif action == "append":
            path = work / target
            path.write_text(path.read_text(encoding="utf-8") + "\n\n" + textwrap.dedent(body), encoding="utf-8")
        elif action == "write":
            (work / target).write_text(body, encoding="utf-8")
        else:
            raise AssertionError(f"unknown doc-test marker {action!r}")
    output = "\n".join(said)
    assert "| hubei.wuhan |" in output and "0 项未通过" in output  # the city reached a green conformance
    report = (work / "conformance-report.jsonl").read_text(encoding="utf-8")
    assert '"check": "case:hubei-5-key-juncture", "status": "pass"' in report  # the province's own case ran
    assert re.search(r"\d+ passed", said[-1])  # and the pytest plugin ran the suite on the city

    # and the acceptance's last step: an uncited answer on a path the province's own case covers turns
    # conformance red on that case file
    plugin = work / "zhengming-hubei" / "src" / "zhengming_hubei" / "plugin.py"
    plugin.write_text(plugin.read_text(encoding="utf-8") + UNCITED_MEDIA, encoding="utf-8")
    command = "zhengming --lang en conformance hubei --max-examples 5"
    red = subprocess.run(command, shell=True, cwd=work, env=env, capture_output=True, text=True, timeout=300)
    assert red.returncode == 1
    assert "case:hubei-5-key-juncture: invariant every-block-cited: /methods/" in red.stdout


UNCITED_MEDIA = """

from zhengming import Method, MethodOption


@hookimpl(wrapper=True)
def zhengming_clarification_methods(case):
    inherited = yield
    if case.circumstances.key_juncture:
        return (*inherited, MethodOption(method=Method.MEDIA, citations=()))
    return inherited
"""
