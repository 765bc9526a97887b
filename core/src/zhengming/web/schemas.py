"""The OpenAPI 3.1 document's schemas for cases and decisions *are* the files in ``schemas/``: they are
placed verbatim under ``components/schemas`` (each keeps its ``$id``, so its relative ``$ref``s resolve
as JSON Schema 2020-12 says) and the request and response bodies refer to them."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

# component name -> file in schemas/
COMPONENTS = {
    "Case": "case.schema.json",
    "Decision": "decision.schema.json",
    "Interchange": "interchange.schema.json",
}
INTAKE_BODY = {
    "requestBody": {
        "required": True,
        "description": "A case document of the interchange contract; for intake, with an optional `reporter` "
        "(sealed at once, never shown again).",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Case"}}},
    }
}
EVALUATE_BODY = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Case"}}},
    },
    "responses": {
        "200": {
            "description": "The decision (交换格式的决定)",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Decision"}}},
        }
    },
}


@cache
def schema_file(name: str) -> dict[str, Any]:
    from ..validation.schemas import schema_dir

    return json.loads((schema_dir() / name).read_text(encoding="utf-8"))


def add_components(document: dict[str, Any]) -> dict[str, Any]:
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    for component, name in COMPONENTS.items():
        schemas[component] = schema_file(name)
    return document
