"""Generate ``docs/rules.md`` from the rule registry: ``python -m argmap.checks.docs``."""

from __future__ import annotations

import sys

from argmap.checks import all_rules

__all__ = ["rules_markdown"]


def rules_markdown() -> str:
    """The rule reference as Markdown, one section per rule, ordered by code."""
    rules = all_rules()
    lines = [
        "# Rules",
        "",
        "Generated from the rule registry by `python -m argmap.checks.docs > docs/rules.md`;",
        "a test fails when this file is stale. `argmap explain CODE` prints the same text.",
        "",
        "| code | name | severity | summary |",
        "|---|---|---|---|",
    ]
    lines += [
        f"| [{r.code}](#{r.code.lower()}) | {r.name} | {r.severity.value} | {r.summary} |"
        for r in rules
    ]
    for r in rules:
        lines += [
            "",
            f"## {r.code}",
            "",
            f"**{r.name}** ({r.severity.value}): {r.summary}",
            "",
            r.doc,
        ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(rules_markdown())
