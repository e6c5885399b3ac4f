"""Generate ``docs/draft.md`` from the rule table: ``python -m argmap.draft.docs``."""

from __future__ import annotations

import sys

from argmap.draft.rules import FAMILIES, RULES

__all__ = ["draft_markdown"]

_INTRO = """\
# Drafting a brief from a text

Generated from the rule table (`argmap/draft/rules.py`) by
`python -m argmap.draft.docs > docs/draft.md`; a test fails when this file is stale, and another
drafts every example below and checks that its rule fires.

```
argmap draft SOURCE.txt -o brief.yaml     # a first brief, every statement tagged draft
argmap draft --update brief.yaml          # after the source changed: keep what you confirmed
argmap coverage brief.yaml                # the sentences of the source no statement quotes
```

`argmap draft` cuts a plain-text document (a PDF extraction is fine) into argumentative units and
writes one statement for each, with its verbatim `quote` (which `argmap validate` finds in the
source), a readable kebab-case id made from its words, the `section` from the text's headings,
and guesses at its kind, relations, speaker, addressee and qualifier. Every guess is marked: the
statement carries `tags: [draft]` and a note naming the rules below that made it. Confirm or
correct each statement and remove the tag; the brief loads and validates from the start
(warnings, such as recommendations nothing supports yet, are expected in a draft).
In Python, `argmap.draft(text, source_path="sources/x.txt")` returns the same brief as a
`Brief`.

Sentences are split by [syntok](https://github.com/fnl/syntok), installed with the optional
extra `draft` (`pip install -e '.[draft]'` in a checkout, or `pip install syntok`). It was
chosen over pySBD after both were run on the two shipped sources: they split them identically
(61 and 18 sentences) and agreed on a set of hard cases (abbreviations, decimals, quotations,
URLs), but syntok split 1 MB in 1.6 s where pySBD took 11.6 s for 100 kB (wall time, on the same
machine), far outside the 5 s a 1 MB text may take. `python benchmarks/bench_draft.py` measures
drafting against the shipped briefs and its speed on 1 MB.

`argmap draft --update brief.yaml` re-reads the brief's source. A statement without the draft
tag, or whose text the analyst rewrote, is kept with every field and relation; a quote no longer
in the source is re-found in the new sentence most like it (and reported, to be checked) or
reported as lost (exit 1). A guess still tagged draft whose passage is gone is dropped, with the
references to it. The passages no statement quoted are listed, and drafted as new guesses unless
`--no-add-new` is given.

`argmap coverage brief.yaml` lists, as `source:line:column`, each sentence of the source that no
quote of the brief touches, and the share quoted; `--fail-under 80` makes it exit 1 below 80%,
for CI; `--json` prints the same as JSON.

Bad input gets a message naming the file and exit 1: a binary file, a file that is not UTF-8
(with the line of the first bad byte), an empty file, or one larger than 8 MB. A missing file,
an output that is the source itself, or an existing output (use `--update`, or `--force`) is
exit 2. The brief is written atomically: it is complete or not there.
"""


def draft_markdown() -> str:
    """The drafting reference as Markdown: the introduction, then every rule by family."""
    lines = [_INTRO.rstrip("\n"), "", "## The rules", ""]
    lines += ["| rule | family | what it does |", "|---|---|---|"]
    lines += [f"| [{r.name}](#{r.name}) | {r.family} | {r.summary} |" for r in RULES]
    for family, heading in FAMILIES.items():
        lines += ["", f"## {heading}"]
        for r in (r for r in RULES if r.family == family):
            example = "\n".join("    " + line if line else "" for line in r.example.split("\n"))
            lines += ["", f"### {r.name}", "", r.summary, "", "Example:", "", example, "",
                      f"Yields: {r.yields}."]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(draft_markdown())
