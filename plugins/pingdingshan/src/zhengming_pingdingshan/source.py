"""The policy texts this plugin encodes (平纪发〔2022〕3号 and 4号); each cites itself."""

from datetime import date

from zhengming import SourceDocument

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


# Each document cites itself: ``measure("（三）")``, ``lists("负面清单第5项")`` or ``lists("末段")``.
measure = MEASURES.cite
lists = LISTS.cite
