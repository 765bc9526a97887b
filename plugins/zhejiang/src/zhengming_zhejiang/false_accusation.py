"""浙江 《处置诬告陷害行为办法》 as the report describes it (第七、十、十一、十二段): plain functions.

Classification (第十一段): 诬告陷害 is made of its elements — subjective intent (存在主观故意), fabricated
facts, infringing another's personal and political rights with a negative impact in some range
(侵犯他人人身权利和政治权利，在一定范围内造成不良影响), and reaching the threshold of accountability
(达到党纪党规、法律法规责任追究程度). Without intent it is 错告 or 检举失实 and never 诬告陷害.

* intent not established (null) → ``undetermined``;
* intent false → ``mistaken``: 错告 or 检举失实 is exactly the case without intent (“如行为人不具有诬告陷害的
  主观故意，而是错告或检举失实的，不构成诬告陷害”);
* intent true but nothing fabricated → ``undetermined``: with intent it is no 错告, yet without
  fabricated facts the elements are not made out;
* intent and fabrication, but the negative impact or the accountability threshold missing → the
  elements are not all made out: ``undetermined`` (not 诬告陷害, yet not an honest mistake either);
* all elements → ``malicious``.

Measures (第十段), only for ``malicious``, by the accuser's kind. The text names the routes, not a
closed list, so the measures are the routes' options, read like this:

* 党员: 视情节轻重，给予相应组织处理或党纪处分 → ``admonishment`` (诫勉, the organisational handling
  open to a member without a post) and ``party_discipline``;
* 党政领导干部: 组织处理 for cadres (``admonishment``, ``ordered_resignation``, ``removal``,
  ``demotion``) and, as party members, ``party_discipline``;
* 公职人员: ``admonishment`` and, under 政务处分 (contract v1.1), ``government_sanction``;
* any accuser marked ``party_member`` (v1.1) is a 党员 as well: ``party_discipline``;
* everyone: a breach of the criminal law or the public-security law (涉嫌违法犯罪) →
  ``transfer_to_authorities``.

Tracing the reporter (第十二段): 任何单位和个人不得擅自追查检举控告人，对存在诬告陷害，需要追查的，由
县级以上纪检监察机关实施 → only where 诬告陷害 exists (the classification is ``malicious``) *and* only a
discipline commission (纪检监察机关) at county level or above; a 错告 is never traced, and a township organ
may not trace.
"""

from __future__ import annotations

import attrs

from zhengming import (
    AccuserKind,
    Classification,
    FalseAccusationAssessment,
    FalseAccusationCase,
    Level,
    Measure,
    Organ,
    ReporterTracing,
    Text,
    hookimpl,
)

from . import source
from .source import hangzhou, zhejiang


def classify(case: FalseAccusationCase) -> Classification:
    accuser = case.accuser
    if accuser.intent is None:
        return Classification.UNDETERMINED
    if not accuser.intent:
        return Classification.MISTAKEN
    if not accuser.fabricated:
        return Classification.UNDETERMINED
    if accuser.adverse_impact and accuser.reaches_accountability_threshold:
        return Classification.MALICIOUS
    return Classification.UNDETERMINED


CADRE_HANDLING = (Measure.ADMONISHMENT, Measure.ORDERED_RESIGNATION, Measure.REMOVAL, Measure.DEMOTION)
MEASURES_BY_KIND: dict[AccuserKind, tuple[Measure, ...]] = {
    AccuserKind.PARTY_MEMBER: (Measure.ADMONISHMENT, Measure.PARTY_DISCIPLINE),
    AccuserKind.LEADING_CADRE: (*CADRE_HANDLING, Measure.PARTY_DISCIPLINE),
    AccuserKind.PUBLIC_OFFICIAL: (Measure.ADMONISHMENT, Measure.GOVERNMENT_SANCTION),
    AccuserKind.CITIZEN: (),
}

TRACING_LEVELS = frozenset({Level.PROVINCE, Level.CITY, Level.COUNTY})


def measures(case: FalseAccusationCase, classification: Classification) -> tuple[Measure, ...]:
    if classification is not Classification.MALICIOUS:
        return ()
    found = list(MEASURES_BY_KIND[case.accuser.kind])
    # 党员存在诬告陷害行为的……给予相应组织处理或党纪处分: a public official may be a party member too (v1.1).
    if case.accuser.party_member and Measure.PARTY_DISCIPLINE not in found:
        found.append(Measure.PARTY_DISCIPLINE)
    if case.accuser.crime_suspected:
        found.append(Measure.TRANSFER_TO_AUTHORITIES)
    return tuple(found)


NOT_MALICIOUS = Text(
    "第十二段：任何单位和个人不得擅自追查检举控告人；只有存在诬告陷害、需要追查的，才可追查",
    "para. 12: no one may trace a reporter; only where a false accusation exists may it be traced",
)
NOT_COUNTY_COMMISSION = Text(
    "第十二段：需要追查检举控告人的，由县级以上纪检监察机关实施",
    "para. 12: tracing a reporter is for a discipline commission at county level or above",
)


@hookimpl(specname="zhengming_reporter_tracing")
def tracing(case: FalseAccusationCase, assessment: FalseAccusationAssessment) -> ReporterTracing:
    """第十二段: 对存在诬告陷害，需要追查的，由县级以上纪检监察机关实施 — both conditions."""
    organ = case.investigating_organ
    if assessment.classification is not Classification.MALICIOUS:
        return ReporterTracing(allowed=False, reasons=(NOT_MALICIOUS,), citations=zhejiang(source.TRACING))
    if organ.organ is not Organ.DISCIPLINE_COMMISSION or organ.level not in TRACING_LEVELS:
        return ReporterTracing(allowed=False, reasons=(NOT_COUNTY_COMMISSION,), citations=zhejiang(source.TRACING))
    return ReporterTracing(allowed=True, citations=zhejiang(source.TRACING))


@hookimpl(specname="zhengming_false_accusation")
def assess(case: FalseAccusationCase) -> FalseAccusationAssessment:
    classification = classify(case)
    return FalseAccusationAssessment(
        classification=classification,
        measures=measures(case, classification),
        citations=zhejiang(source.DISTINGUISH, source.ELEMENTS, source.MEASURES),
    )


# --- 杭州 (第五段): 依法依规对诬告陷害者予以追责 ------------------------------------------------------


@hookimpl(wrapper=True, specname="zhengming_false_accusation")
def adjust_for_hangzhou(case: FalseAccusationCase):
    """杭州 第五段: 通报曝光诬告陷害典型案例 (``public_exposure``); 与公安机关、司法机关衔接配合 when the
    accuser is suspected of a breach of the law (``police_cooperation``). Only malicious accusers."""
    inherited: FalseAccusationAssessment = yield
    if inherited.classification is not Classification.MALICIOUS:
        return inherited
    added = [Measure.PUBLIC_EXPOSURE] if case.accuser.typical_case else []  # 通报曝光……典型案例
    if case.accuser.crime_suspected:
        added.append(Measure.POLICE_COOPERATION)
    wanted = set(inherited.measures) | set(added)
    return attrs.evolve(
        inherited,
        measures=tuple(m for m in Measure if m in wanted),
        citations=inherited.citations + hangzhou(source.ACCUSERS),
    )
