"""What the console's pages show, in the reader's language: names of codes, times in Asia/Shanghai,
audit events as sentences. Templates call these; nothing here touches the store."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import Any
from zoneinfo import ZoneInfo

from ...labels import label
from ...lifecycle.states import LABELS as STATE_LABELS
from ...lifecycle.states import State, state_label
from ...model import (
    CaseKind,
    Classification,
    Finding,
    Level,
    Method,
    Organ,
    Recipient,
    RevisitMethod,
    RevisitTarget,
    Role,
    StepAction,
    Text,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
LANGS = ("zh", "en")

# Audit actions (``audit_events.action``) as the timeline names them.
EVENT_NAMES: dict[str, Text] = {
    "open": Text("受理立案", "opened"),
    "approve": Text("审批通过", "approved"),
    "reject": Text("不予通过", "rejected"),
    "send_back": Text("退回", "sent back"),
    "consent": Text("记录本人意见", "consent recorded"),
    "clarify": Text("实施澄清", "clarified"),
    "notify": Text("记录告知", "notified"),
    "archive": Text("归档", "archived"),
    "plan_revisits": Text("安排回访", "revisits planned"),
    "revisit": Text("记录回访", "revisit recorded"),
    "close": Text("办结", "closed"),
    "resume": Text("恢复办理", "resumed"),
    "talk": Text("谈话提醒", "reminder talk"),
    "rectification": Text("记录整改结果", "rectification recorded"),
    "letter": Text("打印文书", "letter printed"),
    "reveal_request": Text("申请查阅举报人身份", "reveal requested"),
    "reveal_approve": Text("批准查阅举报人身份", "reveal approved"),
    "reveal_refuse": Text("拒绝查阅举报人身份", "reveal refused"),
    "reveal_show": Text("查阅举报人身份", "identity shown"),
    "reporter_feedback": Text("向实名举报人反馈", "feedback to the reporter"),
    "amend": Text("更正受理信息", "intake amended"),
    "paper_approval": Text("补录纸质审批", "paper approval recorded"),
}
DECISIONS = {
    "approved": Text("通过", "approved"),
    "rejected": Text("不予通过", "rejected"),
    "sent_back": Text("退回", "sent back"),
}
CONSENT = {
    None: Text("未记录", "not recorded"),
    "given": Text("同意", "given"),
    "declined": Text("不同意", "declined"),
    "withdrawn": Text("撤回同意", "withdrawn"),
}
CLOSE_REASONS = {
    "not_applicable": Text("不适用澄清", "not applicable"),
    "rejected": Text("审批未通过", "rejected at approval"),
    "completed": Text("办理完毕", "completed"),
    "consent_declined": Text("本人不同意公开澄清", "the subject declined public clarification"),
}
STEP_STATUS = {
    "done": Text("已完成", "done"),
    "current": Text("待办", "waiting"),
    "pending": Text("未开始", "not yet"),
    "rejected": Text("未通过", "rejected"),
}
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
}


class Say:
    """The reader's language, bound once per request: ``say('中文', 'English')``, ``say.name('role', v)``."""

    def __init__(self, lang: str):
        self.lang = lang if lang in LANGS else "zh"

    def __call__(self, zh: str, en: str) -> str:
        return en if self.lang == "en" else zh

    def text(self, value: Text | None) -> str:
        return value.render(self.lang) if value is not None else ""

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
        from ...cli.case_text import outcome_name

        return outcome_name(value, self.lang)

    def event(self, action: str) -> str:
        return EVENT_NAMES[action].render(self.lang) if action in EVENT_NAMES else action

    def decision(self, value: str) -> str:
        return self.text(DECISIONS.get(value)) or value

    def consent(self, value: str | None) -> str:
        return self.text(CONSENT.get(value)) or str(value)

    def close_reason(self, value: str | None) -> str:
        if not value:
            return ""
        return self.text(CLOSE_REASONS.get(value)) or value

    def step_status(self, value: str) -> str:
        return self.text(STEP_STATUS.get(value)) or value


def local_time(value: str | datetime | None) -> str:
    """A stored instant as Asia/Shanghai wall time, ``2024-03-01 09:30``."""
    if not value:
        return "—"
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo("UTC"))
    return moment.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M")


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
