#!/usr/bin/env python3
"""Rewrite bilingual (Chinese, English) pairs into gettext calls with an English msgid, and put the
Chinese into the zh_CN catalog. Safe to run again: what is already converted is left alone.

Forms rewritten (the arguments must be string literals or f-strings):

    X.say(zh, en)         ->  X._(msgid, **params)         the command line's App
    say(zh, en)           ->  _(msgid, **params)           a local alias (define it as ``_ = app._``)
    _say(lang, zh, en)    ->  gettext(msgid, lang, **params)
    Text(zh, en)          ->  Message(msgid, **params)      (not with --no-text)

An f-string's expressions become named placeholders: ``f"case {case_id} does not exist"`` becomes
``"case {case_id} does not exist", case_id=case_id``; ``{r['at']}`` becomes ``{at}``; a pair of
``{x.zh}`` / ``{x.en}`` becomes ``{x}`` with ``x=x`` (rendered in the message's language). Literal
braces are doubled. What cannot be rewritten (a pair built at run time) is listed for a person.

    python tools/i18n_codemod.py [--check] [--no-text] [PATH ...]  # default: DEFAULT_PATHS below
    make messages                                                   # then: extract, update, compile

``--templates DIR`` rewrites ``say('中文', 'English')`` in the Jinja2 templates under DIR into ``_('English')``
(the page must then offer ``_``, e.g. ``translator(lang)`` from zhengming.i18n, in its context). An English
text that stands for several Chinese ones is left for a person: give each meaning a context
(``pgettext('case details', 'Due')``) or its own wording.

``--check`` changes nothing and exits 1 when something is left to rewrite (tests/test_i18n.py uses it).
A msgid already translated differently in zh_CN.po is reported as a conflict and keeps its catalog text;
give one of the two another English wording.
"""

from __future__ import annotations

import argparse
import ast
import keyword
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "core/src/zhengming"
# Where every message comes from the catalog: the command line, the domain's errors and refusals, and
# what the conformance kit says of its invariants. A plain run rewrites both say(zh, en) and Text(zh, en)
# pairs here; the test fails on any left.
DEFAULT_PATHS = [PACKAGE / "cli"] + [
    PACKAGE / name
    for name in (
        "boundary",
        "case_names.py",
        "conformance/invariants.py",
        "letters/__init__.py",
        "lifecycle/actions.py",
        "lifecycle/corrections.py",
        "lifecycle/custody.py",
        "lifecycle/errors.py",
        "lifecycle/importer.py",
        "lifecycle/intake.py",
        "lifecycle/machine.py",
        "lifecycle/roles.py",
        "lifecycle/service.py",
        "lifecycle/table.py",
        "lifecycle/tracing.py",
        "lifecycle/users.py",
        "reports/figures.py",
        "security/admin.py",
        "security/errors.py",
        "security/sessions.py",
        "security/tokens.py",
        "store/errors.py",
        "store/provision.py",
        "store/limits.py",
        "store/location.py",
        "validation/__init__.py",
        "validation/full.py",
        "validation/local.py",
        "web/auth.py",
        "web/console/auth.py",
        "web/console/routes.py",
        "web/problems.py",
        "web/routes/reports.py",
    )
]
ZH_CATALOG = ROOT / "core/src/zhengming/i18n/locale/zh_CN/LC_MESSAGES/zhengming.po"
LINE_LIMIT = 120


class Unsupported(Exception):
    """A pair the codemod cannot rewrite (not literals, or a format spec with an expression)."""


@dataclass
class Rewrite:
    start: tuple[int, int]  # (line, byte column) of the call
    end: tuple[int, int]
    text: str
    msgid: str
    zh: str


@dataclass
class FileResult:
    path: Path
    rewrites: list[Rewrite] = field(default_factory=list)
    manual: list[str] = field(default_factory=list)


# --- turning a pair of strings into one template -------------------------------------------------


def _escape(text: str) -> str:
    return text.replace("{", "{{").replace("}", "}}")


