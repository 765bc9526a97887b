"""The rule toolkit (zhengming.rules, zhengming.testing): each piece on its own, then a whole province
written with it in a test (declared jurisdictions, dated versions, local facts) with no core change."""

from __future__ import annotations

import json
from datetime import date
from importlib.metadata import EntryPoint

import pytest
from click.testing import CliRunner

from zhengming import Citation, Engine, FaultToleranceOutcome, InvalidDocument, SourceDocument, load_registry
from zhengming.cli.app import App
from zhengming.cli.main import cli
from zhengming.lifecycle.pinning import CORE_DECISION_SOURCES, _source_roots
from zhengming.model import AdverseImpact, Filing, FilingFacts, FilingTiming
from zhengming.rules import Dated, FilingLists, LocalFacts, Row, RuleTable, always, declare, numbered
from zhengming.rules.lists import claimed, never
from zhengming.testing import clarification, decide, fault_tolerance

DOC = SourceDocument(title="测试办法", issuer="测试", in_force_from=date(2020, 1, 1))


# --- source documents cite themselves ------------------------------------------------------------


def test_a_document_cites_its_articles_in_order_and_builds_them_once():
    cited = DOC.cite("第一条", "第三条")
    assert cited == (Citation("测试办法", "第一条"), Citation("测试办法", "第三条"))
    assert DOC.cite("第一条", "第三条") is cited


# --- rule tables --------------------------------------------------------------------------------

TABLE_ROWS = (
    Row("big", lambda n: n > 10, DOC.cite("第一条")),
    Row("even", lambda n: n % 2 == 0, DOC.cite("第二条")),
    Row("any", always, DOC.cite("第一条")),
)


def test_first_hit_answers_with_the_first_row_that_holds():
    table = RuleTable.first(*TABLE_ROWS)
    assert table.values(12) == ("big",)
    assert table.values(4) == ("even",)
    assert table.hit(3).value == "any"


def test_collect_answers_with_every_row_that_holds_citing_each_article_once():
    table = RuleTable.collect(*TABLE_ROWS)
    assert table.values(12) == ("big", "even", "any")
    assert table.citations(12) == DOC.cite("第一条", "第二条")
    assert table.values(3) == ("any",)


# --- list items with their own condition ---------------------------------------------------------

LISTS = FilingLists(
    positive=numbered(
        "P", [("出于公心", lambda f: f.public_interest_motive), ("其他", never)], lambda n: DOC.cite(f"正{n}")[0]
    ),
    negative=numbered(
        "N", [("谋取私利", lambda f: f.private_gain), ("其他", claimed)], lambda n: DOC.cite(f"负{n}")[0]
    ),
)


def filing(claimed_items, **facts):
    return Filing(timing=FilingTiming.AFTER, claimed_items=tuple(claimed_items), facts=FilingFacts(**facts))


def test_items_are_numbered_in_source_order_and_published_with_their_citation():
    assert [i.id for i in LISTS.list_items] == ["P1", "P2", "N1", "N2"]
    assert LISTS.list_items[2].citation == Citation("测试办法", "负1")
    assert LISTS.citations(["N1", "P2"]) == DOC.cite("负1", "正2")


def test_one_assessment_reads_each_items_own_condition():
    lists = FilingLists(positive=LISTS.positive, negative=LISTS.negative[:1])
    assert lists.match(filing(["P1"], public_interest_motive=True)).outcome is FaultToleranceOutcome.ELIGIBLE
    assert lists.match(filing(["P2"])).outcome is FaultToleranceOutcome.NEEDS_REVIEW
    hit = lists.match(filing(["P1"], public_interest_motive=True, private_gain=True))
    assert (hit.outcome, hit.negative) == (FaultToleranceOutcome.INELIGIBLE, ("N1",))


# --- dated versions ------------------------------------------------------------------------------

