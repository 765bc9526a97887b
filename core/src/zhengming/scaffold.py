"""``zhengming plugin new``: scaffold an installable jurisdiction plugin that defers to its parent.

The new distribution registers its entry point, implements only its metadata (so every rule comes
from the parent), ships case files whose expectations are the parent's answers today (a child that
overrides nothing must answer as its parent), a test running the conformance suite, and a README.
"""

from __future__ import annotations

import copy
import re
from datetime import date
from pathlib import Path
from string import Template
from typing import Any

import attrs

from .casefiles import read_examples
from .engine import Engine
from .model import JurisdictionLevel, to_document
from .model.jurisdiction import JURISDICTION_ID
from .plugin.registry import JurisdictionRegistry

TEMPLATES = Path(__file__).with_name("scaffold_templates")
MAX_CASES = 4


@attrs.frozen(kw_only=True)
class PluginSpec:
    id: str
    parent: str
    name_zh: str
    name_en: str
    level: JurisdictionLevel
    in_force_from: date

    @property
    def distribution(self) -> str:
        return "zhengming-" + self.id.replace(".", "-").replace("_", "-")

    @property
    def package(self) -> str:
        return "zhengming_" + self.id.replace(".", "_")


class ScaffoldError(ValueError):
    """The plugin cannot be scaffolded as asked (bad id, unknown parent, existing folder)."""


def scaffold(registry: JurisdictionRegistry, spec: PluginSpec, target: Path) -> list[Path]:
    """Write the plugin distribution into ``target`` (which must not exist); return the files written."""
    if not JURISDICTION_ID.match(spec.id):
        raise ScaffoldError(f"{spec.id!r} is not a jurisdiction id like 'pingdingshan.jiaxian'")
    if spec.parent not in registry.records:
        problem = registry.problem_for(spec.parent)
        broken = f" (it failed to load: {problem})" if problem else ""
        raise ScaffoldError(f"parent {spec.parent!r} is not installed{broken}; installed: {', '.join(registry.ids())}")
    if spec.id in registry.records:
        raise ScaffoldError(f"jurisdiction {spec.id!r} is already installed")
    if target.exists():
        raise ScaffoldError(f"{target} already exists")
    parent = registry.records[spec.parent]
    values = {
        **attrs.asdict(spec),
        "level": spec.level.name,
        "distribution": spec.distribution,
        "package": spec.package,
        "parent_distribution": parent.distribution or "zhengming",
        "dependencies": ", ".join(f'"{d}"' for d in dependencies(parent.distribution)),
        "in_force_from": f"{spec.in_force_from.year}, {spec.in_force_from.month}, {spec.in_force_from.day}",
        "in_force_iso": spec.in_force_from.isoformat(),
    }
    files = {
        "pyproject.toml": "pyproject.toml.tmpl",
        "README.md": "README.md.tmpl",
        f"src/{spec.package}/__init__.py": "__init__.py.tmpl",
        f"src/{spec.package}/plugin.py": "plugin.py.tmpl",
        "tests/test_conformance.py": "test_conformance.py.tmpl",
    }
    written = []
    for relative, template in files.items():
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            Template((TEMPLATES / template).read_text(encoding="utf-8")).substitute(values), encoding="utf-8"
        )
        written.append(path)
    cases = target / "src" / spec.package / "cases" / "inherited.yaml"
    cases.parent.mkdir(parents=True, exist_ok=True)
    cases.write_text(inherited_cases(registry, spec), encoding="utf-8")
    return [*written, cases]


def dependencies(parent_distribution: str | None) -> list[str]:
    """zhengming, and the parent's distribution when the parent is not the core (listed once)."""
    found = ["zhengming>=0.1"]
    if parent_distribution and parent_distribution != "zhengming":
        found.append(parent_distribution)
    return found


# The case every new plugin starts with when no ancestor ships example cases (a province under core):
# an untrue report that stood in the way of a promotion, verified by the county discipline commission.
STARTER_CASE: dict[str, Any] = {
    "case_id": "starter-1",
    "subject": {"kind": "person", "name": "张某", "management_level": "county"},
    "report": {"received_on": "2024-01-05", "real_name": True, "channel": "letter"},
    "handling": {"organ": "discipline_commission", "level": "county", "verification_concluded_on": "2024-03-10"},
    "allegations": [{"id": "a1", "summary": "收受礼金", "finding": "untrue"}],
    "impact": {"scope": "unit", "on_selection": True},
}


def _starter_examples(registry: JurisdictionRegistry, parent: str) -> list[tuple[str, str, dict[str, Any]]]:
    """``(id, description, case)`` of the nearest ancestor's clarification examples, else the starter case."""
    for ancestor in reversed(registry.lineage(parent)):
        found = read_examples(registry.records[ancestor].plugin, ancestor).examples
        examples = [
            (e.id, e.description, e.case) for e in found if e.case.get("kind", "clarification") == "clarification"
        ]
        if examples:
            return examples
    return [("starter", "不实举报影响干部选拔任用", STARTER_CASE)]


def inherited_cases(registry: JurisdictionRegistry, spec: PluginSpec) -> str:
    """A case file: the nearest ancestor's example cases (or a starter case), expecting the parent's
    answers today. Never empty: the case-file format requires at least one case."""
    import yaml

    engine = Engine(registry)
    cases = []
    for example_id, description, case in _starter_examples(registry, spec.parent)[:MAX_CASES]:
        document = dict(copy.deepcopy(case), jurisdiction=spec.parent)  # validation fills defaults in place
        as_of = max(date.fromisoformat(document.get("as_of", spec.in_force_from.isoformat())), spec.in_force_from)
        document["as_of"] = as_of.isoformat()
        decision = to_document(engine.evaluate_document(document))
        cases.append(
            {
                "id": "inherited-" + re.sub(r"[^A-Za-z0-9_.-]", "-", example_id),
                "description": f"未覆盖任何规则时，与上级 {spec.parent} 的答复相同：{description}",
                "basis": [decision["trigger"]["citations"][0]],
                "level": "must",
                "case": dict(document, jurisdiction=spec.id),
                "expect": _expectation(decision, spec.id),
            }
        )
    header = (
        f"# Example cases of {spec.id}. Generated by `zhengming plugin new` from {spec.parent}'s answers:\n"
        "# when you encode a local rule, change the expectations it changes and add cases of your own.\n"
    )
    return header + yaml.safe_dump({"cases": cases}, allow_unicode=True, sort_keys=False, width=120)


def _expectation(decision: dict[str, Any], jid: str) -> dict[str, Any]:
    return {
        "chain": [*decision["chain"], jid],
        "trigger": {k: decision["trigger"][k] for k in ("outcome", "allegations")},
        "fast_track": decision["fast_track"],
        "methods": [{k: m[k] for k in ("method", "consent_required")} for m in decision["methods"]],
        "notifications": [{"recipient": n["recipient"]} for n in decision["notifications"]],
    }
