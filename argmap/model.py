"""The brief format as Pydantic models: pure data, no I/O.

A :class:`Brief` holds four kinds of statement (claims, premises, objections, recommendations),
linked arguments, actors and an optional source. Ids are plain strings here; whether they are
well formed and whether references resolve is the business of :mod:`argmap.checks`, so that a
brief with a dangling reference still loads and every problem is reported at once.
"""

import datetime
import inspect
from collections.abc import Callable
from functools import partial
from typing import Annotated, Any, ClassVar, Literal, Union

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    PrivateAttr,
    Tag,
    field_validator,
)

__all__ = [
    "CONFIDENCE_LEVELS",
    "FORMAT_VERSION",
    "LIKELIHOOD_TERMS",
    "STATEMENT_SECTIONS",
    "Actor",
    "Argument",
    "AttackRef",
    "Brief",
    "Claim",
    "Dialogue",
    "Expectations",
    "Locution",
    "Objection",
    "Premise",
    "Question",
    "Recommendation",
    "Source",
    "Statement",
    "StatementKind",
    "SupportRef",
    "UndercutTarget",
]

FORMAT_VERSION = 1

#: Words of estimative probability, from least to most likely (as intelligence standards use them).
LIKELIHOOD_TERMS = (
    "almost no chance",
    "very unlikely",
    "unlikely",
    "roughly even chance",
    "likely",
    "very likely",
    "almost certain",
)
#: How much the analyst trusts the evidence, kept apart from likelihood.
CONFIDENCE_LEVELS = ("low", "moderate", "high")

Likelihood = Literal[
    "almost no chance",
    "very unlikely",
    "unlikely",
    "roughly even chance",
    "likely",
    "very likely",
    "almost certain",
]
Confidence = Literal["low", "moderate", "high"]
StatementKind = Literal["claim", "premise", "objection", "recommendation"]


class _Model(BaseModel):
    """Shared configuration: unknown keys are errors, and no type is coerced silently."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)


def _new_empty(kind: type[list[Any]] | type[dict[str, Any]]) -> Callable[[], Any]:
    """A default factory that makes a new empty ``kind`` (``list`` or ``dict``) per model.

    A ``partial`` of the builtin, so each call runs in C: a brief of 50,000 statements calls
    the factories over half a million times, and a Python function's frame each time cost 5%
    of validating it. The declared empty signature is what Pydantic reads to learn that the
    factory takes no argument; without it, Pydantic parses the builtin's signature from its
    text once per field, which made building the models a quarter slower.
    """
    factory = partial(kind)
    factory.__signature__ = inspect.Signature()  # type: ignore[attr-defined]
    return factory


#: The default of a list field, and of a mapping field: a new empty one each time.
_empty_list: Callable[[], list[Any]] = _new_empty(list)
_empty_dict: Callable[[], dict[str, Any]] = _new_empty(dict)


def _text_from_scalar(value: Any) -> Any:
    """Accept an unquoted number or date where free text is expected (``date: 2008``)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float, datetime.date)):
        return str(value)
    return value