def _placeholder_source(expr: ast.expr) -> tuple[str, ast.expr]:
    """The key that identifies an expression across both strings, and the expression to pass.

    ``x.zh`` and ``x.en`` are the same value in two languages: both become ``x``."""
    if isinstance(expr, ast.Attribute) and expr.attr in ("zh", "en"):
        return ast.unparse(expr.value), expr.value
    return ast.unparse(expr), expr


def _name_for(expr: ast.expr) -> str:
    if isinstance(expr, ast.Name):
        name = expr.id
    elif isinstance(expr, ast.Attribute):
        name = expr.attr
    elif isinstance(expr, ast.Subscript) and isinstance(expr.slice, ast.Constant) and isinstance(expr.slice.value, str):
        name = expr.slice.value
    elif isinstance(expr, ast.Call) and expr.args and _callee(expr) in ("len", "sum"):
        name = _name_for(expr.args[0]) + "_count"  # len(cases) -> cases_count
    elif isinstance(expr, ast.Call) and expr.args and _callee(expr) in ("join", "str", "repr", "sorted", "list"):
        name = _name_for(expr.args[0])  # ", ".join(names) -> names
    elif isinstance(expr, ast.Call):
        name = _callee(expr) or "value"
    elif isinstance(expr, ast.BinOp):
        name = _name_for(expr.left)  # step + 1 -> step
    elif isinstance(expr, (ast.GeneratorExp, ast.ListComp, ast.SetComp)):
        name = _name_for(expr.generators[0].iter)
    else:
        name = "value"
    name = name.strip("_") or "value"
    if not name.isidentifier() or keyword.iskeyword(name):
        name = "value"
    return name


def _callee(call: ast.Call) -> str | None:
    func = call.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)


class _Params:
    """Placeholder names for the expressions of one pair, shared between its two strings."""

    def __init__(self):
        self.by_key: dict[str, str] = {}
        self.exprs: dict[str, ast.expr] = {}

    def name(self, expr: ast.expr) -> str:
        key, value = _placeholder_source(expr)
        if key not in self.by_key:
            base = _name_for(value)
            name, n = base, 2
            while name in self.exprs:
                name, n = f"{base}_{n}", n + 1
            self.by_key[key] = name
            self.exprs[name] = value
        return self.by_key[key]


def _template(node: ast.expr, params: _Params) -> str:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return _escape(node.value)
    if not isinstance(node, ast.JoinedStr):
        raise Unsupported(f"not a string literal: {ast.unparse(node)[:60]}")
    parts = []
    for value in node.values:
        if isinstance(value, ast.Constant):
            parts.append(_escape(value.value))
            continue
        assert isinstance(value, ast.FormattedValue)
        placeholder = params.name(value.value)
        if value.conversion != -1:
            placeholder += "!" + chr(value.conversion)
        if value.format_spec is not None:
            spec = value.format_spec
            if not all(isinstance(v, ast.Constant) for v in spec.values):
                raise Unsupported("a format spec with an expression")
            placeholder += ":" + "".join(v.value for v in spec.values)
        parts.append("{" + placeholder + "}")
    return "".join(parts)


def _quote(text: str, quote: str = '"') -> str:
    escaped = text.replace("\\", "\\\\").replace(quote, "\\" + quote)
    escaped = escaped.replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")
    return f"{quote}{escaped}{quote}"


# --- finding the calls ----------------------------------------------------------------------------


def _pair_of(call: ast.Call, text: bool) -> tuple[str, list[ast.expr], ast.expr | None] | None:
    """(new callee, [zh, en], lang) for a call the codemod rewrites, else None."""
    func = call.func
    if call.keywords or any(isinstance(a, ast.Starred) for a in call.args):
        return None
    if isinstance(func, ast.Attribute) and func.attr == "say" and len(call.args) == 2:
        return ast.unparse(func.value) + "._", call.args, None
    if isinstance(func, ast.Name) and func.id == "say" and len(call.args) == 2:
        return "_", call.args, None
    if isinstance(func, ast.Name) and func.id == "_say" and len(call.args) == 3:
        return "gettext", call.args[1:], call.args[0]
    if text and isinstance(func, ast.Name) and func.id == "Text" and len(call.args) == 2:
        return "Message", call.args, None
    return None


