"""National baseline for fault-tolerance filings: no lists, so every filing needs a case-by-case review."""

from zhengming.model import FaultToleranceAssessment, FaultToleranceOutcome
from zhengming.plugin.markers import hookimpl

from . import sources


@hookimpl
def zhengming_fault_tolerance() -> FaultToleranceAssessment:
    return FaultToleranceAssessment(outcome=FaultToleranceOutcome.NEEDS_REVIEW, citations=sources.FAULT_TOLERANCE)