def _one_or_many(value: str | list[str] | None) -> tuple[str, ...]:
    """A field that takes one value or a list of them, as a tuple."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(value)


class Actor(_Model):
    """Someone who acts, speaks or is addressed: a state, an organisation, a person."""

    name: str = Field(min_length=1, description="The actor's name as readers know it.")
    role: str | None = Field(default=None, description="What the actor is, or its office.")
    note: str | None = None


class Source(_Model):
    """The document a brief maps; quotes are checked against its text."""

    path: str | None = Field(
        default=None, description="Plain-text copy of the document, relative to the brief file."
    )
    title: str | None = None
    url: str | None = Field(default=None, description="Where the document is published (http(s)).")
    publisher: str | None = None
    date: str | None = None

    _coerce_date = field_validator("date", mode="before")(_text_from_scalar)


class SupportRef(_Model):
    """A single support named as the target of an undercut: ``{support: FROM, to: TO}``."""

    support: str = Field(description="Id of the statement that supports (or of an argument).")
    to: str = Field(description="Id of the statement it supports.")

    @property
    def relation(self) -> str:
        return "support"

    @property
    def source(self) -> str:
        return self.support


class AttackRef(_Model):
    """An attack named as the target of an undercut: ``{attack: FROM, to: TO}``."""

    attack: str = Field(description="Id of the statement that attacks.")
    to: str = Field(description="Id of the statement or argument it attacks.")

    @property
    def relation(self) -> str:
        return "attack"

    @property
    def source(self) -> str:
        return self.attack


def _undercut_tag(value: Any) -> str | None:
    """Which form an ``undercuts`` entry takes: an id, a support or an attack."""
    if isinstance(value, str):
        return "id"
    if isinstance(value, dict):
        if "support" in value and "attack" not in value:
            return "support"
        if "attack" in value and "support" not in value:
            return "attack"
        return None
    if isinstance(value, SupportRef):
        return "support"
    if isinstance(value, AttackRef):
        return "attack"
    return None


#: What ``undercuts`` may name: an argument id, a single support, or an attack.
UndercutTarget = Annotated[
    Union[  # noqa: UP007 (a runtime alias)
        Annotated[str, Tag("id")],
        Annotated[SupportRef, Tag("support")],
        Annotated[AttackRef, Tag("attack")],
    ],
    Discriminator(
        _undercut_tag,
        custom_error_type="undercut_target",
        custom_error_message=(
            "an undercut names an argument id, or a mapping {support: FROM, to: TO} "
            "or {attack: FROM, to: TO}"
        ),
    ),
]


class Statement(_Model):
    """What every kind of statement has in common."""

    kind: ClassVar[StatementKind]

    text: str = Field(min_length=1, description="The statement in the mapper's clear words.")
    quote: str | list[str] | None = Field(
        default=None, description="Verbatim excerpt(s) of the source that state it."
    )
    section: str | None = Field(default=None, description="The section of the source it is in.")
    speaker: str | None = Field(default=None, description="Actor id: who asserts it.")
    qualifier: str | None = Field(
        default=None, description="The brief's own hedge ('might', 'appears to')."
    )
    likelihood: Likelihood | None = Field(
        default=None, description="How likely the brief holds it to be, in estimative words."
    )
    confidence: Confidence | None = Field(
        default=None, description="How much the brief trusts its own evidence for it."
    )
    base_score: float | None = Field(
        default=None,
        ge=0.0,
        le=1.0,
        strict=True,
        description="Prior strength in [0, 1] for gradual semantics.",
    )
    conditions: list[str] = Field(
        default_factory=_empty_list, description="Conditions under which it holds."
    )
    indicators: list[str] = Field(
        default_factory=_empty_list,
        description="Observable signs that would show it holds or fails.",
    )
    tags: list[str] = Field(default_factory=_empty_list)
    note: str | None = None
    supports: list[str] = Field(
        default_factory=_empty_list, description="Ids this statement supports."
    )
    attacks: list[str] = Field(
        default_factory=_empty_list,
        description="Ids this statement attacks (an argument id: an undercut).",
    )
    scheme: str | dict[str, str] | None = Field(
        default=None,
        description="The argumentation scheme of its supports ('Argument From Expert Opinion'): "
        "one name for all of them, or a name per supported id.",
    )
    answered: list[str] = Field(
        default_factory=_empty_list,
        description="Keys of its scheme's critical questions that the brief takes up "
        "(docs/schemes.md).",
    )
    concedes: list[str] = Field(
        default_factory=_empty_list,
        description=(
            "Ids of statements this one grants while answering them: they keep standing, and "
            "their attacks do not defeat while this statement stands."
        ),
    )
    outweighs: list[str] = Field(
        default_factory=_empty_list,
        description=(
            "Ids of statements this one is preferred to: an attack from one of them on this "
            "statement does not defeat it."
        ),
    )
    undercuts: list[UndercutTarget] = Field(
        default_factory=_empty_list,
        description=(
            "Inferences this statement denies: an argument id, a single support "
            "{support: FROM, to: TO} or an attack {attack: FROM, to: TO}."
        ),
    )
    implicit: bool = Field(
        default=False,
        strict=True,
        description="An unstated premise the text relies on (it needs no quote).",
    )
    rephrases: list[str] = Field(
        default_factory=_empty_list,
        description="Ids of statements that say the same thing (evaluation treats them as one).",
    )
    contrary: list[str] = Field(
        default_factory=_empty_list,
        description="Ids of statements that cannot hold together with this one (both may fail).",
    )
    contradicts: list[str] = Field(
        default_factory=_empty_list,
        description="Ids of statements of which exactly one holds: this one or that.",
    )

    @property
    def quotes(self) -> tuple[str, ...]:
        """The quotes as a tuple, whether one or several were given."""
        return _one_or_many(self.quote)


class Claim(Statement):
    """An assertion the brief makes or reports."""

    kind: ClassVar[StatementKind] = "claim"


class Premise(Statement):
    """A ground offered for other statements."""

    kind: ClassVar[StatementKind] = "premise"


class Objection(Statement):
    """A reason against a statement or an argument."""

    kind: ClassVar[StatementKind] = "objection"


class Recommendation(Statement):
    """An action the brief recommends, addressed to one or more actors."""

    kind: ClassVar[StatementKind] = "recommendation"

    addressee: str | list[str] | None = Field(
        default=None, description="Actor id(s) the recommendation is addressed to."
    )

    @property
    def addressees(self) -> tuple[str, ...]:
        """The addressees as a tuple, whether one or several were given."""
        return _one_or_many(self.addressee)


class Argument(_Model):
    """Premises that support a conclusion only together (a linked argument)."""

    kind: ClassVar[Literal["argument"]] = "argument"

    premises: list[str] = Field(description="Ids of the statements that support only together.")
    conclusion: str = Field(description="Id of the statement they support.")
    text: str | None = Field(default=None, description="The inference, in words.")
    scheme: str | None = Field(
        default=None,
        description="The argumentation scheme it follows ('Argument From Expert Opinion').",
    )
    answered: list[str] = Field(
        default_factory=_empty_list,
        description="Keys of its scheme's critical questions that the brief takes up "
        "(docs/schemes.md).",
    )
    quote: str | list[str] | None = None
    tags: list[str] = Field(default_factory=_empty_list)
    note: str | None = None

    @property
    def quotes(self) -> tuple[str, ...]:
        """The quotes as a tuple, whether one or several were given."""
        return _one_or_many(self.quote)


class Expectations(_Model):
    """What the brief's author expects evaluation to conclude; checked in CI."""

    stands: list[str] = Field(default_factory=_empty_list, description="Ids expected to be IN.")
    falls: list[str] = Field(default_factory=_empty_list, description="Ids expected to be OUT.")
    open: list[str] = Field(default_factory=_empty_list, description="Ids expected to be UNDEC.")


