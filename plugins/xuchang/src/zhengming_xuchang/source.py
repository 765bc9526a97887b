"""The policy texts this plugin encodes, and citations into them.

The source is the city commission's interview (答记者问) on its “1+6” documents, published in 许昌日报 on
2023-01-19: the documents themselves are not quoted in full, so a citation names the document the
interview explains and, as its article, the interview's question (shortened) and the item it lists,
e.g. ``答记者问：应当开展澄清正名的情形（三）``.
"""

from datetime import date

from zhengming import SourceDocument

ISSUER = "中共许昌市纪委 许昌市监委"
# The interview gives no issue dates; the documents were in force when it was published (2023-01-19).
PUBLISHED = date(2023, 1, 19)

CLARIFICATION_TITLE = "许昌市纪检监察机关失实检举控告澄清正名工作实施办法"
FILING_TITLE = "许昌市容错事项事前备案办法"
OPINION_TITLE = "关于深入推进激励干部担当作为的实施意见"
CENTRAL_WORK_TITLE = "许昌市纪委监委服务保障市委中心工作高质量推进办法"

DOCUMENTS = tuple(
    SourceDocument(title=title, issuer=ISSUER, in_force_from=PUBLISHED)
    for title in (CLARIFICATION_TITLE, FILING_TITLE, OPINION_TITLE, CENTRAL_WORK_TITLE)
)


def _interview(document: SourceDocument):
    """Citations of ``document`` as the interview explains it: the article names the interview's question."""
    return lambda *articles: document.cite(*(f"答记者问：{a}" for a in articles))


# 《失实检举控告澄清正名工作实施办法》 (``clarification("启动条件")``), 《容错事项事前备案办法》
# (``filing("备案程序")``), 《关于深入推进激励干部担当作为的实施意见》 and 《服务保障市委中心工作高质量推进办法》
# (``central_work(ACCOUNTABLE_WHEN + "（一）")``), as the interview explains them.
clarification, filing, opinion, central_work = (_interview(d) for d in DOCUMENTS)


# The interview's questions, shortened to the article names used in citations.
SITUATIONS = "应当开展澄清正名的情形"
METHODS = "澄清正名方式"
PRINCIPLES = "澄清正名工作原则"
ENTRY = "入口程序"
START = "启动条件"
DISPATCHED = "派驻（出）机构工作程序"
TOWNSHIP = "乡（镇、街道）纪检监察机构工作程序"
UNITS_AND_SOES = "单位或者集体、国有企事业单位纪检监察机构澄清工作"
FILABLE = "可以作为容错事项进行事前备案的情形"
ACCOUNTABLE = "事前备案后追究责任的情形"
FILING_PROCEDURE = "容错事项事前备案程序"
TOLERANCE_AND_CORRECTION = "容错纠错并举"
ACTIVE = "强化主动作为"  # 《实施意见》第三方面
PROBLEMS = "坚持问题导向"  # 《实施意见》第五方面
ACCOUNTABLE_WHEN = "出现哪些情形相关人员会被问责"  # 《中心工作推进办法》
LIGHTER_WHEN = "哪些情况可以从轻、减轻或免予问责"  # 《中心工作推进办法》
