"""The case store: SQLAlchemy 2.0 models, Alembic migrations, the audit chain and reporter sealing.

SQLite (a per-user file) by default, any PostgreSQL URL for deployments. A new database is created and
migrated to the current schema on first use; ``zhengming db upgrade`` does the same explicitly.
This package imports SQLAlchemy: keep it off the path of ``zhengming evaluate``.
"""

from .database import Store, open_store
from .location import database_url, default_database_path
