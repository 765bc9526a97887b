"""The policy texts this plugin encodes (平纪发〔2022〕3号 and 4号), and citations into them."""

from datetime import date
from functools import cache

from zhengming import Citation, SourceDocument

ISSUER = "中共平顶山市纪律检查委员会"

# 平纪发〔2022〕3号: eleven measures numbered （一）…（十一） continuously across four parts.
MEASURES_TITLE = "充分发挥纪检监察职能作用激励干部担当作为的若干措施"
# 平纪发〔2022〕4号: 一、正面清单 (items 1–15), 二、负面清单 (items 1–9), and a closing paragraph.
LISTS_TITLE = "容错免责备案适用情形正负面清单"

# Both notices are dated 2022-12-30 and apply from issue (现印发给你们，请结合实际认真贯彻执行).
MEASURES = SourceDocument(
    title=MEASURES_TITLE, issuer=ISSUER, number="平纪发〔2022〕3号", in_force_from=date(2022, 12, 30)
)
LISTS = SourceDocument(title=LISTS_TITLE, issuer=ISSUER, number="平纪发〔2022〕4号", in_force_from=date(2022, 12, 30))
DOCUMENTS = (MEASURES, LISTS)


@cache  # rules cite the same articles for every case: build each citation once
def measure(*articles: str) -> tuple[Citation, ...]:
    """Citations of measures of 平纪发〔2022〕3号, e.g. ``measure("（三）")``."""
    return tuple(Citation(document=MEASURES_TITLE, article=a) for a in articles)


@cache  # rules cite the same articles for every case: build each citation once
def lists(*articles: str) -> tuple[Citation, ...]:
    """Citations of 平纪发〔2022〕4号, e.g. ``lists("负面清单第5项")`` or ``lists("末段")``."""
    return tuple(Citation(document=LISTS_TITLE, article=a) for a in articles)
