"""Generate the hook reference (docs/hooks.md) from the hook specs' docstrings.

    python -m zhengming.docgen docs/hooks.md

A test fails when the committed reference differs from what this produces.
"""

from __future__ import annotations

import inspect
import sys
from pathlib import Path

from .plugin import hookspecs
from .plugin.hooks import HOOK_SPECS, combine_mode

COMBINE_TEXT = {
    "most_specific": "most specific wins (return `None` to defer to the parent; `wrapper=True` to adjust)",
    "merge": "merge (every plugin of the chain contributes)",
    "own": "not combined (each plugin answers for itself)",
}


def reference() -> str:
    lines = [
        "# Hook reference",
        "",
        "Generated from `core/src/zhengming/plugin/hookspecs.py` by `python -m zhengming.docgen docs/hooks.md`;",
        "do not edit by hand.",
        "",
        inspect.getdoc(hookspecs) or "",
        "",
        "| hook | combines along the chain |",
        "|---|---|",
    ]
    lines += [f"| [`{name}`](#{name}) | {COMBINE_TEXT[combine_mode(name).value]} |" for name in HOOK_SPECS]
    for name, spec in HOOK_SPECS.items():
        signature = str(inspect.signature(spec)).replace("'", "")
        lines += [
            "",
            f"## {name}",
            "",
            "```python",
            f"def {name}{signature}",
            "```",
            "",
            f"**Combines:** {COMBINE_TEXT[combine_mode(name).value]}.",
            "",
            inspect.getdoc(spec) or "",
        ]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    target = Path(argv[1] if len(argv) > 1 else "docs/hooks.md")
    target.write_text(reference(), encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
