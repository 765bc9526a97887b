"""Readable text for stored cases (``case show``, ``case list``, ``case reevaluate``), zh-CN or English."""

from __future__ import annotations

from enum import Enum
from typing import Any

from .. import case_names as names
from ..case_names import outcome_name
from ..i18n import Message, gettext, ngettext, translator
from ..labels import label
from ..model import Level, Method, Organ, Recipient, RevisitMethod, RevisitTarget, Role, StepAction
from .columns import pad

# How far a step has come, as the command line marks it beside the step.
STATUS = {
    "done": Message("✓"),
    "current": Message("→ now"),
    "pending": Message("·"),
    "rejected": Message("✗ rejected"),
}


def party_list(parties: list[dict[str, Any]], lang: str) -> str:
    """``被诬告陷害人 李某；诬告者（举报人） 已加密保存``: a sealed party's name is never printed."""
    from ..lifecycle.parties import ROLES as PARTY_ROLES

    roles = {role_id: role.label for table in PARTY_ROLES.values() for role_id, role in table.items()}
    sealed = Message("sealed").render(lang)
    return ("；" if lang == "zh" else "; ").join(
        f"{roles[p['role']].render(lang) if p['role'] in roles else p['role']} {sealed if p.get('sealed') else p['name']}"
        for p in parties
    )


def name(enum: type[Enum], value: str | None, lang: str) -> str:
    if value is None:
        return "-"
    try:
        return label(enum(value)).render(lang)
    except ValueError:
        return value


def state_name(state: str, lang: str) -> str:
    from ..lifecycle.states import state_label

    return state_label(state).render(lang)


def reason_name(reason: str | None, lang: str) -> str:
    if reason is None:
        return "-"
    return names.name_in(names.CLOSE_REASONS, reason, lang)


def step_line(step: dict[str, Any], lang: str) -> str:
    where = name(Level, step.get("level"), lang) if step.get("level") else gettext("own organ", lang)
    return f"{name(Role, step['role'], lang)}（{where}）{name(StepAction, step['action'], lang)}"


def case_text(view: dict[str, Any], lang: str) -> str:
    _ = translator(lang)
    lines = [
        f"{_('case')} {view['case_id']} · {view['jurisdiction']} · {label_kind(view['kind'], lang)}"
        f" · {_('version')} {view['version']}",
        f"{_('state')}: {state_name(view['state'], lang)}"
        + (f"（{reason_name(view['close_reason'], lang)}）" if view["close_reason"] else ""),
        f"{_('outcome')}: {outcome_name(view['outcome'], lang)}",
    ]
    if view["fast_track"]:
        lines.append(_("fast track: yes"))
    if view["due_on"]:
        late = _(" (overdue)") if view["overdue"] else ""
        lines.append(f"{_('due')}: {view['due_on']}{late}")
    if view["steps"]:
        lines.append(_("steps:"))
        for step in view["steps"]:
            lines.append(f"  {step['index'] + 1}. {step_line(step, lang)}  {STATUS[step['status']].render(lang)}")
    for a in view["approvals"]:
        comment = f"：{a['comment']}" if a["comment"] else ""
        paper = (
            _(" (on paper, signed {given_on}, recorded {value})", given_on=a["given_on"], value=a["at"][:16])
            if a.get("given_on")
            else ""
        )
        void = _(" (superseded by an amended intake)") if a.get("superseded_at") else ""
        when = a["given_on"] if a.get("given_on") else a["at"][:16]
        lines.append(
            f"  - {when} {a['actor']} {_('step {number}', number=a['step'] + 1)}"
            f" {names.name_in(names.DECISIONS, a['decision'], lang)}{comment}{paper}{void}"
        )
    if view["methods"]:
        methods = "、".join(
            name(Method, m["method"], lang) + (_(" (consent)") if m["consent_required"] else "")
            for m in view["methods"]
        )
        lines.append(f"{_('methods')}: {methods}")
        if view["consent"] or any(m["consent_required"] for m in view["methods"]):
            lines.append(f"{_('consent')}: {names.name_in(names.CONSENT, view['consent'], lang)}")
    for c in view["clarifications"]:
        scope = f"，{c['scope']}" if c["scope"] else ""
        lines.append(f"  {_('clarified')}: {c['on']} {name(Method, c['method'], lang)}{scope}（{c['actor']}）")
    required = view["notifications"]["required"]
    if required:
        done = {n["recipient"] for n in view["notifications"]["done"]}
        marks = "、".join(f"{name(Recipient, r, lang)}{'✓' if r in done else ''}" for r in required)
        lines.append(f"{_('notify')}: {marks}")
    revisit = view["revisit"]
    if revisit["required"]:
        how = "、".join(
            [name(RevisitTarget, t, lang) for t in revisit["targets"]]
            + [name(RevisitMethod, m, lang) for m in revisit["methods"]]
        )
        lines.append(f"{_('revisit')}: {how}")
        for r in revisit["visits"]:
            done = f" ✓ {r['done_on']} {name(RevisitMethod, r['method'], lang)}" if r["done_on"] else ""
            lines.append(f"  {_('planned')} {r['planned_on']}{done}")
    pinned = view["pinned"]
    versions = ", ".join(f"{k} {v.split(' ')[-1]}" for k, v in pinned["plugin_versions"].items())
    lines.append(f"{_('rules')}: {' → '.join(pinned['chain'])} [{versions}] #{pinned['rules_fingerprint'][:12]}")
    if view["reporter"]["sealed"]:
        lines.append(_("reporter identity: sealed"))
    if view.get("parties"):
        lines.append(f"{_('concerns')}: {party_list(view['parties'], lang)}")
    for h in view.get("history", ()):
        moved = h["to"] and h["from"] != h["to"]
        move = f"{state_name(h['from'], lang) if h['from'] else '∅'} → {state_name(h['to'], lang)}" if moved else ""
        paper = _(" signed on paper {given_on}", given_on=h["given_on"]) if h.get("given_on") else ""
        action = names.name_in(names.EVENTS, h["action"], lang)
        lines.append(f"  #{h['seq']} {h['at'][:19]} {h['actor']} {action}{paper} {move}".rstrip())
        if h.get("changed") is not None:
            lines.extend(f"      {line}" for line in amendment_lines(h, view.get("document"), lang))
    return "\n".join(lines)


