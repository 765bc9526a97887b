"""Readable text for decisions and jurisdictions, zh-CN by default, English with ``--lang en``."""

from __future__ import annotations

from collections.abc import Iterable

from ..i18n import Message, gettext
from ..labels import join, label
from ..model import (
    AccountabilityDecision,
    Citation,
    ClarificationDecision,
    Decision,
    DisciplinedRevisitDecision,
    FalseAccusationDecision,
    FaultToleranceDecision,
    Step,
)
from ..rules.workdays import public_holiday
from ..safetext import neutral

WORDS = {
    "chain": Message("rules chain"),
    "case": Message("case"),
    "as_of": Message("as of"),
    "outcome": Message("outcome"),
    "allegations": Message("allegations to clarify"),
    "reasons": Message("reasons"),
    "basis": Message("basis"),
    "deadline": Message("deadline"),
    "no_deadline": Message("none set"),
    "due": Message("{action} by {date}"),
    "fast_track": Message("fast track"),
    "yes": Message("yes"),
    "no": Message("no"),
    "implementers": Message("implemented by"),
    "steps": Message("approval steps"),
    "methods": Message("methods"),
    "consent": Message("needs the subject's consent"),
    "notifications": Message("notify and file with"),
    "revisit": Message("revisit"),
    "required": Message("required"),
    "not_required": Message("not required"),
    "classification": Message("classification"),
    "aggravated": Message("aggravated"),
    "measures": Message("measures"),
    "may_trace": Message("may trace the reporter"),
    "matched_positive": Message("positive items met"),
    "matched_negative": Message("negative items hit"),
    "procedure": Message("filing procedure"),
    "none": Message("none"),
    "same_organ": Message("own organ"),
    "accompanied_by": Message("together with"),
    "on_holiday": Message(" (a public holiday: {holiday})"),
    "refer_to": Message("refer to"),
    "relief": Message("relief"),
    "talk": Message("talk"),
    "talk_by": Message("{by} talks with the {with_}"),
    "unnamed": Message("(the text names no one)"),
    "probation": Message("probation"),
    "months": Message("{low} to {high} months"),
    "ends_on": Message("ends {date}"),
    "consultation": Message("consult before deciding"),
    "consult": Message("consult before visiting"),
    "consent_asked": Message("asks the cadre's own view"),
    "topics": Message("topics"),
    "one_plan": Message("one person, one plan"),
}


def word(key: str, lang: str) -> str:
    return WORDS[key].render(lang)


def citation(c: Citation, lang: str) -> str:
    if c.document == "core default":
        return gettext("core default: {article}", lang, article=c.article)
    return f"《{c.document}》{c.article}"


def basis(citations: Iterable[Citation], lang: str, indent: str = "    ") -> list[str]:
    return [f"{indent}{word('basis', lang)}: {citation(c, lang)}" for c in citations]


def step(s: Step, lang: str) -> str:
    where = label(s.level).render(lang) if s.level else word("same_organ", lang)
    return f"{label(s.role).render(lang)}（{where}）{label(s.action).render(lang)}"


def decision_text(d: Decision, lang: str = "zh") -> str:
    title = label(d.kind).render(lang)
    lines = [
        f"{title} · {d.jurisdiction} · {word('as_of', lang)} {d.as_of.isoformat()}"
        + (f" · {word('case', lang)} {neutral(d.case_id)}" if d.case_id else ""),
        f"{word('chain', lang)}: {' → '.join(d.chain)}",
    ]
    if isinstance(d, ClarificationDecision):
        lines += _clarification(d, lang)
    elif isinstance(d, FalseAccusationDecision):
        lines += _false_accusation(d, lang)
    elif isinstance(d, FaultToleranceDecision):
        lines += _fault_tolerance(d, lang)
    elif isinstance(d, AccountabilityDecision):
        lines += _accountability(d, lang)
    elif isinstance(d, DisciplinedRevisitDecision):
        lines += _disciplined_revisit(d, lang)
    if not isinstance(d, ClarificationDecision) and d.reasons:
        lines.append(f"{word('reasons', lang)}:")
        lines += [f"  - {r.render(lang)}" for r in d.reasons]
    return "\n".join(lines)


def _yes_no(value: bool, lang: str) -> str:
    return word("yes" if value else "no", lang)


