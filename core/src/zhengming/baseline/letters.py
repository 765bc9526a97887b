"""The core's letter templates: the national wording of each kind of letter (core default)."""

from zhengming.model import Citation, LetterTemplate
from zhengming.plugin.markers import hookimpl

TITLES = {
    "clarification_notice": "澄清正名通知书",
    "clarification_letter": "澄清函",
    "approval_form": "澄清正名审批表",
    "revisit_record": "回访记录",
    "fault_tolerance_filing": "容错免责备案表",
    "accountability_notice": "问责告知书",
}
CORE = (Citation(document="core default", article="letters"),)


@hookimpl
def zhengming_letter_template(kind: str) -> LetterTemplate | None:
    if kind not in TITLES:
        return None
    return LetterTemplate(kind=kind, title=TITLES[kind], citations=CORE)
