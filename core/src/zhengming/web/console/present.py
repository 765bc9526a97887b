"""What the console's pages show, in the reader's language: names of codes, times in Asia/Shanghai,
audit events as sentences. Templates call these; nothing here touches the store."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import Any

from ... import case_names as names
from ...clock import office_time
from ...i18n import gettext
from ...labels import label
from ...lifecycle.states import LABELS as STATE_LABELS
from ...lifecycle.states import State, state_label
from ...model import (
    AccountabilityMeasure,
    CaseKind,
    Classification,
    Finding,
    Level,
    Measure,
    Method,
    Organ,
    Recipient,
    Relief,
    RevisitMethod,
    RevisitTarget,
    Role,
    StepAction,
    Text,
)

LANGS = ("zh", "en")

ENUMS: dict[str, type[Enum]] = {
    "role": Role,
    "organ": Organ,
    "level": Level,
    "method": Method,
    "recipient": Recipient,
    "revisit_method": RevisitMethod,
    "revisit_target": RevisitTarget,
    "step_action": StepAction,
    "finding": Finding,
    "kind": CaseKind,
    "classification": Classification,
    "measure": Measure,
    "accountability_measure": AccountabilityMeasure,
    "relief": Relief,
}


class Say:
    """The reader's language, bound once per request: names of codes and values in it (``say.name('role',
    v)``, ``say.state(s)``). The page's own words are catalog messages (``_('…')``, ``pgettext('…', '…')``)."""

    def __init__(self, lang: str):
        self.lang = lang if lang in LANGS else "zh"

    def _(self, msgid: str, /, **params: Any) -> str:
        """A catalog message in the reader's language (templates call it as ``_('…', name=…)``)."""
        return gettext(msgid, self.lang, **params)

    def text(self, value: Text | None) -> str:
        return value.render(self.lang) if value is not None else ""

    def value(self, value: Any) -> str:
        """A fact's value: a label as text, a box as 是/否, a list joined."""
        if isinstance(value, Text):
            return self.text(value)
        if value is True:
            return self._("yes")
        if value is False:
            return self._("no")
        return str(value)

    def measure(self, value: str) -> str:
        for enum in ("measure", "accountability_measure"):
            named = self.name(enum, value)
            if named != value:
                return named
        return value

    def name(self, enum: str, value: str | None) -> str:
        """The name of a code of the contract (its raw value where it has none)."""
        if value is None:
            return "—"
        try:
            return label(ENUMS[enum](value)).render(self.lang)
        except (KeyError, ValueError):
            return str(value)

    def state(self, value: str) -> str:
        return state_label(value).render(self.lang)

    def outcome(self, value: str) -> str:
        return names.outcome_name(value, self.lang)

    def event(self, action: str) -> str:
        return names.name_in(names.EVENTS, action, self.lang)

    def decision(self, value: str) -> str:
        return names.name_in(names.DECISIONS, value, self.lang)

    def consent(self, value: str | None) -> str:
        return names.name_in(names.CONSENT, value, self.lang)

    def close_reason(self, value: str | None) -> str:
        return names.name_in(names.CLOSE_REASONS, value or None, self.lang)

    def reveal_status(self, value: str) -> str:
        return names.name_in(names.REVEAL_STATUS, value, self.lang)

    def step_status(self, value: str) -> str:
        return names.name_in(names.STEP_STATUS, value, self.lang)


def local_time(value: str | datetime | None) -> str:
    """A stored instant as the office's wall time (:func:`~zhengming.clock.office_zone`), ``2024-03-01 09:30``."""
    if not value:
        return "—"
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return office_time(moment).strftime("%Y-%m-%d %H:%M")


def days_late(due_on: str | None, today: date) -> int:
    """How many days past ``due_on`` today is (0 when not late or no due date)."""
    if not due_on:
        return 0
    return max(0, (today - date.fromisoformat(due_on)).days)


def state_from_input(value: str) -> str | None:
    """A state typed by a person: its code (``approval``) or its Chinese or English label (``审批中``).
    ``None`` when it names no state."""
    value = value.strip()
    if not value:
        return None
    for state, text in STATE_LABELS.items():
        if value in (state.value, text.zh, text.en):
            return state.value
    matches = [s.value for s, t in STATE_LABELS.items() if value in t.zh]
    return matches[0] if len(matches) == 1 else None


def state_choices(say: Say) -> list[tuple[str, str]]:
    return [(s.value, say.state(s.value)) for s in State]


def subject_of(document: dict[str, Any]) -> dict[str, Any]:
    """The person or organization a case is about (a filing keeps it under ``filing``)."""
    return document.get("subject") or (document.get("filing") or {}).get("subject") or {}