class Question(_Model):
    """The question a brief answers, and the statements that are options answering it."""

    kind: ClassVar[Literal["question"]] = "question"

    text: str = Field(min_length=1, description="The question, in the mapper's clear words.")
    quote: str | list[str] | None = Field(
        default=None, description="Verbatim excerpt(s) of the source that ask it."
    )
    section: str | None = Field(default=None, description="The section of the source it is in.")
    note: str | None = None
    options: list[str] = Field(
        default_factory=_empty_list,
        description="Ids of the recommendations or claims that answer the question.",
    )

    @property
    def quotes(self) -> tuple[str, ...]:
        """The quotes as a tuple, whether one or several were given."""
        return _one_or_many(self.quote)


class Locution(_Model):
    """Words someone said in a dialogue (an AIF locution), and the statements they put forward."""

    speaker: str | None = Field(default=None, description="Actor id: who said the words.")
    text: str = Field(min_length=1, description="The words said.")
    asserts: list[str] = Field(
        default_factory=_empty_list, description="Ids of the statements the words put forward."
    )
    illocution: str | None = Field(
        default=None,
        description="How they put them forward (AIF's YA nodes: 'Questioning', 'Challenging', "
        "...); 'Asserting' when absent.",
    )
    replies_to: list[str] = Field(
        default_factory=_empty_list,
        description="Ids of the earlier locutions these words answer or follow (AIF's TA nodes).",
    )
    timestamp: str | None = Field(default=None, description="When the words were said.")


