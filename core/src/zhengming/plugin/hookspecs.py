"""Hook specifications: the whole contract a jurisdiction plugin implements.

A jurisdiction plugin is a module (or object) registered under the entry-point group
``zhengming.jurisdictions``; the entry point's name is the jurisdiction id::

    [project.entry-points."zhengming.jurisdictions"]
    jinan = "zhengming_jinan.plugin"

Evaluation for ``pingdingshan.lushan`` consults the chain ``core → pingdingshan →
pingdingshan.lushan``. zhengming resolves every hook level by level along that chain, core first,
and each spec below says how the levels' answers combine:

* **most specific wins** — an answer other than ``None`` replaces the answer of the levels above;
  ``None`` inherits it. To *adjust* the inherited answer instead of replacing it, implement the hook
  as a wrapper: its ``yield`` receives the answer resolved up to and including its own level
  (never a more specific level's: a child's answer always stands), and it returns the adjusted
  answer. A wrapper that returns ``None`` keeps the inherited answer unchanged::

      @hookimpl(wrapper=True)
      def zhengming_clarification_methods(case, trigger, ctx):
          inherited = yield
          return tuple(attrs.evolve(m, consent_required=True) for m in inherited)

* **merge** — every level contributes, and the spec's merge function merges each level's answer
  into what the levels above it answered; a wrapper adjusts the merged answer up to its own level.

Implementations may accept any subset of a hook's arguments. A plugin implements a hook at most
once; ``tryfirst``, ``trylast`` and the old-style ``hookwrapper`` are refused at load time (the chain
decides the order). An exception raised by a hook, or an answer of the wrong type, is reported
naming the plugin and the hook. Every answer carries citations (``zhengming.Citation``): the title
of the policy text and the article it applies. Plugins must not keep state between calls: the same
case must always get the same answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .markers import Combine, chain_spec
from .merging import merge_deadlines, merge_notifications

if TYPE_CHECKING:
    from ..model import (
        AccountabilityAssessment,
        AccountabilityCase,
        Approval,
        ClarificationCase,
        Deadline,
        DisciplinedRevisitCase,
        DisciplinedRevisitPlan,
        FalseAccusationAssessment,
        FalseAccusationCase,
        FastTrack,
        FaultToleranceAssessment,
        FaultToleranceCase,
        Jurisdiction,
        LetterTemplate,
        MethodOption,
        Notification,
        ReporterTracing,
        Revisit,
        Trigger,
    )
    from .context import EvaluationContext

# -------------------------------------------------------------------------------------------
# Jurisdiction metadata
# -------------------------------------------------------------------------------------------


@chain_spec(Combine.OWN)
def zhengming_jurisdiction() -> Jurisdiction:
    """Describe this jurisdiction: id, parent, names, level, source documents, list items.

    Every jurisdiction plugin must implement it. The registry calls it once per plugin at load
    time; it is not combined along the chain (a child's list items are shown together with the
    inherited ones by ``zhengming jurisdictions show``).

    :param case: the clarification case (:class:`zhengming.ClarificationCase`).
    :param trigger: the trigger resolved along the whole chain for this case; its outcome clarifies
        (``must_clarify`` or ``may_clarify``) whenever this hook is asked.
    :param ctx: the evaluation context (:class:`zhengming.EvaluationContext`: jurisdiction, as-of
        date, chain, list items).
    :return: a :class:`zhengming.Jurisdiction`. ``id`` must equal the entry point's name;
        ``parent`` names the jurisdiction this one refines (``"core"`` at the top). The earliest
        ``in_force_from`` of ``documents`` is the date from which the plugin's rules apply;
        cases dated earlier fall back to the parent.

    Example::

        @hookimpl
        def zhengming_jurisdiction():
            return Jurisdiction(
                id="pingdingshan.lushan", parent="pingdingshan",
                names=Text("鲁山县", "Lushan County"), level=JurisdictionLevel.COUNTY,
                documents=(SourceDocument(title="…", issuer="中共鲁山县纪委",
                                          number="鲁纪发〔2023〕1号",
                                          in_force_from=date(2023, 1, 1)),),
            )
    """


# -------------------------------------------------------------------------------------------
# Clarification (澄清正名): trigger
# -------------------------------------------------------------------------------------------


@chain_spec(Combine.MOST_SPECIFIC)
def zhengming_clarification_trigger(case: ClarificationCase, ctx: EvaluationContext) -> Trigger | None:
    """Decide whether the case must, may, or must not be clarified, and which allegations.

    Combine: most specific wins. Core answers with the national baseline (an untrue report that
    harmed the subject's work or life or had a negative social effect must be clarified).

    :param case: the clarification case.
    :param ctx: the evaluation context (jurisdiction, as-of date, chain).
    :return: a :class:`zhengming.Trigger`, or ``None`` to let the parent decide.
        ``allegations`` lists only allegations found ``untrue``, and is empty unless the outcome is
        ``must_clarify`` or ``may_clarify``. ``reasons`` are :class:`zhengming.Text` sentences that
        a reviewer can read. When the outcome is ``not_applicable`` or ``deferred`` the engine
        asks no method, approval, notification or revisit hook.

    Example::

        @hookimpl
        def zhengming_clarification_trigger(case):
            if case.circumstances.pending_other_clues:
                return Trigger(outcome=TriggerOutcome.DEFERRED,
                               reasons=(Text("尚有其他问题线索待核查", "Other clues pending"),),
                               citations=(Citation(document="…", article="第三条"),))
            return None  # the parent's rules decide
    """


# -------------------------------------------------------------------------------------------
# Clarification: deadline and fast track
# -------------------------------------------------------------------------------------------


@chain_spec(Combine.MOST_SPECIFIC)
def zhengming_clarification_deadline(
    case: ClarificationCase, trigger: Trigger, ctx: EvaluationContext
) -> Deadline | None:
    """Give the date by which the office must decide whether to start a clarification.

    Combine: most specific wins. Asked for every outcome. Core sets no deadline.

    :param case: the clarification case (:class:`zhengming.ClarificationCase`).
    :param trigger: the trigger resolved along the whole chain for this case (any outcome).
    :param ctx: the evaluation context (:class:`zhengming.EvaluationContext`: jurisdiction, as-of
        date, chain, list items).
    :return: a :class:`zhengming.Deadline` with ``due_on``; ``Deadline(due_on=None, citations=…)``
        to say the rules set none (the decision's ``deadline`` is then ``null``); ``None`` to let
        the parent answer. Compute months as calendar months (``zhengming.rules.dates.add_months``).

    Example::

        @hookimpl
        def zhengming_clarification_deadline(case):
            start = case.handling.verification_concluded_on
            if start is None:
                return None
            return Deadline(due_on=add_months(start, 1), citations=(Citation(...),))
    """


@chain_spec(Combine.MERGE, merge=merge_deadlines)
def zhengming_clarification_deadlines(
    case: ClarificationCase, trigger: Trigger, ctx: EvaluationContext
) -> Sequence[Deadline] | None:
    """Give every other deadline the rules set for the case: completing the clarification
    (``complete_clarification``), feedback (``give_feedback``), the revisit (``revisit``).

    The decision's ``deadlines[]`` lists the deadline of :func:`zhengming_clarification_deadline`
    (``decide_whether_to_start``) first, then these. Combine: merge, one deadline per ``action``: a
    level's deadline for an action replaces the one the levels above set for it, and
    ``Deadline(action=…, due_on=None, citations=…)`` takes an inherited one away (this level sets
    none). Asked for every outcome; check ``trigger.clarifies`` for deadlines that only follow a
    clarification. Core sets none: the CCDI 2020 opinion names no such limit. Answering
    ``decide_whether_to_start`` here is an error (that one is the single-deadline hook's).

    Count a limit in working days (工作日) with ``zhengming.rules.workdays.add_working_days``: it skips
    weekends and the State Council's public holidays and counts the official make-up working days,
    and raises ``CalendarUnknown`` for a year the installed calendar does not know yet (the case is
    then refused with that message rather than given a guessed date). Count months as calendar months
    (``zhengming.rules.dates.add_months``). A due date that falls on a public holiday is flagged as
    such where the decision is shown as text.

    :param case: the clarification case (:class:`zhengming.ClarificationCase`).
    :param trigger: the trigger resolved along the whole chain for this case (any outcome).
    :param ctx: the evaluation context (:class:`zhengming.EvaluationContext`: jurisdiction, as-of
        date, chain, list items).
    :return: a sequence of :class:`zhengming.Deadline` (``action``, ``due_on``, ``citations``);
        ``None`` or an empty sequence adds nothing.

    Example::

        @hookimpl
        def zhengming_clarification_deadlines(case, trigger):
            start = case.handling.verification_concluded_on
            if not trigger.clarifies or start is None:
                return None
            return [Deadline(action=DeadlineAction.COMPLETE_CLARIFICATION,
                             due_on=add_working_days(start, 15), citations=(Citation(...),))]
    """


@chain_spec(Combine.MOST_SPECIFIC)
def zhengming_fast_track(case: ClarificationCase, ctx: EvaluationContext) -> FastTrack | None:
    """Say whether the case gets the green channel (快查快办 / 快办快处快结) at a key juncture.

    Combine: most specific wins. Core answers ``active=False``.

    :param case: the clarification case (:class:`zhengming.ClarificationCase`).
    :param ctx: the evaluation context (:class:`zhengming.EvaluationContext`: jurisdiction, as-of
        date, chain, list items).
    :return: a :class:`zhengming.FastTrack`; its ``reasons`` are added to the trigger's reasons
        when ``active`` is true. ``None`` lets the parent answer.

    Example::

        @hookimpl
        def zhengming_fast_track(case):
            return FastTrack(active=case.circumstances.key_juncture, citations=(Citation(...),))
    """


# -------------------------------------------------------------------------------------------
# Clarification: approval routing
# -------------------------------------------------------------------------------------------


@chain_spec(Combine.MOST_SPECIFIC)
def zhengming_approval_route(case: ClarificationCase, trigger: Trigger, ctx: EvaluationContext) -> Approval | None:
    """Say who carries out the clarification and the ordered approval steps before it.

    Combine: most specific wins. Asked only when the trigger clarifies. Core: whoever verified
    clarifies (谁核实谁澄清), proposed by the handling department and approved by the organ's head.

    :param case: the clarification case (:class:`zhengming.ClarificationCase`).
    :param trigger: the trigger resolved along the whole chain for this case; its outcome clarifies
        (``must_clarify`` or ``may_clarify``) whenever this hook is asked.
    :param ctx: the evaluation context (:class:`zhengming.EvaluationContext`: jurisdiction, as-of
        date, chain, list items).
    :return: a :class:`zhengming.Approval` with ``implementers`` (organ and level) and ``steps``
        (:class:`zhengming.Step`: role, level — ``None`` for the handling organ's own — and action),
        or ``None``.

    Example::

        @hookimpl
        def zhengming_approval_route(case):
            if case.handling.organ is not Organ.TOWNSHIP_DISCIPLINE:
                return None
            return Approval(
                implementers=(OrganAtLevel(organ=case.handling.organ, level=case.handling.level),),
                steps=(Step(role=Role.AGENCY_HEAD, action=StepAction.REVIEW),
                       Step(role=Role.PETITION_DEPARTMENT, level=Level.COUNTY,
                            action=StepAction.APPROVE)),
                citations=(Citation(...),))
    """


# -------------------------------------------------------------------------------------------
# Clarification: methods
# -------------------------------------------------------------------------------------------


@chain_spec(Combine.MOST_SPECIFIC)
def zhengming_clarification_methods(
    case: ClarificationCase, trigger: Trigger, ctx: EvaluationContext
) -> Sequence[MethodOption] | None:
    """List the clarification methods available for this case, with consent requirements.

    Combine: most specific wins (the answer replaces the parent's list; wrap the hook to adjust
    it). Asked only when the trigger clarifies. A method the rules tie to a kind of impact (media
    for online impact) must appear only when the case has that impact. Core: written,
    face to face, meeting, notice.

    :param case: the clarification case (:class:`zhengming.ClarificationCase`).
    :param trigger: the trigger resolved along the whole chain for this case; its outcome clarifies
        (``must_clarify`` or ``may_clarify``) whenever this hook is asked.
    :param ctx: the evaluation context (:class:`zhengming.EvaluationContext`: jurisdiction, as-of
        date, chain, list items).
    :return: a sequence of :class:`zhengming.MethodOption` (``method``, ``consent_required``,
        ``citations``), or ``None``.

    Example::

        @hookimpl
        def zhengming_clarification_methods(case):
            methods = [MethodOption(method=Method.WRITTEN, citations=CITE)]
            if case.impact.scope is ImpactScope.ONLINE:
                methods.append(MethodOption(method=Method.MEDIA, citations=CITE))
            return methods
    """


# -------------------------------------------------------------------------------------------
# Clarification: notifications
# -------------------------------------------------------------------------------------------


@chain_spec(Combine.MERGE, merge=merge_notifications)
def zhengming_notifications(
    case: ClarificationCase, trigger: Trigger, ctx: EvaluationContext
) -> Sequence[Notification] | None:
    """List who must be told, or must receive the records, once the clarification is done.

    Combine: merge. Every plugin of the chain contributes; the engine keeps one entry per
    recipient, in the contract's recipient order, with the citations of every plugin that named it
    (most specific first). Asked only when the trigger clarifies. Return ``None`` or an empty
    sequence to add nothing.

    :param case: the clarification case (:class:`zhengming.ClarificationCase`).
    :param trigger: the trigger resolved along the whole chain for this case; its outcome clarifies
        (``must_clarify`` or ``may_clarify``) whenever this hook is asked.
    :param ctx: the evaluation context (:class:`zhengming.EvaluationContext`: jurisdiction, as-of
        date, chain, list items).
    :return: a sequence of :class:`zhengming.Notification` (``recipient``, ``citations``).

    Example::

        @hookimpl
        def zhengming_notifications(case):
            if case.report.real_name:
                return [Notification(recipient=Recipient.REPORTER, citations=(Citation(...),))]
            return None
    """


# -------------------------------------------------------------------------------------------
# Clarification: revisits (回访)
# -------------------------------------------------------------------------------------------


@chain_spec(Combine.MOST_SPECIFIC)
def zhengming_revisit_policy(case: ClarificationCase, trigger: Trigger, ctx: EvaluationContext) -> Revisit | None:
    """Say whether the clarified subject (and unit) is revisited afterwards, and how.

    Combine: most specific wins. Asked only when the trigger clarifies. Core: no revisit required.

    :param case: the clarification case (:class:`zhengming.ClarificationCase`).
    :param trigger: the trigger resolved along the whole chain for this case; its outcome clarifies
        (``must_clarify`` or ``may_clarify``) whenever this hook is asked.
    :param ctx: the evaluation context (:class:`zhengming.EvaluationContext`: jurisdiction, as-of
        date, chain, list items).
    :return: a :class:`zhengming.Revisit` (``required``, ``targets`` ⊆ subject/unit, ``methods`` ⊆
        individual_meeting/scheduled_visit/phone/entrusted_unit), or ``None``.

    Example::

        @hookimpl
        def zhengming_revisit_policy():
            return Revisit(required=True, targets=(RevisitTarget.SUBJECT, RevisitTarget.UNIT),
                           citations=(Citation(...),))
    """


# -------------------------------------------------------------------------------------------
# False accusation (诬告陷害)
# -------------------------------------------------------------------------------------------


@chain_spec(Combine.MOST_SPECIFIC)
def zhengming_false_accusation(case: FalseAccusationCase, ctx: EvaluationContext) -> FalseAccusationAssessment | None:
    """Classify a report as malicious (诬告陷害) or mistaken, and list the measures against the accuser.

    Combine: most specific wins. Core: malicious needs intent, fabrication and adverse impact;
    no intent is a mistaken report; undetermined intent is undetermined. Whether the reporter may be
    traced is a separate hook (``zhengming_reporter_tracing``) that sees this answer.

    :param case: the false-accusation case (``case.accuser``, ``case.investigating_organ``).
    :param ctx: the evaluation context (jurisdiction, ``as_of``, chain, list items).
    :return: a :class:`zhengming.FalseAccusationAssessment` (``classification``, ``aggravated``,
        ``measures``, ``refer_to`` — set when this organ may not decide and must pass the matter on —,
        ``reasons``, ``citations``), or ``None`` to let the parent answer.

    Example (adjusting the inherited classification)::

        @hookimpl(wrapper=True)
        def zhengming_false_accusation(case):
            inherited = yield
            if inherited.classification is Classification.MALICIOUS and case.accuser.severe_means:
                return attrs.evolve(inherited, aggravated=True,
                                    citations=inherited.citations + (Citation(...),))
            return inherited
    """


@chain_spec(Combine.MOST_SPECIFIC)
def zhengming_reporter_tracing(
    case: FalseAccusationCase, assessment: FalseAccusationAssessment, ctx: EvaluationContext
) -> ReporterTracing | None:
    """Whether the organ handling the matter may trace (追查) the reporter's identity.

    Combine: most specific wins. The answer becomes the decision's ``may_trace_reporter``; its
    reasons and citations join the decision's. Core: only a discipline commission at county level or
    higher may trace (《纪检监察机关处理检举控告工作规则》). A jurisdiction whose text ties tracing to the
    classification (e.g. only where 诬告陷害 exists) answers from ``assessment.classification``.

    :param case: the false-accusation case.
    :param assessment: the classification answered by ``zhengming_false_accusation`` (final, after
        any wrappers).
    :param ctx: the evaluation context.
    :return: a :class:`zhengming.ReporterTracing` (``allowed``, ``reasons``, ``citations``), or ``None``
        to let the parent answer.

    Example::

        @hookimpl
        def zhengming_reporter_tracing(case, assessment):
            allowed = (assessment.classification is Classification.MALICIOUS
                       and case.investigating_organ.level in COUNTY_OR_HIGHER)
            return ReporterTracing(allowed=allowed, citations=(Citation(document="…", article="…"),))
    """


# -------------------------------------------------------------------------------------------
# Fault tolerance (容错免责备案)
# -------------------------------------------------------------------------------------------


@chain_spec(Combine.MOST_SPECIFIC)
def zhengming_fault_tolerance(case: FaultToleranceCase, ctx: EvaluationContext) -> FaultToleranceAssessment | None:
    """Assess a fault-tolerance filing against the jurisdiction's positive and negative lists.

    Combine: most specific wins. The outcome must be ``ineligible`` whenever a negative item is
    hit. Item ids must exist in the list items the jurisdiction publishes through
    ``zhengming_jurisdiction`` (``ctx.list_items`` holds the chain's). Core has no lists and answers
    ``needs_review``.

    :param case: the filing case (``case.filing.timing``, ``.claimed_items``, ``.facts``, ``.subject``).
    :param ctx: the evaluation context; ``ctx.list_items`` holds the chain's published list items.
    :return: a :class:`zhengming.FaultToleranceAssessment` (``outcome``, ``matched_positive``,
        ``matched_negative``, ``relief`` — ``exempt`` or ``reduced`` where the text says which, else
        ``None`` —, ``procedure``, ``reasons``, ``citations``), or ``None``.

    Example::

        POSITIVE = {"P1": lambda facts: facts.public_interest_motive and not facts.private_gain}
        NEGATIVE = {"N1": lambda facts: facts.violates_explicit_prohibition}

        @hookimpl
        def zhengming_fault_tolerance(case):
            found = match_lists(case.filing, POSITIVE, NEGATIVE)  # applies the contract's rule
            return FaultToleranceAssessment(
                outcome=found.outcome, matched_positive=found.positive, matched_negative=found.negative,
                procedure=PROCEDURE, citations=(Citation(document="…", article="负面清单"),))
    """


# -------------------------------------------------------------------------------------------
# Accountability (问责, 提醒式问责) — contract v1.1
# -------------------------------------------------------------------------------------------


@chain_spec(Combine.MOST_SPECIFIC)
def zhengming_accountability(case: AccountabilityCase, ctx: EvaluationContext) -> AccountabilityAssessment | None:
    """Decide what a shortfall in carrying out work leads to: no accountability, a reminder with a
    probation (提醒式问责), or — once the probation's result is known — exempt, lighter, reduced or proceed.

    Combine: most specific wins. Core: the national texts in the seeds set no accountability rules,
    so core answers ``needs_review`` (decide case by case), citing ``core default``.

    Rules every answer keeps: once ``case.probation.rectified`` is known, ``True`` leads to one of
    ``exempt``/``lighter``/``reduced`` and ``False`` to ``proceed``; ``talk.with_`` is a position
    (``SubjectPosition``), ``talk.by`` a role or ``None`` where the text names no one; a joint
    meeting such as 三室会商 is listed in ``consultation`` as one ``consult`` step per office, in the
    text's order. Leave ``probation.ends_on`` as ``None``: the engine computes it as
    ``case.probation.started_on`` + ``max_months`` calendar months when both are known.

    :param case: the accountability case (``subject`` with ``position``, ``unit``, ``shortfall``,
        ``facts``, ``probation``).
    :param ctx: the evaluation context.
    :return: a :class:`zhengming.AccountabilityAssessment` (``outcome``, ``talk``, ``probation``,
        ``measures``, ``consultation``, ``reasons``, ``citations``), or ``None``.

    Example (a reminder with a one-to-three-month probation)::

        @hookimpl
        def zhengming_accountability(case):
            if case.facts.adverse_impact is AdverseImpact.MAJOR:
                return None  # the parent decides
            return AccountabilityAssessment(
                outcome=AccountabilityOutcome.REMINDER,
                talk=Talk(by=None, with_=case.subject.position, citations=CITED),
                probation=Probation(min_months=1, max_months=3, citations=CITED),
                measures=(AccountabilityMeasure.TALK_REMINDER,), citations=CITED)
    """


# -------------------------------------------------------------------------------------------
# Revisit education of disciplined cadres (受处分干部回访教育) — contract v1.1
# -------------------------------------------------------------------------------------------


@chain_spec(Combine.MOST_SPECIFIC)
def zhengming_disciplined_revisit(
    case: DisciplinedRevisitCase, ctx: EvaluationContext
) -> DisciplinedRevisitPlan | None:
    """Plan the revisit education (回访教育) of a cadre who was disciplined, sanctioned or held accountable.

    Combine: most specific wins. Core: the national texts in the seeds set no such plan, so core
    answers ``required=False`` with a reason saying so, citing ``core default``.

    :param case: the case (``subject``; ``discipline.kind``, ``.decided_on``, ``.organ``, ``.level``).
    :param ctx: the evaluation context.
    :return: a :class:`zhengming.DisciplinedRevisitPlan` (``required``, ``consult`` — ordered steps
        before the visit —, ``consent_required``, ``methods``, ``topics``, ``one_person_one_plan``,
        ``reasons``, ``citations``), or ``None``.

    Example::

        @hookimpl
        def zhengming_disciplined_revisit(case):
            return DisciplinedRevisitPlan(
                required=True, consult=(Step(role=Role.UNIT_PARTY_ORGANIZATION, action=StepAction.CONSULT),),
                consent_required=True, methods=(RevisitMethod.INDIVIDUAL_MEETING,),
                topics=(RevisitTopic.VIOLATION_FACTS, RevisitTopic.ORGANIZATIONAL_CARE),
                one_person_one_plan=True, citations=(Citation(document="…", article="（十）"),))
    """


# -------------------------------------------------------------------------------------------
# Letters (公文): the paperwork printed from a stored case
# -------------------------------------------------------------------------------------------


@chain_spec(Combine.MOST_SPECIFIC)
def zhengming_letter_template(kind: str, ctx: EvaluationContext) -> LetterTemplate | None:
    """Say how a kind of letter is printed in this jurisdiction: issuer, 发文字号 prefix, title, template.

    ``zhengming case letter ID KIND`` (and :func:`zhengming.letters.generate`, which the HTTP API
    calls) asks this hook for the case's chain before printing. The letter is always laid out per
    GB/T 9704-2012 (A4; 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm; 3号仿宋_GB2312 body at 22 lines ×
    28 characters; 2号小标宋 title; 发文机关标志, 发文字号, 成文日期 and the place of the seal), and its
    text always comes from the stored case and its decision: only the allegations found untrue are
    named, the reporter never (the store keeps the reporter sealed and the letter code never unseals).
    What a jurisdiction may change is the wording around that text.

    Combine: most specific wins. A city's answer replaces its province's; ``None`` keeps the
    inherited answer. Core answers for every kind in :data:`zhengming.model.LETTER_KINDS` with the
    national wording (``issuer`` empty: the handling organ of the case, e.g. ``县纪委监委``; no
    发文字号 prefix), citing ``core default``.

    :param kind: the kind of letter asked for: ``clarification_notice`` (澄清正名通知书),
        ``clarification_letter`` (书面澄清函, stating 澄清事项、澄清机关和澄清时间), ``approval_form``
        (审批表, one row per approval step), ``revisit_record`` (回访记录), ``fault_tolerance_filing``
        (容错免责备案表) or ``accountability_notice`` (问责对象告知书).
    :param ctx: the evaluation context (jurisdiction, as-of date, chain).
    :return: a :class:`zhengming.LetterTemplate` (``kind``, ``issuer``, ``number_prefix``, ``title``,
        ``docx`` — the path of a ``.docx`` template shipped with the plugin, rendered with docxtpl
        (Jinja2 placeholders: see ``docs/letters.md``) —, ``citations``), or ``None`` to inherit.

    Example::

        @hookimpl
        def zhengming_letter_template(kind):
            if kind == "clarification_notice":
                return LetterTemplate(
                    kind=kind, issuer="中共平顶山市纪律检查委员会", number_prefix="平纪澄",
                    title="澄清正名通知书",
                    citations=(Citation(document="平顶山市澄清正名十项措施", article="（三）"),))
            return None
    """
