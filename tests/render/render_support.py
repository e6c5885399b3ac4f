"""Test aids for the renderers: paths, hostile text, and a strict Mermaid grammar."""

from __future__ import annotations

import json
import re
from pathlib import Path

__all__ = [
    "BRIEFS",
    "GOLDEN",
    "HOSTILE",
    "REPO",
    "hostile_brief_yaml",
    "mermaid_errors",
]

REPO = Path(__file__).resolve().parents[2]
BRIEFS = sorted((REPO / "briefs").glob("*.yaml"))
GOLDEN = REPO / "tests" / "golden"

#: Texts that try to break out of every context a renderer writes into.
HOSTILE: tuple[str, ...] = (
    'He said "hi"] [shape=box image="/etc/passwd" label="pwned',
    "back\\slash at the end \\",
    'quote at the end \\"',
    "\\N \\G \\E \\L \\l \\n \\r and \\\\N",
    "braces { } ; -> injected [color=red]; node_x",
    "<script>alert(1)</script> <img src=x onerror=alert(1)> &amp; &lt;b&gt; &#60;i&#62;",
    "</FONT></B></TD><TD>cell</TD> ]]> <!-- comment -->",
    "line one\nline two\r\nline three\ttabbed",
    "nul \x00 bell \x07 escape \x1b[31m del \x7f",
    "[click](javascript:alert(1)) ![img](javascript:alert(2)) <javascript:alert(3)>",
    "# heading\n- list\n1. numbered\n> quote\n| a | b |\n```\ncode\n```",
    "*bold* _em_ `code` ~~strike~~ $math$ {{ jinja }} {% if %} %}",
    "%%{init: {'securityLevel': 'loose'}}%% end subgraph classDef x fill:red",
    "#quot; #35; &quot; entity-looking text",
    "Unicode: Ελληνικά, ქართული, русский, 中文, emoji \U0001F600, rtl \u202e txet",
)


def hostile_brief_yaml(text: str, *, source_path: str | None = None) -> str:
    """A small valid brief with ``text`` in every field a renderer shows."""
    # JSON strings are YAML double-quoted scalars; DEL must be escaped too in a YAML file.
    value = json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")
    source = f"source: {{path: {json.dumps(source_path)}, title: {value}}}\n" \
        if source_path else f"source: {{title: {value}, url: {json.dumps('javascript:x')}}}\n"
    return f"""\
argmap: 1
id: hostile
title: {value}
summary: {value}
authors: [{value}]
date: {value}
{source}sections: [{value}]
actors:
  evil: {{name: {value}, role: {value}}}
claims:
  the-claim:
    text: {value}
    quote: {value}
    section: {value}
    speaker: evil
    qualifier: {value}
premises:
  p-one: {{text: {value}, quote: {value}, supports: [the-claim], speaker: evil}}
  p-two: {{text: {value}, quote: [{value}, {value}]}}
  p-three: {{text: {value}, section: {value}}}
objections:
  the-objection: {{text: {value}, attacks: [the-claim, linked], quote: {value}}}
  reply: {{text: {value}, attacks: [the-objection]}}
recommendations:
  the-recommendation:
    text: {value}
    quote: {value}
    addressee: [evil, nobody]
    section: {value}
arguments:
  linked:
    premises: [p-two, p-three]
    conclusion: the-recommendation
    text: {value}
    quote: {value}
"""


# --- a strict grammar of the Mermaid argmap writes ---------------------------------------------

_LABEL = r'"(?:[^"#%<>`&\n]|#(?:\d+|[a-z]+);|<br>|</?b>|</?i>)*"'
_SHAPES = (r"\[" + _LABEL + r"\]", r"\(" + _LABEL + r"\)", r"\{\{" + _LABEL + r"\}\}",
           r"\(\[" + _LABEL + r"\]\)", r"\(\(" + _LABEL + r"\)\)", r">" + _LABEL + r"\]")
