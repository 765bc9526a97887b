"""Discovery, load problems named by plugin, chains and the as-of fallback."""

from __future__ import annotations

import copy
from datetime import date

import pytest

from zhengming import Engine, RegistryError, UnknownJurisdiction, load_registry, to_document

from .conftest import BASE_CASE


def problems_by_name(registry):
    return {p.name: p.error for p in registry.problems}


def test_a_healthy_chain_is_most_general_first(plugins):
    registry = load_registry(entry_points=[plugins.make("prov"), plugins.make("prov.city", parent="prov")])
    assert registry.problems == ()
    assert registry.lineage("prov.city") == ("core", "prov", "prov.city")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("raise ImportError('no such lib')", "import failed: ImportError: no such lib"),
        ("@hookimpl\ndef zhengming_no_such_hook():\n    return 1\n", "no hook spec named zhengming_no_such_hook"),
        ("def zhengming_fast_track(case):\n    return None\n", "zhengming_fast_track is not marked with @hookimpl"),
        ("@hookimpl\ndef zhengming_fast_track(case, weather):\n    return None\n", "weather"),
    ],
    ids=["import-error", "unknown-hook", "unmarked-hook", "bad-argument"],
)
def test_a_broken_plugin_is_reported_by_name_and_the_others_load(plugins, body, expected):
    registry = load_registry(entry_points=[plugins.make("good"), plugins.make("bad", body)])
    assert "good" in registry.ids()
    assert "bad" not in registry.ids()
    assert expected in problems_by_name(registry)["bad"]


def test_missing_parent_cycle_and_duplicate_ids(plugins):
    registry = load_registry(
        entry_points=[
            plugins.make("orphan", parent="nowhere"),
            plugins.make("loop_a", parent="loop_b"),
            plugins.make("loop_b", parent="loop_a"),
            plugins.make("twin"),
            plugins.make("twin"),
            plugins.make("orphan.child", parent="orphan"),
        ]
    )
    found = problems_by_name(registry)
    assert "parent 'nowhere' is not installed" in found["orphan"]
    assert "parent cycle" in found["loop_a"] and "parent cycle" in found["loop_b"]
    assert "duplicate jurisdiction id 'twin'" in found["twin"]
    assert found["orphan.child"].startswith("parent 'orphan'")
    assert registry.ids() == ["core"]


def test_metadata_must_match_the_entry_point(plugins):
    registry = load_registry(entry_points=[plugins.make("right", name="wrong")])
    assert "does not match the entry point name 'wrong'" in problems_by_name(registry)["wrong"]


def test_the_same_distribution_found_twice_is_loaded_once(plugins):
    entry = plugins.make("once")
    registry = load_registry(entry_points=[entry, entry])
    assert registry.problems == () and "once" in registry.ids()


def test_strict_mode_turns_any_problem_into_a_failure(plugins):
    with pytest.raises(RegistryError, match="bad"):
        load_registry(strict=True, entry_points=[plugins.make("bad", "raise RuntimeError('boom')")])


def test_unknown_jurisdiction_lists_the_installed_ones(plugins):
    registry = load_registry(entry_points=[plugins.make("here")])
    with pytest.raises(UnknownJurisdiction) as caught:
        registry.lineage("elsewhere")
    assert caught.value.installed == ("core", "here")


def test_plans_are_built_once_per_chain(plugins):
    registry = load_registry(entry_points=[plugins.make("once")])
    assert registry.plan(("core", "once")) is registry.plan(("core", "once"))
    assert registry.hooks(("core", "once")).plan is registry.plan(("core", "once"))


def test_rules_not_yet_in_force_fall_back_to_the_parent_and_say_so(plugins):
    override = """
    @hookimpl
    def zhengming_fast_track(case):
        return FastTrack(active=True, reasons=(Text("本地快办", "local fast track"),),
                         citations=(Citation(document="测试办法", article="第一条"),))
    """
    registry = load_registry(entry_points=[plugins.make("late", override, since="2023, 6, 1")])
    engine = Engine(registry)
    document = copy.deepcopy(BASE_CASE) | {"jurisdiction": "late"}
    before = to_document(engine.evaluate_document(document, as_of=date(2023, 5, 31)))
    after = to_document(engine.evaluate_document(document, as_of=date(2023, 6, 1)))
    assert before["chain"] == ["core"] and before["fast_track"] is False
    assert any("2023-06-01" in reason for reason in before["trigger"]["reasons"])
    assert after["chain"] == ["core", "late"] and after["fast_track"] is True
    assert "本地快办" in after["trigger"]["reasons"]
    assert {"document": "测试办法", "article": "第一条"} in after["trigger"]["citations"]


def test_every_document_says_where_its_in_force_date_comes_from_and_whether_it_is_inferred(registry):
    """A date the seed does not state is shown as inferred, with its basis, never as the text's own."""
    from click.testing import CliRunner

    from zhengming.cli.main import cli

    documents = {(jid, d.title): d for jid in registry.ids() for d in registry.records[jid].info.documents}
    assert all(d.in_force_basis for jid, d in documents.items() if jid[0] != "core")
    inferred = {jid for (jid, _title), d in documents.items() if not d.in_force_stated}
    assert {"zhejiang", "zhejiang.hangzhou", "xuchang", "pingdingshan.lushan"} <= inferred  # and 浙江's counties
    assert not inferred & {"jinan", "pingdingshan"}  # dated texts that say from when they apply
    shown = CliRunner().invoke(cli, ["jurisdictions", "show", "xuchang"])
    assert (
        shown.exit_code == 0 and "2023-01-19（推定）" in shown.stdout and "施行日期依据：答记者问未给出" in shown.stdout
    )
    stated = CliRunner().invoke(cli, ["jurisdictions", "show", "jinan", "--json"])
    assert stated.exit_code == 0 and '"in_force_stated": true' in stated.stdout
