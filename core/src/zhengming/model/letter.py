"""What a jurisdiction says about the letters (公文) its offices print: the letter template answer."""

from __future__ import annotations

import attrs

from .text import Citation

LETTER_KINDS = (
    "clarification_notice",  # 澄清正名通知书 (平顶山)
    "clarification_letter",  # 书面澄清函：载明澄清事项、澄清机关和澄清时间 (许昌)
    "approval_form",  # 澄清正名审批表
    "revisit_record",  # 回访记录
    "fault_tolerance_filing",  # 容错免责备案表
    "accountability_notice",  # 问责对象告知书
)


@attrs.frozen
class LetterTemplate:
    """How one kind of letter looks in a jurisdiction.

    :ivar kind: one of :data:`LETTER_KINDS`.
    :ivar issuer: the issuing organ as printed in the 发文机关标志 and the signature
        (e.g. ``"中共平顶山市纪律检查委员会"``); empty: the core default wording.
    :ivar number_prefix: the organ's prefix of the 发文字号 (e.g. ``"平纪澄"``; the number printed is
        ``〔year〕n号`` after it); empty: no 发文字号.
    :ivar title: the title of the letter (empty: the core default for ``kind``).
    :ivar docx: path of a ``.docx`` template (docxtpl/Jinja2 placeholders such as ``{{ subject }}``,
        see ``docs/letters.md``) shipped inside the plugin; ``None``: the core lays the letter out itself.
    :ivar citations: the policy text that prescribes the letter.
    """

    kind: str = attrs.field(validator=attrs.validators.in_(LETTER_KINDS))
    issuer: str = ""
    number_prefix: str = ""
    title: str = ""
    docx: str | None = None
    citations: tuple[Citation, ...] = attrs.field(default=(), converter=tuple)
