"""The author docs: the hook reference is generated from the hook specs and covers every hook."""

from __future__ import annotations

from pathlib import Path

from zhengming.docgen import reference
from zhengming.plugin.hooks import HOOK_SPECS

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_hook_reference_is_current():
    assert (DOCS / "hooks.md").read_text(encoding="utf-8") == reference(), (
        "run: python -m zhengming.docgen docs/hooks.md"
    )


def test_every_hook_has_a_section_in_the_reference():
    text = (DOCS / "hooks.md").read_text(encoding="utf-8")
    missing = [name for name in HOOK_SPECS if f"\n## {name}\n" not in text]
    assert not missing, f"hooks missing from docs/hooks.md: {missing}"


def test_walkthrough_and_case_file_format_are_there():
    walkthrough = (DOCS / "walkthrough.md").read_text(encoding="utf-8")
    assert "zhengming plugin new" in walkthrough and "zhengming conformance" in walkthrough
    assert "$ordered" in (DOCS / "case-files.md").read_text(encoding="utf-8")