_ID = r"(?:n\d+|r\d+|legend[A-Z][A-Za-z]*)"
_CLASS = r":::(?:(?:claim|premise|objection|recommendation|argument|question|relation|implicit)(?:Focus)?|point)"
_STATEMENTS = [
    re.compile(r"flowchart (?:TB|BT|LR|RL)"),
    re.compile(r" {4}(?: {4})?" + _ID + "(?:" + "|".join(_SHAPES) + ")" + _CLASS),
    re.compile(r" {4}subgraph (?:g\d+|legend) \[" + _LABEL + r"\]"),
    re.compile(r" {8}direction LR"),  # the legend's rows
    re.compile(r" {4}end"),
    re.compile(r" {4}" + _ID + r" (?:-->|-\.-x|---|-\.-|o--o|x--x|-\.-o|==>)(?:\|" + _LABEL + r"\||\|[a-z ]+\|)? "
               + _ID),
    re.compile(r" {4}" + _ID + r" ~~~ " + _ID),  # invisible: it only places the nodes
    re.compile(r" {4}class " + _ID + r"(?:," + _ID + r")* (?:implicit|relation)"),
    re.compile(r" {4}classDef \w+ (?:[a-z-]+:[#\w. ]+)(?:,[a-z-]+:[#\w. ]+)*"),
    re.compile(r" {4}linkStyle \d+(?:,\d+)* (?:[a-z-]+:[#\w. ]+)(?:,[a-z-]+:[#\w. ]+)*"),
]
_FRONT_MATTER = [
    re.compile(r'title: "(?:[^"\\]|\\.)*"'),
    re.compile(r"config:"),
    re.compile(r"  flowchart:"),
    re.compile(r"    wrappingWidth: \d+"),
]
_ENTITY = re.compile(r"#(\d+|[a-z]+);")
_KNOWN_ENTITIES = {"quot", "amp", "lt", "gt"}


def mermaid_errors(text: str) -> list[str]:
    """Every line of ``text`` that is not one of the statements argmap may write.

    Labels may hold no raw '"', '#', '%', '<', '>', '&' or backtick, only the entities argmap
    writes and its own <br> and <b>; ids are generated; subgraphs are balanced; every node a
    link names is declared.
    """
    errors = []
    depth = 0
    declared: set[str] = set()
    linked: set[str] = set()
    lines = text.split("\n")
    if lines[-1] != "":
        errors.append("the text does not end with a line break")
    first = 1
    if lines[0] == "---":  # front matter: the title and Mermaid's configuration
        end = lines.index("---", 1) if "---" in lines[1:] else len(lines)
        for number, line in enumerate(lines[1:end], start=2):
            if not any(pattern.fullmatch(line) for pattern in _FRONT_MATTER):
                errors.append(f"line {number}: not front matter argmap writes: {line!r}")
            elif line.startswith("title: "):
                title = json.loads(line.removeprefix("title: "))
                if not isinstance(title, str) or "\n" in title:
                    errors.append(f"line {number}: the title is not one line of text")
        first = end + 2
    for number, line in enumerate(lines[:-1], start=1):
        if number < first:
            continue
        if not any(pattern.fullmatch(line) for pattern in _STATEMENTS):
            errors.append(f"line {number}: not a statement argmap writes: {line!r}")
            continue
        if number == first and not line.startswith("flowchart"):
            errors.append("the first line after the front matter must declare the flowchart")
        if line.strip().startswith("subgraph "):
            depth += 1
        elif line.strip() == "end":
            depth -= 1
            if depth < 0:
                errors.append(f"line {number}: 'end' without a subgraph")
        for entity in _ENTITY.findall(line):
            if not entity.isdigit() and entity not in _KNOWN_ENTITIES:
                errors.append(f"line {number}: unknown entity #{entity};")
        declared_match = re.match(r" +(" + _ID + r")[\[({>]", line)
        if declared_match:
            declared.add(declared_match.group(1))
        link = re.fullmatch(r" +(" + _ID + r") \S+ (" + _ID + r")", line)
        if link:
            linked.update(link.groups())
    if depth != 0:
        errors.append("subgraphs are not balanced")
    errors += [f"link to undeclared node {name}" for name in sorted(linked - declared)]
    return errors
