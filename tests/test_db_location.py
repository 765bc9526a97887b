"""``--db`` values zhengming does not understand get a clear message, and create nothing."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from zhengming.cli.main import cli

from .test_store_support import PG_ADMIN_URL


def run(tmp_path, monkeypatch, value):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ZHENGMING_KEY_FILE", str(tmp_path / "key"))
    monkeypatch.delenv("ZHENGMING_DB", raising=False)
    return CliRunner().invoke(cli, ["--lang", "en", "--db", value, "case", "list"])


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("host=localhost dbname=cases", "looks like a libpq keyword string"),
        ("dbname=cases user=postgres", "looks like a libpq keyword string"),
        ("postgresq://postgres@localhost/cases", "scheme 'postgresq' is not understood"),
        ("mysql://root@localhost/cases", "scheme 'mysql' is not understood"),
        ("postgresql:/cases", "not a complete URL"),
        ("postgres:cases", "not a complete URL"),
    ],
)
def test_values_that_are_neither_a_path_nor_a_url_are_refused(tmp_path, monkeypatch, value, says):
    result = run(tmp_path, monkeypatch, value)
    assert result.exit_code == 2 and says in result.stderr and "postgresql://" in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # no stray SQLite file, no key


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("postgresql://u@h:port/db", "not a valid database URL"),
        ("{tmp}", "is not a usable SQLite database"),
        ("{tmp}/README.txt", "is not a usable SQLite database"),
        ("/proc/nowhere/cases.sqlite", "cannot create the database file"),
    ],
)
def test_paths_and_urls_that_cannot_be_opened_say_why(tmp_path, monkeypatch, value, says):
    (tmp_path / "README.txt").write_text("not a database\n" * 100)
    result = run(tmp_path, monkeypatch, value.format(tmp=tmp_path))
    assert result.exit_code == 1 and says in result.stderr, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_missing_postgresql_database_says_how_to_create_it(tmp_path, monkeypatch):
    import psycopg

    try:
        psycopg.connect(PG_ADMIN_URL, connect_timeout=3).close()
    except Exception as exc:
        pytest.skip(f"no PostgreSQL server at {PG_ADMIN_URL}: {exc}")
    url = PG_ADMIN_URL.rsplit("/", 1)[0] + "/i11_no_such_database"
    result = run(tmp_path, monkeypatch, url)
    assert result.exit_code == 1
    assert "database i11_no_such_database does not exist" in result.stderr
    assert "createdb" in result.stderr and "CREATE DATABASE i11_no_such_database" in result.stderr


def test_an_unreachable_server_is_named(tmp_path, monkeypatch):
    result = run(tmp_path, monkeypatch, "postgresql://postgres@127.0.0.1:1/cases")
    assert result.exit_code == 1 and "cannot connect to PostgreSQL at 127.0.0.1:1" in result.stderr
