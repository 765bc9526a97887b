"""The conformance matrix (jurisdiction × hook family) and the JSON-lines report."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import IO, Any

import attrs

from .. import __version__
from ..i18n import Message, gettext, ngettext
from ..plugin.registry import JurisdictionRegistry
from .invariants import FAMILIES, HOOK_FAMILY
from .runner import FAIL, Result, own_hooks

SUITE = "zhengming-conformance"
SUITE_VERSION = "1.0"
NOT_DECLARED = "not declared"
MARKS = {"pass": Message("✓ pass"), "fail": Message("✗ fail"), NOT_DECLARED: Message("— not declared")}


def matrix(registry: JurisdictionRegistry, results: Sequence[Result]) -> dict[str, dict[str, str]]:
    """Cell status: fail if any must-level check failed; pass if the jurisdiction declares the family
    (implements its hook or has case files for it) and everything passed; otherwise not declared."""
    table: dict[str, dict[str, str]] = {}
    for jid in dict.fromkeys(r.jurisdiction for r in results):
        declared = {HOOK_FAMILY[h] for h in own_hooks(registry, jid)}
        declared |= {r.family for r in results if r.jurisdiction == jid and r.check.startswith("case:")}
        row = {}
        for family in FAMILIES:
            mine = [r for r in results if r.jurisdiction == jid and r.family == family]
            if any(r.failed for r in mine):
                row[family] = FAIL
            else:
                row[family] = "pass" if family in declared else NOT_DECLARED
        table[jid] = row
    return table


def markdown(table: dict[str, dict[str, str]], results: Sequence[Result], lang: str = "zh") -> str:
    """The matrix as a Markdown table, then the failures and the count, in ``lang``."""
    header = gettext("jurisdiction", lang)
    lines = [f"| {header} | " + " | ".join(FAMILIES) + " |", "|---" * (len(FAMILIES) + 1) + "|"]
    for jid, row in table.items():
        lines.append(f"| {jid} | " + " | ".join(MARKS[row[f]].render(lang) for f in FAMILIES) + " |")
    failures = [r for r in results if r.status == FAIL]
    if failures:
        lines += ["", gettext("Failures:", lang)]
        for r in failures:
            level = "" if r.level == "must" else gettext(" ({level}, not failing)", lang, level=r.level)
            lines.append(f"- {r.jurisdiction} · {r.family} · {r.check}{level}: {r.detail}")
            if r.case is not None:
                case = json.dumps(r.case, ensure_ascii=False, sort_keys=True)
                lines.append("  " + gettext("case: {case}", lang, case=case))
    checks, failing = len(results), sum(r.failed for r in results)
    summary = ngettext(
        "{checks} check, {failing} failing.",
        "{checks} checks, {failing} failing.",
        checks,
        lang,
        checks=checks,
        failing=failing,
    )
    lines += ["", summary]
    return "\n".join(lines)


def as_json(table: dict[str, dict[str, str]], results: Sequence[Result]) -> dict[str, Any]:
    return {
        "suite": SUITE,
        "version": SUITE_VERSION,
        "matrix": table,
        "failures": [attrs.asdict(r) for r in results if r.status == FAIL],
    }


def write_jsonl(results: Iterable[Result], out: IO[str]) -> None:
    header = {
        "suite": SUITE,
        "version": SUITE_VERSION,
        "zhengming": __version__,
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    out.write(json.dumps(header, ensure_ascii=False) + "\n")
    for result in results:
        out.write(json.dumps(attrs.asdict(result), ensure_ascii=False) + "\n")
