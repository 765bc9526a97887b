"""docs/contract.md stays in step with schemas/: every field and value of the schemas is documented,
and the page documents no field the schemas lack."""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in (ROOT / "schemas").glob("*.schema.json")}
DOC = (ROOT / "docs" / "contract.md").read_text(encoding="utf-8")
SHARED_SHAPES = {"citations": "citation", "citation": "citation", "steps": "step", "step": "step"}
LEAVES = {"local", "reasons", "organ_at_level", *SHARED_SHAPES}  # documented once, under their own names


def _resolve(ref: str, current: str):
    file, _, pointer = ref.partition("#")
    file = file or current
    node = SCHEMAS[file]
    for part in filter(None, pointer.split("/")):
        node = node[part]
    return file, node, pointer.rsplit("/", 1)[-1]


def field_paths(name: str) -> set[str]:
    """Dotted paths of every property of a schema (``[]`` for list items), shared shapes as leaves."""
    found: set[str] = set()

    def walk(node, file, path, seen):
        if not isinstance(node, dict):
            return
        if "$ref" in node:
            ref_file, target, definition = _resolve(node["$ref"], file)
            if not (definition in LEAVES and path) and node["$ref"] not in seen:
                walk(target, ref_file, path, seen | {node["$ref"]})
        if path:
            found.add(path)
        for key, sub in node.get("properties", {}).items():
            walk(sub, file, f"{path}.{key}" if path else key, seen)
        if isinstance(node.get("items"), dict):
            walk(node["items"], file, path + "[]", seen)
        for sub in [*node.get("allOf", []), *node.get("anyOf", []), *node.get("oneOf", [])]:
            walk(sub, file, path, seen)
        for key in ("then", "else"):
            walk(node.get(key), file, path, seen)

    walk(SCHEMAS[name], name, "", frozenset())
    return found


def enum_values(node) -> set[str]:
    if isinstance(node, dict):
        own = {str(v) for v in node.get("enum", []) if v is not None}
        return own.union(*(enum_values(v) for k, v in node.items() if k != "enum"))
    if isinstance(node, list):
        return set().union(*(enum_values(v) for v in node))
    return set()


def shared_paths() -> set[str]:
    defs = SCHEMAS["interchange.schema.json"]["$defs"]
    return {f"{shape}.{key}" for shape in set(SHARED_SHAPES.values()) for key in defs[shape]["properties"]}


PATHS = field_paths("case.schema.json") | field_paths("decision.schema.json")
DOCUMENTED = set(re.findall(r"`([^`\n]+)`", DOC))


def test_every_field_of_the_schemas_is_documented():
    missing = sorted(p for p in PATHS if not p.endswith("[]") and p not in DOCUMENTED)
    assert not missing, f"docs/contract.md does not document {missing}"


def test_every_value_of_the_schemas_is_documented():
    values = set().union(
        *(enum_values(schema) for schema in SCHEMAS.values() if schema is not SCHEMAS.get("casefile.schema.json"))
    )
    missing = sorted(values - DOCUMENTED)
    assert not missing, f"docs/contract.md does not name the values {missing}"


def test_the_page_documents_no_field_the_schemas_lack():
    rows = re.findall(r"^\| `([a-z_.\[\]]+)` \|", DOC, flags=re.MULTILINE)
    unknown = sorted(set(rows) - PATHS - shared_paths())
    assert rows and not unknown, f"docs/contract.md documents fields the schemas lack: {unknown}"


def test_the_readme_links_the_contract_inside_the_repository():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "](docs/contract.md)" in readme
    assert "../shared" not in readme.replace("python3 ../shared/tools/spec_check.py", "")