TRIAL = SourceDocument(title="办法", issuer="测试", in_force_from=date(2020, 1, 1), version="试行")
REVISED = SourceDocument(title="办法", issuer="测试", in_force_from=date(2024, 3, 1), version="2024年修订")


def test_as_of_picks_the_version_in_force():
    months = Dated((REVISED, 2), (TRIAL, 1))
    assert months.at(date(2019, 12, 31)) is None
    assert months.at(date(2024, 2, 29)).value == 1
    assert months.at(date(2024, 3, 1)).value == 2
    assert months.at(date(2024, 3, 1)).cite("第五条") == (Citation("办法", "第五条"),)


def test_two_versions_in_force_on_one_day_are_refused():
    with pytest.raises(ValueError, match="same day"):
        Dated((TRIAL, 1), (TRIAL, 2))


# --- local facts ---------------------------------------------------------------------------------


def test_local_facts_publish_a_closed_schema_and_read_with_defaults():
    rotation = LocalFacts("hubei", on_rotation={"type": "boolean"})
    assert rotation.schema == {
        "type": "object",
        "additionalProperties": False,
        "properties": {"on_rotation": {"type": "boolean"}},
    }
    with pytest.raises(ValueError, match="not declared"):
        LocalFacts("hubei", required=("shift",), on_rotation={"type": "boolean"})


# --- the rules fingerprint -----------------------------------------------------------------------


def test_core_fingerprint_covers_filing_hooks_and_reason_texts():
    files = set()
    for root in _source_roots("core", None):
        files |= {str(p) for p in root.rglob("*.py")} if root.is_dir() else {str(root)}
    for module in ("rules/filing.py", "plugin/hooks.py", "rules/reasons.py", "engine.py", "baseline/__init__.py"):
        assert any(f.endswith(module) for f in files), module
    assert {"rules", "plugin", "labels"} <= set(CORE_DECISION_SOURCES)


# --- a province written with the toolkit, in a test -----------------------------------------------

PROVINCE = """
from datetime import date
from zhengming import *
from zhengming.rules import Dated, LocalFacts, Row, RuleTable, declare

TRIAL = SourceDocument(title="湖北办法", issuer="湖北", in_force_from=date(2020, 1, 1), version="试行")
REVISED = SourceDocument(title="湖北办法", issuer="湖北", in_force_from=date(2024, 3, 1), version="2024年修订")
ROTATION = LocalFacts("hubei", on_rotation={"type": "boolean", "description": "交流任职干部"})

# the trial version fast-tracks a cadre on rotation; the revision also one at a key juncture
FAST = Dated(
    (TRIAL, RuleTable.collect(Row("rotation", lambda c: ROTATION.get(c, "on_rotation", False), TRIAL.cite("第三条")))),
    (REVISED, RuleTable.collect(
        Row("rotation", lambda c: ROTATION.get(c, "on_rotation", False), REVISED.cite("第三条")),
        Row("juncture", lambda c: c.circumstances.key_juncture, REVISED.cite("第四条")),
    )),
)


@hookimpl(specname="zhengming_fast_track")
def fast_track(case, ctx):
    table = FAST.at(ctx.as_of).value
    hits = table(case)
    return FastTrack(active=bool(hits), reasons=tuple(Text(r.value, r.value) for r in hits),
                     citations=table.citations(case) or REVISED.cite("第三条"))


HUBEI = declare(Jurisdiction(id="hubei", names=Text("湖北省", "Hubei"), level=JurisdictionLevel.PROVINCE,
                             documents=(TRIAL, REVISED), local_facts=ROTATION.schema), fast_track)
WUHAN = declare(Jurisdiction(id="hubei.wuhan", parent="hubei", names=Text("武汉市", "Wuhan"),
                             level=JurisdictionLevel.CITY))
"""


@pytest.fixture
def province(plugins):
    module = plugins.make("hubei", PROVINCE, header=False).value
    entry_points = [
        EntryPoint(name="hubei", value=f"{module}:HUBEI", group="zhengming.jurisdictions"),
        EntryPoint(name="hubei.wuhan", value=f"{module}:WUHAN", group="zhengming.jurisdictions"),
    ]
    return load_registry(strict=True, entry_points=entry_points)


