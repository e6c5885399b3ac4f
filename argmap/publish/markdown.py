"""The Markdown summary of a brief, from a Jinja2 template: :func:`to_markdown`.

:func:`summary_context` gathers what a reader needs (recommendations with their chains of reasons,
objections and replies; the key premises with their quotes and source lines; the actors; open
points) from the :class:`~argmap.graph.ArgumentGraph`; the template lays it out. The default
template is ``templates/summary.md.j2``, which ships inside the package as ``argmap.templates``.

Brief text is untrusted, so escaping is on by default, as autoescaping is for HTML: the
environment's ``finalize`` hook escapes every ``{{ ... }}`` value for Markdown (see
:func:`argmap.publish.text.markdown_text`) unless it is :class:`MarkdownSafe`, which only argmap's
own markup is. A template cannot forget to escape, and brief text can never put raw HTML, a link
or an image into the summary. A user's template (``template=``) is run in Jinja2's sandbox and
can include nothing but itself.
"""

from __future__ import annotations

import functools
import importlib.resources
import os
import urllib.parse
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import jinja2.sandbox

from argmap.analysis import MAX_CHAIN_STEPS, VERDICT_WORDS, chain_search
from argmap.collector import paused_collector
from argmap.errors import ArgmapError, RenderError
from argmap.graph import ArgumentGraph, EdgeKind, Node, NodeKind, Relation
from argmap.model import Argument, Brief, Recommendation, Statement
from argmap.publish.text import clean, markdown_text
from argmap.publish.view import EvaluationLike
from argmap.quotes import SourceText

__all__ = [
    "DEFAULT_TEMPLATE",
    "MAX_TEMPLATE_BYTES",
    "ActorView",
    "ChainView",
    "MarkdownSafe",
    "ObjectionView",
    "QuoteView",
    "RecommendationView",
    "StatementView",
    "summary_context",
    "to_markdown",
]

#: The name of the default template, in ``templates/`` (``argmap.templates`` when installed).
DEFAULT_TEMPLATE = "summary.md.j2"
#: A user's template larger than this is refused.
MAX_TEMPLATE_BYTES = 1024 * 1024
#: Chains of reasons shown per recommendation unless told otherwise.
DEFAULT_CHAIN_LIMIT = 10


class MarkdownSafe(str):
    """Text that is already Markdown (argmap's own markup): printed as it is, not escaped."""

    __slots__ = ()


@dataclass(frozen=True)
class QuoteView:
    """A quote and the lines of the source it stands on (None when not looked up or not found)."""

    text: str
    line: int | None = None
    end_line: int | None = None

    @property
    def where(self) -> str | None:
        """'line 12' or 'lines 12–13', or None when the quote was not located."""
        if self.line is None:
            return None
        if self.end_line is None or self.end_line == self.line:
            return f"line {self.line}"
        return f"lines {self.line}\u2013{self.end_line}"


@dataclass(frozen=True)
class StatementView:
    """A statement (or argument) as the summary shows it."""

    id: str
    kind: str
    text: str
    qualifier: str | None = None
    section: str | None = None
    speaker: str | None = None  # the speaker's name
    quotes: tuple[QuoteView, ...] = ()
    #: For an argument step in a chain: the argument's other premises.
    partners: tuple[StatementView, ...] = ()
    #: For a key premise: the recommendations it leads to.
    leads_to: tuple[StatementView, ...] = ()
    #: An unstated premise the text relies on (``implicit: true``).
    implicit: bool = False


@dataclass(frozen=True)
class ChainView:
    """One chain of reasons, from a ground to (but not including) the recommendation."""

    steps: tuple[StatementView, ...]

    @property
    def markdown(self) -> MarkdownSafe:
        """The chain as the default template prints it, on one line: the steps' texts (escaped)
        joined by arrows, a linked argument's step as the premises that join the one before
        it. A large summary prints tens of thousands of steps; one join here costs a fraction
        of a template loop over them."""
        return MarkdownSafe(" \u2192 ".join(map(_step_markdown, self.steps)))


def _step_markdown(step: StatementView) -> str:
    if step.kind != "argument":
        return _finalize(step.text)
    if step.partners:
        return f"*(together with: {'; '.join([_finalize(p.text) for p in step.partners])})*"
    return "*(an inference)*"


