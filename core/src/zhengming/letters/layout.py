"""GB/T 9704-2012 (党政机关公文格式) as figures, and a python-docx document laid out by them.

The figures (checked against the standard's clauses):

* 5.1 A4 paper, 210 mm × 297 mm.
* 5.2.1 天头 (top margin) 37 mm ± 1 mm, 订口 (left margin) 28 mm ± 1 mm, 版心 (type area)
  156 mm × 225 mm — hence right margin 26 mm and bottom margin 35 mm.
* 5.2.2 every element in 3号 (16 pt) 仿宋 unless said otherwise; 5.2.3 22 lines of 28 characters
  filling the type area: line pitch 225 mm / 22 = 28.95 pt, character pitch 156 mm / 28 ≈ 15.79 pt
  (3号 = 16 pt, condensed by 0.2 pt).
* 7.2.4 发文机关标志 centred, 小标宋, red; 7.2.5 发文字号 two lines below it, centred, year in 〔〕;
  7.2.7 a red rule the width of the type area 4 mm below the 发文字号.
* 7.3.1 标题 2号 (22 pt) 小标宋, centred, two lines below the rule; 7.3.2 主送机关 one line below the
  title, flush left; 7.3.3 body paragraphs indented two characters.
* 7.3.5.1 发文机关署名 and 成文日期 (right indent four characters, Arabic numerals in full) under the
  body, the seal (印章) pressed centred over both: the letter reserves that place (bookmark ``seal``).
* 7.5 page number in 4号 (14 pt) 宋体 as ``— 1 —``, right, one character in, below the type area.
"""

from __future__ import annotations

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 210, 297
TOP_MM, LEFT_MM = 37, 28
TYPE_AREA_MM = (156, 225)
RIGHT_MM = PAGE_WIDTH_MM - LEFT_MM - TYPE_AREA_MM[0]  # 26
BOTTOM_MM = PAGE_HEIGHT_MM - TOP_MM - TYPE_AREA_MM[1]  # 35
LINES, CHARS = 22, 28
LINE_PITCH_PT = round(TYPE_AREA_MM[1] / 25.4 * 72 / LINES, 2)  # 28.95
BODY_PT, TITLE_PT, PAGE_NUMBER_PT, FORM_PT = 16, 22, 14, 14  # 3号, 2号, 4号, 4号
CHAR_CONDENSE_PT = -0.2  # 16 pt characters at a 15.79 pt pitch: 28 to a line
BODY_FONT, TITLE_FONT, PAGE_FONT, ASCII_FONT = "仿宋_GB2312", "方正小标宋简体", "宋体", "Times New Roman"
RED = RGBColor(0xFF, 0x00, 0x00)
SEAL_BOOKMARK = "seal"


def new_document() -> Document:
    """An empty document with the GB/T 9704 page, type area, line grid and default body font."""
    document = Document()
    section = document.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width, section.page_height = Mm(PAGE_WIDTH_MM), Mm(PAGE_HEIGHT_MM)
    section.top_margin, section.bottom_margin = Mm(TOP_MM), Mm(BOTTOM_MM)
    section.left_margin, section.right_margin = Mm(LEFT_MM), Mm(RIGHT_MM)
    section.footer_distance = Mm(BOTTOM_MM - 7 - 6)  # the number sits about 7 mm below the type area
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        section._sectPr.append(grid)
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(round(LINE_PITCH_PT * 20)))
    normal = document.styles["Normal"]
    set_font(normal, BODY_FONT, BODY_PT)
    fmt = normal.paragraph_format
    fmt.line_spacing_rule, fmt.line_spacing = WD_LINE_SPACING.EXACTLY, Pt(LINE_PITCH_PT)
    fmt.space_before = fmt.space_after = Pt(0)
    _page_number(section)
    return document


def set_font(target, east_asian: str, size_pt: float, *, ascii_font: str = ASCII_FONT) -> None:
    """Font of a style or run: ``ascii_font`` for Latin, ``east_asian`` for Chinese."""
    target.font.name = ascii_font
    target.font.size = Pt(size_pt)
    rpr = target.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    fonts.set(qn("w:eastAsia"), east_asian)


def paragraph(
    document,
    text: str = "",
    *,
    font: str = BODY_FONT,
    size: float = BODY_PT,
    align=None,
    indent_chars: float = 0,
    right_chars: float = 0,
    color: RGBColor | None = None,
):
    """A paragraph of one run on the line grid."""
    par = document.add_paragraph()
    if align is not None:
        par.alignment = align
    if indent_chars:
        par.paragraph_format.first_line_indent = Pt(BODY_PT * indent_chars)
    if right_chars:
        par.paragraph_format.right_indent = Pt(BODY_PT * right_chars)
    if text:
        run = par.add_run(text)
        set_font(run, font, size)
        if font == BODY_FONT and size == BODY_PT:
            run.font._element.get_or_add_rPr()
            spacing = OxmlElement("w:spacing")
            spacing.set(qn("w:val"), str(round(CHAR_CONDENSE_PT * 20)))
            run._r.get_or_add_rPr().append(spacing)
        if color is not None:
            run.font.color.rgb = color
    return par


def red_rule(par) -> None:
    """The 版头 red rule under a paragraph (a bottom border as wide as the type area)."""
    ppr = par._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("val", "single"), ("sz", "12"), ("space", "11"), ("color", "FF0000")):
        bottom.set(qn(f"w:{key}"), value)
    borders.append(bottom)
    ppr.append(borders)


def bookmark(par, name: str) -> None:
    """Mark ``par`` (the place the seal is pressed on) with a bookmark."""
    start, end = OxmlElement("w:bookmarkStart"), OxmlElement("w:bookmarkEnd")
    start.set(qn("w:id"), "1")
    start.set(qn("w:name"), name)
    end.set(qn("w:id"), "1")
    par._p.insert(0, start)
    par._p.append(end)


def form(document, rows) -> None:
    """A two-column form (label, value) as wide as the type area, 4号 仿宋."""
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = (Mm(42), Mm(TYPE_AREA_MM[0] - 42))
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for label_text, value in rows:
        cells = table.add_row().cells
        for cell, text, width in zip(cells, (label_text, value), widths, strict=True):
            cell.width = width
            par = cell.paragraphs[0]
            par.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            par.paragraph_format.line_spacing = Pt(LINE_PITCH_PT)
            set_font(par.add_run(text), BODY_FONT, FORM_PT)


def _page_number(section) -> None:
    par = section.footer.paragraphs[0]
    par.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    par.paragraph_format.right_indent = Pt(PAGE_NUMBER_PT)
    set_font(par.add_run("— "), PAGE_FONT, PAGE_NUMBER_PT)
    run = par.add_run()
    set_font(run, PAGE_FONT, PAGE_NUMBER_PT)
    for tag, attr in (("w:fldChar", "begin"), ("w:instrText", None), ("w:fldChar", "end")):
        element = OxmlElement(tag)
        if attr:
            element.set(qn("w:fldCharType"), attr)
        else:
            element.set(qn("xml:space"), "preserve")
            element.text = " PAGE "
        run._r.append(element)
    set_font(par.add_run(" —"), PAGE_FONT, PAGE_NUMBER_PT)
