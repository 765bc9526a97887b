"""Run case files and invariants against installed jurisdictions; one :class:`Result` per check.

Case files are read from beside each plugin. Invariants are checked on schema-valid cases that
hypothesis generates (derandomized: the same run gives the same cases); when one fails, hypothesis
shrinks the case, the result names the invariant and carries that minimal case, and the run goes
on with the remaining invariants.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

import attrs

from ..casefiles import ExampleCase, InvalidCaseFile, mismatches, read_examples
from ..engine import Engine
from ..errors import PluginError
from ..model import CaseKind, ListKind, to_document
from ..plugin.hooks import CHAIN_HOOKS
from ..plugin.registry import JurisdictionRegistry
from .invariants import HOOK_FAMILY, INVARIANTS, KIND_FAMILY, RUNNER_INVARIANTS, family_at

PASS, FAIL = "pass", "fail"


@attrs.frozen(kw_only=True)
class Result:
    jurisdiction: str
    family: str
    check: str  # "case:<id>" or "invariant:<id>"
    status: str
    level: str = "must"
    detail: str = ""
    case: dict[str, Any] | None = None

    @property
    def failed(self) -> bool:
        return self.status == FAIL and self.level == "must"


def run(registry: JurisdictionRegistry, jurisdictions: Iterable[str], *, max_examples: int = 40) -> list[Result]:
    results: list[Result] = []
    for jid in jurisdictions:
        checker = JurisdictionChecker(registry, jid)
        results += checker.case_files()
        for kind in CaseKind:
            results += checker.invariants(kind, max_examples)
    return results


def own_hooks(registry: JurisdictionRegistry, jid: str) -> set[str]:
    """The chain hooks the jurisdiction's own plugin implements (answers or adjusts)."""
    hooks = registry.plan(registry.lineage(jid))
    return {h for h in CHAIN_HOOKS if any(i.plugin == jid for i in hooks.implementations(h))}


class Violation(Exception):
    def __init__(self, invariant: str, family: str, detail: str, case: dict[str, Any]):
        super().__init__(f"{invariant}: {detail}")
        self.invariant, self.family, self.detail, self.case = invariant, family, detail, case