@dataclass(frozen=True)
class ObjectionView:
    """An objection against a recommendation, and the replies to it."""

    id: str
    text: str
    #: For an undercut: the text of the inference it denies; None for a direct objection.
    against: str | None
    replies: tuple[StatementView, ...]
    #: When evaluated: "stands" (the objection is unanswered), "falls" (answered), "open",
    #: "conceded" (granted by a reply, its attack answered) or "undercut" (its attack on this
    #: statement is denied).
    verdict: str | None = None
    #: An objection the text relies on without stating it.
    implicit: bool = False


@dataclass(frozen=True)
class ActorView:
    """An actor, and how often the brief addresses it and quotes it."""

    id: str
    name: str
    role: str | None
    addressed: int
    speaks: int


class _Strength:
    """What a view with a gradual strength shows of it."""

    strength: float | None

    @property
    def strength_text(self) -> MarkdownSafe | None:
        """The strength with two decimals (digits and a point: nothing to escape)."""
        return None if self.strength is None else MarkdownSafe(f"{self.strength:.2f}")


@dataclass(frozen=True)
class RecommendationView(_Strength):
    """A recommendation with its reasons, objections and (when evaluated) verdict."""

    id: str
    text: str
    qualifier: str | None
    section: str | None
    addressees: tuple[ActorView, ...]
    quotes: tuple[QuoteView, ...]
    chains: tuple[ChainView, ...]
    more_chains: bool
    objections: tuple[ObjectionView, ...]
    verdict: str | None = None
    #: When evaluated with a gradual semantics: the strength in [0, 1].
    strength: float | None = None


@dataclass(frozen=True)
class OptionView(_Strength):
    """One option of a question, as the summary sets it beside the others."""

    option: StatementView
    #: How many reasons support it, and how many objections it meets (and how many of those
    #: are answered: attacked, conceded, or their attack undercut).
    reasons: int
    objections: int
    answered: int
    verdict: str | None = None
    strength: float | None = None


@dataclass(frozen=True)
class QuestionView:
    """A question the brief answers, with its options side by side."""

    id: str
    text: str
    quotes: tuple[QuoteView, ...]
    options: tuple[OptionView, ...]


#: Each kind's name, as a view gives it (an enum's ``value`` is a slower lookup).
_KIND_NAMES = {kind: kind.value for kind in NodeKind}


@dataclass
class _Builder:
    """Builds the summary's views from the graph, once per statement."""

    graph: ArgumentGraph
    #: Each quote looked up, and its first and last line in the source (None: not found).
    locations: dict[str, tuple[int, int] | None] = field(default_factory=dict)
    _views: dict[str, StatementView] = field(default_factory=dict)
    #: An argument's step in a chain, by the argument and the premise the chain came through.
    _steps: dict[tuple[str, str | None], StatementView] = field(default_factory=dict)

    def speaker_name(self, key: str | None) -> str | None:
        if key is None:
            return None
        actor = self.graph.actors.get(key)
        return clean(actor.name) if actor is not None else clean(key)

    def quotes(self, quotes: tuple[str, ...]) -> tuple[QuoteView, ...]:
        if not quotes:
            return ()
        locations = self.locations
        views = []
        for quote in quotes:
            lines = locations.get(quote)
            views.append(QuoteView(clean(quote), *(lines or (None, None))))
        return tuple(views)

    def view(self, key: str) -> StatementView:
        cached = self._views.get(key)
        if cached is not None:
            return cached
        node = self.graph.nodes[key]
        item = node.item
        if isinstance(item, Argument):
            view = StatementView(key, "argument", clean(item.text or ""), quotes=self.quotes(
                item.quotes))
        elif isinstance(item, Statement):  # its fields read directly: most views are these
            speaker = item.speaker
            view = StatementView(key, _KIND_NAMES[node.kind], clean(item.text), item.qualifier,
                                 item.section,
                                 None if speaker is None else self.speaker_name(speaker),
                                 self.quotes(item.quotes), implicit=bool(item.implicit))
        else:
            speaker = getattr(item, "speaker", None)
            view = StatementView(key, _KIND_NAMES[node.kind], clean(item.text),
                                 getattr(item, "qualifier", None), item.section,
                                 None if speaker is None else self.speaker_name(speaker),
                                 self.quotes(item.quotes), implicit=node.implicit)
        self._views[key] = view
        return view

    def step(self, key: str, previous: str | None) -> StatementView:
        """A chain's step: for an argument, with its premises other than ``previous`` (the one
        the chain came through) as partners. The same step recurs in many chains: built once."""
        cached = self._steps.get((key, previous))
        if cached is not None:
            return cached
        view = self._views.get(key) or self.view(key)
        if view.kind == "argument":
            partners = tuple(self._views.get(p) or self.view(p)
                             for p in self.graph.premises_of(key) if p != previous)
            view = StatementView(view.id, view.kind, view.text, quotes=view.quotes,
                                 partners=partners)
        self._steps[key, previous] = view
        return view


