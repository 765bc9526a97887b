"""Enumerations of the interchange contract (shared/spec/interchange.md), one class per value set.

The values are fixed by the public contract; tests check that the JSON Schemas list exactly these.
"""

from enum import StrEnum


class CaseKind(StrEnum):
    CLARIFICATION = "clarification"
    FALSE_ACCUSATION = "false_accusation"
    FAULT_TOLERANCE = "fault_tolerance"
    ACCOUNTABILITY = "accountability"
    DISCIPLINED_REVISIT = "disciplined_revisit"


class SubjectKind(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"


class Level(StrEnum):
    """Level of an organ (handling, investigating, implementing, or a role's organ)."""

    PROVINCE = "province"
    CITY = "city"
    COUNTY = "county"
    TOWNSHIP = "township"


class ManagementLevel(StrEnum):
    """干部管理权限: who manages the cadre."""

    PROVINCE = "province"
    CITY = "city"
    COUNTY = "county"
    TOWNSHIP = "township"
    UNIT = "unit"


class Channel(StrEnum):
    LETTER = "letter"
    VISIT = "visit"
    ONLINE = "online"
    PHONE = "phone"
    REFERRAL = "referral"
    OTHER = "other"


class Organ(StrEnum):
    PARTY_COMMITTEE = "party_committee"
    DISCIPLINE_COMMISSION = "discipline_commission"
    DISPATCHED_AGENCY = "dispatched_agency"
    TOWNSHIP_DISCIPLINE = "township_discipline"
    ORGANIZATION_DEPARTMENT = "organization_department"
    SOE_DISCIPLINE = "soe_discipline"


class Finding(StrEnum):
    UNTRUE = "untrue"
    PARTIALLY_TRUE = "partially_true"
    TRUE = "true"
    UNVERIFIABLE = "unverifiable"


class ImpactScope(StrEnum):
    NONE = "none"
    INDIVIDUAL = "individual"
    UNIT = "unit"
    REGION = "region"
    SOCIETY = "society"
    ONLINE = "online"


class AccuserKind(StrEnum):
    PARTY_MEMBER = "party_member"
    PUBLIC_OFFICIAL = "public_official"
    LEADING_CADRE = "leading_cadre"
    CITIZEN = "citizen"


class FilingTiming(StrEnum):
    BEFORE = "before"
    AFTER = "after"


class AdverseImpact(StrEnum):
    NONE = "none"
    MINOR = "minor"
    MAJOR = "major"


class TriggerOutcome(StrEnum):
    MUST_CLARIFY = "must_clarify"
    MAY_CLARIFY = "may_clarify"
    NOT_APPLICABLE = "not_applicable"
    DEFERRED = "deferred"


class DeadlineAction(StrEnum):
    DECIDE_WHETHER_TO_START = "decide_whether_to_start"
    COMPLETE_CLARIFICATION = "complete_clarification"
    GIVE_FEEDBACK = "give_feedback"
    REVISIT = "revisit"


class StepAction(StrEnum):
    PROPOSE = "propose"
    DELIBERATE = "deliberate"
    REVIEW = "review"
    APPROVE = "approve"
    DECIDE = "decide"
    REPORT = "report"
    NOTIFY = "notify"
    CONSULT = "consult"


class Role(StrEnum):
    VERIFICATION_TEAM = "verification_team"
    PARTY_COMMITTEE_MEETING = "party_committee_meeting"
    HANDLING_DEPARTMENT = "handling_department"
    AGENCY_HEAD = "agency_head"
    COMMISSION_HEAD = "commission_head"
    PARTY_COMMITTEE_HEAD = "party_committee_head"
    SUPERVISING_DEPARTMENT_LEADER = "supervising_department_leader"
    PETITION_DEPARTMENT = "petition_department"
    ORGANIZATION_DEPARTMENT = "organization_department"
    UNIT_PARTY_GROUP_HEAD = "unit_party_group_head"
    TOWNSHIP_PARTY_COMMITTEE_HEAD = "township_party_committee_head"
    STANDING_COMMITTEE = "standing_committee"
    LEADERSHIP_MEETING = "leadership_meeting"
    CITY_LEADER_IN_CHARGE = "city_leader_in_charge"
    APPLICANT = "applicant"
    COMMISSION_SECRETARY = "commission_secretary"
    COMMISSION_STANDING_MEMBER = "commission_standing_member"
    STYLE_SUPERVISION_OFFICE = "style_supervision_office"
    CASE_TRIAL_OFFICE = "case_trial_office"
    UNIT_PARTY_ORGANIZATION = "unit_party_organization"


class Method(StrEnum):
    WRITTEN = "written"
    FACE_TO_FACE = "face_to_face"
    MEETING = "meeting"
    NOTICE = "notice"
    MEDIA = "media"
    LETTER_FEEDBACK = "letter_feedback"


class Recipient(StrEnum):
    SUBJECT = "subject"
    REPORTER = "reporter"
    SUPERIOR_PARTY_ORGANIZATION = "superior_party_organization"
    UNIT_PARTY_ORGANIZATION = "unit_party_organization"
    PERSONNEL_DEPARTMENT = "personnel_department"
    PROPAGANDA_DEPARTMENT = "propaganda_department"
    INTEGRITY_ARCHIVE = "integrity_archive"
    REPORT_PLATFORM = "report_platform"


class RevisitTarget(StrEnum):
    SUBJECT = "subject"
    UNIT = "unit"


class RevisitMethod(StrEnum):
    INDIVIDUAL_MEETING = "individual_meeting"
    SCHEDULED_VISIT = "scheduled_visit"
    PHONE = "phone"
    ENTRUSTED_UNIT = "entrusted_unit"


class Classification(StrEnum):
    MALICIOUS = "malicious"
    MISTAKEN = "mistaken"
    UNDETERMINED = "undetermined"


class Measure(StrEnum):
    NOTIFICATION = "notification"
    ADMONISHMENT = "admonishment"
    ORDERED_RESIGNATION = "ordered_resignation"
    REMOVAL = "removal"
    DEMOTION = "demotion"
    PARTY_DISCIPLINE = "party_discipline"
    PUBLIC_EXPOSURE = "public_exposure"
    TRANSFER_TO_AUTHORITIES = "transfer_to_authorities"
    POLICE_COOPERATION = "police_cooperation"
    COMPENSATE_VICTIM = "compensate_victim"
    GOVERNMENT_SANCTION = "government_sanction"
    CRITICISM_EDUCATION = "criticism_education"


class FaultToleranceOutcome(StrEnum):
    ELIGIBLE = "eligible"
    INELIGIBLE = "ineligible"
    NEEDS_REVIEW = "needs_review"


class Relief(StrEnum):
    """What an eligible fault-tolerance filing relieves the cadre of."""

    EXEMPT = "exempt"
    REDUCED = "reduced"


# --- accountability (问责) ----------------------------------------------------------------


class SubjectPosition(StrEnum):
    """主要领导 · 分管领导 · 相关责任领导 · 一般干部."""

    PRINCIPAL = "principal"
    LEADER_IN_CHARGE = "leader_in_charge"
    RESPONSIBLE_LEADER = "responsible_leader"
    STAFF = "staff"


class UnitKind(StrEnum):
    """县（市、区）· 市直单位 · 牵头单位/工作专班 · 乡镇（街道）· other."""

    COUNTY = "county"
    CITY_DEPARTMENT = "city_department"
    TASK_FORCE = "task_force"
    TOWNSHIP = "township"
    OTHER = "other"


class ShortfallKind(StrEnum):
    POOR_IMPLEMENTATION = "poor_implementation"
    NAMED_CRITICISM = "named_criticism"
    RANKED_LAST = "ranked_last"
    OTHER = "other"


class CriticizedBy(StrEnum):
    CITY_LEADER = "city_leader"
    CITY_PRINCIPAL_LEADER = "city_principal_leader"
    PROVINCIAL_LEADER = "provincial_leader"
    CITY_NOTICE = "city_notice"
    PROVINCIAL_NOTICE = "provincial_notice"


class Ranking(StrEnum):
    MONTHLY_REVIEW = "monthly_review"
    CITY_ASSESSMENT = "city_assessment"
    PROVINCIAL_ASSESSMENT = "provincial_assessment"


class AccountabilityOutcome(StrEnum):
    NO_ACCOUNTABILITY = "no_accountability"
    REMINDER = "reminder"
    EXEMPT = "exempt"
    LIGHTER = "lighter"
    REDUCED = "reduced"
    PROCEED = "proceed"
    NEEDS_REVIEW = "needs_review"


class AccountabilityMeasure(StrEnum):
    TALK_REMINDER = "talk_reminder"
    CRITICISM_EDUCATION = "criticism_education"


# --- revisit education of disciplined cadres (受处分干部回访教育) ---------------------------


class DisciplineKind(StrEnum):
    PARTY_DISCIPLINE = "party_discipline"
    GOVERNMENT_SANCTION = "government_sanction"
    ACCOUNTABILITY = "accountability"


class RevisitTopic(StrEnum):
    VIOLATION_FACTS = "violation_facts"
    ORGANIZATIONAL_CARE = "organizational_care"


class JurisdictionLevel(StrEnum):
    """Administrative level of a jurisdiction plugin (metadata, not part of case documents)."""

    NATIONAL = "national"
    PROVINCE = "province"
    CITY = "city"
    COUNTY = "county"
    TOWNSHIP = "township"
