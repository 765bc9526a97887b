"""What a database administrator without the key can do: drop the append-only guards (the package ships
no such function; only the tests, playing the DBA, do this)."""

from sqlalchemy import text

SQLITE_TRIGGERS = ("audit_events_no_update", "audit_events_no_delete", "audit_events_no_replace")


def drop_guards(session) -> None:
    if session.get_bind().dialect.name == "postgresql":
        for name in ("audit_events_append_only", "audit_events_no_truncate"):
            session.execute(text(f"DROP TRIGGER IF EXISTS {name} ON audit_events"))
    else:
        for name in SQLITE_TRIGGERS:
            session.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
