"""Argumentation schemes argmap knows, with their critical questions.

An argument (or a single support) may name the scheme it follows, as AIFdb and OVA name them
("Argument From Expert Opinion"). Each scheme here lists its critical questions (after Walton,
Reed and Macagno, *Argumentation Schemes*, 2008), each under a short key; an argument lists the
keys its brief takes up in ``answered``, and ``argmap summary`` shows the ones left open.
``docs/schemes.md`` is generated from this catalogue (``python -m argmap.schemes``).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argmap.graph import ArgumentGraph

__all__ = [
    "SCHEMES",
    "CriticalQuestion",
    "OpenQuestions",
    "Scheme",
    "find_scheme",
    "open_questions",
    "schemes_markdown",
]


@dataclass(frozen=True)
class CriticalQuestion:
    """A question that, left unanswered, leaves the argument open to doubt."""

    key: str
    text: str


@dataclass(frozen=True)
class Scheme:
    """A pattern of defeasible reasoning, named as AIFdb names it."""

    name: str
    summary: str
    questions: tuple[CriticalQuestion, ...]
    aliases: tuple[str, ...] = ()


def _q(*pairs: tuple[str, str]) -> tuple[CriticalQuestion, ...]:
    return tuple(CriticalQuestion(key, text) for key, text in pairs)


SCHEMES: tuple[Scheme, ...] = (
    Scheme("Argument From Expert Opinion",
           "An expert in the field says so, so it is plausibly so.", _q(
               ("expertise", "How credible is the source as an expert?"),
               ("field", "Is the source an expert in the field the claim belongs to?"),
               ("said", "What did the expert assert, and does it imply the claim?"),
               ("reliable", "Is the expert personally reliable and free of bias?"),
               ("consistent", "Do other experts agree?"),
               ("evidence", "Is the assertion based on evidence?"))),
    Scheme("Argument From Position To Know",
           "Someone placed to know says so, so it is plausibly so.", _q(
               ("position", "Is the source in a position to know?"),
               ("honest", "Is the source honest and trustworthy?"),
               ("asserted", "Did the source assert exactly this?"))),
    Scheme("Argument From Witness Testimony",
           "A witness who saw it says so, so it is plausibly so.", _q(
               ("internal", "Is the testimony consistent in itself?"),
               ("external", "Is it consistent with the known facts and other testimony?"),
               ("bias", "Has the witness a reason to be biased?"),
               ("plausible", "How plausible is what the witness says?"))),
    Scheme("Argument From Popular Opinion",
           "Most people accept it, so it is plausibly so.", _q(
               ("evidence", "What evidence shows that most people accept it?"),
               ("reason", "Even if they do, is there good reason to doubt it?"))),
    Scheme("Argument From Example",
           "This case shows it, so it holds in general.", _q(
               ("true", "Is what the example says true?"),
               ("supports", "Does the example support the general claim?"),
               ("typical", "Is the example typical of the cases the claim covers?"),
               ("counter", "Are there counter-examples?"))),
    Scheme("Argument From Analogy",
           "A similar case came out so, so this one will too.", _q(
               ("differences", "Are there differences between the cases that matter?"),
               ("holds", "Does the claim hold in the compared case?"),
               ("other", "Is there another similar case where it does not hold?"))),
    Scheme("Argument From Verbal Classification",
           "It has the defining properties, so it falls in the class.", _q(
               ("has", "Does it really have the properties?"),
               ("definition", "Is the classification based on a good definition?"))),
    Scheme("Argument From Sign",
           "A sign of it is present, so it is plausibly so.", _q(
               ("strength", "How strong is the link between the sign and what it signals?"),
               ("other", "Could something else account for the sign?"))),
    Scheme("Argument From Cause To Effect",
           "The cause is present, so the effect will plausibly follow.", _q(
               ("strength", "How strong is the causal link?"),
               ("evidence", "What evidence supports the link?"),
               ("interference", "Could other factors stop the effect?"))),
    Scheme("Argument From Correlation To Cause",
           "The two go together, so one plausibly causes the other.", _q(
               ("correlation", "Is there really a correlation?"),
               ("coincidence", "Is it more than a coincidence?"),
               ("third", "Could a third factor cause both?"))),
    Scheme("Argument From Positive Consequences",
           "Doing it would bring good consequences, so it should be done.", _q(
               ("likely", "How likely are the consequences?"),
               ("evidence", "What evidence supports them?"),
               ("opposite", "Are there consequences of the opposite value to weigh?")),
           aliases=("Positive Consequences",)),
    Scheme("Argument From Negative Consequences",
           "Doing it would bring bad consequences, so it should not be done.", _q(
               ("likely", "How likely are the consequences?"),
               ("evidence", "What evidence supports them?"),
               ("opposite", "Are there consequences of the opposite value to weigh?")),
           aliases=("Negative Consequences",)),
    Scheme("Practical Reasoning",
           "The goal is wanted and this action reaches it, so it should be done.", _q(
               ("goals", "Are there other goals that conflict with this one?"),
               ("alternatives", "Are there other actions that reach the goal?"),
               ("best", "Is this the best of them?"),
               ("possible", "Is the action possible?"),
               ("side-effects", "What side effects would it have?")),
           aliases=("Argument From Practical Reasoning",)),
    Scheme("Argument From Values",
           "It serves a value held, so it is a reason for it.", _q(
               ("value", "Is the value really held, and by whom?"),
               ("served", "Does the action really serve the value?"),
               ("other", "Do other values weigh against it?"))),
    Scheme("Argument From Commitment",
           "They are committed to it, so they should accept this.", _q(
               ("committed", "Is there evidence of the commitment?"),
               ("qualified", "Does the commitment carry over, or need qualifying?"))),
    Scheme("Argument From Ignorance",
           "It is not known to be false, so it is plausibly true.", _q(
               ("search", "How far has the search for evidence gone?"),
               ("expected", "Would the evidence be found, if it were false?"))),
    Scheme("Slippery Slope Argument",
           "A first step leads by stages to a bad end, so it should not be taken.", _q(
               ("steps", "What intervening steps lead to the end?"),
               ("stop", "Could the sequence be stopped on the way?"),
               ("likely", "How likely is each step to lead to the next?")),
           aliases=("Slippery Slope",)),
    Scheme("Argument From Precedent",
           "An earlier case was decided so, so this one should be.", _q(
               ("similar", "Is the earlier case similar in what matters?"),
               ("rule", "Is the rule the precedent set still accepted?"))),
)

_PREFIX = re.compile(r"^(?:argument|arguments|scheme)\s+(?:from|for|of)\s+(?:the\s+)?")


def _normal(name: str) -> str:
    folded = " ".join(re.sub(r"[^a-z0-9]+", " ", name.lower()).split())
    folded = _PREFIX.sub("", folded)
    return re.sub(r"\s+(?:argument|scheme)$", "", folded)


_BY_NAME = {_normal(alias): scheme for scheme in SCHEMES
            for alias in (scheme.name, *scheme.aliases)}


def find_scheme(name: str | None) -> Scheme | None:
    """The scheme a name refers to, however spelt ("Expert Opinion", "argument-from-expert-
    opinion", "Argument From Expert Opinion"), or None when argmap does not know it."""
    if not name:
        return None
    return _BY_NAME.get(_normal(name))


@dataclass(frozen=True)
class OpenQuestions:
    """The critical questions an argument (or a single support) leaves unanswered."""

    source: str  # the argument's id, or the supporting statement's
    target: str | None  # for a single support, what it supports
    scheme: Scheme
    questions: tuple[CriticalQuestion, ...]


def open_questions(graph: ArgumentGraph) -> list[OpenQuestions]:
    """Every argument and single support whose scheme argmap knows, with the critical
    questions its ``answered`` does not list, in the brief's order."""
    from argmap.graph import EdgeKind

    found: list[OpenQuestions] = []

    def add(source: str, target: str | None, name: object, answered: list[str]) -> None:
        scheme = find_scheme(name if isinstance(name, str) else None)
        if scheme is None:
            return
        left = tuple(q for q in scheme.questions if q.key not in answered)
        if left:
            found.append(OpenQuestions(source, target, scheme, left))

    for node in graph.nodes.values():
        item = node.item
        answered = list(getattr(item, "answered", None) or [])
        scheme = getattr(item, "scheme", None)
        if node.is_argument:
            add(node.id, None, scheme, answered)
        elif scheme is not None:
            for edge in graph.outgoing(node.id, EdgeKind.SUPPORT):
                name = scheme.get(edge.target) if isinstance(scheme, dict) else scheme
                add(node.id, edge.target, name, answered)
    return found


def schemes_markdown() -> str:
    """``docs/schemes.md``: every known scheme with its critical questions and their keys."""
    lines = [
        "<!-- Generated by `python -m argmap.schemes > docs/schemes.md`; a test fails when it "
        "is stale. -->",
        "",
        "# Argumentation schemes",
        "",
        "An argument names the scheme it follows with `scheme:` (a statement does, for its "
        "supports). Names are matched whatever their spelling: `Expert Opinion`, "
        "`argument-from-expert-opinion` and `Argument From Expert Opinion` are one scheme. "
        "List the critical questions the brief takes up with `answered: [key, ...]`; "
        "`argmap summary` lists the others as open. A scheme argmap does not know is kept as "
        "written, without questions.",
        "",
        "```yaml",
        "arguments:",
        "  weber-knows:",
        "    premises: [weber-says, weber-is-expert]",
        "    conclusion: tram-cuts-traffic",
        "    scheme: Argument From Expert Opinion",
        "    answered: [expertise, field]",
        "```",
        "",
    ]
    for scheme in SCHEMES:
        lines += [f"## {scheme.name}", "", scheme.summary, ""]
        if scheme.aliases:
            lines += ["Also written: " + ", ".join(f"`{a}`" for a in scheme.aliases) + ".", ""]
        lines += ["| key | critical question |", "|---|---|"]
        lines += [f"| `{q.key}` | {q.text} |" for q in scheme.questions]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


if __name__ == "__main__":
    sys.stdout.write(schemes_markdown())
