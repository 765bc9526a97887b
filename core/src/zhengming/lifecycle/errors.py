"""Why a lifecycle action was refused: one exception class per reason, each naming the case or field.

Every error carries a :class:`~zhengming.i18n.Message` (``message``, from the catalog, rendered in the
reader's language) and an exit code of its family. None of them ever includes the reporter's identity.
"""

from __future__ import annotations

from ..errors import ZhengmingError
from ..i18n import Message, Renderable

EXIT_NOT_FOUND = 6
EXIT_CONFLICT = 4
EXIT_REFUSED = 5
EXIT_INVALID = 2


class LifecycleError(ZhengmingError):
    """Base class: ``message`` is shown to people; ``code`` names the refusal for an application layer
    (HTTP problem type); ``exit_code`` is the command's exit status."""

    exit_code = EXIT_REFUSED
    code = "refused"

    def __init__(self, message: Renderable):
        self.message = message
        super().__init__(message.en)


class CaseNotFound(LifecycleError):
    exit_code = EXIT_NOT_FOUND

    code = "case_not_found"

    def __init__(self, case_id: str):
        self.case_id = case_id
        super().__init__(Message("case {case_id} does not exist", case_id=case_id))


class UserNotFound(LifecycleError):
    exit_code = EXIT_NOT_FOUND

    code = "user_not_found"

    def __init__(self, name: str):
        self.name = name
        super().__init__(Message("user {name} does not exist (zhengming users add)", name=name))


class DuplicateUser(LifecycleError):
    exit_code = EXIT_CONFLICT

    code = "duplicate_user"

    def __init__(self, name: str):
        self.name = name
        super().__init__(Message("user {name} already exists", name=name))


class ConfusableUser(LifecycleError):
    """A new user name that looks like an existing one (same Unicode skeleton); names the existing user."""

    exit_code = EXIT_CONFLICT

    def __init__(self, name: str, existing: str):
        self.name = name
        self.existing = existing
        super().__init__(
            Message("user name {name} looks like the existing user {existing}", name=name, existing=existing)
        )


class DuplicateCase(LifecycleError):
    exit_code = EXIT_CONFLICT

    code = "duplicate_case"

    def __init__(self, case_id: str):
        self.case_id = case_id
        super().__init__(Message("case {case_id} already exists", case_id=case_id))


class CaseConflict(LifecycleError):
    """Someone else changed the case between reading and writing it (optimistic locking)."""

    exit_code = EXIT_CONFLICT

    code = "conflict"

    def __init__(self, case_id: str, action: Renderable, expected: int | None = None, found: int | None = None):
        self.case_id = case_id
        self.action = action
        seen = (
            Message(" (you saw version {expected}, it is now {found})", expected=expected, found=found)
            if expected is not None
            else ""
        )
        super().__init__(
            Message(
                "conflict: case {case_id} was changed by someone else at the same time{seen}; "
                "your {action} was not saved — look at the case again and retry",
                case_id=case_id,
                seen=seen,
                action=action,
            )
        )


class InvalidTransition(LifecycleError):
    """The action does not apply to a case in its current state."""

    code = "invalid_transition"

    def __init__(self, case_id: str, state: str, action: Renderable, detail: Renderable | None = None):
        self.case_id = case_id
        self.state = state
        self.action = action
        from .states import state_label

        label = state_label(state)
        extra = Message(": {detail}", detail=detail) if detail else ""
        super().__init__(
            Message(
                "case {case_id} is {state}; cannot {action}{extra}",
                case_id=case_id,
                state=label,
                action=action,
                extra=extra,
            )
        )


class NotPermitted(LifecycleError):
    """The user's role, organ or level does not fit what the step requires."""

    code = "not_permitted"

    def __init__(self, case_id: str, user: str, reason: Renderable):
        self.case_id = case_id
        self.user = user
        self.reason = reason
        super().__init__(
            Message("user {user} may not act on case {case_id}: {reason}", user=user, case_id=case_id, reason=reason)
        )


class ConsentRequired(LifecycleError):
    """A method that needs the subject's consent, without consent given."""

    code = "consent_required"

    def __init__(self, case_id: str, method: str, consent: str | None):
        self.case_id = case_id
        self.method = method
        self.consent = consent
        from ..labels import label
        from ..model import Method

        name = label(Method(method))
        status = {
            "declined": Message("consent: declined"),
            "withdrawn": Message("consent: withdrawn"),
        }.get(consent or "", Message("consent: not recorded"))
        super().__init__(
            Message(
                "refused: {method} on case {case_id} needs the subject's consent, which is {status} "
                "(zhengming case consent)",
                method=name,
                case_id=case_id,
                status=status,
            )
        )


class InvalidValue(LifecycleError):
    """A value given to an action is not one the case allows (a method, recipient, date...)."""

    exit_code = EXIT_INVALID

    code = "invalid_value"

    def __init__(self, field: str, message: Renderable):
        self.field = field
        super().__init__(Message("{field}: {message}", field=field, message=message))


class Unexplained(LifecycleError):
    """The case as stored is not what its audit chain recorded: someone changed the database directly."""

    code = "integrity"

    def __init__(self, case_id: str, action: Renderable, columns: tuple[str, ...]):
        self.case_id = case_id
        self.action = action
        self.columns = columns
        names = ", ".join(columns)
        super().__init__(
            Message(
                "refused to {action}: case {case_id} as stored does not match its audit chain ({names}); the database may have been edited directly — run zhengming audit verify and report it",
                action=action,
                case_id=case_id,
                names=names,
            )
        )


class NotSameCase(LifecycleError):
    """A document given to resume a case describes another case (jurisdiction, subject or allegations)."""

    code = "not_same_case"
    exit_code = EXIT_INVALID

    def __init__(self, case_id: str, fields: list[str]):
        self.case_id = case_id
        self.fields = fields
        names = ", ".join(fields)
        super().__init__(
            Message(
                "not an update of case {case_id}: {names} differ from the stored case; nothing was changed",
                case_id=case_id,
                names=names,
            )
        )


class NotAmendable(InvalidTransition):
    """An intake that can no longer be amended: what was done on it (a clarification carried out, a
    decision taken, a case closed by people) must not change silently (:mod:`.corrections`)."""

    code = "not_amendable"


class FieldNotAmendable(InvalidValue):
    """A field an amendment may not change (the case's id, kind or jurisdiction): names the field."""

    code = "field_not_amendable"

    def __init__(self, case_id: str, field: str):
        self.case_id = case_id
        super().__init__(
            field,
            Message(
                "cannot be amended on case {case_id}; if it is wrong, open a new case and close this one",
                case_id=case_id,
            ),
        )


class InvalidDate(InvalidValue):
    """A date given to an action is out of its bounds: something done dated after today or before the
    case was opened, a revisit planned before it (names the field)."""

    code = "invalid_date"


class InvalidPaperDate(InvalidDate):
    """The date of an approval given on paper is in the future, or before the case or its previous step."""

    def __init__(self, message: Renderable):
        super().__init__("/given_on", message)