def amendment_lines(data: dict[str, Any], document: Any, lang: str) -> list[str]:
    """What an amendment changed, one field a line in Chinese (or English) labels, and its approvals reset."""
    from ..lifecycle.corrections import change_lines

    lines = change_lines(data.get("changed") or data.get("changes") or [], lang, document)
    if data.get("approvals_reset"):
        n = data["approvals_reset"]
        lines.append(
            ngettext(
                "the decision changed: {n} approval superseded, to be given again",
                "the decision changed: {n} approvals superseded, to be given again",
                n,
                lang,
                n=n,
            )
        )
    return lines


def label_kind(kind: str, lang: str) -> str:
    from ..model import CaseKind

    return name(CaseKind, kind, lang)


def list_text(data: dict[str, Any], lang: str) -> str:
    rows = data["cases"]
    _ = translator(lang)
    lines = []
    for row in rows:
        flags = ("⚡" if row["fast_track"] else " ") + ("!" if row["overdue"] else " ")
        due = row["due_on"] or "-"
        lines.append(
            f"{flags} {row['case_id']:<22} {row['jurisdiction']:<26} {pad(state_name(row['state'], lang), 14)} "
            f"{pad(outcome_name(row['outcome'], lang), 12)} {due}"
        )
    lines.append(
        ngettext(
            "{total} case, {shown} shown (⚡ fast track, ! overdue)",
            "{total} cases, {shown} shown (⚡ fast track, ! overdue)",
            data["total"],
            lang,
            total=data["total"],
            shown=len(rows),
        )
    )
    return "\n".join(lines)


def reevaluate_text(data: dict[str, Any], lang: str) -> str:
    _ = translator(lang)
    pinned, current = data["pinned"], data["current"]
    lines = [
        f"{_('case')} {data['case_id']} · {_('as of')} {data['as_of']}",
        f"{_('decided by')}: {' → '.join(pinned['chain'])} #{pinned['rules_fingerprint'][:12]}",
        f"{_('rules today')}: {' → '.join(current['chain'])} #{current['rules_fingerprint'][:12]}",
    ]
    for jid in sorted(set(pinned["plugin_versions"]) | set(current["plugin_versions"])):
        old, new = pinned["plugin_versions"].get(jid), current["plugin_versions"].get(jid)
        if old != new:
            lines.append(f"  {jid}: {old or '-'} → {new or '-'}")
    if not data["decision_changed"]:
        lines.append(_("Today's rules decide the same."))
        return "\n".join(lines)
    lines.append(_("What today's rules say differently:"))
    for d in data["differences"]:
        lines.append(f"  {d['pointer']}: {_short(d['before'])} → {_short(d['after'])}")
    return "\n".join(lines)


def _short(value: Any) -> str:
    import json

    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 80 else text[:77] + "…"


__all__ = ["Organ", "case_text", "list_text", "reevaluate_text"]