class Dialogue(_Model):
    """Who said what, when, in answer to whom: optional, kept for AIF corpora of debates."""

    locutions: dict[str, Locution] = Field(default_factory=_empty_dict)


AnyStatement = Union[Claim, Premise, Objection, Recommendation]  # noqa: UP007 (a runtime alias)

#: The brief's statement sections, in the order they are read and written.
STATEMENT_SECTIONS: tuple[str, ...] = ("claims", "premises", "objections", "recommendations")


class Brief(_Model):
    """A policy brief mapped as an argument: the root of the format."""

    argmap: Literal[1] = Field(description="The format version; 1 is the only one so far.")
    id: str = Field(description="The brief's own id, kebab-case.")
    title: str = Field(min_length=1)
    authors: list[str] = Field(default_factory=_empty_list)
    date: str | None = Field(default=None, description="Free text or an ISO date.")
    summary: str | None = None
    source: Source | None = None
    sections: list[str] = Field(
        default_factory=_empty_list, description="The sections of the source, in order."
    )
    tags: list[str] = Field(default_factory=_empty_list)
    actors: dict[str, Actor] = Field(default_factory=_empty_dict)
    claims: dict[str, Claim] = Field(default_factory=_empty_dict)
    premises: dict[str, Premise] = Field(default_factory=_empty_dict)
    objections: dict[str, Objection] = Field(default_factory=_empty_dict)
    recommendations: dict[str, Recommendation] = Field(default_factory=_empty_dict)
    arguments: dict[str, Argument] = Field(default_factory=_empty_dict)
    questions: dict[str, Question] = Field(
        default_factory=_empty_dict,
        description="The questions the brief answers, each with its options.",
    )
    dialogue: Dialogue | None = Field(
        default=None, description="Optional: the dialogue the statements were said in."
    )
    expect: Expectations | None = Field(
        default=None, description="Verdicts the author expects; `argmap validate` checks them."
    )

    _coerce_date = field_validator("date", mode="before")(_text_from_scalar)
    # Where the brief was loaded from (an argmap.loading.Origin), so checks can point into the file.
    _origin: Any = PrivateAttr(default=None)

    @property
    def statements(self) -> dict[str, AnyStatement]:
        """Every statement by id, all four kinds, in section order (first definition wins)."""
        merged: dict[str, AnyStatement] = {}
        for section in (self.claims, self.premises, self.objections, self.recommendations):
            for key, statement in section.items():
                merged.setdefault(key, statement)
        return merged

    def __eq__(self, other: object) -> bool:
        """Two briefs are equal when their content is, wherever each was loaded from."""
        if not isinstance(other, Brief):
            return NotImplemented
        return type(self) is type(other) and self.__dict__ == other.__dict__

    __hash__ = None  # type: ignore[assignment]

    def check(self, **options: Any) -> list[Any]:
        """Shortcut for :func:`argmap.check` on this brief."""
        from argmap.checking import check

        return check(self, **options)

    def _repr_mimebundle_(
        self, include: Any = None, exclude: Any = None
    ) -> dict[str, str]:
        """How Jupyter shows a brief: the interactive map and the SVG (when a dot is found),
        then the summary."""
        from argmap.publish.notebook import mimebundle

        return mimebundle(self, include, exclude)
