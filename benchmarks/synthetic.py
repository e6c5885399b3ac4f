"""Large synthetic briefs for benchmarks: a brief of N statements and the source text it quotes.

``generate(n, seed)`` returns ``(yaml_text, source_text)``. The brief names its source as
``source.txt`` (``source_path`` changes that), so a benchmark writes the two files side by side
and loads the brief with :func:`argmap.load`, exactly as a user would.

The text is built to look like a real brief, so that the code under test does the work it does on
real input:

- a vocabulary of a few thousand pronounceable pseudo-words, so every quote is distinctive and a
  quote lookup cannot succeed by luck;
- a source document in sections, one sentence per statement, wrapped at 72 columns with a
  hyphenated break now and then (as text extracted from a PDF is), so quotes cross line ends;
- claims, premises, objections and recommendations in realistic proportions, with supports that
  point towards recommendations, objections and replies to them, linked arguments with two or
  three premises, undercuts, speakers and addressees.

Relations always point from a later statement to an earlier one, so there is no circular support
and chains of reasons stay bounded, as in a well-formed brief. The same ``(n, seed)`` always gives
the same text.
"""

from __future__ import annotations

import json
import random

__all__ = ["generate"]

_ONSETS = ("b", "br", "c", "cl", "d", "dr", "f", "g", "gr", "h", "j", "k", "l", "m", "n", "p",
           "pl", "r", "s", "st", "t", "tr", "v", "z")
_VOWELS = ("a", "e", "i", "o", "u", "ai", "ou", "ea")
_CODAS = ("", "", "", "n", "r", "s", "l", "nd", "st", "m")
_KINDS = ("recommendations", "claims", "premises", "objections")
_SECTION_SIZE = 60  # statements per section of the source
_WIDTH = 72  # columns the source text is wrapped at


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    """``size`` distinct pseudo-words of one to four syllables."""
    words: set[str] = set()
    while len(words) < size:
        syllables = rng.choice((1, 2, 2, 3, 3, 4))
        word = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(syllables))
        words.add(word + rng.choice(_CODAS))
    return sorted(words)


