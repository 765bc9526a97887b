"""The persistent case lifecycle: intake, evaluation, approvals, consent, clarification, notifications,
archive, revisits and closing, each change with its audit event in one transaction.

:mod:`.machine` is the state machine (no storage); :mod:`.table` holds every action as one row (the
states it applies in, who may take it, what it writes, its label); :mod:`.actions` runs any row on a
stored case; :class:`.service.CaseService` takes each in one transaction (``act``) and says which a
user may take now (``available_actions``). Imports SQLAlchemy.
"""

from .errors import (
    CaseConflict,
    CaseNotFound,
    ConfusableUser,
    ConsentRequired,
    DuplicateCase,
    DuplicateUser,
    FieldNotAmendable,
    InvalidDate,
    InvalidPaperDate,
    InvalidTransition,
    InvalidValue,
    LifecycleError,
    NotAmendable,
    NotPermitted,
    NotSameCase,
    Unexplained,
    UserNotFound,
)
from .service import CaseService
from .states import State, state_label
from .users import add_user, list_users
