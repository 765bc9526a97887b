"""Whether the rules a case was decided under let its reporter be traced (追查举报人).

The one place custody asks. A false-accusation case carries the answer of the
``zhengming_reporter_tracing`` hook in its pinned decision (``may_trace_reporter``, with the
decision's citations). Other kinds of case investigate no accuser: their reporter is not traced.
When the rules give every kind of case a tracing answer, point :func:`tracing_allowed` at it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from ..baseline import sources
from ..i18n import Message
from ..model import Text


@attrs.frozen
class Tracing:
    allowed: bool
    reason: Text
    citations: tuple[dict[str, str], ...]


def tracing_allowed(kind: str, decision: Mapping[str, Any]) -> Tracing:
    if kind == "false_accusation":
        allowed = bool(decision.get("may_trace_reporter"))
        cited = tuple(c for c in decision.get("citations", ()) if "追查" in c.get("article", "")) or _core()
        if allowed:
            return Tracing(True, Message("the rules allow tracing the reporter"), cited)
        return Tracing(
            False,
            Message("the rules of this case do not allow tracing the reporter"),
            cited,
        )
    return Tracing(
        False,
        Message("a reporter is traced only in a false-accusation case; nobody may trace one on their own"),
        _core(),
    )


def _core() -> tuple[dict[str, str], ...]:
    return tuple({"document": c.document, "article": c.article} for c in sources.TRACE_REPORTER)
