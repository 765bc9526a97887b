"""One i18n mechanism (zhengming.i18n): every message the code uses is in the catalogs, translated into
Chinese, and nothing else is; the compiled catalogs are those of the .po files; the command line still
says the same things in both languages."""

from __future__ import annotations

import importlib.util
import re
import string
import sys
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_keywords, parse_mapping_cfg
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from click.testing import CliRunner

from zhengming.cli.main import cli
from zhengming.i18n import KEYWORDS, LOCALE_DIR, Message, gettext, locale_of, ngettext, npgettext, pgettext, translator
from zhengming.model import Text

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "core/src/zhengming"
LOCALES = ("zh_CN", "en")
HOW_TO_FIX = "run `make messages`, then translate the new entries in zh_CN.po (no fuzzy flag) and run it again"


def key(msgid: str, context: str | None) -> str | tuple[str, str]:
    """A message's key: its msgid, or ``(msgid, context)`` for one with a context (as Babel keys them)."""
    return msgid if context is None else (msgid, context)


def extract(directory: Path) -> dict[str | tuple[str, str], list[str]]:
    """key -> where it is used, extracted as `make messages` does (babel.cfg, zhengming's keywords)."""
    with (ROOT / "babel.cfg").open() as f:
        method_map, options_map = parse_mapping_cfg(f)
    found: dict[str | tuple[str, str], list[str]] = {}
    for filename, lineno, message, _comments, context in extract_from_dir(
        directory, method_map, options_map, keywords=parse_keywords(KEYWORDS)
    ):
        msgid = message if isinstance(message, str) else message[0]
        found.setdefault(key(msgid, context), []).append(f"{filename}:{lineno}")
    return found


@pytest.fixture(scope="module")
def used() -> dict[str, list[str]]:
    return extract(PACKAGE)


def catalog(locale: str):
    with (LOCALE_DIR / locale / "LC_MESSAGES/zhengming.po").open("rb") as f:
        return read_po(f, locale=locale)


def singular(msgid: str | tuple[str, ...]) -> str:
    """A catalog entry's msgid: a counted message (``ngettext``) is held as (singular, plural)."""
    return msgid[0] if isinstance(msgid, tuple) else msgid


def forms(string: str | tuple[str, ...]) -> tuple[str, ...]:
    """A translation's forms: one, or one per plural form (zh_CN has one, en two)."""
    return string if isinstance(string, tuple) else (string,)


def translated(message) -> bool:
    """Every form of the entry is written and it is not marked fuzzy."""
    return all(forms(message.string)) and not message.fuzzy


def compiled_forms(message) -> tuple[str, ...]:
    """What ``pybabel compile`` writes for an entry: its forms, none for a fuzzy or untranslated one; a counted
    message left empty (en: English needs no entry) gets its msgids, singular then plural."""
    if message.fuzzy or not any(forms(message.string)):
        return () if not isinstance(message.id, tuple) or message.fuzzy else message.id
    return forms(message.string)


def fields(template: str) -> set[str]:
    """The placeholder names of a ``str.format`` template (raises ValueError on a malformed one)."""
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template) if name}


def test_the_code_uses_messages(used):
    assert len(used) > 100
    assert "plugin error: " in used and "step {number}" in used  # the second sits inside an f-string


def entry(held, message_key: str | tuple[str, str]):
    """The catalog's entry for a key (``None`` when it has none)."""
    msgid, context = (message_key, None) if isinstance(message_key, str) else message_key
    return held.get(msgid, context=context)


def test_every_message_the_code_uses_has_a_chinese_translation(used):
    zh = catalog("zh_CN")
    missing = [f"{k!r} ({where[0]})" for k, where in used.items() if entry(zh, k) is None]
    untranslated = [
        f"{k!r} ({where[0]})" for k, where in used.items() if entry(zh, k) is not None and not translated(entry(zh, k))
    ]
    assert not missing, f"not in zh_CN.po: {missing}; {HOW_TO_FIX}"
    assert not untranslated, f"untranslated or fuzzy in zh_CN.po: {untranslated}; {HOW_TO_FIX}"


@pytest.mark.parametrize("locale", LOCALES)
def test_the_catalogs_hold_exactly_the_messages_the_code_uses(used, locale):
    held = {key(singular(m.id), m.context) for m in catalog(locale) if m.id}
    assert sorted(set(used) - held, key=str) == [], f"missing from {locale}: {HOW_TO_FIX}"
    assert sorted(held - set(used), key=str) == [], f"stale in {locale} (no longer in the code): {HOW_TO_FIX}"


