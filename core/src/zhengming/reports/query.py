"""The statistics offices publish, aggregated in SQL (``zhengming report``).

Categories, as the sources publish them (e.g. 杭州: 116 clarifications involving 112 people and 9
units; 1 false accuser punished; 37 fault-tolerance filings covering 57 cadres):

* ``clarified`` — clarification cases first clarified in the period: cases, persons and units they
  concern, and cases by method (a case clarified two ways counts under both);
* ``false_accusation`` — cases found 诬告陷害 (classification ``malicious``) decided in the period,
  and the people (accusers) dealt with;
* ``fault_tolerance`` — filings decided in the period and the cadres they cover, by outcome;
* ``accountability`` — accountability cases decided in the period and people, by outcome;
* ``overdue`` — cases overdue on the report's last day (``to``, or today if earlier).

Every category but ``overdue`` comes from one GROUP BY over ``case_figures``, on the day each case
counts on (``counted_on``: its first clarification, or its decision), grouped by quarter of that day,
by jurisdiction, or not at all; so a case counts once, and the quarters add up to the year. It reads
the covering index ``ix_case_figures_counted`` (migration ``0007_report_counted``) and nothing else;
``overdue`` is one count over ``cases`` (its state and due date change with every step).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Integer, and_, cast, exists, func, literal, or_, select
from sqlalchemy.orm import Session

from ..lifecycle.states import DUE_WATCHED, State
from ..store.models import CaseFigure, CaseRecord, RevisitRecord
from .figures import method_list

GROUPINGS = (None, "quarter", "jurisdiction")
ALL = "all"


def _group(by: str | None, day_column, jurisdiction_column):
    if by == "quarter":
        year, month = cast(func.extract("year", day_column), Integer), cast(func.extract("month", day_column), Integer)
        return (year * 10 + (month + 2) // 3).label("grp")
    if by == "jurisdiction":
        return jurisdiction_column.label("grp")
    return literal(ALL).label("grp")


# the columns need-to-know and --jurisdiction read (case_figures keeps copies of the case's: no join)
SEATED = ("jurisdiction", "handling_organ", "handling_level", "seats")


def _visible(viewer: Any, rows: Any):
    """Need-to-know: only the cases ``viewer`` (a ``User`` row) may see count (``None``: every case)."""
    if viewer is None:
        return literal(True)
    from ..security.need_to_know import visible_to

    return visible_to(viewer, rows)


def _within(column, jurisdiction: str | None):
    if not jurisdiction:
        return literal(True)
    return or_(column == jurisdiction, column.startswith(jurisdiction + ".", autoescape=True))


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

    f = CaseFigure
    # Grouped twice: first by the covering index's own columns (read in index order, so streamed
    # without a sort: a million rows become some thousands), then, on those, need-to-know and
    # --jurisdiction are applied and the groups folded by quarter or jurisdiction. Grouping a million
    # rows by an expression of the day at once makes the planner misjudge the groups and sort them all
    # (0.6 s at 1M cases); filtering them one by one costs 0.5 s. OFFSET 0 keeps both databases from
    # pushing the filters back down into the first grouping (with no filter, it is left out).
    keys = [f.counted_on, f.kind, f.outcome, f.classification, f.methods]  # a prefix of the index, whatever is added
    if viewer is not None:
        keys += [getattr(f, c) for c in SEATED]
    elif by == "jurisdiction" or jurisdiction:
        keys.append(f.jurisdiction)
    days = (
        select(
            *keys, func.count().label("cases"), func.sum(f.persons).label("persons"), func.sum(f.units).label("units")
        )
        .where(f.counted_on.between(start, end))
        .group_by(*keys)
    )
    if viewer is not None or jurisdiction:
        days = days.offset(0)
    days = days.subquery()
    d = days.c
    grp = _group(by, d.counted_on, d.get("jurisdiction"))
    counted = (
        select(
            grp,
            d.kind,
            d.outcome,
            d.classification,
            d.methods,
            func.sum(d.cases),
            func.sum(d.persons),
            func.sum(d.units),
        )
        .where(_within(d.get("jurisdiction"), jurisdiction), _visible(viewer, d))
        .group_by(grp, d.kind, d.outcome, d.classification, d.methods)
    )
    for value, kind, outcome, classification, methods, cases, persons, units in session.execute(counted):
        figures, cases, persons, units = group(value), int(cases), int(persons or 0), int(units or 0)
        if kind == "clarification":
            cl = figures["clarified"]
            cl["cases"] += cases
            cl["persons"] += persons
            cl["units"] += units
            for method in method_list(methods):  # a case clarified two ways counts under both
                cl["by_method"][method] = cl["by_method"].get(method, 0) + cases
        elif kind == "false_accusation":
            if classification == "malicious":
                figures["false_accusation"]["cases"] += cases
                figures["false_accusation"]["people"] += persons
        elif kind == "fault_tolerance":
            ft = figures["fault_tolerance"]
            ft["filings"] += cases
            ft["cadres"] += persons
            ft["by_outcome"][outcome] = ft["by_outcome"].get(outcome, 0) + cases
        elif kind == "accountability":
            acc = figures["accountability"]
            acc["cases"] += cases
            acc["people"] += persons
            acc["by_outcome"][outcome] = acc["by_outcome"].get(outcome, 0) + cases

    # overdue on the last day of the period: a decision or probation past its due date, counted from
    # the index ix_cases_state_due alone (it holds the need-to-know columns too); a revisit past its
    # planned day (few rows). The two sets of states do not meet, so the counts add up.
    on = min(end, today) if today else end
    r = CaseRecord
    late_revisit = exists().where(
        RevisitRecord.case_pk == r.id, RevisitRecord.done_on.is_(None), RevisitRecord.planned_on < on
    )
    lates = [
        and_(r.state.in_([s.value for s in DUE_WATCHED]), r.due_on < on),
        and_(r.state == State.REVISIT.value, late_revisit),
    ]
    if by == "quarter":
        grp = literal(on.year * 10 + (on.month + 2) // 3).label("grp")
    else:
        grp = r.jurisdiction.label("grp") if by == "jurisdiction" else literal(ALL).label("grp")
    for late in lates:
        if viewer is not None:
            from ..security.need_to_know import visible_to

            late = and_(late, visible_to(viewer))
        overdue = select(grp, func.count()).where(late, _within(r.jurisdiction, jurisdiction)).group_by(grp)
        for value, count in session.execute(overdue):
            if count:
                group(value)["overdue"] += count

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
