"""Why a lifecycle action was refused: one exception class per reason, each naming the case or field.

Every error carries a bilingual :class:`~zhengming.model.Text` (``message``) for the command line and
an exit code of its family. None of them ever includes the reporter's identity.
"""

from __future__ import annotations

from ..errors import ZhengmingError
from ..model import Text

EXIT_NOT_FOUND = 6
EXIT_CONFLICT = 4
EXIT_REFUSED = 5
EXIT_INVALID = 2


class LifecycleError(ZhengmingError):
    """Base class: ``message`` is shown to people; ``code`` names the refusal for an application layer
    (HTTP problem type); ``exit_code`` is the command's exit status."""

    exit_code = EXIT_REFUSED
    code = "refused"

    def __init__(self, message: Text):
        self.message = message
        super().__init__(message.en)


class CaseNotFound(LifecycleError):
    exit_code = EXIT_NOT_FOUND

    code = "case_not_found"

    def __init__(self, case_id: str):
        self.case_id = case_id
        super().__init__(Text(f"案件 {case_id} 不存在", f"case {case_id} does not exist"))


class UserNotFound(LifecycleError):
    exit_code = EXIT_NOT_FOUND

    code = "user_not_found"

    def __init__(self, name: str):
        self.name = name
        super().__init__(
            Text(f"用户 {name} 不存在（zhengming users add）", f"user {name} does not exist (zhengming users add)")
        )


class DuplicateUser(LifecycleError):
    exit_code = EXIT_CONFLICT

    code = "duplicate_user"

    def __init__(self, name: str):
        self.name = name
        super().__init__(Text(f"用户 {name} 已存在", f"user {name} already exists"))


class ConfusableUser(LifecycleError):
    """A new user name that looks like an existing one (same Unicode skeleton); names the existing user."""

    exit_code = EXIT_CONFLICT

    def __init__(self, name: str, existing: str):
        self.name = name
        self.existing = existing
        super().__init__(
            Text(
                f"用户名 {name} 与已有用户 {existing} 字形相同或相近，容易混淆",
                f"user name {name} looks like the existing user {existing}",
            )
        )


class DuplicateCase(LifecycleError):
    exit_code = EXIT_CONFLICT

    code = "duplicate_case"

    def __init__(self, case_id: str):
        self.case_id = case_id
        super().__init__(Text(f"案件 {case_id} 已存在", f"case {case_id} already exists"))


class CaseConflict(LifecycleError):
    """Someone else changed the case between reading and writing it (optimistic locking)."""

    exit_code = EXIT_CONFLICT

    code = "conflict"

    def __init__(self, case_id: str, action: Text, expected: int | None = None, found: int | None = None):
        self.case_id = case_id
        self.action = action
        seen = f"（所见版本 {expected}，当前版本 {found}）" if expected is not None else ""
        seen_en = f" (you saw version {expected}, it is now {found})" if expected is not None else ""
        super().__init__(
            Text(
                f"冲突：案件 {case_id} 已被他人同时修改{seen}，本次「{action.zh}」未保存；请查看最新状态后重试",
                f"conflict: case {case_id} was changed by someone else at the same time{seen_en}; "
                f"your {action.en} was not saved — look at the case again and retry",
            )
        )


class InvalidTransition(LifecycleError):
    """The action does not apply to a case in its current state."""

    code = "invalid_transition"

    def __init__(self, case_id: str, state: str, action: Text, detail: Text | None = None):
        self.case_id = case_id
        self.state = state
        self.action = action
        from .states import state_label

        label = state_label(state)
        extra_zh, extra_en = (f"：{detail.zh}", f": {detail.en}") if detail else ("", "")
        super().__init__(
            Text(
                f"案件 {case_id} 处于「{label.zh}」状态，不能{action.zh}{extra_zh}",
                f"case {case_id} is {label.en}; cannot {action.en}{extra_en}",
            )
        )


class NotPermitted(LifecycleError):
    """The user's role, organ or level does not fit what the step requires."""

    code = "not_permitted"

    def __init__(self, case_id: str, user: str, reason: Text):
        self.case_id = case_id
        self.user = user
        self.reason = reason
        super().__init__(
            Text(
                f"用户 {user} 无权办理案件 {case_id}：{reason.zh}",
                f"user {user} may not act on case {case_id}: {reason.en}",
            )
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
        status = {"declined": ("本人不同意", "declined"), "withdrawn": ("本人已撤回同意", "withdrawn")}.get(
            consent or "", ("尚未记录本人同意", "not recorded")
        )
        super().__init__(
            Text(
                f"拒绝执行：案件 {case_id} 的「{name.zh}」须征得澄清对象本人同意，{status[0]}（zhengming case consent）",
                f"refused: {name.en} on case {case_id} needs the subject's consent, which is {status[1]} "
                "(zhengming case consent)",
            )
        )


class InvalidValue(LifecycleError):
    """A value given to an action is not one the case allows (a method, recipient, date...)."""

    exit_code = EXIT_INVALID

    code = "invalid_value"

    def __init__(self, field: str, message: Text):
        self.field = field
        super().__init__(Text(f"{field}：{message.zh}", f"{field}: {message.en}"))


class Unexplained(LifecycleError):
    """The case as stored is not what its audit chain recorded: someone changed the database directly."""

    code = "integrity"

    def __init__(self, case_id: str, action: Text, columns: tuple[str, ...]):
        self.case_id = case_id
        self.action = action
        self.columns = columns
        names = ", ".join(columns)
        super().__init__(
            Text(
                f"拒绝{action.zh}：案件 {case_id} 的存储内容与审计链不符（{names}），可能被直接改动过数据库；"
                "请运行 zhengming audit verify 并报告",
                f"refused to {action.en}: case {case_id} as stored does not match its audit chain ({names}); "
                "the database may have been edited directly — run zhengming audit verify and report it",
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
            Text(
                f"不是案件 {case_id} 的更新：{names} 与原案不同；未作任何改动",
                f"not an update of case {case_id}: {names} differ from the stored case; nothing was changed",
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
            Text(
                f"案件 {case_id} 的此项不能修改；如确有错误，请另行受理新案并办结本案",
                f"cannot be amended on case {case_id}; if it is wrong, open a new case and close this one",
            ),
        )


class InvalidPaperDate(InvalidValue):
    """The date of an approval given on paper is in the future, or before the case or its previous step."""

    code = "invalid_date"

    def __init__(self, message: Text):
        super().__init__("/given_on", message)