def _wrap(paragraph: str, rng: random.Random) -> list[str]:
    """Break a paragraph into lines of ``_WIDTH`` columns at most, now and then hyphenating."""
    lines: list[str] = []
    current = ""
    for word in paragraph.split(" "):
        if not current:
            current = word
            continue
        if len(current) + 1 + len(word) <= _WIDTH:
            current += " " + word
            continue
        room = _WIDTH - len(current) - 2  # a space and the hyphen
        if word.isalpha() and len(word) >= 7 and room >= 3 and rng.random() < 0.2:
            cut = min(room, len(word) - 3)
            lines.append(f"{current} {word[:cut]}-")
            current = word[cut:]
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def generate(
    n: int, seed: int, *, source_path: str = "source.txt"
) -> tuple[str, str]:
    """A brief of ``n`` statements (YAML text) and the source text its quotes come from."""
    if n < 1:
        raise ValueError("a brief needs at least one statement")
    rng = random.Random(seed)
    vocabulary = _vocabulary(rng, 3000)
    actors = [f"actor-{word}" for word in rng.sample(vocabulary, 12)]

    # One sentence of the source per statement; the statement quotes part of it.
    sections = [f"Part {i + 1}: {rng.choice(vocabulary).title()}"
                for i in range((n + _SECTION_SIZE - 1) // _SECTION_SIZE)]
    kinds: list[str] = []
    ids: list[str] = []
    sentences: list[str] = []
    quotes: list[str | None] = []
    for i in range(n):
        roll = rng.random()
        kind = ("recommendations" if roll < 0.08 else "claims" if roll < 0.33
                else "objections" if roll < 0.5 else "premises")
        if i == 0:
            kind = "recommendations"
        kinds.append(kind)
        words = rng.choices(vocabulary, k=rng.randint(9, 22))
        ids.append(f"{kind[:3]}-{i}-{words[0]}")
        sentences.append(" ".join(words).capitalize() + ".")
        if rng.random() < 0.85:
            start = rng.randrange(1, len(words) - 6)  # not the capitalised first word
            quotes.append(" ".join(words[start:start + rng.randint(5, 8)]))
        else:
            quotes.append(None)

    supports: list[list[str]] = [[] for _ in range(n)]
    attacks: list[list[str]] = [[] for _ in range(n)]
    targets = [i for i in range(n) if kinds[i] in ("recommendations", "claims")]
    arguments: list[tuple[str, list[str], str, str]] = []
    for i in range(1, n):
        earlier = [t for t in targets[-40:] if t < i] or [0]
        if kinds[i] == "objections":
            if arguments and rng.random() < 0.15:
                attacks[i].append(rng.choice(arguments[-20:])[0])  # an undercut
            else:
                attacks[i].append(ids[rng.choice(earlier)])
        elif kinds[i] == "premises" and rng.random() < 0.12:
            objections = [j for j in range(max(0, i - 30), i) if kinds[j] == "objections"]
            if objections:
                attacks[i].append(ids[rng.choice(objections)])  # a reply to an objection
            else:
                supports[i].append(ids[rng.choice(earlier)])
        else:
            for target in sorted(set(rng.choices(earlier, k=rng.choice((1, 1, 1, 2))))):
                supports[i].append(ids[target])
        if kinds[i] in ("recommendations", "claims"):
            targets.append(i)
        if kinds[i] == "claims" and i >= 3 and rng.random() < 0.2:
            pool = [j for j in range(i + 1, min(n, i + 12)) if kinds[j] in ("premises", "claims")]
            premises = sorted(rng.sample(pool, k=min(len(pool), rng.choice((2, 2, 3)))))
            if len(premises) >= 2:
                name = f"arg-{i}-{rng.choice(vocabulary)}"
                text = " ".join(rng.choices(vocabulary, k=10)).capitalize() + "."
                arguments.append((name, [ids[p] for p in premises], ids[i], text))

    # The source document: sections of paragraphs, wrapped.
    source_lines = ["A synthetic policy brief", ""]
    for s, title in enumerate(sections):
        source_lines += [title, ""]
        chunk = sentences[s * _SECTION_SIZE:(s + 1) * _SECTION_SIZE]
        for p in range(0, len(chunk), 5):
            source_lines += _wrap(" ".join(chunk[p:p + 5]), rng)
            source_lines.append("")
    source_text = "\n".join(source_lines)

    out: list[str] = [
        "argmap: 1",
        f"id: synthetic-{n}-{seed}",
        f"title: {_q(f'A synthetic brief of {n} statements')}",
        'date: "2024-01-01"',
        f"summary: {_q(' '.join(rng.choices(vocabulary, k=40)).capitalize() + '.')}",
        "source:",
        f"  path: {_q(source_path)}",
        f"  title: {_q('A synthetic policy brief')}",
        f"sections: [{', '.join(_q(title) for title in sections)}]",
        "actors:",
    ]
    out += [f"  {actor}: {{name: {_q(actor.split('-', 1)[1].title())}}}" for actor in actors]
    for kind in _KINDS:
        members = [i for i in range(n) if kinds[i] == kind]
        if not members:
            continue
        out.append(f"{kind}:")
        for i in members:
            words = sentences[i][:-1].split(" ")
            text = " ".join(words[: max(6, len(words) * 2 // 3)]) + "."
            out += [f"  {ids[i]}:", f"    text: {_q(text)}"]
            if quotes[i] is not None:
                out.append(f"    quote: {_q(quotes[i] or '')}")
            out.append(f"    section: {_q(sections[i // _SECTION_SIZE])}")
            if rng.random() < 0.3:
                out.append(f"    speaker: {rng.choice(actors)}")
            if kind == "recommendations":
                addressees = sorted(set(rng.choices(actors, k=rng.choice((1, 1, 2)))))
                out.append(f"    addressee: [{', '.join(addressees)}]")
            if supports[i]:
                out.append(f"    supports: [{', '.join(supports[i])}]")
            if attacks[i]:
                out.append(f"    attacks: [{', '.join(attacks[i])}]")
    if arguments:
        out.append("arguments:")
        for name, linked, conclusion, text in arguments:
            out += [f"  {name}:", f"    premises: [{', '.join(linked)}]",
                    f"    conclusion: {conclusion}", f"    text: {_q(text)}"]
    return "\n".join(out) + "\n", source_text