def _is_candidate(call: ast.Call, text: bool) -> bool:
    func = call.func
    if isinstance(func, ast.Attribute) and func.attr == "say":
        return True
    if isinstance(func, ast.Name) and func.id in ("say", "_say"):
        return True
    return text and isinstance(func, ast.Name) and func.id == "Text"


def _source(expr: ast.expr, source: str) -> str:
    """The expression as written, where its position can be trusted; else as ``ast`` prints it."""
    segment = ast.get_source_segment(source, expr)
    try:
        if segment and ast.dump(ast.parse(segment.strip(), mode="eval").body) == ast.dump(expr):
            return segment.strip()
    except SyntaxError:
        pass
    return ast.unparse(expr)


def _render(
    callee: str,
    msgid: str,
    params: _Params,
    lang: ast.expr | None,
    indent: str,
    column: int,
    quote: str | None,
    source: str,
) -> str:
    """The new call; ``quote`` is set inside an f-string's braces (then: that quote, and one line)."""
    args = [_quote(msgid, quote or '"')]
    if lang is not None:
        args.append(ast.unparse(lang))
    args += [f"{name}={_source(expr, source)}" for name, expr in params.exprs.items()]
    one_line = f"{callee}({', '.join(args)})"
    if quote or column + len(one_line) <= LINE_LIMIT:
        return one_line
    inner = indent + "    "
    return f"{callee}(\n" + "".join(f"{inner}{a},\n" for a in args) + f"{indent})"


def scan(path: Path, text: bool = False) -> FileResult:
    """What the codemod would rewrite in ``path``, and what it must leave to a person."""
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    lines = source.encode("utf-8").splitlines(keepends=True)
    result = FileResult(path)
    in_fstring: dict[int, ast.JoinedStr] = {}  # a node inside an f-string's braces -> the outermost f-string
    for f in ast.walk(tree):
        if isinstance(f, ast.JoinedStr):
            for n in ast.walk(f):
                if n is not f:
                    in_fstring.setdefault(id(n), f)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not _is_candidate(node, text):
            continue
        where = f"{path}:{node.lineno}"
        pair = _pair_of(node, text)
        if pair is None:
            if not (isinstance(node.func, ast.Name) and node.func.id == "Text"):
                result.manual.append(f"{where}: {ast.unparse(node)[:100]}")
            continue
        callee, (zh_node, en_node), lang = pair
        params = _Params()
        try:
            msgid = _template(en_node, params)
            keys_en = set(params.by_key)
            zh = _template(zh_node, params)
            if not msgid or not zh:
                raise Unsupported("an empty text (no msgid, or no translation: gettext would show the English)")
            if set(params.by_key) != keys_en:  # e.g. "、".join(x) against ", ".join(x): a person decides
                raise Unsupported("the two languages put different values in their placeholders")
        except Unsupported as exc:
            if callee == "Message" and str(exc).startswith("not a string literal"):
                continue  # a Text of values computed in both languages is data, not a message
            result.manual.append(f"{where}: {exc}: {ast.unparse(node)[:100]}")
            continue
        line = lines[node.lineno - 1].decode("utf-8")
        indent = line[: len(line) - len(line.lstrip())]
        column = len(lines[node.lineno - 1][: node.col_offset].decode("utf-8"))
        quote = None
        if id(node) in in_fstring:  # inside an f-string's braces: the quote the f-string does not use
            segment = ast.get_source_segment(source, in_fstring[id(node)]) or '"'
            quote = '"' if segment.lstrip("rRbBfFuU")[:1] == "'" else "'"
        rendered = _render(callee, msgid, params, lang, indent, column, quote, source)
        result.rewrites.append(
            Rewrite((node.lineno, node.col_offset), (node.end_lineno, node.end_col_offset), rendered, msgid, zh)
        )
    # a pair nested in another pair's argument is rewritten with its outer call's next run
    outer = []
    for rewrite in sorted(result.rewrites, key=lambda r: r.start):
        if outer and rewrite.start < outer[-1].end:
            continue
        outer.append(rewrite)
    result.rewrites = outer
    return result