@pytest.mark.parametrize("locale", LOCALES)
def test_translations_name_only_the_placeholders_of_their_msgid(locale):
    for message in catalog(locale):
        named = set().union(*(fields(msgid) for msgid in forms(message.id)))
        for form in forms(message.string) if message.id else ():
            assert fields(form) <= named, (locale, message.context, message.id, message.string)


def test_no_entry_is_fuzzy_in_either_catalog():
    """A fuzzy entry is a guess by ``pybabel update`` (the .mo leaves it out); in zh_CN a person translates
    it and drops the flag, in en ``make messages`` makes none (``--no-fuzzy-matching``: English mostly needs
    no entry, and a guess there once showed another message's English)."""
    for locale in LOCALES:
        fuzzy = [(m.context, m.id) for m in catalog(locale) if m.id and m.fuzzy]
        assert fuzzy == [], f"fuzzy in {locale}.po: {fuzzy}; {HOW_TO_FIX}"


def test_a_counted_message_has_every_form_in_zh_cn_and_none_or_every_one_in_en():
    counted = {locale: [m for m in catalog(locale) if isinstance(m.id, tuple)] for locale in LOCALES}
    assert len(counted["zh_CN"]) >= 3 and {m.id for m in counted["zh_CN"]} == {m.id for m in counted["en"]}
    assert all(len(forms(m.string)) == 1 and translated(m) for m in counted["zh_CN"])  # nplurals=1
    assert all(len(forms(m.string)) == 2 and (translated(m) or not any(m.string)) for m in counted["en"])


@pytest.mark.parametrize("locale", LOCALES)
def test_the_compiled_catalogs_are_those_of_the_po_files(locale):
    """The package reads the .mo files: they must say what the .po files say (`make messages` compiles)."""
    with (LOCALE_DIR / locale / "LC_MESSAGES/zhengming.mo").open("rb") as f:
        # Babel's read_mo leaves a context as bytes (the .mo's charset is UTF-8)
        # and a counted message's msgids and forms as lists
        compiled = {
            key(tuple(m.id) if isinstance(m.id, list) else m.id, m.context and m.context.decode()): forms(
                tuple(m.string) if isinstance(m.string, list) else m.string
            )
            for m in read_mo(f)
            if m.id
        }
    written = {key(m.id, m.context): compiled_forms(m) for m in catalog(locale) if m.id and compiled_forms(m)}
    assert compiled == written, f"{locale}: zhengming.mo is out of date; run `make messages`"


def test_make_messages_extracts_with_the_same_keywords():
    makefile = (ROOT / "Makefile").read_text()
    assert set(re.findall(r"-k (\S+)", makefile)) == set(KEYWORDS)


