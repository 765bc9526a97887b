"""The texts this distribution encodes, their in-force dates, citations into them, and published figures.

Both sources are news reports, not the policy texts themselves, so there are no article numbers. A
citation names the report's title and the paragraph (``第N段``) with a short key phrase to find it.

Paragraph numbering of the 浙江 report (``shared/seeds/001_a776940b8fccbb06.txt``): body paragraphs
are counted as stored in the seed, after the title and the subtitle (为担当者担当 为干事者撑腰); the two
section headings (严查诬告陷害…, 探索澄清工作闭环管理…) are not counted; a paragraph split over
several lines by the page layout counts once; the passage the seed repeats (为进一步做好澄清工作
“后半篇文章”…) is counted where it first appears (第十四段) and again where it recurs. So:

====  ==========================================================================================
段     content
====  ==========================================================================================
第二段   出台《澄清工作实施办法》《处置诬告陷害行为办法》；乡镇（街道）纪（工）委拟澄清的，经本机构主要负责人
        审核，报县级纪检监察机构信访举报部门批准后实施
第三段   书面、当面、会议、通报澄清；会议、通报等较大范围公开澄清的，实施前征求澄清对象本人意见
第四段   几对关系：为受到失实检举控告影响的党员干部澄清，防止无原则偏袒；只对失实的具体问题澄清
第六段   截至2022年底的数据
第七段   明确区分错告、误告和诬告陷害
第十段   党员诬告陷害的组织处理或党纪处分；按公职人员、党政领导干部的不同情形追究责任
第十一段  诬告陷害的构成要件；无主观故意的错告、检举失实不构成诬告陷害
第十二段  不得擅自追查检举控告人；需要追查的由县级以上纪检监察机关实施
第十四段  宁波市江北区“双回访”；温州市平阳县、绍兴市越城区“一人一策”“一人一档”；衢州市龙游县、
        丽水市缙云县回访“套餐”（单独见面、定期约访、电话回访）
第二十一段 承办部门将澄清材料录入检举举报平台，存入廉政档案，适时开展回访
第二十五段 绍兴市上虞区实名检举控告“三见面三反馈”
====  ==========================================================================================

The 杭州 report (``shared/seeds/002_58e70d3e6791b54d.txt``) is cited by its ``<p>`` paragraphs after the
line 原标题: 第一段 (章海锋: results fed to the personnel departments), 第五段 (追责诬告陷害者), 第六段
(methods, 快查快办绿色通道, figures), 第八段 (容错免责 figures).
"""

from __future__ import annotations

from datetime import date

from zhengming import Citation, PublishedFigure, SourceDocument, Text

# --- 浙江 -------------------------------------------------------------------------------------

ZHEJIANG_TITLE = "浙江健全澄清正名工作规范构建良好政治生态"

ZHEJIANG_REPORT = SourceDocument(
    title=ZHEJIANG_TITLE,
    issuer="中共浙江省纪委、浙江省监委（报道所述《浙江省纪检监察机关失实检举控告澄清工作实施办法》"
    "《浙江省纪检监察机关处置诬告陷害行为暂行办法》）",
    # The report gives no date for either measure ("近年来…出台"). It quotes the speech at the
    # 二十届中央纪委二次全会, which opened on 2023-01-09, so it was written on or after that day and
    # describes the measures as already in force then. Any earlier date would be a guess: we take
    # 2023-01-09, the earliest date the text itself proves, and cases dated earlier fall back to core.
    in_force_from=date(2023, 1, 9),
)

APPROVAL = "第二段（本机构主要负责人审核，报县级纪检监察机构信访举报部门批准）"
METHODS = "第三段（书面、当面、会议、通报澄清；会议、通报澄清前征求本人意见）"
RELATIONS = "第四段（为受到失实检举控告影响的党员干部澄清；只对失实的具体问题澄清）"
FIGURES = "第六段（截至2022年底的澄清正名及查处诬告陷害数据）"
DISTINGUISH = "第七段（明确区分错告、误告和诬告陷害）"
MEASURES = "第十段（党员给予组织处理或党纪处分；公职人员、党政领导干部按不同情形追究责任）"
ELEMENTS = "第十一段（诬告陷害的构成要件；无主观故意的错告、检举失实不构成诬告陷害）"
TRACING = "第十二段（需要追查检举控告人的，由县级以上纪检监察机关实施）"
RECORDS = "第二十一段（录入检举举报平台，存入党员干部廉政档案，适时开展回访）"
DOUBLE_REVISIT = "第十四段（宁波市江北区“双回访”：同时回访本人及所在单位）"
ONE_PERSON_PLAN = "第十四段（温州市平阳县、绍兴市越城区：“一人一策”回访方案，“一人一档”回访台账）"
REVISIT_PACKAGE = "第十四段（衢州市龙游县、丽水市缙云县回访“套餐”：单独见面、定期约访、电话回访）"
THREE_MEETINGS = "第二十五段（绍兴市上虞区实名检举控告“三见面三反馈”）"