def _clarification(d: ClarificationDecision, lang: str) -> list[str]:
    t = d.trigger
    lines = [f"{word('outcome', lang)}: {label(t.outcome).render(lang)}"]
    if t.allegations:
        lines.append(f"{word('allegations', lang)}: {', '.join(t.allegations)}")
    lines.append(f"{word('reasons', lang)}:")
    lines += [f"  - {r.render(lang)}" for r in t.reasons]
    lines += basis(t.citations, lang)
    if d.deadlines:
        for deadline in d.deadlines:
            due = WORDS["due"].format(date=deadline.due_on.isoformat(), action=label(deadline.action)).render(lang)
            holiday = public_holiday(deadline.due_on)
            if holiday:  # the date stands as the text counts it; the officer should see it is a holiday
                due += WORDS["on_holiday"].format(holiday=holiday).render(lang)
            lines += [f"{word('deadline', lang)}: {due}", *basis(deadline.citations, lang)]
    else:
        lines.append(f"{word('deadline', lang)}: {word('no_deadline', lang)}")
    lines.append(f"{word('fast_track', lang)}: {_yes_no(d.fast_track, lang)}")
    if not t.clarifies:
        return lines
    implementers = "、".join(
        f"{label(i.organ).render(lang)}（{label(i.level).render(lang)}）" for i in d.approval.implementers
    )
    lines.append(f"{word('implementers', lang)}: {implementers or word('none', lang)}")
    lines.append(f"{word('steps', lang)}:")
    lines += [f"  {n}. {step(s, lang)}" for n, s in enumerate(d.approval.steps, 1)]
    lines += basis(d.approval.citations, lang)
    lines.append(f"{word('methods', lang)}:")
    for m in d.methods:
        consent = f"（{word('consent', lang)}）" if m.consent_required else ""
        together = f"（{word('accompanied_by', lang)}{join(m.accompanied_by, lang)}）" if m.accompanied_by else ""
        lines += [f"  - {label(m.method).render(lang)}{consent}{together}", *basis(m.citations, lang)]
    lines.append(f"{word('notifications', lang)}:")
    for n in d.notifications:
        lines += [f"  - {label(n.recipient).render(lang)}", *basis(n.citations, lang)]
    r = d.revisit
    detail = ""
    if r.required:
        detail = "：" + "、".join(label(x).render(lang) for x in (*r.targets, *r.methods))
    lines += [f"{word('revisit', lang)}: {word('required' if r.required else 'not_required', lang)}{detail}"]
    lines += basis(r.citations, lang)
    return lines


def _false_accusation(d: FalseAccusationDecision, lang: str) -> list[str]:
    return [
        f"{word('classification', lang)}: {label(d.classification).render(lang)}",
        f"{word('aggravated', lang)}: {_yes_no(d.aggravated, lang)}",
        f"{word('measures', lang)}: {join(d.measures, lang) or word('none', lang)}",
        f"{word('may_trace', lang)}: {_yes_no(d.may_trace_reporter, lang)}",
        *(
            [
                f"{word('refer_to', lang)}: {label(d.refer_to.organ).render(lang)}（{label(d.refer_to.level).render(lang)}）"
            ]
            if d.refer_to
            else []
        ),
        *basis(d.citations, lang, indent="  "),
    ]


def _fault_tolerance(d: FaultToleranceDecision, lang: str) -> list[str]:
    lines = [
        f"{word('outcome', lang)}: {label(d.outcome).render(lang)}",
        f"{word('matched_positive', lang)}: {', '.join(d.matched_positive) or word('none', lang)}",
        f"{word('matched_negative', lang)}: {', '.join(d.matched_negative) or word('none', lang)}",
    ]
    if d.relief:
        lines.append(f"{word('relief', lang)}: {label(d.relief).render(lang)}")
    if d.procedure:
        lines.append(f"{word('procedure', lang)}:")
        lines += [f"  {n}. {step(s, lang)}" for n, s in enumerate(d.procedure, 1)]
    return lines + basis(d.citations, lang, indent="  ")


def _accountability(d: AccountabilityDecision, lang: str) -> list[str]:
    lines = [f"{word('outcome', lang)}: {label(d.outcome).render(lang)}"]
    if d.consultation:
        lines.append(f"{word('consultation', lang)}:")
        lines += [f"  {n}. {step(s, lang)}" for n, s in enumerate(d.consultation, 1)]
    if d.talk:
        by = label(d.talk.by).render(lang) if d.talk.by else word("unnamed", lang)
        talk = WORDS["talk_by"].format(by=by, with_=label(d.talk.with_)).render(lang)
        lines += [f"{word('talk', lang)}: {talk}", *basis(d.talk.citations, lang)]
    if d.measures:
        lines.append(f"{word('measures', lang)}: {join(d.measures, lang)}")
    if d.probation:
        p = d.probation
        length = WORDS["months"].format(low=p.min_months, high=p.max_months).render(lang) if p.max_months else ""
        ends = WORDS["ends_on"].format(date=p.ends_on.isoformat()).render(lang) if p.ends_on else ""
        lines += [f"{word('probation', lang)}: {' '.join(x for x in (length, ends) if x) or '—'}"]
        lines += basis(p.citations, lang)
    return lines + basis(d.citations, lang, indent="  ")


def _disciplined_revisit(d: DisciplinedRevisitDecision, lang: str) -> list[str]:
    lines = [f"{word('revisit', lang)}: {word('required' if d.required else 'not_required', lang)}"]
    if d.consult:
        lines.append(f"{word('consult', lang)}:")
        lines += [f"  {n}. {step(s, lang)}" for n, s in enumerate(d.consult, 1)]
    if d.consent_required:
        lines.append(f"{word('consent_asked', lang)}: {_yes_no(True, lang)}")
    if d.methods:
        lines.append(f"{word('methods', lang)}: {join(d.methods, lang)}")
    if d.topics:
        lines.append(f"{word('topics', lang)}: {join(d.topics, lang)}")
    if d.one_person_one_plan:
        lines.append(word("one_plan", lang))
    return lines + basis(d.citations, lang, indent="  ")
