"""Finding and loading the interchange JSON Schemas, installed or in a source checkout."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import SchemaNotFound

CASE_SCHEMA = "case.schema.json"
DECISION_SCHEMA = "decision.schema.json"
CASEFILE_SCHEMA = "casefile.schema.json"
SCHEMA_FILES = ("interchange.schema.json", CASE_SCHEMA, DECISION_SCHEMA, CASEFILE_SCHEMA)


@cache
def schema_dir() -> Path:
    """The packaged copy (a built wheel) or, in a source checkout, the repository's ``schemas/``."""
    candidates = [
        Path(str(resources.files("zhengming") / "schemas")),
        Path(__file__).resolve().parents[4] / "schemas",
    ]
    for candidate in candidates:
        if (candidate / CASE_SCHEMA).is_file():
            return candidate
    raise SchemaNotFound("zhengming cannot find its JSON Schemas; looked in " + ", ".join(map(str, candidates)))


@cache
def load_schema(name: str) -> dict[str, Any]:
    return json.loads((schema_dir() / name).read_text(encoding="utf-8"))