def test_declared_jurisdictions_load_and_chain(province):
    assert province.lineage("hubei.wuhan") == ("core", "hubei", "hubei.wuhan")
    assert province.records["hubei.wuhan"].info.names.zh == "武汉市"


def test_a_city_declared_as_data_inherits_the_province_and_its_local_facts(province):
    engine = Engine(province)
    case = clarification("hubei.wuhan", "2023-05-01", local={"hubei": {"on_rotation": True}})
    decision = decide(engine, case)
    assert decision["fast_track"] is True
    assert {"document": "湖北办法", "article": "第三条"} in decision["trigger"]["citations"]
    assert decide(engine, clarification("hubei.wuhan", "2023-05-01"))["fast_track"] is False


def test_the_version_in_force_on_as_of_decides(province):
    engine = Engine(province)
    juncture = {"circumstances": {"key_juncture": True}}
    assert decide(engine, clarification("hubei", "2024-02-29", **juncture))["fast_track"] is False
    assert decide(engine, clarification("hubei", "2024-03-01", **juncture))["fast_track"] is True


def test_bad_local_facts_name_their_pointer(province):
    with pytest.raises(InvalidDocument) as raised:
        Engine(province).evaluate_document(clarification("hubei.wuhan", local={"hubei": {"on_rotation": "是"}}))
    assert [p.pointer for p in raised.value.problems] == ["/local/hubei/on_rotation"]


def test_show_lists_each_version_and_the_one_in_force(province, monkeypatch):
    monkeypatch.setattr(App, "registry", province)
    runner = CliRunner()
    result = runner.invoke(cli, ["jurisdictions", "show", "hubei", "--as-of", "2024-01-01", "--json"])
    assert result.exit_code == 0, result.output
    shown = json.loads(result.output)
    assert [(d["version"], d["status"]) for d in shown["documents"]] == [
        ("试行", "in_force"),
        ("2024年修订", "not_yet"),
    ]
    assert shown["local_facts"]["hubei"]["properties"]["on_rotation"]["type"] == "boolean"
    result = runner.invoke(cli, ["jurisdictions", "show", "hubei", "--as-of", "2024-03-01"])
    assert result.exit_code == 0, result.output
    assert "[试行]" in result.output and "已被新版本取代" in result.output
    assert "on_rotation" in result.output


# --- test builders -------------------------------------------------------------------------------


def test_builders_make_valid_cases_changed_only_where_asked(engine):
    case = clarification("jinan", impact={"scope": "online"})
    assert case["impact"] == {"scope": "online"} and case["subject"]["name"] == "王某"
    assert clarification()["impact"] == {"scope": "unit"}  # a fresh document each time
    assert decide(engine, case)["kind"] == "clarification"
    assert decide(engine, fault_tolerance("pingdingshan", claimed=["P6"], private_gain=True))["outcome"] == "ineligible"


def test_declare_refuses_an_unmarked_hook():
    def zhengming_fast_track(case):
        return None

    with pytest.raises(ValueError, match="not marked"):
        declare(None, zhengming_fast_track)


def test_the_generated_page_shows_versions_and_local_facts(province):
    from zhengming.docgen import jurisdiction_reference

    page = jurisdiction_reference(province, "hubei.wuhan")
    assert "`core` → `hubei` → `hubei.wuhan`" in page
    assert "| `on_rotation` | boolean | no | 交流任职干部 |" in page
    assert "Under `local.hubei` of a case:" in page
    assert "| `zhengming_fast_track` | most_specific | hubei |" in page
    province_page = jurisdiction_reference(province, "hubei")
    assert "| 《湖北办法》 | 试行 |" in province_page and "| 《湖北办法》 | 2024年修订 |" in province_page