def _question(
    builder: _Builder, node: Node, verdicts: dict[str, str] | None,
    strengths: Mapping[str, float],
) -> QuestionView:
    graph = builder.graph
    options = []
    for key in graph.options_of(node.id):
        attackers = graph.attackers_of(key)
        options.append(OptionView(
            builder.view(key),
            len(graph.reasons_for(key)),
            len(attackers),
            sum(1 for attacker in attackers if _answered(graph, attacker)),
            verdicts.get(key) if verdicts is not None else None,
            strengths.get(key),
        ))
    return QuestionView(node.id, clean(node.text), builder.quotes(node.item.quotes),
                        tuple(options))


def _answered(graph: ArgumentGraph, key: str) -> bool:
    """True when something attacks ``key``, concedes it, or undercuts one of its attacks."""
    if graph.attackers_of(key):
        return True
    if any(e.kind is EdgeKind.CONCEDES for e in graph.incoming(key)):
        return True
    for edge in graph.outgoing(key, EdgeKind.ATTACK):
        if graph.undercutters_of_relation(Relation(EdgeKind.ATTACK, key, edge.target)):
            return True
    return False


_SEMANTICS_NAMES = {"grounded": "grounded semantics", "dfquad": "DF-QuAD",
                    "quadratic-energy": "the quadratic energy model"}


