"""Reason sentences that many rules share (zh-CN and English), built from a case's facts."""

from __future__ import annotations

from ..labels import label
from ..model import ClarificationCase, Finding, Text

IMPACT_FLAGS = (
    ("on_selection", Text("选拔任用、提拔调整受到或可能受到影响", "selection or promotion affected")),
    ("on_election", Text("换届选举受到或可能受到影响", "an election affected")),
    ("on_award", Text("评先评优受到或可能受到影响", "an award affected")),
    ("on_rotation", Text("交流任职受到或可能受到影响", "a rotation to another post affected")),
    (
        "on_integrity_opinion",
        Text(
            "组织部门征求廉政意见受到或可能受到影响",
            "the integrity opinion the organization department asked for affected",
        ),
    ),
    (
        "rights_infringed",
        Text("人身、财产权利受到侵害或正常工作、生活受到不良影响", "rights infringed or work and life disturbed"),
    ),
)


def impact_reasons(case: ClarificationCase) -> tuple[Text, ...]:
    """One sentence naming the negative impact the untrue report caused, or none without impact."""
    impact = case.impact
    parts = [label(impact.scope)] if impact.scope.value != "none" else []
    parts += [text for flag, text in IMPACT_FLAGS if getattr(impact, flag)]
    if not parts:
        return ()
    return (
        Text("造成不良影响：" + "；".join(p.zh for p in parts), "Negative impact: " + "; ".join(p.en for p in parts)),
    )


def not_clarified_reason(case: ClarificationCase) -> tuple[Text, ...]:
    """Name the allegations left out because they were not found untrue (只对失实的具体问题澄清)."""
    others = [a for a in case.allegations if a.finding is not Finding.UNTRUE]
    if not others:
        return ()
    zh = "、".join(f"{a.id}（{label(a.finding).zh}）" for a in others)
    en = ", ".join(f"{a.id} ({label(a.finding).en})" for a in others)
    return (Text(f"只对失实的具体问题澄清，不澄清：{zh}", f"Only untrue issues are clarified; not clarified: {en}"),)
