"""Paging: ``?page=`` (from 1) and ``?per_page=`` (at most 200); the answer says the total, and a
``Link`` header (RFC 8288) names the next and previous pages."""

from __future__ import annotations

from typing import Any

import attrs
from fastapi import Query, Request, Response

MAX_PER_PAGE = 200


@attrs.frozen
class Page:
    page: int
    per_page: int

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page


def page_params(
    page: int = Query(1, ge=1, le=1_000_000, description="Page number, from 1"),
    per_page: int = Query(50, ge=1, le=MAX_PER_PAGE, description="Items per page"),
) -> Page:
    return Page(page, per_page)


def paged(request: Request, response: Response, items: list[Any], total: int, page: Page) -> dict[str, Any]:
    links = []
    if page.offset + len(items) < total:
        links.append(f'<{request.url.include_query_params(page=page.page + 1)}>; rel="next"')
    if page.page > 1:
        links.append(f'<{request.url.include_query_params(page=page.page - 1)}>; rel="prev"')
    if links:
        response.headers["Link"] = ", ".join(links)
    return {"items": items, "total": total, "page": page.page, "per_page": page.per_page}
