"""The policy text this plugin encodes, and citations into it."""

from datetime import date
from functools import cache

from zhengming import Citation, SourceDocument

TITLE = "关于建立干部澄清保护机制的实施办法（试行）"

DOCUMENT = SourceDocument(
    title=TITLE,
    issuer="中共济南市委办公厅",
    in_force_from=date(2019, 12, 13),  # 第十六条: 自印发之日起施行 (印发 2019-12-13)
)


@cache
def article(*articles: str) -> tuple[Citation, ...]:
    """Citations of one or more articles (``"第四条（一）"``) of the 济南 measures."""
    return tuple(Citation(document=TITLE, article=a) for a in articles)
