"""The limits every document that enters zhengming is held to (file, stdin, import line, request body).

They are far beyond any real case document (a case has a dozen fields, a few allegations, dates and
short texts) and low enough that no input can make a command run long or grow large before it is
refused. One place, so the CLI, the importer and a service refuse the same inputs the same way.
"""

from __future__ import annotations

import attrs


@attrs.frozen
class Limits:
    max_bytes: int = 4 * 1024 * 1024  # one document, or one line of an import file
    max_depth: int = 32  # nested objects/arrays; a case document is about 5 deep
    max_items: int = 1_000  # members of one object or elements of one array (a case has a few allegations)
    max_int_digits: int = 20  # an integer field holds a small number; 64-bit integers have at most 19 digits
    max_problems: int = 50  # problems listed for one document; the rest are counted


LIMITS = Limits()
