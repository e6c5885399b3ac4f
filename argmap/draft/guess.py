"""Guesses from the words: each unit's kind, relations, speaker, addressees and qualifier.

Every guess names the rule of :data:`argmap.draft.rules.RULES` that made it, so the analyst can
see why; the analyst confirms or corrects each.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from argmap.draft.rules import (
    DEMONYMS,
    IMPERATIVE_VERBS,
    REPORTING_VERBS,
    SPLIT_MARKERS,
    word_set,
)
from argmap.draft.segment import Segmented, Unit

__all__ = ["Actors", "Guess", "guess"]

_NAME_WORD = r"[A-Z][\w'\u2019.-]*"
_NAME = rf"(?:{_NAME_WORD}(?:\s+(?:of\s+|de\s+|van\s+|von\s+|al-)?{_NAME_WORD}){{0,3}})"
_PRONOUN = r"(?:[Hh]e|[Ss]he|[Tt]hey)"
_TELL = r"(?:told|tells|informed|assured)"
_VERBS = "|".join(sorted((re.escape(v) for v in REPORTING_VERBS if v not in ("told", "tells")),
                         key=len, reverse=True))
_WHEN = r"(?:\s+(?:on\s+[A-Z]\w+|the\s+same\s+day|yesterday|today|later|also|earlier|again))"
_LEADING_FRAME = re.compile(
    rf"^(?P<name>{_NAME}|{_PRONOUN})(?:,\s+(?P<role>[^,]{{2,100}}),)?{_WHEN}*\s+"
    rf"(?:(?:{_TELL})\s+(?P<to>{_NAME})|(?P<verb>{_VERBS}))"
    rf"(?:\s+\([^)]*\))?{_WHEN}*(?:\s+that)?,?\s+(?P<rest>\S.*)$",
    re.DOTALL,
)
_TRAILING_FRAME = re.compile(
    rf"^(?P<body>.*?\S)\s*,?\s+(?:(?P<name>{_NAME}|{_PRONOUN})\s+(?P<verb>{_VERBS}|{_TELL})"
    rf"|(?:said|added)\s+(?P<name2>{_NAME}))(?:\s+\([^)]*\))?\.?$",
    re.DOTALL,
)
_ACCORDING = re.compile(rf"^According\s+to\s+(?P<name>{_NAME})(?:,\s+(?P<role>[^,]{{2,100}}))?"
                        r",\s+(?P<rest>\S.*)$", re.DOTALL)
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]{2,},\s+[A-Za-z][\w.]*\s*(?:\([^)]*\)\s*)?"
                       r"[\u2013\u2014-]+\s*(?=\S)")
_CLAUSE_OPENING = re.compile(
    "^(?:" + "|".join(sorted((re.escape(m.words) for m in SPLIT_MARKERS), key=len, reverse=True))
    + r")\b[,:]?\s*", re.IGNORECASE)
_OPEN_QUOTES = "\"\u201c\u2018'"
_CLOSE_QUOTES = "\"\u201d\u2019'"
#: Capitalised words that open sentences without naming anyone.
_NOT_NAMES = word_set(
    "A An And As At Both But By Each Every For From Here However If In It Its Many Most No "
    "Nobody None Of On One Only Or Our Some Such That The Their There These They This Those "
    "To We What When Where Which While Who Why With Without Yet You Your Otherwise Since "
    "Then Thus Therefore So Perhaps Probably Further Multiple After Before Also Until")
_ORGANISATION_WORDS = word_set(
    "Union Council Ministry States Federation Mission Organization Organisation Agency Nations "
    "Republic Government Commission Office News Novosti Press Parliament Assembly Bank Fund "
    "Committee Party Movement Forces Army Institute Center Centre Foundation Service Times "
    "Post Agency Group Talks")

_DEONTIC = re.compile(
    r"(?<!\bwho )(?<!\bwhich )(?<!\bthat )\b(?:should|must|ought\s+to|needs?\s+to|has\s+to"
    r"|have\s+to)\b", re.IGNORECASE)
_NOT_DEONTIC = re.compile(r"\b(?:would|will|may|might|could)\s+(?:have|need)\s+to\b",
                          re.IGNORECASE)
_NECESSITY = re.compile(
    r"\bit\s+is\s+(?:now\s+|also\s+|therefore\s+|thus\s+|so\s+|still\s+)?(?:necessary|essential"
    r"|vital|important|imperative|crucial|urgent|advisable)\s+(?:for\s+[^,.;]{1,60}?\s+)?to\b",
    re.IGNORECASE)
_EXPLICIT = re.compile(
    r"\b(?:we|i)\s+(?:strongly\s+|therefore\s+|also\s+)?(?:recommend|urge|propose|advise"
    r"|call\s+on|call\s+for)\b|\brecommends?\s+that\b|\bour\s+recommendation\b",
    re.IGNORECASE)
_OPTION = re.compile(
    r"\b(?:could|might|may|should)\s+(?:also\s+|perhaps\s+)?consider\b"
    r"|\bthe\s+best\s+way\s+(?:forward|ahead)\b|\bone\s+way\s+(?:forward|ahead|to\s+move\s+forward"
    r"|to\s+proceed)\b|\bit\s+would\s+be\s+(?:more\s+|most\s+|far\s+)?(?:effective|better|wiser"
    r"|wise|useful|advisable|sensible|preferable)\s+to\b|\bit\s+is\s+(?:pointless|futile"
    r"|counterproductive|unwise)\s+for\b",
    re.IGNORECASE)
_ACTION_VERBS = "|".join(sorted(IMPERATIVE_VERBS | {"show", "withdraw", "agree", "accept",
                                                     "offer", "grant", "lift", "drop"}))
_POSSIBLE_ACTION = re.compile(
    rf"(?:^|[\s,;:(])(?P<name>(?:the\s+)?{_NAME}|[Tt]hey)\s+(?:could|might|can)\s+(?:also\s+)?"
    rf"(?:{_ACTION_VERBS})\b")
_FINITE = re.compile(r"\b(?:is|are|was|were|has|had|does|did|will|would)\b")
_RISK = re.compile(
    r"\b(?:there\s+is\s+(?:also\s+|of\s+course\s+|a\s+real\s+|always\s+)?(?:a\s+)?(?:risk|danger)"
    r"\s+that|the\s+(?:risk|danger|downside|drawback|problem)\s+is|critics\s+(?:argue|say|claim"
    r"|warn|contend)|it\s+(?:could|might|may|can)\s+be\s+objected|one\s+(?:could|might|may)"
    r"\s+object|opponents\s+(?:argue|say|claim))\b",
    re.IGNORECASE)
_HEDGE = re.compile(
    r"\b(?:probably|perhaps|possibly|possible|might|may|could|appears?\s+to|seems?\s+to|likely"
    r"|unlikely|arguably|apparently|presumably|to\s+some\s+extent|to\s+the\s+extent\s+that)\b",
    re.IGNORECASE)
_ADDRESSEE = re.compile(
    rf"(?:^|[\s,;:(])(?P<name>(?:the\s+)?{_NAME})\s+(?:also\s+|now\s+|therefore\s+|still\s+"
    r"|really\s+|first\s+)?(?:should|must|ought\s+to|needs?\s+to|has\s+to|have\s+to"
    r"|could\s+consider|might\s+consider|can\s+consider)\b")
_FOR_TO = re.compile(rf"\bfor\s+(?P<name>(?:the\s+)?{_NAME})\s+to\s+[a-z]")


@dataclass
class Actor:
    """An actor the text names."""

    id: str
    name: str
    role: str | None = None
    person: bool = False


def _ascii_words(text: str) -> list[str]:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.findall(r"[a-z0-9]+", plain.lower().replace("'s ", " "))


class Actors:
    """The actors found so far, by id, and who was named last (for pronouns)."""

    def __init__(self) -> None:
        self.by_id: dict[str, Actor] = {}
        self.last_speaker: str | None = None
        self.last_person: str | None = None

    def add(self, name: str, role: str | None = None, *, person: bool = True) -> str | None:
        """The id of the actor named ``name`` (created if new), or None for no real name."""
        name = name.strip().rstrip(".,")
        bare = name[4:] if name.lower().startswith("the ") else name
        bare = DEMONYMS.get(bare, bare)
        tokens = bare.split()
        # A capitalised connective that opens the sentence is not part of the name: "So Russia".
        while tokens and tokens[0] in _NOT_NAMES:
            tokens.pop(0)
        if not tokens or not tokens[0][0].isupper():
            return None
        bare = " ".join(tokens)
        bare = DEMONYMS.get(bare, bare)
        person = (person and 2 <= len(tokens) <= 4 and not tokens[0].isupper()
                  and not any(t in _ORGANISATION_WORDS for t in tokens))
        words = _ascii_words(tokens[-1] if person else bare)
        if not words:
            return None
        key = "-".join(words)
        if not person and len(tokens) == 1:
            # "Karasin" after "Gregory Karasin": the same person.
            for actor in self.by_id.values():
                if actor.person and actor.id == key:
                    person = True
        actor = self.by_id.setdefault(key, Actor(key, bare, None, person))
        if len(bare) > len(actor.name):
            actor.name = bare
        actor.person = actor.person or person
        if role and actor.role is None:
            actor.role = role.strip()
        return key

    def pronoun(self, word: str) -> str | None:
        """Who a pronoun before a reporting verb stands for."""
        if word.lower() in ("he", "she"):
            return self.last_person or self.last_speaker
        return self.last_speaker


@dataclass
class Guess:
    """What drafting makes of one unit."""

    unit: Unit
    start: int
    end: int
    quote: str
    kind: str = "claim"
    qualifier: str | None = None
    speaker: str | None = None
    told: str | None = None
    addressees: list[str] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    supports: list[int] = field(default_factory=list)
    attacks: list[int] = field(default_factory=list)
    question: bool = False
    offset: int = 0  # where the quote starts in the unit's text
    opens_sentence: bool = False

    def fired(self, name: str) -> None:
        if name not in self.rules:
            self.rules.append(name)


def _trim(guess: Guess, segmented: Segmented, new_start: int, new_end: int) -> None:
    """Narrow a guess to ``quote[new_start:new_end]`` (offsets into its current quote)."""
    text = guess.quote
    piece = text[new_start:new_end]
    lead = len(piece) - len(piece.lstrip())
    piece = piece.strip()
    if not piece:
        return
    unit = guess.unit
    base = guess.offset
    first = base + new_start + lead
    guess.start = segmented.original(unit, first)
    guess.end = segmented.original(unit, first + len(piece) - 1) + 1
    guess.offset = first
    guess.quote = piece


def _strip_quote_marks(guess: Guess, segmented: Segmented) -> None:
    text = guess.quote
    start, end = 0, len(text)
    if text[:1] in _OPEN_QUOTES:
        closing = text.find("\u201d") if text[0] == "\u201c" else text.find(text[0], 1)
        if closing == -1 or closing >= len(text) - 3:
            start = 1
    while end > start and text[end - 1] in _CLOSE_QUOTES + ", " and \
            (text[end - 1] not in _CLOSE_QUOTES or text.count(text[end - 1]) % 2 == 1
             or (text[end - 1] == "\u201d" and "\u201c" not in text[start:end - 1])):
        end -= 1
    if (start, end) != (0, len(text)):
        _trim(guess, segmented, start, end)


def _frames(sentence: list[Guess], segmented: Segmented, actors: Actors,
            carried: str | None) -> str | None:
    """Find who speaks a sentence (its units share the speaker) and strip the frame words."""
    first, last = sentence[0], sentence[-1]
    speaker: str | None = None
    told: str | None = None
    rules: list[str] = []

    dateline = _DATELINE.match(first.quote)
    if dateline:
        _trim(first, segmented, dateline.end(), len(first.quote))
        first.fired("strip-dateline")
    for _ in range(2):  # "Karasin said he thinks that ..."
        match = _LEADING_FRAME.match(first.quote)
        according = _ACCORDING.match(first.quote) if match is None else None
        if match is None and according is None:
            break
        found = match or according
        assert found is not None
        name = found.group("name")
        if re.fullmatch(_PRONOUN, name):
            who = actors.pronoun(name)
            if who is None:
                break
            rules.append("speaker-pronoun")
        else:
            who = actors.add(name, found.group("role"))
            if who is None:
                break
            rules.append("speaker-according-to" if according else "speaker-reporting-verb")
        if match is not None and match.group("to"):
            told = actors.add(match.group("to"), person=False)
            if told is not None:
                rules.append("speaker-told")
        speaker = who
        _remember(actors, who)
        _trim(first, segmented, found.start("rest"), len(first.quote))
    if speaker is None:
        match = _TRAILING_FRAME.match(last.quote)
        if match is not None and (match.group("body")[-1] in _CLOSE_QUOTES + ","
                                  or match.group("name2")):
            name = match.group("name") or match.group("name2")
            who = actors.pronoun(name) if re.fullmatch(_PRONOUN, name) else actors.add(name)
            if who is not None:
                speaker = who
                rules.append("speaker-quotation")
                _trim(last, segmented, 0, match.end("body"))
    if speaker is None and carried is not None:
        speaker = carried
        rules.append("speaker-carries")
    own: set[int] = set()
    for number, later in enumerate(sentence[1:], start=1):
        # "..., but Georgia answers that ...": a clause with a speaker of its own.
        clause = _CLAUSE_OPENING.sub("", later.quote, count=1)
        match = _LEADING_FRAME.match(clause)
        if match is None or re.fullmatch(_PRONOUN, match.group("name")):
            continue
        who = actors.add(match.group("name"), match.group("role"))
        if who is not None:
            later.speaker = who
            later.fired("speaker-reporting-verb")
            own.add(number)
    for number, guess in enumerate(sentence):
        _strip_quote_marks(guess, segmented)
        if speaker is not None and number not in own:
            guess.speaker = speaker
            guess.told = told
            for name in rules:
                guess.fired(name)
    if speaker is not None and "speaker-carries" not in rules:
        _remember(actors, speaker)
    return speaker


def _remember(actors: Actors, speaker: str) -> None:
    actors.last_speaker = speaker
    actor = actors.by_id.get(speaker)
    if actor is not None and actor.person:
        actors.last_person = speaker


def _kind(guess: Guess, actors: Actors) -> None:
    text = guess.quote
    if text.rstrip(_CLOSE_QUOTES).endswith("?"):
        guess.question = True
        guess.fired("question")
        return
    recommend = None
    if guess.unit.marker is not None and guess.unit.marker.family == "causal":
        pass  # a reason given ("because trade must go through ...") is no action proposed
    elif _DEONTIC.search(text) and not _NOT_DEONTIC.search(text):
        recommend = "recommend-deontic"
    elif _NECESSITY.search(text):
        recommend = "recommend-necessity"
    elif _EXPLICIT.search(text):
        recommend = "recommend-explicit"
    elif _OPTION.search(text):
        recommend = "recommend-option"
    elif (found := _POSSIBLE_ACTION.search(text)) is not None and (
            found.group("name").lower() == "they" or actors.add(found.group("name"))):
        recommend = "recommend-possible-action"
    elif guess.opens_sentence and guess.unit.marker is None:
        words = text.split()
        if (words and words[0][0].isupper() and not _FINITE.search(text)
                and words[0].lower().strip(_OPEN_QUOTES) in IMPERATIVE_VERBS):
            recommend = "recommend-imperative"
    if recommend is not None:
        guess.kind = "recommendation"
        guess.fired(recommend)
        for pattern in (_ADDRESSEE, _FOR_TO, _POSSIBLE_ACTION):
            for match in pattern.finditer(text):
                who = actors.add(match.group("name"))
                if who is not None and who not in guess.addressees:
                    guess.addressees.append(who)
        if guess.addressees:
            guess.fired("addressee-subject")
        return
    if _RISK.search(text):
        guess.kind = "objection"
        guess.fired("object-risk")
    elif guess.unit.marker is not None and guess.unit.marker.family == "adversative":
        guess.kind = "objection"
        guess.fired("object-adversative")


def _qualifier(guess: Guess) -> None:
    for match in _HEDGE.finditer(guess.quote):
        word = match.group()
        if word == "May" and match.start() > 0:
            continue  # the month
        guess.qualifier = " ".join(word.lower().split())
        guess.fired("hedge")
        return


def _creates_cycle(guesses: list[Guess], source: int, target: int) -> bool:
    """Whether ``source`` supporting ``target`` closes a circle of supports."""
    seen = {target}
    stack = [target]
    while stack:
        node = stack.pop()
        for nxt in guesses[node].supports:
            if nxt == source:
                return True
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return False


def _support(guesses: list[Guess], source: int, target: int, rule_name: str) -> None:
    if source == target or target in guesses[source].supports:
        return
    if _creates_cycle(guesses, source, target):
        return
    guesses[source].supports.append(target)
    guesses[source].fired(rule_name)


def _attack(guesses: list[Guess], source: int, target: int, rule_name: str) -> None:
    if source == target or target in guesses[source].attacks:
        return
    guesses[source].attacks.append(target)
    guesses[source].fired(rule_name)


def _relations(guesses: list[Guess]) -> None:
    """Relations from markers, each attached to the nearest plausible unit."""
    for i, guess in enumerate(guesses):
        unit = guess.unit
        marker = unit.marker
        previous = i - 1 if i > 0 and guesses[i - 1].unit.section == unit.section else None
        same_sentence_prev = (previous if previous is not None
                              and guesses[previous].unit.sentence == unit.sentence else None)
        following = i + 1 if (i + 1 < len(guesses)
                              and guesses[i + 1].unit.sentence == unit.sentence) else None
        if marker is not None:
            if marker.family == "causal":
                target = following if unit.fronted and following is not None else previous
                if target is not None:
                    _support(guesses, i, target, "support-causal")
            elif marker.family == "conclusive":
                if previous is not None:
                    _support(guesses, previous, i, "support-conclusive")
            elif marker.family == "adversative":
                if previous is not None:
                    _attack(guesses, i, previous, "object-adversative")
            elif marker.family == "concessive":
                partner = following if unit.fronted else same_sentence_prev
                if partner is not None:
                    _attack(guesses, partner, i, "attack-concessive")
        if "object-risk" in guess.rules and not guess.attacks:
            target = None
            for j in range(i - 1, max(-1, i - 7), -1):
                if guesses[j].unit.section != unit.section:
                    break
                if guesses[j].kind == "recommendation":
                    target = j
                    break
            if target is None:
                target = previous
            if target is not None:
                _attack(guesses, i, target, "object-risk")
    _elaborations(guesses)
    supported = {t for g in guesses for t in g.supports}
    for i, item in enumerate(guesses):
        if item.kind != "claim" or item.question:
            continue
        concluded = item.unit.marker is not None and item.unit.marker.family == "conclusive"
        if item.qualifier is None and not concluded and i not in supported:
            item.kind = "premise"
            item.fired("default-premise")
        else:
            item.fired("default-claim")


#: How many plain statements in a row are taken to elaborate the claim or recommendation
#: before them. One: on the shipped briefs, longer runs added more wrong supports than right.
ELABORATION_RUN = 1


def _elaborations(guesses: list[Guess]) -> None:
    """A plain statement right after a claim or recommendation (or after other plain ones that
    follow it) in the same section gives grounds for it."""
    head: int | None = None
    run = 0
    for i, item in enumerate(guesses):
        plain = (item.kind == "claim" and not item.question and item.qualifier is None
                 and item.unit.marker is None and not item.supports and not item.attacks)
        if head is not None and plain and run < ELABORATION_RUN and \
                guesses[head].unit.section == item.unit.section:
            _support(guesses, i, head, "support-elaboration")
            run += 1
            continue
        if item.kind in ("claim", "recommendation") and not plain and not item.question:
            head, run = i, 0
        elif not plain:
            head = None


def guess(segmented: Segmented) -> tuple[list[Guess], Actors]:
    """Guess kind, relations, speaker, addressees and qualifier for every unit."""
    actors = Actors()
    guesses: list[Guess] = []
    for unit in segmented.units:
        opens = not guesses or guesses[-1].unit.sentence != unit.sentence
        item = Guess(unit, unit.start, unit.end, unit.text, opens_sentence=opens)
        if unit.marker is not None and not (unit.fronted and unit.marker.splits_at_comma is False):
            item.fired(f"split-{unit.marker.family}")
        guesses.append(item)
    carried: str | None = None
    block = -1
    i = 0
    while i < len(guesses):
        j = i
        while j + 1 < len(guesses) and guesses[j + 1].unit.sentence == guesses[i].unit.sentence:
            j += 1
        sentence = guesses[i:j + 1]
        if guesses[i].unit.block != block:
            carried, block = None, guesses[i].unit.block
        speaker = _frames(sentence, segmented, actors, carried)
        carried = speaker
        for item in sentence:
            _kind(item, actors)
            _qualifier(item)
        i = j + 1
    _relations(guesses)
    return guesses, actors
