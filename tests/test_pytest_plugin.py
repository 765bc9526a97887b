"""The pytest plugin shipped with zhengming: the suite as pytest items, and the authors' fixtures."""

from __future__ import annotations

pytest_plugins = ["pytester"]


def test_the_suite_runs_as_pytest_items(pytester):
    result = pytester.runpytest_inprocess("--zhengming-jurisdiction", "jinan", "--zhengming-max-examples", "5", "-q")
    outcomes = result.parseoutcomes()
    assert outcomes.get("passed", 0) > 20 and "failed" not in outcomes


def test_an_unknown_jurisdiction_is_a_usage_error(pytester):
    result = pytester.runpytest_inprocess("--zhengming-jurisdiction", "atlantis")
    assert result.ret == 4 and "not installed: atlantis" in "\n".join(result.errlines)


def test_temporary_plugins_live_for_one_test_and_wrong_rules_are_caught(pytester):
    pytester.makepyfile(
        bad_plugin="""
        from datetime import date
        from zhengming import *

        @hookimpl
        def zhengming_jurisdiction():
            return Jurisdiction(id="bad", names=Text("坏", "bad"), level=JurisdictionLevel.COUNTY,
                                documents=(SourceDocument(title="t", issuer="i", in_force_from=date(2020, 1, 1)),))

        @hookimpl
        def zhengming_clarification_trigger(case):
            return Trigger(outcome=TriggerOutcome.MUST_CLARIFY, allegations=tuple(a.id for a in case.allegations),
                           citations=(Citation(document="t", article="1"),))
        """,
        test_bad="""
        import bad_plugin
        from zhengming.conformance import run

        def test_wrong_rule_is_caught(zhengming_temp_plugin):
            registry = zhengming_temp_plugin(bad_plugin)
            failed = [r for r in run(registry, ["bad"], max_examples=20) if r.failed]
            assert any(r.check == "invariant:only-untrue-clarified" for r in failed)

        def test_nothing_is_left_registered(zhengming_registry):
            assert "bad" not in zhengming_registry.ids()
        """,
    )
    pytester.syspathinsert()
    assert pytester.runpytest_inprocess("-q").parseoutcomes() == {"passed": 2}
