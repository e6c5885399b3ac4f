"""The drafting rules: what each looks for in the words, and an example of it at work.

Every guess ``argmap draft`` makes comes from one of the rules in :data:`RULES`, and names it in
the statement's note, so the analyst can see why a sentence became, say, a recommendation.
``docs/draft.md`` is generated from this table (``python -m argmap.draft.docs``); a test keeps it
fresh, and another drafts every rule's example and checks that the rule fires on it.

The words the rules look for are data here; the code that applies them lives in
:mod:`argmap.draft.segment` (splitting) and :mod:`argmap.draft.guess` (kinds, relations,
speakers, qualifiers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = [
    "DEMONYMS",
    "FAMILIES",
    "FRONTED_MARKERS",
    "HEADING_SMALL_WORDS",
    "IMPERATIVE_VERBS",
    "REPORTING_VERBS",
    "RULES",
    "SPLIT_MARKERS",
    "Marker",
    "Rule",
    "rule",
    "word_set",
]


@dataclass(frozen=True)
class Rule:
    """One drafting rule: its name, what it does, and an example with what it yields."""

    name: str
    family: str
    summary: str
    example: str
    yields: str


#: The families of rules, in the order the documentation lists them.
FAMILIES = {
    "segment": "Segmentation: where units begin and end",
    "kind": "Kinds: what a unit is",
    "relation": "Relations: what a unit supports or attacks",
    "speaker": "Speakers, addressees and actors",
    "qualifier": "Qualifiers",
}

RULES: tuple[Rule, ...] = (
    # Segmentation
    Rule("join-broken-lines", "segment",
         "Lines of running text are joined into sentences across line breaks and the blank "
         "lines a PDF extraction leaves between lines.",
         "The unresolved conflict \n\nmakes it very difficult for the EU to agree a strategy.",
         "one unit: \"The unresolved conflict makes it very difficult for the EU to agree a "
         "strategy.\""),
    Rule("join-hyphenated-words", "segment",
         "A word hyphenated at a line end is joined again; a hyphen before a capital stays.",
         "Russia recog-\nnized the two enclaves after the Russia-\nGeorgia war.",
         "\"Russia recognized the two enclaves after the Russia-Georgia war.\""),
    Rule("heading", "segment",
         "A short line in all capitals or title case, standing alone after a finished sentence, "
         "is a heading: it names the section of the units after it (the first such line of a "
         "text is its title).",
         "Obstacles to Dialogue\n\nA serious official dialogue appears to be impossible.",
         "section: Obstacles to Dialogue"),
    Rule("bullet-item", "segment",
         "A line opening with a bullet (-, *, \u2022) or a list number starts a unit of its own; "
         "the marker is not part of the quote.",
         "We recommend three steps:\n- Reopen the border crossings.\n- Restore direct flights.",
         "units \"Reopen the border crossings.\" and \"Restore direct flights.\""),
    Rule("split-adversative", "segment",
         "A clause opened by an adversative marker (but, however, yet, whereas, nevertheless) "
         "is a unit of its own.",
         "Russia thinks Georgia should take the first steps, but Georgia answers that "
         "relations are not on the agenda.",
         "two units, the second opened by \"but\""),
    Rule("split-concessive", "segment",
         "A clause opened by a concessive marker (although, though, even though, even if) is a "
         "unit of its own; so is the main clause after a fronted one.",
         "Although the talks have stalled, the monitors still meet every week.",
         "two units: \"Although the talks have stalled\" and \"the monitors still meet every "
         "week.\""),
    Rule("split-causal", "segment",
         "A clause opened by a causal marker (because, since, given that, given, after all) "
         "is a unit of its own; a temporal \"since\" (since then, since 2008) is not a marker.",
         "Georgia has greater leverage in these talks because it is the gatekeeper to "
         "the two regions.",
         "two units, the second opened by \"because\""),
    Rule("split-conclusive", "segment",
         "A clause opened by a conclusive marker (therefore, thus, hence, so, which means, as a "
         "result) is a unit of its own.",
         "Russia won the war, so it can afford to be generous.",
         "two units, the second opened by \"so\""),
    Rule("skip-aside", "segment",
         "A sentence wholly in parentheses (a photo credit, a reference) is not a unit.",
         "Karasin met Abashidze in Prague. (Interpressnews.)",
         "one unit: \"Karasin met Abashidze in Prague.\""),
    Rule("strip-dateline", "segment",
         "A news dateline (a place in capitals and an agency before a dash) is not part of "
         "the unit.",
         "TBILISI, DFWatch\u2013Russia thinks Georgia should move first.",
         "quote \"Russia thinks Georgia should move first.\""),
    # Kinds
    Rule("recommend-deontic", "kind",
         "A deontic modal (should, must, ought to, needs to, has to) makes a recommendation.",
         "Georgia should take the first steps toward restoring diplomatic relations.",
         "recommendation"),
    Rule("recommend-necessity", "kind",
         "\"It is necessary (essential, vital, important, imperative) to ...\" makes a "
         "recommendation.",
         "It is now necessary to discuss practical issues of transport and trade.",
         "recommendation"),
    Rule("recommend-explicit", "kind",
         "An explicit recommendation (we recommend, we urge, we propose, recommends that) makes "
         "a recommendation.",
         "We recommend that the monitors be allowed on both sides of the line.",
         "recommendation"),
    Rule("recommend-option", "kind",
         "An option put forward (could/might/should consider, the best way forward would be, "
         "one way to move forward, it would be more effective to) makes a recommendation.",
         "The EU could consider a visa facilitation agreement.",
         "recommendation"),
    Rule("recommend-possible-action", "kind",
         "An actor who could or might take an action (NAME could allow, they might reduce) is "
         "the addressee of a recommendation: policy texts put proposals as possibilities.",
         "Russia might also allow the monitors to work on both sides of the line.",
         "recommendation addressed to russia"),
    Rule("recommend-imperative", "kind",
         "A sentence opening with a verb in the imperative (Ensure, Consider, Reopen, ...) is a "
         "recommendation.",
         "Reopen the border crossings before the winter.",
         "recommendation"),
    Rule("object-risk", "kind",
         "A risk or a critic's voice (there is a risk that, the risk is, critics argue, it "
         "could be objected) makes an objection; it attacks the nearest recommendation before "
         "it in its section, else the unit just before it.",
         "Russia should show some flexibility. There is a risk that concessions would be "
         "claimed as victories.",
         "objection attacking the recommendation"),
    Rule("object-adversative", "kind",
         "A unit opened by an adversative marker (but, however, yet, nevertheless, on the "
         "other hand) is an objection attacking the unit just before it.",
         "This level of participation can be delivered on the Russian side. But in Georgia "
         "it would be difficult to find such figures.",
         "objection attacking the first sentence"),
    Rule("question", "kind",
         "A question is kept as a claim (questions frame issues rather than assert), with no "
         "recommendation guessed from its modal.",
         "Who should be at the table?",
         "claim"),
    Rule("default-premise", "kind",
         "A plain declarative unit that no other rule classifies is a premise: a ground the "
         "text offers for its conclusions.",
         "NATO's eastward enlargement has stopped.",
         "premise"),
    Rule("default-claim", "kind",
         "A unit no other rule classifies, but hedged (see hedge), opened by a conclusive "
         "marker or supported by another unit, is a claim: a conclusion the text draws.",
         "A serious official dialogue appears to be impossible at the moment.",
         "claim"),
    # Relations
    Rule("support-causal", "relation",
         "A unit opened by a causal marker (because, since, given that) is a premise "
         "supporting the clause it explains: the one before it, or the main clause after a "
         "fronted one.",
         "Georgia has greater leverage in these talks because it is the gatekeeper to the two "
         "regions.",
         "premise \"it is the gatekeeper ...\" supports the first clause"),
    Rule("support-conclusive", "relation",
         "A unit opened by a conclusive marker (therefore, thus, hence, so, which means, this "
         "means, as a result) is a conclusion: the unit just before it supports it.",
         "NATO's eastward enlargement has stopped. Therefore Russia can afford concessions.",
         "the first sentence supports the second"),
    Rule("support-elaboration", "relation",
         "A plain statement (no marker, no hedge) right after a claim or recommendation in "
         "the same section is a premise supporting it: texts state a point, then its ground.",
         "Russia could show magnanimity in its victory. NATO's enlargement has stopped.",
         "the second sentence supports the first"),
    Rule("attack-concessive", "relation",
         "A unit opened by a concessive marker is granted and answered: the main clause it "
         "belongs with attacks it.",
         "Although the talks have stalled, the monitors still meet every week.",
         "\"the monitors still meet every week\" attacks \"the talks have stalled\""),
    # Speakers, addressees and actors
    Rule("speaker-reporting-verb", "speaker",
         "A name before a reporting verb (said, told, added, thinks, responded, ...) is the "
         "speaker of what follows; an actor is created for it, with the role an apposition "
         "gives.",
         "Gregory Karasin, Russia's Deputy Foreign Minister, said it wasn't Russia that broke "
         "off relations.",
         "speaker karasin (Gregory Karasin, role Russia's Deputy Foreign Minister)"),
    Rule("speaker-told", "speaker",
         "\"NAME told OUTLET that ...\": NAME speaks; the outlet told becomes an actor too and is "
         "named in the note.",
         "Zurab Abashidze told Interpressnews on Thursday that relations are not on the agenda.",
         "speaker abashidze, told interpressnews"),
    Rule("speaker-quotation", "speaker",
         "A quotation followed by \"NAME said\" or \"he added\" is spoken by that name (a pronoun "
         "is the last person named); the quote is what is inside the quotation marks.",
         "Karasin said the talks go on. \u201cThe road is made by walking,\u201d he added.",
         "speaker karasin, quote \"The road is made by walking,\""),
    Rule("speaker-according-to", "speaker",
         "\"According to NAME, ...\" makes NAME the speaker.",
         "According to Imerlishvili, formal frames for the talks exist already.",
         "speaker imerlishvili"),
    Rule("speaker-pronoun", "speaker",
         "A pronoun before a reporting verb (he said, she continued saying) is the last person "
         "named as a speaker.",
         "Karasin said the talks go on. He continued saying that the next meeting is in July.",
         "speaker karasin"),
    Rule("speaker-carries", "speaker",
         "A sentence with no speaker of its own, in the same paragraph as a reported one, is "
         "spoken by the same speaker.",
         "Abashidze said relations are not on the agenda. Otherwise the regions would be lost.",
         "both sentences spoken by abashidze"),
    Rule("addressee-subject", "speaker",
         "The name before a deontic modal, or after \"for\" in \"the best way would be for "
         "... to\", is a recommendation's addressee (a people's name stands for its state: "
         "the Russians for Russia).",
         "Russia should show some flexibility.",
         "addressee russia"),
    # Qualifiers
    Rule("hedge", "qualifier",
         "A hedge (probably, perhaps, possibly, might, may, could, appears to, seems to, "
         "likely) is the statement's qualifier.",
         "Probably it is not we who should be thinking of the formal aspect.",
         "qualifier: probably"),
)

_BY_NAME = {r.name: r for r in RULES}


def rule(name: str) -> Rule:
    """The rule of that name (a KeyError names a rule the table lacks)."""
    return _BY_NAME[name]


@dataclass(frozen=True)
class Marker:
    """A discourse marker that opens a unit, and what it means for the unit's relations.

    ``family`` is one of adversative, concessive, causal, conclusive. ``comma_only``: the marker
    starts a unit only after a comma or semicolon (``so``, ``however``, ``thus``). ``not_before``
    and ``not_after``: patterns of the words after the marker (or before it) where the same word
    is not a marker ("since then", "but also", "do so").
    """

    words: str
    family: str
    comma_only: bool = False
    not_before: re.Pattern[str] | None = None
    not_after: re.Pattern[str] | None = None
    splits_at_comma: bool = False
    rule_names: tuple[str, ...] = field(default=())

    def accepts(self, lead: str, before: str, rest: str) -> bool:
        """Whether this occurrence (``lead`` white space or punctuation before it, the text
        ``before`` and the ``rest`` from the marker on) really opens a unit."""
        if self.comma_only and not lead.strip():
            return False
        if self.not_before is not None and self.not_before.match(rest):
            return False
        return not (self.not_after is not None and self.not_after.search(before))


def word_set(text: str) -> frozenset[str]:
    """The words of ``text`` (split at white space) as a set: for the word lists below."""
    return frozenset(text.split())


def _pattern(text: str) -> re.Pattern[str]:
    return re.compile(text, re.IGNORECASE)


_TEMPORAL_SINCE = _pattern(
    r"since\s+(?:then|\d|the\s+(?:end|start|beginning|war|early|late|mid)|last|early|late|mid"
    r"|january|february|march|april|may|june|july|august|september|october|november|december"
    r"|spring|summer|autumn|fall|winter)\b")

SPLIT_MARKERS: tuple[Marker, ...] = (
    Marker("but", "adversative", not_before=_pattern(r"but\s+(?:also|rather|only)\b"),
           not_after=_pattern(r"\b(?:nothing|all|anything|not\s+only|not)\s*$")),
    Marker("however", "adversative", comma_only=True,
           not_before=_pattern(r"however\s+(?:much|many|long|far|small|large)\b")),
    Marker("yet", "adversative", comma_only=True),
    Marker("whereas", "adversative"),
    Marker("nevertheless", "adversative", comma_only=True),
    Marker("although", "concessive"),
    Marker("even though", "concessive"),
    Marker("though", "concessive", comma_only=True),
    Marker("because", "causal", not_before=_pattern(r"because\s+of\b")),
    Marker("since", "causal", comma_only=True, not_before=_TEMPORAL_SINCE,
           not_after=_pattern(r"\bever\s*$")),
    Marker("given that", "causal", comma_only=True),
    Marker("given", "causal", comma_only=True),
    Marker("after all", "causal", comma_only=True),
    Marker("therefore", "conclusive", comma_only=True),
    Marker("and therefore", "conclusive"),
    Marker("thus", "conclusive", comma_only=True),
    Marker("hence", "conclusive", comma_only=True),
    Marker("so", "conclusive", comma_only=True,
           not_before=_pattern(r"so\s+(?:that|far|much|many|as|long|what|on|too|-called|"
                               r"called|forth)\b")),
    Marker("and so", "conclusive",
           not_before=_pattern(r"and\s+so\s+(?:on|forth|far)\b")),
    Marker("which means", "conclusive", comma_only=True),
    Marker("as a result", "conclusive", comma_only=True),
    Marker("consequently", "conclusive", comma_only=True),
)

#: Markers that open a sentence. Those with ``splits_at_comma`` open a fronted clause that ends
#: at the first comma ("Because X, Y"); the others open the whole sentence.
FRONTED_MARKERS: tuple[Marker, ...] = (
    Marker("but", "adversative", not_before=_pattern(r"but\s+(?:also|rather)\b")),
    Marker("however", "adversative"),
    Marker("yet", "adversative", not_before=_pattern(r"yet\s+(?:another|more)\b")),
    Marker("nevertheless", "adversative"),
    Marker("nonetheless", "adversative"),
    Marker("on the other hand", "adversative"),
    Marker("still", "adversative", comma_only=True),
    Marker("although", "concessive", splits_at_comma=True),
    Marker("even though", "concessive", splits_at_comma=True),
    Marker("though", "concessive", splits_at_comma=True),
    Marker("even if", "concessive", splits_at_comma=True),
    Marker("because", "causal", splits_at_comma=True,
           not_before=_pattern(r"because\s+of\b")),
    Marker("since", "causal", splits_at_comma=True, not_before=_TEMPORAL_SINCE),
    Marker("given that", "causal", splits_at_comma=True),
    Marker("therefore", "conclusive"),
    Marker("thus", "conclusive"),
    Marker("hence", "conclusive"),
    Marker("so", "conclusive", not_before=_pattern(r"so\s+(?:far|what|too|much|many)\b")),
    Marker("this means", "conclusive"),
    Marker("which means", "conclusive"),
    Marker("as a result", "conclusive"),
    Marker("consequently", "conclusive"),
    Marker("for this reason", "conclusive"),
)

#: Words a title-case heading may keep in lower case.
HEADING_SMALL_WORDS = word_set(
    "a an and as at but by for from in into of on or over the to under upon via vs with "
    "without")

REPORTING_VERBS = (
    "said", "says", "told", "tells", "added", "adds", "remarked", "remarks", "noted", "notes",
    "stated", "states", "responded", "responds", "replied", "replies", "answered", "answers",
    "argued", "argues", "claimed", "claims", "thinks", "thought", "believes", "believed",
    "warned", "warns", "insisted", "insists", "explained", "explains", "announced",
    "announces", "declared", "declares", "stressed", "stresses", "emphasised", "emphasized",
    "emphasises", "emphasizes", "suggested", "suggests", "urged", "urges", "maintained",
    "maintains", "acknowledged", "acknowledges", "admitted", "admits", "recalled", "recalls",
    "continued saying", "continued", "went on to say", "asserted", "asserts", "wrote",
    "writes", "considers", "considered",
)

IMPERATIVE_VERBS = word_set(
    "adopt allow avoid build consider create develop do don't encourage engage ensure "
    "establish expand focus give help implement improve include increase introduce invest "
    "keep launch let maintain make offer open promote protect provide pursue reduce reform "
    "reinforce reopen restore resume review seek set start stop strengthen support "
    "suspend take use work")

#: A people's name (as "the Russians" addresses a state) and the actor it stands for.
DEMONYMS = {
    "Russians": "Russia",
    "Georgians": "Georgia",
    "Americans": "United States",
    "Ukrainians": "Ukraine",
    "Armenians": "Armenia",
    "Azerbaijanis": "Azerbaijan",
    "Europeans": "European Union",
    "Abkhaz": "Abkhazia",
    "Ossets": "South Ossetia",
}