def codemod():
    spec = importlib.util.spec_from_file_location("i18n_codemod", ROOT / "tools/i18n_codemod.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_no_bilingual_pair_is_left_in_the_command_line_or_the_domain_errors():
    """``app.say(zh, en)`` and ``Text(zh, en)`` are gone from the command line and the domain's errors: a
    branch that still adds one needs ``python tools/i18n_codemod.py`` (then ``make messages``)."""
    tool = codemod()
    scanned = [tool.scan(path, text=True) for path in tool.python_files(tool.DEFAULT_PATHS)]
    left = [f"{r.path.relative_to(ROOT)}:{w.start[0]} {w.msgid!r}" for r in scanned for w in r.rewrites]
    manual = [line for r in scanned for line in r.manual]
    assert left == [] and manual == [], "run python tools/i18n_codemod.py, then make messages"


CONSOLE_TEMPLATES = PACKAGE / "web/console/templates"
SAY_CALL = re.compile(r"\bsay\s*\(")  # say('中文', 'English') or say(zh, en); not say.name(…), say.state(…)


def say_calls(text: str) -> list[str]:
    """``line: call`` for each call of ``say`` itself in a template's text."""
    return [
        f"{text.count(chr(10), 0, m.start()) + 1}: {text[m.start() : m.start() + 60]}" for m in SAY_CALL.finditer(text)
    ]


def test_no_bilingual_pair_is_left_in_the_console_templates():
    """The console's pages say their own words through the catalog, ``_('…')`` or, where one English word
    stands for several Chinese ones, ``pgettext('context', '…')``: a ``say('中文', 'English')`` pair is gone."""
    templates = sorted(CONSOLE_TEMPLATES.rglob("*.html"))
    assert len(templates) > 5
    left = [f"{t.relative_to(ROOT)}:{call}" for t in templates for call in say_calls(t.read_text(encoding="utf-8"))]
    assert left == [], "use _('English') or pgettext('context', 'English') and make messages"


def test_the_template_check_finds_a_pair():
    assert say_calls("<b>{{ say.state(v) }}</b>{{ say.name('role', r) }}") == []
    assert len(say_calls("<th>{{ say('期限', 'Due') }}</th>\n{{ say (zh, en) }}{{ say('项', '') }}")) == 3
    assert say_calls('a\n<td>{{ say("记录", "Record") }}</td>')[0].startswith("2: say(")


def test_the_codemod_turns_pairs_into_msgids_with_named_placeholders(tmp_path):
    source = tmp_path / "cmd.py"
    source.write_text(
        "def show(app, case_id, items, label):\n"
        '    app.say(f"案件 {case_id} 不存在", f"case {case_id} does not exist")\n'
        "    x = f\"{app.say('共', 'total')}: {len(items)}\"\n"
        '    return app.say(f"「{label.zh}」{{x}}", f"{label.en!r} {{x}}")\n'
    )
    tool = codemod()
    found = tool.scan(source)
    assert [(w.msgid, w.zh) for w in found.rewrites] == [
        ("case {case_id} does not exist", "案件 {case_id} 不存在"),
        ("total", "共"),
        ("{label!r} {{x}}", "「{label}」{{x}}"),
    ]
    tool.apply(found)
    text = source.read_text()
    assert 'app._("case {case_id} does not exist", case_id=case_id)' in text
    assert "{app._('total')}" in text and 'app._("{label!r} {{x}}", label=label)' in text
    compile(text, str(source), "exec")


def test_the_extraction_finds_messages_in_python_and_in_the_console_templates(tmp_path):
    (tmp_path / "web/console/templates").mkdir(parents=True)
    (tmp_path / "web/console/templates/page.html").write_text(
        '<h1>{{ _("My tasks ({count})", count=n) }}</h1><dt>{{ pgettext("case details", "Due") }}</dt>'
        "<td>{{ pgettext('page', 'no. {number}', number=loop.index) }}</td>"
        "<p>{{ ngettext('{count} case', '{count} cases', n, count=n) }}</p>"
    )
    (tmp_path / "errors.py").write_text(
        'Message("case {case_id} does not exist", case_id=c)\n'
        "f\"{app._('version')} {v}\"\n"
        'gettext("own organ", lang)\n'
        'pgettext("group by", "jurisdiction", lang)\n'
        "gettext(msgid, lang)\n"
        "say(zh, en)\n"
        'ngettext("{count} event", "{count} events", n, lang, count=n)\n'
        'npgettext("audit", "{count} key", "{count} keys", n, lang, count=n)\n'
    )
    assert set(extract(tmp_path)) == {
        "My tasks ({count})",
        ("Due", "case details"),
        ("no. {number}", "page"),
        "case {case_id} does not exist",
        "version",
        "own organ",
        ("jurisdiction", "group by"),
        "{count} case",
        "{count} event",
        ("{count} key", "audit"),
    }


# --- what the mechanism does -----------------------------------------------------------------------


def test_gettext_is_chinese_by_default_and_english_on_request():
    assert gettext("step {number}", number=3) == "第3步"
    assert gettext("step {number}", "zh", number=3) == "第3步"
    assert gettext("step {number}", "en", number=3) == "step 3"
    assert gettext("step {number}", "en-GB", number=3) == "step 3"
    assert gettext("step {number}", "fr", number=3) == "第3步"  # no French catalog: the default
    assert gettext("nobody wrote this {x}", "zh", x=1) == "nobody wrote this 1"  # no translation: the msgid
    assert translator("en")("key error: ") == "key error: " and translator("zh")("key error: ") == "密钥错误："
    assert [locale_of(x) for x in ("zh", "zh-CN", "en", "EN_us", None)] == ["zh_CN", "zh_CN", "en", "en", "zh_CN"]


def test_pgettext_tells_apart_the_meanings_of_one_english_word():
    assert gettext("Due") == "期限" and pgettext("case details", "Due") == "办理期限"
    assert pgettext("case details", "Due", "en") == "Due" and gettext("Due", "en") == "Due"
    assert pgettext("group by", "jurisdiction") == "按地区" and gettext("jurisdiction") == "管辖地区"
    assert pgettext("case tag", "fast track") == "快查快办" and gettext("fast track") == "快查快办（绿色通道）"
    assert pgettext("nobody's context", "Due") == "Due"  # no translation in that context: the msgid
    assert gettext("no. {number}", number=2) == "第2项" and gettext("no. {number}", "en", number=2) == "no. 2"


def test_ngettext_picks_the_form_for_the_count():
    one, many = "{count} case", "{count} cases"
    assert [ngettext(one, many, n, "en", count=n) for n in (0, 1, 2)] == ["0 cases", "1 case", "2 cases"]
    assert [ngettext(one, many, n, count=n) for n in (1, 2)] == ["共 1 件", "共 2 件"]  # Chinese: one form
    assert ngettext("{count} thing", "{count} things", 1, "en", count=1) == "1 thing"  # not in the catalog
    assert ngettext("{count} thing", "{count} things", 3, "zh", count=3) == "3 things"
    assert npgettext("nobody's context", one, many, 1, "en", count=1) == "1 case"
    assert npgettext("nobody's context", one, many, 2, "zh", count=2) == "2 cases"
    singular = "audit log intact: {events} event, keyed chain and tables verified (key {key})"
    intact = (singular, singular.replace("event,", "events,"))
    assert ngettext(*intact, 1, "en", events=1, key="k").startswith("audit log intact: 1 event, ")
    assert ngettext(*intact, 1, "zh", events=1, key="k") == "审计日志完整：1 条记录，密钥链与各表校验通过（密钥 k）"


def test_the_invariants_are_described_in_both_languages():
    from zhengming.conformance.invariants import INVARIANTS, RUNNER_INVARIANTS

    texts = [i.text for i in INVARIANTS] + list(RUNNER_INVARIANTS.values())
    assert len(texts) == 12 and all(isinstance(t, Message) for t in texts)
    assert all(t.zh != t.en and re.search(r"[\u4e00-\u9fff]", t.zh) for t in texts)
    assert RUNNER_INVARIANTS["no-exception"].zh == "评估不抛出异常"


def test_a_message_stands_where_a_text_is_read():
    message = Message("feedback recorded ({channel})", channel="letter")
    assert (message.zh, message.en) == ("已记录对举报人的反馈（letter）", "feedback recorded (letter)")
    assert message.render("en") == message.en and message.render() == message.zh
    assert message == Message("feedback recorded ({channel})", channel="letter") != message.format(channel="visit")
    assert message.format(channel="visit").en == "feedback recorded (visit)"
    nested = Message("by state: {states}", states=Text("甲", "A"))  # a parameter renders in the same language
    assert (nested.zh, nested.en) == ("按状态：甲", "by state: A")
    assert "feedback recorded" in repr(message)


def test_a_translation_naming_a_placeholder_the_call_lacks_falls_back_to_english(monkeypatch):
    import gettext as stdlib

    class Broken(stdlib.NullTranslations):
        def gettext(self, message):
            return "坏的 {nothing}"

    monkeypatch.setattr("zhengming.i18n.messages.translations", lambda locale: Broken())
    assert gettext("line {line}", "zh", line=3) == "line 3"


# --- the command line says what it said before, in both languages ------------------------------------


@pytest.fixture
def zm(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    for name in ("ZHENGMING_LANG", "ZHENGMING_KEY", "ZHENGMING_KEY_FILE", "ZHENGMING_DB", "ZHENGMING_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    runner = CliRunner()

    def run(*args, code=0):
        result = runner.invoke(cli, list(args), catch_exceptions=False)
        assert result.exit_code == code, result.output
        return result

    return run


def test_jurisdiction_show_in_chinese_and_english(zm):
    zh = zm("jurisdictions", "show", "pingdingshan").stdout
    en = zm("--lang", "en", "jurisdictions", "show", "pingdingshan").stdout
    assert "规则链：core → pingdingshan" in zh and "各钩子的回答者（最具体者优先）：" in zh and "现行有效" in zh
    assert "chain: core → pingdingshan" in en and "who answers each hook (most specific first):" in en
    assert "in force" in en and "现行有效" not in en


def test_an_unknown_jurisdiction_in_both_languages(zm):
    zh = zm("jurisdictions", "show", "atlantis", code=3)
    en = zm("--lang", "en", "jurisdictions", "show", "atlantis", code=3)
    assert "辖区 'atlantis' 未安装；已安装：" in zh.stderr
    assert "jurisdiction 'atlantis' is not installed; installed: " in en.stderr


def test_a_usage_error_in_both_languages(zm):
    args = ("report", "--from", "2024-02-01", "--to", "2024-01-01")
    assert "--from 不能晚于 --to" in zm(*args, code=2).stderr
    assert "--from must not be after --to" in zm("--lang", "en", *args, code=2).stderr


def test_the_store_commands_in_both_languages(zm, tmp_path):
    zh_db, en_db = str(tmp_path / "zh.sqlite"), str(tmp_path / "en.sqlite")
    first = zm("--db", zh_db, "db", "upgrade")
    assert re.search(r"：空 → \d{4}$", first.stdout.strip())  # Chinese punctuation in Chinese
    created = zm("--db", str(tmp_path / "new.sqlite"), "db", "create")
    assert re.search(r"：已创建；空 → \d{4}$", created.stdout.strip()) and ";" not in created.stdout
    english = zm("--lang", "en", "--db", str(tmp_path / "new-en.sqlite"), "db", "create")
    assert re.search(r": created; empty → \d{4}$", english.stdout.strip())
    assert re.search(r": empty → \d{4}$", zm("--lang", "en", "--db", en_db, "db", "upgrade").stdout.strip())
    verified = zm("--db", zh_db, "audit", "verify")
    assert "审计日志完整：0 条记录，密钥链与各表校验通过" in verified.stdout and "已新建密钥" in verified.stderr
    assert (
        "audit log intact: 0 events, keyed chain and tables verified"
        in zm("--lang", "en", "--db", zh_db, "audit", "verify").stdout
    )
    assert "需要身份验证" in zm("--db", zh_db, "case", "show", "X", code=7).stderr
    assert "authentication needed" in zm("--lang", "en", "--db", zh_db, "case", "show", "X", code=7).stderr


def test_domain_errors_carry_catalog_messages_in_both_languages():
    from zhengming.lifecycle.errors import CaseConflict, CaseNotFound, InvalidTransition, InvalidValue
    from zhengming.lifecycle.machine import CLOSE

    missing = CaseNotFound("PDS-1")
    assert isinstance(missing.message, Message) and str(missing) == "case PDS-1 does not exist"
    assert (missing.message.zh, missing.message.en) == ("案件 PDS-1 不存在", "case PDS-1 does not exist")
    refused = InvalidTransition("PDS-1", "closed", CLOSE, Message("no revisit recorded"))
    assert refused.message.zh == "案件 PDS-1 处于「已办结」状态，不能办结：尚未记录回访"
    assert refused.message.en == "case PDS-1 is closed; cannot close: no revisit recorded"
    conflict = CaseConflict("PDS-1", Message("approve"), expected=3, found=4)
    assert "（所见版本 3，当前版本 4），本次「审批通过」未保存" in conflict.message.zh
    assert "(you saw version 3, it is now 4); your approve was not saved" in conflict.message.en
    assert InvalidValue("/days", Message("must be 1 to 366 days")).message.zh == "/days：有效期须为 1 至 366 天"


def test_the_codemod_rewrites_template_pairs_unless_their_english_is_ambiguous(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<th>{{ say('案件', 'Case') }}</th><td>{{ say(\"期限\", \"Due\") }} {{ say('办理期限', 'Due') }}</td>"
        "<b>{{ say('快查快办', 'fast track') }}</b>{{ say.state(v) }}"
    )
    tool = codemod()
    found = [tool.rewrite_template(page, write=False)]
    ambiguous = tool.ambiguous_msgids(found[0])  # "fast track" is 快查快办（绿色通道） in the catalog already
    assert ambiguous == {"Due", "fast track"}
    assert tool.rewrite_template(page, skip=ambiguous) == [(f"{page}:1", "Case", "案件")]
    assert page.read_text() == (
        "<th>{{ _('Case') }}</th><td>{{ say(\"期限\", \"Due\") }} {{ say('办理期限', 'Due') }}</td>"
        "<b>{{ say('快查快办', 'fast track') }}</b>{{ say.state(v) }}"
    )


def test_a_count_agrees_with_its_number_in_english():
    from zhengming.cli.case_text import amendment_lines, list_text

    assert list_text({"cases": [], "total": 1}, "en") == "1 case, 0 shown (⚡ fast track, ! overdue)"
    assert list_text({"cases": [], "total": 2}, "en") == "2 cases, 0 shown (⚡ fast track, ! overdue)"
    assert list_text({"cases": [], "total": 1}, "zh").startswith("共 1 件")
    assert "1 approval superseded" in amendment_lines({"approvals_reset": 1}, {}, "en")[-1]
    assert "3 approvals superseded" in amendment_lines({"approvals_reset": 3}, {}, "en")[-1]
