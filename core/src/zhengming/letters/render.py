"""A :class:`~.content.Letter` as ``.docx`` bytes: the core's GB/T 9704 layout, or a jurisdiction's template."""

from __future__ import annotations

import io
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH

from . import layout
from .content import Letter, cn_date


def to_docx(letter: Letter, template: str | None = None) -> bytes:
    """The letter as a Word document; ``template``: a docxtpl ``.docx`` filled with ``letter.fields``."""
    if template:
        return _from_template(letter, Path(template))
    document = layout.new_document()
    center = WD_ALIGN_PARAGRAPH.CENTER
    layout.paragraph(
        document, letter.issuer, font=layout.TITLE_FONT, size=layout.TITLE_PT, align=center, color=layout.RED
    )
    if letter.number:
        layout.paragraph(document)
        number = layout.paragraph(document, letter.number, align=center)
    else:
        number = layout.paragraph(document)
    layout.red_rule(number)
    layout.paragraph(document)
    layout.paragraph(document, letter.title, font=layout.TITLE_FONT, size=layout.TITLE_PT, align=center)
    layout.paragraph(document)
    if letter.addressee:
        layout.paragraph(document, letter.addressee)
    for text in letter.paragraphs:
        layout.paragraph(document, text, indent_chars=2)
    if letter.rows:
        layout.form(document, letter.rows)
    layout.paragraph(document)
    seal = layout.paragraph(document, letter.issuer, align=WD_ALIGN_PARAGRAPH.RIGHT, right_chars=4)
    layout.bookmark(seal, layout.SEAL_BOOKMARK)
    layout.paragraph(document, cn_date(letter.signed_on), align=WD_ALIGN_PARAGRAPH.RIGHT, right_chars=4)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _from_template(letter: Letter, path: Path) -> bytes:
    from docxtpl import DocxTemplate

    document = DocxTemplate(str(path))
    document.render(letter.fields)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
