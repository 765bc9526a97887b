"""Refusals of the security layer: not authenticated, or not allowed. Each carries a ``code`` for an
application layer (HTTP 401/403) and a bilingual message; no CLI flag is named here."""

from __future__ import annotations

from ..lifecycle.errors import EXIT_REFUSED, LifecycleError
from ..model import Text

EXIT_UNAUTHENTICATED = 7


class NotAuthenticated(LifecycleError):
    code = "unauthenticated"
    exit_code = EXIT_UNAUTHENTICATED

    def __init__(self, message: Text | None = None):
        super().__init__(
            message
            or Text(
                "未通过身份验证：令牌无效、过期或已吊销",
                "not authenticated: the token is unknown, expired or revoked",
            )
        )


class Forbidden(LifecycleError):
    code = "forbidden"
    exit_code = EXIT_REFUSED

    def __init__(self, reason: Text):
        self.reason = reason
        super().__init__(Text(f"不允许：{reason.zh}", f"not allowed: {reason.en}"))
