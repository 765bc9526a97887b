"""The language of a response: ``?lang=``, else the ``zm_lang`` cookie, else ``Accept-Language``;
zh-CN unless English is asked for."""

from __future__ import annotations

from starlette.requests import HTTPConnection

LANGUAGES = ("zh", "en")


def language(request: HTTPConnection) -> str:
    asked = request.query_params.get("lang") or request.cookies.get("zm_lang")
    if asked in LANGUAGES:
        return asked
    header = request.headers.get("accept-language", "").strip().lower()
    return "en" if header.startswith("en") else "zh"