zhejiang = ZHEJIANG_REPORT.cite  # citations of paragraphs of the 浙江 report


# --- 杭州 -------------------------------------------------------------------------------------

HANGZHOU_TITLE = "杭州多举措保护党员干部干事创业精气神"

HANGZHOU_REPORT = SourceDocument(
    title=HANGZHOU_TITLE,
    issuer="杭州市纪委监委",
    # The seed dates the report "Sun, 07 Nov 2021 23:45:49 GMT", i.e. 2021-11-08 in Beijing. The
    # practices it reports ("今年以来", "自去年以来") were in place earlier, but on no date the text
    # gives; the publication date is the earliest the text proves.
    in_force_from=date(2021, 11, 8),
)

PERSONNEL = "第一段（确认举报不实后，及时把核查结果反馈给组织人事部门）"
ACCUSERS = "第五段（与组织人事部门、公安机关、司法机关衔接配合，通报曝光诬告陷害典型案例）"
GREEN_CHANNEL = "第六段（换届选举、行政区划调整、干部选拔任用等重要节点，快查快办绿色通道）"
CLARIFICATION_COUNTS = "第六段（澄清失实检举控告116件，涉及112人及9家单位，查处诬告陷害1人）"
FAULT_TOLERANCE_FIGURES = "第八段（办理容错免责备案事项37起，为57名党员干部容错免责）"


hangzhou = HANGZHOU_REPORT.cite  # citations of paragraphs of the 杭州 report


# --- published figures (metadata for reports) -------------------------------------------------


def _figures(period: str, citations: tuple[Citation, ...], *rows: tuple[str, int, str, str]):
    """Figures of one ``period`` from one source paragraph: rows of (key, value, zh, en)."""
    cite = citations[0]
    return tuple(
        PublishedFigure(key=k, value=v, description=Text(zh, en), period=period, citation=cite) for k, v, zh, en in rows
    )


ZHEJIANG_FIGURES = _figures(
    "截至2022年底",
    zhejiang(FIGURES),
    ("officials_clarified", 4829, "为受到失实检举控告的党员干部澄清正名（名）", "officials cleared of untrue reports"),
    ("party_organizations_clarified", 136, "为受到失实检举控告的党组织澄清正名（个）", "party organizations cleared of untrue reports"),
    ("false_accusation_cases", 184, "查处诬告陷害行为（起）", "false-accusation cases dealt with"),
    ("false_accusation_people", 235, "查处诬告陷害行为涉及人数（人）", "people dealt with for false accusation"),
)  # fmt: skip

# "自去年以来" in a report of November 2021: from 2020 until the report.
SINCE_2020 = "2020年以来（至2021年11月报道时）"
HANGZHOU_FIGURES = _figures(
    SINCE_2020,
    hangzhou(CLARIFICATION_COUNTS),
    ("clarifications", 116, "澄清失实检举控告（件）", "untrue reports clarified"),
    ("people_clarified", 112, "澄清涉及党员干部（人）", "people cleared"),
    ("units_clarified", 9, "澄清涉及单位（家）", "units cleared"),
    ("false_accusers_punished", 1, "查处诬告陷害（人）", "false accusers dealt with"),
) + _figures(
    SINCE_2020,
    hangzhou(FAULT_TOLERANCE_FIGURES),
    ("fault_tolerance_filings", 37, "办理容错免责备案事项（起）", "fault-tolerance filings handled"),
    ("fault_tolerance_cadres", 57, "容错免责的党员干部（名）", "officials granted fault tolerance"),
)  # fmt: skip
