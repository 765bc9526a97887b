"""The zhengming model: pure data, no I/O."""

from .case import (
    Accuser,
    Allegation,
    Case,
    Circumstances,
    ClarificationCase,
    FalseAccusationCase,
    FaultToleranceCase,
    Filing,
    FilingFacts,
    Handling,
    Impact,
    OrganAtLevel,
    Report,
    Subject,
)
from .decision import (
    Approval,
    ClarificationDecision,
    Deadline,
    Decision,
    FalseAccusationAssessment,
    FalseAccusationDecision,
    FastTrack,
    FaultToleranceAssessment,
    FaultToleranceDecision,
    MethodOption,
    Notification,
    Revisit,
    Step,
    Trigger,
)
from .enums import *
from .interchange import case_from_document, to_document
from .jurisdiction import CORE_ID, Jurisdiction, ListItem, ListKind, PublishedFigure, SourceDocument
from .text import Citation, Text
