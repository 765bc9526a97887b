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
from .plugin.specs import SPECS

# What each combination means for an implementation, written under every hook's heading.
COMBINE_DETAIL = {
    "most_specific": (
        "most specific wins: resolved level by level from core to the leaf, an answer replaces the one "
        "inherited, `None` inherits it; a `wrapper=True` implementation receives the answer resolved up to "
        "its own level at its `yield` and returns the adjusted answer (`None` keeps it unchanged); it never "
        "sees or changes a more specific level's answer"
    ),
    "merge": (
        "merge: resolved level by level from core to the leaf, each level's answer merged into the "
        "inherited one by `{merge}`; a `wrapper=True` implementation adjusts the answer merged up to its "
        "own level (`None` keeps it unchanged)"
    ),
    "own": "not combined (each plugin answers for itself)",
}
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
            f"**Combines:** {_detail(name)}.",
            "",
            inspect.getdoc(spec) or "",
        ]
    return "\n".join(lines) + "\n"


def _detail(name: str) -> str:
    merge = SPECS[name].merge
    return COMBINE_DETAIL[combine_mode(name).value].format(merge=merge.__name__ if merge else "")


def main(argv: list[str]) -> int:
    target = Path(argv[1] if len(argv) > 1 else "docs/hooks.md")
    target.write_text(reference(), encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