def lateness(view: dict[str, Any], today: date) -> tuple[int, str | None]:
    """How many days late an overdue case is, and the date it was due (the decision's due date, or the
    earliest planned revisit not done); ``(0, None)`` when it is not late."""
    if not view.get("overdue"):
        return 0, None
    due = [view["due_on"]] if view.get("due_on") and date.fromisoformat(view["due_on"]) < today else []
    revisits = (view.get("revisit") or {}).get("visits", ())
    due += [r["planned_on"] for r in revisits if not r["done_on"] and date.fromisoformat(r["planned_on"]) < today]
    if not due:
        return 0, None
    first = min(due)
    return (today - date.fromisoformat(first)).days, first


PARTS: dict[str, Text] = {
    "trigger": Text("启动条件", "trigger"),
    "approval": Text("审批程序", "approval"),
    "steps": Text("步骤", "steps"),
    "implementers": Text("实施主体", "implementers"),
    "methods": Text("澄清方式", "methods"),
    "notifications": Text("告知", "notifications"),
    "revisit": Text("回访", "revisit"),
    "deadline": Text("期限", "deadline"),
    "deadlines": Text("期限", "deadlines"),
    "fast_track": Text("快查快办", "fast track"),
    "classification": Text("定性", "classification"),
    "measures": Text("处理措施", "measures"),
    "procedure": Text("备案程序", "procedure"),
    "consultation": Text("会商", "consultation"),
    "consult": Text("沟通", "consultation"),
    "probation": Text("考验期", "probation"),
    "relief": Text("从轻减轻", "relief"),
    "outcome": Text("结论", "outcome"),
    "eligibility": Text("适用情形", "eligibility"),
    "items": Text("清单事项", "items"),
    "tracing": Text("追查", "tracing"),
}


def part_name(say: Say, pointer: str, decision: dict[str, Any]) -> str:
    """A part of a decision named for people: ``/methods/2`` → ``澄清方式 · 会议澄清``."""
    parts: list[str] = []
    node: Any = decision
    for key in pointer.strip("/").split("/"):
        if not key:
            continue
        if isinstance(node, list) and key.isdigit():
            node = node[int(key)] if int(key) < len(node) else {}
            item = node if isinstance(node, dict) else {}
            if "method" in item:
                parts.append(say.name("method", item["method"]))
            elif "recipient" in item:
                parts.append(say.name("recipient", item["recipient"]))
            elif "role" in item:
                parts.append(say.name("role", item["role"]))
            else:
                parts.append(str(int(key) + 1))
            continue
        node = node.get(key, {}) if isinstance(node, dict) else {}
        parts.append(say.text(PARTS[key]) if key in PARTS else key)
    return " · ".join(parts) or say._("decision")


def cjk_term(description: str) -> str:
    """The Chinese policy term of a schema description (``选拔任用、提拔调整受到影响``), without its English
    gloss; ``""`` when the description has no Chinese at all."""
    import re

    if not re.search(r"[\u4e00-\u9fff]", description):
        return ""
    text = re.sub(r"\bv1\.1\b", "", description)
    text = re.sub(r"\([^)]*[A-Za-z][^)]*\)", "", text)  # (true), (null: not established)
    text = re.sub(r"(?<![\u4e00-\u9fff])[A-Za-z][A-Za-z0-9 ,'/.\-]*", " ", text)
    text = re.sub(r"\s+", " ", text).strip(" :;,·-")
    return text


OFFER_NAMES: dict[str, Text] = {
    "consent": Text("征求本人意见", "consent"),
    "clarify": Text("实施澄清", "clarify"),
    "notify": Text("告知", "notify"),
    "archive": Text("归档", "archive"),
    "plan_revisits": Text("安排回访", "plan revisits"),
    "record_revisit": Text("记录回访", "record a revisit"),
    "talk": Text("谈话提醒", "reminder talk"),
    "rectification": Text("整改结果", "rectification"),
    "close": Text("办结", "close"),
    "resume": Text("恢复办理", "resume"),
    "amend": Text("修改受理信息", "amend the intake"),
}


def todo(say: Say, view: dict[str, Any], names: list[str]) -> str:
    """What waits for the user on a case, in words: the step's action (``提出建议``, ``审批``), then the rest."""
    words = []
    for name in names:
        if name == "approve" and view.get("current_step") is not None:
            words.append(say.name("step_action", view["steps"][view["current_step"]]["action"]))
        elif name in OFFER_NAMES:
            words.append(say.text(OFFER_NAMES[name]))
    return say._(", ").join(words)
