"""The zhengming model: pure data, no I/O."""

from .case import (
    AccountabilityCase,
    AccountabilityFacts,
    AccountableSubject,
    AccountableUnit,
    Accuser,
    Allegation,
    Case,
    Circumstances,
    ClarificationCase,
    Discipline,
    DisciplinedRevisitCase,
    FalseAccusationCase,
    FaultToleranceCase,
    Filing,
    FilingFacts,
    FilingSubject,
    Handling,
    Impact,
    OrganAtLevel,
    ProbationFacts,
    Report,
    RevisitedSubject,
    Shortfall,
    Subject,
)
from .decision import (
    AccountabilityAssessment,
    AccountabilityDecision,
    Approval,
    ClarificationDecision,
    Deadline,
    Decision,
    DisciplinedRevisitDecision,
    DisciplinedRevisitPlan,
    FalseAccusationAssessment,
    FalseAccusationDecision,
    FastTrack,
    FaultToleranceAssessment,
    FaultToleranceDecision,
    MethodOption,
    Notification,
    Probation,
    Referral,
    ReporterTracing,
    Revisit,
    Step,
    Talk,
    Trigger,
)
from .enums import *
from .interchange import BOTH, case_from_document, localized, to_document
from .jurisdiction import CORE_ID, Jurisdiction, ListItem, ListKind, PublishedFigure, SourceDocument
from .letter import LETTER_KINDS, LetterTemplate
from .text import Citation, Text
