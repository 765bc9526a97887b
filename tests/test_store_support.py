"""Fixtures for the store, lifecycle and import tests: every test that asks for ``store`` runs once on
SQLite and once on PostgreSQL.

PostgreSQL: one uniquely named template database per test session (``zm_<random>``), migrated once;
each test gets its own clone of it (``CREATE DATABASE … TEMPLATE``), dropped after the test, and the
template is dropped at the end of the session. The PostgreSQL variants are skipped, saying why, only
when no server answers at ``ZHENGMING_TEST_PG`` (default ``postgresql://postgres@127.0.0.1:5432/test``).

This module holds no tests; the test modules load it with ``pytest_plugins``.
"""

from __future__ import annotations

import copy
import itertools
import json
import os
import secrets

import pytest

from zhengming import Engine

from .conftest import BASE_CASE

PG_ADMIN_URL = os.environ.get("ZHENGMING_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
REPORTER_NAME = "欧阳举报人"
_clones = itertools.count()


def _pg_connect(url: str):
    import psycopg

    return psycopg.connect(url, autocommit=True, connect_timeout=3)


def _db_url(name: str) -> str:
    return PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(scope="session")
def pg_template():
    """The migrated template database of this session, or the reason PostgreSQL is unavailable."""
    try:
        admin = _pg_connect(PG_ADMIN_URL)
    except Exception as exc:
        yield None, f"no PostgreSQL server at {PG_ADMIN_URL}: {type(exc).__name__}: {exc}"
        return
    from zhengming.store import open_store

    name = f"zm_{secrets.token_hex(6)}"
    admin.execute(f"CREATE DATABASE {name}")
    try:
        store = open_store(_db_url(name))
        store.dispose()
        yield name, None
    finally:
        for row in admin.execute("SELECT datname FROM pg_database WHERE datname LIKE %s", (f"{name}%",)):
            admin.execute(f"DROP DATABASE IF EXISTS {row[0]} WITH (FORCE)")
        admin.close()


@pytest.fixture
def db_url(request, tmp_path, pg_template, private_env):
    """A fresh, migrated database: a SQLite file, or a clone of the PostgreSQL template."""
    if request.param == "sqlite":
        from zhengming.store import open_store

        path = tmp_path / "cases.sqlite"
        open_store(str(path)).dispose()
        yield str(path)
        return
    template, unavailable = pg_template
    if unavailable:
        pytest.skip(unavailable)
    clone = f"{template}_{next(_clones)}"
    admin = _pg_connect(PG_ADMIN_URL)
    admin.execute(f"CREATE DATABASE {clone} TEMPLATE {template}")
    try:
        yield _db_url(clone)
    finally:
        admin.execute(f"DROP DATABASE IF EXISTS {clone} WITH (FORCE)")
        admin.close()


BACKENDS = pytest.mark.parametrize("db_url", ["sqlite", "postgresql"], indirect=True)


class Calendar:
    """The clock the service reads (``zhengming.clock.now``), moved by a test: what an officer records as
    done may not be dated after the office's today nor before the case was opened."""

    def __init__(self, instant):
        self.instant = instant

    def to(self, day):
        """Noon of ``day`` in the office's zone (Asia/Shanghai); returns the office's today."""
        from datetime import UTC, datetime, time

        from zhengming import clock

        self.instant = datetime.combine(day, time(12), clock.office_zone()).astimezone(UTC)
        return clock.office_today()

    def advance(self, days: int):
        from datetime import timedelta

        from zhengming import clock

        self.instant += timedelta(days=days)
        return clock.office_today()


@pytest.fixture
def calendar(monkeypatch):
    """The office's clock stopped at 07:30 on 2 March 2024 in Beijing (23:30 on 1 March in UTC), moved by
    ``calendar.to(day)`` or ``calendar.advance(days)``."""
    from datetime import UTC, datetime

    from zhengming import clock

    monkeypatch.delenv(clock.ENVIRONMENT, raising=False)
    moving = Calendar(datetime(2024, 3, 1, 23, 30, tzinfo=UTC))
    monkeypatch.setattr(clock, "now", lambda: moving.instant)
    return moving


@pytest.fixture
def private_env(tmp_path, monkeypatch):
    """Never touch the user's own key or database."""
    from zhengming.store.crypto import create_key_file

    create_key_file(tmp_path / "key")
    monkeypatch.setenv("ZHENGMING_KEY_FILE", str(tmp_path / "key"))
    monkeypatch.setenv("ZHENGMING_DB", str(tmp_path / "default.sqlite"))
    monkeypatch.delenv("ZHENGMING_KEY", raising=False)


@pytest.fixture
def store(db_url):
    from zhengming.store import open_store

    store = open_store(db_url)
    yield store
    store.dispose()


@pytest.fixture
def service(store, engine):
    from zhengming.lifecycle import CaseService

    return CaseService(store, engine)


def make_service(store, registry):
    from zhengming.lifecycle import CaseService

    return CaseService(store, Engine(registry))


@pytest.fixture
def zm(db_url):
    """Runs ``zhengming``; as the user named by ``--as`` (else ``li``) with their token once issued."""
    from click.testing import CliRunner

    from zhengming.cli.main import cli

    runner = CliRunner()
    tokens: dict[str, str] = {}

    def run(*args, code=0):
        user = args[args.index("--as") + 1] if "--as" in args else "li"
        env = {"ZHENGMING_TOKEN": tokens.get(user, "")}
        result = runner.invoke(cli, ["--db", db_url, *args], catch_exceptions=False, env=env)
        assert result.exit_code == code, result.output
        return result

    def login(*names):
        for name in names:
            tokens[name] = json.loads(run("--local-admin", "token", "issue", name, "--json").stdout)["token"]

    def add_user(name, *, roles=(), grants=(), organ="discipline_commission", level="county", jurisdiction=None):
        """``users add`` as the local administrator: a county discipline commission's officer by default."""
        where = ("--jurisdiction", jurisdiction) if jurisdiction else ()
        given = [x for r in roles for x in ("--role", r)] + [x for g in grants for x in ("--grant", g)]
        return run("--local-admin", "users", "add", name, "--organ", organ, "--level", level, *where, *given)

    run.login = login
    run.add_user = add_user
    run.db_url = db_url
    return run


# --- people of a county discipline commission in 济南 and 平顶山 ------------------------------

PEOPLE = {
    "li": ("discipline_commission", "county", ["handling_department", "verification_team"]),
    "wang": ("discipline_commission", "county", ["commission_head"]),
    "zhao": ("party_committee", "county", ["party_committee_head"]),
    "sun": ("discipline_commission", "city", ["commission_head", "handling_department"]),
    "zhou": ("discipline_commission", "county", ["agency_head"]),
}


@pytest.fixture
def people(store):
    from zhengming.lifecycle import add_user

    for name, (organ, level, roles) in PEOPLE.items():
        add_user(store, name, organ, level, roles)
    return PEOPLE


def case_document(case_id: str = "T-1", *, reporter: bool = True, **changes) -> dict:
    """The 济南 base case (must clarify: handling department proposes, commission head approves)."""
    document = copy.deepcopy(BASE_CASE) | {"case_id": case_id}
    for key, value in changes.items():
        document[key] = value
    if reporter:
        document["reporter"] = {"name": REPORTER_NAME, "phone": "13912345678", "id_number": "410402199001011234"}
    return document


PINGDINGSHAN_CASE = {
    "jurisdiction": "pingdingshan",
    "as_of": "2023-06-01",
    "subject": {"kind": "person", "name": "钱某", "management_level": "county"},
    "report": {"received_on": "2023-02-01", "real_name": True, "channel": "letter"},
    "handling": {"organ": "discipline_commission", "level": "county", "verification_concluded_on": "2023-04-01"},
    "allegations": [{"id": "a1", "summary": "违规经商", "finding": "untrue"}],
    "impact": {"scope": "unit"},
}


def pingdingshan_document(case_id: str, **circumstances) -> dict:
    document = copy.deepcopy(PINGDINGSHAN_CASE) | {"case_id": case_id}
    if circumstances:
        document["circumstances"] = circumstances
    return document


# A throwaway jurisdiction that defers on pending clues, sets a one-month deadline from the end of
# verification, and fast-tracks at a key juncture: the hooks the installed plugins may not all use.
LAND_PLUGIN = """
@hookimpl
def zhengming_clarification_trigger(case):
    if case.circumstances.pending_other_clues:
        return Trigger(outcome=TriggerOutcome.DEFERRED, reasons=(Text("尚有其他线索", "other clues pending"),),
                       citations=(Citation(document="测试办法", article="第一条"),))
    return None

@hookimpl
def zhengming_clarification_deadline(case):
    start = case.handling.verification_concluded_on
    if start is None:
        return None
    return Deadline(due_on=add_months(start, 1), citations=(Citation(document="测试办法", article="第二条"),))

@hookimpl
def zhengming_fast_track(case):
    return FastTrack(active=case.circumstances.key_juncture, citations=(Citation(document="测试办法", article="第三条"),))
"""


@pytest.fixture
def land(plugins):
    from zhengming import load_registry

    return load_registry(entry_points=[plugins.make("testland", LAND_PLUGIN)])


def land_document(case_id: str, *, concluded: str = "2023-03-10", **circumstances) -> dict:
    document = case_document(case_id, reporter=False, jurisdiction="testland")
    document["handling"] = dict(document["handling"], verification_concluded_on=concluded)
    if circumstances:
        document["circumstances"] = circumstances
    return document


def token_for(location: str, name: str, scopes=None) -> str:
    """A token of user ``name`` in the database at ``location``, issued by the local administrator."""
    from zhengming.security import issue_token, local_admin
    from zhengming.security.tokens import DEFAULT_SCOPES
    from zhengming.store import open_store

    store = open_store(location)
    try:
        return issue_token(store, name, actor=local_admin("test"), scopes=scopes or DEFAULT_SCOPES)[0]
    finally:
        store.dispose()