def summary_context(
    subject: Brief | ArgumentGraph,
    *,
    evaluation: EvaluationLike | None = None,
    chain_limit: int = DEFAULT_CHAIN_LIMIT,
    mermaid: str | None = None,
) -> dict[str, Any]:
    """The variables a summary template receives (documented in docs/diagrams.md).

    ``evaluation`` (from :func:`argmap.evaluate`) adds each recommendation's verdict and
    strength and says which objections remain unanswered; None leaves verdicts out.
    ``chain_limit`` caps the chains shown per recommendation; ``mermaid`` is the diagram to
    embed, if any.
    """
    graph = subject if isinstance(subject, ArgumentGraph) else ArgumentGraph(subject)
    verdicts: dict[str, str] | None = None
    strengths: Mapping[str, float] = {}
    if evaluation is not None:
        verdicts = {key: VERDICT_WORDS.get(label, label)
                    for key, label in evaluation.labels.items()}
        strengths = evaluation.strengths
    brief = graph.brief
    builder = _Builder(graph)

    recommendation_nodes = [n for n in graph.statements() if n.kind is NodeKind.RECOMMENDATION]
    # One step budget for the whole summary, shared by the recommendations, so that a brief with
    # many recommendations over a dense map costs no more than one chain search.
    budget = max(1_000, MAX_CHAIN_STEPS // max(1, len(recommendation_nodes)))
    sources: dict[str, list[str]] = {}  # what supports each node, shared by the searches
    found_chains = {
        node.id: chain_search(graph, node.id, limit=chain_limit + 1, max_steps=budget,
                              sources=sources)
        for node in recommendation_nodes
    }
    grounds: dict[str, list[str]] = {}
    for key, found in found_chains.items():
        for chain in found[:chain_limit]:
            leads = grounds.setdefault(chain.start, [])
            if key not in leads:
                leads.append(key)
    ground_ids = sorted(grounds, key=graph.order.__getitem__)

    wanted_quotes = [q for key in ground_ids for q in graph.nodes[key].item.quotes]
    wanted_quotes += [q for node in recommendation_nodes for q in node.item.quotes]
    builder.locations = _locate(brief, wanted_quotes)
    located = bool(builder.locations)

    actor_views = _actors(graph)
    recommendations = [
        _recommendation(builder, node, found_chains[node.id], chain_limit, actor_views,
                        verdicts, strengths)
        for node in recommendation_nodes
    ]
    key_premises = [
        _with_leads(builder.view(key), tuple(builder.view(rec) for rec in grounds[key]))
        for key in ground_ids
    ]
    claims = [n for n in graph.statements() if n.kind is NodeKind.CLAIM]
    objections = [n for n in graph.statements() if n.kind is NodeKind.OBJECTION]
    tally = Counter(node.kind for node in graph.nodes.values())
    counts = {kind.value + "s": tally[kind] for kind in NodeKind}
    source = brief.source
    return {
        "brief": brief,
        "id": brief.id,
        "title": clean(brief.title),
        "summary": clean(brief.summary) if brief.summary else None,
        "date": brief.date,
        "authors": [clean(author) for author in brief.authors],
        "tags": list(brief.tags),
        "source": None if source is None else {
            "title": clean(source.title) if source.title else None,
            "path": source.path,
            "url": source.url,
            "link": _link(source.url),
            "publisher": source.publisher,
            "date": source.date,
        },
        "counts": counts,
        "questions": [
            _question(builder, node, verdicts, strengths) for node in graph.questions()
        ],
        "recommendations": recommendations,
        "key_premises": key_premises,
        "located": located,
        "actors": list(actor_views.values()),
        "open_points": {
            "unsupported_claims": [builder.view(n.id) for n in claims
                                   if not graph.reasons_for(n.id)],
            "unsupported_recommendations": [builder.view(n.id) for n in recommendation_nodes
                                            if not graph.reasons_for(n.id)],
            # The critical questions of the schemes named, that the brief does not take up.
            "critical_questions": _critical_questions(graph, builder),
            # Unanswered: nothing attacks it, concedes it or undercuts one of its attacks,
            # whatever the semantics (a gradual verdict of "open" is not an answer). A reply (an
            # objection to objections only) is shown under what it answers.
            "unanswered_objections": [
                builder.view(n.id) for n in objections
                if not _answered(graph, n.id) and not _is_reply(graph, n)
            ],
        },
        "mermaid": MarkdownSafe(mermaid) if mermaid is not None else None,
        "verdicts": verdicts,
        "evaluation": None if evaluation is None else {
            "semantics": _SEMANTICS_NAMES.get(_semantics_of(evaluation), _semantics_of(evaluation)),
            "converged": bool(getattr(evaluation, "converged", True)),
            "gradual": bool(strengths),
        },
    }


def _critical_questions(graph: ArgumentGraph, builder: _Builder) -> list[dict[str, Any]]:
    from argmap.schemes import open_questions

    found = []
    for item in open_questions(graph):
        node = graph.nodes[item.source]
        target = item.target
        if not node.is_argument:
            on = [builder.view(item.source).text]
        elif isinstance(node.item, Argument) and node.item.text:
            on = [clean(node.item.text)]
        else:  # an argument without words of its own: its premises, and what they support
            on = [builder.view(p).text for p in graph.premises_of(node.id)]
            target = next((e.target for e in graph.outgoing(node.id, EdgeKind.CONCLUSION)),
                          None)
        to = builder.view(target).text if target is not None else None
        found.append({"on": on, "to": to, "scheme": item.scheme.name,
                      "questions": [q.text for q in item.questions]})
    return found


def _semantics_of(evaluation: EvaluationLike) -> str:
    return str(getattr(evaluation, "semantics", "grounded"))


def _with_leads(view: StatementView, leads: tuple[StatementView, ...]) -> StatementView:
    return StatementView(view.id, view.kind, view.text, view.qualifier, view.section,
                         view.speaker, view.quotes, leads_to=leads, implicit=view.implicit)


def _actors(graph: ArgumentGraph) -> dict[str, ActorView]:
    addressed: dict[str, int] = {}
    speaks: dict[str, int] = {}
    for node in graph.statements():
        item = node.item
        if isinstance(item, Statement) and item.speaker is not None:
            speaks[item.speaker] = speaks.get(item.speaker, 0) + 1
        if isinstance(item, Recommendation):
            for key in item.addressees:
                addressed[key] = addressed.get(key, 0) + 1
    return {
        key: ActorView(key, clean(actor.name), clean(actor.role) if actor.role else None,
                       addressed.get(key, 0), speaks.get(key, 0))
        for key, actor in graph.actors.items()
    }


def _is_reply(graph: ArgumentGraph, node: Node) -> bool:
    """Whether ``node`` attacks only objections: a reply, listed with what it answers."""
    targets = [graph.nodes.get(target) for target in getattr(node.item, "attacks", ())]
    return bool(targets) and all(
        target is not None and target.kind is NodeKind.OBJECTION for target in targets)


def _recommendation(
    builder: _Builder, node: Node, found: list[Any], limit: int,
    actors: dict[str, ActorView], verdicts: Mapping[str, str] | None,
    strengths: Mapping[str, float],
) -> RecommendationView:
    graph = builder.graph
    item = node.item
    assert isinstance(item, Recommendation)
    chain_views = []
    steps_cache = builder._steps
    for chain in found[:limit]:
        keys = chain.steps[:-1]
        # Each step with the one before it (None for the first).
        pairs = zip(keys, [None, *keys[:-1]], strict=True)
        chain_views.append(ChainView(tuple(
            [steps_cache.get(pair) or builder.step(*pair) for pair in pairs])))

    objections = []
    targets = [(node.id, None)] + [
        (edge.source, clean(graph.nodes[edge.source].text))
        for edge in graph.incoming(node.id, EdgeKind.CONCLUSION)
    ]
    for target, against in targets:
        for attacker in graph.attackers_of(target):
            view = builder.view(attacker)
            conceders = [e.source for e in graph.incoming(attacker, EdgeKind.CONCEDES)]
            cutters = graph.undercutters_of_relation(Relation(EdgeKind.ATTACK, attacker, target))
            replies = tuple(builder.view(reply)
                            for reply in dict.fromkeys([*graph.attackers_of(attacker),
                                                        *conceders, *cutters]))
            verdict = None
            if verdicts is not None:
                if conceders:
                    verdict = "conceded"
                elif cutters:
                    verdict = "undercut"
                else:
                    verdict = verdicts.get(attacker) if _answered(graph, attacker) else "stands"
            objections.append(ObjectionView(view.id, view.text, against, replies, verdict,
                                            view.implicit))

    addressees = tuple(
        actors.get(key) or ActorView(key, clean(key), None, 0, 0) for key in item.addressees
    )
    return RecommendationView(
        node.id, clean(item.text), item.qualifier, item.section, addressees,
        builder.quotes(item.quotes), tuple(chain_views),
        len(found) > limit or not getattr(found, "complete", True), tuple(objections),
        verdicts.get(node.id) if verdicts is not None else None,
        strengths.get(node.id),
    )


def _locate(brief: Brief, quotes: list[str]) -> dict[str, tuple[int, int] | None]:
    """The lines each quote stands on in the brief's source; empty when the source cannot be
    read.

    The source is read only through :func:`~argmap.checks.sources.read_source`, so a brief
    cannot make the summary read a file outside the folder it may read from, nor block on one.
    """
    from argmap.checks.sources import read_source

    origin = brief._origin
    file = getattr(origin, "file", None)
    if not quotes or file is None:
        return {}
    text = read_source(brief, file, getattr(origin, "root", None))
    if not isinstance(text, SourceText):
        return {}
    return text.lines_of(quotes)


_URL_SAFE = "-._~:/?#[]@!$&'()*+,;="


def _link(url: str | None) -> MarkdownSafe | None:
    """A Markdown link destination for an http(s) URL; None for any other scheme."""
    if not url:
        return None
    try:
        parts = urllib.parse.urlsplit(url.strip())
    except ValueError:  # an unbalanced '[' in the host
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    encoded = urllib.parse.quote(clean(url), safe=_URL_SAFE + "%")
    return MarkdownSafe(f"<{encoded}>")


# --- Jinja2 -----------------------------------------------------------------------------------


def _finalize(value: Any) -> str:
    """Escape every printed value for Markdown, except argmap's own markup."""
    if type(value) is str:  # the most common value, brief text: one test
        return _escaped(value)
    if isinstance(value, MarkdownSafe):
        return value
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return _escaped(str(value))


# A summary prints the same statement in many chains; escaping is a pure function of the text,
# so a bounded memo saves repeating it.
_escaped = functools.lru_cache(maxsize=8192)(markdown_text)


def _markdown_filter(value: Any) -> MarkdownSafe:
    """The ``md`` filter: escape explicitly (printing escapes anyway; this marks it done)."""
    return MarkdownSafe(_finalize(value))


def _configure(environment: jinja2.Environment) -> jinja2.Environment:
    environment.filters["md"] = _markdown_filter
    return environment


def _options() -> dict[str, Any]:
    return {
        "autoescape": False,  # HTML escaping is wrong for Markdown; finalize escapes instead
        "finalize": _finalize,
        "undefined": jinja2.StrictUndefined,
        "trim_blocks": True,
        "lstrip_blocks": True,
        "keep_trailing_newline": True,
        # No file but the template itself: {% include %} and {% extends %} find nothing.
        "loader": jinja2.DictLoader({}),
    }


def _default_template_text() -> str:
    """The shipped template: from the installed package, or the checkout's templates/ folder."""
    try:
        return (importlib.resources.files("argmap.templates") / DEFAULT_TEMPLATE).read_text(
            encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, NotADirectoryError):
        checkout = Path(__file__).resolve().parents[2] / "templates" / DEFAULT_TEMPLATE
        return checkout.read_text(encoding="utf-8")


@functools.lru_cache(maxsize=1)
def _default_template() -> jinja2.Template:
    environment = _configure(jinja2.Environment(**_options()))
    return environment.from_string(_default_template_text())


def _user_template(path: str | os.PathLike[str]) -> jinja2.Template:
    """A user's template, sandboxed; it can include or extend no other file."""
    file = Path(path)
    try:
        size = file.stat().st_size
        if size > MAX_TEMPLATE_BYTES:
            raise RenderError(f"the template {file} is {size:,} bytes; the limit is "
                              f"{MAX_TEMPLATE_BYTES:,}")
        text = file.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise RenderError(f"the template {file} is not UTF-8 text") from error
    except OSError as error:
        raise RenderError(f"cannot read the template {file}: {error.strerror or error}") from error
    environment = _configure(jinja2.sandbox.SandboxedEnvironment(**_options()))
    try:
        return environment.from_string(text)
    except jinja2.TemplateSyntaxError as error:
        raise RenderError(f"{file}:{error.lineno}: template syntax error: {error.message}") \
            from error


@paused_collector()
def to_markdown(
    brief: Brief | ArgumentGraph,
    *,
    template: str | os.PathLike[str] | None = None,
    diagram: bool = False,
    evaluation: EvaluationLike | bool | None = True,
    chain_limit: int = DEFAULT_CHAIN_LIMIT,
    **diagram_options: Any,
) -> str:
    """The Markdown summary of a brief.

    ``template`` is the path of a user's Jinja2 template (sandboxed; the variables are those of
    :func:`summary_context`); ``diagram`` embeds the Mermaid map (``diagram_options`` go to
    :func:`argmap.to_mermaid`); ``evaluation`` is True to evaluate the map (strengths and
    verdicts under the quadratic energy model), an evaluation from :func:`argmap.evaluate`, or
    False/None for no verdicts; ``chain_limit`` caps the chains shown per recommendation. Raises
    :class:`~argmap.errors.RenderError` when a template fails or an option is wrong, and
    nothing else: brief text is escaped, so it can put no HTML, link or image into the summary.
    """
    if chain_limit < 1:
        raise RenderError(f"chain_limit must be at least 1, not {chain_limit}")
    graph = brief if isinstance(brief, ArgumentGraph) else ArgumentGraph(brief)
    mermaid = None
    if diagram:
        from argmap.publish.mermaid import to_mermaid

        # The summary's heading is the brief's title; the diagram does not repeat it.
        mermaid = to_mermaid(graph, **{"title": "", **diagram_options})
    elif diagram_options:
        raise RenderError(f"diagram options given without diagram=True: "
                          f"{', '.join(sorted(diagram_options))}")
    if evaluation is True:
        from argmap.analysis import evaluate

        # The quadratic energy model: under DF-QuAD one near-certain reason lifts a statement
        # to 1.00 whatever its base score, so a recommendation the author hedges with
        # "perhaps" would read "stands, 1.00" (docs/semantics.md, "One verdict per semantics").
        evaluation = evaluate(graph, "quadratic-energy")
    context = summary_context(
        graph, evaluation=evaluation or None, chain_limit=chain_limit, mermaid=mermaid
    )
    compiled = _default_template() if template is None else _user_template(template)
    try:
        return compiled.render(context)
    except ArgmapError:
        raise
    except jinja2.TemplateNotFound as error:
        where = template if template is not None else DEFAULT_TEMPLATE
        raise RenderError(f"the template {where} names another template ('{error.name}'), but "
                          "a template cannot include, import or extend other files; put what "
                          "it needs in the one file") from error
    except jinja2.TemplateError as error:
        where = template if template is not None else DEFAULT_TEMPLATE
        raise RenderError(f"the template {where} failed: {error}") from error
