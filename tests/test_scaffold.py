"""``zhengming plugin new``: a scaffolded county plugin installs into a fresh virtual environment and
passes conformance there, without touching the core."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from zhengming.cli.main import cli

ROOT = Path(__file__).resolve().parents[1]


def scaffold(tmp_path: Path, *args: str):
    return CliRunner().invoke(cli, ["plugin", "new", *args, "--dir", str(tmp_path / "plugin")])


def test_refuses_an_unknown_parent_a_bad_id_and_an_existing_folder(tmp_path):
    assert "parent 'atlantis' is not installed" in scaffold(tmp_path, "x.y", "--parent", "atlantis").stderr
    assert "not a jurisdiction id" in scaffold(tmp_path, "Bad Id", "--parent", "jinan").stderr
    assert "already installed" in scaffold(tmp_path, "pingdingshan.lushan", "--parent", "pingdingshan").stderr
    (tmp_path / "plugin").mkdir()
    result = scaffold(tmp_path, "jinan.licheng", "--parent", "jinan")
    assert result.exit_code == 2 and "already exists" in result.stderr


@pytest.mark.slow
def test_scaffold_installs_into_a_fresh_environment_and_is_conformant(tmp_path):
    result = scaffold(tmp_path, "pingdingshan.jiaxian", "--parent", "pingdingshan", "--name-zh", "郏县")
    assert result.exit_code == 0, result.output
    plugin = tmp_path / "plugin"
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    install = subprocess.run(
        [
            str(venv / "bin" / "pip"),
            "install",
            "--quiet",
            "-c",
            str(ROOT / "constraints.txt"),
            str(ROOT / "core"),
            str(ROOT / "plugins" / "pingdingshan"),
            f"{plugin}[test]",
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert install.returncode == 0, install.stderr[-2000:]
    conformance = subprocess.run(
        [
            str(venv / "bin" / "zhengming"),
            "conformance",
            "pingdingshan.jiaxian",
            "--max-examples",
            "10",
            "--report",
            str(tmp_path / "report.jsonl"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert conformance.returncode == 0, conformance.stdout + conformance.stderr
    assert "| pingdingshan.jiaxian |" in conformance.stdout and "0 项未通过" in conformance.stdout  # zh by default
    own_tests = subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pytest", "-q", "-p", "no:cacheprovider"],
        cwd=plugin,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert own_tests.returncode == 0, own_tests.stdout
    suite = subprocess.run(
        [
            str(venv / "bin" / "python"),
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--zhengming-jurisdiction",
            "pingdingshan.jiaxian",
            "--zhengming-max-examples",
            "5",
        ],
        cwd=plugin,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert suite.returncode == 0 and " passed" in suite.stdout, suite.stdout