def test_docgen_prints_an_installed_jurisdictions_page(capsys):
    from zhengming.docgen import main

    assert main(["docgen", "--jurisdiction", "pingdingshan"]) == 0
    page = capsys.readouterr().out
    assert "| N4 | `pingdingshan` |" in page and "Under `local.pingdingshan` of a case:" in page
    assert "| `outstanding_young_cadre` | boolean | no |" in page


def test_amend_appends_reasons_and_cites_each_article_once():
    from zhengming import Text, Trigger, TriggerOutcome
    from zhengming.rules import amend

    inherited = Trigger(outcome=TriggerOutcome.MUST_CLARIFY, reasons=(Text("甲", "a"),), citations=DOC.cite("第一条"))
    amended = amend(inherited, reasons=(Text("乙", "b"),), citations=DOC.cite("第一条", "第二条"))
    assert amended.reasons == (Text("甲", "a"), Text("乙", "b"))
    assert amended.citations == DOC.cite("第一条", "第二条")
    assert amend(inherited) is inherited
    assert amend(inherited, outcome=TriggerOutcome.MAY_CLARIFY).outcome is TriggerOutcome.MAY_CLARIFY


# --- lists as a data file -------------------------------------------------------------------------

LISTS_YAML = """
positive:
  - text: 出于公心，没有谋取私利，及时纠错的
    when: public_interest_motive and not private_gain and corrected_promptly
  - text: 未造成不良影响或影响较小的
    when: adverse_impact != "major"
  - text: 其他情形
    when: never
negative:
  - text: 谋取私利的
    when: private_gain
"""


def test_lists_load_from_a_data_file_with_conditions_over_the_facts(tmp_path):
    from zhengming.rules.lists import load_lists

    path = tmp_path / "lists.yaml"
    path.write_text(LISTS_YAML, encoding="utf-8")
    lists = load_lists(path, lambda kind, n: DOC.cite(f"{kind}{n}")[0])
    assert [i.id for i in lists.list_items] == ["P1", "P2", "P3", "N1"]
    assert lists.list_items[3].citation == Citation("测试办法", "negative1")
    met = lists.match(filing(["P1", "P2"], public_interest_motive=True, corrected_promptly=True))
    assert (met.outcome, met.positive) == (FaultToleranceOutcome.ELIGIBLE, ("P1", "P2"))
    assert lists.match(filing(["P2"], adverse_impact=AdverseImpact.MAJOR)).outcome is FaultToleranceOutcome.NEEDS_REVIEW
    assert lists.match(filing(["P1"], private_gain=True)).negative == ("N1",)


@pytest.mark.parametrize(
    ("expression", "message"),
    [
        ("privat_gain", "'privat_gain' is not a filing fact"),
        ('__import__("os")', "Call is not allowed"),
        ("facts.fraud", "Attribute is not allowed"),
        ("fraud and", "is not a condition"),
    ],
)
def test_a_bad_condition_is_refused_when_the_plugin_loads_naming_the_item(expression, message):
    from zhengming.rules.lists import condition

    with pytest.raises(ValueError, match=message) as raised:
        condition(expression, "lists.yaml: P3")
    assert str(raised.value).startswith("lists.yaml: P3: ")


def test_a_declaration_implements_each_hook_once_whatever_the_functions_are_called():
    from zhengming import Jurisdiction, JurisdictionLevel, Text, hookimpl

    @hookimpl(specname="zhengming_fast_track")
    def assess(case):
        return None

    @hookimpl(specname="zhengming_fault_tolerance")
    def assess_filing(case):
        return None

    info = Jurisdiction(id="x", names=Text("x", "x"), level=JurisdictionLevel.CITY)
    plugin = declare(info, assess, assess_filing)
    assert callable(plugin.zhengming_fast_track) and callable(plugin.zhengming_fault_tolerance)
    with pytest.raises(ValueError, match="two implementations of zhengming_fast_track"):
        declare(info, assess, assess)
