"""The persistent case lifecycle: intake, evaluation, approvals, consent, clarification, notifications,
archive, revisits and closing, each change with its audit event in one transaction.

:mod:`.machine` is the state machine (no storage), :mod:`.actions` applies it to stored cases,
:class:`.service.CaseService` wraps each action in a transaction. Imports SQLAlchemy.
"""

from .errors import (
    CaseConflict,
    CaseNotFound,
    ConfusableUser,
    ConsentRequired,
    DuplicateCase,
    DuplicateUser,
    FieldNotAmendable,
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
