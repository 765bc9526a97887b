"""Installed as real distributions: a built wheel finds its schemas, and a broken plugin
distribution does not stop ``zhengming jurisdictions`` from listing the others."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
pytestmark = pytest.mark.slow


def run(args, *, pythonpath: Path | None = None, stdin: str | None = None, cwd: Path | None = None):
    env = dict(os.environ)
    if pythonpath:
        env["PYTHONPATH"] = str(pythonpath)
    return subprocess.run(args, capture_output=True, text=True, env=env, input=stdin, cwd=cwd, timeout=300)


def test_a_built_wheel_carries_its_schemas_and_message_catalogs(tmp_path):
    wheel_dir, site = tmp_path / "wheel", tmp_path / "site"
    built = run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(wheel_dir), str(ROOT / "core")]
    )
    assert built.returncode == 0, built.stderr
    wheel = next(wheel_dir.glob("zhengming-*.whl"))
    installed = run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(site), str(wheel)])
    assert installed.returncode == 0, installed.stderr
    probe = textwrap.dedent(
        """
        import json, sys, zhengming
        from zhengming.validation import schema_dir
        from zhengming import Engine, InvalidDocument, load_registry
        engine = Engine(load_registry())
        try:
            engine.evaluate_document({"jurisdiction": "core", "kind": "nonsense"})
        except InvalidDocument as exc:
            problems = [p.render("en") for p in exc.problems]
        from zhengming.i18n import LOCALE_DIR, gettext
        said = [gettext("plugin error: ", "zh"), gettext("step {number}", "en", number=2)]
        print(json.dumps({"module": zhengming.__file__, "schemas": str(schema_dir()), "problems": problems,
                          "catalogs": str(LOCALE_DIR), "said": said}))
        """
    )
    result = run([sys.executable, "-c", probe], pythonpath=site, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert found["module"].startswith(str(site)) and found["schemas"].startswith(str(site))
    assert found["catalogs"].startswith(str(site)) and found["said"] == ["插件出错：", "step 2"]  # the .mo files
    assert found["problems"] == [
        "/kind: 'nonsense' is not one of "
        "['clarification', 'false_accusation', 'fault_tolerance', 'accountability', 'disciplined_revisit']"
    ]


def install_broken_distribution(site: Path) -> None:
    """What pip leaves behind for a plugin whose module cannot be imported."""
    info = site / "zhengming_broken-0.3.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: zhengming-broken\nVersion: 0.3\n")
    (info / "entry_points.txt").write_text("[zhengming.jurisdictions]\nbroken = zhengming_broken.plugin\n")
    (info / "RECORD").write_text("")
    package = site / "zhengming_broken"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "plugin.py").write_text("import a_dependency_nobody_installed\n")


def test_a_broken_plugin_distribution_is_listed_with_its_error(tmp_path):
    install_broken_distribution(tmp_path)
    result = run([str(BIN / "zhengming"), "--lang", "en", "jurisdictions"], pythonpath=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "jinan" in result.stdout
    assert "✗ broken — zhengming-broken 0.3, entry point broken = zhengming_broken.plugin" in result.stdout
    assert "No module named 'a_dependency_nobody_installed'" in result.stdout

    as_json = json.loads(run([str(BIN / "zhengming"), "jurisdictions", "--json"], pythonpath=tmp_path).stdout)
    assert "jinan" in [j["id"] for j in as_json["jurisdictions"]]
    assert as_json["problems"][0]["name"] == "broken"

    strict = run([str(BIN / "zhengming"), "--strict", "jurisdictions"], pythonpath=tmp_path)
    assert strict.returncode == 1 and "broken" in strict.stderr

    # evaluating another jurisdiction still works, with a warning; the broken one exits 3 with its error
    case = json.dumps(
        {
            "jurisdiction": "jinan",
            "subject": {"kind": "person", "name": "张某", "management_level": "county"},
            "handling": {"organ": "discipline_commission", "level": "county"},
            "allegations": [{"id": "a1", "finding": "untrue"}],
            "impact": {"scope": "unit"},
        }
    )
    ok = run([str(BIN / "zhengming"), "evaluate", "-", "--json"], pythonpath=tmp_path, stdin=case)
    assert (
        ok.returncode == 0
        and "1 jurisdiction plugin"
        in run([str(BIN / "zhengming"), "--lang", "en", "evaluate", "-"], pythonpath=tmp_path, stdin=case).stderr
    )
    missing = run(
        [str(BIN / "zhengming"), "evaluate", "-"], pythonpath=tmp_path, stdin=case.replace('"jinan"', '"broken"')
    )
    assert missing.returncode == 3 and "a_dependency_nobody_installed" in missing.stderr
