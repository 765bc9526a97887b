"""Chinese and English names of every enumeration value: data for reasons and rendering."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import Enum

from .model import Text
from .model import enums as e

_NAMES: list[tuple[Enum, str, str]] = [
    (e.CaseKind.CLARIFICATION, "澄清正名", "clarification"),
    (e.CaseKind.FALSE_ACCUSATION, "诬告陷害认定", "false-accusation assessment"),
    (e.CaseKind.FAULT_TOLERANCE, "容错免责备案", "fault-tolerance filing"),
    (e.Level.PROVINCE, "省级", "province"),
    (e.Level.CITY, "市级", "city"),
    (e.Level.COUNTY, "县级", "county"),
    (e.Level.TOWNSHIP, "乡镇（街道）", "township"),
    (e.ManagementLevel.UNIT, "本单位", "unit"),
    (e.Organ.PARTY_COMMITTEE, "党委（党组）", "party committee"),
    (e.Organ.DISCIPLINE_COMMISSION, "纪委监委", "discipline inspection commission"),
    (e.Organ.DISPATCHED_AGENCY, "派驻（出）机构", "dispatched discipline agency"),
    (e.Organ.TOWNSHIP_DISCIPLINE, "乡镇（街道）纪（工）委", "township discipline committee"),
    (e.Organ.ORGANIZATION_DEPARTMENT, "组织部门", "organization department"),
    (e.Organ.SOE_DISCIPLINE, "国有企事业单位纪检监察机构", "SOE discipline body"),
    (e.Finding.UNTRUE, "不属实", "untrue"),
    (e.Finding.PARTIALLY_TRUE, "部分属实", "partially true"),
    (e.Finding.TRUE, "属实", "true"),
    (e.Finding.UNVERIFIABLE, "难以查实又不能排除", "unverifiable"),
    (e.ImpactScope.NONE, "未造成不良影响", "no negative impact"),
    (e.ImpactScope.INDIVIDUAL, "对本人造成不良影响", "impact on the person"),
    (e.ImpactScope.UNIT, "在本部门本单位造成不良影响", "impact in the person's unit"),
    (e.ImpactScope.REGION, "在一定区域或行业造成不良影响", "impact in a region or trade"),
    (e.ImpactScope.SOCIETY, "在社会上造成不良影响", "impact in society"),
    (e.ImpactScope.ONLINE, "在网络等传播媒体上造成不良影响", "impact online or in the media"),
    (e.TriggerOutcome.MUST_CLARIFY, "应当澄清", "must clarify"),
    (e.TriggerOutcome.MAY_CLARIFY, "可以澄清", "may clarify"),
    (e.TriggerOutcome.NOT_APPLICABLE, "不适用澄清", "not applicable"),
    (e.TriggerOutcome.DEFERRED, "待其他线索查结后再定", "deferred until other clues are verified"),
    (e.DeadlineAction.DECIDE_WHETHER_TO_START, "决定是否启动澄清", "decide whether to start"),
    (e.StepAction.PROPOSE, "提出建议", "proposes"),
    (e.StepAction.DELIBERATE, "集体研究", "deliberates"),
    (e.StepAction.REVIEW, "审核", "reviews"),
    (e.StepAction.APPROVE, "审批", "approves"),
    (e.StepAction.DECIDE, "研究决定", "decides"),
    (e.StepAction.REPORT, "报告", "is reported to"),
    (e.StepAction.NOTIFY, "告知", "is informed"),
    (e.StepAction.CONSULT, "征求意见", "is consulted"),
    (e.Role.VERIFICATION_TEAM, "核查组", "verification team"),
    (e.Role.PARTY_COMMITTEE_MEETING, "党委（党组）会议", "party committee meeting"),
    (e.Role.HANDLING_DEPARTMENT, "承办部门（单位）", "handling department"),
    (e.Role.AGENCY_HEAD, "本机构（机关）主要负责人", "head of the agency"),
    (e.Role.COMMISSION_HEAD, "纪检监察机关主要负责人", "head of the discipline commission"),
    (e.Role.PARTY_COMMITTEE_HEAD, "同级党委主要负责人", "party committee secretary at the same level"),
    (
        e.Role.SUPERVISING_DEPARTMENT_LEADER,
        "对口联系监督检查部门分管领导",
        "leader in charge of the supervising department",
    ),
    (e.Role.PETITION_DEPARTMENT, "信访举报部门", "petition and report department"),
    (e.Role.ORGANIZATION_DEPARTMENT, "组织部门", "organization department"),
    (e.Role.UNIT_PARTY_GROUP_HEAD, "所在部门党组（党委）主要负责人", "head of the unit's party group"),
    (e.Role.TOWNSHIP_PARTY_COMMITTEE_HEAD, "乡镇（街道）党（工）委主要负责人", "township party secretary"),
    (e.Role.STANDING_COMMITTEE, "纪委常委会", "commission standing committee"),
    (e.Role.LEADERSHIP_MEETING, "领导班子会议", "leadership meeting"),
    (e.Role.CITY_LEADER_IN_CHARGE, "市委、市政府分管领导", "city leader in charge"),
    (e.Method.WRITTEN, "书面澄清", "written clarification"),
    (e.Method.FACE_TO_FACE, "当面澄清", "face-to-face clarification"),
    (e.Method.MEETING, "会议澄清", "clarification at a meeting"),
    (e.Method.NOTICE, "通报澄清", "clarification by notice"),
    (e.Method.MEDIA, "媒体澄清", "clarification in the media"),
    (e.Method.LETTER_FEEDBACK, "函询了结后发函反馈", "letter after a closed written inquiry"),
    (e.Recipient.SUBJECT, "澄清对象本人", "the subject"),
    (e.Recipient.REPORTER, "举报人", "the reporter"),
    (e.Recipient.SUPERIOR_PARTY_ORGANIZATION, "所在单位上级党组织", "the superior party organization"),
    (e.Recipient.UNIT_PARTY_ORGANIZATION, "所在党组织", "the unit's party organization"),
    (e.Recipient.PERSONNEL_DEPARTMENT, "组织人事部门", "the organization and personnel department"),
    (e.Recipient.PROPAGANDA_DEPARTMENT, "宣传部门", "the propaganda department"),
    (e.Recipient.INTEGRITY_ARCHIVE, "廉政档案", "the integrity archive"),
    (e.Recipient.REPORT_PLATFORM, "检举举报平台", "the report platform"),
    (e.RevisitTarget.SUBJECT, "澄清对象", "the subject"),
    (e.RevisitTarget.UNIT, "所在单位", "the unit"),
    (e.RevisitMethod.INDIVIDUAL_MEETING, "个别谈话", "individual meeting"),
    (e.RevisitMethod.SCHEDULED_VISIT, "定期走访", "scheduled visit"),
    (e.RevisitMethod.PHONE, "电话回访", "phone call"),
    (e.RevisitMethod.ENTRUSTED_UNIT, "委托所在单位党组织", "entrusted to the unit's party organization"),
    (e.Classification.MALICIOUS, "诬告陷害", "malicious false accusation"),
    (e.Classification.MISTAKEN, "错告、误告、检举失实", "mistaken report"),
    (e.Classification.UNDETERMINED, "尚未认定", "undetermined"),
    (e.Measure.NOTIFICATION, "通报", "notification"),
    (e.Measure.ADMONISHMENT, "诫勉", "admonishment"),
    (e.Measure.ORDERED_RESIGNATION, "责令辞职", "ordered resignation"),
    (e.Measure.REMOVAL, "免职", "removal from post"),
    (e.Measure.DEMOTION, "降职", "demotion"),
    (e.Measure.PARTY_DISCIPLINE, "纪律处分", "party discipline"),
    (e.Measure.PUBLIC_EXPOSURE, "通报曝光", "public exposure"),
    (e.Measure.TRANSFER_TO_AUTHORITIES, "移送有关国家机关", "transfer to the authorities"),
    (e.Measure.POLICE_COOPERATION, "商请公安机关协助", "police cooperation"),
    (e.Measure.COMPENSATE_VICTIM, "赔偿受害人损失", "compensating the victim"),
    (e.FaultToleranceOutcome.ELIGIBLE, "予以容错免责备案", "eligible"),
    (e.FaultToleranceOutcome.INELIGIBLE, "不予容错免责备案", "ineligible"),
    (e.FaultToleranceOutcome.NEEDS_REVIEW, "需个案研判", "needs review"),
    (e.JurisdictionLevel.NATIONAL, "全国", "national"),
    # --- contract v1.1 ---
    (e.CaseKind.ACCOUNTABILITY, "问责（提醒式问责）", "accountability"),
    (e.CaseKind.DISCIPLINED_REVISIT, "受处分干部回访教育", "revisit education of a disciplined cadre"),
    (e.DeadlineAction.COMPLETE_CLARIFICATION, "完成澄清", "complete the clarification"),
    (e.DeadlineAction.GIVE_FEEDBACK, "反馈", "give feedback"),
    (e.DeadlineAction.REVISIT, "回访", "revisit"),
    (e.Role.APPLICANT, "申请人", "applicant"),
    (e.Role.COMMISSION_SECRETARY, "纪委书记或副书记", "commission secretary or deputy"),
    (e.Role.COMMISSION_STANDING_MEMBER, "纪委常委或监委委员", "commission standing member"),
    (e.Role.STYLE_SUPERVISION_OFFICE, "党风政风监督室", "conduct supervision office"),
    (e.Role.CASE_TRIAL_OFFICE, "案件审理室", "case trial office"),
    (e.Role.UNIT_PARTY_ORGANIZATION, "所在单位党组织", "the unit's party organization"),
    (e.Measure.GOVERNMENT_SANCTION, "政务处分", "government sanction"),
    (e.Measure.CRITICISM_EDUCATION, "批评教育", "criticism and education"),
    (e.Relief.EXEMPT, "免除责任", "exempt"),
    (e.Relief.REDUCED, "减轻责任", "reduced"),
    (e.SubjectPosition.PRINCIPAL, "主要领导", "principal leader"),
    (e.SubjectPosition.LEADER_IN_CHARGE, "分管领导", "leader in charge"),
    (e.SubjectPosition.RESPONSIBLE_LEADER, "相关责任领导", "responsible leader"),
    (e.SubjectPosition.STAFF, "一般干部", "staff"),
    (e.UnitKind.COUNTY, "县（市、区）", "county"),
    (e.UnitKind.CITY_DEPARTMENT, "市直单位", "city department"),
    (e.UnitKind.TASK_FORCE, "牵头单位/工作专班", "task force"),
    (e.UnitKind.TOWNSHIP, "乡镇（街道）", "township"),
    (e.UnitKind.OTHER, "其他单位", "other unit"),
    (e.ShortfallKind.POOR_IMPLEMENTATION, "工作落实不力", "poor implementation"),
    (e.ShortfallKind.NAMED_CRITICISM, "被点名批评或通报批评", "named criticism"),
    (e.ShortfallKind.RANKED_LAST, "评比考核排名末位", "ranked last"),
    (e.ShortfallKind.OTHER, "其他", "other"),
    (e.CriticizedBy.CITY_LEADER, "市领导点名批评", "named by a city leader"),
    (e.CriticizedBy.CITY_PRINCIPAL_LEADER, "市委市政府主要领导点名批评", "named by the city's principal leaders"),
    (e.CriticizedBy.PROVINCIAL_LEADER, "省级以上领导点名批评", "named by a provincial leader"),
    (e.CriticizedBy.CITY_NOTICE, "市级通报批评", "city notice of criticism"),
    (e.CriticizedBy.PROVINCIAL_NOTICE, "省级以上通报批评", "provincial notice of criticism"),
    (e.Ranking.MONTHLY_REVIEW, "市政府“月讲评”", "city monthly review"),
    (e.Ranking.CITY_ASSESSMENT, "全市评比考核", "city assessment"),
    (e.Ranking.PROVINCIAL_ASSESSMENT, "全省评比考核", "provincial assessment"),
    (e.AccountabilityOutcome.NO_ACCOUNTABILITY, "不予问责", "no accountability"),
    (e.AccountabilityOutcome.REMINDER, "提醒式问责（先谈话、限期整改，再作决定）", "reminder first"),
    (e.AccountabilityOutcome.EXEMPT, "免予问责", "exempt"),
    (e.AccountabilityOutcome.LIGHTER, "从轻问责", "lighter"),
    (e.AccountabilityOutcome.REDUCED, "减轻问责", "reduced"),
    (e.AccountabilityOutcome.PROCEED, "依规依纪依法问责", "accountability proceeds"),
    (e.AccountabilityOutcome.NEEDS_REVIEW, "需个案研判", "needs review"),
    (e.AccountabilityMeasure.TALK_REMINDER, "谈话提醒（约谈提醒）", "reminder talk"),
    (e.AccountabilityMeasure.CRITICISM_EDUCATION, "批评教育", "criticism and education"),
    (e.DisciplineKind.PARTY_DISCIPLINE, "党纪处分", "party discipline"),
    (e.DisciplineKind.GOVERNMENT_SANCTION, "政务处分", "government sanction"),
    (e.DisciplineKind.ACCOUNTABILITY, "问责", "accountability"),
    (e.RevisitTopic.VIOLATION_FACTS, "违纪事实", "the violation"),
    (e.RevisitTopic.ORGANIZATIONAL_CARE, "组织关爱", "the organization's care"),
    # --- values of intake fields, named when an amendment shows what changed ---
    (e.SubjectKind.PERSON, "个人", "person"),
    (e.SubjectKind.ORGANIZATION, "党组织或单位", "organization"),
    (e.Channel.LETTER, "来信", "letter"),
    (e.Channel.VISIT, "来访", "visit"),
    (e.Channel.ONLINE, "网络举报", "online"),
    (e.Channel.PHONE, "电话举报", "phone"),
    (e.Channel.REFERRAL, "上级转办或有关部门移交", "referral"),
    (e.Channel.OTHER, "其他", "other"),
    (e.AccuserKind.PARTY_MEMBER, "党员", "party member"),
    (e.AccuserKind.PUBLIC_OFFICIAL, "公职人员", "public official"),
    (e.AccuserKind.LEADING_CADRE, "党政领导干部", "leading cadre"),
    (e.AccuserKind.CITIZEN, "群众", "citizen"),
    (e.FilingTiming.BEFORE, "事前备案", "before"),
    (e.FilingTiming.AFTER, "事后申请", "after"),
    (e.AdverseImpact.NONE, "未造成不良影响或损失", "none"),
    (e.AdverseImpact.MINOR, "不良影响或损失较小", "minor"),
    (e.AdverseImpact.MAJOR, "造成重大不良影响或损失", "major"),
]
# Keyed by (class, value): StrEnum members of different classes with one value compare equal.
_BY_MEMBER: dict[tuple[type, str], Text] = {(type(m), m.value): Text(zh, en) for m, zh, en in _NAMES}
# Management and jurisdiction levels that are also organ levels share the organ level's name.
for _levels in (e.ManagementLevel, e.JurisdictionLevel):
    for _member in _levels:
        if (e.Level, _member.value) in _BY_MEMBER:
            _BY_MEMBER[(_levels, _member.value)] = _BY_MEMBER[(e.Level, _member.value)]


def label(value: Enum) -> Text:
    """The bilingual name of an enumeration member (its raw value when it has none)."""
    return _BY_MEMBER.get((type(value), value.value)) or Text(str(value.value), str(value.value))


def join(values, lang: str) -> str:
    separator = "、" if lang == "zh" else ", "
    return separator.join(label(v).render(lang) for v in values)


def parse(cls: type[Enum], typed: str) -> Enum | None:
    """The member of ``cls`` a person typed: its code (``meeting``), its Chinese name (``会议澄清``) or its
    English name (``meeting``); ``None`` when it is none of them."""
    text = (typed or "").strip()
    for member in cls:
        name = label(member)
        if text in (member.value, name.zh, name.en):
            return member
    return None


def named(codes: Iterable[str], name_of: Callable[[str], str | None]) -> Text:
    """``codes`` as a person may type them: ``举报人（reporter）、…`` in Chinese (a code with no other name
    alone), the codes in English; ``-`` for none."""
    codes = [str(code) for code in codes]
    zh = [f"{name}（{code}）" if (name := name_of(code)) and name != code else code for code in codes]
    return Text("、".join(zh) or "-", ", ".join(codes) or "-")


def typed(cls: type[Enum], codes: Iterable[str]) -> Text:
    """``codes`` of ``cls`` named as :func:`named` does; a value that is not a code of ``cls`` is shown as it is."""

    def name_of(code: str) -> str | None:
        try:
            return label(cls(code)).zh
        except ValueError:
            return None

    return named(codes, name_of)


def choices(cls: type[Enum], lang: str) -> str:
    """The values of ``cls`` as a person may type them: ``会议澄清（meeting）、…``."""
    return typed(cls, [member.value for member in cls]).render(lang)


# The subject's answer on public clarification (本人意见), as a person may type it.
CONSENT_NAMES = {"given": ("同意", "given"), "declined": ("不同意", "declined"), "withdrawn": ("撤回同意", "withdrawn")}


def consent_choices(statuses: Iterable[str] = CONSENT_NAMES) -> Text:
    """The subject's answers as a person may type them: ``同意（given）、…``."""
    return named(statuses, lambda status: CONSENT_NAMES[status][0])


def parse_consent(typed: str) -> str | None:
    text = (typed or "").strip()
    return next((code for code, names in CONSENT_NAMES.items() if text == code or text in names), None)