def apply(result: FileResult) -> None:
    """Write the rewrites of ``result`` into its file (last first, so offsets stay valid)."""
    data = result.path.read_bytes().splitlines(keepends=True)
    for rewrite in sorted(result.rewrites, key=lambda r: r.start, reverse=True):
        (l1, c1), (l2, c2) = rewrite.start, rewrite.end
        head = data[l1 - 1][:c1]
        tail = data[l2 - 1][c2:]
        data[l1 - 1 : l2] = [head + rewrite.text.encode("utf-8") + tail]
    text = b"".join(data)
    ast.parse(text)  # never write a file that no longer parses
    result.path.write_bytes(text)


def ensure_imports(path: Path) -> None:
    """Import ``Message`` / ``gettext`` from zhengming.i18n where the rewritten file calls them unimported."""
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    imported = {a.asname or a.name for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) for a in n.names}
    defined = {n.name for n in tree.body if isinstance(n, ast.FunctionDef | ast.ClassDef)}
    called = {n.func.id for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
    needed = sorted(({"Message", "gettext"} & called) - imported - defined)
    package = PACKAGE
    if not needed or not path.resolve().is_relative_to(package):
        return
    depth = len(path.resolve().relative_to(package).parts) - 1
    line = f"from {'.' * (depth + 1)}i18n import {', '.join(needed)}\n"
    lines = source.splitlines(keepends=True)
    after = max((n.end_lineno for n in tree.body if isinstance(n, ast.ImportFrom | ast.Import)), default=0)
    if not after and tree.body and isinstance(tree.body[0], ast.Expr):  # after the docstring
        after = tree.body[0].end_lineno
    lines.insert(after, line)
    path.write_text("".join(lines), encoding="utf-8")


# --- the catalog ----------------------------------------------------------------------------------


def record_translations(pairs: list[tuple[str, str, str]], catalog_path: Path = ZH_CATALOG) -> list[str]:
    """Put each (msgid, zh) into the zh_CN catalog; return the conflicts (already translated otherwise)."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po, write_po

    if catalog_path.exists():
        with catalog_path.open("rb") as f:
            catalog = read_po(f, locale=catalog_path.parts[-3], domain="zhengming")
    else:
        catalog_path.parent.mkdir(parents=True, exist_ok=True)
        catalog = Catalog(locale="zh_CN", domain="zhengming", project="zhengming")
    conflicts = []
    for where, msgid, zh in pairs:
        message = catalog.get(msgid)
        if message is None:
            catalog.add(msgid, zh)
        elif not message.string or message.fuzzy:
            message.string = zh
            message.flags.discard("fuzzy")
        elif message.string != zh:
            conflicts.append(f"{where}: {msgid!r} is {message.string!r} in the catalog, {zh!r} here")
    with catalog_path.open("wb") as f:
        write_po(f, catalog, width=None, sort_output=True, include_lineno=False)
    return conflicts


# --- Jinja2 templates (opt-in: the page must offer ``_``, e.g. ``translator(lang)`` in its context) ----------

_QUOTED = r"""(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")"""
_TEMPLATE_PAIR = re.compile(r"\bsay\(\s*" + _QUOTED + r"\s*,\s*" + _QUOTED + r"\s*\)")


def rewrite_template(path: Path, skip: frozenset[str] = frozenset(), write: bool = True) -> list[tuple[str, str, str]]:
    """``say('中文', 'English')`` in a template becomes ``_('English')``; the (where, msgid, zh) pairs.

    Pairs whose English is in ``skip`` (it stands for several Chinese texts) are left for a person."""
    text = path.read_text(encoding="utf-8")
    pairs = []

    def replace(match: re.Match) -> str:
        zh = match.group(1) if match.group(1) is not None else match.group(2)
        en = match.group(3) if match.group(3) is not None else match.group(4)
        if not en or not zh or _escape(en) in skip:  # an empty text is no msgid, and no translation
            return match.group(0)
        line = text.count("\n", 0, match.start()) + 1
        pairs.append((f"{path}:{line}", _escape(en), _escape(zh)))
        quote = "'" if match.group(3) is not None else '"'
        return f"_({quote}{en}{quote})"

    rewritten = _TEMPLATE_PAIR.sub(replace, text)
    if pairs and write:
        path.write_text(rewritten, encoding="utf-8")
    return pairs


def ambiguous_msgids(pairs: list[tuple[str, str, str]], catalog_path: Path = ZH_CATALOG) -> frozenset[str]:
    """The English texts that stand for more than one Chinese text, among ``pairs`` and the catalog (its
    messages without a context: ``_('…')`` finds those; ``pgettext`` tells the others apart)."""
    from babel.messages.pofile import read_po

    chinese: dict[str, set[str]] = {}
    if catalog_path.exists():
        with catalog_path.open("rb") as f:
            for message in read_po(f):
                if message.id and message.string and not message.fuzzy and message.context is None:
                    chinese.setdefault(message.id, set()).add(message.string)
    for _, msgid, zh in pairs:
        chinese.setdefault(msgid, set()).add(zh)
    return frozenset(msgid for msgid, texts in chinese.items() if len(texts) > 1)


def python_files(paths: list[Path]) -> list[Path]:
    files = []
    for path in paths:
        files += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if something is left")
    parser.add_argument("--no-text", action="store_true", help="leave Text(zh, en) pairs alone")
    parser.add_argument(
        "--templates", type=Path, metavar="DIR", help="rewrite say('中文', 'English') in DIR's .html files instead"
    )
    args = parser.parse_args(argv)
    if args.templates:
        templates = sorted(args.templates.rglob("*.html"))
        ambiguous = ambiguous_msgids([p for t in templates for p in rewrite_template(t, write=False)])
        pairs = [p for t in templates for p in rewrite_template(t, skip=ambiguous)]
        record_translations(pairs)
        for msgid in sorted(ambiguous):
            print(f"left for a person: {msgid!r} stands for several Chinese texts; give each a pgettext context")
        print(f"rewrote {len(pairs)} template pairs; {len(ambiguous)} English texts left; now run: make messages")
        return 1 if ambiguous else 0
    results = [scan(p, text=not args.no_text) for p in python_files(args.paths or DEFAULT_PATHS)]
    todo = sum(len(r.rewrites) for r in results)
    manual = [line for r in results for line in r.manual]
    for line in manual:
        print("left for a person:", line)
    if args.check:
        for r in results:
            for w in r.rewrites:
                print(f"to rewrite: {r.path}:{w.start[0]}: {w.msgid!r}")
        return 1 if todo else 0
    pairs = []
    while any(r.rewrites for r in results):  # again until nested pairs are done too
        for r in results:
            apply(r)
            pairs += [(f"{r.path}:{w.start[0]}", w.msgid, w.zh) for w in r.rewrites]
        results = [scan(r.path, text=not args.no_text) for r in results]
    changed = sorted({Path(where.rsplit(":", 1)[0]) for where, _, _ in pairs})
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    for path in changed:
        ensure_imports(path)
    if changed and ruff:  # the house style: imports sorted, ``Text`` dropped where unused, quotes, line breaks
        subprocess.run([ruff, "check", "--quiet", "--fix", "--select", "I,F401", *map(str, changed)], check=False)
        subprocess.run([ruff, "format", "--quiet", *map(str, changed)], check=False)
    conflicts = record_translations(pairs) if pairs else []
    for line in conflicts:
        print("conflict:", line)
    print(f"rewrote {len(pairs)} pairs; {len(manual)} left for a person; {len(conflicts)} conflicts")
    print("now run: make messages")
    return 1 if conflicts else 0


if __name__ == "__main__":
    sys.exit(main())
