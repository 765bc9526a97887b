"""``--db`` values zhengming does not understand get a clear message, and create nothing."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from zhengming.cli.main import cli
from zhengming.store.database import HEAD_REVISION

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
        ("postgresql://postgres@localhost:5432/", "names no database"),  # the server's default database
        ("postgresql://postgres@localhost", "names no database"),
        ("postgresql://u@h:port/db", "port 'port' is not a number"),
        ("postgresql://u@h:70000/db", "port '70000' is not a number"),
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
        ("{tmp}", "is not a usable SQLite database: it is a directory"),
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
    assert "zhengming db create" in result.stderr


def pg_or_skip():
    import psycopg

    try:
        psycopg.connect(PG_ADMIN_URL, connect_timeout=3).close()
    except Exception as exc:
        pytest.skip(f"no PostgreSQL server at {PG_ADMIN_URL}: {exc}")


def db_command(tmp_path, monkeypatch, *args, env_db=None):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ZHENGMING_KEY_FILE", str(tmp_path / "key"))
    if env_db is None:
        monkeypatch.delenv("ZHENGMING_DB", raising=False)
    else:
        monkeypatch.setenv("ZHENGMING_DB", env_db)
    return CliRunner().invoke(cli, ["--lang", "en", *args])


def test_db_upgrade_of_a_missing_postgresql_database_says_how_to_create_it(tmp_path, monkeypatch):
    pg_or_skip()
    url = PG_ADMIN_URL.rsplit("/", 1)[0] + "/i12_no_such_database"
    result = db_command(tmp_path, monkeypatch, "--db", url, "db", "upgrade")
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
    assert "database i12_no_such_database does not exist" in result.stderr and "db create" in result.stderr
    assert "Traceback" not in result.output


def test_db_create_creates_a_missing_postgresql_database_once(tmp_path, monkeypatch):
    import secrets

    import psycopg

    pg_or_skip()
    name = f"zm_create_{secrets.token_hex(4)}"
    url = PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    try:
        created = db_command(tmp_path, monkeypatch, "db", "create", "--json", env_db=url)
        assert created.exit_code == 0, created.output
        data = json.loads(created.stdout)
        assert (data["created"], data["before"], data["after"]) == (True, None, HEAD_REVISION)
        again = db_command(tmp_path, monkeypatch, "--db", url, "db", "create", "--json")
        assert again.exit_code == 0 and json.loads(again.stdout)["created"] is False
        from zhengming.store.crypto import create_key_file

        create_key_file(tmp_path / "key")
        listed = db_command(tmp_path, monkeypatch, "--db", url, "--local-admin", "users", "list", "--json")
        assert listed.exit_code == 0, listed.output  # the database is usable as it is
    finally:
        with psycopg.connect(PG_ADMIN_URL, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def test_db_create_refuses_a_url_without_a_database_and_creates_nothing(tmp_path, monkeypatch):
    result = db_command(tmp_path, monkeypatch, "--db", "postgresql://postgres@127.0.0.1:5432/", "db", "create")
    assert result.exit_code == 2 and "names no database" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_db_create_makes_a_sqlite_file_and_its_schema(tmp_path, monkeypatch):
    path = tmp_path / "sub" / "cases.sqlite"
    result = db_command(tmp_path, monkeypatch, "--db", str(path), "db", "create", "--json")
    assert result.exit_code == 0 and json.loads(result.stdout)["created"] is True and path.exists()


def test_zhengming_db_set_to_a_libpq_string_is_refused_like_db(tmp_path, monkeypatch):
    result = db_command(tmp_path, monkeypatch, "case", "list", env_db="host=localhost dbname=cases")
    assert result.exit_code == 2 and "libpq keyword string" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_an_unreachable_server_is_named(tmp_path, monkeypatch):
    result = run(tmp_path, monkeypatch, "postgresql://postgres@127.0.0.1:1/cases")
    assert result.exit_code == 1 and "cannot connect to PostgreSQL at 127.0.0.1:1" in result.stderr
