"""杭州市 (``zhejiang.hangzhou``), per the report 杭州多举措保护党员干部干事创业精气神.

Overrides: the 快查快办 green channel at key junctures (第六段), results fed to the personnel departments
(第一段), and the measures against false accusers (第五段). Everything else is the province's.
"""

from __future__ import annotations

from zhengming import (
    ClarificationCase,
    FalseAccusationAssessment,
    FalseAccusationCase,
    FastTrack,
    Jurisdiction,
    JurisdictionLevel,
    Notification,
    Text,
    hookimpl,
)

from . import false_accusation, local
from .source import HANGZHOU_FIGURES, HANGZHOU_REPORT


@hookimpl
def zhengming_jurisdiction() -> Jurisdiction:
    return Jurisdiction(
        id="zhejiang.hangzhou",
        parent="zhejiang",
        names=Text("杭州市", "Hangzhou"),
        level=JurisdictionLevel.CITY,
        documents=(HANGZHOU_REPORT,),
        figures=HANGZHOU_FIGURES,
    )


@hookimpl
def zhengming_fast_track(case: ClarificationCase) -> FastTrack:
    return local.hangzhou_fast_track(case)


@hookimpl
def zhengming_notifications(case: ClarificationCase) -> tuple[Notification, ...]:
    return local.hangzhou_notifications(case)


@hookimpl(wrapper=True)
def zhengming_false_accusation(case: FalseAccusationCase):
    inherited: FalseAccusationAssessment = yield
    return false_accusation.adjust_for_hangzhou(case, inherited)
