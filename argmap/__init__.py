"""argmap: turn a policy brief into an explicit, checkable argument map.

>>> import argmap
>>> brief = argmap.loads('''
... argmap: 1
... id: example
... title: An example
... actors: {russia: {name: Russian Federation}}
... premises:
...   russia-holds-cards:
...     text: Russia holds most of the cards.
...     supports: [russia-should-show-magnanimity]
... recommendations:
...   russia-should-show-magnanimity:
...     text: Russia should show magnanimity in victory.
...     addressee: russia
... ''')
>>> brief.statements["russia-holds-cards"].kind
'premise'
>>> argmap.check(brief)
[]
>>> [str(chain) for chain in argmap.chains(brief, "russia-should-show-magnanimity")]
['russia-holds-cards -> russia-should-show-magnanimity']
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.checking import check
from argmap.diagnostics import Diagnostic, Severity
from argmap.draft import draft
from argmap.errors import (
    ArgmapError,
    BriefError,
    ConfigError,
    ConversionError,
    DotNotFoundError,
    DotTimeoutError,
    RenderError,
    UnsafePathError,
)
from argmap.graph import ArgumentGraph, Edge, EdgeKind, Node, NodeKind, Relation
from argmap.lazy import lazy_getattr
from argmap.loading import dump, dumps, load, loads, read
from argmap.model import (
    Actor,
    Argument,
    Brief,
    Claim,
    Expectations,
    Objection,
    Premise,
    Question,
    Recommendation,
    Source,
    Statement,
)

if TYPE_CHECKING:
    from argmap.analysis import Chain, Evaluation, chains, evaluate
    from argmap.convert import (
        ConversionWarning,
        convert_file,
        from_aif,
        from_argdown,
        to_aif,
        to_argdown,
        to_networkx,
    )
    from argmap.publish import render, to_dot, to_html, to_markdown, to_mermaid
    from argmap.publish.notebook import show
    from argmap.schema import json_schema

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "ArgmapError",
    "Argument",
    "ArgumentGraph",
    "Brief",
    "BriefError",
    "Chain",
    "Claim",
    "ConfigError",
    "ConversionError",
    "ConversionWarning",
    "Diagnostic",
    "DotNotFoundError",
    "DotTimeoutError",
    "Edge",
    "EdgeKind",
    "Evaluation",
    "Expectations",
    "Node",
    "NodeKind",
    "Objection",
    "Premise",
    "Question",
    "Recommendation",
    "Relation",
    "RenderError",
    "Severity",
    "Source",
    "Statement",
    "UnsafePathError",
    "__version__",
    "chains",
    "check",
    "convert_file",
    "draft",
    "dump",
    "dumps",
    "evaluate",
    "from_aif",
    "from_argdown",
    "json_schema",
    "load",
    "loads",
    "read",
    "render",
    "show",
    "to_aif",
    "to_argdown",
    "to_dot",
    "to_html",
    "to_markdown",
    "to_mermaid",
    "to_networkx",
]

# Names whose modules only some uses need: imported on first access, so that `argmap validate`
# does not pay for Jinja2 or the Graphviz package.
_LAZY = {
    "Chain": "argmap.analysis",
    "Evaluation": "argmap.analysis",
    "chains": "argmap.analysis",
    "evaluate": "argmap.analysis",
    "render": "argmap.publish",
    "to_dot": "argmap.publish",
    "to_html": "argmap.publish",
    "show": "argmap.publish.notebook",
    "to_markdown": "argmap.publish",
    "to_mermaid": "argmap.publish",
    "json_schema": "argmap.schema",
    "ConversionWarning": "argmap.convert",
    "convert_file": "argmap.convert",
    "from_aif": "argmap.convert",
    "to_aif": "argmap.convert",
    "from_argdown": "argmap.convert",
    "to_argdown": "argmap.convert",
    "to_networkx": "argmap.convert",
}


__getattr__ = lazy_getattr("argmap", _LAZY)


def __dir__() -> list[str]:
    return sorted(__all__)
