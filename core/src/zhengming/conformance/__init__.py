"""The conformance kit: case files, invariants, the matrix, and the pytest plugin for plugin authors."""

from .report import SUITE, SUITE_VERSION, as_json, markdown, matrix, write_jsonl
from .runner import Result, run