class JurisdictionChecker:
    def __init__(self, registry: JurisdictionRegistry, jid: str):
        self.registry = registry
        self.jid = jid
        self.engine = Engine(registry, guard=False)
        self.record = registry.records[jid]
        self.silent = not own_hooks(registry, jid)  # overrides nothing: must answer as its parent

    # --- case files ----------------------------------------------------------------------

    def case_files(self) -> list[Result]:
        found = read_examples(self.record.plugin, self.jid)
        results = [self.case_file_problem(problem) for problem in found.problems]
        return results + [r for example in found.examples for r in self.check_example(example)]

    def case_file_problem(self, problem: InvalidCaseFile) -> Result:
        """A malformed case file: a failing check naming the file and each problem's pointer."""
        return Result(
            jurisdiction=self.jid,
            family="trigger",
            check=f"casefile:{problem.path.name}",
            status=FAIL,
            detail=str(problem),
        )

    def check_example(self, example: ExampleCase) -> list[Result]:
        """One result per hook family the example's expectation touches: it matches and cites its basis."""
        check = f"case:{example.id}"
        try:
            decision = to_document(self.engine.evaluate_document(example.case))
        except Exception as exc:  # reported, never raised: one bad case must not hide the others
            return [
                Result(
                    jurisdiction=self.jid,
                    family=_family_of_error(exc, example.case),
                    check=check,
                    status=FAIL,
                    level=example.level,
                    detail=f"{type(exc).__name__}: {exc}",
                    case=example.case,
                )
            ]
        wrong = mismatches(example.expect, decision)
        # the invariants hold on the plugin's own cases too, where its author wrote the rule's path down
        broken = [(i.id, failure) for i in INVARIANTS for failure in i.check(example.case, decision)]
        wrong += [f"invariant {invariant}: {failure}" for invariant, failure in broken]
        cited = {(c["document"], c["article"]) for c in _citations(decision)}
        wrong += [
            f"does not cite {b.document} {b.article}" for b in example.basis if (b.document, b.article) not in cited
        ]
        families = _families_touched(example, decision)
        families += [f for _, failure in broken if (f := family_at(decision, failure.split(":")[0])) not in families]
        return [
            Result(
                jurisdiction=self.jid,
                family=family,
                check=check,
                status=FAIL if wrong else PASS,
                level=example.level,
                detail="; ".join(wrong) or example.description,
                case=example.case if wrong else None,
            )
            for family in families
        ]

    # --- invariants ----------------------------------------------------------------------

    def invariants(self, kind: CaseKind, max_examples: int) -> list[Result]:
        from hypothesis import HealthCheck, given, settings

        from .strategies import case_documents

        positive = [
            i
            for i, item in self.registry.list_items(self.registry.lineage(self.jid)).items()
            if item.kind is ListKind.POSITIVE
        ]
        strategy = case_documents(kind, self.jid, positive)
        family = KIND_FAMILY.get(kind.value, "trigger")
        pending = [i.id for i in INVARIANTS] + list(RUNNER_INVARIANTS)
        results = []
        while pending:

            @settings(
                max_examples=max_examples,
                derandomize=True,
                database=None,
                deadline=None,
                suppress_health_check=list(HealthCheck),
            )
            @given(strategy)
            def holds(document: dict[str, Any]) -> None:
                self._check(document, pending)

            try:
                holds()
            except Violation as violation:
                results.append(
                    Result(
                        jurisdiction=self.jid,
                        family=violation.family,
                        check=f"invariant:{violation.invariant}",
                        status=FAIL,
                        detail=violation.detail,
                        case=violation.case,
                    )
                )
                pending.remove(violation.invariant)
                continue
            results += [
                Result(
                    jurisdiction=self.jid,
                    family=family,
                    check=f"invariant:{i}",
                    status=PASS,
                    detail=f"{kind.value}: {max_examples} generated cases",
                )
                for i in pending
            ]
            break
        return results

    def _check(self, document: dict[str, Any], pending: list[str]) -> None:
        try:
            decision = to_document(self.engine.evaluate_document(document))
        except Exception as exc:
            if "no-exception" in pending:
                raise Violation(
                    "no-exception", _family_of_error(exc, document), f"{type(exc).__name__}: {exc}", document
                ) from exc
            return
        for invariant in INVARIANTS:
            if invariant.id in pending:
                failures = invariant.check(document, decision)
                if failures:
                    pointer = failures[0].split(":")[0]
                    raise Violation(invariant.id, family_at(decision, pointer), "; ".join(failures), document)
        for invariant, failure in self._runner_checks(document, decision, pending):
            raise Violation(invariant, family_at(decision, failure.split(":")[0]), failure, document)

    def _runner_checks(self, document: dict[str, Any], decision: dict[str, Any], pending: list[str]):
        as_of = date.fromisoformat(decision["as_of"])
        expected_chain = list(self.registry.resolve(self.jid, as_of).chain)
        if "chain-shape" in pending and (decision["chain"] != expected_chain or decision["chain"][0] != "core"):
            yield "chain-shape", f"/chain: {decision['chain']}, expected {expected_chain}"
        if "deterministic" in pending:
            again = to_document(self.engine.evaluate_document(document))
            if again != decision:
                block = next((k for k in decision if decision[k] != again.get(k)), "")
                yield "deterministic", f"/{block}: differs between two evaluations of the same case"
        if "inherits-when-silent" in pending and self.silent and expected_chain[-1] == self.jid:
            parent = self.record.info.parent
            theirs = to_document(self.engine.evaluate_document({**document, "jurisdiction": parent}))
            differs = [k for k in decision if k not in ("jurisdiction", "chain") and decision[k] != theirs.get(k)]
            if differs:
                yield "inherits-when-silent", f"/{differs[0]}: differs from the parent {parent!r}"
        if "list-items-exist" in pending and decision["kind"] == "fault_tolerance":
            known = self.registry.list_items(tuple(decision["chain"]))
            unknown = [i for i in (*decision["matched_positive"], *decision["matched_negative"]) if i not in known]
            if unknown:
                yield "list-items-exist", f"/matched: {unknown} are not list items of {self.jid}"


def _family_of_error(exc: Exception, case: dict[str, Any]) -> str:
    if isinstance(exc, PluginError):
        return HOOK_FAMILY.get(exc.hook, "trigger")
    return KIND_FAMILY.get(case.get("kind", "clarification"), "trigger")


def _families_touched(example: ExampleCase, decision: dict[str, Any]) -> list[str]:
    kind = decision.get("kind", "clarification")
    if kind in KIND_FAMILY:
        return [KIND_FAMILY[kind]]
    touched = [family_at(decision, f"/{key}") for key in example.expect if key not in ("chain", "kind", "jurisdiction")]
    return list(dict.fromkeys(touched)) or ["trigger"]


def _citations(node: Any):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "citations":
                yield from value
            else:
                yield from _citations(value)
    elif isinstance(node, list):
        for value in node:
            yield from _citations(value)
