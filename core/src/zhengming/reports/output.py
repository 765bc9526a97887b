"""The report as people read it: a table (rich), a workbook (openpyxl) and charts (matplotlib).

Charts need a CJK font: the project's set-up installs Noto Sans CJK (Debian ``fonts-noto-cjk``);
:func:`cjk_font` finds it (or any installed CJK font) and says clearly when there is none.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..labels import label
from ..model import enums as e

CJK_FONTS = ("Noto Sans CJK SC", "Noto Serif CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "SimHei")


def _name(cls, value: str, lang: str) -> str:
    try:
        return label(cls(value)).render(lang)
    except ValueError:
        return value


def rows(data: dict[str, Any], lang: str = "zh") -> Iterator[tuple[str, ...]]:
    """(category, figure, value per group…, total) — the one tabular shape every output uses."""
    zh = lang != "en"
    groups = [*data["groups"], {"group": "合计" if zh else "total"} | data["total"]]

    def line(category: str, figure: str, get) -> tuple[str, ...]:
        return (category, figure, *(str(get(g)) for g in groups))

    def t(a, b):
        return a if zh else b

    yield line(t("澄清正名", "clarified"), t("件数", "cases"), lambda g: g["clarified"]["cases"])
    yield line("", t("人数", "persons"), lambda g: g["clarified"]["persons"])
    yield line("", t("单位数", "units"), lambda g: g["clarified"]["units"])
    methods = sorted({m for g in groups for m in g["clarified"]["by_method"]})
    for m in methods:
        yield line(
            "", t("方式：", "by ") + _name(e.Method, m, lang), lambda g, m=m: g["clarified"]["by_method"].get(m, 0)
        )
    yield line(t("诬告陷害", "false accusation"), t("件数", "cases"), lambda g: g["false_accusation"]["cases"])
    yield line("", t("查处人数", "people dealt with"), lambda g: g["false_accusation"]["people"])
    yield line(
        t("容错免责备案", "fault tolerance"), t("备案件数", "filings"), lambda g: g["fault_tolerance"]["filings"]
    )
    yield line("", t("涉及干部", "cadres"), lambda g: g["fault_tolerance"]["cadres"])
    for o in sorted({o for g in groups for o in g["fault_tolerance"]["by_outcome"]}):
        yield line(
            "", _name(e.FaultToleranceOutcome, o, lang), lambda g, o=o: g["fault_tolerance"]["by_outcome"].get(o, 0)
        )
    yield line(t("问责", "accountability"), t("件数", "cases"), lambda g: g["accountability"]["cases"])
    for o in sorted({o for g in groups for o in g["accountability"]["by_outcome"]}):
        yield line(
            "", _name(e.AccountabilityOutcome, o, lang), lambda g, o=o: g["accountability"]["by_outcome"].get(o, 0)
        )
    yield line(t("超期", "overdue"), t("件数", "cases"), lambda g: g["overdue"])


def header(data: dict[str, Any], lang: str = "zh") -> tuple[str, ...]:
    zh = lang != "en"
    return (
        "类别" if zh else "category",
        "指标" if zh else "figure",
        *(g["group"] for g in data["groups"]),
        "合计" if zh else "total",
    )


def title(data: dict[str, Any], lang: str = "zh") -> str:
    where = data["jurisdiction"] or ("全部辖区" if lang != "en" else "all jurisdictions")
    return (
        f"{where} {data['from']} 至 {data['to']} 统计" if lang != "en" else f"{where}, {data['from']} to {data['to']}"
    )


def table_text(data: dict[str, Any], lang: str = "zh") -> str:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title(data, lang))
    for n, column in enumerate(header(data, lang)):
        table.add_column(column, justify="right" if n > 1 else "left")
    for row in rows(data, lang):
        table.add_row(*row)
    console = Console(record=True, width=max(100, 14 * (len(data["groups"]) + 3)), file=io.StringIO())
    console.print(table)
    return console.export_text()


def write_xlsx(data: dict[str, Any], path: Path, lang: str = "zh") -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "统计" if lang != "en" else "report"
    sheet.append([title(data, lang)])
    sheet.append(list(header(data, lang)))
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in rows(data, lang):
        sheet.append([row[0], row[1], *(int(v) for v in row[2:])])
    sheet.column_dimensions["A"].width = 16
    sheet.column_dimensions["B"].width = 16
    book.save(path)


class NoCJKFont(RuntimeError):
    pass


def cjk_font() -> str:
    """The name of an installed CJK font matplotlib can use."""
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    for name in CJK_FONTS:
        if name in installed:
            return name
    font_manager.fontManager.__init__()  # fonts installed since the cache was built
    installed = {f.name for f in font_manager.fontManager.ttflist}
    for name in CJK_FONTS:
        if name in installed:
            return name
    raise NoCJKFont("no CJK font installed (Debian: apt-get install fonts-noto-cjk; `make setup` does it)")


def write_chart(data: dict[str, Any], path: Path, lang: str = "zh") -> None:
    """Bars of the headline figures per group (PNG or SVG by the file's suffix)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    zh = lang != "en"
    plt.rcParams["font.family"] = [cjk_font()]
    plt.rcParams["axes.unicode_minus"] = False
    plt.rcParams["svg.fonttype"] = "none"  # text stays text in SVG
    series = (
        ("澄清人数" if zh else "persons clarified", lambda g: g["clarified"]["persons"]),
        ("澄清单位" if zh else "units clarified", lambda g: g["clarified"]["units"]),
        ("诬告陷害查处人数" if zh else "false accusers dealt with", lambda g: g["false_accusation"]["people"]),
        ("容错免责干部" if zh else "cadres (fault tolerance)", lambda g: g["fault_tolerance"]["cadres"]),
        ("问责" if zh else "accountability", lambda g: g["accountability"]["cases"]),
    )
    groups = data["groups"] or [{"group": "—"} | data["total"]]
    figure, axes = plt.subplots(figsize=(max(6.0, 1.6 * len(groups) + 3), 4.5), dpi=120)
    width = 0.8 / len(series)
    for n, (name, get) in enumerate(series):
        xs = [i + n * width for i in range(len(groups))]
        bars = axes.bar(xs, [get(g) for g in groups], width, label=name)
        axes.bar_label(bars, fontsize=8)
    axes.set_xticks([i + 0.4 - width / 2 for i in range(len(groups))], [g["group"] for g in groups])
    axes.set_title(title(data, lang))
    axes.legend(fontsize=8)
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    figure.savefig(path)
    plt.close(figure)
