"""The visual vocabulary of an argument map, shared by the DOT and Mermaid renderers.

Each kind of statement has its own shape and its own fill, and the fills are far apart in
lightness, so the kinds stay apart when the map is printed in black and white (a test holds them
at least 30 grey levels apart). Support and attack edges differ three ways: colour, line style
and arrowhead.
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.graph import EdgeKind, NodeKind

__all__ = [
    "ATTACK_COLOUR",
    "EDGE_STYLES",
    "FONT",
    "KIND_STYLES",
    "SUPPORT_COLOUR",
    "EdgeStyle",
    "KindStyle",
    "grey_level",
]

# One font name that every dot knows: graphviz-pure sizes boxes from metrics built in per font
# name and falls back to Times (narrower, so text ran past the box) for a list of names such as
# "Helvetica,Arial,sans-serif"; system Graphviz finds Helvetica or its look-alike through
# fontconfig; both write font-family="Helvetica,sans-Serif" into SVG for the viewer.
FONT = "Helvetica"
SUPPORT_COLOUR = "#2e7d32"
ATTACK_COLOUR = "#c62828"
CONCEDE_COLOUR = "#8d6e63"
PREFER_COLOUR = "#1565c0"
OPTION_COLOUR = "#4a3b80"
REPHRASE_COLOUR = "#00838f"
OPPOSE_COLOUR = "#e65100"


@dataclass(frozen=True)
class KindStyle:
    """How one kind of node looks in DOT and in Mermaid."""

    name: str  # as the legend names it
    shape: str  # Graphviz shape
    style: str  # Graphviz style flags besides "filled"
    fill: str
    border: str
    font: str
    mermaid_open: str  # Mermaid shape delimiters around the quoted label
    mermaid_close: str
    dot_extra: str = ""  # further Graphviz attributes for the shape


KIND_STYLES: dict[NodeKind, KindStyle] = {
    NodeKind.PREMISE: KindStyle("Premise", "note", "", "#fffdf0", "#9c8b4a", "#222222",
                                "[", "]"),
    NodeKind.CLAIM: KindStyle("Claim", "box", "rounded", "#c6dbf0", "#3f6e9e", "#10253a",
                              "(", ")"),
    NodeKind.OBJECTION: KindStyle("Objection", "octagon", "", "#e8918a", "#a23b33",
                                  "#2b0d0a", "{{", "}}",
                                  'margin="0.02,0.01"'),
    NodeKind.RECOMMENDATION: KindStyle("Recommendation", "box", "rounded,bold", "#2e7d4f",
                                       "#184a2c", "#ffffff", "([", "])"),
    NodeKind.ARGUMENT: KindStyle("Linked argument", "circle", "", "#333333", "#333333",
                                 "#ffffff", "((", "))"),
    NodeKind.QUESTION: KindStyle("Question", "box", "diagonals,bold", "#8e7cc3", "#4a3b80",
                                 "#ffffff", ">", "]"),
}


@dataclass(frozen=True)
class EdgeStyle:
    """How one kind of edge looks: colour, line style, arrowhead, and its Mermaid arrow."""

    name: str
    colour: str
    style: str
    arrowhead: str
    mermaid_arrow: str
    #: Graphviz's ``dir``: ``"forward"`` for a relation from one statement to another,
    #: ``"none"`` or ``"both"`` for a symmetric one (a rephrase, an opposition).
    direction: str = "forward"


EDGE_STYLES: dict[EdgeKind, EdgeStyle] = {
    EdgeKind.SUPPORT: EdgeStyle("supports", SUPPORT_COLOUR, "solid", "normal", "-->"),
    EdgeKind.ATTACK: EdgeStyle("attacks", ATTACK_COLOUR, "dashed", "tee", "-.-x"),
    # A linked premise runs into its argument's junction without an arrowhead; the junction's
    # one arrow says that the premises support the conclusion together.
    EdgeKind.PREMISE: EdgeStyle("linked premise", SUPPORT_COLOUR, "solid", "none", "---"),
    EdgeKind.CONCLUSION: EdgeStyle("supports (together)", SUPPORT_COLOUR, "solid", "normal",
                                   "-->"),
    # Granting is not attacking: a dotted brown line with an open diamond.
    EdgeKind.CONCEDES: EdgeStyle("concedes", CONCEDE_COLOUR, "dotted", "odiamond", "-.-o"),
    EdgeKind.OUTWEIGHS: EdgeStyle("outweighs", PREFER_COLOUR, "bold", "empty", "==>"),
    EdgeKind.UNDERCUT: EdgeStyle("undercuts", ATTACK_COLOUR, "dashed", "tee", "-.-x"),
    EdgeKind.OPTION: EdgeStyle("option", OPTION_COLOUR, "solid", "none", "---"),
    # Sameness and opposition run both ways, so they are drawn without a direction: a rephrase
    # as a dashed teal line with no heads; contrary statements (not both true) with an open
    # circle at each end; contradictory ones (exactly one true) bold, with a bar at each end.
    EdgeKind.REPHRASES: EdgeStyle("rephrases", REPHRASE_COLOUR, "dashed", "none", "-.-",
                                  "none"),
    EdgeKind.CONTRARY: EdgeStyle("contrary", OPPOSE_COLOUR, "solid", "odot", "o--o", "both"),
    EdgeKind.CONTRADICTS: EdgeStyle("contradicts", OPPOSE_COLOUR, "bold", "tee", "x--x",
                                    "both"),
}


def grey_level(colour: str) -> float:
    """The grey level (0-255) a ``#rrggbb`` colour prints as (ITU-R BT.601 luma)."""
    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.299 * red + 0.587 * green + 0.114 * blue
