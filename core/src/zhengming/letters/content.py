"""What a letter says: its parts built from a stored case's view (``case show``) and decision.

Only the allegations found untrue (失实) or unverifiable (查无实据) are named — those the decision
clarifies —; the reporter never appears (the view carries only whether a reporter is sealed).
Each kind is one function in :data:`BUILDERS`; a kind of letter fits only the case kinds in
:data:`CASE_KINDS`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from enum import Enum
from typing import Any

import attrs

from ..labels import label
from ..model import enums as e

CLARIFIED_FINDINGS = ("untrue", "unverifiable")
ORGAN_LEVELS = {"province": "省", "city": "市", "county": "县", "township": "乡镇"}  # 县纪委监委, not 县级纪委监委
FILING_TIMING = {"before": "事前备案", "after": "事后备案"}
CASE_KINDS: Mapping[str, tuple[str, ...]] = {
    "clarification_notice": ("clarification",),
    "clarification_letter": ("clarification",),
    "approval_form": ("clarification", "fault_tolerance", "accountability", "disciplined_revisit"),
    "revisit_record": ("clarification", "disciplined_revisit"),
    "fault_tolerance_filing": ("fault_tolerance",),
    "accountability_notice": ("accountability",),
}


@attrs.frozen
class Letter:
    """The parts of one letter, in the order GB/T 9704 prints them.

    ``rows`` (label, value) make a form (表) instead of running text; ``fields`` is everything a
    jurisdiction's docxtpl template may use.
    """

    kind: str
    issuer: str
    number: str
    title: str
    addressee: str
    paragraphs: tuple[str, ...]
    rows: tuple[tuple[str, str], ...]
    signed_on: date
    fields: dict[str, Any]


def zh(cls: type[Enum], value: Any) -> str:
    """The Chinese name of an enumeration value (the raw value when unknown)."""
    try:
        return label(cls(value)).zh
    except ValueError:
        return str(value)


def cn_date(value: str | date | None) -> str:
    """``2024年3月1日`` (GB/T 9704 7.3.5.4: Arabic numerals, year, month and day in full)."""
    if not value:
        return "____年__月__日"
    day = value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    return f"{day.year}年{day.month}月{day.day}日"


def handling_organ(view: Mapping[str, Any]) -> str:
    """The organ that handled the case, e.g. ``县纪委监委``."""
    document = view["document"]
    organ = document.get("handling") or document.get("investigating_organ") or document.get("discipline") or {}
    level = ORGAN_LEVELS.get(organ.get("level", "county"), "")
    name = zh(e.Organ, organ.get("organ", "discipline_commission"))
    return f"{level}{name}"


def subject_of(view: Mapping[str, Any]) -> dict[str, Any]:
    document = view["document"]
    return document.get("subject") or (document.get("filing") or {}).get("subject") or {}


def clarified_allegations(view: Mapping[str, Any]) -> list[str]:
    return [
        a.get("summary") or a.get("id", "")
        for a in view["document"].get("allegations", ())
        if a.get("finding") in CLARIFIED_FINDINGS
    ]


def citations_text(citations: Any) -> str:
    """``《A》（三）（一）、《B》第5条``: each policy text once, its articles after it (core defaults left out)."""
    articles: dict[str, list[str]] = {}
    for c in citations or ():
        if c["document"] != "core default" and c["article"] not in articles.setdefault(c["document"], []):
            articles[c["document"]].append(c["article"])
    return "、".join(f"《{doc}》{''.join(arts)}" for doc, arts in articles.items() if arts)


def _addressee(subject: Mapping[str, Any]) -> str:
    name = subject.get("name", "")
    return f"{name}同志：" if subject.get("kind", "person") == "person" else f"{name}："


def _last_clarification(view: Mapping[str, Any]) -> dict[str, Any] | None:
    return view["clarifications"][-1] if view["clarifications"] else None


def clarification_notice(view: Mapping[str, Any]) -> tuple[str, tuple[str, ...], tuple]:
    subject, organ = subject_of(view), handling_organ(view)
    report = view["document"].get("report") or {}
    handling = view["document"].get("handling") or {}
    items = "；".join(clarified_allegations(view))
    basis = citations_text((view["decision"].get("trigger") or {}).get("citations"))
    body = [
        f"{cn_date(report.get('received_on'))}，{organ}收到反映{subject.get('name', '')}"
        f"{'同志' if subject.get('kind', 'person') == 'person' else ''}有关问题的检举控告。"
        f"经核查，{cn_date(handling.get('verification_concluded_on'))}作出核查结论：所反映的{items}等问题失实（查无实据）。",
        f"根据{basis or '有关规定'}，经研究，决定予以澄清正名，特此通知。",
    ]
    done = _last_clarification(view)
    if done:
        body.append(
            f"已于{cn_date(done['on'])}以{zh(e.Method, done['method'])}方式（范围：{done['scope'] or '相应范围'}）予以澄清。"
        )
    return _addressee(subject), tuple(body), ()


def clarification_letter(view: Mapping[str, Any]) -> tuple[str, tuple[str, ...], tuple]:
    """许昌: the written clarification states 澄清事项、澄清机关和澄清时间."""
    subject, organ = subject_of(view), handling_organ(view)
    done = _last_clarification(view)
    when = cn_date(done["on"]) if done else "____年__月__日"
    items = clarified_allegations(view)
    body = [
        f"经核查，反映{subject.get('name', '')}的下列问题失实（查无实据），现予书面澄清：",
        *[f"{n}．{item}。" for n, item in enumerate(items, 1)],
        f"澄清事项：{'；'.join(items)}。",
        f"澄清机关：{organ}。",
        f"澄清时间：{when}。",
    ]
    return _addressee(subject), tuple(body), ()


def approval_form(view: Mapping[str, Any]) -> tuple[str, tuple[str, ...], tuple]:
    subject = subject_of(view)
    rows: list[tuple[str, str]] = [
        ("案件编号", view["case_id"]),
        ("对象", f"{subject.get('name', '')}（{zh(e.ManagementLevel, subject.get('management_level', ''))}管理）"),
        ("事项", "；".join(clarified_allegations(view)) or zh(e.CaseKind, view["kind"])),
    ]
    done = {
        a["step"]: a
        for a in view["approvals"]
        if a["decision"] in ("approved", "rejected") and not a.get("superseded_at")  # not voided by an amendment
    }
    for step in view["steps"]:
        approval = done.get(step["index"])
        verdict = (
            f"{approval['comment'] or approval['decision']}（{approval['actor']}，"
            f"{cn_date(approval.get('given_on') or approval['at'])}）"  # a paper approval: the date it was signed
            if approval
            else "（待审批）"
        )
        rows.append((f"{step['index'] + 1}. {zh(e.Role, step['role'])}{zh(e.StepAction, step['action'])}", verdict))
    return "", (), tuple(rows)


def revisit_record(view: Mapping[str, Any]) -> tuple[str, tuple[str, ...], tuple]:
    subject = subject_of(view)
    rows: list[tuple[str, str]] = [("案件编号", view["case_id"]), ("回访对象", subject.get("name", ""))]
    for n, visit in enumerate(view["revisit"]["visits"], 1):
        how = zh(e.RevisitMethod, visit["method"]) if visit["method"] else ""
        state = f"{cn_date(visit['done_on'])}已回访（{how}）：{visit['note']}" if visit["done_on"] else "尚未回访"
        rows.append((f"第{n}次回访（计划{cn_date(visit['planned_on'])}）", state))
    if len(rows) == 2:
        rows.append(("回访情况", "尚未安排回访"))
    return "", (), tuple(rows)


def fault_tolerance_filing(view: Mapping[str, Any]) -> tuple[str, tuple[str, ...], tuple]:
    filing = view["document"].get("filing") or {}
    decision = view["decision"]
    subject = filing.get("subject") or {}
    rows = (
        ("案件编号", view["case_id"]),
        ("备案对象", subject.get("name", "（未载明）")),
        ("备案时机", FILING_TIMING.get(filing.get("timing", ""), "")),
        ("对照正面清单", "、".join(decision.get("matched_positive") or ()) or "无"),
        ("对照负面清单", "、".join(decision.get("matched_negative") or ()) or "无"),
        ("认定意见", zh(e.FaultToleranceOutcome, decision.get("outcome", ""))),
        ("依据", citations_text(decision.get("citations")) or "有关规定"),
    )
    return "", (), rows


def accountability_notice(view: Mapping[str, Any]) -> tuple[str, tuple[str, ...], tuple]:
    subject, decision = subject_of(view), view["decision"]
    outcome = zh(e.AccountabilityOutcome, decision.get("outcome", ""))
    body = [
        f"经调查核实，{handling_organ(view)}对你在履职中存在的问题依规作出处理意见：{outcome}。",
        f"依据：{citations_text(decision.get('citations')) or '有关规定'}。",
    ]
    probation = decision.get("probation") or {}
    if probation.get("ends_on"):
        body.append(f"考验期至{cn_date(probation['ends_on'])}止，请在考验期内整改到位。")
    body.append("如对处理意见有异议，可在收到本告知书之日起依规提出申诉。")
    return _addressee(subject), tuple(body), ()


BUILDERS: Mapping[str, Callable[[Mapping[str, Any]], tuple[str, tuple[str, ...], tuple]]] = {
    "clarification_notice": clarification_notice,
    "clarification_letter": clarification_letter,
    "approval_form": approval_form,
    "revisit_record": revisit_record,
    "fault_tolerance_filing": fault_tolerance_filing,
    "accountability_notice": accountability_notice,
}
