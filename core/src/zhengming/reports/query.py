"""The statistics offices publish, aggregated in SQL (``zhengming report``).

Categories, as the sources publish them (e.g. 杭州: 116 clarifications involving 112 people and 9
units; 1 false accuser punished; 37 fault-tolerance filings covering 57 cadres):

* ``clarified`` — clarification cases with a clarification carried out in the period: cases,
  persons and units they concern, and cases by method (a case clarified two ways counts in both);
* ``false_accusation`` — cases found 诬告陷害 (classification ``malicious``) decided in the period,
  and the people (accusers) dealt with;
* ``fault_tolerance`` — filings decided in the period and the cadres they cover, by outcome;
* ``accountability`` — accountability cases decided in the period and people, by outcome;
* ``overdue`` — cases overdue on the report's last day (``to``, or today if earlier).

Each category is one GROUP BY over ``case_figures`` (and ``clarifications``), grouped by quarter
(of the clarification date or the decision date), by jurisdiction, or not at all. A case clarified
in two quarters counts in each. The queries use the indexes of migration ``0004_report_figures``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Integer, and_, cast, exists, func, literal, or_, select
from sqlalchemy.orm import Session

from ..lifecycle.states import DUE_WATCHED, State
from ..store.models import CaseFigure, CaseRecord, Clarification, RevisitRecord

GROUPINGS = (None, "quarter", "jurisdiction")
ALL = "all"


def _group(by: str | None, day_column, jurisdiction_column):
    if by == "quarter":
        year, month = cast(func.extract("year", day_column), Integer), cast(func.extract("month", day_column), Integer)
        return (year * 10 + (month + 2) // 3).label("grp")
    if by == "jurisdiction":
        return jurisdiction_column.label("grp")
    return literal(ALL).label("grp")


def _visible(viewer: Any):
    """Need-to-know: only the cases ``viewer`` (a ``User`` row) may see count (``None``: every case)."""
    if viewer is None:
        return literal(True)
    from ..security.need_to_know import visible_to

    return CaseFigure.case_pk.in_(select(CaseRecord.id).where(visible_to(viewer)))


def _within(column, jurisdiction: str | None):
    if not jurisdiction:
        return literal(True)
    return or_(column == jurisdiction, column.like(jurisdiction.replace("%", r"\%") + ".%"))


def _label(value: Any, by: str | None) -> str:
    if by == "quarter":
        number = int(value)
        return f"{number // 10}Q{number % 10}"
    return str(value)


def _empty() -> dict[str, Any]:
    return {
        "clarified": {"cases": 0, "persons": 0, "units": 0, "by_method": {}},
        "false_accusation": {"cases": 0, "people": 0},
        "fault_tolerance": {"filings": 0, "cadres": 0, "by_outcome": {}},
        "accountability": {"cases": 0, "people": 0, "by_outcome": {}},
        "overdue": 0,
    }


def report(
    session: Session,
    start: date,
    end: date,
    *,
    jurisdiction: str | None = None,
    by: str | None = None,
    today: date | None = None,
    viewer: Any = None,
) -> dict[str, Any]:
    """The figures of ``[start, end]`` (both included), as plain JSON data.

    :param viewer: the ``User`` asking: only the cases they need to know are counted (need-to-know,
        the same SQL condition as ``case list``); ``None``: every case (benchmarks, the demo).
    """
    if by not in GROUPINGS:
        raise ValueError(f"by must be one of {GROUPINGS}")
    groups: dict[str, dict[str, Any]] = {}

    def group(value: Any) -> dict[str, Any]:
        return groups.setdefault(_label(value, by), _empty())

    f, c = CaseFigure, Clarification
    # clarified: one row per (case, group) first, so a case clarified twice in a group counts once
    grp = _group(by, c.carried_out_on, f.jurisdiction)
    clarified = (
        select(c.case_pk, grp)
        .join(f, f.case_pk == c.case_pk)
        .where(
            c.carried_out_on.between(start, end),
            f.kind == "clarification",
            _within(f.jurisdiction, jurisdiction),
            _visible(viewer),
        )
        .group_by(c.case_pk, grp)
        .subquery()
    )
    totals = (
        select(clarified.c.grp, func.count(), func.sum(f.persons), func.sum(f.units))
        .join(f, f.case_pk == clarified.c.case_pk)
        .group_by(clarified.c.grp)
    )
    for value, cases, persons, units in session.execute(totals):
        group(value)["clarified"].update(cases=cases, persons=int(persons or 0), units=int(units or 0))
    methods = (
        select(grp, c.method, func.count(func.distinct(c.case_pk)))
        .join(f, f.case_pk == c.case_pk)
        .where(
            c.carried_out_on.between(start, end),
            f.kind == "clarification",
            _within(f.jurisdiction, jurisdiction),
            _visible(viewer),
        )
        .group_by(grp, c.method)
    )
    for value, method, cases in session.execute(methods):
        group(value)["clarified"]["by_method"][method] = cases

    # decided cases of the other kinds, by outcome (classification for false accusations)
    grp = _group(by, f.decided_on, f.jurisdiction)
    decided = (
        select(grp, f.kind, f.outcome, f.classification, func.count(), func.sum(f.persons))
        .where(
            f.kind.in_(("false_accusation", "fault_tolerance", "accountability")),
            f.decided_on.between(start, end),
            _within(f.jurisdiction, jurisdiction),
            _visible(viewer),
        )
        .group_by(grp, f.kind, f.outcome, f.classification)
    )
    for value, kind, outcome, classification, cases, persons in session.execute(decided):
        figures, persons = group(value), int(persons or 0)
        if kind == "false_accusation":
            if classification == "malicious":
                figures["false_accusation"]["cases"] += cases
                figures["false_accusation"]["people"] += persons
        elif kind == "fault_tolerance":
            ft = figures["fault_tolerance"]
            ft["filings"] += cases
            ft["cadres"] += persons
            ft["by_outcome"][outcome] = ft["by_outcome"].get(outcome, 0) + cases
        else:
            acc = figures["accountability"]
            acc["cases"] += cases
            acc["people"] += persons
            acc["by_outcome"][outcome] = acc["by_outcome"].get(outcome, 0) + cases

    # overdue on the last day of the period
    on = min(end, today) if today else end
    r = CaseRecord
    late_revisit = exists().where(
        RevisitRecord.case_pk == r.id, RevisitRecord.done_on.is_(None), RevisitRecord.planned_on < on
    )
    late = or_(
        and_(r.due_on < on, r.state.in_([s.value for s in DUE_WATCHED])),
        and_(r.state == State.REVISIT.value, late_revisit),
    )
    if viewer is not None:
        from ..security.need_to_know import visible_to

        late = and_(late, visible_to(viewer))
    if by == "quarter":
        q = on.year * 10 + (on.month + 2) // 3
        overdue = select(literal(q), func.count()).where(late, _within(r.jurisdiction, jurisdiction))
    else:
        grp = r.jurisdiction.label("grp") if by == "jurisdiction" else literal(ALL).label("grp")
        overdue = select(grp, func.count()).where(late, _within(r.jurisdiction, jurisdiction)).group_by(grp)
    for value, count in session.execute(overdue):
        if count:
            group(value)["overdue"] = count

    ordered = dict(sorted(groups.items()))
    return {
        "from": start.isoformat(),
        "to": end.isoformat(),
        "jurisdiction": jurisdiction,
        "by": by,
        "groups": [{"group": key} | value for key, value in ordered.items()],
        "total": _sum(ordered.values()),
    }


def _sum(groups) -> dict[str, Any]:
    total = _empty()
    for g in groups:
        for category, figures in g.items():
            if category == "overdue":
                total["overdue"] += figures
                continue
            for key, value in figures.items():
                if isinstance(value, dict):
                    for k, v in value.items():
                        total[category][key][k] = total[category][key].get(k, 0) + v
                else:
                    total[category][key] += value
    return total
